package evidence

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/msckg/msckg/ontology"
)

// vetOutcome says why an outcome a rule read must not be asserted, or ""
// when its frame is complete and its readings agree:
//   - a share given twice ("13/18, 72.2%") must be the same share;
//   - the patients cannot outnumber their denominator, nor the cohort
//     when the outcome is the whole cohort's;
//   - a percentage of patients is at most 100;
//   - values set side by side ("86.6% vs. 75.0%") belong to groups: an
//     outcome read for the whole cohort from such a sentence has no group;
//     so does a value named for a group ("81% in the drug group").
func (x *extraction) vetOutcome(f *field, s *sentence, o Outcome, arm string) string {
	if f.has(x.r, "analysis-variable", s.Tok0, s.Tok1) {
		// "Baseline predictors of chronicity included ... the absence of
		// severe bleeding (Odds Ratio 0.27)": a variable of the analysis.
		return "a variable of a predictor or risk-factor analysis, not a result of the patients"
	}
	if o.Patients != nil && o.Total != nil && *o.Patients > *o.Total {
		return fmt.Sprintf("%d patients cannot be a share of %d", *o.Patients, *o.Total)
	}
	if o.Value != nil && o.Value.Unit == "%" {
		if v, err := strconv.ParseFloat(o.Value.Value, 64); err == nil {
			if v > 100 {
				return fmt.Sprintf("%s%% of patients is more than all of them", o.Value.Value)
			}
			if o.Patients != nil && o.Total != nil && *o.Total > 0 && !sameShare(*o.Patients, *o.Total, o.Value.Value) {
				return fmt.Sprintf("%d/%d is %.1f%%, but the text gives %s%%", *o.Patients, *o.Total,
					100*float64(*o.Patients)/float64(*o.Total), o.Value.Value)
			}
		}
	}
	if arm == "" && o.Total == nil && o.Patients != nil && x.size > 0 && *o.Patients > x.size {
		return fmt.Sprintf("%d patients, but the cohort has %d", *o.Patients, x.size)
	}
	if arm == "" && o.Value != nil && sideBySide(f, s, *o.Value) {
		return "values set side by side (\"vs.\") belong to groups this sentence does not tie them to"
	}
	if arm == "" && o.Value != nil && groupValue(f, s, *o.Value) {
		return "a value named for one group (\"in the X group\") or set against another's (\"75 versus 33%\"), not the cohort's"
	}
	if arm == "" && groupOfSentence(f, s) && !(o.Total != nil && *o.Total == x.size) {
		// ("21 of 31 patients in the combination arm" of a study of 31:
		// the group is the cohort)
		return "the sentence is about one group (\"In the BMT group, ...\", \"among IS treatment group\"), which no arm of the study matches"
	}
	return ""
}

// groupOfSentence: the sentence names a group its results are of: "in",
// "among" or "for", then at most four words, then "group" or "arm"
// ("In the BMT group, the 5-yr overall survival was 95%", "Twenty
// patients died among IS treatment group").
func groupOfSentence(f *field, s *sentence) bool {
	// asked once per outcome; the answer is the sentence's
	if g, ok := f.groupSent[s.Tok0]; ok {
		return g
	}
	g := sentenceNamesGroup(f, s)
	if f.groupSent == nil {
		f.groupSent = map[int]bool{}
	}
	f.groupSent[s.Tok0] = g
	return g
}

func sentenceNamesGroup(f *field, s *sentence) bool {
	if opensWithSome(f, s) {
		return true
	}
	for k := s.Tok0; k < s.Tok1; k++ {
		switch f.Tokens[k].Fold {
		case "in", "among", "for":
		default:
			continue
		}
		for j := k + 1; j < s.Tok1 && j <= k+5 && !clauseBreakBefore(f, j); j++ {
			if w := f.Tokens[j].Fold; w == "group" || w == "arm" {
				return true
			}
		}
	}
	return false
}

