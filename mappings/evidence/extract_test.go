package evidence

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/msckg/msckg/ontology"
)

// The seed abstracts as the readers hand them over (testdata/seeds).
var (
	seedBMCSections = []Section{
		{"Background", "Immune thrombocytopenia (ITP) during pregnancy poses unique therapeutic challenges due to the risk of maternal hemorrhage, fetal thrombocytopenia, and the safety limitations of standard treatments such as corticosteroids and intravenous immunoglobulin (IVIG). Mesenchymal stem cells (MSCs), particularly those derived from umbilical cord tissue (UC-MSCs), have shown immunomodulatory and hematopoietic supportive properties in refractory ITP, but their use during pregnancy has not been previously reported."},
		{"Case presentation", "We report the case of a 41-year-old woman with a 10-year history of ITP who conceived with a baseline platelet count of 54 × 10⁹/L at 8 weeks of gestation. During pregnancy, she self-initiated UC-MSCs infusions outside guideline-directed care (five courses, 60 × 10⁶ cells/day for three consecutive days per course), followed by two postpartum courses. Platelet counts during pregnancy were maintained between 41-94 × 10⁹/L and rose to 154 × 10⁹/L postpartum. No infusion-related adverse events were observed. The pregnancy was uneventful, with no maternal hemorrhage or fetal growth restriction, and both mother and neonate had favorable outcomes."},
		{"Conclusions", "This report documents the first maternal-fetal outcomes following non-standard UC-MSCs exposure in pregnancy complicated by ITP. While not medically indicated, this case highlights the reality of patient-driven use of experimental therapies and underscores the urgent need for systematic studies to evaluate maternal-fetal safety."},
	}
	seedBMC = Input{
		Title:    "Mesenchymal stem cells therapy for immune thrombocytopenia in pregnancy: a case report.",
		Abstract: joinSections(seedBMCSections),
		Sections: seedBMCSections,
	}
	seedCJCP = Input{
		Title:    "Application of umbilical cord mesenchymal stem cells in the treatment of severe immune-mediated thrombocytopenia after allogeneic hematopoietic stem cell transplantation in children.",
		Abstract: "This report describes two cases of severe immune-mediated thrombocytopenia after allogeneic hematopoietic stem cell transplantation (HSCT) who were treated with umbilical cord mesenchymal stem cells (UC-MSCs). Case 1 was a child with severe aplastic anemia who underwent haploidentical bone marrow and peripheral blood HSCT, with a chimerism rate of 99.8% on day +25 and severe immune-mediated thrombocytopenia on day +60. After intravenous immunoglobulin (IVIG) pulse therapy, platelet count increased temporarily but then decreased, while cyclosporine, methylprednisolone, and rituximab had a poor therapeutic effect. Case 2 was a child with Gaucher's disease who underwent unrelated umbilical cord blood HSCT, with a chimerism rate of 96.35% on day +41 and severe immune-mediated thrombocytopenia on day +153. After three sessions of IVIG pulse therapy, the platelet count increased initially but subsequently decreased. Therapies with dexamethasone, prednisone, cyclosporine, and recombinant human thrombopoietin also yielded a poor response. Both children received three sessions of UC-MSCs infusion, and platelet counts increased and were subsequently maintained within the normal range. Case 1 has been followed up for 10 years and remains in disease-free survival. UC-MSCs infusion may be effective for severe immune-mediated thrombocytopenia that is unresponsive to first- and second-line therapies after HSCT and could potentially improve the quality of life and disease-free survival rate.",
	}
	seedETMTitle    = "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up"
	seedETMAbstract = "Four patients with chronic refractory immune thrombocytopenic purpura (ITP) received human umbilical cord-derived mesenchymal stem cells (hUC-MSCs). The hUC-MSC dose was 5×10(7) to 1×10(8). Complete remission (CR) was achieved in three patients in 12 months and one patient in 24 months. Three patients received the second hUC-MSC transplantation with the same dose. The median time between hUC-MSC transplantation and response was 12.5 days (range, 7–16). There were no severe adverse events during and post hUC-MSC transplantation. During follow-up (median, 17 months; range, 13–24) no other immunosuppressive drugs were used post-first hUC-MSCs transplantation. In conclusion, hUC-MSC transplantation is a reasonable salvage treatment in chronic refractory ITP. Prospective randomized large-scale clinical trials are needed to further elucidate the efficacy of hUC-MSCs transplantation therapy on ITP."
	// The same abstract from the RIS seed: superscripts flattened, ASCII hyphens.
	seedETMRIS   = "Four patients with chronic refractory immune thrombocytopenic purpura (ITP) received human umbilical cord-derived mesenchymal stem cells (hUC-MSCs). The hUC-MSC dose was 5x107 to 1x108. Complete remission (CR) was achieved in three patients in 12 months and one patient in 24 months. Three patients received the second hUC-MSC transplantation with the same dose. The median time between hUC-MSC transplantation and response was 12.5 days (range, 7-16). There were no severe adverse events during and post hUC-MSC transplantation. During follow-up (median, 17 months; range, 13-24) no other immunosuppressive drugs were used post\u2011first hUC-MSCs transplantation. In conclusion, hUC-MSC transplantation is a reasonable salvage treatment in chronic refractory ITP. Prospective randomized large-scale clinical trials are needed to further elucidate the efficacy of hUC-MSCs transplantation therapy on ITP."
	seedMedicine = Input{
		Title:    "Cord-derived mesenchymal stem cells therapy for liver cirrhosis in children with refractory Henoch–Schonlein purpura",
		Abstract: "Rationale: To explore the curative effect of human umbilical cord-derived mesenchymal stem cell (ucMSC) therapy for patients with liver cirrhosis complicated with immune thrombocytopenia and refractory Henoch–Schonlein purpura (HSP). Patient concerns: A 12-year-old boy presented to our hospital with an 11-month history of purpura on the skin of both lower limbs accompanied by thrombocytopenia. The patient had a history of repeated swelling and painful dorsum pedis, followed by skin redness. Diagnosis: Bone marrow slides showed megakaryocyte maturation disorder. Based on the pathology and drug abuse history, he was diagnosed with nodular cirrhosis, secondary allergic purpura, and thrombocytopenia, etiologies related to his drugs and an immune dysfunction. Interventions: ucMSC transplantation was performed, the liver damaging drugs were discontinued, and the appropriate liver immunosuppressive drugs were administered. ucMSCs were injected 8 times/wk in 2 months, with a median cell count of 5.65 × 10 7 /L, ranging from 5.48 to 5.98 × 10 7 /L. Outcomes: As the patient's skin rash resolved, his platelets gradually increased to >150 × 10 9 /L and liver transaminase levels gradually decreased to a normal level. Ultrasonography of the abdomen indicated that the round nodules in the liver decreased in size and that the spleen thickness also decreased. Lessons: This is a unique case of significant HSP with associated thrombocytopenia in a patient with liver cirrhosis. Long-term oral administration of excessive herbal medicine may cause liver damage. We believe that ucMSCs provide a novel approach for the treatment of liver cirrhosis.",
	}
)

