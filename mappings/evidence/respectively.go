package evidence

import (
	"strconv"
	"strings"

	"github.com/msckg/msckg/ontology"
)

// respectivelyAtTimes reads "The survival rates at 3 and 6 months in all
// patients were 87.5% (21/24) and 83.3% (20/24), respectively": one kind
// of outcome, a list of times sharing their unit (after the outcome's
// name or opening the sentence), and as many percentages after them,
// closed by "respectively". The k-th value is the outcome at
// the k-th time, for the whole cohort. The frame must be complete: one
// outcome kind named before the times, no groups or arms in the sentence
// (their values would be the groups', not the times'), the same number of
// times and values, and a fraction written with a value must agree with
// it (vetOutcome).
func (x *extraction) respectivelyAtTimes(o *outcomeSentence) {
	f, s := o.f, o.s
	if len(o.types) != 1 || !f.has(x.r, "respectively", s.Tok0, s.Tok1) {
		return
	}
	var m *mention
	for typ, ms := range o.types {
		if typ != ontology.Survival && !shareTypes[typ] {
			return
		}
		m = ms[0]
	}
	if m.Negated || qualified(f, s, m) {
		return
	}
	for k := s.Tok0; k < s.Tok1; k++ {
		switch f.Tokens[k].Fold {
		case "group", "groups", "arm", "arms", "vs", "versus", "compared", "than", "cohort", "cohorts":
			return
		}
	}
	qs := f.quantitiesIn(s.Start, s.End)
	times, next := timeList(f, qs, m.End)
	if len(times) < 2 {
		// The times first: "At 3, 6, and 12 months after splenectomy,
		// time-adjusted complete response rates were 77%, 71%, and 74%,
		// respectively"; the values must be the first numbers after the
		// outcome's name.
		times, next = timeList(f, qs, s.Start)
		if len(times) < 2 || next >= len(qs) || times[len(times)-1].Span.End > m.Start || qs[next].Span.Start < m.End {
			return
		}
	}
	values, last := valueList(f, qs, next)
	if len(values) != len(times) || !respectivelyAfter(f, s, last) {
		return
	}
	for k := range values {
		v, tp := values[k], times[k]
		out := Outcome{Type: m.IRI(), Value: &v, Timepoint: &tp, Rule: "respectively-at-times",
			Spans: []Span{f.span(m.Start, m.End), v.Span, tp.Span, f.sentenceSpan(s)}}
		if v.Numerator != "" && v.Denominator != "" {
			n, err1 := strconv.Atoi(v.Numerator)
			d, err2 := strconv.Atoi(v.Denominator)
			if err1 != nil || err2 != nil || d == 0 {
				return
			}
			out.Patients, out.Total = intp(n), intp(d)
		}
		o.add(out)
	}
}

// timeList reads "3 and 6 months", "1, 2 and 5 years" after code point
// from: bare numbers joined by "and" or commas, the last with a time unit
// they share. It returns the times and the index of the quantity after
// them.
func timeList(f *field, qs []Quantity, from int) ([]Quantity, int) {
	for i := range qs {
		if qs[i].Span.Start < from {
			continue
		}
		var bare []int
		j := i
		for ; j < len(qs) && qs[j].Unit == "" && isDigits(qs[j].Value) && qs[j].Numerator == ""; j++ {
			if j > i && !listGap(f, qs[j-1], qs[j]) {
				return nil, 0
			}
			bare = append(bare, j)
		}
		if len(bare) == 0 || j >= len(qs) || !isTimeUnit(qs[j].Unit) || qs[j].Value == "" || !listGap(f, qs[j-1], qs[j]) {
			return nil, 0
		}
		var out []Quantity
		for _, b := range bare {
			q := qs[b]
			q.Unit = qs[j].Unit
			out = append(out, q)
		}
		return append(out, qs[j]), j + 1
	}
	return nil, 0
}

// valueList reads the percentages from quantity i on, joined by "and" or
// commas; it returns them and the code point where the last ends.
func valueList(f *field, qs []Quantity, i int) ([]Quantity, int) {
	var out []Quantity
	end := -1
	for j := i; j < len(qs) && qs[j].Unit == "%" && qs[j].Value != ""; j++ {
		if j > i && !listGap(f, qs[j-1], qs[j]) {
			return nil, -1
		}
		out = append(out, qs[j])
		end = qs[j].Span.End
	}
	return out, end
}

// listGap: only ",", "and" or ", and" between two quantities.
func listGap(f *field, a, b Quantity) bool {
	switch strings.TrimSpace(runeSlice(f.Runes, a.Span.End, b.Span.Start)) {
	case ",", "and", ", and":
		return true
	}
	return false
}

// respectivelyAfter: "respectively" is the next word after code point p
// (a comma between allowed).
func respectivelyAfter(f *field, s *sentence, p int) bool {
	if p < 0 {
		return false
	}
	for k := s.Tok0; k < s.Tok1; k++ {
		if f.Tokens[k].Start >= p {
			return strings.Trim(runeSlice(f.Runes, p, f.Tokens[k].Start), " ,") == "" && f.Tokens[k].Fold == "respectively"
		}
	}
	return false
}
