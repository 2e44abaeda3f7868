package rdfcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// Checkers for the files made for visual tools (GraphML, DOT):
// xmllint (libxml2), networkx (Python) and Graphviz dot.

func init() {
	installHint["xmllint"] = "apt-get install -y libxml2-utils"
	installHint["dot"] = "apt-get install -y graphviz"
	installHint["python3"] = "apt-get install -y python3 python3-networkx"
}

// XMLLint fails the test unless `xmllint --noout` finds every file
// well-formed, with no message at all.
func XMLLint(t testing.TB, files ...string) {
	t.Helper()
	if len(files) == 0 {
		t.Fatal("rdfcheck.XMLLint: no files")
	}
	r := run(tool(t, "xmllint"), append([]string{"--noout"}, files...)...)
	if r.exit != 0 || len(bytes.TrimSpace(r.stdout)) > 0 || len(bytes.TrimSpace(r.stderr)) > 0 {
		t.Fatalf("xmllint rejected %s\n%s", strings.Join(files, " "), r.describe("xmllint --noout"))
	}
}

// Dot fails the test unless Graphviz lays out and renders every file
// (`dot -Tsvg FILE -o /dev/null`) without an error or a warning.
func Dot(t testing.TB, files ...string) {
	t.Helper()
	if len(files) == 0 {
		t.Fatal("rdfcheck.Dot: no files")
	}
	bin := tool(t, "dot")
	for _, f := range files {
		r := run(bin, "-Tsvg", f, "-o", os.DevNull)
		if r.exit != 0 || len(bytes.TrimSpace(r.stderr)) > 0 {
			t.Fatalf("dot rejected %s\n%s", f, r.describe("dot -Tsvg"))
		}
	}
}

// DotSVG renders file with `dot -Tsvg` and returns the SVG, failing the
// test on any error or warning.
func DotSVG(t testing.TB, file string) []byte {
	t.Helper()
	r := run(tool(t, "dot"), "-Tsvg", file)
	if r.exit != 0 || len(bytes.TrimSpace(r.stderr)) > 0 {
		t.Fatalf("dot rejected %s\n%s", file, r.describe("dot -Tsvg"))
	}
	return r.stdout
}

// NXGraph is a GraphML file as networkx read it: attribute values have
// the types networkx gave them from the keys' attr.type (an "int" key
// gives a JSON number).
type NXGraph struct {
	Directed bool                      `json:"directed"`
	Nodes    map[string]map[string]any `json:"nodes"`
	Edges    []NXEdge                  `json:"edges"`
}

// NXEdge is one edge.
type NXEdge struct {
	ID     string         `json:"id"`
	Source string         `json:"source"`
	Target string         `json:"target"`
	Data   map[string]any `json:"data"`
}

// networkxScript reads a GraphML file with networkx's stock
// read_graphml, exactly as a user would, and prints it as JSON;
// force_multigraph keeps two links between the same nodes (a paper
// citing and sharing a trial with another) apart.
const networkxScript = `
import json, sys
import networkx as nx

G = nx.read_graphml(sys.argv[1], force_multigraph=True)
out = {"directed": G.is_directed(), "nodes": {str(n): d for n, d in G.nodes(data=True)}, "edges": []}
for s, t, k, d in G.edges(keys=True, data=True):
    out["edges"].append({"id": str(k), "source": str(s), "target": str(t), "data": d})
json.dump(out, sys.stdout, ensure_ascii=False)
`

// NetworkX reads a GraphML file with networkx (see networkxScript) and
// returns what it read; a file networkx refuses fails the test.
func NetworkX(t testing.TB, file string) *NXGraph {
	t.Helper()
	py := tool(t, "python3")
	if r := run(py, "-c", "import networkx"); r.exit != 0 {
		unavailable(t, fmt.Sprintf("python module networkx not importable by %s; install it with: %s\n%s",
			py, installHint["python3"], r.describe("import networkx")))
	}
	r := run(py, "-c", networkxScript, file)
	if r.exit != 0 || len(bytes.TrimSpace(r.stderr)) > 0 {
		t.Fatalf("networkx rejected %s\n%s", file, r.describe("networkx read_graphml"))
	}
	var g NXGraph
	if err := json.Unmarshal(r.stdout, &g); err != nil {
		t.Fatalf("networkx output for %s: %v\n%s", file, err, r.stdout)
	}
	return &g
}

// unavailable ends the test for a checker that cannot run: Skip
// normally, Fatal when $MSCKG_REQUIRE_CHECKERS=1.
func unavailable(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv(EnvRequire) == "1" {
		t.Fatalf("rdfcheck: %s ($%s=1)", msg, EnvRequire)
	}
	t.Skipf("rdfcheck: %s", msg)
}
