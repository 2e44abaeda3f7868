package labelledpage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

// pageFixture is what one copied page in testdata/formats/pages must give.
// Empty strings mean "the page does not print it" and are checked too:
// a fallback reader must not invent identifiers.
type pageFixture struct {
	file, title, doi, pmid, pmcid string
	authors                       []string // family names, in order
	issued                        mappings.Date
	abstractHead                  string
	sections                      []string
	trials                        []string
	// trial: the registry id of the Trial a registration page becomes.
	trial string
	// declined: the page's fields make no record by page.IsRecord (a title
	// and authors, an identifier, journal and year, or a labelled
	// abstract); the fields found are still checked.
	declined bool
}

var pageFixtures = []pageFixture{
	{file: "01-karger-acta-haematologica.txt", declined: true, abstractHead: "Immune thrombocytopenia (ITP) is an acquired autoimmune disorder"},
	{file: "02-medifind-trial-finder.txt", declined: true, title: "Single-arm, Single-center Clinical Study of Mesenchymal Stem Cells in the Treatment of Refractory Primary Immune Thrombocytopenia",
		abstractHead: "This study is a clinical study initiated by single-arm"},
	{file: "03-thieme-hamostaseologie.txt", title: "Pathophysiology of Autoimmune Thrombocytopenia: Current Insight with a Focus on Thrombopoiesis",
		doi: "10.1055/s-0039-1678732", issued: mappings.Date{Year: 2019, Month: 2, Day: 25}, abstractHead: "Immune thrombocytopenia (ITP) is an autoimmune disease"},
	{file: "04-bohrium-aggregator.txt", title: "Favorable response of chronic refractory immune thrombocytopenic purpura to mesenchymal stem cells.",
		doi: "10.1089/scd.2011.0231", authors: []string{"Fang", "Mai", "Li", "Song"}, issued: mappings.Date{Year: 2012, Month: 2, Day: 10}, abstractHead: "Seven patients with chronic refractory"},
	{file: "05-ouci-blood-advances.txt", title: "Mesenchymal stromal cells in hematopoietic cell transplantation",
		authors: []string{"Burnham", "Daley-Bauer", "Horwitz"}, issued: mappings.Date{Year: 2020}, abstractHead: "Mesenchymal stromal cells (MSCs) are widely recognized"},
	{file: "06-pmc-bmc-immunology.txt", title: "Mesenchymal stromal cells to modulate immune reconstitution early post-hematopoietic cell transplantation",
		doi: "10.1186/s12865-015-0135-7", pmid: "26674007", pmcid: "PMC4681052", authors: []string{"Stenger", "Krishnamurti", "Galipeau"},
		issued: mappings.Date{Year: 2015, Month: 12, Day: 16}, abstractHead: "Mesenchymal stromal cells (MSCs) are multipotent progenitor cells"},
	{file: "07-springer-chapter-paywall.txt", title: "Mesenchymal Stem Cells in Hematopoietic Stem Cell Transplantation", abstractHead: "Hematopoietic stem cell (HSC) transplantation, the only form"},
	{file: "08-tomesphere-mdpi-biomolecules.txt", title: "Mesenchymal Stem/Stromal Cells: A Review for Its Use After Allogeneic Hematopoietic Stem Cell Transplantation",
		doi: "10.3390/biom16010147", authors: []string{"Durdu", "Hatipoglu", "Eminoglu", "Ulas", "Dal", "Altuntas"}, issued: mappings.Date{Year: 2026, Month: 1, Day: 14},
		abstractHead: "Mesenchymal stem/stromal cells (MSCs) exhibit broad"},
	{file: "09-dovepress-ppa-case-report.txt", title: "Umbilical cord blood transplantation supplemented with the infusion of mesenchymal stem cell for an adolescent patient with severe aplastic anemia: a case report and review of literature",
		issued: mappings.Date{Year: 2015, Month: 6, Day: 11}, abstractHead: "Delayed hematopoietic recovery"},
	{file: "10-wjgnet-world-j-stem-cells.txt", title: "Yin and Yang of mesenchymal stem cells and aplastic anemia", doi: "10.4252/wjsc.v9.i12.219",
		authors: []string{"Broglie", "Margolis", "Medin"}, issued: mappings.Date{Year: 2017, Month: 12, Day: 26}},
	{file: "11-plosone.txt", authors: []string{"Li", "Gao", "Da", "Cao", "Wang", "Xu"}, title: "Reduced Intensity Conditioning, Combined Transplantation of Haploidentical Hematopoietic Stem Cells and Mesenchymal Stem Cells in Patients with Severe Aplastic Anemia"},
	{file: "12-bmc-eur-j-med-res.txt", title: "Clinical evaluation of haploidentical hematopoietic combined with human umbilical cord-derived mesenchymal stem cells in severe aplastic anemia",
		abstractHead: "Background: This study not only evaluated", sections: []string{"Background", "Methods", "Results", "Conclusion"}},
	{file: "13-ash-2024-meeting-abstract.txt", title: "Efficacy and Safety of Mesenchymal Stem Cells in Improving Thrombocytopenia after Chemotherapy in Malignant Tumors",
		authors: []string{"Guo", "Li", "Liu"}, abstractHead: "INTRODUCTION: Chemotherapy-induced thrombocytopenia", sections: []string{"INTRODUCTION", "METHODS"}},
	{file: "14-clinicaltrials-nct04014166.txt", trial: "NCT04014166", title: "Study of Human Umbilical Cord-derived Mesenchymal Stem Cells for Treatment of Refractory Immune Thrombocytopenia",
		abstractHead: "Primary Objective: To evaluate the safety", trials: []string{"NCT04014166"}},
	{file: "15-lw885-chinese-paediatric-itp.txt", authors: []string{"Zhang", "Liu", "Pu"}, title: "儿童免疫性血小板减少症的规范治疗与管理", abstractHead: "免疫性血小板减少症(ITP)是儿童时期最为常见的出血性疾病"},
	{file: "16-peeref-researchgate-like.txt", title: "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up",
		doi: "10.3892/etm.2017.4229", abstractHead: "Four patients with chronic refractory"},
	{file: "17-ebusca-library-catalogue.txt", title: "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up",
		doi: "10.3892/etm.2017.4229", pmid: "28565834", pmcid: "PMC5443306", authors: []string{"Wang", "Yin", "Sun", "Bai", "Shen", "Ao", "Gu", "Liu"},
		issued: mappings.Date{Year: 2017}, abstractHead: "Four patients with chronic refractory"},
	{file: "18-nextbio-news.txt", title: "Second autologous transplant for aplastic anaemia successful", authors: []string{"Mason"}, issued: mappings.Date{Year: 2016, Month: 1, Day: 29},
		abstractHead: "A six-year-old boy suffering from aplastic anaemia"},
	{file: "19-pubmed-page.txt", title: "Building a consensus regarding the nature and origin of mesenchymal stem cells", doi: "10.1002/jcb.10084",
		authors: []string{"Phinney"}, issued: mappings.Date{Year: 2002},
		abstractHead: "Mesenchymal stem cells (MSCs) are believed to be the common precursors"},
	{file: "20-semanticscholar.txt", declined: true, title: "Mesenchymal stem cells and bone regeneration.", abstractHead: "OBJECTIVE To review the role of mesenchymal stem cells"},
	{file: "21-who-ictrp-chictr.txt", trial: "ChiCTR2000030224",
		title: "Cancelled by the investigator Clinical study of mesenchymal stem cells in treating severe novel coronavirus pneumonia (COVID-19)"},
	{file: "22-ctgov-classic-record-nct01297972.txt", trial: "NCT01297972",
		title: "Mesenchymal Stem Cells in the Treatment of Relapsed/Refractory Severe Acquired Aplastic Anemia", abstractHead: "Acquired aplastic anemia is a bone marrow failure"},
	{file: "23-veeva-trial-nct03055078.txt", trial: "NCT03055078",
		title: "Umbilical Cord Derived Mesenchymal Stem Cells Therapy in Aplastic Anemia", abstractHead: "Aplastic anemia (AA) is a disorder"},
	{file: "24-springer-bulleted-authors.txt", title: "Stem cells for reprogramming: could hUMSCs be a better choice?",
		authors: []string{"Duya", "Bian", "Chu", "Zhang"}, abstractHead: "Human umbilical cord mesenchymal stem cells (hUMSC)"},
	{file: "25-scirp-stem-cell-discovery.txt", doi: "10.4236/scd.2012.22005", issued: mappings.Date{Year: 2012},
		title:   "Human umbilical cord blood-derived mononuclear cell transplantation for umbilical hernia and hepatic hydrothorax in primary biliary cirrhosis*",
		authors: []string{"Tang", "Zhang", "You", "Bao", "Wang", "Yang", "Hu"}, abstractHead: "Cell therapy was proposed"},
	// The title wraps over two lines as in the PDF.
	{file: "26-chin-j-integr-med.txt", issued: mappings.Date{Year: 2013, Month: 5, Day: 0}, title: "Effects of Sodium Copper Chlorophyllin on Mesenchymal Stem Cell Function in Aplastic Anemia Mice",
		authors: []string{"Yin", "Jiang", "Wang", "Qian", "Gao", "Lin", "Chen", "Wang"}},
	{file: "27-intechopen-chapter.txt", doi: "10.5772/intechopen.68515", issued: mappings.Date{Year: 2017, Month: 11, Day: 29},
		title:   "Mesenchymal Stem Cells: A Future Option for Intervening Disease Management",
		authors: []string{"Chandramoorthy", "Radhakrishnan", "Gurusamy"}, abstractHead: "Regeneration, revitalizing and reversal"},
}

