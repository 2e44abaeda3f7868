package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/knakk/rdf"
)

func init() {
	Register(Format{
		Name:       "graphml",
		Title:      "GraphML: resources as nodes, links as edges with their named graphs, for Gephi, Cytoscape, yEd",
		Extensions: []string{".graphml"},
		Write: func(w io.Writer, st *Store, opt Options) error {
			return graphMLFromStore(w, st, opt.Prefixes)
		},
	})
}

const (
	graphmlNS     = "http://graphml.graphdrawing.org/xmlns"
	graphmlSchema = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
	xsiNS         = "http://www.w3.org/2001/XMLSchema-instance"
)

// GraphML writes the dataset as a GraphML property graph (see view):
// every IRI or blank node that is a subject, or the object of a link,
// is a node; every link between two of them except rdf:type is an edge.
// Literals never become nodes.
//
// Nodes carry the keys label, type (the mkg: class: Paper, Author,
// Cohort, ...), iri, and when known size and patients (int), year (int,
// from dcterms:issued) and doi. Gephi and Cytoscape show the attribute
// named "label". Edges carry label (the predicate's prefixed name, e.g.
// mkg:coAuthorWith) and graph: the named graphs that state the link,
// space-separated, so "which record said this?" survives the export.
//
// The graph is directed. A symmetric derived link (mkg:coAuthorWith,
// mkg:sharesAuthorWith, mkg:citesSameTrialAs, mkg:possiblySameAs) is two
// edges, one each way, both with symmetric=true (the key's default is
// false): networkx's read_graphml refuses a directed graph holding a
// directed="false" edge, and one edge of an undirected graph would lose
// the direction of every other link (paper → author, cohort → outcome).
// Gephi, Cytoscape and yEd show the pair as a mutual link; a tool that
// wants one edge per pair keeps those with symmetric=true and source <
// target.
//
// Node ids n0, n1, ... follow the sorted IRIs, and edges are sorted, so
// the same quads give the same file whatever their order. Characters
// XML 1.0 cannot carry (NUL and most other control characters) are
// dropped from text; everything else, newlines included, is kept.
func GraphML(w io.Writer, quads []rdf.Quad, prefixes map[string]string) error {
	return withStore(quads, "graphml", func(st *Store) error { return graphMLFromStore(w, st, prefixes) })
}

func graphMLFromStore(w io.Writer, st *Store, prefixes map[string]string) error {
	v, err := newView(st, prefixes)
	if err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	bw := bufio.NewWriter(w)
	if err := writeGraphML(bw, v); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	return nil
}

type gmlKey struct {
	XMLName xml.Name `xml:"key"`
	ID      string   `xml:"id,attr"`
	For     string   `xml:"for,attr"`
	Name    string   `xml:"attr.name,attr"`
	Type    string   `xml:"attr.type,attr"`
	Default string   `xml:"default,omitempty"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlNode struct {
	XMLName xml.Name  `xml:"node"`
	ID      string    `xml:"id,attr"`
	Data    []gmlData `xml:"data"`
}

type gmlEdge struct {
	XMLName xml.Name  `xml:"edge"`
	ID      string    `xml:"id,attr"`
	Source  string    `xml:"source,attr"`
	Target  string    `xml:"target,attr"`
	Data    []gmlData `xml:"data"`
}

// Key ids. Node and edge keys need distinct ids even where their
// attr.name is the same ("label").
const (
	keyLabel     = "n_label"
	keyType      = "n_type"
	keyIRI       = "n_iri"
	keyEdgeLabel = "e_label"
	keyEdgeGraph = "e_graph"
	keySymmetric = "e_symmetric"
)

func graphmlKeys() []gmlKey {
	keys := []gmlKey{
		{ID: keyLabel, For: "node", Name: "label", Type: "string"},
		{ID: keyType, For: "node", Name: "type", Type: "string"},
		{ID: keyIRI, For: "node", Name: "iri", Type: "string"},
	}
	for _, a := range nodeAttrs {
		keys = append(keys, gmlKey{ID: "n_" + a.name, For: "node", Name: a.name, Type: a.typ})
	}
	return append(keys,
		gmlKey{ID: keyEdgeLabel, For: "edge", Name: "label", Type: "string"},
		gmlKey{ID: keyEdgeGraph, For: "edge", Name: "graph", Type: "string"},
		gmlKey{ID: keySymmetric, For: "edge", Name: "symmetric", Type: "boolean", Default: "false"},
	)
}

func writeGraphML(w io.Writer, v *view) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	root := xml.StartElement{Name: xml.Name{Local: "graphml"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "xmlns"}, Value: graphmlNS},
		{Name: xml.Name{Local: "xmlns:xsi"}, Value: xsiNS},
		{Name: xml.Name{Local: "xsi:schemaLocation"}, Value: graphmlNS + " " + graphmlSchema},
	}}
	graph := xml.StartElement{Name: xml.Name{Local: "graph"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "id"}, Value: "msckg"},
		{Name: xml.Name{Local: "edgedefault"}, Value: "directed"},
	}}
	if err := enc.EncodeToken(root); err != nil {
		return err
	}
	for _, k := range graphmlKeys() {
		if err := enc.Encode(k); err != nil {
			return err
		}
	}
	if err := enc.EncodeToken(graph); err != nil {
		return err
	}
	for i, n := range v.nodes {
		el := gmlNode{ID: nodeID(i), Data: []gmlData{{keyLabel, xmlText(n.label)}}}
		if n.class != "" {
			el.Data = append(el.Data, gmlData{keyType, n.class})
		}
		el.Data = append(el.Data, gmlData{keyIRI, iriText(n.term)})
		for k, a := range nodeAttrs {
			if n.attrs[k] != "" {
				el.Data = append(el.Data, gmlData{"n_" + a.name, xmlText(n.attrs[k])})
			}
		}
		if err := enc.Encode(el); err != nil {
			return err
		}
	}
	n := 0
	for _, e := range v.edges {
		data := []gmlData{{keyEdgeLabel, e.pred}}
		if len(e.graphs) > 0 {
			data = append(data, gmlData{keyEdgeGraph, joinGraphs(e.graphs)})
		}
		ends := [][2]int{{e.source, e.target}}
		if e.undirected {
			data = append(data, gmlData{keySymmetric, "true"})
			ends = append(ends, [2]int{e.target, e.source})
		}
		for _, st := range ends {
			el := gmlEdge{ID: "e" + strconv.Itoa(n), Source: nodeID(st[0]), Target: nodeID(st[1]), Data: data}
			n++
			if err := enc.Encode(el); err != nil {
				return err
			}
		}
	}
	if err := enc.EncodeToken(graph.End()); err != nil {
		return err
	}
	if err := enc.EncodeToken(root.End()); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func nodeID(i int) string { return "n" + strconv.Itoa(i) }

// iriText is the iri attribute of a node: the IRI, or "_:label".
func iriText(t term) string {
	if t.kind == kindBlank {
		return "_:" + t.value
	}
	return t.value
}

// xmlText drops the characters XML 1.0 cannot carry, which
// encoding/xml would otherwise turn into U+FFFD.
func xmlText(s string) string {
	if strings.IndexFunc(s, notXMLChar) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if notXMLChar(r) {
			return -1
		}
		return r
	}, s)
}

// notXMLChar reports the runes outside XML 1.0's Char production.
func notXMLChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF, r > 0x10FFFF:
		return true
	}
	return false
}
