package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
	o "github.com/msckg/msckg/ontology"
)

// factEmitter writes the clinical facts one source states about a paper:
// Cohort, Intervention, Outcome and Trial links, each with its provenance
// (the source record) and its evidence (the exact span of text), in the
// source's graph.
type factEmitter struct {
	pe     *paperEmitter
	p      *paper
	src    *source
	fields map[string][]rune // span field ("title", "abstract") → this source's text of it
	stored map[string]string // span field → the mkg:field naming where the graph holds that text
	// cohorts maps a reconciled cohort's index to the IRI this source
	// wrote for it, so that an arm or subgroup hangs only from a parent in
	// the graph.
	cohorts map[int]string
}

// emitFacts states the paper's reconciled facts: what every source's
// title and abstract say, merged (reconcile.go), each source stating in
// its own graph what it said.
//
// Where sources give a fact different values, the one read from the
// longest abstract is asserted (then the best-ranked source's): a shorter
// abstract of the same paper is usually cut short (a reference manager's,
// Crossref's), and what it lacks is often what qualifies a number: "five
// courses" read from a truncated BibTeX abstract of "five courses ...
// followed by two postpartum courses" is wrong. The other value is kept
// and reported either way.
func (pe *paperEmitter) emitFacts() {
	order := make([]int, len(pe.p.sources)) // indexes into p.sources, longest abstract first
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		return cmp.Compare(utf8.RuneCountInString(pe.recs[y].Abstract.Text), utf8.RuneCountInString(pe.recs[x].Abstract.Text))
	})
	es := make([]*factEmitter, len(order))
	facts := make([]*evidence.Facts, len(order))
	for k, i := range order {
		es[k], facts[k] = pe.newFactEmitter(i), pe.facts[i]
	}
	pe.emitReconciled(reconcile(facts, pe.broader), es)
	pe.emitCandidates(es, facts)
}

// newFactEmitter knows where the graph holds each text of source s: the
// chosen title and abstract are the paper's dcterms:title and
// dcterms:abstract; a source's other text is mkg:statedTitle or
// mkg:statedAbstract on its own record (emitPaper's functional), so an
// Evidence node with oa:hasSource s and mkg:field "statedAbstract" indexes
// that text.
func (pe *paperEmitter) newFactEmitter(i int) *factEmitter {
	p, s, r := pe.p, pe.p.sources[i], pe.recs[i]
	e := &factEmitter{pe: pe, p: p, src: s, fields: map[string][]rune{}, stored: map[string]string{}}
	for _, f := range []struct{ name, text, chosen, stated string }{
		{"title", r.Title, p.title, "statedTitle"},
		{"abstract", r.Abstract.Text, pe.abstract, "statedAbstract"},
	} {
		if f.text == "" {
			continue
		}
		e.fields[f.name] = []rune(f.text)
		e.stored[f.name] = f.name
		if f.text != f.chosen {
			e.stored[f.name] = f.stated
		}
	}
	return e
}

// emitReconciled numbers the reconciled facts (their canonical order gives
// their IRIs) and has each source state its view of each.
func (pe *paperEmitter) emitReconciled(r reconciled, es []*factEmitter) {
	for _, v := range r.design {
		if e := es[v.src]; v.fact.IRI != "" && e.validSpan(v.fact.Span) {
			pe.ds.link(e.src.iri, pe.p.iri, o.StudyDesign, v.fact.IRI)
		}
	}
	// Per source, the IRI of each reconciled fact as that source states
	// it; "" where it does not, so it links only what it said.
	perSource := func(n int) [][]string {
		out := make([][]string, len(es))
		for i := range out {
			out[i] = make([]string, n)
		}
		return out
	}
	ivIRI := perSource(len(r.interventions))
	for k, vs := range r.interventions {
		// The sources naming the asserted agent state the node first; a
		// source that named a broader agent (the title's "mesenchymal stem
		// cells" for the abstract's UC-MSCs) then states it without its
		// agent, which it keeps as a stated value, so the node has one.
		// Only the first source that states the node labels it: views
		// differ (one lacks the dose another gives), and a node has one label.
		stated := ""
		for _, v := range vs {
			if v.fact.Agent.IRI == r.agents[k] {
				ivIRI[v.src][k] = es[v.src].intervention(k+1, v.fact, stated == "")
				stated = cmp.Or(stated, ivIRI[v.src][k])
			}
		}
		for _, v := range vs {
			if v.fact.Agent.IRI != r.agents[k] {
				if stated != "" {
					v.fact.Agent.IRI = ""
				}
				ivIRI[v.src][k] = es[v.src].intervention(k+1, v.fact, stated == "")
				stated = cmp.Or(stated, ivIRI[v.src][k])
			}
		}
	}
	ocIRI := perSource(len(r.outcomes))
	for k, vs := range r.outcomes {
		for _, v := range vs {
			ocIRI[v.src][k] = es[v.src].outcome(k+1, v.fact, ivIRI[v.src])
		}
	}
	for k, vs := range r.cohorts {
		for _, v := range vs {
			es[v.src].cohort(k+1, v.fact, ivIRI[v.src], ocIRI[v.src])
		}
	}
	for _, vs := range r.trials {
		for _, v := range vs {
			es[v.src].trial(v.fact)
		}
	}
	for _, c := range r.conflicts {
		es[c.src].conflict(c)
	}
}