// TestPageFixtures reads every copied page as msckg build would (Detect,
// then Read): each gives exactly one record with a title or an abstract.
// Pages a specific reader claims are accepted from it; the fields are
// checked only where labelled-page read them.
func TestPageFixtures(t *testing.T) {
	paths, err := filepath.Glob("../../testdata/formats/pages/*.txt")
	if err != nil || len(paths) != len(pageFixtures) {
		t.Fatalf("want %d pages, found %d (%v)", len(pageFixtures), len(paths), err)
	}
	byFile := map[string]pageFixture{}
	for _, c := range pageFixtures {
		byFile[c.file] = c
	}
	onlyLabelled := 0
	for _, p := range paths {
		name := filepath.Base(p)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := mappings.Detect(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var recs []mappings.Record
		var errs []error
		for rec, err := range f.Read(bytes.NewReader(data)) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			recs = append(recs, rec)
		}
		if c, ok := byFile[name]; ok && c.declined {
			if len(recs) != 0 || len(errs) != 1 || !errors.Is(errs[0], mappings.ErrUnknownFormat) {
				t.Errorf("%s (%s): %d records, errors %v; want it declined as not a record", name, f.Name, len(recs), errs)
				continue
			}
			rec, err := labelledPageFields(data)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			// The position fields are readLabelledPage's, which declined.
			rec.Format, rec.Number, rec.Line, rec.Raw = "labelled-page", 1, 1, data
			onlyLabelled++
			checkPageFixture(t, c, rec, data)
			continue
		}
		for _, err := range errs {
			t.Errorf("%s (%s): %v", name, f.Name, err)
		}
		if len(recs) != 1 || recs[0].Title == "" && recs[0].Abstract.Text == "" {
			t.Errorf("%s (%s): %d records, want one with a title or abstract", name, f.Name, len(recs))
			continue
		}
		noFurniture(t, name, recs[0])
		if f.Name != "labelled-page" {
			continue
		}
		onlyLabelled++
		c, ok := byFile[name]
		if !ok {
			t.Errorf("%s: no expectations in pageFixtures", name)
			continue
		}
		checkPageFixture(t, c, recs[0], data)
	}
	if onlyLabelled < 12 {
		t.Errorf("only %d pages read by labelled-page, want at least 12", onlyLabelled)
	}
}

