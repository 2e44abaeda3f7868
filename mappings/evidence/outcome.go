package evidence

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/msckg/msckg/ontology"
)

// outcomes reads results from factual abstract sentences. Each rule
// emits a fact only when the sentence gives what the fact needs (a count,
// a value or a negation); an outcome word alone says nothing quotable.
func (x *extraction) outcomes(nInterventions int) []Outcome {
	f := x.abs
	iv := -1
	if nInterventions == 1 {
		iv = 0
	}
	var out []Outcome
	x.outcomeArm = map[int]string{}
	zero := map[string]bool{}
	for si := range f.Sentences {
		if !f.Ctx[si].factual() {
			continue
		}
		s := &f.Sentences[si]
		types := map[string][]*mention{}
		ms := f.inSentence(si)
		for i := range ms {
			if m := &ms[i]; m.Kind() == "outcome" {
				types[m.IRI()] = append(types[m.IRI()], m)
			}
		}
		first := len(out)
		x.sentCandidates = len(x.candidates)
		var add func(Outcome)
		addTo := func(o Outcome, arm string) {
			if o.Label == "" {
				o.Label = x.r.concept(o.Type).Label
			}
			// Precision by construction: a number whose readings disagree,
			// or whose group the sentence leaves open, is a candidate.
			if reason := x.vetOutcome(f, s, o, arm); reason != "" {
				x.demote(o, reason)
				return
			}
			key := o.Type + " " + o.Label
			if o.Patients != nil && *o.Patients == 0 && o.Value == nil && zero[key] {
				return // "no adverse events" said twice is one fact
			}
			if o.Patients != nil && *o.Patients == 0 && o.Value == nil {
				zero[key] = true
			}
			o.Intervention = iv
			if o.BeforeTreatment {
				o.Intervention = -1
			}
			if arm != "" {
				x.outcomeArm[len(out)] = arm
			}
			out = append(out, o)
		}
		add = func(o Outcome) { addTo(o, "") }
		addArm := func(o Outcome, key string) { addTo(o, key) }
		o := &outcomeSentence{f: f, si: si, s: s, types: types, add: add, addArm: addArm,
			read: func() []Outcome { return out[first:] }}
		for _, rule := range outcomeRules {
			rule.run(x, o)
		}
		x.unreadNumbers(f, s, types, out[first:])
	}
	return out
}

// outcomeSentence is what every rule of the outcome frame sees of one
// factual sentence, and what earlier rules tell later ones.
type outcomeSentence struct {
	f      *field
	si     int
	s      *sentence
	types  map[string][]*mention // outcome mentions of the sentence by concept IRI
	add    func(Outcome)
	addArm func(Outcome, string) // an outcome of the arm with this key
	// set by arm-outcomes: tokens of counts read with their arm
	consumed map[int]bool
	// set by compared-arms: the sentence compares arms side by side
	compared bool
	// read returns the outcomes asserted from this sentence so far
	read func() []Outcome
}

// outcomeRule is a rule of the outcome frame, run on each factual
// sentence; earlier rules tell later ones what they read through the
// outcomeSentence.
type outcomeRule = frameRule[func(x *extraction, o *outcomeSentence)]

// outcomeRules run in this order on each factual sentence.
var outcomeRules = []outcomeRule{
	{"arm-outcomes", nil, []string{"cohort-noun"}, func(x *extraction, o *outcomeSentence) {
		o.consumed = x.armOutcomes(o.f, o.s, o.types, o.addArm)
	}},
	{"compared-arms", nil, nil, func(x *extraction, o *outcomeSentence) {
		o.compared = x.comparedArms(o.f, o.s, o.types, o.addArm)
	}},
	{"adverse-events-negated", nil, nil, func(x *extraction, o *outcomeSentence) { x.adverse(o.f, o.s, o.types, o.add) }},
	{"responses", []string{"arm-outcomes"}, []string{"cohort-noun"}, func(x *extraction, o *outcomeSentence) {
		x.responses(o.f, o.s, o.types, o.consumed, o.add)
	}},
	{"response-of-pronoun", []string{"responses"}, nil, func(x *extraction, o *outcomeSentence) {
		if len(o.read()) == 0 {
			x.anaphoricResponses(o)
		}
	}},
	{"time-to-response", nil, []string{"respectively"}, func(x *extraction, o *outcomeSentence) { x.timeToResponse(o.f, o.s, o.types, o.add) }},
	{"follow-up-and-survival", []string{"compared-arms"}, []string{"respectively"}, func(x *extraction, o *outcomeSentence) {
		if !o.compared {
			x.followUpAndSurvival(o.f, o.s, o.types, o.add)
		}
	}},
	{"platelet-counts", nil, []string{"named-time", "pre-treatment-time"}, func(x *extraction, o *outcomeSentence) { x.plateletCounts(o.f, o.s, o.types, o.add) }},
	{"events", nil, nil, func(x *extraction, o *outcomeSentence) { x.events(o.f, o.s, o.add) }},
	{"incidences", []string{"compared-arms"}, nil, func(x *extraction, o *outcomeSentence) {
		if !o.compared {
			x.incidences(o.f, o.s, o.types, o.add)
		}
	}},
	{"negated-events", nil, []string{"negated-event", "negation-pre"}, func(x *extraction, o *outcomeSentence) { x.negatedEvents(o.f, o.si, o.add) }},
	{"finding-changes", nil, []string{"finding", "finding-change"}, func(x *extraction, o *outcomeSentence) { x.findingChanges(o.f, o.si, o.add) }},
	{"share-with-fraction", []string{"arm-outcomes", "compared-arms", "responses"}, nil, func(x *extraction, o *outcomeSentence) { x.shareWithFraction(o) }},
	{"cohort-share", []string{"arm-outcomes", "compared-arms", "share-with-fraction"}, []string{"respectively"}, func(x *extraction, o *outcomeSentence) {
		if !o.compared && len(o.consumed) == 0 {
			x.cohortShare(o)
		}
	}},
	{"respectively-at-times", []string{"arm-outcomes", "compared-arms"}, []string{"respectively"}, func(x *extraction, o *outcomeSentence) {
		if !o.compared && len(o.consumed) == 0 {
			x.respectivelyAtTimes(o)
		}
	}},
}

func intp(n int) *int { return &n }

// narrowingBefore words make "no … adverse events" a narrower statement:
// "no other", "no unexpected", "no serious adverse effects" (a serious
// event the lexicon does not name as such) say nothing of the rest.
var narrowingBefore = map[string]bool{"other": true, "unexpected": true, "new": true, "additional": true,
	"serious": true, "severe": true, "major": true, "significant": true, "further": true}

