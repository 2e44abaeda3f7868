package evidence

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/msckg/msckg/ontology"
)

// interventions builds one intervention per MSC product the title or the
// factual sentences name. A specific product (umbilical cord, bone marrow)
// makes the generic "MSCs" redundant. Without a cell product, the drugs
// the study gave its patients (c, nil when the record counts none) are its
// interventions.
func (x *extraction) interventions(c *Cohort) []Intervention {
	var agents []fieldMention
	seen := map[string]bool{}
	for _, fm := range x.factualMentions("agent") {
		if !seen[fm.m.IRI()] {
			seen[fm.m.IRI()] = true
			agents = append(agents, fm)
		}
	}
	specific := len(agents) > 0 && (len(agents) > 1 || agents[0].m.IRI() != ontology.MKG+"MSC")
	var out []Intervention
	for _, a := range agents {
		if specific && a.m.IRI() == ontology.MKG+"MSC" {
			continue
		}
		entry, rule := a.m.Entry, "agent-mention"
		sp := a.f.span(a.m.Start, a.m.End)
		if !specific {
			if e, src, ok := x.agentFromSource(); ok {
				entry, rule, sp = e, "agent-source-phrase", src
			}
		}
		iv := Intervention{Agent: x.r.concept(entry.IRI), Rule: rule}
		iv.Spans = append(iv.Spans, sp)
		iv.Details = append(iv.Details, Detail{"agent", rule, sp})
		if src := entry.CellSource; src != "" {
			cs := x.r.concept(src)
			iv.CellSource = &cs
			iv.Details = append(iv.Details, Detail{"cellSource", "cell-source-of-agent", sp})
		}
		for _, rule := range interventionRules {
			rule.run(x, &iv, a.m.Entry, specific)
		}
		out = append(out, iv)
	}
	if len(out) > 0 {
		return append(out, x.coTherapies()...)
	}
	return x.drugInterventions(c)
}

// interventionRule is a rule of the intervention frame, run for each cell
// product with its lexicon entry (specific: the text names a product more
// precise than "MSCs").
type interventionRule = frameRule[func(x *extraction, iv *Intervention, agent *ontology.LexiconEntry, specific bool)]

// interventionRules run in this order for every product.
var interventionRules = []interventionRule{
	{"route", nil, nil, (*extraction).route},
	{"dose", nil, nil, (*extraction).dose},
	{"courses", nil, []string{"course-noun"}, (*extraction).courses},
	{"schedule", nil, nil, func(x *extraction, iv *Intervention, agent *ontology.LexiconEntry, specific bool) {
		x.schedule(iv, x.agentSentences(agent, specific))
	}},
}

// agentFromSource reads "MSCs expanded from the bone marrow of a
// third-party donor": generic MSCs whose tissue a factual sentence names.
func (x *extraction) agentFromSource() (*ontology.LexiconEntry, Span, bool) {
	for _, fs := range x.agentSentences(x.r.byIRI[ontology.MKG+"MSC"], false) {
		s := fs.f.Sentences[fs.si]
		for _, h := range fs.f.find(x.r, "agent-source", s.Tok0, s.Tok1) {
			if e := x.r.lexEntry("agent", ontology.MKG+h.Payloads[0]); e != nil {
				return e, fs.f.tokSpan(h.Tok0, h.Tok1), true
			}
		}
		if e, sp, ok := x.sourceAfterFrom(fs.f, &s); ok {
			return e, sp, true
		}
		if e, sp, ok := x.sourceDerivedBefore(fs.f, fs.si); ok {
			return e, sp, true
		}
	}
	return nil, Span{}, false
}

