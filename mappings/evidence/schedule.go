package evidence

// Schedules as written: how often the cells were given. Only shapes whose
// meaning is plain are read; "8 times/wk in 2 months" is kept as words and
// never turned into a count of courses.

// schedule sets iv.Schedule (and Courses for "weekly for 4 weeks") from
// the first sentence naming the agent that states a schedule.
func (x *extraction) schedule(iv *Intervention, fss []fieldSentence) {
	for _, fs := range fss {
		f, s := fs.f, &fs.f.Sentences[fs.si]
		if namesOneGroup(f, s) {
			continue // "weekly for 4 weeks in the first cohort": one group's
		}
		for k := s.Tok0; k < s.Tok1; k++ {
			end, weeks, ok := scheduleAt(f, s, k)
			if !ok {
				continue
			}
			sp := f.tokSpan(k, end)
			iv.Schedule = sp.Text
			iv.Details = append(iv.Details, Detail{"schedule", "schedule-as-written", sp})
			iv.Spans = appendSpan(iv.Spans, sp)
			if weeks > 0 && iv.Courses == 0 {
				iv.Courses = weeks
				iv.Details = append(iv.Details, Detail{"courses", "courses-weekly-for-weeks", sp})
			}
			return
		}
	}
}

// scheduleAt matches a schedule starting at token k and returns the token
// after it; weeks > 0 for "weekly for N weeks" (one administration a week).
func scheduleAt(f *field, s *sentence, k int) (end, weeks int, ok bool) {
	fold := func(j int) string {
		if j < s.Tok1 {
			return f.Tokens[j].Fold
		}
		return ""
	}
	// "for three consecutive days per course", "for 5 consecutive days"
	if fold(k) == "for" {
		if _, ok := numberAt(f, k+1); k+1 < s.Tok1 && ok && fold(k+2) == "consecutive" {
			switch fold(k + 3) {
			case "days", "weeks":
				end = k + 4
				if fold(end) == "per" && (fold(end+1) == "course" || fold(end+1) == "cycle") {
					end += 2
				}
				return end, 0, true
			}
		}
	}
	// "weekly", "per week", "once a week", "once or twice a week" ...
	j := k
	switch {
	case fold(j) == "weekly":
		j++
	case (fold(j) == "per" || fold(j) == "every") && fold(j+1) == "week":
		j += 2
	case fold(j) == "once" && fold(j+1) == "a" && fold(j+2) == "week":
		j += 3
	case fold(j) == "once" && fold(j+1) == "or" && fold(j+2) == "twice" && fold(j+3) == "a" && fold(j+4) == "week":
		j += 5
	default:
		// "8 times/wk in 2 months"
		if _, ok := numberAt(f, k); ok && fold(k+1) == "times" && (fold(k+2) == "wk" || fold(k+2) == "week") {
			end = k + 3
			if fold(end) == "in" || fold(end) == "for" {
				if _, ok := numberAt(f, end+1); ok && isTimeWord(fold(end+2)) {
					end += 3
				}
			}
			return end, 0, true
		}
		return 0, 0, false
	}
	// "... for 4 weeks", "for four consecutive weeks"
	if fold(j) == "for" {
		if n, ok := numberAt(f, j+1); ok && j+1 < s.Tok1 {
			w := j + 2
			if fold(w) == "consecutive" {
				w++
			}
			if fold(w) == "weeks" {
				return w + 1, n, true
			}
		}
	}
	return j, 0, true
}

func isTimeWord(w string) bool {
	switch w {
	case "day", "days", "week", "weeks", "month", "months", "year", "years":
		return true
	}
	return false
}
