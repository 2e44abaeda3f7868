package rdfcheck

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

const xsdInt = "<http://www.w3.org/2001/XMLSchema#integer>"

// write puts files (name → content) in a fresh directory and returns
// their paths in the order given by names.
func write(t *testing.T, files map[string]string, names ...string) []string {
	t.Helper()
	dir := t.TempDir()
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(dir, n)
		if err := os.WriteFile(paths[i], []byte(files[n]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return paths
}

var fixtures = map[string]string{
	"good.nt":  `<http://e.org/s> <http://e.org/p> "x"@zh-Hans-CN .` + "\n",
	"good.nq":  `<http://e.org/s> <http://e.org/p> "5"^^` + xsdInt + ` <http://e.org/g> .` + "\n",
	"good.ttl": "@prefix e: <http://e.org/> .\ne:s e:p 5 , \"a\\\"b\" .\n",
	// Ill-typed literal: a warning, not a syntax error.
	"illtyped.nt": `<http://e.org/s> <http://e.org/p> "five"^^` + xsdInt + ` .` + "\n",
	"badlang.nt":  `<http://e.org/s> <http://e.org/p> "x"@en-toolongsubtag .` + "\n",
	"broken.nt":   `<http://e.org/s> <http://e.org/p> "open .` + "\n",
	"relative.nt": `<s> <http://e.org/p> "x" .` + "\n",
}

func TestRiot(t *testing.T) {
	bin := tool(t, "riot")
	names := []string{"good.nt", "good.nq", "good.ttl", "illtyped.nt", "badlang.nt", "broken.nt", "relative.nt"}
	p := write(t, fixtures, names...)
	if err := riot(bin, p[:3]); err != nil {
		t.Errorf("clean files rejected: %v", err)
	}
	for i, name := range names[3:] {
		// Each bad file alone, and hidden among good ones.
		if err := riot(bin, p[3+i:4+i]); err == nil {
			t.Errorf("%s accepted", name)
		}
		if err := riot(bin, []string{p[0], p[3+i], p[1]}); err == nil {
			t.Errorf("%s accepted among good files", name)
		}
	}
}

func TestRapper(t *testing.T) {
	bin := tool(t, "rapper")
	p := write(t, fixtures, "good.nt", "good.ttl", "broken.nt")
	if err := rapper(bin, p[0], "ntriples"); err != nil {
		t.Errorf("good.nt: %v", err)
	}
	if err := rapper(bin, p[1], "turtle"); err != nil {
		t.Errorf("good.ttl: %v", err)
	}
	if err := rapper(bin, p[2], "ntriples"); err == nil {
		t.Error("broken.nt accepted")
	}
}

func TestSHACL(t *testing.T) {
	bin := tool(t, "shacl")
	files := map[string]string{
		"shapes.ttl": `@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://e.org/S> a sh:NodeShape ; sh:targetSubjectsOf <http://e.org/p> ;
  sh:property [ sh:path <http://e.org/p> ; sh:datatype xsd:integer ] .
`,
		"int.nt": fixtures["good.nq"][:strings.LastIndex(fixtures["good.nq"], " <")] + " .\n",
		"str.nt": fixtures["good.nt"],
	}
	p := write(t, files, "shapes.ttl", "int.nt", "str.nt")
	if err := shacl(bin, p[1], p[0]); err != nil {
		t.Errorf("conforming data rejected: %v", err)
	}
	// shacl exits 0 here; only the report says the data does not conform.
	err := shacl(bin, p[2], p[0])
	if err == nil {
		t.Fatal("non-conforming data accepted")
	}
	if !strings.Contains(err.Error(), "DatatypeConstraint") {
		t.Errorf("failure does not show the report: %v", err)
	}
}

func TestSPARQL(t *testing.T) {
	bin := tool(t, "sparql")
	files := map[string]string{
		"a.nq":      fixtures["good.nq"],
		"b.nt":      fixtures["good.nt"],
		"graphs.rq": "SELECT ?g ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
		"union.rq":  "SELECT ?o WHERE { ?s ?p ?o }",
		"ask.rq":    "ASK { <http://e.org/s> ?p \"x\"@zh-Hans-CN }",
		"broken.rq": "SELECT * WHERE { ?s ?p ",
	}
	p := write(t, files, "a.nq", "b.nt", "graphs.rq", "union.rq", "ask.rq", "broken.rq")
	data := p[:2]
	cases := []struct {
		query string
		want  []map[string]string
	}{
		{p[2], []map[string]string{{"g": "http://e.org/g", "s": "http://e.org/s", "o": "5"}}},
		{p[3], []map[string]string{{"o": "x"}}},
		{p[4], []map[string]string{{"_askResult": "true"}}},
	}
	for _, c := range cases {
		got, err := sparql(bin, data, c.query)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(c.query), err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", filepath.Base(c.query), got, c.want)
		}
	}
	if _, err := sparql(bin, data, p[5]); err == nil {
		t.Error("broken query accepted")
	}
}

func TestParseCSV(t *testing.T) {
	got, err := parseCSV([]byte("a,b\r\nhttp://x,\"1,5\"\r\n,z\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []map[string]string{{"a": "http://x", "b": "1,5"}, {"a": "", "b": "z"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := parseCSV(nil); err == nil {
		t.Error("empty output accepted")
	}
}

func TestLookPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", t.TempDir())
	t.Setenv(EnvBin, dir)
	if _, err := lookPath("riot"); err == nil || !strings.Contains(err.Error(), "jena-setup.sh") {
		t.Errorf("missing riot: got %v, want an error with the install recipe", err)
	}
	if _, err := lookPath("rapper"); err == nil || !strings.Contains(err.Error(), "raptor2-utils") {
		t.Errorf("missing rapper: got %v, want an error naming raptor2-utils", err)
	}
	// A file that is not executable is not a tool.
	p := filepath.Join(dir, "riot")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := lookPath("riot"); err == nil {
		t.Error("non-executable riot accepted")
	}
	if err := os.Chmod(p, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := lookPath("riot"); err != nil || got != p {
		t.Errorf("got %q, %v; want %q", got, err, p)
	}
}

// fakeTB records how a test was ended.
type fakeTB struct {
	testing.TB
	how string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.how = "fatal"
	runtime.Goexit()
}
func (f *fakeTB) Skipf(format string, args ...any) {
	f.how = "skip"
	runtime.Goexit()
}

func TestMissingToolSkipsOrFails(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv(EnvBin, t.TempDir())
	for _, c := range []struct{ require, want string }{{"", "skip"}, {"0", "skip"}, {"1", "fatal"}} {
		t.Setenv(EnvRequire, c.require)
		f := &fakeTB{TB: t}
		done := make(chan struct{})
		go func() {
			defer close(done)
			tool(f, "riot")
		}()
		<-done
		if f.how != c.want {
			t.Errorf("%s=%q: test ended by %q, want %q", EnvRequire, c.require, f.how, c.want)
		}
	}
}

func TestTDB2(t *testing.T) {
	loader, query := tool(t, "tdb2.tdbloader"), tool(t, "tdb2.tdbquery")
	files := map[string]string{
		// One triple in two graphs, another in one: the union default
		// graph is a set, so it holds two triples, not three.
		"two.nq": `<http://e.org/s> <http://e.org/p> "5"^^` + xsdInt + ` <http://e.org/g1> .` + "\n" +
			`<http://e.org/s> <http://e.org/p> "5"^^` + xsdInt + ` <http://e.org/g2> .` + "\n" +
			`<http://e.org/s> <http://e.org/q> "x" <http://e.org/g2> .` + "\n",
		"count.rq":  "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
		"graphs.rq": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
		"broken.nq": fixtures["broken.nt"],
	}
	p := write(t, files, "two.nq", "count.rq", "graphs.rq", "broken.nq")
	loc := filepath.Join(t.TempDir(), "db")
	if err := tdb2Load(loader, loc, p[:1]); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query, want string
	}{{p[1], "2"}, {p[2], "3"}} {
		got, err := tdb2Query(query, loc, c.query)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(c.query), err)
			continue
		}
		if want := []map[string]string{{"n": c.want}}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want %v", filepath.Base(c.query), got, want)
		}
	}
	if err := tdb2Load(loader, filepath.Join(t.TempDir(), "db"), p[3:]); err == nil {
		t.Error("broken.nq loaded")
	}
}
