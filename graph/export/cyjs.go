package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/msckg/msckg/graph/propgraph"
)

func init() {
	Register(Format{
		Name:       "cyjs",
		Title:      "Cytoscape JSON property graph (--view), for Cytoscape and cytoscape.js",
		Extensions: []string{".cyjs"},
		Write: func(w io.Writer, st *Store, opt Options) error {
			g, err := propGraph(st, opt)
			if err != nil {
				return fmt.Errorf("cyjs: %w", err)
			}
			bw := bufio.NewWriter(w)
			writeCYJS(bw, g)
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("cyjs: %w", err)
			}
			return nil
		},
	})
}

// writeCYJS writes the property graph as Cytoscape's JSON (the .cyjs
// files Cytoscape Desktop imports, whose "elements" cytoscape.js takes as
// they are): each node's data holds id, name and label (the label),
// type, iri and the attributes; each edge's data id, source, target,
// interaction and label (the predicate's local name), predicate,
// symmetric and the attributes. Numbers and booleans are JSON numbers and
// booleans. Keys come in a fixed order, so the same quads give the same
// bytes.
func writeCYJS(w *bufio.Writer, g *propgraph.Graph) {
	w.WriteString(`{"format_version":"1.0","generated_by":"msckg","target_cytoscapejs_version":"~3.0",` +
		`"data":{"name":"msckg","shared_name":"msckg"},"elements":{"nodes":[`)
	for i, n := range g.Nodes {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n{\"data\":{")
		jsonField(w, "id", nodeID(i), false)
		jsonField(w, "name", n.Label, true)
		jsonField(w, "label", n.Label, true)
		jsonField(w, "type", n.Type, true)
		jsonField(w, "iri", n.IRI, true)
		for _, k := range g.NodeKeys {
			if v, ok := n.Attrs[k.Name]; ok {
				jsonTyped(w, k, v)
			}
		}
		w.WriteString("}}")
	}
	w.WriteString("\n],\"edges\":[")
	for i, e := range g.Edges {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n{\"data\":{")
		jsonField(w, "id", "e"+strconv.Itoa(i), false)
		jsonField(w, "source", nodeID(e.Source), true)
		jsonField(w, "target", nodeID(e.Target), true)
		jsonField(w, "interaction", e.Type, true)
		jsonField(w, "label", e.Type, true)
		jsonField(w, "predicate", e.Predicate, true)
		w.WriteString(`,"symmetric":` + strconv.FormatBool(e.Symmetric))
		for _, k := range g.EdgeKeys {
			if v, ok := e.Attrs[k.Name]; ok {
				jsonTyped(w, k, v)
			}
		}
		w.WriteString("}}")
	}
	w.WriteString("\n]}}\n")
}

func jsonField(w *bufio.Writer, name, value string, comma bool) {
	if comma {
		w.WriteByte(',')
	}
	w.Write(jsonString(name))
	w.WriteByte(':')
	w.Write(jsonString(value))
}

// jsonTyped writes an attribute as its key's JSON type; a value that does
// not parse as that type (which the projection does not make) is a string.
func jsonTyped(w *bufio.Writer, k propgraph.Key, v string) {
	w.WriteByte(',')
	w.Write(jsonString(k.Name))
	w.WriteByte(':')
	switch k.Type {
	case propgraph.TypeLong, propgraph.TypeDouble:
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			w.WriteString(v)
			return
		}
	case propgraph.TypeBoolean:
		if v == "true" || v == "false" {
			w.WriteString(v)
			return
		}
	}
	w.Write(jsonString(v))
}

// jsonString is s as a JSON string; invalid UTF-8 cannot reach here (the
// store refuses it), and json.Marshal of a string cannot fail.
func jsonString(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}
