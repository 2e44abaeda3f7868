package export

import (
	"bufio"
	"fmt"
	"io"

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

// writeLines writes the statements each yields as N-Quads lines; a
// statement in the default graph is an N-Triples line.
//
// The lines are those cayley's N-Quads writer wrote, byte for byte (a
// test compares them on tricky literals), but rendered straight into the
// buffer: going through cayley's values cost four allocations per
// statement (boxing each term, then building its string), a fifth of the
// allocations of a large build.
func writeLines(w io.Writer, each func(func(stmt) error) error) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	err := each(func(s stmt) error {
		writeNQTerm(bw, s.s)
		bw.WriteByte(' ')
		writeNQTerm(bw, s.p)
		bw.WriteByte(' ')
		writeNQTerm(bw, s.o)
		if s.g.kind != kindNone {
			bw.WriteByte(' ')
			writeNQTerm(bw, s.g)
		}
		_, err := bw.WriteString(" .\n")
		return err // bufio keeps the first write error
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// writeNQTerm writes a checked term as cayley does: literals always with
// their full datatype IRI (cayley's native values, quad.Int and the like,
// write it as a CURIE such as <xsd:integer>, which SHACL and SPARQL treat
// as a different, unknown datatype), xsd:string ones as plain strings.
func writeNQTerm(b *bufio.Writer, t term) {
	switch t.kind {
	case kindIRI:
		b.WriteByte('<')
		b.WriteString(t.value)
		b.WriteByte('>')
		return
	case kindBlank:
		b.WriteString("_:")
		b.WriteString(t.value)
		return
	}
	b.WriteByte('"')
	writeEscaped(b, t.value)
	b.WriteByte('"')
	switch {
	case t.lang != "":
		b.WriteByte('@')
		b.WriteString(t.lang)
	case t.datatype != xsdString:
		b.WriteString("^^<")
		b.WriteString(t.datatype)
		b.WriteByte('>')
	}
}

// writeEscaped escapes what cayley's quad.String escapes: backslash,
// double quote, newline, carriage return and tab.
func writeEscaped(b *bufio.Writer, s string) {
	from := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '\\':
			esc = `\\`
		case '"':
			esc = `\"`
		case '\n':
			esc = `\n`
		case '\r':
			esc = `\r`
		case '\t':
			esc = `\t`
		default:
			continue
		}
		b.WriteString(s[from:i])
		b.WriteString(esc)
		from = i + 1
	}
	b.WriteString(s[from:])
}
