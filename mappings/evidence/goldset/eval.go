package goldset

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/msckg/msckg/mappings/evidence"
	"github.com/msckg/msckg/ontology"
)

// FactTypes lists the kinds of atomic fact the scorer counts, in report
// order. Each document's facts are flattened into strings of these kinds
// and compared as multisets, so two cohorts of 4 patients need two "4"s.
var FactTypes = []string{
	"design",
	"cohort.size", "cohort.ageGroup", "cohort.sex", "cohort.age",
	"cohort.condition", "cohort.refractory", "cohort.diseasePhase", "cohort.priorTherapy",
	"intervention.agent", "intervention.route", "intervention.dose", "intervention.courses",
	"outcome", "outcome.type",
	"trial",
}

// Counts is the confusion count for one fact type.
type Counts struct {
	Gold, Predicted, TP int
}

// FP is the number of predicted facts the gold standard does not have.
func (c Counts) FP() int { return c.Predicted - c.TP }

// FN is the number of gold facts the prediction missed.
func (c Counts) FN() int { return c.Gold - c.TP }

// Precision is TP/predicted; 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.Predicted) }

// Recall is TP/gold; 0 when the gold standard has none.
func (c Counts) Recall() float64 { return ratio(c.TP, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 { return ratio(2*c.TP, c.Gold+c.Predicted) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c *Counts) add(o Counts) {
	c.Gold += o.Gold
	c.Predicted += o.Predicted
	c.TP += o.TP
}

// DocReport says, for one gold document, which facts were missed and which
// were invented, so a rule author can see why a score moved.
type DocReport struct {
	ID       string
	Counts   map[string]Counts
	Missed   []string // "type: atom" in gold but not predicted
	Invented []string // "type: atom" predicted but not in gold
}

// Report is the result of scoring a predictor against the gold corpus.
type Report struct {
	Types   []string // the fact types scored, in table order
	Docs    []DocReport
	ByType  map[string]Counts // summed over documents (micro-average)
	Overall Counts
}

func newReport(types []string) Report {
	return Report{Types: types, ByType: make(map[string]Counts)}
}

// Score runs predict on every gold document and compares its facts with
// the annotation, per fact type.
func Score(gold []GoldDoc, predict func(GoldDoc) evidence.Facts) Report {
	r := newReport(FactTypes)
	for _, doc := range gold {
		r.add(doc.ID, goldAtoms(doc.Facts), factAtoms(predict(doc)))
	}
	return r
}

// add compares one document's atoms, wanted and got, per fact type of
// the report and adds the counts.
func (r *Report) add(id string, want, got map[string][]string) {
	dr := DocReport{ID: id, Counts: make(map[string]Counts)}
	for _, t := range r.Types {
		c, missed, invented := compareMultisets(want[t], got[t])
		dr.Counts[t] = c
		for _, a := range missed {
			dr.Missed = append(dr.Missed, t+": "+a)
		}
		for _, a := range invented {
			dr.Invented = append(dr.Invented, t+": "+a)
		}
		sum := r.ByType[t]
		sum.add(c)
		r.ByType[t] = sum
		r.Overall.add(c)
	}
	r.Docs = append(r.Docs, dr)
}

// compareMultisets counts matches between two bags of atoms and returns
// the unmatched ones of each side, sorted.
func compareMultisets(want, got []string) (c Counts, missed, invented []string) {
	c.Gold, c.Predicted = len(want), len(got)
	left := make(map[string]int, len(want))
	for _, a := range want {
		left[a]++
	}
	for _, a := range got {
		if left[a] > 0 {
			left[a]--
			c.TP++
		} else {
			invented = append(invented, a)
		}
	}
	for a, n := range left {
		for ; n > 0; n-- {
			missed = append(missed, a)
		}
	}
	sort.Strings(missed)
	sort.Strings(invented)
	return c, missed, invented
}

// Table renders the report as a Markdown table, one row per fact type and
// a final row for all facts together.
func (r Report) Table() string {
	var b strings.Builder
	b.WriteString("| fact type | gold | predicted | TP | P | R | F1 |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|\n")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %.2f | %.2f | %.2f |\n",
			name, c.Gold, c.Predicted, c.TP, c.Precision(), c.Recall(), c.F1())
	}
	for _, t := range r.Types {
		row(t, r.ByType[t])
	}
	row("**all**", r.Overall)
	return b.String()
}

