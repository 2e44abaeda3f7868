package export

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/propgraph"
)

const (
	base   = "https://w3id.org/msckg/id/"
	mkg    = "https://w3id.org/msckg/ontology#"
	dct    = "http://purl.org/dc/terms/"
	schema = "http://schema.org/"
	ex     = "http://example.org/"
)

var testPrefixes = map[string]string{
	"mkg": mkg, "dcterms": dct, "schema": schema, "ex": ex,
	"rdf":  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
	"rdfs": "http://www.w3.org/2000/01/rdf-schema#",
	"xsd":  xsdNS,
}

// trickyStrings are lexical forms every writer must carry unchanged.
var trickyStrings = []string{
	`say "hello"`,
	`back\slash \n not a newline`,
	"line one\nline two\r\nline three\ttabbed",
	"bell\a nul\x00 escape\x1b del\x7f nel\u0085 ls\u2028 ps\u2029 vt\v ff\f bs\b",
	"platelets 50×10⁹/L, 60 × 10⁶ cells/day",
	"间充质干细胞治疗免疫性血小板减少症",
	"emoji 🩸🧬 and a flag 🇨🇳",
	`Title"> <http://x> .`,
	`"""`,
	`a"` + "\n" + `c`,
	"trailing backslash \\",
	"",
	" ",
}

func iri(s string) rdf.IRI {
	i, err := rdf.NewIRI(s)
	if err != nil {
		panic(err)
	}
	return i
}

func str(s string) rdf.Literal {
	l, _ := rdf.NewLiteral(s)
	return l
}

func typed(lex, dt string) rdf.Literal { return rdf.NewTypedLiteral(lex, iri(dt)) }

// langLiteral builds a language-tagged literal through knakk's decoder:
// knakk.NewLangLiteral refuses tags with two hyphens such as zh-Hans-CN.
func langLiteral(t testing.TB, lex, lang string) rdf.Literal {
	t.Helper()
	line := fmt.Sprintf("<%s> <%s> %s@%s .\n", ex+"s", ex+"p", quote(lex), lang)
	tr, err := rdf.NewTripleDecoder(strings.NewReader(line), rdf.NTriples).Decode()
	if err != nil {
		t.Fatalf("building %q@%s: %v", lex, lang, err)
	}
	return tr.Obj.(rdf.Literal)
}

func q(s rdf.Subject, p string, o rdf.Object, g string) rdf.Quad {
	out := rdf.Quad{Triple: rdf.Triple{Subj: s, Pred: iri(p), Obj: o}}
	if g != "" {
		out.Ctx = iri(g)
	}
	return out
}

// trickyDataset holds every tricky string as a plain, a language-tagged
// and a custom-typed literal, numbers in forms that must not be written
// bare, a blank node, and statements repeated across graphs.
func trickyDataset(t testing.TB) []rdf.Quad {
	t.Helper()
	paper := iri(base + "paper/doi/10.3892/etm.2017.4229")
	g1, g2 := base+"source/5b1c0a9e3f7d2c41", base+"source/a81f44d0c2b9e637"
	qs := []rdf.Quad{
		q(paper, rdfType, iri(mkg+"Paper"), g1),
		q(paper, rdfType, iri(schema+"ScholarlyArticle"), g1),
		q(paper, rdfType, iri(mkg+"Paper"), g2), // same triple, other graph
		q(paper, rdfsLabel, str("Intravenous infusion of UC-MSCs in ITP"), g1),
		q(paper, mkg+"position", typed("1", xsdInteger), ""),
		q(paper, mkg+"dose", typed("0.5", xsdDecimal), g1),
		q(paper, mkg+"dose", typed("5", xsdDecimal), g1),
		q(paper, mkg+"dose", typed("5", xsdInteger), g1),
		q(paper, mkg+"dose", typed("5", ex+"unit"), g1),
		q(paper, mkg+"ratio", typed("3.0", xsdNS+"double"), g1),
		q(paper, mkg+"ratio", typed("NaN", xsdNS+"double"), g1),
		q(paper, mkg+"ratio", typed("-INF", xsdNS+"double"), g1),
		q(paper, mkg+"count", typed("007", xsdInteger), g1),
		q(paper, mkg+"count", typed("+7", xsdInteger), g1),
		q(paper, mkg+"flag", typed("true", xsdBoolean), g1),
		q(paper, mkg+"flag", typed("1", xsdBoolean), g1),
		q(paper, dct+"issued", typed("2017-05", xsdNS+"gYearMonth"), g1),
		q(paper, dct+"title", langLiteral(t, "干细胞", "zh-Hans-CN"), g1),
		q(paper, dct+"title", langLiteral(t, "stem cells", "en"), g2),
		q(paper, schema+"url", iri("http://example.org/MSC(BM)"), g1),
		q(paper, schema+"url", iri("http://example.org/O'Brien"), g1),
		q(paper, schema+"url", iri("http://example.org/ITP."), g1),
		q(paper, schema+"url", iri("http://example.org/a,b"), g1),
		q(paper, schema+"url", iri("http://example.org/-x"), g1),
		q(paper, schema+"url", iri("http://example.org/10.1000%2Fabc"), g1),
		q(paper, schema+"url", iri("http://example.org/治疗"), g1),
		q(paper, schema+"url", iri("http://example.org/good_name-1"), g1),
	}
	blank, _ := rdf.NewBlank("b1")
	qs = append(qs,
		q(paper, mkg+"studies", blank, g1),
		q(blank, rdfType, iri(mkg+"Cohort"), g1),
	)
	for i, s := range trickyStrings {
		subj := iri(fmt.Sprintf("%sstring/%d", base, i))
		qs = append(qs,
			q(subj, dct+"title", str(s), g1),
			q(subj, dct+"title", str(s), g2),
			q(subj, dct+"description", typed(s, ex+"note"), g1),
			q(subj, dct+"abstract", typed(s, "http://example.org/dt#odd.name"), g2),
		)
		if s != "" {
			qs = append(qs, q(subj, dct+"alternative", langLiteral(t, s, "zh-Hans-CN"), g1))
		}
	}
	return qs
}

