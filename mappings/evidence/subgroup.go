package evidence

import (
	"strings"

	"github.com/msckg/msckg/ontology"
)

// A subgroup is a part of the study cohort that the text counts and says
// something more about: "Three patients received the second hUC-MSC
// transplantation with the same dose", "the HID+MSC group (90 patients
// receiving HID-HSCT combined with MSC co-infusion)", "Twenty patients
// with PGF (7 with primary and 13 with secondary PGF)". Its patients are
// counted in the parent's size too, so a reader must not add the sizes.
// A subgroup carries the parent's conditions and age group (its patients
// have them) plus the conditions its own clause names, and is linked to
// the interventions its sentence names.

// subgroupVerbs follow a subgroup's count: what the part received.
var subgroupVerbs = map[string]bool{"received": true, "receiving": true, "underwent": true, "undergoing": true}

// repeatWords make "the second hUC-MSC transplantation" a further
// administration rather than the one every patient had.
var repeatWords = map[string]bool{"second": true, "another": true, "repeat": true, "repeated": true, "additional": true, "third": true}

// subgroups finds the subgroups of parent in the abstract, after the
// sentence that gave the parent's size. It may append interventions (a
// further administration given to the subgroup only).
func (x *extraction) subgroups(parent *Cohort, ivs *[]Intervention) []Cohort {
	sizeAt := -1
	for _, d := range parent.Details {
		if d.Property == "size" && d.Span.Field == FieldAbstract {
			sizeAt = d.Span.End
		}
	}
	if parent.Size < 2 || sizeAt < 0 {
		return nil
	}
	f := x.abs
	var out []Cohort
	for si := range f.Sentences {
		s := &f.Sentences[si]
		if !f.Ctx[si].factual() || s.End < sizeAt {
			continue
		}
		if s.Start <= sizeAt {
			out = append(out, x.bracketSplit(parent, s, sizeAt)...)
			continue
		}
		for _, n := range countsIn(x.r, f, s) {
			if n.Part || n.N >= parent.Size {
				continue
			}
			v := n.Tok1
			switch {
			case givenTo(f, s, n):
				v = n.Tok1 - 1
			case !x.subgroupPosition(f, s, n) || v >= s.Tok1 || !subgroupVerbs[f.Tokens[v].Fold]:
				continue
			}
			end := clauseEnd(f, s, v+1)
			g := x.newSubgroup(parent, n.N, f.tokSpan(n.Tok0, n.Tok1), s, n.Tok1, end)
			g.Interventions = x.subgroupInterventions(s, n.Tok1, end, ivs)
			out = append(out, g)
		}
	}
	return out
}

// subgroupPosition: the count opens the sentence ("Three patients
// received ..."), follows "Among the three patients," or opens a bracket
// ("(90 patients receiving ...)").
func (x *extraction) subgroupPosition(f *field, s *sentence, n count) bool {
	if n.Tok0 == s.Tok0 {
		return true
	}
	if f.Runes[f.Tokens[n.Tok0].Start-1] == '(' {
		return true
	}
	return f.Tokens[s.Tok0].Fold == "among" && clauseBreakBefore(f, n.Tok0)
}

// givenTo: "MSCs were given to three patients for graft failure".
func givenTo(f *field, s *sentence, n count) bool {
	if n.Tok0-2 < s.Tok0 || f.Tokens[n.Tok0-1].Fold != "to" {
		return false
	}
	switch f.Tokens[n.Tok0-2].Fold {
	case "given", "administered", "infused":
		return true
	}
	return false
}

// clauseEnd is the first token from k that starts a new clause (after
// punctuation or a closing bracket), or the sentence end.
func clauseEnd(f *field, s *sentence, k int) int {
	for ; k < s.Tok1; k++ {
		if clauseBreakBefore(f, k) && !insideBrackets(f, k) {
			return k
		}
	}
	return s.Tok1
}

