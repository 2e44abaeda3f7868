package graph

import (
	"fmt"
	"strings"

	"github.com/msckg/msckg/mappings/evidence"
	o "github.com/msckg/msckg/ontology"
)

// factEmitter writes the clinical facts of one paper: Cohort,
// Intervention, Outcome and Trial links, each with its provenance (the
// source record) and its evidence (the exact span of text).
type factEmitter struct {
	b      *builder
	p      *paper
	src    *source
	fields map[string][]rune // field name → text as stored in the graph
	nEv    int
	// cohorts maps an index of Facts.Cohorts to the IRI written for it,
	// so that an arm or subgroup hangs only from a parent in the graph.
	cohorts map[int]string
}

func (b *builder) emitFacts(p *paper) {
	s := p.abstractSource
	if s == nil || s.Facts == nil {
		// Extraction reads the abstract; without one the paper's title
		// alone may still name a trial.
		for _, src := range p.sources {
			if src.Facts != nil && src.Record.Title == p.title {
				s = src
				break
			}
		}
		if s == nil || s.Facts == nil {
			return
		}
	}
	e := &factEmitter{b: b, p: p, src: s, fields: map[string][]rune{}}
	if s.Record.Title == p.title {
		e.fields["title"] = []rune(p.title)
	}
	if s.Record.Abstract.Text == p.abstract {
		e.fields["abstract"] = []rune(p.abstract)
	}
	e.emit(s.Facts)
}

func (e *factEmitter) emit(f *evidence.Facts) {
	g, P := e.src.iri, e.p.iri
	if f.Design != nil && e.validSpan(f.Design.Span) {
		e.b.ds.link(g, P, o.StudyDesign, f.Design.IRI)
	}
	ivIRI := make([]string, len(f.Interventions))
	for i, iv := range f.Interventions {
		ivIRI[i] = e.intervention(i+1, iv)
	}
	ocIRI := make([]string, len(f.Outcomes))
	for i, oc := range f.Outcomes {
		ocIRI[i] = e.outcome(i+1, oc, ivIRI)
	}
	for i, c := range f.Cohorts {
		e.cohort(i+1, c, ivIRI, ocIRI)
	}
	for _, t := range f.Trials {
		e.trial(t)
	}
}

// validSpan checks a span against the stored field text, so that no
// evidence ever points at words the graph does not hold.
func (e *factEmitter) validSpan(sp evidence.Span) bool {
	text, ok := e.fields[sp.Field]
	if !ok || sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		return false
	}
	return string(text[sp.Start:sp.End]) == sp.Text
}

// evidence writes the Evidence nodes of a fact and reports whether any span was valid.
func (e *factEmitter) evidence(node string, spans []evidence.Span) bool {
	g := e.src.iri
	any := false
	for _, sp := range spans {
		if !e.validSpan(sp) {
			continue
		}
		e.nEv++
		ev := fmt.Sprintf("%s/evidence/%d", e.p.iri, e.nEv)
		e.b.ds.link(g, ev, o.RDFType, o.Evidence)
		e.b.ds.link(g, ev, o.RDFType, o.OATextQuoteSelector)
		e.b.ds.link(g, ev, o.RDFType, o.OATextPositionSelector)
		e.b.ds.add(g, ev, o.RDFSLabel, str(fmt.Sprintf("Evidence %d of %s", e.nEv, shorten(e.p.title, 60))))
		e.b.ds.add(g, ev, o.OAExact, str(sp.Text))
		e.b.ds.add(g, ev, o.OAStart, integer(sp.Start))
		e.b.ds.add(g, ev, o.OAEnd, integer(sp.End))
		e.b.ds.add(g, ev, o.Field, str(sp.Field))
		e.b.ds.link(g, ev, o.OAHasSource, e.src.iri)
		e.b.ds.link(g, node, o.EvidenceProp, ev)
		any = true
	}
	if any {
		e.b.ds.link(g, node, o.PROVWasDerivedFrom, e.src.iri)
	}
	return any
}

func (e *factEmitter) concept(c evidence.Concept) string {
	e.b.concept(c.IRI, c.Label)
	return c.IRI
}

