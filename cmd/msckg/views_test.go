package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/rdfcheck"
)

// TestViewsOnSamples builds the samples (seeds and the two-arm trial) in
// every view and format of the property graph, and has the tools users
// have read them: Graphviz lays out the papers view on one page with
// every paper a node; networkx reads the GraphML as it is;
// graphology's GEXF reader and cytoscape.js read the same nodes.
func TestViewsOnSamples(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	nq := filepath.Join(dir, "s.nq")
	if code, _, stderr := runCLI(t, "", "build", "testdata/seeds", "testdata/arms/ris-mazzucconi2024-blood-adv.ris", "-o", nq); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	papers := map[string]bool{}
	for line := range strings.Lines(string(mustRead(t, nq))) {
		if f := strings.Fields(line); len(f) > 2 && f[1] == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" && f[2] == "<https://w3id.org/msckg/ontology#Paper>" {
			papers[strings.Trim(f[0], "<>")] = true
		}
	}
	if len(papers) != 5 {
		t.Fatalf("%d papers in the samples, want 5", len(papers))
	}
	for _, view := range []string{"papers", "authors", "evidence", "full"} {
		t.Run(view, func(t *testing.T) {
			base := filepath.Join(dir, view)
			args := []string{"build", "-q", "--view", view, "testdata/seeds", "testdata/arms/ris-mazzucconi2024-blood-adv.ris"}
			for _, ext := range []string{".graphml", ".gexf", ".cyjs", ".dot"} {
				args = append(args, "-o", base+ext)
			}
			if code, _, stderr := runCLI(t, "", args...); code != 0 {
				t.Fatalf("build: exit %d\n%s", code, stderr)
			}
			g := rdfcheck.NetworkX(t, base+".graphml")
			iris := map[string]bool{}
			for _, n := range g.Nodes {
				iris[n["iri"].(string)] = true
			}
			for p := range papers {
				if iris[p] != (view != "authors") {
					t.Errorf("paper %s: a node %v in the %s view", p, iris[p], view)
				}
			}
			if view == "papers" {
				checkOnePage(t, base+".dot", papers)
			}
			checkGEXFAndCYJS(t, base, len(g.Nodes))
		})
	}
}

// checkOnePage renders the DOT with Graphviz and checks that the drawing
// fits a page (both sides under 2000 pt) and that every paper is drawn.
func checkOnePage(t *testing.T, file string, papers map[string]bool) {
	t.Helper()
	svg := rdfcheck.DotSVG(t, file)
	m := regexp.MustCompile(`<svg width="(\d+)pt" height="(\d+)pt"`).FindSubmatch(svg)
	if m == nil {
		t.Fatalf("no size in the SVG of %s", file)
	}
	w, _ := strconv.Atoi(string(m[1]))
	h, _ := strconv.Atoi(string(m[2]))
	if w > 2000 || h > 2000 || w == 0 || h == 0 {
		t.Errorf("papers view drawn %d × %d pt, want both sides under 2000", w, h)
	}
	var doc struct {
		Links []struct {
			Title string `xml:"http://www.w3.org/1999/xlink title,attr"`
		} `xml:"g>g>g>a"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		t.Fatal(err)
	}
	drawn := map[string]bool{}
	for _, l := range doc.Links {
		drawn[l.Title] = true
	}
	for p := range papers {
		if !drawn[p] {
			t.Errorf("paper %s is not drawn (node tooltips: %d)", p, len(doc.Links))
		}
	}
}

// checkGEXFAndCYJS reads base.gexf and base.cyjs with .ci/propgraph-check.mjs.
func checkGEXFAndCYJS(t *testing.T, base string, nodes int) {
	t.Helper()
	node := nodeWithPackages(t, "graphology-gexf", "cytoscape")
	var out, errb bytes.Buffer
	cmd := exec.Command(node, ".ci/propgraph-check.mjs", base+".gexf", base+".cyjs")
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil || errb.Len() > 0 {
		t.Fatalf("propgraph-check: %v\n%s", err, errb.String())
	}
	type read struct {
		Nodes, Edges int
		List         []map[string]string
	}
	var got struct{ Gexf, Cyjs read }
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Gexf.Nodes != nodes || got.Cyjs.Nodes != nodes {
		t.Errorf("GEXF %d nodes, cyjs %d, networkx %d", got.Gexf.Nodes, got.Cyjs.Nodes, nodes)
	}
	if got.Gexf.Edges != got.Cyjs.Edges {
		t.Errorf("GEXF %d edges, cyjs %d", got.Gexf.Edges, got.Cyjs.Edges)
	}
	if !slices.EqualFunc(got.Gexf.List, got.Cyjs.List, func(a, b map[string]string) bool {
		return a["iri"] == b["iri"] && a["label"] == b["label"] && a["type"] == b["type"]
	}) {
		t.Errorf("GEXF and cyjs nodes differ")
	}
}

// nodeWithPackages returns the path of node once the pinned packages are
// installed in .ci/node_modules; otherwise it skips, or fails under
// $MSCKG_REQUIRE_CHECKERS=1.
func nodeWithPackages(t *testing.T, pkgs ...string) string {
	t.Helper()
	node, err := exec.LookPath("node")
	for _, p := range pkgs {
		if err != nil {
			break
		}
		if _, err = os.Stat(filepath.Join(".ci/node_modules", p, "package.json")); errors.Is(err, fs.ErrNotExist) {
			err = errors.New("the " + p + " package is not installed in .ci/node_modules")
		}
	}
	if err != nil {
		msg := "node checkers: " + err.Error() + "; install Node.js 18+ and run: cd .ci && npm ci --no-audit --no-fund"
		if os.Getenv(rdfcheck.EnvRequire) == "1" {
			t.Fatalf("%s ($%s=1)", msg, rdfcheck.EnvRequire)
		}
		t.Skip(msg)
	}
	return node
}
