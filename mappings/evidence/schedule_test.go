package evidence

import "testing"

func TestScheduleRules(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		schedule string
		courses  int
	}{
		{"per week for N weeks (pang2017)",
			"Seventy‐four patients from seven centers received allogeneic BM‐MSCs at a dose of 1–2 × 106 cells/kg per week for 4 weeks.",
			"per week for 4 weeks", 4},
		{"weekly for N consecutive weeks (chen2024)",
			chenCohort + "The research design included administering UC-MSCs at escalating doses of 0.5 × 106 cells/kg weekly for four consecutive weeks across three cohorts.",
			"weekly for four consecutive weeks", 4},
		{"days per course (bmc) keeps the counted courses",
			"During pregnancy, she self-initiated UC-MSCs infusions outside guideline-directed care (five courses, 60 × 10⁶ cells/day for three consecutive days per course), followed by two postpartum courses.",
			"for three consecutive days per course", 7},
		{"times per week in months is words only (medicine)",
			"A 12-year-old boy presented to our hospital with an 11-month history of purpura. ucMSCs were injected 8 times/wk in 2 months, with a median cell count of 5.65 × 10 7 /L.",
			"8 times/wk in 2 months", 0},
		{"once or twice a week is words only",
			"UC-MSC were given to the patients 1 × 106/kg once or twice a week.",
			"once or twice a week", 0},
		{"a schedule of another drug is not the agent's",
			"Patients received UC-MSCs. Dexamethasone was given weekly for 4 weeks.",
			"", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Abstract: tc.text}
			f := extractInput(t, in)
			if len(f.Interventions) == 0 {
				t.Fatal("no intervention")
			}
			iv := f.Interventions[0]
			if iv.Schedule != tc.schedule || iv.Courses != tc.courses {
				t.Errorf("schedule %q, courses %d; want %q, %d", iv.Schedule, iv.Courses, tc.schedule, tc.courses)
			}
		})
	}
}
