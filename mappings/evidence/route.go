package evidence

import "strings"

// Binding a route word to the treatment it belongs to (issue 10): the
// intervention frame's route rule and a drug's route use these.

// setRoute records route mention r of field f on the intervention, with
// the rule that bound it.
func (iv *Intervention) setRoute(f *field, r mention, rule string) {
	iv.Route = r.IRI()
	sp := f.span(r.Start, r.End)
	iv.Details = append(iv.Details, Detail{"route", rule, sp})
	iv.Spans = appendSpan(iv.Spans, sp)
}

// soleRoute: sentence si names exactly one route and no drug or procedure
// beside the cell product.
func soleRoute(f *field, si int) (mention, bool) {
	var route *mention
	ms := f.inSentence(si)
	for i := range ms {
		switch ms[i].Kind() {
		case "drug", "procedure":
			return mention{}, false
		case "route":
			if ms[i].Negated || route != nil && route.IRI() != ms[i].IRI() {
				return mention{}, false
			}
			route = &ms[i]
		}
	}
	if route == nil {
		return mention{}, false
	}
	return *route, true
}

// boundRoute finds the route word of sentence si that belongs to the
// treatment at tokens [t0, t1): the nearest one with no other treatment
// and no ";" between them. A route before the treatment leads into it
// ("oral eltrombopag", "IV MSCs", "intravenous infusion of UC-MSCs", "two
// to five weekly intravenous infusions of allogeneic unrelated ...
// bone marrow-derived MSCs"); one after it is an adverb ("were infused
// intravenously", "given orally") or follows "by", "via" or "through" ("by
// intravenous infusion") or opens a bracket right after it ("mesenchymal
// stem cells (intravenous infusion)"). Without the binding, "MSCs ... and oral
// prednisone" would give the MSCs an oral route and "oral bleeding" in a
// drug's sentence would give the drug one.
func boundRoute(f *field, si, t0, t1 int) (mention, bool) {
	const reachAfter = 14
	ms := f.inSentence(si)
	best, bestGap := -1, 1<<30
	for i := range ms {
		r := &ms[i]
		if r.Kind() != "route" || r.Negated {
			continue
		}
		var lo, hi int // tokens strictly between the two
		switch {
		case r.Tok1 <= t0:
			lo, hi = r.Tok1, t0
			if !leadsInto(f, lo, hi) && !(routeAdverb(r.Text) && infusedWith(f, lo, hi)) {
				continue
			}
		case r.Tok0 >= t1:
			lo, hi = t1, r.Tok0
			bracketed := hi == lo && strings.Contains(runeSlice(f.Runes, f.Tokens[lo-1].End, r.Start), "(")
			if hi-lo > reachAfter || !(routeAdverb(r.Text) || routeIntroduced(f, r.Tok0) || bracketed) {
				continue
			}
		default:
			continue
		}
		if treatmentBetween(ms, lo, hi) || semicolonInGap(f, lo, hi) {
			continue
		}
		if hi-lo < bestGap {
			best, bestGap = i, hi-lo
		}
	}
	if best < 0 {
		return mention{}, false
	}
	return ms[best], true
}

// leadsInto: the tokens [lo, hi) between a route and the treatment after
// it are a few lead words ("the oral administration of"), or an
// administration noun and "of" then the treatment's describing words in
// the same clause ("infusions of allogeneic unrelated ... bone
// marrow-derived").
func leadsInto(f *field, lo, hi int) bool {
	const reachLead, reachDescribed = 4, 16
	k := lo
	for k < hi && routeLead[f.Tokens[k].Fold] {
		k++
	}
	if k == hi {
		return hi-lo <= reachLead
	}
	sawOf := false
	for j := lo; j < k; j++ {
		sawOf = sawOf || f.Tokens[j].Fold == "of"
	}
	if !sawOf || hi-lo > reachDescribed {
		return false
	}
	for j := k; j < hi; j++ {
		if clauseBreakBefore(f, j) && !insideBrackets(f, j) {
			return false
		}
	}
	return true
}

// routeLead are the words that may stand between a route and the treatment
// it leads into ("intravenous infusion of", "the oral administration of").
var routeLead = map[string]bool{"infusion": true, "infusions": true, "injection": true, "injections": true,
	"administration": true, "delivery": true, "transplantation": true, "of": true, "the": true,
	"single": true, "repeated": true, "allogeneic": true, "autologous": true, "human": true}

// infusedWith: "infused intravenously with 1 × 10^6 cells/kg UC-MSCs",
// "were intravenously infused with UC-MSCs": "with" right after the route
// adverb or after its verb, the treatment in the same clause.
func infusedWith(f *field, lo, hi int) bool {
	const reach = 12
	w := lo
	if w+1 < hi && strings.HasSuffix(f.Tokens[w].Fold, "ed") {
		w++
	}
	if w >= hi || f.Tokens[w].Fold != "with" || hi-lo > reach {
		return false
	}
	for j := lo + 1; j < hi; j++ {
		if clauseBreakBefore(f, j) && !insideBrackets(f, j) {
			return false
		}
	}
	return true
}

// routeAdverb: "intravenously", "orally", and the abbreviations "IV",
// "i.v.", "s.c.", which a text writes after the verb.
func routeAdverb(text string) bool {
	t := strings.ToLower(text)
	return strings.HasSuffix(t, "ly") || len(strings.ReplaceAll(t, ".", "")) <= 3
}

// routeIntroduced: "by/via/through/as (the, an) <route>" ("given as an
// intravenous infusion").
func routeIntroduced(f *field, k int) bool {
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		switch f.Tokens[j].Fold {
		case "by", "via", "through", "as":
			return true
		case "the", "an", "a":
			continue
		}
		return false
	}
	return false
}

func treatmentBetween(ms []mention, lo, hi int) bool {
	for i := range ms {
		switch ms[i].Kind() {
		case "agent", "drug", "procedure":
			if ms[i].Tok0 >= lo && ms[i].Tok1 <= hi {
				return true
			}
		}
	}
	return false
}

// semicolonInGap: a ";" between the tokens lo-1 and hi (another clause).
func semicolonInGap(f *field, lo, hi int) bool {
	if lo < 1 || hi >= len(f.Tokens) {
		return false
	}
	return strings.Contains(runeSlice(f.Runes, f.Tokens[lo-1].End, f.Tokens[hi].Start), ";")
}
