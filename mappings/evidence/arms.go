package evidence

import (
	"slices"
	"strings"

	"github.com/msckg/msckg/ontology"
)

// Arms of a comparison. A study cohort divided into groups that were
// treated differently ("randomised to ... (Arm A) or ... (Arm B)", "the HID
// group (100 patients receiving only HID-HSCT) and the HID+MSC group (90
// patients ...)", "21 of 31 patients (68%) in the combination arm and 13 of
// 31 (42%) in the rituximab arm") becomes one PartArm cohort per group,
// under the study cohort, with its own size, interventions and outcomes.
// Precision first: an arm is only made when the abstract names at least two
// groups, an arm's size only from words that give it, and an outcome goes to
// an arm only when "in <arm>" follows its own count.

// arm is one group of a comparison as the abstract names it.
type arm struct {
	key      string // the folded name without article: "arm a", "hid+msc group"
	name     Span   // the name as first written ("Arm A", "the HID group")
	size     int
	sizeSpan Span
	sizeRule string
	sub      int  // index into the subgroups it was made from, or -1
	clause   Span // the words defining what it received, when given
	ivs      []int
	role     string
	cohort   int // index into Facts.Cohorts once placed, or -1
}

// armNameStops may not be part of an arm's name ("each arm", "the same group").
var armNameStops = map[string]bool{
	"the": true, "a": true, "an": true, "each": true, "per": true, "one": true, "two": true, "three": true,
	"both": true, "either": true, "same": true, "other": true, "this": true, "that": true, "study": true,
	"age": true, "patient": true, "patients": true, "single": true, "whole": true, "entire": true, "in": true,
	"of": true, "to": true, "and": true, "or": true, "with": true, "between": true, "first": true, "second": true,
}

// armNoun is the word that ends an arm's name.
func armNoun(w string) bool { return w == "arm" || w == "group" }

// armNameAt reads an arm's name ending at or starting at token k: "Arm A"
// (k is "arm", followed by a letter, digit or roman numeral) or "the
// combination arm" / "the HID+MSC group" (k is the noun, after one to three
// name words and "the"). It returns the tokens [t0, t1) of the name
// without the article, and the span with it.
func armNameAt(f *field, s *sentence, k int) (t0, t1 int, withArticle Span, ok bool) {
	if !armNoun(f.Tokens[k].Fold) {
		return 0, 0, Span{}, false
	}
	if f.Tokens[k].Fold == "arm" && k+1 < s.Tok1 && f.Tokens[k+1].SoftBefore && armLabel(f.Tokens[k+1].Text) {
		return k, k + 2, f.tokSpan(k, k+2), true
	}
	j := k
	for n := 0; n < 3 && j-1 > s.Tok0; n++ {
		gap := runeSlice(f.Runes, f.Tokens[j-1].End, f.Tokens[j].Start)
		if gap != " " && gap != "+" && gap != "-" && gap != "/" {
			break
		}
		w := f.Tokens[j-1].Fold
		if armNameStops[w] || isDigits(w) {
			break
		}
		j--
	}
	if j == k || j-1 < s.Tok0 || f.Tokens[j-1].Fold != "the" || runeSlice(f.Runes, f.Tokens[j-1].End, f.Tokens[j].Start) != " " {
		return 0, 0, Span{}, false
	}
	return j, k + 1, f.tokSpan(j-1, k+1), true
}

// armLabel: "A", "B", "1", "2", "I", "II" after "Arm".
func armLabel(t string) bool {
	if len(t) == 1 {
		return true
	}
	switch t {
	case "II", "III", "IV":
		return true
	}
	return isDigits(t) && len(t) <= 2
}

