package export

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	o "github.com/msckg/msckg/ontology"
)

// The small graph the visual formats are tested on: two papers from two
// source records, authors, a journal, cohorts, an outcome, a trial, a
// MeSH concept from the vocabulary graph, derived symmetric links stated
// both ways or one way, a blank node, a link in the default graph, and
// one node per tricky string.
var (
	vP1   = base + "paper/doi/10.3892/etm.2017.4229"
	vP2   = base + "paper/pmid/28565834"
	vA1   = base + "author/obrien-pat"
	vA2   = base + "author/wang-xiaohua"
	vA3   = base + "author/li-na"
	vJ    = base + "journal/issn/1792-0981"
	vC1   = vP1 + "/cohort/1"
	vC2   = vP2 + "/cohort/1"
	vC3   = vP2 + "/cohort/2"
	vO    = vC2 + "/outcome/1"
	vT    = base + "trial/NCT01234567"
	vMeSH = o.MeSH + "D016553"
	vAE   = o.AdverseEvents
	vURL  = ex + "journal"
	vG1   = base + "source/1111111111111111"
	vG2   = base + "source/2222222222222222"
	vDer  = base + "graph/derived"
	vVoc  = base + "graph/vocabulary"
)

// vA1Name has a quote pair, an apostrophe, a NUL and a backslash.
const vA1Name = "O'Brien, \"Pat\"\x00 \\ back"

func stringNode(i int) string { return fmt.Sprintf("%sstring/%d", base, i) }