// sameShare: n/d and the percentage as written agree to the precision the
// percentage is written with (72.2% for 13/18, 72% or 72.3% rounded up).
func sameShare(n, d int, pct string) bool {
	v, err := strconv.ParseFloat(pct, 64)
	if err != nil {
		return false
	}
	decimals := 0
	if _, frac, ok := strings.Cut(pct, "."); ok {
		decimals = len(frac)
	}
	// Half a unit of the last written digit, plus one more for papers that
	// truncate instead of rounding.
	tol := math.Pow(10, -float64(decimals))
	return math.Abs(100*float64(n)/float64(d)-v) <= tol+1e-9
}

// sideBySide: the quantity stands next to another of the same unit with
// "vs", "versus" or "compared with" between them.
func sideBySide(f *field, s *sentence, q Quantity) bool {
	// Only the neighbours in the sentence: a window, not the whole
	// sentence, so a long sentence stays linear.
	qs := f.quantitiesIn(max(s.Start, q.Span.Start-200), min(s.End, q.Span.End+200))
	for i := range qs {
		if qs[i].Span != q.Span {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(qs) || qs[j].Unit != q.Unit {
				continue
			}
			a, b := qs[min(i, j)].Span.End, qs[max(i, j)].Span.Start
			between := " " + strings.ToLower(runeSlice(f.Runes, a, b)) + " "
			for _, w := range []string{" vs ", " vs. ", " versus ", " compared with ", " compared to "} {
				if strings.Contains(strings.NewReplacer(",", " ", "(", " ", ")", " ").Replace(between), w) {
					return true
				}
			}
		}
	}
	return false
}

// doseLevels: the dose ends a list of numbers sharing its power and unit
// ("0.5, 1.0 and 2.0 × 10^6 cells/kg"): it is one of several dose levels,
// not the dose of all patients. Which patients had which level is a
// pairing no rule reads yet, so each level is a candidate.
func (x *extraction) doseLevels(f *field, s *sentence, qs []Quantity, i int, d Quantity) bool {
	if namesOneGroup(f, s) {
		x.candidates = append(x.candidates, Candidate{Kind: "dose", Rule: "dose-of-one-group", Value: &d, Spans: []Span{d.Span, f.sentenceSpan(s)},
			Reason: "a dose in a sentence naming one group (\"in the first cohort\"): not the dose of all patients"})
		return true
	}
	if doseFinding(f, s) {
		x.candidates = append(x.candidates, Candidate{Kind: "dose", Rule: "dose-finding", Value: &d, Spans: []Span{d.Span, f.sentenceSpan(s)},
			Reason: "a dose the study found (\"the maximum tolerated dose was ...\"), not the dose all patients received"})
		return true
	}
	k := i
	for k > 0 && qs[k-1].Unit == "" && qs[k-1].Value != "" {
		between := strings.TrimSpace(runeSlice(f.Runes, qs[k-1].Span.End, qs[k].Span.Start))
		if between != "," && between != "and" && between != ", and" && between != "or" && between != ", or" {
			break
		}
		k--
	}
	if k == i {
		return false
	}
	list := f.span(qs[k].Span.Start, d.Span.End)
	for j := k; j <= i; j++ {
		c := Candidate{Kind: "dose", Rule: "dose-level-list", Spans: []Span{qs[j].Span, list, f.sentenceSpan(s)},
			Reason: fmt.Sprintf("one of the dose levels %q: which patients received it is not paired with it", list.Text)}
		if j == i {
			c.Value = &d
		}
		x.candidates = append(x.candidates, c)
	}
	return true
}

// doseFinding: the sentence reports a dose-finding result ("The maximum
// tolerated dose was 2 × 10^6 cells/kg", "the recommended phase 2 dose",
// "dose-limiting toxicity"), which some patients may never have received.
func doseFinding(f *field, s *sentence) bool {
	for k := s.Tok0; k < s.Tok1; k++ {
		switch f.Tokens[k].Fold {
		case "mtd", "rp2d", "dose-limiting", "dlt", "dlts":
			return true
		case "limiting": // "dose-limiting", split at its hyphen
			if k > s.Tok0 && f.Tokens[k-1].Fold == "dose" {
				return true
			}
		case "tolerated", "recommended", "optimal":
			if (k+1 < s.Tok1 && f.Tokens[k+1].Fold == "dose") || (k+3 < s.Tok1 && f.Tokens[k+3].Fold == "dose") {
				return true
			}
		}
	}
	return false
}

