package evidence

import (
	"testing"

	"github.com/msckg/msckg/ontology"
)

func TestBareSectionLabels(t *testing.T) {
	r := mustRules(t)
	text := "Objective To explore UC-MSC in aplastic anemia (AA).Methods Eighteen patients with AA were enrolled. Results All patients responded. Case 1 was a boy."
	f := newField(r, FieldAbstract, text, nil)
	want := []struct{ label, start string }{
		{"Objective", "To explore"}, {"Methods", "Eighteen patients"}, {"Results", "All patients"}, {"Results", "Case 1 was"},
	}
	if len(f.Sentences) != len(want) {
		t.Fatalf("%d sentences: %+v", len(f.Sentences), f.Sentences)
	}
	for i, w := range want {
		s := f.Sentences[i]
		if got := f.sentenceText(&s); s.Section != w.label || len(got) < len(w.start) || got[:len(w.start)] != w.start {
			t.Errorf("sentence %d = %q in %q, want %q… in %q", i, got, s.Section, w.start, w.label)
		}
	}
}

func TestScaleRange(t *testing.T) {
	tests := []struct {
		lo, hi, center, wantLo, wantHi string
		ok                             bool
	}{
		{"1.3", "4.5", "2700000", "1300000", "4500000", true},
		{"5.48", "5.98", "56500000", "54800000", "59800000", true},
		{"7", "16", "12.5", "", "", false}, // already in the same units
		{"1", "2000", "5000000", "", "", false},
	}
	for _, tc := range tests {
		lo, hi, ok := scaleRange(tc.lo, tc.hi, tc.center)
		if ok != tc.ok || lo != tc.wantLo || hi != tc.wantHi {
			t.Errorf("scaleRange(%s, %s, %s) = %s, %s, %v", tc.lo, tc.hi, tc.center, lo, hi, ok)
		}
	}
}

func TestInterventionRules(t *testing.T) {
	tests := []struct {
		name  string
		in    Input
		want  []string // agent CURIEs
		dose  string
		route string
	}{
		{"source phrase", Input{Abstract: "We evaluated mesenchymal stem cells (MSCs) expanded from the bone marrow of a third-party donor. Twenty patients with PGF received MSCs (1 × 10(6)/kg)."},
			[]string{"mkg:BoneMarrowMSC"}, "1000000 {cells}/kg", ""},
		// tan2025-fmed: the title names the products, the Methods the patients.
		{"co-transplantation", Input{Title: "Haploidentical transplantation combined with mesenchymal stem cells co-infusion in severe aplastic anemia",
			Abstract: "METHODS: This study retrospectively analyzed clinical data from 190 SAA patients who underwent HID-HSCT with or without MSCs co-infusion."},
			[]string{"mkg:MSC", "mkg:HSCT"}, "", ""},
		{"HSCT without MSCs in the sentence", Input{Abstract: "Eight patients with aplastic anemia underwent HSCT. UC-MSCs were given together with platelets."},
			[]string{"mkg:UmbilicalCordMSC"}, "", ""},
		{"range in the median's power", Input{Abstract: "Nine patients with AA received two to five weekly intravenous infusions of bone marrow-derived mesenchymal stromal cells (MSCs) (median, 2.7 × 10(6) cells/kg/infusion; range, 1.3-4.5)."},
			[]string{"mkg:BoneMarrowMSC"}, "median 2700000 [1300000–4500000] {cells}/kg", "mkg:Intravenous"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Extract(tc.in)
			checkSpans(t, tc.in, f)
			var got []string
			for _, iv := range f.Interventions {
				got = append(got, ontology.CompactIRI(iv.Agent.IRI))
			}
			if !sameSet(got, tc.want) {
				t.Fatalf("agents = %v, want %v\n%s", got, tc.want, explainText(f))
			}
			iv := f.Interventions[0]
			if d := ""; iv.Dose != nil {
				d = QuantityText(*iv.Dose)
				if d != tc.dose {
					t.Errorf("dose = %q, want %q", d, tc.dose)
				}
			} else if tc.dose != "" {
				t.Errorf("no dose, want %q", tc.dose)
			}
			if r := ontology.CompactIRI(iv.Route); iv.Route != "" && r != tc.route || iv.Route == "" && tc.route != "" {
				t.Errorf("route = %q, want %q", r, tc.route)
			}
			if iv.Courses != 0 {
				t.Errorf("courses = %d from a range of infusions", iv.Courses)
			}
		})
	}
}

func TestOutcomeRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"response at year N", "Three children with SAA received UC-MSCs. All three patients achieved complete response (CR) at year 1 after transplantation.",
			[]string{"CompleteResponse n=3 at 1 a"}},
		{"no other adverse events", "Seventy-four patients received BM-MSCs. Seven patients developed mild fever, but no other adverse events were observed.",
			nil},
		{"severe side effect", "Three children received UC-MSCs. There was no severe side effect during cell transplantation.",
			[]string{"SevereAdverseEvents n=0"}},
		{"survival percentage with its horizon", "Ninety patients received MSCs. The 5-year overall survival was 86.6%.",
			[]string{"Survival value 86.6 % at 5 a"}},
		{"parallel values are paired in order", "Twenty-four patients received UC-MSCs. The survival rates at 3 and 6 months were 87.5% and 83.3%, respectively.",
			[]string{"Survival value 87.5 % at 3 mo", "Survival value 83.3 % at 6 mo"}},
		{"parallel values of groups are not paired with times", "Twenty-four patients received UC-MSCs. The survival rates at 3 and 6 months in the MSC and control groups were 87.5% and 83.3%, respectively.",
			nil},
		{"more times than values are not paired", "Twenty-four patients received UC-MSCs. The survival rates at 3, 6 and 12 months were 87.5% and 83.3%, respectively.",
			nil},
		{"mean follow-up", "Twenty patients received MSCs. After a follow-up period of an average of 508 days (range 166-904 days), 11 patients died.",
			[]string{"FollowUp value 508 [166–904] d", "OtherOutcome n=11"}},
		{"denominator is not a responder count", "Twelve patients received UC-MSC. Overall response was seen in 7 of 12 patients.",
			[]string{"OverallResponse n=7"}},
		// 12 of the 18 are a subgroup no arm names: its share is a candidate
		{"share of a subgroup", "Eighteen patients received UC-MSC. Overall response was seen in 7 of 12 patients with inverted ratios.",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Abstract: tc.text}
			f := extractInput(t, in)
			var got []string
			for _, o := range f.Outcomes {
				s := ontology.CompactIRI(o.Type)[4:]
				if o.Patients != nil {
					s += " n=" + itoa(*o.Patients)
				}
				if o.Value != nil {
					s += " value " + QuantityText(*o.Value)
				}
				if o.Timepoint != nil {
					s += " at " + QuantityText(*o.Timepoint)
				}
				got = append(got, s)
			}
			if !sameSet(got, tc.want) {
				t.Errorf("outcomes = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCohortRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		size int
		sex  string
	}{
		{"compound number word", "Seventy‐four patients from seven centers received allogeneic BM‐MSCs.", 74, ""},
		{"count with 'in ... with'", "We added MSCs to ATG and cyclosporine in nine patients with refractory or relapsed AA. Only two patients achieved responses.", 9, ""},
		{"subset is not the cohort", "Responses were seen in three patients. Twelve patients with ITP were treated.", 12, ""},
		{"mixed sex", "Twelve patients with ITP (5 men and 7 women) received UC-MSCs.", 12, ontology.MixedSex},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Extract(Input{Abstract: tc.text})
			if len(f.Cohorts) != 1 || f.Cohorts[0].Size != tc.size || f.Cohorts[0].Sex != tc.sex {
				t.Errorf("cohorts = %+v", f.Cohorts)
			}
		})
	}
}