// narrowedSinceNo: a narrowing word stands between the "no" and the
// events ("no other adverse events", "No short-term toxic side effects",
// "no acute infusion reactions"): none of those says nothing of the
// infections and late events the same abstract may report.
func narrowedSinceNo(f *field, s *sentence, tok0 int) bool {
	for k := tok0 - 1; k >= s.Tok0 && k >= tok0-5; k-- {
		w := f.Tokens[k].Fold
		if w == "no" || w == "without" || w == "not" {
			return false
		}
		if narrowingBefore[w] {
			return true
		}
		if earlyQualifier[w] || lateQualifier[w] {
			return !bothEnds(f, k, tok0)
		}
	}
	return false
}

// earlyQualifier and lateQualifier limit events to a moment ("short-term",
// "acute"; "long-term", "late"). Together ("without acute or late adverse
// effects") they cover the whole time. "Infusion-related" is not one: the
// lexicon reads "infusion-related adverse events" as the trial's safety
// outcome, as the annotations do.
var earlyQualifier = map[string]bool{"short": true, "acute": true, "immediate": true, "early": true,
	"perioperative": true}
var lateQualifier = map[string]bool{"long": true, "late": true, "delayed": true}

// bothEnds: the words from..to name an early and a late time.
func bothEnds(f *field, from, to int) bool {
	early, late := false, false
	for k := max(0, from-4); k < to; k++ {
		early = early || earlyQualifier[f.Tokens[k].Fold]
		late = late || lateQualifier[f.Tokens[k].Fold]
	}
	return early && late
}

// gradedBefore: a grade qualifies the events ("no grade 3 adverse
// events"): none of that grade says nothing of the others.
func gradedBefore(f *field, s *sentence, tok0 int) bool {
	for k := tok0 - 1; k >= s.Tok0 && k >= tok0-6; k-- { // "no grade 3 or 4 severity adverse events"
		if f.Tokens[k].Fold == "grade" || f.Tokens[k].Fold == "grades" {
			return true
		}
	}
	return false
}

// consequenceVerbs after a negated event make it a narrower statement:
// "No AEs resulted in discontinuation" says nothing of AEs that did not.
var consequenceVerbs = map[string]bool{"resulted": true, "led": true, "leading": true, "required": true,
	"requiring": true, "necessitated": true, "necessitating": true, "caused": true, "causing": true,
	"prompted": true, "warranted": true,
	// "No serious adverse events thought to be related to bmMSC therapy
	// were found" while two malignancies were: only the related ones
	"related": true, "attributable": true, "attributed": true, "thought": true, "considered": true}

// consequenceAfter: a consequence verb within the next four words of k,
// in the same clause.
func consequenceAfter(f *field, s *sentence, k int) bool {
	for j := k; j < s.Tok1 && j < k+4 && !clauseBreakBefore(f, j); j++ {
		if consequenceVerbs[f.Tokens[j].Fold] {
			return true
		}
	}
	return false
}

// stoppedBecauseOf: "No patients discontinued the drug because of
// adverse events": nobody stopped for them, which says nothing of how many
// had them.
func stoppedBecauseOf(f *field, s *sentence, k int) bool {
	for j := s.Tok0; j < k; j++ {
		switch f.Tokens[j].Fold {
		case "discontinued", "discontinuation", "withdrew", "withdrawal", "withdrawn", "stopped", "interrupted":
			return true
		}
	}
	return false
}

// adverse: "No infusion-related adverse events were observed" and "There
// were no severe adverse events" are facts about all patients: none had one.
// "No other adverse events" says some had one, so it is not read.
func (x *extraction) adverse(f *field, s *sentence, types map[string][]*mention, add func(Outcome)) {
	if eventsCounted(f, s, types) {
		// "There were no infusion-related reactions or study-related
		// adverse events, 28 non-serious adverse events in 3 unique
		// patients, and 2 serious adverse events in 2": the sentence counts
		// the events it also denies, so its "no" is of some of them
		return
	}
	for _, t := range []string{ontology.SevereAdverseEvents, ontology.AdverseEvents} {
		for _, m := range types[t] {
			if !m.Negated || narrowedSinceNo(f, s, m.Tok0) || consequenceAfter(f, s, m.Tok1) ||
				gradedBefore(f, s, m.Tok0) || inDefinition(f, s, m.Tok0) || stoppedBecauseOf(f, s, m.Tok0) {
				continue
			}
			add(Outcome{Type: t, Patients: intp(0), Rule: "adverse-events-negated",
				Spans: []Span{f.span(m.Start, m.End), f.sentenceSpan(s)}})
			break
		}
	}
}

// eventsCounted: a number stands right before an adverse-event mention of
// the sentence ("28 non-serious adverse events", "2 serious adverse
// events"): some patients had events.
func eventsCounted(f *field, s *sentence, types map[string][]*mention) bool {
	for _, t := range []string{ontology.SevereAdverseEvents, ontology.AdverseEvents} {
		for _, m := range types[t] {
			for k := m.Tok0 - 1; k >= s.Tok0 && k >= m.Tok0-2; k-- {
				if _, ok := numberAt(f, k); ok && !gradedBefore(f, s, m.Tok0) {
					return true
				}
			}
		}
	}
	return false
}

