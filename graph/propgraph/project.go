package propgraph

import (
	"slices"
	"strconv"
	"strings"

	o "github.com/msckg/msckg/ontology"
)

// Builder gathers statements in any order; Graph projects them.
type Builder struct {
	subjects map[Term]*subject
	prefixes map[string]string
}

type subject struct {
	term  Term
	types []string
	stmts []Statement // every statement but rdf:type
}

// NewBuilder makes an empty builder. prefixes (prefix → namespace)
// shorten the IRIs of classes and predicates that have no mkg: name; nil
// means the project's own (ontology.Prefixes).
func NewBuilder(prefixes map[string]string) *Builder {
	if prefixes == nil {
		prefixes = o.Prefixes
	}
	return &Builder{subjects: map[Term]*subject{}, prefixes: prefixes}
}

// Add adds one statement. Literal subjects and non-IRI predicates, which
// RDF does not have, are ignored.
func (b *Builder) Add(s Statement) {
	if s.S.Kind != IRI && s.S.Kind != Blank || s.P.Kind != IRI {
		return
	}
	sub := b.subjects[s.S]
	if sub == nil {
		sub = &subject{term: s.S}
		b.subjects[s.S] = sub
	}
	if s.P.Value == o.RDFType && s.O.Kind == IRI {
		if !slices.Contains(sub.types, s.O.Value) {
			sub.types = append(sub.types, s.O.Value)
		}
		return
	}
	sub.stmts = append(sub.stmts, s)
}

// folded are the classes whose members are not entities but detail of
// one: their statements become attributes of the entity that uses them.
var folded = map[string]bool{
	o.SchemaQuantitativeValue: true,
	o.SKOSConcept:             true,
	o.SourceRecord:            true,
	o.Authorship:              true,
}

// symmetric lists the predicates that hold both ways.
var symmetric = map[string]bool{
	o.CoAuthorWith:     true,
	o.SharesAuthorWith: true,
	o.CitesSameTrialAs: true,
	o.PossiblySameAs:   true,
}

// skipped are literal properties not copied as attributes: the labels
// make the node's label.
var skipped = map[string]bool{
	o.RDFSLabel:     true,
	o.SKOSPrefLabel: true,
}

func (b *Builder) isFolded(t Term) bool {
	sub := b.subjects[t]
	if sub == nil {
		return true // only an object: a concept IRI without labels, a URL
	}
	for _, c := range sub.types {
		if folded[c] {
			return true
		}
	}
	return false
}

// literal is the smallest value of a literal property of t, "" if none.
func (b *Builder) literal(t Term, pred string) string {
	sub := b.subjects[t]
	if sub == nil {
		return ""
	}
	best := ""
	for _, s := range sub.stmts {
		if s.P.Value == pred && s.O.Kind == Literal && strings.TrimSpace(s.O.Value) != "" && (best == "" || s.O.Value < best) {
			best = s.O.Value
		}
	}
	return best
}

// objects lists, sorted, the resources t links to by pred.
func (b *Builder) objects(t Term, pred string) []Term {
	sub := b.subjects[t]
	if sub == nil {
		return nil
	}
	var out []Term
	for _, s := range sub.stmts {
		if s.P.Value == pred && s.O.Kind != Literal {
			out = append(out, s.O)
		}
	}
	slices.SortFunc(out, compareTerms)
	return slices.Compact(out)
}

func compareTerms(a, b Term) int {
	if a.Kind != b.Kind {
		return int(a.Kind) - int(b.Kind)
	}
	if c := strings.Compare(a.Value, b.Value); c != 0 {
		return c
	}
	if c := strings.Compare(a.Datatype, b.Datatype); c != 0 {
		return c
	}
	return strings.Compare(a.Lang, b.Lang)
}

// name is how a resource shows as an attribute value: its label, else
// its prefixed name, else the IRI.
func (b *Builder) name(t Term) string {
	for _, p := range []string{o.RDFSLabel, o.SKOSPrefLabel, o.FOAFName, o.DCTitle} {
		if l := b.literal(t, p); l != "" {
			return l
		}
	}
	if t.Kind == Blank {
		return "_:" + t.Value
	}
	return b.short(t.Value)
}

// short writes an IRI as prefix:local when a namespace fits, the longest
// first; else in full.
func (b *Builder) short(iri string) string {
	best, bestNS := "", ""
	for p, ns := range b.prefixes {
		if len(ns) > len(bestNS) && strings.HasPrefix(iri, ns) && len(iri) > len(ns) {
			best, bestNS = p, ns
		}
	}
	if bestNS == "" {
		return iri
	}
	return best + ":" + iri[len(bestNS):]
}

// localName is the part of an IRI after its last '#' or '/'.
func localName(iri string) string {
	if i := strings.LastIndexAny(iri, "#/"); i >= 0 && i+1 < len(iri) {
		return iri[i+1:]
	}
	return iri
}

