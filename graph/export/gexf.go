package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/msckg/msckg/graph/propgraph"
)

func init() {
	Register(Format{
		Name:       "gexf",
		Title:      "GEXF 1.3 property graph (--view), for Gephi",
		Extensions: []string{".gexf"},
		Write: func(w io.Writer, st *Store, opt Options) error {
			g, err := propGraph(st, opt)
			if err != nil {
				return fmt.Errorf("gexf: %w", err)
			}
			bw := bufio.NewWriter(w)
			if err := writeGEXF(bw, g); err != nil {
				return fmt.Errorf("gexf: %w", err)
			}
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("gexf: %w", err)
			}
			return nil
		},
	})
}

const gexfNS = "http://gexf.net/1.3"

// GEXF types of the property graph's attribute types.
var gexfTypes = map[string]string{
	propgraph.TypeString:  "string",
	propgraph.TypeLong:    "long",
	propgraph.TypeDouble:  "double",
	propgraph.TypeBoolean: "boolean",
}

type gexfAttr struct {
	XMLName xml.Name `xml:"attribute"`
	ID      string   `xml:"id,attr"`
	Title   string   `xml:"title,attr"`
	Type    string   `xml:"type,attr"`
}

type gexfValue struct {
	XMLName xml.Name `xml:"attvalue"`
	For     string   `xml:"for,attr"`
	Value   string   `xml:"value,attr"`
}

type gexfNode struct {
	XMLName xml.Name    `xml:"node"`
	ID      string      `xml:"id,attr"`
	Label   string      `xml:"label,attr"`
	Values  []gexfValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	XMLName xml.Name    `xml:"edge"`
	ID      string      `xml:"id,attr"`
	Source  string      `xml:"source,attr"`
	Target  string      `xml:"target,attr"`
	Type    string      `xml:"type,attr,omitempty"`
	Label   string      `xml:"label,attr"`
	Values  []gexfValue `xml:"attvalues>attvalue"`
}

// writeGEXF writes GEXF 1.3 (gexf.net): nodes with their label and typed
// attributes (type and iri first, then the projection's), edges with
// their label and attributes (predicate, graphs, ...). The graph is
// directed; a symmetric link is one edge of type "undirected", which
// GEXF allows in a directed graph (Gephi shows a mixed graph). Ids, node
// and edge order are those of the property graph, so the same quads give
// the same bytes.
func writeGEXF(w io.Writer, g *propgraph.Graph) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	root := xml.StartElement{Name: xml.Name{Local: "gexf"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "xmlns"}, Value: gexfNS},
		{Name: xml.Name{Local: "version"}, Value: "1.3"},
	}}
	graph := xml.StartElement{Name: xml.Name{Local: "graph"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "defaultedgetype"}, Value: "directed"},
		{Name: xml.Name{Local: "mode"}, Value: "static"},
	}}
	meta := struct {
		XMLName     xml.Name `xml:"meta"`
		Creator     string   `xml:"creator"`
		Description string   `xml:"description"`
	}{Creator: "msckg", Description: "MSC therapy for ITP: knowledge graph as a property graph"}
	if err := enc.EncodeToken(root); err != nil {
		return err
	}
	if err := enc.Encode(meta); err != nil {
		return err
	}
	if err := enc.EncodeToken(graph); err != nil {
		return err
	}
	nodeKeys := append([]propgraph.Key{{Name: "type", Type: propgraph.TypeString}, {Name: "iri", Type: propgraph.TypeString}}, g.NodeKeys...)
	edgeKeys := append([]propgraph.Key{{Name: "predicate", Type: propgraph.TypeString}}, g.EdgeKeys...)
	for _, class := range []struct {
		name string
		keys []propgraph.Key
	}{{"node", nodeKeys}, {"edge", edgeKeys}} {
		start := xml.StartElement{Name: xml.Name{Local: "attributes"}, Attr: []xml.Attr{{Name: xml.Name{Local: "class"}, Value: class.name}}}
		if err := enc.EncodeToken(start); err != nil {
			return err
		}
		for i, k := range class.keys {
			if err := enc.Encode(gexfAttr{ID: strconv.Itoa(i), Title: k.Name, Type: gexfTypes[k.Type]}); err != nil {
				return err
			}
		}
		if err := enc.EncodeToken(start.End()); err != nil {
			return err
		}
	}
	nodes := xml.StartElement{Name: xml.Name{Local: "nodes"}}
	if err := enc.EncodeToken(nodes); err != nil {
		return err
	}
	for i, n := range g.Nodes {
		el := gexfNode{ID: nodeID(i), Label: xmlText(n.Label),
			Values: []gexfValue{{For: "0", Value: xmlText(n.Type)}, {For: "1", Value: n.IRI}}}
		for j, k := range g.NodeKeys {
			if v, ok := n.Attrs[k.Name]; ok {
				el.Values = append(el.Values, gexfValue{For: strconv.Itoa(j + 2), Value: xmlText(v)})
			}
		}
		if err := enc.Encode(el); err != nil {
			return err
		}
	}
	if err := enc.EncodeToken(nodes.End()); err != nil {
		return err
	}
	edges := xml.StartElement{Name: xml.Name{Local: "edges"}}
	if err := enc.EncodeToken(edges); err != nil {
		return err
	}
	for i, e := range g.Edges {
		el := gexfEdge{ID: "e" + strconv.Itoa(i), Source: nodeID(e.Source), Target: nodeID(e.Target), Label: e.Type,
			Values: []gexfValue{{For: "0", Value: e.Predicate}}}
		if e.Symmetric {
			el.Type = "undirected"
		}
		for j, k := range g.EdgeKeys {
			if v, ok := e.Attrs[k.Name]; ok {
				el.Values = append(el.Values, gexfValue{For: strconv.Itoa(j + 1), Value: xmlText(v)})
			}
		}
		if err := enc.Encode(el); err != nil {
			return err
		}
	}
	for _, end := range []xml.EndElement{edges.End(), graph.End(), root.End()} {
		if err := enc.EncodeToken(end); err != nil {
			return err
		}
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
