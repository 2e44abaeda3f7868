package labelledpage

import (
	"bufio"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
	"github.com/msckg/msckg/mappings/page"
)

// Inline labels on one line: the form the issue quotes from a real
// record, and the history dates of a real chapter page (27-intechopen).
func TestInlineLabels(t *testing.T) {
	page := "Title: [Umbilical cord mesenchymal stem cells in refractory immune thrombocytopenia]. Author: Liu XD, Fan ZP, Wang Y. " +
		"Journal: Zhonghua Xue Ye Xue Za Zhi; 2012 Feb; 33(2):98-102. PubMed ID: 22730656. " +
		"Abstract: OBJECTIVE: To explore the efficacy of MSCs. METHODS: Ten patients received cells. RESULTS: Seven responded.\n"
	rec, err := labelledPageFields([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	got := []any{rec.Title, familiesOf(rec), rec.Journal.Abbrev, rec.Issued, rec.Volume, rec.Issue, rec.PageStart, rec.PageEnd, rec.PMID,
		strings.HasPrefix(rec.Abstract.Text, "OBJECTIVE: To explore")}
	want := []any{"[Umbilical cord mesenchymal stem cells in refractory immune thrombocytopenia].", []string{"Liu", "Fan", "Wang"},
		"Zhonghua Xue Ye Xue Za Zhi", mappings.Date{Year: 2012, Month: 2, Day: 0}, "33", "2", "98", "102", "22730656", true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %#v\nwant %#v", got, want)
	}
	if p := splitInlineLabels("Mesenchymal stem cells: a review. Journal: Blood"); len(p) != 1 {
		t.Errorf("a line that does not start with a label is cut: %q", p)
	}
}

// Years in citation strings, never from a received date or a copyright.
func TestPageYears(t *testing.T) {
	cases := []struct {
		page string
		want mappings.Date
	}{
		{"A study of MSCs in ITP patients\nBlood 2011;118(21):3037.\n", mappings.Date{Year: 2011}},
		{"A study of MSCs in ITP patients\nStem Cell Res Ther (2016) 7:45\n", mappings.Date{Year: 2016}},
		{"A study of MSCs in ITP patients\nReceived: 3 May 2018\nPublished: 12 March 2019\n", mappings.Date{Year: 2019, Month: 3, Day: 12}},
		{"A study of MSCs in ITP patients\nReceived 22 May 2013; revised 28 June 2013\n25 July 2014\n", mappings.Date{Year: 2014, Month: 7, Day: 25}},
		{"A study of MSCs in ITP patients\nCopyright © 2010 Elsevier\n", mappings.Date{}},
	}
	for _, c := range cases {
		rec, err := labelledPageFields([]byte(c.page))
		if err != nil || rec.Issued != c.want {
			t.Errorf("%q: issued %v (%v), want %v", c.page, rec.Issued, err, c.want)
		}
	}
}

// A URL is never a journal, a title, a publisher or an author.
func TestURLIsNeverAField(t *testing.T) {
	page := "https://pubmed.ncbi.nlm.nih.gov/26589752/\nwww.example.org/article/12\nMSCs for poor graft function after transplantation\n" +
		"Source: https://www.ncbi.nlm.nih.gov/pubmed/26589752\nPublisher: www.spandidos-publications.com\nAuthors: Xiaohua Wang, Wei Sun\n"
	rec, err := labelledPageFields([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Journal.Title != "" || rec.Journal.Abbrev != "" || rec.Publisher != "" || rec.Title != "MSCs for poor graft function after transplantation" {
		t.Errorf("journal %q/%q publisher %q title %q", rec.Journal.Title, rec.Journal.Abbrev, rec.Publisher, rec.Title)
	}
	if rec.PMID != "26589752" || rec.Guessed["pmid"] != "page-address" {
		t.Errorf("PMID %q guessed %q", rec.PMID, rec.Guessed["pmid"])
	}
}

// The addresses of the real pages in testdata/formats/pages-README.md, and
// the forms the issue names, give the page's identifiers.
func TestPageAddressIDs(t *testing.T) {
	want := map[string][2]string{ // address → DOI, PMID|PMCID|trial
		"https://thieme-connect.com/products/ejournals/abstract/10.1055/s-0039-1678732":                   {"10.1055/s-0039-1678732", ""},
		"https://pmc.ncbi.nlm.nih.gov/articles/PMC4681052":                                                {"", "PMC4681052"},
		"https://rd.springer.com/chapter/10.1007/978-94-007-2801-1_5":                                     {"10.1007/978-94-007-2801-1_5", ""},
		"https://informahealthcare.com/doi/full/10.2147/PPA.S81509":                                       {"10.2147/ppa.s81509", ""},
		"http://www.plosone.org/article/info%3Adoi%2F10.1371%2Fjournal.pone.0089666":                      {"10.1371/journal.pone.0089666", ""},
		"https://eurjmedres.biomedcentral.com/articles/10.1186/s40001-018-0311-3":                         {"10.1186/s40001-018-0311-3", ""},
		"https://clinicaltrials.gov/ct2/show/NCT04014166":                                                 {"", "NCT04014166"},
		"https://link.springer.com/article/10.1007%2Fs10616-012-9489-3":                                   {"10.1007/s10616-012-9489-3", ""},
		"https://stemcellres.biomedcentral.com/articles/10.1186/s13287-023-03323-6/tables/1":              {"10.1186/s13287-023-03323-6", ""},
		"https://www.clinicaltrials.gov/ct2/show/study/NCT01297972?view=record":                           {"", "NCT01297972"},
		"https://apps.who.int/trialsearch/Trial2.aspx?TrialID=ChiCTR2000030224":                           {"", "ChiCTR2000030224"},
		"https://www.frontiersin.org/articles/10.3389/fimmu.2021.1/full":                                  {"10.3389/fimmu.2021.1", ""},
		"https://www.example.org/action/showCitFormats?doi=10.3389%2Ffimmu.2020.00001&format=ris":         {"10.3389/fimmu.2020.00001", ""},
		"https://pubmed.ncbi.nlm.nih.gov/26589752/":                                                       {"", "26589752"},
		"https://www.ncbi.nlm.nih.gov/pubmed/26589752":                                                    {"", "26589752"},
		"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5443306/":                                           {"", "PMC5443306"},
		"https://www.ncbi.nlm.nih.gov/pubmed/?term=mesenchymal+ITP":                                       {"", ""},
		"https://karger.com/aha/article/145/1/9/827357/The-Mechanistic-Effects-and-Clinical-Applications": {"", ""},
	}
	// Every address the README lists is covered.
	f, err := os.Open("../../testdata/formats/pages-README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cells := strings.Split(sc.Text(), "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(cells[3]), "http") {
			continue
		}
		addr := strings.Fields(cells[3])[0]
		if _, ok := want[addr]; !ok {
			ids, trial := addressIDs(addr)
			if ids != (mappings.IDs{}) || trial != "" {
				t.Errorf("%s: ids %+v %q not expected by this test", addr, ids, trial)
			}
		}
	}
	for addr, w := range want {
		ids, trial := addressIDs(addr)
		other := ids.PMID + ids.PMCID + trial
		if ids.DOI != w[0] || other != w[1] {
			t.Errorf("%s: DOI %q other %q, want %q %q", addr, ids.DOI, other, w[0], w[1])
		}
	}
}

// A title is never the first sentence of an abstract; with none, the page
// is declined with the reason.
func TestTitleIsNeverAnAbstractSentence(t *testing.T) {
	for _, s := range []string{
		"Background aims: For patients with poor graft function, MSCs were given.",
		"OBJECTIVE: To explore the efficacy of MSCs in ITP.",
		"OBJECTIVE To review the role of mesenchymal stem cells in bone formation",
		"Seven patients received cells. Five responded. None relapsed.",
	} {
		if titleLike(s) {
			t.Errorf("%q taken for a title", s)
		}
	}
	recs, errs := formattest.ReadAll(t, "labelled-page", []byte("Background aims: For patients with poor graft function after transplantation, MSCs were given.\nAuthors: Xiaohua Wang, Wei Sun\n"))
	if len(recs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "title") {
		t.Errorf("%d records, %v; want it declined for want of a title", len(recs), errs)
	}
}

// A paper that names its trial stays a paper; a page describing a study
// with registration fields but no id is declined with the reason.
func TestRegistrationPages(t *testing.T) {
	paper := "MSCs for poor graft function: a randomised trial\nAuthors: Xiaohua Wang, Wei Sun\nTrial registration: NCT01234567\n"
	rec, err := parseLabelledPage([]byte(paper))
	if err != nil || rec.Trial != nil || !reflect.DeepEqual(rec.TrialIDs, []string{"NCT01234567"}) {
		t.Errorf("paper: trial %+v ids %v err %v", rec.Trial, rec.TrialIDs, err)
	}
	noID := "Umbilical cord MSCs in refractory ITP patients\nRecruitment Status: Recruiting\nStudy Type: Interventional\nSponsor: A hospital\n"
	if _, err := parseLabelledPage([]byte(noID)); !errors.Is(err, page.ErrTrialWithoutID) {
		t.Errorf("registration without id: %v", err)
	}
}

// Chinese names written family first: in capitals (26-chin-j-integr-med),
// and with CamelCase given names as the issue quotes them.
func TestPageChineseFamilyFirst(t *testing.T) {
	cases := map[string][]mappings.Author{
		"Pang Yan, Xiao HaoWen, Zhang Hang, Liu ZengHui": {formattest.Au("Pang Yan", "Pang", "Yan"), formattest.Au("Xiao HaoWen", "Xiao", "HaoWen"),
			formattest.Au("Zhang Hang", "Zhang", "Hang"), formattest.Au("Liu ZengHui", "Liu", "ZengHui")},
		"ZHANG Aijun LIU Qinqin PU Ting":             {formattest.Au("ZHANG Aijun", "Zhang", "Aijun"), formattest.Au("LIU Qinqin", "Liu", "Qinqin"), formattest.Au("PU Ting", "Pu", "Ting")},
		"YIN Li-ming (尹利明)1, JIANG Hui-fang (蒋慧芳)2,": {formattest.Au("YIN Li-ming", "Yin", "Li-ming"), formattest.Au("JIANG Hui-fang", "Jiang", "Hui-fang")},
	}
	for in, want := range cases {
		if got := formattest.SplitsOnly(pageNames(in)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %+v\nwant %+v", in, got, want)
		}
	}
}

// pageTitle is a shortened real page (src, its address) and its title.
type pageTitle struct{ src, text, title string }

// checkTitles reads each page and compares its title.
func checkTitles(t *testing.T, cases []pageTitle) {
	t.Helper()
	for _, c := range cases {
		if rec := mustFields(t, c.text); rec.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.src, rec.Title, c.title)
		}
	}
}

// mustFields reads a page's fields, which must not fail.
func mustFields(t *testing.T, text string) mappings.Record {
	t.Helper()
	rec, err := labelledPageFields([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func familiesOf(r mappings.Record) []string {
	var out []string
	for _, a := range r.Authors {
		out = append(out, a.Family)
	}
	return out
}

// A reprint of a Chinese journal article (hu2013-msc-safety-hta-cnsteyr):
// the site's line of page counters after "来源:" is no journal, and the
// line of personal names is the authors, never the title; the running
// citation "中国医药生物技术2013年10月第8卷第5期" gives journal and year.
func TestChineseReprintCountersAndNames(t *testing.T) {
	page := "来源: 发布日期:2018-06-14 浏览次数:15687次\n" +
		"胡泽斌,王立生,崔春萍,陈津,吴祖泽,谢俊祥,吴朝晖\n" +
		"中国医药生物技术2013年10月第8卷第5期\n" +
		"DOI:10.3969/cmba.j.issn.1673-713X.2013.05.005\n" +
		"· 卫生技术评估 ·\n" +
		"编者按\n" +
		"干细胞治疗作为某些难治性疾病的新型治疗手段,吸引着众多医学科研工作者、临床医生、患者和管理部门的关注。\n" +
		"在我国,干细胞研究领域非常活跃,业内专家以及公众和媒体对其安全性非常关注,有关管理部门对此也非常重视。2012 年,卫生部科技教育司组织了干细胞治疗、介入治疗、微创手术和影像诊断 4 项卫生技术评估工作。中国医药生物技术协会承担了干细胞治疗技术评估工作。\n" +
		"【摘要】\n" +
		"目的 通过对现阶段干细胞治疗技术的安全状况进行系统评价,为各层次决策者包括卫生行政部门和患者等提供合理选择干细胞治疗技术的科学信息和决策依据。\n" +
		"方法 采用卫生技术评估方法对间充质干细胞在临床研究和应用中的死亡率,伤残率,不良反应的发生率、持续时间以及严重程度等方面进行系统评估。\n" +
		"结果 无论是自体还是异体来源的间充质干细胞移植,在临床试验中未见明显的毒性反应和致瘤性报道,无 GVHD 报告。临床上见到的不良反应多数较轻微。\n"
	rec, err := labelledPageFields([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(rec.Journal.Title+rec.Journal.Abbrev, "浏览") {
		t.Errorf("journal %q/%q: page counters", rec.Journal.Title, rec.Journal.Abbrev)
	}
	// Nor is the running citation, the column label between middle dots
	// or a sentence ending in "。" a title: this page prints none.
	if rec.Title != "" {
		t.Errorf("title %q, want none", rec.Title)
	}
	if rec.Journal.Abbrev != "中国医药生物技术" || rec.Issued.Year != 2013 || rec.Volume != "8" || rec.Issue != "5" {
		t.Errorf("citation: journal %q year %d volume %q issue %q", rec.Journal.Abbrev, rec.Issued.Year, rec.Volume, rec.Issue)
	}
	if got := familiesOf(rec); len(got) != 7 || got[0] != "胡" || got[6] != "吴" {
		t.Errorf("authors %q, want the seven names", got)
	}
	// Untitled, but its DOI, byline, journal and year make it a record.
	if _, err := parseLabelledPage([]byte(page)); err != nil {
		t.Errorf("declined: %v", err)
	}
}

// An ePrints citation (bussel2018-fostamatinib-fit-utas): "Family,
// Initials" pairs in one comma list, the last after "and", then the year,
// the quoted title and the journal. A list whose items do not alternate
// name and initials is not read this way.
func TestEPrintsCitationAuthors(t *testing.T) {
	page := "Open Access Repository\n\n" +
		"Fostamatinib for the treatment of adult persistent and chronic immune thrombocytopenia: Results of two phase 3, randomized, placebo-controlled trials\n\n" +
		"Bussel, J, Arnold, DM, Grossbard, E, Khalafallah, AA, Zayed, H and Duliege, A-M 2018 , 'Fostamatinib for the treatment of adult persistent and chronic immune thrombocytopenia: Results of two phase 3, randomized, placebo-controlled trials' , American Journal of Hematology, vol. 93, no. 7 , pp. 921-930 , doi: https://doi.org/10.1002/ajh.25125.\n\n" +
		"Abstract\n\n" +
		"Spleen tyrosine kinase (Syk) signaling is central to phagocytosis-based, antibody-mediated platelet destruction in adults with immune thrombocytopenia (ITP). Fostamatinib, an oral Syk inhibitor, produced sustained on-treatment responses in a phase 2 ITP study.\n"
	rec, err := labelledPageFields([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range rec.Authors {
		got = append(got, a.Family+"|"+a.Given)
	}
	want := []string{"Bussel|J", "Arnold|DM", "Grossbard|E", "Khalafallah|AA", "Zayed|H", "Duliege|A-M"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("authors %q, want %q", got, want)
	}
	if rec.Issued.Year != 2018 || rec.Journal.Title+rec.Journal.Abbrev != "American Journal of Hematology" || rec.Volume != "93" || rec.Issue != "7" || rec.PageStart != "921" {
		t.Errorf("year %d journal %q/%q volume %q issue %q pages %q", rec.Issued.Year, rec.Journal.Title, rec.Journal.Abbrev, rec.Volume, rec.Issue, rec.PageStart)
	}
	for _, s := range []string{
		"Bussel, J, Arnold 2018 , 'A title' , Blood, vol. 1, no. 2 , pp. 3-4",            // odd count
		"Bussel, James, Arnold, David 2018 , 'A title' , Blood, vol. 1, no. 2 , pp. 3-4", // given names, not initials
	} {
		if names, _, ok := eprintsCitation(s); ok {
			t.Errorf("%q read as %v", s, names)
		}
	}
}

// A byline of one: a single name with its affiliation right below it
// under a title that a PDF copy wraps over a blank line. A name alone
// under a heading (a forum post's user, a signature) is no byline, and
// the page stays declined.
func TestSoleAuthorByline(t *testing.T) {
	doc := "Advances in Diagnosis and Treatments for Immune\n\nThrombocytopenia\nShosaku Nomura\n" +
		"First Department of Internal Medicine, Kansai Medical University, Hirakata, Osaka, Japan.\n\n" +
		"ABSTRACT: Immune thrombocytopenia (ITP) is an acquired hemorrhagic condition.\n"
	rec, err := parseLabelledPage([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != "Advances in Diagnosis and Treatments for Immune Thrombocytopenia" || !reflect.DeepEqual(familiesOf(rec), []string{"Nomura"}) {
		t.Errorf("title %q authors %v", rec.Title, familiesOf(rec))
	}
	for _, doc := range []string{
		"Advances in the treatment of immune thrombocytopenia\nShosaku Nomura\nPosted 3 days ago. I was told my platelets were low.\n",
		"Advances in the treatment of immune thrombocytopenia\n\nShosaku Nomura\n\nFirst Department of Internal Medicine, Kansai Medical University, Osaka.\n",
		"Advances in the treatment of immune thrombocytopenia\nShosaku Nomura, Kansai Medical University, Osaka\nThe department moved.\n",
	} {
		if rec, err := parseLabelledPage([]byte(doc)); err == nil {
			t.Errorf("%q: read as a record (title %q, authors %v)", doc, rec.Title, familiesOf(rec))
		}
	}
}

// A byline that goes on after the first name's affiliation is not a
// byline of one: its first name alone would be a wrong author list.
func TestSoleAuthorBylineGoesOn(t *testing.T) {
	doc := "Pathophysiology of Autoimmune Thrombocytopenia: Current Insight\n\nIrene Marini\n" +
		"1 Department of Transfusion Medicine, University of Tübingen, Tübingen, Germany\n,\nTamam Bakchoul\n" +
		"1 Department of Transfusion Medicine, University of Tübingen, Tübingen, Germany\n"
	rec, _ := labelledPageFields([]byte(doc))
	if len(rec.Authors) == 1 {
		t.Errorf("authors %v: the first of two names", familiesOf(rec))
	}
}

// "By:" ending a line (after the posting date) names the list items below
// it as the byline, a single one too. A single list item without the
// label, or under it a phrase that is not a name, is no byline.
func TestByLabelOverListItems(t *testing.T) {
	doc := "Danazol as a second-line treatment for immune thrombocytopenic purpura.\n\nJanuary 01, 2019 By:\n  • Zimmer J.\n\n" +
		"The retrospective study by Chang et al. describes a cohort of 375 ITP patients.\n"
	rec, err := parseLabelledPage([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(familiesOf(rec), []string{"Zimmer"}) || rec.Authors[0].Given != "J" {
		t.Errorf("authors %+v", rec.Authors)
	}
	for _, doc := range []string{
		"Danazol as a second-line treatment for immune thrombocytopenic purpura\n\nJanuary 01, 2019\n  • Zimmer J.\n\nThe retrospective study describes a cohort.\n",
		"Danazol as a second-line treatment for immune thrombocytopenic purpura\n\nPosted By:\n  • Site Editorial Team\n\nThe retrospective study describes a cohort.\n",
	} {
		if rec, err := parseLabelledPage([]byte(doc)); err == nil {
			t.Errorf("%q: read as a record (authors %v)", doc, familiesOf(rec))
		}
	}
}

// A Chinese paper's byline marks the corresponding author with "△" and
// pads two-character names to the width of three ("張 燕"); the numbered
// affiliations in parentheses under it are never the title. A heading
// over a paragraph, with an affiliation list but no byline, stays declined.
func TestChineseBylineMarks(t *testing.T) {
	doc := "盧英豪,王季石△,張 燕,趙 鵬\n(1.貴州醫科大學附屬醫院血液科,貴陽 550004;2.安順市人民醫院血液科 561000)\n" +
		"150例異基因造血干細胞移植治療惡性血液病的療效分析\n盧英豪1,王季石1△,張燕1,趙鵬2\n" +
		"(1.貴州醫科大學附屬醫院血液科,貴陽 550004;2.安順市人民醫院血液科561000)\n[摘要]目的分析異基因造血干細胞移植治療惡性血液病的療效。\n"
	rec, err := parseLabelledPage([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != "150例異基因造血干細胞移植治療惡性血液病的療效分析" || !reflect.DeepEqual(familiesOf(rec), []string{"盧", "王", "張", "趙"}) {
		t.Errorf("title %q authors %v", rec.Title, familiesOf(rec))
	}
	doc = "(1.貴州醫科大學附屬醫院血液科,貴陽 550004;2.安順市人民醫院血液科 561000)\n異基因造血干細胞移植治療惡性血液病\n" +
		"回顧性分析貴州醫科大學附屬醫院的病例,探討移植相關并發症及影響預后的因素\n"
	if rec, err := parseLabelledPage([]byte(doc)); err == nil {
		t.Errorf("read as a record (title %q, authors %v)", rec.Title, familiesOf(rec))
	}
}
