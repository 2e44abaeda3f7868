package labelledpage

import (
	"errors"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/page"
)

// Classes of wrong page metadata found on a probe set of real pages (from
// the page search, in neither the development nor the locked set, judged
// by hand); each page here is shortened from one of them.

// TestNewsBylineIsNoAuthor: "By Elana Gotkine HealthDay Reporter" is a
// reporter's byline over a news item (HealthDay on medgoo.com), which is
// declined as a news item, not read as a paper by "Reporter".
func TestNewsBylineIsNoAuthor(t *testing.T) {
	text := "Ryoncil is first FDA-approved mesenchymal stromal cell therapy for pediatric patients aged 2 months or older\n" +
		"By Elana Gotkine HealthDay Reporter\n" +
		"FRIDAY, Dec. 27, 2024 (HealthDay News) — The allogeneic bone marrow-derived mesenchymal stromal cell (MSC) therapy Ryoncil has been approved for treatment for steroid-refractory acute graft-versus-host disease in pediatric patients aged 2 months or older, according to a press release from the U.S. Food and Drug Administration.\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Authors) > 0 {
		t.Errorf("a reporter read as an author: %+v", rec.Authors)
	}
	if err := page.IsRecord(&rec); !errors.Is(err, page.ErrNews) {
		t.Errorf("IsRecord = %v, want ErrNews", err)
	}
}

// TestSharingSiteFurniture: a login bar, a PDF's download watermark and a
// viewer's page counter are no title; "来源:用户上传" (source: user
// upload) is no journal; "作者:吴小凡 周永明" is two people.
func TestSharingSiteFurniture(t *testing.T) {
	for _, c := range []struct{ text, title string }{
		{"您好, 访客   登录/注册\n\n再生障碍性贫血发病机制的研究进展\n\n来源:用户上传      作者:吴小凡 周永明\n\n" +
			"  摘 要 再生障碍性贫血(AA)的发病机制尚未完全阐明,可能涉及造血干细胞缺陷、免疫功能异常和信号通路等各个环节。本文从端粒及相关蛋白缺陷、免疫功能失调和信号通路异常等方面综述AA发病机制,以便为临床研究和治疗提供思路和方法。\n",
			"再生障碍性贫血发病机制的研究进展"},
		{"You are on page 1of 13\n\nFrom bloodjournal.hematologylibrary.org by guest on June 16, 2013. For personal use only.\n\n" +
			"How I treat acquired aplastic anemia\n\nPhillip Scheinberg and Neal S. Young\n",
			"How I treat acquired aplastic anemia"},
	} {
		rec, err := labelledPageFields([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Title != c.title {
			t.Errorf("title %q, want %q", rec.Title, c.title)
		}
		if rec.Journal.Title != "" {
			t.Errorf("journal %q from a hosting site's label", rec.Journal.Title)
		}
		if strings.HasPrefix(c.text, "您好") && strings.Join(familiesOf(rec), "|") != "吴|周" {
			t.Errorf("authors %v, want 吴 and 周", familiesOf(rec))
		}
	}
}

// TestEmptyLabelTakesNoLabel: an empty "Scientific title:" above "Date of
// first enrolment: 26/02/2001" (WHO ICTRP) is empty, not that line.
func TestEmptyLabelTakesNoLabel(t *testing.T) {
	text := "Public title: A Randomized Controlled Study in Newly Diagnosed Severe Aplastic Anemia Patients\n" +
		"Scientific title:\nDate of first enrolment: 26/02/2001\nTarget sample size: 340\nRecruitment status: Completed\n"
	reg := labelled(splitPageLines(text), strings.Count(text, "\n"), &mappings.Record{})
	if reg.official != "" {
		t.Errorf("official title %q, want none", reg.official)
	}
}

// TestAbstractLabelAboveBadgeOrByline: "Abstract" / "OPEN ACCESS" /
// "Background" (a PLOS PDF on scribd) is a structured abstract under a
// badge; "Abstract" / "Li Wang1,2,*, Haiyan Zhang3,*, …" (Oncotarget) is
// a tab label above the byline, and the abstract is under a later label.
func TestAbstractLabelAboveBadgeOrByline(t *testing.T) {
	badge := "Efficacy of Mesenchymal Stem Cell Therapy for Steroid-Refractory Acute GVHD\n\nAbstract\n\nOPEN ACCESS\nBackground\n" +
		"Mesenchymal stem cells (MSCs) have been broadly used experimentally in various clinical settings.\nMethods\nWe searched the literature.\n"
	rec, err := labelledPageFields([]byte(badge))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rec.Abstract.Text, "Background: Mesenchymal stem cells") {
		t.Errorf("abstract %q", rec.Abstract.Text)
	}
	byline := "Mesenchymal stem cells in acute GVHD: a meta-analysis of animal models\n\nAbstract\n\n" +
		"Li Wang1,2,*, Haiyan Zhang3,*, Lixun Guan1, Shasha Zhao1, Zhenyang Gu1\n\n1 Department of Hematology, Chinese PLA General Hospital, Beijing, China\n\n" +
		"ABSTRACT\nA meta-analysis of animal models was conducted to evaluate the prophylactic effects of mesenchymal stem cells on acute graft-versus-host disease.\n"
	if rec, err = labelledPageFields([]byte(byline)); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rec.Abstract.Text, "A meta-analysis of animal models") {
		t.Errorf("abstract %q", rec.Abstract.Text)
	}
}

// TestTitleWrappedOverLines: a PDF copy wraps a long title over four
// lines, with blank lines and a hyphen at a break, above its byline.
func TestTitleWrappedOverLines(t *testing.T) {
	text := "RESEARCH ARTICLE\n\nEfficacy of Mesenchymal Stem Cell Therapy\n\n\nfor Steroid-Refractory Acute Graft-Versus-\n" +
		"Host Disease following Allogeneic\nHematopoietic Stem Cell Transplantation: A\nSystematic Review and Meta-Analysis\n" +
		"Xiaomei Chen, Chunyan Wang, Jin Yin, Jinhuan Xu, Jia Wei*, Yicheng Zhang*\n" +
		"Department of Hematology, Tongji Hospital, Tongji Medical College, Wuhan, China\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	const want = "Efficacy of Mesenchymal Stem Cell Therapy for Steroid-Refractory Acute Graft-Versus-Host Disease following Allogeneic Hematopoietic Stem Cell Transplantation: A Systematic Review and Meta-Analysis"
	if rec.Title != want {
		t.Errorf("title %q", rec.Title)
	}
}

// TestUnicodeHyphenInNames: "Xin‐guang Liu" (U+2010) no longer ends the
// author list (a 31-author byline on bohrium lost its last two).
func TestUnicodeHyphenInNames(t *testing.T) {
	got := familiesOf(mappings.Record{Authors: pageNames("Jun Peng,Xin\u2010guang Liu,Ming Hou")})
	if strings.Join(got, "|") != "Peng|Liu|Hou" {
		t.Errorf("families %v", got)
	}
}

