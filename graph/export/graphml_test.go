package export

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/rdfcheck"
	o "github.com/msckg/msckg/ontology"
)

// decodedGraphML is a GraphML file read back with encoding/xml.
type decodedGraphML struct {
	Keys  []gmlKey `xml:"key"`
	Graph struct {
		ID          string    `xml:"id,attr"`
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlNode `xml:"node"`
		Edges       []gmlEdge `xml:"edge"`
	} `xml:"graph"`
}

func decodeGraphML(t *testing.T, data []byte) decodedGraphML {
	t.Helper()
	var d decodedGraphML
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatalf("reading our GraphML back: %v\n%s", err, data)
	}
	return d
}

// data returns the value of key in els, and whether it is there.
func data(els []gmlData, key string) (string, bool) {
	for _, d := range els {
		if d.Key == key {
			return d.Value, true
		}
	}
	return "", false
}

// visibleXML is what a GraphML label holds for s: XML 1.0 cannot carry
// the C0 controls other than tab, LF and CR, so they are gone.
func visibleXML(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x20 || r == '\t' || r == '\n' || r == '\r' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestGraphMLNodesAndKeys(t *testing.T) {
	d := decodeGraphML(t, writeVisual(t, "graphml", visualDataset(t)))
	if d.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault %q", d.Graph.EdgeDefault)
	}
	// Gephi and Cytoscape take the attribute named "label" as the label.
	names := map[string]string{}
	for _, k := range d.Keys {
		names[k.For+"/"+k.Name] = k.Type
	}
	for want, typ := range map[string]string{
		"node/label": "string", "node/type": "string", "node/iri": "string", "node/size": "long",
		"node/patients": "long", "node/year": "long", "node/doi": "string", "node/age_value": "double",
		"edge/label": "string", "edge/graphs": "string", "edge/predicate": "string", "edge/symmetric": "boolean",
	} {
		if names[want] != typ {
			t.Errorf("key %s: type %q, want %q", want, names[want], typ)
		}
	}

	byIRI := map[string]gmlNode{}
	for i, n := range d.Graph.Nodes {
		if n.ID != nodeID(i) {
			t.Errorf("node %d has id %q", i, n.ID)
		}
		iri, _ := data(n.Data, keyIRI)
		byIRI[iri] = n
	}
	want := visualNodes()
	if len(d.Graph.Nodes) != len(want) {
		t.Errorf("%d nodes, want %d", len(d.Graph.Nodes), len(want))
	}
	for _, w := range want {
		n, ok := byIRI[w.iri]
		if !ok {
			t.Errorf("no node %s", w.iri)
			continue
		}
		if got, _ := data(n.Data, keyLabel); got != visibleXML(w.label) {
			t.Errorf("%s: label %q, want %q", w.iri, got, visibleXML(w.label))
		}
		if got, _ := data(n.Data, keyType); got != w.class {
			t.Errorf("%s: type %q, want %q", w.iri, got, w.class)
		}
		for name, want := range w.attrs {
			if got, _ := data(n.Data, "n_a_"+name); got != visibleXML(want) {
				t.Errorf("%s: %s = %q, want %q", w.iri, name, got, want)
			}
		}
	}
}

// onePerPair checks that every symmetric edge was written both ways,
// with the same label and graphs, and keeps one edge of each pair: the
// form visualEdges gives.
func onePerPair(t *testing.T, edges []wantEdge) []wantEdge {
	t.Helper()
	dir := func(e wantEdge) string { return e.source + " " + e.pred + " " + e.target + " " + e.graphs }
	seen := map[string]bool{}
	for _, e := range edges {
		if e.undirected {
			seen[dir(e)] = true
		}
	}
	var out []wantEdge
	for _, e := range edges {
		if !e.undirected {
			out = append(out, e)
			continue
		}
		back := wantEdge{e.target, e.pred, e.source, true, e.graphs}
		if !seen[dir(back)] {
			t.Errorf("symmetric edge %s written one way only", dir(e))
		}
		if e.source < e.target || !seen[dir(back)] {
			out = append(out, e)
		}
	}
	return out
}

func TestGraphMLEdges(t *testing.T) {
	d := decodeGraphML(t, writeVisual(t, "graphml", visualDataset(t)))
	iriOf := map[string]string{}
	for _, n := range d.Graph.Nodes {
		iriOf[n.ID], _ = data(n.Data, keyIRI)
	}
	var got []wantEdge
	for i, e := range d.Graph.Edges {
		if e.ID != "e"+itoa(i) {
			t.Errorf("edge %d has id %q", i, e.ID)
		}
		label, _ := data(e.Data, keyEdgeLabel)
		graphs, _ := data(e.Data, "e_a_graphs")
		sym, _ := data(e.Data, keySymmetric)
		got = append(got, wantEdge{iriOf[e.Source], label, iriOf[e.Target], sym == "true", graphs})
	}
	if d.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault %q", d.Graph.EdgeDefault)
	}
	if g, w := sortedKeys(onePerPair(t, got)), sortedKeys(visualEdges()); !slices.Equal(g, w) {
		t.Errorf("edges:\n got %q\nwant %q", g, w)
	}
}