// responses: "Complete remission (CR) was achieved in three patients in 12
// months and one patient in 24 months": one outcome per count, each with
// the time that follows it; "Overall responses were reached in all patients".
func (x *extraction) responses(f *field, s *sentence, types map[string][]*mention, armRead map[int]bool, add func(Outcome)) {
	var all []*mention // every response named in the sentence, in text order
	for _, t := range []string{ontology.CompleteResponse, ontology.OverallResponse, ontology.NoResponse} {
		for _, m := range types[t] {
			if !m.Negated {
				all = append(all, m)
			}
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	for _, t := range []string{ontology.CompleteResponse, ontology.OverallResponse, ontology.NoResponse} {
		ms := types[t]
		if len(ms) == 0 || ms[0].Negated {
			continue
		}
		counts := countsIn(x.r, f, s)
		// "Overall responses were reached in all patients", "All patients
		// achieved CR": all of the cohort. "In all patients, the ORR ..."
		// only says which patients a later number is of (precededBySubject).
		for k := s.Tok0; k+1 < s.Tok1; k++ {
			if f.Tokens[k].Fold == "all" && x.isPatientsNoun(f, k+1) && x.size > 0 {
				counts = append(counts, count{N: x.size, Tok0: k, Tok1: k + 2})
			}
		}
		for ci, c := range counts {
			if armRead[c.Tok0] {
				continue // read with its arm
			}
			if sexNoun[f.Tokens[c.Tok1-1].Fold] {
				continue // "114 adult patients (68 women, 46 men)": the cohort's sexes
			}
			if semicolonBetween(f, ms[0], c) {
				// "Thirty-six responders (67%) had sustained remission …;
				// thrombocytopenia recurred in 12 patients (33%)"
				continue
			}
			if ownResponseWord(f, s, all, c) {
				// "12 patients (19.67%) achieved complete response (CR), and
				// 16 patients (26.23%) exhibited response (R)": the 16 have a
				// response of their own that no lexicon entry names
				continue
			}
			if o := ownerOf(f, all, c); o != nil && o.IRI() != t {
				// "Overall response was 75% (9 patients) and complete
				// response 42% (5 patients)": each count is the response's
				// named nearest before it.
				continue
			}
			if f.Tokens[c.Tok0].Start < ms[0].Start && !precededBySubject(f, s, c, ms[0]) {
				continue
			}
			if denominator(f, s, c.Tok0) {
				continue // "7 of 12 patients", "Nine of the 66 patients": the denominator
			}
			if includedBefore(f, s, c.Tok0) {
				// "The total response rate was 72.7% (16/22), including one
				// patient with essential cure, 9 with remission": an item
				// of the breakdown, not the responders
				continue
			}
			end := s.End
			for _, next := range counts[ci+1:] {
				if next.Tok0 >= c.Tok1 { // not the 12 inside "7 of 12 patients"
					end = f.Tokens[next.Tok0].Start
					break
				}
			}
			// a time after "and", a comma or a semicolon belongs to what follows
			for k := c.Tok1; k < s.Tok1 && f.Tokens[k].Start < end; k++ {
				if f.Tokens[k].Fold == "and" || strings.ContainsAny(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start), ",;") {
					end = f.Tokens[k].Start
					break
				}
			}
			o := Outcome{Type: t, Patients: intp(c.N), Rule: "response-count",
				Spans: []Span{f.span(ms[0].Start, ms[0].End), f.tokSpan(c.Tok0, c.Tok1)}}
			if why := x.countOfAPart(f, c); why != "" {
				// "Three female patients achieved partial remission, whereas
				// only two of the 12 male patients did so" (16 patients)
				x.demote(o, why)
				continue
			}
			if c.Share != "" && x.size > 0 && !sameShare(c.N, x.size, c.Share) {
				// "Overall responses were seen in 10 (45%) patients on
				// fostamatinib and in none of the patients on placebo" (34
				// patients): 45% is 10 of another group, an arm's.
				x.demote(o, "the count's share is not its share of the cohort: it is of another group (an arm or a subgroup)")
				continue
			}
			timeFrom := f.Tokens[c.Tok1-1].End
			if c.Part {
				// "in 7 of 12 patients (58.3%)": the group's total, and the
				// share the text gives for it, which vetOutcome checks
				// against 7/12 (a disagreement makes a candidate).
				o.Total = intp(c.Whole)
				if pct, ok := shareRightAfter(f, s, timeFrom); ok {
					o.Value = &pct
					o.Spans = append(o.Spans, pct.Span)
					timeFrom = pct.Span.End
				}
			} else if pct, ok := shareRightBefore(f, s, c); ok && x.size > 0 && len(x.arms) == 0 && x.parts == 0 && sameShare(c.N, x.size, pct.Value) {
				// "Overall response was 75% (9 patients)": the share and its
				// count, one fact when the share is the count's share of the
				// one cohort (9 of 12 is 75%).
				o.Value = &pct
				o.Spans = append(o.Spans, pct.Span)
			}
			tp, ok := x.timeAfter(f, s, timeFrom, end)
			if !ok && responderCounts(f, s, counts) == 1 && ms[0].End <= f.Tokens[c.Tok0].Start {
				// "Overall response at 12 weeks was achieved by 21 ...": the one
				// count of the sentence, its time between the outcome and it.
				tp, ok = x.timeAfter(f, s, ms[0].End, f.Tokens[c.Tok0].Start)
			}
			if ok {
				o.Timepoint = &tp
				o.Spans = append(o.Spans, tp.Span)
			}
			if owner := ownerOf(f, all, c); t == ontology.OverallResponse && owner != nil && partialResponse(f, owner) &&
				len(types[ontology.CompleteResponse]) > 0 && !types[ontology.CompleteResponse][0].Negated {
				// "CR in 18 patients, PR in 7": the overall response is
				// 18 + 7, which the text does not write; 7 is the partial
				// responses alone (OtherOutcome by the gold conventions).
				x.demote(o, "a partial response counted beside complete responses: the overall response is their sum, not this count")
				continue
			}
			add(o)
		}
	}
}

// countOfAPart is why a responder count is of a part of the cohort, not
// of the cohort: its noun names one sex ("Three female patients"), or it
// is a share of a group smaller than the cohort that no arm is ("two of
// the 12 male patients" among 16); "" when neither.
func (x *extraction) countOfAPart(f *field, c count) string {
	for k := c.Tok0; k < c.Tok1; k++ {
		if sexNoun[f.Tokens[k].Fold] {
			return "the responders of one sex, a part of the cohort, not its result"
		}
	}
	if !c.Part || x.size == 0 || c.Whole >= x.size {
		return ""
	}
	for _, a := range x.arms {
		if a.size == c.Whole {
			return ""
		}
	}
	return "a share of a group smaller than the cohort that no arm is (a subgroup), not the cohort's result"
}

// sexNoun ends a count of one sex.
var sexNoun = map[string]bool{"women": true, "men": true, "females": true, "males": true, "boys": true,
	"girls": true, "female": true, "male": true}

// semicolonBetween: a semicolon stands between the response mention and
// the count after it: another clause, another result.
func semicolonBetween(f *field, m *mention, c count) bool {
	if f.Tokens[c.Tok0].Start < m.End {
		return false
	}
	return strings.Contains(runeSlice(f.Runes, m.End, f.Tokens[c.Tok0].Start), ";")
}

// partialResponse: the response mention is a partial response ("partial
// response", "partial remission", "PR"), which the lexicon files under
// the overall response.
func partialResponse(f *field, m *mention) bool {
	w := strings.ToLower(runeSlice(f.Runes, m.Start, m.End))
	return strings.Contains(w, "partial") || w == "pr" || w == "prs"
}

// leadingShare is a share in brackets: " (22.8 %)", " (13/18, 72.2%)".
var leadingShare = regexp.MustCompile(`^\s*\([^()]*%\s*\)`)

// ownerOf is the response count c belongs to: the one it is the subject
// of ("3 patients achieved partial response"), else the last one named
// before it, else the first after it; nil when the sentence names none.
// ownResponseWord: a response word the lexicon does not name ("response",
// "remission" alone) follows the count within its clause, as its verb's
// object: the count is of that response.
func ownResponseWord(f *field, s *sentence, all []*mention, c count) bool {
	first := c.Tok1
	if first < s.Tok1 {
		// past the count's share in brackets: "16 patients (26.23% ) exhibited"
		const shareReach = 48 // code points: "(26.23% )" with room; never the whole sentence
		from := f.Tokens[c.Tok1-1].End
		ahead := runeSlice(f.Runes, from, min(from+shareReach, s.End))
		if loc := leadingShare.FindStringIndex(ahead); loc != nil {
			end := from + utf8.RuneCountInString(ahead[:loc[1]])
			for first < s.Tok1 && f.Tokens[first].Start < end {
				first++
			}
		}
	}
	for k := first; k < s.Tok1 && k <= first+4; k++ {
		if k > first && clauseBreakBefore(f, k) && !insideBrackets(f, k) {
			return false
		}
		switch f.Tokens[k].Fold {
		case "response", "responses", "remission":
		default:
			continue
		}
		for _, m := range all {
			if m.Tok0 <= k && k < m.Tok1 {
				return false
			}
		}
		return true
	}
	return false
}

func ownerOf(f *field, all []*mention, c count) *mention {
	p := f.Tokens[c.Tok0].Start
	for _, m := range all {
		if m.Tok0 < c.Tok1 || m.Tok0-c.Tok1 > 16 { // three words, and a bracket's few
			continue
		}
		// "21 patients (22.8 %) a partial response": the count's share in
		// brackets stands between it and the response it is the subject of.
		from, first := f.Tokens[c.Tok1-1].End, c.Tok1
		gap := runeSlice(f.Runes, from, m.Start)
		if loc := leadingShare.FindStringIndex(gap); loc != nil {
			from += utf8.RuneCountInString(gap[:loc[1]])
			for first < m.Tok0 && f.Tokens[first].Start < from {
				first++
			}
			gap = gap[loc[1]:]
		}
		if m.Tok0-first > 3 || strings.ContainsAny(gap, ",;:)") {
			continue
		}
		joined := false // "9 patients and complete response ...": a list, not a subject
		for k := first; k < m.Tok0; k++ {
			joined = joined || f.Tokens[k].Fold == "and" || f.Tokens[k].Fold == "or"
		}
		if !joined {
			return m
		}
	}
	var owner *mention
	for _, m := range all {
		if m.End <= p {
			owner = m
		}
	}
	if owner == nil {
		for _, m := range all {
			if m.Start >= p {
				return m
			}
		}
	}
	return owner
}

// shareRightBefore is the percentage right before the bracket holding
// count c: the 75% of "75% (9 patients)".
func shareRightBefore(f *field, s *sentence, c count) (Quantity, bool) {
	open := f.Tokens[c.Tok0].Start
	qs := f.quantitiesIn(max(s.Start, open-16), open)
	if len(qs) == 0 {
		return Quantity{}, false
	}
	q := qs[len(qs)-1]
	if q.Unit != "%" || q.Value == "" || strings.TrimSpace(runeSlice(f.Runes, q.Span.End, open)) != "(" {
		return Quantity{}, false
	}
	return q, true
}

// shareRightAfter is a percentage in brackets right after p: the "(58.3%)"
// of "7 of 12 patients (58.3%)". Only an opening bracket and spaces may
// stand between; the bracket must close right after the share.
func shareRightAfter(f *field, s *sentence, p int) (Quantity, bool) {
	for _, q := range f.quantitiesIn(p, s.End) {
		if q.Unit != "%" || q.Value == "" || strings.TrimSpace(runeSlice(f.Runes, p, q.Span.Start)) != "(" {
			return Quantity{}, false
		}
		if q.Span.End >= len(f.Runes) || f.Runes[q.Span.End] != ')' {
			return Quantity{}, false
		}
		return q, true
	}
	return Quantity{}, false
}

// responderCounts is how many counts of the sentence are not a
// denominator ("of 31 patients").
func responderCounts(f *field, s *sentence, counts []count) int {
	n := 0
	for _, c := range counts {
		if p := prevFold(f, s, c.Tok0); p != "of" && p != "among" {
			n++
		}
	}
	return n
}

// precededBySubject allows "Three patients achieved CR": the count is
// the subject right before the outcome words, with no comma between.
func precededBySubject(f *field, s *sentence, c count, m *mention) bool {
	// A comma between ends the subject: "In all patients, the ORR ..." is a
	// scope. One inside brackets does not: "Ten patients (83%, 10/12)
	// achieved CR".
	return m.Tok0-c.Tok1 <= 3 && m.Tok0 >= c.Tok1 &&
		!strings.ContainsAny(outsideBrackets(runeSlice(f.Runes, f.Tokens[c.Tok1-1].End, m.Start)), ",;:")
}

// outsideBrackets is s without what round or square brackets enclose.
func outsideBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (x *extraction) isPatientsNoun(f *field, k int) bool {
	l, _ := x.r.pattern("cohort-noun").matchAt(f.Tokens, k, k+1)
	return l > 0
}

// timeAfter finds "in 12 months" / "at 6 months" / "after 4 weeks" in
// [from, to): a time quantity right after a preposition.
func (x *extraction) timeAfter(f *field, s *sentence, from, to int) (Quantity, bool) {
	for _, q := range f.quantitiesIn(from, to) {
		// a time or a closed range of times ("at 3 to 4 months")
		if !isTimeUnit(q.Unit) || q.Value == "" && (q.Min == "" || q.Max == "") {
			continue
		}
		k := tokenBefore(f, s, q.Span.Start)
		if k < 0 {
			continue
		}
		switch f.Tokens[k].Fold {
		case "in", "at", "after", "within", "by":
			return q, true
		}
	}
	return namedUnitTime(f, s, from, to)
}

var timeWordUnit = map[string]string{"year": "a", "month": "mo", "week": "wk", "day": "d"}

// namedUnitTime reads "at year 1" / "at month 6" in [from, to).
func namedUnitTime(f *field, s *sentence, from, to int) (Quantity, bool) {
	for k := s.Tok0; k+2 < s.Tok1; k++ {
		if f.Tokens[k].Start < from || f.Tokens[k+2].End > to || f.Tokens[k].Fold != "at" {
			continue
		}
		unit, ok := timeWordUnit[f.Tokens[k+1].Fold]
		// "at day +100": days counted from the transplant, written with a plus
		plus := strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k+1].End, f.Tokens[k+2].Start)) == "+"
		if !ok || !isDigits(f.Tokens[k+2].Text) || (!f.Tokens[k+2].SoftBefore && !plus) {
			continue
		}
		sp := f.tokSpan(k+1, k+3)
		n, err := strconv.Atoi(f.Tokens[k+2].Text)
		if err != nil {
			continue
		}
		return Quantity{Value: strconv.Itoa(n), Unit: unit, UnitText: sp.Text, Span: sp}, true
	}
	return Quantity{}, false
}