func checkPageFixture(t *testing.T, c pageFixture, r mappings.Record, data []byte) {
	t.Helper()
	var families []string
	for _, a := range r.Authors {
		families = append(families, a.Family)
	}
	var labels []string
	for _, s := range r.Abstract.Sections {
		labels = append(labels, s.Label)
	}
	trial := ""
	if r.Trial != nil {
		trial = r.Trial.ID
	}
	trials := c.trials
	if c.trial != "" && len(trials) == 0 {
		trials = []string{c.trial}
	}
	got := []any{r.Title, r.DOI, r.PMID, r.PMCID, families, r.Issued, labels, r.TrialIDs, trial}
	want := []any{c.title, c.doi, c.pmid, c.pmcid, c.authors, c.issued, c.sections, trials, c.trial}
	names := []string{"title", "DOI", "PMID", "PMCID", "authors", "issued", "sections", "trial ids", "trial"}
	for i := range got {
		if !reflect.DeepEqual(formattest.NormalizeEmpty(got[i]), formattest.NormalizeEmpty(want[i])) {
			t.Errorf("%s: %s = %q, want %q", c.file, names[i], got[i], want[i])
		}
	}
	if !strings.HasPrefix(r.Abstract.Text, c.abstractHead) || (c.abstractHead == "") != (r.Abstract.Text == "") {
		t.Errorf("%s: abstract %.80q, want it to start %q", c.file, r.Abstract.Text, c.abstractHead)
	}
	if !bytes.Equal(r.Raw, data) || r.Format != "labelled-page" || r.Number != 1 || r.Line != 1 {
		t.Errorf("%s: format %q number %d line %d, raw kept %v", c.file, r.Format, r.Number, r.Line, bytes.Equal(r.Raw, data))
	}
	// Whatever was not read from a label is listed as guessed.
	if r.Title != "" && !strings.Contains(strings.ToLower(string(data)), "title:") && r.Guessed["title"] == "" {
		t.Errorf("%s: title found by shape but not listed in Guessed %v", c.file, r.Guessed)
	}
}

