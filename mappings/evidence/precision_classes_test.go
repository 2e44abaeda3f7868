package evidence

import (
	"testing"

	"github.com/msckg/msckg/ontology"
)

// Classes of wrong facts seen on the development records of the unseen
// set (testdata/gold/unseen, issue 10): each test is built from the real
// record's sentences, its address above it. A reading outside its frame is
// kept as a candidate with the reason, never asserted.

// hasCandidateKind: a candidate of that kind (and concept, when given).
func hasCandidateKind(f Facts, kind, concept string) bool {
	for _, c := range f.Candidates {
		if c.Kind == kind && (concept == "" || c.Concept == concept) {
			return true
		}
	}
	return false
}

// TestNobodyReceivedIt: a product named in a chapter's or a review's title
// is not an intervention: no patients of the record's own received it.
func TestNobodyReceivedIt(t *testing.T) {
	for _, c := range []struct{ src, title string }{
		{"https://ouci.dntb.gov.ua/works/4kVkopm7", "Multipotent mesenchymal stem cells in renal transplantation"},
		{"https://ouci.dntb.gov.ua/works/73BXba89", "Mesenchymal Stem Cells as Cellular Immunotherapeutics in Allogeneic Hematopoietic Stem Cell Transplantation"},
	} {
		in := Input{Title: c.title}
		f := extractInput(t, in)
		if len(f.Interventions) != 0 {
			t.Errorf("%s: intervention asserted\n%s", c.src, explainText(f))
		}
		if !hasCandidateKind(f, "agent", ontology.MKG+"MSC") {
			t.Errorf("%s: no agent candidate: %+v", c.src, f.Candidates)
		}
	}
}

// TestConditionsOfNobody: diseases named in a text that counts no patients
// and has no design cue, aim or registry id for them are not a cohort: a
// drug review not called one, a mouse model. An aim naming the patients is
// enough (a registration's description).
func TestConditionsOfNobody(t *testing.T) {
	for _, c := range []struct {
		src   string
		in    Input
		conds []string // the cohort's conditions; none when nobody is counted
	}{
		{"https://www.dovepress.com/avatrombopag-for-the-treatment-of-adult-patients-with-chronic-immune-t-peer-reviewed-fulltext-article-TCRM",
			Input{Abstract: "Immune thrombocytopenia (ITP) is an autoimmune disorder characterized by a reduced number of circulating platelets due to immune-mediated destruction and decreased platelet production in the bone marrow. " +
				"However, labeled indications for avatrombopag have been relatively recently expanded to include treatment of chronic ITP in adults with insufficient response to the previous treatments. " +
				"In this article, we provide an overview of pharmacodynamics and pharmacokinetics of avatrombopag."}, nil},
		{"https://www.ncbi.nlm.nih.gov/pubmed/22760780",
			Input{Title: "Thymic retention of CD4+CD25+FoxP3+ T regulatory cells is associated with their peripheral deficiency and thrombocytopenia in a murine model of immune thrombocytopenia.",
				Abstract: "Using a murine model of ITP, we analyzed Tregs in the spleen and thymus."}, nil},
		{"https://ctv.veeva.com/study/umbilical-cord-derived-mesenchymal-stem-cells-therapy-in-aplastic-anemia",
			Input{Title: "Umbilical Cord Derived Mesenchymal Stem Cells Therapy in Aplastic Anemia",
				Abstract: "The aim of the present study is to investigate the safety and efficacy of vein infusion of allogeneic mesenchymal stem cells in patients with AA ."},
			[]string{ontology.MeSH + "D000741"}},
	} {
		f := Extract(c.in)
		checkSpans(t, c.in, f)
		var got []string
		for _, co := range f.Cohorts {
			for _, cd := range co.Conditions {
				got = append(got, cd.IRI)
			}
		}
		if !sameSet(got, c.conds) {
			t.Errorf("%s: conditions %v, want %v\n%s", c.src, got, c.conds, explainText(f))
		}
		if c.conds == nil && !hasCandidateKind(f, "condition", "") {
			t.Errorf("%s: no condition candidate: %+v", c.src, f.Candidates)
		}
	}
}