// groupOrdinals number the groups of a dose-escalation or comparison.
var groupOrdinals = map[string]bool{"first": true, "second": true, "third": true, "fourth": true,
	"fifth": true, "low-dose": true, "high-dose": true, "lower": true, "higher": true}

// namesOneGroup: the sentence gives what it says for one numbered group
// of the patients: "in the first cohort", "in the second group", "in
// cohort 2", "in arm B".
func namesOneGroup(f *field, s *sentence) bool {
	isGroup := func(w string) bool { return w == "cohort" || w == "group" || w == "arm" }
	for k := s.Tok0; k+2 < s.Tok1; k++ {
		if f.Tokens[k].Fold != "in" {
			continue
		}
		a, b := f.Tokens[k+1].Fold, f.Tokens[k+2].Fold
		if a == "the" && groupOrdinals[b] && k+3 < s.Tok1 && isGroup(f.Tokens[k+3].Fold) {
			return true
		}
		if isGroup(a) && (isDigits(b) || len(f.Tokens[k+2].Text) == 1 && f.Tokens[k+2].Text >= "A" && f.Tokens[k+2].Text <= "Z") {
			return true
		}
	}
	return false
}

// demote keeps an outcome reading as a candidate with its reason.
func (x *extraction) demote(o Outcome, reason string) {
	x.candidates = append(x.candidates, Candidate{Kind: "outcome", Type: o.Type, Patients: o.Patients,
		Total: o.Total, Value: o.Value, Timepoint: o.Timepoint, Reason: reason, Rule: o.Rule, Spans: o.Spans})
}

// maxReadSpan bounds how far before a number a span holding it may start
// (a value with its range and median, a fraction with its percentage).
const maxReadSpan = 120

// unreadNumbers keeps, as candidates, the percentages and fractions of a
// sentence about outcomes that no outcome rule read: the number is there,
// but which patients, of what, or in which arm is not settled by any rule.
func (x *extraction) unreadNumbers(f *field, s *sentence, types map[string][]*mention, read []Outcome) {
	if len(types) == 0 {
		return
	}
	typ := ""
	if len(types) == 1 {
		for t := range types {
			typ = t
		}
	}
	// What was read, as the furthest end of a read span by its start, so
	// each number is checked against the few spans that may hold it.
	ends := map[int]int{}
	cover := func(sp Span) {
		ends[sp.Start] = max(ends[sp.Start], sp.End)
	}
	for _, o := range read {
		for _, v := range []*Quantity{o.Value, o.Timepoint} {
			if v != nil {
				cover(v.Span)
			}
		}
		for _, sp := range o.Spans {
			if sp.End-sp.Start < s.End-s.Start {
				cover(sp)
			}
		}
	}
	for _, c := range x.candidates[x.sentCandidates:] {
		if len(c.Spans) > 0 {
			cover(c.Spans[0])
		}
	}
	used := func(q Quantity) bool {
		for st := q.Span.Start; st >= max(s.Start, q.Span.Start-maxReadSpan); st-- {
			if ends[st] >= q.Span.End {
				return true
			}
		}
		return false
	}
	for _, q := range f.quantitiesIn(s.Start, s.End) {
		fraction := q.Numerator != "" && q.Denominator != ""
		if (q.Unit != "%" && !fraction) || used(q) {
			continue
		}
		reason := "a percentage in a sentence about outcomes that no rule tied to patients, a group and a time"
		if fraction {
			reason = "a fraction in a sentence about outcomes that no rule tied to an outcome and a group"
		}
		if typ == "" {
			reason += " (the sentence names more than one kind of outcome)"
		}
		c := Candidate{Kind: "outcome", Type: typ, Reason: reason, Rule: "unread-number",
			Spans: []Span{q.Span, f.sentenceSpan(s)}}
		qq := q
		c.Value = &qq
		x.candidates = append(x.candidates, c)
	}
}

