package s2page_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"

	// Every format is linked in, so that detection sees them all
	// competing, as the command does.
	_ "github.com/msckg/msckg/mappings/formats/all"
)

var seedCase = formattest.SeedCase{
	Seed: "000", Format: "s2-page",
	Want: mappings.Record{
		Title: "Mesenchymal stem cells therapy for immune thrombocytopenia in pregnancy: a case report.",
		Authors: []mappings.Author{
			formattest.Au("Tong Tong", "Tong", "Tong"), formattest.Au("Lida Wu", "Wu", "Lida"), formattest.Au("Hui Shi", "Shi", "Hui"),
			formattest.Au("Chen Song", "Song", "Chen"), formattest.Au("Na Qiao", "Qiao", "Na"), formattest.Au("Shengjiang Tan", "Tan", "Shengjiang"),
			formattest.Au("Yuchun Gu", "Gu", "Yuchun"), formattest.Au("Hong Gao", "Gao", "Hong"),
		},
		Journal:          mappings.Journal{Title: "BMC Pregnancy and Childbirth"},
		Issued:           mappings.Date{Year: 2025, Month: 10, Day: 8},
		Volume:           "25",
		Issue:            "1",
		PageStart:        "1038",
		DOI:              "10.1186/s12884-025-08177-9",
		PMCID:            "PMC12505577",
		PublicationTypes: []string{"Journal Article"},
		URLs:             []string{"https://doi.org/10.1186/s12884-025-08177-9", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC12505577/pdf/"},
		CitationCount:    formattest.IntP(0),
	},
	Sections:     []string{"Background", "Case presentation", "Conclusions"},
	AbstractHead: "Background: Immune thrombocytopenia (ITP) during pregnancy",
	AbstractTail: "evaluate maternal-fetal safety.",
	Forbidden:    []string{"引用次数", "期刊介绍", "open access, peer-reviewed journal", "breastfeeding", "OBSTETRICS", "<p>", "<strong>"},
}

func TestSeed(t *testing.T) { formattest.CheckSeed(t, seedCase) }

func TestPagesWithoutTitle(t *testing.T) {
	cases := []struct {
		in      string
		line    int
		noTitle bool // the reason is ErrNoTitle
	}{
		{"Tong Tong\n{\"title\":\"\",\"authors\":\"Tong Tong\",\"platform\":\"Semanticscholar\"}\n", 2, true},
		{"Tong Tong\n{\"title\":\"A title\",\"authors\":\"Tong Tong\",\n", 2, false}, // JSON cut off
		{"no JSON here\n", 1, false},
	}
	for _, c := range cases {
		if re := formattest.PageRejected(t, "s2-page", c.in, c.line); re != nil && c.noTitle && !errors.Is(re, mappings.ErrNoTitle) {
			t.Errorf("%.30q: reason %v, want ErrNoTitle", c.in, re)
		}
	}
}

// The s2 page also prints the abstract as plain text, one section per
// line: the reader's text (built from the HTML) must match it exactly.
func TestS2AbstractMatchesPlainCopy(t *testing.T) {
	data := string(formattest.Seed(t, "000"))
	start := strings.Index(data, "\nAbstract\n")
	end := strings.Index(data, "\n期刊介绍:")
	if start < 0 || end < start {
		t.Fatal("seed 000 no longer has its plain-text abstract")
	}
	plain := data[start+len("\nAbstract\n") : end]
	recs, _ := formattest.ReadAll(t, "s2-page", []byte(data))
	if len(recs) != 1 || recs[0].Abstract.Text != plain {
		t.Errorf("abstract differs from the page's plain copy")
	}
}

func FuzzS2Page(f *testing.F) { formattest.FuzzPage(f, "s2-page", "000") }
