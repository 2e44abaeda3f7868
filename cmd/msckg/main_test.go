package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/rdfcheck"
	o "github.com/msckg/msckg/ontology"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// runCLI runs msckg in the repository root, so paths in the graph are the
// ones the README's quick start gives.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"msckg"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func inRepoRoot(t *testing.T) {
	t.Helper()
	t.Chdir(filepath.Join("..", ".."))
}

func readQuads(t *testing.T, path string) []rdf.Quad {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := rdf.NewQuadDecoder(f, rdf.NQuads).DecodeAll()
	if err != nil {
		t.Fatalf("reading back %s: %v", path, err)
	}
	return qs
}

type view []rdf.Quad

func (v view) subjects(class string) []string {
	var out []string
	for _, q := range v {
		if q.Pred.String() == o.RDFType && q.Obj.String() == class && !slices.Contains(out, q.Subj.String()) {
			out = append(out, q.Subj.String())
		}
	}
	slices.Sort(out)
	return out
}

func (v view) objects(s, p string) []string {
	var out []string
	for _, q := range v {
		if q.Subj.String() == s && q.Pred.String() == p && !slices.Contains(out, q.Obj.String()) {
			out = append(out, q.Obj.String())
		}
	}
	slices.Sort(out)
	return out
}

const etm = "https://w3id.org/msckg/id/paper/doi/10.3892/etm.2017.4229"