// shareWithFraction: a percentage and a fraction written together, in
// either order ("44.4% (8/18)", "(13/18, 72.2%)"), after an outcome word
// of the sentence: two readings of one share, asserted as patients, total
// and value only when they agree (vetOutcome). Numbers an earlier rule
// read are left to it.
func (x *extraction) shareWithFraction(o *outcomeSentence) {
	f, s := o.f, o.s
	if f.has(x.r, "respectively", s.Tok0, s.Tok1) {
		return // shares listed in order belong to the groups or times listed
	}
	qs := f.quantitiesIn(s.Start, s.End)
	// Numbers earlier rules read, by start: the quantities of one text
	// never overlap, so a number is taken when its own span was read.
	read := map[Span]bool{}
	for _, r := range o.read() {
		for _, v := range []*Quantity{r.Value, r.Timepoint} {
			if v != nil {
				read[v.Span] = true
			}
		}
	}
	taken := func(q Quantity) bool { return read[q.Span] }
	for i := 0; i < len(qs); i++ {
		pct, frac := qs[i], qs[i]
		// "44.4% (8/18)" is one quantity holding both readings; "13/18,
		// 72.2%" two, with only brackets, a comma and spaces between them.
		if !(pct.Unit == "%" && pct.Numerator != "") && i+1 < len(qs) {
			frac = qs[i+1]
			if pct.Unit != "%" {
				pct, frac = frac, pct
			}
			if strings.Trim(runeSlice(f.Runes, qs[i].Span.End, qs[i+1].Span.Start), " ,;([") != "" {
				continue
			}
		}
		if pct.Unit != "%" || pct.Value == "" || frac.Numerator == "" || frac.Denominator == "" || taken(pct) || taken(frac) {
			continue
		}
		m := outcomeBefore(o, min(pct.Span.Start, frac.Span.Start))
		if after, named := outcomeAfterShare(o, max(pct.Span.End, frac.Span.End)); named {
			// "7/28 (25.00%) had a partial response (PR)": the share is of
			// the response named after it, not of the CR named before
			m = after
		}
		if m == nil || !shareTypes[m.IRI()] || qualified(f, s, m) {
			continue
		}
		n, err1 := strconv.Atoi(frac.Numerator)
		d, err2 := strconv.Atoi(frac.Denominator)
		if err1 != nil || err2 != nil || d == 0 {
			continue
		}
		v := pct
		spans := []Span{f.span(m.Start, m.End), pct.Span}
		if frac.Span != pct.Span {
			spans = append(spans, frac.Span)
			i++
		}
		out := Outcome{Type: m.IRI(), Patients: intp(n), Total: intp(d), Value: &v, Rule: "share-with-fraction",
			Spans: append(spans, f.sentenceSpan(s))}
		if m.IRI() == ontology.OverallResponse && partialResponse(f, m) && len(o.types[ontology.CompleteResponse]) > 0 {
			// "15/28 had a complete response and 7/28 a partial response":
			// the partial responses alone, not the overall response
			x.demote(out, "a partial response counted beside complete responses: the overall response is their sum, not this share")
			continue
		}
		o.add(out)
	}
}

// outcomeAfterShare: the clause goes on from a share at p to name its
// outcome ("15/28 (53.57%) had a complete response", "7/28 had a partial
// response"): named is true when a response word follows within a few
// words, and m is its outcome when the lexicon names it (nil for a bare
// "response (R)", which it does not).
func outcomeAfterShare(o *outcomeSentence, p int) (m *mention, named bool) {
	f, s := o.f, o.s
	k := tokenBefore(f, s, p) + 1
	if k <= s.Tok0 {
		return nil, false
	}
	for j := k; j < s.Tok1 && j < k+6; j++ {
		if j > k && clauseBreakBefore(f, j) {
			return nil, false
		}
		for _, ms := range o.types {
			for _, mm := range ms {
				if mm.Tok0 == j && !mm.Negated {
					return mm, true
				}
			}
		}
		switch f.Tokens[j].Fold {
		case "response", "responses", "remission", "remissions":
			return nil, true
		}
	}
	return nil, false
}

