package goldset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings/evidence"
	"github.com/msckg/msckg/ontology"
)

func ptrTo[T any](v T) *T { return &v }

// etmGold is the annotation of the etm seed (Wang et al. 2017), written
// here by hand so the scorer tests do not depend on the corpus files.
func etmGold() GoldDoc {
	return GoldDoc{
		ID: "etm", Abstract: "Four patients with chronic refractory ITP ...", Source: "test",
		Facts: GoldFacts{
			Design: ptrTo("CaseSeries"),
			Cohorts: []GoldCohort{{
				Size: ptrTo(4), Conditions: []string{"mesh:D016553"},
				Refractory: ptrTo(true), DiseasePhase: ptrTo("Chronic"),
			}},
			Interventions: []GoldIntervention{{
				Agent: "mkg:UmbilicalCordMSC", Route: ptrTo("Intravenous"),
				Dose: &GoldQuantity{Min: "50000000", Max: "100000000", Unit: "{cells}"},
			}},
			Outcomes: []GoldOutcome{
				{Type: "CompleteResponse", Patients: ptrTo(3), Timepoint: &GoldQuantity{Value: "12", Unit: "mo"}},
				{Type: "CompleteResponse", Patients: ptrTo(1), Timepoint: &GoldQuantity{Value: "24", Unit: "mo"}},
				{Type: "TimeToResponse", Value: &GoldQuantity{Median: "12.5", Min: "7", Max: "16", Unit: "d"}},
				{Type: "SevereAdverseEvents", Patients: ptrTo(0)},
			},
		},
	}
}

