package medline

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

func readAllMEDLINE(t *testing.T, data []byte) ([]mappings.Record, []error) {
	t.Helper()
	var recs []mappings.Record
	var errs []error
	for rec, err := range formattest.Reader("medline")(bytes.NewReader(data)) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		recs = append(recs, rec)
	}
	return recs, errs
}

// The .nbib of PMID 28565834 must agree with its PubMed XML on every
// field both formats carry, so that the two merge into one paper.
func TestMEDLINEETM(t *testing.T) {
	data := formattest.Fixture(t, "medline-etm.nbib")
	recs, errs := readAllMEDLINE(t, data)
	if len(errs) != 0 || len(recs) != 1 {
		t.Fatalf("got %d records, errors %v", len(recs), errs)
	}
	rec := recs[0]
	xmlRecs, _ := formattest.ReadAllPubMed(t, formattest.Fixture(t, "pubmed-etm.xml"))
	x := xmlRecs[0]
	var names, xnames []string
	for i, a := range rec.Authors {
		names = append(names, a.Family+"|"+a.Given+"|"+strings.Join(a.Affiliations, ";"))
		xa := x.Authors[i]
		xnames = append(xnames, xa.Family+"|"+xa.Given+"|"+strings.Join(xa.Affiliations, ";"))
	}
	cases := []struct {
		field     string
		got, want any
	}{
		{"Format", rec.Format, "medline"},
		{"Number", rec.Number, 1},
		{"Line", rec.Line, 1},
		{"Raw", string(rec.Raw), string(data)},
		{"Title", rec.Title, x.Title},
		{"Authors as in XML", names, xnames},
		{"Authors[1].AsWritten", rec.Authors[1].AsWritten, "Yin, Xiaoguang"},
		{"Journal", rec.Journal, mappings.Journal{Title: "Experimental and therapeutic medicine", Abbrev: "Exp Ther Med", ISSN: "1792-0981", EISSN: "1792-1015", ISSNL: "1792-0981"}},
		{"Issued", rec.Issued, mappings.Date{Year: 2017, Month: 5}},
		{"Volume", rec.Volume, "13"},
		{"Issue", rec.Issue, "5"},
		{"Pages", rec.PageStart + "-" + rec.PageEnd, "2255-2258"},
		{"DOI", rec.DOI, "10.3892/etm.2017.4229"},
		{"PMID", rec.PMID, "28565834"},
		{"PMCID", rec.PMCID, "PMC5443306"},
		{"Language", rec.Language, "en"},
		{"PublicationTypes", rec.PublicationTypes, x.PublicationTypes},
		{"Keywords", rec.Keywords, x.Keywords},
		{"Abstract", rec.Abstract, mappings.Abstract{Text: formattest.ETMAbstract}},
		{"MeSH", len(rec.MeSH), 0},
	}
	for _, c := range cases {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.field, c.got, c.want)
		}
	}
}