func joinSections(ss []Section) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, s.Label+": "+s.Text)
	}
	return strings.Join(parts, "\n")
}

// checkSpans: every span's text is exactly the field's code points.
func checkSpans(t *testing.T, in Input, f Facts) {
	t.Helper()
	texts := map[string][]rune{FieldTitle: []rune(in.Title), FieldAbstract: []rune(in.Abstract)}
	for _, e := range f.Explain() {
		if e.Field == "" {
			continue
		}
		rs, ok := texts[e.Field]
		if !ok || e.Start < 0 || e.End > len(rs) || e.Start >= e.End || string(rs[e.Start:e.End]) != e.Text {
			t.Errorf("%s %s: span %s %d–%d %q does not match the text", e.Fact, e.Property, e.Field, e.Start, e.End, e.Text)
		}
		if e.Rule == "" {
			t.Errorf("%s %s: no rule", e.Fact, e.Property)
		}
	}
}

// explained finds the explanation of a property, failing when absent.
func explained(t *testing.T, f Facts, fact, prop, value string) Explanation {
	t.Helper()
	for _, e := range f.Explain() {
		if e.Fact == fact && e.Property == prop && (value == "" || e.Value == value) {
			return e
		}
	}
	t.Fatalf("no %s %s %s in\n%s", fact, prop, value, explainText(f))
	return Explanation{}
}

func explainText(f Facts) string {
	var b bytes.Buffer
	_ = f.WriteExplanation(&b)
	return b.String()
}

func wantSpan(t *testing.T, e Explanation, text string) {
	t.Helper()
	if e.Text != text {
		t.Errorf("%s %s = %s read from %q, want %q", e.Fact, e.Property, e.Value, e.Text, text)
	}
}