// TestPluralDesignIsOthers: "Clinical Trials Based on MSC" is a chapter on
// other studies, not a trial.
// https://melakarnets.com/proxy/index.php?q=https%3A%2F%2Fwww.scribd.com%2Fdocument%2F810094195%2FClinical-Trials-Based-on-MSC
func TestPluralDesignIsOthers(t *testing.T) {
	in := Input{Title: "Clinical Trials Based on MSC", Abstract: "Mesenchymal stromal cells (MSCs), present in the stromal component of several tissues, include multipotent stem cells."}
	f := extractInput(t, in)
	if f.Design != nil {
		t.Errorf("design %s from a plural", f.Design.IRI)
	}
	// The singular still names the record's own design.
	f = extractChecked(t, chenCohort)
	if f.Design == nil || f.Design.IRI != ontology.ClinicalTrial {
		t.Errorf("design %+v, want a clinical trial", f.Design)
	}
}

// TestPhaseNotStated: "persistent or chronic ITP" (or "persistent/chronic
// ITP") names no single phase;
// "persistent thrombocytopenia after HSCT" is how long a sign lasted.
func TestPhaseNotStated(t *testing.T) {
	for _, c := range []struct{ src, text string }{
		{"https://www.pubmed.gov/26681745/", "Methods: The retrospective analysis included 319 patients with ITP who accepted danazol therapy. " +
			"Results: Among patients with persistent or chronic ITP, the overall response rate of danazol therapy was 65.0%."},
		// bussel2018-fostamatinib-fit-utas: a slash list is both phases, not the first
		{"https://eprints.utas.edu.au/27907/", "In two parallel, phase 3, randomized, placebo-controlled trials, 150 patients with persistent/chronic ITP were randomized 2:1 to fostamatinib or placebo."},
		{"chronic/persistent, the other order", "In this trial, 150 patients with chronic/persistent ITP received fostamatinib."},
		{"http://www.pubmed.gov/36577152/", "Herein, we evaluated the safety and efficacy of low-dose decitabine in nine children with persistent thrombocytopenia after HSCT."},
	} {
		f := extractChecked(t, c.text)
		if len(f.Cohorts) == 0 {
			t.Fatalf("%s: no cohort\n%s", c.src, explainText(f))
		}
		if p := f.Cohorts[0].DiseasePhase; p != "" {
			t.Errorf("%s: phase %s asserted", c.src, p)
		}
		if !hasCandidateKind(f, "diseasePhase", ontology.Persistent) {
			t.Errorf("%s: no phase candidate: %+v", c.src, f.Candidates)
		}
	}
	// A phase written before ITP alone stays a fact.
	f := extractChecked(t, "Four patients with chronic refractory immune thrombocytopenic purpura received UC-MSCs.")
	if len(f.Cohorts) == 0 || f.Cohorts[0].DiseasePhase != ontology.Chronic {
		t.Errorf("chronic not read\n%s", explainText(f))
	}
}

// TestRefractoryOrIntolerant: each patient was one or the other, so the
// cohort is not refractory as a whole; "relapsed or refractory" is.
// https://www.mdpi.com/1424-8247/15/11/1377
func TestRefractoryOrIntolerant(t *testing.T) {
	f := extractChecked(t, "Three patients with AIHA and eight patients with ITP between 2008 and 2022 were enrolled in the Rheumatology Outpatient Clinic of Chang Gung Memorial Hospital, Kaohsiung. "+
		"Those patients were refractory or intolerant to conventional therapy and were treated with danazol.")
	if len(f.Cohorts) == 0 || f.Cohorts[0].Refractory != nil {
		t.Errorf("refractory asserted\n%s", explainText(f))
	}
	if !hasCandidateKind(f, "refractory", "") {
		t.Errorf("no refractory candidate: %+v", f.Candidates)
	}
	f = extractChecked(t, "Eight patients with relapsed or refractory ITP were enrolled.")
	if len(f.Cohorts) == 0 || f.Cohorts[0].Refractory == nil {
		t.Errorf("relapsed or refractory not read\n%s", explainText(f))
	}
}

// TestPriorTherapyNotFromConclusions: a conclusion generalises ("even in
// those refractory to other treatments"): the study's own drug named in it
// is not the patients' earlier therapy. https://www.pubmed.gov/26681745/
func TestPriorTherapyNotFromConclusions(t *testing.T) {
	f := extractChecked(t, "Methods: The retrospective analysis included 319 patients with ITP who accepted danazol therapy.\n"+
		"Conclusion: Low-to-medium dosage of danazol is better tolerated and effective in patients with ITP, even in those refractory to other treatments.")
	if len(f.Cohorts) == 0 {
		t.Fatalf("no cohort\n%s", explainText(f))
	}
	if p := f.Cohorts[0].PriorTherapies; len(p) != 0 {
		t.Errorf("prior therapies %v from the conclusion", p)
	}
}

