package export

// Each test here shows one bug of knakk/rdf or cayleygraph/quad on the
// raw library call (TOOLS-NOTES.md), then shows that our writer gets the
// same input right. If a library fixes a bug, its first half fails: then
// the workaround can go.

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/knakk/rdf"
)

// knakkTurtle runs knakk's own Turtle encoder the safest way it can be
// run: no generated namespaces, only ex: registered.
func knakkTurtle(t *testing.T, objs ...rdf.Object) string {
	t.Helper()
	var b bytes.Buffer
	enc := rdf.NewTripleEncoder(&b, rdf.Turtle)
	enc.GenerateNamespaces = false
	enc.Namespaces = map[string]string{ex: "ex"}
	for _, o := range objs {
		if err := enc.Encode(rdf.Triple{Subj: iri(ex + "s"), Pred: iri(ex + "p"), Obj: o}); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// ourTurtle writes one triple per object with our writer and checks that
// knakk's decoder reads every object back unchanged.
func ourTurtle(t *testing.T, objs ...rdf.Object) string {
	t.Helper()
	var in []rdf.Quad
	for _, o := range objs {
		in = append(in, q(iri(ex+"s"), ex+"p", o, ""))
	}
	var b bytes.Buffer
	if err := Turtle(&b, in, map[string]string{"ex": ex, "xsd": xsdNS}); err != nil {
		t.Fatal(err)
	}
	if got, want := keys(t, decodeKnakk(t, b.Bytes(), rdf.Turtle), true), keys(t, in, true); !slices.Equal(got, want) {
		t.Errorf("our Turtle does not read back:\n%s\ngot  %q\nwant %q", b.String(), got, want)
	}
	return b.String()
}

func TestKnakkTurtleUnsafeLocalNames(t *testing.T) {
	for _, local := range []string{"MSC(BM)", "O'Brien", "ITP.", "a,b", "-x"} {
		o := iri(ex + local)
		if lib := knakkTurtle(t, o); !strings.Contains(lib, "ex:"+local+" .") {
			t.Errorf("knakk bug gone? %q written as:\n%s", local, lib)
		}
		if ours := ourTurtle(t, o); !strings.Contains(ours, "<"+ex+local+">") {
			t.Errorf("%q not written in full:\n%s", local, ours)
		}
	}
}

func TestKnakkTurtleTypedLiteralNotEscaped(t *testing.T) {
	o := typed("say \"hi\"\nnext", ex+"unit")
	if lib := knakkTurtle(t, o); !strings.Contains(lib, `"say "hi"`+"\n") {
		t.Errorf("knakk bug gone? got:\n%s", lib)
	}
	if ours := ourTurtle(t, o); !strings.Contains(ours, `"say \"hi\"\nnext"^^ex:unit`) {
		t.Errorf("got:\n%s", ours)
	}
}

func TestKnakkTurtleBareNumbers(t *testing.T) {
	cases := []struct {
		lit        rdf.Literal
		libReadsAs string // datatype knakk's own output reads back with; "" = does not parse
		ours       string
	}{
		{typed("3.0", xsdNS+"double"), xsdDecimal, `"3.0"^^xsd:double`},
		{typed("5", xsdDecimal), xsdInteger, `"5"^^xsd:decimal`},
		{typed("NaN", xsdNS+"double"), "", `"NaN"^^xsd:double`},
	}
	for _, c := range cases {
		lib := knakkTurtle(t, c.lit)
		ts, err := rdf.NewTripleDecoder(strings.NewReader(lib), rdf.Turtle).DecodeAll()
		switch {
		case c.libReadsAs == "" && err == nil:
			t.Errorf("knakk bug gone? %v read back from:\n%s", c.lit, lib)
		case c.libReadsAs != "" && (err != nil || len(ts) != 1 || ts[0].Obj.(rdf.Literal).DataType.String() != c.libReadsAs):
			t.Errorf("knakk bug gone? %v: got %v, %v from:\n%s", c.lit, ts, err, lib)
		}
		if ours := ourTurtle(t, c.lit); !strings.Contains(ours, c.ours) {
			t.Errorf("%v: want %s in:\n%s", c.lit, c.ours, ours)
		}
	}
}

func TestKnakkEncodeAllDropsLiteralsAndSortsSlice(t *testing.T) {
	fives := []rdf.Object{typed("5", ex+"unit"), typed("5", xsdDecimal), typed("5", xsdInteger)}
	var ts []rdf.Triple
	for _, o := range fives {
		ts = append(ts, rdf.Triple{Subj: iri(ex + "s"), Pred: iri(ex + "p"), Obj: o})
	}
	var b bytes.Buffer
	enc := rdf.NewTripleEncoder(&b, rdf.Turtle)
	if err := enc.EncodeAll(ts); err != nil {
		t.Fatal(err)
	}
	enc.Close()
	if got := strings.Count(b.String(), "5"); got != 1 {
		t.Errorf("knakk bug gone? EncodeAll wrote %d fives:\n%s", got, b.String())
	}

	desc := []rdf.Triple{
		{Subj: iri(ex + "z"), Pred: iri(ex + "p"), Obj: str("1")},
		{Subj: iri(ex + "a"), Pred: iri(ex + "p"), Obj: str("2")},
	}
	before := slices.Clone(desc)
	enc = rdf.NewTripleEncoder(io.Discard, rdf.Turtle)
	if err := enc.EncodeAll(desc); err != nil {
		t.Fatal(err)
	}
	enc.Close()
	if slices.Equal(before, desc) {
		t.Errorf("knakk bug gone? EncodeAll left the caller's slice in order")
	}
	// (TestDeterministic checks that our writers leave it alone.)

	ours := ourTurtle(t, fives...)
	if !strings.Contains(ours, `"5"^^ex:unit , "5"^^xsd:decimal , 5`) {
		t.Errorf("got:\n%s", ours)
	}
}

func TestKnakkLanguageTags(t *testing.T) {
	if _, err := rdf.NewLangLiteral("x", "zh-Hans-CN"); err == nil {
		t.Error("knakk bug gone? NewLangLiteral takes zh-Hans-CN")
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("knakk bug gone? NewLangLiteral with an empty tag did not panic")
			}
		}()
		rdf.NewLangLiteral("x", "")
	}()

	// Our writers take the tag knakk refuses to build...
	zh := langLiteral(t, "干细胞", "zh-Hans-CN")
	if ours := ourTurtle(t, zh); !strings.Contains(ours, `"干细胞"@zh-Hans-CN`) {
		t.Errorf("got:\n%s", ours)
	}
	// ...refuse the tags knakk lets through, and never panic.
	tooLong, err := rdf.NewLangLiteral("x", "en-toolongsubtag")
	if err != nil {
		t.Fatal(err)
	}
	noTag := rdf.NewTypedLiteral("x", iri(rdfLangString))
	for _, l := range []rdf.Literal{tooLong, noTag} {
		for _, f := range Formats() {
			err := f.WriteQuads(io.Discard, []rdf.Quad{q(iri(ex+"s"), ex+"p", l, "")}, Options{})
			if err == nil || !strings.Contains(err.Error(), "language tag") {
				t.Errorf("%s: %v: got error %v", f.Name, l, err)
			}
		}
	}
}