// sourceAfterFrom reads "MSCs were successfully expanded from 23.6 +/-
// 5.96 ml of bone marrow samples": "expanded/isolated/derived/obtained
// from", then the tissue within a few words of the same clause. A tissue
// followed by "transplantation" is a procedure, not where cells came from.
func (x *extraction) sourceAfterFrom(f *field, s *sentence) (*ontology.LexiconEntry, Span, bool) {
	for k := s.Tok0 + 1; k < s.Tok1; k++ {
		if f.Tokens[k].Fold != "from" {
			continue
		}
		switch f.Tokens[k-1].Fold {
		case "expanded", "isolated", "derived", "obtained", "harvested", "cultured", "prepared":
		default:
			continue
		}
		for j := k + 1; j < s.Tok1 && j <= k+8; j++ {
			if clauseBreakBefore(f, j) && !insideBrackets(f, j) {
				break
			}
			for _, h := range f.find(x.r, "agent-tissue", j, min(j+3, s.Tok1)) {
				if h.Tok0 != j || (h.Tok1 < s.Tok1 && strings.HasPrefix(f.Tokens[h.Tok1].Fold, "transplant")) {
					continue
				}
				if e := x.r.lexEntry("agent", ontology.MKG+h.Payloads[0]); e != nil {
					return e, f.tokSpan(k-1, h.Tok1), true
				}
			}
		}
	}
	return nil, Span{}, false
}

// sourceDerivedBefore reads "bone marrow derived multipotent mesenchymal
// stromal cells": a tissue and "derived" before the generic MSCs, with at
// most two describing words between ("multipotent", "allogeneic human")
// that keep the lexicon's "bone marrow-derived MSCs" from matching whole.
func (x *extraction) sourceDerivedBefore(f *field, si int) (*ontology.LexiconEntry, Span, bool) {
	s := &f.Sentences[si]
	for _, m := range f.inSentence(si) {
		if m.IRI() != ontology.MKG+"MSC" {
			continue
		}
		for d := m.Tok0 - 1; d >= s.Tok0+1 && d >= m.Tok0-3; d-- {
			if clauseBreakBefore(f, d+1) {
				break
			}
			if f.Tokens[d].Fold != "derived" {
				continue
			}
			for _, h := range f.find(x.r, "agent-tissue", max(s.Tok0, d-3), d) {
				if h.Tok1 != d {
					continue
				}
				if e := x.r.lexEntry("agent", ontology.MKG+h.Payloads[0]); e != nil {
					return e, f.span(f.Tokens[h.Tok0].Start, m.End), true
				}
			}
		}
	}
	return nil, Span{}, false
}

// complicatedTransplant: the transplant is the one a condition followed
// ("graft failure after autologous hematopoietic stem cell
// transplantation", "PGF after allo-HSCT"): the setting the patients come
// from, not a treatment the study gave with the MSCs.
func complicatedTransplant(f *field, si int, m mention) bool {
	s := f.Sentences[si]
	k := m.Tok0 - 1
	for k > s.Tok0 && transplantModifier[f.Tokens[k].Fold] {
		k--
	}
	if k <= s.Tok0 {
		return false
	}
	switch f.Tokens[k].Fold {
	case "after", "following", "post":
	default:
		return false
	}
	for _, c := range f.inSentence(si) {
		if c.Kind() == "condition" && c.Tok1 <= k && k-c.Tok1 <= 1 {
			return true
		}
	}
	return false
}

// transplantModifier: words that may stand between "after" and the
// transplant they describe.
var transplantModifier = map[string]bool{"autologous": true, "allogeneic": true, "allo": true,
	"haploidentical": true, "haplo": true, "the": true, "an": true, "a": true, "their": true}

// coTherapies: a transplant given together with the MSCs ("haploidentical
// HSCT combined with UC-MSCs", "cotransplantation of HSCs and MSCs") is an
// intervention of the study too.
func (x *extraction) coTherapies() []Intervention {
	var out []Intervention
	seen := map[string]bool{}
	for _, f := range []*field{x.title, x.abs} {
		for si := range f.Sentences {
			s := f.Sentences[si]
			if !f.Ctx[si].factual() || !f.has(x.r, "co-therapy", s.Tok0, s.Tok1) {
				continue
			}
			hasAgent := false
			for _, m := range f.inSentence(si) {
				hasAgent = hasAgent || m.Kind() == "agent"
			}
			if !hasAgent {
				continue
			}
			for _, m := range f.inSentence(si) {
				if m.Negated || m.IRI() != ontology.MKG+"HSCT" || seen[m.IRI()] || complicatedTransplant(f, si, m) {
					continue
				}
				seen[m.IRI()] = true
				sp := f.span(m.Start, m.End)
				out = append(out, Intervention{Agent: x.r.concept(m.IRI()), Rule: "co-therapy-with-agent",
					Spans: []Span{sp, f.sentenceSpan(&s)}, Details: []Detail{{"agent", "co-therapy-with-agent", sp}}})
			}
		}
	}
	return out
}

