package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/rdfcheck"
	"github.com/msckg/msckg/mappings"
	o "github.com/msckg/msckg/ontology"
)

// linkingFixtures is what each file of testdata/linking is (see its
// README): the format detection must find, for a realistic export.
var linkingFixtures = map[string]string{
	"pubmed-efetch.xml":      "pubmed-xml",
	"medline-trial.nbib":     "medline",
	"zotero-export.json":     "csl-json",
	"wanfang.ris":            "ris",
	"library.bib":            "bibtex",
	"crossref-works.json":    "crossref-json",
	"ctgov-NCT99000017.json": "ctgov-json",
}

const (
	idBase      = "https://w3id.org/msckg/id/"
	derivedG    = idBase + "graph/derived"
	liangORCID  = "0000-0002-1825-0097"
	trialNCT    = "NCT99000017"
	doiPilot    = "10.5555/hillcrest.2016.001" // P1, PubMed XML
	doiTrial    = "10.5555/hillcrest.2018.002" // P2, MEDLINE + CSL-JSON
	doiAbstract = "10.5555/hillcrest.2017.003" // P3, conference abstract, DataBankList
	doiFollowUp = "10.5555/hillcrest.2020.004" // P4, Crossref + BibTeX
	doiRetro    = "10.5555/hillcrest.2019.005" // P5, RIS + CSL-JSON without DOI
	doiReview   = "10.5555/hillcrest.2021.007" // P7, PubMed XML with ReferenceList
	doiLakeside = "10.5555/lakeside.2019.301"  // P6, the other Na Li
	doiETM      = "10.3892/etm.2017.4229"      // a real paper, known only as a reference
)

func paperIRI(doi string) string { return idBase + "paper/doi/" + doi }

// linkingInputs lists the fixture files whose reader is registered, and
// checks that detection picks the format each one was written in.
func linkingInputs(t *testing.T) (files []string, missing []string) {
	t.Helper()
	entries, err := os.ReadDir("testdata/linking")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		want, ok := linkingFixtures[e.Name()]
		if !ok {
			t.Errorf("testdata/linking/%s is not in linkingFixtures: say which format it is", e.Name())
			continue
		}
		path := filepath.Join("testdata/linking", e.Name())
		if _, ok := mappings.Lookup(want); !ok {
			missing = append(missing, e.Name()+" ("+want+")")
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := mappings.Open(f, "")
		f.Close()
		switch {
		case err != nil:
			t.Errorf("%s: %v, want it detected as %s", path, err, want)
		case got.Name != want:
			t.Errorf("%s detected as %s, want %s", path, got.Name, want)
		}
		files = append(files, path)
	}
	if len(missing) > 0 {
		t.Logf("left out, reader not registered yet: %s", strings.Join(missing, ", "))
	}
	return files, missing
}