func visualDataset(t testing.TB) []rdf.Quad {
	t.Helper()
	P1, P2, A1, A2, A3 := iri(vP1), iri(vP2), iri(vA1), iri(vA2), iri(vA3)
	C1, C2, C3, O, T := iri(vC1), iri(vC2), iri(vC3), iri(vO), iri(vT)
	age, _ := rdf.NewBlank("age1")
	qs := []rdf.Quad{
		q(P1, rdfType, iri(o.Paper), vG1),
		q(P1, rdfType, iri(o.SchemaScholarlyArticle), vG1),
		q(P1, rdfType, iri(o.FaBiOJournalArticle), vG1),
		q(P1, rdfType, iri(o.Paper), vG2),
		q(P1, rdfsLabel, str(`Title"> <http://x> .`), vG1),
		q(P1, o.DCTitle, str("a title that loses to rdfs:label"), vG1),
		q(P1, o.DCIssued, typed("2017-05", xsdNS+"gYearMonth"), vG1),
		q(P1, o.BIBODOI, str("10.3892/etm.2017.4229"), vG1),
		q(P1, o.DCIsPartOf, iri(vJ), vG1),
		q(P1, o.DCCreator, A1, vG1),
		q(P1, o.DCCreator, A1, vG2), // the same link stated by two records
		q(P1, o.DCCreator, A2, vG1),
		q(P1, o.Studies, C1, vG1),
		q(P1, o.ReportsTrial, T, vG1),
		q(P1, o.CitationCount, typed("42", xsdInteger), vG1),
		q(P1, o.PROVWasDerivedFrom, iri(vG1), vG1),
		q(P1, o.SharesAuthorWith, P2, vDer),
		q(P2, o.SharesAuthorWith, P1, vDer),
		q(P2, o.CitesSameTrialAs, P1, vDer), // stated one way only

		q(P2, rdfType, iri(o.Paper), vG2),
		q(P2, rdfsLabel, str("间充质干细胞治疗免疫性血小板减少症 🩸"), vG2),
		q(P2, o.DCIssued, typed("2019", xsdNS+"gYear"), vG2),
		q(P2, o.DCIssued, typed("2019-03-02", xsdNS+"date"), vG1), // a less precise record; the smaller value wins
		q(P2, o.DCCreator, A2, vG2),
		q(P2, o.Studies, C2, vG2),
		q(P2, o.Studies, C3, vG2),
		q(P2, o.ReportsTrial, T, vG2),
		q(P2, o.DCSubject, iri(vMeSH), vG2),

		q(A1, rdfType, iri(o.Author), vG1),
		q(A1, rdfType, iri(o.FOAFPerson), vG1),
		q(A1, o.FOAFName, str(vA1Name), vG1),
		q(A1, o.CoAuthorWith, A2, vDer),
		q(A2, o.CoAuthorWith, A1, vDer),
		q(A3, o.PossiblySameAs, A1, vDer),
		q(A2, rdfType, iri(o.Author), vG1),
		q(A2, rdfsLabel, str("Wang\nXiaohua"), vG1),
		q(A2, o.FOAFName, str("not used: rdfs:label is there"), vG1),
		q(A3, rdfType, iri(o.Author), vG2),
		q(A3, rdfsLabel, str("Na Li"), vG2),

		q(iri(vJ), rdfType, iri(o.Journal), vG1),
		q(iri(vJ), o.DCTitle, str("Experimental &amp; Therapeutic Medicine <ETM>"), vG1),
		q(iri(vJ), o.SchemaURL, iri(vURL), ""), // default graph

		q(C1, rdfType, iri(o.Cohort), vG1),
		q(C1, rdfType, iri(o.PICOPopulation), vG1),
		q(C1, rdfsLabel, str("Cohort 1 of Title"), vG1),
		q(C1, o.Size, typed("42", xsdInteger), vG1),
		q(C1, o.Age, age, vG1),
		q(age, rdfType, iri(o.SchemaQuantitativeValue), vG1),
		q(age, o.SchemaValue, typed("41", xsdDecimal), vG1),
		q(C2, rdfType, iri(o.Cohort), vG2),
		q(C2, o.Size, typed("+042", xsdInteger), vG2), // also 42: no shared node
		q(C2, o.HasOutcome, O, vG2),
		q(C3, rdfType, iri(o.Cohort), vG2),
		q(C3, o.Size, typed("99999999999", xsdInteger), vG2), // too big for a GraphML int
		q(O, rdfType, iri(o.Outcome), vG2),
		q(O, o.Patients, typed("0", xsdInteger), vG2),
		q(O, o.OutcomeType, iri(vAE), vG2),

		q(T, rdfType, iri(o.Trial), vG1),
		q(T, o.DCIdentifier, str("NCT01234567"), vG1),

		q(iri(vMeSH), rdfType, iri(o.SKOS+"Concept"), vVoc),
		q(iri(vMeSH), rdfsLabel, langLiteral(t, "Purpura, Thrombocytopenic, Idiopathic", "en"), vVoc),

		q(iri(vG1), rdfType, iri(o.SourceRecord), vG1),
		q(iri(vG1), o.DCSource, str(`in/"quoted" file.ris`), vG1),
		q(iri(vG1), o.RecordNumber, typed("1", xsdInteger), vG1),
	}
	for i, s := range trickyStrings {
		n := iri(stringNode(i))
		qs = append(qs,
			q(n, rdfType, iri(o.Evidence), vG1),
			q(n, rdfsLabel, str(s), vG1),
			q(n, o.DCTitle, str(s), vG2),
		)
	}
	return qs
}

// wantNode is what a node of visualDataset must look like.
type wantNode struct {
	iri, label, class string
	attrs             map[string]string
}

func visualNodes() []wantNode {
	nodes := []wantNode{
		{vP1, `Title"> <http://x> .`, "Paper", map[string]string{"year": "2017", "doi": "10.3892/etm.2017.4229"}},
		{vP2, "间充质干细胞治疗免疫性血小板减少症 🩸", "Paper", map[string]string{"year": "2019"}},
		{vA1, vA1Name, "Author", nil},
		{vA2, "Wang\nXiaohua", "Author", nil},
		{vA3, "Na Li", "Author", nil},
		{vJ, "Experimental &amp; Therapeutic Medicine <ETM>", "Journal", nil},
		{vURL, "journal", "", nil},
		{vC1, "Cohort 1 of Title", "Cohort", map[string]string{"size": "42"}},
		{vC2, "1", "Cohort", map[string]string{"size": "42"}},
		{vC3, "2", "Cohort", nil},
		{vO, "1", "Outcome", map[string]string{"patients": "0"}},
		{vT, "NCT01234567", "Trial", nil},
		{vMeSH, "Purpura, Thrombocytopenic, Idiopathic", "skos:Concept", nil},
		{vAE, "mkg:AdverseEvents", "", nil},
		{vG1, "1111111111111111", "SourceRecord", nil},
		{"_:age1", "_:age1", "schema:QuantitativeValue", nil},
	}
	for i, s := range trickyStrings {
		label := s
		if strings.TrimSpace(s) == "" {
			label = strconv.Itoa(i) // no usable label: the IRI's last segment
		}
		nodes = append(nodes, wantNode{stringNode(i), label, "Evidence", nil})
	}
	return nodes
}