// noFurniture checks that no page furniture reached a field.
func noFurniture(t *testing.T, name string, r mappings.Record) {
	t.Helper()
	fields := []string{r.Title, r.Abstract.Text, r.Journal.Title, r.Journal.Abbrev, r.Publisher}
	for _, a := range r.Authors {
		fields = append(fields, a.AsWritten)
	}
	fields = append(fields, r.Keywords...)
	for _, s := range r.Abstract.Sections {
		fields = append(fields, s.Label, s.Text)
	}
	f := boilerplatePhrases()
	for _, v := range fields {
		low := strings.ToLower(v)
		for _, p := range append(append([]string{}, f.prefix...), f.contains...) {
			if len(p) >= 8 && strings.Contains(low, p) {
				t.Errorf("%s: page furniture %q in field %.60q", name, p, v)
			}
		}
		for _, p := range f.line {
			if low == p {
				t.Errorf("%s: field is page furniture %q", name, v)
			}
		}
	}
}

func TestLabelledPageFields(t *testing.T) {
	cases := []struct {
		name, page string
		check      func(mappings.Record) any
		want       any
	}{
		{"title label and DOI glued after",
			"Title: Mesenchymal stem cells for poor graft function\nDOI:10.1186/s13287-021-02520-5Abstract\n",
			func(r mappings.Record) any { return [2]string{r.Title, r.DOI} },
			[2]string{"Mesenchymal stem cells for poor graft function", "10.1186/s13287-021-02520-5"}},
		{"a text table's outer bars are not part of its cells (a Pure repository record)",
			"Mesenchymal stromal cells for steroid-refractory acute GVHD\nOriginal language | English |\n---|---|\nJournal | Leukemia |\nVolume | 29 |\n",
			func(r mappings.Record) any { return [2]string{r.Journal.Title, r.Volume} }, [2]string{"Leukemia", "29"}},
		{"DOI inside an escaped URL",
			"Reduced intensity conditioning with haploidentical cells and MSCs\nhttp://www.plosone.org/article/info%3Adoi%2F10.1371%2Fjournal.pone.0089666\n",
			func(r mappings.Record) any { return [2]string{r.DOI, r.Guessed["doi"]} }, [2]string{"10.1371/journal.pone.0089666", "doi-in-text"}},
		{"DOI glued to the word before",
			"Mesenchymal stem cells in the treatment of aplastic anemia\nFull textDOI10.3892/etm.2017.4229\n",
			func(r mappings.Record) any { return r.DOI }, "10.3892/etm.2017.4229"},
		{"doi.org URL", "A study of umbilical cord MSCs in ITP\nhttps://doi.org/10.1089/SCD.2011.0231.\n",
			func(r mappings.Record) any { return [2]string{r.DOI, r.Guessed["doi"]} }, [2]string{"10.1089/scd.2011.0231", "resolver-url"}},
		{"authors with glued markers", "A case of ITP treated with MSCs\nWang X1,2, Sun W2, Liu Y1*\nAbstract: Four patients received cells and all of them responded within a few weeks of the first infusion of umbilical cord derived stem cells.\n",
			func(r mappings.Record) any { return formattest.SplitsOnly(r.Authors) },
			[]mappings.Author{formattest.Au("Wang X", "Wang", "X"), formattest.Au("Sun W", "Sun", "W"), formattest.Au("Liu Y", "Liu", "Y")}},
		{"authors with superscript markers", "A case of ITP treated with MSCs\nXiaohua Wang¹, Wei Sun²·³ and Ying Liu¹\n",
			func(r mappings.Record) any { return formattest.SplitsOnly(r.Authors) },
			[]mappings.Author{formattest.Au("Xiaohua Wang", "Wang", "Xiaohua"), formattest.Au("Wei Sun", "Sun", "Wei"), formattest.Au("Ying Liu", "Liu", "Ying")}},
		{"Author(s) dash label", "A case of ITP treated with MSCs\nAuthor(s) - Kai Mu, Jing Zhang\n",
			func(r mappings.Record) any { return []any{formattest.SplitsOnly(r.Authors), r.Guessed["authors"]} },
			[]any{[]mappings.Author{formattest.Au("Kai Mu", "Mu", "Kai"), formattest.Au("Jing Zhang", "Zhang", "Jing")}, ""}},
		{"PMID and PMCID labels", "A case of ITP treated with MSCs\nPMID: 28565834 PMCID: PMC5443306\n",
			func(r mappings.Record) any { return [2]string{r.PMID, r.PMCID} }, [2]string{"28565834", "PMC5443306"}},
		{"journal, date and keywords labels", "A case of ITP treated with MSCs\nJournal: Experimental and Therapeutic Medicine\nPublished: 14 March 2017\nKeywords: ITP; MSC; umbilical cord\n",
			func(r mappings.Record) any { return []any{r.Journal.Title, r.Issued, r.Keywords} },
			[]any{"Experimental and Therapeutic Medicine", mappings.Date{Year: 2017, Month: 3, Day: 14}, []string{"ITP", "MSC", "umbilical cord"}}},
		{"Source citation", "A case of ITP treated with MSCs\nSource: Exp Ther Med. 2017 May;13(5):2255-2258.\n",
			func(r mappings.Record) any {
				return []any{r.Journal.Abbrev, r.Issued, r.Volume, r.Issue, r.PageStart, r.PageEnd}
			},
			[]any{"Exp Ther Med", mappings.Date{Year: 2017, Month: 5, Day: 0}, "13", "5", "2255", "2258"}},
		{"Spanish labels", "Células madre mesenquimales en la trombocitopenia inmune\nResumen: Se trataron cuatro pacientes con células madre mesenquimales de cordón umbilical y todos respondieron en pocas semanas.\nPalabras clave: PTI, células madre\n",
			func(r mappings.Record) any { return []any{r.Abstract.Text != "", r.Keywords} }, []any{true, []string{"PTI", "células madre"}}},
		{"Chinese labels", "脐带间充质干细胞治疗难治性免疫性血小板减少症\n作者：王晓华，孙伟\n摘要：目的 探讨脐带间充质干细胞治疗难治性免疫性血小板减少症的疗效。\n关键词：间充质干细胞；血小板减少症\n",
			func(r mappings.Record) any {
				return []any{r.Title, len(r.Authors), r.Abstract.Text, r.Keywords, r.Language}
			},
			[]any{"脐带间充质干细胞治疗难治性免疫性血小板减少症", 2, "目的 探讨脐带间充质干细胞治疗难治性免疫性血小板减少症的疗效。", []string{"间充质干细胞", "血小板减少症"}, "zh"}},
		{"trial registration section", "MSCs for poor graft function: a randomised trial\nAbstract\nBackground\nPoor graft function is common.\nMethods\nPatients received MSCs.\nTrial registration\nClinicalTrials.gov NCT01234567, ChiCTR1900021234.\n",
			func(r mappings.Record) any { return []any{r.TrialIDs, len(r.Abstract.Sections)} }, []any{[]string{"NCT01234567", "ChiCTR1900021234"}, 3}},
		{"structured abstract stops at a repeated heading", "A title for a paper on MSCs\nAbstract\nBackground\nB text.\nConclusions\nC text.\nBackground\nBody text that is not the abstract.\n",
			func(r mappings.Record) any { return r.Abstract.Text }, "Background: B text.\nConclusions: C text."},
		{"unstructured abstract stops at the body", "A title for a paper on MSCs\nABSTRACT\nOne paragraph of abstract.\nIntroduction\nThe body.\n",
			func(r mappings.Record) any { return r.Abstract.Text }, "One paragraph of abstract."},
		{"Summary label", "A title for a paper on MSCs\nSummary: Short summary of the study.\n",
			func(r mappings.Record) any { return [2]string{r.Abstract.Text, r.Guessed["abstract"]} }, [2]string{"Short summary of the study.", ""}},
		{"references are not the page's ids", "A title for a paper on MSCs\nReferences\n1. Fang B, et al. Stem Cells Dev. 2012. doi:10.1089/scd.2011.0231 PMID: 21711157\n",
			func(r mappings.Record) any { return [2]string{r.DOI, r.PMID} }, [2]string{"", ""}},
		{"ids below the abstract belong to other papers", "A title for a paper on MSCs\nAbstract: Short abstract of the study.\nMore from this journal\nAnother paper https://doi.org/10.1055/s-0039-1678732\nhttps://pmc.ncbi.nlm.nih.gov/articles/PMC4681052\n",
			func(r mappings.Record) any { return [3]string{r.DOI, r.PMCID, r.Abstract.Text} }, [3]string{"", "", "Short abstract of the study."}},
		{"furniture dropped", "Skip to main content\nWe use cookies to improve your experience.\nShare\nA title for a paper on MSCs\nThis is a preview of subscription content, log in via an institution to check access.\n",
			func(r mappings.Record) any { return [2]string{r.Title, r.Abstract.Text} }, [2]string{"A title for a paper on MSCs", ""}},
		{"By line and date line", "Stem cells help a boy with aplastic anaemia\nBy Dr Michelle Mason\n29 January 2016\n",
			func(r mappings.Record) any {
				return []any{formattest.SplitsOnly(r.Authors), r.Issued, r.Guessed["date"]}
			},
			[]any{[]mappings.Author{formattest.Au("Michelle Mason", "Mason", "Michelle")}, mappings.Date{Year: 2016, Month: 1, Day: 29}, "date-line"}},
		{"MEDLINE-style names", "A case of ITP treated with MSCs\nAuthors: Wang XH, Yin XG, Sun W\n",
			func(r mappings.Record) any { return formattest.SplitsOnly(r.Authors) },
			[]mappings.Author{formattest.Au("Wang XH", "Wang", "XH"), formattest.Au("Yin XG", "Yin", "XG"), formattest.Au("Sun W", "Sun", "W")}},
	}
	for _, c := range cases {
		// The fields alone: whether they make a record is page.IsRecord's
		// rule, tested in TestLabelledPageNeverInvents.
		rec, err := labelledPageFields([]byte(c.page))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := c.check(rec); !reflect.DeepEqual(formattest.NormalizeEmpty(got), formattest.NormalizeEmpty(c.want)) {
			t.Errorf("%s:\n got %#v\nwant %#v", c.name, got, c.want)
		}
	}
}