// shareTypes are the outcome kinds whose frame a share of patients
// completes; survival, follow-up and counts need a time or a unit too.
var shareTypes = map[string]bool{
	ontology.CompleteResponse: true, ontology.OverallResponse: true, ontology.NoResponse: true,
	ontology.AdverseEvents: true, ontology.SevereAdverseEvents: true,
}

// qualified: a word before the outcome makes it another outcome
// ("sustained response", "durable response"), which the lexicon lacks.
func qualified(f *field, s *sentence, m *mention) bool {
	if m.Tok0 <= s.Tok0 {
		return false
	}
	switch f.Tokens[m.Tok0-1].Fold {
	case "sustained", "durable", "long", "term", "partial", "early", "late", "initial", "best", "cumulative":
		return true
	}
	return false
}

// outcomeBefore is the last unnegated outcome mention before code point
// p in the sentence, or the sentence's only outcome kind when the numbers
// come first ("Thirteen patients (13/18, 72.2%) had ... adverse events").
func outcomeBefore(o *outcomeSentence, p int) *mention {
	var best *mention
	kinds := 0
	for _, ms := range o.types {
		kinds++
		for _, m := range ms {
			if !m.Negated && m.End <= p && (best == nil || m.Start > best.Start) {
				best = m
			}
		}
	}
	if best == nil && kinds == 1 {
		for _, ms := range o.types {
			if !ms[0].Negated {
				best = ms[0]
			}
		}
	}
	return best
}

// ownPatientsDesign are the designs whose cue says the record reports on
// patients of its own.
var ownPatientsDesign = map[string]bool{
	ontology.CaseReport: true, ontology.CaseSeries: true, ontology.ClinicalTrial: true, ontology.CohortStudy: true,
}

// noPatients is why a concept named in a record is not a fact about
// patients: nothing in the record says it has patients of its own.
const noPatients = "named in a record that counts no patients and names none of its own (no design cue, aim, registry id or treated patients): a title, a background or review text, an animal model"

// demoteCohort keeps the properties of a cohort nobody counted as
// candidates, one per reading, each with the words it was read from.
func (x *extraction) demoteCohort(c Cohort) {
	conds, priors := c.Conditions, c.PriorTherapies
	for _, d := range c.Details {
		cd := Candidate{Kind: d.Property, Reason: noPatients, Rule: d.Rule, Spans: []Span{d.Span}}
		switch d.Property {
		case "condition":
			if len(conds) > 0 {
				cd.Concept, conds = conds[0].IRI, conds[1:]
			}
		case "priorTherapy":
			if len(priors) > 0 {
				cd.Concept, priors = priors[0].IRI, priors[1:]
			}
		case "ageGroup":
			cd.Concept = c.AgeGroup
		case "sex":
			cd.Concept = c.Sex
		case "diseasePhase":
			cd.Concept = c.DiseasePhase
		case "age":
			cd.Value = c.Age
		}
		x.candidates = append(x.candidates, cd)
	}
}

// keepGiven keeps the interventions whose product is named in a sentence
// about the patients ("Patients received UC-MSCs", "she self-initiated
// UC-MSCs infusions"); the others are candidates: who received them is
// not in the text. A co-therapy stands or falls with the MSCs.
func (x *extraction) keepGiven(ivs []Intervention) []Intervention {
	var out []Intervention
	for _, iv := range ivs {
		if len(iv.Spans) > 0 && (x.spanAboutPatients(iv.Spans[0]) || (iv.Rule == "co-therapy-with-agent" && len(out) > 0)) {
			out = append(out, iv)
			continue
		}
		x.candidates = append(x.candidates, Candidate{Kind: "agent", Concept: iv.Agent.IRI,
			Reason: "named where no patients are said to receive it, in a record that counts none and names no study of its own",
			Rule:   iv.Rule, Spans: iv.Spans})
	}
	return out
}

