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

	"github.com/msckg/msckg/graph/propgraph"

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

// visualNodes are the entities of visualDataset. The source record, the
// quantity, the MeSH concept, the outcome type and the URL are not
// nodes: they fold into attributes of the entities that use them.
func visualNodes() []wantNode {
	nodes := []wantNode{
		{vP1, `2017: a title that loses to rdfs:label`, "Paper", map[string]string{"year": "2017", "doi": "10.3892/etm.2017.4229",
			"sources": `in/"quoted" file.ris#1`, "citationCount": "42"}},
		{vP2, "2019: 间充质干细胞治疗免疫性血小板减少症 🩸", "Paper", map[string]string{"year": "2019",
			"subject": "Purpura, Thrombocytopenic, Idiopathic"}},
		{vA1, vA1Name, "Author", nil},
		{vA2, "Wang\nXiaohua", "Author", nil},
		{vA3, "Na Li", "Author", nil},
		{vJ, "Experimental &amp; Therapeutic Medicine <ETM>", "Journal", map[string]string{"url": vURL}},
		{vC1, "Cohort 1 (n = 42)", "Cohort", map[string]string{"size": "42", "age_value": "41"}},
		{vC2, "1 (n = 42)", "Cohort", map[string]string{"size": "42"}},
		{vC3, "2 (n = 99999999999)", "Cohort", map[string]string{"size": "99999999999"}},
		{vO, "mkg:AdverseEvents: 0 patients", "Outcome", map[string]string{"patients": "0", "outcomeType": "mkg:AdverseEvents"}},
		{vT, "NCT01234567", "Trial", nil},
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
		{vP1, "creator", vA1, false, vG1}, // stated in both graphs, kept once in the first
		{vP1, "creator", vA2, false, vG1},
		{vP1, "isPartOf", vJ, false, vG1},
		{vP1, "citesSameTrialAs", vP2, true, vDer},
		{vP1, "reportsTrial", vT, false, vG1},
		{vP1, "sharesAuthorWith", vP2, true, vDer},
		{vP1, "studies", vC1, false, vG1},
		{vP2, "creator", vA2, false, vG2},
		{vP2, "reportsTrial", vT, false, vG2},
		{vP2, "studies", vC2, false, vG2},
		{vP2, "studies", vC3, false, vG2},
		{vA3, "possiblySameAs", vA1, true, vDer},
		{vA1, "coAuthorWith", vA2, true, vDer},
		{vC2, "hasOutcome", vO, false, vG2},
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
	g := graphOf(t, visualDataset(t), nil)
	want := visualNodes()
	got := map[string]propgraph.Node{}
	var order []string
	for _, n := range g.Nodes {
		got[n.IRI] = n
		order = append(order, n.IRI)
	}
	if len(g.Nodes) != len(want) {
		t.Errorf("%d nodes, want %d: %q", len(g.Nodes), len(want), order)
	}
	for _, w := range want {
		n, ok := got[w.iri]
		if !ok {
			t.Errorf("no node %s", w.iri)
			continue
		}
		if n.Label != w.label || n.Type != w.class {
			t.Errorf("%s: label %q type %q, want %q %q", w.iri, n.Label, n.Type, w.label, w.class)
		}
		for k, v := range w.attrs {
			if n.Attrs[k] != v {
				t.Errorf("%s: %s = %q, want %q", w.iri, k, n.Attrs[k], v)
			}
		}
	}
	for _, k := range []struct{ name, typ string }{{"size", "long"}, {"year", "long"}, {"age_value", "double"}, {"doi", "string"}} {
		if got := g.NodeKeyType(k.name); got != k.typ {
			t.Errorf("key %s: %q, want %q", k.name, got, k.typ)
		}
	}
}

func TestViewEdges(t *testing.T) {
	g := graphOf(t, visualDataset(t), nil)
	var got []wantEdge
	for _, e := range g.Edges {
		got = append(got, wantEdge{g.Nodes[e.Source].IRI, e.Type, g.Nodes[e.Target].IRI, e.Symmetric, e.Attrs["graphs"]})
		if e.Symmetric && e.Source > e.Target {
			t.Errorf("symmetric edge %s not written from its smaller end", e.Type)
		}
	}
	if g, w := sortedKeys(got), sortedKeys(visualEdges()); !slices.Equal(g, w) {
		t.Errorf("edges:\n got %q\nwant %q", g, w)
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
