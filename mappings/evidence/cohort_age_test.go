package evidence

import (
	"testing"

	"github.com/msckg/msckg/ontology"
)

func TestCohortSizeAgeDesignRules(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		size     int
		age      string // QuantityText, "" for none
		ageGroup string
		design   string
	}{
		{"n equals after the patients, age bracket",
			"Adult patients (≥18 years) with SAA (N = 25) were given HLA-haploidentical hematopoietic stem cells (HSCs) combined with UC-MSCs.",
			25, "≥18 a", ontology.Adults, ontology.CohortStudy},
		{"juvenile bracket",
			"Juvenile patients (<18 years) with SAA (n = 103) were given HLA-haploidentical HSC combined with allogenic MSC.",
			103, "<18 a", ontology.Children, ontology.CohortStudy},
		{"median age with a bare range",
			"Eighteen patients with AA whose median age was 28 (7~49) were enrolled,including 10 severe AA.",
			18, "median 28 [7–49] a", ontology.MixedAges, ontology.CohortStudy},
		{"median age of adults",
			"Twelve patients with ITP (median age, 45 years; range, 19–70) received UC-MSCs.",
			12, "median 45 [19–70] a", ontology.Adults, ontology.CohortStudy},
		{"n equals far from any patient noun is not a size",
			"Platelet counts rose in the responders, and the spleen shrank in most (n = 7).",
			0, "", "", ""},
		{"prospective study is a trial",
			"In the present study, we prospectively evaluated the efficacy and safety of MSCs in patients with PGF. Twenty patients with PGF received MSCs.",
			20, "", "", ontology.ClinicalTrial},
		{"few patients stay a case series",
			"Four patients with ITP received UC-MSCs.", 4, "", "", ontology.CaseSeries},
		{"an age that is not an age",
			"Twelve patients with ITP received UC-MSCs; the median age of the cell product was 300 (200~400) days.",
			12, "", "", ontology.CohortStudy},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Abstract: tc.text}
			f := extractInput(t, in)
			var c Cohort
			if len(f.Cohorts) > 0 {
				c = f.Cohorts[0]
			}
			age := ""
			if c.Age != nil {
				age = QuantityText(*c.Age)
			}
			design := ""
			if f.Design != nil {
				design = f.Design.IRI
			}
			if c.Size != tc.size || age != tc.age || c.AgeGroup != tc.ageGroup || design != tc.design {
				t.Errorf("size %d age %q group %q design %q; want %d %q %q %q", c.Size, age, c.AgeGroup, design, tc.size, tc.age, tc.ageGroup, tc.design)
			}
		})
	}
}
