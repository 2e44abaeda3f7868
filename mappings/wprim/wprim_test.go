package wprim_test

import (
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"

	// Every format is linked in, so that detection sees them all
	// competing, as the command does.
	_ "github.com/msckg/msckg/mappings/formats/all"
)

var seedCase = formattest.SeedCase{
	Seed: "001", Format: "wprim-page",
	Want: mappings.Record{
		Title: "Application of umbilical cord mesenchymal stem cells in the treatment of severe immune-mediated thrombocytopenia after allogeneic hematopoietic stem cell transplantation in children.",
		Authors: []mappings.Author{
			formattest.Au("Bo ZHANG", "Zhang", "Bo", "Department of Pediatrics, Fifth People's Hospital Affiliated to Chengdu University of Chinese Medicine, Chengdu 611130, China."),
			formattest.Au("Zuo LUAN", "Luan", "Zuo"), formattest.Au("Xiang-Feng TANG", "Tang", "Xiang-Feng"), formattest.Au("Nan-Hai WU", "Wu", "Nan-Hai"),
		},
		Journal:          mappings.Journal{Title: "Chinese Journal of Contemporary Pediatrics"},
		Issued:           mappings.Date{Year: 2025},
		Volume:           "27",
		Issue:            "9",
		PageStart:        "1128",
		PageEnd:          "1133",
		DOI:              "10.7499/j.issn.1008-8830.2503173",
		Language:         "zh",
		Keywords:         []string{"Child", "Hematopoietic stem cell transplantation", "Immune-mediated cytopenia", "Immune-mediated thrombocytopenia", "Mesenchymal stem cell"},
		PublicationTypes: []string{"English Abstract"},
		MeSH: []mappings.MeSHHeading{
			{Descriptor: "Child"},
			{Descriptor: "Humans"},
			{Descriptor: "Hematopoietic Stem Cell Transplantation", Major: true, Qualifiers: []string{"adverse effects"}},
			{Descriptor: "Mesenchymal Stem Cell Transplantation"},
			{Descriptor: "Purpura, Thrombocytopenic, Idiopathic", Major: true, Qualifiers: []string{"etiology"}},
			{Descriptor: "Thrombocytopenia", Major: true, Qualifiers: []string{"therapy"}},
			{Descriptor: "Transplantation, Homologous"},
			{Descriptor: "Umbilical Cord", Major: true, Qualifiers: []string{"cytology"}},
		},
	},
	AbstractHead: "This report describes two cases of severe immune-mediated thrombocytopenia",
	AbstractTail: "quality of life and disease-free survival rate.",
	AbstractLen:  1500,
	Forbidden:    []string{"Author Information", "CountryChina", "- Author", "- From"},
}

func TestSeed(t *testing.T) { formattest.CheckSeed(t, seedCase) }

func TestPageWithoutTitle(t *testing.T) {
	formattest.PageRejected(t, "wprim-page", "- Author:\nBo ZHANG\n- From:\nChinese Journal of Contemporary Pediatrics\n2025;27(9):1128-1133\n", 1)
}

// A page cut short still gives what it holds, and never leaks or panics.
func TestTruncatedPage(t *testing.T) {
	r, ok := formattest.ReadCutSeed(t, "001", "wprim-page", "Xiang-Feng TANG\n")
	if ok && (r.Title == "" || len(r.Authors) != 3 ||
		r.DOI != "10.7499/j.issn.1008-8830.2503173" || len(r.Authors[0].Affiliations) != 0 || r.Journal.Title != "") {
		t.Errorf("cut after the third author: title %q, %d authors, record %+v", r.Title, len(r.Authors), r)
	}
}

func TestWPRIMMarkers(t *testing.T) {
	in := "A title\n- Author:\nBo ZHANG\n1,2\n;\nZuo LUAN 2\n;\nNan-Hai WU\nAuthor Information\n1. Dept One,\nCity One.\n2. Dept Two.\n- From:\nJ\n2020 Mar;5(2):e12\n"
	recs, errs := formattest.ReadAll(t, "wprim-page", []byte(in))
	if len(errs) != 0 || len(recs) != 1 {
		t.Fatal(errs)
	}
	a := recs[0].Authors
	if len(a) != 3 || strings.Join(a[0].Affiliations, "|") != "Dept One, City One.|Dept Two." ||
		strings.Join(a[1].Affiliations, "|") != "Dept Two." || len(a[2].Affiliations) != 0 || a[1].Family != "Luan" {
		t.Errorf("authors = %+v", a)
	}
	r := recs[0]
	if r.Issued != (mappings.Date{Year: 2020}) || r.Volume != "5" || r.Issue != "2" || r.PageStart != "e12" || r.Journal.Title != "J" {
		t.Errorf("source = %+v %q %q %q %q", r.Issued, r.Volume, r.Issue, r.PageStart, r.Journal.Title)
	}
}

func FuzzWPRIMPage(f *testing.F) { formattest.FuzzPage(f, "wprim-page", "001") }