func curies(cs []Concept) []string {
	var out []string
	for _, c := range cs {
		out = append(out, ontology.CompactIRI(c.IRI))
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		if m[x]--; m[x] < 0 {
			return false
		}
	}
	return true
}

func q(t *testing.T, got *Quantity, want Quantity) {
	t.Helper()
	if got == nil {
		t.Errorf("quantity missing, want %+v", want)
		return
	}
	if got.Value != want.Value || got.Min != want.Min || got.Max != want.Max || got.Median != want.Median || got.Unit != want.Unit {
		t.Errorf("quantity = %s, want %s", QuantityText(*got), QuantityText(want))
	}
}

func TestExtractETM(t *testing.T) {
	for name, abs := range map[string]string{"vufind": seedETMAbstract, "ris": seedETMRIS} {
		t.Run(name, func(t *testing.T) {
			in := Input{Title: seedETMTitle, Abstract: abs}
			f := extractInput(t, in)
			if f.Design == nil || f.Design.IRI != ontology.CaseSeries {
				t.Fatalf("design = %+v, want case series", f.Design)
			}
			if len(f.Cohorts) != 2 || len(f.Interventions) != 2 {
				t.Fatalf("%d cohorts, %d interventions", len(f.Cohorts), len(f.Interventions))
			}
			// "Three patients received the second hUC-MSC transplantation with the same dose."
			sub, again := f.Cohorts[1], f.Interventions[1]
			if sub.Rule != "subgroup" || sub.Size != 3 || sub.Spans[0].Text != "Three patients" {
				t.Errorf("subgroup = %+v", sub)
			}
			if !slices.Equal(sub.Interventions, []int{0, 1}) || slices.Contains(f.Cohorts[0].Interventions, 1) {
				t.Errorf("subgroup received %v, cohort %v; want the second infusion for the subgroup only", sub.Interventions, f.Cohorts[0].Interventions)
			}
			if again.Agent.IRI != ontology.MKG+"UmbilicalCordMSC" || again.Schedule != "second hUC-MSC transplantation" || again.Dose == nil {
				t.Fatalf("second infusion = %+v", again)
			}
			q(t, again.Dose, Quantity{Min: "50000000", Max: "100000000", Unit: "{cells}"})
			if again.Spans[2].Text != "the same dose" || again.Spans[3] != f.Interventions[0].Dose.Span {
				t.Errorf("second dose read from %+v, want \"the same dose\" and the first dose", again.Spans)
			}
			c := f.Cohorts[0]
			if c.Size != 4 || c.DiseasePhase != ontology.Chronic || c.Refractory == nil || !*c.Refractory || len(c.PriorTherapies) != 0 {
				t.Errorf("cohort = %+v", c)
			}
			if !sameSet(curies(c.Conditions), []string{"mesh:D016553"}) {
				t.Errorf("conditions = %v", curies(c.Conditions))
			}
			wantSpan(t, explained(t, f, "cohort 1", "size", "4"), "Four patients")
			wantSpan(t, explained(t, f, "cohort 1", "diseasePhase", ""), "chronic")
			iv := f.Interventions[0]
			if iv.Agent.IRI != ontology.MKG+"UmbilicalCordMSC" || iv.Route != ontology.Intravenous || iv.Courses != 0 {
				t.Errorf("intervention = %+v", iv)
			}
			q(t, iv.Dose, Quantity{Min: "50000000", Max: "100000000", Unit: "{cells}"})
			wantSpan(t, explained(t, f, "intervention 1", "route", ""), "Intravenous infusion")
			if e := explained(t, f, "intervention 1", "route", ""); e.Field != FieldTitle {
				t.Errorf("route read from %s, want the title", e.Field)
			}
			var cr []Outcome
			var sae, ttr, fu int
			for _, o := range f.Outcomes {
				switch o.Type {
				case ontology.CompleteResponse:
					cr = append(cr, o)
				case ontology.SevereAdverseEvents:
					sae++
					if o.Patients == nil || *o.Patients != 0 {
						t.Errorf("severe adverse events: patients %v, want 0", o.Patients)
					}
				case ontology.TimeToResponse:
					ttr++
					q(t, o.Value, Quantity{Median: "12.5", Min: "7", Max: "16", Unit: "d"})
				case ontology.FollowUp:
					fu++
					q(t, o.Value, Quantity{Median: "17", Min: "13", Max: "24", Unit: "mo"})
				default:
					t.Errorf("unexpected outcome %s", o.Type)
				}
			}
			if len(cr) != 2 || sae != 1 || ttr != 1 || fu != 1 {
				t.Fatalf("outcomes: %d CR, %d SAE, %d TTR, %d FU\n%s", len(cr), sae, ttr, fu, explainText(f))
			}
			for i, want := range []struct {
				n         int
				tp, words string
			}{{3, "12", "three patients"}, {1, "24", "one patient"}} {
				o := cr[i]
				if o.Patients == nil || *o.Patients != want.n {
					t.Errorf("CR %d patients = %v, want %d", i, o.Patients, want.n)
				}
				q(t, o.Timepoint, Quantity{Value: want.tp, Unit: "mo"})
				if o.Spans[1].Text != want.words {
					t.Errorf("CR %d read from %q, want %q", i, o.Spans[1].Text, want.words)
				}
			}
		})
	}
}

