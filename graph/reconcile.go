package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/msckg/msckg/mappings/evidence"
	o "github.com/msckg/msckg/ontology"
)

// Reconciliation merges what several sources' texts say about one paper
// into one set of facts (issue 9, item 4). It is a pure function of the
// per-source Facts, given in the order in which their values win (the
// caller's choice: emitFacts puts the longest abstract first, then format
// rank); "best-ranked" below means first in that order:
//
//   - the same cohort, intervention, outcome or trial stated by several
//     sources is one reconciled fact, with one view per source that states
//     it (the source's own fact, its indexes pointing into the reconciled
//     slices, and its own evidence spans);
//   - a fact only one source states is kept;
//   - a functional value (a cohort's size, a dose, ...) is asserted from
//     the best-ranked source that states it; a source stating another
//     value loses it from its view and keeps it as a factConflict;
//   - reconciled facts are put in a canonical order computed from their
//     asserted content, so their numbers (and so their IRIs) depend neither
//     on the order of the inputs nor on which source listed a fact first.

// view is what one source (by its index in the ranked sources) states of
// one reconciled fact.
type view[T any] struct {
	src  int
	fact T
}

// reconciled is the merged facts of one paper. Each slice element is one
// reconciled fact: its views, best-ranked source first; the asserted value
// of a property is the first view's that states it.
type reconciled struct {
	design        []view[evidence.Design]
	cohorts       [][]view[evidence.Cohort]
	interventions [][]view[evidence.Intervention]
	outcomes      [][]view[evidence.Outcome]
	trials        [][]view[evidence.TrialMention]
	agents        []string // the asserted agent of each intervention: its views' most specific
	conflicts     []factConflict
}

// factConflict is a value a source states for a reconciled fact that
// differs from the asserted one.
type factConflict struct {
	kind     string // "design", "cohort", "intervention", "outcome"
	index    int    // into the reconciled slice of kind; -1 for design
	prop     string // the property's name, e.g. "size"
	propIRI  string
	src      int
	asserted statedValue
	stated   statedValue
	spans    []evidence.Span // where the source stated its value
	refined  bool            // the stated value is a broader concept the asserted one refines: less precise, not a disagreement
}

// statedValue is one value of a functional property, whatever its type.
type statedValue struct {
	iri  string
	num  *int
	flag *bool
	text string
	q    *evidence.Quantity
	ref  string // "intervention" when idx is an index into the reconciled interventions
	idx  int
}

// key is a canonical form: two values are the same when their keys are.
func (v statedValue) key() string {
	switch {
	case v.num != nil:
		return "n" + strconv.Itoa(*v.num)
	case v.flag != nil:
		return "b" + strconv.FormatBool(*v.flag)
	case v.q != nil:
		return "q" + quantityKey(*v.q)
	case v.ref != "":
		return "r" + v.ref + strconv.Itoa(v.idx)
	case v.iri != "":
		return "i" + v.iri
	}
	return "t" + v.text
}

// String is how the summary shows the value.
func (v statedValue) String() string {
	switch {
	case v.num != nil:
		return strconv.Itoa(*v.num)
	case v.flag != nil:
		return strconv.FormatBool(*v.flag)
	case v.q != nil:
		if v.q.UnitText != "" {
			return v.q.UnitText
		}
		return quantityKey(*v.q)
	case v.ref != "":
		return fmt.Sprintf("%s %d", v.ref, v.idx+1)
	case v.iri != "":
		return o.CompactIRI(v.iri)
	}
	return v.text
}

// quantityKey is what the graph states of a quantity, without the words
// it was written in: "60 × 10⁶ cells/day" and "60×10^6 cells/d" agree.
func quantityKey(q evidence.Quantity) string {
	return strings.Join([]string{q.Value, q.Min, q.Max, q.Median, q.Comparator, q.Unit}, "|")
}

