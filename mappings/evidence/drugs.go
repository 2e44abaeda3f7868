package evidence

import (
	"strings"

	"github.com/msckg/msckg/ontology"
)

// Rules of a drug read as the study's intervention (issue 10).
const (
	ruleDrugGiven = "drug-given-to-patients"
	ruleDrugTitle = "drug-title-treatment-of"
)

// isDrugIntervention: a drug the study gave, not a cell product.
func isDrugIntervention(iv Intervention) bool {
	return iv.Rule == ruleDrugGiven || iv.Rule == ruleDrugTitle
}

// drugInterventions reads the drugs the study gave its patients when no
// cell product is its agent (an ITP trial of another drug): a title "X for
// the treatment of <condition>" in a record whose design says it has
// patients of its own, and a factual sentence whose subject is the
// patients and whose verb says they were given the drug ("Patients
// received decitabine at 3.5 mg/m2", "were randomized 2:1 to
// fostamatinib"). Never a drug the patients had before ("refractory to",
// "failed", "After ..."), a transplant's conditioning or GVHD-prophylaxis
// drug, a drug a numbered part of the patients or a control group
// received, or one named in background or conclusions.
func (x *extraction) drugInterventions(c *Cohort) []Intervention {
	size := 0
	if c != nil {
		size = c.Size
	}
	var out []Intervention
	seen := map[string]bool{}
	add := func(f *field, m *mention, rule string, s *sentence) {
		if seen[m.IRI()] {
			return
		}
		seen[m.IRI()] = true
		sp := f.span(m.Start, m.End)
		iv := Intervention{Agent: x.r.concept(m.IRI()), Rule: rule,
			Spans: []Span{sp, f.sentenceSpan(s)}, Details: []Detail{{"agent", rule, sp}}}
		if r, ok := boundRoute(f, m.Sent, m.Tok0, m.Tok1); ok {
			iv.setRoute(f, r, "route-with-agent")
		}
		out = append(out, iv)
	}
	// A registered study with counted patients is one of its own patients
	// whatever its design (design() names none from a count when the study
	// is registered).
	if d := x.design(c); d != nil && drugStudyDesign[d.IRI] || x.registered && size > 0 {
		for _, m := range x.titleDrugs() {
			add(x.title, m, ruleDrugTitle, &x.title.Sentences[m.Sent])
		}
	}
	f := x.abs
	for si := range f.Sentences {
		for _, m := range x.drugsGiven(f, si, size) {
			add(f, m, ruleDrugGiven, &f.Sentences[si])
		}
	}
	return x.dropClassesOfMembers(out)
}

// dropClassesOfMembers: "treated with romiplostim, a thrombopoietin
// receptor agonist" names one drug and its class; the class is no second
// intervention when one of its members is read.
func (x *extraction) dropClassesOfMembers(ivs []Intervention) []Intervention {
	classOfMember := map[string]bool{}
	for _, iv := range ivs {
		x.r.addBroader(classOfMember, iv.Agent.IRI)
	}
	var out []Intervention
	for _, iv := range ivs {
		if !classOfMember[iv.Agent.IRI] {
			out = append(out, iv)
		}
	}
	return out
}

// drugStudyDesign are the designs of a study with patients of its own
// whose title may name the drug it gave.
var drugStudyDesign = map[string]bool{
	ontology.ClinicalTrial: true, ontology.CohortStudy: true, ontology.CaseSeries: true,
}

// titleDrugs reads "Fostamatinib for the treatment of adult persistent and
// chronic immune thrombocytopenia", "Low-dose decitabine for refractory
// thrombocytopenia ...", "Danazol therapy in refractory chronic ITP",
// "Efficacy and safety of avatrombopag in the treatment of ...": the drug
// opens the title (after "efficacy and safety of"), "for" or "in" follows
// it, and a condition follows within a few words of the same clause.
func (x *extraction) titleDrugs() []*mention {
	f := x.title
	if len(f.Sentences) == 0 {
		return nil
	}
	s := &f.Sentences[0]
	if !f.Ctx[0].factual() || f.has(x.r, "transplant-regimen", s.Tok0, s.Tok1) {
		return nil
	}
	k := s.Tok0
	for k < s.Tok1 && titleLead[f.Tokens[k].Fold] {
		k++
	}
	if k > s.Tok0 && f.Tokens[k-1].Fold != "of" {
		return nil // "Efficacy and safety" with no "of" after it
	}
	var drug *mention
	ms := f.inSentence(0)
	for i := range ms {
		if ms[i].Tok0 == k && ms[i].Kind() == "drug" && !ms[i].Negated {
			drug = &ms[i]
		}
	}
	if drug == nil {
		return nil
	}
	k = drug.Tok1
	if k < s.Tok1 && therapyNoun[f.Tokens[k].Fold] {
		k++
	}
	if k >= s.Tok1 || (f.Tokens[k].Fold != "for" && f.Tokens[k].Fold != "in") || clauseBreakBefore(f, k) {
		return nil
	}
	for j := k + 1; j < s.Tok1 && j <= k+9; j++ {
		if clauseBreakBefore(f, j) && !insideBrackets(f, j) {
			return nil
		}
		for i := range ms {
			m := &ms[i]
			if m.Tok0 != j || m.Negated {
				continue
			}
			if m.Kind() == "condition" && x.framedAsCondition(f, m) {
				return []*mention{drug}
			}
			switch m.Kind() {
			case "drug", "agent", "procedure":
				return nil // another treatment first: not this one's disease
			}
		}
	}
	return nil
}