// A value many nodes share, such as a count of 42 patients, stays an
// attribute: it never becomes a node linking them (cayley's bug).
func TestGraphMLLiteralsNeverNodes(t *testing.T) {
	var in []rdf.Quad
	for _, c := range []string{"a", "b", "c"} {
		in = append(in,
			q(iri(base+"cohort/"+c), o.Size, typed("42", xsdInteger), vG1),
			q(iri(base+"cohort/"+c), rdfsLabel, str("42"), vG1))
	}
	d := decodeGraphML(t, writeVisual(t, "graphml", in))
	if len(d.Graph.Nodes) != 3 || len(d.Graph.Edges) != 0 {
		t.Fatalf("%d nodes, %d edges, want 3 and 0", len(d.Graph.Nodes), len(d.Graph.Edges))
	}
	for _, n := range d.Graph.Nodes {
		if size, _ := data(n.Data, "n_a_size"); size != "42" {
			t.Errorf("%s: size %q", n.ID, size)
		}
	}
}

func TestGraphMLEmpty(t *testing.T) {
	d := decodeGraphML(t, writeVisual(t, "graphml", nil))
	if len(d.Graph.Nodes)+len(d.Graph.Edges) != 0 || d.Graph.ID == "" {
		t.Errorf("empty dataset: %+v", d.Graph)
	}
}

// TestVisualDeterministic: any order of the same quads, with or without
// duplicates, gives the same bytes; the caller's slice is not touched.
func TestVisualDeterministic(t *testing.T) {
	in := visualDataset(t)
	for _, name := range []string{"graphml", "dot"} {
		want := writeVisual(t, name, in)
		for i, shuffled := range shuffles(in, 20) {
			before := slices.Clone(shuffled)
			if got := writeVisual(t, name, shuffled); !bytes.Equal(got, want) {
				t.Fatalf("%s: shuffle %d changed the output", name, i)
			}
			if !slices.EqualFunc(before, shuffled, func(a, b rdf.Quad) bool { return a == b }) {
				t.Fatalf("%s: the writer reordered the caller's slice", name)
			}
		}
	}
}

func TestVisualExtensions(t *testing.T) {
	for path, want := range map[string]string{"g.graphml": "graphml", "G.GraphML": "graphml", "g.dot": "dot", "g.gv": "dot"} {
		if f, ok := ByExtension(path); !ok || f.Name != want {
			t.Errorf("%s: %v, want %s", path, f, want)
		}
	}
}

// numAttrs are the node attributes written as GraphML longs and doubles.
var numAttrs = map[string]bool{"size": true, "patients": true, "year": true, "citationCount": true, "age_value": true}

// TestGraphMLCheckers hands the file to xmllint and to networkx, and
// compares what networkx read (labels, typed attributes, edges, graph
// names) with what was written.
func TestGraphMLCheckers(t *testing.T) {
	file := filepath.Join(t.TempDir(), "visual.graphml")
	if err := os.WriteFile(file, writeVisual(t, "graphml", visualDataset(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	rdfcheck.XMLLint(t, file)
	g := rdfcheck.NetworkX(t, file)
	if !g.Directed {
		t.Error("networkx read an undirected graph")
	}

	want := visualNodes()
	if len(g.Nodes) != len(want) {
		t.Errorf("networkx: %d nodes, want %d", len(g.Nodes), len(want))
	}
	byIRI := map[string]map[string]any{}
	iriOf := map[string]string{}
	for id, attrs := range g.Nodes {
		iri, _ := attrs["iri"].(string)
		byIRI[iri], iriOf[id] = attrs, iri
	}
	for _, w := range want {
		attrs, ok := byIRI[w.iri]
		if !ok {
			t.Errorf("networkx: no node %s", w.iri)
			continue
		}
		if attrs["label"] != visibleXML(w.label) {
			t.Errorf("networkx: %s: label %q, want %q", w.iri, attrs["label"], visibleXML(w.label))
		}
		for name, wantVal := range w.attrs {
			got := attrs[name]
			// A long or double key must come back as a number, not as text.
			if numAttrs[name] {
				n, isNum := got.(float64)
				if wn, err := strconv.ParseFloat(wantVal, 64); !isNum || err != nil || n != wn {
					t.Errorf("networkx: %s: %s = %#v, want the number %s", w.iri, name, got, wantVal)
				}
			} else if got != visibleXML(wantVal) {
				t.Errorf("networkx: %s: %s = %#v, want %q", w.iri, name, got, wantVal)
			}
		}
	}

	var edges []wantEdge
	for _, e := range g.Edges {
		label, _ := e.Data["label"].(string)
		graphs, _ := e.Data["graphs"].(string)
		sym, _ := e.Data["symmetric"].(bool)
		edges = append(edges, wantEdge{iriOf[e.Source], label, iriOf[e.Target], sym, graphs})
	}
	if g, w := sortedKeys(onePerPair(t, edges)), sortedKeys(visualEdges()); !slices.Equal(g, w) {
		t.Errorf("networkx edges:\n got %q\nwant %q", g, w)
	}
}

// TestGraphMLTrickyDataset writes the dataset the RDF writers are tested
// on (blank nodes, odd IRIs, every tricky string in every literal form)
// and has xmllint and networkx read it.
func TestGraphMLTrickyDataset(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tricky.graphml")
	out := writeVisual(t, "graphml", trickyDataset(t))
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(string(out), 0) || strings.ContainsRune(string(out), '\uFFFD') {
		t.Error("NUL or U+FFFD written")
	}
	rdfcheck.XMLLint(t, file)
	g := rdfcheck.NetworkX(t, file)
	if want := len(decodeGraphML(t, out).Graph.Nodes); len(g.Nodes) != want {
		t.Errorf("networkx read %d nodes, we wrote %d", len(g.Nodes), want)
	}
}