func numVal(n int) statedValue     { return statedValue{num: &n} }
func iriVal(s string) statedValue  { return statedValue{iri: s} }
func textVal(s string) statedValue { return statedValue{text: s} }

// reconcile merges per (one Facts per source, in the order their values
// win; nil where a source has none) into the paper's facts. broader maps a concept to its
// broader one (lexicon.tsv), so that one source's "MSCs" and another's
// "UC-MSCs" can be the same intervention.
func reconcile(per []*evidence.Facts, broader map[string]string) reconciled {
	m := &merger{broader: broader}
	for i, f := range per {
		if f == nil {
			f = &evidence.Facts{}
		}
		if f.Design != nil && f.Design.IRI != "" {
			m.r.design = append(m.r.design, view[evidence.Design]{i, *f.Design})
		}
		m.ivMap = append(m.ivMap, m.matchInterventions(i, f.Interventions))
		m.cMap = append(m.cMap, m.matchCohorts(i, f.Cohorts))
		m.ocMap = append(m.ocMap, m.matchOutcomes(i, f))
		m.matchTrials(i, f.Trials)
	}
	m.canonicalOrder()
	m.settle()
	return m.r
}

// merger is reconciliation's working state: which reconciled fact each
// source's fact became, in the order facts were first met.
type merger struct {
	r                  reconciled
	ivMap, cMap, ocMap [][]int // [source][its index] → reconciled index
	cohortParent       []int   // reconciled parent of each cohort, -1 for a study cohort
	broader            map[string]string
}

// assign pairs the n facts of one source with the m reconciled facts
// already there: the best-scoring compatible pairs first, each side used
// once. score reports false for a pair that cannot be the same fact.
// Unpaired facts get -1.
func assign(n, m int, score func(j, k int) (int, bool)) []int {
	type pair struct{ j, k, s int }
	var pairs []pair
	for j := range n {
		for k := range m {
			if s, ok := score(j, k); ok {
				pairs = append(pairs, pair{j, k, s})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.s, a.s) })
	out := make([]int, n)
	for j := range out {
		out[j] = -1
	}
	used := make([]bool, m)
	for _, p := range pairs {
		if out[p.j] < 0 && !used[p.k] {
			out[p.j], used[p.k] = p.k, true
		}
	}
	return out
}

// soleMatch accepts a compatible pair that has nothing else in common
// only when each is the one fact of its kind on its side: one abstract's
// "20 patients" and another's "22 patients" of the paper's one cohort.
func soleMatch(s, nj, nk int) (int, bool) {
	if s > 0 {
		return s, true
	}
	return 0, nj == 1 && nk == 1
}

func hasSource[T any](vs []view[T], src int) bool {
	return slices.ContainsFunc(vs, func(v view[T]) bool { return v.src == src })
}

// matchInterventions pairs interventions of the same agent, or of agents
// one of which refines the other (UC-MSC is a kind of MSC) when that pair
// is the only one the broader agent could mean.
func (m *merger) matchInterventions(src int, ivs []evidence.Intervention) []int {
	r := &m.r
	refinable := func(j int) int { // how many reconciled interventions j's agent is a broader or narrower form of
		n := 0
		for k := range r.interventions {
			if a, b := ivs[j].Agent.IRI, m.agentOf(k); a != b && (m.isBroader(a, b) || m.isBroader(b, a)) {
				n++
			}
		}
		return n
	}
	got := assign(len(ivs), len(r.interventions), func(j, k int) (int, bool) {
		a, b := ivs[j], r.interventions[k][0].fact
		if a.Agent.IRI == "" || hasSource(r.interventions[k], src) {
			return 0, false
		}
		s := 2
		if agent := m.agentOf(k); a.Agent.IRI != agent {
			if !m.isBroader(a.Agent.IRI, agent) && !m.isBroader(agent, a.Agent.IRI) || refinable(j) != 1 {
				return 0, false
			}
			s = 1
		}
		if a.Dose != nil && b.Dose != nil && quantityKey(*a.Dose) == quantityKey(*b.Dose) {
			s += 2
		}
		if a.Courses > 0 && a.Courses == b.Courses {
			s++
		}
		return s, true
	})
	for j, iv := range ivs {
		if iv.Agent.IRI == "" {
			continue // not a fact: what was given is not known
		}
		if got[j] < 0 {
			got[j] = len(r.interventions)
			r.interventions = append(r.interventions, nil)
		}
		r.interventions[got[j]] = append(r.interventions[got[j]], view[evidence.Intervention]{src, iv})
	}
	return got
}

