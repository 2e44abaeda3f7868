package graph

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
	o "github.com/msckg/msckg/ontology"
)

const (
	pregnancyDOI = "10.1186/s12884-025-08177-9" // the BMC Pregnancy and Childbirth case report
	etmDOI       = "10.3892/etm.2017.4229"      // the Exp Ther Med case series
)

// fixture reads the records of a testdata file (path from the repository
// root) that carry doi, with their facts extracted as msckg build does.
func fixture(t *testing.T, path, doi string) []Input {
	t.Helper()
	f, err := os.Open(filepath.Join("..", path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	format, rd, err := mappings.Open(f, "")
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []Input
	for r, err := range format.Read(rd) {
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if strings.EqualFold(r.DOI, doi) {
			out = append(out, Input{Path: path, Record: r, Facts: extractFacts(r)})
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s has no record of %s", path, doi)
	}
	return out
}

func extractFacts(r mappings.Record) *evidence.Facts {
	in := evidence.Input{Title: r.Title, Abstract: r.Abstract.Text}
	for _, s := range r.Abstract.Sections {
		in.Sections = append(in.Sections, evidence.Section{Label: s.Label, Text: s.Text})
	}
	f := evidence.Extract(in)
	return &f
}

// edited is a copy of a real record whose abstract says new where the
// original says old, as a corrected or conference version of it would.
func edited(t *testing.T, in Input, old, new string) Input {
	t.Helper()
	r := in.Record
	if !strings.Contains(r.Abstract.Text, old) {
		t.Fatalf("%s: abstract has no %q", in.Path, old)
	}
	r.Abstract.Text = strings.Replace(r.Abstract.Text, old, new, 1)
	r.Abstract.Sections = nil
	r.Raw = []byte(strings.Replace(string(r.Raw), old, new, 1) + " (edited)")
	return Input{Path: in.Path + " (edited)", Record: r, Facts: extractFacts(r)}
}

// union is a build's statements without their graphs.
type union map[string]map[string][]rdf.Term // subject → predicate → objects

func unionOf(res *Result) union {
	u := union{}
	for _, q := range res.Quads {
		s, p := q.Subj.String(), q.Pred.String()
		if u[s] == nil {
			u[s] = map[string][]rdf.Term{}
		}
		if !slices.ContainsFunc(u[s][p], func(x rdf.Term) bool { return x.Serialize(rdf.NTriples) == q.Obj.Serialize(rdf.NTriples) }) {
			u[s][p] = append(u[s][p], q.Obj)
		}
	}
	return u
}

func (u union) one(s, p string) string {
	if os := u[s][p]; len(os) > 0 {
		return os[0].String()
	}
	return ""
}

func (u union) is(s, class string) bool {
	return slices.ContainsFunc(u[s][o.RDFType], func(x rdf.Term) bool { return x.String() == class })
}

var factKinds = []struct{ class, name string }{
	{o.Cohort, "cohort"}, {o.Intervention, "intervention"}, {o.Outcome, "outcome"}, {o.Paper, "paper"},
}

func (u union) kind(s string) string {
	for _, k := range factKinds {
		if u.is(s, k.class) {
			return k.name
		}
	}
	return ""
}

// value shows an object without the IRIs minted for it: a fact node by
// its kind, a quantity by its numbers and unit.
func (u union) value(x rdf.Term) string {
	s := x.String()
	if k := u.kind(s); k != "" {
		return k
	}
	if !u.is(s, o.SchemaQuantitativeValue) {
		return s
	}
	var parts []string
	for _, p := range []string{o.SchemaValue, o.SchemaMinValue, o.SchemaMaxValue, o.Median, o.SchemaUnitCode} {
		parts = append(parts, u.one(s, p))
	}
	return strings.Join(parts, "|")
}

// facts flattens a build's clinical facts into "kind property value"
// lines, independent of node IRIs. asserted holds what the graph asserts;
// kept adds the values disagreeing sources stated (mkg:StatedFactValue).
func facts(res *Result) (asserted, kept map[string]bool) {
	u := unionOf(res)
	asserted, kept = map[string]bool{}, map[string]bool{}
	skip := []string{o.RDFType, o.RDFSLabel, o.EvidenceProp, o.PROVWasDerivedFrom}
	for s, props := range u {
		k := u.kind(s)
		if u.is(s, o.StatedFactValue) {
			kept[u.kind(u.one(s, o.StatedFor))+" "+u.one(s, o.StatedProperty)+" "+u.value(u[s][o.RDFValue][0])] = true
			continue
		}
		if k == "" {
			continue
		}
		for p, objs := range props {
			if slices.Contains(skip, p) || (k == "paper" && p != o.StudyDesign && p != o.ReportsTrial) {
				continue
			}
			for _, x := range objs {
				line := k + " " + p + " " + u.value(x)
				asserted[line], kept[line] = true, true
			}
		}
	}
	return asserted, kept
}

func TestAddingARecordNeverRemovesAFact(t *testing.T) {
	tests := []struct {
		name      string
		base, add [][2]string // file, DOI
		// facts the larger build must still assert
		mustAssert []string
	}{
		{
			name: "pregnancy report: Crossref's shorter abstract added to the Semantic Scholar page",
			base: [][2]string{{"testdata/seeds/000_33f487b38e5875d3.txt", pregnancyDOI}},
			add:  [][2]string{{"testdata/formats/crossref-worklist.json", pregnancyDOI}},
			mustAssert: []string{
				"intervention " + o.Agent + " " + o.UmbilicalCordMSC,
				"intervention " + o.Dose + " 60000000.0||||{cells}/d",
				"intervention " + o.Courses + " 7",
				"cohort " + o.Size + " 1",
				"outcome " + o.OutcomeType + " " + o.MKG + "AdverseEvents",
			},
		},
		{
			// BibTeX outranks the page, but its abstract is cut after "five
			// courses", before "followed by two postpartum courses": the
			// longer abstract's 7 courses stays asserted, 5 is kept as stated.
			name: "pregnancy report: a truncated BibTeX abstract added to the Semantic Scholar page",
			base: [][2]string{{"testdata/seeds/000_33f487b38e5875d3.txt", pregnancyDOI}},
			add:  [][2]string{{"testdata/formats/bibtex-multi.bib", pregnancyDOI}},
			mustAssert: []string{
				"intervention " + o.Courses + " 7",
				"intervention " + o.Agent + " " + o.UmbilicalCordMSC,
			},
		},
		{
			name: "pregnancy report: the Semantic Scholar page added to Crossref's record",
			base: [][2]string{{"testdata/formats/crossref-worklist.json", pregnancyDOI}},
			add:  [][2]string{{"testdata/seeds/000_33f487b38e5875d3.txt", pregnancyDOI}},
		},
		{
			name: "case series: every other export added to PubMed's",
			base: [][2]string{{"testdata/formats/pubmed-etm.xml", etmDOI}},
			add: [][2]string{{"testdata/formats/medline-etm.nbib", etmDOI}, {"testdata/formats/crossref-etm.json", etmDOI},
				{"testdata/formats/csl-etm.json", etmDOI}, {"testdata/formats/bibtex-etm.bib", etmDOI},
				{"testdata/formats/ris-zotero-etm.ris", etmDOI}},
			mustAssert: []string{"cohort " + o.Size + " 4", "intervention " + o.Agent + " " + o.UmbilicalCordMSC},
		},
		{
			name: "case series: PubMed added to the Zotero export",
			base: [][2]string{{"testdata/formats/ris-zotero-etm.ris", etmDOI}},
			add:  [][2]string{{"testdata/formats/pubmed-etm.xml", etmDOI}},
		},
	}
	read := func(t *testing.T, files [][2]string) []Input {
		var in []Input
		for _, f := range files {
			in = append(in, fixture(t, f[0], f[1])...)
		}
		return in
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := read(t, tt.base)
			before, _ := facts(mustBuild(t, base))
			if len(before) == 0 {
				t.Fatal("the smaller build has no facts: nothing is tested")
			}
			res := mustBuild(t, append(base, read(t, tt.add)...))
			after, kept := facts(res)
			for _, f := range slices.Sorted(mapsKeys(before)) {
				if !kept[f] {
					t.Errorf("adding a record removed %q", f)
				}
			}
			for _, f := range tt.mustAssert {
				if !after[f] {
					t.Errorf("with the added record the graph does not assert %q", f)
				}
			}
		})
	}
}

func mapsKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// studied lists the cohorts a paper studies.
func studied(u union, paper string) []string {
	var out []string
	for _, c := range u[paper][o.Studies] {
		out = append(out, c.String())
	}
	slices.Sort(out)
	return out
}

func TestTheSameCohortInTwoAbstractsIsOneNode(t *testing.T) {
	tests := []struct {
		name    string
		files   [][2]string
		paper   string
		cohorts int // study cohorts the paper has, however many records state them
	}{
		{"pregnancy report, Semantic Scholar page and Crossref",
			[][2]string{{"testdata/seeds/000_33f487b38e5875d3.txt", pregnancyDOI}, {"testdata/formats/crossref-worklist.json", pregnancyDOI}},
			pregnancyDOI, 1},
		// Four patients; the three who had a second course are a subgroup
		// of them, not a second cohort.
		{"case series, PubMed and Crossref",
			[][2]string{{"testdata/formats/pubmed-etm.xml", etmDOI}, {"testdata/formats/crossref-etm.json", etmDOI}},
			etmDOI, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in []Input
			for _, f := range tt.files {
				in = append(in, fixture(t, f[0], f[1])...)
			}
			res := mustBuild(t, in)
			u := unionOf(res)
			paper := (minter{base: DefaultBase}).paperByDOI(tt.paper)
			cs := studied(u, paper)
			if len(cs) != tt.cohorts {
				t.Fatalf("paper studies %d cohorts %v, want %d", len(cs), cs, tt.cohorts)
			}
			c := cs[0]
			sources := map[string]bool{}
			for _, ev := range u[c][o.EvidenceProp] {
				sources[u.one(ev.String(), o.OAHasSource)] = true
			}
			if len(sources) != len(in) {
				t.Errorf("%s has evidence from %d sources, want %d", c, len(sources), len(in))
			}
			if n := len(u[c][o.PROVWasDerivedFrom]); n != len(in) {
				t.Errorf("%s is derived from %d sources, want %d", c, n, len(in))
			}
			if n := len(u[c][o.Size]); n != 1 {
				t.Errorf("%s has %d sizes, want 1", c, n)
			}
		})
	}
}

