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

// NXEdge is one edge. Undirected reports a directed="false" attribute.
type NXEdge struct {
	ID         string         `json:"id"`
	Source     string         `json:"source"`
	Target     string         `json:"target"`
	Undirected bool           `json:"undirected"`
	Data       map[string]any `json:"data"`
}

// networkxScript reads a GraphML file with networkx's own reader and
// prints it as JSON. networkx cannot hold a graph that mixes directed
// and undirected edges (read_graphml raises "directed=false edge found
// in directed graph"), so the reader is told to take directed="false"
// as a flag on the edge instead; everything else (XML, keys, typed
// values, node references) is networkx's stock reading.
const networkxScript = `
import json, sys
import networkx as nx
from networkx.readwrite.graphml import GraphMLReader

class Reader(GraphMLReader):
    undirected = set()
    def add_edge(self, G, e, keys):
        if e.get("directed") == "false" and G.is_directed():
            del e.attrib["directed"]
            self.undirected.add(e.get("id"))
        super().add_edge(G, e, keys)

r = Reader(force_multigraph=True)
graphs = list(r(path=sys.argv[1]))
if len(graphs) != 1:
    sys.exit("want one graph, got %d" % len(graphs))
G = graphs[0]
out = {"directed": G.is_directed(), "nodes": {str(n): d for n, d in G.nodes(data=True)}, "edges": []}
for s, t, k, d in G.edges(keys=True, data=True):
    out["edges"].append({"id": str(k), "source": str(s), "target": str(t),
                         "undirected": str(k) in r.undirected, "data": d})
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
