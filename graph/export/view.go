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
var labelPreds = []string{ontology.RDFSLabel, ontology.FOAFName, ontology.DCTitle}

// newView builds the view of a store. Without prefixes the project's own
// (ontology.Prefixes) shorten IRIs. Unlike the RDF writers it holds the
// whole dataset in memory while it works: a drawing is meant for the
// hundreds or thousands of papers a person can look at.
func newView(store *Store, prefixes map[string]string) (*view, error) {
	if prefixes == nil {
		prefixes = ontology.Prefixes
	}
	ns, err := newNamespaces(prefixes)
	if err != nil {
		return nil, err
	}
	var st []stmt
	err = store.eachQuad(func(s stmt) error {
		st = append(st, s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	byTriple := func(a, b stmt) int { return cmp.Or(compareTriple(a, b), a.g.compare(b.g)) }
	slices.SortFunc(st, byTriple)
	st = slices.CompactFunc(st, func(a, b stmt) bool { return byTriple(a, b) == 0 })

	v := &view{}
	ids := v.collectNodes(st, ns)
	v.collectEdges(st, ids, ns)
	return v, nil
}

// isResource reports whether t can be a node.
func isResource(t term) bool { return t.kind == kindIRI || t.kind == kindBlank }

// collectNodes fills v.nodes from statements sorted by subject,
// predicate, object, and returns each node's index.
func (v *view) collectNodes(st []stmt, ns *namespaces) map[term]int {
	var terms []term
	for _, s := range st {
		terms = append(terms, s.s)
		if isResource(s.o) && s.p.value != rdfType {
			terms = append(terms, s.o)
		}
	}
	slices.SortFunc(terms, term.compare)
	terms = slices.Compact(terms)

	ids := make(map[term]int, len(terms))
	v.nodes = make([]node, len(terms))
	for i, t := range terms {
		ids[t] = i
		v.nodes[i].term = t
	}

	// Statements are sorted, so the first value met for a property is
	// its smallest: the choice does not depend on input order.
	labels := make([]string, len(labelPreds))
	for i := 0; i < len(st); {
		j := i + 1
		for j < len(st) && st[j].s == st[i].s {
			j++
		}
		n := &v.nodes[ids[st[i].s]]
		clear(labels)
		var firstClass string
		for _, s := range st[i:j] {
			p, o := s.p.value, s.o
			if p == rdfType && o.kind == kindIRI {
				if local, ok := strings.CutPrefix(o.value, ontology.MKG); ok && n.class == "" {
					n.class = local
				}
				if firstClass == "" {
					firstClass = ns.short(o.value)
				}
				continue
			}
			if o.kind != kindLiteral {
				continue
			}
			for k, lp := range labelPreds {
				if p == lp && labels[k] == "" && strings.TrimSpace(o.value) != "" {
					labels[k] = o.value
				}
			}
			for k, a := range nodeAttrs {
				if p == a.pred && n.attrs[k] == "" {
					if val, ok := a.value(o.value); ok {
						n.attrs[k] = val
					}
				}
			}
		}
		if n.class == "" {
			n.class = firstClass
		}
		for _, l := range labels {
			if l != "" {
				n.label = l
				break
			}
		}
		i = j
	}
	for i := range v.nodes {
		if n := &v.nodes[i]; n.label == "" {
			n.label = shortLabel(n.term, ns)
		}
	}
	return ids
}

// collectEdges fills v.edges from statements sorted by subject,
// predicate, object, graph.
func (v *view) collectEdges(st []stmt, ids map[term]int, ns *namespaces) {
	type key struct {
		s, o int
		p    string
	}
	index := map[key]int{}
	for _, s := range st {
		if !isResource(s.o) || s.p.value == rdfType {
			continue
		}
		k := key{ids[s.s], ids[s.o], s.p.value}
		sym := symmetric[s.p.value]
		if sym && k.o < k.s {
			k.s, k.o = k.o, k.s
		}
		i, seen := index[k]
		if !seen {
			i = len(v.edges)
			index[k] = i
			v.edges = append(v.edges, edge{source: k.s, target: k.o, pred: ns.short(s.p.value), predIRI: s.p.value, undirected: sym})
		}
		if g := graphName(s.g); g != "" {
			v.edges[i].graphs = append(v.edges[i].graphs, g)
		}
	}
	for i := range v.edges {
		e := &v.edges[i]
		slices.Sort(e.graphs)
		e.graphs = slices.Compact(e.graphs)
	}
	// By the predicate as shown, then by IRI should two IRIs show alike
	// (a scheme "mkg:" looks like the prefix).
	slices.SortFunc(v.edges, func(a, b edge) int {
		return cmp.Or(cmp.Compare(a.source, b.source), strings.Compare(a.pred, b.pred),
			strings.Compare(a.predIRI, b.predIRI), cmp.Compare(a.target, b.target))
	})
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