func TestKnakkAcceptsRelativeIRIs(t *testing.T) {
	rel, err := rdf.NewIRI("author/1")
	if err != nil {
		t.Fatalf("knakk bug gone? NewIRI refuses a relative IRI: %v", err)
	}
	for _, f := range Formats() {
		var b bytes.Buffer
		err := f.WriteQuads(&b, []rdf.Quad{q(rel, ex+"p", str("x"), "")}, Options{})
		if err == nil || !strings.Contains(err.Error(), `"author/1"`) {
			t.Errorf("%s: got error %v, want one naming author/1", f.Name, err)
		}
		if b.Len() > 0 {
			t.Errorf("%s: wrote %q before failing", f.Name, b.String())
		}
	}
}

func TestKnakkBlankNodes(t *testing.T) {
	spaced, err := rdf.NewBlank("a b")
	if err != nil {
		t.Fatalf("knakk bug gone? NewBlank refuses a label with a space: %v", err)
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("knakk bug gone? Blank{}.String() did not panic")
			}
		}()
		_ = rdf.Blank{}.String()
	}()
	for _, b := range []rdf.Blank{spaced, {}} {
		for _, f := range Formats() {
			err := f.WriteQuads(io.Discard, []rdf.Quad{q(b, ex+"p", str("x"), "")}, Options{})
			if err == nil || !strings.Contains(err.Error(), "blank node label") {
				t.Errorf("%s: %#v: got error %v", f.Name, b, err)
			}
		}
	}
}

// Our Turtle never writes long ("""...""") strings, which knakk's decoder
// cannot read when they hold a quote before a newline.
func TestKnakkDecoderLongString(t *testing.T) {
	doc := "<http://e.org/s> <http://e.org/p> \"\"\"a\"\nc\"\"\" .\n"
	if _, err := rdf.NewTripleDecoder(strings.NewReader(doc), rdf.Turtle).DecodeAll(); err == nil {
		t.Error("knakk bug gone? decoder reads a long string with a quote and a newline")
	}
	if ours := ourTurtle(t, str("a\"\nc")); strings.Contains(ours, `"""`) {
		t.Errorf("long string written:\n%s", ours)
	}
}

// knakk's N-Quads decoder puts default-graph statements in a blank graph
// "_:defaultGraph"; our round-trip tests set DefaultGraph to nil.
func TestKnakkDecoderDefaultGraph(t *testing.T) {
	var b bytes.Buffer
	if err := NQuads(&b, []rdf.Quad{q(iri(ex+"s"), ex+"p", str("x"), "")}); err != nil {
		t.Fatal(err)
	}
	qs, err := rdf.NewQuadDecoder(bytes.NewReader(b.Bytes()), rdf.NQuads).DecodeAll()
	if err != nil || len(qs) != 1 {
		t.Fatalf("got %v, %v", qs, err)
	}
	if qs[0].Ctx == nil || qs[0].Ctx.Type() != rdf.TermBlank {
		t.Errorf("knakk bug gone? default graph decoded as %#v", qs[0].Ctx)
	}
	if got := decodeKnakk(t, b.Bytes(), rdf.NQuads); got[0].Ctx != nil {
		t.Errorf("decodeKnakk: default graph decoded as %#v", got[0].Ctx)
	}
}