// goldAtoms flattens an annotation into atoms per fact type.
func goldAtoms(f GoldFacts) map[string][]string {
	a := make(map[string][]string)
	put := func(t, v string) {
		if v != "" {
			a[t] = append(a[t], v)
		}
	}
	if f.Design != nil {
		put("design", *f.Design)
	}
	cohort := func(c GoldCohort) {
		if c.Size != nil {
			put("cohort.size", strconv.Itoa(*c.Size))
		}
		put("cohort.ageGroup", strOrEmpty(c.AgeGroup))
		put("cohort.sex", strOrEmpty(c.Sex))
		put("cohort.age", c.Age.atom())
		for _, k := range uniqueStrings(c.Conditions) {
			put("cohort.condition", k)
		}
		if c.Refractory != nil {
			put("cohort.refractory", strconv.FormatBool(*c.Refractory))
		}
		put("cohort.diseasePhase", strOrEmpty(c.DiseasePhase))
		for _, k := range uniqueStrings(c.PriorTherapies) {
			put("cohort.priorTherapy", k)
		}
	}
	intervention := func(iv GoldIntervention) {
		put("intervention.agent", iv.Agent)
		put("intervention.route", strOrEmpty(iv.Route))
		put("intervention.dose", iv.Dose.atom())
		if iv.Courses != nil {
			put("intervention.courses", strconv.Itoa(*iv.Courses))
		}
	}
	for _, c := range f.Cohorts {
		cohort(c)
	}
	for _, iv := range f.Interventions {
		intervention(iv)
	}
	// A subgroup is a cohort of the extractor's output (Rule "subgroup"),
	// and its further administrations are interventions.
	for _, g := range f.Subgroups {
		cohort(g.GoldCohort)
		for _, iv := range g.Interventions {
			intervention(iv)
		}
	}
	for _, o := range f.Outcomes {
		put("outcome", outcomeAtom(o.Type, o.Patients, o.Value.atom(), o.Timepoint.atom()))
		put("outcome.type", o.Type)
	}
	for _, t := range f.Trials {
		put("trial", normalTrial(t))
	}
	return a
}

// factAtoms flattens extractor output the same way, mapping IRIs to the
// CURIEs and short names the gold files use.
func factAtoms(f evidence.Facts) map[string][]string {
	a := make(map[string][]string)
	put := func(t, v string) {
		if v != "" {
			a[t] = append(a[t], v)
		}
	}
	if f.Design != nil {
		put("design", shortName(f.Design.IRI))
	}
	// Arms and subgroups are scored as cohorts: the gold files list a
	// study's compared groups among its cohorts ("the HID group", 100) and
	// its subgroups apart, and atoms do not say which cohort a fact is on.
	cohorts := make([]map[string][]string, len(f.Cohorts))
	for i, c := range f.Cohorts {
		cohorts[i] = cohortAtoms(c)
	}
	for i := range f.Cohorts {
		skip := repeatedByArms(f.Cohorts, cohorts, i)
		for _, t := range cohortTypes {
			for _, v := range cohorts[i][t] {
				if !skip[t+"\x00"+v] {
					put(t, v)
				}
			}
		}
	}
	for _, iv := range f.Interventions {
		put("intervention.agent", curie(iv.Agent.IRI))
		put("intervention.route", goldRouteName(iv.Route))
		put("intervention.dose", quantityAtom(iv.Dose))
		if iv.Courses > 0 {
			put("intervention.courses", strconv.Itoa(iv.Courses))
		}
	}
	for _, o := range f.Outcomes {
		t := shortName(o.Type)
		put("outcome", outcomeAtom(t, o.Patients, quantityAtom(o.Value), quantityAtom(o.Timepoint)))
		put("outcome.type", t)
	}
	for _, t := range f.Trials {
		put("trial", normalTrial(t.ID))
	}
	return a
}

// cohortTypes are the fact types of a cohort, in scoring order.
var cohortTypes = []string{"cohort.size", "cohort.ageGroup", "cohort.sex", "cohort.age", "cohort.condition",
	"cohort.refractory", "cohort.diseasePhase", "cohort.priorTherapy"}

// cohortAtoms are one cohort's atoms per fact type.
func cohortAtoms(c evidence.Cohort) map[string][]string {
	a := make(map[string][]string)
	put := func(t, v string) {
		if v != "" {
			a[t] = append(a[t], v)
		}
	}
	if c.Size > 0 {
		put("cohort.size", strconv.Itoa(c.Size))
	}
	put("cohort.ageGroup", shortName(c.AgeGroup))
	put("cohort.sex", shortName(c.Sex))
	put("cohort.age", quantityAtom(c.Age))
	for _, k := range uniqueStrings(conceptCURIEs(c.Conditions)) {
		put("cohort.condition", k)
	}
	if c.Refractory != nil {
		put("cohort.refractory", strconv.FormatBool(*c.Refractory))
	}
	put("cohort.diseasePhase", shortName(c.DiseasePhase))
	for _, k := range uniqueStrings(conceptCURIEs(c.PriorTherapies)) {
		put("cohort.priorTherapy", k)
	}
	return a
}