// etmFacts is what a perfect extractor would return for etmGold, in the
// IRI form the extractor really uses.
func etmFacts() evidence.Facts {
	return evidence.Facts{
		Design: &evidence.Design{IRI: ontology.MKG + "CaseSeries"},
		Cohorts: []evidence.Cohort{{
			Size:         4,
			Conditions:   []evidence.Concept{{IRI: ontology.MeSH + "D016553", Label: "ITP"}},
			Refractory:   ptrTo(true),
			DiseasePhase: ontology.MKG + "Chronic",
		}},
		Interventions: []evidence.Intervention{{
			Agent: evidence.Concept{IRI: ontology.MKG + "UmbilicalCordMSC"},
			Route: ontology.MKG + "Intravenous",
			Dose:  &evidence.Quantity{Min: "5E7", Max: "100000000.0", Unit: "{cells}"},
		}},
		Outcomes: []evidence.Outcome{
			{Type: ontology.MKG + "CompleteResponse", Patients: ptrTo(3), Timepoint: &evidence.Quantity{Value: "12", Unit: "mo"}},
			{Type: ontology.MKG + "CompleteResponse", Patients: ptrTo(1), Timepoint: &evidence.Quantity{Value: "24", Unit: "mo"}},
			{Type: ontology.MKG + "TimeToResponse", Value: &evidence.Quantity{Median: "12.50", Min: "7", Max: "16", Unit: "d"}},
			{Type: ontology.MKG + "SevereAdverseEvents", Patients: ptrTo(0)},
		},
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*evidence.Facts)
		// want maps fact type to {gold, predicted, TP}; unlisted types must be all zero.
		want map[string]Counts
	}{
		{
			name:   "perfect",
			mutate: func(*evidence.Facts) {},
			want: map[string]Counts{
				"design": {1, 1, 1}, "cohort.size": {1, 1, 1}, "cohort.condition": {1, 1, 1},
				"cohort.refractory": {1, 1, 1}, "cohort.diseasePhase": {1, 1, 1},
				"intervention.agent": {1, 1, 1}, "intervention.route": {1, 1, 1},
				"intervention.dose": {1, 1, 1}, "outcome": {4, 4, 4}, "outcome.type": {4, 4, 4},
			},
		},
		{
			name: "missing design and one complete response",
			mutate: func(f *evidence.Facts) {
				f.Design = nil
				f.Outcomes = f.Outcomes[1:]
			},
			want: map[string]Counts{
				"design": {1, 0, 0}, "cohort.size": {1, 1, 1}, "cohort.condition": {1, 1, 1},
				"cohort.refractory": {1, 1, 1}, "cohort.diseasePhase": {1, 1, 1},
				"intervention.agent": {1, 1, 1}, "intervention.route": {1, 1, 1},
				"intervention.dose": {1, 1, 1}, "outcome": {4, 3, 3}, "outcome.type": {4, 3, 3},
			},
		},
		{
			name: "wrong dose and wrong patient count",
			mutate: func(f *evidence.Facts) {
				f.Interventions[0].Dose.Max = "10000000" // 1×10(7), a lost digit
				f.Outcomes[0].Patients = ptrTo(4)
			},
			want: map[string]Counts{
				"design": {1, 1, 1}, "cohort.size": {1, 1, 1}, "cohort.condition": {1, 1, 1},
				"cohort.refractory": {1, 1, 1}, "cohort.diseasePhase": {1, 1, 1},
				"intervention.agent": {1, 1, 1}, "intervention.route": {1, 1, 1},
				"intervention.dose": {1, 1, 0}, "outcome": {4, 4, 3}, "outcome.type": {4, 4, 4},
			},
		},
		{
			name: "extra facts",
			mutate: func(f *evidence.Facts) {
				f.Cohorts[0].PriorTherapies = []evidence.Concept{{IRI: ontology.MKG + "IVIG"}}
				f.Cohorts[0].Sex = ontology.MKG + "Female"
				f.Outcomes = append(f.Outcomes, evidence.Outcome{Type: ontology.MKG + "CompleteResponse", Patients: ptrTo(3),
					Timepoint: &evidence.Quantity{Value: "12", Unit: "mo"}})
				f.Trials = []evidence.TrialMention{{ID: "nct01234567"}}
			},
			want: map[string]Counts{
				"design": {1, 1, 1}, "cohort.size": {1, 1, 1}, "cohort.condition": {1, 1, 1},
				"cohort.refractory": {1, 1, 1}, "cohort.diseasePhase": {1, 1, 1},
				"cohort.priorTherapy": {0, 1, 0}, "cohort.sex": {0, 1, 0},
				"intervention.agent": {1, 1, 1}, "intervention.route": {1, 1, 1},
				"intervention.dose": {1, 1, 1}, "outcome": {4, 5, 4}, "outcome.type": {4, 5, 4},
				"trial": {0, 1, 0},
			},
		},
		{
			name: "refractory false is a fact, not an absence",
			mutate: func(f *evidence.Facts) {
				f.Cohorts[0].Refractory = ptrTo(false)
			},
			want: map[string]Counts{
				"design": {1, 1, 1}, "cohort.size": {1, 1, 1}, "cohort.condition": {1, 1, 1},
				"cohort.refractory": {1, 1, 0}, "cohort.diseasePhase": {1, 1, 1},
				"intervention.agent": {1, 1, 1}, "intervention.route": {1, 1, 1},
				"intervention.dose": {1, 1, 1}, "outcome": {4, 4, 4}, "outcome.type": {4, 4, 4},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gold := []GoldDoc{etmGold()}
			r := Score(gold, func(GoldDoc) evidence.Facts {
				f := etmFacts()
				tt.mutate(&f)
				return f
			})
			for _, typ := range FactTypes {
				if got, want := r.ByType[typ], tt.want[typ]; got != want {
					t.Errorf("%s: got %+v, want %+v", typ, got, want)
				}
			}
		})
	}
}

func TestScoreReportsWhatDiffers(t *testing.T) {
	r := Score([]GoldDoc{etmGold()}, func(GoldDoc) evidence.Facts {
		f := etmFacts()
		f.Interventions[0].Dose.Max = "10000000"
		return f
	})
	d := r.Docs[0]
	if len(d.Missed) != 1 || !strings.Contains(d.Missed[0], "max=100000000 {cells}") {
		t.Errorf("Missed = %q, want the gold dose", d.Missed)
	}
	if len(d.Invented) != 1 || !strings.Contains(d.Invented[0], "max=10000000 {cells}") {
		t.Errorf("Invented = %q, want the wrong dose", d.Invented)
	}
}