// mapped translates a source's indexes into reconciled ones, dropping
// indexes that point nowhere.
func mapped(idx []int, to []int) []int {
	var out []int
	for _, i := range idx {
		if i >= 0 && i < len(to) && to[i] >= 0 && !slices.Contains(out, to[i]) {
			out = append(out, to[i])
		}
	}
	return out
}

// cohortLinks lists the reconciled interventions (or outcomes) the views
// of reconciled cohort k link to.
func (m *merger) cohortLinks(k int, outcomes bool) []int {
	var out []int
	for _, v := range m.r.cohorts[k] {
		if outcomes {
			if v.src < len(m.ocMap) {
				out = append(out, mapped(v.fact.Outcomes, m.ocMap[v.src])...)
			}
			continue
		}
		out = append(out, mapped(v.fact.Interventions, m.ivMap[v.src])...)
	}
	return out
}

// matchCohorts matches study cohorts first, then arms and subgroups whose
// parent is matched, level by level: an arm is only ever the same as an
// arm of the same reconciled parent.
func (m *merger) matchCohorts(src int, cs []evidence.Cohort) []int {
	cs = slices.Clone(cs)
	out := make([]int, len(cs))
	done := make([]bool, len(cs))
	parentOf := func(j int) int { // reconciled parent: -1 for a study cohort, -2 while not yet matched
		c := cs[j]
		if c.Part == evidence.PartStudy {
			return -1
		}
		if !done[c.Parent] {
			return -2
		}
		return out[c.Parent]
	}
	for j := range cs {
		if c := cs[j]; c.Part != evidence.PartStudy && (c.Parent < 0 || c.Parent >= len(cs) || c.Parent == j) {
			cs[j].Part = evidence.PartStudy // a parent that is not there: keep the patients, as a study cohort
		}
	}
	for left := len(cs); left > 0; {
		var level []int
		for j := range cs {
			if !done[j] && parentOf(j) != -2 {
				level = append(level, j)
			}
		}
		if len(level) == 0 { // parents in a cycle: read them as study cohorts
			for j := range cs {
				if !done[j] {
					cs[j].Part = evidence.PartStudy
				}
			}
			continue
		}
		m.matchCohortLevel(src, cs, level, parentOf, out)
		for _, j := range level {
			done[j] = true
		}
		left -= len(level)
	}
	return out
}