func TestBuildSeeds(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	ttl, nq := filepath.Join(dir, "seeds.ttl"), filepath.Join(dir, "seeds.nq")
	code, _, stderr := runCLI(t, "", "build", "testdata/seeds", "-o", ttl, "-o", nq)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "5 record(s) read: 4 paper(s) built, 0 trial registration(s), 1 merged into an existing paper, 0 rejected") {
		t.Errorf("summary does not say 5 read = 4 papers + 1 merged + 0 rejected:\n%s", stderr)
	}
	v := view(readQuads(t, nq))
	if papers := v.subjects(o.Paper); len(papers) != 4 {
		t.Errorf("papers = %d, want 4: %v", len(papers), papers)
	}
	if src := v.objects(etm, o.PROVWasDerivedFrom); len(src) != 2 {
		t.Errorf("Exp Ther Med paper has %d source records, want 2", len(src))
	}
	journals := v.objects(etm, o.DCIsPartOf)
	if len(journals) != 1 || journals[0] != "https://w3id.org/msckg/id/journal/issn/1792-0981" {
		t.Errorf("Exp Ther Med paper is part of %v, want the one journal/issn/1792-0981", journals)
	}
	if n := len(v.subjects(o.Journal)); n != 4 {
		t.Errorf("journals = %d, want 4", n)
	}
	if n := len(v.subjects(o.Author)); n != 31 {
		t.Errorf("authors = %d, want 31: %v", n, v.subjects(o.Author))
	}
	// Authors in printed order.
	wantOrder := map[string][]string{
		etm: {"Xiaohua Wang", "Xiaoguang Yin", "Wei Sun", "Jin Bai", "Yawen Shen", "Qiang Ao", "Yongquan Gu", "Ying Liu"},
		"https://w3id.org/msckg/id/paper/doi/10.7499/j.issn.1008-8830.2503173": {"Bo Zhang", "Zuo Luan", "Xiang-Feng Tang", "Nan-Hai Wu"},
	}
	for paper, names := range wantOrder {
		for i, name := range names {
			as := paper + "/authorship/" + strconv.Itoa(i+1)
			holders := v.objects(as, o.PROIsHeldBy)
			if len(holders) != 1 {
				t.Errorf("%s held by %v", as, holders)
				continue
			}
			if got := v.objects(holders[0], o.FOAFName); len(got) != 1 || got[0] != name {
				t.Errorf("author %d of %s = %v, want %q", i+1, paper, got, name)
			}
		}
	}
	// A checker that is not installed skips only its own subtest.
	t.Run("riot", func(t *testing.T) { rdfcheck.Riot(t, ttl, nq) })
	t.Run("rapper", func(t *testing.T) {
		rdfcheck.Rapper(t, ttl, "turtle")
		rdfcheck.Rapper(t, nq, "nquads")
	})
	t.Run("shacl", func(t *testing.T) { rdfcheck.SHACL(t, ttl, "ontology/shapes.ttl") })

	// The same inputs in another order give the same bytes.
	files, _ := filepath.Glob("testdata/seeds/*")
	slices.Reverse(files)
	ttl2, nq2 := filepath.Join(dir, "rev.ttl"), filepath.Join(dir, "rev.nq")
	if code, _, stderr := runCLI(t, "", append(append([]string{"build"}, files...), "-o", nq2, "-o", ttl2)...); code != 0 {
		t.Fatalf("reverse build: exit %d\n%s", code, stderr)
	}
	for a, b := range map[string]string{ttl: ttl2, nq: nq2} {
		if !bytes.Equal(mustRead(t, a), mustRead(t, b)) {
			t.Errorf("%s and %s differ: output depends on input order", a, b)
		}
	}
	golden(t, ttl, "testdata/golden/seeds.ttl")
	golden(t, nq, "testdata/golden/seeds.nq")
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// golden compares a produced file with the reviewed one in testdata/golden;
// go test ./cmd/msckg -update rewrites it (review the diff before committing).
func golden(t *testing.T, got, want string) {
	t.Helper()
	b := mustRead(t, got)
	if *update {
		if err := os.MkdirAll(filepath.Dir(want), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(want, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	w, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/msckg -update to create it)", err)
	}
	if !bytes.Equal(b, w) {
		t.Errorf("%s differs from the golden %s (go test ./cmd/msckg -update rewrites it; review the diff)", got, want)
	}
}

func TestBadInputIsReportedAndTheRestIsBuilt(t *testing.T) {
	dir := t.TempDir()
	good := "TY  - JOUR\nTI  - A good record\nDO  - 10.1000/good\nAU  - Wang, Xiaohua\nER  - \n"
	broken := "TY  - JOUR\nAU  - Li, Na\nER  - \n" // no title
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a.ris", good+"\n"+broken+"\n"+strings.Replace(strings.Replace(good, "10.1000/good", "10.1000/other", 1), "A good", "Another good", 1))
	junk := write("notes.txt", "\x00\x01 binary junk, nothing bibliographic here")
	out := filepath.Join(dir, "out.nq")
	code, _, stderr := runCLI(t, "", "build", dir, "-o", out)
	if code != exitRejected {
		t.Errorf("exit %d, want %d (a record was rejected)", code, exitRejected)
	}
	for _, want := range []string{
		filepath.Join(dir, "a.ris") + ": record 2 (line 7)",
		junk + ": record 1 (line 1)",
		"4 record(s) read: 2 paper(s) built, 0 trial registration(s), 0 merged into an existing paper, 2 rejected",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := len(view(readQuads(t, out)).subjects(o.Paper)); n != 2 {
		t.Errorf("papers = %d, want the 2 good records", n)
	}

	// --strict stops at the first bad record and writes nothing.
	strictOut := filepath.Join(dir, "strict.nq")
	code, _, stderr = runCLI(t, "", "build", "--strict", dir, "-o", strictOut)
	if code != exitRejected || !strings.Contains(stderr, "--strict") {
		t.Errorf("--strict: exit %d, stderr %s", code, stderr)
	}
	if _, err := os.Stat(strictOut); !os.IsNotExist(err) {
		t.Errorf("--strict wrote %s", strictOut)
	}
}

func TestStdinAndStdout(t *testing.T) {
	ris := "TY  - JOUR\nTI  - From standard input\nDO  - 10.1000/stdin\nER  - \n"
	code, stdout, stderr := runCLI(t, ris, "build", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "@prefix") || !strings.Contains(stdout, `"From standard input"`) {
		t.Errorf("stdout is not the Turtle graph:\n%s", stdout)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for name, args := range map[string][]string{
		"no input":         {"build"},
		"unknown ext":      {"build", "-o", filepath.Join(dir, "x.docx"), "testdata"},
		"unknown format":   {"build", "--format", "rdfxml", "-o", filepath.Join(dir, "x"), "testdata"},
		"unknown --from":   {"build", "--from", "marc", "testdata"},
		"missing input":    {"build", filepath.Join(dir, "nope")},
		"bad base":         {"build", "--base", "not an iri", "testdata"},
		"unknown command":  {"frobnicate"},
		"unknown flag":     {"build", "--frob", "x"},
		"inspect no input": {"inspect"},
	} {
		code, _, stderr := runCLI(t, "", args...)
		if code != exitUsage {
			t.Errorf("%s: exit %d, want %d; stderr: %s", name, code, exitUsage, stderr)
		}
	}
}

func TestVersionAndHelp(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "--version")
	if code != 0 || !strings.Contains(stdout, version) {
		t.Errorf("--version: exit %d, %q", code, stdout)
	}
	code, stdout, _ = runCLI(t, "", "build", "--help")
	if code != 0 || !strings.Contains(stdout, "msckg build testdata/seeds -o seeds.ttl -o seeds.nq") {
		t.Errorf("build --help lacks the example: %s", stdout)
	}
}

// TestEveryFixtureBuildsAValidGraph builds all the bundled records at once
// (seeds, format fixtures, web pages, the linking corpus) and has the
// independent checkers read the result and SHACL validate it.
func TestEveryFixtureBuildsAValidGraph(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	ttl, nq, nt := filepath.Join(dir, "all.ttl"), filepath.Join(dir, "all.nq"), filepath.Join(dir, "all.nt")
	code, _, stderr := runCLI(t, "", append([]string{"build", "-o", ttl, "-o", nq, "-o", nt}, fixtureDirs...)...)
	if code != exitOK && code != exitRejected {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.Contains(line, "internal error") {
			t.Errorf("a reader failed: %s", line)
		}
	}
	// Nothing is dropped silently: every record is built, merged or rejected.
	m := regexp.MustCompile(`(\d+) record\(s\) read: (\d+) paper\(s\) built, (\d+) trial registration\(s\), (\d+) merged into an existing paper, (\d+) rejected`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary line in:\n%s", stderr)
	}
	n := make([]int, 5)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	if n[0] != n[1]+n[2]+n[3]+n[4] || n[2] == 0 {
		t.Errorf("summary does not add up (or no trial was read): %s", m[0])
	}
	problems := 0
	for _, line := range strings.Split(stderr, "\n") {
		if strings.Contains(line, ": record ") && !strings.HasPrefix(line, "msckg: disagreement:") {
			problems++
		}
	}
	if problems != n[4] {
		t.Errorf("%d problems reported, summary says %d rejected", problems, n[4])
	}
	t.Run("riot", func(t *testing.T) { rdfcheck.Riot(t, ttl, nq, nt) })
	// The Turtle is the union of all graphs: a statement that breaks a
	// shape in any record's graph fails here.
	t.Run("shacl", func(t *testing.T) { rdfcheck.SHACL(t, ttl, "ontology/shapes.ttl") })
	quads := readQuads(t, nq)
	// Every concept the graph uses as a value has one label, in English,
	// the same literal as in msckg.ttl.
	ontologyLabels, err := o.Labels()
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string][]rdf.Object{}
	values := map[string]bool{}
	for _, q := range quads {
		if q.Pred.String() == o.RDFSLabel {
			labels[q.Subj.String()] = append(labels[q.Subj.String()], q.Obj)
		}
		if v := q.Obj.String(); q.Obj.Type() == rdf.TermIRI && q.Pred.String() != o.RDFType && strings.HasPrefix(v, o.MKG) {
			values[v] = true
		}
	}
	for _, q := range quads {
		if q.Pred.String() == o.RDFType && q.Obj.String() == o.Intervention {
			if n := len(labels[q.Subj.String()]); n != 1 {
				t.Errorf("intervention %s has %d labels, want 1: %v", q.Subj, n, labels[q.Subj.String()])
			}
		}
	}
	for v := range values {
		l := labels[v]
		want, declared := ontologyLabels[v]
		if !declared {
			continue // not a concept of the vocabulary (checked below: every mkg: IRI is declared)
		}
		if len(l) != 1 || l[0].(rdf.Literal).Lang() != "en" || l[0].(rdf.Literal).String() != want {
			t.Errorf("%s is used as a value with labels %v, want exactly %q@en as in msckg.ttl", v, l, want)
		}
	}
	// Every statement once: no triple sits in two graphs, so a union
	// default graph taken as a bag (Oxigraph) or a set (Jena) is the same.
	graphOf := map[rdf.Triple]string{}
	for _, q := range quads {
		if g, dup := graphOf[q.Triple]; dup {
			t.Errorf("%s is stated in %s and again in %s", q.Triple.Serialize(rdf.NTriples), g, q.Ctx)
			continue
		}
		graphOf[q.Triple] = q.Ctx.String()
	}
	// Every mkg: IRI in the output is declared in the ontology.
	declared, err := o.Declared()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range quads {
		for _, term := range []rdf.Term{q.Subj, q.Pred, q.Obj} {
			if s := term.String(); term.Type() == rdf.TermIRI && strings.HasPrefix(s, o.MKG) && !declared[s] {
				t.Errorf("%s is emitted but not declared in ontology/msckg.ttl", s)
				declared[s] = true // report once
			}
		}
	}
}
