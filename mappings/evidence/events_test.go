package evidence

import (
	"testing"

	"github.com/msckg/msckg/ontology"
)

func TestEventOutcomes(t *testing.T) {
	type want struct {
		typ      string
		patients int
		at       string // timepoint QuantityText
	}
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"infection and deaths (zhang2010)",
			"Twelve patients underwent cotransplantation with MSCs. Four patients suffered from cytomegalovirus infection but were cured eventually. Up to now, seven patients have been followed as long as 29-57 months and five patients died.",
			[]want{{ontology.OtherOutcome, 4, ""}, {ontology.OtherOutcome, 5, ""}}},
		{"window before the count (liu2013)",
			"Twenty patients with PGF received MSCs. Within the first 100 days after MSC treatment, 13 patients developed 20 episodes of infection.",
			[]want{{ontology.OtherOutcome, 13, "100 d"}}},
		{"mortality (plagh2014)",
			"Fourteen patients were enrolled. Three patients showed transplantation related mortality.",
			[]want{{ontology.OtherOutcome, 3, ""}}},
		{"remain alive (macmillan2009)",
			"Fifteen patients were enrolled and received MSCs. With a median follow-up of 6.8 years, five patients remain alive and disease free.",
			[]want{{ontology.Survival, 5, ""}}},
		{"symptoms are not read as events",
			"Seventy-four patients received MSCs. Seven patients developed transitory and mild headache and fever.", nil},
		{"viremia is not in the event list",
			"Twenty patients received MSCs. Moreover, five patients experienced cytomegalovirus-DNA viremia.", nil},
		{"a part of a group is not read",
			"Twenty patients received MSCs. 5 of the 24 patients died.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Abstract: tc.text}
			f := extractInput(t, in)
			var got []want
			for _, o := range f.Outcomes {
				if o.Rule != "patients-had-event" && o.Rule != "patients-remain-alive" {
					continue
				}
				w := want{o.Type, *o.Patients, ""}
				if o.Timepoint != nil {
					w.at = QuantityText(*o.Timepoint)
				}
				got = append(got, w)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("events = %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("event %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestEventLabelBalanced: the clause ends at ";" inside "(cGVHD);", and
// the label keeps no bracket open.
func TestEventLabelBalanced(t *testing.T) {
	f := Extract(Input{Abstract: "Thirty-three children with aGVHD received MSCs. Twelve patients developed chronic GVHD (cGVHD); eight of them were alive."})
	var labels []string
	for _, o := range f.Outcomes {
		if o.Rule == "patients-had-event" {
			labels = append(labels, o.Label)
		}
	}
	if len(labels) != 1 || labels[0] != "developed chronic GVHD" {
		t.Errorf("labels %q, want [\"developed chronic GVHD\"]", labels)
	}
}