// TestRegistrationNumberLabel: mirrors of registrations print the id
// under "Registration Number" ("- NCT04318600" in a bulleted list on
// medpath.com, "EUCTR2008-006143-40-AT" as WHO ICTRP names EudraCT
// numbers): a Trial, not "a trial description without a registry id".
func TestRegistrationNumberLabel(t *testing.T) {
	for id, text := range map[string]string{
		"NCT04318600": "Allogeneic Amniotic Mesenchymal Stem Cell Therapy for Lupus Nephritis\n- Conditions\n- Lupus Nephritis\n" +
			"- Registration Number\n- NCT04318600\n- Lead Sponsor\n- Yan'an Affiliated Hospital of Kunming Medical University\n" +
			"- Study Type\n- Interventional\n",
		"2008-006143-40": "Assessment of platelet function in patients with chronic autoimmune thrombocytopenic purpura treated with Eltrombopag\n" +
			"- Registration Number\n- EUCTR2008-006143-40-AT\n- Lead Sponsor\n- Medical University of Vienna\n- Study Type\n- Interventional\n",
	} {
		rec, err := labelledPageFields([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Trial == nil || rec.Trial.ID != id {
			t.Errorf("trial %+v, want %s (ids %v)", rec.Trial, id, rec.TrialIDs)
		}
	}
}

// TestAbbreviatedJournalAndYear: a PubMed page prints "J Korean Med Sci.
// 2003 Jun;18(3):365-71." above its title and no byline; an abbreviated
// journal and a year identify the paper as a full name would.
func TestAbbreviatedJournalAndYear(t *testing.T) {
	text := "Send to\n\nJ Korean Med Sci. 2003 Jun;18(3):365-71.\n\n" +
		"The treatment of severe aplastic anemia: outcomes of bone marrow transplantation and immunosuppressive therapy in a single institution of Korea.\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if err := page.IsRecord(&rec); err != nil || rec.Journal.Abbrev != "J Korean Med Sci" || rec.Issued.Year != 2003 {
		t.Errorf("IsRecord = %v, journal %+v, issued %v", err, rec.Journal, rec.Issued)
	}
}

// TestPublisherHeaders: Frontiers prints its article type, a running
// citation "Front. Immunol., 26 October 2021", a section and a research
// topic above the title; BMC prints "• Published:" with its date left
// out, right above the title; nature.com opens with a browser notice
// long enough to pass for the abstract.
func TestPublisherHeaders(t *testing.T) {
	for _, c := range []struct{ text, title, journal string }{
		{"Skip to main content\n\nMINI REVIEW article\n\nFront. Immunol., 26 October 2021\nSec. Alloimmunity and Transplantation\n" +
			"This article is part of the Research Topic Cutting-Edge Translational Research in Graft-Versus-Host Disease (GVHD)\n\n" +
			"Mesenchymal Stromal Cells for the Treatment of Graft Versus Host Disease\n\n" +
			"Graft versus host disease (GvHD) is a life-threating complication of allogeneic hematopoietic stem cell transplantation, which is initially treated with high-dose corticosteroids, and mesenchymal stromal cells have been studied as a treatment for the steroid-refractory disease in many trials.\n",
			"Mesenchymal Stromal Cells for the Treatment of Graft Versus Host Disease", "Front. Immunol."},
		{"Skip to main content\n  • Research article\n  • Open access\n  • Published:\n\n" +
			"Combination of umbilical cord mesenchymal stem cells and standard immunosuppressive regimen for pediatric patients with severe aplastic anemia\n\n" +
			"Abstract\nBackground\nDefects of bone marrow mesenchymal stem cells in proliferation and differentiation are involved in the pathophysiology of aplastic anemia.\n",
			"Combination of umbilical cord mesenchymal stem cells and standard immunosuppressive regimen for pediatric patients with severe aplastic anemia", ""},
		{"Skip to main content\n\nThank you for visiting nature.com. You are using a browser version with limited support for CSS. To obtain the best experience, we recommend you use a more up to date browser (or turn off compatibility mode in Internet Explorer).\n\n" +
			"  • Article\n  • Published:\n\nSecond haploidentical stem cell transplantation for primary graft failure\n\n" +
			"We report the outcome of 19 patients who experienced primary graft failure (PrGF) after a haploidentical, unmanipulated, bone marrow transplant and who received a second haploidentical transplant from a different donor.\n",
			"Second haploidentical stem cell transplantation for primary graft failure", ""},
	} {
		rec, err := labelledPageFields([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Title != c.title || rec.Journal.Abbrev != c.journal {
			t.Errorf("title %q, journal %q; want %q, %q", rec.Title, rec.Journal.Abbrev, c.title, c.journal)
		}
	}
}

// TestNumberedItemIsNoAbstract: a registration mirror (ClinicalTrials.Veeva)
// whose longest paragraph is its third exclusion criterion.
func TestNumberedItemIsNoAbstract(t *testing.T) {
	text := "Multicentre, Randomised Phase III Study of Hetrombopag Olamine in Idiopathic Thrombocytopenic Purpura (ITP) Patient\n\n" +
		"ClinicalTrials.gov Identifier: NCT03222843\nStudy type: Interventional\nEnrollment: 424 patients\n\nExclusion criteria\n\n" +
		"  1. Patients with any prior history of arterial or venous thrombosis.\n" +
		"  3. Have pre-existing cardiac disease within the last 3 months.No arrhythmia known to increase the risk of thrombolic events (e.g. atrial fibrillation), or patients with a Corrected QT interval (QTc) longer than 450 ms in men or 470 ms in women.\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(rec.Abstract.Text, "cardiac disease") {
		t.Errorf("an exclusion criterion read as the abstract: %q", rec.Abstract.Text)
	}
}

// TestInlineLabelThenHeadings: KoreaMed prints "BACKGROUND: …" inline and
// then "METHODS" and "RESULTS" on lines of their own above their text; the
// abstract is all three sections, not the background alone.
func TestInlineLabelThenHeadings(t *testing.T) {
	text := "The Results of Danazol Therapy in Patients with Chronic Immune Thrombocytopenic Purpura Who Failed with Corticosteroid Therapy\n\n" +
		"Korean J Hematol. 2007 Dec;42(4):353-360.\n\nAbstract\n\n" +
		"BACKGROUND: Most adult patients with chronic ITP refractory to corticosteroids have been treated with splenectomy.\n" +
		"METHODS\nAmong the patients with chronic ITP who failed corticosteroid therapy in our hospital, 28 patients who received danazol were analyzed.\n" +
		"RESULTS\nThe median age of patients was 44 years.\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rec.Abstract.Text, "28 patients who received danazol") || !strings.Contains(rec.Abstract.Text, "median age") {
		t.Errorf("abstract %q", rec.Abstract.Text)
	}
}

// TestMastheadsAreNoTitles: lines a journal prints above the title (an
// ISSN line, a copyright line, "Volume 6, Number 8", a sign-up banner, a
// peer-review timeline, "How to cite this article: …") and "Not
// available" under an abstract label, from the second probe set.
func TestMastheadsAreNoTitles(t *testing.T) {
	for _, c := range []struct{ text, title string }{
		{"J Med Cases\nJournal of Medical Cases, ISSN 1923-4155 print, 1923-4163 online, Open Access\n" +
			"Article copyright, the authors; Journal compilation copyright, J Med Cases and Elmer Press Inc\n\nCase Report\n\n" +
			"Volume 6, Number 8, August 2015, pages 358-361\n\n\n" +
			"Immune (Idiopathic) Thrombocytopenic Purpura Diagnosed in Pregnancy: A Case Report and Review of Management\n\n" +
			"Eugene Youjin Huang, Lay Kok Tan\n",
			"Immune (Idiopathic) Thrombocytopenic Purpura Diagnosed in Pregnancy: A Case Report and Review of Management"},
		{"JCDR - Register at Journal of Clinical and Diagnostic Research\nJournal of Clinical and Diagnostic Research, ISSN - 0973 - 709X\n\n" +
			"Management Challenges of Refractory Immune Thrombocytopenia during Pregnancy: A Case Report\n\nR Akshaya, Aboobacker Mohammed Rafi, Deepak Charles\n",
			"Management Challenges of Refractory Immune Thrombocytopenia during Pregnancy: A Case Report"},
		{"How to cite this article: Al-Anazi KA, Ayyad A, Kanfer S. Update on the Use of Mesenchymal Stem Cells in Hematopoietic Stem Cell Transplantation. J Stem Cell Ther Transplant. 2023; 7: 024-033.\n\n" +
			"Update on the Use of Mesenchymal Stem Cells in Hematopoietic Stem Cell Transplantation\n\nKhalid Ahmed Al-Anazi, Ahmed Ayyad, Solaf Kanfer\n",
			"Update on the Use of Mesenchymal Stem Cells in Hematopoietic Stem Cell Transplantation"},
		{"Peer-review started: March 1, 2021\nFirst decision: June 16, 2021\nProcessing time: 91 Days and 0.4 Hours\n\n" +
			"Umbilical cord mesenchymal stem cells for ischemic stroke: a case report\n\nSung Hyun Ahn, Hyun Jeong Kim\n",
			"Umbilical cord mesenchymal stem cells for ischemic stroke: a case report"},
	} {
		rec, err := labelledPageFields([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Title != c.title {
			t.Errorf("title %q, want %q", rec.Title, c.title)
		}
	}
	rec, err := labelledPageFields([]byte("Umbilical cord MSCs for pediatric GVHD\n\nBrief Summary\nNot available\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Abstract.Text != "" {
		t.Errorf("abstract %q, want none", rec.Abstract.Text)
	}
}

// TestLabelledSectionsWithoutAbstractLabel: medluna prints a structured
// abstract as "Background: …", "Methods: …", "Results: …" lines with no
// "Abstract" above them; PMC heads one "Background and Aims". Both are
// the whole abstract, not its first long paragraph or its heading.
func TestLabelledSectionsWithoutAbstractLabel(t *testing.T) {
	for _, text := range []string{
		"A Multicenter Phase II Study on the Efficacy and Safety of Hetrombopag in Patients with Severe Aplastic Anemia Refractory to Immunosuppressive Therapy\nOverview\nAuthors\n" +
			"Background: In this single-arm phase II study (NCT03557099), we evaluated the efficacy and safety of hetrombopag in patients with severe aplastic anemia.\n" +
			"Methods: SAA patients who were refractory to standard first-line IST were given hetrombopag orally at an initial dose of 7.5 mg once daily for a total of 52 weeks.\n" +
			"Results: A total of 55 eligible patients were enrolled and received hetrombopag treatment.\n",
		"Long-term follow-up of bone marrow-derived MSC therapy for perianal fistulising Crohn's disease\n\nAbstract\n\nBackground and Aims\n\n" +
			"The long-term safety and efficacy of allogeneic bone marrow-derived mesenchymal stromal cell therapy is unknown.\n\nMethods\n\n" +
			"A double-blind dose-finding study for local bmMSC therapy in 21 patients was performed.\n\nResults\n\n" +
			"Thirteen out of 15 patients treated with bmMSCs were available for long-term follow-up. A total of 55 eligible patients were enrolled.\n",
	} {
		rec, err := labelledPageFields([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(rec.Abstract.Text, "55 eligible patients") || len(rec.Abstract.Sections) < 3 {
			t.Errorf("abstract %q (%d sections)", rec.Abstract.Text, len(rec.Abstract.Sections))
		}
	}
}

// TestTitleWithoutGluedTail: a sharing site's posting date and byline on
// the line below a Chinese title (fx361) and a PDF copy's byline with
// affiliation numbers on the title's own line (tailieu) are not title.
func TestTitleWithoutGluedTail(t *testing.T) {
	for _, c := range []struct{ text, title string }{
		{"戊型病毒性肝炎相关性再生障碍性贫血3例及文献复习\n2013-09-11王丽佳江宇泳杜宏波杨志云\n王丽佳,江宇泳,杜宏波,杨志云\n",
			"戊型病毒性肝炎相关性再生障碍性贫血3例及文献复习"},
		{"Management of aplastic anemia in a woman during pregnancy: a case report Krista JM Stibbe1, Hajo IJ Wildschut2*, Pieternella J Lugtenburg3\n\n" +
			"1Department of Obstetrics and Gynaecology, Erasmus University Medical Centre, Rotterdam, The Netherlands\n",
			"Management of aplastic anemia in a woman during pregnancy: a case report"},
		{"Gluedvoid: Phase 2 Trial of Drug X in ITP\n\nJane Doe, John Roe\n", "Gluedvoid: Phase 2 Trial of Drug X in ITP"},
	} {
		rec, err := labelledPageFields([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Title != c.title {
			t.Errorf("title %q, want %q", rec.Title, c.title)
		}
	}
}

// TestThirdProbeSetPages: a Chinese title above its English one (Chinese
// Journal of Hematology on PMC) is not one wrapped title; a scribd viewer
// counter in French or Portuguese and a publisher's "All rights
// reserved" line are not titles; a DOI link's ".pdf" is not the DOI's.
func TestThirdProbeSetPages(t *testing.T) {
	for _, c := range []struct{ text, title string }{
		{"重型再生障碍性贫血免疫抑制治疗迟发血液学反应研究\nDelayed hematologic response to immunosuppressive therapy in severe aplastic anemia\n杨文睿, 井丽萍, 周康\n",
			"重型再生障碍性贫血免疫抑制治疗迟发血液学反应研究"},
		{"Vous êtes sur la page 1sur 5\n\nBone Marrow Transplantation (2015) 50, 1312–1315\n\n2015 Macmillan Publishers Limited All rights reserved 0268-3369/15\n\n" +
			"ORIGINAL ARTICLE\nSecond allogeneic hematopoietic stem cell transplantation in children with severe aplastic anemia\n\nK Kudo, H Muramatsu, S Kojima\n",
			"Second allogeneic hematopoietic stem cell transplantation in children with severe aplastic anemia"},
		{"Annals of Hematology\n\n, Volume 94, Issue 6, pp 947–954 | Cite as\n\n" +
			"Rabbit antithymocyte globulin versus horse antithymocyte globulin for treatment of acquired aplastic anemia: a retrospective analysis\n\n  • Carlos Vallejo\n  • Pau Montesinos\n",
			"Rabbit antithymocyte globulin versus horse antithymocyte globulin for treatment of acquired aplastic anemia: a retrospective analysis"},
		{"Hindawi\n\nAdvances in Hematology\nVolume 2017, Article ID 7878605, 7 pages\n\nPrognostic Factors for Immune Thrombocytopenia Outcome in Greek Children\n\nAthanasios Makis, Eleni Gavriilaki\n",
			"Prognostic Factors for Immune Thrombocytopenia Outcome in Greek Children"},
		{"Export citation\n\nSearch in Google Scholar\n\nFactors predictive of neonatal thrombocytopenia in pregnant women with immune thrombocytopenia\n\nA Author, B Author\n",
			"Factors predictive of neonatal thrombocytopenia in pregnant women with immune thrombocytopenia"},
		{"Você está na página 1de 5\n\nImmunosuppressive therapy in severe aplastic anemia: a single-centre experience\n\nA Patel, B Shah, C Rao\n",
			"Immunosuppressive therapy in severe aplastic anemia: a single-centre experience"},
	} {
		rec, err := labelledPageFields([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Title != c.title {
			t.Errorf("title %q, want %q", rec.Title, c.title)
		}
	}
	if d := doiInLine("DOI: 10.11482/kmj-j26(2)095-100.2000.pdf"); d != "10.11482/kmj-j26(2)095-100.2000" {
		t.Errorf("doi %q", d)
	}
}

// TestBylineForAGroup: "… R Suzuki15 and S Kojima2 for the Japanese
// Hematopoietic Cell Transplantation Registry" keeps its last author; a
// registry's "Last refreshed on:" is not the record's date.
func TestBylineForAGroup(t *testing.T) {
	got := familiesOf(mappings.Record{Authors: pageNames("K Kudo1, H Muramatsu2, R Suzuki15 and S Kojima2 for the Japanese Hematopoietic Cell Transplantation Registry")})
	if strings.Join(got, "|") != "Kudo|Muramatsu|Suzuki|Kojima" {
		t.Errorf("families %v", got)
	}
	rec, err := labelledPageFields([]byte("Main\n|\nRegister:\n|\nClinicalTrials.gov |\nLast refreshed on:\n|\n19 February 2015 |\nMain ID: |\nNCT01305694 |\n" +
		"Date of registration:\n|\n28/02/2011 |\nPublic title: Eltrombopag in severe aplastic anemia |\nRecruitment status: Completed |\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Issued.Year == 2015 {
		t.Errorf("issued %v from 'Last refreshed on'", rec.Issued)
	}
}

// TestFourthProbeSetPages: "This article can be found in the following
// collections: …" is no title and "Show Less" no author (Lancet
// Neurology, imrpress); "…70305-2Cite or Link Using DOI" ends the DOI at
// the button's first word.
func TestFourthProbeSetPages(t *testing.T) {
	text := "This article can be found in the following collections: Neurology (Multiple sclerosis)\n\n" +
		"Mesenchymal stem cells as a therapy for multiple sclerosis: an open-label phase 2a proof-of-concept study\n\nShow Less\n\n" +
		"doi:10.1016/S1474-4422(11)70305-2Cite or Link Using DOI\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != "Mesenchymal stem cells as a therapy for multiple sclerosis: an open-label phase 2a proof-of-concept study" || rec.DOI != "10.1016/s1474-4422(11)70305-2" {
		t.Errorf("title %q, doi %q", rec.Title, rec.DOI)
	}
	for _, a := range rec.Authors {
		if a.Family == "Less" {
			t.Errorf("'Show Less' read as an author")
		}
	}
}

// TestResolverLinkText: a ScienceDirect page (probe set m, PETIT2 in The
// Lancet) glues the link text to the resolver address:
// "https://doi.org/10.1016/S0140-6736(15)61107-2Get rights and content"
// gave the DOI 10.1016/s0140-6736(15)61107-2get.
func TestResolverLinkText(t *testing.T) {
	text := "Elsevier\n\nThe Lancet\n\nVolume 386, Issue 10004, 24–30 October 2015, Pages 1649-1658\nThe Lancet\n\nArticles\n" +
		"Eltrombopag for children with chronic immune thrombocytopenia (PETIT2): a randomised, multicentre, placebo-controlled trial\n\n" +
		"https://doi.org/10.1016/S0140-6736(15)61107-2Get rights and content\n\nSummary\n\nBackground\n\n" +
		"The thrombopoietin receptor agonist eltrombopag has been shown to be safe, tolerable, and effective for adults with chronic immune thrombocytopenia.\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if rec.DOI != "10.1016/s0140-6736(15)61107-2" {
		t.Errorf("DOI %q, want 10.1016/s0140-6736(15)61107-2", rec.DOI)
	}
	for _, u := range rec.URLs {
		if strings.HasSuffix(u, "Get") {
			t.Errorf("URL with the link text: %q", u)
		}
	}
}

// TestSciELOAccessibilityBar: SciELO pages open with the accessibility bar
// "Acessibilidade / Reportar erro" (probe set o, Evans syndrome), which
// was taken for the title.
func TestSciELOAccessibilityBar(t *testing.T) {
	text := "Acessibilidade / Reportar erro\n\nExperience with Evans syndrome in an academic referral center\n\nAbstract\n\nOBJECTIVE:\n\n" +
		"To document the experience of one referral service with patients diagnosed with Evans syndrome, the treatment and response and to briefly review current treatment strategies and results.\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != "Experience with Evans syndrome in an academic referral center" {
		t.Errorf("title %q", rec.Title)
	}
}

// TestAuthorLineTwice: an ICH-GCP page (probe set n, Stempeucel in knee
// osteoarthritis) prints its thirteen authors twice over on one line; the
// reader listed 26.
func TestAuthorLineTwice(t *testing.T) {
	line := "Pawan Kumar Gupta, Anoop Chullikana, Mathiyazhagan Rengasamy, Naresh Shetty, Vivek Pandey, Vikas Agarwal"
	text := "Efficacy and safety of adult human bone marrow-derived, cultured, pooled, allogeneic mesenchymal stromal cells (Stempeucel®): preclinical and clinical trial in osteoarthritis of the knee joint\n\n" +
		line + ", " + line + "\n\nAbstract\n\nBackground: Osteoarthritis (OA) is a common and debilitating chronic degenerative disease of the joints.\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Authors) != 6 {
		t.Errorf("%d authors, want 6: %+v", len(rec.Authors), rec.Authors)
	}
}

// Round 6 probe classes.

// TestRegistryIDsUnderSiteLabels: Clincosm prints "CT.gov ID" over the
// NCT number, and the EU Clinical Trials Register "EudraCT number" over a
// bare number, under its own banner and search help. Each page is a
// registration with its id and its trial's title, not a declined page or
// a paper titled by the banner.
func TestRegistryIDsUnderSiteLabels(t *testing.T) {
	for _, c := range []struct{ src, text, id, title string }{
		{"https://www.clincosm.com/trial/corona-virus-infection-ards-human-miami-umbilical-cord-mesenchymal",
			"Use of UC-MSCs for COVID-19 Patients\n\nSponsor\nCamillo Ricordi (Other)\nOverall Status\nCompleted\nCT.gov ID\nNCT04355728\nCollaborator\n(none)\n\n" +
				"Study Details\n\nBrief Summary\n\nThe purpose of this research study is to learn about the safety and efficacy of human umbilical cord derived Mesenchymal Stem Cells (UC-MSC) for treatment of COVID-19 Patients with Severe Complications of Acute Lung Injury/Acute Respiratory Distress Syndrome (ALI/ARDS).\n",
			"NCT04355728", "Use of UC-MSCs for COVID-19 Patients"},
		{"https://www.clinicaltrialsregister.eu/ctr-search/trial/2013-003626-88/results",
			"Flag of the European Union EU Clinical Trials Register Help\n\nClinical trials\n\n" +
				"    The EU Clinical Trials Register currently displays   43871   clinical trials with a EudraCT protocol, of which   7290   are clinical trials conducted with subjects less than 18 years old.   The register also displays information on   18700   older paediatric trials (in scope of Article 45 of the Paediatric Regulation (EC) No 1901/2006).\n\n" +
				"    Phase 1 trials conducted solely on adults and that are not part of an agreed paediatric investigation plan (PIP) are not publicly available (see Frequently Asked Questions ).\n" +
				"    < Back to search results\n\n    Download PDF\n\n    Clinical Trial Results:\n" +
				"    The utilization of mesenchymal stem cells (MSC) for the treatment of graft versus host disease (GVHD) after allogeneic stem cell transplantation.\n\n" +
				"    Summary\n    EudraCT number\n    2013-003626-88\n    Trial protocol\n    CZ\n    Global end of trial date\n    17 Dec 2019\n",
			"2013-003626-88", "The utilization of mesenchymal stem cells (MSC) for the treatment of graft versus host disease (GVHD) after allogeneic stem cell transplantation."},
	} {
		rec, err := parseLabelledPage([]byte(c.text))
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if rec.Trial == nil || rec.Trial.ID != c.id {
			t.Errorf("%s: trial %+v, want a registration %s", c.src, rec.Trial, c.id)
		}
		if rec.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.src, rec.Title, c.title)
		}
	}
}

// TestChineseCitationLine: a Chinese journal page prints its own
// citation under "引用本文" in GB/T 7714 form, "Authors. Title[J].
// Journal, Year, Vol(Issue): Pages", in Chinese and in pinyin. Its title,
// all five authors and the journal are read from it, not a search box's
// words or a fund's heading, and the pinyin list is not five more people.
func TestChineseCitationLine(t *testing.T) {
	// https://www.j-smu.com/fileup/1673-4254/HTML/2020081134.html
	text := "文章快速检索     高级检索\n  南方医科大学学报  2020, Vol. 40Issue (8): 1134-1140  DOI: 10.12122/j.issn.1673-4254.2020.08.10.\n0\n\n引用本文 [复制中英文]\n\n" +
		"曾晓媛, 焦营营, 李宗鹏, 张玉娇, 叶洁瑜. 血小板生成素通过修复化疗后骨髓内皮祖细胞促进巨核细胞造血[J]. 南方医科大学学报, 2020, 40(8): 1134-1140. DOI: 10.12122/j.issn.1673-4254.2020.08.10.\n" +
		"ZENG Xiaoyuan, JIAO Yingying, LI Zongpeng, ZHANG Yujiao, YE Jieyu. Thrombopoietin promotes megakaryopoiesis via protecting bone marrow endothelial function in patients undergoing chemotherapy for hematological malignancies[J]. Journal of Southern Medical University, 2020, 40(8): 1134-1140.\n\n" +
		"基金项目\n\n广东省自然科学基金(217A030313767)\n\n作者简介\n\n曾晓媛,硕士,E-mail: xiaoyuan_zeng@163.com\n\n通信作者\n\n叶洁瑜,副研究员,E-mail: jieyu.ye@gmail.com\n\n文章历史\n\n收稿日期:2020-05-13\n" +
		"血小板生成素通过修复化疗后骨髓内皮祖细胞促进巨核细胞造血\n曾晓媛 , 焦营营 , 李宗鹏 , 张玉娇 , 叶洁瑜\n南方医科大学南方医院血液科,广东 广州 510515\n" +
		"摘要: 目的 探索血小板生成素(TPO)能否通过修复大剂量化疗后患者的骨髓内皮祖细胞(BM-EPC)恢复其对巨核细胞的造血支持作用。方法 选取23例血液系统恶性肿瘤患者化疗后30 d的骨髓以及10例健康人骨髓作为实验标本。\n"
	rec, err := parseLabelledPage([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != "血小板生成素通过修复化疗后骨髓内皮祖细胞促进巨核细胞造血" {
		t.Errorf("title %q", rec.Title)
	}
	if got := strings.Join(familiesOf(rec), "|"); got != "曾|焦|李|张|叶" {
		t.Errorf("authors %s, want 曾|焦|李|张|叶", got)
	}
	if rec.Journal.Title+rec.Journal.Abbrev != "南方医科大学学报" || rec.Issued.Year != 2020 {
		t.Errorf("journal %+v, year %d", rec.Journal, rec.Issued.Year)
	}
}

// TestWileyAuthorBlocks: Wiley Online Library prints each author as the
// name, the name again, the affiliations, a "contributed equally" note
// and "Search for more papers by this author". The names are the byline
// (all six, not the four of the note), and an affiliation is no abstract.
func TestWileyAuthorBlocks(t *testing.T) {
	// https://onlinelibrary.wiley.com/doi/abs/10.1002/ctm2.297
	block := func(name, affiliation string) string {
		return name + "\n\n" + name + "\n\n" + affiliation + "\n\n" +
			"Xiaowei Xu, Wanli Jiang, Lijun Chen, and Zhenyu Xu contributed equally to this manuscript.\n\nSearch for more papers by this author\n"
	}
	zju := "State Key Laboratory for Diagnosis and Treatment of Infectious Diseases, National Clinical Research Center for Infectious Diseases, Collaborative Innovation Center for Diagnosis and Treatment of Infectious Diseases, The First Affiliated Hospital, College of Medicine, Zhejiang University, Hangzhou, Zhejiang, P. R. China"
	text := "Volume 11, Issue 2 e297\nRESEARCH ARTICLE\nOpen Access\n\n" +
		"Evaluation of the safety and efficacy of using human menstrual blood-derived mesenchymal stromal cells in treating severe and critically ill COVID-19 patients: An exploratory clinical trial\n\n" +
		block("Xiaowei Xu", zju) + block("Wanli Jiang", "Department of Infectious Diseases, Renmin Hospital of Wuhan University, Wuhan, Hebei, P.R. China") +
		block("Lijun Chen", zju) + block("Zhenyu Xu", "Innovative Precision Medicine (IPM) Group, Hangzhou, Zhejiang, P. R. China") +
		block("Qiang Zhang", "Innovative Precision Medicine (IPM) Group, Hangzhou, Zhejiang, P. R. China") +
		block("Mengfei Zhu", "Shulan (Hangzhou) Hospital, Zhejiang Shuren University Shulan International Medical College, Hangzhou, Zhejiang, P. R. China")
	rec, err := parseLabelledPage([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(familiesOf(rec), "|"); got != "Xu|Jiang|Chen|Xu|Zhang|Zhu" {
		t.Errorf("authors %s, want Xu|Jiang|Chen|Xu|Zhang|Zhu", got)
	}
	if rec.Abstract.Text != "" {
		t.Errorf("an affiliation read as the abstract: %.80q", rec.Abstract.Text)
	}
}

// TestMastheadAndCaptionAreNoTitle: a PDF's letter-spaced masthead is no
// title, and a title left open by a comma goes on over two blank lines
// (NEJM on a document-sharing site); a page showing one table of a review
// under "Table 3." has no title of the paper at all (PMC's table view).
func TestMastheadAndCaptionAreNoTitle(t *testing.T) {
	// https://www.scribd.com/document/ (NEJM 2022;386:1421, as text)
	text := "Download as pdf or txt\nYou are on page 1of 11\n\nThe n e w e ng l a n d j o u r na l of m e dic i n e\n\nOriginal Article\n\n" +
		"Rilzabrutinib, an Oral BTK Inhibitor,\n\n\nin Immune Thrombocytopenia\n" +
		"David J. Kuter, M.D., Merlin Efraim, M.D., Jiri Mayer, M.D., Marek Trněný, M.D.,\n\nDOI: 10.1056/NEJMoa2110297\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != "Rilzabrutinib, an Oral BTK Inhibitor, in Immune Thrombocytopenia" {
		t.Errorf("title %q", rec.Title)
	}
	// https://pmc.ncbi.nlm.nih.gov/articles/PMC8977771/table/t0003
	text = "Skip to main content\n. 2022 Mar 24;18:273–286. doi: 10.2147/TCRM.S251672\n\nTable 3.\n\nEfficacy of Avatrombopag in ITP in Phase II and III Trials\n\n" +
		"Study/Phase Duration Location Number of Patients (n) Enrolled Main Inclusion Criteria Main Results\nBussel et al30 2014\n"
	rec, _ = labelledPageFields([]byte(text))
	if rec.Title != "" {
		t.Errorf("a table view titled %q", rec.Title)
	}
}

// TestAggregatorCitationParts: reviewer.ly prints PubMed's bracketed
// title of a translated paper, the authors' initials and names glued
// together, and "Published in: Journal (2023)". The page is a paper with
// that title, seven authors, the journal without NLM's parallel title and
// the year in brackets.
func TestAggregatorCitationParts(t *testing.T) {
	// https://biomed.reviewer.ly/app/publication/59c837dd-87f4-417d-980a-b63f549faa85
	text := "Login / Signup\n\n[Efficacy of decitabine in patients with glucocorticoid-resistant primary immune thrombocytopenia: factors influencing treatment responses].\n\n" +
		"J H YangM J XueX L ZhangZ C WeiL L ShaoY ShiM Hou\nPublished in: Zhonghua xue ye xue za zhi = Zhonghua xueyexue zazhi (2023)\n" +
		"Objective: This study aimed to evaluate the efficacy of decitabine (DAC) and identify factors influencing treatment responses in patients with primary immune thrombocytopenia (ITP) who had failed glucocorticoid therapy.\n"
	rec, err := parseLabelledPage([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rec.Title, "[Efficacy of decitabine") {
		t.Errorf("title %q", rec.Title)
	}
	if got := strings.Join(familiesOf(rec), "|"); got != "Yang|Xue|Zhang|Wei|Shao|Shi|Hou" {
		t.Errorf("authors %s", got)
	}
	if rec.Authors[0].Given != "J H" {
		t.Errorf("first author's given name %q, want J H", rec.Authors[0].Given)
	}
	if rec.Journal.Title != "Zhonghua xue ye xue za zhi" || rec.Issued.Year != 2023 {
		t.Errorf("journal %q, year %d", rec.Journal.Title, rec.Issued.Year)
	}
}

// TestCounterWidgetIsNoByline: a Chinese society's consensus page shows
// "阅读 22060 引用 0" (read 22060, cited 0) and the article's citation
// after "引用本文:" on its line; "阅读" and "引用" are no authors, and the
// citation line is not furniture.
func TestCounterWidgetIsNoByline(t *testing.T) {
	// http://hematoline.com/CN121090201701/944176.jhtml
	text := "22060\n阅读\n1\n评论\n分享\n标准与讨论\n再生障碍性贫血诊断与治疗中国专家共识(2017年版)\n" +
		"中华血液学杂志, 2017,38(01): 1-5. DOI: 10.3760/cma.j.issn.0253-2727.2017.01.001\n摘要\n" +
		"引用本文: 中华医学会血液学分会红细胞疾病(贫血)学组. 再生障碍性贫血诊断与治疗中国专家共识(2017年版) [J]. 中华血液学杂志, 2017, 38(1): 1-5.\n" +
		"正文\n作者信息\n评论\n阅读 22060 引用 0\n相关资源\n\n" +
		"为进一步提高我国再生障碍性贫血(AA)的诊治水平,中华医学会血液学分会红细胞疾病(贫血)学组在《再生障碍性贫血诊断治疗专家共识》(2010年版)的基础上,制订了本版专家共识。\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != "再生障碍性贫血诊断与治疗中国专家共识(2017年版)" {
		t.Errorf("title %q", rec.Title)
	}
	for _, a := range rec.Authors {
		if a.AsWritten == "阅读" || a.AsWritten == "引用" || a.Family == "阅" || a.Family == "引" {
			t.Errorf("a counter widget's word read as an author: %+v", rec.Authors)
			break
		}
	}
}

// TestJournalHeaderIsNoTitle: a PDF's running header, a journal site's
// masthead and DOAJ's journal line name the journal above the title; and
// a title line that goes on in small letters continues over blank lines
// above a byline the reader does not know ("Yang Lan 1 & Lixian Chang 1").
func TestJournalHeaderIsNoTitle(t *testing.T) {
	checkTitles(t, []pageTitle{
		{"https://www.scribd.com/document/557868488/Long-term-Outcomes-of-172-Children-With-Severe-Aplastic-Anemia-Treated-With-Rabbit-Antithymocyte-Globulin-and-Cyclosporine",
			"You are on page 1of 9\n\nAnnals of Hematology\n\nhttps://doi.org/10.1007/s00277-020-04296-9\n\nORIGINAL ARTICLE\n\n" +
				"Long-term outcomes of 172 children with severe aplastic anemia\n\n\ntreated with rabbit antithymocyte globulin and cyclosporine\n" +
				"Yang Lan 1 & Lixian Chang 1 & Meihui Yi 1 & Yuli Cai 1 & Jing Feng 1 & Yuanyuan Ren 1 & Chao Liu 1 & Xiaoyan Chen 1 &\n",
			"Long-term outcomes of 172 children with severe aplastic anemia treated with rabbit antithymocyte globulin and cyclosporine"},
		{"http://ijhgateway.net/ArticlePage.aspx?DOI=10.1007/s12185-019-02644-8",
			"International Journal of Hematology\n\nDOI: 10.1007/s12185-019-02644-8 Pages: 711-717\n\n" +
				"Outcome of allogeneic hematopoietic stem cell transplantation in adult patients with hepatitis-associated aplastic anemia\n\n" +
				"1. Keio University School of Medicine, Division of Hematology, Department of Medicine\n",
			"Outcome of allogeneic hematopoietic stem cell transplantation in adult patients with hepatitis-associated aplastic anemia"},
		{"https://doaj.org/article/fcb2df23141f468fb3bf4fe4de6c796c",
			"Iranian Journal of Public Health (Oct 2015)\n\nStem Cell Transplantation in Iran: A Systematic Review Article\n\n  • Rowshanak ABBASI,\n  • Bagher LARIJANI,\n",
			"Stem Cell Transplantation in Iran: A Systematic Review Article"},
	})
}

// TestRegistryPagesOfFourRegistries: CTRI ("CTRI Number  CTRI/…", each
// title under "Modification(s)"), ChiCTR and ITMCTR (bilingual labels,
// the id under "Registration number:") and ISRCTN ("ISRCTN ISRCTN…") pages
// are registrations, not declined pages or papers.
func TestRegistryPagesOfFourRegistries(t *testing.T) {
	for _, c := range []struct{ src, text, id string }{
		{"http://ctri.nic.in/Clinicaltrials/showallp.php?mid1=2669",
			"FULL DETAILS (Read-only)\n\nCTRI Number  CTRI/2013/10/004099 [Registered on: 25/10/2013] Trial Registered Prospectively\nLast Modified On: 17/12/2014\n" +
				"Type of Trial  Interventional \nType of Study\nModification(s)  \nStem Cell Therapy \nPublic Title of Study\nModification(s)  \n" +
				"A clinical trial to study the safety and efficacy of Bone marrow derived autologous cells for the treatment of Acute Paraplegia\n" +
				"Secondary IDs if Any\nModification(s)  \nSecondary ID  Registry \n",
			"CTRI/2013/10/004099"},
		{"https://www.chictr.org.cn/hvshowproject.html?id=7054",
			"ChiCTR-TRC-13003602 版本V1.1 版本创建时间2016/03/11 19:52:44 中国临床试验注册中心\n\n注册号:\n\nRegistration number:\n\nChiCTR-TRC-13003602 \n\n" +
				"注册时间:\n\nDate of Registration:\n\n2013-07-22 00:00:00 \n\n注册号状态:\n\n补注册\n\nRegistration Status:\n\nRetrospective registration\n\n" +
				"注册题目:\n\n脾不统血所致血小板减少性紫癜从脾论治的疗效机制及规律研究\n\nPublic title:\n\nThe Research on Therapeutic Effective Mechanism and Regulation Treated from Spleen in TCM on Immune Thrombocytopenic Purpura\n",
			"ChiCTR-TRC-13003602"},
		{"http://itmctr.ccebtcm.org.cn/en-us/Home/ProjectView?pid=49749699-d20f-47e2-9e87-9d3efeaef114",
			"Exploring the mechanism of benefit-like effect of ginseng astragali yiqi and blood-sheng combination\n\n注册号:\n\nRegistration number:\n\nITMCTR2025001168\n\n" +
				"注册时间:\n\nDate of Registration:\n\n2025-06-12\n\n注册号状态:\n\nRegistration Status:\n\n预注册\n\nProspective registration\n",
			"ITMCTR2025001168"},
		{"http://www.isrctn.com/ISRCTN52892553",
			"The use of a randomised controlled trial of autologous stem cell transplantation (ASCT) versus mobilisation alone to investigate the pathogenic role of T-cells in patients with severe rheumatoid arthritis\n\n" +
				"ISRCTN ISRCTN52892553\nDOI https://doi.org/10.1186/ISRCTN52892553\nSecondary identifying numbers N0436118138\nSubmission date\n12/09/2003\nRegistration date\n12/09/2003\n" +
				"Recruitment status\nStopped\nOverall study status\nStopped\nCondition category\nMusculoskeletal Diseases\n",
			"ISRCTN52892553"},
	} {
		rec, err := parseLabelledPage([]byte(c.text))
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if rec.Trial == nil || rec.Trial.ID != c.id {
			t.Errorf("%s: trial %+v, want the registration %s", c.src, rec.Trial, c.id)
		}
	}
}

// TestStructuredAbstractPage: a title above an abstract printed as
// labelled parts ("Background: …", "Methods: …", "Results: …",
// "Conclusion: …"), with no byline, is an abstract page, as one under an
// "Abstract" label is (medluna; its only PMID is a cited paper's).
func TestStructuredAbstractPage(t *testing.T) {
	// https://medluna.com/article/35371427
	text := "A Multicenter Phase II Study on the Efficacy and Safety of Hetrombopag in Patients with Severe Aplastic Anemia Refractory to Immunosuppressive Therapy\nOverview\nAuthors\nAffiliations\n" +
		"Background: In this single-arm phase II study (NCT03557099), we evaluated the efficacy and safety of hetrombopag, a small molecule thrombopoietin (TPO) receptor agonist, in patients with severe aplastic anemia (SAA) refractory to immunosuppressive therapy (IST).\n" +
		"Methods: SAA patients who were refractory to standard first-line IST were given hetrombopag orally at an initial dose of 7.5 mg once daily to a maximum of 15 mg once daily, for a total of 52 weeks.\n" +
		"Results: A total of 55 eligible patients were enrolled and received hetrombopag treatment. This study met its primary endpoint, with 23 patients achieving a hematologic response at week 18.\n" +
		"Conclusion: Hetrombopag showed encouraging efficacy with durable hematologic responses in patients with SAA who were refractory to IST.\n" +
		"Clinicaltrialsgov Identifier: NCT03557099.\nPang L, Yu F, Yang X Front Med (Lausanne). 2025; 12:1528131.\nPMID: 40041460 PMC: 11876402\n"
	rec, err := parseLabelledPage([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rec.Title, "A Multicenter Phase II Study") || rec.PMID != "" {
		t.Errorf("title %q, PMID %q (want the page's title and no cited paper's PMID)", rec.Title, rec.PMID)
	}
}

// TestRound7PageClasses: a news page's "Medically Reviewed By" label, a
// name with particles inside a hyphenated family name at the end of a
// list, a banner printed four times, a site menu and Medknow's page
// tools, and Hindawi's navigation line are not read as a paper, cut, or
// taken for titles.
func TestRound7PageClasses(t *testing.T) {
	// https://medicaldialogues.in/amp/medicine/news/car-t-cell-therapy-shows-promise-in-autoimmune-hemolytic-anemia-study-162802
	news := "CAR T-Cell Therapy Shows Promise in Autoimmune Hemolytic Anemia: Study\n\nWritten By :  Medha Baranwal\nMedically Reviewed By :  Dr. Kamal Kant Kohli\n" +
		"Published On 2026-01-16 17:30 GMT   |   Update On 2026-01-16 17:30 GMT\n"
	if _, err := parseLabelledPage([]byte(news)); !errors.Is(err, page.ErrNews) {
		t.Errorf("a news page: %v, want ErrNews", err)
	}
	// https://pmc.ncbi.nlm.nih.gov/articles/PMC6930001
	if ns := pageNames("Daniel W Hommes 1, Koen C M J Peeters 4, Andrea E van der Meulen-de Jong 1,"); len(ns) != 3 || ns[2].Family != "van der Meulen-de Jong" {
		t.Errorf("names %+v, want three ending with van der Meulen-de Jong", ns)
	}
	for _, c := range []struct{ src, text, title string }{
		{"http://www.ijmr.org.in/article.asp?issn=0971-5916;year=2012;volume=136;issue=2;spage=221;epage=228;aulast=Prasad",
			"Indan Journal of Medical Research Indan Journal of Medical Research Indan Journal of Medical Research\n" +
				"  Home About us Editorial board Search Ahead of print Current issue Archives Submit article Instructions Subscribe Contacts Login \n" +
				"  Home Print this page Email this page Small font sizeDefault font sizeIncrease font size Users Online: 2560       \n\n   Table of Contents      \nORIGINAL ARTICLE\n" +
				"Year : 2012  |  Volume : 136  |  Issue : 2  |  Page : 221-228\n\n" +
				"Autologous intravenous bone marrow mononuclear cell therapy for patients with subacute ischaemic stroke: A pilot study\n\n\n" +
				"1 Department of Neurology, All India Institute of Medical Sciences, New Delhi, India\n\nPMID: 22960888\n",
			"Autologous intravenous bone marrow mononuclear cell therapy for patients with subacute ischaemic stroke: A pilot study"},
		{"https://www.hindawi.com/journals/grp/2018/4136082/",
			"Table of Contents Author Guidelines Submit a Manuscript\nGastroenterology Research and Practice\nVolume 2018, Article ID 4136082, 8 pages\nhttps://doi.org/10.1155/2018/4136082\nClinical Study\n\n" +
				"Repeated Autologous Bone Marrow Transfusion through Portal Vein for Treating Decompensated Liver Cirrhosis after Splenectomy\n",
			"Repeated Autologous Bone Marrow Transfusion through Portal Vein for Treating Decompensated Liver Cirrhosis after Splenectomy"},
	} {
		rec, err := labelledPageFields([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Title != c.title {
			t.Errorf("%s: title %q", c.src, rec.Title)
		}
	}
}

// TestRound8MeasurePageClasses: a results aggregator's heading around a
// trial's title, a table view whose caption shares its label's line, and
// a server warning are no titles.
func TestRound8MeasurePageClasses(t *testing.T) {
	if got := titleText("Trial Outcomes & Findings for Eltrombopag With Standard Immunosuppression for Severe Aplastic Anemia (NCT NCT01623167)"); got != "Eltrombopag With Standard Immunosuppression for Severe Aplastic Anemia" {
		t.Errorf("meddatax heading kept: %q", got)
	}
	// A PDF line that runs the byline on (Ann Hematol 2018, on moam.info).
	if got := titleText("Immunosuppressive therapy for aplastic anemia: a single-center experience from western India Sandip Shah 1 Asha Anand 1"); got != "Immunosuppressive therapy for aplastic anemia: a single-center experience from western India" {
		t.Errorf("byline kept in the title: %q", got)
	}
	// https://pmc.ncbi.nlm.nih.gov/articles/PMC5548296/table/T2
	text := "Skip to main content\n. Author manuscript; available in PMC: 2017 Oct 20.\nPublished in final edited form as: N Engl J Med. 2017 Apr 20;376(16):1540–1550. doi: 10.1056/NEJMoa1613878\n\n" +
		"Table 2. Hematologic Response in Patients Treated with Immunosuppression and Eltrombopag*.\n\nCohort and Response Rate at 3 Mo Rate at 6 Mo P Value\nCohort 1\n"
	if rec, _ := labelledPageFields([]byte(text)); rec.Title != "" {
		t.Errorf("a table view titled %q", rec.Title)
	}
	// https://e-cep.org/journal/view.php?number=20125550447
	text = "Warning: fopen(/home/virtual/pediatrics/journal/upload/ip_log/ip_log_2024-03.txt) [function.fopen]: failed to open stream: Permission denied in /home/virtual/pediatrics/journal/ip_info/view_data.php on line 82\n\n" +
		"Warning: fwrite(): supplied argument is not a valid stream resource in /home/virtual/pediatrics/journal/ip_info/view_data.php on line 83\n" +
		"Clinical utilization of cord blood over human health: experience of stem cell transplantation and cell therapy using cord blood in Korea\n\nVolume 57(3); March\n"
	if rec, _ := labelledPageFields([]byte(text)); rec.Title != "Clinical utilization of cord blood over human health: experience of stem cell transplantation and cell therapy using cord blood in Korea" {
		t.Errorf("title %q", rec.Title)
	}
}

// TestDigestBylineAndPLOSNotes: an evidence digest's "Grainger JD (2015),
// Lancet" under the title gives the first author, the year and the
// journal; PLOS's "Contributed equally to this work with: …" under a
// bulleted name does not end the author list.
func TestDigestBylineAndPLOSNotes(t *testing.T) {
	// https://bestbits.ca/section/2015-summaries/general-hematology-thrombosis-transfusion-medicine/55-eltrombopag-for-children-with-chronic-immune-thrombocytopenia-petit2-a-randomized-multicenter-placebo-controlled-trial
	text := "Eltrombopag for children with chronic immune thrombocytopenia (PETIT2): a randomized, multicenter, placebo-controlled trial\n\n" +
		"Grainger JD (2015), Lancet (Link to Abstract)         \n\n" +
		"Eltrombopag is a thrombopoietin receptor agonist, which is used effectively in adults with chronic immune thrombocytopenia. This study involved a randomized, multicentre, placebo-controlled trial of eltrombopag in children with chronic immune thrombocytopenia.\n"
	rec, err := parseLabelledPage([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(familiesOf(rec), "|") != "Grainger" || rec.Issued.Year != 2015 || rec.Journal.Title != "Lancet" {
		t.Errorf("authors %v, year %d, journal %q", familiesOf(rec), rec.Issued.Year, rec.Journal.Title)
	}
	// https://www.springermedizin.de/link?doi=10.1371/journal.pone.0056648
	aff := "    Affiliation Severe Aplastic Anemia Studying Program, State Key Laboratory of Experimental Hematology, Institute of Hematology & Blood Diseases Hospital, Chinese Academy of Medical Sciences, Tianjin, China\n\n"
	text = "Outcomes of Optimized over Standard Protocol of Rabbit Antithymocyte Globulin for Severe Aplastic Anemia: A Single-Center Experience\n\n" +
		"  • Xingxin Li ,\n\n    Contributed equally to this work with: Xingxin Li, Jun Shi\n\n" + aff +
		"  • Jun Shi ,\n\n    Contributed equally to this work with: Xingxin Li, Jun Shi\n\n" + aff +
		"  • Meili Ge,\n\n" + aff
	rec, err = labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(familiesOf(rec), "|"); got != "Li|Shi|Ge" {
		t.Errorf("authors %s, want Li|Shi|Ge", got)
	}
}

// TestWrappedTitleStopsAtItsByline: a title wrapped in small letters stops
// before "Bruno Fattizzo1 · Giorgia Levati1,2 · …", and a dashed citation
// line ("Blood Reviews - Tập 61 - Trang 101112 - 2023") is no part of a
// title.
func TestWrappedTitleStopsAtItsByline(t *testing.T) {
	// https://vegfr-3inhibitor.com/sb497115
	text := "SB497115\n\nEltrombopag in Immune Thrombocytopenia, Aplastic Anemia, and Myelodysplastic Syndrome: From Megakaryopoiesis\nto Immunomodulation\n\n" +
		"Bruno Fattizzo1 · Giorgia Levati1,2 · Ramona Cassin1 · Wilma Barcellini1\n"
	rec, _ := labelledPageFields([]byte(text))
	if rec.Title != "Eltrombopag in Immune Thrombocytopenia, Aplastic Anemia, and Myelodysplastic Syndrome: From Megakaryopoiesis to Immunomodulation" {
		t.Errorf("title %q", rec.Title)
	}
	if titleLike("Blood Reviews - Tập 61 - Trang 101112 - 2023") {
		t.Errorf("a dashed citation line is title-like")
	}
}

// TestTitlePrefixes: a Korean journal's running head ("Lee, Mun, …, and
// Sung: ") and a Japanese special issue's item number ("3.") are cut from
// the title.
func TestTitlePrefixes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// https://synapse.koreamed.org/DOIx.php?id=10.5045/br.2016.51.2.88 (round 10):
		// one family name written as an initial
		{"Prabhu, Bhaskaran, Shenoy, G, and Sidharthan: Clinical characteristics and treatment outcomes of primary autoimmune hemolytic anemia: a single center study from South India",
			"Clinical characteristics and treatment outcomes of primary autoimmune hemolytic anemia: a single center study from South India"},
		// KoreaMed Synapse (Korean J Hematol), round-8 probe
		{"Lee, Mun, Park, Choi, Chang, Lee, Nam, Lee, and Sung: The Results of Danazol Therapy in Patients with Chronic Immune Thrombocytopenic Purpura Who Failed with Corticosteroid Therapy",
			"The Results of Danazol Therapy in Patients with Chronic Immune Thrombocytopenic Purpura Who Failed with Corticosteroid Therapy"},
		// 日本造血細胞移植学会雑誌 special issue, round-9 probe
		{"3.間葉系幹細胞による急性GVHDの治療", "間葉系幹細胞による急性GVHDの治療"},
		// the section's heading before its first item's title (round-9 recheck)
		{"2.移植片対宿主病(GVHD)の診断と治療法の進歩1)移植片対宿主病(GVHD)に対する間葉系幹細胞(MSC)の臨床応用", "移植片対宿主病(GVHD)に対する間葉系幹細胞(MSC)の臨床応用"},
	} {
		if got := titleText(c.in); got != c.want {
			t.Errorf("titleText(%q) = %q", c.in, got)
		}
	}
}

// TestRound10PageClasses: a UMIN registration under its own long labels,
// an image's alt text above a title.
func TestRound10PageClasses(t *testing.T) {
	// https://upload.umin.ac.jp/cgi-open-bin/ctr_e/ctr_view.cgi?recptno=R000001006
	text := "UMIN-CTR Clinical Trial\n\nUnique ID issued by UMIN UMIN000000845\nReceipt number R000001006\n" +
		"Scientific Title Intra-arterial injection of donor mesenchymal stromal cells for treating refractory acute Graft-vs-Host disease after hemopoietic stem cell transplantation\n" +
		"Date of disclosure of the study information 2007/10/07\nLast modified on 2008/12/09 10:03:28\n\n\nBasic information\n\nPublic title\n\n" +
		"Intra-arterial injection of donor mesenchymal stromal cells for treating refractory acute Graft-vs-Host disease after hemopoietic stem cell transplantation\n"
	rec, err := parseLabelledPage([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Trial == nil || rec.Trial.ID != "UMIN000000845" {
		t.Errorf("trial %+v, want UMIN000000845", rec.Trial)
	}
	// http://alpha.eurekaselect.com/article/102885
	text = "Generic placeholder image\n\nIdiopathic Aplastic Anemia in Children and Adults: Diagnosis, Treatments, and Management - A Review\n\nAuthor(s): Hong Wang, Qian Wang\n"
	if rec, _ := labelledPageFields([]byte(text)); rec.Title != "Idiopathic Aplastic Anemia in Children and Adults: Diagnosis, Treatments, and Management - A Review" {
		t.Errorf("title %q", rec.Title)
	}
}

// TestBulletedAuthorsUnderLabel: "• Authors:" above one name per list
// item (Spandidos) is every item's name, not the first one's.
func TestBulletedAuthorsUnderLabel(t *testing.T) {
	// https://www.spandidos-publications.com/10.3892/etm.2021.9711
	text := "Primary autoimmune neutropenia of infancy and childhood in a cohort of patients from western Romania\n\n" +
		"  • Authors:\n    • Cristian Jinca\n    • Margit Serban\n    • Emilia Ursu\n    • Andrei Munteanu\n    • Smaranda Arghirescu\n" +
		"  • View Affiliations\n\n  • Published online on: January 25, 2021     https://doi.org/10.3892/etm.2021.9711\n"
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got := familiesOf(rec)
	if strings.Join(got, " ") != "Jinca Serban Ursu Munteanu Arghirescu" {
		t.Errorf("authors %q, want the five list items", got)
	}
}

// TestRound11PageClasses: a CTRI title after its label and two spaces; a
// one-step breadcrumb above the title; degrees written as list items of a
// byline.
func TestRound11PageClasses(t *testing.T) {
	for _, c := range []struct{ src, text, title string }{
		{"https://www.ctri.nic.in/Clinicaltrials/pmaindet2.php?trialid=43175",
			"FULL DETAILS (Read-only)  -> Click Here to Create PDF for Current Dataset of Trial\n" +
				"CTRI Number  CTRI/2020/08/027043 [Registered on: 09/08/2020] Trial Registered Prospectively\n" +
				"Last Modified On: 29/09/2020\nPost Graduate Thesis  No \nType of Trial  Interventional \n" +
				"Public Title of Study   Mesenchymal Stem Cell Therapy For Covid 19  \n" +
				"Scientific Title of Study   A Phase 1 clinical trial of intravenous administration of mesenchymal stem cells\n" +
				"Secondary IDs if Any  \n",
			"Mesenchymal Stem Cell Therapy For Covid 19"},
		{"https://e-cep.org/m/journal/view.php?number=20125552151",
			"All issues > Volume 28(5); 1985\n- Original Article\n- J Korean Pediatr Soc. 1985;28(5):483-491. Published online May 31, 1985.\n" +
				"- The Effect of Intravenous Gammaglobulin for Acute Idiopathic Thrombocytopenic Purpura in Children.\n" +
				"- Seung In Baek, Geum Joo Kim, Kuhn Soo Lee, Sang Bum Lee, Doo Hong Ahn\n",
			"The Effect of Intravenous Gammaglobulin for Acute Idiopathic Thrombocytopenic Purpura in Children."},
	} {
		rec, err := labelledPageFields([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.src, rec.Title, c.title)
		}
	}
	// https://ash.confex.com/ash/2024/webprogram/Paper200421.html
	got := familiesOf(mappings.Record{Authors: pageNames("Xijuan Lin*, Chen Yang*, Ziwei Liu*, Junling Zhuang, MD, PhD, Miao Chen* and Bing Han*")})
	if strings.Join(got, " ") != "Lin Yang Liu Zhuang Chen Han" {
		t.Errorf("authors %q: the list stopped at a degree", got)
	}
	// "Moore, DC, Gebru, T": initials, not degrees, after a one-word item
	if n := len(pageNames("Moore, DC, Gebru, T, Muslimani, A")); n != 3 {
		t.Errorf("%d names in a Family, Initials list, want 3", n)
	}
}

// TestRound13SiteChromeIsNoTitle: an aggregator's buttons, a registry's
// "Verified …" line and tabs, an index's field labels and a site's notice
// for healthcare professionals are no titles; the title after them is.
func TestRound13SiteChromeIsNoTitle(t *testing.T) {
	checkTitles(t, []pageTitle{
		{"https://www.qxmd.com/r/32363972",
			"Add like\nAdd dislike\nAdd to saved papers\n\n" +
				"Pre-infusion single-dose mesenchymal stem cells promote platelet engraftment and decrease severe acute graft versus host disease without relapse in haploidentical peripheral blood stem cell transplantation.\n\n" +
				"BACKGROUND: Mesenchymal stem cells (MSCs) may be used to treat steroid-refractory graft versus host disease (GVHD).\n",
			"Pre-infusion single-dose mesenchymal stem cells promote platelet engraftment and decrease severe acute graft versus host disease without relapse in haploidentical peripheral blood stem cell transplantation."},
		// a registration's heading is title-cased throughout
		{"https://www.clinicaltrials.gov/ct2/show/NCT01970189",
			"The International ITP Registry\n![]() |\nClinicalTrials.gov Identifier: NCT01970189 |\nRecruitment Status : Unknown\n" +
				"Verified July 2016 by South Eastern Sydney Local Health District.\nRecruitment status was: Recruiting\nFirst Posted : October 28, 2013\n|\n" +
				"- Study Details\n- Tabular View\n- No Results Posted\n- Disclaimer\n- How to Read a Study Record\nCondition or disease |\n---|\nThrombocytopenia |\n" +
				"This is an observational disease registry database for recently-diagnosed adult patients with primary ITP that aims to understand the natural history of this rare disease and disease management. " +
				"Participating investigators will prospectively enter real-world patient data on their enrolled patients with a minimum of 2 years follow up.\n",
			"The International ITP Registry"},
		// a Russian title run into its English one, then OUCI's field labels
		{"https://ouci.dntb.gov.ua/works/4NwDmAKl",
			"Изменения качества жизни у пациентов с хронической иммунной тромбоцитопенией в процессе терапии ромиплостимом: результаты многоцентрового наблюдательного исследования Quality of Life Changes in Patients with Chronic Immune Thrombocytopenia in the Process of Romiplostim Therapy: Results of a Multi-Center Observational Study\n\n" +
				"Основна інформація\n\nТип публікації\n\nЖурнальна стаття\n\nКількість цитувань\n\n1\n\nКількість джерел у списку літератури\n\n42\n\nІндексується в Scopus\n\nТак\n",
			"Изменения качества жизни у пациентов с хронической иммунной тромбоцитопенией в процессе терапии ромиплостимом: результаты многоцентрового наблюдательного исследования"},
		{"https://gvhdhub.com/medical-information/whartons-jelly-mscs-in-high-risk-and-sr-agvhd-phase-ib-trial-results",
			"All content on this site is intended for healthcare professionals only. By acknowledging this message and accessing the information on this website you are confirming that you are a Healthcare Professional.\n\n  TRANSLATE\n\n" +
				"The gvhd Hub website uses a third-party service provided by Google that dynamically translates web content. Translations are machine generated, so may not be an exact or complete translation.\n\n" +
				"The GvHD Hub is an independent medical education platform, sponsored by Medac and supported through grants from Sanofi and Therakos. Funders are allowed no direct influence on our content.\n\n" +
				"Now you can support HCPs in making informed decisions for their patients\n\n" +
				"Your contribution helps us continuously deliver expertly curated content to HCPs worldwide. You will also have the opportunity to make a content suggestion.\n\nFind out more\n\n" +
				"Wharton’s jelly MSCs in high-risk and SR-aGvHD: Phase Ib trial results\n\nBy Nathan Fisher\n\nShare:\n\nFeb 20, 2026\n",
			"Wharton’s jelly MSCs in high-risk and SR-aGvHD: Phase Ib trial results"},
	})
}

// TestRound13KeywordFragments: a keyword field printed empty ("-") takes
// no heading below it, and a keyword cut mid-word where the copied page
// stops ("• Cl") is no keyword.
func TestRound13KeywordFragments(t *testing.T) {
	for _, c := range []struct{ src, text string }{
		{"https://peeref.com/works/6554951",
			"4.6 Article\n\nCharacteristics and outcome of immune thrombocytopenia in elderly: Results from a single center case-controlled study\n\n" +
				"Journal\n\nAMERICAN JOURNAL OF HEMATOLOGY\nVolume 86, Issue 12, Pages 980-984\n\nPublisher\n\nWILEY\nDOI: 10.1002/ajh.22170\n\n" +
				"Keywords\n\n-\n\nCategories\n\nAsk authors/readers for more resources\n"},
		{"https://pure.teikyo.jp/en/publications/prednisone-versus-high-dose-dexamethasone-for-untreated-primary-i/",
			"Prednisone versus high-dose dexamethasone for untreated primary immune thrombocytopenia. A retrospective study of the Japan Hematology & Oncology Clinical Study Group\n\n" +
				"Kana Sakamoto, Hideki Nakasone, Shigeharu Tsurumi, Ko Sasaki, Kinuko Mitani\n\nVolume37\nIssue number3\nStatePublished - Apr 2014\n\nKeywords\n\n  • Cl\n"},
	} {
		if rec := mustFields(t, c.text); len(rec.Keywords) > 0 {
			t.Errorf("%s: keywords %q, want none", c.src, rec.Keywords)
		}
	}
	if got := pageKeywords("AA; ITP; Eltrombopag"); len(got) != 3 {
		t.Errorf("keywords %q, want the three", got)
	}
}

// TestRound13CitationEndsAbstract: "Stem Cells 2016;34:357-366." closing
// an abstract is the paper's journal, year, volume and pages, so a titled
// page that gives them nowhere else is a record.
func TestRound13CitationEndsAbstract(t *testing.T) {
	// https://acemap.info/paper/64321691
	text := "Mesenchymal Stromal Cells for Treatment of Acute Steroid-Refractory Graft Versus Host Disease: Clinical Responses and Long-Term Outcome.\n2016\n" +
		"Acute graft-versus-host disease (aGvHD) remains a major cause of morbidity and mortality after allogeneic hematopoietic stem cell transplantation. " +
		"Steroid-resistant aGvHD is associated with poor outcome, and no commonly accepted salvage therapy is available for its treatment. " +
		"Whether MSC treatment improves long-term survival remains to be shown. Stem Cells 2016;34:357-366.\n" +
		"Keywords:\n- Correction\n- Source\n- Cite\n- Save\n- Machine Reading By IdeaReader\n60\nReferences\n"
	rec, err := parseLabelledPage([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Journal.Abbrev != "Stem Cells" || rec.Issued.Year != 2016 || rec.Volume != "34" || rec.PageStart != "357" || rec.PageEnd != "366" {
		t.Errorf("journal %q, year %d, volume %q, pages %s-%s", rec.Journal.Abbrev, rec.Issued.Year, rec.Volume, rec.PageStart, rec.PageEnd)
	}
	if len(rec.Keywords) > 0 {
		t.Errorf("keywords %q from the site's tools", rec.Keywords)
	}
	// a sentence that only ends in numbers is no citation
	rec = mappings.Record{Abstract: mappings.Abstract{Text: "Responses were seen in 2016; 34: 357-366 patients."}}
	if abstractEndCitation(&rec, func(string, string) {}); rec.Journal.Abbrev != "" {
		t.Errorf("journal %q from a sentence", rec.Journal.Abbrev)
	}
}