// repeatedByArms: the atoms of study cohort i that every one of its arms
// repeats, when the text counts the arms but not the study ("fostamatinib
// (n = 101) or placebo (n = 49)" and no total). The gold files have one
// cohort per group the text counts, so such a study cohort is no cohort
// of theirs: its age group and conditions are the arms' facts, scored on
// each arm, and scoring them on the study too would count one fact twice.
// What no arm repeats (a disease phase read for the whole study) is
// scored on the study cohort, so a wrong reading there still counts.
func repeatedByArms(cs []evidence.Cohort, atoms []map[string][]string, i int) map[string]bool {
	if cs[i].Part != evidence.PartStudy || cs[i].Size > 0 {
		return nil
	}
	var arms []int
	for j, c := range cs {
		if j != i && c.Part == evidence.PartArm && c.Parent == i {
			if c.Size == 0 {
				return nil
			}
			arms = append(arms, j)
		}
	}
	if len(arms) < 2 {
		return nil
	}
	skip := map[string]bool{}
	for t, vs := range atoms[i] {
		for _, v := range vs {
			all := true
			for _, j := range arms {
				all = all && slices.Contains(atoms[j][t], v)
			}
			if all {
				skip[t+"\x00"+v] = true
			}
		}
	}
	return skip
}

// curie shortens an mkg: or MeSH IRI to the form the gold files use;
// anything else (including an existing CURIE) is returned trimmed.
func curie(iri string) string {
	return ontology.CompactIRI(strings.TrimSpace(iri))
}

// shortName turns an mkg: term IRI or CURIE (mkg:Adults) into its local
// name (Adults), the form used for enumerated values.
// goldRouteName is the annotation's name of a route: the gold says
// Intraosseous for mkg:IntraBoneMarrow, and its scheme has no oral route
// (testdata/gold/README.md), so an oral route is not scored: "" is put
// nowhere.
func goldRouteName(iri string) string {
	switch n := shortName(iri); n {
	case "IntraBoneMarrow":
		return "Intraosseous"
	case "Oral":
		return ""
	default:
		return n
	}
}

func shortName(iri string) string {
	return strings.TrimPrefix(curie(iri), "mkg:")
}

func conceptCURIEs(cs []evidence.Concept) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		if k := curie(c.IRI); k != "" {
			out = append(out, k)
		}
	}
	return out
}

func outcomeAtom(typ string, patients *int, value, timepoint string) string {
	if typ == "" {
		return ""
	}
	p := "?"
	if patients != nil {
		p = strconv.Itoa(*patients)
	}
	return fmt.Sprintf("%s patients=%s value=[%s] at=[%s]", typ, p, value, timepoint)
}

func (q *GoldQuantity) atom() string {
	if q == nil {
		return ""
	}
	return formatQuantity(q.Value, q.Min, q.Max, q.Median, q.Unit)
}

func quantityAtom(q *evidence.Quantity) string {
	if q == nil {
		return ""
	}
	return formatQuantity(q.Value, q.Min, q.Max, q.Median, q.Unit)
}

// formatQuantity writes a quantity with every number in canonical form, so
// "5.0E7" from a sloppy predictor still matches "50000000". The comparator
// is not compared: ">150" and "≥150" carry the same Min for synthesis.
func formatQuantity(value, lo, hi, median, unit string) string {
	var parts []string
	for _, p := range []struct{ k, v string }{
		{"value", value}, {"min", lo}, {"max", hi}, {"median", median},
	} {
		if p.v != "" {
			parts = append(parts, p.k+"="+canonicalNumber(p.v))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " ") + " " + unit
}

// canonicalNumber renders a decimal exactly (big.Rat, no float rounding)
// in its shortest plain form; text that is not a number is kept as is so
// that it simply fails to match.
func canonicalNumber(s string) string {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(s))
	if !ok {
		return s
	}
	if r.IsInt() {
		return r.Num().String()
	}
	// A finite decimal needs at most as many digits as the denominator's
	// powers of 2 and 5; 40 is far beyond any clinical quantity.
	out := r.FloatString(40)
	out = strings.TrimRight(out, "0")
	return strings.TrimSuffix(out, ".")
}

func normalTrial(id string) string {
	return strings.ToUpper(strings.TrimSpace(id))
}

func strOrEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// uniqueStrings drops repeats within one cohort's list (a therapy named twice is
// one fact), keeping the first order.
func uniqueStrings(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := xs[:0:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
