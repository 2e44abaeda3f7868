package evidence

import (
	"strings"

	"github.com/msckg/msckg/ontology"
)

// reportsOwnResult is true for sentences that may state what happened to
// these patients: factual, not an aim, not background and not the
// conclusions (which generalise beyond the patients).
func reportsOwnResult(f *field, si int) bool {
	c, s := f.Ctx[si], f.Sentences[si]
	return c.factual() && !c.Aim && s.Role != "background" && s.Role != "conclusions"
}

// negatedEventFiller may stand between a negation and the events it
// negates: "no obvious bleeding", "no signs of haemorrhage", "no maternal
// hemorrhage or fetal growth restriction". Any other word ("no increase
// in the risk of bleeding") ends the reading.
var negatedEventFiller = map[string]bool{"or": true, "and": true, "nor": true, "any": true, "obvious": true,
	"significant": true, "severe": true, "major": true, "serious": true, "evident": true, "signs": true,
	"sign": true, "of": true, "evidence": true, "episodes": true, "episode": true, "further": true, "new": true}

// negatedEvents reads "The pregnancy was uneventful, with no maternal
// hemorrhage or fetal growth restriction": each event named right after a
// negation is an OtherOutcome that no patient had. The events are the
// negated-event phrases of patterns.tsv; their value is the label.
func (x *extraction) negatedEvents(f *field, si int, add func(Outcome)) {
	if !reportsOwnResult(f, si) {
		return
	}
	s := &f.Sentences[si]
	events := x.r.pattern("negated-event")
	pseudo := pseudoNegation(x.r, f, *s) // "the presence or absence of neonatal thrombocytopenia"
	for _, h := range f.find(x.r, "negation-pre", s.Tok0, s.Tok1) {
		if pseudo.covers(h) || inDefinition(f, s, h.Tok0) {
			continue
		}
		for k := h.Tok1; k < s.Tok1; {
			if k > h.Tok1 && strings.ContainsAny(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start), ";:()[]") {
				break
			}
			if n, labels := events.matchAt(f.Tokens, k, s.Tok1); n > 0 {
				add(Outcome{Type: ontology.OtherOutcome, Patients: intp(0), Label: labels[0], Rule: "event-negated",
					Spans: []Span{f.tokSpan(k, k+n), f.sentenceSpan(s)}})
				k += n
				continue
			}
			if !negatedEventFiller[f.Tokens[k].Fold] {
				break
			}
			k++
		}
	}
}

// inDefinition: the words at k belong to a definition ("response,
// defined as ... and the absence of bleeding") or an end point ("The
// primary end point was the proportion of patients achieving SROT
// (platelet count >30 × 10⁹/L and no bleeding)"), which says what a
// result means, not what happened.
//
// A bracket right after a response term defines it too: "complete
// response (platelet count >100 × 109/L and absence of bleeding)".
func inDefinition(f *field, s *sentence, k int) bool {
	if open := openBracketBefore(f, s, f.Tokens[k].Start); open >= 0 {
		if j := tokenBefore(f, s, open); j >= 0 {
			switch f.Tokens[j].Fold {
			case "response", "responses", "remission", "cr", "pr", "or", "crr", "orr":
				return true
			}
		}
	}
	if measureNamed(f, s) {
		return true
	}
	for j := s.Tok0; j < k; j++ {
		switch f.Tokens[j].Fold {
		case "defined", "definition", "criteria", "criterion", "endpoint", "endpoints", "end-point":
			return true
		case "end":
			if j+1 < k && (f.Tokens[j+1].Fold == "point" || f.Tokens[j+1].Fold == "points") {
				return true
			}
		case "primary", "secondary":
			if j+1 < k && (f.Tokens[j+1].Fold == "outcome" || f.Tokens[j+1].Fold == "outcomes") {
				return true
			}
		}
	}
	return false
}

// measureNamed: the sentence names a measure, as a registration's outcome
// measures do ("Proportion of patients achieving a platelet count
// ≥30×10⁹/L within 8 weeks ... and no bleeding manifestations Time frame:
// 8 weeks"): it opens with "proportion/percentage/number of patients" or
// gives a "time frame".
func measureNamed(f *field, s *sentence) bool {
	for j := s.Tok0; j+1 < s.Tok1; j++ {
		if f.Tokens[j].Fold == "time" && f.Tokens[j+1].Fold == "frame" {
			return true
		}
	}
	if s.Tok0+2 >= s.Tok1 || f.Tokens[s.Tok0+1].Fold != "of" {
		return false
	}
	switch f.Tokens[s.Tok0].Fold {
	case "proportion", "percentage", "number", "rate", "incidence":
	default:
		return false
	}
	switch f.Tokens[s.Tok0+2].Fold {
	case "patients", "participants", "subjects":
		return true
	}
	return false
}

// findingFiller may stand between a finding and its change: "liver
// transaminase levels gradually decreased", "the spleen thickness also
// decreased".
var findingFiller = map[string]bool{"level": true, "levels": true, "values": true, "value": true, "gradually": true,
	"also": true, "further": true, "completely": true, "significantly": true, "markedly": true, "rapidly": true,
	"then": true, "had": true, "has": true, "have": true, "was": true, "were": true, "all": true}

