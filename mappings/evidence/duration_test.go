package evidence

import "testing"

func TestCohortDiseaseDuration(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // QuantityText of the duration, "" for none
		as   string // UnitText, the words it was read from
		rule string
	}{
		{"seed 000 case presentation",
			"We report the case of a 41-year-old woman with a 10-year history of ITP who conceived with a baseline platelet count of 54 × 10⁹/L at 8 weeks of gestation.",
			"10 a", "10-year", "duration-history-of"},
		{"months, an article and a phase word",
			"An 18-month history of chronic ITP was present in a 30-year-old man who received UC-MSCs.",
			"18 mo", "18-month", "duration-history-of"},
		{"history of a condition for years",
			"A 52-year-old man with a history of immune thrombocytopenia for 3 years received UC-MSCs.",
			"3 a", "3 years", "duration-history-for"},
		{"condition for years with a pronoun",
			"She had ITP for 10 years before the infusion of UC-MSCs.",
			"10 a", "10 years", "duration-condition-for"},
		{"disease duration",
			"Twelve patients with ITP had a median disease duration of 5 years and received UC-MSCs.",
			"median 5 a", "5 years", "duration-disease-duration"},
		{"duration of the condition",
			"Four patients with ITP were treated; the duration of ITP was 2.5 years.",
			"2.5 a", "2.5 years", "duration-of-condition"},
		{"no history of bleeding",
			"A 41-year-old woman with ITP and no history of bleeding received UC-MSCs.",
			"", "", ""},
		{"no history of the condition for years",
			"A 41-year-old woman with no history of ITP for 3 years received UC-MSCs.",
			"", "", ""},
		{"a follow-up is not a history",
			"A 41-year-old woman with ITP received UC-MSCs and had a 10-year follow-up.",
			"", "", ""},
		{"negated history with a duration",
			"A 41-year-old woman with no 10-year history of ITP received UC-MSCs.",
			"", "", ""},
		{"history of something else",
			"A 41-year-old woman with a 10-year history of smoking and ITP received UC-MSCs.",
			"", "", ""},
		{"background is not these patients",
			"Background: MSCs have been used to treat ITP for 10 years. Case presentation: A 41-year-old woman with ITP received UC-MSCs.",
			"", "", ""},
		{"condition for years without a person",
			"Four patients with ITP received UC-MSCs. Trials of MSCs in ITP for 10 years were reviewed.",
			"", "", ""},
		{"treated for years is not the disease",
			"A 41-year-old woman with ITP was treated with UC-MSCs for 2 years.",
			"", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Abstract: tc.text}
			f := extractInput(t, in)
			if len(f.Cohorts) == 0 {
				t.Fatalf("no cohort read from %q", tc.text)
			}
			c := f.Cohorts[0]
			got, as := "", ""
			if c.DiseaseDuration != nil {
				got, as = QuantityText(*c.DiseaseDuration), c.DiseaseDuration.UnitText
			}
			if got != tc.want || as != tc.as {
				t.Fatalf("duration %q (as written %q); want %q (%q)", got, as, tc.want, tc.as)
			}
			if tc.want == "" {
				return
			}
			d := c.DiseaseDuration
			if d.Span.Text != tc.as {
				t.Errorf("span text %q, want %q", d.Span.Text, tc.as)
			}
			found := false
			for _, det := range c.Details {
				if det.Property == "diseaseDuration" {
					found = true
					if det.Rule != tc.rule || det.Span != d.Span {
						t.Errorf("detail %+v; want rule %q on %+v", det, tc.rule, d.Span)
					}
				}
			}
			if !found {
				t.Errorf("no diseaseDuration detail in %+v", c.Details)
			}
			if !hasSpan(c.Spans, d.Span) {
				t.Errorf("cohort spans %+v lack the duration span %+v", c.Spans, d.Span)
			}
		})
	}
}

func hasSpan(ss []Span, s Span) bool {
	for _, o := range ss {
		if o == s {
			return true
		}
	}
	return false
}