func termText(t Term) string {
	if t.Kind == Blank {
		return "_:" + t.Value
	}
	return t.Value
}

// Graph projects the statements (see the package comment).
func (b *Builder) Graph() *Graph {
	entities := make([]*subject, 0, len(b.subjects))
	for t, s := range b.subjects {
		if !b.isFolded(t) {
			entities = append(entities, s)
		}
	}
	slices.SortFunc(entities, func(x, y *subject) int { return compareTerms(x.term, y.term) })
	index := make(map[Term]int, len(entities))
	for i, s := range entities {
		index[s.term] = i
	}
	attrNames := b.attrNames(entities)

	g := &Graph{Nodes: make([]Node, len(entities))}
	nodeTypes := map[string]map[string]bool{}
	edges := map[edgeKey]*edgeDraft{}
	for i, s := range entities {
		attrs := attrSet{}
		for _, st := range s.stmts {
			p := st.P.Value
			switch {
			case st.O.Kind == Literal:
				if !skipped[p] {
					typ, lex := literalType(st.O)
					attrs.add(attrNames[p], typ, lex)
				}
				if p == o.DCIssued {
					if y, ok := yearOf(st.O.Value); ok {
						attrs.add("year", TypeLong, y)
					}
				}
			case !b.isFolded(st.O):
				e := edgeDraftFor(edges, index[s.term], index[st.O], p)
				if st.Graph != "" && !slices.Contains(e.graphs, st.Graph) {
					e.graphs = append(e.graphs, st.Graph)
				}
			default:
				b.fold(attrs, attrNames[p], p, st.O)
			}
		}
		for _, ev := range b.objects(s.term, o.EvidenceProp) {
			if w := b.literal(ev, o.OAExact); w != "" {
				attrs.add(AttrEvidence, TypeString, w)
			}
		}
		b.foldAuthorships(s, index, edges)
		a, lists := attrs.finish(nodeTypes)
		g.Nodes[i] = Node{IRI: termText(s.term), Type: b.typeName(s), Attrs: a, Lists: lists}
		g.Nodes[i].Label = b.label(s, g.Nodes[i].Type)
	}
	g.NodeKeys = keysOf(nodeTypes)

	edgeTypes := map[string]map[string]bool{}
	g.Edges = make([]Edge, 0, len(edges))
	for k, d := range edges {
		slices.Sort(d.graphs)
		if len(d.graphs) > 0 {
			d.attrs.add(AttrGraphs, TypeString, strings.Join(d.graphs, " "))
		}
		a, lists := d.attrs.finish(edgeTypes)
		g.Edges = append(g.Edges, Edge{Source: k.s, Target: k.o, Type: localName(k.p), Predicate: k.p,
			Symmetric: symmetric[k.p], Attrs: a, Lists: lists})
	}
	slices.SortFunc(g.Edges, compareEdges)
	g.EdgeKeys = keysOf(edgeTypes)
	return g
}

type edgeKey struct {
	s, o int
	p    string
}

type edgeDraft struct {
	graphs []string
	attrs  attrSet
}

// edgeDraftFor returns the edge s -p-> o, made once per pair for a
// symmetric predicate whatever the direction it was stated in.
func edgeDraftFor(edges map[edgeKey]*edgeDraft, s, t int, p string) *edgeDraft {
	if symmetric[p] && t < s {
		s, t = t, s
	}
	k := edgeKey{s, t, p}
	e := edges[k]
	if e == nil {
		e = &edgeDraft{attrs: attrSet{}}
		edges[k] = e
	}
	return e
}

// attrNames names the attribute of every predicate used on an entity:
// its local name ("size", "title"), or prefix_local where two predicates
// share a local name or the local name is one a writer gives to the node
// or edge itself (id, label, type, iri, name, source, ...): foaf:name is
// "foaf_name".
func (b *Builder) attrNames(entities []*subject) map[string]string {
	byLocal := map[string][]string{}
	for _, s := range entities {
		for _, st := range s.stmts {
			l := localName(st.P.Value)
			if !slices.Contains(byLocal[l], st.P.Value) {
				byLocal[l] = append(byLocal[l], st.P.Value)
			}
		}
	}
	names := map[string]string{}
	reserved := map[string]bool{"id": true, "label": true, "type": true, "iri": true, "year": true,
		"name": true, "source": true, "target": true, "interaction": true, "predicate": true,
		"symmetric": true, "weight": true, "kind": true, AttrSources: true, AttrEvidence: true, AttrGraphs: true}
	for l, preds := range byLocal {
		for _, p := range preds {
			n := l
			if len(preds) > 1 || reserved[strings.ToLower(l)] {
				n = strings.ReplaceAll(b.short(p), ":", "_")
			}
			names[p] = safeName(n)
		}
	}
	return names
}

