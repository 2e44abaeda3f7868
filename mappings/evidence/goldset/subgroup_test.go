package goldset

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings/evidence"
)

func TestScoreSubgroups(t *testing.T) {
	g := etmGold()
	g.Facts.Subgroups = []GoldSubgroup{{Of: 0, GoldCohort: GoldCohort{Size: ptrTo(3)},
		Interventions: []GoldIntervention{{Agent: "mkg:UmbilicalCordMSC", Dose: &GoldQuantity{Min: "50000000", Max: "100000000", Unit: "{cells}"}}}}}
	withSub := func(GoldDoc) evidence.Facts {
		f := etmFacts()
		f.Cohorts = append(f.Cohorts, evidence.Cohort{Size: 3, Rule: "subgroup"})
		d := *f.Interventions[0].Dose
		f.Interventions = append(f.Interventions, evidence.Intervention{Agent: f.Interventions[0].Agent, Dose: &d})
		return f
	}
	r := Score([]GoldDoc{g}, withSub)
	for _, typ := range []string{"cohort.size", "intervention.agent", "intervention.dose"} {
		if c := r.ByType[typ]; c.Gold != 2 || c.TP != 2 || c.Predicted != 2 {
			t.Errorf("%s = %+v, want 2 gold, 2 matched", typ, c)
		}
	}
	r = Score([]GoldDoc{g}, func(GoldDoc) evidence.Facts { return etmFacts() })
	if c := r.ByType["cohort.size"]; c.Gold != 2 || c.TP != 1 {
		t.Errorf("without the subgroup cohort.size = %+v, want 1 of 2", c)
	}
}

func TestLoadGoldSubgroups(t *testing.T) {
	sub := func(of, size int) string {
		return strings.Replace(validGold, `"trials":[]`, `"trials":[],"subgroups":[{"of":`+strconv.Itoa(of)+`,"size":`+strconv.Itoa(size)+`,"conditions":[],"priorTherapies":[],"interventions":[{"agent":"mkg:MSC","route":null,"dose":null,"courses":null}]}]`, 1)
	}
	tests := []struct {
		name, text, wantErr string
	}{
		{"no parent", sub(3, 1), "not the index of a cohort"},
		{"not a part", sub(0, 1), "not a part"},
	}
	if !strings.Contains(validGold, `"trials":[]`) {
		t.Fatal("validGold changed; the test edits its trials list")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "x.json"), []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadGold(dir)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
	// A valid subgroup loads: the etm annotation has one.
	docs, err := LoadGold(filepath.Join("..", "..", "..", "testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.ID == "etm" && (len(d.Facts.Subgroups) != 1 || *d.Facts.Subgroups[0].Size != 3) {
			t.Errorf("etm subgroups = %+v", d.Facts.Subgroups)
		}
	}
}
