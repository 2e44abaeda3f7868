package table

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/msckg/msckg/graph/present"
	o "github.com/msckg/msckg/ontology"
)

// groupFacts describes a group, then what it received and its outcomes,
// each fact with its own spans.
func groupFacts(ix index, g group) []present.Fact {
	f := present.Fact{Kind: strings.TrimPrefix(g.kind, "study "), N: lastNumber(g.iri), What: g.name,
		Spans: evidenceOf(ix, g.iri, "")}
	if n, err := strconv.Atoi(ix.one(g.iri, o.Size)); err == nil {
		f.Size = &n
	}
	for _, d := range []struct{ name, prop string }{
		{"role", o.ArmRole}, {"condition", o.Condition}, {"age group", o.AgeGroup}, {"sex", o.Sex},
		{"phase", o.DiseasePhase}, {"prior therapies", o.PriorTherapy},
	} {
		f.Details = appendConcepts(ix, f.Details, d.name, ix.all(g.iri, d.prop))
	}
	if q, ok := ix.quantity(ix.one(g.iri, o.Age)); ok {
		f.Details = append(f.Details, present.Detail{Name: "age", Text: q.String(), Quantity: &q})
	}
	if r := ix.one(g.iri, o.Refractory); r != "" {
		f.Details = append(f.Details, present.Detail{Name: "refractory", Text: r})
	}
	out := []present.Fact{f}
	for _, iv := range byNumber(ix.all(g.iri, o.Received)) {
		out = append(out, interventionFact(ix, iv, g.name))
	}
	for _, oc := range byTime(ix, ix.all(g.iri, o.HasOutcome)) {
		out = append(out, outcomeFact(ix, oc, g.name))
	}
	return out
}

// appendConcepts adds a detail naming concepts by label, with their CURIEs.
func appendConcepts(ix index, ds []present.Detail, name string, iris []string) []present.Detail {
	if len(iris) == 0 {
		return ds
	}
	var curies []string
	for _, i := range iris {
		curies = append(curies, o.CompactIRI(i))
	}
	return append(ds, present.Detail{Name: name, Text: labels(ix, iris), Concepts: curies})
}

func interventionFact(ix index, iv, group string) present.Fact {
	agents := ix.all(iv, o.Agent)
	f := present.Fact{Kind: "intervention", N: lastNumber(iv), What: cmp.Or(labels(ix, agents), "agent not named"),
		Group: group, Spans: evidenceOf(ix, iv, "")}
	if len(agents) == 1 {
		f.Concept = o.CompactIRI(agents[0])
	}
	if q, ok := ix.quantity(ix.one(iv, o.Dose)); ok {
		f.Details = append(f.Details, present.Detail{Name: "dose", Text: q.String(), Quantity: &q})
	}
	f.Details = appendConcepts(ix, f.Details, "route", ix.all(iv, o.Route))
	if c := ix.one(iv, o.Courses); c != "" {
		f.Details = append(f.Details, present.Detail{Name: "courses", Text: c})
	}
	if s := ix.one(iv, o.Schedule); s != "" {
		f.Details = append(f.Details, present.Detail{Name: "schedule", Text: s})
	}
	return f
}

func outcomeFact(ix index, oc, group string) present.Fact {
	f := present.Fact{Kind: "outcome", N: lastNumber(oc), What: outcomeName(ix, oc),
		Concept: o.CompactIRI(ix.one(oc, o.OutcomeType)), Group: group, Spans: evidenceOf(ix, oc, "")}
	if n, err := strconv.Atoi(ix.one(oc, o.Patients)); err == nil {
		f.Patients = &n
	}
	if n, err := strconv.Atoi(ix.one(oc, o.Total)); err == nil {
		f.Total = &n
	}
	if q, ok := ix.quantity(ix.one(oc, o.Value)); ok {
		f.Value = &q
	}
	if q, ok := ix.quantity(ix.one(oc, o.Timepoint)); ok {
		f.Time = &q
	}
	return f
}

// fieldText is the text an evidence span's offsets index: the paper's
// title or abstract, or the source record's own (mkg:statedTitle,
// mkg:statedAbstract) where it differs from the paper's.
func (ix index) fieldText(ev, src, field string) string {
	paper, _, _ := strings.Cut(ev, "/evidence/")
	switch field {
	case "title":
		return ix.one(paper, o.DCTitle)
	case "abstract":
		return ix.one(paper, o.DCAbstract)
	case "statedTitle":
		return ix.one(src, o.StatedTitle)
	case "statedAbstract":
		return ix.one(src, o.StatedAbstract)
	}
	return ""
}

// Disagreement is a value one source states for a fact that differs
// from the value the graph asserts (a mkg:StatedFactValue).
type Disagreement struct {
	Study, Paper string
	About        string // the fact: "cohort 2", "intervention 1", or "paper"
	Property     string // the property as a CURIE (mkg:size)
	Asserted     string // the graph's value, as a person reads it
	Stated       string // the source's value
	Source       string // the source record, when no span names it
	Spans        []Span
}

// disagreements lists every stated fact value, by study, fact, property
// and source.
func disagreements(ix index, studies map[string]string) []Disagreement {
	var out []Disagreement
	for _, sv := range ix.subjects(o.StatedFactValue) {
		node, prop := ix.one(sv, o.StatedFor), ix.one(sv, o.StatedProperty)
		paper := paperOf(node, studies)
		about := "paper"
		if node != paper {
			about = strings.ReplaceAll(strings.TrimPrefix(node, paper+"/"), "/", " ")
		}
		d := Disagreement{
			Study: cmp.Or(studies[paper], paper), Paper: paper, About: about, Property: o.CompactIRI(prop),
			Asserted: ix.values(node, prop), Stated: ix.values(sv, o.RDFValue),
			Spans: evidenceOf(ix, sv, ""),
		}
		if len(d.Spans) == 0 {
			src := ix.one(sv, o.PROVWasDerivedFrom)
			d.Source = strings.TrimSpace(ix.one(src, o.DCSource) + " record " + ix.one(src, o.RecordNumber))
		}
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(a, b Disagreement) int {
		return cmp.Or(strings.Compare(a.Study, b.Study), strings.Compare(a.About, b.About),
			strings.Compare(a.Property, b.Property))
	})
	return out
}

// paperOf is the described paper a fact IRI lies under ({paper}/cohort/2),
// or node itself.
func paperOf(node string, studies map[string]string) string {
	best := node
	for p := range studies {
		if strings.HasPrefix(node, p+"/") && (best == node || len(p) > len(best)) {
			best = p
		}
	}
	return best
}

// values writes a property's values for a person: a quantity as one, a
// concept or fact by its label, a literal as it is.
func (ix index) values(node, prop string) string {
	var out []string
	for _, v := range ix.all(node, prop) {
		switch q, ok := ix.quantity(v); {
		case ok:
			out = append(out, q.String())
		case ix[v] != nil:
			out = append(out, ix.label(v))
		default:
			out = append(out, v)
		}
	}
	return strings.Join(out, "; ")
}
