package table

import (
	"bytes"
	"encoding/csv"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

// seedQuads reads the committed golden N-Quads of the sample records.
func seedQuads(t *testing.T) []rdf.Quad {
	t.Helper()
	f, err := os.Open("../../testdata/golden/seeds.nq")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := rdf.NewQuadDecoder(f, rdf.NQuads).DecodeAll()
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

func rowOf(t *testing.T, tb *Table, paper, group string) Row {
	t.Helper()
	for _, r := range tb.Rows {
		if strings.HasSuffix(r.Paper, paper) && r.Cells["group"].Text == group {
			return r
		}
	}
	t.Fatalf("no row for %s %s", paper, group)
	return Row{}
}

// TestSeedsTable reads the sample records' graph: the Exp Ther Med case
// series is four patients given UC-MSC at 5×10⁷ to 1×10⁸ cells, each
// value naming the words it was read from.
func TestSeedsTable(t *testing.T) {
	tb := FromQuads(seedQuads(t))
	r := rowOf(t, tb, "10.3892/etm.2017.4229", "cohort 1")
	for col, want := range map[string]string{
		"study":             "Wang 2017",
		"kind":              "study cohort",
		"n":                 "4",
		"design":            "Case series",
		"cell_product":      "Umbilical cord mesenchymal stem cells",
		"dose":              "5×10⁷–1×10⁸ cells",
		"route":             "intravenous",
		"follow_up":         "median 17 (13–24) mo",
		"complete_response": "3 patients at 12 mo; 1 patient at 24 mo",
		"adverse_events":    "Severe adverse events: 0 patients",
	} {
		if got := r.Cells[col].Text; got != want {
			t.Errorf("ETM %s = %q, want %q", col, got, want)
		}
	}
	hasSpan := func(col, exact string) bool {
		return slices.ContainsFunc(r.Cells[col].Spans, func(s Span) bool { return s.Text == exact })
	}
	if !hasSpan("n", "Four patients") || !hasSpan("dose", "5×10(7) to 1×10(8)") || !hasSpan("dose", "5x107 to 1x108") {
		t.Errorf("ETM n and dose spans: %+v / %+v", r.Cells["n"].Spans, r.Cells["dose"].Spans)
	}
	for _, s := range r.Cells["dose"].Spans {
		if s.File == "" || s.Record < 1 || s.Start < 0 || s.End <= s.Start || s.Field == "" {
			t.Errorf("dose span without its place: %+v", s)
		}
	}
	if r.Cells["title"].Spans != nil {
		t.Errorf("bibliographic cells name no span, got %+v", r.Cells["title"].Spans)
	}
	// "Complete remission was achieved in three patients" gives no
	// denominator: the four patients of the cohort are not put in as one.
	for _, d := range tb.Dichotomous {
		if strings.Contains(d.Paper, "etm.2017.4229") {
			t.Errorf("ETM has no outcome stated as events of a total, got %+v", d)
		}
	}
}

// TestDeterministic: the same graph in any order gives the same table.
func TestDeterministic(t *testing.T) {
	qs := seedQuads(t)
	want := render(t, FromQuads(qs))
	r := rand.New(rand.NewPCG(1, 2))
	for range 3 {
		r.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
		if got := render(t, FromQuads(qs)); got != want {
			t.Fatalf("shuffled quads give another table:\n%s\nwant\n%s", got, want)
		}
	}
}

func render(t *testing.T, tb *Table) string {
	var b bytes.Buffer
	for _, recs := range [][][]string{tb.Records(), tb.SpanRecords(), tb.DichotomousRecords()} {
		if err := Write(&b, "csv", recs); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// tricky records: every character the formats must carry.
var tricky = [][]string{
	{"study", "note"},
	{"Wang 2017", "a, b \"quoted\""},
	{"Ø | pipe", "line\nbreak\tand tab"},
	{"back\\slash", ""},
}

func TestWriteCSVReadsBack(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "csv", tricky); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(got, tricky, slices.Equal) {
		t.Errorf("CSV read back as %q, want %q", got, tricky)
	}
}

func TestWriteTSV(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "tsv", tricky); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != len(tricky) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(tricky), b.String())
	}
	for i, l := range lines {
		if n := len(strings.Split(l, "\t")); n != 2 {
			t.Errorf("line %d has %d fields: %q", i, n, l)
		}
	}
	if lines[2] != "Ø | pipe\tline break and tab" {
		t.Errorf("line 2 = %q", lines[2])
	}
}

// TestWriteMarkdown checks the table's shape: a header, a separator, and
// every line with as many cells as the header once escaped pipes are
// set aside.
func TestWriteMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "md", tricky); err != nil {
		t.Fatal(err)
	}
	markdownShape(t, b.String(), len(tricky), 2)
	if !strings.Contains(b.String(), `Ø \| pipe`) || !strings.Contains(b.String(), `back\\slash`) {
		t.Errorf("pipes and backslashes not escaped:\n%s", b.String())
	}
}