func TestLabelledPageErrors(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, errNoTitleOrAbstract},
		{"blank lines", []byte("\n \n\t\n"), errNoTitleOrAbstract},
		{"only furniture", []byte("Skip to main content\nShare\nCopied!\nLoading...\n"), errNoTitleOrAbstract},
		{"only labels", []byte("DOI:\nPMID:\nAuthors:\n"), errNoTitleOrAbstract},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), errNotText},
	}
	for _, c := range cases {
		recs, errs := formattest.ReadAll(t, "labelled-page", c.in)
		var re *mappings.RecordError
		if len(recs) != 0 || len(errs) != 1 || !errors.As(errs[0], &re) || re.Record != 1 || re.Line != 1 || !errors.Is(re, c.want) {
			t.Errorf("%s: %d records, errors %v; want RecordError %v", c.name, len(recs), errs, c.want)
		}
	}
}

func TestLabelledPageSniff(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"\x00\x01\x02 binary data here", 0},
		{"   \n\n", 0},
		{"12\n34\n", 0},
		{"A title of a paper\n", 1},
		{"脐带间充质干细胞治疗\n", 1},
	}
	for _, c := range cases {
		if got := sniffLabelledPage([]byte(c.in)); got != c.want {
			t.Errorf("sniff %q = %d, want %d", c.in, got, c.want)
		}
	}
	// Every specific reader outbids the fallback on its own seed.
	pageSeeds := []struct{ seed, format string }{
		{"000", "s2-page"}, {"001", "wprim-page"}, {"002", "vufind-page"}, {"003", "zendy-page"},
	}
	for _, c := range pageSeeds {
		if f, err := mappings.Detect(formattest.Seed(t, c.seed)); err != nil || f.Name != c.format {
			t.Errorf("seed %s detected as %v (%v), want %s", c.seed, f, err, c.format)
		}
	}
}