// TestEvidenceFindsItsWords checks that every Evidence node points at
// words the graph holds: in the paper's title or abstract, or in the
// statedTitle or statedAbstract of its source record.
func TestEvidenceFindsItsWords(t *testing.T) {
	var in []Input
	for _, f := range [][2]string{
		{"testdata/seeds/000_33f487b38e5875d3.txt", pregnancyDOI}, {"testdata/formats/crossref-worklist.json", pregnancyDOI},
		{"testdata/formats/pubmed-etm.xml", etmDOI}, {"testdata/formats/bibtex-etm.bib", etmDOI},
	} {
		in = append(in, fixture(t, f[0], f[1])...)
	}
	u := unionOf(mustBuild(t, in))
	fields := map[string]int{}
	for s := range u {
		if !u.is(s, o.Evidence) {
			continue
		}
		field, src := u.one(s, o.Field), u.one(s, o.OAHasSource)
		holder, prop := s[:strings.Index(s, "/evidence/")], map[string]string{"title": o.DCTitle, "abstract": o.DCAbstract}[field]
		if prop == "" {
			holder, prop = src, map[string]string{"statedTitle": o.StatedTitle, "statedAbstract": o.StatedAbstract}[field]
		}
		if prop == "" {
			t.Errorf("%s: unknown mkg:field %q", s, field)
			continue
		}
		fields[field]++
		text := []rune(u.one(holder, prop))
		start, end := atoi(t, u.one(s, o.OAStart)), atoi(t, u.one(s, o.OAEnd))
		if start < 0 || end > len(text) || start >= end || string(text[start:end]) != u.one(s, o.OAExact) {
			t.Errorf("%s: %s of %s [%d:%d] is not %q", s, field, holder, start, end, u.one(s, o.OAExact))
		}
	}
	// The page's longer abstract and its title with a final period are
	// not the paper's: their evidence must be there, and found.
	if fields["statedAbstract"] == 0 || fields["statedTitle"] == 0 || fields["abstract"] == 0 {
		t.Errorf("evidence per field = %v, want some in abstract, statedAbstract and statedTitle", fields)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("%q is not a count", s)
		}
		n = n*10 + int(r-'0')
	}
	return n
}