func TestMEDLINEMulti(t *testing.T) {
	recs, errs := readAllMEDLINE(t, formattest.Fixture(t, "medline-multi.nbib"))
	if len(errs) != 0 || len(recs) != 3 {
		t.Fatalf("got %d records, errors %v", len(recs), errs)
	}
	trial, french, book := recs[0], recs[1], recs[2]
	cases := []struct {
		field     string
		got, want any
	}{
		{"numbers and lines", []int{trial.Number, trial.Line, french.Number, french.Line, book.Number, book.Line}, []int{1, 2, 2, 61, 3, 86}},
		{"trial Issued with day", trial.Issued, mappings.Date{Year: 2021, Month: 9, Day: 15}},
		{"trial DOI from LID, lower-cased", trial.DOI, "10.5555/scrt.2021.0501"},
		{"trial Journal", trial.Journal, mappings.Journal{Title: "Stem cell research & therapy", Abbrev: "Stem Cell Res Ther", EISSN: "1757-6512", ISSNL: "1757-6512"}},
		{"trial TrialIDs (GenBank left out)", trial.TrialIDs, []string{"NCT01234567"}},
		{"trial authors", len(trial.Authors), 3},
		{"trial author 1", trial.Authors[0], mappings.Author{AsWritten: "Zhang, Li-Na", Family: "Zhang", Given: "Li-Na", ORCID: "0000-0002-1825-0097",
			Affiliations: []string{"Department of Hematology, Example University Hospital, Tianjin, China.", "State Key Laboratory of Experimental Hematology, Tianjin, China."}}},
		{"trial ORCID without hyphens", trial.Authors[1].ORCID, "0000-0003-1234-5674"},
		{"investigator's AD not given to the collective", trial.Authors[2], mappings.Author{AsWritten: "MSC-ITP Study Group", Family: "MSC-ITP Study Group", Collective: true}},
		{"trial MeSH", trial.MeSH, []mappings.MeSHHeading{
			{Descriptor: "Adult"},
			{Descriptor: "Dexamethasone", Qualifiers: []string{"therapeutic use"}},
			{Descriptor: "Mesenchymal Stem Cell Transplantation", Major: true, Qualifiers: []string{"methods"}},
			{Descriptor: "Purpura, Thrombocytopenic, Idiopathic", Major: true, Qualifiers: []string{"blood", "therapy"}},
		}},
		{"trial sections", len(trial.Abstract.Sections), 5},
		{"trial section 2", trial.Abstract.Sections[1], mappings.Section{Label: "METHODS", Text: "Adults with a platelet count below 30x10(9)/L were randomized to dexamethasone alone or with 1x10(6) MSCs/kg (n = 40 each)."}},
		{"trial last section", trial.Abstract.Sections[4], mappings.Section{Label: "TRIAL REGISTRATION", Text: "ClinicalTrials.gov, NCT01234567."}},
		{"trial PMCID", trial.PMCID, "PMC9000001"},
		{"trial pages", trial.PageStart, "501"},
		{"french MedlineDate-style DP", french.Issued, mappings.Date{Year: 1997, Month: 5}},
		{"french pages", french.PageStart + "-" + french.PageEnd, "1117-1125"},
		{"french language", french.Language, "fr"},
		{"french authors from AU only", []string{french.Authors[0].Family + "|" + french.Authors[0].Given, french.Authors[1].Family + "|" + french.Authors[1].Given}, []string{"Dupont|M", "Martin|P"}},
		{"pre-2014 AD goes to the first author", french.Authors[0].Affiliations, []string{"Service d'hematologie, Hopital Exemple, Paris, France."}},
		{"and not to the second", len(french.Authors[1].Affiliations), 0},
		{"book Title", book.Title, "Immune Thrombocytopenia"},
		{"book editors left out", len(book.Authors), 1},
		{"book author keeps own AD", book.Authors[0].Affiliations, []string{"Example Medical Center"}},
		{"book Publisher", book.Publisher, "Example Publishing"},
		{"book Issued", book.Issued, mappings.Date{Year: 2025, Month: 1}},
	}
	for _, c := range cases {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.field, c.got, c.want)
		}
	}
}

