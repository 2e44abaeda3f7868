package jats_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	_ "github.com/msckg/msckg/mappings/formats/all"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

// TestArticleSet reads two articles of a PMC article set: front matter,
// abstract (with superscripts; with sections), and the reference list.
func TestArticleSet(t *testing.T) {
	res := formattest.ReadFile(t, "testdata/formats/jats/jats-msc-itp.xml", "")
	if res.Format != "jats-xml" || len(res.Records) != 2 || len(res.Rejected) != 0 {
		t.Fatalf("read as %s: %d records, %d rejected; want jats-xml, 2, 0", res.Format, len(res.Records), len(res.Rejected))
	}
	etm, syn := res.Records[0], res.Records[1]
	checks := []struct {
		name      string
		got, want any
	}{
		{"number, line", [2]int{etm.Number, etm.Line}, [2]int{1, 4}},
		{"title", etm.Title, "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up"},
		{"ids", [3]string{etm.DOI, etm.PMID, etm.PMCID}, [3]string{"10.3892/etm.2017.4229", "28565834", "PMC5443306"}},
		{"authors", len(etm.Authors), 3},
		{"author", [3]string{etm.Authors[2].AsWritten, etm.Authors[2].Family, etm.Authors[2].Given}, [3]string{"Liu, Ying", "Liu", "Ying"}},
		{"own affiliation", etm.Authors[1].Affiliations, []string{"Jilin Tuhua Bioengineering Company Ltd., Siping, Jilin 136000, P.R. China"}},
		{"journal", etm.Journal, mappings.Journal{Title: "Experimental and Therapeutic Medicine", Abbrev: "Exp Ther Med", ISSN: "1792-0981", EISSN: "1792-1015"}},
		{"issued (print date first)", etm.Issued, mappings.Date{Year: 2017, Month: 5}},
		{"pages", [4]string{etm.Volume, etm.Issue, etm.PageStart, etm.PageEnd}, [4]string{"13", "5", "2255", "2258"}},
		{"language", etm.Language, "en"},
		{"publisher", etm.Publisher, "D.A. Spandidos"},
		{"keywords", len(etm.Keywords), 2},
		{"abstract keeps powers of ten", strings.Contains(etm.Abstract.Text, ". The hUC-MSC dose was 5×10⁷ to 1×10⁸. Complete remission"), true},
		{"references", len(etm.References), 3},
		{"reference ids", [2]string{etm.References[0].DOI, etm.References[0].PMID}, [2]string{"10.1182/blood-2009-06-225565", "19846889"}},
		{"reference title, year", [2]any{etm.References[1].Title[:15], etm.References[1].Year}, [2]any{"Standardization", 2009}},
		{"reference without id", [2]string{etm.References[2].DOI, etm.References[2].PMID}, [2]string{"", ""}},

		{"inline markup in a title", syn.Title, "Umbilical cord mesenchymal stromal cells plus low-dose dexamethasone for newly diagnosed immune thrombocytopenia"},
		{"authors without the editor", len(syn.Authors), 3},
		{"ORCID", syn.Authors[0].ORCID, "0000-0002-1825-0097"},
		{"ORCID with a wrong check digit dropped", syn.Authors[1].ORCID, ""},
		{"suffix", syn.Authors[1].Suffix, "Jr"},
		{"affiliation inside contrib", syn.Authors[0].Affiliations, []string{"Peking University People's Hospital, Beijing, China"}},
		{"collab", [2]any{syn.Authors[2].AsWritten, syn.Authors[2].Collective}, [2]any{"ITP Study Group", true}},
		{"e-location as article number", syn.ArticleNumber, "501"},
		{"date", syn.Issued, mappings.Date{Year: 2021, Month: 9, Day: 15}},
		{"eISSN by publication-format", syn.Journal.EISSN, "1757-6512"},
		{"main abstract, not the graphical one", syn.Abstract.Sections, []mappings.Section{
			{Label: "Background", Text: "Synthetic record for the reader's tests."},
			{Label: "Results", Text: "Platelets rose above 50×10⁹/L in 21 of 31 patients."}}},
		{"reference DOI", syn.References[0].DOI, "10.3892/etm.2017.4229"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
}

// TestBrokenArticle: an article cut short is rejected with its line.
func TestBrokenArticle(t *testing.T) {
	f, _ := mappings.Lookup("jats-xml")
	n := 0
	for _, err := range f.Read(stringsReader("<pmc-articleset>\n<article><front><article-meta><title-group><article-title>Cut")) {
		n++
		if err == nil {
			t.Error("a truncated article was read")
		}
	}
	if n != 1 {
		t.Errorf("%d results, want 1", n)
	}
}

func TestSniffTakesNoOtherFile(t *testing.T) {
	formattest.NotStolen(t, []string{"testdata/formats/jats"}, "jats-xml")
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }
