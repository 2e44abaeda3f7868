package evidence

import (
	"strconv"
	"strings"
	"unicode"
)

// numberAt reads token k as a whole count: digits ("20") or a number word
// ("Four", "both"). Parts of decimals ("12.5") and of powers are not counts.
// A compound ("Seventy-four") is read by numberSpan.
func numberAt(f *field, k int) (int, bool) {
	n, _, ok := numberSpan(f, k)
	return n, ok
}

// numberSpan is numberAt that also reads "Seventy-four" / "twenty one" as
// one number, returning the token after it.
func numberSpan(f *field, k int) (n, next int, ok bool) {
	if n, next, ok := groupedNumber(f, k); ok {
		return n, next, true
	}
	n, ok = numberToken(f, k)
	if !ok {
		return 0, k + 1, false
	}
	// "Two hundred eleven children", "Two hundred and six": one number.
	if n >= 1 && n <= 9 && k+1 < len(f.Tokens) && f.Tokens[k+1].Fold == "hundred" && f.Tokens[k+1].SoftBefore {
		n, next = n*100, k+2
		if next < len(f.Tokens) && f.Tokens[next].Fold == "and" && f.Tokens[next].SoftBefore {
			next++
		}
		if next < len(f.Tokens) && f.Tokens[next].SoftBefore && !isDigits(f.Tokens[next].Text) {
			if u, after, ok2 := numberSpan(f, next); ok2 && u < 100 {
				return n + u, after, true
			}
		}
		if f.Tokens[next-1].Fold == "and" {
			next--
		}
		return n, next, true
	}
	if n >= 20 && n%10 == 0 && n < 100 && k+1 < len(f.Tokens) && f.Tokens[k+1].SoftBefore {
		if u, ok2 := NumberWord(f.Tokens[k+1].Text); ok2 && u >= 1 && u <= 9 && f.Tokens[k+1].Fold != "both" {
			return n + u, k + 2, true
		}
	}
	return n, k + 1, true
}

// thousandsSeparators may stand between digit groups of one number:
// "6,651", "19 415" (SI style, also with a no-break or thin space).
const thousandsSeparators = ", \u00a0\u2009\u202f"

// groupSeparated: token k is a three-digit group that follows the group
// before it with one thousands separator between ("19 415": the 415).
func groupSeparated(f *field, k int) bool {
	if k < 1 || k >= len(f.Tokens) || len(f.Tokens[k].Text) != 3 || !isDigits(f.Tokens[k].Text) {
		return false
	}
	p := f.Tokens[k-1]
	gap := runeSlice(f.Runes, p.End, f.Tokens[k].Start)
	return isDigits(p.Text) && len(p.Text) <= 3 && len([]rune(gap)) == 1 && strings.Contains(thousandsSeparators, gap)
}

// groupedNumber reads a number written in digit groups from token k
// ("6,651 adults", "we analyzed 19 415 adult patients"): the first group
// of one to three digits, then three-digit groups each after one
// separator. "1, 2 and 3" or "12, 15" are no groups: a group has three
// digits and the separator is a single character.
func groupedNumber(f *field, k int) (n, next int, ok bool) {
	if k < 0 || k+1 >= len(f.Tokens) || !isDigits(f.Tokens[k].Text) || len(f.Tokens[k].Text) > 3 || groupSeparated(f, k) {
		return 0, 0, false
	}
	n, _ = strconv.Atoi(f.Tokens[k].Text)
	next = k + 1
	for next < len(f.Tokens) && groupSeparated(f, next) {
		g, _ := strconv.Atoi(f.Tokens[next].Text)
		n = n*1000 + g
		next++
	}
	if next == k+1 {
		return 0, 0, false
	}
	if after := runeAt(f, f.Tokens[next-1].End); after != 0 && !unicode.IsSpace(after) && !strings.ContainsRune(",;:)]", after) {
		return 0, 0, false // "3 109/L", "1,000.5": a unit or a decimal follows, not a noun
	}
	if runeAt(f, f.Tokens[k].End) != ',' && !spaceGroupedCount(f, k, next) {
		return 0, 0, false
	}
	return n, next, n > 0 && n < 10000000
}