// agentSentences lists the factual sentences (title included) that name
// the agent; when the agent is specific, generic "MSCs" sentences count too.
func (x *extraction) agentSentences(agent *ontology.LexiconEntry, specific bool) []fieldSentence {
	var out []fieldSentence
	for _, f := range []*field{x.title, x.abs} {
		last := -1
		for _, m := range f.Mentions {
			if m.Kind() != "agent" || m.Sent == last || !f.Ctx[m.Sent].factual() {
				continue
			}
			if m.Entry != agent && !(specific && m.IRI() == ontology.MKG+"MSC") {
				continue
			}
			last = m.Sent
			out = append(out, fieldSentence{f, m.Sent})
			// "UC-MSC were isolated ... The third to fifth generation cells were
			// intravenously administered": the next sentence's "cells" are the agent.
			if next := m.Sent + 1; next < len(f.Sentences) && f.Ctx[next].factual() && x.cellsAnaphora(f, next) {
				out = append(out, fieldSentence{f, next})
			}
		}
	}
	return out
}

// cellsAnaphora: the sentence speaks of "cells" without naming any product.
func (x *extraction) cellsAnaphora(f *field, si int) bool {
	for _, m := range f.inSentence(si) {
		if m.Kind() == "agent" {
			return false
		}
	}
	s := f.Sentences[si]
	for k := s.Tok0; k < s.Tok1; k++ {
		if f.Tokens[k].Fold == "cells" {
			return true
		}
	}
	return false
}

type fieldSentence struct {
	f  *field
	si int
}

// route: a route word bound to a mention of the agent ("Intravenous
// infusion umbilical cord-derived mesenchymal stem cell ...", "UC-MSCs were
// infused intravenously"), or to the "cells" of a sentence that speaks of
// the agent's cells without naming it ("The third to fifth generation cells
// were intravenously administered"); see boundRoute.
func (x *extraction) route(iv *Intervention, agent *ontology.LexiconEntry, specific bool) {
	for _, fs := range x.agentSentences(agent, specific) {
		s := &fs.f.Sentences[fs.si]
		if h := fs.f.find(x.r, "unread-route", s.Tok0, s.Tok1); len(h) > 0 {
			// "intravenous (IV) and intrathecal (IT) injections of BM-MSCs":
			// a route the lexicon does not name stands beside the one it
			// does, so that one alone would be half the answer
			x.candidates = append(x.candidates, Candidate{Kind: "route", Rule: "route-with-agent",
				Reason: "the agent is also given by a route the lexicon does not name (" + fs.f.tokSpan(h[0].Tok0, h[0].Tok1).Text + ")",
				Spans:  []Span{fs.f.tokSpan(h[0].Tok0, h[0].Tok1), fs.f.sentenceSpan(s)}})
			return
		}
	}
	for _, fs := range x.agentSentences(agent, specific) {
		f, s := fs.f, &fs.f.Sentences[fs.si]
		var targets [][2]int
		for _, a := range f.inSentence(fs.si) {
			if a.Kind() == "agent" && (a.Entry == agent || specific && a.IRI() == ontology.MKG+"MSC") {
				targets = append(targets, [2]int{a.Tok0, a.Tok1})
			}
		}
		if len(targets) == 0 { // the sentence after one naming the agent
			for k := s.Tok0; k < s.Tok1; k++ {
				if f.Tokens[k].Fold == "cells" {
					targets = append(targets, [2]int{k, k + 1})
				}
			}
		}
		for _, t := range targets {
			if r, ok := boundRoute(f, fs.si, t[0], t[1]); ok {
				iv.setRoute(f, r, "route-with-agent")
				return
			}
		}
	}
	// "The patients received three intravenous infusions (200 × 10(6)
	// cells) every other day for a total of 600 × 10(6) human umbilical
	// cord MSCs": no binding words, but the sentence names one route and
	// no other treatment, so the route can be no one else's.
	for _, fs := range x.agentSentences(agent, specific) {
		if r, ok := soleRoute(fs.f, fs.si); ok {
			iv.setRoute(fs.f, r, "route-sole-in-sentence")
			return
		}
	}
}

