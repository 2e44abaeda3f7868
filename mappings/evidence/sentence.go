package evidence

import (
	"strings"
	"unicode"
)

// sentence is one sentence of a field, with the abstract section it sits in.
type sentence struct {
	Field      string
	Start, End int    // code points in the field, section label excluded
	Section    string // the section label as written ("Case presentation"), or ""
	Role       string // background | methods | case | results | conclusions | ""
	Tok0, Tok1 int    // the sentence's tokens in the field's token slice
}

// splitSentences returns code-point [start, end) ranges of the sentences
// of text. A dot ends a sentence only when followed by white space and a
// capital, digit or opening bracket, and when the word before it is not a
// known abbreviation ("vs.", "e.g.") or an initial; decimals ("5.65") and
// units ("×10⁹/L.") need no special case. Line breaks always end one.
func splitSentences(rs []rune, abbrevs map[string]bool, sections map[string]string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(rs[s]) {
			s++
		}
		for e > s && unicode.IsSpace(rs[e-1]) {
			e--
		}
		if s < e {
			out = append(out, [2]int{s, e})
		}
		start = end
	}
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '\n', '\r', '\u2028', '\u2029':
			emit(i)
			continue
		case '.', '!', '?', '。':
		default:
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune(")]\"'’”", rs[j]) {
			j++
		}
		if j < len(rs) && rs[i] != '。' {
			if !unicode.IsSpace(rs[j]) {
				// "(AA).Methods Eighteen patients", "rate of 72.2%.4 of 7 patients":
				// a sentence glued to the dot after a word, not inside a number.
				if rs[i] == '.' && (labelWordAt(rs, j, sections) || gluedSentence(rs, i, j, abbrevs)) {
					emit(j)
					i = j - 1
				}
				continue
			}
			k := j
			for k < len(rs) && unicode.IsSpace(rs[k]) && rs[k] != '\n' {
				k++
			}
			if k < len(rs) && rs[k] != '\n' && !startsSentence(rs[k]) {
				continue
			}
			if rs[i] == '.' && isAbbrevBefore(rs, i, abbrevs) {
				continue
			}
		}
		emit(j)
		i = j - 1
	}
	emit(len(rs))
	return out
}

func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("([\"“'‘", r)
}

// isAbbrevBefore reports whether the dot at rs[dot] closes an abbreviation.
func isAbbrevBefore(rs []rune, dot int, abbrevs map[string]bool) bool {
	b := dot
	for b > 0 && (unicode.IsLetter(rs[b-1]) || rs[b-1] == '.') {
		b--
	}
	word := string(rs[b:dot])
	if word == "" {
		return false
	}
	if abbrevs[fold(word)] {
		return true
	}
	// An initial ("P.R. China", "Wang X.") stands alone; "10⁹/L." does not.
	last := []rune(word[strings.LastIndex(word, ".")+1:])
	alone := b == 0 || unicode.IsSpace(rs[b-1])
	return len(last) == 1 && unicode.IsUpper(last[0]) && alone
}

// sectionLabelAt finds a section label ("Case presentation:") at the start
// of rs[start:end]. It returns the label, its role and where the content
// after the label starts; ok is false when there is none. Known labels come
// from patterns.tsv; at the start of a line, any short capitalised phrase
// before a colon is taken as a label of unknown role.
func sectionLabelAt(rs []rune, start, end int, lineStart bool, sections map[string]string) (label, role string, content int, ok bool) {
	limit := min(end, start+40)
	colon := -1
	for i := start; i < limit; i++ {
		if rs[i] == ':' {
			colon = i
			break
		}
		if !(unicode.IsLetter(rs[i]) || rs[i] == ' ' || rs[i] == '-') {
			return "", "", 0, false
		}
	}
	if colon <= start {
		return "", "", 0, false
	}
	label = strings.TrimSpace(string(rs[start:colon]))
	role, known := sections[fold(label)]
	words := len(strings.Fields(label))
	if !known && !(lineStart && words <= 4 && unicode.IsUpper([]rune(label)[0])) {
		return "", "", 0, false
	}
	content = colon + 1
	for content < end && unicode.IsSpace(rs[content]) {
		content++
	}
	return label, role, content, true
}

// labelWordAt reports a known section label starting at rs[j], capitalised
// and followed by a space or colon ("Methods Eighteen", "Results:").
func labelWordAt(rs []rune, j int, sections map[string]string) bool {
	if j >= len(rs) || !unicode.IsUpper(rs[j]) {
		return false
	}
	k := j
	for k < len(rs) && unicode.IsLetter(rs[k]) {
		k++
	}
	if k >= len(rs) || (rs[k] != ' ' && rs[k] != ':') {
		return false
	}
	_, ok := sections[fold(string(rs[j:k]))]
	return ok && k-j > 4
}

// bareLabelAt finds a known label written without a colon at the start of
// a sentence and followed by a capitalised word or a number ("Results All
// patients achieved ...", "Results 28 recipients ...", "Conclusion
// Haploidentical ..."). "Case 1 was" is not one: a label of four letters
// or fewer is never bare.
func bareLabelAt(rs []rune, start, end int, sections map[string]string) (label, role string, content int, ok bool) {
	k := start
	for k < end && unicode.IsLetter(rs[k]) {
		k++
	}
	if k == start || k+1 >= end || rs[k] != ' ' || !unicode.IsUpper(rs[k+1]) && !unicode.IsDigit(rs[k+1]) {
		return "", "", 0, false
	}
	label = string(rs[start:k])
	role, known := sections[fold(label)]
	if !known || k-start <= 4 {
		return "", "", 0, false
	}
	return label, role, k + 1, true
}

// gluedSentence: a dot right after a word, "%" or ")" and right before a
// capital or digit ("treatment.UC-MSC were", "72.2%.4 of 7") ends a
// sentence whose space was lost in export. Decimals, initials and known
// abbreviations do not.
func gluedSentence(rs []rune, dot, next int, abbrevs map[string]bool) bool {
	if dot == 0 || next != dot+1 {
		return false
	}
	p := rs[dot-1]
	if !(unicode.IsLetter(p) || p == '%' || p == ')') || !(unicode.IsUpper(rs[next]) || unicode.IsDigit(rs[next])) {
		return false
	}
	return !isAbbrevBefore(rs, dot, abbrevs)
}