func (m *merger) matchCohortLevel(src int, cs []evidence.Cohort, level []int, parentOf func(int) int, out []int) {
	r := &m.r
	ivMap := m.ivMap[src]
	got := assign(len(level), len(r.cohorts), func(jj, k int) (int, bool) {
		j := level[jj]
		a, b := cs[j], r.cohorts[k][0].fact
		parent := parentOf(j)
		if a.Part != b.Part || m.cohortParent[k] != parent || hasSource(r.cohorts[k], src) {
			return 0, false
		}
		if a.ArmRole != "" && b.ArmRole != "" && a.ArmRole != b.ArmRole {
			return 0, false
		}
		s := 0
		if a.Size > 0 && a.Size == b.Size {
			s += 3
		}
		if a.Name != "" && normTitle(a.Name) == normTitle(b.Name) {
			s += 2
		}
		if overlap(a.Conditions, b.Conditions) {
			s++
		}
		for _, same := range []bool{
			a.AgeGroup != "" && a.AgeGroup == b.AgeGroup,
			a.Sex != "" && a.Sex == b.Sex,
			a.DiseasePhase != "" && a.DiseasePhase == b.DiseasePhase,
			a.Refractory != nil && b.Refractory != nil && *a.Refractory == *b.Refractory,
			a.Age != nil && b.Age != nil && quantityKey(*a.Age) == quantityKey(*b.Age),
		} {
			if same {
				s++
			}
		}
		theirs := m.cohortLinks(k, false)
		if slices.ContainsFunc(mapped(a.Interventions, ivMap), func(i int) bool { return slices.Contains(theirs, i) }) {
			s++
		}
		nj, nk := 0, 0
		for _, l := range level {
			if cs[l].Part == a.Part && parentOf(l) == parent {
				nj++
			}
		}
		for i := range r.cohorts {
			if r.cohorts[i][0].fact.Part == a.Part && m.cohortParent[i] == parent {
				nk++
			}
		}
		return soleMatch(s, nj, nk)
	})
	for jj, j := range level {
		k := got[jj]
		if k < 0 {
			k = len(r.cohorts)
			r.cohorts = append(r.cohorts, nil)
			m.cohortParent = append(m.cohortParent, parentOf(j))
		}
		out[j] = k
		r.cohorts[k] = append(r.cohorts[k], view[evidence.Cohort]{src, cs[j]})
	}
}

func overlap(a, b []evidence.Concept) bool {
	for _, x := range a {
		for _, y := range b {
			if x.IRI == y.IRI {
				return true
			}
		}
	}
	return false
}

// matchOutcomes pairs outcomes of the same type and label, reported for
// no different time or cohort; a different value is then a conflict.
func (m *merger) matchOutcomes(src int, f *evidence.Facts) []int {
	r := &m.r
	cMap := m.cMap[src]
	ownersOf := func(j int) []int {
		var out []int
		for c, co := range f.Cohorts {
			if slices.Contains(co.Outcomes, j) {
				out = append(out, cMap[c])
			}
		}
		return out
	}
	owners := make([][]int, len(r.outcomes)) // the reconciled cohorts reporting each reconciled outcome
	for c := range r.cohorts {
		for _, k := range m.cohortLinks(c, true) {
			owners[k] = append(owners[k], c)
		}
	}
	kind := func(oc evidence.Outcome) string { return oc.Type + "|" + oc.Label }
	got := assign(len(f.Outcomes), len(r.outcomes), func(j, k int) (int, bool) {
		a, b := f.Outcomes[j], r.outcomes[k][0].fact
		if kind(a) != kind(b) || hasSource(r.outcomes[k], src) {
			return 0, false
		}
		s := 0
		if a.Timepoint != nil && b.Timepoint != nil {
			if quantityKey(*a.Timepoint) != quantityKey(*b.Timepoint) {
				return 0, false // another time is another outcome
			}
			s += 2
		}
		if a.Value != nil && b.Value != nil && quantityKey(*a.Value) == quantityKey(*b.Value) {
			s += 2
		}
		if a.TimeComment != "" && b.TimeComment != "" {
			if a.TimeComment != b.TimeComment {
				return 0, false
			}
			s++
		}
		ao, bo := ownersOf(j), owners[k]
		if len(ao) > 0 && len(bo) > 0 && !slices.ContainsFunc(ao, func(c int) bool { return slices.Contains(bo, c) }) {
			return 0, false // another cohort's or arm's result
		}
		if a.Patients != nil && b.Patients != nil && *a.Patients == *b.Patients {
			s++
		}
		if a.Total != nil && b.Total != nil && *a.Total == *b.Total {
			s++
		}
		nj, nk := 0, 0
		for _, x := range f.Outcomes {
			if kind(x) == kind(a) {
				nj++
			}
		}
		for _, vs := range r.outcomes {
			if kind(vs[0].fact) == kind(a) {
				nk++
			}
		}
		return soleMatch(s, nj, nk)
	})
	for j, oc := range f.Outcomes {
		if got[j] < 0 {
			got[j] = len(r.outcomes)
			r.outcomes = append(r.outcomes, nil)
		}
		r.outcomes[got[j]] = append(r.outcomes[got[j]], view[evidence.Outcome]{src, oc})
	}
	return got
}