// tokenBefore is the index of the last token ending at or before p in s.
func tokenBefore(f *field, s *sentence, p int) int {
	// Tokens are in text order: a binary search keeps a long sentence linear.
	k := s.Tok0 + sort.Search(s.Tok1-s.Tok0, func(i int) bool { return f.Tokens[s.Tok0+i].End > p }) - 1
	if k < s.Tok0 {
		return -1
	}
	return k
}

// timeToResponse: "The median time between hUC-MSC transplantation and
// response was 12.5 days (range, 7–16)".
func (x *extraction) timeToResponse(f *field, s *sentence, types map[string][]*mention, add func(Outcome)) {
	cue := len(types[ontology.TimeToResponse]) > 0
	time, resp := -1, false
	for k := s.Tok0; k < s.Tok1; k++ {
		switch f.Tokens[k].Fold {
		case "time":
			numbered := k > s.Tok0 && f.Tokens[k].SoftBefore && isDigits(f.Tokens[k-1].Text) // "38-time"
			if time < 0 && !numbered && k+1 < s.Tok1 {
				switch f.Tokens[k+1].Fold {
				case "to", "between", "until", "of", "from":
					time = k
				}
			}
		case "response", "responses", "respond", "remission", "engraftment":
			resp = resp || time >= 0
		}
	}
	if !cue && !resp {
		return
	}
	qs := f.quantitiesIn(s.Start, s.End)
	for i := range qs {
		if !isTimeUnit(qs[i].Unit) {
			continue
		}
		q, _ := withRange(f, s, qs, i)
		o := Outcome{Type: ontology.TimeToResponse, Value: &q, Rule: "time-to-response",
			Spans: []Span{f.sentenceSpan(s), q.Span}}
		if f.has(x.r, "respectively", s.Tok0, s.Tok1) {
			// "The median time to erythroid, platelet and neutrophil response
			// were 15, 8.3 and 19.7 weeks, respectively": the unit is
			// written once, after the last, which is one response's time
			x.demote(o, "one of times listed in order (\"respectively\"): each is the time of the response named in its place, not the time to response")
			return
		}
		add(o)
		return
	}
}

