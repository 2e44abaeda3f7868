package evidence

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/msckg/msckg/ontology"
)

// cohort builds the one cohort an abstract describes, by the rules of
// the cohort frame in their order. Properties are read only from the title
// and from factual sentences (not background, not hedged), so "standard
// treatments such as IVIG" never becomes a prior therapy and "clinical
// trials are needed" never a design.
func (x *extraction) cohort() (Cohort, bool) {
	var c Cohort
	for _, rule := range cohortRules {
		rule.run(x, &c)
	}
	if c.Size == 0 && len(c.Conditions) == 0 && c.Age == nil {
		return c, false
	}
	for _, d := range c.Details {
		if d.Property == "size" {
			c.Rule = d.Rule
		}
	}
	if c.Rule == "" {
		c.Rule = "cohort-from-conditions"
	}
	for _, d := range c.Details {
		c.Spans = appendSpan(c.Spans, d.Span)
	}
	return c, true
}

// cohortRule is a rule of the cohort frame: it adds its property to the
// cohort with the details (rule and words) that say where it was read.
type cohortRule = frameRule[func(x *extraction, c *Cohort)]

// cohortRules run in this order; the order of the cohort's details, and so
// of the output, is theirs.
var cohortRules = []cohortRule{
	{"size", nil, []string{"cohort-noun", "arm-allocation"}, (*extraction).cohortSize},
	{"age-and-sex", []string{"size"}, []string{"cohort-noun"}, (*extraction).cohortAgeSex},
	{"conditions", nil, []string{"event-cue", "condition-stop", "condition-frame-stop", "condition-frame", "associated-condition"}, (*extraction).cohortConditions},
	{"pregnancy", []string{"conditions"}, []string{"pregnant"}, (*extraction).cohortPregnancy},
	{"refractory", nil, []string{"refractory"}, (*extraction).cohortRefractory},
	{"disease-phase", nil, nil, (*extraction).cohortPhase},
	{"disease-duration", nil, nil, (*extraction).cohortDuration},
	{"prior-therapies", nil, []string{"prior-cue", "prior-lead", "study-treatment", "transplant-regimen"}, (*extraction).cohortPriorTherapies},
}

func appendSpan(ss []Span, s Span) []Span {
	for _, o := range ss {
		if o == s {
			return ss
		}
	}
	return append(ss, s)
}

// prevFold is the folded token before k in the sentence, or "".
func prevFold(f *field, s *sentence, k int) string { return foldAt(f, s, k-1) }

// foldAt is the folded token k of the sentence, or "" outside it.
func foldAt(f *field, s *sentence, k int) string {
	if k < s.Tok0 || k >= s.Tok1 {
		return ""
	}
	return f.Tokens[k].Fold
}

// cohortSize takes the first count of people in a factual abstract
// sentence that is not itself a subset ("in three patients", "of the 4").
func (x *extraction) cohortSize(c *Cohort) {
	f := x.abs
	declinedMore := 0 // the largest count declined as a part or a result
	for si := range f.Sentences {
		s := &f.Sentences[si]
		if !f.Ctx[si].factual() {
			continue
		}
		if a, ok := x.ageAt(f, s); ok && a.article {
			c.Size = 1
			c.Details = append(c.Details, Detail{"size", "size-age-phrase", f.tokSpan(a.tok0, a.tok1)})
			return
		}
		if n, sp, ok := x.nEquals(f, s); ok {
			c.Size = n
			c.Details = append(c.Details, Detail{"size", "size-n-equals", sp})
			return
		}
		planned := plannedNumbers(f, s)
		counts := countsIn(x.r, f, s)
		for ci, n := range counts {
			if n.Part {
				continue
			}
			if n.N == 1 && declinedMore > 1 {
				// "Six patients were diagnosed ... One patient, number 5,
				// treated with steroids ... did not relapse": one of them
				x.candidates = append(x.candidates, Candidate{Kind: "size", Patients: intp(1),
					Reason: "one patient of several the text counts, not a single case",
					Rule:   "size-count-noun", Spans: []Span{f.tokSpan(n.Tok0, n.Tok1), f.sentenceSpan(s)}})
				continue
			}
			if ci == 0 && opensSplit(f, s, n) {
				c.Size = n.N
				c.Details = append(c.Details, Detail{"size", "size-whole-split", f.tokSpan(n.Tok0, n.Tok1)})
				return
			}
			armSize := oneGroupsCount(f, s, counts, ci)
			unsaid := s.Role == "results" && resultVerbAfter(f, s, n) || outcomeStateAfter(f, s, n) ||
				eventHadAfter(f, s, n) || shareInBracketsBefore(f, s, n)
			screened := screenedCount(f, s, n)
			if planned || armSize || unsaid || screened || n.OfSome() || x.countOfResult(f, si, n) || shareFollows(f, s, n) {
				why := "a count of patients with an event or a result, not of those studied"
				switch {
				case n.OfSome():
					why = "a count with its share of a larger group (\"Eight (36.4%) patients\"): some of the patients, not all of them"
				case screened:
					why = "patients screened, assessed for eligibility or excluded, not those studied"
				case planned:
					why = "a planned number (a registration's enrolment target), not patients studied"
				case armSize:
					why = "the size of one group (in brackets after it, followed by the arm it is in, or one of counts listed together: \"Ten children and 5 adults\"), not of the study"
				case unsaid:
					why = "a count in the results, of those with a result, not of those studied"
				}
				x.candidates = append(x.candidates, Candidate{Kind: "size", Patients: intp(n.N), Reason: why,
					Rule: "size-count-noun", Spans: []Span{f.tokSpan(n.Tok0, n.Tok1), f.sentenceSpan(s)}})
				declinedMore = max(declinedMore, n.N)
				continue
			}
			with := n.Tok1 < s.Tok1 && f.Tokens[n.Tok1].Fold == "with" && f.Tokens[n.Tok1].SoftBefore
			if p := prevFold(f, s, n.Tok0); (p == "the" || p == "these") && !wholeOfPart(f, s, n.Tok0-2) {
				switch prevFold(f, s, n.Tok0-1) {
				case "of", "among", "in", "for":
					continue // "Of the 27 patients who died during follow-up": a part
				}
			}
			switch p := prevFold(f, s, n.Tok0); p {
			case "in", "of", "to", "among", "than", "from", "all", "remaining", "other", "only", "these",
				"further", "additional", "another", "including", "whom", "excluding", "except":
				// "a total of 43", "the entire cohort of 43", "a case series of
				// 5 patients": the whole; "a further 18 patients", "including
				// 12 children", "of whom 40": a part.
				total := p == "of" && n.Tok0-2 >= s.Tok0 && wholeNouns[f.Tokens[n.Tok0-2].Fold]
				// "analyzed clinical data from 190 SAA patients": the patients studied.
				data := p == "from" && n.Tok0-2 >= s.Tok0 && (f.Tokens[n.Tok0-2].Fold == "data" || f.Tokens[n.Tok0-2].Fold == "records")
				// "MSCs were given to 40 patients": the patients treated.
				given := p == "to" && n.Tok0-2 >= s.Tok0 && givenVerbs[f.Tokens[n.Tok0-2].Fold]
				// "We report the first experience using MSCs to treat
				// refractory aGVHD in 33 pediatric patients": the record's own.
				ours := (p == "in" || p == "of") && ci == 0 && weStudied(f, s, n.Tok0)
				if !total && !data && !given && !ours && !(p == "in" && with) {
					continue
				}
			}
			c.Size = n.N
			c.Details = append(c.Details, Detail{"size", "size-count-noun", f.tokSpan(n.Tok0, n.Tok1)})
			return
		}
	}
}

// opensSplit: "Of the 17 patients treated, 12 had ITP and 5 had ES", "Of
// the 42 patients, 28 patients were historically diagnosed": the sentence
// opens with the count, a comma follows it (after at most a studied verb)
// and the clause after it divides those patients: the whole, when no
// count before it was taken. "Of the 27 patients who died" and "Of these
// 14 patients" are parts.
func opensSplit(f *field, s *sentence, n count) bool {
	if n.Part || prevFold(f, s, n.Tok0) != "the" || prevFold(f, s, n.Tok0-1) != "of" && prevFold(f, s, n.Tok0-1) != "among" {
		return false
	}
	labelled := n.Tok0-3 == s.Tok0 && strings.Contains(runeSlice(f.Runes, f.Tokens[s.Tok0].End, f.Tokens[s.Tok0+1].Start), ":")
	if n.Tok0-2 != s.Tok0 && !labelled { // "Results: Of the 17 patients treated, ..."
		return false
	}
	k := n.Tok1
	if k < s.Tok1 && studiedVerbs[f.Tokens[k].Fold] {
		k++
	}
	return k < s.Tok1 && strings.Contains(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start), ",")
}

// weVerbs after "we" say the record reports patients of its own.
var weVerbs = map[string]bool{"report": true, "reported": true, "describe": true, "described": true,
	"present": true, "presented": true, "treated": true, "studied": true, "analyzed": true, "analysed": true,
	"investigated": true, "reviewed": true, "performed": true, "enrolled": true, "evaluated": true}

// weStudied: the sentence opens with "We" and one of weVerbs right after
// it ("We report ...", "We retrospectively analyzed ..."), before token k.
func weStudied(f *field, s *sentence, k int) bool {
	if s.Tok0+1 >= k || f.Tokens[s.Tok0].Fold != "we" {
		return false
	}
	for j := s.Tok0 + 1; j < k && j <= s.Tok0+3; j++ {
		if weVerbs[f.Tokens[j].Fold] {
			return true
		}
	}
	return false
}

// wholeOfPart: token k ("of") follows a part's number ("5 of the 24
// patients"), so what comes after is the whole.
func wholeOfPart(f *field, s *sentence, k int) bool {
	_, ok := numberAt(f, k-1)
	return k-1 >= s.Tok0 && ok
}

// givenVerbs before "to N patients" make N the patients treated.
var givenVerbs = map[string]bool{"given": true, "administered": true, "infused": true, "transfused": true,
	"delivered": true, "transplanted": true}

