package export

import (
	"fmt"
	"io"

	"github.com/knakk/rdf"
)

func init() {
	Register(Format{
		Name:       "ntriples",
		Title:      "N-Triples: the union of all graphs, one triple per line",
		Extensions: []string{".nt"},
		Write:      func(w io.Writer, st *Store, _ Options) error { return writeNTriples(w, st) },
	})
}

// NTriples writes the union of the graphs as N-Triples: graph names
// dropped, duplicate triples removed, sorted by subject, predicate and
// object. It shares the N-Quads line writer, so both formats escape
// literals the same way.
func NTriples(w io.Writer, quads []rdf.Quad) error {
	return withStore(quads, "n-triples", func(st *Store) error { return writeNTriples(w, st) })
}

func writeNTriples(w io.Writer, st *Store) error {
	if err := writeLines(w, st.eachTriple); err != nil {
		return fmt.Errorf("n-triples: %w", err)
	}
	return nil
}