// safeName keeps an attribute name to letters, digits and '_', which
// every format takes as an identifier (Neo4j headers, Kùzu columns).
func safeName(s string) string {
	var sb strings.Builder
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_', r >= '0' && r <= '9' && i > 0:
			sb.WriteRune(r)
		default:
			sb.WriteByte('_')
		}
	}
	return sb.String()
}

// Node attribute names the projection sets beside the statements' own.
const (
	AttrSources  = "sources"  // source records: "file#record", "; "-separated
	AttrEvidence = "evidence" // the words a fact was read from
)

// fold turns a link to a resource that is not an entity into attributes
// of the entity: a quantity's words and numbers, a source record's file
// and record number, an evidence span's words, a concept's label.
func (b *Builder) fold(attrs attrSet, name, pred string, t Term) {
	sub := b.subjects[t]
	switch {
	case sub != nil && slices.Contains(sub.types, o.SchemaQuantitativeValue):
		if w := cmpOr(b.literal(t, o.RDFSLabel), b.literal(t, o.SchemaUnitText)); w != "" {
			attrs.add(name, TypeString, w)
		}
		for _, part := range []struct{ suffix, pred string }{
			{"value", o.SchemaValue}, {"min", o.SchemaMinValue}, {"max", o.SchemaMaxValue}, {"median", o.Median},
		} {
			if v := b.literal(t, part.pred); v != "" {
				typ, lex := literalType(Term{Kind: Literal, Value: v, Datatype: o.XSD + "double"})
				attrs.add(name+"_"+part.suffix, typ, lex)
			}
		}
		if u := b.literal(t, o.SchemaUnitCode); u != "" {
			attrs.add(name+"_unit", TypeString, u)
		}
	case sub != nil && slices.Contains(sub.types, o.SourceRecord):
		attrs.add(AttrSources, TypeString, b.recordName(t))
	case sub != nil && slices.Contains(sub.types, o.Authorship):
		// folded into the creator edge (foldAuthorships)
	default:
		attrs.add(name, TypeString, b.name(t))
	}
}

// recordName names a source record by file and record number.
func (b *Builder) recordName(t Term) string {
	file := b.literal(t, o.DCSource)
	if file == "" {
		return b.name(t)
	}
	if n := b.literal(t, o.RecordNumber); n != "" {
		return file + "#" + n
	}
	return file
}

// foldAuthorships puts on each paper → author creator edge the position
// and the name as written of the authorship that links them.
func (b *Builder) foldAuthorships(paper *subject, index map[Term]int, edges map[edgeKey]*edgeDraft) {
	for _, a := range b.objects(paper.term, o.AuthorshipProp) {
		as := b.subjects[a]
		if as == nil || !slices.Contains(as.types, o.Authorship) {
			continue
		}
		for _, person := range b.objects(a, o.PROIsHeldBy) {
			j, ok := index[person]
			if !ok {
				continue
			}
			e := edgeDraftFor(edges, index[paper.term], j, o.DCCreator)
			if pos := b.literal(a, o.Position); pos != "" {
				typ, lex := literalType(Term{Kind: Literal, Value: pos, Datatype: o.XSD + "integer"})
				e.attrs.add("position", typ, lex)
			}
			if n := b.literal(a, o.NameAsWritten); n != "" {
				e.attrs.add("nameAsWritten", TypeString, n)
			}
		}
	}
}

// typeName is an entity's mkg: class local name, else the prefixed name
// of its smallest class, else "Resource".
func (b *Builder) typeName(s *subject) string {
	types := slices.Sorted(slices.Values(s.types))
	for _, c := range types {
		if l, ok := strings.CutPrefix(c, o.MKG); ok {
			return l
		}
	}
	if len(types) > 0 {
		return b.short(types[0])
	}
	return "Resource"
}

// yearOf is the year of an xsd:date, gYearMonth or gYear lexical form.
func yearOf(lex string) (string, bool) {
	if len(lex) < 4 || len(lex) > 4 && lex[4] != '-' {
		return "", false
	}
	n, err := strconv.Atoi(lex[:4])
	if err != nil || lex[0] == '+' || lex[0] == '-' {
		return "", false
	}
	return strconv.Itoa(n), true
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// nodeName is b.name, but an IRI no prefix shortens shows as the last
// non-empty segment of its path ("etm.2017.4229", "NCT01234567").
func (b *Builder) nodeName(t Term) string {
	n := b.name(t)
	if t.Kind != IRI || n != t.Value {
		return n
	}
	trimmed := strings.TrimRight(n, "/#")
	if i := strings.LastIndexAny(trimmed, "/#"); i >= 0 && i+1 < len(trimmed) && !strings.HasSuffix(trimmed[:i+1], "//") {
		return trimmed[i+1:]
	}
	return n
}