// screenedCount: the count is of patients screened or assessed for
// eligibility ("200 patients were screened and 40 were enrolled"), more
// than were studied, or of those excluded ("We had to exclude 224
// patients from the analysis", "12 patients were excluded").
func screenedCount(f *field, s *sentence, n count) bool {
	for j := n.Tok0 - 1; j >= s.Tok0 && j >= n.Tok0-2; j-- {
		if f.Tokens[j].Fold == "exclude" || f.Tokens[j].Fold == "excluded" {
			return true // "We had to exclude 224 patients from the analysis"
		}
	}
	k := n.Tok1
	for k < s.Tok1 && k < n.Tok1+8 && !clauseBreakBefore(f, k) && f.Tokens[k].Fold != "were" && f.Tokens[k].Fold != "was" {
		k++ // "200 patients with ITP were screened"
	}
	if k < s.Tok1 && (f.Tokens[k].Fold == "were" || f.Tokens[k].Fold == "was") {
		k++
	} else {
		k = n.Tok1 // "200 patients screened"
	}
	if k >= s.Tok1 {
		return false
	}
	switch f.Tokens[k].Fold {
	case "screened", "excluded":
		return true
	case "assessed", "evaluated":
		return k+2 < s.Tok1 && f.Tokens[k+1].Fold == "for" && f.Tokens[k+2].Fold == "eligibility"
	}
	return false
}

// wholeNouns before "of N patients" make N the whole studied: "a total
// of 43", "the records of 26 patients (9 children and 17 adults) were
// reviewed".
var wholeNouns = map[string]bool{"total": true, "cohort": true, "series": true, "records": true,
	"data": true, "charts": true, "analysis": true, "characteristics": true}

// studiedVerbs say the patients counted before them are those studied.
var studiedVerbs = map[string]bool{"enrolled": true, "included": true, "treated": true, "received": true,
	"underwent": true, "recruited": true, "analyzed": true, "analysed": true, "randomized": true,
	"randomised": true, "studied": true, "evaluated": true, "assessed": true, "registered": true,
	"participated": true, "entered": true, "identified": true, "evaluable": true, "eligible": true}

// resultVerbAfter: in a results section, the count is the subject of a
// verb that is not a studied verb ("5 patients still needed
// transfusions", "12 patients were alive"), so it counts those with a
// result. "23 patients were enrolled" and "48 patients with a median age
// of 45" are the patients studied.
func resultVerbAfter(f *field, s *sentence, n count) bool {
	k, ok := verbAfterCount(f, s, n)
	if !ok {
		return false
	}
	w := f.Tokens[k].Fold
	if w == "were" || w == "was" {
		return k+1 < s.Tok1 && !studiedVerbs[f.Tokens[k+1].Fold]
	}
	return !studiedVerbs[w] && (strings.HasSuffix(w, "ed") || w == "had")
}

// verbAfterCount is the token after count n and its adverbs ("5
// patients still needed"), in the count's clause.
func verbAfterCount(f *field, s *sentence, n count) (int, bool) {
	k := n.Tok1
	for k < s.Tok1 && countAdverbs[f.Tokens[k].Fold] {
		k++
	}
	return k, k < s.Tok1 && !clauseBreakBefore(f, k)
}

// outcomeStateAfter: the count's verb says what became of the patients,
// in any section: "32 patients were alive", "Three patients in cohort 1
// withdrew", "two patients died".
func outcomeStateAfter(f *field, s *sentence, n count) bool {
	for k := n.Tok1; k < s.Tok1 && k <= n.Tok1+4 && !clauseBreakBefore(f, k); k++ {
		switch w := f.Tokens[k].Fold; {
		case outcomeStates[w]:
			return true
		case w == "with" || w == "who" || w == "that" || w == "whose":
			return false // "20 patients who died were excluded": the state names them
		}
	}
	return false
}

// eventHadAfter: the count had an event, in any section: "Three patients
// had transient reactions during DSC infusion", "two patients developed
// infections". "Ten patients had ITP" names the patients and is not one:
// an event noun must follow the verb within a few words.
func eventHadAfter(f *field, s *sentence, n count) bool {
	k, ok := verbAfterCount(f, s, n)
	if !ok || !eventVerbs[f.Tokens[k].Fold] {
		return false
	}
	for j := k + 1; j < s.Tok1 && j <= k+4 && !clauseBreakBefore(f, j); j++ {
		if studyEventNouns[f.Tokens[j].Fold] {
			return true
		}
	}
	return false
}

// studyEventNouns are events that happen to some patients during a
// study. Diseases a transplant study enrols for ("developed GVHD") are not
// among them.
var studyEventNouns = map[string]bool{"reaction": true, "reactions": true, "infection": true, "infections": true,
	"complication": true, "complications": true, "toxicity": true, "toxicities": true, "events": true,
	"effects": true, "relapse": true, "relapses": true, "fever": true, "bleeding": true, "response": true,
	"responses": true, "remission": true}

// shareInBracketsBefore: the count stands in brackets right after a
// percentage, "(82.8% [82 patients] vs. 70.7% [70])": those with the
// result the percentage gives.
func shareInBracketsBefore(f *field, s *sentence, n count) bool {
	if n.Tok0 <= s.Tok0 {
		return false
	}
	gap := strings.ReplaceAll(runeSlice(f.Runes, f.Tokens[n.Tok0-1].End, f.Tokens[n.Tok0].Start), " ", "")
	return gap == "%[" || gap == "%("
}

// outcomeStates say what became of patients; "relapsed" is left out, as
// "patients with relapsed ITP" names the patients studied.
var outcomeStates = map[string]bool{"alive": true, "died": true, "dead": true, "survived": true, "withdrew": true,
	"withdrawn": true, "discontinued": true, "deceased": true, "engrafted": true}

// countAdverbs may stand between a count and its verb.
var countAdverbs = map[string]bool{"still": true, "also": true, "eventually": true, "finally": true,
	"subsequently": true, "only": true, "all": true}

// listedCounts: count ci is one of counts listed together ("Ten children
// and 5 adults", "12 men, 8 women"): each counts one group, and their sum
// is not written.
func listedCounts(f *field, counts []count, ci int) bool {
	adjacent := func(a, b count) bool {
		if b.Tok0 == a.Tok1 {
			return strings.Contains(runeSlice(f.Runes, f.Tokens[a.Tok1-1].End, f.Tokens[b.Tok0].Start), ",")
		}
		return b.Tok0 == a.Tok1+1 && (f.Tokens[a.Tok1].Fold == "and" || f.Tokens[a.Tok1].Fold == "or")
	}
	return ci+1 < len(counts) && !counts[ci+1].Part && adjacent(counts[ci], counts[ci+1]) ||
		ci > 0 && !counts[ci-1].Part && adjacent(counts[ci-1], counts[ci])
}

// oneGroupsCount: count ci of the sentence is the size of one group, not
// of the study: in brackets after a group ("trial group (31 cases)"),
// listed with other counts ("Ten children and 5 adults"), followed by its
// arm ("… in the HD-DXM plus rhTPO arm") or a second group ("… and 62
// treated with hATG"), on an "including" list, per group or a bound ("at
// least three patients per group"), or a part of a total ("of the total
// 1,829 patients").
func oneGroupsCount(f *field, s *sentence, counts []count, ci int) bool {
	n := counts[ci]
	return armSizeInBrackets(f, s, n) || listedCounts(f, counts, ci) || countInArm(f, s, n) ||
		includedBefore(f, s, n.Tok0) || perGroup(f, s, n) || ofTheTotal(f, s, n) || anotherGroupAfter(f, s, n) ||
		numberListedBefore(f, s, n)
}

// numberListedBefore: the count's number ends a list of numbers that
// share its noun ("data from 31 and 69 patients in the HDD and PSL
// groups, respectively", "180 pregnant and 168 nonpregnant women"): "and",
// "or" or "vs" before it, and a bare number one or two words before that.
func numberListedBefore(f *field, s *sentence, n count) bool {
	switch prevFold(f, s, n.Tok0) {
	case "and", "or", "vs", "versus":
	default:
		return false
	}
	for j := n.Tok0 - 2; j >= s.Tok0 && j >= n.Tok0-3; j-- {
		if _, ok := numberAt(f, j); ok && !clauseBreakBefore(f, j+1) {
			return true
		}
	}
	return false
}

// includedBefore: the count goes on a list opened by "including" in its
// clause ("55 patients, including 23 patients with aGVHD and 32 patients
// with cGVHD"): a part, like the first item.
func includedBefore(f *field, s *sentence, k int) bool {
	// back through the clause, and across an "and" that joins the list
	for j := k - 1; j >= s.Tok0 && (!clauseBreakBefore(f, j+1) || f.Tokens[j+1].Fold == "and"); j-- {
		switch {
		case f.Tokens[j].Fold == "including":
			return true
		case f.Tokens[j].Fold == "included" && j+1 < k && f.Tokens[j+1].Fold != "in":
			return false // "… were included, and 40 …": the list ends before it
		}
	}
	return false
}

// severalDiseasesBefore: "different", "various" or "distinct" and then a
// plural disease noun come before token k in its sentence ("with three
// different rheumatic diseases;").
func severalDiseasesBefore(f *field, s *sentence, k int) bool {
	for j := s.Tok0; j < k; j++ {
		switch f.Tokens[j].Fold {
		case "different", "various", "distinct":
		default:
			continue
		}
		for i := j + 1; i < k && i <= j+3; i++ {
			switch f.Tokens[i].Fold {
			case "diseases", "disorders", "conditions", "diagnoses", "indications":
				return true
			}
		}
	}
	return false
}

// listedAfterIncluding: token k is in a list that "including" opens
// earlier in its sentence, with no semicolon between ("damage …,
// including autoimmune hearing loss, multiple sclerosis and rheumatoid
// arthritis"): some of the patients have each.
func listedAfterIncluding(f *field, s *sentence, k int) bool {
	for j := k - 1; j >= s.Tok0 && j >= k-20; j-- {
		if listBreak(f, j+1) {
			return false
		}
		if f.Tokens[j].Fold == "including" {
			return true
		}
	}
	return false
}

// boundWords make the number after them a bound ("at least", "a
// minimum of"), not a value.
var boundWords = map[string]bool{"least": true, "most": true, "minimum": true, "maximum": true}

// perGroup: a bound or a size of each group, not the study's: "at least
// three patients per group", "more than 20 patients", "10 patients in
// each arm".
func perGroup(f *field, s *sentence, n count) bool {
	if p := prevFold(f, s, n.Tok0); boundWords[p] || p == "than" {
		return true
	}
	for j := n.Tok1; j < s.Tok1 && j <= n.Tok1+1; j++ {
		switch f.Tokens[j].Fold {
		case "per", "each":
			return true
		}
	}
	return false
}