// spanAboutPatients: the sentence holding the span is a factual one that
// names patients or is about one person.
func (x *extraction) spanAboutPatients(sp Span) bool {
	f := x.abs
	if sp.Field == FieldTitle {
		f = x.title
	}
	for si := range f.Sentences {
		s := &f.Sentences[si]
		if sp.Start < s.Start || sp.Start >= s.End || s.Tok0 >= s.Tok1 {
			continue
		}
		if !f.Ctx[si].factual() {
			return false
		}
		return (onePerson(f, s) || x.namesPatients(f, s)) && saysGiven(f, s)
	}
	return false
}

// givenWords say a product was given: "Patients received UC-MSCs", "MSC
// therapy for refractory ITP", "UC-MSC transplantation in 5 patients".
// Without one, "Mesenchymal Stem Cells Immunosuppressed IL-22 in Patients
// with ITP" and "Aplastic Anemia Patients' Bone-Marrow-Derived MSCs Are
// Not Influenced by …" are laboratory studies of patients' cells.
var givenWords = map[string]bool{"received": true, "receiving": true, "receive": true, "given": true,
	"treated": true, "treatment": true, "treating": true, "therapy": true, "therapies": true, "infusion": true,
	"infusions": true, "infused": true, "transplantation": true, "transplanted": true, "cotransplantation": true,
	"co-transplantation": true, "administration": true, "administered": true, "injection": true,
	"injections": true, "injected": true, "transfusion": true, "transfused": true, "underwent": true}

func saysGiven(f *field, s *sentence) bool {
	for k := s.Tok0; k < s.Tok1; k++ {
		if givenWords[f.Tokens[k].Fold] {
			return true
		}
	}
	return false
}

// ownPatients: besides a design cue or a registry id (Extract), the text
// says it reports on patients of its own when a factual sentence counts
// patients ("in 24 SAA patients", "CR in 3 patients"), when the patients
// are the subject of a treatment ("Patients received UC-MSCs", "UC-MSC were
// given to the patients") or when a sentence is about one person ("She
// had ITP for 10 years").
func (x *extraction) ownPatients() bool {
	for _, f := range []*field{x.title, x.abs} {
		for si := range f.Sentences {
			s := &f.Sentences[si]
			ctx := f.Ctx[si]
			if ctx.Hedged || s.Role == "conclusions" || s.Tok0 >= s.Tok1 {
				continue
			}
			if ctx.Background {
				continue
			}
			if f.Name == FieldAbstract && len(countsIn(x.r, f, s)) > 0 {
				return true
			}
			if onePerson(f, s) {
				return true
			}
			if x.patientsTreated(f, s) {
				return true
			}
		}
	}
	return false
}

// namesPatients: a cohort noun anywhere in the sentence.
func (x *extraction) namesPatients(f *field, s *sentence) bool {
	for k := s.Tok0; k < s.Tok1; k++ {
		if x.isPatientsNoun(f, k) {
			return true
		}
	}
	return false
}

// treatedVerbs say that patients were treated, enrolled or studied.
var treatedVerbs = map[string]bool{
	"received": true, "receiving": true, "treated": true, "given": true, "underwent": true,
	"enrolled": true, "included": true, "infused": true, "transplanted": true, "recruited": true,
}

// patientsTreated: "Patients received ...", "given to the patients":
// patients at the start of the sentence or after "the", "these", "our",
// "all", in a sentence with a verb of treatment or enrolment.
func (x *extraction) patientsTreated(f *field, s *sentence) bool {
	verb, patients := false, false
	for k := s.Tok0; k < s.Tok1; k++ {
		verb = verb || treatedVerbs[f.Tokens[k].Fold]
		if !patients && x.isPatientsNoun(f, k) {
			switch prevFold(f, s, k) {
			case "", "the", "these", "our", "all":
				patients = true
			}
		}
	}
	return verb && patients
}