// spaceGroupedCount: digit groups split by spaces are read as one number
// only where a count stands: a word follows ("19 415 adult patients"), and
// no number or "n" comes right before. PDF text garbles "=" and "×" into
// digits: "(n 5 102)" is n = 102, "20 3 109/L" is 20 × 10⁹/L.
func spaceGroupedCount(f *field, k, next int) bool {
	if next >= len(f.Tokens) || !unicode.IsLetter([]rune(f.Tokens[next].Text)[0]) {
		return false
	}
	if k == 0 || strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start)) != "" {
		return true
	}
	p := f.Tokens[k-1]
	return !isDigits(p.Text) && p.Fold != "n"
}

// inGroupedNumber: token k is a later group of a number groupedNumber
// reads from its head.
func inGroupedNumber(f *field, k int) bool {
	head := k
	for groupSeparated(f, head) {
		head--
	}
	if head == k {
		return false
	}
	_, _, ok := groupedNumber(f, head)
	return ok
}

// runeAt is the rune at offset i of the field, or 0 past its end.
func runeAt(f *field, i int) rune {
	if i < 0 || i >= len(f.Runes) {
		return 0
	}
	return f.Runes[i]
}

func numberToken(f *field, k int) (int, bool) {
	if k < 0 || k >= len(f.Tokens) {
		return 0, false // a rule looking one word past the text
	}
	if inGroupedNumber(f, k) {
		return 0, false // the tail of "19 415", read from its head
	}
	t := f.Tokens[k]
	if t.Start > 1 && f.Runes[t.Start-1] == '-' && unicode.IsLetter(f.Runes[t.Start-2]) {
		// "COVID-19 patients", "IL-22": part of a name; the "seven" of
		// "Forty-seven", which numberSpan reads from "Forty"
		return 0, false
	}
	if isDigits(t.Text) {
		if t.Start > 0 && (f.Runes[t.Start-1] == '.' || f.Runes[t.Start-1] == ',') && t.Start > 1 && unicode.IsDigit(f.Runes[t.Start-2]) {
			return 0, false
		}
		if t.End+1 < len(f.Runes) && (f.Runes[t.End] == '.' || f.Runes[t.End] == ',') && unicode.IsDigit(f.Runes[t.End+1]) {
			return 0, false
		}
		n, err := strconv.Atoi(t.Text)
		return n, err == nil && n > 0 && n < 100000
	}
	return NumberWord(t.Text)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// count is "Four patients", "two cases", "Both children", "20 adult patients".
type count struct {
	N          int
	Tok0, Tok1 int  // the number through the noun
	Part       bool // "7 of 12 patients": N is a part of a group, not a group
	Whole      int  // with Part, the group's size (12)
	// Share is the percentage written between the number and the noun
	// ("Eight (36.4%) patients": "36.4"), "" when none is.
	Share string
}

// OfSome: a share below 100% stands between the number and the noun
// ("Eight (36.4%) patients received rescue medication"): the count is of
// some of a larger group, whose size the text may not give.
func (c count) OfSome() bool { return c.Share != "" && c.Share != "100" && c.Share != "100.0" }

// bigNumberWord are the words of numbers written in parts.
var bigNumberWord = map[string]bool{"hundred": true, "thousand": true, "million": true, "billion": true}

// countStops may not sit between a number and its noun.
var countStops = map[string]bool{"of": true, "with": true, "and": true, "or": true, "to": true, "in": true, "at": true, "per": true, "for": true, "the": true,
	"percent": true} // "Seventy nine percent patients": a share, not 79 patients

// countAdjective words describe how the counted patients were chosen and
// leave room for one more word before the noun ("423 consecutive AA
// patients", "62 eligible adult patients").
var countAdjective = map[string]bool{"consecutive": true, "eligible": true, "evaluable": true, "unselected": true}

// studyNoun after a cohort noun makes the count one of studies.
var studyNoun = map[string]bool{"series": true, "report": true, "reports": true, "studies": true}

// numberedLabel words take a number as their name, not as a count of
// what follows.
var numberedLabel = map[string]bool{"phase": true, "grade": true, "stage": true, "type": true, "step": true,
	"part": true, "level": true, "cohort": true, "group": true, "arm": true, "day": true, "week": true,
	"cycle": true, "dose": true, "covid": true}

// countsIn finds counts of people in sentence s: a number, at most one
// adjective, then a cohort noun from patterns.tsv.
func countsIn(r *rules, f *field, s *sentence) []count {
	// Rules ask for a sentence's counts once per mention and per value;
	// the answer depends only on the sentence.
	// Full slice expressions: a caller that appends gets its own copy.
	if c, ok := f.counts[s.Tok0]; ok {
		return c[:len(c):len(c)]
	}
	out := findCounts(r, f, s)
	if f.counts == nil {
		f.counts = map[int][]count{}
	}
	f.counts[s.Tok0] = out
	return out[:len(out):len(out)]
}

func findCounts(r *rules, f *field, s *sentence) []count {
	nouns := r.pattern("cohort-noun")
	var out []count
	for k := s.Tok0; k < s.Tok1; k++ {
		n, next, ok := numberSpan(f, k)
		if !ok || (k > s.Tok0 && bigNumberWord[f.Tokens[k-1].Fold]) {
			continue // the tail of "two hundred eleven", read from its head
		}
		if next < s.Tok1 && bigNumberWord[f.Tokens[next].Fold] {
			continue // "210 million women": a population, not patients counted
		}
		if k > s.Tok0 && numberedLabel[f.Tokens[k-1].Fold] && strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start)) == "" {
			continue // "phase 2 subjects (n=21)", "grade 3 patients": a label's number
		}
		if next < s.Tok1 && strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k].End, f.Tokens[next].Start)) == "-" &&
			f.Tokens[k].End < len(f.Runes) && f.Runes[f.Tokens[k].End] == '-' && unicode.IsUpper([]rune(f.Tokens[next].Text)[0]) {
			continue // "4- Participants": a numbered section's heading
		}
		if t := f.Tokens[k]; t.Start > 1 && strings.ContainsRune("-–", f.Runes[t.Start-1]) && unicode.IsDigit(f.Runes[t.Start-2]) {
			continue // "16(3-4):67-73 J Child": the last page of a range, not a count
		}
		if k-2 >= s.Tok0 && f.Tokens[k-2].Fold == "all" && f.Tokens[k-1].Fold == "but" {
			continue // "in all but 2 cases of early death": the exceptions, not the patients
		}
		if k > s.Tok0 && studyLabel(f, s, k) {
			continue // "Study 2 splenectomised patients": the second study's patients
		}
		if k > s.Tok0 && trialAcronym(f, k) {
			continue // "the LUNA 3 study", "RAISE 2": a trial's name
		}
		if k > s.Tok0 && f.Tokens[k-1].Fold == "per" {
			continue // "(per 100 patient-weeks)", "per 1000 patients": a rate's unit
		}
		// "7 of 12 patients", "4 of 7 frontline ... patients", "Nine of the
		// 66 patients", "51 (77.3%) of 66 patients", "5 out of 19": a part.
		if of := partOf(f, s, next); of > 0 {
			if m, next2, ok2 := numberSpan(f, of); ok2 && m >= n {
				for j := next2; j < s.Tok1 && j <= next2+2; j++ {
					if l, _ := nouns.matchAt(f.Tokens, j, s.Tok1); l > 0 {
						out = append(out, count{N: n, Tok0: k, Tok1: j + l, Part: true, Whole: m})
						break
					}
					if countStops[f.Tokens[j].Fold] || !f.Tokens[j].SoftBefore {
						break
					}
				}
				continue
			}
		}
		if c, ok := countWithShare(f, s, nouns, n, k, next); ok {
			out = append(out, c) // "Twelve (29%) patients", "49 (53.3 %) patients"
			continue
		}
		reach := next + 1 // at most one word between the number and its noun
		if next < s.Tok1 && countAdjective[f.Tokens[next].Fold] {
			reach++ // "423 consecutive AA patients"
		}
		for j := next; j < s.Tok1 && j <= reach; j++ {
			if l, _ := nouns.matchAt(f.Tokens, j, s.Tok1); l > 0 {
				if j+l < s.Tok1 && studyNoun[f.Tokens[j+l].Fold] {
					break // "Forty-seven case series", "12 case reports": studies
				}
				if f.Tokens[k].Fold == "both" && j+l < s.Tok1 && f.Tokens[j+l].Fold == "and" {
					break // "both patients and study personnel were masked": both of two kinds
				}
				if j+l < s.Tok1 && isTimeWord(f.Tokens[j+l].Fold) && runeSlice(f.Runes, f.Tokens[j+l-1].End, f.Tokens[j+l].Start) == "-" {
					break // "13,064 patient-years of follow-up": a unit of time at risk
				}
				if !clauseBreakBefore(f, next) && (j == next || !clauseBreakBefore(f, j)) {
					out = append(out, count{N: n, Tok0: k, Tok1: j + l})
				}
				break
			}
			w := f.Tokens[j]
			if countStops[w.Fold] || isDigits(w.Text) || !f.Tokens[j].SoftBefore {
				break
			}
		}
	}
	return out
}

