package graph

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/mappings"
	o "github.com/msckg/msckg/ontology"
)

// rec makes a record whose Raw bytes differ by name, as real records do.
func rec(name, format string, fill func(r *mappings.Record)) Input {
	r := mappings.Record{Format: format, Number: 1, Line: 1, Raw: []byte(name)}
	fill(&r)
	return Input{Path: name, Record: r}
}

func author(family, given string) mappings.Author {
	return mappings.Author{Family: family, Given: given, AsWritten: family + ", " + given}
}

func mustBuild(t *testing.T, in []Input) *Result {
	t.Helper()
	res, err := Build(in, Options{})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return res
}

// objects lists the objects of s p in the union view, as N-Triples terms.
func objects(res *Result, s, p string) []string {
	seen := map[string]bool{}
	var out []string
	for _, q := range res.Quads {
		if q.Subj.String() == s && q.Pred.String() == p {
			k := q.Obj.Serialize(rdf.NTriples)
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

func subjectsOfType(res *Result, class string) []string {
	seen := map[string]bool{}
	var out []string
	for _, q := range res.Quads {
		if q.Pred.String() == o.RDFType && q.Obj.String() == class && !seen[q.Subj.String()] {
			seen[q.Subj.String()] = true
			out = append(out, q.Subj.String())
		}
	}
	return out
}

func TestPaperIdentity(t *testing.T) {
	tests := []struct {
		name   string
		in     []Input
		papers int
	}{
		{"same DOI, different case", []Input{
			rec("a", "ris", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.1/ABC" }),
			rec("b", "bibtex", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.1/abc" }),
		}, 1},
		{"DOI on one, PMID on both", []Input{
			rec("a", "ris", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.1/x"; r.PMID = "1" }),
			rec("b", "medline", func(r *mappings.Record) { r.Title = "T"; r.PMID = "1" }),
		}, 1},
		{"chained by PMCID", []Input{
			rec("a", "ris", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.1/x" }),
			rec("b", "ris", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.1/x"; r.PMCID = "PMC1" }),
			rec("c", "ris", func(r *mappings.Record) { r.Title = "U"; r.PMCID = "pmc1" }),
		}, 1},
		{"different DOIs, same title", []Input{
			rec("a", "ris", func(r *mappings.Record) { r.Title = "Erratum"; r.DOI = "10.1/x"; r.Issued.Year = 2020 }),
			rec("b", "ris", func(r *mappings.Record) { r.Title = "Erratum"; r.DOI = "10.1/y"; r.Issued.Year = 2020 }),
		}, 2},
		{"no identifier joins by title and year", []Input{
			rec("a", "ris", func(r *mappings.Record) { r.Title = "MSC for ITP."; r.DOI = "10.1/x"; r.Issued.Year = 2020 }),
			rec("b", "zendy-page", func(r *mappings.Record) { r.Title = "msc for ITP"; r.Issued.Year = 2020 }),
		}, 1},
		{"no identifier, title matches two DOIs: ambiguous, joins neither", []Input{
			rec("a", "ris", func(r *mappings.Record) { r.Title = "Erratum"; r.DOI = "10.1/x"; r.Issued.Year = 2020 }),
			rec("b", "ris", func(r *mappings.Record) { r.Title = "Erratum"; r.DOI = "10.1/y"; r.Issued.Year = 2020 }),
			rec("c", "ris", func(r *mappings.Record) { r.Title = "Erratum"; r.Issued.Year = 2020 }),
		}, 3},
		{"same title, other year", []Input{
			rec("a", "ris", func(r *mappings.Record) { r.Title = "T"; r.Issued.Year = 2019 }),
			rec("b", "ris", func(r *mappings.Record) { r.Title = "T"; r.Issued.Year = 2020 }),
		}, 2},
		{"identical bytes twice are one source", []Input{
			rec("a", "ris", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.1/x" }),
			rec("a", "ris", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.1/x" }),
		}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustBuild(t, tt.in)
			if got := len(subjectsOfType(res, o.Paper)); got != tt.papers {
				t.Errorf("papers = %d, want %d", got, tt.papers)
			}
			if res.Summary.Papers != tt.papers || res.Summary.Records != len(tt.in) ||
				res.Summary.Papers+res.Summary.Merged != res.Summary.Records {
				t.Errorf("summary %+v does not add up for %d records, %d papers", res.Summary, len(tt.in), tt.papers)
			}
		})
	}
}

func TestMergingKeepsOneValuePerFunctionalProperty(t *testing.T) {
	in := []Input{
		rec("pubmed", "pubmed-xml", func(r *mappings.Record) {
			r.Title = "Right title"
			r.DOI = "10.1/x"
			r.Issued = mappings.Date{Year: 2017, Month: 5}
			r.Volume = "13"
		}),
		rec("page", "zendy-page", func(r *mappings.Record) {
			r.Title = "Wrong title"
			r.DOI = "10.1/x"
			r.Issued = mappings.Date{Year: 2017, Month: 5, Day: 30}
			r.Volume = "31"
		}),
		rec("bib", "bibtex", func(r *mappings.Record) {
			r.Title = "Right title"
			r.DOI = "10.1/X"
			r.Issued = mappings.Date{Year: 2017}
		}),
	}
	res := mustBuild(t, in)
	P := DefaultBase + "paper/doi/10.1/x"
	want := map[string]string{
		o.DCTitle:    `"Right title"`,
		o.BIBOVolume: `"13"`,
		o.DCIssued:   `"2017-05-30"^^<` + o.XSDDate + `>`,
	}
	for p, v := range want {
		got := objects(res, P, p)
		if len(got) != 1 || got[0] != v {
			t.Errorf("%s = %v, want exactly [%s]", p, got, v)
		}
	}
	// The page disagrees on title and volume: it keeps them on its record.
	stated := 0
	for _, q := range res.Quads {
		switch q.Pred.String() {
		case o.StatedTitle, o.StatedVolume:
			stated++
			if !strings.Contains(q.Obj.String(), "Wrong") && q.Obj.String() != "31" {
				t.Errorf("unexpected stated value %v", q.Obj)
			}
		}
	}
	if stated != 2 {
		t.Errorf("stated values = %d, want 2 (title and volume of the page)", stated)
	}
	props := map[string]bool{}
	for _, d := range res.Summary.Disagreements {
		props[d.Property] = true
	}
	if !props["title"] || !props["volume"] || props["issued"] {
		t.Errorf("disagreements = %v; want title and volume, not issued (2017 agrees with 2017-05-30)", res.Summary.Disagreements)
	}
}

func TestAuthorIdentity(t *testing.T) {
	in := []Input{
		// Two records of one paper spell the same people differently.
		rec("p1-ris", "ris", func(r *mappings.Record) {
			r.Title = "One"
			r.DOI = "10.1/one"
			r.Authors = []mappings.Author{author("Wang", "Xiaohua"), author("Liu", "Ying")}
		}),
		rec("p1-page", "vufind-page", func(r *mappings.Record) {
			r.Title = "One"
			r.DOI = "10.1/one"
			r.Authors = []mappings.Author{
				{Family: "Wang", Given: "Xiaohua", AsWritten: "Wang,Xiaohua"},
				{Family: "Liu", Given: "Ying", AsWritten: "Ying LIU"},
			}
		}),
		// Same co-author (Liu Ying): the same Wang Xiaohua.
		rec("p2", "ris", func(r *mappings.Record) {
			r.Title = "Two"
			r.DOI = "10.1/two"
			r.Authors = []mappings.Author{author("Wang", "Xiaohua"), author("Liu", "Ying")}
		}),
		// Same name, nothing shared: a possibly different person.
		rec("p3", "ris", func(r *mappings.Record) {
			r.Title = "Three"
			r.DOI = "10.1/three"
			r.Authors = []mappings.Author{author("Wang", "Xiaohua"), author("Smith", "Anna")}
		}),
		// Shares a family name only.
		rec("p4", "ris", func(r *mappings.Record) {
			r.Title = "Four"
			r.DOI = "10.1/four"
			r.Authors = []mappings.Author{author("Wang", "Xiaoming")}
		}),
	}
	res := mustBuild(t, in)
	people := subjectsOfType(res, o.Author)
	// Wang Xiaohua ×2, Liu Ying, Smith Anna, Wang Xiaoming.
	if len(people) != 5 {
		t.Fatalf("authors = %d (%v), want 5", len(people), people)
	}
	var wangs []string
	for _, p := range people {
		if strings.Contains(p, "/author/wang-xiaohua/") {
			wangs = append(wangs, p)
		}
	}
	if len(wangs) != 2 {
		t.Fatalf("want two Wang Xiaohua nodes with disambiguating suffixes, got %v", people)
	}
	matches := subjectsOfType(res, o.PossibleMatch)
	if len(matches) != 1 {
		t.Fatalf("PossibleMatch nodes = %v, want 1 (the two Wang Xiaohua)", matches)
	}
	if got := objects(res, matches[0], o.Candidate); !slices.Equal(got, []string{"<" + wangs[0] + ">", "<" + wangs[1] + ">"}) &&
		!slices.Equal(got, []string{"<" + wangs[1] + ">", "<" + wangs[0] + ">"}) {
		t.Errorf("candidates of %s = %v, want %v", matches[0], got, wangs)
	}
	if got := objects(res, wangs[0], o.PossiblySameAs); len(got) != 0 {
		t.Errorf("mkg:possiblySameAs written without Options.PairLinks: %v", got)
	}
	liu := DefaultBase + "author/liu-ying"
	if alts := objects(res, liu, o.SKOSAltLabel); len(alts) == 0 {
		t.Errorf("Liu Ying has no altLabel for the spelling 'Ying LIU'")
	}
	if names := objects(res, liu, o.FOAFName); len(names) != 1 || names[0] != `"Ying Liu"` {
		t.Errorf("foaf:name of Liu Ying = %v, want exactly one \"Ying Liu\"", names)
	}
	// Every decision is explained.
	var texts []string
	for _, e := range res.Identity {
		texts = append(texts, e.Kind+" "+e.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{
		"paper 2 records are this paper",
		"shared doi 10.1/one",
		"author Xiaohua Wang: same name and a shared co-author, Ying Liu,",
		"author possibly the same person as",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("identity explanations lack %q:\n%s", want, all)
		}
	}
	// Without explanations, the same decisions and the same statements.
	quiet, err := Build(in, Options{NoExplanations: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(quiet.Identity) != 0 {
		t.Errorf("NoExplanations: %d explanations", len(quiet.Identity))
	}
	if quiet.Digest != res.Digest || nquads(quiet) != nquads(res) {
		t.Errorf("NoExplanations changed the graph or the identity digest")
	}
}

// TestDerivedLinksAreLinear: 600 one-line records by "Wang, Wei" with
// nothing else in common make one PossibleMatch node with 600 candidates,
// not a link per pair of people, and no paper-paper links; PairLinks
// writes the pairwise links for drawing tools.
func TestDerivedLinksAreLinear(t *testing.T) {
	const n = 600
	var in []Input
	for i := range n {
		in = append(in, rec(fmt.Sprintf("wang%d", i), "ris", func(r *mappings.Record) {
			r.Title = fmt.Sprintf("Paper %d", i)
			r.DOI = fmt.Sprintf("10.1/wang.%d", i)
			r.Authors = []mappings.Author{author("Wang", "Wei")}
		}))
	}
	res := mustBuild(t, in)
	if perRecord := float64(len(res.Quads)) / n; perRecord > 40 {
		t.Errorf("%.1f statements per record: the derived links grow with the square of the name's frequency", perRecord)
	}
	matches := subjectsOfType(res, o.PossibleMatch)
	if len(matches) != 1 || len(objects(res, matches[0], o.Candidate)) != n {
		t.Errorf("PossibleMatch nodes %v, want one with %d candidates", matches, n)
	}
	for _, q := range res.Quads {
		if p := q.Pred.String(); p == o.PossiblySameAs || p == o.SharesAuthorWith {
			t.Fatalf("pairwise link written by default: %v", q)
		}
	}
	// Opt-in: every two of a smaller group, both ways.
	pairs, err := Build(in[:5], Options{PairLinks: true})
	if err != nil {
		t.Fatal(err)
	}
	psa := 0
	for _, q := range pairs.Quads {
		if q.Pred.String() == o.PossiblySameAs {
			psa++
		}
	}
	if psa != 5*4 {
		t.Errorf("PairLinks: %d mkg:possiblySameAs statements, want 20", psa)
	}
}

func TestORCIDSeparatesAndJoins(t *testing.T) {
	a := author("Zhang", "Bo")
	a.ORCID = "0000-0001-2345-6789"
	b := author("Zhang", "Bo")
	b.ORCID = "0000-0002-0000-0001"
	in := []Input{
		rec("x", "ris", func(r *mappings.Record) {
			r.Title = "X"
			r.DOI = "10.1/x"
			r.Authors = []mappings.Author{a, author("Li", "Na")}
		}),
		rec("y", "ris", func(r *mappings.Record) {
			r.Title = "Y"
			r.DOI = "10.1/y"
			r.Authors = []mappings.Author{b, author("Li", "Na")}
		}),
		rec("z", "ris", func(r *mappings.Record) { r.Title = "Z"; r.DOI = "10.1/z"; r.Authors = []mappings.Author{a} }),
	}
	res := mustBuild(t, in)
	var zhangs []string
	for _, p := range subjectsOfType(res, o.Author) {
		if strings.Contains(p, "/orcid/") {
			zhangs = append(zhangs, p)
		}
	}
	if len(zhangs) != 2 {
		t.Fatalf("want two ORCID-identified Bo Zhangs despite the shared co-author, got %v", zhangs)
	}
	if m := subjectsOfType(res, o.PossibleMatch); len(m) != 0 {
		t.Errorf("PossibleMatch %v: different ORCIDs are different people", m)
	}
}

func TestJournalIdentity(t *testing.T) {
	in := []Input{
		rec("a", "ris", func(r *mappings.Record) {
			r.Title = "A"
			r.DOI = "10.1/a"
			r.Journal = mappings.Journal{Title: "Experimental and Therapeutic Medicine", Abbrev: "Exp Ther Med", ISSN: "1792-0981", EISSN: "1792-1015"}
		}),
		rec("b", "vufind-page", func(r *mappings.Record) {
			r.Title = "B"
			r.DOI = "10.1/b"
			r.Journal = mappings.Journal{Abbrev: "Exp Ther Med"}
		}),
		rec("c", "zendy-page", func(r *mappings.Record) {
			r.Title = "C"
			r.DOI = "10.1/c"
			r.Journal = mappings.Journal{Title: "medicine", ISSNs: []string{"17921015"}}
		}),
	}
	res := mustBuild(t, in)
	js := subjectsOfType(res, o.Journal)
	if len(js) != 1 || js[0] != DefaultBase+"journal/issn/1792-0981" {
		t.Fatalf("journals = %v, want the one journal/issn/1792-0981", js)
	}
	if got := objects(res, js[0], o.DCTitle); len(got) != 1 {
		t.Errorf("journal titles = %v, want exactly one", got)
	}
}

func TestDeterministicInAnyOrder(t *testing.T) {
	var in []Input
	for i, d := range []string{"10.1/a", "10.1/b", "10.1/a", "", "10.1/c"} {
		name := string(rune('a' + i))
		in = append(in, rec(name, "ris", func(r *mappings.Record) {
			r.Title = "Paper " + d
			r.DOI = d
			r.Authors = []mappings.Author{author("Gu", "Yan"), author("Zhang", "Jing")}
			if i%2 == 0 {
				r.Authors = []mappings.Author{author("Gu", "Yan"), author("Mu", "Kai")}
			}
		}))
	}
	want := nquads(mustBuild(t, in))
	r := rand.New(rand.NewSource(1))
	for range 20 {
		r.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		if got := nquads(mustBuild(t, in)); got != want {
			t.Fatalf("output depends on input order")
		}
	}
}

func nquads(res *Result) string {
	var b strings.Builder
	for _, q := range res.Quads {
		b.WriteString(q.Serialize(rdf.NQuads))
	}
	return b.String()
}

func TestCheckBase(t *testing.T) {
	for base, ok := range map[string]bool{
		DefaultBase:              true,
		"http://example.org/kg#": true,
		"http://example.org/kg":  false,
		"relative/":              false,
		"http://exa mple.org/":   false,
	} {
		if err := CheckBase(base); (err == nil) != ok {
			t.Errorf("CheckBase(%q) = %v, want ok=%v", base, err, ok)
		}
	}
}

func TestLiterals(t *testing.T) {
	for in, want := range map[string]string{"12.5": "12.5", "50000000": "50000000.0", "0.5": "0.5"} {
		l, ok := decimal(in)
		if !ok || l.String() != want {
			t.Errorf("decimal(%q) = %q, %v; want %q", in, l.String(), ok, want)
		}
	}
	for _, bad := range []string{"", ".5", "5.", "1e9", "NaN", "5,0", "1.2.3"} {
		if _, ok := decimal(bad); ok {
			t.Errorf("decimal(%q) accepted", bad)
		}
	}
	for d, want := range map[mappings.Date]string{
		{Year: 2017}:                   "2017",
		{Year: 2017, Month: 5}:         "2017-05",
		{Year: 2017, Month: 5, Day: 1}: "2017-05-01",
	} {
		if l, ok := dateLiteral(d); !ok || l.String() != want {
			t.Errorf("dateLiteral(%v) = %v", d, l)
		}
	}
}

func TestFirstDifference(t *testing.T) {
	a := "Four patients received cells. The hUC-MSC dose was 5×10(7) to 1×10(8). Complete remission"
	b := "Four patients received cells. The hUC-MSC dose was 5x107 to 1x108. Complete remission"
	ga, gb := firstDifference(a, b)
	if ga != "…e hUC-MSC dose was 5×10(7) to 1×10(8). Comple…" || gb != "…e hUC-MSC dose was 5x107 to 1x108. Complete r…" {
		t.Errorf("firstDifference = %q, %q", ga, gb)
	}
}

// TestAbstractsReadAloneJoinByText: two copies of one abstract read alone
// (--from abstract) are one paper; a different abstract is another.
func TestAbstractsReadAloneJoinByText(t *testing.T) {
	alone := func(text string) func(r *mappings.Record) {
		return func(r *mappings.Record) {
			r.Abstract.Text = text
			r.Guessed = map[string]string{"kind": mappings.KindAbstractOnly}
		}
	}
	in := []Input{
		rec("a", "abstract", alone("Twelve patients with refractory ITP received umbilical cord MSCs.")),
		rec("b", "abstract", alone("Twelve patients with refractory ITP received umbilical cord MSCs.")),
		rec("c", "abstract", alone("Five patients with SAA received bone marrow MSCs.")),
	}
	res := mustBuild(t, in)
	if papers := subjectsOfType(res, o.Paper); len(papers) != 2 {
		t.Fatalf("papers = %v, want 2 (a and b are one abstract)", papers)
	}
}

func TestPapersWithoutTitleOrIdentifierKeepApart(t *testing.T) {
	in := []Input{
		rec("a", "labelled-page", func(r *mappings.Record) { r.Abstract.Text = "First abstract." }),
		rec("b", "labelled-page", func(r *mappings.Record) { r.Abstract.Text = "Second abstract." }),
		rec("c", "labelled-page", func(r *mappings.Record) { r.Abstract.Text = "Second abstract." }),
	}
	res := mustBuild(t, in)
	papers := subjectsOfType(res, o.Paper)
	if len(papers) != 3 {
		t.Fatalf("papers = %v, want 3 distinct nodes (nothing says they are the same)", papers)
	}
	for _, p := range papers {
		if got := objects(res, p, o.DCAbstract); len(got) != 1 {
			t.Errorf("%s has abstracts %v, want one", p, got)
		}
		if got := objects(res, p, o.RDFSLabel); len(got) != 1 || !strings.HasPrefix(got[0], `"[untitled] `) {
			t.Errorf("%s label %v", p, got)
		}
	}
}

// ClinicalTrials.gov studies on their own are a graph of trials: the build
// of registrations only must not fail with "no records".
func TestBuildTrialRegistrationsAlone(t *testing.T) {
	in := []Input{rec("study.json", "ctgov-json", func(r *mappings.Record) {
		r.Trial = &mappings.TrialRecord{ID: "NCT01234567", Registry: "ClinicalTrials.gov", Title: "MSCs for ITP"}
	})}
	res, err := Build(in, Options{})
	if err != nil {
		t.Fatalf("Build of one registration: %v", err)
	}
	if res.Summary.Trials != 1 || res.Summary.Papers != 0 || res.Summary.Merged != 0 {
		t.Errorf("summary %+v, want 1 trial, 0 papers, 0 merged", res.Summary)
	}
	if len(res.Quads) == 0 {
		t.Error("no statements for the trial")
	}
}

func TestShortenCutsAtCharacters(t *testing.T) {
	old := func(s string, n int) string { // the rune-slice version
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	for _, s := range []string{"", "short", "exactly ten", "Umbilical cord MSCs ×10⁹/L in 血小板减少 refractory ITP",
		"trailing space before the cut   x", "bad \xff byte in a long enough title", "é", "ab"} {
		for _, n := range []int{1, 2, 3, 10, 11, 12, 40} {
			if got, want := shorten(s, n), old(s, n); got != want {
				t.Errorf("shorten(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}
