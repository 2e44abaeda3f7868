package evidence

import (
	"slices"
	"strconv"
	"testing"

	"github.com/msckg/msckg/ontology"
)

// otherOutcomes lists "label patients" of the OtherOutcomes of a rule.
func otherOutcomes(f Facts, rule string) []string {
	var out []string
	for _, o := range f.Outcomes {
		if o.Rule != rule {
			continue
		}
		if o.Type != ontology.OtherOutcome {
			out = append(out, "wrong type "+o.Type)
		}
		p := "?"
		if o.Patients != nil {
			p = strconv.Itoa(*o.Patients)
		}
		out = append(out, o.Label+" "+p)
	}
	return out
}

func TestNegatedEvents(t *testing.T) {
	const bmcBackground = "Background: Immune thrombocytopenia (ITP) during pregnancy poses unique therapeutic challenges due to the risk of maternal hemorrhage, fetal thrombocytopenia, and the safety limitations of standard treatments such as corticosteroids and intravenous immunoglobulin (IVIG).\n"
	tests := []struct {
		name, text string
		want       []string
	}{
		{"bmc case presentation",
			bmcBackground + "Case presentation: We report the case of a 41-year-old woman with ITP. No infusion-related adverse events were observed. The pregnancy was uneventful, with no maternal hemorrhage or fetal growth restriction, and both mother and neonate had favorable outcomes.",
			[]string{"Maternal haemorrhage 0", "Fetal growth restriction 0"}},
		{"background risk alone is no outcome", bmcBackground, nil},
		{"fillers: no signs of bleeding",
			"Results: Ten patients received MSCs. There were no signs of bleeding or thrombosis.",
			[]string{"Bleeding 0", "Thrombosis 0"}},
		{"said twice is one fact",
			"Results: Ten patients received MSCs. No bleeding was seen after the first course. No bleeding was seen after the second course.",
			[]string{"Bleeding 0"}},
		{"no increase in the risk is not an absence",
			"Results: Ten patients received MSCs, with no increase in the risk of hemorrhage.", nil},
		{"hedged sentence",
			"Results: Ten patients received MSCs. MSCs may cause no bleeding in pregnancy.", nil},
		{"conclusions generalise",
			"Results: Ten patients received MSCs.\nConclusions: MSC therapy without maternal hemorrhage is a goal for future studies.", nil},
		{"an event that happened is not negated",
			"Results: Ten patients received MSCs. One patient had a postpartum hemorrhage.", nil},
		{"a clause break ends the negation",
			"Results: Ten patients received MSCs. No adverse events occurred; bleeding was reported in one.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Abstract: tc.text}
			f := extractInput(t, in)
			if got := otherOutcomes(f, "event-negated"); !slices.Equal(got, tc.want) {
				t.Errorf("negated events = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFindingChanges(t *testing.T) {
	const medicine = "Outcomes: As the patient's skin rash resolved, his platelets gradually increased to >150 × 10 9 /L and liver transaminase levels gradually decreased to a normal level. Ultrasonography of the abdomen indicated that the round nodules in the liver decreased in size and that the spleen thickness also decreased."
	tests := []struct {
		name, text string
		want       []string
	}{
		{"medicine outcomes", "Patient concerns: A 12-year-old boy with thrombocytopenia.\n" + medicine,
			[]string{"Skin rash resolved ?", "Transaminases normalised ?", "Liver nodules decreased in size ?", "Spleen thickness decreased ?"}},
		{"negated change", "Results: Ten patients received MSCs. The rash did not resolve and transaminases were not normalized.", nil},
		{"other words between finding and change",
			"Results: Ten patients received MSCs. The rash spread to the trunk and later resolved.", nil},
		{"background", "Background: In most patients the skin rash resolved with steroids.", nil},
		{"hedged", "Results: Ten patients received MSCs. Transaminases may have normalized.", nil},
		{"conclusions", "Results: Ten patients received MSCs.\nConclusions: With MSCs, transaminase levels returned to normal.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Abstract: tc.text}
			f := extractInput(t, in)
			if got := otherOutcomes(f, "finding-changed"); !slices.Equal(got, tc.want) {
				t.Errorf("finding changes = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPlateletTimepointAfterValue(t *testing.T) {
	tests := []struct {
		name, text string
		at, words  string // QuantityText of the timepoint, and its words
	}{
		{"bmc baseline", "Case presentation: We report the case of a 41-year-old woman with a 10-year history of ITP who conceived with a baseline platelet count of 54 × 10⁹/L at 8 weeks of gestation.",
			"8 wk", "8 weeks of gestation"},
		{"after treatment", "Results: The platelet count of the patient was 80 × 10⁹/L after 4 weeks.", "4 wk", "4 weeks"},
		{"a time not right after the value", "Results: The platelet count was 80 × 10⁹/L and stayed stable for 4 weeks.", "", ""},
		{"named time only", "Results: Platelet counts rose to 154 × 10⁹/L postpartum.", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Abstract: tc.text}
			f := extractInput(t, in)
			var at, words string
			for _, o := range f.Outcomes {
				if o.Type == ontology.PlateletCount && o.Timepoint != nil {
					at, words = QuantityText(*o.Timepoint), o.Timepoint.UnitText
				}
			}
			if at != tc.at || words != tc.words {
				t.Errorf("timepoint = %q (%q), want %q (%q)", at, words, tc.at, tc.words)
			}
		})
	}
}

func TestCohortPregnancy(t *testing.T) {
	const bg = "Background: Immune thrombocytopenia (ITP) during pregnancy poses unique therapeutic challenges.\n"
	tests := []struct {
		name, text string
		want       bool
	}{
		{"bmc: conceived", bg + "Case presentation: We report the case of a 41-year-old woman with a 10-year history of ITP who conceived with a baseline platelet count of 54 × 10⁹/L at 8 weeks of gestation.", true},
		{"during pregnancy, she", "Case presentation: A 30-year-old woman with ITP. During pregnancy, she received MSCs.", true},
		{"background only", bg + "Case presentation: A 30-year-old woman with ITP received MSCs.", false},
		{"negated", "Results: Twenty women with ITP received MSCs. None of the women was pregnant.", false},
		{"exclusion criteria", "Methods: Twenty women with ITP received MSCs; pregnant women were excluded.", false},
		{"conclusions", "Results: Twenty women with ITP received MSCs.\nConclusions: Their use during pregnancy needs study.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Abstract: tc.text}
			f := extractInput(t, in)
			got := false
			for _, c := range f.Cohorts {
				for _, k := range c.Conditions {
					got = got || k.IRI == ontology.Pregnancy
				}
			}
			if got != tc.want {
				t.Errorf("pregnancy = %v, want %v (cohorts %+v)", got, tc.want, f.Cohorts)
			}
		})
	}
}