// armKey folds a name's tokens to the key that finds it again. The noun
// "arm" or "group" that ends a name is left out, so that "the placebo
// group" finds the arm allotted as "placebo (n = 31)"; "Arm A" keeps it.
func armKey(f *field, t0, t1 int) string {
	if t1-t0 > 1 && armNoun(f.Tokens[t1-1].Fold) {
		t1--
	}
	var b strings.Builder
	for k := t0; k < t1; k++ {
		if k > t0 {
			b.WriteByte(' ')
		}
		w := f.Tokens[k].Fold
		if len(w) > 3 && !strings.HasSuffix(w, "ss") {
			w = strings.TrimSuffix(w, "s") // "UC-MSCs (n = 35)" is "the UC-MSC group"
		}
		b.WriteString(w)
	}
	return b.String()
}

// armRef is one place an arm's name occurs in a sentence.
type armRef struct {
	key     string
	t0, t1  int  // the name's tokens, without the article
	tok0    int  // first token of the name with its article
	written Span // the name as written, with its article when it has one
}

// armRefs are the arm names in sentence s, in order.
func armRefs(f *field, s *sentence) []armRef {
	var out []armRef
	for k := s.Tok0; k < s.Tok1; k++ {
		t0, t1, sp, ok := armNameAt(f, s, k)
		if !ok {
			continue
		}
		tok0 := t0
		if sp.Start < f.Tokens[t0].Start || (t0 > s.Tok0 && f.Tokens[t0-1].Fold == "the") {
			tok0 = t0 - 1 // "the combination arm", "the Arm A"
		}
		out = append(out, armRef{key: armKey(f, t0, t1), t0: t0, t1: t1, tok0: tok0, written: sp})
		if t1-1 > k {
			k = t1 - 1
		}
	}
	return out
}

// findArms names the arms of the study cohort: the bracketed subgroups
// right after a group name become arms, and arms named in factual
// sentences get their sizes from "N of M patients ... to Arm A", "(31 per
// arm)" or "Arm A (n = 31)". It returns nothing unless two arms are named.
func (x *extraction) findArms(parent *Cohort, subs []Cohort, ivs []Intervention) []*arm {
	f := x.abs
	var arms []*arm
	byKey := map[string]*arm{}
	get := func(key string, name Span) *arm {
		if a := byKey[key]; a != nil {
			return a
		}
		a := &arm{key: key, name: name, sub: -1, cohort: -1}
		byKey[key] = a
		arms = append(arms, a)
		return a
	}
	for si := range f.Sentences {
		if !f.Ctx[si].factual() {
			continue
		}
		s := &f.Sentences[si]
		for _, r := range armRefs(f, s) {
			a := get(r.key, r.written)
			// "the HID group (100 patients receiving only HID-HSCT)"
			for i, g := range subs {
				if g.Rule == "subgroup" && len(g.Spans) > 0 && a.sub < 0 && bracketAfter(f, r.t1, g.Spans[0]) {
					a.sub, a.size, a.sizeSpan, a.sizeRule = i, g.Size, g.Spans[0], "arm-bracket-count"
					a.clause = f.span(g.Spans[0].Start, clauseEndRune(f, s, g.Spans[0]))
				}
			}
			if a.size == 0 {
				if n, sp, ok := nEqualsAfter(f, s, r.t1); ok {
					a.size, a.sizeSpan, a.sizeRule = n, sp, "arm-n-equals"
				}
			}
		}
		x.randomisedCounts(f, s, byKey, parent)
		x.allottedArms(f, s, get, parent)
	}
	if len(arms) < 2 {
		return nil
	}
	x.perArm(arms, parent)
	for _, a := range arms {
		if a.sub >= 0 {
			a.ivs = subs[a.sub].Interventions
		} else {
			a.ivs = agentsNamed(f, a.name, ivs)
		}
	}
	assignRoles(f, arms, ivs)
	// Arm sizes that do not fit in the study cohort are misread: dropped.
	sum := 0
	for _, a := range arms {
		sum += a.size
	}
	if parent.Size > 0 && sum > parent.Size {
		for _, a := range arms {
			if a.sub < 0 {
				a.size = 0
			}
		}
	}
	return arms
}