// TestStudyDrugNotPrior: "who failed first-line treatments and received
// romiplostim, placebo or standard of care": the drug after "received" is
// the study's, not one the patients had before; a drug the failure cue
// names before the study's treatment still is. kuter2019 (PubMed 30793276).
func TestStudyDrugNotPrior(t *testing.T) {
	f := extractChecked(t, "This analysis of pooled data from 9 studies included 1037 patients with ITP who failed first-line treatments and received romiplostim, placebo or standard of care.")
	if len(f.Cohorts) == 0 {
		t.Fatalf("no cohort\n%s", explainText(f))
	}
	if p := curies(f.Cohorts[0].PriorTherapies); len(p) != 0 {
		t.Errorf("prior therapies %v: romiplostim is what the study gave", p)
	}
	f = extractChecked(t, "Twenty patients with ITP who had failed rituximab and splenectomy received romiplostim.")
	if len(f.Cohorts) == 0 || !sameSet(curies(f.Cohorts[0].PriorTherapies), []string{"mesh:D000069283", "mkg:Splenectomy"}) {
		t.Errorf("prior therapies %v, want rituximab and splenectomy\n%s", curies(f.Cohorts[0].PriorTherapies), explainText(f))
	}
	f = extractChecked(t, "Twenty patients with ITP who had failed steroids and had received rituximab were enrolled.")
	if len(f.Cohorts) == 0 || !sameSet(curies(f.Cohorts[0].PriorTherapies), []string{"mkg:Corticosteroids", "mesh:D000069283"}) {
		t.Errorf("prior therapies %v, want corticosteroids and rituximab (\"had received\" is a cue)\n%s", curies(f.Cohorts[0].PriorTherapies), explainText(f))
	}
}

// TestTissueDerivedBeforeAdjective: "bone marrow derived multipotent
// mesenchymal stromal cells" are bone marrow MSCs, though "multipotent"
// keeps the lexicon's phrase from matching whole.
// https://www.oncotarget.com/lookup/doi/10.18632/oncotarget.25020
func TestTissueDerivedBeforeAdjective(t *testing.T) {
	in := Input{Title: "Infusion of bone marrow derived multipotent mesenchymal stromal cells for the treatment of steroid-refractory acute graft-versus-host disease: a multicenter prospective study"}
	f := extractInput(t, in)
	if len(f.Interventions) != 1 || f.Interventions[0].Agent.IRI != ontology.MKG+"BoneMarrowMSC" {
		t.Errorf("agent not bone marrow MSCs\n%s", explainText(f))
	}
}

// TestPriorTherapyAfterItsCue: "refractory to", "failure of", "relapsed
// after", "previously treated" name the earlier therapy after them; a drug
// before such a cue is the study's own. "had a poor therapeutic effect"
// follows the therapy (cjcp) and still reads it.
func TestPriorTherapyAfterItsCue(t *testing.T) {
	for _, c := range []struct {
		src, text string
		want      []string
	}{
		// rhtpo-danazol-persistent-ijh (development record of the unseen set)
		{"http://dx.doi.org/10.1007/s12185-012-1124-8", "This multicenter, randomized trial assessed the efficacy and safety of a recombinant human thrombopoietin (rhTPO) in patients with persistent primary immune thrombocytopenia (ITP) who had failed glucocorticosteroid treatment. " +
			"A total of 140 eligible patients were randomized to receive rhTPO + danazol (rhTPO group, 73 patients) or danazol (control group, 67 patients).",
			[]string{"mkg:Corticosteroids"}},
		// eltrombopag-paediatric-petit-euctr
		{"https://www.ClinicalTrialsRegister.eu/ctr-search/trial/2006-002946-13/results", "A two part, staggered cohort, open-label and double blind, randomized, placebo controlled study to investigate the efficacy, safety, tolerability and pharmacokinetics of eltrombopag, a thrombopoietin receptor agonist, in previously treated pediatric patients with chronic idiopathic thrombocytopenic purpura (ITP).",
			nil},
		{"cjcp (own gold)", "Two children with immune-mediated thrombocytopenia after HSCT were treated with UC-MSCs. After intravenous immunoglobulin (IVIG) pulse therapy, platelet count increased temporarily but then decreased, while cyclosporine, methylprednisolone, and rituximab had a poor therapeutic effect.",
			[]string{"mkg:IVIG", "mesh:D016572", "mesh:D008775", "mesh:D000069283"}},
	} {
		f := extractChecked(t, c.text)
		var got []string
		for _, co := range f.Cohorts {
			for _, p := range co.PriorTherapies {
				got = append(got, ontology.CompactIRI(p.IRI))
			}
		}
		if !sameSet(got, c.want) {
			t.Errorf("%s: prior therapies %v, want %v\n%s", c.src, got, c.want, explainText(f))
		}
	}
}

