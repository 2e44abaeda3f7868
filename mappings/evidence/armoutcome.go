package evidence

import (
	"strconv"
	"strings"

	"github.com/msckg/msckg/ontology"
)

// Results reported per arm: read from a sentence only when it ties each
// number to an arm the abstract names (see arms.go for the arms).

// armOutcomes reads per-arm results: "Overall response at 12 weeks was
// achieved by 21 of 31 patients (68%) in the combination arm and 13 of 31
// (42%) in the rituximab arm", "were 44 of 56 (78.57%) in Arm A and 46 of
// 49 (93.88%) in Arm B at days 42 and 46, respectively". Each "R of T
// (P%) in <arm>" is one outcome of that arm with R patients of T, P % and
// the time point the sentence gives before the counts (shared) or, with
// "respectively", one per arm in order. A percentage that is not R/T is a
// misreading: that result is skipped. It returns the count tokens it read
// so the study-level response rule does not read them again.
func (x *extraction) armOutcomes(f *field, s *sentence, types map[string][]*mention, add func(Outcome, string)) map[int]bool {
	if len(x.arms) == 0 {
		return nil
	}
	var m *mention
	for _, t := range []string{ontology.CompleteResponse, ontology.OverallResponse, ontology.NoResponse} {
		for _, c := range types[t] {
			if !c.Negated && !insideBrackets(f, c.Tok0) && (m == nil || c.Start < m.Start) {
				m = c
			}
		}
	}
	if m == nil {
		return nil
	}
	byKey := map[string]*arm{}
	for _, a := range x.arms {
		byKey[a.key] = a
	}
	type res struct {
		o        Outcome
		key      string
		lastTok  int
		countTok int
	}
	var rs []res
	var misread []int
	refs := armRefs(f, s)
	for k := m.Tok1; k < s.Tok1; k++ {
		r, next, ok := numberSpan(f, k)
		if !ok || next+1 >= s.Tok1 || f.Tokens[next].Fold != "of" || (k > s.Tok0 && f.Tokens[k-1].Fold == "of") {
			continue
		}
		t, next2, ok := numberSpan(f, next+1)
		if !ok || t < r || t == 0 {
			continue
		}
		j := next2
		if j < s.Tok1 && x.isPatientsNoun(f, j) {
			j++
		}
		var pct *Quantity
		if j < s.Tok1 && insideBrackets(f, j) {
			for _, q := range f.quantitiesIn(f.Tokens[j].Start, s.End) {
				if q.Span.Start == f.Tokens[j].Start && q.Unit == "%" && q.Value != "" {
					q := q
					pct = &q
				}
				break
			}
			for j < s.Tok1 && f.Tokens[j].Start < pctEnd(pct) {
				j++
			}
		}
		if j >= s.Tok1 || f.Tokens[j].Fold != "in" {
			continue
		}
		var ref *armRef
		for i := range refs {
			if refs[i].tok0 == j+1 {
				ref = &refs[i]
			}
		}
		if ref == nil || byKey[ref.key] == nil {
			continue
		}
		cs := countStart(f, s, next)
		if pct != nil && !ratioMatches(r, t, pct.Value) {
			// an arm's result whose numbers disagree: not read at all
			misread = append(misread, cs)
			k = ref.t1 - 1
			continue
		}
		o := Outcome{Type: m.IRI(), Patients: intp(r), Total: intp(t), Value: pct, Rule: "arm-response-count",
			Spans: []Span{f.span(m.Start, m.End), f.span(f.Tokens[cs].Start, f.Tokens[ref.t1-1].End)}}
		rs = append(rs, res{o: o, key: ref.key, lastTok: ref.t1, countTok: cs})
		k = ref.t1 - 1
	}
	consumed := map[int]bool{}
	for _, k := range misread {
		consumed[k] = true
	}
	if len(rs) == 0 {
		return consumed
	}
	// the time point between the outcome words and the first count is shared
	first := f.Tokens[rs[0].countTok].Start
	shared, hasShared := x.timeAfter(f, s, m.End, first)
	if hasShared {
		shared = withClock(f, s, shared)
	}
	each := respectivelyTimes(f, s, rs[len(rs)-1].lastTok, len(rs))
	for i, r := range rs {
		switch {
		case hasShared && each == nil:
			q := shared
			r.o.Timepoint = &q
			r.o.Spans = append(r.o.Spans, q.Span)
		case each != nil && !hasShared:
			q := each[i]
			r.o.Timepoint = &q
			r.o.Spans = append(r.o.Spans, q.Span)
		}
		if r.o.Value != nil {
			r.o.Spans = append(r.o.Spans, r.o.Value.Span)
		}
		consumed[r.countTok] = true
		add(r.o, r.key)
	}
	return consumed
}

// countStart is the first token of the responder count that ends before
// token of (the "of" of "R of T").
func countStart(f *field, s *sentence, of int) int {
	k := of - 1
	// "Fifty-nine": two number words read as one
	if k-1 >= s.Tok0 && f.Tokens[k].SoftBefore {
		if n, next, ok := numberSpan(f, k-1); ok && next == of && n >= 20 {
			return k - 1
		}
	}
	return k
}

func pctEnd(q *Quantity) int {
	if q == nil {
		return -1
	}
	return q.Span.End
}

