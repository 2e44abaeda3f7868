package evidence

import (
	"slices"
	"testing"
)

func TestSubgroupRules(t *testing.T) {
	type sub struct {
		size       int
		words      string   // Spans[0]
		conditions []string // CURIEs
	}
	tests := []struct {
		name string
		text string
		want []sub
	}{
		{"further administration (seed 002)",
			"Four patients with chronic refractory immune thrombocytopenic purpura (ITP) received human umbilical cord-derived mesenchymal stem cells (hUC-MSCs). The hUC-MSC dose was 5×10(7) to 1×10(8). Three patients received the second hUC-MSC transplantation with the same dose.",
			[]sub{{3, "Three patients", []string{"mesh:D016553"}}}},
		{"among the patients",
			"In the present study, the transplantation of autologous perinatal stem cells was conducted in three children with severe aplastic anemia (SAA). Among the three patients, two patients receiving cotransplantation of cord blood HSCs and umbilical cord MSCs (UC-MSCs) achieved a long-term stable recovery of hematopoiesis.",
			[]sub{{2, "two patients", []string{"mesh:D000741"}}}},
		{"split that adds up",
			"Twenty patients with PGF (7 with primary and 13 with secondary PGF) received MSCs (1 × 10(6)/kg) one to three times at 28-day intervals.",
			[]sub{{7, "7", []string{"mkg:PoorGraftFunction"}}, {13, "13", []string{"mkg:PoorGraftFunction"}}}},
		{"given to a part for a condition",
			"Seven patients underwent treatment with mesenchymal stem cells (MSCs), together with allogeneic hematopoietic stem cell transplantation (HSCT). MSCs were given to three patients for graft failure and four patients were included in a pilot study.",
			[]sub{{3, "three patients", []string{"mkg:GraftFailure"}}}},
		{"split that does not add up is not read",
			"Twenty patients with PGF (7 with primary and 12 with secondary PGF) received MSCs.", nil},
		{"a result count is not a subgroup",
			"Four patients with ITP received UC-MSCs. Three patients achieved complete remission.", nil},
		{"a larger count is not a part",
			"Four patients with ITP received UC-MSCs. Twelve patients received the second infusion.", nil},
		{"before the cohort is counted",
			"Three patients received the second UC-MSC infusion. Four patients with ITP were studied.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Extract(Input{Abstract: tc.text})
			checkSpans(t, Input{Abstract: tc.text}, f)
			if len(f.Cohorts) == 0 {
				t.Fatal("no cohort")
			}
			var got []sub
			for _, c := range f.Cohorts[1:] {
				if c.Rule != "subgroup" || c.Part != PartSubgroup || c.Parent != 0 {
					t.Errorf("cohort %+v has rule %q, part %q of %d, want a subgroup of cohort 0", c, c.Rule, c.Part, c.Parent)
				}
				got = append(got, sub{c.Size, c.Spans[0].Text, curies(c.Conditions)})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("subgroups = %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i].size != tc.want[i].size || got[i].words != tc.want[i].words || !slices.Equal(got[i].conditions, tc.want[i].conditions) {
					t.Errorf("subgroup %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestFurtherAdministration(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		schedule string
		dose     bool // the first dose is copied
	}{
		{"same dose", "Four patients with ITP received hUC-MSCs. The hUC-MSC dose was 5×10(7) to 1×10(8). Three patients received the second hUC-MSC transplantation with the same dose.", "second hUC-MSC transplantation", true},
		{"no dose said", "Four patients with ITP received hUC-MSCs at 1 × 10(6) cells/kg. Two patients received a second infusion.", "second infusion", false},
		{"a part given the same product again, no repeat word", "Four patients with ITP received hUC-MSCs. Two patients received hUC-MSCs with the same dose.", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Extract(Input{Abstract: tc.text})
			if tc.schedule == "" {
				if len(f.Interventions) != 1 {
					t.Fatalf("interventions = %+v, want only the first", f.Interventions)
				}
				return
			}
			if len(f.Interventions) != 2 || len(f.Cohorts) != 2 {
				t.Fatalf("%d interventions, %d cohorts", len(f.Interventions), len(f.Cohorts))
			}
			iv := f.Interventions[1]
			if iv.Schedule != tc.schedule || iv.Agent != f.Interventions[0].Agent || iv.Rule != "further-administration" {
				t.Errorf("further administration = %+v", iv)
			}
			if (iv.Dose != nil) != tc.dose {
				t.Errorf("dose = %+v, want copied: %v", iv.Dose, tc.dose)
			}
			if !slices.Contains(f.Cohorts[1].Interventions, 1) || slices.Contains(f.Cohorts[0].Interventions, 1) {
				t.Errorf("cohort links %v / %v", f.Cohorts[0].Interventions, f.Cohorts[1].Interventions)
			}
		})
	}
}