// aimNamesPatients: an aim statement names the patients the record
// studies ("The aim of the present study is to investigate ... in
// patients with AA").
func (x *extraction) aimNamesPatients() bool { return x.aimSays(false) }

// aimGivesPatients: an aim that names the patients and a treatment given
// to them ("to investigate ... vein infusion of MSCs in patients with
// AA"), not one that studies their cells ("to characterize BM-MSCs from
// chronic ITP patients").
func (x *extraction) aimGivesPatients() bool { return x.aimSays(true) }

func (x *extraction) aimSays(given bool) bool {
	for _, f := range []*field{x.title, x.abs} {
		for si := range f.Sentences {
			s := &f.Sentences[si]
			if f.Ctx[si].Aim && !f.Ctx[si].Hedged && s.Role != "conclusions" && x.namesPatients(f, s) &&
				(!given || saysGiven(f, s)) {
				return true
			}
		}
	}
	return false
}

// onePerson: "she" or "he" in the sentence, as a case report writes of its
// patient ("During pregnancy, she self-initiated UC-MSCs infusions").
func onePerson(f *field, s *sentence) bool {
	for k := s.Tok0; k < s.Tok1; k++ {
		if w := f.Tokens[k].Fold; w == "she" || w == "he" {
			return true
		}
	}
	return false
}

// shareLinkWords may stand between a response and its share: "The overall
// response rate at week 8 was 45.5%", "CR rate of 30%".
var shareLinkWords = map[string]bool{"rate": true, "rates": true, "was": true, "were": true, "is": true,
	"of": true, "at": true, "after": true, "by": true, "in": true, "week": true, "weeks": true, "month": true,
	"months": true, "day": true, "days": true, "year": true, "years": true, "overall": true}

// cohortShare reads "The overall response rate was 65% at 3 months" as the
// share of the whole cohort, when nothing else could be meant and two
// readings agree: the study counts one cohort (no arms, no subgroups), the
// share is written right after the response with only linking words
// between, and it is a whole number of the cohort's patients (65% of 20 is
// 13; 63% of 20 is no number of patients, so it is not the cohort's).
func (x *extraction) cohortShare(o *outcomeSentence) {
	f, s := o.f, o.s
	if x.size == 0 || len(x.arms) > 0 || x.parts > 0 || f.has(x.r, "respectively", s.Tok0, s.Tok1) {
		return
	}
	read := map[Span]bool{}
	for _, r := range o.read() {
		for _, v := range []*Quantity{r.Value, r.Timepoint} {
			if v != nil {
				read[v.Span] = true
			}
		}
	}
	if x.groupInSentence(f, s) {
		return
	}
	for _, t := range []string{ontology.CompleteResponse, ontology.OverallResponse, ontology.NoResponse} {
		for _, m := range o.types[t] {
			if m.Negated || qualified(f, s, m) || comparedBefore(f, s, m.Tok0) {
				continue
			}
			qs := f.quantitiesIn(m.End, s.End)
			for i, q := range qs {
				if q.Unit != "%" {
					if isTimeUnit(q.Unit) {
						continue // "at week 8" between the response and its share
					}
					break
				}
				if q.Value == "" || q.Numerator != "" || read[q.Span] || !linkedShare(f, s, m.Tok1, q) || !wholeOfCohort(q.Value, x.size) {
					break
				}
				end := s.End // up to the next share: "65% at 3 months but fell to 40% at 12 months"
				for _, next := range qs[i+1:] {
					if next.Unit == "%" {
						end = next.Span.Start
						break
					}
				}
				oc := Outcome{Type: t, Value: &q, Rule: "cohort-share", Spans: []Span{f.span(m.Start, m.End), q.Span}}
				tp, timed := x.timeAfter(f, s, m.End, end)
				if timed {
					oc.Timepoint = &tp
					oc.Spans = append(oc.Spans, tp.Span)
				}
				if !timed && anotherShare(f, qs[i+1:], q) {
					// "Response rates were 80% and 60% at 1 and 3 months",
					// "70% for the first course and 50% for the second":
					// two shares and nothing tells the first one's time.
					break
				}
				o.add(oc)
				break
			}
			break
		}
	}
}