func (e *factEmitter) intervention(n int, iv evidence.Intervention) string {
	g := e.src.iri
	I := fmt.Sprintf("%s/intervention/%d", e.p.iri, n)
	if iv.Agent.IRI == "" || !e.evidence(I, iv.Spans) {
		return ""
	}
	e.b.ds.link(g, I, o.RDFType, o.Intervention)
	e.b.ds.link(g, I, o.RDFType, o.PICOIntervention)
	e.b.ds.add(g, I, o.RDFSLabel, str(interventionLabel(iv)))
	e.b.ds.link(g, I, o.Agent, e.concept(iv.Agent))
	if iv.CellSource != nil && iv.CellSource.IRI != "" {
		e.b.ds.link(g, I, o.CellSource, e.concept(*iv.CellSource))
	}
	if iv.Route != "" {
		e.b.ds.link(g, I, o.Route, iv.Route)
	}
	if iv.Dose != nil {
		e.quantity(I, o.Dose, "dose", *iv.Dose)
	}
	if iv.Courses > 0 {
		e.b.ds.add(g, I, o.Courses, integer(iv.Courses))
	}
	if iv.Schedule != "" {
		e.b.ds.add(g, I, o.Schedule, str(iv.Schedule))
	}
	return I
}

func interventionLabel(iv evidence.Intervention) string {
	parts := []string{iv.Agent.Label}
	if iv.Dose != nil && iv.Dose.UnitText != "" {
		parts = append(parts, iv.Dose.UnitText)
	}
	if iv.Route != "" {
		parts = append(parts, strings.ToLower(strings.TrimPrefix(iv.Route, o.MKG)))
	}
	return strings.Join(parts, ", ")
}

func (e *factEmitter) outcome(n int, oc evidence.Outcome, ivs []string) string {
	g := e.src.iri
	O := fmt.Sprintf("%s/outcome/%d", e.p.iri, n)
	if oc.Type == "" || !e.evidence(O, oc.Spans) {
		return ""
	}
	e.b.ds.link(g, O, o.RDFType, o.Outcome)
	e.b.ds.link(g, O, o.RDFType, o.PICOOutcome)
	label := oc.Label
	if label == "" {
		label = strings.TrimPrefix(oc.Type, o.MKG)
	}
	e.b.ds.add(g, O, o.RDFSLabel, str(label))
	e.b.ds.link(g, O, o.OutcomeType, oc.Type)
	if oc.Patients != nil && *oc.Patients >= 0 {
		e.b.ds.add(g, O, o.Patients, integer(*oc.Patients))
	}
	// A denominator smaller than the responders is a misreading: dropped.
	if oc.Total != nil && *oc.Total > 0 && (oc.Patients == nil || *oc.Patients <= *oc.Total) {
		e.b.ds.add(g, O, o.Total, integer(*oc.Total))
	}
	if oc.Value != nil {
		e.quantity(O, o.Value, "value", *oc.Value)
	}
	if oc.Timepoint != nil {
		e.quantity(O, o.Timepoint, "timepoint", *oc.Timepoint)
	}
	if oc.TimeComment != "" {
		e.b.ds.add(g, O, o.RDFSComment, str(oc.TimeComment))
	}
	if oc.Intervention >= 0 && oc.Intervention < len(ivs) && ivs[oc.Intervention] != "" {
		e.b.ds.link(g, O, o.OfIntervention, ivs[oc.Intervention])
	}
	return O
}

