package evidence

import (
	"strings"

	"github.com/msckg/msckg/ontology"
)

// eventVerbs follow a count of patients that had an event after treatment.
var eventVerbs = map[string]bool{"died": true, "developed": true, "suffered": true, "experienced": true, "showed": true, "had": true}

// eventNouns name the events of transplant follow-up that the contract
// records as mkg:OtherOutcome: deaths, GVHD, infections, relapse, PTLD.
// Symptoms ("headache and fever") are not among them: whether they are
// adverse events is the paper's call, not a word list's.
var eventNouns = map[string]bool{"gvhd": true, "agvhd": true, "cgvhd": true, "infection": true, "infections": true,
	"mortality": true, "relapse": true, "ptld": true, "died": true, "death": true, "deaths": true}

// events reads "Four patients suffered from cytomegalovirus infection",
// "11 patients died", "Three patients showed transplantation related
// mortality": a count of patients opening a clause, an event verb right
// after it and an event noun in the same clause. "N patients remain alive"
// is survival of N patients.
func (x *extraction) events(f *field, s *sentence, add func(Outcome)) {
	if s.Role == "methods" {
		// "Methods Seven patients developed c GVHD following allogeneic
		// HSCT": who was enrolled, not what happened after treatment
		return
	}
	for _, c := range countsIn(x.r, f, s) {
		if c.Part || c.Tok1 >= s.Tok1 || !(c.Tok0 == s.Tok0 || clauseBreakBefore(f, c.Tok0) || prevFold(f, s, c.Tok0) == "and") {
			continue
		}
		v := c.Tok1
		if f.Tokens[v].Fold == "remain" || f.Tokens[v].Fold == "remained" {
			if v+1 < s.Tok1 && f.Tokens[v+1].Fold == "alive" {
				add(Outcome{Type: ontology.Survival, Patients: intp(c.N), Rule: "patients-remain-alive",
					Spans: []Span{f.tokSpan(c.Tok0, v+2)}})
			}
			continue
		}
		if !eventVerbs[f.Tokens[v].Fold] {
			continue
		}
		end := clauseEnd(f, s, v+1)
		noun := -1
		for k := v; k < end; k++ {
			if eventNouns[f.Tokens[k].Fold] {
				noun = k
				break
			}
		}
		if noun < 0 {
			continue
		}
		o := Outcome{Type: ontology.OtherOutcome, Patients: intp(c.N), Rule: "patients-had-event",
			Label: balancedLabel(runeSlice(f.Runes, f.Tokens[v].Start, f.Tokens[end-1].End)),
			Spans: []Span{f.tokSpan(c.Tok0, end)}}
		if tp, ok := withinFirst(f, s, c.Tok0); ok {
			o.Timepoint = &tp
			o.Spans = append(o.Spans, tp.Span)
		}
		// "Three and four patients experienced disease relapse at 9 months
		// (12.5%) and 12 months (16.7%), respectively": the count is one of
		// a list paired with times or events the rule does not pair.
		if numeralListBefore(f, s, c.Tok0) || f.has(x.r, "respectively", s.Tok0, s.Tok1) {
			x.demote(o, "one of counts listed in parallel (\"respectively\"): which event or time it goes with is not paired")
			continue
		}
		add(o)
	}
}

// balancedLabel drops a bracket the clause's end cut open: "developed
// chronic GVHD (cGVHD" is labelled "developed chronic GVHD".
func balancedLabel(l string) string {
	if i := strings.LastIndex(l, "("); i > 0 && strings.Count(l, "(") > strings.Count(l, ")") {
		return strings.TrimSpace(l[:i])
	}
	return l
}

// withinFirst reads "Within the first 100 days after MSC treatment, 13
// patients developed ...": the time window before the count.
func withinFirst(f *field, s *sentence, before int) (Quantity, bool) {
	for _, q := range f.quantitiesIn(s.Start, f.Tokens[before].Start) {
		k := tokenBefore(f, s, q.Span.Start)
		if !isTimeUnit(q.Unit) || q.Value == "" || k < s.Tok0+1 {
			continue
		}
		if f.Tokens[k].Fold == "first" && (f.Tokens[k-1].Fold == "within" || (k >= s.Tok0+2 && f.Tokens[k-2].Fold == "within")) {
			return q, true
		}
	}
	return Quantity{}, false
}

