package evidence

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/msckg/msckg/ontology"
)

// armResult is one outcome as the test reads it: "21/31 68 % @12 wk".
func armResult(o Outcome) string {
	s := "?"
	if o.Patients != nil {
		s = fmt.Sprint(*o.Patients)
	}
	if o.Total != nil {
		s += fmt.Sprintf("/%d", *o.Total)
	}
	if o.Value != nil {
		s += " " + o.Value.Value + " " + o.Value.Unit
	}
	if o.Timepoint != nil {
		s += " @" + o.Timepoint.Value + " " + o.Timepoint.Unit
	}
	return s
}

// risAbstract reads the AB line of a one-record RIS fixture.
func risAbstract(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if ab, ok := strings.CutPrefix(sc.Text(), "AB  - "); ok {
			return ab
		}
	}
	t.Fatalf("%s has no AB line", path)
	return ""
}

func TestArms(t *testing.T) {
	type wantArm struct {
		name    string
		size    int
		role    string // CURIE or ""
		msc     bool   // linked to the MSC product
		results []string
	}
	mazzucconi := risAbstract(t, filepath.Join("..", "..", "testdata", "arms", "ris-mazzucconi2024-blood-adv.ris"))
	tests := []struct {
		name      string
		text      string
		studySize int
		studyMSC  bool
		study     []string // results left on the study cohort
		arms      []wantArm
	}{
		{"randomised trial, Arm A and Arm B, time points per arm (Mazzucconi 2024)", mazzucconi, 113, false, []string{"? 100 % @48 mo"}, []wantArm{
			{"Arm A", 59, "", false, []string{"44/56 78.57 % @42 d", "26/43 60.47 % @180 d", "25/31 80.65 % @12 mo"}},
			{"Arm B", 54, "", false, []string{"46/49 93.88 % @46 d", "23/39 58.97 % @180 d", "20/36 55.56 % @12 mo"}},
		}},
		{"combination arm against rituximab alone (testdata/linking/medline-trial.nbib)",
			"Adults with chronic immune thrombocytopenia (ITP) who had not responded to corticosteroids were randomly assigned (1:1) to umbilical cord mesenchymal stem cells (UC-MSCs) at 1 x 10(6) cells/kg once weekly for four weeks plus rituximab 100 mg once weekly for four weeks, or to rituximab 100 mg once weekly for four weeks alone. Sixty-two patients were randomised (31 per arm). Overall response at 12 weeks was achieved by 21 of 31 patients (68%) in the combination arm and 13 of 31 (42%) in the rituximab arm. Sustained response at 12 months was 52% versus 29%. No infusion-related serious adverse events were observed.",
			62, false, []string{"0"}, []wantArm{
				{"the combination arm", 31, "mkg:TreatmentArm", true, []string{"21/31 68 % @12 wk"}},
				{"the rituximab arm", 31, "mkg:ComparatorArm", false, []string{"13/31 42 % @12 wk"}},
			}},
		{"a group that received only the transplant is a control arm (tan2025-fmed)",
			"METHODS: This study retrospectively analyzed clinical data from 190 SAA patients who underwent HID-HSCT with or without MSCs co-infusion. Patients were divided into two groups: the HID group (100 patients receiving only HID-HSCT) and the HID+MSC group (90 patients receiving HID-HSCT combined with MSC co-infusion). RESULTS: The analysis revealed that the HID+MSC group had a significantly higher 5-year overall survival rate compared to the HID group (86.6% vs. 75.0%, p = 0.036) and a significantly improved GRFS rate (76.6% vs. 64.0%, p = 0.048).",
			190, false, nil, []wantArm{
				{"the HID group", 100, "mkg:ControlArm", false, []string{"? 75 % @5 a"}},
				{"the HID+MSC group", 90, "mkg:TreatmentArm", true, []string{"? 86.6 % @5 a"}},
			}},
		{"a comparison without its two percentages is not read",
			"This study retrospectively analyzed clinical data from 190 SAA patients who underwent HID-HSCT with or without MSCs co-infusion. Patients were divided into two groups: the HID group (100 patients receiving only HID-HSCT) and the HID+MSC group (90 patients receiving HID-HSCT combined with MSC co-infusion). The HID+MSC group had a higher 5-year overall survival compared to the HID group (p = 0.036).",
			190, false, nil, []wantArm{
				{"the HID group", 100, "mkg:ControlArm", false, nil},
				{"the HID+MSC group", 90, "mkg:TreatmentArm", true, nil},
			}},
		{"randomized to X (n = 35) or placebo (n = 35), results by group",
			"Seventy adults with chronic ITP were randomized to UC-MSCs (n = 35) or placebo (n = 35). Overall response at 24 weeks was achieved by 20 of 35 patients (57%) in the UC-MSC group and 8 of 35 (23%) in the placebo group.",
			70, false, nil, []wantArm{
				{"UC-MSCs", 35, "mkg:TreatmentArm", true, []string{"20/35 57 % @24 wk"}},
				{"placebo", 35, "mkg:ControlArm", false, []string{"8/35 23 % @24 wk"}},
			}},
		{"the first (n = N) of an allocation is not the study's size, nor is their sum",
			"Patients with ITP were randomized to UC-MSC (n = 31) or placebo (n = 31).",
			0, false, nil, []wantArm{
				{"UC-MSC", 31, "mkg:TreatmentArm", true, nil},
				{"placebo", 31, "mkg:ControlArm", false, nil},
			}},
		{"arms in brackets with no total: two arms, no summed study cohort (bussel2018-fostamatinib-fit-utas)",
			"In two parallel, phase 3, multicenter, randomized, double-blind, placebo-controlled trials (FIT1 and FIT2), patients with persistent/chronic ITP were randomized 2:1 to fostamatinib (n = 101) or placebo (n = 49) at 100 mg BID for 24 weeks.",
			0, false, nil, []wantArm{
				{"fostamatinib", 101, "", false, nil},
				{"placebo", 49, "mkg:ControlArm", false, nil},
			}},
		{"an arm named by a whole regimen is not read",
			"Patients with ITP enrolled were randomized to receive dexamethasone 40 mg/d for four days (n = 95), or prednisone 1.0 mg/kg daily for four weeks and then tapered (n = 97).",
			0, false, nil, nil},
		{"one group named is no comparison: the result stays on the study cohort",
			"Thirty-one patients with ITP received UC-MSCs. Overall response at 12 weeks was achieved by 21 of 31 patients (68%) in the combination arm.",
			31, true, []string{"21/31 68 % @12 wk"}, nil},
		{"a rate that is not responders over total is not read",
			"Sixty-two patients with ITP were randomised (31 per arm). Overall response was achieved by 21 of 31 patients (86%) in Arm A and 13 of 31 (42%) in Arm B.",
			62, false, nil, []wantArm{
				{"Arm A", 31, "", false, nil},
				{"Arm B", 31, "", false, []string{"13/31 42 %"}},
			}},
		{"respectively with a time point per result missing: no time point",
			"Sixty-two patients with ITP were randomised (31 per arm). Overall responses were 21 of 31 (68%) in Arm A and 13 of 31 (42%) in Arm B at day 42, respectively.",
			62, false, nil, []wantArm{
				{"Arm A", 31, "", false, []string{"21/31 68 %"}},
				{"Arm B", 31, "", false, []string{"13/31 42 %"}},
			}},
		{"per-arm count that does not divide the cohort is not read",
			"Sixty-one patients with ITP were randomised (31 per arm). Overall response was achieved by 21 of 31 patients (68%) in Arm A and 13 of 30 (43%) in Arm B.",
			61, false, nil, []wantArm{
				{"Arm A", 0, "", false, []string{"21/31 68 %"}},
				{"Arm B", 0, "", false, []string{"13/30 43 %"}},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Abstract: tc.text}
			f := extractInput(t, in)
			if len(f.Cohorts) == 0 {
				t.Fatal("no cohort")
			}
			results := func(c Cohort) []string {
				var out []string
				for _, i := range c.Outcomes {
					if o := f.Outcomes[i]; o.Type == ontology.OverallResponse || o.Type == ontology.SevereAdverseEvents || o.Type == ontology.Survival {
						out = append(out, armResult(o))
					}
				}
				return out
			}
			mscOf := func(c Cohort) bool {
				for _, i := range c.Interventions {
					if isMSC(f.Interventions[i]) {
						return true
					}
				}
				return false
			}
			study := f.Cohorts[0]
			if study.Part != PartStudy || study.Size != tc.studySize || mscOf(study) != tc.studyMSC {
				t.Errorf("study cohort: part %q size %d MSC %v, want size %d MSC %v", study.Part, study.Size, mscOf(study), tc.studySize, tc.studyMSC)
			}
			if got := results(study); !slices.Equal(got, tc.study) {
				t.Errorf("study results = %q, want %q", got, tc.study)
			}
			var got []wantArm
			for _, c := range f.Cohorts[1:] {
				if c.Part != PartArm {
					continue
				}
				if c.Parent != 0 {
					t.Errorf("arm %q hangs from cohort %d, want 0", c.Name, c.Parent)
				}
				got = append(got, wantArm{c.Name, c.Size, ontology.CompactIRI(c.ArmRole), mscOf(c), results(c)})
			}
			if len(got) != len(tc.arms) {
				t.Fatalf("arms = %+v, want %+v", got, tc.arms)
			}
			for i := range got {
				g, w := got[i], tc.arms[i]
				if g.name != w.name || g.size != w.size || g.role != w.role || g.msc != w.msc || !slices.Equal(g.results, w.results) {
					t.Errorf("arm %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// TestTimepointBeforeTheCount: a time point written between the outcome
// and its only count belongs to it.
func TestTimepointBeforeTheCount(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Forty patients with SAA received MSCs. Complete response at day +100 was achieved in 12 patients.", "12 @100 d"},
		{"Thirty patients with ITP received UC-MSCs. Overall response at 6 months was reached by 18 of 30 patients.", "18/30 @6 mo"},
		// two counts: which time goes with which is not read
		{"Thirty patients with ITP received UC-MSCs. Overall response at 6 months was reached by 18 patients and at 12 months by 20 patients.", "18|20"},
		// (with a cohort: alone, "one patient" would be read as a case
		// report of one, and 3 responders disagree with it: a candidate)
		{"Four patients with ITP received UC-MSCs. Complete remission (CR) was achieved in three patients in 12 months and one patient in 24 months.", "3 @12 mo|1 @24 mo"},
	}
	for _, tc := range tests {
		in := Input{Abstract: tc.text}
		f := extractInput(t, in)
		var got []string
		for _, o := range f.Outcomes {
			got = append(got, armResult(o))
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: outcomes %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestSubgroupsAreParts: every subgroup hangs from the study cohort, so
// only the study cohort's size counts the Exp Ther Med patients.
func TestSubgroupsAreParts(t *testing.T) {
	in := Input{Abstract: "Four patients with chronic refractory immune thrombocytopenic purpura (ITP) received human umbilical cord-derived mesenchymal stem cells (hUC-MSCs). The hUC-MSC dose was 5×10(7) to 1×10(8). Three patients received the second hUC-MSC transplantation with the same dose."}
	f := Extract(in)
	sum := 0
	for _, c := range f.Cohorts {
		if c.Part == PartStudy {
			sum += c.Size
		} else if c.Part != PartSubgroup || c.Parent != 0 {
			t.Errorf("cohort %+v: want a subgroup of cohort 0", c)
		}
	}
	if len(f.Cohorts) != 2 || sum != 4 {
		t.Errorf("%d cohorts, study cohorts sum to %d patients; want 2 cohorts and 4 patients", len(f.Cohorts), sum)
	}
}

// TestArmSumIsACandidate: arm sizes with no stated total are kept as arms;
// their sum is a candidate size, never the study cohort's
// (bussel2018-fostamatinib-fit-utas).
func TestArmSumIsACandidate(t *testing.T) {
	in := Input{Abstract: "Patients with persistent/chronic ITP were randomized 2:1 to fostamatinib (n = 101) or placebo (n = 49) at 100 mg BID for 24 weeks."}
	f := extractInput(t, in)
	for _, c := range f.Cohorts {
		if c.Part == PartStudy && c.Size != 0 {
			t.Errorf("study cohort of %d patients: the text gives no total", c.Size)
		}
	}
	found := false
	for _, c := range f.Candidates {
		if c.Kind == "size" && c.Rule == "size-sum-of-arms" && c.Patients != nil && *c.Patients == 150 {
			found = true
		}
	}
	if !found {
		t.Errorf("candidates %+v: want the arms' sum 150 as a size candidate", f.Candidates)
	}
}
