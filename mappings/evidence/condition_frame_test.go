package evidence

import (
	"testing"

	"github.com/msckg/msckg/ontology"
)

// TestConditionFrames: the conditions the lexicon learned for issue 10
// become cohort conditions only where the text says the patients have
// them. GVHD in a transplant study is mostly an event or something
// prevented; "non-" turns a disease into its opposite; a disease and its
// narrower form ("lupus nephritis" of SLE) are one disease.
func TestConditionFrames(t *testing.T) {
	for _, c := range []struct {
		name  string
		in    Input
		conds []string
	}{
		{"GVHD prophylaxis and conditioning drugs (own gold haplo-msc-adult-saa)",
			Input{Abstract: "Adult patients (≥18 years) with SAA (N = 25) were given HLA-haploidentical hematopoietic stem cells (HSCs) combined with UC-MSCs after a conditioning regimen consisting of busulfan, cyclophosphamide, fludarabine and anti-thymocyte globulin and intensive GVHD prophylaxis, including cyclosporine, basiliximab, mycophenolate mofetil and short-term methotrexate."},
			[]string{ontology.MeSH + "D000741"}},
		{"factors related to GVHD (own gold xu2018-ejmr)",
			Input{Abstract: "We investigated the clinical effects of treatment using haploidentical hematopoietic stem cells (haplo-HSCs) combined with human umbilical cord mesenchymal stem cells (UC-MSCs) in patients with severe aplastic anemia (SAA), but also investigated the factors related to graft versus host disease (GVHD). Cotransplantation of haplo-HSCs and UC-MSCs was performed in 24 SAA patients."},
			[]string{ontology.MeSH + "D000741"}},
		{"GVHD as an event",
			Input{Abstract: "Twenty patients with SAA received UC-MSCs with the graft. Acute GVHD was observed in 6 patients."},
			[]string{ontology.MeSH + "D000741"}},
		{"treatment of steroid-refractory GVHD (dev servais2018-oncotarget)",
			Input{Title: "Infusion of bone marrow derived multipotent mesenchymal stromal cells for the treatment of steroid-refractory acute graft-versus-host disease: a multicenter prospective study"},
			[]string{ontology.GraftVersusHostDisease}},
		{"therapy for drug-resistant GVHD (dev msc-agvhd-2023-annhematol)",
			Input{Title: "Safety and efficacy of mesenchymal stromal cell therapy for multi-drug-resistant acute and late-acute graft-versus-host disease following allogeneic hematopoietic stem cell transplantation",
				Abstract: "Seventy-six patients received MSCs."},
			[]string{ontology.GraftVersusHostDisease}},
		{"refractory aGVHD, abbreviated",
			Input{Abstract: "Fourteen patients with steroid-refractory aGVHD received bone marrow MSCs."},
			[]string{ontology.GraftVersusHostDisease}},
		{"non-hematologic malignancies (dev decitabine-children-post-hsct-pubmed)",
			Input{Abstract: "Herein, we evaluated the safety and efficacy of low-dose decitabine in nine children with thrombocytopenia after allo-HSCT. However, clinical data on pediatric patients or non-hematologic malignancies are lacking."},
			[]string{ontology.MeSH + "D013921"}},
		{"lupus nephritis of SLE",
			Input{Abstract: "Twenty patients with systemic lupus erythematosus and biopsy-proven lupus nephritis received UC-MSCs."},
			[]string{ontology.LupusNephritis}},
		{"a pandemic and a vaccine are not the disease",
			Input{Abstract: "Twelve patients with ITP after COVID-19 vaccination were enrolled during the COVID-19 pandemic and received UC-MSCs."},
			[]string{ontology.MeSH + "D016553"}},
		{"underlying diseases of transplant recipients",
			Input{Abstract: "Forty patients with acute myeloid leukemia, chronic myeloid leukemia or non-Hodgkin lymphoma received MSCs with the graft."},
			[]string{ontology.AcuteMyeloidLeukemia, ontology.ChronicMyeloidLeukemia, ontology.NonHodgkinLymphoma}},
	} {
		f := Extract(c.in)
		checkSpans(t, c.in, f)
		var got []string
		for _, co := range f.Cohorts {
			for _, cd := range co.Conditions {
				if !contains(got, cd.IRI) {
					got = append(got, cd.IRI)
				}
			}
		}
		if !sameSet(got, c.conds) {
			t.Errorf("%s: conditions %v, want %v\n%s", c.name, got, c.conds, explainText(f))
		}
		for _, co := range f.Cohorts {
			if len(co.PriorTherapies) > 0 {
				t.Errorf("%s: prior therapies %v", c.name, co.PriorTherapies)
			}
		}
	}
	f := Extract(Input{Abstract: "Twenty patients with SAA received UC-MSCs with the graft. Acute GVHD was observed in 6 patients."})
	if !hasCandidateKind(f, "condition", ontology.GraftVersusHostDisease) {
		t.Errorf("GVHD as an event: no condition candidate: %+v", f.Candidates)
	}
}

// TestConditioningIsNotPrior: the drugs of a transplant's conditioning or
// GVHD prophylaxis were given before the MSCs, but not for the condition.
// A drug the condition failed still is a prior therapy.
func TestConditioningIsNotPrior(t *testing.T) {
	for _, c := range []struct {
		abs    string
		priors []string
	}{
		{"After conditioning with busulfan and cyclophosphamide, 20 patients with SAA received haplo-HSCT and UC-MSCs.", nil},
		{"Following a myeloablative regimen of fludarabine and cyclophosphamide, 12 patients received MSCs.", nil},
		{"Twenty patients with SAA had received fludarabine-based conditioning and methotrexate for GVHD prophylaxis before MSC infusion.", nil},
		{"Twelve patients with ITP refractory to corticosteroids and cyclophosphamide received UC-MSCs.",
			[]string{ontology.Corticosteroids, ontology.Cyclophosphamide}},
	} {
		f := Extract(Input{Abstract: c.abs})
		var got []string
		for _, co := range f.Cohorts {
			for _, p := range co.PriorTherapies {
				got = append(got, p.IRI)
			}
		}
		if !sameSet(got, c.priors) {
			t.Errorf("%q: prior therapies %v, want %v", c.abs, got, c.priors)
		}
		if c.priors == nil && !hasCandidateKind(f, "priorTherapy", "") {
			t.Errorf("%q: no prior-therapy candidate", c.abs)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
