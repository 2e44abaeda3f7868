package evidence

import (
	"slices"
	"testing"

	"github.com/msckg/msckg/ontology"
)

func drugAgents(f Facts) []string {
	var out []string
	for _, iv := range f.Interventions {
		out = append(out, ontology.CompactIRI(iv.Agent.IRI))
	}
	return out
}

// Sentence shapes from the development pages of ITP trials of other drugs.
func TestDrugGivenToPatients(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              []string
	}{
		{"patients received (decitabine pilot)", "",
			"Herein, we evaluated the safety and efficacy of low-dose decitabine in nine children with persistent thrombocytopenia after HSCT. Patients received decitabine at 3.5 mg/m2, 5 mg/m2 or 10 mg/m2 respectively for three to five consecutive days.",
			[]string{"mkg:Decitabine"}},
		{"failed first-line treatments and received (pooled romiplostim)", "",
			"This analysis of pooled data from 9 studies included patients with ITP for ≤1 year (n = 311) or >1 year (n = 726) who failed first-line treatments and received romiplostim, placebo or standard of care.",
			[]string{"mkg:Romiplostim"}},
		{"allocated to receive (IVIg trial)", "",
			"In this multicenter randomized trial, children aged 3 months to 16 years with newly diagnosed ITP were enrolled. Two hundred six children were allocated to receive IVIg (n = 102) or careful observation (n = 104).",
			[]string{"mkg:IVIG"}},
		{"randomized 2:1 to", "",
			"In two parallel, phase 3, randomized, placebo-controlled trials, 150 patients with persistent/chronic ITP were randomized 2:1 to fostamatinib (n = 101) or placebo (n = 49).",
			[]string{"mkg:Fostamatinib"}},
		{"prior therapy: had received", "",
			"Twenty patients with chronic ITP who had received rituximab were enrolled.", nil},
		{"prior therapy: refractory to, then the study's product", "",
			"Twenty patients refractory to rituximab received umbilical cord mesenchymal stem cells.",
			[]string{"mkg:UmbilicalCordMSC"}},
		{"after-clause", "",
			"After IVIG pulse therapy, 20 patients received dexamethasone.", nil},
		{"conditioning drugs are the transplant's", "",
			"Twenty patients received conditioning with busulfan and cyclophosphamide before transplantation.", nil},
		{"a numbered part of the cohort (rescue)", "",
			"Thirty patients with ITP were enrolled. Two patients received platelet transfusion.", nil},
		{"a share of the patients is an outcome's group", "",
			"A platelet response was observed among 59% and 70% of the patients receiving eltrombopag, 50 mg daily.", nil},
		{"control group", "",
			"Forty patients were enrolled; the control group received dexamethasone.", nil},
		{"background", "",
			"Background: Patients with ITP usually received corticosteroids as first-line therapy. Methods: We enrolled 20 patients.", nil},
		{"MSC present: the drug the control arm received stays out", "",
			"Forty patients received umbilical cord mesenchymal stem cells; the control group received rhTPO.",
			[]string{"mkg:UmbilicalCordMSC"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := drugAgents(Extract(Input{Title: tc.title, Abstract: tc.text}))
			if !slices.Equal(got, tc.want) {
				t.Errorf("agents = %v, want %v", got, tc.want)
			}
		})
	}
}

// Title shapes: "X for the treatment of <condition>" in a record whose
// design says it has patients of its own.
func TestDrugInTitle(t *testing.T) {
	const trial = "In this phase 3 randomized trial, 150 patients were enrolled."
	tests := []struct {
		name, title, text string
		want              []string
	}{
		{"for the treatment of (fostamatinib)",
			"Fostamatinib for the treatment of adult persistent and chronic immune thrombocytopenia: Results of two phase 3, randomized, placebo-controlled trials",
			trial, []string{"mkg:Fostamatinib"}},
		{"X in <condition>: a case series",
			"Danazol in Refractory Autoimmune Hemolytic Anemia or Immune Thrombocytopenia: A Case Series Report",
			"Three patients with AIHA and eight patients with ITP were enrolled in this case series.", []string{"mkg:Danazol"}},
		{"X for <condition>", "Low-dose decitabine for refractory thrombocytopenia in children: A pilot study",
			trial, []string{"mkg:Decitabine"}},
		{"X therapy in <condition>: the design read from the counted patients",
			"Danazol Therapy in Refractory Chronic Immune Thrombocytopenic Purpura",
			"The effects of this drug were investigated in 10 patients. Seven patients were treated for 3 months.",
			[]string{"mkg:Danazol"}},
		{"no design: a title alone is not a study",
			"Fostamatinib for the treatment of chronic immune thrombocytopenia",
			"Fostamatinib is a Syk inhibitor approved for chronic ITP.", nil},
		{"a review",
			"Eltrombopag for the treatment of chronic immune thrombocytopenia: a systematic review",
			"This systematic review summarizes 12 randomized trials.", nil},
		{"the drug of the title is not first",
			"Romiplostim after rituximab for chronic immune thrombocytopenia", trial, nil},
		{"prophylaxis in the title",
			"Cyclosporine for GVHD prophylaxis in aplastic anemia", trial, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := drugAgents(Extract(Input{Title: tc.title, Abstract: tc.text}))
			if !slices.Equal(got, tc.want) {
				t.Errorf("agents = %v, want %v", got, tc.want)
			}
		})
	}
}