// dose: the first cell-count quantity in a sentence that names the agent
// ("The hUC-MSC dose was 5×10(7) to 1×10(8).").
func (x *extraction) dose(iv *Intervention, agent *ontology.LexiconEntry, specific bool) {
	for _, fs := range x.agentSentences(agent, specific) {
		f, s := fs.f, &fs.f.Sentences[fs.si]
		saysDose := false
		for k := s.Tok0; k < s.Tok1; k++ {
			switch f.Tokens[k].Fold {
			case "dose", "doses", "dosage", "cells", "cell":
				saysDose = true
			}
		}
		qs := f.quantitiesIn(s.Start, s.End)
		for i := 0; i < len(qs); i++ {
			q, used := withRange(f, s, qs, i)
			if cultureCount(f, s, q) {
				i = used
				continue // "cultured to 5 × 10^7 cells": the laboratory's yield, not a dose
			}
			if d, ok := cellDose(q, saysDose || x.rightAfterAgent(f, fs.si, q)); ok && x.doseLevels(f, s, qs, i, d) {
				return // levels, not the dose: kept as candidates
			} else if ok {
				iv.Dose = &d
				iv.Details = append(iv.Details, Detail{"dose", "dose-cells-with-agent", d.Span})
				iv.Spans = appendSpan(iv.Spans, d.Span)
				return
			}
			i = used
		}
	}
}

// cultureVerbs say a number of cells is what the laboratory grew.
var cultureVerbs = map[string]bool{"cultured": true, "expanded": true, "harvested": true, "isolated": true,
	"yielded": true, "obtained": true, "grown": true, "passaged": true}

// cultureCount: one of the three words before q is a culture verb
// ("MSCs were cultured to 5 × 10^7 cells", "expanded to 10^8 cells").
func cultureCount(f *field, s *sentence, q Quantity) bool {
	k := tokenBefore(f, s, q.Span.Start)
	for j := k; j >= s.Tok0 && j > k-3; j-- {
		if cultureVerbs[f.Tokens[j].Fold] {
			return true
		}
	}
	return false
}

// courses: "five courses ..., followed by two postpartum courses" (7),
// "three sessions of UC-MSCs infusion" (3), in sentences naming the agent.
// "N sessions of <another drug>" is that drug's course, not the agent's.
func (x *extraction) courses(iv *Intervention, agent *ontology.LexiconEntry, specific bool) {
	nouns := x.r.pattern("course-noun")
	for _, fs := range x.agentSentences(agent, specific) {
		f, s := fs.f, &fs.f.Sentences[fs.si]
		total := 0
		var spans []Span
		if k := x.nestedCourses(f, s); k >= 0 {
			// "three cycles of 4 weekly infusions": one count inside the
			// other; the courses are 3 or 12, and never their sum
			x.candidates = append(x.candidates, Candidate{Kind: "courses", Rule: "courses-count-noun",
				Reason: "a count of administrations within another (\"three cycles of 4 weekly infusions\"): cycles or infusions, not said which",
				Spans:  []Span{f.tokSpan(k, k+1), f.sentenceSpan(s)}})
			continue
		}
		for k := s.Tok0; k < s.Tok1; k++ {
			n, ok := numberAt(f, k)
			if !ok || prevFold(f, s, k) == "to" || (k > s.Tok0 && strings.ContainsRune("-–—~", f.Runes[f.Tokens[k].Start-1])) {
				continue
			}
			for j := k + 1; j <= k+2 && j < s.Tok1 && f.Tokens[j].SoftBefore; j++ {
				l, _ := nouns.matchAt(f.Tokens, j, s.Tok1)
				if l == 0 {
					if countStops[f.Tokens[j].Fold] || isDigits(f.Tokens[j].Text) || repeatWord[f.Tokens[j].Fold] {
						break // "One repeated transplantation": the repeat, not all courses
					}
					continue
				}
				if x.ofOtherTherapy(f, s, j+l) {
					break
				}
				if why := x.notPerPatient(f, s, k); why != "" {
					x.candidates = append(x.candidates, Candidate{Kind: "courses", Rule: "courses-count-noun",
						Value:  &Quantity{Value: strconv.Itoa(n), UnitText: f.tokSpan(k, j+l).Text, Span: f.tokSpan(k, j+l)},
						Reason: why, Spans: []Span{f.tokSpan(k, j+l), f.sentenceSpan(s)}})
					break
				}
				total += n
				spans = append(spans, f.tokSpan(k, j+l))
				break
			}
		}
		if total > 0 {
			iv.Courses = total
			for _, sp := range spans {
				iv.Details = append(iv.Details, Detail{"courses", "courses-count-noun", sp})
				iv.Spans = appendSpan(iv.Spans, sp)
			}
			return
		}
	}
}