func TestConflictingSizesAreKeptAndReported(t *testing.T) {
	pubmed := fixture(t, "testdata/formats/pubmed-etm.xml", etmDOI)[0]
	crossref := fixture(t, "testdata/formats/crossref-etm.json", etmDOI)[0]
	tests := []struct {
		name           string
		in             []Input
		asserted       string // the size the best-ranked source gives
		stated         string // the other, kept on its record
		statedBy       int    // index into in
		chosen, differ string // as the summary shows them
	}{
		{"Crossref's abstract says five, PubMed's four",
			[]Input{pubmed, edited(t, crossref, "Four patients", "Five patients")}, "4", "5", 1, "4", "5"},
		{"PubMed's abstract says five, Crossref's four",
			[]Input{edited(t, pubmed, "Four patients", "Five patients"), crossref}, "5", "4", 1, "5", "4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustBuild(t, tt.in)
			u := unionOf(res)
			paper := (minter{base: DefaultBase}).paperByDOI(etmDOI)
			var sizes []string
			var cohort string
			for _, c := range studied(u, paper) {
				for _, s := range u[c][o.Size] {
					sizes = append(sizes, s.String())
					if s.String() == tt.asserted {
						cohort = c
					}
				}
			}
			if slices.Contains(sizes, tt.stated) || cohort == "" {
				t.Fatalf("the paper's cohorts have sizes %v: want %s asserted and %s not", sizes, tt.asserted, tt.stated)
			}
			src := (minter{base: DefaultBase}).source(sha256Hex(tt.in[tt.statedBy].Record.Raw))
			var found bool
			for _, sv := range u[src][o.StatedFactValueProp] {
				s := sv.String()
				if u.one(s, o.StatedFor) == cohort && u.one(s, o.StatedProperty) == o.Size && u.one(s, o.RDFValue) == tt.stated &&
					u.one(s, o.PROVWasDerivedFrom) == src && len(u[s][o.EvidenceProp]) > 0 {
					found = true
				}
			}
			if !found {
				t.Errorf("%s keeps no stated size %s for %s with its evidence", src, tt.stated, cohort)
			}
			var reported bool
			for _, d := range res.Summary.Disagreements {
				if strings.HasSuffix(d.Property, " size") && d.Chosen == tt.chosen && d.Stated == tt.differ &&
					d.Source == tt.in[tt.statedBy].Path+" record 1" {
					reported = true
				}
			}
			if !reported {
				t.Errorf("size %s vs %s not in the summary: %v", tt.chosen, tt.differ, res.Summary.Disagreements)
			}
		})
	}
}