// anotherGroupAfter: "A total of 169 patients treated with rATG and 62
// treated with hATG were included", "54 children received avatrombopag,
// while 21 were in the placebo group": a bare number after "and",
// "while" or "whereas" in the count's clause, with a verb of treatment or
// a group's preposition after it, counts a second group, so the first
// count is a group's too.
func anotherGroupAfter(f *field, s *sentence, n count) bool {
	for j := n.Tok1; j+2 < s.Tok1 && j <= n.Tok1+14 && !listBreak(f, j+1); j++ {
		switch f.Tokens[j].Fold {
		case "and", "while", "whereas":
		case "matched", "compared":
			// "131 pregnant women with ITP were matched to 131 nonpregnant
			// women": one of the groups compared
			if to := f.Tokens[j+1].Fold; to == "to" || to == "with" {
				if _, ok := numberAt(f, j+2); ok {
					return true
				}
			}
			continue
		default:
			continue
		}
		if between := runeSlice(f.Runes, f.Tokens[n.Tok1-1].End, f.Tokens[j].Start); strings.Count(between, "(") > strings.Count(between, ")") {
			continue // "20 patients (7 with … and 13 with …)": the count's own split
		}
		if v, next, ok := numberSpan(f, j+1); ok && next < s.Tok1 && (v < 1900 || v > 2100) { // not "between 2008 and 2022 were"
			switch f.Tokens[next].Fold {
			case "treated", "received", "receiving", "underwent", "with", "in", "by", "on", "to", "had", "were":
				return true
			}
		}
	}
	return false
}

// ofTheTotal: "One hundred and forty nine cases of the total 1,829
// patients": a part of a total the count rule cannot read as a number.
func ofTheTotal(f *field, s *sentence, n count) bool {
	k := n.Tok1
	if k+1 < s.Tok1 && f.Tokens[k].Fold == "out" {
		k++
	}
	if k+2 >= s.Tok1 || f.Tokens[k].Fold != "of" {
		return false
	}
	switch f.Tokens[k+1].Fold {
	case "the", "a", "all":
		return f.Tokens[k+2].Fold == "total"
	case "total":
		return true
	}
	return false
}

// countInArm: "One hundred patients in the HD-DXM plus rhTPO arm and 96
// patients in the HD-DXM monotherapy arm": the count is followed by the
// arm or group it is in, in a sentence naming more than one.
func countInArm(f *field, s *sentence, n count) bool {
	if n.Tok1 < s.Tok1 && insideBrackets(f, n.Tok1) {
		// "12 patients (MSC group), … 12 knees with normal saline (control group)"
		for j := n.Tok1; j < s.Tok1 && j <= n.Tok1+3; j++ {
			if w := f.Tokens[j].Fold; w == "group" || w == "arm" {
				return true
			}
		}
	}
	if n.Tok1 >= s.Tok1 || f.Tokens[n.Tok1].Fold != "in" || groupWords(f, s) < 2 {
		return false
	}
	for k := n.Tok1 + 1; k < s.Tok1 && k <= n.Tok1+7 && !clauseBreakBefore(f, k); k++ {
		switch f.Tokens[k].Fold {
		case "arm", "group", "cohort":
			return true
		}
	}
	return false
}

// armSizeInBrackets: "randomized into trial group (31 cases) or control
// group (31 cases)": a count in brackets right after a group noun is that
// group's size.
func armSizeInBrackets(f *field, s *sentence, n count) bool {
	switch prevFold(f, s, n.Tok0) {
	case "group", "arm", "cohort":
		return strings.Contains(runeSlice(f.Runes, f.Tokens[n.Tok0-1].End, f.Tokens[n.Tok0].Start), "(")
	}
	return false
}

// plannedNumbers: the sentence speaks of the future or an estimate ("40
// patients will be separated into two groups", "Enrollment 10 estimated
// patients"): a registration's target, not patients studied.
func plannedNumbers(f *field, s *sentence) bool {
	for k := s.Tok0; k < s.Tok1; k++ {
		switch f.Tokens[k].Fold {
		case "will", "estimated", "anticipated", "planned", "expected", "proposes", "propose", "aims", "target",
			"plans", "intends", "seeks":
			return true // "The study proposes to recruit 150 patients", "This study plans to enroll 10 patients"
		}
	}
	return false
}

// resultVerbs make the patients counted before them the subject of a
// result: "Two patients died", "17 patients showed normal hemoglobin",
// "Thirty-eight patients (13%) experienced ≥ 1 adverse events".
var resultVerbs = map[string]bool{
	"died": true, "showed": true, "achieved": true, "responded": true, "relapsed": true,
	"experienced": true, "developed": true, "attained": true, "reached": true,
}

// countOfResult: the count is the subject of a result verb, or of "had"
// followed by an outcome ("Four patients had serious AEs").
func (x *extraction) countOfResult(f *field, si int, n count) bool {
	s := &f.Sentences[si]
	k := n.Tok1
	// skip a bracket after the noun: "(13%)", "(13/18, 72.2%)"
	if k < s.Tok1 && strings.HasPrefix(strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start)), "(") {
		for k < s.Tok1 && !strings.Contains(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start), ")") {
			k++
		}
	}
	if k >= s.Tok1 {
		return false
	}
	if resultVerbs[f.Tokens[k].Fold] {
		return true
	}
	if f.Tokens[k].Fold != "had" {
		return false
	}
	for _, m := range f.inSentence(si) {
		if m.Tok0 > k && m.Tok0 <= k+4 && m.Kind() == "outcome" {
			return true
		}
	}
	return false
}

// shareFollows: "Thirty-eight patients (13%) experienced ...": a count
// given with its share of a larger group is a part of it.
func shareFollows(f *field, s *sentence, n count) bool {
	// "5 of the 24 patients (20.8%)": the share is the five's, 24 the whole.
	if p := prevFold(f, s, n.Tok0); p == "of" || (p == "the" && prevFold(f, s, n.Tok0-1) == "of") {
		return false
	}
	end := f.Tokens[n.Tok1-1].End
	for _, q := range f.quantitiesIn(end, min(s.End, end+12)) {
		return q.Unit == "%" && strings.TrimSpace(runeSlice(f.Runes, end, q.Span.Start)) == "("
	}
	return false
}

// nEquals reads "Adult patients (≥18 years) with SAA (N = 25)": an
// "(n = D)" bracket a few words after a cohort noun. Only the first such
// bracket of a sentence counts; a later one may be a comparison group.
func (x *extraction) nEquals(f *field, s *sentence) (int, Span, bool) {
	if x.allotsArms(f, s) {
		return 0, Span{}, false // "(n = 31) or placebo (n = 31)": the arms' sizes
	}
	brackets := 0
	for k := s.Tok0 + 1; k+1 < s.Tok1; k++ {
		if _, _, ok := nEqualsAfter(f, s, k); ok {
			brackets++
		}
	}
	if brackets >= 2 && len(countsIn(x.r, f, s)) > 0 {
		// "given to 40 patients classified as newly diagnosed (n = 10),
		// persistent (n = 12) or chronic (n = 18)": the brackets are
		// groups of the patients counted.
		return 0, Span{}, false
	}
	noun := -1
	for k := s.Tok0; k+1 < s.Tok1; k++ {
		if x.isPatientsNoun(f, k) {
			noun = k
		}
		t := f.Tokens[k]
		if t.Fold != "n" || t.Start == 0 || f.Runes[t.Start-1] != '(' {
			continue
		}
		gap := strings.TrimSpace(runeSlice(f.Runes, t.End, f.Tokens[k+1].Start))
		if gap != "=" || !isDigits(f.Tokens[k+1].Text) {
			continue
		}
		if noun < 0 || k-noun > 8 {
			return 0, Span{}, false
		}
		n, ok := numberAt(f, k+1)
		if !ok {
			return 0, Span{}, false
		}
		return n, f.tokSpan(k, k+2), true
	}
	return 0, Span{}, false
}

// allotsArms: an allocation sentence with two "(n = N)" brackets.
func (x *extraction) allotsArms(f *field, s *sentence) bool {
	if !f.has(x.r, "arm-allocation", s.Tok0, s.Tok1) {
		return false
	}
	n := 0
	for k := s.Tok0 + 1; k+1 < s.Tok1; k++ {
		if _, _, ok := nEqualsAfter(f, s, k); ok {
			n++
		}
	}
	return n >= 2
}

// agePhrase is "a 41-year-old woman": the age, the person noun, and
// whether an article makes it one patient.
type agePhrase struct {
	years      int
	tok0, tok1 int // the whole phrase
	ageTok1    int // end of "41-year-old"
	noun       int // token of the person noun
	article    bool
}

// ageAt finds the first "N-year-old <person>" in the sentence.
func (x *extraction) ageAt(f *field, s *sentence) (agePhrase, bool) {
	for k := s.Tok0 + 1; k+1 < s.Tok1; k++ {
		if y := f.Tokens[k].Fold; (y != "year" && y != "years") || f.Tokens[k+1].Fold != "old" || !f.Tokens[k].SoftBefore {
			continue
		}
		if !isDigits(f.Tokens[k-1].Text) {
			continue
		}
		n, err := strconv.Atoi(f.Tokens[k-1].Text)
		if err != nil || n > 120 {
			continue
		}
		a := agePhrase{years: n, tok0: k - 1, ageTok1: k + 2, noun: -1}
		if p := prevFold(f, s, k-1); p == "a" || p == "an" {
			a.article = true
			a.tok0 = k - 2
		}
		for j := k + 2; j < s.Tok1 && j <= k+4; j++ {
			if x.personNoun(f, j) {
				a.noun, a.tok1 = j, j+1
				break
			}
		}
		if a.noun < 0 {
			continue
		}
		return a, true
	}
	return agePhrase{}, false
}

// personNoun: a cohort noun or a sex / age-group word at token j.
func (x *extraction) personNoun(f *field, j int) bool {
	if l, _ := x.r.pattern("cohort-noun").matchAt(f.Tokens, j, j+1); l > 0 {
		return true
	}
	for _, m := range f.mentionsFrom(j) {
		if m.Tok0 != j {
			break
		}
		if m.Kind() == "sex" || m.Kind() == "ageGroup" {
			return true
		}
	}
	return false
}

// describesCells: the age-group word qualifies a tissue or cells ("adult
// human bone marrow-derived mesenchymal stromal cells", "adult stem
// cells", "adult donors").
//
// "child grafts", "29 from children" (a donor's relation to the patient)
// and "Child-Pugh" name donors or a score, not the patients either.
func describesCells(f *field, m *mention) bool {
	if m.Tok0 > 0 && f.Tokens[m.Tok0-1].Fold == "from" && !clauseBreakBefore(f, m.Tok0) {
		return true // "grafts from … children": donors
	}
	if m.Tok1 < len(f.Tokens) && f.Tokens[m.Tok1].Fold == "pugh" {
		return true // "Child-Pugh class B"
	}
	for k := m.Tok1; k < len(f.Tokens) && k <= m.Tok1+1; k++ {
		if k > m.Tok1 && clauseBreakBefore(f, k) {
			return false
		}
		switch f.Tokens[k].Fold {
		case "human", "stem", "stromal", "mesenchymal", "bone", "cells", "cell", "tissue", "tissues",
			"donor", "donors", "adipose", "msc", "mscs", "graft", "grafts":
			return true
		}
	}
	return false
}

