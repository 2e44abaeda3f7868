// Package propgraph projects the RDF graph onto a property graph, the
// model of Neo4j, Gephi, Cytoscape and Graphviz: entities are nodes with
// a type, a label and literal attributes; links between entities are
// labelled edges. Everything else folds into attributes:
//
//   - literals become typed attributes (long, double, boolean, string);
//   - quantities (schema:QuantitativeValue: doses, values, time points)
//     become attributes of their owner: "dose" with the words as written,
//     "dose_min", "dose_max", "dose_unit", ...;
//   - concepts (skos:Concept: designs, outcome types, conditions, agents)
//     and other resources that are not entities (URLs) become string
//     attributes holding their label, so no concept becomes a hub that
//     pulls every drawing apart;
//   - provenance: a source record becomes the "sources" attribute (file
//     and record number) of what it stated, the named graph of each link
//     the edge's "graphs" attribute, and an authorship node the position
//     and name as written on the paper's creator edge. Evidence spans stay
//     nodes (type Evidence) labelled by their words, with field and
//     code-point offsets as attributes, and each fact also carries its
//     words in its "evidence" attribute.
//
// Nodes are sorted by IRI and edges by source, type and target, so the
// same statements in any order give the same graph.
package propgraph

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Kind is the kind of an RDF term.
type Kind uint8

// Kinds of term.
const (
	IRI Kind = iota + 1
	Blank
	Literal
)

// Term is an RDF term: an IRI, a blank node label (without "_:") or a
// literal with its datatype IRI and language tag.
type Term struct {
	Kind                  Kind
	Value, Datatype, Lang string
}

// Statement is one triple and the named graph that states it ("" for the
// default graph).
type Statement struct {
	S, P, O Term
	Graph   string
}

// Attribute types, named as GraphML and GEXF name them.
const (
	TypeString  = "string"
	TypeLong    = "long"
	TypeDouble  = "double"
	TypeBoolean = "boolean"
)

// Key is one attribute's name and type, the same for every node (or
// edge) that has it.
type Key struct{ Name, Type string }

// Node is an entity.
type Node struct {
	IRI   string // the IRI, or "_:label" for a blank node
	Type  string // mkg: class local name ("Paper"), else another class's prefixed name
	Label string
	Attrs map[string]string // key name → lexical value of the key's type
	// Lists holds, sorted, the values of each attribute stated more than
	// once (Attrs has them joined with "; "), for formats with arrays.
	Lists map[string][]string
}

// Edge is a link between two entities. Source and Target index
// Graph.Nodes.
type Edge struct {
	Source, Target int
	Type           string // the predicate's local name: "studies", "coAuthorWith"
	Predicate      string // its IRI
	Symmetric      bool   // holds both ways (mkg:coAuthorWith, ...): drawn once, without an arrow
	Attrs          map[string]string
	Lists          map[string][]string // as Node.Lists
}

// Graph is a property graph. NodeKeys and EdgeKeys list, sorted by name,
// every attribute the nodes and edges hold.
type Graph struct {
	Nodes              []Node
	Edges              []Edge
	NodeKeys, EdgeKeys []Key
}

// Edge attribute names the projection sets.
const (
	AttrGraphs = "graphs" // named graphs stating the link, space-separated
)

// keyType returns the type of a key, or "" when no node (edge) has it.
func keyType(keys []Key, name string) string {
	i, ok := slices.BinarySearchFunc(keys, name, func(k Key, n string) int { return strings.Compare(k.Name, n) })
	if !ok {
		return ""
	}
	return keys[i].Type
}

// NodeKeyType is the type of a node attribute ("" if none has it).
func (g *Graph) NodeKeyType(name string) string { return keyType(g.NodeKeys, name) }

// EdgeKeyType is the type of an edge attribute ("" if none has it).
func (g *Graph) EdgeKeyType(name string) string { return keyType(g.EdgeKeys, name) }

// typedValue is a lexical value with the type it was read as.
type typedValue struct{ typ, lex string }

// attrSet gathers the values of a node's or edge's attributes in any
// order; finish writes each as one value of one type.
type attrSet map[string][]typedValue

func (a attrSet) add(name, typ, lex string) {
	for _, v := range a[name] {
		if v.lex == lex && v.typ == typ {
			return
		}
	}
	a[name] = append(a[name], typedValue{typ, lex})
}

// finish makes one value per attribute: a single value keeps its type;
// several are sorted and joined with "; " as a string, so nothing is
// picked silently, and kept apart in lists (nil when there are none).
func (a attrSet) finish(types map[string]map[string]bool) (attrs map[string]string, lists map[string][]string) {
	out := make(map[string]string, len(a))
	for name, vs := range a {
		if len(vs) == 1 {
			out[name] = vs[0].lex
			note(types, name, vs[0].typ)
			continue
		}
		lex := make([]string, len(vs))
		for i, v := range vs {
			lex[i] = v.lex
		}
		slices.Sort(lex)
		out[name] = strings.Join(lex, "; ")
		note(types, name, TypeString)
		if lists == nil {
			lists = map[string][]string{}
		}
		lists[name] = lex
	}
	return out, lists
}

func note(types map[string]map[string]bool, name, typ string) {
	if types[name] == nil {
		types[name] = map[string]bool{}
	}
	types[name][typ] = true
}

// keysOf gives each attribute one type: the one all its values share, or
// string when they differ (then every value is written as its lexical
// form, which a string holds).
func keysOf(types map[string]map[string]bool) []Key {
	keys := make([]Key, 0, len(types))
	for name, ts := range types {
		typ := TypeString
		if len(ts) == 1 {
			for t := range ts {
				typ = t
			}
		}
		keys = append(keys, Key{name, typ})
	}
	slices.SortFunc(keys, func(a, b Key) int { return strings.Compare(a.Name, b.Name) })
	return keys
}

// literalType reads an RDF literal as an attribute: integers as long,
// decimals and doubles as double, booleans as boolean (all in a canonical
// form every tool parses), anything else, or a value out of range, as a
// string.
func literalType(t Term) (typ, lex string) {
	const xsd = "http://www.w3.org/2001/XMLSchema#"
	v := strings.TrimSpace(t.Value)
	switch strings.TrimPrefix(t.Datatype, xsd) {
	case "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
		"nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedShort", "unsignedByte", "unsignedLong":
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return TypeLong, strconv.FormatInt(n, 10)
		}
	case "decimal", "double", "float":
		if f, err := strconv.ParseFloat(v, 64); err == nil && !isInfOrNaN(f) {
			return TypeDouble, strconv.FormatFloat(f, 'g', -1, 64)
		}
	case "boolean":
		switch v {
		case "true", "1":
			return TypeBoolean, "true"
		case "false", "0":
			return TypeBoolean, "false"
		}
	}
	return TypeString, t.Value
}

func isInfOrNaN(f float64) bool {
	return f != f || f > 1.7976931348623157e308 || f < -1.7976931348623157e308
}

// compareEdges orders edges by source, type, predicate and target.
func compareEdges(a, b Edge) int {
	return cmp.Or(cmp.Compare(a.Source, b.Source), strings.Compare(a.Type, b.Type),
		strings.Compare(a.Predicate, b.Predicate), cmp.Compare(a.Target, b.Target))
}