// titleLead are the words a title may put before the drug it is about.
var titleLead = map[string]bool{"the": true, "efficacy": true, "safety": true, "effect": true, "effects": true,
	"effectiveness": true, "and": true, "of": true}

// therapyNoun may follow the drug's name ("Danazol therapy in ...").
var therapyNoun = map[string]bool{"therapy": true, "treatment": true, "monotherapy": true}

// drugsGiven: the drugs sentence si says the study's patients were given.
func (x *extraction) drugsGiven(f *field, si, size int) []*mention {
	s := &f.Sentences[si]
	if !f.Ctx[si].factual() || s.Role == "background" || s.Role == "conclusions" ||
		f.has(x.r, "transplant-regimen", s.Tok0, s.Tok1) {
		return nil
	}
	studyTreatment := f.find(x.r, "study-treatment", s.Tok0, s.Tok1)
	if len(studyTreatment) == 0 {
		return nil
	}
	cue := f.find(x.r, "prior-cue", s.Tok0, s.Tok1)
	if l, _ := x.r.pattern("prior-lead").matchAt(f.Tokens, s.Tok0, s.Tok1); l > 0 {
		return nil // "After IVIG pulse therapy, the patients received ..."
	}
	ms := f.inSentence(si)
	var out []*mention
	for _, h := range studyTreatment {
		if insideHit(cue, h) || (h.Tok0 > s.Tok0 && earlierWord[f.Tokens[h.Tok0-1].Fold]) {
			continue // "had received", "previously received"
		}
		if !x.patientsSubject(f, s, h.Tok0, size) {
			continue
		}
		end := h.Tok1
		for end < s.Tok1 && end < h.Tok1+10 && !givenStop[f.Tokens[end].Fold] && !listBreak(f, end) {
			end++
		}
		for i := range ms {
			m := &ms[i]
			if m.Tok0 < h.Tok1 || m.Tok1 > end || m.Negated || m.Kind() != "drug" {
				continue
			}
			if priorCueLicenses(f, cue, studyTreatment, m) {
				continue
			}
			out = append(out, m)
		}
	}
	return out
}

// insideHit: h lies within one of hs.
func insideHit(hs []hit[string], h hit[string]) bool {
	for _, c := range hs {
		if h.Tok0 >= c.Tok0 && h.Tok1 <= c.Tok1 {
			return true
		}
	}
	return false
}

// earlierWord before "received" makes it a treatment of the past.
var earlierWord = map[string]bool{"had": true, "have": true, "has": true, "previously": true, "already": true,
	"ever": true, "once": true, "never": true, "not": true}

// givenStop ends what the study-treatment cue introduces: a time before or
// after it, another treatment's role, a comparison.
var givenStop = map[string]bool{"after": true, "following": true, "before": true, "prior": true, "previous": true,
	"previously": true, "than": true, "until": true, "because": true, "due": true, "rescue": true,
	"concomitant": true, "concurrent": true, "additional": true, "who": true, "which": true, "had": true}

// listBreak: a semicolon before token k ends the reach (a colon may be
// a ratio: "randomized 2:1 to fostamatinib").
func listBreak(f *field, k int) bool {
	return strings.Contains(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start), ";")
}

// patientsSubject: before the cue at token k the sentence names the
// patients ("Patients received", "patients with persistent/chronic ITP
// were randomized", "Those patients ... and were treated with"), not a
// control group, and not a numbered part of them ("Two patients received
// platelet transfusions" when the study has 30).
func (x *extraction) patientsSubject(f *field, s *sentence, k, size int) bool {
	noun := -1
	for j := k - 1; j >= s.Tok0 && j >= k-25; j-- {
		if j+1 < k && clauseBreakBefore(f, j+1) && !insideBrackets(f, j+1) {
			break
		}
		switch f.Tokens[j].Fold {
		case "control", "controls", "comparator", "placebo", "observation":
			return false
		}
		if noun < 0 && x.isPatientsNoun(f, j) {
			noun = j
		}
	}
	if noun < 0 {
		return false
	}
	// "59% and 70% of the patients receiving eltrombopag", "among
	// patients receiving ...": a share or an outcome's group, not the
	// sentence's subject.
	for j := noun - 1; j >= s.Tok0 && j >= noun-3; j-- {
		if w := f.Tokens[j].Fold; w == "of" || w == "among" || w == "in" {
			return false
		}
	}
	for _, c := range countsIn(x.r, f, s) {
		if c.Tok1-1 != noun {
			continue
		}
		if c.Part || c.N != size {
			return false
		}
	}
	return true
}
