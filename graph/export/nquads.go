package export

import (
	"bufio"
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
		Write:      func(w io.Writer, st *Store, _ Options) error { return writeNQuads(w, st) },
	})
}

// NQuads writes quads as N-Quads, sorted by graph, subject, predicate and
// object, without duplicates. Quads without a graph name go to the
// default graph.
func NQuads(w io.Writer, quads []rdf.Quad) error {
	return withStore(quads, "n-quads", func(st *Store) error { return writeNQuads(w, st) })
}

func writeNQuads(w io.Writer, st *Store) error {
	if err := writeLines(w, st.eachQuad); err != nil {
		return fmt.Errorf("n-quads: %w", err)
	}
	return nil
}

// writeLines writes the statements each yields with cayley's N-Quads
// writer, one line each; a statement in the default graph is an
// N-Triples line.
func writeLines(w io.Writer, each func(func(stmt) error) error) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	qw := nquads.NewWriter(bw)
	err := each(func(s stmt) error {
		q := quad.Quad{Subject: value(s.s), Predicate: value(s.p), Object: value(s.o)}
		if s.g.kind != kindNone {
			q.Label = value(s.g)
		}
		return qw.WriteQuad(q)
	})
	if err != nil {
		return err
	}
	if err := qw.Close(); err != nil {
		return err
	}
	return bw.Flush()
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
