package evidence

import (
	"math/big"
	"strings"
	"unicode"
)

// Helpers that turn the quantities of a sentence into the value of one
// fact: a median with its range, a dose in cell units, a time.

func isTimeUnit(u string) bool {
	switch u {
	case "d", "wk", "mo", "a", "h", "min":
		return true
	}
	return false
}

// sameOrNoUnit reports whether a range written without a unit ("range,
// 7–16") belongs to a value with unit u.
func sameOrNoUnit(r Quantity, u string) bool { return r.Unit == "" || r.Unit == u }

// withRange joins "12.5 days (range, 7–16)" or "median, 17 months; range,
// 13–24" into one quantity: the range that follows a single value in the
// same sentence, separated only by "range"/brackets/punctuation, fills
// Min and Max (Q1 and Q3 when it is an IQR). A "median" written just before the value makes it the median.
func withRange(f *field, s *sentence, qs []Quantity, i int) (Quantity, int) {
	q := qs[i]
	used := i
	if q.Value == "" && q.Mean != "" {
		q.Value = q.Mean // the contract has no mean; a mean is the reported value
	}
	if (q.Value != "" || q.Median != "") && q.Min == "" && q.Max == "" && i+1 < len(qs) {
		// "(median, 2.7 × 10(6) cells/kg; range, 1.3-4.5)": the range is in the same power of ten.
		r := qs[i+1]
		gap := fold(runeSlice(f.Runes, q.Span.End, r.Span.Start))
		if r.Unit == "" && r.Value == "" && r.Min != "" && r.Max != "" && rangeGap(gap) {
			center := q.Median
			if center == "" {
				center = q.Value
			}
			if lo, hi, ok := scaleRange(r.Min, r.Max, center); ok {
				setSpread(&q, gap, lo, hi)
				q.Span = f.span(q.Span.Start, r.Span.End)
				q.UnitText = q.Span.Text
				return q, i + 1
			}
		}
	}
	if q.Value != "" && q.Min == "" && q.Max == "" && i+1 < len(qs) {
		r := qs[i+1]
		gap := fold(runeSlice(f.Runes, q.Span.End, r.Span.Start))
		if r.Value == "" && r.Min != "" && r.Max != "" && r.Comparator == "" && sameOrNoUnit(r, q.Unit) && rangeGap(gap) {
			setSpread(&q, gap, r.Min, r.Max)
			q.Span = f.span(q.Span.Start, r.Span.End)
			q.UnitText = q.Span.Text
			used = i + 1
		}
	}
	if q.Value != "" && q.Median == "" && medianBefore(f, s, q.Span.Start) {
		q.Median, q.Value = q.Value, ""
	}
	return q, used
}

// setSpread sets the bounds read after a value: its interquartile range
// when the words between say so ("8 years [IQR, 4-12]"), else its range.
// The quartiles are not the smallest and largest values.
func setSpread(q *Quantity, gap, lo, hi string) {
	if strings.Trim(gap, " ()[],;:") == "iqr" {
		q.Q1, q.Q3 = lo, hi
		return
	}
	q.Min, q.Max = lo, hi
}

// rangeGap: only "(range, ", "; range, ", ", ranging from " and the like.
func rangeGap(gap string) bool {
	if strings.HasPrefix(gap, "/") { // "cells/kg/infusion; range, ..."
		gap = strings.TrimLeftFunc(gap[1:], unicode.IsLetter)
	}
	g := strings.Trim(gap, " ()[],;:")
	switch g {
	case "range", "ranging from", "range from", "ranged from", "iqr", "":
		return g != "" || strings.ContainsAny(gap, "([")
	}
	return false
}

// medianBefore reports "median" within the few words before position p.
func medianBefore(f *field, s *sentence, p int) bool {
	n := 0
	for k := tokenBefore(f, s, p); k >= s.Tok0; k-- {
		t := f.Tokens[k]
		if n++; n > 4 {
			return false
		}
		if t.Fold == "median" {
			return true
		}
	}
	return false
}

// cellDose returns q as a cell dose in UCUM ("{cells}", "{cells}/kg",
// "{cells}/d", "{cells}/L"), or false when it does not look like one. A
// bare number counts only when it is a power-of-ten sized count written
// in a sentence that says "dose" or "cells".
func cellDose(q Quantity, saysDose bool) (Quantity, bool) {
	switch q.Unit {
	case "{cells}", "{cells}/kg", "{cells}/d", "{cells}/L":
		return q, true
	case "/kg", "kg-1", "1/kg", "/kg/d":
		if q.Unit == "/kg/d" {
			return Quantity{}, false
		}
		q.Unit = "{cells}/kg"
	case "/L", "L-1", "1/L":
		q.Unit = "{cells}/L"
	case "":
		q.Unit = "{cells}"
	default:
		return Quantity{}, false
	}
	if !saysDose || !large(q) {
		return Quantity{}, false
	}
	return q, true
}

// large reports whether every number of q is at least 10 000, the size of
// a cell count rather than a count of anything else.
func large(q Quantity) bool {
	ok := false
	for _, v := range []string{q.Value, q.Min, q.Max, q.Median} {
		if v == "" {
			continue
		}
		intPart, _, _ := strings.Cut(strings.TrimPrefix(v, "-"), ".")
		if len(intPart) < 5 {
			return false
		}
		ok = true
	}
	return ok
}

// scaleRange multiplies a range written without its power of ten by the
// power that puts center inside it: 1.3–4.5 around 2700000 is 1300000–
// 4500000. Only powers 10³–10¹² are tried, and only one may fit.
func scaleRange(lo, hi, center string) (string, string, bool) {
	l, ok1 := new(big.Rat).SetString(lo)
	h, ok2 := new(big.Rat).SetString(hi)
	c, ok3 := new(big.Rat).SetString(center)
	if !ok1 || !ok2 || !ok3 || l.Cmp(h) > 0 || h.Cmp(big.NewRat(1000, 1)) >= 0 {
		return "", "", false
	}
	found := -1
	for k := 3; k <= 12; k++ {
		p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil))
		sl, sh := new(big.Rat).Mul(l, p), new(big.Rat).Mul(h, p)
		if sl.Cmp(c) <= 0 && c.Cmp(sh) <= 0 {
			if found >= 0 {
				return "", "", false
			}
			found = k
		}
	}
	if found < 0 {
		return "", "", false
	}
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(found)), nil))
	return ratDecimal(new(big.Rat).Mul(l, p)), ratDecimal(new(big.Rat).Mul(h, p)), true
}

// ratDecimal writes an exact decimal without trailing zeros.
func ratDecimal(r *big.Rat) string {
	s := r.FloatString(12)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