func TestFactIRIsDoNotDependOnInputOrder(t *testing.T) {
	var in []Input
	for _, f := range [][2]string{
		{"testdata/seeds/000_33f487b38e5875d3.txt", pregnancyDOI}, {"testdata/formats/crossref-worklist.json", pregnancyDOI},
		{"testdata/formats/pubmed-etm.xml", etmDOI}, {"testdata/formats/crossref-etm.json", etmDOI},
		{"testdata/formats/bibtex-etm.bib", etmDOI},
	} {
		in = append(in, fixture(t, f[0], f[1])...)
	}
	in = append(in, edited(t, in[3], "Four patients", "Five patients"))
	want := nquads(mustBuild(t, in))
	r := rand.New(rand.NewSource(9))
	for range 10 {
		r.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		if got := nquads(mustBuild(t, in)); got != want {
			t.Fatal("output depends on the order of the inputs")
		}
	}
}

// reversedCohorts is f with its cohorts listed the other way round, as
// another abstract of the same paper might list them.
func reversedCohorts(f evidence.Facts) *evidence.Facts {
	n := len(f.Cohorts)
	f.Cohorts = slices.Clone(f.Cohorts)
	slices.Reverse(f.Cohorts)
	for i := range f.Cohorts {
		if f.Cohorts[i].Part != evidence.PartStudy {
			f.Cohorts[i].Parent = n - 1 - f.Cohorts[i].Parent
		}
	}
	return &f
}

