package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/propgraph"
)

func init() {
	Register(Format{
		Name:       "graphml",
		Title:      "GraphML property graph (--view), for networkx, Gephi, Cytoscape, yEd",
		Extensions: []string{".graphml"},
		Write: func(w io.Writer, st *Store, opt Options) error {
			return graphMLFromStore(w, st, opt)
		},
	})
}

const (
	graphmlNS     = "http://graphml.graphdrawing.org/xmlns"
	graphmlSchema = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
	xsiNS         = "http://www.w3.org/2001/XMLSchema-instance"
)

// GraphML writes the dataset's property graph (package propgraph) as
// GraphML: entities are nodes, links between them edges; literals,
// quantities, concepts and source records are attributes, never nodes.
//
// Nodes carry the keys label, type (the mkg: class: Paper, Author,
// Cohort, ...), iri, and one typed key per attribute of the projection
// (size and year as long, dose_min as double, title as string, ...).
// Gephi and Cytoscape show the attribute named "label". Edges carry label
// (the predicate's local name, e.g. coAuthorWith), predicate (its IRI),
// graphs (the named graphs that state the link, space-separated, so
// "which record said this?" survives the export) and the authorship's
// position and nameAsWritten on creator edges.
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
	return withStore(quads, "graphml", func(st *Store) error { return graphMLFromStore(w, st, Options{Prefixes: prefixes}) })
}

func graphMLFromStore(w io.Writer, st *Store, opt Options) error {
	g, err := propGraph(st, opt)
	if err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	bw := bufio.NewWriter(w)
	if err := writeGraphML(bw, g); err != nil {
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
	keyEdgePred  = "e_predicate"
	keySymmetric = "e_symmetric"
)

func graphmlKeys(g *propgraph.Graph) []gmlKey {
	keys := []gmlKey{
		{ID: keyLabel, For: "node", Name: "label", Type: "string"},
		{ID: keyType, For: "node", Name: "type", Type: "string"},
		{ID: keyIRI, For: "node", Name: "iri", Type: "string"},
	}
	for _, k := range g.NodeKeys {
		keys = append(keys, gmlKey{ID: "n_a_" + k.Name, For: "node", Name: k.Name, Type: k.Type})
	}
	keys = append(keys,
		gmlKey{ID: keyEdgeLabel, For: "edge", Name: "label", Type: "string"},
		gmlKey{ID: keyEdgePred, For: "edge", Name: "predicate", Type: "string"},
		gmlKey{ID: keySymmetric, For: "edge", Name: "symmetric", Type: "boolean", Default: "false"},
	)
	for _, k := range g.EdgeKeys {
		keys = append(keys, gmlKey{ID: "e_a_" + k.Name, For: "edge", Name: k.Name, Type: k.Type})
	}
	return keys
}

func writeGraphML(w io.Writer, g *propgraph.Graph) error {
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
	for _, k := range graphmlKeys(g) {
		if err := enc.Encode(k); err != nil {
			return err
		}
	}
	if err := enc.EncodeToken(graph); err != nil {
		return err
	}
	for i, n := range g.Nodes {
		el := gmlNode{ID: nodeID(i), Data: []gmlData{{keyLabel, xmlText(n.Label)}, {keyType, xmlText(n.Type)}, {keyIRI, n.IRI}}}
		for _, k := range g.NodeKeys {
			if v, ok := n.Attrs[k.Name]; ok {
				el.Data = append(el.Data, gmlData{"n_a_" + k.Name, xmlText(v)})
			}
		}
		if err := enc.Encode(el); err != nil {
			return err
		}
	}
	n := 0
	for _, e := range g.Edges {
		data := []gmlData{{keyEdgeLabel, e.Type}, {keyEdgePred, e.Predicate}}
		ends := [][2]int{{e.Source, e.Target}}
		if e.Symmetric {
			data = append(data, gmlData{keySymmetric, "true"})
			ends = append(ends, [2]int{e.Target, e.Source})
		}
		for _, k := range g.EdgeKeys {
			if v, ok := e.Attrs[k.Name]; ok {
				data = append(data, gmlData{"e_a_" + k.Name, xmlText(v)})
			}
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
