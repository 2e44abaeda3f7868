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
			Label: runeSlice(f.Runes, f.Tokens[v].Start, f.Tokens[end-1].End),
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