// cohortAgeSex reads age, sex and age group. The age phrase gives all
// three ("a 12-year-old boy"); otherwise the age group comes from the
// title and factual sentences, and sex from the sentence that gave the
// size.
func (x *extraction) cohortAgeSex(c *Cohort) {
	f := x.abs
	// "A 69-year-old Japanese man …" in a report of two cases is the
	// first case, not both.
	if ages := x.agePhrases(); len(ages) > 0 && c.Size <= 1 {
		si, a := ages[0].si, ages[0].phrase
		sp := f.tokSpan(a.tok0, a.ageTok1)
		c.Age = &Quantity{Value: strconv.Itoa(a.years), Unit: "a", UnitText: f.tokSpan(a.tok0+boolInt(a.article), a.ageTok1).Text, Span: f.tokSpan(a.tok0+boolInt(a.article), a.ageTok1)}
		c.Details = append(c.Details, Detail{"age", "age-year-old", sp})
		for _, m := range f.inSentence(si) {
			if m.Tok0 == a.noun && m.Kind() == "sex" {
				c.Sex = m.IRI()
				c.Details = append(c.Details, Detail{"sex", "sex-of-age-phrase", f.span(m.Start, m.End)})
			}
		}
		c.AgeGroup = ageGroupOfYears(a.years)
		c.Details = append(c.Details, Detail{"ageGroup", "age-group-from-age", sp})
	}
	if c.Size > 1 && c.Size <= 10 {
		x.ageGroupOfEveryCase(c)
	}
	if c.Age == nil {
		x.cohortAgeStated(c)
	}
	if c.AgeGroup == "" {
		x.ageGroupOfCount(c)
	}
	if c.AgeGroup == "" {
		groups := map[string]Span{}
		for _, fm := range x.factualMentions("ageGroup") {
			if describesCells(fm.f, fm.m) {
				x.candidates = append(x.candidates, Candidate{Kind: "ageGroup", Concept: fm.m.IRI(), Rule: "age-group-word",
					Reason: "describes the cells or their donors (\"adult human bone marrow-derived … cells\"), not the patients",
					Spans:  []Span{fm.f.span(fm.m.Start, fm.m.End), fm.f.sentenceSpan(&fm.f.Sentences[fm.m.Sent])}})
				continue
			}
			if fm.f.Name == FieldAbstract && (x.countedPart(fm.f, &fm.f.Sentences[fm.m.Sent], fm.m, c.Size) || amongOpening(fm.f, fm.m)) {
				x.candidates = append(x.candidates, Candidate{Kind: "ageGroup", Concept: fm.m.IRI(), Rule: "age-group-word",
					Reason: "the age group of a part (\"including 12 children\"), not of every patient",
					Spans:  []Span{fm.f.span(fm.m.Start, fm.m.End), fm.f.sentenceSpan(&fm.f.Sentences[fm.m.Sent])}})
				continue
			}
			if _, seen := groups[fm.m.IRI()]; !seen {
				groups[fm.m.IRI()] = fm.f.span(fm.m.Start, fm.m.End)
			}
		}
		switch len(groups) {
		case 1:
			for iri, sp := range groups {
				c.AgeGroup = iri
				c.Details = append(c.Details, Detail{"ageGroup", "age-group-word", sp})
			}
		case 2:
			c.AgeGroup = ontology.MixedAges
			c.Details = append(c.Details, Detail{"ageGroup", "age-group-both", groups[ontology.Children]}, Detail{"ageGroup", "age-group-both", groups[ontology.Adults]})
		}
	}
	if c.AgeGroup == "" && c.Age != nil {
		if g := ageGroupOf(*c.Age); g != "" {
			c.AgeGroup = g
			c.Details = append(c.Details, Detail{"ageGroup", "age-group-from-age", c.Age.Span})
		}
	}
	if c.Sex == "" {
		x.cohortSexFromSizeSentence(c)
	}
}

// ageGroupOfEveryCase: a report of a few cases that gives each its age
// ("A 69-year-old Japanese man …", "A 34-year-old Japanese woman …") has
// the age group they share, when there is one age per case.
func (x *extraction) ageGroupOfEveryCase(c *Cohort) {
	ages := x.agePhrases()
	if len(ages) != c.Size {
		return
	}
	group := ageGroupOfYears(ages[0].phrase.years)
	for _, a := range ages[1:] {
		if ageGroupOfYears(a.phrase.years) != group {
			return
		}
	}
	c.AgeGroup = group
	for _, a := range ages {
		c.Details = append(c.Details, Detail{"ageGroup", "age-group-of-every-case", x.abs.tokSpan(a.phrase.tok0, a.phrase.ageTok1)})
	}
}

// sentenceAge is the age phrase of one factual abstract sentence.
type sentenceAge struct {
	si     int
	phrase agePhrase
}

// agePhrases are the age phrases ("a 41-year-old woman") of the factual
// abstract sentences, one per sentence, in order.
func (x *extraction) agePhrases() []sentenceAge {
	f := x.abs
	var out []sentenceAge
	for si := range f.Sentences {
		if !f.Ctx[si].factual() {
			continue
		}
		if a, ok := x.ageAt(f, &f.Sentences[si]); ok {
			out = append(out, sentenceAge{si, a})
		}
	}
	return out
}

// ageGroupOfCount: the count that gave the cohort its size names the
// patients' age group ("we analyzed 116 adult patients", "29 children"):
// that word says it of every patient, where an age word elsewhere ("…,
// particularly in children", "demonstrated in adult studies") may be
// background.
func (x *extraction) ageGroupOfCount(c *Cohort) {
	for _, d := range c.Details {
		if d.Property != "size" || d.Span.Field != FieldAbstract {
			continue
		}
		f := x.abs
		group, at := "", Span{}
		for _, m := range f.Mentions {
			if m.Kind() != "ageGroup" || m.Negated || m.Start < d.Span.Start || m.End > d.Span.End {
				continue
			}
			if group != "" && group != m.IRI() {
				return // "10 children and 5 adults": mixed, as the words below will say
			}
			group, at = m.IRI(), f.span(m.Start, m.End)
		}
		if group != "" {
			c.AgeGroup = group
			c.Details = append(c.Details, Detail{"ageGroup", "age-group-of-count", at})
		}
		return
	}
}

// ageGroupOfYears: under 18 is a child.
func ageGroupOfYears(years int) string {
	if years < 18 {
		return ontology.Children
	}
	return ontology.Adults
}

// amongOpening: mention m is in the opening words of a sentence about a
// subgroup ("Among the adult-onset T1D, …", "In adults, …").
func amongOpening(f *field, m *mention) bool {
	s := f.Sentences[m.Sent]
	if m.Tok0-s.Tok0 > 3 {
		return false
	}
	switch f.Tokens[s.Tok0].Fold {
	case "among", "amongst", "in":
		return !clauseBreakBefore(f, m.Tok0)
	}
	return false
}

// countedPart: mention m is the noun of a count that is a part or not the
// cohort's ("including 12 children", "3 of the 20 adults", "30 women with
// ITP delivered 44 children").
//
// A second mention of the same word in that sentence is the part's too:
// "Two hundred five adult patients with AA were also analyzed to define
// the characteristics of adult AA patients" in a study of 336.
func (x *extraction) countedPart(f *field, s *sentence, m *mention, size int) bool {
	for _, c := range countsIn(x.r, f, s) {
		if !c.Part && (size == 0 || c.N == size) {
			continue
		}
		for _, o := range f.inSentence(m.Sent) {
			if o.Kind() == m.Kind() && o.IRI() == m.IRI() && c.Tok0 <= o.Tok0 && o.Tok0 < c.Tok1 {
				return true
			}
		}
	}
	return false
}

// cohortAgeStated reads the cohort's age when it is written as a bracket
// after the patients ("Juvenile patients (<18 years)") or as a median or
// mean age ("whose median age was 28 (7~49)"), in factual abstract
// sentences.
func (x *extraction) cohortAgeStated(c *Cohort) {
	f := x.abs
	for si := range f.Sentences {
		s := &f.Sentences[si]
		if !f.Ctx[si].factual() {
			continue
		}
		qs := f.quantitiesIn(s.Start, s.End)
		for i, q := range qs {
			k := tokenBefore(f, s, q.Span.Start)
			if k < 0 {
				continue
			}
			switch {
			case q.Unit == "a" && f.Runes[q.Span.Start-1] == '(' && x.isPatientsNoun(f, k):
				c.Age = &q
				c.Details = append(c.Details, Detail{"age", "age-bracket-after-patients", q.Span})
				return
			case (q.Unit == "" || q.Unit == "a") && ageWordBefore(f, s, k):
				a, _ := withRange(f, s, qs, i)
				if !plausibleAge(a) {
					continue
				}
				if after := tokenBefore(f, s, a.Span.End) + 1; after > 0 && groupNamedAt(f, s, after) {
					// "The median age was 8 years in children and 45 years
					// in adults": each group's age, not the cohort's
					x.candidates = append(x.candidates, Candidate{Kind: "age", Value: &a, Rule: "age-median-or-mean",
						Reason: "the age of one group (\"8 years in children\"), not of the cohort",
						Spans:  []Span{a.Span, f.sentenceSpan(s)}})
					return
				}
				a.Unit = "a"
				c.Age = &a
				c.Details = append(c.Details, Detail{"age", "age-median-or-mean", a.Span})
				return
			}
		}
	}
}

// ageWordBefore: "median age was", "mean age of", "median age," end at token k.
func ageWordBefore(f *field, s *sentence, k int) bool {
	for j := k; j >= s.Tok0 && j >= k-2; j-- {
		if f.Tokens[j].Fold != "age" {
			switch f.Tokens[j].Fold {
			case "was", "of", "were", "is":
				continue
			}
			return false
		}
		return j > s.Tok0 && (f.Tokens[j-1].Fold == "median" || f.Tokens[j-1].Fold == "mean")
	}
	return false
}

func plausibleAge(q Quantity) bool {
	ok := false
	for _, v := range []string{q.Value, q.Min, q.Max, q.Median} {
		if v == "" {
			continue
		}
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || n < 0 || n > 110 {
			return false
		}
		ok = true
	}
	return ok
}

