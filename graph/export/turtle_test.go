package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

func TestTurtleLayout(t *testing.T) {
	paper := iri(base + "paper/doi/10.3892/etm.2017.4229")
	ship := iri(base + "paper/doi/10.3892/etm.2017.4229/authorship/1")
	author := iri(base + "author/wang-xiaohua")
	g := base + "source/5b1c0a9e3f7d2c41"
	in := []rdf.Quad{
		q(ship, mkg+"position", typed("1", xsdInteger), g),
		q(paper, dct+"creator", author, g),
		q(paper, schema+"keywords", str("mesenchymal stem cells"), g),
		q(paper, rdfsLabel, str("Umbilical cord MSCs in ITP"), g),
		q(paper, rdfType, iri(schema+"ScholarlyArticle"), g),
		q(paper, rdfType, iri(mkg+"Paper"), g),
		q(paper, schema+"keywords", str("immune thrombocytopenia"), g),
		q(ship, rdfType, iri(mkg+"Authorship"), g),
		q(paper, mkg+"authorship", ship, g),
		q(paper, rdfType, iri(mkg+"Paper"), base+"source/other"),
	}
	// foaf is declared but unused: it must not appear.
	prefixes := map[string]string{"mkg": mkg, "dcterms": dct, "schema": schema, "foaf": "http://xmlns.com/foaf/0.1/"}
	want := `@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix mkg:     <https://w3id.org/msckg/ontology#> .
@prefix schema:  <http://schema.org/> .

<https://w3id.org/msckg/id/paper/doi/10.3892/etm.2017.4229>
    a schema:ScholarlyArticle , mkg:Paper ;
    <http://www.w3.org/2000/01/rdf-schema#label> "Umbilical cord MSCs in ITP" ;
    dcterms:creator <https://w3id.org/msckg/id/author/wang-xiaohua> ;
    schema:keywords "immune thrombocytopenia" , "mesenchymal stem cells" ;
    mkg:authorship <https://w3id.org/msckg/id/paper/doi/10.3892/etm.2017.4229/authorship/1> .

<https://w3id.org/msckg/id/paper/doi/10.3892/etm.2017.4229/authorship/1>
    a mkg:Authorship ;
    mkg:position 1 .
`
	var b bytes.Buffer
	if err := Turtle(&b, in, prefixes); err != nil {
		t.Fatal(err)
	}
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestTurtleNames(t *testing.T) {
	ns, err := newNamespaces(map[string]string{
		"ex": ex, "exd": ex + "dt#", "id": base, "": "urn:x:",
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ iri, want string }{
		{ex + "Paper", "ex:Paper"},
		{ex + "good_name-1", "ex:good_name-1"},
		{ex + "10", "ex:10"},
		{ex + "_x", "ex:_x"},
		{ex + "dt#unit", "exd:unit"}, // the longest namespace wins
		{ex + "dt#", "<" + ex + "dt#>"},
		{ex, "<" + ex + ">"},
		{ex + "MSC(BM)", "<" + ex + "MSC(BM)>"},
		{ex + "O'Brien", "<" + ex + "O'Brien>"},
		{ex + "ITP.", "<" + ex + "ITP.>"},
		{ex + "a.b", "<" + ex + "a.b>"},
		{ex + "a,b", "<" + ex + "a,b>"},
		{ex + "-x", "<" + ex + "-x>"},
		{ex + "a/b", "<" + ex + "a/b>"},
		{ex + "a%20b", "<" + ex + "a%20b>"},
		{ex + "a:b", "<" + ex + "a:b>"},
		{ex + "治疗", "<" + ex + "治疗>"},
		{base + "paper/doi/10.1/x", "<" + base + "paper/doi/10.1/x>"},
		{"urn:x:y", ":y"},
		{"http://other.org/x", "<http://other.org/x>"},
	}
	for _, c := range cases {
		if got := ns.iri(c.iri); got != c.want {
			t.Errorf("%s: got %s, want %s", c.iri, got, c.want)
		}
	}
}

func TestTurtleLiterals(t *testing.T) {
	ns, err := newNamespaces(map[string]string{"xsd": xsdNS, "ex": ex})
	if err != nil {
		t.Fatal(err)
	}
	lit := func(lex, dt string) term { return term{kind: kindLiteral, value: lex, datatype: dt} }
	cases := []struct {
		t    term
		want string
	}{
		{lit("42", xsdInteger), "42"},
		{lit("-42", xsdInteger), "-42"},
		{lit("0", xsdInteger), "0"},
		{lit("-0", xsdInteger), `"-0"^^xsd:integer`},
		{lit("042", xsdInteger), `"042"^^xsd:integer`},
		{lit("+42", xsdInteger), `"+42"^^xsd:integer`},
		{lit("4.2", xsdInteger), `"4.2"^^xsd:integer`},
		{lit("12.5", xsdDecimal), "12.5"},
		{lit("-0.50", xsdDecimal), "-0.50"},
		{lit("5", xsdDecimal), `"5"^^xsd:decimal`},
		{lit("5.", xsdDecimal), `"5."^^xsd:decimal`},
		{lit(".5", xsdDecimal), `".5"^^xsd:decimal`},
		{lit("true", xsdBoolean), "true"},
		{lit("false", xsdBoolean), "false"},
		{lit("1", xsdBoolean), `"1"^^xsd:boolean`},
		{lit("True", xsdBoolean), `"True"^^xsd:boolean`},
		{lit("3.0", xsdNS+"double"), `"3.0"^^xsd:double`},
		{lit("1.5E9", xsdNS+"double"), `"1.5E9"^^xsd:double`},
		{lit("INF", xsdNS+"float"), `"INF"^^xsd:float`},
		{lit("2017-05", xsdNS+"gYearMonth"), `"2017-05"^^xsd:gYearMonth`},
		{lit("5", ex+"unit"), `"5"^^ex:unit`},
		{lit("5", "http://other.org/u#x.y"), `"5"^^<http://other.org/u#x.y>`},
		{lit(`a "b" \c`, xsdString), `"a \"b\" \\c"`},
		{lit("tab\there", xsdString), `"tab\there"`},
		{lit("cr\r\nlf", xsdString), `"cr\r\nlf"`},
		{lit("nul\x00 esc\x1b", xsdString), `"nul\u0000 esc\u001B"`},
		{lit("50×10⁹/L 🩸", xsdString), `"50×10⁹/L 🩸"`},
		{lit("x\n", ex+"u"), `"x\n"^^ex:u`},
		{term{kind: kindLiteral, value: "干细胞", datatype: rdfLangString, lang: "zh-Hans-CN"}, `"干细胞"@zh-Hans-CN`},
	}
	for _, c := range cases {
		if got := ns.literal(c.t); got != c.want {
			t.Errorf("%q^^%s: got %s, want %s", c.t.value, c.t.datatype, got, c.want)
		}
	}
}

func TestTurtleBadPrefixes(t *testing.T) {
	for _, p := range []map[string]string{
		{"1x": ex},
		{"a b": ex},
		{"ex:": ex},
		{"ex": "relative/"},
		{"ex": "http://e.org/a b"},
	} {
		err := Turtle(&bytes.Buffer{}, nil, p)
		if err == nil {
			t.Errorf("%v accepted", p)
		}
	}
}

func TestTurtleEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := Turtle(&b, nil, testPrefixes); err != nil || b.Len() != 0 {
		t.Errorf("got %q, %v; want an empty file", b.String(), err)
	}
}

func TestTurtleLongObjectLists(t *testing.T) {
	s := iri(ex + "paper")
	var in []rdf.Quad
	for _, name := range []string{"wang-xiaohua", "li-ming", "zhang-wei", "chen-jing", "liu-yang"} {
		in = append(in, q(s, dct+"creator", iri(base+"author/"+name), ""))
	}
	var b bytes.Buffer
	if err := Turtle(&b, in, testPrefixes); err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(b.String()) {
		if len(line) > 120 {
			t.Errorf("line of %d characters: %s", len(line), line)
		}
	}
	if got := strings.Count(b.String(), " ,\n        <"); got != 4 {
		t.Errorf("%d continuation lines, want 4:\n%s", got, b.String())
	}
}

// TestQuoteMatchesKnakk checks quote against knakk/rdf's escaping, which
// it once called, where nothing of ours needs escaping, and against
// written-out answers where something does (tabs, control characters,
// line separators).
func TestQuoteMatchesKnakk(t *testing.T) {
	for _, s := range []string{
		"", "plain", `say "hi"`, `back\slash`, "line\nbreak\r\n",
		"50×10⁹/L 血小板 😀", "replacement \uFFFD char", "stray \xff byte", "cut \xe2\x80",
	} {
		lit, _ := rdf.NewLiteral(s)
		if got, want := quote(s), lit.Serialize(rdf.Turtle); got != want {
			t.Errorf("quote(%q) = %q, want %q", s, got, want)
		}
	}
	for s, want := range map[string]string{
		"tab\there":                     `"tab\there"`,
		"nul\x00 bell\x07 del\x7f":      `"nul\u0000 bell\u0007 del\u007F"`,
		"c1 \u0085 \u009f":              `"c1 \u0085 \u009F"`,
		"sep \u2028 \u2029":             `"sep \u2028 \u2029"`,
		"mixed \"\t\\\n×\u2028\x01\xff": `"mixed \"\t\\\n×\u2028\u0001` + "\uFFFD" + `"`,
	} {
		if got := quote(s); got != want {
			t.Errorf("quote(%q) = %q, want %q", s, got, want)
		}
	}
}