// bracketAfter: the count span opens a bracket right after token k-1.
func bracketAfter(f *field, k int, count Span) bool {
	if k-1 < 0 {
		return false
	}
	gap := runeSlice(f.Runes, f.Tokens[k-1].End, count.Start)
	return strings.TrimSpace(gap) == "("
}

// clauseEndRune is where the bracket or clause that holds sp ends.
func clauseEndRune(f *field, s *sentence, sp Span) int {
	for p := sp.End; p < s.End; p++ {
		switch f.Runes[p] {
		case ')', ';', ',':
			return p
		}
	}
	return s.End
}

// nEqualsAfter reads "Arm A (n = 31" right after the name.
func nEqualsAfter(f *field, s *sentence, k int) (int, Span, bool) {
	if k+1 >= s.Tok1 || f.Tokens[k].Fold != "n" || strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start)) != "(" {
		return 0, Span{}, false
	}
	if strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k].End, f.Tokens[k+1].Start)) != "=" {
		return 0, Span{}, false
	}
	n, ok := numberAt(f, k+1)
	if !ok {
		return 0, Span{}, false
	}
	return n, f.tokSpan(k, k+2), true
}

// randomisedCounts reads "Fifty-nine of 113 patients (52.2%) were
// randomized to Arm A and 54 of 113 (47.8%) to Arm B": each "N of M"
// followed, before the next count, by "to <arm>". When the parts add up
// to the M they share, M is the study cohort's size.
func (x *extraction) randomisedCounts(f *field, s *sentence, byKey map[string]*arm, parent *Cohort) {
	if !f.has(x.r, "arm-allocation", s.Tok0, s.Tok1) {
		return
	}
	type part struct {
		a        *arm
		n, m     int
		sp, mSpn Span
	}
	var parts []part
	refs := armRefs(f, s)
	for k := s.Tok0; k < s.Tok1; k++ {
		n, next, ok := numberSpan(f, k)
		if !ok || next+1 >= s.Tok1 || f.Tokens[next].Fold != "of" {
			continue
		}
		m, next2, ok := numberSpan(f, next+1)
		if !ok || m < n {
			continue
		}
		// the next arm name after the count, with "to" right before it and
		// no other count in between
		for _, r := range refs {
			if r.tok0 < next2 {
				continue
			}
			if f.Tokens[r.tok0-1].Fold != "to" || hasCountBetween(f, next2, r.tok0) {
				break
			}
			if a := byKey[r.key]; a != nil {
				parts = append(parts, part{a, n, m, f.tokSpan(k, r.t1), f.tokSpan(next+1, next2)})
			}
			break
		}
		k = next2 - 1
	}
	if len(parts) < 2 {
		return
	}
	sum := 0
	for _, p := range parts {
		if p.m != parts[0].m {
			return
		}
		sum += p.n
	}
	if sum != parts[0].m {
		return
	}
	for _, p := range parts {
		if p.a.size == 0 {
			p.a.size, p.a.sizeSpan, p.a.sizeRule = p.n, p.sp, "arm-randomised-count"
		}
	}
	if parent.Size == 0 {
		parent.Size = parts[0].m
		sp := parts[0].mSpn
		parent.Details = append(parent.Details, Detail{"size", "size-randomised-total", sp})
		parent.Spans = appendSpan(parent.Spans, sp)
		parent.Rule = "size-randomised-total"
	}
}

// allotmentStarts end the words before an "(n = N)" bracket that name
// what the arm received.
var allotmentStarts = map[string]bool{"to": true, "receive": true, "receiving": true, "or": true, "and": true, "versus": true, "vs": true}

// cutArmName: a name ending in one of these words is the first half of
// one that goes on after the bracket ("second-line therapy with (n = 101)
// or without (n = 102) MSCs"): the words do not say what the arm received.
var cutArmName = map[string]bool{"with": true, "without": true, "of": true, "plus": true, "in": true}

