package evidence

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/msckg/msckg/ontology"
)

// Explanation is one extracted value with the rule that read it and the
// words it was read from, for `msckg inspect` and for review by a person.
type Explanation struct {
	Fact     string `json:"fact"`     // "design", "cohort 1", "intervention 1", "outcome 3", "trial 1"
	Property string `json:"property"` // "size", "dose", "type", ...
	Value    string `json:"value"`    // CURIE, number or quantity as text
	Rule     string `json:"rule"`
	Field    string `json:"field,omitempty"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text,omitempty"`
}

// Explain lists every fact with its rule and evidence span, in a stable order.
func (f Facts) Explain() []Explanation {
	var out []Explanation
	add := func(fact, prop, value, rule string, sp Span) {
		out = append(out, Explanation{Fact: fact, Property: prop, Value: value, Rule: rule,
			Field: sp.Field, Start: sp.Start, End: sp.End, Text: sp.Text})
	}
	if d := f.Design; d != nil {
		add("design", "studyDesign", ontology.CompactIRI(d.IRI), d.Rule, d.Span)
	}
	for i, c := range f.Cohorts {
		name := "cohort " + strconv.Itoa(i+1)
		for _, d := range c.Details {
			add(name, d.Property, cohortValue(c, d), d.Rule, d.Span)
		}
	}
	for i, iv := range f.Interventions {
		name := "intervention " + strconv.Itoa(i+1)
		for _, d := range iv.Details {
			add(name, d.Property, interventionValue(iv, d), d.Rule, d.Span)
		}
	}
	for i, o := range f.Outcomes {
		name := "outcome " + strconv.Itoa(i+1)
		var first Span
		if len(o.Spans) > 0 {
			first = o.Spans[0]
		}
		add(name, "type", ontology.CompactIRI(o.Type), o.Rule, first)
		if o.Patients != nil {
			add(name, "patients", strconv.Itoa(*o.Patients), o.Rule, first)
		}
		if o.Total != nil {
			add(name, "total", strconv.Itoa(*o.Total), o.Rule, first)
		}
		if o.Value != nil {
			add(name, "value", QuantityText(*o.Value), o.Rule, o.Value.Span)
		}
		if o.Timepoint != nil {
			add(name, "timepoint", QuantityText(*o.Timepoint), o.Rule, o.Timepoint.Span)
		}
		if o.TimeComment != "" {
			add(name, "time", o.TimeComment, o.Rule, first)
		}
	}
	for i, t := range f.Trials {
		add("trial "+strconv.Itoa(i+1), "id", t.ID, t.Rule, t.Span)
	}
	return out
}

// WriteExplanation prints Explain as aligned text, one value per line:
//
//	cohort 1  size  4  [size-count-noun]  abstract 0–13 "Four patients"
func (f Facts) WriteExplanation(w io.Writer) error {
	for _, e := range f.Explain() {
		where := "(data)"
		if e.Field != "" {
			where = fmt.Sprintf("%s %d–%d %q", e.Field, e.Start, e.End, e.Text)
		}
		if _, err := fmt.Fprintf(w, "%-15s %-13s %-28s [%s] %s\n", e.Fact, e.Property, e.Value, e.Rule, where); err != nil {
			return fmt.Errorf("evidence: writing explanation: %w", err)
		}
	}
	return nil
}

func cohortValue(c Cohort, d Detail) string {
	switch d.Property {
	case "size":
		return strconv.Itoa(c.Size)
	case "name":
		return c.Name
	case "age":
		if c.Age != nil {
			return QuantityText(*c.Age)
		}
	case "sex":
		return ontology.CompactIRI(c.Sex)
	case "ageGroup":
		return ontology.CompactIRI(c.AgeGroup)
	case "refractory":
		return "true"
	case "diseasePhase":
		return ontology.CompactIRI(c.DiseasePhase)
	case "condition":
		return conceptAt(c.Conditions, c.Details, d)
	case "priorTherapy":
		return conceptAt(c.PriorTherapies, c.Details, d)
	}
	return ""
}

// conceptAt pairs the n-th detail of a property with the n-th concept.
func conceptAt(cs []Concept, ds []Detail, d Detail) string {
	n := 0
	for _, o := range ds {
		if o == d {
			break
		}
		if o.Property == d.Property {
			n++
		}
	}
	if n < len(cs) {
		return ontology.CompactIRI(cs[n].IRI)
	}
	return ""
}

func interventionValue(iv Intervention, d Detail) string {
	switch d.Property {
	case "agent":
		return ontology.CompactIRI(iv.Agent.IRI)
	case "cellSource":
		if iv.CellSource != nil {
			return ontology.CompactIRI(iv.CellSource.IRI)
		}
	case "route":
		return ontology.CompactIRI(iv.Route)
	case "dose":
		if iv.Dose != nil {
			return QuantityText(*iv.Dose)
		}
	case "courses":
		return strconv.Itoa(iv.Courses)
	case "schedule":
		return iv.Schedule
	}
	return ""
}

func cmpOr(c, def string) string {
	if c == "" {
		return def
	}
	return c
}

// QuantityText writes a quantity compactly: "12.5 d (7–16)", ">150 10*9/L".
func QuantityText(q Quantity) string {
	var b strings.Builder
	switch {
	case q.Median != "":
		b.WriteString("median " + q.Median)
	case q.Value != "":
		b.WriteString(q.Value)
	}
	switch {
	case q.Min != "" && q.Max != "":
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString("[" + q.Min + "–" + q.Max + "]")
	case q.Min != "":
		b.WriteString(cmpOr(q.Comparator, "≥") + q.Min)
	case q.Max != "":
		b.WriteString(cmpOr(q.Comparator, "≤") + q.Max)
	}
	if q.Unit != "" {
		b.WriteString(" " + q.Unit)
	}
	return strings.TrimSpace(b.String())
}