// findingChanges reads "liver transaminase levels gradually decreased to a
// normal level" and "his skin rash resolved": a clinical finding of
// patterns.tsv ("finding", value = its label) followed in the same clause
// by a change ("finding-change", value = how it changed) is an
// OtherOutcome labelled "Transaminases normalised". No count of patients
// is written, so Patients stays unset.
func (x *extraction) findingChanges(f *field, si int, add func(Outcome)) {
	if !reportsOwnResult(f, si) {
		return
	}
	s := &f.Sentences[si]
	negated := negatedTokens(x.r, f, *s)
	changes := x.r.pattern("finding-change")
	for _, h := range f.find(x.r, "finding", s.Tok0, s.Tok1) {
		for k := h.Tok1; k < s.Tok1 && !clauseBreakBefore(f, k); k++ {
			if n, how := changes.matchAt(f.Tokens, k, s.Tok1); n > 0 {
				if !anyNegated(negated, h.Tok0, k+n) {
					add(Outcome{Type: ontology.OtherOutcome, Label: h.Payloads[0] + " " + how[0], Rule: "finding-changed",
						Spans: []Span{f.tokSpan(h.Tok0, k+n)}})
				}
				break
			}
			if !findingFiller[f.Tokens[k].Fold] {
				break
			}
		}
	}
}

func anyNegated(negated map[int]bool, from, to int) bool {
	for k := from; k < to; k++ {
		if negated[k] {
			return true
		}
	}
	return false
}

// excludedWords make a sentence about whom the study left out.
var excludedWords = map[string]bool{"excluded": true, "exclusion": true, "exclude": true}

// cohortPregnancy adds mkg:Pregnancy when a sentence reporting on the
// patients says they were pregnant ("who conceived", "at 8 weeks of
// gestation", "During pregnancy, she ..."). Background ("ITP during
// pregnancy poses challenges"), conclusions, negated cues and exclusion
// criteria do not count, nor does the title alone.
func (x *extraction) cohortPregnancy(c *Cohort) {
	f := x.abs
	if k := nonPregnantAt(x.r, f); k >= 0 {
		// "180 pregnant and 168 nonpregnant women with ITP": pregnancy
		// is one group's, not every patient's
		x.candidates = append(x.candidates, Candidate{Kind: "condition", Concept: ontology.Pregnancy, Rule: "pregnancy-stated",
			Reason: "pregnant patients compared with nonpregnant ones: the condition of one group, not of every patient",
			Spans:  []Span{f.tokSpan(k, k+1)}})
		return
	}
	for si := range f.Sentences {
		if !reportsOwnResult(f, si) {
			continue
		}
		s := &f.Sentences[si]
		if hasWord(f, s, excludedWords) {
			continue
		}
		negated := negatedTokens(x.r, f, *s)
		newborns := hasWord(f, s, newbornWords)
		for _, h := range f.find(x.r, "pregnant", s.Tok0, s.Tok1) {
			if anyNegated(negated, h.Tok0, h.Tok1) {
				continue
			}
			if newborns && gestationalAge(f, h) {
				// "66 preterm infants at 23 to 28 gestational weeks": the
				// infants' age at birth, nobody pregnant
				continue
			}
			for _, k := range c.Conditions {
				if k.IRI == ontology.Pregnancy {
					return
				}
			}
			c.Conditions = append(c.Conditions, x.r.concept(ontology.Pregnancy))
			c.Details = append(c.Details, Detail{"condition", "pregnancy-stated", f.tokSpan(h.Tok0, h.Tok1)})
			return
		}
	}
}

// nonPregnantAt is the token of a counted group of nonpregnant patients
// in a factual sentence ("matched to 131 nonpregnant women", "168
// non-pregnant controls"), or -1. "ITP in nonpregnant individuals" in a
// comparison with the literature and "a non-pregnant period" count no one.
func nonPregnantAt(r *rules, f *field) int {
	nouns := r.pattern("cohort-noun")
	for si, s := range f.Sentences {
		if !f.Ctx[si].factual() {
			continue
		}
		for k := s.Tok0 + 1; k < s.Tok1; k++ {
			w := k // the word after "nonpregnant"
			switch {
			case f.Tokens[k].Fold == "nonpregnant":
				w = k + 1
			case f.Tokens[k].Fold == "non" && k+1 < s.Tok1 && f.Tokens[k+1].Fold == "pregnant" && f.Tokens[k+1].SoftBefore:
				w = k + 2
			default:
				continue
			}
			if _, counted := numberAt(f, k-1); counted && w < s.Tok1 {
				if l, _ := nouns.matchAt(f.Tokens, w, s.Tok1); l == 0 {
					continue
				}
				return k
			}
		}
	}
	return -1
}

// newbornWords name patients who were born, not carried: beside them a
// gestational week is their age at birth.
var newbornWords = map[string]bool{"infant": true, "infants": true, "neonate": true, "neonates": true,
	"newborn": true, "newborns": true, "preterm": true, "premature": true, "born": true}

// gestationalAge: the pregnant-cue hit is a gestational age ("gestational
// weeks", "weeks of gestation"), not a word saying someone is pregnant.
func gestationalAge(f *field, h hit[string]) bool {
	for k := h.Tok0; k < h.Tok1; k++ {
		switch f.Tokens[k].Fold {
		case "gestation", "gestational":
			return true
		}
	}
	return false
}

func hasWord(f *field, s *sentence, words map[string]bool) bool {
	for k := s.Tok0; k < s.Tok1; k++ {
		if words[f.Tokens[k].Fold] {
			return true
		}
	}
	return false
}

// openBracketBefore is the position of the bracket still open at p (within
// 200 code points of the sentence), or -1.
func openBracketBefore(f *field, s *sentence, p int) int {
	depth := 0
	for i := p - 1; i >= max(s.Start, p-200); i-- {
		switch f.Runes[i] {
		case ')', ']':
			depth++
		case '(', '[':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}