// ageGroupOf: all under 18 are children, all 18 or over adults, a range
// across 18 mixed ages. "<18" is Max 18 with comparator "<".
func ageGroupOf(q Quantity) string {
	num := func(v string) (float64, bool) {
		n, err := strconv.ParseFloat(v, 64)
		return n, err == nil && v != ""
	}
	lo, okLo := num(q.Min)
	hi, okHi := num(q.Max)
	if v, ok := num(q.Value); ok {
		lo, hi, okLo, okHi = v, v, true, true
	}
	switch {
	case okHi && (hi < 18 || (hi == 18 && q.Comparator == "<")) && (!okLo || lo < 18):
		return ontology.Children
	case okLo && lo >= 18:
		return ontology.Adults
	case okLo && okHi && lo < 18 && hi >= 18:
		return ontology.MixedAges
	}
	return ""
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// cohortSexFromSizeSentence: "Four women with ITP", "5 men and 4 women".
func (x *extraction) cohortSexFromSizeSentence(c *Cohort) {
	var size *Detail
	for i := range c.Details {
		if c.Details[i].Property == "size" {
			size = &c.Details[i]
		}
	}
	if size == nil || size.Span.Field != FieldAbstract {
		return
	}
	f := x.abs
	sexes := map[string]Span{}
	for _, m := range f.Mentions {
		s := f.Sentences[m.Sent]
		if m.Kind() != "sex" || m.Negated || s.Start > size.Span.Start || s.End < size.Span.End {
			continue
		}
		if a, b := min(m.Start, size.Span.End), max(m.Start, size.Span.End); strings.Contains(runeSlice(f.Runes, a, b), ";") {
			continue // another clause: "...; ITP is more common in women"
		}
		if part, mixed := sexOfPart(f, s, size.Span.End, m, c.Size); part {
			if mixed {
				c.Sex = ontology.MixedSex
				c.Details = append(c.Details, Detail{"sex", "sex-of-part", f.span(m.Start, m.End)})
			}
			return // "63% were female": a share of the cohort, not all of it
		}
		if _, ok := sexes[m.IRI()]; !ok {
			sexes[m.IRI()] = f.span(m.Start, m.End)
		}
	}
	switch len(sexes) {
	case 1:
		for iri, sp := range sexes {
			c.Sex = iri
			c.Details = append(c.Details, Detail{"sex", "sex-word", sp})
		}
	case 2:
		c.Sex = ontology.MixedSex
		c.Details = append(c.Details, Detail{"sex", "sex-both", sexes[ontology.Female]}, Detail{"sex", "sex-both", sexes[ontology.Male]})
	}
}

// sexOfPart reports whether the sex word m, after the cohort's count
// (which ends at sizeEnd), describes only part of the cohort: "63% were
// female", "Ten patients (6 women)", "most were men". mixed is true when
// the part is known to be smaller than the whole (a share under 100%, a
// count under the cohort's size), so the other sex is present too.
func sexOfPart(f *field, s sentence, sizeEnd int, m mention, size int) (part, mixed bool) {
	if m.Start < sizeEnd {
		return false, false // "Four women with ITP": the sex names the counted patients
	}
	// Only the words right before the sex word: the ages of "Ten patients
	// aged 18-60 years, all women" are no share.
	for _, q := range f.quantitiesIn(max(sizeEnd, m.Start-24), m.Start) {
		if q.Unit == "%" {
			v, err := strconv.ParseFloat(q.Value, 64)
			return true, err == nil && v > 0 && v < 100
		}
	}
	for k := m.Tok0 - 1; k >= s.Tok0 && k >= m.Tok0-3 && f.Tokens[k].Start >= sizeEnd; k-- {
		switch f.Tokens[k].Fold {
		case "most", "majority", "minority", "half", "some", "percent":
			return true, false
		}
		if n, ok := numberToken(f, k); ok {
			return true, n < size
		}
	}
	return false, false
}

// fieldMention is a mention with the field it was found in.
type fieldMention struct {
	f *field
	m *mention
}

// factualMentions returns non-negated mentions of a kind in the title and
// in factual abstract sentences, title first.
func (x *extraction) factualMentions(kind string) []fieldMention {
	var out []fieldMention
	for _, f := range []*field{x.title, x.abs} {
		for i := range f.Mentions {
			m := &f.Mentions[i]
			if m.Kind() != kind || m.Negated || !f.Ctx[m.Sent].factual() {
				continue
			}
			out = append(out, fieldMention{f, m})
		}
	}
	return out
}

// cohortConditions: diseases named in the title and in factual sentences,
// except sentences reporting events after treatment ("thrombocytopenia
// occurred in two patients" is an outcome, not the cohort's disease).
func (x *extraction) cohortConditions(c *Cohort) {
	seen := map[string]bool{}
	for _, fm := range x.factualMentions("condition") {
		s := fm.f.Sentences[fm.m.Sent]
		if fm.f.Name == FieldAbstract && fm.f.has(x.r, "event-cue", s.Tok0, s.Tok1) {
			continue
		}
		if seen[fm.m.IRI()] {
			continue
		}
		if reason := x.conditionHeldBack(fm.f, &s, fm.m, c.Size); reason != "" {
			x.candidates = append(x.candidates, Candidate{Kind: "condition", Concept: fm.m.IRI(), Rule: "condition-mention",
				Reason: reason, Spans: []Span{fm.f.span(fm.m.Start, fm.m.End), fm.f.sentenceSpan(&s)}})
			continue
		}
		seen[fm.m.IRI()] = true
		c.Conditions = append(c.Conditions, x.r.concept(fm.m.IRI()))
		c.Details = append(c.Details, Detail{"condition", "condition-mention", fm.f.span(fm.m.Start, fm.m.End)})
	}
	x.dropBroaderConditions(c)
}

// conditionCheck is one reason a condition named in a factual sentence
// is not the patients' disease. The checks run in conditionChecks' order;
// the first that holds keeps the mention as a candidate with its reason.
type conditionCheck struct {
	name   string
	holds  func(x *extraction, f *field, s *sentence, m *mention, size int) bool
	reason string
}

var conditionChecks = []conditionCheck{
	{"part-or-events", func(x *extraction, f *field, s *sentence, m *mention, size int) bool {
		// "10 had concomitant SLE", "one graft failure among MSD-BMT
		// recipients and three graft failures": a part, or events counted
		_, counted := numberAt(f, m.Tok0-1)
		return f.Name == FieldAbstract && (counted || listedAfterIncluding(f, s, m.Tok0) || partSubject(x.r, f, s, m.Tok0, size))
	}, "the condition of a part (\"10 had concomitant SLE\") or counted events (\"three graft failures\"), not of every patient"},
	{"one-of-several", func(x *extraction, f *field, s *sentence, m *mention, size int) bool {
		// "Three children with three different rheumatic diseases;
		// systemic lupus erythematosus, mixed connective tissue disease and
		// juvenile idiopathic arthritis": each has one of them
		return severalDiseasesBefore(f, s, m.Tok0)
	}, "one of several diseases the text says the patients have between them (\"three different rheumatic diseases\"), not every patient's"},
	{"associated", func(x *extraction, f *field, s *sentence, m *mention, size int) bool {
		// "the most common predisposing conditions were hepatitis C and
		// systemic lupus erythematosus", "associated with underlying
		// conditions in 24 cases (21%), mainly ... hematologic neoplasms"
		for _, h := range f.find(x.r, "associated-condition", s.Tok0, s.Tok1) {
			if h.Tok1 <= m.Tok0 {
				return true
			}
		}
		return false
	}, "named among the conditions some patients have beside their disease (\"the most common predisposing conditions were ...\"), not every patient's"},
	{"counted-in-brackets", func(x *extraction, f *field, s *sentence, m *mention, size int) bool {
		// "15 patients with severe SLE (8 patients), idiopathic
		// inflammatory myositis (3 patients), or systemic sclerosis (4 patients)"
		return f.Name == FieldAbstract && countInBracketsAfter(f, s, m)
	}, "the condition of a part (\"SLE (8 patients)\"), not of every patient"},
	{"example", func(x *extraction, f *field, s *sentence, m *mention, size int) bool {
		// "secondary ITP (e.g., ... or subjects with known systemic lupus
		// erythematosus)": an example of what is excluded or meant
		return exampleInBrackets(f, s, m)
	}, "an example in brackets (\"e.g.\"), not the patients' disease"},
	{"analysed", func(x *extraction, f *field, s *sentence, m *mention, size int) bool {
		// "Risk-factor analysis of poor graft function after …", "graft
		// failure, poor graft function … were the significant risk factors
		// for survival"; "risk factors for relapse in patients with ITP"
		// keeps ITP
		return f.has(x.r, "analysis-variable", s.Tok0, s.Tok1) && !x.patientsFrame(f, s, m)
	}, "the outcome or a variable of a risk-factor or predictor analysis, not the patients' disease"},
	{"compared", func(x *extraction, f *field, s *sentence, m *mention, size int) bool {
		// "AD had more graft failure (p=0.005)"
		return f.Name == FieldAbstract && pValueIn(f, s)
	}, "named in a comparison with a p-value: an outcome or a variable compared between groups, not the patients' disease"},
	{"unframed", func(x *extraction, f *field, s *sentence, m *mention, size int) bool {
		return !x.framedAsCondition(f, m)
	}, "a condition transplant studies report as an outcome or prevent, named without words saying the patients were treated for it"},
}

// conditionHeldBack is the reason of the first condition check that holds
// for mention m, or "".
func (x *extraction) conditionHeldBack(f *field, s *sentence, m *mention, size int) string {
	for _, c := range conditionChecks {
		if c.holds(x, f, s, m, size) {
			return c.reason
		}
	}
	return ""
}

// countInBracketsAfter: a count of patients stands in brackets right
// after mention m ("SLE (8 patients)", "myositis (n = 3)").
//
// Only where the sentence splits its patients so, with two such counts or
// more: "Adult patients with SAA (N = 25)" counts all of them.
func countInBracketsAfter(f *field, s *sentence, m *mention) bool {
	if !bracketedCountAt(f, s, m.Tok1) && !bracketedCountAt(f, s, afterAbbreviation(f, s, m.Tok1)) { // "… (SLE) (8 patients)"
		return false
	}
	n := 0
	for k := s.Tok0 + 1; k < s.Tok1 && n < 2; k++ {
		if bracketedCountAt(f, s, k) {
			n++
		}
	}
	return n >= 2
}

// bracketedCountAt: a bracket opens before token k with a count of
// patients ("(8 patients)", "(n = 3)").
func bracketedCountAt(f *field, s *sentence, k int) bool {
	if k >= s.Tok1 || k == 0 || !strings.HasSuffix(strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start)), "(") {
		return false
	}
	if f.Tokens[k].Fold == "n" {
		return true // "(n = 3)"
	}
	if _, ok := numberToken(f, k); ok && k+1 < s.Tok1 {
		switch f.Tokens[k+1].Fold {
		case "patients", "patient", "cases", "case", "children", "adults", "subjects":
			return true
		}
	}
	return false
}

