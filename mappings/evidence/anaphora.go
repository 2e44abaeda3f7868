package evidence

import (
	"strconv"

	"github.com/msckg/msckg/ontology"
)

// anaphoricResponses reads a response whose patients are named by a
// pronoun: "Of these, eleven achieved a complete response", "Among them,
// 8 responded", "three of the latter achieved CR". The pronoun stands for
// the group the sentence before counts. Only when that group is the
// counted study cohort is the frame whole (responders of a known total);
// a group of another size is a subgroup the rules do not model, so the
// reading is a candidate with that reason.
func (x *extraction) anaphoricResponses(o *outcomeSentence) {
	f, s := o.f, o.s
	n, at, ok := pronounCount(f, s)
	if !ok || o.si == 0 {
		return
	}
	var m *mention
	for _, t := range []string{ontology.CompleteResponse, ontology.OverallResponse, ontology.NoResponse} {
		for _, c := range o.types[t] {
			if !c.Negated && c.Tok0 > at && c.Tok0-at <= 4 && (m == nil || c.Tok0 < m.Tok0) {
				m = c
			}
		}
	}
	if m == nil {
		return
	}
	out := Outcome{Type: m.IRI(), Patients: intp(n), Rule: "response-of-pronoun",
		Spans: []Span{f.tokSpan(s.Tok0, at+1), f.span(m.Start, m.End)}}
	if tp, ok := x.timeAfter(f, s, m.End, s.End); ok {
		out.Timepoint = &tp
		out.Spans = append(out.Spans, tp.Span)
	}
	prev := &f.Sentences[o.si-1]
	counts := countsIn(x.r, f, prev)
	whole := -1
	for _, c := range counts {
		if !c.Part {
			whole = c.N
			break
		}
	}
	switch {
	case whole < 0:
		x.demote(out, "a count whose subject is a pronoun, and the sentence before counts no group it could stand for")
	case whole != x.size || x.size == 0:
		x.demote(out, "a count whose subject is a pronoun standing for a group of "+strconv.Itoa(whole)+" counted in the sentence before, not the study cohort")
	default:
		out.Total = intp(whole)
		out.Spans = append(out.Spans, f.sentenceSpan(prev))
		o.add(out)
	}
}

// pronounCount finds the count of a clause opened by a pronoun for a
// group: "Of these[ patients], eleven", "Among them, 8", "three of the
// latter". It returns the count and the index of its last token.
func pronounCount(f *field, s *sentence) (n, at int, ok bool) {
	k := s.Tok0
	if k+2 < s.Tok1 && (f.Tokens[k].Fold == "of" || f.Tokens[k].Fold == "among") && pronounWord[f.Tokens[k+1].Fold] {
		k += 2
		if k < s.Tok1 && f.Tokens[k].Fold == "patients" {
			k++
		}
		if k < s.Tok1 {
			if v, next, ok := numberSpan(f, k); ok {
				return v, next - 1, true
			}
		}
		return 0, 0, false
	}
	// "three of the latter", "two of them" opening the sentence or a clause
	for k = s.Tok0; k+3 < s.Tok1; k++ {
		if k != s.Tok0 && !clauseBreakBefore(f, k) && prevFold(f, s, k) != "and" {
			continue
		}
		v, next, ok := numberSpan(f, k)
		if !ok || next+1 >= s.Tok1 || f.Tokens[next].Fold != "of" {
			continue
		}
		j := next + 1
		if f.Tokens[j].Fold == "the" && j+1 < s.Tok1 && f.Tokens[j+1].Fold == "latter" {
			return v, j + 1, true
		}
		if pronounWord[f.Tokens[j].Fold] {
			return v, j, true
		}
	}
	return 0, 0, false
}

var pronounWord = map[string]bool{"these": true, "them": true, "those": true, "whom": true}
