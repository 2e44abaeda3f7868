package export

import (
	"bufio"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/propgraph"
	"github.com/msckg/msckg/graph/rdfcheck"
)

// TestNeo4jTricky writes the tricky dataset (quotes, line breaks,
// control characters, several values of one attribute, numbers that are
// not canonical) for Neo4j and reads it back with the header checker
// and encoding/csv: every title comes back as stated.
func TestNeo4jTricky(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "neo4j")
	quads := trickyDataset(t)
	st, err := StoreOf(quads)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := Neo4jDir(dir, st, Options{Prefixes: testPrefixes}); err != nil {
		t.Fatal(err)
	}
	got := rdfcheck.Neo4jCSV(t, dir)
	if got.Nodes["Paper"] != 1 || got.Nodes["Cohort"] != 1 || got.Rels["studies"] != 1 {
		t.Errorf("read %v %v; want a paper that studies a cohort", got.Nodes, got.Rels)
	}
	// Every string of trickyStrings is the title of one node (stated in
	// two graphs, so once); a node with a title has it in the title column.
	titles := map[string]bool{}
	for _, n := range []string{"nodes-Resource.csv"} {
		f, err := os.Open(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		col := -1
		for i, h := range rows[0] {
			if h == "title:string" {
				col = i
			}
		}
		if col < 0 {
			t.Fatalf("%s: no title:string column in %v", n, rows[0])
		}
		for _, r := range rows[1:] {
			titles[r[col]] = true
		}
	}
	for _, s := range trickyStrings {
		// csv reads \r\n inside a quoted field as \n, as Neo4j does.
		if !titles[strings.ReplaceAll(s, "\r\n", "\n")] {
			t.Errorf("title %q not read back", s)
		}
	}
	paper := string(mustReadFile(t, filepath.Join(dir, "nodes-Paper.csv")))
	for _, want := range []string{"dose:string", "flag:boolean", "url:string[]"} {
		if !strings.Contains(paper, want) {
			t.Errorf("nodes-Paper.csv has no %s column:\n%s", want, paper)
		}
	}
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNeo4jArrays: several values of one attribute make an array column,
// one-valued rows a one-element array; an element holding the array
// delimiter keeps the column a plain string, which neo4j-admin cannot
// split wrongly.
func TestNeo4jArrays(t *testing.T) {
	g := &propgraph.Graph{Nodes: []propgraph.Node{
		{IRI: "http://e/a", Type: "Paper", Attrs: map[string]string{"k": "x; y", "s": "a;b; c"},
			Lists: map[string][]string{"k": {"x", "y"}, "s": {"a;b", "c"}}},
		{IRI: "http://e/b", Type: "Paper", Attrs: map[string]string{"k": "z", "n": "3"}},
	}, NodeKeys: []propgraph.Key{{Name: "k", Type: "string"}, {Name: "n", Type: "long"}, {Name: "s", Type: "string"}}}
	var b strings.Builder
	w := bufio.NewWriter(&b)
	nodes, _ := neo4jPlan(g)
	writeNodeCSV(w, g, nodes[0])
	w.Flush()
	want := `id:ID,:LABEL,name:string,k:string[],n:long,s:string
"http://e/a","Paper","","x;y",,"a;b; c"
"http://e/b","Paper","","z",3,
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestCypherLiterals(t *testing.T) {
	for _, c := range []struct{ typ, in, want string }{
		{"double", "5", "5.0"},
		{"double", "0.5", "0.5"},
		{"double", "1e+21", "1e21"},
		{"double", "-2.5e-07", "-2.5e-07"},
		{"long", "-7", "-7"},
		{"long", "seven", `"seven"`},
		{"boolean", "true", "true"},
		{"string", "say \"hi\"\\\n\t\x01", `"say \"hi\"\\\n\t\u0001"`},
	} {
		var b strings.Builder
		w := bufio.NewWriter(&b)
		cypherValue(w, c.typ, c.in)
		w.Flush()
		if b.String() != c.want {
			t.Errorf("cypherValue(%s, %q) = %s, want %s", c.typ, c.in, b.String(), c.want)
		}
	}
	if got := cypherName("a`b"); got != "`a``b`" {
		t.Errorf("cypherName = %s", got)
	}
}
