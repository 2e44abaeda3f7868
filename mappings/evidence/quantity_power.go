package evidence

import "strings"

// Powers of ten, in every notation the sources use. The base "10" has
// already been read; what follows it decides the exponent.

type expKind int

const (
	expNone      expKind = iota
	expTight             // ⁹, ^9, (9), <sup>9</sup>, E9: unambiguous
	expSpaced            // "× 10 9 /L": a superscript lost to a space
	expFlat              // "5x107": a superscript lost with no space at all
	expAmbiguous         // "× 10" with no readable exponent
)

// exponent reads an exponent written right after a base 10 at i. paren
// allows "(9)", which is only a power after a multiplication sign.
func (s *qtyScanner) exponent(i int, paren bool) (int, int, expKind) {
	r := s.at(i)
	switch {
	case r == '⁻' || r == '⁺' || qSuperDigits[r] != 0 || r == '⁰':
		neg := r == '⁻'
		j := i
		if r == '⁻' || r == '⁺' {
			j++
		}
		n, k := 0, j
		for ; k-j < 2; k++ {
			d, ok := qSuperDigits[s.at(k)]
			if !ok {
				break
			}
			n = n*10 + d
		}
		if _, more := qSuperDigits[s.at(k)]; k == j || more || qIsDigit(s.at(k)) {
			return 0, i, expNone
		}
		if neg {
			n = -n
		}
		return n, k, expTight
	case r == '^':
		if n, k, ok := s.signedInt(i+1, 2); ok {
			return n, k, expTight
		}
	case r == '(' && paren:
		if n, k, ok := s.signedInt(i+1, 2); ok && s.at(k) == ')' {
			return n, k + 1, expTight
		}
	case r == '<':
		if k, ok := s.lit(i, "<sup>"); ok {
			if n, k2, ok := s.signedInt(k, 2); ok {
				if k3, ok := s.lit(k2, "</sup>"); ok {
					return n, k3, expTight
				}
			}
		}
	case r == 'e' || r == 'E':
		if n, k, ok := s.signedInt(i+1, 2); ok && !qIsAlnum(s.at(k)) {
			return n, k, expTight
		}
	}
	return 0, i, expNone
}

// power reads "× 10⁹" (and its variants) after a mantissa ending at i.
//
// How the two lossy forms are told apart from ordinary numbers:
//
//   - Spaced ("5.65 × 10 7 /L", "> 150 × 10 9 /L"): after an explicit
//     multiplication sign and a base 10, one space and a one- or two-digit
//     exponent (1–18), followed by a per-volume or cell unit, a closing
//     bracket or punctuation, or the end of the text. A mantissa times ten
//     followed by a lone small integer has no other reading.
//   - Flattened ("5x107", "1 × 108"): the exponent digits are glued to the
//     base. Read as a power only when the exponent is 3–12 and the mantissa
//     is in [1, 10) (checked by the caller), and — checked by
//     FindQuantities with the sentence in view — the sentence speaks of
//     cells or a dose. Otherwise the whole expression is dropped.
//
// Anything else after "× 10" is expAmbiguous and dropped: "2 × 10 mm" is a
// dimension and "2x10" a product, not values to state.
func (s *qtyScanner) power(i int) (int, int, expKind) {
	j := s.space(i)
	if !qIsMult(s.at(j)) {
		return 0, i, expNone
	}
	// "x" glued to a word ("5 xenografts") is not a multiplication sign.
	if r := s.at(j); (r == 'x' || r == 'X') && qIsAlnum(s.at(j+1)) && !qIsDigit(s.at(j+1)) {
		return 0, i, expNone
	}
	k := s.space(j + 1)
	if !qIsDigit(s.at(k)) {
		return 0, i, expNone
	}
	if s.at(k) != '1' || s.at(k+1) != '0' {
		return 0, s.skipDigits(k), expAmbiguous
	}
	b := k + 2 // just past the base
	if exp, end, kind := s.exponent(b, true); kind == expTight {
		return exp, end, kind
	}
	if qIsDigit(s.at(b)) {
		end := s.skipDigits(b)
		if end-b > 2 || qIsAlnum(s.at(end)) {
			return 0, end, expAmbiguous
		}
		exp := qAtoi(s.r[b:end])
		if exp < 3 || exp > 12 {
			return 0, end, expAmbiguous
		}
		return exp, end, expFlat
	}
	if c := s.at(b); c == ' ' || c == '\u00a0' || c == '\u2009' || c == '\u202f' {
		e0 := b + 1
		end := s.skipDigits(e0)
		if end > e0 && end-e0 <= 2 && !qIsAlnum(s.at(end)) {
			exp := qAtoi(s.r[e0:end])
			if exp >= 1 && exp <= 18 && s.spacedExponentFollows(end) {
				return exp, end, expSpaced
			}
		}
	}
	if qIsAlnum(s.at(b)) {
		return 0, s.skipWord(b), expAmbiguous
	}
	return 0, b, expAmbiguous
}

