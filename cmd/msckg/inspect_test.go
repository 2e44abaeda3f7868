package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph"
	"github.com/msckg/msckg/graph/present"
	"github.com/msckg/msckg/mappings/evidence"
)

func TestInspectText(t *testing.T) {
	inRepoRoot(t)
	code, out, stderr := runCLI(t, "", "inspect", "testdata/seeds/002_f14aad962dea6a36.txt", "testdata/seeds/004_d423df0f134d7e60.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"== testdata/seeds/004_d423df0f134d7e60.txt record 1 (line 1, ris)",
		"title          Intravenous infusion umbilical cord-derived mesenchymal stem cell",
		"family \"Wang\", given \"Xiaohua\"",
		"⟦Four patients⟧ with chronic refractory",
		"rule: ",
		"== identity decisions",
		"shared doi 10.3892/etm.2017.4229",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("inspect output lacks %q", want)
		}
	}
}

// Every name split without a comma is printed with why (issue 10: a
// family-first list with CamelCase given names).
func TestInspectNameOrder(t *testing.T) {
	page := "Title: A trial of MSCs in ITP\nAuthor: Pang Yan, Xiao HaoWen, Zhang Hang, Liu ZengHui\nDOI: 10.1000/xyz\n"
	code, out, stderr := runCLI(t, page, "inspect", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"2. Xiao HaoWen  [family \"Xiao\", given \"HaoWen\"]\n    name order   HaoWen is a given name (CamelCase Pinyin)\n",
		"3. Zhang Hang  [family \"Zhang\", given \"Hang\"]\n    name order   Zhang is a family name, Hang is not\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("inspect output lacks %q:\n%s", want, out)
		}
	}
}

func TestInspectJSON(t *testing.T) {
	var got struct {
		Records []struct {
			File   string `json:"file"`
			Record struct {
				Title    string
				Abstract struct{ Text string }
			} `json:"record"`
			Facts []struct {
				Kind  string          `json:"kind"`
				Rule  string          `json:"rule"`
				Spans []evidence.Span `json:"spans"`
			} `json:"facts"`
		} `json:"records"`
		Identity []graph.Explanation `json:"identity"`
		Problems []string            `json:"problems"`
	}
	inspectJSON(t, "testdata/seeds/000_33f487b38e5875d3.txt", &got)
	if len(got.Records) != 1 || len(got.Records[0].Facts) == 0 {
		t.Fatalf("want one record with facts, got %+v", got)
	}
	r := got.Records[0]
	fields := map[string][]rune{"title": []rune(r.Record.Title), "abstract": []rune(r.Record.Abstract.Text)}
	for _, f := range r.Facts {
		if f.Rule == "" {
			t.Errorf("%s fact without a rule", f.Kind)
		}
		for _, sp := range f.Spans {
			text := fields[sp.Field]
			if sp.Start < 0 || sp.End > len(text) || string(text[sp.Start:sp.End]) != sp.Text {
				t.Errorf("%s span %+v does not point at its words", f.Kind, sp)
			}
		}
	}
}

// --json gives each fact as values (issue 12, item 7), the same
// description the table and the report use: not prose.
func TestInspectJSONFactsAreValues(t *testing.T) {
	var got struct {
		Records []struct {
			Facts []present.Fact `json:"facts"`
		} `json:"records"`
	}
	inspectJSON(t, "testdata/seeds/004_d423df0f134d7e60.txt", &got)
	if len(got.Records) != 1 {
		t.Fatalf("want one record, got %d", len(got.Records))
	}
	var outcomes []string
	for _, f := range got.Records[0].Facts {
		if f.Kind == "outcome" {
			outcomes = append(outcomes, f.Concept+" "+f.Result())
		}
		for _, sp := range f.Spans {
			if sp.File != "testdata/seeds/004_d423df0f134d7e60.txt" || sp.Record != 1 {
				t.Errorf("%s %d: span %+v does not name its source record", f.Kind, f.N, sp)
			}
		}
	}
	want := []string{
		"mkg:CompleteResponse 3 patients at 12 mo",
		"mkg:CompleteResponse 1 patient at 24 mo",
		"mkg:TimeToResponse median 12.5 (7–16) d",
		"mkg:SevereAdverseEvents 0 patients",
		"mkg:FollowUp median 17 (13–24) mo",
	}
	if strings.Join(outcomes, "\n") != strings.Join(want, "\n") {
		t.Errorf("outcomes from --json:\n%s\nwant:\n%s", strings.Join(outcomes, "\n"), strings.Join(want, "\n"))
	}
}

// inspectJSON runs inspect --json on a file of the repository and decodes
// its output into v.
func inspectJSON(t *testing.T, file string, v any) {
	t.Helper()
	inRepoRoot(t)
	code, out, stderr := runCLI(t, "", "inspect", "--json", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("inspect --json is not JSON: %v", err)
	}
}
