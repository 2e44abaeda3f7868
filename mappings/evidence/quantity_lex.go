package evidence

import (
	"math/big"
	"unicode"
	"unicode/utf8"
)

// The low-level pieces of the quantity scanner: rune classes, word
// boundaries and single numbers (digits, number words, powers of ten).
// Everything works on code points so spans are code-point offsets.

// qtyScanner holds one text being scanned.
type qtyScanner struct {
	r      []rune
	field  string
	masked []bool // code points inside DOIs, URLs, dates, trial ids
	alone  bool   // the text is one number (ParseNumber): no context checks
}

func newQtyScanner(text, field string) *qtyScanner {
	return &qtyScanner{r: []rune(text), field: field}
}

func (s *qtyScanner) at(i int) rune {
	if i < 0 || i >= len(s.r) {
		return 0
	}
	return s.r[i]
}

func qIsDigit(r rune) bool { return r >= '0' && r <= '9' }

func qIsAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// qIsGlueHyphen: hyphens that join a number to a word ("41‑year‑old").
func qIsGlueHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// qIsRangeDash: every dash a range may be written with ("7–16").
func qIsRangeDash(r rune) bool {
	return qIsGlueHyphen(r) || r == '\u2012' || r == '\u2013' || r == '\u2014' ||
		r == '\u2212' || r == '~' || r == '\uff5e'
}

// qIsSpace: horizontal and vertical white space, including the no-break
// and thin spaces typeset text puts between a number and its unit.
func qIsSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' }

// qIsMult: signs that write "times" in a power of ten.
func qIsMult(r rune) bool {
	switch r {
	case '×', 'x', 'X', '*', '·', '⋅', '∙', '✕':
		return true
	}
	return false
}

var qSuperDigits = map[rune]int{
	'⁰': 0, '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9,
}

// space skips at most two white-space code points: a number and its unit
// are never further apart, and a bound keeps the scanner from joining
// words across a line of blanks.
func (s *qtyScanner) space(i int) int {
	for k := 0; k < 2 && qIsSpace(s.at(i)); k++ {
		i++
	}
	return i
}

// boundaryAfter reports whether a token may end just before i.
func (s *qtyScanner) boundaryAfter(i int) bool { return !qIsAlnum(s.at(i)) }

// word returns the letters starting at i (no hyphens), and where they end.
func (s *qtyScanner) word(i int) (string, int) {
	j := i
	for j < len(s.r) && unicode.IsLetter(s.r[j]) {
		j++
	}
	return string(s.r[i:j]), j
}

// lit matches lit case-insensitively at i; a literal ending in a letter
// must end at a word boundary. It returns the end of the match.
func (s *qtyScanner) lit(i int, lit string) (int, bool) {
	j := i
	var last rune
	for _, want := range lit {
		got := s.at(j)
		if j >= len(s.r) || !qRuneEq(got, want) {
			return i, false
		}
		last = want
		j++
	}
	if (unicode.IsLetter(last) || qIsDigit(last)) && qIsAlnum(s.at(j)) {
		return i, false
	}
	return j, true
}

// qRuneEq compares case-insensitively and treats every glue hyphen as "-".
func qRuneEq(got, want rune) bool {
	if want == '-' {
		return qIsGlueHyphen(got)
	}
	if got == want {
		return true
	}
	return unicode.ToLower(got) == unicode.ToLower(want) && want < utf8.RuneSelf
}

// qnum is one number as read: its value, and the power of ten it carried.
type qnum struct {
	v      qdec
	mant   qdec // the value before any power of ten
	exp    int  // the power of ten, when hasExp
	hasExp bool
	word   bool // written as a word ("Four")
	flat   bool // a flattened power ("5x107"): needs a dose context
}

// number reads one number at i: digits with an optional power of ten, a
// number word, or a bare power of ten ("10⁹"). flat allows the flattened
// power form; callers then check its context. It returns the number and
// its end.
func (s *qtyScanner) number(i int, flat bool) (qnum, int, bool) {
	if unicode.IsLetter(s.at(i)) {
		return s.numberWord(i)
	}
	if !qIsDigit(s.at(i)) {
		return qnum{}, i, false
	}
	// A bare power of ten: "10⁹/L", "10^9", "10<sup>9</sup>".
	if s.at(i) == '1' && s.at(i+1) == '0' {
		if exp, end, kind := s.exponent(i+2, false); kind == expTight {
			one := qdecInt(1)
			return qnum{v: one.times10(exp), mant: one, exp: exp, hasExp: true}, end, true
		}
	}
	d, end, ok := s.digits(i)
	if !ok {
		return qnum{}, i, false
	}
	n := qnum{v: d, mant: d}
	// Scientific e-notation glued to the digits: "1.5e6", "10e6". Clinical
	// text writes "10e6" for 10⁶ (the caret or superscript lost), never for
	// 10×10⁶, so a mantissa of exactly "10" is read as the base itself.
	if r := s.at(end); (r == 'e' || r == 'E') && i+2 <= end {
		if exp, e2, ok := s.signedInt(end+1, 2); ok && s.boundaryAfter(e2) {
			if string(s.r[i:end]) == "10" {
				d = qdecInt(1)
			}
			return qnum{v: d.times10(exp), mant: d, exp: exp, hasExp: true}, e2, true
		}
	}
	// "× 10⁹", "x10(9)", "× 10 9", and (when allowed) the flattened "x107".
	exp, e2, kind := s.power(end)
	switch kind {
	case expTight, expSpaced:
		n.v, n.exp, n.hasExp = d.times10(exp), exp, true
		return n, e2, true
	case expFlat:
		if !flat || d.cmp(qdecInt(1)) < 0 || d.cmp(qdecInt(10)) >= 0 {
			return qnum{}, e2, false
		}
		n.v, n.exp, n.hasExp, n.flat = d.times10(exp), exp, true, true
		return n, e2, true
	case expAmbiguous:
		// "2 × 10" with no exponent: a product or a dimension, not a value
		// this parser can state.
		return qnum{}, e2, false
	}
	return n, end, true
}

