package export

import (
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/knakk/rdf"
)

func init() {
	Register(Format{
		Name:       "nquads",
		Title:      "N-Quads: every statement with its named graph",
		Extensions: []string{".nq"},
		Write:      func(w io.Writer, q []rdf.Quad, _ Options) error { return NQuads(w, q) },
	})
}

// NQuads writes quads as N-Quads, sorted by graph, subject, predicate and
// object, without duplicates. Quads without a graph name go to the
// default graph.
func NQuads(w io.Writer, quads []rdf.Quad) error {
	st, err := prepare(quads)
	if err != nil {
		return fmt.Errorf("n-quads: %w", err)
	}
	if err := writeLines(w, sortedQuads(st)); err != nil {
		return fmt.Errorf("n-quads: %w", err)
	}
	return nil
}

// writeLines writes statements with cayley's N-Quads writer, one line
// each; a statement in the default graph is an N-Triples line.
func writeLines(w io.Writer, st []stmt) error {
	qw := nquads.NewWriter(w)
	for _, s := range st {
		q := quad.Quad{Subject: value(s.s), Predicate: value(s.p), Object: value(s.o)}
		if s.g.kind != kindNone {
			q.Label = value(s.g)
		}
		if err := qw.WriteQuad(q); err != nil {
			return err
		}
	}
	return qw.Close()
}

// value converts a checked term to cayley's value types. Literals always
// become quad.String, quad.LangString or quad.TypedString with the full
// datatype IRI: cayley's native values (quad.Int, quad.Bool, ...) write
// their datatype as a CURIE such as <xsd:integer>, which SHACL and SPARQL
// treat as a different, unknown datatype.
func value(t term) quad.Value {
	switch t.kind {
	case kindIRI:
		return quad.IRI(t.value)
	case kindBlank:
		return quad.BNode(t.value)
	}
	switch {
	case t.lang != "":
		return quad.LangString{Value: quad.String(t.value), Lang: t.lang}
	case t.datatype == xsdString:
		return quad.String(t.value)
	default:
		return quad.TypedString{Value: quad.String(t.value), Type: quad.IRI(t.datatype)}
	}
}