// followUpAndSurvival: "During follow-up (median, 17 months; range,
// 13–24)" is a follow-up time; "Case 1 has been followed up for 10 years
// and remains in disease-free survival" is survival of one patient at 10
// years; a survival percentage is the survival value.
func (x *extraction) followUpAndSurvival(f *field, s *sentence, types map[string][]*mention, add func(Outcome)) {
	fu, sv := types[ontology.FollowUp], types[ontology.Survival]
	qs := f.quantitiesIn(s.Start, s.End)
	var timeQ *Quantity
	if len(fu) > 0 {
		// "the long-term efficacy (5-year follow-up) and 1-year safety":
		// the time written on the follow-up is its own, not one after it
		if q, ok := timeJustBefore(f, s, qs, fu[0]); ok && !boundWordBefore(f, s, q) {
			timeQ = &q
		}
	}
	for i := range qs {
		if timeQ != nil {
			break
		}
		if isTimeUnit(qs[i].Unit) && (len(fu) == 0 || qs[i].Span.Start >= fu[0].End) {
			q, _ := withRange(f, s, qs, i)
			timeQ = &q
			break
		}
	}
	var pct *Quantity
	parallel := f.has(x.r, "respectively", s.Tok0, s.Tok1)
	for i := range qs {
		if parallel {
			break // "at 3 and 6 months ... 87.5% and 83.3%, respectively": pairs not read
		}
		if qs[i].Unit == "%" && len(sv) > 0 && qs[i].Span.Start > sv[0].Start {
			q := qs[i]
			pct = &q
			break
		}
	}
	if len(sv) > 0 && !sv[0].Negated {
		o := Outcome{Type: ontology.Survival, Rule: "survival", Spans: []Span{f.span(sv[0].Start, sv[0].End)}}
		if caseNumber(f, s) {
			o.Patients = intp(1)
			o.Spans = append(o.Spans, f.tokSpan(s.Tok0, s.Tok0+2))
		}
		switch {
		case pct != nil:
			o.Value = pct
			o.Spans = append(o.Spans, pct.Span)
			// "92.5% (37 of 40 patients)": the share's patients, asserted
			// only when both readings agree (vetOutcome).
			if n, d, sp, ok := fractionBeside(f, qs, *pct); ok {
				o.Patients, o.Total = intp(n), intp(d)
				o.Spans = append(o.Spans, sp)
			}
			tp, ok := timeJustBefore(f, s, qs, sv[0])
			if !ok {
				// "OS at 12 months was 41.5%", "Overall survival estimate
				// at 6 months was 51.0%"
				tp, ok = timeBetween(f, s, qs, sv[0].End, pct.Span.Start)
			}
			if !ok {
				// "Overall survival was 100% at 48 months"
				tp, ok = timeRightAfter(f, s, *pct, nextValueStart(qs, s.End))
			}
			if ok {
				o.Timepoint = &tp
				o.Spans = append(o.Spans, tp.Span)
			}
		case timeQ != nil && len(fu) > 0:
			o.Timepoint = timeQ
			o.Spans = append(o.Spans, timeQ.Span)
			timeQ = nil // the follow-up time is the survival time point here
		}
		switch {
		case o.Value != nil && o.Patients == nil && !sideBySide(f, s, *o.Value) && moreRatesAfter(f, s, qs, *o.Value):
			// "(Grade II 81%, Grade III 33%, and Grade IV 0%)": one rate
			// per stratum, none of them the cohort's
			x.demote(o, "one of several survival rates in the sentence, each of a group it does not tie to the cohort")
		case o.Value != nil && o.Patients == nil && o.Timepoint == nil && len(fu) == 0 && x.size != 1:
			// "The overall survival was 75%": a rate is quotable only
			// with the time it was measured at ("… at a median follow-up
			// of 42.08 months" names it)
			x.demote(o, "a survival rate without the time it was measured at")
		case o.Value != nil || o.Patients != nil:
			add(o)
		case o.Timepoint != nil:
			// "with a median follow-up of 57 months (range 39-69), ...;
			// estimated 5 yr RFS and TFS were 61% and 72%, respectively":
			// a time and no number says nothing quotable of survival.
			x.demote(o, "survival with a time but no value or count of patients")
		}
	}
	if len(fu) > 0 && timeQ != nil {
		o := Outcome{Type: ontology.FollowUp, Value: timeQ, Rule: "follow-up-time",
			Spans: []Span{f.span(fu[0].Start, fu[0].End), timeQ.Span}}
		if x.size != 1 && numberedPatient(f, s) {
			// "Patient 6, who received steroids plus danazol did not
			// relapse within three years of follow-up": one patient's
			x.demote(o, "the follow-up of one numbered patient of a series, not the study's")
			return
		}
		if x.countBetween(f, s, fu[0].End, timeQ.Span.Start) {
			// "During follow-up, 9 children (13.8%) relapsed within a
			// median time of 6 months": those patients' time to an event
			x.demote(o, "a time of some patients (counted between \"follow-up\" and the time), not the follow-up")
			return
		}
		add(o)
	}
}