// markdownShape fails t unless text is a Markdown table of rows lines
// (header included) and cols columns.
func markdownShape(t testing.TB, text string, rows, cols int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != rows+1 {
		t.Fatalf("%d lines, want %d rows and a separator:\n%s", len(lines), rows, text)
	}
	if want := "|" + strings.Repeat("---|", cols); lines[1] != want {
		t.Errorf("separator %q, want %q", lines[1], want)
	}
	for i, l := range lines {
		cells := strings.Split(strings.ReplaceAll(strings.ReplaceAll(l, `\\`, ""), `\|`, ""), "|")
		if !strings.HasPrefix(l, "|") || !strings.HasSuffix(l, "|") || len(cells) != cols+2 {
			t.Errorf("line %d is not a row of %d cells: %q", i, cols, l)
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(io.Discard, "xlsx", tricky); err == nil {
		t.Error("xlsx accepted")
	}
}

func TestFormatOf(t *testing.T) {
	for in, want := range map[string]string{"a.csv": "csv", "A.TSV": "tsv", "t.md": "md", "t.ttl": "", "t": ""} {
		if got := FormatOf(in); got != want {
			t.Errorf("FormatOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSeveralAgents: a group given two agents has each dose, route and
// course count prefixed with its agent; an outcome with a rate and no
// count is shown but not offered as events of a total.
func TestSeveralAgents(t *testing.T) {
	// {P} is the paper's IRI without its closing bracket.
	const nt = `
{P}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/msckg/ontology#Paper> .
{P}> <http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/msckg/id/source/1> .
{P}> <http://purl.org/dc/terms/issued> "2020"^^<http://www.w3.org/2001/XMLSchema#gYear> .
{P}> <https://w3id.org/msckg/ontology#studies> {P}/cohort/1> .
{P}/cohort/1> <https://w3id.org/msckg/ontology#received> {P}/intervention/1> .
{P}/cohort/1> <https://w3id.org/msckg/ontology#received> {P}/intervention/2> .
{P}/cohort/1> <https://w3id.org/msckg/ontology#hasOutcome> {P}/outcome/1> .
{P}/cohort/1> <https://w3id.org/msckg/ontology#size> "20"^^<http://www.w3.org/2001/XMLSchema#integer> .
{P}/intervention/1> <https://w3id.org/msckg/ontology#agent> <https://w3id.org/msckg/ontology#UmbilicalCordMSC> .
{P}/intervention/1> <https://w3id.org/msckg/ontology#dose> {P}/intervention/1/dose> .
{P}/intervention/1/dose> <http://schema.org/value> "1000000.0"^^<http://www.w3.org/2001/XMLSchema#decimal> .
{P}/intervention/1/dose> <http://schema.org/unitCode> "{cells}/kg" .
{P}/intervention/2> <https://w3id.org/msckg/ontology#agent> <http://id.nlm.nih.gov/mesh/D000069283> .
{P}/intervention/2> <https://w3id.org/msckg/ontology#dose> {P}/intervention/2/dose> .
{P}/intervention/2/dose> <http://schema.org/value> "100"^^<http://www.w3.org/2001/XMLSchema#decimal> .
{P}/intervention/2/dose> <http://schema.org/unitCode> "mg" .
<http://id.nlm.nih.gov/mesh/D000069283> <http://www.w3.org/2000/01/rdf-schema#label> "Rituximab"@en .
<https://w3id.org/msckg/ontology#UmbilicalCordMSC> <http://www.w3.org/2000/01/rdf-schema#label> "Umbilical cord MSC"@en .
{P}/outcome/1> <https://w3id.org/msckg/ontology#outcomeType> <https://w3id.org/msckg/ontology#OverallResponse> .
{P}/outcome/1> <https://w3id.org/msckg/ontology#value> {P}/outcome/1/value> .
{P}/outcome/1/value> <http://schema.org/value> "68"^^<http://www.w3.org/2001/XMLSchema#decimal> .
{P}/outcome/1/value> <http://schema.org/unitCode> "%" .
`
	text := strings.ReplaceAll(nt, "{P}", "<https://w3id.org/msckg/id/paper/doi/10.5555/x")
	qs, err := rdf.NewQuadDecoder(strings.NewReader(text), rdf.NQuads).DecodeAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	tb := FromQuads(qs)
	if len(tb.Rows) != 1 {
		t.Fatalf("%d rows, want 1", len(tb.Rows))
	}
	r := tb.Rows[0]
	for col, want := range map[string]string{
		"cell_product":     "Umbilical cord MSC; Rituximab",
		"dose":             "Umbilical cord MSC: 1×10⁶ cells/kg; Rituximab: 100 mg",
		"n":                "20",
		"overall_response": "68%",
	} {
		if got := r.Cells[col].Text; got != want {
			t.Errorf("%s = %q, want %q", col, got, want)
		}
	}
	if len(tb.Dichotomous) != 0 {
		t.Errorf("a rate alone was offered as events of a total: %+v", tb.Dichotomous)
	}
}