// keys returns the sorted, de-duplicated statements of quads as strings,
// for comparing datasets term by term. union drops graph names.
func keys(t testing.TB, quads []rdf.Quad, union bool) []string {
	t.Helper()
	st, err := prepare(quads)
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	st = keptOnce(st)
	out := make([]string, len(st))
	for i, s := range st {
		if union {
			s.g = term{}
		}
		out[i] = fmt.Sprintf("%#v|%#v|%#v|%#v", s.s, s.p, s.o, s.g)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// decodeKnakk reads N-Triples, N-Quads or Turtle back with knakk/rdf,
// always to the end (an abandoned decoder leaks a goroutine).
func decodeKnakk(t testing.TB, data []byte, f rdf.Format) []rdf.Quad {
	t.Helper()
	var out []rdf.Quad
	if f == rdf.NQuads {
		dec := rdf.NewQuadDecoder(bytes.NewReader(data), f)
		// knakk puts default-graph statements in a blank graph
		// "_:defaultGraph" unless told otherwise.
		dec.DefaultGraph = nil
		qs, err := dec.DecodeAll()
		if err != nil {
			t.Fatalf("knakk decoder: %v\n%s", err, data)
		}
		return qs
	}
	ts, err := rdf.NewTripleDecoder(bytes.NewReader(data), f).DecodeAll()
	if err != nil {
		t.Fatalf("knakk decoder: %v\n%s", err, data)
	}
	for _, tr := range ts {
		out = append(out, rdf.Quad{Triple: tr})
	}
	return out
}

// decodeCayley reads N-Quads or N-Triples back with cayley's raw reader
// (the default reader rewrites typed literals) and converts the values
// to knakk terms.
func decodeCayley(t testing.TB, data []byte) []rdf.Quad {
	t.Helper()
	r := nquads.NewReader(bytes.NewReader(data), true)
	var out []rdf.Quad
	for {
		cq, err := r.ReadQuad()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("cayley raw reader: %v", err)
		}
		k := rdf.Quad{Triple: rdf.Triple{
			Subj: fromCayley(t, cq.Subject).(rdf.Subject),
			Pred: fromCayley(t, cq.Predicate).(rdf.Predicate),
			Obj:  fromCayley(t, cq.Object).(rdf.Object),
		}}
		if cq.Label != nil {
			k.Ctx = fromCayley(t, cq.Label).(rdf.Context)
		}
		out = append(out, k)
	}
}

func fromCayley(t testing.TB, v quad.Value) rdf.Term {
	t.Helper()
	switch v := v.(type) {
	case quad.IRI:
		return rdf.IRI(iri(string(v)))
	case quad.BNode:
		b, _ := rdf.NewBlank(string(v))
		return b
	case quad.String:
		return str(string(v))
	case quad.LangString:
		return langLiteral(t, string(v.Value), v.Lang)
	case quad.TypedString:
		return typed(string(v.Value), string(v.Type))
	}
	t.Fatalf("cayley gave an unexpected value %T %v", v, v)
	return nil
}

// viewOf builds the view of quads through an in-memory store.
func graphOf(t testing.TB, quads []rdf.Quad, prefixes map[string]string) *propgraph.Graph {
	t.Helper()
	st, err := StoreOf(quads)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g, err := propGraph(st, Options{Prefixes: prefixes})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func compareTriple(a, b stmt) int {
	return cmp.Or(a.s.compare(b.s), a.p.compare(b.p), a.o.compare(b.o))
}

func compareQuad(a, b stmt) int {
	return cmp.Or(a.g.compare(b.g), compareTriple(a, b))
}

// prepare checks and converts every quad; the caller's slice is left
// alone. The error names the quad (0-based index) and the position of
// the bad term.
func prepare(quads []rdf.Quad) ([]stmt, error) {
	out := make([]stmt, len(quads))
	for i, q := range quads {
		st, err := convertQuad(q, convert)
		if err != nil {
			return nil, fmt.Errorf("quad %d: %w", i, err)
		}
		out[i] = st
	}
	return out, nil
}

// keptOnce keeps each triple once, in the first of its graphs in term
// order: what a Store keeps of quads added with equal ranks.
func keptOnce(st []stmt) []stmt {
	slices.SortFunc(st, func(a, b stmt) int { return cmp.Or(compareTriple(a, b), a.g.compare(b.g)) })
	return slices.CompactFunc(st, func(a, b stmt) bool { return compareTriple(a, b) == 0 })
}

// sortedQuads is what the store writes by graph: each triple once, sorted
// by graph, subject, predicate and object.
func sortedQuads(st []stmt) []stmt {
	st = keptOnce(st)
	slices.SortFunc(st, compareQuad)
	return st
}

// sortedUnion drops graph names and duplicate triples, sorted by subject,
// predicate, object.
func sortedUnion(st []stmt) []stmt {
	for i := range st {
		st[i].g = term{}
	}
	slices.SortFunc(st, compareTriple)
	return slices.CompactFunc(st, func(a, b stmt) bool { return compareTriple(a, b) == 0 })
}
