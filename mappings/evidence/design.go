package evidence

import "github.com/msckg/msckg/ontology"

// designRank orders designs when cues disagree: an explicit "case report"
// beats "randomized" in "...: a case report and review of randomized
// trials"; a systematic review beats everything it reviews.
var designRank = map[string]int{
	ontology.SystematicReview: 6, ontology.CaseReport: 5, ontology.CaseSeries: 4,
	ontology.ClinicalTrial: 3, ontology.CohortStudy: 2, ontology.Review: 1,
}

// design reads the study design from cue phrases in the title and in
// factual sentences (patterns.tsv design-*, lexicon kind design), then
// falls back on the cohort size: one patient is a case report, two to ten
// described patients a case series, more than ten a cohort study. Hedged sentences ("Prospective
// randomized clinical trials are needed") never count; nor do trial
// registry ids alone, which a case report may cite.
func (x *extraction) design(c *Cohort) *Design {
	var best *Design
	consider := func(iri, rule string, sp Span) {
		if best == nil || designRank[iri] > designRank[best.IRI] {
			best = &Design{IRI: iri, Rule: rule, Span: sp}
		}
	}
	for _, f := range []*field{x.title, x.abs} {
		for si := range f.Sentences {
			if !f.Ctx[si].factual() {
				continue
			}
			s := f.Sentences[si]
			for _, cat := range []string{"design-case-report", "design-case-series", "design-trial", "design-cohort", "design-review"} {
				for _, h := range f.find(x.r, cat, s.Tok0, s.Tok1) {
					if othersStudies(f, h.Tok1) {
						continue
					}
					iri := ontology.MKG + h.Payloads[0]
					consider(iri, cat, f.tokSpan(h.Tok0, h.Tok1))
				}
			}
		}
	}
	for _, fm := range x.factualMentions("design") {
		if (fm.m.IRI() == ontology.Review && best != nil) || othersStudies(fm.f, fm.m.Tok1) {
			continue
		}
		consider(fm.m.IRI(), "design-term", fm.f.span(fm.m.Start, fm.m.End))
	}
	if best != nil && best.IRI != ontology.Review {
		return best
	}
	if c != nil {
		for _, d := range c.Details {
			if d.Property != "size" {
				continue
			}
			switch {
			case c.Size == 1:
				return &Design{IRI: ontology.CaseReport, Rule: "design-one-patient", Span: d.Span}
			case c.Size >= 2 && c.Size <= 10:
				return &Design{IRI: ontology.CaseSeries, Rule: "design-few-patients", Span: d.Span}
			case c.Size > 10 && best == nil:
				// A larger group with no trial language is an observational
				// cohort (retrospective analyses, consecutive series).
				return &Design{IRI: ontology.CohortStudy, Rule: "design-many-patients", Span: d.Span}
			}
		}
	}
	return best
}

// othersStudies: a design term in the plural ("Clinical Trials Based on
// MSC", "randomized controlled trials are ...") names other studies; a
// record names its own design in the singular ("a clinical trial").
func othersStudies(f *field, tok1 int) bool {
	switch f.Tokens[tok1-1].Fold {
	case "trials", "studies":
		return true
	}
	return false
}