// spacedExponentFollows: what may follow a lost-superscript exponent.
func (s *qtyScanner) spacedExponentFollows(i int) bool {
	j := s.space(i)
	switch s.at(j) {
	case '/', ')', ']', ',', ';', '.', ':', 0:
		return true
	}
	w, _ := s.word(j)
	switch strings.ToLower(w) {
	case "cells", "cell", "mscs", "msc", "per":
		return true
	}
	return false
}

const qMaxSentence = 600

func (s *qtyScanner) skipDigits(i int) int {
	for qIsDigit(s.at(i)) {
		i++
	}
	return i
}

func (s *qtyScanner) skipWord(i int) int {
	for qIsAlnum(s.at(i)) {
		i++
	}
	return i
}

func qAtoi(rs []rune) int {
	n := 0
	for _, r := range rs {
		n = n*10 + int(r-'0')
	}
	return n
}

// doseContext decides whether a flattened power ("5x107") between start
// and end is a cell dose or count. It is, when the sentence around it
// (from the previous ". " to the next) names cells ("cell", "cells",
// "MSC" in any token such as "hUC-MSC"), a dose ("dose", "dosage"), a
// per-kilogram amount ("/kg"), or an infusion or injection, and the word
// right after the quantity is not a noun that counts something else
// ("1x108 patients"): it must be a unit, a joining word, or punctuation.
func (s *qtyScanner) doseContext(start, end int) bool {
	next, _ := s.word(s.space(end))
	if next != "" && !qDoseFollowers[strings.ToLower(next)] {
		return false
	}
	a, b := s.sentence(start, end)
	sent := string(s.r[a:b])
	if strings.Contains(sent, "MSC") {
		return true
	}
	low := strings.ToLower(sent)
	for _, cue := range []string{"cell", "dose", "dosage", "/kg", "infus", "inject"} {
		if strings.Contains(low, cue) {
			return true
		}
	}
	return false
}

var qDoseFollowers = map[string]bool{
	"to": true, "and": true, "or": true, "per": true, "each": true, "every": true,
	"was": true, "were": true, "is": true, "are": true, "in": true, "at": true,
	"for": true, "on": true, "with": true, "by": true, "via": true, "once": true,
	"twice": true, "respectively": true, "intravenously": true, "iv": true,
	"cells": true, "cell": true, "mscs": true, "msc": true,
}

// sentence returns the bounds of the sentence holding [start, end): a
// full stop, "!" or "?" followed by white space, or a line break, ends one.
// No sentence reaches further than qMaxSentence code points either way, so
// text without full stops costs linear time, not quadratic.
func (s *qtyScanner) sentence(start, end int) (int, int) {
	a := start
	for a > 0 && start-a < qMaxSentence {
		r := s.r[a-1]
		if r == '\n' || ((r == '.' || r == '!' || r == '?') && qIsSpace(s.at(a))) {
			break
		}
		a--
	}
	b := end
	for b < len(s.r) && b-end < qMaxSentence {
		r := s.r[b]
		if r == '\n' || ((r == '.' || r == '!' || r == '?') && (b+1 == len(s.r) || qIsSpace(s.r[b+1]))) {
			break
		}
		b++
	}
	return a, b
}
