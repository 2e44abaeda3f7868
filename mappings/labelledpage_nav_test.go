package mappings

import (
	"reflect"
	"testing"
)

// Navigation that names other papers, or the journal, is never the
// page's title: excerpts of real pages of the unseen set's development
// half (testdata/gold/unseen), each the class of one wrong title.
func TestNavigationIsNeverTheTitle(t *testing.T) {
	cases := []struct{ name, page, title string }{
		{"neighbouring articles (mdpi)",
			"Next Article in Journal\nHydrosols of Veronica Species—Natural Source of Free Volatile Compounds with Potential Pharmacological Interest\n" +
				"Previous Article in Special Issue\nCurrent Advancement of Immunomodulatory Drugs as Potential Pharmacotherapies\n \nFont Type:\nArticle\n\n" +
				"Danazol in Refractory Autoimmune Hemolytic Anemia or Immune Thrombocytopenia: A Case Series Report and Literature Review\n\n" +
				"Pharmaceuticals 2022, 15(11), 1377; https://doi.org/10.3390/ph15111377\n",
			"Danazol in Refractory Autoimmune Hemolytic Anemia or Immune Thrombocytopenia: A Case Series Report and Literature Review"},
		{"search widget and category menu (wordpress)",
			"Generic selectors\nExact matches only\nSearch in title\nPost Type Selectors\nFilter by Categories\nCase Report\nImages/Videos in Hematology\n" +
				"Letter to the Editor\nWhat the Expert Says\n\nOriginal Research\ndoi:\n10.25259/JHAS_29_2024\n\n" +
				"A retrospective analysis of response rates and predictors of response to rituximab in management of primary immune thrombocytopenia: Second line and beyond\n",
			"A retrospective analysis of response rates and predictors of response to rituximab in management of primary immune thrombocytopenia: Second line and beyond"},
		{"breadcrumb (dovepress)",
			"Back to Journals » Therapeutics and Clinical Risk Management » Volume 18\n\n" +
				"Avatrombopag for the Treatment of Adult Patients with Chronic Immune Thrombocytopenia (cITP): Focus on Patient Selection and Perspectives\n\n" +
				"Authors Tsykunova G, Ghanima W\n",
			"Avatrombopag for the Treatment of Adult Patients with Chronic Immune Thrombocytopenia (cITP): Focus on Patient Selection and Perspectives"},
		{"recent articles with their authors (thieme)",
			"Search\n\nRecent Articles\n\nIJMPO—A Journey of a Thousand Miles\n\nAuthor : Padmaj S. Kulkarni\n\n" +
				"Why Is China Importing COVID-19 Vaccine Now?\n\nAuthor : Purvish M. Parikh\n\n" +
				"Stem cell transplant: An experience from eastern India\n\nCC BY-NC-ND 4.0 · Indian J Med Paediatr Oncol 2012; 33(04): 203-209\n\nDOI: DOI: 10.4103/0971-5851.107078\n",
			"Stem cell transplant: An experience from eastern India"},
		{"masthead above volume and issue (hanspub)",
			"Advances in Clinical Medicine\nVol. 14  No. 04 ( 2024 ), Article ID: 85444 , 10 pages\n10.12677/acm.2024.1441255\n\n" +
				"造血干细胞移植治疗重型再生障碍性贫血的 研究进展\n\n彭文,王倩,王兰,罗小华*\n",
			"造血干细胞移植治疗重型再生障碍性贫血的 研究进展"},
		{"full-text marker and Chinese masthead (zhiwutong)",
			"全 文 :生命科学\nChinese Bulletin of Life Sciences\n第 19卷 第 2期\n2007年 4月\nVol. 19, No. 2\nApr., 2007\n" +
				"脐带血移植的应用进展及脐带血库建设\n吴海江1,朱德琳2,韩忠朝1*\n",
			"脐带血移植的应用进展及脐带血库建设"},
		{"page header cut short (longdom)",
			"GET THE APP\n\nDifferential Diagnosis of Thrombocytopenia in Hematopoietic Stem\nJournal of Hematology & Thromboembolic Diseases\n\nOpen Access\n\n" +
				"Review Article - (2014) Volume 2, Issue 6\n\nDifferential Diagnosis of Thrombocytopenia in Hematopoietic Stem Cell Transplant Patients\n\n" +
				"Preeti Chavan, Bharat Chauhan, Amit Joshi, Shashank Ojha and Vivek Bhat*\n",
			"Differential Diagnosis of Thrombocytopenia in Hematopoietic Stem Cell Transplant Patients"},
	}
	for _, c := range cases {
		rec, err := labelledPageFields([]byte(c.page))
		if err != nil || rec.Title != c.title {
			t.Errorf("%s: title %q (%v), want %q", c.name, rec.Title, err, c.title)
		}
	}
}

// The "Recent Articles" list's bylines are not the page's authors, and
// "Authors" followed by a space introduces a list of names (dovepress).
func TestListBylinesAndSpacedAuthorsLabel(t *testing.T) {
	rec, _ := labelledPageFields([]byte("Recent Articles\n\nIJMPO—A Journey of a Thousand Miles\n\nAuthor : Padmaj S. Kulkarni\n\n" +
		"Stem cell transplant: An experience from eastern India\n\nCC BY-NC-ND 4.0 · Indian J Med Paediatr Oncol 2012; 33(04): 203-209\n"))
	if len(rec.Authors) != 0 {
		t.Errorf("authors %v taken from another article's byline", familiesOf(rec))
	}
	rec, _ = labelledPageFields([]byte("Efficacy and Safety of Umbilical Cord Mesenchymal Stem Cell Therapy for Rheumatoid Arthritis Patients\n\n" +
		"Authors Wang L, Huang S , Li S, Li M, Shi J, Bai W, Wang Q, Zheng L, Liu Y\n"))
	if got, want := familiesOf(rec), []string{"Wang", "Huang", "Li", "Li", "Shi", "Bai", "Wang", "Zheng", "Liu"}; !reflect.DeepEqual(got, want) {
		t.Errorf("authors %q, want %q", got, want)
	}
}

// A title a search snippet cut with an ellipsis, whose full form the page
// never prints on a line of its own, is no title: the page is declined
// rather than recorded under half a title (mafiadoc).
func TestCutTitleIsNoTitle(t *testing.T) {
	page := "Long-term outcomes of a 5-year follow up of patients with immune ...\n\n1 downloads 0 Views 3MB Size Report\n" +
		"THE KOREAN JOURNAL OF HEMATOLOGY\n\nORIGINAL ARTICLE\n\n" +
		"Long-term outcomes of a 5-year follow up of patients with immune thrombocytopenic purpura after splenectomy Jae Joon Han, Sun Kyung Baek, Department of Hematology-Oncology, School of Medicine\n"
	if i := pageTitleLine(splitPageLines(page), 8); i >= 0 {
		t.Errorf("title line %d taken from a cut snippet", i)
	}
}