// buildLinking builds the linking corpus into N-Quads (one graph per
// record) and N-Triples (the union) from one run.
func buildLinking(t *testing.T) (nq, nt string, missing []string) {
	t.Helper()
	inRepoRoot(t)
	files, missing := linkingInputs(t)
	dir := t.TempDir()
	nq, nt = filepath.Join(dir, "linking.nq"), filepath.Join(dir, "linking.nt")
	args := append([]string{"build", "-q", "-o", nq, "-o", nt}, files...)
	if code, _, stderr := runCLI(t, "", args...); code != 0 {
		t.Fatalf("msckg %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return nq, nt, missing
}

func TestLinkingCorpus(t *testing.T) {
	nq, _, missing := buildLinking(t)
	quads := readQuads(t, nq)
	v := view(quads)

	t.Run("papers", func(t *testing.T) {
		want := []string{doiPilot, doiTrial, doiAbstract, doiFollowUp, doiRetro, doiReview, doiLakeside, doiETM}
		var wantIRIs []string
		for _, d := range want {
			wantIRIs = append(wantIRIs, paperIRI(d))
		}
		slices.Sort(wantIRIs)
		if got := v.subjects(o.Paper); !slices.Equal(got, wantIRIs) {
			t.Errorf("papers:\n got %v\nwant %v", got, wantIRIs)
		}
		for doi, n := range map[string]int{
			doiPilot: 1, doiTrial: 2, doiAbstract: 1, doiFollowUp: 2, doiRetro: 2, doiReview: 1, doiLakeside: 1, doiETM: 0,
		} {
			if got := len(v.objects(paperIRI(doi), o.PROVWasDerivedFrom)); got != n {
				t.Errorf("%s rests on %d source records, want %d", doi, got, n)
			}
		}
	})

	t.Run("people", func(t *testing.T) {
		byName := map[string][]string{}
		for _, a := range v.subjects(o.Author) {
			for _, n := range v.objects(a, o.FOAFName) {
				byName[n] = append(byName[n], a)
			}
		}
		want := map[string]int{
			"Yuqing Zhou": 1, "Lei Guo": 1, "Hao Chen": 1, "Wenjing Liang": 1,
			"Na Li":   2, // one at Hillcrest, one at Lakeside: never merged
			"Jun Tao": 1, "Hui Fang": 1,
		}
		for name, n := range want {
			if got := len(byName[name]); got != n {
				t.Errorf("%d Author node(s) named %q, want %d: %v", got, name, n, byName[name])
			}
		}
		for name, as := range byName {
			if _, ok := want[name]; !ok {
				t.Errorf("unexpected author name %q (%v): a spelling was not recognised as one of the people", name, as)
			}
		}
		if n := len(v.subjects(o.Author)); n != 8 {
			t.Errorf("%d authors, want 8", n)
		}
		liang := idBase + "author/orcid/" + liangORCID
		if got := v.objects(liang, o.OWLSameAs); !slices.Equal(got, []string{"https://orcid.org/" + liangORCID}) {
			t.Errorf("Liang (ORCID in PubMed XML, MEDLINE and Crossref only) owl:sameAs %v", got)
		}
		// Liang is the last author of every Hillcrest paper but the review,
		// whatever the format and whether or not it gave the ORCID.
		for _, doi := range []string{doiPilot, doiTrial, doiAbstract, doiFollowUp, doiRetro} {
			if !slices.Contains(v.objects(paperIRI(doi), o.DCCreator), liang) {
				t.Errorf("%s: Liang is not %s (spellings or ORCID not linked)", doi, liang)
			}
		}
		// The two Na Li are possibly the same: one PossibleMatch node in the
		// derived graph names both; no pairwise link by default.
		nali := byName["Na Li"]
		var matches []string
		for _, m := range v.subjects(o.PossibleMatch) {
			if c := v.objects(m, o.Candidate); len(nali) == 2 && slices.Contains(c, nali[0]) && slices.Contains(c, nali[1]) {
				matches = append(matches, m)
				if !hasQuad(quads, m, o.Candidate, nali[0], derivedG) {
					t.Errorf("%s is not in the derived graph", m)
				}
			}
		}
		if len(matches) != 1 || len(v.subjects(o.PossibleMatch)) != 1 {
			t.Errorf("PossibleMatch nodes %v; want one, naming the two Na Li %v", v.subjects(o.PossibleMatch), nali)
		}
		for _, q := range quads {
			if q.Pred.String() == o.PossiblySameAs {
				t.Errorf("mkg:possiblySameAs written without --pair-links: %v", q)
			}
		}
		// Guo Lei wrote the review alone: only the shared affiliation ties
		// it to the Guo Lei of the trial papers.
		guo := byName["Lei Guo"]
		if len(guo) == 1 && !slices.Contains(v.objects(paperIRI(doiReview), o.DCCreator), guo[0]) {
			t.Errorf("the review's sole author is not the Lei Guo of the trial papers (same affiliation)")
		}
	})

	t.Run("derived links", func(t *testing.T) {
		p := paperIRI
		for _, l := range []struct{ s, p, o string }{
			{p(doiTrial), o.CitesSameTrialAs, p(doiAbstract)},
			{p(doiAbstract), o.CitesSameTrialAs, p(doiTrial)},
			{p(doiFollowUp), o.CiTOCites, p(doiPilot)},
			{p(doiFollowUp), o.CiTOCites, p(doiTrial)},
			{p(doiFollowUp), o.CiTOCites, p(doiETM)},
			{p(doiReview), o.CiTOCites, p(doiPilot)},
			{p(doiReview), o.CiTOCites, p(doiTrial)},
		} {
			if !hasQuad(quads, l.s, l.p, l.o, derivedG) {
				t.Errorf("missing in the derived graph: <%s> <%s> <%s>", l.s, l.p, l.o)
			}
		}
		// Papers sharing an author meet at the Author node.
		shareAuthor := func(a, b string) bool {
			for _, x := range v.objects(p(a), o.DCCreator) {
				if slices.Contains(v.objects(p(b), o.DCCreator), x) {
					return true
				}
			}
			return false
		}
		for _, pair := range [][2]string{{doiPilot, doiRetro}, {doiTrial, doiReview}} {
			if !shareAuthor(pair[0], pair[1]) {
				t.Errorf("%s and %s share no author", pair[0], pair[1])
			}
		}
		for _, doi := range []string{doiPilot, doiTrial, doiAbstract, doiFollowUp, doiRetro, doiReview} {
			if shareAuthor(doiLakeside, doi) {
				t.Errorf("the Lakeside paper shares an author with %s: the two Na Li were merged", doi)
			}
		}
		for _, q := range quads {
			if q.Pred.String() == o.SharesAuthorWith {
				t.Errorf("mkg:sharesAuthorWith written without --pair-links: %v", q)
			}
		}
		trial := idBase + "trial/" + trialNCT
		for _, doi := range []string{doiTrial, doiAbstract} {
			if !slices.Contains(v.objects(p(doi), o.ReportsTrial), trial) {
				t.Errorf("%s does not report %s", doi, trial)
			}
		}
		for _, doi := range []string{doiPilot, doiFollowUp, doiRetro, doiReview, doiLakeside} {
			if got := v.objects(p(doi), o.ReportsTrial); len(got) > 0 {
				t.Errorf("%s reports %v, but names no trial", doi, got)
			}
		}
	})

	t.Run("journals", func(t *testing.T) {
		// Seven journals; the BibTeX record names Stem Cell Res Ther only
		// by its abbreviation and must join the Crossref one.
		if n := len(v.subjects(o.Journal)); n != 7 {
			t.Errorf("%d journals, want 7: %v", n, v.subjects(o.Journal))
		}
		for _, doi := range []string{doiPilot, doiTrial, doiAbstract, doiFollowUp, doiRetro, doiReview, doiLakeside} {
			if got := v.objects(paperIRI(doi), o.DCIsPartOf); len(got) != 1 {
				t.Errorf("%s is part of %v, want one journal", doi, got)
			}
		}
	})

	t.Run("registration", func(t *testing.T) {
		if len(missing) > 0 {
			t.Skipf("reader not registered yet, fixture left out: %s", strings.Join(missing, ", "))
		}
		trial := idBase + "trial/" + trialNCT
		var src []string
		for _, s := range v.objects(trial, o.PROVWasDerivedFrom) {
			if slices.Contains(v.objects(s, o.Format), "ctgov-json") {
				src = append(src, s)
			}
		}
		if len(src) != 1 {
			t.Errorf("%s is derived from %d ctgov-json records, want the registration", trial, len(src))
		}
		for _, p := range v.subjects(o.Paper) {
			if strings.HasPrefix(p, idBase+"paper/title/") {
				t.Errorf("a record with no identifier became the Paper %s (the registration?)", p)
			}
		}
	})
}

func hasQuad(qs []rdf.Quad, s, p, obj, g string) bool {
	for _, q := range qs {
		if q.Subj.String() == s && q.Pred.String() == p && q.Obj.String() == obj && q.Ctx.String() == g {
			return true
		}
	}
	return false
}

func mustReadString(t *testing.T, path string) string {
	t.Helper()
	return string(mustRead(t, path))
}

// oxigraph runs .ci/oxigraph-query.mjs; without Node or the pinned
// package it skips, or fails under $MSCKG_REQUIRE_CHECKERS=1.
func oxigraph(t *testing.T, data, query string) [][]string {
	t.Helper()
	const script = ".ci/oxigraph-query.mjs"
	node := nodeWithOxigraph(t)
	var out, errb bytes.Buffer
	cmd := exec.Command(node, script, data, query)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil || errb.Len() > 0 {
		t.Fatalf("node %s %s %s: %v\n%s", script, data, query, err, errb.String())
	}
	return parseTable(t, "oxigraph output", out.Bytes())
}

// nodeWithOxigraph returns the path of node once the pinned oxigraph
// package is installed in .ci/node_modules (the test runs in the
// repository root); otherwise it skips, or fails under
// $MSCKG_REQUIRE_CHECKERS=1.
func nodeWithOxigraph(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err == nil {
		if _, err = os.Stat(".ci/node_modules/oxigraph/package.json"); errors.Is(err, fs.ErrNotExist) {
			err = errors.New("the oxigraph package is not installed in .ci/node_modules")
		}
	}
	if err != nil {
		msg := "oxigraph: " + err.Error() + "; install Node.js 18+ and run: cd .ci && npm ci --no-audit --no-fund"
		if os.Getenv(rdfcheck.EnvRequire) == "1" {
			t.Fatalf("%s ($%s=1)", msg, rdfcheck.EnvRequire)
		}
		t.Skip(msg)
	}
	return node
}

// parseTable reads SPARQL CSV results (header first) and sorts the rows:
// quoting and row order are not part of the answer.
func parseTable(t *testing.T, what string, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: no header line", what)
	}
	sortRows(recs[1:])
	return recs
}

func sortRows(rows [][]string) {
	slices.SortFunc(rows, func(a, b []string) int { return slices.Compare(a, b) })
}

// jenaTable puts rdfcheck's rows in the column order of header.
func jenaTable(t *testing.T, rows []map[string]string, header []string) [][]string {
	t.Helper()
	out := [][]string{header}
	for _, r := range rows {
		if len(r) != len(header) {
			t.Fatalf("Jena answered with columns %v, want %v", keys(r), header)
		}
		row := make([]string, len(header))
		for i, h := range header {
			v, ok := r[h]
			if !ok {
				t.Fatalf("Jena answered with columns %v, want %v", keys(r), header)
			}
			row[i] = v
		}
		out = append(out, row)
	}
	sortRows(out[1:])
	return out
}

func keys(m map[string]string) []string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	slices.Sort(k)
	return k
}

