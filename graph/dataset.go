package graph

import (
	"fmt"
	"sort"

	"github.com/knakk/rdf"
)

// Dataset collects quads while a graph is built. It deduplicates as it
// goes and hands out a canonical, sorted slice, so that output never
// depends on the order in which records were added.
type Dataset struct {
	seen  map[string]struct{}
	quads []rdf.Quad
	err   error // first IRI that could not be made; minting should never allow one
}

func newDataset() *Dataset { return &Dataset{seen: map[string]struct{}{}} }

// add records one statement s p o in graph g.
func (d *Dataset) add(g, s, p string, o rdf.Object) {
	gi, si, pi := d.iri(g), d.iri(s), d.iri(p)
	if d.err != nil || o == nil {
		return
	}
	q := rdf.Quad{Triple: rdf.Triple{Subj: si, Pred: pi, Obj: o}, Ctx: gi}
	k := q.Serialize(rdf.NQuads)
	if _, dup := d.seen[k]; dup {
		return
	}
	d.seen[k] = struct{}{}
	d.quads = append(d.quads, q)
}

// link records s p o where o is an IRI.
func (d *Dataset) link(g, s, p, o string) {
	oi := d.iri(o)
	if d.err != nil {
		return
	}
	d.add(g, s, p, oi)
}

func (d *Dataset) iri(s string) rdf.IRI {
	v, err := rdf.NewIRI(s)
	if err != nil && d.err == nil {
		d.err = fmt.Errorf("graph: minted an invalid IRI %q: %w", s, err)
	}
	return v
}

// Quads returns the statements sorted by graph, subject, predicate and
// object (in their N-Quads form).
func (d *Dataset) Quads() []rdf.Quad {
	type keyed struct {
		g, s, p, o string
		q          rdf.Quad
	}
	ks := make([]keyed, len(d.quads))
	for i, q := range d.quads {
		ks[i] = keyed{q.Ctx.String(), q.Subj.String(), q.Pred.String(), q.Obj.Serialize(rdf.NQuads), q}
	}
	sort.Slice(ks, func(i, j int) bool {
		a, b := ks[i], ks[j]
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
	out := make([]rdf.Quad, len(ks))
	for i, k := range ks {
		out[i] = k.q
	}
	return out
}

// Len is the number of distinct quads.
func (d *Dataset) Len() int { return len(d.quads) }