// TestSizeIsWhoWasStudied: the cohort size counts the patients studied,
// not a population, a registration's target or patients with a result;
// a number written in parts is read whole.
func TestSizeIsWhoWasStudied(t *testing.T) {
	for _, c := range []struct {
		src, text string
		size      int
	}{
		{"https://proxy.weglot.com/wg_8714b7f1589aa0f6c92979708057c4a57/en/es/pubmed.ncbi.nlm.nih.gov/32885352",
			"Two hundred eleven children were randomized into the HDD (n = 110) and PDN (n = 101) groups.", 211},
		{"https://pmc.ncbi.nlm.nih.gov/articles/PMC5682824",
			"Approximately 210 million women become pregnant annually, and about 140 million newborns are delivered.", 0},
		{"http://www.strokecenter.org/trials/clinicalstudies/the-safety-and-efficacy-of-human-umbilical-cord-mesenchymal-stem-cells-in-the-treatment-of-acute-cerebral-infarction/description",
			"This is a randomized, double-blind, paralleled study. 40 patients will be separated into two groups, and receive basic treatment (Aspirin Tablet).", 0},
		{"http://ashpublications.net/blood/article/121/3/537/31014/Safety-and-efficacy-of-eltrombopag-for-treatment?searchresult=1",
			"Thirty-eight patients (13%) experienced ≥ 1 adverse events leading to study withdrawal.", 0},
		{"https://link.springer.com/article/10.1007/s12288-021-01467-0", "Two patients died, and overall survival rate was 97.4% at 30 months of follow up.", 0},
		{"http://ashpublications.net/bloodadvances/article/4/17/4136/463615/Phase-2-multiple-dose-study-of-an-FcRn-inhibitor",
			"Four patients had serious AEs, but none were treatment related.", 0},
		// xu2018-ejmr (own gold): 24 is the whole, the share is the five's.
		{"xu2018-ejmr", "Upon follow-up for a median of 13 months, 5 of the 24 patients (20.8%) were dead.", 24},
	} {
		f := extractChecked(t, c.text)
		size := 0
		if len(f.Cohorts) > 0 {
			size = f.Cohorts[0].Size
		}
		if size != c.size {
			t.Errorf("%s: size %d, want %d\n%s", c.src, size, c.size, explainText(f))
		}
	}
}

// TestPlateletBoundIsNotACount: a platelet bound in an inclusion
// criterion, a definition of response or a target is not a count measured
// in the patients; a count that rose to a bound is (medicine, own gold).
func TestPlateletBoundIsNotACount(t *testing.T) {
	for _, c := range []struct {
		src, text string
		counts    int
	}{
		{"http://ashpublications.com/blood/article/146/Supplement%201/3034/554094/Real-world-safety-and-effectiveness-of-hetrombopag", "In this multi-center, real-world study, patients with a confirmed diagnosis of ITP and baseline PLT <30×10⁹/L were included. " +
			"Effectiveness was assessed by the change in PLT over time and the proportion of responders (PLT ≥30×10⁹/L).", 0},
		// the registration's sentence, with its subject written for the test
		{"https://crick.ai/trials/NCT07214025", "Thirty children with ITP will receive weekly subcutaneous injection, with dose adjustments based on platelet response, in order to maintain platelet counts ≥50 × 10⁹/L while minimizing the risk of bleeding.", 0},
		{"medicine (own gold)", "A 12-year-old boy with ITP received ucMSCs. As the patient's skin rash resolved, his platelets gradually increased to >150 × 10 9 /L.", 1},
	} {
		f := extractChecked(t, c.text)
		n := 0
		for _, o := range f.Outcomes {
			if o.Type == ontology.PlateletCount && o.Value != nil {
				n++
			}
		}
		if n != c.counts {
			t.Errorf("%s: %d platelet counts, want %d\n%s", c.src, n, c.counts, explainText(f))
		}
		if c.counts == 0 && !hasCandidate(f, "platelet bound") {
			t.Errorf("%s: no platelet-bound candidate", c.src)
		}
	}
}

