package evidence

import "strings"

// sentenceContext says how far a sentence can be trusted as a report of
// what happened to these patients.
type sentenceContext struct {
	Hedged     bool // "may", "are needed", "should": hypothetical or a recommendation
	Background bool // a background section or background phrasing ("such as", "standard treatments")
	Aim        bool // an aim statement ("To explore ... in patients with ...")
}

// factual reports whether facts about these patients may be read from it.
func (c sentenceContext) factual() bool { return !c.Hedged && !c.Background }

const maxNegationScope = 8 // tokens, as in NegEx

// classify computes the context of each sentence and marks negated mentions.
func classify(r *rules, f *field, ms []mention) []sentenceContext {
	out := make([]sentenceContext, len(f.Sentences))
	for si, s := range f.Sentences {
		c := &out[si]
		c.Hedged = f.has(r, "hedge", s.Tok0, s.Tok1)
		c.Background = s.Role == "background" || f.has(r, "background", s.Tok0, s.Tok1)
		c.Aim = f.has(r, "aim", s.Tok0, s.Tok1)
	}
	for si, s := range f.Sentences {
		negated := negatedTokens(r, f, s)
		for i := range ms {
			if ms[i].Sent == si && (negated[ms[i].Tok0] || nonPrefixed(f, s, &ms[i])) {
				ms[i].Negated = true
			}
		}
	}
	return out
}

// nonPrefixed: "non-hematologic malignancies", "non-MSC group": a "non"
// joined to the term says the opposite of it. Terms that begin with "non"
// themselves ("non-Hodgkin lymphoma", "non-responder") are matched whole,
// so their mention starts at "non" and is not affected.
func nonPrefixed(f *field, s sentence, m *mention) bool {
	return m.Tok0 > s.Tok0 && f.Tokens[m.Tok0-1].Fold == "non" && f.Tokens[m.Tok0].SoftBefore
}

// pseudoTokens are the tokens of a sentence's pseudo-negations.
type pseudoTokens map[int]bool

// pseudoNegation finds the phrases that look like negation and are not
// ("not only", "no significant difference in").
func pseudoNegation(r *rules, f *field, s sentence) pseudoTokens {
	out := pseudoTokens{}
	for _, h := range f.find(r, "pseudo-negation", s.Tok0, s.Tok1) {
		for k := h.Tok0; k < h.Tok1; k++ {
			out[k] = true
		}
	}
	return out
}

// covers: a negation trigger shares a word with a pseudo-negation ("there
// were no" in "There were no significant differences in ...").
func (p pseudoTokens) covers(h hit[string]) bool {
	for k := h.Tok0; k < h.Tok1; k++ {
		if p[k] {
			return true
		}
	}
	return false
}

// negatedTokens returns the tokens of s inside a negation scope.
func negatedTokens(r *rules, f *field, s sentence) map[int]bool {
	out := map[int]bool{}
	pseudo := pseudoNegation(r, f, s)
	ends := map[int]bool{}
	for _, h := range f.find(r, "negation-end", s.Tok0, s.Tok1) {
		ends[h.Tok0] = true
	}
	for _, h := range f.find(r, "negation-pre", s.Tok0, s.Tok1) {
		if pseudo.covers(h) {
			continue
		}
		for k := h.Tok1; k < s.Tok1 && k < h.Tok1+maxNegationScope; k++ {
			if ends[k] || (k > h.Tok1 && clauseBreakBefore(f, k)) {
				break
			}
			out[k] = true
		}
	}
	for _, h := range f.find(r, "negation-post", s.Tok0, s.Tok1) {
		for k := h.Tok0 - 1; k >= s.Tok0 && k >= h.Tok0-maxNegationScope; k-- {
			if ends[k] {
				break
			}
			out[k] = true
			if clauseBreakBefore(f, k) {
				break
			}
		}
	}
	return out
}

// clauseBreakBefore reports punctuation that ends a clause between token
// k-1 and token k.
func clauseBreakBefore(f *field, k int) bool {
	if k == 0 {
		return true
	}
	gap := runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start)
	return strings.ContainsAny(gap, ",;:()[]")
}