func compareTables(t *testing.T, got, want [][]string) {
	t.Helper()
	if !slices.Equal(got[0], want[0]) {
		t.Errorf("columns %v, want %v", got[0], want[0])
		return
	}
	g, w := formatCSV(got), formatCSV(want)
	if g != w {
		t.Errorf("answer differs from the expected file\n--- got\n%s--- want\n%s", g, w)
	}
}

func formatCSV(rows [][]string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.WriteAll(rows) // writing to a bytes.Buffer cannot fail
	return b.String()
}

// TestPairLinks: --pair-links adds the pairwise derived links for drawing
// tools, in the derived graph, and nothing else changes.
func TestPairLinks(t *testing.T) {
	inRepoRoot(t)
	files, _ := linkingInputs(t)
	dir := t.TempDir()
	plain, paired := filepath.Join(dir, "plain.nq"), filepath.Join(dir, "paired.nq")
	for _, args := range [][]string{{"-o", plain}, {"--pair-links", "-o", paired}} {
		if code, _, stderr := runCLI(t, "", append(append([]string{"build", "-q"}, args...), files...)...); code != 0 {
			t.Fatalf("build %v: exit %d\n%s", args, code, stderr)
		}
	}
	base, more := readQuads(t, plain), readQuads(t, paired)
	added := map[string]int{}
	for _, q := range more {
		if !slices.Contains(base, q) {
			added[q.Pred.String()]++
			if q.Ctx.String() != derivedG {
				t.Errorf("pair link outside the derived graph: %v", q)
			}
		}
	}
	// The two Na Li both ways; pilot–retro and trial–review among the paper pairs.
	if added[o.PossiblySameAs] != 2 || added[o.SharesAuthorWith] == 0 || len(added) != 2 {
		t.Errorf("--pair-links added %v", added)
	}
	for _, l := range [][2]string{{doiPilot, doiRetro}, {doiRetro, doiPilot}, {doiTrial, doiReview}} {
		if !hasQuad(more, paperIRI(l[0]), o.SharesAuthorWith, paperIRI(l[1]), derivedG) {
			t.Errorf("--pair-links: no %s mkg:sharesAuthorWith %s", l[0], l[1])
		}
	}
}