func cayleyLine(t *testing.T, o quad.Value) string {
	t.Helper()
	var b bytes.Buffer
	w := nquads.NewWriter(&b)
	if err := w.WriteQuad(quad.Quad{Subject: quad.IRI(ex + "s"), Predicate: quad.IRI(ex + "p"), Object: o}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCayleyNativeValuesWriteCURIEDatatypes(t *testing.T) {
	cases := []struct {
		native quad.Value
		lib    string
		ours   rdf.Literal
		want   string
	}{
		{quad.Int(42), `"42"^^<xsd:integer>`, typed("42", xsdInteger), `"42"^^<` + xsdInteger + `>`},
		{quad.Bool(true), `"True"^^<xsd:boolean>`, typed("true", xsdBoolean), `"true"^^<` + xsdBoolean + `>`},
	}
	for _, c := range cases {
		if lib := cayleyLine(t, c.native); !strings.Contains(lib, c.lib) {
			t.Errorf("cayley bug gone? %#v written as %s", c.native, lib)
		}
		var b bytes.Buffer
		if err := NQuads(&b, []rdf.Quad{q(iri(ex+"s"), ex+"p", c.ours, "")}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("got %s, want %s", b.String(), c.want)
		}
	}
}

func TestCayleyWriterValidatesNothing(t *testing.T) {
	for _, bad := range []string{"author/1", ex + "a b", ex + "a>b", ex + "100%"} {
		if lib := cayleyLine(t, quad.IRI(bad)); !strings.Contains(lib, "<"+bad+">") {
			t.Errorf("cayley bug gone? %q written as %s", bad, lib)
		}
		// A knakk term cannot hold a space or '>' (NewIRI refuses them
		// and the field is private); whatever it can hold, our writer
		// checks.
		k, err := rdf.NewIRI(bad)
		if err != nil {
			if strings.ContainsAny(bad, " >") {
				continue
			}
			t.Fatalf("NewIRI(%q): %v", bad, err)
		}
		var b bytes.Buffer
		err = NQuads(&b, []rdf.Quad{q(iri(ex+"s"), ex+"p", rdf.NewTypedLiteral("x", k), "")})
		if err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("%q: got error %v", bad, err)
		}
	}
}

// The default (typed) N-Quads reader rewrites literals and misreads an
// IRI with a space; the raw reader, which our tests use, does neither,
// but it splits a language-tagged or typed literal at the first "@ or
// "^^< inside its value. knakk's decoder reads those right, so the
// round-trip tests use both readers.
func TestCayleyReaders(t *testing.T) {
	typedRead := func(line string) (quad.Quad, error) {
		return nquads.NewReader(strings.NewReader(line), false).ReadQuad()
	}
	rawRead := func(line string) (quad.Quad, error) {
		return nquads.NewReader(strings.NewReader(line), true).ReadQuad()
	}

	leading := `<http://e.org/s> <http://e.org/p> "007"^^<` + xsdInteger + "> .\n"
	if got, err := typedRead(leading); err != nil || got.Object.String() == `"007"^^<`+xsdInteger+`>` {
		t.Errorf("cayley bug gone? typed reader kept 007: %v, %v", got.Object, err)
	}
	if got, err := rawRead(leading); err != nil || got.Object != (quad.TypedString{Value: "007", Type: xsdInteger}) {
		t.Errorf("raw reader: %#v, %v", got.Object, err)
	}

	spaced := "<http://e.org/a b> <http://e.org/p> <http://e.org/o> .\n"
	if got, err := typedRead(spaced); err != nil || got.Subject == quad.IRI("http://e.org/a b") {
		t.Errorf("cayley bug gone? typed reader: %#v, %v", got, err)
	}
	if _, err := rawRead(spaced); err == nil {
		t.Error("raw reader accepted an IRI with a space")
	}

	tricky := langLiteral(t, `a"@b`, "en")
	var b bytes.Buffer
	if err := NQuads(&b, []rdf.Quad{q(iri(ex+"s"), ex+"p", tricky, "")}); err != nil {
		t.Fatal(err)
	}
	got, err := rawRead(b.String())
	if err != nil || got.Object == (quad.LangString{Value: `a"@b`, Lang: "en"}) {
		t.Errorf("cayley bug gone? raw reader read %s as %#v, %v", b.String(), got.Object, err)
	}
	if k := decodeKnakk(t, b.Bytes(), rdf.NQuads); k[0].Obj.String() != `a"@b` || k[0].Obj.(rdf.Literal).Lang() != "en" {
		t.Errorf("knakk read %s as %#v", b.String(), k[0].Obj)
	}
}