// matchTrials gathers the mentions of each registry id; every mention is
// kept, with its span.
func (m *merger) matchTrials(src int, ts []evidence.TrialMention) {
	r := &m.r
	for _, t := range ts {
		k := slices.IndexFunc(r.trials, func(vs []view[evidence.TrialMention]) bool { return vs[0].fact.ID == t.ID })
		if k < 0 {
			k = len(r.trials)
			r.trials = append(r.trials, nil)
		}
		r.trials[k] = append(r.trials[k], view[evidence.TrialMention]{src, t})
	}
}

// canonicalOrder sorts the reconciled facts by their best-ranked view's
// content and rewrites every view's indexes into the sorted slices.
// Cohorts come in tree order: each study cohort, then its arms and
// subgroups.
func (m *merger) canonicalOrder() {
	r := &m.r
	ivOrder := sortedBy(len(r.interventions), func(k int) string {
		iv := r.interventions[k][0].fact
		iv.Agent.IRI = m.agentOf(k)
		return interventionKey(iv)
	})
	ivPerm := inverse(ivOrder)

	children := map[int][]int{}
	for k, p := range m.cohortParent {
		children[p] = append(children[p], k)
	}
	var cOrder []int
	var walk func(parent int)
	walk = func(parent int) {
		kids := children[parent]
		slices.SortStableFunc(kids, func(a, b int) int {
			return strings.Compare(cohortKey(r.cohorts[a][0].fact), cohortKey(r.cohorts[b][0].fact))
		})
		for _, k := range kids {
			cOrder = append(cOrder, k)
			walk(k)
		}
	}
	walk(-1)
	cPerm := inverse(cOrder)

	owner := make([]int, len(r.outcomes)) // first cohort (sorted) reporting each outcome
	for k := range owner {
		owner[k] = len(cOrder)
	}
	for c := range r.cohorts {
		for _, k := range m.cohortLinks(c, true) {
			owner[k] = min(owner[k], cPerm[c])
		}
	}
	ocOrder := sortedBy(len(r.outcomes), func(k int) string {
		return fmt.Sprintf("%06d|%s", owner[k], outcomeKey(r.outcomes[k][0].fact))
	})
	ocPerm := inverse(ocOrder)

	through := func(idx, srcMap, perm []int) []int {
		out := mapped(idx, srcMap)
		for i, k := range out {
			out[i] = perm[k]
		}
		slices.Sort(out)
		return out
	}
	for _, vs := range r.cohorts {
		for i := range vs {
			v := &vs[i]
			v.fact.Interventions = through(v.fact.Interventions, m.ivMap[v.src], ivPerm)
			v.fact.Outcomes = through(v.fact.Outcomes, m.ocMap[v.src], ocPerm)
		}
	}
	for k, vs := range r.cohorts {
		if p := m.cohortParent[k]; p >= 0 {
			for i := range vs {
				vs[i].fact.Parent = cPerm[p]
			}
		}
	}
	for _, vs := range r.outcomes {
		for i := range vs {
			v := &vs[i]
			v.fact.Intervention = -1
			if got := through([]int{v.fact.Intervention}, m.ivMap[v.src], ivPerm); len(got) == 1 {
				v.fact.Intervention = got[0]
			}
		}
	}
	r.interventions = permute(r.interventions, ivOrder)
	r.cohorts = permute(r.cohorts, cOrder)
	r.outcomes = permute(r.outcomes, ocOrder)
	slices.SortStableFunc(r.trials, func(a, b []view[evidence.TrialMention]) int {
		return strings.Compare(a[0].fact.ID, b[0].fact.ID)
	})
}

