package export

import (
	"fmt"
	"strconv"

	"github.com/msckg/msckg/graph/propgraph"
)

// propGraph projects the store onto the property graph of opt.View. It
// holds the entities and links, not the statements: the drawing formats
// are for views of a few thousand papers.
func propGraph(st *Store, opt Options) (*propgraph.Graph, error) {
	view, err := propgraph.ParseView(string(opt.View))
	if err != nil {
		return nil, err
	}
	b := propgraph.NewBuilder(opt.Prefixes)
	err = st.eachQuad(func(s stmt) error {
		b.Add(propgraph.Statement{S: pgTerm(s.s), P: pgTerm(s.p), O: pgTerm(s.o), Graph: graphName(s.g)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the statements: %w", err)
	}
	return b.Graph().View(view), nil
}

func pgTerm(t term) propgraph.Term {
	k := propgraph.Literal
	switch t.kind {
	case kindIRI:
		k = propgraph.IRI
	case kindBlank:
		k = propgraph.Blank
	}
	return propgraph.Term{Kind: k, Value: t.value, Datatype: t.datatype, Lang: t.lang}
}

// graphName is how an edge names the graph it came from: the IRI, or
// "_:label" for a blank graph name, or "" for the default graph.
func graphName(g term) string {
	switch g.kind {
	case kindIRI:
		return g.value
	case kindBlank:
		return "_:" + g.value
	}
	return ""
}

func nodeID(i int) string { return "n" + strconv.Itoa(i) }
