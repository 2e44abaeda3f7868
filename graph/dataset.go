package graph

import (
	"fmt"
	"sort"
	"strings"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/ontology"
)

// Dataset collects quads while a graph is built. It deduplicates as it
// goes and hands out a canonical, sorted slice, so that output never
// depends on the order in which records were added.
//
// A graph repeats the same IRIs and literals over and over (a paper's IRI
// is the subject of dozens of statements), so every term is interned:
// each distinct IRI is validated and stored once, and statements hold
// references to the shared copies. This keeps memory per statement small
// on corpora of tens of thousands of papers.
//
// With a sink, the dataset keeps nothing: each statement goes straight to
// the sink (which sorts and deduplicates, on disk if need be), and only a
// bounded cache of checked IRIs stays in memory.
//
// Every statement is kept once: a triple stated in several graphs stays
// only in the graph of best rank (see rankGraphs), so that the union of
// the graphs is the same whether an engine takes it as a set or a bag.
type Dataset struct {
	sink  Sink
	iris  map[string]iriEntry // interned IRIs, validated once
	lits  map[string]string   // interned N-Quads forms of literals
	seen  map[triple]int      // index into stmts of the triple's statement
	stmts []stmt
	objs  []rdf.Object // objs[i] is the object of stmts[i]
	ranks map[string]uint32
	// mkgValues are the mkg: IRIs used as values (a design, a route, a
	// sex, an outcome type), which the vocabulary graph labels.
	mkgValues map[string]bool
	err       error // first IRI that could not be made; minting should never allow one
}

type triple struct{ s, p, o string }

// stmt is a statement as four interned strings: graph, subject and
// predicate IRIs, and the object in its N-Quads form (which orders and
// deduplicates literals exactly).
type stmt struct{ g, s, p, o string }

type iriEntry struct {
	iri rdf.IRI
	key string // "<iri>"; only without a sink
	// The IRI boxed once, for a sink: putting an rdf.IRI in an interface
	// allocates, and a build makes millions of statements with a few
	// hundred thousand IRIs.
	boxed rdf.Subject
}

// Sink receives the statements of a build, in no particular order and
// possibly repeated, each with the rank of its graph; it keeps each triple
// once, in the graph of lowest rank. export.Store is one.
type Sink interface {
	AddRanked(q rdf.Quad, rank uint32) error
}

// unranked is the rank of a graph rankGraphs was not told about: it loses
// to every ranked one.
const unranked = ^uint32(0)

// maxSinkIRIs bounds the IRI cache of a dataset with a sink.
const maxSinkIRIs = 1 << 16

func newDataset(sink Sink) *Dataset {
	return &Dataset{sink: sink, iris: map[string]iriEntry{}, lits: map[string]string{}, seen: map[triple]int{}, ranks: map[string]uint32{}, mkgValues: map[string]bool{}}
}

// rankGraphs says which graph keeps a statement several graphs state: the
// first of graphs (best first) that states it.
func (d *Dataset) rankGraphs(graphs []string) {
	for i, g := range graphs {
		d.ranks[g] = uint32(i)
	}
}

func (d *Dataset) rank(g string) uint32 {
	if r, ok := d.ranks[g]; ok {
		return r
	}
	return unranked
}

func (d *Dataset) intern(s string) (iriEntry, bool) {
	if e, ok := d.iris[s]; ok {
		return e, true
	}
	v, err := rdf.NewIRI(s)
	if err != nil {
		if d.err == nil {
			d.err = fmt.Errorf("graph: minted an invalid IRI %q: %w", s, err)
		}
		return iriEntry{}, false
	}
	e := iriEntry{iri: v}
	if d.sink == nil {
		e.key = "<" + s + ">"
	} else {
		e.boxed = v
		if len(d.iris) >= maxSinkIRIs {
			clear(d.iris)
		}
	}
	d.iris[s] = e
	return e, true
}

// add records one statement s p o in graph g.
func (d *Dataset) add(g, s, p string, o rdf.Object) {
	if o == nil {
		return
	}
	if d.sink != nil {
		d.send(g, s, p, o)
		return
	}
	key := o.Serialize(rdf.NQuads)
	if k, ok := d.lits[key]; ok {
		key = k
	} else {
		d.lits[key] = key
	}
	d.addKeyed(g, s, p, o, key)
}

// link records s p o where o is an IRI.
func (d *Dataset) link(g, s, p, o string) {
	if p != ontology.RDFType && strings.HasPrefix(o, ontology.MKG) {
		d.mkgValues[o] = true
	}
	oe, ok := d.intern(o)
	if !ok {
		return
	}
	if d.sink != nil {
		d.send(g, s, p, oe.boxed.(rdf.Object))
		return
	}
	d.addKeyed(g, s, p, oe.iri, oe.key)
}

func (d *Dataset) addKeyed(g, s, p string, o rdf.Object, okey string) {
	ge, ok1 := d.intern(g)
	se, ok2 := d.intern(s)
	pe, ok3 := d.intern(p)
	if !ok1 || !ok2 || !ok3 {
		return
	}
	st := stmt{ge.iri.String(), se.iri.String(), pe.iri.String(), okey}
	tr := triple{st.s, st.p, st.o}
	if i, dup := d.seen[tr]; dup {
		if d.better(st.g, d.stmts[i].g) {
			d.stmts[i].g = st.g
		}
		return
	}
	d.seen[tr] = len(d.stmts)
	d.stmts = append(d.stmts, st)
	d.objs = append(d.objs, o)
}

// better reports whether graph g keeps a statement rather than graph h:
// lower rank, then (for a stable choice between unranked graphs) the
// smaller IRI.
func (d *Dataset) better(g, h string) bool {
	if rg, rh := d.rank(g), d.rank(h); rg != rh {
		return rg < rh
	}
	return g < h
}

// fail keeps the first error of the build.
func (d *Dataset) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// send passes one statement to the sink; the first error is kept.
func (d *Dataset) send(g, s, p string, o rdf.Object) {
	ge, ok1 := d.intern(g)
	se, ok2 := d.intern(s)
	pe, ok3 := d.intern(p)
	if !ok1 || !ok2 || !ok3 {
		return
	}
	err := d.sink.AddRanked(rdf.Quad{Triple: rdf.Triple{Subj: se.boxed, Pred: pe.boxed.(rdf.Predicate), Obj: o}, Ctx: ge.boxed}, d.rank(g))
	if err != nil {
		d.fail(fmt.Errorf("graph: %w", err))
	}
}

// Quads returns the statements sorted by graph, subject, predicate and
// object (in their N-Quads form); nil when they went to a sink.
func (d *Dataset) Quads() []rdf.Quad {
	if d.sink != nil {
		return nil
	}
	idx := make([]int32, len(d.stmts))
	for i := range idx {
		idx[i] = int32(i)
	}
	sort.Slice(idx, func(i, j int) bool {
		a, b := &d.stmts[idx[i]], &d.stmts[idx[j]]
		if a.g != b.g {
			return a.g < b.g
		}
		if a.s != b.s {
			return a.s < b.s
		}
		if a.p != b.p {
			return a.p < b.p
		}
		return a.o < b.o
	})
	out := make([]rdf.Quad, len(idx))
	for i, k := range idx {
		st := &d.stmts[k]
		out[i] = rdf.Quad{
			Triple: rdf.Triple{Subj: d.iris[st.s].iri, Pred: d.iris[st.p].iri, Obj: d.objs[k]},
			Ctx:    d.iris[st.g].iri,
		}
	}
	return out
}

// Len is the number of statements (distinct triples).
func (d *Dataset) Len() int { return len(d.stmts) }