// sortedBy returns 0..n-1 ordered by key, ties kept in the order met.
func sortedBy(n int, key func(int) string) []int {
	keys := make([]string, n)
	order := make([]int, n)
	for i := range n {
		keys[i], order[i] = key(i), i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	return order
}

// inverse maps each old index to its place in order.
func inverse(order []int) []int {
	perm := make([]int, len(order))
	for newIdx, old := range order {
		perm[old] = newIdx
	}
	return perm
}

func permute[T any](xs []T, order []int) []T {
	out := make([]T, len(order))
	for i, old := range order {
		out[i] = xs[old]
	}
	return out
}

func firstSpan(spans []evidence.Span) string {
	if len(spans) == 0 {
		return ""
	}
	return spans[0].Text
}

func qKey(q *evidence.Quantity) string {
	if q == nil {
		return ""
	}
	return quantityKey(*q)
}

func conceptIRIs(cs []evidence.Concept) string {
	var iris []string
	for _, c := range cs {
		iris = append(iris, c.IRI)
	}
	slices.Sort(iris)
	return strings.Join(iris, " ")
}

func interventionKey(iv evidence.Intervention) string {
	cell := ""
	if iv.CellSource != nil {
		cell = iv.CellSource.IRI
	}
	return strings.Join([]string{iv.Agent.IRI, cell, iv.Route, qKey(iv.Dose), fmt.Sprintf("%06d", iv.Courses),
		iv.Schedule, firstSpan(iv.Spans)}, "\x00")
}

// cohortKey puts larger cohorts first, so the study's whole cohort is
// usually cohort 1.
func cohortKey(c evidence.Cohort) string {
	return strings.Join([]string{string(c.Part), c.ArmRole, normTitle(c.Name), fmt.Sprintf("%09d", 999999999-min(max(c.Size, 0), 999999999)),
		conceptIRIs(c.Conditions), c.AgeGroup, c.Sex, qKey(c.Age), firstSpan(c.Spans)}, "\x00")
}

func outcomeKey(oc evidence.Outcome) string {
	n := func(p *int) string {
		if p == nil {
			return ""
		}
		return fmt.Sprintf("%09d", *p)
	}
	return strings.Join([]string{oc.Type, oc.Label, qKey(oc.Timepoint), oc.TimeComment, qKey(oc.Value),
		n(oc.Patients), n(oc.Total), firstSpan(oc.Spans)}, "\x00")
}

// prop is one functional property of a fact: how to read it from a view,
// and how to take it out of a view that states another value.
type prop[T any] struct {
	name, iri string
	get       func(*T) (statedValue, bool)
	clear     func(*T)
	adopt     func(*T, statedValue) // for a quantity that agrees: the asserted words, so the node keeps one unitText
}

// settle keeps one value per functional property and fact: the first
// view's that states one; a later view stating another value loses it
// to r.conflicts.
func settle[T any](r *reconciled, kind string, index int, vs []view[T], props []prop[T], spansOf func(*T, string) []evidence.Span) {
	for _, p := range props {
		first := -1
		var asserted statedValue
		for i := range vs {
			v, ok := p.get(&vs[i].fact)
			switch {
			case !ok:
			case first < 0:
				first, asserted = i, v
			case v.key() == asserted.key():
				if p.adopt != nil {
					p.adopt(&vs[i].fact, asserted)
				}
			default:
				spans := spansOf(&vs[i].fact, p.name)
				if v.q != nil && v.q.Span.Text != "" {
					spans = []evidence.Span{v.q.Span}
				}
				r.conflicts = append(r.conflicts, factConflict{kind: kind, index: index, prop: p.name, propIRI: p.iri,
					src: vs[i].src, asserted: asserted, stated: v, spans: spans})
				p.clear(&vs[i].fact)
			}
		}
	}
}

func (m *merger) settle() {
	r := &m.r
	settle(r, "design", -1, r.design, []prop[evidence.Design]{
		strProp("studyDesign", o.StudyDesign, true, func(d *evidence.Design) *string { return &d.IRI })},
		func(d *evidence.Design, _ string) []evidence.Span { return []evidence.Span{d.Span} })
	cohortProps := []prop[evidence.Cohort]{
		intProp("size", o.Size, func(c *evidence.Cohort) *int { return &c.Size }),
		strProp("ageGroup", o.AgeGroup, true, func(c *evidence.Cohort) *string { return &c.AgeGroup }),
		quantityProp("age", o.Age, func(c *evidence.Cohort) **evidence.Quantity { return &c.Age }),
		strProp("sex", o.Sex, true, func(c *evidence.Cohort) *string { return &c.Sex }),
		boolProp("refractory", o.Refractory, func(c *evidence.Cohort) **bool { return &c.Refractory }),
		strProp("diseasePhase", o.DiseasePhase, true, func(c *evidence.Cohort) *string { return &c.DiseasePhase }),
		quantityProp("diseaseDuration", o.DiseaseDuration, func(c *evidence.Cohort) **evidence.Quantity { return &c.DiseaseDuration }),
	}
	for k, vs := range r.cohorts {
		settle(r, "cohort", k, vs, cohortProps, func(c *evidence.Cohort, name string) []evidence.Span {
			return detailSpans(c.Details, name, c.Spans)
		})
	}
	ivProps := []prop[evidence.Intervention]{
		{name: "cellSource", iri: o.CellSource,
			get: func(iv *evidence.Intervention) (statedValue, bool) {
				if iv.CellSource == nil || iv.CellSource.IRI == "" {
					return statedValue{}, false
				}
				return iriVal(iv.CellSource.IRI), true
			},
			clear: func(iv *evidence.Intervention) { iv.CellSource = nil }},
		strProp("route", o.Route, true, func(iv *evidence.Intervention) *string { return &iv.Route }),
		quantityProp("dose", o.Dose, func(iv *evidence.Intervention) **evidence.Quantity { return &iv.Dose }),
		intProp("courses", o.Courses, func(iv *evidence.Intervention) *int { return &iv.Courses }),
		strProp("schedule", o.Schedule, false, func(iv *evidence.Intervention) *string { return &iv.Schedule }),
	}
	r.agents = make([]string, len(r.interventions))
	for k, vs := range r.interventions {
		r.agents[k] = m.agentOf(k)
		for _, v := range vs {
			if v.fact.Agent.IRI != r.agents[k] {
				r.conflicts = append(r.conflicts, factConflict{kind: "intervention", index: k, prop: "agent", propIRI: o.Agent,
					src: v.src, asserted: iriVal(r.agents[k]), stated: iriVal(v.fact.Agent.IRI),
					spans: detailSpans(v.fact.Details, "agent", v.fact.Spans), refined: true})
			}
		}
		settle(r, "intervention", k, vs, ivProps, func(iv *evidence.Intervention, name string) []evidence.Span {
			return detailSpans(iv.Details, name, iv.Spans)
		})
	}
	ocProps := []prop[evidence.Outcome]{
		countProp("patients", o.Patients, func(oc *evidence.Outcome) **int { return &oc.Patients }),
		quantityProp("value", o.Value, func(oc *evidence.Outcome) **evidence.Quantity { return &oc.Value }),
		quantityProp("timepoint", o.Timepoint, func(oc *evidence.Outcome) **evidence.Quantity { return &oc.Timepoint }),
		countProp("total", o.Total, func(oc *evidence.Outcome) **int { return &oc.Total }),
		strProp("timeComment", o.RDFSComment, false, func(oc *evidence.Outcome) *string { return &oc.TimeComment }),
		{name: "ofIntervention", iri: o.OfIntervention,
			get: func(oc *evidence.Outcome) (statedValue, bool) {
				return statedValue{ref: "intervention", idx: oc.Intervention}, oc.Intervention >= 0
			},
			clear: func(oc *evidence.Outcome) { oc.Intervention = -1 }},
	}
	for k, vs := range r.outcomes {
		settle(r, "outcome", k, vs, ocProps, func(oc *evidence.Outcome, _ string) []evidence.Span { return oc.Spans })
	}
}

func intProp[T any](name, iri string, field func(*T) *int) prop[T] {
	return prop[T]{name: name, iri: iri,
		get:   func(f *T) (statedValue, bool) { return numVal(*field(f)), *field(f) > 0 },
		clear: func(f *T) { *field(f) = 0 }}
}

// countProp is a count that may be 0 ("no adverse events"); nil is not stated.
func countProp[T any](name, iri string, field func(*T) **int) prop[T] {
	return prop[T]{name: name, iri: iri,
		get: func(f *T) (statedValue, bool) {
			if p := *field(f); p != nil && *p >= 0 {
				return numVal(*p), true
			}
			return statedValue{}, false
		},
		clear: func(f *T) { *field(f) = nil }}
}

func boolProp[T any](name, iri string, field func(*T) **bool) prop[T] {
	return prop[T]{name: name, iri: iri,
		get: func(f *T) (statedValue, bool) {
			if p := *field(f); p != nil {
				b := *p
				return statedValue{flag: &b}, true
			}
			return statedValue{}, false
		},
		clear: func(f *T) { *field(f) = nil }}
}

func strProp[T any](name, iri string, isIRI bool, field func(*T) *string) prop[T] {
	return prop[T]{name: name, iri: iri,
		get: func(f *T) (statedValue, bool) {
			if isIRI {
				return iriVal(*field(f)), *field(f) != ""
			}
			return textVal(*field(f)), *field(f) != ""
		},
		clear: func(f *T) { *field(f) = "" }}
}

func quantityProp[T any](name, iri string, field func(*T) **evidence.Quantity) prop[T] {
	return prop[T]{name: name, iri: iri,
		get: func(f *T) (statedValue, bool) {
			if q := *field(f); q != nil {
				return statedValue{q: q}, true
			}
			return statedValue{}, false
		},
		clear: func(f *T) { *field(f) = nil },
		adopt: func(f *T, asserted statedValue) {
			q := **field(f) // a copy: the source's Facts stay as extracted
			q.UnitText = asserted.q.UnitText
			*field(f) = &q
		}}
}

// detailSpans are the words a property was read from, or the fact's own
// spans when no rule recorded them.
func detailSpans(ds []evidence.Detail, name string, all []evidence.Span) []evidence.Span {
	var out []evidence.Span
	for _, d := range ds {
		if d.Property == name {
			out = append(out, d.Span)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// isBroader reports whether concept a is broader than concept b (an
// ancestor of b through lexicon.tsv's broader column).
func (m *merger) isBroader(a, b string) bool {
	for i := 0; i < 16 && b != ""; i++ { // the lexicon's chains are short; a cycle must not loop
		b = m.broader[b]
		if b == a {
			return true
		}
	}
	return false
}

// agentOf is the most specific agent the views of intervention k name:
// matching keeps them on one chain of broader concepts.
func (m *merger) agentOf(k int) string {
	best := ""
	for _, v := range m.r.interventions[k] {
		if a := v.fact.Agent.IRI; best == "" || m.isBroader(best, a) {
			best = a
		}
	}
	return best
}

// loadBroader reads the broader concept of every lexicon entry.
func loadBroader() (map[string]string, error) {
	lex, err := o.Lexicon()
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	out := map[string]string{}
	for _, e := range lex {
		if e.Broader != "" {
			out[e.IRI] = e.Broader
		}
	}
	return out, nil
}