// ratioMatches: P% is R/T rounded as papers round (within one point).
func ratioMatches(r, t int, pct string) bool {
	p, err := strconv.ParseFloat(pct, 64)
	if err != nil {
		return false
	}
	d := p - 100*float64(r)/float64(t)
	return d > -1 && d < 1
}

// withClock keeps "from initial response" with "day 180" when it follows:
// a time point counted from another event than the treatment is not the
// same time point.
func withClock(f *field, s *sentence, q Quantity) Quantity {
	k := tokenAfter(f, s, q.Span.End)
	if k < 0 || f.Tokens[k].Fold != "from" {
		return q
	}
	end := k
	for j := k + 1; j < s.Tok1 && j <= k+3; j++ {
		if clauseBreakBefore(f, j) {
			break
		}
		end = j
	}
	if end == k {
		return q
	}
	q.Span = f.span(q.Span.Start, f.Tokens[end].End)
	q.UnitText = q.Span.Text
	return q
}

// respectivelyTimes reads "at days 42 and 46, respectively" after token
// from: n time points, one per arm result in order.
func respectivelyTimes(f *field, s *sentence, from, n int) []Quantity {
	if from+2 >= s.Tok1 || f.Tokens[from].Fold != "at" {
		return nil
	}
	unit, ok := timeWordUnit[strings.TrimSuffix(f.Tokens[from+1].Fold, "s")]
	if !ok {
		return nil
	}
	var out []Quantity
	k := from + 2
	for ; k < s.Tok1; k++ {
		w := f.Tokens[k]
		if w.Fold == "and" {
			continue
		}
		if !isDigits(w.Text) {
			break
		}
		sp := f.tokSpan(from+1, k+1)
		if len(out) > 0 {
			sp = f.tokSpan(k, k+1)
		}
		v, _ := strconv.Atoi(w.Text)
		out = append(out, Quantity{Value: strconv.Itoa(v), Unit: unit, UnitText: sp.Text, Span: sp})
	}
	if len(out) != n || k >= s.Tok1 || f.Tokens[k].Fold != "respectively" {
		return nil
	}
	return out
}

// comparedArms reads "the HID+MSC group had a significantly higher 5-year
// overall survival rate compared to the HID group (86.6% vs. 75.0%, p =
// 0.036)": two known arms, the first before the outcome words and the
// second after "compared to/with", "than", "versus" or "vs", and a bracket
// right after the second that opens with "a% vs. b%". a% is the first
// arm's, b% the second's; a time written as "5-year" before the outcome
// words is both results' time point. It reports whether it read the
// sentence, so the study-level rule does not read the same value again.
func (x *extraction) comparedArms(f *field, s *sentence, types map[string][]*mention, add func(Outcome, string)) bool {
	if len(x.arms) < 2 {
		return false
	}
	known := map[string]bool{}
	for _, a := range x.arms {
		known[a.key] = true
	}
	refs := armRefs(f, s)
	if len(refs) < 2 || !known[refs[0].key] || !known[refs[1].key] || refs[0].key == refs[1].key {
		return false
	}
	a, b := refs[0], refs[1]
	// the outcome words between the two arms, the comparison word before the second
	var m *mention
	for _, t := range []string{ontology.Survival, ontology.CompleteResponse, ontology.OverallResponse} {
		for _, c := range types[t] {
			if !c.Negated && c.Tok0 >= a.t1 && c.Tok1 <= b.tok0 && (m == nil || c.Start < m.Start) {
				m = c
			}
		}
	}
	if m == nil || !comparedWord(f, m.Tok1, b.tok0) {
		return false
	}
	// "(86.6% vs. 75.0%": two percentages, the second right after "vs"
	if b.t1 >= s.Tok1 || !insideBrackets(f, b.t1) {
		return false
	}
	qs := f.quantitiesIn(f.Tokens[b.t1].Start, s.End)
	if len(qs) < 2 || qs[0].Unit != "%" || qs[1].Unit != "%" || qs[0].Value == "" || qs[1].Value == "" || qs[0].Span.Start != f.Tokens[b.t1].Start {
		return false
	}
	between := strings.TrimSpace(runeSlice(f.Runes, qs[0].Span.End, qs[1].Span.Start))
	if between != "vs." && between != "vs" && between != "versus" {
		return false
	}
	tp, hasTP := timeJustBefore(f, s, f.quantitiesIn(s.Start, m.Start), m)
	for i, r := range []armRef{a, b} {
		v := qs[i]
		o := Outcome{Type: m.IRI(), Value: &v, Rule: "arm-compared-rate",
			Spans: []Span{f.span(m.Start, m.End), r.written, v.Span}}
		if hasTP {
			q := tp
			o.Timepoint = &q
			o.Spans = append(o.Spans, q.Span)
		}
		add(o, r.key)
	}
	return true
}

// comparedWord: "compared to", "compared with", "than", "versus" or "vs"
// in tokens [from, to).
func comparedWord(f *field, from, to int) bool {
	for k := from; k < to; k++ {
		switch f.Tokens[k].Fold {
		case "than", "versus", "vs":
			return true
		case "compared", "comparison":
			return k+1 < to && (f.Tokens[k+1].Fold == "to" || f.Tokens[k+1].Fold == "with")
		}
	}
	return false
}