// numberedPatient: the sentence names one patient by number ("Patient
// 6", "patient number 5", "Case 2").
func numberedPatient(f *field, s *sentence) bool {
	for k := s.Tok0; k+1 < s.Tok1; k++ {
		switch f.Tokens[k].Fold {
		case "patient", "case", "number":
			if isDigits(f.Tokens[k+1].Text) {
				return true
			}
		}
	}
	return false
}

// countBetween: a count of patients stands between code points from and to.
func (x *extraction) countBetween(f *field, s *sentence, from, to int) bool {
	for _, c := range countsIn(x.r, f, s) {
		if f.Tokens[c.Tok0].Start >= from && f.Tokens[c.Tok1-1].End <= to {
			return true
		}
	}
	return false
}

// groupValue: the value is one group's, not the cohort's: named for a
// group right after it in a sentence that names more than one ("81% in
// the trametinib group and 67% in the chemotherapy group"), for some of
// the patients ("70% in responders") or set against another value ("75
// versus 33%", "86.6% vs. 75.0%").
func groupValue(f *field, s *sentence, q Quantity) bool {
	before := strings.TrimSpace(runeSlice(f.Runes, max(s.Start, q.Span.Start-9), q.Span.Start))
	for _, w := range []string{"vs", "vs.", "versus", "compared with", "compared to"} {
		if strings.HasSuffix(strings.ToLower(before), w) {
			return true
		}
	}
	k := tokenBefore(f, s, q.Span.End) + 1
	if k <= 0 {
		return false
	}
	if subgroupAfter(f, s, k) {
		return true
	}
	for j := k; j < s.Tok1 && j < k+6; j++ {
		if j > k && clauseBreakBefore(f, j) {
			break
		}
		switch f.Tokens[j].Fold {
		case "vs", "versus", "compared":
			return j == k
		case "group", "groups", "arm", "arms":
			return groupWords(f, s) >= 2 // one group named is no comparison
		}
	}
	return false
}

// groupPhraseStart: the words from k open a phrase naming whom a value
// is of ("in", "among", "for", then "the" or "all"); it returns the
// token after the opening words.
func groupPhraseStart(f *field, s *sentence, k int) (int, bool) {
	if k >= s.Tok1 {
		return 0, false
	}
	switch f.Tokens[k].Fold {
	case "in", "among", "for":
	default:
		return 0, false
	}
	j := k + 1
	if j < s.Tok1 && (f.Tokens[j].Fold == "the" || f.Tokens[j].Fold == "all") {
		j++
	}
	return j, j < s.Tok1
}

// subgroupNouns name some of the patients: "70% in responders".
var subgroupNouns = map[string]bool{"responders": true, "nonresponders": true, "non-responders": true,
	"subgroup": true, "men": true, "women": true, "males": true, "females": true}

// subgroupAfter: the words from k say the value is of some of the
// patients: "in responders", "among those who ...", "in patients with
// newly diagnosed ITP", "for patients aged ...".
func subgroupAfter(f *field, s *sentence, k int) bool {
	j, ok := groupPhraseStart(f, s, k)
	if !ok {
		return false
	}
	if subgroupNouns[f.Tokens[j].Fold] {
		return true
	}
	if _, next, ok := numberSpan(f, j); ok && next < s.Tok1 {
		j = next // "in the 20 patients who ..."
	}
	switch f.Tokens[j].Fold {
	case "patients", "those", "subjects", "children", "adults":
		if j+1 < s.Tok1 {
			switch f.Tokens[j+1].Fold {
			case "who", "with", "aged", "older", "younger", "without", "whose":
				return true
			}
		}
	}
	return false
}

// groupNamedAt: the words from k name a group of the patients ("in
// children", "among responders", "in the MSC group", "in patients with
// ...").
func groupNamedAt(f *field, s *sentence, k int) bool {
	if subgroupAfter(f, s, k) {
		return true
	}
	j, ok := groupPhraseStart(f, s, k)
	if !ok {
		return false
	}
	for ; j < s.Tok1 && j <= k+4; j++ {
		switch f.Tokens[j].Fold {
		case "children", "adults", "boys", "girls", "group", "arm", "cohort":
			return true
		}
	}
	return false
}

// groupWords counts the group and arm nouns of the sentence.
func groupWords(f *field, s *sentence) int {
	n := 0
	for j := s.Tok0; j < s.Tok1; j++ {
		switch f.Tokens[j].Fold {
		case "group", "arm":
			n++
		case "groups", "arms":
			n += 2
		}
	}
	return n
}

// reachedBound: the count changed to the bound ("his platelets gradually
// increased to >150 × 10⁹/L", "reached ≥50"): a result, as the gold
// records it (medicine).
func reachedBound(f *field, s *sentence, q Quantity) bool {
	k := tokenBefore(f, s, q.Span.Start)
	if k < 0 {
		return false
	}
	switch f.Tokens[k].Fold {
	case "reached", "achieved", "attained":
		return true
	case "to":
		if k-1 >= s.Tok0 {
			switch f.Tokens[k-1].Fold {
			case "increased", "rose", "risen", "recovered", "returned", "elevated", "improved", "raised":
				return true
			}
		}
	}
	return false
}

// targetBefore: the platelet mention is what a dose aims at ("to target
// platelet counts", "to maintain a platelet count of").
func targetBefore(f *field, s *sentence, m *mention) bool {
	for k := m.Tok0 - 1; k >= s.Tok0 && k >= m.Tok0-3; k-- {
		switch f.Tokens[k].Fold {
		case "target", "targeted", "targeting", "maintain", "maintaining", "keep", "goal":
			return true
		}
	}
	return false
}

