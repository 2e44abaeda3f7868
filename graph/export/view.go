package export

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/msckg/msckg/ontology"
)

// view is the dataset as a property graph for visual tools (GraphML,
// DOT): resources become nodes, links between resources become edges,
// and literals become node attributes, never nodes, so a "42" shared by
// two cohorts does not turn into a hub joining them.
type view struct {
	nodes []node // sorted by term: node i has the id "n<i>"
	edges []edge // sorted by source, predicate, target
}

// node is an IRI or blank node that is a subject, or the object of a
// link other than rdf:type.
type node struct {
	term  term
	label string // rdfs:label, foaf:name, dcterms:title, else a short form of the IRI
	class string // mkg: class local name ("Paper"), else another class's short form, else ""
	attrs [len(nodeAttrs)]string
}

// edge is one triple whose object is a resource, or for a symmetric
// predicate one pair of resources whatever the direction it was stated in.
type edge struct {
	source, target int
	pred           string // short form, e.g. "mkg:coAuthorWith"
	predIRI        string
	undirected     bool
	graphs         []string // named graphs that state it, sorted; the default graph is not named
}

// nodeAttrs are the literal properties copied onto nodes as typed
// attributes, for sizing and filtering in Gephi or Cytoscape. A value
// whose lexical form does not fit the attribute's type is left out
// rather than written in a form a tool would refuse.
var nodeAttrs = [...]struct {
	name, typ, pred string
	value           func(lex string) (string, bool)
}{
	{"size", "int", ontology.Size, int32Value},
	{"patients", "int", ontology.Patients, int32Value},
	{"year", "int", ontology.DCIssued, yearValue},
	{"doi", "string", ontology.BIBODOI, textValue},
}

// symmetric lists the derived predicates that hold both ways: each pair
// is drawn once, without an arrow.
var symmetric = map[string]bool{
	ontology.CoAuthorWith:     true,
	ontology.SharesAuthorWith: true,
	ontology.CitesSameTrialAs: true,
	ontology.PossiblySameAs:   true,
}

// labelPreds are the properties a node's label comes from, best first.
var labelPreds = [...]string{ontology.RDFSLabel, ontology.FOAFName, ontology.DCTitle}

// newView builds the view of a store in one pass over its statements.
// Without prefixes the project's own (ontology.Prefixes) shorten IRIs.
// It holds the nodes and edges of the drawing, not the statements: a
// literal costs nothing unless it labels a node.
func newView(store *Store, prefixes map[string]string) (*view, error) {
	if prefixes == nil {
		prefixes = ontology.Prefixes
	}
	ns, err := newNamespaces(prefixes)
	if err != nil {
		return nil, err
	}
	b := &viewBuilder{nodes: map[term]*nodeDraft{}, edges: map[edgeKey]*edgeDraft{}, names: map[string]string{}}
	if err := store.eachQuad(func(s stmt) error { b.add(s); return nil }); err != nil {
		return nil, err
	}
	return b.finish(ns), nil
}

// isResource reports whether t can be a node.
func isResource(t term) bool { return t.kind == kindIRI || t.kind == kindBlank }

// viewBuilder gathers nodes and edges from statements in any order. Where
// a node has several values for a property, the smallest wins (the one a
// sorted listing shows first), so the view does not depend on order.
type viewBuilder struct {
	nodes map[term]*nodeDraft
	edges map[edgeKey]*edgeDraft
	names map[string]string // predicate and graph names, stored once
}

type nodeDraft struct {
	term       term
	labels     [len(labelPreds)]string // smallest non-blank value of each label property
	attrs      [len(nodeAttrs)]string  // smallest lexical form each attribute accepts
	mkgClass   string                  // smallest mkg: class IRI
	firstClass string                  // smallest class IRI
	id         int
}

type edgeKey struct {
	s, o *nodeDraft
	p    string
}

type edgeDraft struct {
	graphs []string
}

func (b *viewBuilder) node(t term) *nodeDraft {
	n := b.nodes[t]
	if n == nil {
		n = &nodeDraft{term: t}
		b.nodes[t] = n
	}
	return n
}

func (b *viewBuilder) name(s string) string {
	if v, ok := b.names[s]; ok {
		return v
	}
	b.names[s] = s
	return s
}

// setMin keeps the smaller of *have and v, an empty *have counting as none.
func setMin(have *string, v string) {
	if *have == "" || v < *have {
		*have = v
	}
}