// allottedArms reads "Patients were randomized to UC-MSCs (n = 31) or
// placebo (n = 31)": an allocation sentence with two or more "(n = N)"
// brackets, each right after one to four words that follow "to",
// "receive", "or", "and" or "versus". Those words name the arm. The
// study cohort's size is not their sum ("fostamatinib (n = 101) or
// placebo (n = 49)" counts two arms, not a cohort of 150); the sum is a
// candidate. A name of more words ("dexamethasone 40 mg/d for four days (n
// = 95") is not read: it would not be found again.
func (x *extraction) allottedArms(f *field, s *sentence, get func(string, Span) *arm, parent *Cohort) {
	if !f.has(x.r, "arm-allocation", s.Tok0, s.Tok1) {
		return
	}
	type allot struct {
		t0, t1 int
		n      int
		sp     Span
	}
	var as []allot
	for k := s.Tok0 + 1; k+1 < s.Tok1; k++ {
		n, sp, ok := nEqualsAfter(f, s, k)
		if !ok {
			continue
		}
		j := k
		for j-1 > s.Tok0 && k-j < 5 && !allotmentStarts[f.Tokens[j-1].Fold] && (j == k || !clauseBreakBefore(f, j)) {
			j--
		}
		if j == k || k-j > 4 || !allotmentStarts[f.Tokens[j-1].Fold] || cutArmName[f.Tokens[k-1].Fold] {
			return
		}
		as = append(as, allot{j, k, n, sp})
	}
	if len(as) < 2 {
		return
	}
	sum := 0
	for _, al := range as {
		a := get(armKey(f, al.t0, al.t1), f.tokSpan(al.t0, al.t1))
		if a.size == 0 {
			a.size, a.sizeSpan, a.sizeRule = al.n, al.sp, "arm-n-equals"
		}
		sum += al.n
	}
	// The study's size is the number the text gives for all of them, never
	// one computed from its arms: a sum is only a candidate.
	if parent.Size == 0 {
		x.candidates = append(x.candidates, Candidate{Kind: "size", Patients: intp(sum), Rule: "size-sum-of-arms",
			Reason: "the sum of the arms' sizes: the text gives no total for the study",
			Spans:  []Span{f.span(as[0].sp.Start, as[len(as)-1].sp.End), f.sentenceSpan(s)}})
	}
}

// hasCountBetween: a number token in [from, to).
func hasCountBetween(f *field, from, to int) bool {
	for k := from; k < to; k++ {
		if _, ok := numberToken(f, k); ok && isDigits(f.Tokens[k].Text) {
			return true
		}
	}
	return false
}

// perArm reads "Sixty-two patients were randomised (31 per arm)": every
// arm has N patients when the arms times N is the study cohort's size.
func (x *extraction) perArm(arms []*arm, parent *Cohort) {
	if parent.Size == 0 {
		return
	}
	f := x.abs
	for si := range f.Sentences {
		s := &f.Sentences[si]
		if !f.Ctx[si].factual() {
			continue
		}
		for k := s.Tok0; k+2 < s.Tok1; k++ {
			n, ok := numberAt(f, k)
			if !ok {
				continue
			}
			per := f.Tokens[k+1].Fold == "per" && f.Tokens[k+2].Fold == "arm"
			each := k+3 < s.Tok1 && f.Tokens[k+1].Fold == "in" && f.Tokens[k+2].Fold == "each" && armNoun(f.Tokens[k+3].Fold)
			if !per && !each || n*len(arms) != parent.Size {
				continue
			}
			end := k + 3
			if each {
				end = k + 4
			}
			for _, a := range arms {
				if a.size == 0 {
					a.size, a.sizeSpan, a.sizeRule = n, f.tokSpan(k, end), "arm-per-arm"
				}
			}
			return
		}
	}
}

// agentsNamed are the interventions whose agent the arm's name names ("the
// UC-MSC arm", "the HID+MSC group").
func agentsNamed(f *field, name Span, ivs []Intervention) []int {
	return interventionsNamed(f, ivs, func(m *mention) bool { return m.Start >= name.Start && m.End <= name.End })
}