// TestOwnDesignNamedWithThis: the record names its own design with "this"
// or "the present", in an Introduction too; the designs of the studies it
// reviews or of a cohort-size guess do not override it.
func TestOwnDesignNamedWithThis(t *testing.T) {
	for _, c := range []struct {
		src  string
		in   Input
		want string
	}{
		{"https://www.springermedizin.de/link?doi=10.1007/s00277-021-04590-1 (narrative review listing the studies it read)",
			Input{Title: "Romiplostim in children with newly diagnosed or persistent primary immune thrombocytopenia",
				Abstract: "In this narrative review, we evaluate the available evidence on the use of the TPO-RA romiplostim to treat children with newly diagnosed or persistent ITP and identify data from five clinical trials, five real-world studies, and a case report."},
			ontology.Review},
		{"https://www.springermedizin.de/link?doi=10.1186/ar4520 (own trial named in the Introduction)",
			Input{Abstract: "Introduction\nThe present multicenter clinical trial was undertaken to assess the safety and efficacy of allogeneic UC MSC transplantation (MSCT) in patients with active and refractory SLE.\nMethods\nForty patients with active SLE were recruited from four clinical centers in China.",
				Sections: nil},
			ontology.ClinicalTrial},
		{"(an earlier study of the same group is not this one)",
			Input{Abstract: "In our previous pilot trial, MSCs were safe. Forty patients with active SLE were recruited from four clinical centers in China."},
			ontology.CohortStudy},
	} {
		f := Extract(c.in)
		checkSpans(t, c.in, f)
		if f.Design == nil || f.Design.IRI != c.want {
			t.Errorf("%s: design %+v, want %s\n%s", c.src, f.Design, c.want, explainText(f))
		}
	}
}

// TestCoursesNotEachPatients: a count of administrations is each patient's
// number of courses only when nothing makes it a bound, a sum, or possibly
// the total over a numbered group; it is then a candidate with the reason.
func TestCoursesNotEachPatients(t *testing.T) {
	for _, c := range []struct {
		src     string
		abs     string
		courses int
	}{
		{"https://link.springer.com/doi/10.1007/s00277-023-05216-3 (a bound over the group)",
			"Patients received weekly umbilical cord-derived MSC infusions. MSC was safe without acute or late adverse effects in 76 patients receiving over 190 infusions.", 0},
		{"(a numbered group: total or each patient's)",
			"Twelve patients received 30 infusions of umbilical cord MSCs.", 0},
		{"(a sum)", "Twelve patients with ITP were treated. A total of 45 infusions of umbilical cord MSCs were given to the patients.", 0},
		{"(each patient's)", "Twelve patients each received four infusions of umbilical cord MSCs.", 4},
		{"https://www.cjcp.org (Both children: each child's)", "Both children received three sessions of UC-MSCs infusion.", 3},
	} {
		in := Input{Abstract: c.abs}
		f := extractInput(t, in)
		if len(f.Interventions) == 0 || f.Interventions[0].Courses != c.courses {
			t.Errorf("%s: interventions %+v, want courses %d\n%s", c.src, f.Interventions, c.courses, explainText(f))
		}
		if c.courses == 0 && !hasCandidateKind(f, "courses", "") {
			t.Errorf("%s: no courses candidate: %+v", c.src, f.Candidates)
		}
	}
}