// candidates writes each source's candidate facts in its own graph: not
// outcomes, never reconciled, each with its reason and words.
func (pe *paperEmitter) emitCandidates(es []*factEmitter, facts []*evidence.Facts) {
	for k, f := range facts {
		if f == nil {
			continue
		}
		for n, c := range f.Candidates {
			es[k].candidate(n+1, c)
		}
	}
}

func (e *factEmitter) candidate(n int, c evidence.Candidate) {
	g := e.src.iri
	C := fmt.Sprintf("%s/candidate/%s/%d", e.p.iri, e.src.sha[:16], n)
	if c.Reason == "" || !e.evidence(C, c.Spans) {
		return
	}
	e.pe.ds.link(g, C, o.RDFType, o.CandidateFact)
	e.pe.ds.link(g, e.p.iri, o.HasCandidate, C)
	e.pe.ds.add(g, C, o.CandidateReason, str(c.Reason))
	label := "Candidate"
	if c.Type != "" {
		e.pe.ds.link(g, C, o.CandidateType, c.Type)
		label += " " + strings.TrimPrefix(c.Type, o.MKG)
	}
	if c.Value != nil {
		e.quantity(C, o.CandidateValue, "value", *c.Value)
		label += " " + c.Value.Span.Text
	} else if len(c.Spans) > 0 {
		label += " " + c.Spans[0].Text
	}
	e.pe.ds.add(g, C, o.RDFSLabel, str(label))
}

// conflict keeps a value this source states that differs from the
// asserted one: a mkg:StatedFactValue on the source record, naming the
// fact, the property and the value, with the words it was read from; and
// a line in the summary.
func (e *factEmitter) conflict(c factConflict) {
	node, what := e.p.iri, c.prop
	if c.index >= 0 {
		node = fmt.Sprintf("%s/%s/%d", e.p.iri, c.kind, c.index+1)
		what = fmt.Sprintf("%s %d %s", c.kind, c.index+1, c.prop)
	}
	if !c.refined {
		e.pe.disagree(e.src, what, c.asserted.String(), c.stated.String())
	}
	if c.propIRI == "" {
		return
	}
	g := e.src.iri
	sv := fmt.Sprintf("%s/stated/%s/%s", node, e.src.sha[:16], c.prop)
	e.pe.ds.link(g, sv, o.RDFType, o.StatedFactValue)
	e.pe.ds.add(g, sv, o.RDFSLabel, str(fmt.Sprintf("%s stated by %s: %s", what, e.src.label(), c.stated)))
	e.pe.ds.link(g, sv, o.StatedFor, node)
	e.pe.ds.link(g, sv, o.StatedProperty, c.propIRI)
	v := c.stated
	switch {
	case v.num != nil:
		e.pe.ds.add(g, sv, o.RDFValue, integer(*v.num))
	case v.flag != nil:
		e.pe.ds.add(g, sv, o.RDFValue, boolean(*v.flag))
	case v.q != nil:
		e.quantity(sv, o.RDFValue, "value", *v.q)
	case v.ref != "":
		e.pe.ds.link(g, sv, o.RDFValue, fmt.Sprintf("%s/%s/%d", e.p.iri, v.ref, v.idx+1))
	case v.iri != "":
		e.pe.ds.link(g, sv, o.RDFValue, v.iri)
	default:
		e.pe.ds.add(g, sv, o.RDFValue, str(v.text))
	}
	e.pe.ds.link(g, g, o.StatedFactValueProp, sv)
	if !e.evidence(sv, c.spans) {
		e.pe.ds.link(g, sv, o.PROVWasDerivedFrom, e.src.iri)
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
		// Named by source and position, not by a count: the same words
		// are one node whichever facts and other sources there are.
		ev := fmt.Sprintf("%s/evidence/%s/%s/%d-%d", e.p.iri, e.src.sha[:16], sp.Field, sp.Start, sp.End)
		e.pe.ds.link(g, ev, o.RDFType, o.Evidence)
		e.pe.ds.link(g, ev, o.RDFType, o.OATextQuoteSelector)
		e.pe.ds.link(g, ev, o.RDFType, o.OATextPositionSelector)
		e.pe.ds.add(g, ev, o.RDFSLabel, str(fmt.Sprintf("Evidence “%s” of %s", shorten(sp.Text, 40), shorten(e.p.title, 60))))
		e.pe.ds.add(g, ev, o.OAExact, str(sp.Text))
		e.pe.ds.add(g, ev, o.OAStart, integer(sp.Start))
		e.pe.ds.add(g, ev, o.OAEnd, integer(sp.End))
		e.pe.ds.add(g, ev, o.Field, str(e.stored[sp.Field]))
		e.pe.ds.link(g, ev, o.OAHasSource, e.src.iri)
		e.pe.ds.link(g, node, o.EvidenceProp, ev)
		any = true
	}
	if any {
		e.pe.ds.link(g, node, o.PROVWasDerivedFrom, e.src.iri)
	}
	return any
}

