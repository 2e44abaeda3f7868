package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/table"
)

// armInputs are the samples with the two two-arm trials of the fixtures.
var armInputs = []string{"testdata/seeds", "testdata/arms/ris-mazzucconi2024-blood-adv.ris", "testdata/linking/medline-trial.nbib"}

// evidenceRows runs msckg table with args and reads the CSV it wrote back
// with encoding/csv, as a header and rows keyed by column.
func evidenceRows(t *testing.T, args ...string) ([]string, []map[string]string) {
	t.Helper()
	code, out, stderr := runCLI(t, "", append([]string{"table"}, args...)...)
	if code != exitOK {
		t.Fatalf("msckg table %v: exit %d\n%s", args, code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v\n%s", err, out)
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, c := range recs[0] {
			m[c] = r[i]
		}
		rows = append(rows, m)
	}
	return recs[0], rows
}

func findRow(t *testing.T, rows []map[string]string, doi, group string) map[string]string {
	t.Helper()
	for _, r := range rows {
		if r["doi"] == doi && r["group"] == group {
			return r
		}
	}
	t.Fatalf("no row for %s %q", doi, group)
	return nil
}

// TestTableGolden writes the evidence table, its spans and the
// dichotomous outcomes of the samples and two-arm fixtures, compared
// with the reviewed files in testdata/golden.
func TestTableGolden(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	for _, c := range []struct{ flag, file string }{
		{"", "table.csv"},
		{"--spans", "table-spans.csv"},
		{"--dichotomous", "dichotomous.csv"},
	} {
		out := filepath.Join(dir, c.file)
		args := []string{"table", "-o", out}
		if c.flag != "" {
			args = append(args, c.flag)
		}
		if code, _, stderr := runCLI(t, "", append(args, armInputs...)...); code != exitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
		golden(t, out, filepath.Join("testdata/golden", c.file))
	}
}

// TestTableRows checks the rows a reviewer quotes: the Exp Ther Med case
// series, and each arm of the two-arm trials with its own size and
// responders of a total at its time point.
func TestTableRows(t *testing.T) {
	inRepoRoot(t)
	header, rows := evidenceRows(t, armInputs...)
	if !slices.Equal(header, table.Columns) {
		t.Errorf("header %q, want %q", header, table.Columns)
	}
	for _, c := range []struct {
		doi, group string
		want       map[string]string
	}{
		{"10.3892/etm.2017.4229", "cohort 1", map[string]string{
			"study": "Wang 2017", "kind": "study cohort", "n": "4", "design": "Case series",
			"condition": "Immune thrombocytopenia", "refractory": "true", "disease_phase": "Chronic",
			"cell_product": "Umbilical cord mesenchymal stem cells", "dose": "5×10⁷–1×10⁸ cells", "route": "intravenous",
			"follow_up": "median 17 (13–24) mo", "complete_response": "3 patients at 12 mo; 1 patient at 24 mo",
			"time_to_response": "median 12.5 (7–16) d", "adverse_events": "Severe adverse events: 0 patients",
			"pmid": "28565834",
		}},
		{"10.3892/etm.2017.4229", "subgroup 2 of cohort 1", map[string]string{"kind": "subgroup", "n": "3"}},
		{"10.1182/bloodadvances.2023010975", "cohort 1", map[string]string{
			"kind": "study cohort", "n": "113", "overall_response": "", "trial_ids": "NCT00657410",
		}},
		{"10.1182/bloodadvances.2023010975", "Arm A", map[string]string{
			"kind": "arm", "n": "59",
			"overall_response": "44/56 (78.57%) at 42 d; 26/43 (60.47%) at 180 d; 25/31 (80.65%) at 12 mo",
		}},
		{"10.1182/bloodadvances.2023010975", "Arm B", map[string]string{
			"kind": "arm", "n": "54",
			"overall_response": "46/49 (93.88%) at 46 d; 23/39 (58.97%) at 180 d; 20/36 (55.56%) at 12 mo",
		}},
		{"10.5555/hillcrest.2018.002", "the combination arm", map[string]string{
			"kind": "arm", "role": "Treatment arm", "n": "31", "overall_response": "21/31 (68%) at 12 wk",
			"cell_product": "Umbilical cord mesenchymal stem cells", "dose": "1×10⁶ cells/kg", "courses": "4",
			"trial_ids": "NCT99000017",
		}},
		{"10.5555/hillcrest.2018.002", "the rituximab arm", map[string]string{
			"kind": "arm", "role": "Comparator arm", "n": "31", "overall_response": "13/31 (42%) at 12 wk",
			"cell_product": "", "dose": "",
		}},
	} {
		r := findRow(t, rows, c.doi, c.group)
		for col, want := range c.want {
			if r[col] != want {
				t.Errorf("%s %s: %s = %q, want %q", c.doi, c.group, col, r[col], want)
			}
		}
	}
	// Rows are sorted by study, then by group number.
	var order []string
	for _, r := range rows {
		order = append(order, r["study"]+"|"+strings.TrimPrefix(r["group_iri"], r["paper"]))
	}
	if !slices.IsSorted(order) {
		t.Errorf("rows not in study, group order: %q", order)
	}
}

// TestTableDichotomous: only outcomes stated as events of a total, one
// line per arm and time point, in the columns R's meta and metafor take.
func TestTableDichotomous(t *testing.T) {
	inRepoRoot(t)
	header, rows := evidenceRows(t, append([]string{"--dichotomous"}, armInputs...)...)
	if !slices.Equal(header, table.DichotomousColumns) {
		t.Errorf("header %q", header)
	}
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join([]string{r["study"], r["arm"], r["role"], r["outcome"], r["time"], r["time_unit"], r["event"], r["n"]}, ","))
	}
	want := []string{
		"Mazzucconi 2024,Arm A,,Overall response,42,d,44,56",
		"Mazzucconi 2024,Arm A,,Overall response,180,d,26,43",
		"Mazzucconi 2024,Arm A,,Overall response,12,mo,25,31",
		"Mazzucconi 2024,Arm B,,Overall response,46,d,46,49",
		"Mazzucconi 2024,Arm B,,Overall response,180,d,23,39",
		"Mazzucconi 2024,Arm B,,Overall response,12,mo,20,36",
		"Zhou 2018,the rituximab arm,Comparator arm,Overall response,12,wk,13,31",
		"Zhou 2018,the combination arm,Treatment arm,Overall response,12,wk,21,31",
	}
	if !slices.Equal(got, want) {
		t.Errorf("dichotomous rows:\n got %q\nwant %q", got, want)
	}
}