// exampleInBrackets: mention m stands in brackets that open with "e.g."
// ("(e.g., with known Helicobacter pylori-induced ITP, …)").
func exampleInBrackets(f *field, s *sentence, m *mention) bool {
	open := openBracketBefore(f, s, m.Start)
	return open >= 0 && strings.HasPrefix(strings.TrimSpace(runeSlice(f.Runes, open+1, min(open+8, m.Start))), "e.g")
}

// patientsFrame: the condition is named as the patients' ("patients
// with ITP", "in SAA", "children with AA").
//
// "… in Haploidentical HSCT for Acquired Aplastic Anemia" (a treatment
// for it) and "111 SAA patients" (the condition before its patients)
// name them too.
func (x *extraction) patientsFrame(f *field, s *sentence, m *mention) bool {
	if m.Tok1 < s.Tok1 && x.isPatientsNoun(f, m.Tok1) {
		return true
	}
	k := m.Tok0 - 1
	for k >= s.Tok0 && k >= m.Tok0-3 && conditionQualifier[f.Tokens[k].Fold] {
		k-- // "with severe aplastic anemia", "in chronic ITP"
	}
	if k < s.Tok0 {
		return false
	}
	switch f.Tokens[k].Fold {
	case "with", "in":
		return true
	case "for":
		// "HSCT for Acquired Aplastic Anemia", not "risk factors for PGF"
		return k > s.Tok0 && !analysedWord[f.Tokens[k-1].Fold]
	}
	return false
}

var analysedWord = map[string]bool{"factors": true, "factor": true, "predictors": true, "predictor": true, "risk": true}

var conditionQualifier = map[string]bool{"severe": true, "chronic": true, "acute": true, "refractory": true, "acquired": true,
	"primary": true, "persistent": true, "relapsed": true, "newly": true, "diagnosed": true, "very": true, "adult": true}

// afterAbbreviation is the token after k, past a bracketed abbreviation
// that starts at k ("coronavirus disease 2019 (COVID-19) vaccine").
func afterAbbreviation(f *field, s *sentence, k int) int {
	if k >= s.Tok1 || k == 0 || !strings.HasSuffix(strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start)), "(") {
		return k
	}
	for j := k; j < s.Tok1 && j <= k+3; j++ {
		if j+1 < s.Tok1 && strings.Contains(runeSlice(f.Runes, f.Tokens[j].End, f.Tokens[j+1].Start), ")") {
			return j + 1
		}
	}
	return k
}

// pValueIn: the sentence gives a p-value ("p=0.005", "P < .01").
func pValueIn(f *field, s *sentence) bool {
	for k := s.Tok0; k < s.Tok1; k++ {
		if t := f.Tokens[k]; t.Fold == "p" {
			rest := strings.TrimSpace(runeSlice(f.Runes, t.End, min(t.End+3, len(f.Runes))))
			if rest != "" && strings.ContainsRune("=<>≤≥", []rune(rest)[0]) {
				return true
			}
		}
	}
	return false
}

// framedAsCondition: a condition that transplant studies mostly report as
// an outcome or prevent (patterns.tsv framed-condition: GVHD) is the
// patients' disease only in a frame that says they were treated for it:
// a condition-frame at most four words before it in the clause ("for the
// treatment of steroid-refractory acute GVHD", "therapy for
// multi-drug-resistant acute and late-acute GVHD"), and no stop word
// right after it ("GVHD prophylaxis", "GVHD-free survival"). "Intensive
// GVHD prophylaxis", "factors related to GVHD" and "the incidence of
// acute GVHD" are not. Any other condition passes.
//
// Any condition followed by a condition-stop names something else: "the
// COVID-19 pandemic", "ITP after COVID-19 vaccination".
func (x *extraction) framedAsCondition(f *field, m *mention) bool {
	s := f.Sentences[m.Sent]
	if after := afterAbbreviation(f, &s, m.Tok1); after < s.Tok1 {
		// "COVID-19 vaccination", "coronavirus disease 2019 (COVID-19)
		// vaccine-induced immune thrombocytopenia"
		if l, _ := x.r.pattern("condition-stop").matchAt(f.Tokens, after, s.Tok1); l > 0 {
			return false
		}
	}
	if m.Tok0 > s.Tok0 && f.Tokens[m.Tok0-1].Fold == "against" {
		return false // "inactivated viral vaccine against COVID-19": what a vaccine prevents
	}
	if !x.r.framed[m.IRI()] {
		return true
	}
	if m.Tok1 < s.Tok1 {
		if l, _ := x.r.pattern("condition-frame-stop").matchAt(f.Tokens, m.Tok1, s.Tok1); l > 0 {
			return false
		}
	}
	const reach = 4 // words between the frame and the condition
	for _, h := range f.find(x.r, "condition-frame", max(s.Tok0, m.Tok0-reach-3), m.Tok0) {
		if h.Tok1 > m.Tok0 || m.Tok0-h.Tok1 > reach {
			continue
		}
		broken := false
		for k := h.Tok1; k <= m.Tok0 && k < s.Tok1; k++ {
			broken = broken || (k > h.Tok0 && clauseBreakBefore(f, k))
		}
		if !broken {
			return true
		}
	}
	return false
}

// dropBroaderConditions: "lupus nephritis" and "systemic lupus
// erythematosus" in one abstract are one disease, the nephritis of lupus;
// the broader concept adds nothing the lexicon's hierarchy does not say
// and reads as a second disease. A condition is dropped when the cohort
// also has one of its narrower concepts.
func (x *extraction) dropBroaderConditions(c *Cohort) {
	narrowed := map[string]bool{}
	for _, k := range c.Conditions {
		x.r.addBroader(narrowed, k.IRI)
	}
	if len(narrowed) == 0 {
		return
	}
	c.Conditions, c.Details = keepConcepts(c.Conditions, c.Details, "condition", func(k Concept, _ Detail) bool {
		return !narrowed[k.IRI]
	})
}

// keepConcepts filters a cohort's list of concepts of one property and
// the details that state them (one detail per concept, in order), keeping
// those keep accepts; details of other properties stay.
func keepConcepts(concepts []Concept, details []Detail, property string, keep func(Concept, Detail) bool) ([]Concept, []Detail) {
	var kept []Concept
	var keptDetails []Detail
	j := 0
	for _, d := range details {
		if d.Property != property {
			keptDetails = append(keptDetails, d)
			continue
		}
		if k := concepts[j]; keep(k, d) {
			kept = append(kept, k)
			keptDetails = append(keptDetails, d)
		}
		j++
	}
	return kept, keptDetails
}

// cohortRefractory: "refractory" in the title or a factual sentence; an
// aim sentence names the population too. Conclusions generalise beyond
// the patients ("an effective treatment for refractory AA"), so not there.
func (x *extraction) cohortRefractory(c *Cohort) {
	for _, f := range []*field{x.title, x.abs} {
		for si := range f.Sentences {
			ctx := f.Ctx[si]
			s := f.Sentences[si]
			if !ctx.factual() && !(ctx.Aim && !ctx.Hedged) || s.Role == "conclusions" {
				continue
			}
			for _, h := range f.find(x.r, "refractory", s.Tok0, s.Tok1) {
				if notAllRefractory(f, &s, h.Tok0, h.Tok1) {
					x.candidates = append(x.candidates, Candidate{Kind: "refractory", Rule: "refractory-word",
						Reason: "refractory or intolerant (dependent): the text does not say which patients were refractory",
						Spans:  []Span{f.tokSpan(h.Tok0, h.Tok1), f.sentenceSpan(&s)}})
					continue
				}
				if partSubject(x.r, f, &s, h.Tok0, c.Size) || !ctx.Aim && inPartClause(f, &s, h.Tok0) {
					x.candidates = append(x.candidates, Candidate{Kind: "refractory", Rule: "refractory-word",
						Reason: "said of a part of the patients (\"35 of them were refractory\", \"in patients who were refractory to\"), not of every patient",
						Spans:  []Span{f.tokSpan(h.Tok0, h.Tok1), f.sentenceSpan(&s)}})
					continue
				}
				if f.Name == FieldAbstract && f.has(x.r, "event-cue", s.Tok0, s.Tok1) && !ctx.Aim {
					x.candidates = append(x.candidates, Candidate{Kind: "refractory", Rule: "refractory-word",
						Reason: "in a sentence reporting an event after treatment (\"steroid-refractory aGVHD developed in 10 patients\"), not the patients' state when studied",
						Spans:  []Span{f.tokSpan(h.Tok0, h.Tok1), f.sentenceSpan(&s)}})
					continue
				}
				t := true
				c.Refractory = &t
				c.Details = append(c.Details, Detail{"refractory", "refractory-word", f.tokSpan(h.Tok0, h.Tok1)})
				return
			}
		}
	}
}

// notAllRefractory: "refractory or intolerant to conventional therapy",
// "steroid-dependent or refractory": each patient is one or the other, so
// the cohort is not refractory as a whole. "relapsed or refractory" is.
func notAllRefractory(f *field, s *sentence, t0, t1 int) bool {
	other := func(k int) bool {
		w := f.Tokens[k].Fold
		return strings.HasPrefix(w, "intoleran") || w == "dependent" || w == "dependence"
	}
	conj := func(k int) bool { return f.Tokens[k].Fold == "or" || f.Tokens[k].Fold == "and" }
	if t1+1 < s.Tok1 && conj(t1) && other(t1+1) {
		return true
	}
	return t0-2 >= s.Tok0 && conj(t0-1) && other(t0-2)
}

