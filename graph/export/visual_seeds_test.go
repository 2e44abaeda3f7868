package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/rdfcheck"
	o "github.com/msckg/msckg/ontology"
)

// TestVisualSeeds writes the graph built from the seed records (the
// committed golden N-Quads) as GraphML and DOT, has xmllint, networkx and
// Graphviz read them, and checks what networkx read against the quads:
// one node per entity (none per literal, quantity, concept or source
// record), every Paper typed with its year and DOI, every edge naming
// graphs of the dataset, co-authorship once per pair (two directed edges).
func TestVisualSeeds(t *testing.T) {
	data, err := os.ReadFile("../../testdata/golden/seeds.nq")
	if err != nil {
		t.Fatal(err)
	}
	quads := decodeKnakk(t, data, rdf.NQuads)
	dir := t.TempDir()
	gml, gv := filepath.Join(dir, "seeds.graphml"), filepath.Join(dir, "seeds.gv")
	if err := os.WriteFile(gml, writeVisual(t, "graphml", quads), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gv, writeVisual(t, "dot", quads), 0o644); err != nil {
		t.Fatal(err)
	}

	// What the quads say, worked out here without the view.
	st, err := prepare(quads)
	if err != nil {
		t.Fatal(err)
	}
	// Entities: resources with an mkg: class other than the folded ones
	// (source records, authorships); quantities and concepts have none.
	resources, graphs := map[string]bool{}, map[string]bool{}
	papers := map[string]map[string]bool{} // paper IRI → properties it has
	pairs := map[string]bool{}
	for _, s := range st {
		graphs[graphName(s.g)] = true
		if s.p.value == rdfType && strings.HasPrefix(s.o.value, o.MKG) && s.o.value != o.SourceRecord && s.o.value != o.Authorship {
			resources[s.s.value] = true
		}
		if s.p.value == rdfType && s.o.value == o.Paper {
			if papers[s.s.value] == nil {
				papers[s.s.value] = map[string]bool{}
			}
		}
		if s.p.value == o.CoAuthorWith {
			a, b := s.s.value, s.o.value
			pairs[s.p.value+" "+min(a, b)+" "+max(a, b)] = true
		}
	}
	for _, s := range st {
		if p, ok := papers[s.s.value]; ok {
			p[s.p.value] = true
		}
	}
	if len(papers) == 0 || len(pairs) == 0 {
		t.Fatalf("the seeds give %d papers and %d symmetric pairs: not the graph this test is for", len(papers), len(pairs))
	}

	rdfcheck.XMLLint(t, gml)
	rdfcheck.Dot(t, gv)
	g := rdfcheck.NetworkX(t, gml)

	if len(g.Nodes) != len(resources) {
		t.Errorf("%d nodes for %d entities", len(g.Nodes), len(resources))
	}
	for id, attrs := range g.Nodes {
		iri, _ := attrs["iri"].(string)
		if !resources[iri] {
			t.Errorf("node %s (%q) is not a resource of the dataset", id, iri)
		}
		p, isPaper := papers[iri]
		if !isPaper {
			continue
		}
		if attrs["type"] != "Paper" {
			t.Errorf("%s: type %v", iri, attrs["type"])
		}
		if _, ok := attrs["year"].(float64); ok != p[o.DCIssued] {
			t.Errorf("%s: year %#v, has dcterms:issued %v", iri, attrs["year"], p[o.DCIssued])
		}
		if _, ok := attrs["doi"].(string); ok != p[o.BIBODOI] {
			t.Errorf("%s: doi %#v, has bibo:doi %v", iri, attrs["doi"], p[o.BIBODOI])
		}
	}
	symmetric := 0
	for _, e := range g.Edges {
		gs, _ := e.Data["graphs"].(string)
		if gs == "" {
			t.Errorf("edge %s: no graph named", e.ID)
		}
		for _, name := range strings.Fields(gs) {
			if !graphs[name] {
				t.Errorf("edge %s: graph %q is not in the dataset", e.ID, name)
			}
		}
		if sym, _ := e.Data["symmetric"].(bool); sym {
			symmetric++
		}
	}
	// Each symmetric pair is two directed edges, one each way.
	if symmetric != 2*len(pairs) {
		t.Errorf("%d symmetric edges for %d symmetric pairs, want two each", symmetric, len(pairs))
	}
}