func TestExtractBMC(t *testing.T) {
	in := seedBMC
	f := extractInput(t, in)
	if f.Design == nil || f.Design.IRI != ontology.CaseReport {
		t.Fatalf("design = %+v", f.Design)
	}
	c := f.Cohorts[0]
	if c.Size != 1 || c.Sex != ontology.Female || c.AgeGroup != ontology.Adults {
		t.Errorf("cohort = %+v", c)
	}
	q(t, c.Age, Quantity{Value: "41", Unit: "a"})
	wantSpan(t, explained(t, f, "cohort 1", "size", "1"), "a 41-year-old woman")
	wantSpan(t, explained(t, f, "cohort 1", "sex", ""), "woman")
	// "who conceived ... at 8 weeks of gestation": she was pregnant when treated.
	if !sameSet(curies(c.Conditions), []string{"mesh:D016553", "mkg:Pregnancy"}) {
		t.Errorf("conditions = %v", curies(c.Conditions))
	}
	wantSpan(t, explained(t, f, "cohort 1", "condition", "mkg:Pregnancy"), "conceived")
	if len(c.PriorTherapies) != 0 {
		t.Errorf("prior therapies %v: corticosteroids and IVIG are only background here", curies(c.PriorTherapies))
	}
	if len(f.Interventions) != 1 {
		t.Fatalf("interventions: %+v", f.Interventions)
	}
	iv := f.Interventions[0]
	if iv.Agent.IRI != ontology.MKG+"UmbilicalCordMSC" || iv.Courses != 7 || iv.Route != "" {
		t.Errorf("intervention = %+v", iv)
	}
	q(t, iv.Dose, Quantity{Value: "60000000", Unit: "{cells}/d"})
	wantSpan(t, explained(t, f, "intervention 1", "dose", ""), "60 × 10⁶ cells/day")
	var platelets, others []string
	ae := 0
	for _, o := range f.Outcomes {
		switch o.Type {
		case ontology.PlateletCount:
			at := ""
			if o.Timepoint != nil {
				at = " at " + o.Timepoint.UnitText
			}
			platelets = append(platelets, QuantityText(*o.Value)+" "+o.TimeComment+at)
		case ontology.OtherOutcome:
			if o.Patients == nil || *o.Patients != 0 {
				t.Errorf("negated event = %+v", o)
			}
			others = append(others, o.Label+": "+o.Spans[0].Text)
		case ontology.AdverseEvents:
			ae++
			if o.Patients == nil || *o.Patients != 0 || o.Spans[0].Text != "infusion-related adverse events" {
				t.Errorf("adverse events = %+v", o)
			}
		default:
			t.Errorf("unexpected outcome %s", o.Type)
		}
	}
	want := []string{"54 10*9/L baseline at 8 weeks of gestation", "[41–94] 10*9/L during pregnancy", "154 10*9/L postpartum"}
	if strings.Join(platelets, "|") != strings.Join(want, "|") || ae != 1 {
		t.Errorf("platelets = %q, adverse events %d\n%s", platelets, ae, explainText(f))
	}
	// Only the case's "no maternal hemorrhage or fetal growth restriction",
	// not the background's "risk of maternal hemorrhage, fetal thrombocytopenia".
	wantOthers := []string{"Maternal haemorrhage: maternal hemorrhage", "Fetal growth restriction: fetal growth restriction"}
	if !slices.Equal(others, wantOthers) {
		t.Errorf("other outcomes = %q, want %q", others, wantOthers)
	}
}