// cohortPhase: "chronic", "persistent", "newly diagnosed" right before a
// condition ("chronic refractory immune thrombocytopenic purpura").
//
// Not a phase: one of a list of phases ("among patients with persistent or
// chronic ITP" names no single phase), nor a word before thrombocytopenia
// as a sign ("persistent thrombocytopenia after HSCT" says how long the
// platelets stayed low, not the phase of a disease): both are candidates.
func (x *extraction) cohortPhase(c *Cohort) {
	phases := map[string]Span{}
	var order []string
	listed := false // a sentence names the patients' phases as a list
	for _, fm := range x.factualMentions("phase") {
		f, m := fm.f, fm.m
		for _, o := range f.inSentence(m.Sent) {
			if o.Kind() == "condition" && o.Tok0 > m.Tok0 && o.Tok0-m.Tok1 <= 2 {
				why := ""
				switch {
				case phaseList(f, m):
					why = "one of a list of phases: the patients are not all in this one"
					listed = true
				case o.IRI() == thrombocytopeniaSign:
					why = "said of thrombocytopenia as a sign (how long the platelets stayed low), not of a disease's phase"
				case !x.isITP(o.IRI()):
					why = "a word of another disease's name (\"chronic GvHD\"), not a phase of ITP, whose phases these are"
				}
				if why != "" {
					x.candidates = append(x.candidates, Candidate{Kind: "diseasePhase", Concept: m.IRI(), Reason: why,
						Rule: "phase-before-condition", Spans: []Span{f.span(m.Start, m.End), f.sentenceSpan(&f.Sentences[m.Sent])}})
					break
				}
				if _, ok := numberAt(f, m.Tok0-1); ok || partSubject(x.r, f, &f.Sentences[m.Sent], m.Tok0, c.Size) {
					// ("64 newly diagnosed, 50 persistent, and 226 chronic
					// ITP patients": a number right before the phase counts a part)
					x.candidates = append(x.candidates, Candidate{Kind: "diseasePhase", Concept: m.IRI(),
						Reason: "said of a part of the patients, not of every patient", Rule: "phase-before-condition",
						Spans: []Span{f.span(m.Start, m.End), f.sentenceSpan(&f.Sentences[m.Sent])}})
					break
				}
				if _, ok := phases[m.IRI()]; !ok {
					phases[m.IRI()] = f.span(m.Start, m.End)
					order = append(order, m.IRI())
				}
				break
			}
		}
	}
	switch {
	case len(order) == 1 && listed:
		// "Rilzabrutinib in the Treatment of Chronic Immune
		// Thrombocytopenia" above "adults with persistent or chronic ITP":
		// the title's phase is not every patient's.
		x.candidates = append(x.candidates, Candidate{Kind: "diseasePhase", Concept: order[0],
			Reason: "the text also names the patients' phases as a list (\"persistent or chronic\"): they are not all in this one",
			Rule:   "phase-before-condition", Spans: []Span{phases[order[0]]}})
	case len(order) == 1:
		c.DiseasePhase = order[0]
		c.Details = append(c.Details, Detail{"diseasePhase", "phase-before-condition", phases[order[0]]})
	}
}

// thrombocytopeniaSign is thrombocytopenia without a named cause, the sign.
const thrombocytopeniaSign = ontology.MeSH + "D013921"

// immuneThrombocytopenia is the disease whose phases mkg:DiseasePhase names.
const immuneThrombocytopenia = ontology.MeSH + "D016553"

// isITP: the condition is immune thrombocytopenia or a narrower concept.
func (x *extraction) isITP(iri string) bool {
	for b, i := x.r.byIRI[iri], 0; i < 16; i++ {
		if iri == immuneThrombocytopenia {
			return true
		}
		if b == nil || b.Broader == "" {
			return false
		}
		iri, b = b.Broader, x.r.byIRI[b.Broader]
	}
	return false
}

// phaseWords begin the phases of the lexicon ("newly diagnosed").
var phaseWords = map[string]bool{"chronic": true, "persistent": true, "newly": true, "new": true, "acute": true}

// phaseList: the phase mention is joined by "or" / "and" or by a slash to
// another phase word ("persistent or chronic", "newly diagnosed and
// persistent", "persistent/chronic ITP": patients in either phase, not
// all in the first).
func phaseList(f *field, m *mention) bool {
	s := f.Sentences[m.Sent]
	conj := func(k int) bool { return f.Tokens[k].Fold == "or" || f.Tokens[k].Fold == "and" }
	slash := func(k int) bool { // a slash, and nothing else, between tokens k and k+1
		return strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k].End, f.Tokens[k+1].Start)) == "/"
	}
	if m.Tok1+1 < s.Tok1 && conj(m.Tok1) && phaseWords[f.Tokens[m.Tok1+1].Fold] {
		return true
	}
	if m.Tok1 < s.Tok1 && slash(m.Tok1-1) && phaseWords[f.Tokens[m.Tok1].Fold] {
		return true
	}
	if m.Tok0-1 >= s.Tok0 && slash(m.Tok0-1) && phaseWords[f.Tokens[m.Tok0-1].Fold] {
		return true
	}
	// "newly diagnosed or persistent": the phase before ends in "diagnosed"
	return m.Tok0-2 >= s.Tok0 && conj(m.Tok0-1) && (phaseWords[f.Tokens[m.Tok0-2].Fold] || f.Tokens[m.Tok0-2].Fold == "diagnosed")
}

// cohortPriorTherapies: drugs and procedures in a factual abstract
// sentence that says they failed these patients ("had a poor therapeutic
// effect", "refractory to") or that opens with "After <therapy>, ...",
// unless the sentence speaks of a transplant's conditioning or GVHD
// prophylaxis.
func (x *extraction) cohortPriorTherapies(c *Cohort) {
	f := x.abs
	seen := map[string]bool{}
	for si := range f.Sentences {
		s := &f.Sentences[si]
		// Conclusions generalise ("effective in patients with ITP, even
		// in those refractory to other treatments"), as for refractory.
		if !f.Ctx[si].factual() || s.Role == "conclusions" {
			continue
		}
		cue := f.find(x.r, "prior-cue", s.Tok0, s.Tok1)
		studyTreatment := f.find(x.r, "study-treatment", s.Tok0, s.Tok1)
		lead := -1 // end token of the leading clause after "After ..."
		if l, _ := x.r.pattern("prior-lead").matchAt(f.Tokens, s.Tok0, s.Tok1); l > 0 {
			for k := s.Tok0 + 1; k < s.Tok1; k++ {
				if clauseBreakBefore(f, k) && !insideBrackets(f, k) {
					lead = k
					break
				}
			}
		}
		if lead >= 0 && (timeOnTreatment(f, s.Tok0, lead) || stoppedTreatment(f, s.Tok0, lead)) {
			// "After 14 days of IVIG treatment, ...", "After the withdrawal
			// of rhTPO, ...": a time on the study's treatment, or its end
			lead = -1
		}
		ms := f.inSentence(si)
		compound := false
		for i := range ms {
			compound = compound || failedCompound(f, s, &ms[i])
		}
		if len(cue) == 0 && lead < 0 && !compound {
			continue
		}
		rule := "prior-therapy-failure-cue"
		// "After conditioning with busulfan and cyclophosphamide, ...":
		// drugs of the transplant, given before the MSCs but not for the
		// condition. Lists break clauses at commas, so the whole sentence.
		regimen := f.has(x.r, "transplant-regimen", s.Tok0, s.Tok1)
		for i := range ms {
			m := &ms[i]
			if m.Negated || (m.Kind() != "drug" && m.Kind() != "procedure") {
				continue
			}
			inLead := lead >= 0 && m.Tok1 <= lead
			if !inLead && !failedCompound(f, s, m) && !priorCueLicenses(f, cue, studyTreatment, m) {
				continue
			}
			if m.Tok0-2 >= s.Tok0 && f.Tokens[m.Tok0-2].Fold == "prior" && f.Tokens[m.Tok0-1].Fold == "to" {
				continue // "27 had failed IST prior to HHCT": HHCT came after
			}
			if inLead {
				rule = "prior-therapy-after-clause"
			}
			if seen[m.IRI()] {
				continue
			}
			if regimen {
				x.candidates = append(x.candidates, Candidate{Kind: "priorTherapy", Concept: m.IRI(), Rule: rule,
					Reason: "named with a transplant's conditioning or GVHD prophylaxis: part of the transplant, not a treatment the condition failed",
					Spans:  []Span{f.span(m.Start, m.End), f.sentenceSpan(s)}})
				continue
			}
			if partScope(f, s, m) || partSubject(x.r, f, s, m.Tok0, c.Size) {
				x.candidates = append(x.candidates, Candidate{Kind: "priorTherapy", Concept: m.IRI(), Rule: rule,
					Reason: "the prior therapy of a part (\"rituximab in 12 patients\", \"in patients who had failed rituximab\"), not of every patient",
					Spans:  []Span{f.span(m.Start, m.End), f.sentenceSpan(s)}})
				continue
			}
			seen[m.IRI()] = true
			c.PriorTherapies = append(c.PriorTherapies, x.r.concept(m.IRI()))
			c.Details = append(c.Details, Detail{"priorTherapy", rule, f.span(m.Start, m.End)})
		}
	}
}

// trialVerbs after "failed to" report what a study found.
var trialVerbs = map[string]bool{"show": true, "demonstrate": true, "reach": true, "meet": true, "prove": true,
	"detect": true, "find": true, "confirm": true}

// failedCompound: the therapy is the first half of "corticosteroid-
// resistant", "steroid-refractory", "IVIG-unresponsive": it failed these
// patients.
func failedCompound(f *field, s *sentence, m *mention) bool {
	if m.Kind() != "drug" && m.Kind() != "procedure" || m.Tok1 >= s.Tok1 {
		return false
	}
	switch f.Tokens[m.Tok1].Fold {
	case "resistant", "refractory", "unresponsive":
	default:
		return false
	}
	if runeSlice(f.Runes, f.Tokens[m.Tok1-1].End, f.Tokens[m.Tok1].Start) != "-" {
		return false
	}
	// "steroid-refractory aGVHD": the steroids treated the transplant's
	// complication, as the conventions keep GVHD drugs out of prior therapies
	for _, n := range f.inSentence(m.Sent) {
		if n.Tok0 == m.Tok1+1 && n.IRI() == ontology.GraftVersusHostDisease {
			return false
		}
	}
	return true
}

// stoppedTreatment: tokens from..to say a treatment ended ("After the
// withdrawal of rhTPO", "after discontinuation of eltrombopag"): the
// study's own, stopped, not one that came before it.
func stoppedTreatment(f *field, from, to int) bool {
	for k := from; k+1 < to; k++ {
		switch f.Tokens[k].Fold {
		case "withdrawal", "discontinuation", "cessation", "stopping", "tapering", "completion", "end":
			if f.Tokens[k+1].Fold == "of" {
				return true
			}
		}
	}
	return false
}

