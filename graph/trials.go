package graph

import (
	"fmt"
	"strings"

	o "github.com/msckg/msckg/ontology"
)

// splitTrials takes trial registrations out of the sources: they become
// Trial nodes, not papers.
func (b *builder) splitTrials() {
	var papers []*source
	for _, s := range b.sources {
		if s.Record.Trial != nil && s.Record.Trial.ID != "" {
			b.registrations = append(b.registrations, s)
		} else {
			papers = append(papers, s)
		}
	}
	b.sources = papers
}

// emitRegistrations states each trial registration in its own graph: the
// Trial node with its conditions, interventions, arms, enrollment, status
// and dates, and the papers the registry lists as reporting its results,
// which it adds to reports. Shard sh states the registrations whose
// graph it holds.
func (b *builder) emitRegistrations(reports trialReports, sh Shard) {
	byKey := b.paperKeys()
	for _, s := range b.registrations {
		if !sh.has(s.iri) {
			continue
		}
		tr := s.Record.Trial
		g := s.iri
		T := b.mint.trial(tr.ID)
		emitSourceRecord(b.ds, s, &s.Record)
		b.ds.link(g, T, o.PROVWasDerivedFrom, s.iri)
		trialNode(b.ds, g, T, tr.ID, tr.Registry, tr.URL)
		addStr := func(p, v string) {
			if v = strings.TrimSpace(v); v != "" {
				b.ds.add(g, T, p, str(v))
			}
		}
		addStr(o.DCTitle, tr.Title)
		addStr(o.OfficialTitle, tr.OfficialTitle)
		addStr(o.TrialStatus, tr.Status)
		addStr(o.TrialStudyType, tr.StudyType)
		addStr(o.SponsorName, tr.Sponsor)
		addStr(o.DCAbstract, s.Record.Abstract.Text)
		for _, v := range tr.Phases {
			addStr(o.TrialPhase, v)
		}
		for _, v := range tr.SecondaryIDs {
			addStr(o.SecondaryID, v)
		}
		for _, v := range tr.Conditions {
			addStr(o.ConditionText, v)
		}
		for _, iv := range tr.Interventions {
			name := iv.Name
			if iv.Type != "" {
				name = iv.Type + ": " + iv.Name
			}
			addStr(o.InterventionText, name)
		}
		if n := tr.EnrollmentActual; n != nil && *n >= 0 {
			b.ds.add(g, T, o.EnrollmentActual, integer(*n))
		}
		if n := tr.EnrollmentAnticipated; n != nil && *n >= 0 {
			b.ds.add(g, T, o.EnrollmentAnticipated, integer(*n))
		}
		if lit, ok := dateLiteral(tr.StartDate); ok {
			b.ds.add(g, T, datePredicate(tr.StartDateType, o.SchemaStartDate, o.PlannedStartDate), lit)
		}
		if lit, ok := dateLiteral(tr.CompletionDate); ok {
			b.ds.add(g, T, datePredicate(tr.CompletionDateType, o.SchemaEndDate, o.PlannedEndDate), lit)
		}
		for i, arm := range tr.Arms {
			A := fmt.Sprintf("%s/arm/%d", T, i+1)
			b.ds.link(g, T, o.Arm, A)
			b.ds.link(g, A, o.RDFType, o.TrialArm)
			label := arm.Label
			if label == "" {
				label = fmt.Sprintf("Arm %d of %s", i+1, tr.ID)
			}
			b.ds.add(g, A, o.RDFSLabel, str(label))
			if arm.Type != "" {
				b.ds.add(g, A, o.ArmType, str(arm.Type))
			}
			if arm.Description != "" {
				b.ds.add(g, A, o.RDFSComment, str(arm.Description))
			}
			for _, iv := range arm.Interventions {
				b.ds.add(g, A, o.ArmIntervention, str(iv))
			}
		}
		b.registryReferences(s, T, byKey, reports)
	}
}

// registryReferences links the trial to the papers its registration lists
// as reporting it (result and derived publications; background ones do
// not report the trial). A paper not in the graph gets a minimal node.
func (b *builder) registryReferences(s *source, T string, byKey map[string]*paper, reports trialReports) {
	g := s.iri
	for _, ref := range s.Record.Trial.References {
		switch strings.ToUpper(ref.Type) {
		case "RESULT", "DERIVED":
		default:
			continue
		}
		rr := mappingsRecordOf(ref)
		var p *paper
		for _, k := range paperIDKeys(&rr) {
			if p = byKey[k]; p != nil {
				break
			}
		}
		var P string
		switch {
		case p != nil:
			P = p.iri
		case ref.DOI != "":
			P = b.mint.paperByDOI(ref.DOI)
		case ref.PMID != "":
			P = b.mint.paperByPMID(ref.PMID)
		default:
			continue
		}
		if p == nil {
			b.stubPaper(g, P, ref)
		}
		b.ds.link(g, P, o.ReportsTrial, T)
		reports.add(T, P)
	}
}

// paperKeys maps every identifier key of every paper to the paper; a
// record kept apart from the paper whose identifier it carries does not
// take the identifier from that paper.
func (b *builder) paperKeys() map[string]*paper {
	byKey := map[string]*paper{}
	for _, p := range b.id.Papers {
		for _, s := range p.sources {
			for _, k := range paperIDKeys(&s.Record) {
				if have, ok := byKey[k]; !ok || (have.apart && !p.apart) {
					byKey[k] = p
				}
			}
		}
	}
	return byKey
}

// datePredicate keeps a registry's planned dates apart from the dates on
// which things happened: an estimate is not a fact about the past.
func datePredicate(kind, actual, planned string) string {
	switch strings.ToUpper(kind) {
	case "ESTIMATED", "ANTICIPATED":
		return planned
	}
	return actual
}