// digits reads "12", "12.5", "1,000", "5·65". A leading zero is only
// allowed before a decimal point: "05" is part of a date or an id.
func (s *qtyScanner) digits(i int) (qdec, int, bool) {
	j := i
	for qIsDigit(s.at(j)) {
		j++
	}
	if j == i {
		return qdec{}, i, false
	}
	intPart := string(s.r[i:j])
	// "05" belongs to a date or an id; twelve digits and more to an id.
	if (len(intPart) > 1 && intPart[0] == '0') || len(intPart) > 12 {
		return qdec{}, j, false
	}
	// Thousands groups: only after a first group of one to three digits,
	// and only in complete groups of three ("1,000", not "7,16").
	if len(intPart) <= 3 {
		for s.at(j) == ',' && qIsDigit(s.at(j+1)) && qIsDigit(s.at(j+2)) && qIsDigit(s.at(j+3)) && !qIsDigit(s.at(j+4)) {
			intPart += string(s.r[j+1 : j+4])
			j += 4
		}
	}
	frac := ""
	if r := s.at(j); (r == '.' || r == '·') && qIsDigit(s.at(j+1)) {
		// "5·10⁹" multiplies; "5·65" is a decimal point (Lancet style).
		if r == '·' && s.at(j+1) == '1' && s.at(j+2) == '0' && s.tightExponentAt(j+3) {
			return s.makeDec(intPart, ""), j, true
		}
		k := j + 1
		for qIsDigit(s.at(k)) {
			k++
		}
		frac = string(s.r[j+1 : k])
		j = k
	}
	return s.makeDec(intPart, frac), j, true
}

func (s *qtyScanner) tightExponentAt(i int) bool {
	_, _, kind := s.exponent(i, false)
	return kind == expTight
}

func (s *qtyScanner) makeDec(intPart, frac string) qdec {
	m, _ := new(big.Int).SetString(intPart+frac, 10)
	return qdec{m: m, scale: len(frac)}
}

// signedInt reads an optional sign and at most maxDigits digits.
func (s *qtyScanner) signedInt(i, maxDigits int) (int, int, bool) {
	neg := false
	switch s.at(i) {
	case '-', '\u2212', '⁻':
		neg = true
		i++
	case '+', '⁺':
		i++
	}
	n, j := 0, i
	for qIsDigit(s.at(j)) && j-i < maxDigits {
		n = n*10 + int(s.at(j)-'0')
		j++
	}
	if j == i || qIsDigit(s.at(j)) {
		return 0, i, false
	}
	if neg {
		n = -n
	}
	return n, j, true
}

// numberWord reads "Four", "twenty-one", "Both" as a whole word.
func (s *qtyScanner) numberWord(i int) (qnum, int, bool) {
	w, end := s.word(i)
	n, ok := NumberWord(w)
	// "twenty-one": try the hyphenated compound first.
	if qIsGlueHyphen(s.at(end)) {
		w2, end2 := s.word(end + 1)
		if m, ok2 := NumberWord(w + "-" + w2); ok2 && w2 != "" {
			n, ok, end = m, true, end2
		}
	}
	if !ok || qIsAlnum(s.at(end)) {
		return qnum{}, end, false
	}
	// "both" counts only before a plural noun ("Both children", "both
	// patients"), not in "both mother and neonate" or "both lower limbs".
	if n == 2 && len(w) == 4 && (w[0] == 'b' || w[0] == 'B') && !s.alone {
		next, _ := s.word(s.space(end))
		if !qPluralNoun(next) {
			return qnum{}, end, false
		}
	}
	d := qdecInt(n)
	return qnum{v: d, mant: d, word: true}, end, true
}

func qPluralNoun(w string) bool {
	switch lower := toLowerASCII(w); lower {
	case "children", "men", "women", "people", "twins":
		return true
	default:
		return len(lower) > 3 && lower[len(lower)-1] == 's' && lower[len(lower)-2] != 's'
	}
}

func toLowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
