package labelledpage

import (
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
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

// A title above a paragraph under an "Abstract" label is a paper even
// when the page prints no byline, identifier or journal (scilit, a
// library catalogue). A "Summary" or a short text under the label is not
// enough, and the rule is recorded as a guess.
func TestTitleAndLabelledAbstract(t *testing.T) {
	abstract := "Sixty-four patients with refractory chronic immune thrombocytopenic purpura were treated with danazol at a dose of " +
		"200 mg three times a day for at least two months. A complete or partial response was seen in 67 % of them, and the " +
		"median duration of the response was 119 months. Side effects were mild and transient in most patients; the drug was " +
		"stopped in ten of them for raised liver enzymes, amenorrhoea, rash or weight gain. Danazol is an effective therapy."
	page := "Danazol Therapy in Refractory Chronic Immune Thrombocytopenic Purpura\n\nAbstract\n\n" + abstract + "\n"
	recs, errs := formattest.ReadAll(t, "labelled-page", []byte(page))
	if len(recs) != 1 || len(errs) != 0 || recs[0].Title != "Danazol Therapy in Refractory Chronic Immune Thrombocytopenic Purpura" ||
		recs[0].Guessed["kind"] != "title-and-abstract" {
		t.Fatalf("%d records %v, errors %v; want the paper with its kind guessed", len(recs), recs, errs)
	}
	for name, p := range map[string]string{
		"summary":        "TPO-R agonist vs Immunosuppressant\n\nSummary\n\n" + abstract + "\n",
		"short abstract": "Danazol Therapy in Refractory Chronic Immune Thrombocytopenic Purpura\n\nAbstract\n\nSixty-four patients were treated.\n",
	} {
		if recs, errs := formattest.ReadAll(t, "labelled-page", []byte(p)); len(recs) != 0 || len(errs) != 1 {
			t.Errorf("%s: %d records, errors %v; want it declined", name, len(recs), errs)
		}
	}
}

// Key points printed as a list, a viewer's page counter and a figure's
// caption are never the title, and a German page's "Erschienen in" names
// the journal with its issue and year (Blood Advances, Scribd,
// springermedizin.de).
func TestKeyPointsCountersCaptionsAndGermanLabels(t *testing.T) {
	// Each line alone on a page would be its first title-like line.
	page := "• HD-DXM allows a better initial response than PDN, but less long-lasting over time, useful when a rapid platelet increase is required.\n" +
		"You are on page 1of 29\n" +
		"Figure. Increase of Platelets and Megakaryocytes With Decitabine Treatment\n" +
		"Table 1 Clinical studies of co-infusion of MSCs with HSCs for hematopoietic recovery after transplantation\n"
	if rec, _ := labelledPageFields([]byte(page)); rec.Title != "" {
		t.Errorf("title %q", rec.Title)
	}
	rec, err := labelledPageFields([]byte("Skip to main content\nErschienen in: Annals of Hematology 9/2021\n\nOpen Access 26.07.2021 | Review Article\n\n" +
		"Romiplostim in children with newly diagnosed or persistent primary immune thrombocytopenia\n\n" +
		"verfasst von: John D. Grainger, Thomas Kühne, Jane Hippenmeyer, Nichola Cooper\n"))
	got := []any{rec.Title, rec.Journal.Title, rec.Issue, rec.Issued.Year, familiesOf(rec)}
	want := []any{"Romiplostim in children with newly diagnosed or persistent primary immune thrombocytopenia", "Annals of Hematology", "9", 2021,
		[]string{"Grainger", "Kühne", "Hippenmeyer", "Cooper"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %v (%v), want %v", got, err, want)
	}
	rec, _ = labelledPageFields([]byte("Intravenous immunoglobulin vs observation in childhood immune thrombocytopenia: a randomized controlled trial.\n" +
		"Document Type\nArticle\nSource\nBlood. 8/30/2018, Vol. 132 Issue 9, following p883-891. 10p.\n"))
	if rec.Journal.Title != "Blood" || rec.Issued != (mappings.Date{Year: 2018, Month: 8, Day: 30}) {
		t.Errorf("journal %q issued %v, want Blood 2018-08-30", rec.Journal.Title, rec.Issued)
	}
}

// Distant Reader prints a CORD-19 paper as one labelled line with its
// abstract after the last key (distantreader.org, development pages of
// the unseen set).
func TestDistantReaderLine(t *testing.T) {
	abstract := "Mesenchymal stem cells (MSCs) are pluripotent stem cells derived from mesoderm during early development that are " +
		"characterized by high self-renewal ability and multidirectional differentiation potential. These cells are present in various tissues " +
		"of the human body and can be cultured in vitro. Under specific conditions, MSCs can differentiate into osteoblasts, neuron-like cells, " +
		"adipocytes and muscle cells, and therefore have a great application value in cell replacement therapy and tissue repair."
	page := "key: cord-0705910-nsdwprf9 authors: Wang, Yajing; Ma, Dan; Wu, Zewen title: Clinical application of mesenchymal stem cells in rheumatic diseases " +
		"date: 2021-11-09 journal: Stem Cell Res Ther DOI: 10.1186/s13287-021-02635-9 sha: 9d2569192e783f83b26a48f8e4b38c7c1d242011 doc_id: 705910 cord_uid: nsdwprf9 " +
		abstract + "\n"
	recs, errs := formattest.ReadAll(t, "labelled-page", []byte(page))
	if len(recs) != 1 || len(errs) != 0 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	r := recs[0]
	got := []any{r.Title, familiesOf(r), r.Journal.Title, r.DOI, r.Abstract.Text, r.Issued}
	want := []any{"Clinical application of mesenchymal stem cells in rheumatic diseases", []string{"Wang", "Ma", "Wu"}, "Stem Cell Res Ther",
		"10.1186/s13287-021-02635-9", abstract, mappings.Date{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %#v\nwant %#v", got, want)
	}
}

// A page whose title is not found is still a record when it prints an
// identifier and a paragraph-long abstract, kept untitled with the gap
// recorded; an identifier alone is not enough.
func TestUntitledPageWithIDAndAbstract(t *testing.T) {
	abstract := strings.Repeat("Immune thrombocytopenia is an acquired autoimmune disorder with a low platelet count. ", 6)
	recs, errs := formattest.ReadAll(t, "labelled-page", []byte("DOI: 10.5045/br.2022.2022038\n\n"+abstract+"\n"))
	if len(recs) != 1 || len(errs) != 0 || recs[0].Title != "" || recs[0].DOI != "10.5045/br.2022.2022038" || recs[0].Guessed["title"] == "" {
		t.Fatalf("%d records %+v, errors %v; want the untitled paper with its gap recorded", len(recs), recs, errs)
	}
	if recs, errs := formattest.ReadAll(t, "labelled-page", []byte("DOI: 10.5045/br.2022.2022038\n\nAbstract\nplatelets were low in both patients and rose after treatment.\n")); len(recs) != 0 || len(errs) != 1 {
		t.Errorf("%d records, errors %v; want it declined", len(recs), errs)
	}
}
