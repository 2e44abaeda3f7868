package evidence

import (
	"testing"

	"github.com/msckg/msckg/ontology"
)

func TestAgentSourceAfterFrom(t *testing.T) {
	tests := []struct {
		name, text, agent string
	}{
		{"expanded from bone marrow samples (zhang2010)",
			"Twelve patients underwent cotransplantation of MSCs and HSCs. (1.77 +/- 0.40) x 10(6)/kg (donor's weight) MSCs were successfully expanded from 23.6 +/- 5.96 ml of bone marrow samples.",
			"mkg:BoneMarrowMSC"},
		{"isolated from umbilical cords",
			"Twelve patients received MSCs isolated from the umbilical cords of healthy donors.", "mkg:UmbilicalCordMSC"},
		{"a transplant is not a source",
			"Twelve patients received MSCs derived from a donor after bone marrow transplantation.", "mkg:MSC"},
		{"a tissue in another clause is not the source",
			"Twelve patients received MSCs obtained from parental donors, and bone marrow biopsies were done.", "mkg:MSC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Extract(Input{Abstract: tc.text})
			if len(f.Interventions) == 0 || ontology.CompactIRI(f.Interventions[0].Agent.IRI) != tc.agent {
				t.Errorf("interventions = %+v, want agent %s", f.Interventions, tc.agent)
			}
		})
	}
}
