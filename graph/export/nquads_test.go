package export

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// cayleyValue is how the N-Quads writer once handed terms to cayley's
// writer; writeLines must write the very same bytes.
func cayleyValue(t term) quad.Value {
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

func TestWriteLinesMatchesCayley(t *testing.T) {
	s := term{kind: kindIRI, value: "https://example.org/s"}
	p := term{kind: kindIRI, value: "https://example.org/p"}
	g := term{kind: kindIRI, value: "https://example.org/g"}
	var stmts []stmt
	for _, o := range []term{
		{kind: kindIRI, value: "https://example.org/o?a=1&b=%20#frag"},
		{kind: kindBlank, value: "b1"},
		{kind: kindLiteral, value: "", datatype: xsdString},
		{kind: kindLiteral, value: "plain", datatype: xsdString},
		{kind: kindLiteral, value: `quote " backslash \ both \"`, datatype: xsdString},
		{kind: kindLiteral, value: "new\nline\r\ncr\ttab\x00nul\x01", datatype: xsdString},
		{kind: kindLiteral, value: "50×10⁹/L 血小板 😀 \u2028", datatype: xsdString},
		{kind: kindLiteral, value: "42", datatype: xsdInteger},
		{kind: kindLiteral, value: "a\"b\\c\n", datatype: "https://example.org/unit"},
		{kind: kindLiteral, value: "Hallo\t\"Welt\"", datatype: rdfLangString, lang: "de-CH-1996"},
		{kind: kindLiteral, value: "\\\\\"\"\n\n", datatype: xsdString},
	} {
		stmts = append(stmts, stmt{s: s, p: p, o: o, g: g}, stmt{s: term{kind: kindBlank, value: "x"}, p: p, o: o})
	}
	var got bytes.Buffer
	err := writeLines(&got, func(fn func(stmt) error) error {
		for _, st := range stmts {
			if err := fn(st); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	bw := bufio.NewWriter(&want)
	qw := nquads.NewWriter(bw)
	for _, st := range stmts {
		q := quad.Quad{Subject: cayleyValue(st.s), Predicate: cayleyValue(st.p), Object: cayleyValue(st.o)}
		if st.g.kind != kindNone {
			q.Label = cayleyValue(st.g)
		}
		if err := qw.WriteQuad(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := qw.Close(); err != nil {
		t.Fatal(err)
	}
	bw.Flush()
	if got.String() != want.String() {
		t.Errorf("writeLines differs from cayley's writer:\ngot:\n%s\nwant:\n%s", got.String(), want.String())
	}
}