// nestedCourses is the token of a course noun followed by "of" and a
// number ("cycles of 4 weekly infusions"), or -1.
func (x *extraction) nestedCourses(f *field, s *sentence) int {
	nouns := x.r.pattern("course-noun")
	for k := s.Tok0; k+2 < s.Tok1; k++ {
		if l, _ := nouns.matchAt(f.Tokens, k, s.Tok1); l == 1 && f.Tokens[k+1].Fold == "of" {
			if _, ok := numberAt(f, k+2); ok {
				return k
			}
		}
	}
	return -1
}

// notPerPatient says why the count of administrations at token k is not
// the number of courses each patient had, or "": "76 patients receiving
// over 190 infusions" is a bound (and a total over the group), "a total of
// 190 infusions" a sum. A numbered group with a number of administrations
// ("12 patients received 30 infusions") reads two ways, the total or each
// patient's; "Both children received three sessions", "each", "every",
// "per" and "all" say each patient's.
func (x *extraction) notPerPatient(f *field, s *sentence, k int) string {
	if k > s.Tok0 {
		switch prev := f.Tokens[k-1].Fold; {
		case approximate[prev]:
			return fmt.Sprintf("%q is a bound, not a count of courses", f.tokSpan(k-1, k+1).Text)

		case prev == "of" && k-2 >= s.Tok0 && f.Tokens[k-2].Fold == "total":
			return "a total over the patients, not the courses each had"
		}
	}
	for t := s.Tok0; t < s.Tok1; t++ {
		switch f.Tokens[t].Fold {
		case "each", "every", "per", "all":
			return ""
		}
	}
	for _, c := range countsIn(x.r, f, s) {
		if c.N > 1 && !c.Part && c.Tok0 < k && f.Tokens[c.Tok0].Fold != "both" {
			return fmt.Sprintf("%q and a count of administrations: the total or each patient's, the sentence does not say", f.tokSpan(c.Tok0, c.Tok1).Text)
		}
	}
	return ""
}

// approximate words before a number make it a bound, not a count.
var approximate = map[string]bool{"over": true, "than": true, "least": true, "about": true, "approximately": true,
	"nearly": true, "almost": true, "around": true, "roughly": true, "up": true}

// ofOtherTherapy: the tokens after a course noun are "of <drug>".
func (x *extraction) ofOtherTherapy(f *field, s *sentence, k int) bool {
	if k >= s.Tok1 || f.Tokens[k].Fold != "of" {
		return false
	}
	for _, m := range f.mentionsFrom(k + 1) {
		if m.Tok0 == k+1 || m.Tok0 == k+2 {
			return m.Kind() != "agent"
		}
	}
	return false
}

// rightAfterAgent: "received MSCs (1 × 10(6)/kg)" — the quantity follows an
// agent mention with only brackets or spaces between.
func (x *extraction) rightAfterAgent(f *field, si int, q Quantity) bool {
	for _, m := range f.inSentence(si) {
		if m.Kind() != "agent" || m.End > q.Span.Start {
			continue
		}
		if strings.Trim(runeSlice(f.Runes, m.End, q.Span.Start), " ([") == "" {
			return true
		}
	}
	return false
}

// repeatWord between a number and a course noun counts courses beyond the
// first ("One repeated transplantation", "two additional infusions").
var repeatWord = map[string]bool{"repeated": true, "repeat": true, "additional": true, "further": true, "extra": true, "more": true}