// wantEdge is an edge of visualDataset, by IRI.
type wantEdge struct {
	source, pred, target string
	undirected           bool
	graphs               string
}

func visualEdges() []wantEdge {
	return []wantEdge{
		{vP1, "dcterms:creator", vA1, false, vG1}, // stated in both graphs, kept once in the first
		{vP1, "dcterms:creator", vA2, false, vG1},
		{vP1, "dcterms:isPartOf", vJ, false, vG1},
		{vP1, "mkg:citesSameTrialAs", vP2, true, vDer},
		{vP1, "mkg:reportsTrial", vT, false, vG1},
		{vP1, "mkg:sharesAuthorWith", vP2, true, vDer},
		{vP1, "mkg:studies", vC1, false, vG1},
		{vP1, "prov:wasDerivedFrom", vG1, false, vG1},
		{vP2, "dcterms:creator", vA2, false, vG2},
		{vP2, "dcterms:subject", vMeSH, false, vG2},
		{vP2, "mkg:reportsTrial", vT, false, vG2},
		{vP2, "mkg:studies", vC2, false, vG2},
		{vP2, "mkg:studies", vC3, false, vG2},
		{vA3, "mkg:possiblySameAs", vA1, true, vDer},
		{vA1, "mkg:coAuthorWith", vA2, true, vDer},
		{vJ, "schema:url", vURL, false, ""},
		{vC1, "mkg:age", "_:age1", false, vG1},
		{vC2, "mkg:hasOutcome", vO, false, vG2},
		{vO, "mkg:outcomeType", vAE, false, vG2},
	}
}

// key identifies an edge whatever its direction when undirected.
func (e wantEdge) key() string {
	s, t := e.source, e.target
	if e.undirected && t < s {
		s, t = t, s
	}
	return fmt.Sprintf("%s %s %s undirected=%v graphs=[%s]", s, e.pred, t, e.undirected, e.graphs)
}

func sortedKeys(edges []wantEdge) []string {
	out := make([]string, len(edges))
	for i, e := range edges {
		out[i] = e.key()
	}
	slices.Sort(out)
	return out
}