func TestLooseDate(t *testing.T) {
	cases := []struct {
		in   string
		want mappings.Date
		ok   bool
	}{
		{"25 February 2019 (online)", mappings.Date{Year: 2019, Month: 2, Day: 25}, true},
		{"Dec 26, 2017. doi: 10.4252/x", mappings.Date{Year: 2017, Month: 12, Day: 26}, true},
		{"11 Jun 2015", mappings.Date{Year: 2015, Month: 6, Day: 11}, true},
		{"2015 Dec 16;16:74", mappings.Date{Year: 2015, Month: 12, Day: 16}, true},
		{"July 2019", mappings.Date{Year: 2019, Month: 7, Day: 0}, true},
		{"2012-02-10", mappings.Date{Year: 2012, Month: 2, Day: 10}, true},
		{"31 February 2019", mappings.Date{Year: 2019, Month: 2, Day: 0}, true},
		{"Saturday, December 7, 2024", mappings.Date{}, false},
		{"12 patients", mappings.Date{}, false},
		{"1192 Efficacy", mappings.Date{}, false},
	}
	for _, c := range cases {
		if got, ok := looseDate(c.in); got != c.want || ok != c.ok {
			t.Errorf("looseDate(%q) = %v %v, want %v %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func FuzzLabelledPage(f *testing.F) {
	paths, _ := filepath.Glob("../../testdata/formats/pages/*.txt")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/3])
	}
	f.Add([]byte("Abstract\nBackground\nBackground\nAuthors:\nAuthors:\nDOI:10.1/\nWang X1,,2*\n"))
	f.Add([]byte("By\n摘 要:\nTitle: \nPublished online 31 Feb 2019;\n. 2015;;\nPMID: 0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for rec, err := range readLabelledPage(bytes.NewReader(data)) {
			n++
			if err != nil {
				var re *mappings.RecordError
				if !errors.As(err, &re) || re.Record != 1 || re.Line != 1 {
					t.Fatalf("error %v", err)
				}
				continue
			}
			if rec.Title == "" && rec.Abstract.Text == "" {
				t.Fatalf("record with neither title nor abstract")
			}
			if !bytes.Equal(rec.Raw, data) || rec.Number != 1 {
				t.Fatalf("raw or number wrong")
			}
			for _, s := range []string{rec.Title, rec.Abstract.Text, rec.DOI, rec.Journal.Title} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 %q", s)
				}
			}
			if rec.DOI != "" && mappings.NormalizeDOI(rec.DOI) != rec.DOI {
				t.Fatalf("DOI %q not normalised", rec.DOI)
			}
		}
		if n != 1 {
			t.Fatalf("%d results for one page", n)
		}
	})
}