// TestSurvivalFrame: a survival share is asserted with what the sentence
// gives of its frame: the patients of "92.5% (37 of 40 patients)" when the
// two readings agree, the time of "5-year relapse-free survival" or "OS
// at 12 months was"; a fraction that disagrees with the share, a missing
// time, or one rate among several of strata demotes it.
func TestSurvivalFrame(t *testing.T) {
	for _, c := range []struct {
		src      string
		abs      string
		patients int // 0: none asserted
		time     string
		asserted bool
	}{
		{"https://www.springermedizin.de/link?doi=10.1186/ar4520", "Forty patients with active SLE were recruited. The overall survival rate was 92.5% (37 of 40 patients).", 37, "", true},
		{"(the two readings disagree)", "Forty patients with active SLE were recruited. The overall survival rate was 92.5% (30 of 40 patients).", 0, "", false},
		{"https://www.scilit.net/publications/f565cf49fd85f1b93e528a40eaf5ba2f", "Among 140 adult patients with ITP who had therapeutic splenectomy at our institution, most responded. The 5-year relapse-free survival was 75%; all but three relapses occurred within 2 years of splenectomy.", 0, "5 a", true},
		// A rate without the time it was measured at is a candidate (the
		// frame's "when" is missing), and the 2 years of another clause
		// are not borrowed for it.
		{"(a time of another clause)", "Forty patients were treated for 2 years, the overall survival was 75%.", 0, "", false},
		{"https://www.nature.com/articles/s41409-024-02249-8", "Fifty-nine patients received ruxolitinib. OS at 12 months was 41.5%, with a median OS duration of 5.3 months.", 0, "12 mo", true},
		{"https://pmc.ncbi.nlm.nih.gov/articles/PMC4403977", "Seventy-one patients were treated with ECP. The aGVHD-free survival was associated with aGVHD grading (Grade II 81%, Grade III 33%, and Grade IV 0%, p ≤ 0.00).", 0, "", false},
		// A standard error is no second rate; a median follow-up says when.
		{"testdata/gold/haplo-msc-juvenile-saa.json", "Seventy-five patients were transplanted. The overall survival was 87.15% ± 3.3% at a median follow-up of 40 (1.3–98) months.", 0, "", true},
	} {
		in := Input{Abstract: c.abs}
		f := extractInput(t, in)
		var sv *Outcome
		for i := range f.Outcomes {
			if f.Outcomes[i].Type == ontology.Survival {
				sv = &f.Outcomes[i]
			}
		}
		if (sv != nil) != c.asserted {
			t.Errorf("%s: survival asserted %v, want %v\n%s", c.src, sv != nil, c.asserted, explainText(f))
			continue
		}
		if sv == nil {
			continue
		}
		if got := 0; sv.Patients != nil {
			got = *sv.Patients
			if got != c.patients {
				t.Errorf("%s: patients %d, want %d", c.src, got, c.patients)
			}
		} else if c.patients != 0 {
			t.Errorf("%s: no patients, want %d", c.src, c.patients)
		}
		got := ""
		if sv.Timepoint != nil {
			got = sv.Timepoint.Value + " " + sv.Timepoint.Unit
		}
		if got != c.time {
			t.Errorf("%s: timepoint %q, want %q\n%s", c.src, got, c.time, explainText(f))
		}
	}
}

// TestCountsListedInParallel: "Three and four patients experienced disease
// relapse at 9 months (12.5%) and 12 months (16.7%), respectively" pairs
// each count with a time; the event rule does not pair them, so neither
// count is asserted as the patients of the relapse.
func TestCountsListedInParallel(t *testing.T) {
	in := Input{Abstract: "Forty patients with active SLE were recruited. Three and four patients experienced disease relapse at 9 months (12.5%) and 12 months (16.7%) of follow-up, respectively, after a prior clinical response. Four patients died."}
	f := extractInput(t, in)
	var got []int
	for _, o := range f.Outcomes {
		if o.Type == ontology.OtherOutcome && o.Patients != nil {
			got = append(got, *o.Patients)
		}
	}
	if len(got) != 1 || got[0] != 4 {
		t.Errorf("event counts %v, want only the 4 deaths\n%s", got, explainText(f))
	}
	if !hasCandidateKind(f, "outcome", "") {
		t.Errorf("no outcome candidate: %+v", f.Candidates)
	}
}

// TestAnotherGroupsStudy: a sentence that names its study by another
// group's authors ("by Chang et al.") is about their patients, as a
// comment or a letter describes them: no design, cohort or condition is
// the record's own. The same numbers without the citation are.
func TestAnotherGroupsStudy(t *testing.T) {
	const src = "https://www.lih.lu/crp/publication/danazol-as-a-second-line-treatment-for-immune-thrombocytopenic-purpura-11973"
	cited := Input{Title: "Danazol as a second-line treatment for immune thrombocytopenic purpura.",
		Abstract: "The retrospective study by Chang et al. describes the characteristics of a cohort of 375 ITP patients with chronic refractory disease."}
	f := Extract(cited)
	checkSpans(t, cited, f)
	if f.Design != nil || len(f.Cohorts) != 0 {
		t.Errorf("%s: another group's study read as the record's own\n%s", src, explainText(f))
	}
	own := Input{Title: cited.Title,
		Abstract: "This retrospective study describes the characteristics of a cohort of 375 ITP patients with chronic refractory disease."}
	if f := Extract(own); f.Design == nil || len(f.Cohorts) == 0 {
		t.Errorf("%s: the record's own study not read\n%s", src, explainText(f))
	}
}