func TestMEDLINEVariants(t *testing.T) {
	cases := []struct {
		name  string
		input string
		check func(t *testing.T, recs []mappings.Record, errs []error)
	}{
		{"CRLF line ends and a leading blank line",
			"\r\nPMID- 1\r\nTI  - A title\r\n      continued.\r\nPG  - 2255-8\r\n\r\nPMID- 2\r\nTI  - B.\r\n",
			func(t *testing.T, recs []mappings.Record, errs []error) {
				if len(recs) != 2 || recs[0].Title != "A title continued" || recs[0].PageEnd != "2258" || recs[0].Line != 2 || recs[1].Line != 7 {
					t.Errorf("records %+v, errors %v", recs, errs)
				}
			}},
		{"record without PMID or title is an error, the next is read",
			"PMID- x\nAB  - text only\n\nPMID- 3\nTI  - C.\n",
			func(t *testing.T, recs []mappings.Record, errs []error) {
				var re *mappings.RecordError
				if len(errs) != 1 || !errors.As(errs[0], &re) || re.Record != 1 || re.Line != 1 || len(recs) != 1 || recs[0].PMID != "3" {
					t.Errorf("records %+v, errors %v", recs, errs)
				}
			}},
		{"DEP fills a missing DP; LID pii is not a DOI",
			"PMID- 4\nTI  - D.\nDEP - 20170314\nLID - e0123456 [pii]\nPG  - e0123456\n",
			func(t *testing.T, recs []mappings.Record, errs []error) {
				r := recs[0]
				if r.Issued != (mappings.Date{Year: 2017, Month: 3, Day: 14}) || r.DOI != "" || r.ArticleNumber != "e0123456" {
					t.Errorf("record %+v", r)
				}
			}},
		{"ISSN with a bad check digit is dropped",
			"PMID- 5\nTI  - E.\nIS  - 1792-0982 (Print)\nIS  - 2049-3568\n",
			func(t *testing.T, recs []mappings.Record, errs []error) {
				if j := recs[0].Journal; j.ISSN != "" || !reflect.DeepEqual(j.ISSNs, []string{"2049-3568"}) {
					t.Errorf("journal %+v", j)
				}
			}},
		{"AUID of another scheme is ignored; a bad ORCID is dropped",
			"PMID- 6\nTI  - F.\nFAU - Li, Wei\nAU  - Li W\nAUID- ISNI: 0000000121032683\nAUID- ORCID: 0000-0002-1825-0098\n",
			func(t *testing.T, recs []mappings.Record, errs []error) {
				if a := recs[0].Authors[0]; a.ORCID != "" {
					t.Errorf("author %+v", a)
				}
			}},
		{"a record with a tag table gap still reads",
			"PMID- 7\nXYZ - unknown tag\nTI  - G.\n",
			func(t *testing.T, recs []mappings.Record, errs []error) {
				if len(recs) != 1 || recs[0].Title != "G" {
					t.Errorf("records %+v, errors %v", recs, errs)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs, errs := readAllMEDLINE(t, []byte(c.input))
			if len(recs) == 0 && len(errs) == 0 {
				t.Fatal("nothing read")
			}
			c.check(t, recs, errs)
		})
	}
}

func TestMedlineMeSH(t *testing.T) {
	cases := []struct {
		in   string
		want mappings.MeSHHeading
	}{
		{"Humans", mappings.MeSHHeading{Descriptor: "Humans"}},
		{"*Thrombocytopenia", mappings.MeSHHeading{Descriptor: "Thrombocytopenia", Major: true}},
		{"Thrombocytopenia/*therapy", mappings.MeSHHeading{Descriptor: "Thrombocytopenia", Major: true, Qualifiers: []string{"therapy"}}},
		{"Mesenchymal Stem Cell Transplantation/adverse effects/methods", mappings.MeSHHeading{Descriptor: "Mesenchymal Stem Cell Transplantation", Qualifiers: []string{"adverse effects", "methods"}}},
	}
	for _, c := range cases {
		got, ok := medlineMeSH(c.in)
		if !ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("medlineMeSH(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func TestSniffMEDLINE(t *testing.T) {
	cases := []struct {
		name, head string
		want       int
	}{
		{"nbib", string(formattest.Fixture(t, "medline-etm.nbib")), 100},
		{"leading blank line", string(formattest.Fixture(t, "medline-multi.nbib")), 100},
		{"after a preamble", "Search results\nPMID- 1\nTI  - x\n", 60},
		{"ris", "TY  - JOUR\nAU  - Wang, X\n", 0},
		{"xml", "<PubmedArticleSet>", 0},
	}
	for _, c := range cases {
		if got := sniffMEDLINE([]byte(c.head)); got != c.want {
			t.Errorf("%s: sniff = %d, want %d", c.name, got, c.want)
		}
	}
	if f, err := mappings.Detect(formattest.Fixture(t, "medline-etm.nbib")); err != nil || f.Name != "medline" {
		t.Errorf("Detect = %v, %v", f, err)
	}
}

// Exporters that drop the space after a tag's hyphen ("PMID-22664220",
// "TI  -Title") still write MEDLINE; an unindented line that is no tag is
// stray text and must not be glued onto the PMID before it; "AID - doi:…"
// is a DOI too.
func TestMEDLINELooseTags(t *testing.T) {
	in := "PMID-22664220\nPT  - Technical Report\nAID - doi:10.1016/j.cpr.2005.02.002\n\n" +
		"PMID- 27433151\nSO  stray text without a hyphen\nTI  -A title without the space.\n" +
		"AB  - First line of the abstract\n      goes on here.\n"
	recs, errs := readAllMEDLINE(t, []byte(in))
	if len(errs) != 0 || len(recs) != 2 {
		t.Fatalf("got %d records, errors %v; want 2 records", len(recs), errs)
	}
	if r := recs[0]; r.PMID != "22664220" || r.DOI != "10.1016/j.cpr.2005.02.002" {
		t.Errorf("record 1: PMID %q DOI %q", r.PMID, r.DOI)
	}
	r := recs[1]
	if r.PMID != "27433151" || r.Title != "A title without the space" {
		t.Errorf("record 2: PMID %q title %q", r.PMID, r.Title)
	}
	if r.Abstract.Text != "First line of the abstract goes on here." {
		t.Errorf("record 2: indented continuation lost: abstract %q", r.Abstract.Text)
	}
	// The stray line is not read, and the record says so.
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], `line 6 `) || !strings.Contains(r.Warnings[0], `"SO  stray text without a hyphen"`) {
		t.Errorf("record 2: warnings %q, want one naming line 6 and its text", r.Warnings)
	}
}

// A MEDLINE record that lost its PMID line is still MEDLINE; RIS (two-
// character tags, TY) and prose with a hyphen are not.
func TestSniffMEDLINEWithoutPMID(t *testing.T) {
	cases := []struct {
		name, head string
		want       bool
	}{
		{"PMC first", "PMC - PMC4567890\nTI  - A title.\nFAU - Wang, Xiaohua\nDP  - 2013 May\n", true},
		{"unknown long tag", "PMCR- 20481061\nTI  - A title\nTI  - goes on\nPT  - Book\nDP  - 2009\n", true},
		{"ris without TY", "T1  - A title\nAU  - Wang, X\nPY  - 2001\nJO  - J\n", false},
		{"ris", "TY  - JOUR\nTI  - A title\nFAU - Wang, X\nPMID- 1\n", false},
		{"prose", "COVID-19 and ITP\nTI  - x\nAU  - y\nFAU - z\n", false},
		{"mostly prose", "TI  - A title\nFAU - Wang, X\nAU  - Wang X\nsome text\nmore text\n", false},
	}
	for _, c := range cases {
		if got := medlineTagged([]byte(c.head)); got != c.want {
			t.Errorf("%s: medlineTagged = %v, want %v", c.name, got, c.want)
		}
	}
	f, err := mappings.Detect([]byte(cases[0].head))
	if err != nil || f.Name != "medline" {
		t.Fatalf("Detect = %v, %v; want medline", f, err)
	}
	recs, errs := readAllMEDLINE(t, []byte(cases[0].head))
	if len(errs) != 0 || len(recs) != 1 || recs[0].PMCID != "PMC4567890" || recs[0].Title != "A title" || recs[0].Issued.Year != 2013 {
		t.Errorf("read %+v, errors %v", recs, errs)
	}
}

// TestTableErrors: a broken row fails with the table's name and line,
// and stops reading rather than mapping a tag to a field no code knows.
func TestTableErrors(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"empty column", "PMID\tpmid\n\ttitle\n", "medline/medline.tsv:2: column 1 is empty"},
		{"unknown MEDLINE field", "\nTI\ttitel\n", `medline/medline.tsv:2: unknown value "titel"`},
	} {
		_, err := parseFields([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
	if len(medlineFields()) < 20 {
		t.Error("medline.tsv lost rows")
	}
}