// TestUncountedStudyWithCountedArms: "fostamatinib (n = 101) or placebo
// (n = 49)" with no total is two cohorts in the gold files; the study
// cohort the arms hang from has no size, and what its arms repeat is
// scored once per arm, not again on it. What they do not repeat (a
// disease phase) is still scored.
func TestUncountedStudyWithCountedArms(t *testing.T) {
	itp := []evidence.Concept{{IRI: ontology.MeSH + "D016553"}}
	gold := GoldDoc{ID: "fit", Source: "test", Facts: GoldFacts{Cohorts: []GoldCohort{
		{Size: ptrTo(101), AgeGroup: ptrTo("Adults"), Conditions: []string{"mesh:D016553"}},
		{Size: ptrTo(49), AgeGroup: ptrTo("Adults"), Conditions: []string{"mesh:D016553"}},
	}}}
	facts := evidence.Facts{Cohorts: []evidence.Cohort{
		{AgeGroup: ontology.Adults, Conditions: itp, DiseasePhase: ontology.MKG + "Persistent"},
		{Part: evidence.PartArm, Size: 101, AgeGroup: ontology.Adults, Conditions: itp},
		{Part: evidence.PartArm, Size: 49, AgeGroup: ontology.Adults, Conditions: itp},
	}}
	r := Score([]GoldDoc{gold}, func(GoldDoc) evidence.Facts { return facts })
	for _, typ := range []string{"cohort.size", "cohort.ageGroup", "cohort.condition"} {
		if c := r.ByType[typ]; c != (Counts{Gold: 2, Predicted: 2, TP: 2}) {
			t.Errorf("%s: %+v, want 2 read, 2 right", typ, c)
		}
	}
	if c := r.ByType["cohort.diseasePhase"]; c.Predicted != 1 || c.TP != 0 {
		t.Errorf("cohort.diseasePhase: %+v, want the study's phase scored (wrong)", c)
	}
	// A counted study cohort is a cohort of the gold files: all scored.
	facts.Cohorts[0].Size = 150
	r = Score([]GoldDoc{gold}, func(GoldDoc) evidence.Facts { return facts })
	if c := r.ByType["cohort.condition"]; c.Predicted != 3 {
		t.Errorf("cohort.condition with a counted study: %+v, want 3 read", c)
	}
}

func TestScoreSumsOverDocuments(t *testing.T) {
	a, b := etmGold(), etmGold()
	b.ID = "etm-copy"
	r := Score([]GoldDoc{a, b}, func(d GoldDoc) evidence.Facts {
		if d.ID == "etm-copy" {
			return evidence.Facts{} // nothing found in the second document
		}
		return etmFacts()
	})
	c := r.ByType["outcome"]
	if c != (Counts{Gold: 8, Predicted: 4, TP: 4}) {
		t.Fatalf("outcome counts = %+v", c)
	}
	if c.Precision() != 1 || c.Recall() != 0.5 || c.F1() != 2.0/3.0 {
		t.Errorf("P/R/F1 = %v/%v/%v, want 1/0.5/0.667", c.Precision(), c.Recall(), c.F1())
	}
}