// interventionsNamed are the interventions whose agent (or the transplant)
// an unnegated mention in the words picked by in names; "MSC" names
// every specific cell product.
func interventionsNamed(f *field, ivs []Intervention, in func(*mention) bool) []int {
	var out []int
	for i := range f.Mentions {
		m := &f.Mentions[i]
		if !in(m) || m.Negated || (m.Kind() != "agent" && m.IRI() != ontology.HSCT) {
			continue
		}
		for j, iv := range ivs {
			if iv.Agent.IRI == m.IRI() || (m.IRI() == ontology.MSC && iv.Agent.IRI != ontology.HSCT && iv.CellSource != nil) {
				out = appendIndex(out, j)
			}
		}
	}
	return out
}

func appendIndex(xs []int, i int) []int {
	if slices.Contains(xs, i) {
		return xs
	}
	return append(xs, i)
}

// isMSC: an intervention with a cell product (not the transplant it
// accompanies, not a co-therapy, not a drug of a study without one).
func isMSC(iv Intervention) bool {
	return iv.Agent.IRI != ontology.HSCT && iv.Rule != "co-therapy-with-agent" && !isDrugIntervention(iv)
}

// assignRoles says what each arm is, only when the words make it certain:
// "control" or "placebo" in its name, or "only"/"alone" in what it
// received, is a control arm; an arm given MSC, or named "combination",
// is a treatment arm; the others of a comparison with a treatment arm
// are comparator arms. In a comparison of two arms, one of them a
// combination and the other named for another drug, the MSC the study gave
// went to the combination arm.
func assignRoles(f *field, arms []*arm, ivs []Intervention) {
	treated := -1
	for i, a := range arms {
		name := a.key
		switch {
		case strings.Contains(name, "control") || strings.Contains(name, "placebo"):
			a.role = ontology.ControlArm
		case a.clause.Text != "" && containsWord(a.clause.Text, "only", "alone", "without"):
			a.role = ontology.ControlArm
		case strings.Contains(name, "combination") || receivesMSC(a, ivs):
			a.role = ontology.TreatmentArm
			treated = i
		}
	}
	if treated < 0 {
		return
	}
	for _, a := range arms {
		if a.role == "" {
			a.role = ontology.ComparatorArm
		}
	}
	c := arms[treated]
	if len(arms) == 2 && strings.Contains(c.key, "combination") && !receivesMSC(c, ivs) {
		other := arms[1-treated]
		if namesOtherDrug(f, other.name) {
			for i, iv := range ivs {
				if isMSC(iv) {
					c.ivs = appendIndex(c.ivs, i)
				}
			}
		}
	}
	// A control or comparator arm never received the MSC product.
	for _, a := range arms {
		if a.role == ontology.ControlArm || a.role == ontology.ComparatorArm {
			kept := a.ivs[:0:0]
			for _, i := range a.ivs {
				if !isMSC(ivs[i]) {
					kept = append(kept, i)
				}
			}
			a.ivs = kept
		}
	}
}

func receivesMSC(a *arm, ivs []Intervention) bool {
	for _, i := range a.ivs {
		if isMSC(ivs[i]) {
			return true
		}
	}
	return false
}

// namesOtherDrug: the name holds a drug of the lexicon and no cell product.
func namesOtherDrug(f *field, name Span) bool {
	drug := false
	for _, m := range f.mentionsWithin(name.Start, name.End) {
		if m.End > name.End {
			continue
		}
		switch m.Kind() {
		case "agent", "cellSource":
			return false
		case "drug":
			drug = true
		}
	}
	return drug
}

func containsWord(text string, words ...string) bool {
	for _, t := range tokenize([]rune(text)) {
		for _, w := range words {
			if t.Fold == w {
				return true
			}
		}
	}
	return false
}