func (b *viewBuilder) add(s stmt) {
	n := b.node(s.s)
	p, o := s.p.value, s.o
	switch {
	case p == rdfType && o.kind == kindIRI:
		setMin(&n.firstClass, o.value)
		if strings.HasPrefix(o.value, ontology.MKG) {
			setMin(&n.mkgClass, o.value)
		}
	case o.kind == kindLiteral:
		for k, lp := range labelPreds {
			if p == lp && strings.TrimSpace(o.value) != "" {
				setMin(&n.labels[k], o.value)
			}
		}
		for k, a := range nodeAttrs {
			if _, ok := a.value(o.value); p == a.pred && ok {
				setMin(&n.attrs[k], o.value)
			}
		}
	case isResource(o) && p != rdfType:
		k := edgeKey{n, b.node(o), b.name(p)}
		if symmetric[p] && o.compare(s.s) < 0 {
			k.s, k.o = k.o, k.s
		}
		e := b.edges[k]
		if e == nil {
			e = &edgeDraft{}
			b.edges[k] = e
		}
		if g := graphName(s.g); g != "" {
			e.graphs = append(e.graphs, b.name(g))
		}
	}
}

// finish numbers the nodes in term order and sorts the edges.
func (b *viewBuilder) finish(ns *namespaces) *view {
	drafts := make([]*nodeDraft, 0, len(b.nodes))
	for _, n := range b.nodes {
		drafts = append(drafts, n)
	}
	slices.SortFunc(drafts, func(x, y *nodeDraft) int { return x.term.compare(y.term) })
	v := &view{nodes: make([]node, len(drafts))}
	for i, d := range drafts {
		d.id = i
		n := &v.nodes[i]
		n.term = d.term
		if local, ok := strings.CutPrefix(d.mkgClass, ontology.MKG); ok {
			n.class = local
		} else if d.firstClass != "" {
			n.class = ns.short(d.firstClass)
		}
		for _, l := range d.labels {
			if l != "" {
				n.label = l
				break
			}
		}
		if n.label == "" {
			n.label = shortLabel(n.term, ns)
		}
		for k, a := range nodeAttrs {
			if d.attrs[k] != "" {
				n.attrs[k], _ = a.value(d.attrs[k])
			}
		}
	}
	v.edges = make([]edge, 0, len(b.edges))
	for k, e := range b.edges {
		slices.Sort(e.graphs)
		v.edges = append(v.edges, edge{source: k.s.id, target: k.o.id, pred: ns.short(k.p), predIRI: k.p,
			undirected: symmetric[k.p], graphs: slices.Compact(e.graphs)})
	}
	// By the predicate as shown, then by IRI should two IRIs show alike
	// (a scheme "mkg:" looks like the prefix).
	slices.SortFunc(v.edges, func(a, b edge) int {
		return cmp.Or(cmp.Compare(a.source, b.source), strings.Compare(a.pred, b.pred),
			strings.Compare(a.predIRI, b.predIRI), cmp.Compare(a.target, b.target))
	})
	return v
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

// joinGraphs writes graph names space-separated: IRIs and blank labels
// never hold a space (checkIRI, blankLabel).
func joinGraphs(g []string) string { return strings.Join(g, " ") }

// short writes an IRI as prefix:local when a prefix fits, else in full
// without angle brackets: it is a label for people, not Turtle.
func (ns *namespaces) short(iri string) string {
	s := ns.iri(iri)
	if strings.HasPrefix(s, "<") {
		return iri
	}
	return s
}

// shortLabel names a node that has no label property: its prefixed name
// (mkg:UmbilicalCordMSC, mesh:D016553), else the last non-empty segment
// of its path or fragment, else the IRI.
func shortLabel(t term, ns *namespaces) string {
	if t.kind == kindBlank {
		return "_:" + t.value
	}
	if s := ns.short(t.value); s != t.value {
		return s
	}
	trimmed := strings.TrimRight(t.value, "/#")
	if i := strings.LastIndexAny(trimmed, "/#"); i >= 0 && i+1 < len(trimmed) && !strings.HasSuffix(trimmed[:i+1], "//") {
		return trimmed[i+1:]
	}
	return t.value
}

// int32Value accepts an xsd:integer lexical form that fits GraphML's
// "int" (32 bits) and writes it canonically ("+07" → "7").
func int32Value(lex string) (string, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(lex), 10, 32)
	if err != nil {
		return "", false
	}
	return strconv.FormatInt(n, 10), true
}

// yearValue takes the year of an xsd:gYear, xsd:gYearMonth or xsd:date
// lexical form ("2017", "2017-05", "2017-05-03").
func yearValue(lex string) (string, bool) {
	if len(lex) < 4 || len(lex) > 4 && lex[4] != '-' {
		return "", false
	}
	for i := range 4 {
		if lex[i] < '0' || lex[i] > '9' {
			return "", false
		}
	}
	return int32Value(lex[:4])
}

func textValue(lex string) (string, bool) {
	if strings.TrimSpace(lex) == "" {
		return "", false
	}
	return lex, true
}
