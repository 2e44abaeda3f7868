package graph

import (
	"fmt"
	"sort"

	"github.com/knakk/rdf"
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
type Dataset struct {
	sink  Sink
	iris  map[string]iriEntry // interned IRIs, validated once
	lits  map[string]string   // interned N-Quads forms of literals
	seen  map[stmt]struct{}
	stmts []stmt
	objs  []rdf.Object // objs[i] is the object of stmts[i]
	err   error        // first IRI that could not be made; minting should never allow one
}

// stmt is a statement as four interned strings: graph, subject and
// predicate IRIs, and the object in its N-Quads form (which orders and
// deduplicates literals exactly).
type stmt struct{ g, s, p, o string }

type iriEntry struct {
	iri rdf.IRI
	key string // "<iri>"
}

// Sink receives the statements of a build, in no particular order and
// possibly repeated; export.Store is one.
type Sink interface {
	Add(rdf.Quad) error
}

// maxSinkIRIs bounds the IRI cache of a dataset with a sink.
const maxSinkIRIs = 1 << 16

func newDataset(sink Sink) *Dataset {
	return &Dataset{sink: sink, iris: map[string]iriEntry{}, lits: map[string]string{}, seen: map[stmt]struct{}{}}
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
	e := iriEntry{iri: v, key: "<" + s + ">"}
	if d.sink != nil && len(d.iris) >= maxSinkIRIs {
		clear(d.iris)
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
	oe, ok := d.intern(o)
	if !ok {
		return
	}
	if d.sink != nil {
		d.send(g, s, p, oe.iri)
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
	if _, dup := d.seen[st]; dup {
		return
	}
	d.seen[st] = struct{}{}
	d.stmts = append(d.stmts, st)
	d.objs = append(d.objs, o)
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
	err := d.sink.Add(rdf.Quad{Triple: rdf.Triple{Subj: se.iri, Pred: pe.iri, Obj: o}, Ctx: ge.iri})
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

// Len is the number of distinct quads.
func (d *Dataset) Len() int { return len(d.stmts) }
