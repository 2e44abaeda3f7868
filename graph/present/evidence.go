package present

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/msckg/msckg/mappings/evidence"
	o "github.com/msckg/msckg/ontology"
)

// FromEvidence describes what was extracted from one record (file, record
// number), before any graph is built: the facts inspect shows. Concepts
// the extractor gives only as IRIs are named by their CURIE.
func FromEvidence(f *evidence.Facts, file string, record int) []Fact {
	if f == nil {
		return nil
	}
	spans := func(ss ...evidence.Span) []Span {
		out := make([]Span, 0, len(ss))
		for _, s := range ss {
			out = append(out, Span{File: file, Record: record, Field: s.Field, Start: s.Start, End: s.End, Text: s.Text})
		}
		return out
	}
	var out []Fact
	if d := f.Design; d != nil {
		out = append(out, Fact{Kind: "design", What: o.CompactIRI(d.IRI), Concept: o.CompactIRI(d.IRI), Rule: d.Rule, Spans: spans(d.Span)})
	}
	for i, c := range f.Cohorts {
		out = append(out, cohortFact(f, i, c, spans(c.Spans...)))
	}
	for i, iv := range f.Interventions {
		fact := Fact{Kind: "intervention", N: i + 1, What: iv.Agent.Label, Concept: o.CompactIRI(iv.Agent.IRI),
			Rule: iv.Rule, Spans: spans(iv.Spans...)}
		if iv.CellSource != nil {
			fact.Details = append(fact.Details, concepts("cell source", []evidence.Concept{*iv.CellSource}))
		}
		if iv.Dose != nil {
			fact.Details = append(fact.Details, quantityDetail("dose", iv.Dose))
		}
		if iv.Route != "" {
			fact.Details = append(fact.Details, curie("route", iv.Route))
		}
		if iv.Courses > 0 {
			fact.Details = append(fact.Details, Detail{Name: "courses", Text: strconv.Itoa(iv.Courses)})
		}
		if iv.Schedule != "" {
			fact.Details = append(fact.Details, Detail{Name: "schedule", Text: iv.Schedule})
		}
		out = append(out, fact)
	}
	for i, oc := range f.Outcomes {
		what := cmp.Or(oc.Label, o.CompactIRI(oc.Type))
		fact := Fact{Kind: "outcome", N: i + 1, What: what, Concept: o.CompactIRI(oc.Type),
			Patients: oc.Patients, Total: oc.Total, Value: quantity(oc.Value), Time: quantity(oc.Timepoint),
			TimeText: oc.TimeComment, Rule: oc.Rule, Spans: spans(oc.Spans...)}
		if oc.Intervention >= 0 && oc.Intervention < len(f.Interventions) {
			fact.Details = append(fact.Details, Detail{Name: "after", Text: fmt.Sprintf("intervention %d", oc.Intervention+1)})
		}
		out = append(out, fact)
	}
	for _, t := range f.Trials {
		out = append(out, Fact{Kind: "trial", What: t.ID, Details: []Detail{{Name: "registry", Text: t.Registry}},
			Rule: t.Rule, Spans: spans(t.Span)})
	}
	// Candidates last: numbers read but not asserted, each with why.
	for i, c := range f.Candidates {
		what := cmp.Or(o.CompactIRI(c.Type), c.Kind)
		if c.Concept != "" {
			what = c.Kind + " " + o.CompactIRI(c.Concept)
		}
		out = append(out, Fact{Kind: "candidate", N: i + 1, What: what, Concept: o.CompactIRI(cmp.Or(c.Type, c.Concept)),
			Patients: c.Patients, Total: c.Total, Value: quantity(c.Value), Time: quantity(c.Timepoint),
			Details: []Detail{{Name: "not asserted", Text: c.Reason}}, Rule: c.Rule, Spans: spans(c.Spans...)})
	}
	return out
}

func cohortFact(f *evidence.Facts, i int, c evidence.Cohort, sp []Span) Fact {
	kind := "cohort"
	if c.Part != evidence.PartStudy {
		kind = string(c.Part)
	}
	fact := Fact{Kind: kind, N: i + 1, What: c.Name, Rule: c.Rule, Spans: sp}
	if c.Size > 0 {
		n := c.Size
		fact.Size = &n
	}
	add := func(d Detail) { fact.Details = append(fact.Details, d) }
	if c.Part != evidence.PartStudy {
		add(Detail{Name: "of", Text: fmt.Sprintf("cohort %d", c.Parent+1)})
	}
	for _, d := range []struct{ name, iri string }{
		{"role", c.ArmRole}, {"age group", c.AgeGroup}, {"sex", c.Sex}, {"phase", c.DiseasePhase},
	} {
		if d.iri != "" {
			add(curie(d.name, d.iri))
		}
	}
	if len(c.Conditions) > 0 {
		add(concepts("condition", c.Conditions))
	}
	if c.Age != nil {
		add(quantityDetail("age", c.Age))
	}
	if c.DiseaseDuration != nil {
		add(quantityDetail("disease duration", c.DiseaseDuration))
	}
	if c.Refractory != nil {
		add(Detail{Name: "refractory", Text: strconv.FormatBool(*c.Refractory)})
	}
	if len(c.PriorTherapies) > 0 {
		add(concepts("prior therapies", c.PriorTherapies))
	}
	if len(c.Interventions) > 0 {
		add(Detail{Name: "received", Text: indexList("intervention", c.Interventions)})
	}
	if len(c.Outcomes) > 0 {
		add(Detail{Name: "outcomes", Text: indexList("outcome", c.Outcomes)})
	}
	return fact
}

func quantity(q *evidence.Quantity) *Quantity {
	if q == nil {
		return nil
	}
	return &Quantity{Value: q.Value, Min: q.Min, Max: q.Max, Median: q.Median, Comparator: q.Comparator,
		Unit: q.Unit, UnitText: q.UnitText}
}

func quantityDetail(name string, q *evidence.Quantity) Detail {
	p := quantity(q)
	return Detail{Name: name, Text: p.String(), Quantity: p}
}

func curie(name, iri string) Detail {
	c := o.CompactIRI(iri)
	return Detail{Name: name, Text: c, Concepts: []string{c}}
}

func concepts(name string, cs []evidence.Concept) Detail {
	d := Detail{Name: name}
	var labels []string
	for _, c := range cs {
		labels = append(labels, c.Label)
		d.Concepts = append(d.Concepts, o.CompactIRI(c.IRI))
	}
	d.Text = strings.Join(labels, "; ")
	return d
}

// indexList writes fact indexes as the 1-based numbers people read.
func indexList(kind string, xs []int) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = kind + " " + strconv.Itoa(x+1)
	}
	return strings.Join(out, ", ")
}