// plateletCounts: every platelet value in 10⁹/L in a sentence about
// platelet counts, with a named time ("postpartum") as a comment; without
// a value, "Both children ..., and platelet counts increased" counts the
// patients whose counts rose.
func (x *extraction) plateletCounts(f *field, s *sentence, types map[string][]*mention, add func(Outcome)) {
	ms := types[ontology.PlateletCount]
	if len(ms) == 0 || ms[0].Negated {
		return
	}
	qs := f.quantitiesIn(s.Start, s.End)
	n := 0
	for i, q := range qs {
		if q.Unit != "10*9/L" || q.Span.Start < ms[0].Start {
			continue
		}
		o := Outcome{Type: ontology.PlateletCount, Value: &qs[i], Rule: "platelet-count-value",
			Spans: []Span{f.span(ms[0].Start, ms[0].End), q.Span}}
		if q.Comparator != "" && q.Median == "" && q.Value == "" && !reachedBound(f, s, q) {
			// "baseline PLT <30×10⁹/L were included", "responders (PLT
			// ≥30×10⁹/L)", "to maintain platelet counts ≥50 × 10⁹/L": a
			// bound is an eligibility criterion or a definition, not a count
			// measured in these patients.
			x.demote(o, "a platelet bound (a criterion or a definition of response), not a measured count")
			continue
		}
		if targetBefore(f, s, ms[0]) {
			// "with dose adjusted to target platelet counts ≥50-<200 ×10 9/L":
			// the protocol's aim, not a count measured
			x.demote(o, "a platelet target of the protocol (\"to target platelet counts …\"), not a measured count")
			continue
		}
		if conditionalBefore(f, s, q) {
			// "The dose was reduced if the platelet count reaches over than
			// 150×10e9/L": a protocol's threshold, not a count measured
			x.demote(o, "a platelet value in a condition of the protocol (\"if … reaches …\"), not a measured count")
			continue
		}
		if x.someReached(f, s) {
			// "Platelet counts increased to more than 50 × 10⁹/L in 28
			// patients (70%)": a response count of some patients, not the
			// cohort's platelet count.
			x.demote(o, "a platelet value reached by some of the patients, not the cohort's count")
			continue
		}
		from, to := s.Start, s.End
		if n > 0 {
			// "from 16 × 10⁹/L at baseline to 104 × 10⁹/L at week 12": a
			// named time after the platelet value before is that value's
			from = q.Span.Start
		}
		if i+1 < len(qs) {
			to = qs[i+1].Span.Start
		}
		if tp, ok := timeRightAfter(f, s, q, nextValueStart(qs[i+1:], s.End)); ok {
			o.Timepoint = &tp
			o.Spans = append(o.Spans, tp.Span)
		}
		if h, ok := x.namedTime(f, s, from, to); ok {
			o.TimeComment = h.Text
			o.Spans = append(o.Spans, h)
			o.BeforeTreatment = x.preTreatmentTime(f, s, h)
		}
		if !o.BeforeTreatment && describesEnrolled(f, s, ms[0], q) {
			// "Thirty patients with low platelet counts (median 14.0 ×
			// 10^9/l) received UC-MSC": the count the patients came with
			o.BeforeTreatment = true
		}
		add(o)
		n++
	}
	if n > 0 {
		return
	}
	for _, c := range countsIn(x.r, f, s) {
		if c.Tok1 <= ms[0].Tok0 && risesAfter(f, s, ms[0].Tok1) {
			add(Outcome{Type: ontology.PlateletCount, Patients: intp(c.N), Rule: "platelet-count-rose",
				Spans: []Span{f.tokSpan(c.Tok0, c.Tok1), f.span(ms[0].Start, ms[0].End)}})
			return
		}
	}
}

// describesEnrolled: the platelet value describes the patients as they
// came to the study: the platelet words follow "with" in the noun phrase of
// the sentence's subject ("patients with chronic ITP and low platelet
// counts (median 14.0 × 10^9/l)"), and the verb of their treatment or
// enrolment ("received", "were enrolled") comes after the value.
func describesEnrolled(f *field, s *sentence, m *mention, q Quantity) bool {
	with := false
	for k := m.Tok0 - 1; k >= s.Tok0 && k >= m.Tok0-16 && !clauseBreakBefore(f, k+1); k-- {
		if f.Tokens[k].Fold == "with" {
			with = true
			break
		}
		if studiedVerbs[f.Tokens[k].Fold] || givenVerbs[f.Tokens[k].Fold] {
			return false
		}
	}
	if !with {
		return false
	}
	for k := s.Tok0; k < s.Tok1; k++ {
		if f.Tokens[k].Start >= q.Span.End && (studiedVerbs[f.Tokens[k].Fold] || givenVerbs[f.Tokens[k].Fold]) {
			return true
		}
	}
	return false
}

// boundWordBefore: the quantity is a bound written in words ("a minimum
// of 2 years", "up to 4 years", "a maximum of"), not the time itself.
func boundWordBefore(f *field, s *sentence, q Quantity) bool {
	k := tokenBefore(f, s, q.Span.Start)
	if k < 0 {
		return false
	}
	switch w := f.Tokens[k].Fold; {
	case w == "to" || w == "of":
		p := prevFold(f, s, k)
		return p == "up" || boundWords[p]
	default:
		return boundWords[w]
	}
}

// conditionalBefore: "if", "when", "unless" or "until" opens the clause
// of value q.
func conditionalBefore(f *field, s *sentence, q Quantity) bool {
	k := tokenBefore(f, s, q.Span.Start)
	for j := k; j >= s.Tok0 && j > k-10; j-- {
		switch f.Tokens[j].Fold {
		case "if", "unless", "until", "whenever":
			return true
		}
		if clauseBreakBefore(f, j) {
			break
		}
	}
	return false
}

// someReached: the sentence of a platelet value counts a part of the
// patients or fewer than the cohort ("in 28 patients", "In 7 of 12
// patients, ...").
func (x *extraction) someReached(f *field, s *sentence) bool {
	for _, c := range countsIn(x.r, f, s) {
		if c.Part || x.size == 0 || c.N < x.size {
			return true
		}
	}
	return false
}

// risesAfter: the platelet words are followed by "increased", "rose",
// "normalised", "recovered".
func risesAfter(f *field, s *sentence, k int) bool {
	for j := k; j < s.Tok1 && j < k+4; j++ {
		switch f.Tokens[j].Fold {
		case "increased", "rose", "normalized", "normalised", "recovered", "improved":
			return true
		}
	}
	return false
}

// namedTime finds a named time point ("postpartum", "during pregnancy")
// between two code-point offsets of the sentence.
func (x *extraction) namedTime(f *field, s *sentence, from, to int) (Span, bool) {
	for _, h := range f.find(x.r, "named-time", s.Tok0, s.Tok1) {
		sp := f.tokSpan(h.Tok0, h.Tok1)
		if sp.Start >= from && sp.End <= to {
			return sp, true
		}
	}
	return Span{}, false
}