// cohort writes one cohort. Only a study cohort is linked from the paper
// by mkg:studies and typed mkg:Cohort; an arm (mkg:hasArm) and a subgroup
// (mkg:subgroupOf) hang from their parent and carry only their own class,
// so that summing mkg:size over mkg:studies counts each patient once. An
// arm or subgroup whose parent was not written is dropped rather than
// promoted to a study cohort.
func (e *factEmitter) cohort(n int, c evidence.Cohort, ivs, ocs []string) {
	g := e.src.iri
	C := fmt.Sprintf("%s/cohort/%d", e.p.iri, n)
	parent := ""
	if c.Part != evidence.PartStudy {
		parent = e.cohorts[c.Parent]
		if parent == "" || c.Parent >= n-1 {
			return
		}
	}
	if !e.evidence(C, c.Spans) {
		return
	}
	if e.cohorts == nil {
		e.cohorts = map[int]string{}
	}
	e.cohorts[n-1] = C
	label := fmt.Sprintf("Cohort %d of %s", n, shorten(e.p.title, 60))
	switch c.Part {
	case evidence.PartArm:
		e.b.ds.link(g, parent, o.HasArm, C)
		e.b.ds.link(g, C, o.RDFType, o.ArmClass)
		if c.ArmRole != "" {
			e.b.ds.link(g, C, o.ArmRole, c.ArmRole)
		}
		label = fmt.Sprintf("Arm %d of %s", n, shorten(e.p.title, 60))
		if c.Name != "" {
			label = c.Name
		}
	case evidence.PartSubgroup:
		e.b.ds.link(g, C, o.SubgroupOf, parent)
		e.b.ds.link(g, C, o.RDFType, o.Subgroup)
		label = fmt.Sprintf("Subgroup %d of %s", n, shorten(e.p.title, 60))
	default:
		e.b.ds.link(g, e.p.iri, o.Studies, C)
		e.b.ds.link(g, C, o.RDFType, o.Cohort)
	}
	e.b.ds.link(g, C, o.RDFType, o.PICOPopulation)
	e.b.ds.add(g, C, o.RDFSLabel, str(label))
	if c.Size > 0 {
		e.b.ds.add(g, C, o.Size, integer(c.Size))
	}
	for _, k := range c.Conditions {
		e.b.ds.link(g, C, o.Condition, e.concept(k))
	}
	if c.AgeGroup != "" {
		e.b.ds.link(g, C, o.AgeGroup, c.AgeGroup)
	}
	if c.Age != nil {
		e.quantity(C, o.Age, "age", *c.Age)
	}
	if c.DiseaseDuration != nil {
		e.quantity(C, o.DiseaseDuration, "diseaseDuration", *c.DiseaseDuration)
	}
	if c.Sex != "" {
		e.b.ds.link(g, C, o.Sex, c.Sex)
	}
	if c.Refractory != nil {
		e.b.ds.add(g, C, o.Refractory, boolean(*c.Refractory))
	}
	if c.DiseasePhase != "" {
		e.b.ds.link(g, C, o.DiseasePhase, c.DiseasePhase)
	}
	for _, k := range c.PriorTherapies {
		e.b.ds.link(g, C, o.PriorTherapy, e.concept(k))
	}
	for _, i := range c.Interventions {
		if i >= 0 && i < len(ivs) && ivs[i] != "" {
			e.b.ds.link(g, C, o.Received, ivs[i])
		}
	}
	for _, i := range c.Outcomes {
		if i >= 0 && i < len(ocs) && ocs[i] != "" {
			e.b.ds.link(g, C, o.HasOutcome, ocs[i])
		}
	}
}

// quantity writes a schema:QuantitativeValue node {owner}/{name}.
func (e *factEmitter) quantity(owner, prop, name string, q evidence.Quantity) {
	g := e.src.iri
	Q := owner + "/" + name
	wrote := false
	for _, v := range []struct{ p, val string }{
		{o.SchemaValue, q.Value}, {o.SchemaMinValue, q.Min}, {o.SchemaMaxValue, q.Max}, {o.Median, q.Median},
	} {
		if lit, ok := decimal(v.val); ok {
			e.b.ds.add(g, Q, v.p, lit)
			wrote = true
		}
	}
	if !wrote {
		return
	}
	e.b.ds.link(g, owner, prop, Q)
	e.b.ds.link(g, Q, o.RDFType, o.SchemaQuantitativeValue)
	if q.Unit != "" {
		e.b.ds.add(g, Q, o.SchemaUnitCode, str(q.Unit))
	}
	if q.UnitText != "" {
		e.b.ds.add(g, Q, o.SchemaUnitText, str(q.UnitText))
		e.b.ds.add(g, Q, o.RDFSLabel, str(q.UnitText))
	}
}

func (e *factEmitter) trial(t evidence.TrialMention) {
	if t.ID == "" {
		return
	}
	T := e.b.mint.trial(t.ID)
	// The link's evidence hangs off the trial: the Evidence node names the
	// source record, which names the paper.
	if !e.evidence(T, []evidence.Span{t.Span}) {
		return
	}
	e.b.reportsTrial(e.src, e.p, t)
}

// reportsTrial links a paper to a trial in the graph of the source that
// names it, and remembers the link for citesSameTrialAs.
func (b *builder) reportsTrial(src *source, p *paper, t evidence.TrialMention) {
	T := b.mint.trial(t.ID)
	g := src.iri
	b.ds.link(g, p.iri, o.ReportsTrial, T)
	b.ds.link(g, T, o.PROVWasDerivedFrom, src.iri)
	b.notePaperTrial(T, p.iri)
	b.trialNode(g, T, t.ID, t.Registry, t.URL)
}

// trialNode states what every Trial node has: its types, label, registry
// id, registry name and page, in graph g.
func (b *builder) trialNode(g, T, id, registry, url string) {
	b.ds.link(g, T, o.RDFType, o.Trial)
	b.ds.link(g, T, o.RDFType, o.SchemaMedicalTrial)
	b.ds.add(g, T, o.RDFSLabel, str(id))
	b.ds.add(g, T, o.DCIdentifier, str(id))
	if registry != "" {
		b.ds.add(g, T, o.Registry, str(registry))
	}
	if url != "" && validIRI(url) {
		b.ds.link(g, T, o.SchemaURL, url)
	}
}