func TestViewNodes(t *testing.T) {
	v, err := viewOf(visualDataset(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := visualNodes()
	got := map[string]node{}
	var order []string
	for _, n := range v.nodes {
		got[iriText(n.term)] = n
		order = append(order, iriText(n.term))
	}
	if len(v.nodes) != len(want) {
		t.Errorf("%d nodes, want %d: %q", len(v.nodes), len(want), order)
	}
	// Ids follow the sorted terms: IRIs by code point, blank nodes last.
	if !slices.IsSortedFunc(v.nodes, func(a, b node) int { return a.term.compare(b.term) }) {
		t.Errorf("nodes not sorted: %q", order)
	}
	for _, w := range want {
		n, ok := got[w.iri]
		if !ok {
			t.Errorf("no node %s", w.iri)
			continue
		}
		if n.label != w.label || n.class != w.class {
			t.Errorf("%s: label %q class %q, want %q %q", w.iri, n.label, n.class, w.label, w.class)
		}
		for k, a := range nodeAttrs {
			if n.attrs[k] != w.attrs[a.name] {
				t.Errorf("%s: %s = %q, want %q", w.iri, a.name, n.attrs[k], w.attrs[a.name])
			}
		}
	}
}

func TestViewEdges(t *testing.T) {
	v, err := viewOf(visualDataset(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []wantEdge
	for _, e := range v.edges {
		got = append(got, wantEdge{iriText(v.nodes[e.source].term), e.pred, iriText(v.nodes[e.target].term),
			e.undirected, joinGraphs(e.graphs)})
		if e.undirected && e.source > e.target {
			t.Errorf("undirected edge %s not written from its smaller end", e.pred)
		}
	}
	if g, w := sortedKeys(got), sortedKeys(visualEdges()); !slices.Equal(g, w) {
		t.Errorf("edges:\n got %q\nwant %q", g, w)
	}
	if !slices.IsSortedFunc(v.edges, func(a, b edge) int {
		if a.source != b.source {
			return a.source - b.source
		}
		return strings.Compare(a.pred, b.pred)
	}) {
		t.Error("edges not sorted by source, predicate")
	}
}

// Without the caller's prefixes the project's own shorten predicates;
// with an empty map nothing is shortened.
func TestViewPrefixes(t *testing.T) {
	in := []rdf.Quad{q(iri(vA1), o.CoAuthorWith, iri(vA2), vDer)}
	for _, c := range []struct {
		prefixes map[string]string
		want     string
	}{
		{nil, "mkg:coAuthorWith"},
		{map[string]string{}, o.CoAuthorWith},
		{map[string]string{"m": mkg}, "m:coAuthorWith"},
	} {
		v, err := viewOf(in, c.prefixes)
		if err != nil {
			t.Fatal(err)
		}
		if v.edges[0].pred != c.want {
			t.Errorf("prefixes %v: %q, want %q", c.prefixes, v.edges[0].pred, c.want)
		}
	}
	if _, err := viewOf(in, map[string]string{"bad prefix": mkg}); err == nil {
		t.Error("an invalid prefix name was accepted")
	}
}

func TestShortLabel(t *testing.T) {
	ns, err := newNamespaces(map[string]string{"mkg": mkg})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ in, want string }{
		{mkg + "UmbilicalCordMSC", "mkg:UmbilicalCordMSC"},
		{mkg + "MSC(BM)", "MSC(BM)"}, // not a safe local name: the fragment
		{base + "paper/doi/10.3892/etm.2017.4229", "etm.2017.4229"},
		{base + "author/", "author"},
		{"http://example.org", "http://example.org"},
		{"http://example.org/", "http://example.org/"},
		{"urn:isbn:0451450523", "urn:isbn:0451450523"},
	} {
		if got := shortLabel(term{kind: kindIRI, value: c.in}, ns); got != c.want {
			t.Errorf("%s: %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNodeAttrValues(t *testing.T) {
	for _, c := range []struct {
		f        func(string) (string, bool)
		in, want string
	}{
		{int32Value, "42", "42"},
		{int32Value, "+042", "42"},
		{int32Value, "-3", "-3"},
		{int32Value, "2147483647", "2147483647"},
		{int32Value, "2147483648", ""},
		{int32Value, "4.0", ""},
		{int32Value, "", ""},
		{yearValue, "2017", "2017"},
		{yearValue, "2017-05", "2017"},
		{yearValue, "2017-05-03", "2017"},
		{yearValue, "2017Z", ""},
		{yearValue, "17", ""},
		{yearValue, "abcd", ""},
		{textValue, " ", ""},
	} {
		got, ok := c.f(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%q: %q %v, want %q", c.in, got, ok, c.want)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// shuffles returns n shuffled copies of in, every other one with two
// statements repeated; the seed is fixed so a failure can be replayed.
func shuffles(in []rdf.Quad, n int) [][]rdf.Quad {
	rng := rand.New(rand.NewPCG(7, uint64(len(in))))
	out := make([][]rdf.Quad, n)
	for i := range out {
		s := slices.Clone(in)
		if i%2 == 1 {
			s = append(s, in[rng.IntN(len(in))], in[rng.IntN(len(in))])
		}
		rng.Shuffle(len(s), func(a, b int) { s[a], s[b] = s[b], s[a] })
		out[i] = s
	}
	return out
}

// writeVisual runs a visual writer with no prefixes, as the registry
// does for a caller that gives none: the project's own apply.
func writeVisual(t testing.TB, name string, quads []rdf.Quad) []byte {
	t.Helper()
	f, ok := ByName(name)
	if !ok {
		t.Fatalf("no format %q", name)
	}
	var buf bytes.Buffer
	if err := f.WriteQuads(&buf, quads, Options{}); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return buf.Bytes()
}