// numeralListBefore: the count at tok0 ends a list of bare numbers sharing
// its noun ("Three and four patients", "2, 3 or 5 patients").
func numeralListBefore(f *field, s *sentence, tok0 int) bool {
	k := tok0 - 1
	if k-1 < s.Tok0 {
		return false
	}
	switch f.Tokens[k].Fold {
	case "and", "or":
		k--
	}
	if k >= tok0-1 && !strings.HasSuffix(strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k].End, f.Tokens[tok0].Start)), ",") {
		return false // no "and", "or" or comma between
	}
	_, ok := numberAt(f, k)
	return ok
}

// incidences reads "The cumulative incidence of grade II acute GVHD (aGVHD)
// at day +100 was 32.00 ± 0.91%" and "The overall incidence of rhTPO-related
// adverse events was 13.6 %": a share of the counted cohort that had an
// event, at the time the clause names. The frame must be whole: a cohort
// with a size (the share is of somebody), one event of the short list or an
// adverse-event term, one share and nothing after it that could name
// another group ("in the MSC group", "vs. 20%").
func (x *extraction) incidences(f *field, s *sentence, types map[string][]*mention, add func(Outcome)) {
	if x.size == 0 {
		return
	}
	for k := s.Tok0; k+2 < s.Tok1; k++ {
		if f.Tokens[k].Fold != "incidence" || f.Tokens[k+1].Fold != "of" {
			continue
		}
		v := -1
		for j := k + 2; j < s.Tok1; j++ {
			if w := f.Tokens[j].Fold; w == "was" || w == "were" || w == "is" {
				v = j
				break
			}
		}
		if v < 0 || v+1 >= s.Tok1 {
			return
		}
		typ, label := x.incidenceEvent(f, types, k+2, v)
		if typ == "" {
			return
		}
		qs := f.quantitiesIn(f.Tokens[v].End, s.End)
		if len(qs) == 0 || qs[0].Unit != "%" || qs[0].Value == "" ||
			strings.TrimSpace(runeSlice(f.Runes, f.Tokens[v].End, qs[0].Span.Start)) != "" {
			return
		}
		val := qs[0]
		if rest := withoutBrackets(runeSlice(f.Runes, val.Span.End, s.End)); strings.Trim(rest, " .;:") != "" {
			return // another value or a group after the share: not this frame
		}
		o := Outcome{Type: typ, Value: &val, Rule: "incidence-of-event", Label: label,
			Spans: []Span{f.tokSpan(k, v), val.Span, f.sentenceSpan(s)}}
		if tp, ok := x.timeAfter(f, s, f.Tokens[k+1].End, f.Tokens[v].Start); ok {
			o.Timepoint = &tp
			o.Spans = append(o.Spans, tp.Span)
		}
		add(o)
		return
	}
}

// incidenceEvent is the outcome an "incidence of ..." clause in tokens
// [from, to) counts: an adverse-event term of the lexicon, or an event of
// transplant follow-up (eventNouns) as mkg:OtherOutcome labelled with the
// clause's words up to any time phrase.
func (x *extraction) incidenceEvent(f *field, types map[string][]*mention, from, to int) (typ, label string) {
	for _, t := range []string{ontology.SevereAdverseEvents, ontology.AdverseEvents} {
		for _, m := range types[t] {
			if m.Tok0 >= from && m.Tok1 <= to && !m.Negated {
				return t, ""
			}
		}
	}
	end := to
	for j := from; j < to; j++ {
		if w := f.Tokens[j].Fold; w == "at" || w == "within" || w == "by" || w == "after" {
			end = j
			break
		}
	}
	for j := from; j < end; j++ {
		if eventNouns[f.Tokens[j].Fold] {
			return ontology.OtherOutcome, runeSlice(f.Runes, f.Tokens[from].Start, f.Tokens[end-1].End)
		}
	}
	return "", ""
}

// withoutBrackets drops the bracketed parts of text ("(95% CI 4%-26%)"),
// nested ones too.
func withoutBrackets(text string) string {
	var b strings.Builder
	depth := 0
	for _, r := range text {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
