package evidence

import (
	"testing"

	"github.com/msckg/msckg/ontology"
)

// TestRouteBoundToTreatment: a route is the treatment's only when the words
// bind them (issue 10). Sentences from real abstracts and registrations.
func TestRouteBoundToTreatment(t *testing.T) {
	cases := []struct {
		name, abstract, agent, route string
	}{
		{"injections of the drug (Bussel 2011, Blood)",
			"In this first study of a thrombopoietic agent in children, patients with ITP of ≥ 6 months' duration were stratified by age. " +
				"Children received subcutaneous injections of romiplostim (n = 17) or placebo (n = 5) weekly for 12 weeks.",
			"mkg:Romiplostim", "mkg:Subcutaneous"},
		{"adverb after the drug (NCT00111475)",
			"Forty-five patients with immune thrombocytopenic purpura (ITP) were enrolled. " +
				"Participants received 0.2 µg/kg romiplostim subcutaneously on day 1 and day 15 or 22, depending on platelet counts.",
			"mkg:Romiplostim", "mkg:Subcutaneous"},
		{"the other drug's route is not the cells' (Gao 2017, Journal of Clinical Research)",
			"Five patients with aplastic anemia from January 2011 to December 2015 were collected and reviewed. " +
				"All patients were treated with umbilical cord mesenchymal stem cells (intravenous infusion) and cyclosporine (intraosseous injection).",
			"mkg:UmbilicalCordMSC", "mkg:Intravenous"},
		{"a route in a drug's name (Haematologica 2011)",
			"Most therapies commonly used to treat ITP (e.g. corticosteroids, intravenous immunoglobulins (IVIg), immunosuppressants and splenectomy) " +
				"are mainly active by reducing the destruction of antibody-coated platelets. Forty patients with ITP received UC-MSCs.",
			"mkg:UmbilicalCordMSC", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := Extract(Input{Abstract: tc.abstract})
			for _, iv := range f.Interventions {
				if ontology.CompactIRI(iv.Agent.IRI) != tc.agent {
					continue
				}
				if got := ontology.CompactIRI(iv.Route); iv.Route != "" && got != tc.route || iv.Route == "" && tc.route != "" {
					t.Errorf("route = %q, want %q\n%s", got, tc.route, explainText(f))
				}
				return
			}
			t.Errorf("no %s intervention\n%s", tc.agent, explainText(f))
		})
	}
}