// anotherShare: a further percentage after share q that is not part of
// q's confidence interval ("70% (95% CI 55-82%)").
func anotherShare(f *field, rest []Quantity, q Quantity) bool {
	for _, r := range rest {
		if r.Unit != "%" {
			continue
		}
		between := runeSlice(f.Runes, q.Span.End, r.Span.Start)
		after := runeSlice(f.Runes, r.Span.End, min(r.Span.End+12, len(f.Runes)))
		if strings.Contains(between, "CI") || strings.Contains(strings.ToLower(between), "confidence") ||
			strings.HasPrefix(strings.TrimSpace(after), "CI") || strings.Contains(strings.ToLower(after), "confidence") {
			continue
		}
		return true
	}
	return false
}

// comparativeWords before a response set some patients against others:
// "Patients aged over 60 years had a lower response rate (40%)".
var comparativeWords = map[string]bool{"lower": true, "higher": true, "better": true, "worse": true,
	"greater": true, "superior": true, "inferior": true, "similar": true, "comparable": true, "poorer": true}

// comparedBefore: a comparative word in the clause before token k.
func comparedBefore(f *field, s *sentence, k int) bool {
	for j := k - 1; j >= s.Tok0 && j >= k-4; j-- {
		if comparativeWords[f.Tokens[j].Fold] {
			return true
		}
		if clauseBreakBefore(f, j) {
			break
		}
	}
	return false
}

// groupInSentence: the sentence names a group of the patients, so its
// share may be that group's: a count smaller than the cohort or a part
// ("In the 20 patients who received a second infusion, ..."), an opening
// "In patients with ...", or a subject that picks some patients
// ("Patients aged over 60 years had ...").
func (x *extraction) groupInSentence(f *field, s *sentence) bool {
	for _, c := range countsIn(x.r, f, s) {
		if c.Part || c.N < x.size {
			return true
		}
	}
	return opensWithSome(f, s)
}

// opensWithSome: the sentence opens by naming some of the patients: "In
// patients with aGVHD, the 1-year OS was 82.6%", "Patients who showed
// complete healing at week 8 were followed up for …".
func opensWithSome(f *field, s *sentence) bool {
	return subgroupAfter(f, s, s.Tok0) || qualifiedSubject(f, s)
}

// qualifiedSubject: the sentence's subject picks some patients
// ("Patients aged over 60 years had …", "Patients who showed …").
func qualifiedSubject(f *field, s *sentence) bool {
	if s.Tok0+1 >= s.Tok1 {
		return false
	}
	switch f.Tokens[s.Tok0].Fold {
	case "patients", "those", "subjects", "children", "adults":
		switch f.Tokens[s.Tok0+1].Fold {
		case "who", "with", "aged", "older", "younger", "without", "whose", "receiving", "treated", "given":
			return true
		}
	}
	return false
}

// linkedShare: only linking words (shareLinkWords, numbers of a time)
// stand between token k and the share q.
func linkedShare(f *field, s *sentence, k int, q Quantity) bool {
	for j := k; j < s.Tok1 && f.Tokens[j].Start < q.Span.Start; j++ {
		if !shareLinkWords[f.Tokens[j].Fold] && !isDigits(f.Tokens[j].Text) {
			return false
		}
	}
	return true
}

// wholeOfCohort: some whole number of the cohort's n patients is the
// share as written (sameShare's precision).
func wholeOfCohort(pct string, n int) bool {
	v, err := strconv.ParseFloat(pct, 64)
	if err != nil || n <= 0 {
		return false
	}
	// sameShare allows at most one percentage point, so only the whole
	// numbers within a point of pct of n can agree with it
	lo, hi := int((v-1.01)*float64(n)/100), int((v+1.01)*float64(n)/100)+1
	for k := max(0, lo); k <= min(n, hi); k++ {
		if sameShare(k, n, pct) {
			return true
		}
	}
	return false
}
