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
//
// A cue the record points at itself with ("In this narrative review",
// "The present multicenter clinical trial", patterns.tsv self-reference)
// names its own design: it is read even in an Introduction, and it beats
// every cue that does not, which may name the studies it reviews ("data
// from five clinical trials ... and a case report") or cites.
func (x *extraction) design(c *Cohort) *Design {
	var best, own *Design
	consider := func(iri, rule string, f *field, si, tok0 int, sp Span) {
		if earlierStudyBefore(f, si, tok0) {
			return
		}
		if iri == ontology.Review && chartReview(f, si, tok0) {
			return // "We performed a review of patients with …": their records, not the literature
		}
		if x.selfReference(f, si, tok0) {
			if own == nil || designRank[iri] > designRank[own.IRI] {
				own = &Design{IRI: iri, Rule: rule + "-self", Span: sp}
			}
			return
		}
		if !f.Ctx[si].factual() {
			return
		}
		if best == nil || designRank[iri] > designRank[best.IRI] {
			best = &Design{IRI: iri, Rule: rule, Span: sp}
		}
	}
	for _, f := range []*field{x.title, x.abs} {
		for si := range f.Sentences {
			if f.Ctx[si].Hedged {
				continue
			}
			s := f.Sentences[si]
			for _, cat := range []string{"design-case-report", "design-case-series", "design-trial", "design-cohort", "design-review"} {
				for _, h := range f.find(x.r, cat, s.Tok0, s.Tok1) {
					if othersStudies(f, h.Tok1) || reportedIn(f, s, h.Tok0) || countedStudies(f, s, h.Tok0) {
						continue
					}
					if cat == "design-case-report" && h.Tok1 < s.Tok1 && f.Tokens[h.Tok1].Fold == "series" {
						continue // "We present a case series of 5 patients"
					}
					if h.Tok1 < s.Tok1 && (f.Tokens[h.Tok1].Fold == "registration" || f.Tokens[h.Tok1].Fold == "registered") {
						continue // "Registration Status: Retrospective registration": the registry's, not the design
					}
					if cat == "design-review" && afterPreposition(f, s, h.Tok0) && !x.selfReference(f, si, h.Tok0) {
						// "reached genome-wide significance after meta-analysis",
						// "data from a meta-analysis": a step or another's work
						continue
					}
					iri := ontology.MKG + h.Payloads[0]
					consider(iri, cat, f, si, h.Tok0, f.tokSpan(h.Tok0, h.Tok1))
				}
			}
		}
	}
	for si, s := range x.abs.Sentences {
		if k := enrolledInTrial(x.abs, s); k >= 0 {
			consider(ontology.ClinicalTrial, "design-enrolled-in-trial", x.abs, si, k, x.abs.tokSpan(k, k+1))
		}
	}
	for _, f := range []*field{x.title, x.abs} {
		for i := range f.Mentions {
			m := &f.Mentions[i]
			if m.Kind() != "design" || m.Negated || f.Ctx[m.Sent].Hedged || othersStudies(f, m.Tok1) {
				continue
			}
			if m.IRI() == ontology.Review && best != nil && !x.selfReference(f, m.Sent, m.Tok0) {
				continue
			}
			if (m.IRI() == ontology.Review || m.IRI() == ontology.SystematicReview) &&
				afterPreposition(f, f.Sentences[m.Sent], m.Tok0) && !x.selfReference(f, m.Sent, m.Tok0) {
				continue // "after meta-analysis": a step or another's work
			}
			consider(m.IRI(), "design-term", f, m.Sent, m.Tok0, f.span(m.Start, m.End))
		}
	}
	if own != nil {
		return own
	}
	if best != nil && best.IRI != ontology.Review {
		return best
	}
	// The number of patients names a design only for a study of one group
	// that no registry lists and that does not call itself a trial: arms
	// make it a comparison, and a registered study or "the trial" may be a
	// trial whatever its size.
	if c != nil && (c.Size == 1 || len(x.arms) == 0 && !x.registered && !x.callsItselfATrial()) {
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

// enrolledInTrial is the token of "trial" where sentence s says patients
// were enrolled or included in one ("Thirty-five SLE patients with
// refractory cytopenia were enrolled in a MSCT trial"), or -1. The trial
// of an earlier or another study ("enrolled in a previous trial") is not
// the record's.
func enrolledInTrial(f *field, s sentence) int {
	for k := s.Tok0 + 1; k+1 < s.Tok1; k++ {
		switch f.Tokens[k].Fold {
		case "enrolled", "included", "participated":
		default:
			continue
		}
		if f.Tokens[k+1].Fold != "in" && f.Tokens[k+1].Fold != "into" {
			continue
		}
		for j := k + 2; j < s.Tok1 && j <= k+6; j++ {
			if clauseBreakBefore(f, j) {
				break
			}
			if earlierTrialWord[f.Tokens[j].Fold] {
				break
			}
			if f.Tokens[j].Fold == "trials" {
				break // "enrolled in two trials": pooled studies
			}
			if f.Tokens[j].Fold == "trial" {
				return j
			}
		}
	}
	return -1
}

// earlierTrialWord names a trial that is not the record's own.
var earlierTrialWord = map[string]bool{"previous": true, "prior": true, "earlier": true, "another": true,
	"parent": true, "original": true, "other": true, "preceding": true}

// callsItselfATrial: a factual sentence of the abstract says "the trial"
// or "this trial" ("The trial was stopped early after 8 patients had been
// enrolled"): the design is a trial's whatever the count, and the count
// alone must not name a case series.
func (x *extraction) callsItselfATrial() bool {
	f := x.abs
	for si, s := range f.Sentences {
		if !f.Ctx[si].factual() {
			continue
		}
		for k := s.Tok0 + 1; k < s.Tok1; k++ {
			if f.Tokens[k].Fold == "trial" && (f.Tokens[k-1].Fold == "the" || f.Tokens[k-1].Fold == "this") {
				return true
			}
		}
	}
	return false
}

// afterPreposition: the word before k (or before its article) is a
// preposition.
func afterPreposition(f *field, s sentence, k int) bool {
	j := k - 1
	if j >= s.Tok0 && (f.Tokens[j].Fold == "a" || f.Tokens[j].Fold == "an" || f.Tokens[j].Fold == "the") {
		j--
	}
	if j < s.Tok0 {
		return false
	}
	switch f.Tokens[j].Fold {
	case "after", "by", "from", "of", "on", "with", "via", "through", "using", "following":
		return true
	}
	return false
}

// countedStudies: a number above one right before the cue counts studies
// ("reviewed all 135 case series"): others', whatever the noun's number.
func countedStudies(f *field, s sentence, k int) bool {
	n, ok := numberAt(f, k-1)
	return k-1 >= s.Tok0 && ok && n > 1
}

// reportingVerbs before "in a …" cite another study's result: "equivalent
// to that observed in a prospective study of remestemcel-L".
var reportingVerbs = map[string]bool{"observed": true, "reported": true, "shown": true, "found": true,
	"seen": true, "demonstrated": true, "described": true, "documented": true, "published": true}

// reportedIn: the design cue at k, with its article and at most two
// describing words, follows "in" after a reporting verb.
func reportedIn(f *field, s sentence, k int) bool {
	for j := k - 1; j >= s.Tok0+1 && j >= k-4; j-- {
		if f.Tokens[j].Fold == "in" {
			return reportingVerbs[f.Tokens[j-1].Fold]
		}
	}
	return false
}

// earlierStudy words make "our previous pilot trial" another study.
// "A subsequent cohort study", "another trial": not this record either.
var earlierStudy = map[string]bool{"previous": true, "prior": true, "earlier": true, "former": true, "last": true,
	"subsequent": true, "another": true, "separate": true}

// earlierStudyBefore: one of the three words before the cue at tok0 says
// the study is an earlier one ("In our previous pilot trial").
func earlierStudyBefore(f *field, si, tok0 int) bool {
	for k := tok0 - 1; k >= f.Sentences[si].Tok0 && k >= tok0-3; k-- {
		if earlierStudy[f.Tokens[k].Fold] {
			return true
		}
	}
	return false
}

// selfReference: the design cue at token tok0 of sentence si is the
// record's own, pointed at with "this", "the present", "our" (patterns.tsv
// self-reference) either inside the cue ("this review") or before it with
// at most three describing words between ("The present multicenter
// clinical trial", "this prospective, open-label study").
func (x *extraction) selfReference(f *field, si, tok0 int) bool {
	s := f.Sentences[si]
	for _, h := range f.find(x.r, "self-reference", max(s.Tok0, tok0-4), min(s.Tok1, tok0+2)) {
		if h.Tok0 > tok0 {
			continue
		}
		between := true
		for k := h.Tok1; k < tok0; k++ {
			if countStops[f.Tokens[k].Fold] || earlierStudy[f.Tokens[k].Fold] {
				between = false
			}
		}
		if between {
			return true
		}
	}
	return false
}

// othersStudies: a design term in the plural ("Clinical Trials Based on
// MSC", "randomized controlled trials are ...", "in randomized
// controlled trials and real-world studies") names other studies; a
// record names its own design in the singular ("a clinical trial").
func othersStudies(f *field, tok1 int) bool {
	switch f.Tokens[tok1-1].Fold {
	case "trials", "studies":
		return true
	}
	// the noun the cue qualifies, at most three words on
	for k := tok1; k < len(f.Tokens) && k < tok1+3 && !clauseBreakBefore(f, k); k++ {
		switch f.Tokens[k].Fold {
		case "trials", "studies":
			return true
		case "and", "or":
			if k+1 < len(f.Tokens) && phaseNumeral(f.Tokens[k+1].Fold) {
				k++ // "Phase II and III Trials": the second phase of the same cue
				continue
			}
			return false
		case "trial", "study", "of", "in", "with":
			return false
		}
	}
	return false
}

// phaseNumeral: the number of a trial phase, "III", "3", "IIb".
func phaseNumeral(w string) bool {
	switch w {
	case "i", "ii", "iii", "iv", "iia", "iib", "1", "2", "3", "4", "2a", "2b":
		return true
	}
	return false
}

// chartReview: the review cue at tok0 is followed by "of" and the
// patients or their records ("a review of patients with HIV-associated
// ITP", "a review of medical records"): a retrospective study.
func chartReview(f *field, si, tok0 int) bool {
	s := f.Sentences[si]
	k := tok0
	for k < s.Tok1 && k <= tok0+2 && f.Tokens[k].Fold != "of" {
		k++
	}
	if k >= s.Tok1 || f.Tokens[k].Fold != "of" {
		return false
	}
	for j := k + 1; j < s.Tok1 && j <= k+3; j++ {
		switch f.Tokens[j].Fold {
		case "patients", "patient", "records", "charts", "chart", "cases", "files", "children", "adults":
			return true
		}
	}
	return false
}