// TestTableSpans: every cell read from text names words that are in its
// source record's field at the offsets given.
func TestTableSpans(t *testing.T) {
	inRepoRoot(t)
	header, rows := evidenceRows(t, append([]string{"--spans"}, armInputs...)...)
	if !slices.Equal(header, table.SpanColumns) {
		t.Errorf("header %q", header)
	}
	found := false
	for _, r := range rows {
		if r["exact"] == "" || r["file"] == "" || r["start"] == "" {
			t.Errorf("span without its words or place: %v", r)
		}
		if r["study"] == "Zhou 2018" && r["group"] == "the combination arm" && r["column"] == "overall_response" &&
			strings.Contains(r["exact"], "21 of 31") {
			found = true
		}
	}
	if !found {
		t.Error("the combination arm's 21/31 does not name the words it was read from")
	}
}

func TestTableFormats(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	_, rows := evidenceRows(t, armInputs...)
	for _, c := range []struct{ args []string }{
		{[]string{"-o", filepath.Join(dir, "t.md")}},
		{[]string{"--format", "md", "-o", filepath.Join(dir, "t.txt")}},
	} {
		if code, _, stderr := runCLI(t, "", append(append([]string{"table"}, c.args...), armInputs...)...); code != exitOK {
			t.Fatalf("%v: exit %d\n%s", c.args, code, stderr)
		}
		b, err := os.ReadFile(c.args[len(c.args)-1])
		if err != nil {
			t.Fatal(err)
		}
		markdownShape(t, string(b), len(rows)+1, len(table.Columns))
	}
	out := filepath.Join(dir, "t.tsv")
	if code, _, stderr := runCLI(t, "", append([]string{"table", "-o", out}, armInputs...)...); code != exitOK {
		t.Fatalf("tsv: exit %d\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(string(mustRead(t, out)), "\n"), "\n")
	if len(lines) != len(rows)+1 {
		t.Errorf("TSV has %d lines, want %d", len(lines), len(rows)+1)
	}
	for i, l := range lines {
		if n := strings.Count(l, "\t") + 1; n != len(table.Columns) {
			t.Errorf("TSV line %d has %d fields, want %d", i, n, len(table.Columns))
		}
	}
}

// markdownShape fails t unless text is a Markdown table of rows lines
// (header included) and cols columns.
func markdownShape(t *testing.T, text string, rows, cols int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != rows+1 {
		t.Fatalf("%d lines, want %d rows and a separator", len(lines), rows)
	}
	if want := "|" + strings.Repeat("---|", cols); lines[1] != want {
		t.Errorf("separator %q, want %q", lines[1], want)
	}
	for i, l := range lines {
		cells := strings.Split(strings.ReplaceAll(strings.ReplaceAll(l, `\\`, ""), `\|`, ""), "|")
		if !strings.HasPrefix(l, "| ") && i != 1 || len(cells) != cols+2 {
			t.Errorf("line %d is not a row of %d cells: %q", i, cols, l)
		}
	}
}

// TestTableOrder: the inputs in another order give the same bytes.
func TestTableOrder(t *testing.T) {
	inRepoRoot(t)
	_, a, _ := runCLI(t, "", append([]string{"table", "--spans"}, armInputs...)...)
	rev := slices.Clone(armInputs)
	slices.Reverse(rev)
	_, b, _ := runCLI(t, "", append([]string{"table", "--spans"}, rev...)...)
	if a != b || a == "" {
		t.Error("msckg table gives other bytes for the same inputs in another order")
	}
}

func TestTableUsage(t *testing.T) {
	inRepoRoot(t)
	for _, args := range [][]string{
		{"table"},
		{"table", "--spans", "--dichotomous", "testdata/seeds"},
		{"table", "-o", "t.xlsx", "testdata/seeds"},
		{"table", "--format", "json", "testdata/seeds"},
		{"table", "--from", "nosuch", "testdata/seeds"},
	} {
		if code, _, stderr := runCLI(t, "", args...); code != exitUsage || stderr == "" {
			t.Errorf("%v: exit %d, want %d with a message; stderr %q", args, code, exitUsage, stderr)
		}
	}
}
