package goldset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
)

const validUnseen = `{"id":"x","url":"https://example.org/a","sourceKind":"publisher","topic":"msc-itp",
 "kind":"Paper","meta":{"title":"T","authors":[{"family":"Liu","given":"Xiao Dan"}],"year":2012,
 "journal":"J","doi":"10.1000/abc","pmid":"123","trials":["NCT01234567"]},
 "facts":{"design":"CaseSeries","cohorts":[{"size":4,"ageGroup":null,"sex":null,"age":null,
 "conditions":["mesh:D016553"],"refractory":true,"diseasePhase":null,"priorTherapies":[]}],
 "interventions":[{"agent":"mkg:UmbilicalCordMSC","route":null,"dose":null,"courses":null}],
 "outcomes":[],"trials":[]},"notes":""}`

func writeUnseen(t *testing.T, json string, withText bool) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.json"), []byte(json), 0o644); err != nil {
		t.Fatal(err)
	}
	if withText {
		if err := os.WriteFile(filepath.Join(dir, "x.txt"), []byte("T\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadUnseen(t *testing.T) {
	tests := []struct {
		name, from, to, wantErr string
	}{
		{"valid", "", "", ""},
		{"proposed drug agent", `mkg:UmbilicalCordMSC`, `mkg:Eltrombopag`, ""},
		{"unverified MeSH", `mesh:D016553`, `mesh:D999999`, "not in the verified list"},
		{"malformed agent", `mkg:UmbilicalCordMSC`, `mkg:umbilical cord`, "neither mesh"},
		{"unknown source kind", `"publisher"`, `"blog"`, `sourceKind: unknown value "blog"`},
		{"unknown topic", `"msc-itp"`, `"msc"`, `topic: unknown value`},
		{"unknown kind", `"Paper"`, `"Article"`, `kind: unknown value`},
		{"upper-case DOI", `10.1000/abc`, `10.1000/ABC`, "not a lower-case DOI"},
		{"PMID with letters", `"123"`, `"PMID123"`, "not a PubMed id"},
		{"id not the file name", `"id":"x"`, `"id":"y"`, "does not match the file name"},
		{"misspelt key", `"sourceKind"`, `"source"`, `unknown field "source"`},
		{"empty family name", `"family":"Liu"`, `"family":" "`, "family is empty"},
		{"no url", `https://example.org/a`, `example.org/a`, "not the page's http(s) address"},
		{"a non-record with metadata", `"kind":"Paper"`, `"kind":"NotARecord"`, "has no metadata"},
		{"bad fact", `"size":4`, `"size":0`, "not a patient count"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			js := validUnseen
			if tt.from != "" {
				if !strings.Contains(js, tt.from) {
					t.Fatalf("validUnseen lacks %q", tt.from)
				}
				js = strings.Replace(js, tt.from, tt.to, 1)
			}
			docs, err := LoadUnseen(writeUnseen(t, js, true))
			if tt.wantErr == "" {
				if err != nil || len(docs) != 1 || docs[0].TextFile == "" {
					t.Fatalf("LoadUnseen = %+v, %v", docs, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "x.json") {
				t.Errorf("err = %v, want one naming x.json and saying %q", err, tt.wantErr)
			}
		})
	}
}

func TestLoadUnseenPairs(t *testing.T) {
	if _, err := LoadUnseen(writeUnseen(t, validUnseen, false)); err == nil || !strings.Contains(err.Error(), "no page text x.txt") {
		t.Errorf("annotation without page: err = %v", err)
	}
	dir := writeUnseen(t, validUnseen, true)
	if err := os.WriteFile(filepath.Join(dir, "y.txt"), []byte("page"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadUnseen(dir); err == nil || !strings.Contains(err.Error(), "without an annotation y.json") {
		t.Errorf("page without annotation: err = %v", err)
	}
	// The lock, floors and notes are not records.
	dir = writeUnseen(t, validUnseen, true)
	for _, f := range []string{"LOCK.tsv", "floors.tsv", "NOTES-b.md"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("#\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if docs, err := LoadUnseen(dir); err != nil || len(docs) != 1 {
		t.Errorf("with side files: %d docs, %v", len(docs), err)
	}
	if _, err := LoadUnseen(t.TempDir()); err == nil {
		t.Error("an empty folder loaded")
	}
}

func TestInitials(t *testing.T) {
	tests := map[string]string{
		"Xiao Dan": "XD", "Xiao-Dan": "XD", "XD": "XD", "HaoWen": "HW", "B.": "B",
		"B": "B", "Zeng‐Hui": "ZH", "Irene": "I", "J. M.": "JM", "": "", "Yongping": "Y",
		"JOHN": "J", "de la": "DL",
	}
	for in, want := range tests {
		if got := Initials(in); got != want {
			t.Errorf("Initials(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPageAtoms(t *testing.T) {
	gold := PageMeta{
		Title:   ptrTo("Favorable response of  chronic refractory ITP."),
		Authors: []GoldAuthor{{"Fang", "B."}, {"Mai", "L."}, {"Song", "Yongping"}},
		Year:    ptrTo(2012), Journal: ptrTo("Stem Cells and Development"),
		DOI: ptrTo("10.1089/scd.2011.0231"), Trials: []string{"nct01234567"},
	}
	rec := &mappings.Record{
		Title: "Favorable response of chronic refractory ITP",
		Authors: []mappings.Author{{Family: "Fang", Given: "B"}, {Family: "L", Given: "Mai"},
			{Family: "Song", Given: "Y"}, {AsWritten: "ITP Study Group", Collective: true}},
		Issued:  mappings.Date{Year: 2012},
		Journal: mappings.Journal{Title: "Stem cells and development.", Abbrev: "Stem Cells Dev"},
		DOI:     "10.1089/SCD.2011.0231", TrialIDs: []string{"NCT01234567"},
	}
	r := newReport(MetaTypes)
	r.add("fang", metaAtoms("Paper", gold), readingAtoms(Reading{Record: rec}, gold))
	want := map[string]Counts{
		"meta.kind": {1, 1, 1}, "meta.title": {1, 1, 1}, "meta.author": {3, 4, 2},
		"meta.year": {1, 1, 1}, "meta.journal": {1, 1, 1}, "meta.doi": {1, 1, 1},
		"meta.pmid": {0, 0, 0}, "meta.trial": {1, 1, 1},
	}
	for _, typ := range MetaTypes {
		if got := r.ByType[typ]; got != want[typ] {
			t.Errorf("%s = %+v, want %+v (%v / %v)", typ, got, want[typ], r.Docs[0].Missed, r.Docs[0].Invented)
		}
	}
	// A declined page predicts only its kind; a registration is a Trial.
	r = newReport(MetaTypes)
	r.add("declined", metaAtoms("NotARecord", PageMeta{}), readingAtoms(Reading{Declined: "no"}, PageMeta{}))
	r.add("trial", metaAtoms("Trial", PageMeta{}), readingAtoms(Reading{Record: &mappings.Record{Trial: &mappings.TrialRecord{ID: "NCT01234567"}}}, PageMeta{}))
	if c := r.ByType["meta.kind"]; c != (Counts{2, 2, 2}) {
		t.Errorf("kind = %+v", c)
	}
	if c := r.ByType["meta.trial"]; c != (Counts{0, 1, 0}) {
		t.Errorf("trial = %+v", c)
	}
}

func TestFloors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "floors.tsv")
	write := func(s string) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, bad := range []string{"meta.titel\t0.5\n", "meta.title 0.5\n", "meta.title\t1.5\n", "meta.title\t0.5\nmeta.title\t0.6\n"} {
		write(bad)
		if _, err := ReadFloors(path); err == nil || !strings.Contains(err.Error(), "floors.tsv:") {
			t.Errorf("%q: err = %v, want one with file:line", bad, err)
		}
	}
	var test PageReport
	test.Meta = newReport(MetaTypes)
	test.Clinical = newReport(FactTypes)
	test.Meta.ByType["meta.title"] = Counts{Gold: 10, Predicted: 3, TP: 2}   // 0.6666…
	test.Meta.ByType["meta.doi"] = Counts{Gold: 10, Predicted: 10, TP: 9}    // below its old floor
	test.Clinical.ByType["design"] = Counts{Gold: 10, Predicted: 10, TP: 10} // new
	out := RaiseFloors(map[string]Floor{"meta.title": 0.5, "meta.doi": 0.95}, test)
	write(out)
	got, err := ReadFloors(path)
	if err != nil {
		t.Fatal(err)
	}
	if got["meta.title"] != 0.6666 || got["meta.doi"] != 0.95 || got["design"] != 1 || got["meta.pmid"] != NoFloor {
		t.Errorf("raised floors = %v\n%s", got, out)
	}
	if len(got) != len(MetaTypes)+len(FactTypes)-len(Unfloored) {
		t.Errorf("%d floors, want one per floored type", len(got))
	}
	for typ := range Unfloored {
		if _, ok := got[typ]; ok {
			t.Errorf("%s floored, but it is a view another type floors whole", typ)
		}
	}
}

func TestLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "LOCK.tsv")
	entries := []LockEntry{{"b", strings.Repeat("a", 64), strings.Repeat("b", 64)}}
	if err := os.WriteFile(path, []byte(FormatLock(entries)), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadLock(path)
	if err != nil || len(got) != 1 || got[0] != entries[0] {
		t.Fatalf("ReadLock = %+v, %v", got, err)
	}
	if err := os.WriteFile(path, []byte("b\tshort\tshort\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadLock(path); err == nil || !strings.Contains(err.Error(), "LOCK.tsv:1") {
		t.Errorf("malformed lock: err = %v", err)
	}
}