func TestCohortNumbersDoNotDependOnWhichSourceListedThemFirst(t *testing.T) {
	pubmed := fixture(t, "testdata/formats/pubmed-etm.xml", etmDOI)[0]
	f := *pubmed.Facts
	if len(f.Cohorts) < 2 {
		t.Fatalf("want a paper with several cohorts, got %d", len(f.Cohorts))
	}
	order := func(r reconciled) []string {
		var out []string
		for _, vs := range r.cohorts {
			out = append(out, cohortKey(vs[0].fact))
		}
		return out
	}
	want := order(reconcile([]*evidence.Facts{&f}, nil))
	for name, per := range map[string][]*evidence.Facts{
		"reversed alone":            {reversedCohorts(f)},
		"reversed best, then as is": {reversedCohorts(f), &f},
		"as is best, then reversed": {&f, reversedCohorts(f)},
	} {
		r := reconcile(per, nil)
		if got := order(r); !slices.Equal(got, want) {
			t.Errorf("%s: cohorts in order %q, want %q", name, got, want)
		}
		for k, vs := range r.cohorts {
			if len(vs) != len(per) {
				t.Errorf("%s: cohort %d has %d views, want one per source", name, k+1, len(vs))
			}
		}
		if len(r.conflicts) != 0 {
			t.Errorf("%s: conflicts %v in identical facts", name, r.conflicts)
		}
	}
}

