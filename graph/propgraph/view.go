package propgraph

import (
	"fmt"
	"slices"
	"strings"
)

// View chooses what part of the property graph a file draws.
type View string

// The views.
const (
	// Papers: papers, journals, trials and the links between them
	// (published in, reports trial, same trial, citations).
	Papers View = "papers"
	// Authors: people and co-authorship.
	Authors View = "authors"
	// Evidence: paper → cohort, arm, subgroup → intervention, outcome →
	// the evidence spans, each labelled with its values or words.
	Evidence View = "evidence"
	// Full: every entity and link.
	Full View = "full"
)

// Views lists the views, the default (full) last.
var Views = []View{Papers, Authors, Evidence, Full}

// viewTypes are the node types each view keeps; nil keeps every type.
var viewTypes = map[View][]string{
	Papers:   {"Paper", "Journal", "Trial"},
	Authors:  {"Author"},
	Evidence: {"Paper", "Cohort", "Arm", "Subgroup", "Intervention", "Outcome", "Evidence"},
	Full:     nil,
}

// ParseView reads a view's name; "" is the full view.
func ParseView(s string) (View, error) {
	v := View(strings.ToLower(strings.TrimSpace(s)))
	if v == "" {
		return Full, nil
	}
	if _, ok := viewTypes[v]; !ok {
		names := make([]string, len(Views))
		for i, v := range Views {
			names[i] = string(v)
		}
		return "", fmt.Errorf("unknown view %q (known: %s)", s, strings.Join(names, ", "))
	}
	return v, nil
}

// View keeps the nodes of the view's types and the edges between them;
// the keys list only the attributes the kept nodes and edges hold.
func (g *Graph) View(v View) *Graph {
	types := viewTypes[v]
	if types == nil {
		return g
	}
	out := &Graph{}
	newIndex := make([]int, len(g.Nodes))
	nodeTypes := map[string]map[string]bool{}
	for i, n := range g.Nodes {
		newIndex[i] = -1
		if !slices.Contains(types, n.Type) {
			continue
		}
		newIndex[i] = len(out.Nodes)
		out.Nodes = append(out.Nodes, n)
		for name := range n.Attrs {
			note(nodeTypes, name, g.NodeKeyType(name))
		}
	}
	edgeTypes := map[string]map[string]bool{}
	for _, e := range g.Edges {
		s, t := newIndex[e.Source], newIndex[e.Target]
		if s < 0 || t < 0 {
			continue
		}
		e.Source, e.Target = s, t
		out.Edges = append(out.Edges, e)
		for name := range e.Attrs {
			note(edgeTypes, name, g.EdgeKeyType(name))
		}
	}
	out.NodeKeys, out.EdgeKeys = keysOf(nodeTypes), keysOf(edgeTypes)
	return out
}