func TestTable(t *testing.T) {
	r := Score([]GoldDoc{etmGold()}, func(GoldDoc) evidence.Facts { return evidence.Facts{} })
	table := r.Table()
	for _, want := range []string{
		"| fact type | gold | predicted | TP | P | R | F1 |",
		"| outcome | 4 | 0 | 0 | 0.00 | 0.00 | 0.00 |",
		"| **all** | 16 | 0 | 0 | 0.00 | 0.00 | 0.00 |",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	if n := strings.Count(table, "\n"); n != len(FactTypes)+3 {
		t.Errorf("table has %d lines, want %d", n, len(FactTypes)+3)
	}
}

func TestCanonicalNumber(t *testing.T) {
	tests := map[string]string{
		"50000000": "50000000", "5E7": "50000000", "5e+07": "50000000",
		"12.50": "12.5", "0.40": "0.4", "100000000.0": "100000000",
		"-3": "-3", "007": "7", "1.2.3": "1.2.3", "": "",
	}
	for in, want := range tests {
		if got := canonicalNumber(in); got != want {
			t.Errorf("canonicalNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCURIE(t *testing.T) {
	tests := map[string]string{
		"https://w3id.org/msckg/ontology#UmbilicalCordMSC": "mkg:UmbilicalCordMSC",
		"http://id.nlm.nih.gov/mesh/D016553":               "mesh:D016553",
		"mkg:IVIG":                                         "mkg:IVIG",
		" mesh:D013921 ":                                   "mesh:D013921",
		"":                                                 "",
	}
	for in, want := range tests {
		if got := curie(in); got != want {
			t.Errorf("curie(%q) = %q, want %q", in, got, want)
		}
	}
	if got := shortName("https://w3id.org/msckg/ontology#Adults"); got != "Adults" {
		t.Errorf("shortName = %q", got)
	}
}

const validGold = `{"id":"x","doi":null,"pmid":null,"source":"hand","title":"T","abstract":"A.",
 "facts":{"design":"CaseReport","cohorts":[{"size":1,"ageGroup":"Adults","sex":"Female",
 "age":{"value":"41","unit":"a"},"conditions":["mesh:D016553"],"refractory":null,
 "diseasePhase":null,"priorTherapies":["mkg:IVIG"]}],
 "interventions":[{"agent":"mkg:UmbilicalCordMSC","route":null,
 "dose":{"value":"60000000","unit":"{cells}/d"},"courses":7}],
 "outcomes":[{"type":"AdverseEvents","patients":0,"value":null,"timepoint":null}],"trials":[]}}`

func TestLoadGold(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(string) string
		wantErr string // "" means valid
	}{
		{"valid", func(s string) string { return s }, ""},
		{"empty abstract", func(s string) string { return strings.Replace(s, `"A."`, `" "`, 1) }, "abstract is empty"},
		{"non-canonical dose", func(s string) string { return strings.Replace(s, `"60000000"`, `"6e7"`, 1) }, "not a canonical decimal"},
		{"trailing zero", func(s string) string { return strings.Replace(s, `"41"`, `"41.0"`, 1) }, "not a canonical decimal"},
		{"unknown unit", func(s string) string { return strings.Replace(s, `{cells}/d`, `cells/day`, 1) }, `unknown unit "cells/day"`},
		{"unknown outcome type", func(s string) string { return strings.Replace(s, `AdverseEvents`, `SideEffects`, 1) }, `unknown outcome type "SideEffects"`},
		{"unknown design", func(s string) string { return strings.Replace(s, `CaseReport`, `Anecdote`, 1) }, `unknown design`},
		{"misspelt key", func(s string) string { return strings.Replace(s, `"ageGroup"`, `"agGroup"`, 1) }, `unknown field "agGroup"`},
		{"unverified MeSH", func(s string) string { return strings.Replace(s, `D016553`, `D999999`, 1) }, "not in the verified list"},
		{"bad concept", func(s string) string { return strings.Replace(s, `mkg:IVIG`, `IVIG`, 1) }, "neither mesh"},
		{"id not file name", func(s string) string { return strings.Replace(s, `"id":"x"`, `"id":"y"`, 1) }, "does not match the file name"},
		{"negative patients", func(s string) string { return strings.Replace(s, `"patients":0`, `"patients":-1`, 1) }, "negative"},
		{"not JSON", func(string) string { return "{" }, "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "x.json")
			if err := os.WriteFile(path, []byte(tt.edit(validGold)), 0o644); err != nil {
				t.Fatal(err)
			}
			docs, err := LoadGold(dir)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("LoadGold: %v", err)
				}
				if len(docs) != 1 || docs[0].File != path || *docs[0].Facts.Cohorts[0].Size != 1 {
					t.Fatalf("docs = %+v", docs)
				}
				return
			}
			if err == nil {
				t.Fatalf("LoadGold accepted a broken file; want error %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "x.json") {
				t.Errorf("error %q should name x.json and say %q", err, tt.wantErr)
			}
		})
	}
}

func TestLoadGoldEmptyDir(t *testing.T) {
	if _, err := LoadGold(t.TempDir()); err == nil {
		t.Fatal("LoadGold of an empty directory succeeded")
	}
}

// TestGoldCorpusValid keeps the committed gold standard loadable and the
// seed annotations the team agreed on intact.
func TestGoldCorpusValid(t *testing.T) {
	docs, err := LoadGold(filepath.Join("..", "..", "..", "testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 20 {
		t.Errorf("gold corpus has %d documents, want at least 20", len(docs))
	}
	byID := make(map[string]GoldDoc)
	for _, d := range docs {
		byID[d.ID] = d
	}
	etm, ok := byID["etm"]
	if !ok {
		t.Fatal("seed etm missing from the gold corpus")
	}
	// Every fact the team agreed on for the etm seed must be in its gold
	// file (the file may hold more, such as the follow-up).
	r := Score([]GoldDoc{etm}, func(GoldDoc) evidence.Facts { return etmFacts() })
	for _, typ := range FactTypes {
		if c := r.ByType[typ]; c.TP != c.Predicted {
			t.Errorf("etm %s: %+v; gold file and the agreed annotation differ", typ, c)
		}
	}
	if r.Overall.Predicted == 0 || r.Overall.Gold <= r.Overall.Predicted {
		t.Errorf("etm overall %+v: want every agreed fact plus the follow-up", r.Overall)
	}
}