// TestArmsAreMatchedUnderTheirParent builds, from the two-arm trial
// sentence, the facts two abstracts would give: the same 62-patient study
// with its arms listed in another order, one abstract counting 30 in the
// combination arm. Arms match arms of the matched parent, indexes are
// remapped, and the differing count is a conflict.
func TestArmsAreMatchedUnderTheirParent(t *testing.T) {
	const sentence = "Overall response at 12 weeks was achieved by 21 of 31 patients (68%) in the combination arm"
	span := evidence.Span{Field: "abstract", Start: 0, End: len([]rune(sentence)), Text: sentence}
	n := func(v int) *int { return &v }
	arms := func(combinationSize int, combinationFirst bool) *evidence.Facts {
		study := evidence.Cohort{Size: 62, Spans: []evidence.Span{span}}
		comb := evidence.Cohort{Size: combinationSize, Part: evidence.PartArm, ArmRole: o.MKG + "TreatmentArm",
			Name: "the combination arm", Spans: []evidence.Span{span}, Outcomes: []int{0}}
		ctrl := evidence.Cohort{Size: 31, Part: evidence.PartArm, ArmRole: o.MKG + "ComparatorArm",
			Name: "the comparator arm", Spans: []evidence.Span{span}}
		f := &evidence.Facts{Outcomes: []evidence.Outcome{{Type: o.MKG + "OverallResponse", Label: "Overall response",
			Patients: n(21), Total: n(combinationSize), Intervention: -1, Spans: []evidence.Span{span}}}}
		if combinationFirst {
			comb.Parent, ctrl.Parent = 2, 2
			f.Cohorts = []evidence.Cohort{comb, ctrl, study}
		} else {
			f.Cohorts = []evidence.Cohort{study, ctrl, comb}
		}
		return f
	}
	r := reconcile([]*evidence.Facts{arms(31, false), arms(30, true)}, nil)
	if len(r.cohorts) != 3 {
		t.Fatalf("got %d cohorts, want the study and its two arms", len(r.cohorts))
	}
	study := slices.IndexFunc(r.cohorts, func(vs []view[evidence.Cohort]) bool { return vs[0].fact.Part == evidence.PartStudy })
	for k, vs := range r.cohorts {
		if len(vs) != 2 {
			t.Errorf("cohort %d has %d views, want 2", k+1, len(vs))
		}
		for _, v := range vs {
			if v.fact.Part == evidence.PartArm && v.fact.Parent != study {
				t.Errorf("arm %d of source %d has parent %d, want %d", k+1, v.src, v.fact.Parent, study)
			}
			if v.fact.ArmRole != vs[0].fact.ArmRole {
				t.Errorf("cohort %d joins arms %s and %s", k+1, vs[0].fact.ArmRole, v.fact.ArmRole)
			}
			if v.fact.ArmRole == o.MKG+"TreatmentArm" && !slices.Equal(v.fact.Outcomes, []int{0}) {
				t.Errorf("combination arm of source %d has outcomes %v, want [0]", v.src, v.fact.Outcomes)
			}
		}
	}
	var props []string
	for _, c := range r.conflicts {
		props = append(props, c.kind+" "+c.prop+" "+c.asserted.String()+"/"+c.stated.String())
	}
	slices.Sort(props)
	want := []string{"cohort size 31/30", "outcome total 31/30"}
	if !slices.Equal(props, want) {
		t.Errorf("conflicts %q, want %q", props, want)
	}
}

// TestABroaderAgentJoinsTheNarrowerOne: Crossref's record of the pregnancy
// report names "Mesenchymal stem cells" (its title), the page's abstract
// names UC-MSCs. One intervention, with the narrower agent; Crossref's
// broader one is kept on its record and is no disagreement.
func TestABroaderAgentJoinsTheNarrowerOne(t *testing.T) {
	crossref := fixture(t, "testdata/formats/crossref-worklist.json", pregnancyDOI)
	in := append(crossref, fixture(t, "testdata/seeds/000_33f487b38e5875d3.txt", pregnancyDOI)...)
	res := mustBuild(t, in)
	u := unionOf(res)
	paper := (minter{base: DefaultBase}).paperByDOI(pregnancyDOI)
	var ivs []string
	for s := range u {
		if u.is(s, o.Intervention) && strings.HasPrefix(s, paper+"/") {
			ivs = append(ivs, s)
		}
	}
	if len(ivs) != 1 {
		t.Fatalf("interventions %v, want one", ivs)
	}
	if agents := u[ivs[0]][o.Agent]; len(agents) != 1 || agents[0].String() != o.UmbilicalCordMSC {
		t.Errorf("agents %v, want only %s", agents, o.UmbilicalCordMSC)
	}
	src := (minter{base: DefaultBase}).source(sha256Hex(crossref[0].Record.Raw))
	var kept bool
	for _, sv := range u[src][o.StatedFactValueProp] {
		kept = kept || (u.one(sv.String(), o.StatedFor) == ivs[0] && u.one(sv.String(), o.RDFValue) == o.MKG+"MSC")
	}
	if !kept {
		t.Errorf("Crossref's agent mkg:MSC is not kept on %s", src)
	}
	for _, d := range res.Summary.Disagreements {
		if strings.HasSuffix(d.Property, " agent") {
			t.Errorf("a broader agent reported as a disagreement: %v", d)
		}
	}
}
