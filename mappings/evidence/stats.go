package evidence

import (
	"strings"
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
// Min and Max. A "median" written just before the value makes it the median.
func withRange(f *field, s *sentence, qs []Quantity, i int) (Quantity, int) {
	q := qs[i]
	used := i
	if q.Value != "" && q.Min == "" && q.Max == "" && i+1 < len(qs) {
		r := qs[i+1]
		gap := fold(runeSlice(f.Runes, q.Span.End, r.Span.Start))
		if r.Value == "" && r.Min != "" && r.Max != "" && r.Comparator == "" && sameOrNoUnit(r, q.Unit) && rangeGap(gap) {
			q.Min, q.Max = r.Min, r.Max
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

// rangeGap: only "(range, ", "; range, ", ", ranging from " and the like.
func rangeGap(gap string) bool {
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
	for k := s.Tok1 - 1; k >= s.Tok0; k-- {
		t := f.Tokens[k]
		if t.End > p {
			continue
		}
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