// preTreatmentTime: the named time at span h is one before the study's
// treatment ("baseline", "at diagnosis").
func (x *extraction) preTreatmentTime(f *field, s *sentence, h Span) bool {
	for _, p := range f.find(x.r, "pre-treatment-time", s.Tok0, s.Tok1) {
		if sp := f.tokSpan(p.Tok0, p.Tok1); sp.Start <= h.Start && sp.End >= h.End {
			return true
		}
	}
	return false
}

// fractionBeside reads the fraction written with a percentage: "44.4%
// (8/18)" (one quantity) or "92.5% (37 of 40 patients)", the two counts
// in brackets right after it with "of" between.
func fractionBeside(f *field, qs []Quantity, pct Quantity) (n, d int, sp Span, ok bool) {
	if pct.Numerator != "" {
		n, err1 := strconv.Atoi(pct.Numerator)
		d, err2 := strconv.Atoi(pct.Denominator)
		return n, d, pct.Span, err1 == nil && err2 == nil && d > 0
	}
	for i := range qs {
		if qs[i].Span != pct.Span || i+2 >= len(qs) {
			continue
		}
		a, b := qs[i+1], qs[i+2]
		if a.Unit != "" || b.Unit != "" || runeSlice(f.Runes, pct.Span.End, a.Span.Start) != " (" ||
			strings.TrimSpace(runeSlice(f.Runes, a.Span.End, b.Span.Start)) != "of" {
			return 0, 0, Span{}, false
		}
		n, err1 := strconv.Atoi(a.Value)
		d, err2 := strconv.Atoi(b.Value)
		return n, d, f.span(a.Span.Start, b.Span.End), err1 == nil && err2 == nil && d > 0
	}
	return 0, 0, Span{}, false
}

// timeJustBefore finds "5-year" in "5-year overall survival" and in
// "5-year relapse-free survival": the time, then at most three describing
// words of the same noun phrase (no article, preposition or clause break).
func timeJustBefore(f *field, s *sentence, qs []Quantity, m *mention) (Quantity, bool) {
	for _, q := range qs {
		if !isTimeUnit(q.Unit) || q.Value == "" || q.Span.End > m.Start {
			continue
		}
		k := tokenBefore(f, s, m.Start)
		for steps := 0; k >= s.Tok0 && steps <= 3; steps++ {
			t := f.Tokens[k]
			if t.End <= q.Span.End {
				if t.End > q.Span.Start {
					return q, true
				}
				break
			}
			if countStops[t.Fold] || isDigits(t.Text) || clauseBreakBefore(f, k+1) {
				break
			}
			k--
		}
	}
	return Quantity{}, false
}

// timeRightAfter reads the time written right after a value: "54 × 10⁹/L
// at 8 weeks of gestation". Only "at", "after" or "by" and then a time
// quantity, before the next value; "of gestation" / "of pregnancy" after
// it is kept in the words so a reader sees which clock it is.
func timeRightAfter(f *field, s *sentence, v Quantity, to int) (Quantity, bool) {
	k := tokenAfter(f, s, v.Span.End)
	if k < 0 || k+1 >= s.Tok1 {
		return Quantity{}, false
	}
	switch f.Tokens[k].Fold {
	case "at", "after", "by":
	default:
		return Quantity{}, false
	}
	for _, q := range f.quantitiesIn(f.Tokens[k].End, to) {
		if !isTimeUnit(q.Unit) || q.Value == "" || q.Span.Start != f.Tokens[k+1].Start {
			continue
		}
		if j := tokenAfter(f, s, q.Span.End); j >= 0 && j+1 < s.Tok1 && f.Tokens[j].Fold == "of" && f.Tokens[j+1].SoftBefore {
			switch f.Tokens[j+1].Fold {
			case "gestation", "pregnancy":
				q.Span = f.span(q.Span.Start, f.Tokens[j+1].End)
				q.UnitText = q.Span.Text
			}
		}
		return q, true
	}
	return Quantity{}, false
}

// tokenAfter is the index of the first token of s starting at or after
// p with only white space before it, or -1.
func tokenAfter(f *field, s *sentence, p int) int {
	for k := s.Tok0; k < s.Tok1; k++ {
		if f.Tokens[k].Start >= p {
			if strings.TrimSpace(runeSlice(f.Runes, p, f.Tokens[k].Start)) != "" {
				return -1
			}
			return k
		}
	}
	return -1
}

// nextValueStart is where the next platelet value starts, or end.
// timeBetween is a time point standing between a survival term and its
// rate ("OS at 12 months was 41.5%"), right after "at" or "by".
func timeBetween(f *field, s *sentence, qs []Quantity, from, to int) (Quantity, bool) {
	for _, q := range qs {
		if q.Span.Start < from || q.Span.End > to || !isTimeUnit(q.Unit) || q.Value == "" {
			continue
		}
		if k := tokenBefore(f, s, q.Span.Start); k >= s.Tok0 && (f.Tokens[k].Fold == "at" || f.Tokens[k].Fold == "by") {
			return q, true
		}
	}
	return Quantity{}, false
}

// sentenceAt is the index of sentence s in its field.
func sentenceAt(f *field, s *sentence) int {
	return sort.Search(len(f.Sentences), func(i int) bool { return f.Sentences[i].Tok0 >= s.Tok0 })
}

// moreRatesAfter: another percentage follows rate v in its clause and is
// not a confidence interval's level ("94% (90% CI, 88-100)").
func moreRatesAfter(f *field, s *sentence, qs []Quantity, v Quantity) bool {
	for _, q := range qs {
		if q.Span.Start <= v.Span.Start || q.Unit != "%" {
			continue
		}
		if k := tokenAfter(f, s, q.Span.End); k >= 0 && (f.Tokens[k].Fold == "ci" || f.Tokens[k].Fold == "confidence") {
			continue
		}
		if gap := strings.TrimSpace(runeSlice(f.Runes, v.Span.End, q.Span.Start)); gap == "±" || gap == "+/-" {
			continue // "87.15% ± 3.3%": the rate's standard error
		}
		// "…; relapse occurred in 12%": another clause's rate; "100% at
		// 48 months, overall disease-free survival was 81%": another
		// outcome's
		if strings.Contains(runeSlice(f.Runes, v.Span.End, q.Span.Start), ";") {
			return false
		}
		for _, m := range f.inSentence(sentenceAt(f, s)) {
			if m.Kind() == "outcome" && m.Start >= v.Span.End && m.Start < q.Span.Start {
				return false
			}
		}
		return true
	}
	return false
}

func nextValueStart(qs []Quantity, end int) int {
	for _, q := range qs {
		if q.Unit == "10*9/L" {
			return q.Span.Start
		}
	}
	return end
}