// studyLabel: the number at token k names a study of a table or a
// pooled analysis ("Study 1 non-splenectomised patients Study 2
// splenectomised patients"): a capitalised "Study" or "Trial" right before
// it, not after "this", "the", "our" or "present" ("In this Study 20
// patients were treated" counts them).
func studyLabel(f *field, s *sentence, k int) bool {
	w := f.Tokens[k-1]
	if (w.Text != "Study" && w.Text != "Trial") || runeSlice(f.Runes, w.End, f.Tokens[k].Start) != " " {
		return false
	}
	if k-2 >= s.Tok0 {
		switch f.Tokens[k-2].Fold {
		case "this", "the", "our", "present", "current":
			return false
		}
	}
	return true
}

// trialAcronym: the number at token k follows a word in capitals of three
// letters or more, with only a space between ("LUNA 3", "EXTEND 2"): the
// name of a trial, not a count.
func trialAcronym(f *field, k int) bool {
	w := f.Tokens[k-1].Text
	if len([]rune(w)) < 3 || runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start) != " " {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// countWithShare reads a count whose share stands in brackets between
// the number (token k, ending before next) and its noun: "Twelve (29%)
// patients received IST".
func countWithShare(f *field, s *sentence, nouns *phraseSet[string], n, k, next int) (count, bool) {
	gap := func(j int) string { return runeSlice(f.Runes, f.Tokens[j-1].End, f.Tokens[j].Start) }
	if next >= s.Tok1 || strings.TrimSpace(gap(next)) != "(" {
		return count{}, false
	}
	for j := next + 1; j < s.Tok1 && j <= next+5; j++ {
		if !strings.Contains(gap(j), ")") {
			continue
		}
		if g := strings.ReplaceAll(gap(j), " ", ""); (g != ")" && g != "%)") || !strings.Contains(runeSlice(f.Runes, f.Tokens[next].Start, f.Tokens[j].Start), "%") {
			return count{}, false
		}
		if l, _ := nouns.matchAt(f.Tokens, j, s.Tok1); l > 0 {
			share := strings.TrimSpace(runeSlice(f.Runes, f.Tokens[next].Start, f.Tokens[j-1].End))
			return count{N: n, Tok0: k, Tok1: j + l, Share: share}, true
		}
		return count{}, false
	}
	return count{}, false
}

// partOf returns the token of the whole's number when a count's number
// (ending before token next) is followed by "of" or "out of", after
// an optional bracketed share ("51 (77.3%) of 66") and before an optional
// determiner ("of the 66", "of these 12"); 0 otherwise.
func partOf(f *field, s *sentence, next int) int {
	j := next
	if j < s.Tok1 && strings.HasPrefix(strings.TrimSpace(runeSlice(f.Runes, f.Tokens[next-1].End, f.Tokens[j].Start)), "(") {
		// skip a share in brackets: "(77.3%)"
		for j < s.Tok1 && j < next+4 && !strings.Contains(runeSlice(f.Runes, f.Tokens[j-1].End, f.Tokens[j].Start), ")") {
			j++
		}
		if j == next || j >= s.Tok1 || !strings.Contains(runeSlice(f.Runes, f.Tokens[next].Start, f.Tokens[j].Start), "%") {
			return 0 // (no closing bracket before the sentence ends: "2017 (H29.8)]")
		}
	}
	if j < s.Tok1 && f.Tokens[j].Fold == "out" {
		j++
	}
	if j+1 >= s.Tok1 || f.Tokens[j].Fold != "of" {
		return 0
	}
	j++
	switch f.Tokens[j].Fold {
	case "the", "these", "those", "all":
		j++
	}
	if j >= s.Tok1 {
		return 0
	}
	return j
}

// denominator: the count at tok0 follows "of" or "among", directly or
// after a determiner ("of the 66 patients"): it is the whole of a part.
func denominator(f *field, s *sentence, tok0 int) bool {
	p := prevFold(f, s, tok0)
	switch p {
	case "the", "these", "those", "all":
		p = prevFold(f, s, tok0-1)
	}
	return p == "of" || p == "among"
}

// caseNumber recognises "Case 1 was ..." at the start of a sentence: one patient.
func caseNumber(f *field, s *sentence) bool {
	return s.Tok1-s.Tok0 >= 2 && f.Tokens[s.Tok0].Fold == "case" && isDigits(f.Tokens[s.Tok0+1].Text)
}
