package vufind_test

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
	Seed: "002", Format: "vufind-page",
	Want: mappings.Record{
		Title: "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up",
		Authors: []mappings.Author{
			formattest.Au("Wang, Xiaohua", "Wang", "Xiaohua"), formattest.Au("Yin, Xiaoguang", "Yin", "Xiaoguang"), formattest.Au("Sun, Wei", "Sun", "Wei"),
			formattest.Au("Bai, Jin", "Bai", "Jin"), formattest.Au("Shen, Yawen", "Shen", "Yawen"), formattest.Au("Ao, Qiang", "Ao", "Qiang"),
			formattest.Au("Gu, Yongquan", "Gu", "Yongquan"), formattest.Au("Liu, Ying", "Liu", "Ying"),
		},
		Journal:   mappings.Journal{Abbrev: "Exp Ther Med"},
		Issued:    mappings.Date{Year: 2017, Month: 5},
		DOI:       "10.3892/etm.2017.4229",
		PMID:      "28565834",
		PMCID:     "PMC5443306",
		Language:  "en",
		Publisher: "D.A. Spandidos",
		URLs: []string{"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5443306/", "https://www.ncbi.nlm.nih.gov/pubmed/28565834",
			"http://dx.doi.org/10.3892/etm.2017.4229"},
		Guessed: map[string]string{
			"Journal.Abbrev": "vufind spelling: text between the author list and the PMC section (topic)",
			"Issued":         "vufind spelling: first YYYY-MM after the abstract and publisher",
		},
	},
	AbstractHead: "Four patients with chronic refractory immune thrombocytopenic purpura (ITP)",
	AbstractTail: "efficacy of hUC-MSCs transplantation therapy on ITP.",
	AbstractLen:  904,
	Forbidden:    []string{"Cargando", "Descripción", "Detalles", "Autores", "Three patien...", "…", "Creative Commons", "wangxiaohua", "pubmed-5443306"},
}

func TestSeed(t *testing.T) { formattest.CheckSeed(t, seedCase) }

func TestPageWithoutTitle(t *testing.T) {
	formattest.PageRejected(t, "vufind-page", "Cargando…\nauthor Wang, Xiaohua\nauthor_facet Wang, Xiaohua\n", 1)
}

// A page cut short still gives what it holds, and never leaks or panics.
func TestTruncatedPage(t *testing.T) {
	r, ok := formattest.ReadCutSeed(t, "002", "vufind-page", "\ntitle_full ")
	// The url and topic fields are gone: the ids printed in the page's
	// rendering above the dump are not read in their place, and without
	// the section the spelling shape is unconfirmed.
	if ok && (r.Title == "" || len(r.Authors) != 8 ||
		r.PMID != "" || r.PMCID != "" || r.DOI != "" || r.Journal.Abbrev != "" ||
		r.Issued != (mappings.Date{Year: 2017}) || len([]rune(r.Abstract.Text)) != 904) {
		t.Errorf("cut after title_full: title %q, %d authors, record %+v", r.Title, len(r.Authors), r)
	}
}

// The VuFind spelling field is used only when its whole shape is found.
func TestVuFindSpellingShape(t *testing.T) {
	data := string(formattest.Seed(t, "002"))
	broken := strings.Replace(data, "Exp Ther Med Articles Four patients", "Exp Ther Med Four patients", 1)
	recs, errs := formattest.ReadAll(t, "vufind-page", []byte(broken))
	if len(errs) != 0 || len(recs) != 1 {
		t.Fatal(errs)
	}
	r := recs[0]
	if r.Journal.Abbrev != "" || r.Issued != (mappings.Date{Year: 2017}) || len(r.Guessed) != 0 {
		t.Errorf("without the section in spelling: abbrev %q issued %+v guessed %v", r.Journal.Abbrev, r.Issued, r.Guessed)
	}
	// A topic that is not the PMC section, outside a PubMed harvest, is a keyword.
	other := strings.Replace(data, "collection PubMed", "collection Local", 1)
	other = strings.Replace(other, "topic Articles\n", "topic Articles\nImmune thrombocytopenia\n", 1)
	recs, _ = formattest.ReadAll(t, "vufind-page", []byte(other))
	if len(recs) != 1 || len(recs[0].Keywords) != 1 || recs[0].Keywords[0] != "Immune thrombocytopenia" {
		t.Errorf("keywords = %q", recs[0].Keywords)
	}
}

func FuzzVuFindPage(f *testing.F) { formattest.FuzzPage(f, "vufind-page", "002") }