func TestExtractCJCP(t *testing.T) {
	in := seedCJCP
	f := extractInput(t, in)
	if f.Design == nil || f.Design.IRI != ontology.CaseSeries {
		t.Fatalf("design = %+v", f.Design)
	}
	c := f.Cohorts[0]
	if c.Size != 2 || c.AgeGroup != ontology.Children {
		t.Errorf("cohort = %+v", c)
	}
	wantSpan(t, explained(t, f, "cohort 1", "size", "2"), "two cases")
	if !sameSet(curies(c.Conditions), []string{"mesh:D013921", "mesh:D000741", "mesh:D005776"}) {
		t.Errorf("conditions = %v", curies(c.Conditions))
	}
	wantPrior := []string{"mkg:IVIG", "mesh:D016572", "mesh:D008775", "mesh:D000069283", "mesh:D003907", "mesh:D011241", "mkg:RecombinantHumanTPO"}
	if !sameSet(curies(c.PriorTherapies), wantPrior) {
		t.Errorf("prior therapies = %v, want %v", curies(c.PriorTherapies), wantPrior)
	}
	wantSpan(t, explained(t, f, "cohort 1", "priorTherapy", "mesh:D000069283"), "rituximab")
	wantSpan(t, explained(t, f, "cohort 1", "priorTherapy", "mkg:RecombinantHumanTPO"), "recombinant human thrombopoietin")
	iv := f.Interventions[0]
	if len(f.Interventions) != 1 || iv.Agent.IRI != ontology.MKG+"UmbilicalCordMSC" || iv.Courses != 3 || iv.Dose != nil {
		t.Errorf("interventions = %+v", f.Interventions)
	}
	wantSpan(t, explained(t, f, "intervention 1", "courses", "3"), "three sessions")
	var got []string
	for _, o := range f.Outcomes {
		s := ontology.CompactIRI(o.Type)
		if o.Patients != nil {
			s += " n=" + itoa(*o.Patients)
		}
		if o.Timepoint != nil {
			s += " at " + QuantityText(*o.Timepoint)
		}
		got = append(got, s)
	}
	if want := []string{"mkg:PlateletCount n=2", "mkg:Survival n=1 at 10 a"}; !sameSet(got, want) {
		t.Errorf("outcomes = %v, want %v", got, want)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestExtractMedicine(t *testing.T) {
	in := seedMedicine
	f := extractInput(t, in)
	if f.Design == nil || f.Design.IRI != ontology.CaseReport {
		t.Fatalf("design = %+v", f.Design)
	}
	c := f.Cohorts[0]
	if c.Size != 1 || c.Sex != ontology.Male || c.AgeGroup != ontology.Children || c.Refractory == nil {
		t.Errorf("cohort = %+v", c)
	}
	q(t, c.Age, Quantity{Value: "12", Unit: "a"})
	wantSpan(t, explained(t, f, "cohort 1", "size", "1"), "A 12-year-old boy")
	if !sameSet(curies(c.Conditions), []string{"mesh:D008103", "mesh:D011695", "mesh:D013921"}) {
		t.Errorf("conditions = %v", curies(c.Conditions))
	}
	iv := f.Interventions[0]
	if len(f.Interventions) != 1 || iv.Agent.IRI != ontology.MKG+"UmbilicalCordMSC" {
		t.Fatalf("interventions = %+v", f.Interventions)
	}
	q(t, iv.Dose, Quantity{Median: "56500000", Min: "54800000", Max: "59800000", Unit: "{cells}/L"})
	if len(f.Outcomes) != 5 || f.Outcomes[0].Type != ontology.PlateletCount {
		t.Fatalf("outcomes:\n%s", explainText(f))
	}
	q(t, f.Outcomes[0].Value, Quantity{Min: "150", Unit: "10*9/L"})
	wantSpan(t, explained(t, f, "outcome 1", "value", ""), ">150 × 10 9 /L")
	// One patient and no count word: the changes carry no patient count.
	var others []string
	for _, o := range f.Outcomes[1:] {
		if o.Type != ontology.OtherOutcome || o.Patients != nil {
			t.Errorf("finding change = %+v", o)
		}
		others = append(others, o.Label)
	}
	wantOthers := []string{"Skin rash resolved", "Transaminases normalised", "Liver nodules decreased in size", "Spleen thickness decreased"}
	if !slices.Equal(others, wantOthers) {
		t.Errorf("other outcomes = %q, want %q", others, wantOthers)
	}
}

// Variants of the seed sentences: negation, hedging and background must
// remove facts, not invent them.
func TestExtractVariants(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		test func(t *testing.T, f Facts)
	}{
		{"trials are needed is not a trial", Input{Abstract: "Prospective randomized large-scale clinical trials are needed to evaluate UC-MSC therapy in ITP."},
			func(t *testing.T, f Facts) {
				if f.Design != nil {
					t.Errorf("design %s from a recommendation", f.Design.IRI)
				}
			}},
		{"adverse events present are not zero", Input{Abstract: "Six patients with ITP received UC-MSCs. Adverse events were observed in two patients."},
			func(t *testing.T, f Facts) {
				for _, o := range f.Outcomes {
					if o.Patients != nil && *o.Patients == 0 {
						t.Errorf("%s with 0 patients", o.Type)
					}
				}
			}},
		{"background therapies are not prior", Input{Abstract: "Standard treatments such as rituximab and eltrombopag have limited efficacy. Five patients with chronic ITP received UC-MSCs."},
			func(t *testing.T, f Facts) {
				if len(f.Cohorts) != 1 || len(f.Cohorts[0].PriorTherapies) != 0 || f.Cohorts[0].Size != 5 {
					t.Errorf("cohorts = %+v", f.Cohorts)
				}
			}},
		{"failure cue makes prior", Input{Abstract: "Five patients with ITP who had failed eltrombopag and splenectomy received BM-MSCs."},
			func(t *testing.T, f Facts) {
				if len(f.Cohorts) != 1 || !sameSet(curies(f.Cohorts[0].PriorTherapies), []string{"mkg:Eltrombopag", "mkg:Splenectomy"}) {
					t.Errorf("cohorts = %+v", f.Cohorts)
				}
				if len(f.Interventions) != 1 || f.Interventions[0].Agent.IRI != ontology.MKG+"BoneMarrowMSC" {
					t.Errorf("interventions = %+v", f.Interventions)
				}
			}},
		{"review has no cohort", Input{Title: "MSCs in ITP", Abstract: "Here, we summarize clinical applications of UC-MSCs in 20 patients with ITP."},
			func(t *testing.T, f Facts) {
				if f.Design == nil || f.Design.IRI != ontology.Review || len(f.Cohorts)+len(f.Interventions) != 0 {
					t.Errorf("facts = %+v", f)
				}
			}},
		{"trial ids", Input{Abstract: "This phase 1 study was registered at clinicaltrials.gov (NCT01297972).", TrialIDs: []string{"ChiCTR-TRC-12002345"}},
			func(t *testing.T, f Facts) {
				if len(f.Trials) != 2 || f.Trials[0].ID != "NCT01297972" || f.Design == nil || f.Design.IRI != ontology.ClinicalTrial {
					t.Errorf("trials = %+v, design %+v", f.Trials, f.Design)
				}
			}},
		{"empty", Input{}, func(t *testing.T, f Facts) {
			if f.Design != nil || len(f.Cohorts)+len(f.Interventions)+len(f.Outcomes)+len(f.Trials) != 0 {
				t.Errorf("facts from nothing: %+v", f)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Extract(tc.in)
			checkSpans(t, tc.in, f)
			tc.test(t, f)
		})
	}
}

func TestExtractDeterministic(t *testing.T) {
	a, _ := json.Marshal(Extract(seedCJCP))
	for range 5 {
		if b, _ := json.Marshal(Extract(seedCJCP)); !bytes.Equal(a, b) {
			t.Fatal("two runs differ")
		}
	}
}

func TestExplainJSON(t *testing.T) {
	b, err := json.Marshal(Extract(seedBMC).Explain())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"rule":"size-age-phrase"`)) || !bytes.Contains(b, []byte(`"text":"a 41-year-old woman"`)) {
		t.Errorf("explain JSON lacks the size evidence: %s", b)
	}
}

// TestExtractPunctuationOnly: an abstract or title of punctuation alone
// (a publisher page whose abstract heading is followed by ":") gives
// empty sentences; extraction finds nothing and does not fail.
func TestExtractPunctuationOnly(t *testing.T) {
	for _, text := range []string{":", ".", " : ", "-", "()", ":\n:"} {
		f := Extract(Input{Title: "x", Abstract: text})
		if len(f.Cohorts)+len(f.Interventions)+len(f.Outcomes)+len(f.Trials) != 0 {
			t.Errorf("%q: facts %+v", text, f)
		}
	}
}
