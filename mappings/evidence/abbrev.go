package evidence

import (
	"strings"
	"unicode"
)

// abbreviation is a short form defined in the text, Schwartz & Hearst
// style: "long form (SF)" or, less often, "SF (long form)".
type abbreviation struct {
	Short      string
	LongStart  int // code points in the field
	LongEnd    int
	ShortStart int
	ShortEnd   int
}

// findAbbreviations returns the definitions in one sentence.
func findAbbreviations(rs []rune, s *sentence) []abbreviation {
	var out []abbreviation
	for p := s.Start; p < s.End; p++ {
		if rs[p] != '(' {
			continue
		}
		q := p + 1
		for q < s.End && rs[q] != ')' && rs[q] != '(' {
			q++
		}
		if q >= s.End || rs[q] != ')' {
			continue
		}
		in0, in1 := trimSpace(rs, p+1, q)
		inner := string(rs[in0:in1])
		before0, before1 := trimSpace(rs, s.Start, p)
		if isShortFormCandidate(inner) {
			sf := []rune(inner)
			maxWords := min(len(sf)+5, 2*len(sf))
			w0 := wordsBack(rs, before0, before1, maxWords)
			if lf := bestLongForm(sf, rs[w0:before1]); lf >= 0 {
				out = append(out, abbreviation{Short: inner, LongStart: w0 + lf, LongEnd: before1, ShortStart: in0, ShortEnd: in1})
			}
		} else if len(strings.Fields(inner)) >= 2 {
			// "SF (long form)": the word just before the bracket is the short form.
			w0 := wordsBack(rs, before0, before1, 1)
			sf := string(rs[w0:before1])
			if isShortFormCandidate(sf) && countUpper(sf) >= 2 {
				if lf := bestLongForm([]rune(sf), rs[in0:in1]); lf == 0 {
					out = append(out, abbreviation{Short: sf, LongStart: in0, LongEnd: in1, ShortStart: w0, ShortEnd: before1})
				}
			}
		}
		p = q
	}
	return out
}

func trimSpace(rs []rune, a, b int) (int, int) {
	for a < b && unicode.IsSpace(rs[a]) {
		a++
	}
	for b > a && unicode.IsSpace(rs[b-1]) {
		b--
	}
	return a, b
}

// wordsBack returns where the last n white-space separated words of rs[a:b] start.
func wordsBack(rs []rune, a, b, n int) int {
	i := b
	for w := 0; w < n && i > a; w++ {
		for i > a && unicode.IsSpace(rs[i-1]) {
			i--
		}
		for i > a && !unicode.IsSpace(rs[i-1]) {
			i--
		}
	}
	return i
}

// isShortFormCandidate: one or two words, 2–10 characters, starting with a
// letter or digit and holding at least one letter.
func isShortFormCandidate(s string) bool {
	r := []rune(s)
	if len(r) < 2 || len(r) > 10 || len(strings.Fields(s)) > 2 || strings.ContainsAny(s, ",;:=") {
		return false
	}
	if !unicode.IsLetter(r[0]) && !unicode.IsDigit(r[0]) {
		return false
	}
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// bestLongForm is the Schwartz–Hearst match: every letter or digit of the
// short form, right to left, must occur in the long form in order, the
// first one at the start of a word. It returns where the long form starts
// in lf, or -1.
func bestLongForm(sf, lf []rune) int {
	si, li := len(sf)-1, len(lf)-1
	for si >= 0 {
		c := unicode.ToLower(sf[si])
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			si--
			continue
		}
		for li >= 0 && (unicode.ToLower(lf[li]) != c || (si == 0 && li > 0 && (unicode.IsLetter(lf[li-1]) || unicode.IsDigit(lf[li-1])))) {
			li--
		}
		if li < 0 {
			return -1
		}
		li--
		si--
	}
	// Back to the start of the word the match began in.
	for li >= 0 && !unicode.IsSpace(lf[li]) {
		li--
	}
	start := li + 1
	// Hearst's constraint: the long form must be longer than the short form.
	if len(lf)-start <= len(sf) {
		return -1
	}
	return start
}