// armCohorts turns the arms into cohorts under the study cohort (index 0
// of cohorts): a bracketed subgroup becomes its arm in place, and a named
// arm with a size or an outcome is appended. It returns the cohort index
// of each arm key.
func (x *extraction) armCohorts(arms []*arm, parent Cohort, cohorts []Cohort, outcomeArm map[int]string) []Cohort {
	hasOutcome := map[string]bool{}
	for _, k := range outcomeArm {
		hasOutcome[k] = true
	}
	for _, a := range arms {
		at := 1 + a.sub
		if a.sub < 0 {
			if a.size == 0 && !hasOutcome[a.key] {
				continue
			}
			g := Cohort{AgeGroup: parent.AgeGroup, Spans: []Span{a.name}}
			if g.AgeGroup != "" {
				g.Details = append(g.Details, Detail{"ageGroup", "arm-of-cohort", a.name})
			}
			for _, k := range x.populationConditions(&parent) {
				g.Conditions = append(g.Conditions, k)
				g.Details = append(g.Details, Detail{"condition", "arm-of-cohort", a.name})
			}
			cohorts = append(cohorts, g)
			at = len(cohorts) - 1
		}
		c := &cohorts[at]
		c.Part, c.Parent, c.Rule = PartArm, 0, "arm"
		c.Name, c.ArmRole = strings.TrimSpace(a.name.Text), a.role
		c.Spans = appendSpan(c.Spans, a.name)
		c.Details = append(c.Details, Detail{"name", "arm-name", a.name})
		if a.size > 0 {
			c.Size = a.size
			c.Spans = appendSpan(c.Spans, a.sizeSpan)
			replaced := false
			for i, d := range c.Details {
				if d.Property == "size" {
					c.Details[i] = Detail{"size", a.sizeRule, a.sizeSpan}
					replaced = true
				}
			}
			if !replaced {
				c.Details = append(c.Details, Detail{"size", a.sizeRule, a.sizeSpan})
			}
		}
		c.Interventions = append([]int(nil), a.ivs...)
		a.cohort = at
	}
	return cohorts
}

// unlinkArmOnly: when an arm of the study received no MSC (a control or
// comparator arm), or the text allots the patients between the product
// and a comparator (comparatorAllotted), the study cohort as a whole did
// not receive it either; the MSC or the studied drug stays linked only to
// the arms that had it.
func unlinkArmOnly(cohorts []Cohort, ivs []Intervention, comparatorAllotted bool) {
	split := comparatorAllotted
	for _, c := range cohorts[1:] {
		if c.Part == PartArm && (c.ArmRole == ontology.ControlArm || c.ArmRole == ontology.ComparatorArm) {
			split = true
		}
	}
	if !split {
		return
	}
	kept := cohorts[0].Interventions[:0:0]
	for _, i := range cohorts[0].Interventions {
		if !isMSC(ivs[i]) && !isDrugIntervention(ivs[i]) {
			kept = append(kept, i)
		}
	}
	cohorts[0].Interventions = kept
}

// comparatorAllotted: a factual sentence allots the patients between the
// product and a group that does not get it ("randomized (2:1) to receive
// romiplostim or placebo", "divided into two groups: control group
// (standard care) and intervention group") or sets the product against
// such a group ("either ... or a placebo", "vs standard therapy"). The study's patients as a
// whole then did not all receive the product, whether or not the arms
// are counted.
func (x *extraction) comparatorAllotted() bool {
	f := x.abs
	for si, s := range f.Sentences {
		if !f.Ctx[si].factual() || !f.has(x.r, "comparator", s.Tok0, s.Tok1) {
			continue
		}
		if f.has(x.r, "arm-allocation", s.Tok0, s.Tok1) {
			return true
		}
		for k := s.Tok0; k < s.Tok1; k++ {
			switch f.Tokens[k].Fold {
			case "divided": // "were divided into two groups: control group ..."
				return true
			case "either", "vs", "versus", "compared", "arm":
				// "received either avatrombopag or a placebo", "eltrombopag
				// (n = 78) vs standard therapy (n = 40)", "arm C,
				// conventional treatment"
				return true
			}
		}
	}
	return false
}
