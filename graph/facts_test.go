package graph

import (
	"slices"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
	o "github.com/msckg/msckg/ontology"
)

const twoArmAbstract = "Adults with chronic immune thrombocytopenia (ITP) who had not responded to corticosteroids were randomly assigned (1:1) to umbilical cord mesenchymal stem cells (UC-MSCs) at 1 x 10(6) cells/kg once weekly for four weeks plus rituximab 100 mg once weekly for four weeks, or to rituximab 100 mg once weekly for four weeks alone. Sixty-two patients were randomised (31 per arm). Overall response at 12 weeks was achieved by 21 of 31 patients (68%) in the combination arm and 13 of 31 (42%) in the rituximab arm. Three patients received platelet transfusions."

func twoArmInput(t *testing.T, tamper func(*evidence.Facts)) (Input, string) {
	t.Helper()
	in := rec("trial", "ris", func(r *mappings.Record) {
		r.Title = "UC-MSCs plus rituximab versus rituximab alone in chronic ITP"
		r.DOI = "10.1/arms"
		r.Abstract = mappings.Abstract{Text: twoArmAbstract}
	})
	f := evidence.Extract(evidence.Input{Title: in.Record.Title, Abstract: twoArmAbstract})
	if tamper != nil {
		tamper(&f)
	}
	in.Facts = &f
	return in, "https://w3id.org/msckg/id/paper/doi/10.1/arms"
}

func TestArmsAndSubgroupsEmission(t *testing.T) {
	in, P := twoArmInput(t, nil)
	res := mustBuild(t, []Input{in})
	C := P + "/cohort/1"
	if got := objects(res, P, o.Studies); !slices.Equal(got, []string{"<" + C + ">"}) {
		t.Errorf("paper studies %v, want only the study cohort %s", got, C)
	}
	arms := objects(res, C, o.HasArm)
	if len(arms) != 2 {
		t.Fatalf("study cohort has arms %v, want 2", arms)
	}
	for _, a := range arms {
		A := a[1 : len(a)-1]
		types := objects(res, A, o.RDFType)
		if !slices.Contains(types, "<"+o.ArmClass+">") || slices.Contains(types, "<"+o.Cohort+">") {
			t.Errorf("arm %s typed %v, want mkg:Arm and not mkg:Cohort", A, types)
		}
		if got := objects(res, A, o.Size); !slices.Equal(got, []string{`"31"^^<http://www.w3.org/2001/XMLSchema#integer>`}) {
			t.Errorf("arm %s size %v, want 31", A, got)
		}
		ocs := objects(res, A, o.HasOutcome)
		if len(ocs) != 1 {
			t.Errorf("arm %s outcomes %v, want 1", A, ocs)
			continue
		}
		if got := objects(res, ocs[0][1:len(ocs[0])-1], o.Total); !slices.Equal(got, []string{`"31"^^<http://www.w3.org/2001/XMLSchema#integer>`}) {
			t.Errorf("outcome of %s total %v, want 31", A, got)
		}
		role := objects(res, A, o.ArmRole)
		received := objects(res, A, o.Received)
		switch {
		case slices.Equal(role, []string{"<" + o.TreatmentArm + ">"}):
			if len(received) != 1 {
				t.Errorf("treatment arm %s received %v, want the UC-MSC intervention", A, received)
			}
		case slices.Equal(role, []string{"<" + o.ComparatorArm + ">"}):
			if len(received) != 0 {
				t.Errorf("comparator arm %s received %v, want nothing: it had no MSC", A, received)
			}
		default:
			t.Errorf("arm %s has role %v", A, role)
		}
	}
	if got := objects(res, C, o.Received); len(got) != 0 {
		t.Errorf("study cohort received %v: half its patients had no MSC", got)
	}
	subs := subjectsOfType(res, o.Subgroup)
	if len(subs) != 1 {
		t.Errorf("subgroups %v, want the three patients with a second course", subs)
	}
	for _, s := range subs {
		if got := objects(res, s, o.SubgroupOf); !slices.Equal(got, []string{"<" + C + ">"}) {
			t.Errorf("subgroup %s of %v, want %s", s, got, C)
		}
	}
}

// An arm whose parent was not written (its evidence did not match the
// stored text) is dropped, never promoted to a study cohort.
func TestArmWithoutParentIsDropped(t *testing.T) {
	in, P := twoArmInput(t, func(f *evidence.Facts) {
		for i := range f.Cohorts[0].Spans {
			f.Cohorts[0].Spans[i].Text += "x"
		}
	})
	res := mustBuild(t, []Input{in})
	if got := objects(res, P, o.Studies); len(got) != 0 {
		t.Errorf("paper studies %v, want nothing", got)
	}
	if got := subjectsOfType(res, o.ArmClass); len(got) != 0 {
		t.Errorf("arms %v written without their parent", got)
	}
}