func (x *extraction) newSubgroup(parent *Cohort, n int, countSpan Span, s *sentence, from, to int) Cohort {
	f := x.abs
	g := Cohort{Size: n, AgeGroup: parent.AgeGroup, Rule: "subgroup", Spans: []Span{countSpan, f.sentenceSpan(s)}}
	g.Details = append(g.Details, Detail{"size", "subgroup-count", countSpan})
	if g.AgeGroup != "" {
		g.Details = append(g.Details, Detail{"ageGroup", "subgroup-of-cohort", countSpan})
	}
	seen := map[string]bool{}
	for _, c := range x.populationConditions(parent) {
		seen[c.IRI] = true
		g.Conditions = append(g.Conditions, c)
		g.Details = append(g.Details, Detail{"condition", "subgroup-of-cohort", countSpan})
	}
	for _, m := range f.mentionsFrom(from) {
		if m.Tok0 >= to {
			break
		}
		if m.Kind() != "condition" || m.Negated || m.Tok1 > to || seen[m.IRI()] || !x.framedAsCondition(f, &m) {
			continue
		}
		seen[m.IRI()] = true
		g.Conditions = append(g.Conditions, x.r.concept(m.IRI()))
		g.Details = append(g.Details, Detail{"condition", "subgroup-condition", f.span(m.Start, m.End)})
	}
	return g
}

// populationConditions are the parent's conditions that describe all its
// patients: named in the title or in the sentence that counted them. A
// condition a later sentence gives one patient ("One patient, diagnosed
// with aplastic anemia") is not passed on.
func (x *extraction) populationConditions(parent *Cohort) []Concept {
	var sizeSent *sentence
	for _, d := range parent.Details {
		if d.Property != "size" || d.Span.Field != FieldAbstract {
			continue
		}
		for si := range x.abs.Sentences {
			if s := &x.abs.Sentences[si]; s.Start <= d.Span.Start && d.Span.End <= s.End {
				sizeSent = s
			}
		}
	}
	// cohortConditions appends one detail per condition, in step.
	var out []Concept
	n := 0
	for _, d := range parent.Details {
		if d.Property != "condition" {
			continue
		}
		inSize := sizeSent != nil && d.Span.Field == FieldAbstract && sizeSent.Start <= d.Span.Start && d.Span.End <= sizeSent.End
		if (d.Span.Field == FieldTitle || inSize) && n < len(parent.Conditions) {
			out = append(out, parent.Conditions[n])
		}
		n++
	}
	return out
}

// subgroupInterventions links the subgroup to the interventions its clause
// names; "the second hUC-MSC transplantation with the same dose" adds a
// further administration of that agent, with the first one's dose when
// the text says "the same dose".
func (x *extraction) subgroupInterventions(s *sentence, from, to int, ivs *[]Intervention) []int {
	f := x.abs
	out := interventionsNamed(f, *ivs, func(m *mention) bool { return m.Tok0 >= from && m.Tok1 <= to })
	link := func(i int) { out = appendIndex(out, i) }
	rep := -1
	for k := from; k < to; k++ {
		if repeatWords[f.Tokens[k].Fold] {
			rep = k
			break
		}
	}
	if rep < 0 {
		return out
	}
	// The repeated product: the MSC intervention the clause names, else the
	// only MSC intervention ("a second dose").
	first := -1
	for _, i := range out {
		if (*ivs)[i].Agent.IRI != ontology.HSCT {
			first = i
			break
		}
	}
	if first < 0 {
		for i, iv := range *ivs {
			if iv.Rule != "co-therapy-with-agent" {
				if first >= 0 {
					return out // two products: which one was repeated is not said
				}
				first = i
			}
		}
	}
	if first < 0 {
		return out
	}
	link(first)
	schedEnd := rep + 1
	for k := rep + 1; k < to && k <= rep+4; k++ {
		if l, _ := x.r.pattern("course-noun").matchAt(f.Tokens, k, to); l > 0 {
			schedEnd = k + l
			break
		}
		if f.Tokens[k].Fold == "dose" {
			schedEnd = k + 1
			break
		}
	}
	sched := f.tokSpan(rep, schedEnd)
	orig := (*ivs)[first]
	iv := Intervention{Agent: orig.Agent, CellSource: orig.CellSource, Schedule: sched.Text, Rule: "further-administration",
		Spans: []Span{sched, f.sentenceSpan(s)}}
	iv.Details = append(iv.Details, Detail{"agent", "further-administration", sched}, Detail{"schedule", "further-administration", sched})
	if same, ok := x.sameDose(f, s, from, to); ok && orig.Dose != nil {
		d := *orig.Dose
		iv.Dose = &d
		iv.Details = append(iv.Details, Detail{"dose", "same-dose", same}, Detail{"dose", "same-dose", orig.Dose.Span})
		iv.Spans = append(iv.Spans, same, orig.Dose.Span)
	}
	*ivs = append(*ivs, iv)
	link(len(*ivs) - 1)
	return out
}