func TestLabelledPageLeavesDataDocumentsAlone(t *testing.T) {
	for name, doc := range map[string]string{
		"json object": `{"title": "Mesenchymal stem cells for ITP", "abstract": "We report three patients treated."}`,
		"json array":  "\uFEFF  [{\"name\": \"an unsupported API's export of some records\"}]",
		"xml":         `<?xml version="1.0"?><records><title>Mesenchymal stem cells for ITP in three patients</title></records>`,
	} {
		if got := sniffLabelledPage([]byte(doc)); got != 0 {
			t.Errorf("%s: labelled-page claims a data document (score %d)", name, got)
		}
	}
	if sniffLabelledPage([]byte("Mesenchymal stem cells for immune thrombocytopenia\nAbstract\nWe report three patients.")) == 0 {
		t.Error("labelled-page no longer claims a copied page")
	}
}

// The fallback never invents a paper: text in another structured format
// is declined at detection, and a page makes a record only with a title
// and authors, an identifier, or a journal and a year.
func TestLabelledPageNeverInvents(t *testing.T) {
	declined := []struct{ name, in string }{
		// Web of Science exports and JATS articles have readers of their own
		// (mappings/wos, mappings/jats), whose tests check they are detected.
		{"RIS that lost its TY line", "JF  - Experimental and Therapeutic Medicine\nT1  - Intravenous infusion of MSCs in ITP\nVL  - 13\nSP  - 2255\nA1  - Wang, Xiaohua\nPY  - 2017\nER  - \n"},
		{"XML with an unknown root", "<records><record><title>MSCs in ITP</title><author>Wang X</author></record></records>\n"},
		{"Markdown README with code", "# msckg\n\nTurns records into a graph. See doi:10.3892/etm.2017.4229 by Wang X, Sun W.\n\n```sh\ngo run ./cmd/msckg build testdata/seeds -o seeds.ttl\nmake test\n```\n\n```go\nfunc main() {\n\tfmt.Println(1)\n}\n```\n"},
		{"Markdown README with a table", "# Web page fixtures\n\nEach file is one page, by Xiaohua Wang.\n\n| file | address |\n| --- | --- |\n" +
			"| 03.txt | https://thieme-connect.com/products/ejournals/abstract/10.1055/s-0039-1678732 |\n| 06.txt | https://pmc.ncbi.nlm.nih.gov/articles/PMC4681052 |\n"},
		{"Go source", "package main\n\nimport \"fmt\"\n\n// Paper by Wang X, doi:10.3892/etm.2017.4229\nfunc main() {\n\tx := 1;\n\tfmt.Println(x);\n}\n"},
	}
	for _, c := range declined {
		if f, err := mappings.Detect([]byte(c.in)); !errors.Is(err, mappings.ErrUnknownFormat) {
			t.Errorf("%s: detected as %v, want %v", c.name, f, mappings.ErrUnknownFormat)
		}
	}
	pages := []struct {
		name, in string
		ok       bool
	}{
		{"title only", "Mesenchymal stem cells in the treatment of aplastic anemia\nAbstract: Stem cells were given to six patients who all recovered.\n", false},
		{"abstract only", "Abstract: Stem cells were given to six patients who all recovered within weeks.\n", false},
		{"title and authors", "Mesenchymal stem cells in aplastic anemia\nAuthors: Xiaohua Wang, Wei Sun\n", true},
		{"title and DOI", "Mesenchymal stem cells in aplastic anemia\nDOI: 10.3892/etm.2017.4229\n", true},
		{"title, journal and year", "Mesenchymal stem cells in aplastic anemia\nJournal: Experimental and Therapeutic Medicine\nPublished: 14 March 2017\n", true},
		{"title and journal without a year", "Mesenchymal stem cells in aplastic anemia\nJournal: Experimental and Therapeutic Medicine\n", false},
	}
	for _, c := range pages {
		recs, errs := formattest.ReadAll(t, "labelled-page", []byte(c.in))
		switch {
		case c.ok && (len(recs) != 1 || len(errs) != 0):
			t.Errorf("%s: %d records, errors %v; want one record", c.name, len(recs), errs)
		case !c.ok && (len(recs) != 0 || len(errs) != 1 || !errors.Is(errs[0], mappings.ErrUnknownFormat)):
			t.Errorf("%s: %d records, errors %v; want it declined as not a record", c.name, len(recs), errs)
		}
	}
}

// A publisher page that prints a line holding only ":" under its
// "Abstract" heading: the abstract is the paragraph after it, not ":"
// (which once reached extraction and crashed it).
func TestLabelledPageColonUnderAbstract(t *testing.T) {
	page := "Mesenchymal stem cells for immune thrombocytopenia: a pilot study\nAuthors: Xiaohua Wang, Wei Sun\nAbstract\n:\n" +
		"Four patients with chronic refractory ITP received umbilical cord MSCs and three responded.\n"
	recs, errs := formattest.ReadAll(t, "labelled-page", []byte(page))
	if len(recs) != 1 || len(errs) != 0 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	if got := recs[0].Abstract.Text; got != "Four patients with chronic refractory ITP received umbilical cord MSCs and three responded." {
		t.Errorf("abstract %q", got)
	}
}