func (e *factEmitter) concept(c evidence.Concept) string {
	addConcept(e.pe.out.concepts, c.IRI, c.Label)
	return c.IRI
}

// intervention states one source's view of intervention n; label says
// whether this view gives the node its rdfs:label.
func (e *factEmitter) intervention(n int, iv evidence.Intervention, label bool) string {
	g := e.src.iri
	I := fmt.Sprintf("%s/intervention/%d", e.p.iri, n)
	// An agent-less view is a source whose broader agent another source
	// refined (reconcile.go): the node's agent is stated there.
	if !e.evidence(I, iv.Spans) {
		return ""
	}
	e.pe.ds.link(g, I, o.RDFType, o.Intervention)
	e.pe.ds.link(g, I, o.RDFType, o.PICOIntervention)
	if label {
		e.pe.ds.add(g, I, o.RDFSLabel, str(interventionLabel(iv)))
	}
	if iv.Agent.IRI != "" {
		e.pe.ds.link(g, I, o.Agent, e.concept(iv.Agent))
	}
	if iv.CellSource != nil && iv.CellSource.IRI != "" {
		e.pe.ds.link(g, I, o.CellSource, e.concept(*iv.CellSource))
	}
	if iv.Route != "" {
		e.pe.ds.link(g, I, o.Route, iv.Route)
	}
	if iv.Dose != nil {
		e.quantity(I, o.Dose, "dose", *iv.Dose)
	}
	if iv.Courses > 0 {
		e.pe.ds.add(g, I, o.Courses, integer(iv.Courses))
	}
	if iv.Schedule != "" {
		e.pe.ds.add(g, I, o.Schedule, str(iv.Schedule))
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
	e.pe.ds.link(g, O, o.RDFType, o.Outcome)
	e.pe.ds.link(g, O, o.RDFType, o.PICOOutcome)
	label := oc.Label
	if label == "" {
		label = strings.TrimPrefix(oc.Type, o.MKG)
	}
	e.pe.ds.add(g, O, o.RDFSLabel, str(label))
	e.pe.ds.link(g, O, o.OutcomeType, oc.Type)
	if oc.Patients != nil && *oc.Patients >= 0 {
		e.pe.ds.add(g, O, o.Patients, integer(*oc.Patients))
	}
	// A denominator smaller than the responders is a misreading: dropped.
	if oc.Total != nil && *oc.Total > 0 && (oc.Patients == nil || *oc.Patients <= *oc.Total) {
		e.pe.ds.add(g, O, o.Total, integer(*oc.Total))
	}
	if oc.Value != nil {
		e.quantity(O, o.Value, "value", *oc.Value)
	}
	if oc.Timepoint != nil {
		e.quantity(O, o.Timepoint, "timepoint", *oc.Timepoint)
	}
	if oc.TimeComment != "" {
		e.pe.ds.add(g, O, o.RDFSComment, str(oc.TimeComment))
	}
	if oc.Intervention >= 0 && oc.Intervention < len(ivs) && ivs[oc.Intervention] != "" {
		e.pe.ds.link(g, O, o.OfIntervention, ivs[oc.Intervention])
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
		e.pe.ds.link(g, parent, o.HasArm, C)
		e.pe.ds.link(g, C, o.RDFType, o.ArmClass)
		if c.ArmRole != "" {
			e.pe.ds.link(g, C, o.ArmRole, c.ArmRole)
		}
		label = fmt.Sprintf("Arm %d of %s", n, shorten(e.p.title, 60))
		if c.Name != "" {
			label = c.Name
		}
	case evidence.PartSubgroup:
		e.pe.ds.link(g, C, o.SubgroupOf, parent)
		e.pe.ds.link(g, C, o.RDFType, o.Subgroup)
		label = fmt.Sprintf("Subgroup %d of %s", n, shorten(e.p.title, 60))
	default:
		e.pe.ds.link(g, e.p.iri, o.Studies, C)
		e.pe.ds.link(g, C, o.RDFType, o.Cohort)
	}
	e.pe.ds.link(g, C, o.RDFType, o.PICOPopulation)
	e.pe.ds.add(g, C, o.RDFSLabel, str(label))
	if c.Size > 0 {
		e.pe.ds.add(g, C, o.Size, integer(c.Size))
	}
	for _, k := range c.Conditions {
		e.pe.ds.link(g, C, o.Condition, e.concept(k))
	}
	if c.AgeGroup != "" {
		e.pe.ds.link(g, C, o.AgeGroup, c.AgeGroup)
	}
	if c.Age != nil {
		e.quantity(C, o.Age, "age", *c.Age)
	}
	if c.DiseaseDuration != nil {
		e.quantity(C, o.DiseaseDuration, "diseaseDuration", *c.DiseaseDuration)
	}
	if c.Sex != "" {
		e.pe.ds.link(g, C, o.Sex, c.Sex)
	}
	if c.Refractory != nil {
		e.pe.ds.add(g, C, o.Refractory, boolean(*c.Refractory))
	}
	if c.DiseasePhase != "" {
		e.pe.ds.link(g, C, o.DiseasePhase, c.DiseasePhase)
	}
	for _, k := range c.PriorTherapies {
		e.pe.ds.link(g, C, o.PriorTherapy, e.concept(k))
	}
	for _, i := range c.Interventions {
		if i >= 0 && i < len(ivs) && ivs[i] != "" {
			e.pe.ds.link(g, C, o.Received, ivs[i])
		}
	}
	for _, i := range c.Outcomes {
		if i >= 0 && i < len(ocs) && ocs[i] != "" {
			e.pe.ds.link(g, C, o.HasOutcome, ocs[i])
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
			e.pe.ds.add(g, Q, v.p, lit)
			wrote = true
		}
	}
	if !wrote {
		return
	}
	e.pe.ds.link(g, owner, prop, Q)
	e.pe.ds.link(g, Q, o.RDFType, o.SchemaQuantitativeValue)
	if q.Unit != "" {
		e.pe.ds.add(g, Q, o.SchemaUnitCode, str(q.Unit))
	}
	if q.UnitText != "" {
		e.pe.ds.add(g, Q, o.SchemaUnitText, str(q.UnitText))
		e.pe.ds.add(g, Q, o.RDFSLabel, str(q.UnitText))
	}
}

func (e *factEmitter) trial(t evidence.TrialMention) {
	if t.ID == "" {
		return
	}
	T := e.pe.mint.trial(t.ID)
	// The link's evidence hangs off the trial: the Evidence node names the
	// source record, which names the paper.
	if !e.evidence(T, []evidence.Span{t.Span}) {
		return
	}
	e.pe.reportsTrial(e.src, t)
}

// reportsTrial links the paper to a trial in the graph of the source that
// names it, and tells the build, for citesSameTrialAs.
func (pe *paperEmitter) reportsTrial(src *source, t evidence.TrialMention) {
	T := pe.mint.trial(t.ID)
	g := src.iri
	pe.ds.link(g, pe.p.iri, o.ReportsTrial, T)
	pe.ds.link(g, T, o.PROVWasDerivedFrom, src.iri)
	pe.out.trials = appendUnique(pe.out.trials, T)
	trialNode(pe.ds, g, T, t.ID, t.Registry, t.URL)
}

// emitStructuredTrials links the paper to the registry ids source s lists
// as data (PubMed DataBankList, MEDLINE SI): no span, the record is the
// evidence.
func (pe *paperEmitter) emitStructuredTrials(s *source, r *mappings.Record) {
	for _, id := range r.TrialIDs {
		found := evidence.FindTrialIDs(id, "trial")
		if len(found) != 1 {
			continue
		}
		t := found[0]
		t.Rule = "structured:" + r.Format
		pe.reportsTrial(s, t)
	}
}

// trialNode states what every Trial node has: its types, label, registry
// id, registry name and page, in graph g.
func trialNode(ds *Dataset, g, T, id, registry, url string) {
	ds.link(g, T, o.RDFType, o.Trial)
	ds.link(g, T, o.RDFType, o.SchemaMedicalTrial)
	ds.add(g, T, o.RDFSLabel, str(id))
	ds.add(g, T, o.DCIdentifier, str(id))
	if registry != "" {
		ds.add(g, T, o.Registry, str(registry))
	}
	if url != "" {
		statedURL(ds, g, T, url)
	}
}