// dropOwnTreatment: a prior therapy that is the record's own intervention
// ("The rhTPO group received rhTPO ... After the withdrawal of rhTPO") is
// what the study gave, not what failed before it: a candidate.
func (x *extraction) dropOwnTreatment(c *Cohort, ivs []Intervention) {
	own := map[string]bool{}
	for _, iv := range ivs {
		own[iv.Agent.IRI] = true
	}
	for _, iri := range x.titleTherapies() {
		own[iri] = true
	}
	c.PriorTherapies, c.Details = keepConcepts(c.PriorTherapies, c.Details, "priorTherapy", func(k Concept, d Detail) bool {
		if !own[k.IRI] {
			return true
		}
		x.candidates = append(x.candidates, Candidate{Kind: "priorTherapy", Concept: k.IRI, Rule: d.Rule,
			Reason: "the record's own intervention: what the study gave, not a therapy that failed before it",
			Spans:  []Span{d.Span}})
		return false
	})
}

// titleTherapies are the drugs and procedures a title is about ("Long-term
// results of splenectomy in adult chronic ITP", "Unrelated cord blood
// transplantation in children with SAA"): the study's own treatment, even
// where the abstract does not read it as the intervention, so "After
// splenectomy, 126 patients achieved a complete response" is its result,
// not a therapy that failed before it. A therapy the title names as failed
// ("after failure of rituximab", "steroid-refractory", "in patients
// previously treated with romiplostim", "splenectomy failure") is not one.
func (x *extraction) titleTherapies() []string {
	f := x.title
	var out []string
	for si := range f.Sentences {
		s := &f.Sentences[si]
		cue := f.find(x.r, "prior-cue", s.Tok0, s.Tok1)
		ms := f.inSentence(si)
		for i := range ms {
			m := &ms[i]
			if m.Negated || (m.Kind() != "drug" && m.Kind() != "procedure") {
				continue
			}
			if len(cue) > 0 && cue[0].Tok0 < m.Tok0 {
				continue // what follows a failure cue failed these patients
			}
			if m.Tok1 < s.Tok1 && failedWord[f.Tokens[m.Tok1].Fold] {
				continue // "steroid-refractory", "splenectomy failure", "steroid-dependent"
			}
			if m.Tok0 > s.Tok0 && earlierTherapyWord[f.Tokens[m.Tok0-1].Fold] {
				continue // "romiplostim in ITP after splenectomy": the patients' past
			}
			out = append(out, m.IRI())
		}
	}
	return out
}

// earlierTherapyWord before a therapy puts it in the patients' past.
var earlierTherapyWord = map[string]bool{"after": true, "following": true, "post": true, "previous": true,
	"prior": true, "failed": true, "failing": true}

// failedWord after a therapy says it failed the patients, that they
// depend on it or that they never had it ("steroid-naive"): never the
// study's own treatment.
var failedWord = map[string]bool{"refractory": true, "resistant": true, "unresponsive": true, "dependent": true,
	"failure": true, "failed": true, "relapsed": true, "intolerant": true, "naive": true, "pretreated": true}

// timeOnTreatment: tokens from..to hold a length of time followed by
// "of" ("After 14 days of IVIG treatment", "after 3 cycles of"): how long
// a treatment was given, not a treatment that came before.
func timeOnTreatment(f *field, from, to int) bool {
	for k := from; k+2 < to; k++ {
		if _, ok := numberAt(f, k); !ok {
			continue
		}
		switch f.Tokens[k+1].Fold {
		case "day", "days", "week", "weeks", "month", "months", "year", "years", "cycles", "courses", "doses":
			if f.Tokens[k+2].Fold == "of" {
				return true
			}
		}
	}
	return false
}

// partSubject: the clause holding token k has a part of the patients
// for its subject: "35 of them were refractory", "12 of the patients had
// failed rituximab", "in 7 of 12 patients", or, in a cohort of size
// patients, a smaller count ("Eight patients had been diagnosed ... for
// more than 12 months" of twelve).
func partSubject(r *rules, f *field, s *sentence, k, size int) bool {
	from := k
	for from > s.Tok0 && !clauseBreakBefore(f, from) {
		from--
	}
	for j := from; j < k; j++ {
		n, ok := numberAt(f, j)
		if ok && j > s.Tok0 && (f.Tokens[j-1].Fold == "case" || f.Tokens[j-1].Fold == "patient") {
			// "Case 1 was a child with severe aplastic anemia": a case
			// series names its cases, and the series is all of them.
			continue
		}
		if ok && size > 0 && n < size && j+1 < k {
			switch f.Tokens[j+1].Fold {
			case "had", "have", "were", "was": // "9 had persistent ITP"
				return true
			case "with": // "20 patients had leukopenia, 24 with anemia or thrombocytopenia"
				if j == s.Tok0 || !ageBoundWord[f.Tokens[j-1].Fold] {
					return true
				}
			}
		}
		if !ok || j+2 >= s.Tok1 || f.Tokens[j+1].Fold != "of" {
			continue
		}
		switch f.Tokens[j+2].Fold {
		case "them", "these", "those", "the", "whom":
			return true
		}
		if _, ok := numberAt(f, j+2); ok {
			return true
		}
	}
	for _, c := range countsIn(r, f, s) {
		if c.Tok0 >= from && c.Tok1 <= k && (c.Part || size > 0 && c.N < size) {
			return true
		}
	}
	return false
}

// ageBoundWord before a number makes it an age ("aged 18 with ITP",
// "older than 65 with"), not a count of patients.
var ageBoundWord = map[string]bool{"aged": true, "age": true, "ages": true, "than": true, "over": true,
	"above": true, "under": true, "below": true, "least": true, "to": true}

// partScope: the words around mention m make it a part's: a count
// right after it ("corticosteroids in 38 patients") or a relative clause
// that picks some of the patients ("the response rate in patients who had
// failed rituximab").
func partScope(f *field, s *sentence, m *mention) bool {
	if k := m.Tok1; k+1 < s.Tok1 && (f.Tokens[k].Fold == "in" || f.Tokens[k].Fold == "for") {
		if _, ok := numberAt(f, k+1); ok {
			return true
		}
	}
	if bracketedPart.MatchString(runeSlice(f.Runes, m.End, min(m.End+24, s.End))) {
		return true
	}
	return inPartClause(f, s, m.Tok0)
}

// inPartClause: token t is in a relative clause that picks some of the
// patients ("in patients who had failed rituximab", "effective in the
// treatment of patients who were either refractory to or had a relapse
// after splenectomy"): "in/among/for/of patients who" within a dozen
// words before it, in the same clause.
func inPartClause(f *field, s *sentence, t int) bool {
	const reach = 12
	for k := t - 1; k > s.Tok0+1 && k >= t-reach; k-- {
		if clauseBreakBefore(f, k+1) && !insideBrackets(f, k+1) {
			return false
		}
		if f.Tokens[k].Fold != "who" && f.Tokens[k].Fold != "that" {
			continue
		}
		switch f.Tokens[k-1].Fold {
		case "patients", "those", "subjects", "children", "adults":
			j := k - 2
			if j-1 >= s.Tok0 && isDigits(f.Tokens[j].Text) && f.Tokens[j-1].Fold == "the" {
				j -= 2 // "Of the 15 children who failed splenectomy"
			}
			if j >= s.Tok0 {
				switch f.Tokens[j].Fold {
				case "in", "among", "for", "of":
					return true
				}
			}
		}
		return false
	}
	return false
}

// bracketedPart: a share or count in brackets right after a therapy
// ("rituximab (45%)", "splenectomy (n = 12)", "IVIG (12 patients)") says
// how many of the patients had it.
var bracketedPart = regexp.MustCompile(`^\s*[(\[]\s*(?:n\s*=\s*)?\d+(?:[.,]\d+)?\s*(?:%|/\s*\d+|patients|cases|subjects|[)\];,])`)

// priorCueLicenses: a failure cue that ends in "to", "of" or "after", or
// says the patients "had received", "had failed", "previously treated", names the
// therapy after it ("refractory to IVIG", "who had failed ... after
// splenectomy"); a drug before it is another one, usually the study's own
// ("the efficacy of a recombinant human thrombopoietin (rhTPO) in patients
// ... who had failed glucocorticosteroid treatment"). Other cues follow the
// therapy ("rituximab had a poor therapeutic effect") and license either
// side. A forward cue's reach ends where the study's own treatment is
// introduced ("who failed first-line treatments and received romiplostim,
// placebo or standard of care": romiplostim is the study's drug), unless
// those words are part of a cue ("had received").
func priorCueLicenses(f *field, cue, studyTreatment []hit[string], m *mention) bool {
	const reach = 12 // tokens after a forward cue
	ownTreatmentBetween := func(from, to int) bool {
		for _, t := range studyTreatment {
			if t.Tok0 < from || t.Tok0 >= to {
				continue
			}
			inCue := false
			for _, h := range cue {
				inCue = inCue || (t.Tok0 >= h.Tok0 && t.Tok1 <= h.Tok1)
			}
			if !inCue {
				return true
			}
		}
		return false
	}
	for _, h := range cue {
		last := f.Tokens[h.Tok1-1].Fold
		first := f.Tokens[h.Tok0].Fold
		if first == "failed" && h.Tok1+1 < len(f.Tokens) && f.Tokens[h.Tok1].Fold == "to" && trialVerbs[f.Tokens[h.Tok1+1].Fold] {
			// "the combination of RTX and rhTPO ... failed to show a
			// beneficial effect": a result of the study, no prior failure
			// ("platelet count failed to recover" still is one)
			continue
		}
		forward := last == "to" || last == "of" || last == "after" || first == "had" || first == "previously"
		if first == "failed" && h.Tok0 > 0 {
			// "who had failed glucocorticosteroid treatment"; "IVIG failed" is the other way
			switch f.Tokens[h.Tok0-1].Fold {
			case "had", "have", "has", "who":
				forward = true
			}
		}
		if !forward {
			// "IVIG failed", "did not respond to eltrombopag alone and
			// required a combination of eltrombopag and rituximab": the
			// whole sentence, up to the treatment that came after
			if m.Tok0 >= h.Tok1 && ownTreatmentBetween(h.Tok1, m.Tok0) {
				continue
			}
			return true
		}
		if m.Tok0 >= h.Tok1 && m.Tok0-h.Tok1 <= reach && !ownTreatmentBetween(h.Tok1, m.Tok0) {
			return true
		}
	}
	return false
}

// insideBrackets reports whether the gap before token k is inside "( )",
// so "After intravenous immunoglobulin (IVIG) pulse therapy," keeps going.
func insideBrackets(f *field, k int) bool {
	gap := runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start)
	return gap == " (" || gap == ") " || gap == "(" || gap == ")"
}