// sameDose finds "the same dose" / "an identical dose" in tokens [from, to).
func (x *extraction) sameDose(f *field, s *sentence, from, to int) (Span, bool) {
	for k := from; k+1 < to; k++ {
		w := f.Tokens[k].Fold
		if (w == "same" || w == "identical") && (f.Tokens[k+1].Fold == "dose" || f.Tokens[k+1].Fold == "dosage") {
			start := k
			if p := prevFold(f, s, k); p == "the" || p == "an" || p == "a" {
				start = k - 1
			}
			return f.tokSpan(start, k+2), true
		}
	}
	return Span{}, false
}

// bracketSplit reads "Twenty patients with PGF (7 with primary and 13 with
// secondary PGF)": numbers inside the bracket right after the size phrase,
// each followed by "with", that add up to the parent's size.
func (x *extraction) bracketSplit(parent *Cohort, s *sentence, sizeEnd int) []Cohort {
	f := x.abs
	open := -1
	for k := s.Tok0; k < s.Tok1; k++ {
		if f.Tokens[k].Start < sizeEnd {
			continue
		}
		if f.Runes[f.Tokens[k].Start-1] == '(' {
			open = k
		}
		break
	}
	// the bracket may come a few words after the count ("patients with PGF (")
	if open < 0 {
		for k := s.Tok0; k < s.Tok1; k++ {
			if f.Tokens[k].Start < sizeEnd || k > s.Tok0+40 {
				continue
			}
			if f.Runes[f.Tokens[k].Start-1] == '(' {
				open = k
				break
			}
			if clauseBreakBefore(f, k) {
				return nil
			}
		}
	}
	if open < 0 {
		return nil
	}
	type part struct {
		n    int
		t0   int
		t1   int
		from int
	}
	var parts []part
	sum := 0
	k := open
	for ; k < s.Tok1; k++ {
		if k > open && strings.Contains(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start), ")") {
			break
		}
		n, ok := numberAt(f, k)
		if !ok || k+1 >= s.Tok1 || f.Tokens[k+1].Fold != "with" {
			continue
		}
		parts = append(parts, part{n: n, t0: k, t1: k + 1, from: k + 1})
		sum += n
	}
	if len(parts) < 2 || sum != parent.Size {
		return nil
	}
	var out []Cohort
	for i, p := range parts {
		to := k
		if i+1 < len(parts) {
			to = parts[i+1].t0
		}
		g := x.newSubgroup(parent, p.n, f.tokSpan(p.t0, p.t1), s, p.from, to)
		g.Details[0] = Detail{"size", "subgroup-bracket-split", f.tokSpan(p.t0, p.t1)}
		g.Interventions = append([]int(nil), parent.Interventions...)
		out = append(out, g)
	}
	return out
}
