package zendy_test

import (
	"errors"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"

	// Every format is linked in, so that detection sees them all
	// competing, as the command does.
	_ "github.com/msckg/msckg/mappings/formats/all"
)

var seedCase = formattest.SeedCase{
	Seed: "003", Format: "zendy-page",
	Want: mappings.Record{
		Title: "Cord-derived mesenchymal stem cells therapy for liver cirrhosis in children with refractory Henoch–Schonlein purpura",
		Authors: []mappings.Author{
			formattest.Au("Kai Mu", "Mu", "Kai"), formattest.Au("Jing Zhang", "Zhang", "Jing"), formattest.Au("Yan Gu", "Gu", "Yan"),
			formattest.Au("Hongjuan Li", "Li", "Hongjuan"), formattest.Au("Han Yan", "Yan", "Han"), formattest.Au("Na Cheng", "Cheng", "Na"),
			formattest.Au("Xiaoyu Feng", "Feng", "Xiaoyu"), formattest.Au("Guoyu Ding", "Ding", "Guoyu"), formattest.Au("Rongjun Zhang", "Zhang", "Rongjun"),
			formattest.Au("Yuqi Zhao", "Zhao", "Yuqi"), formattest.Au("Hongmei Wang", "Wang", "Hongmei"),
		},
		Journal:  mappings.Journal{Title: "medicine", ISSN: "0025-7974", EISSN: "1536-5964"},
		Issued:   mappings.Date{Year: 2018},
		DOI:      "10.1097/md.0000000000013287",
		Language: "en",
	},
	Sections:     []string{"Rationale", "Patient concerns", "Diagnosis", "Interventions", "Outcomes", "Lessons"},
	AbstractHead: "Rationale: To explore the curative effect",
	AbstractTail: "novel approach for the treatment of liver cirrhosis.",
	Forbidden: []string{"Zendy", "Already have an account", "Having issues", "sign in", "z-logo", "open-access-img",
		"Open Access", "gastropod", "ecology", "SCImago", "H-Index", "0.59", "148", "Journals"},
}

func TestSeed(t *testing.T) { formattest.CheckSeed(t, seedCase) }

func TestPagesWithoutTitle(t *testing.T) {
	in := "z-logo\nopen-access-imgOpen Access\nAuthor(s) -\nKai Mu\nPublication title -\nmedicine\n"
	if re := formattest.PageRejected(t, "zendy-page", in, 1); re != nil && !errors.Is(re, mappings.ErrNoTitle) {
		t.Errorf("reason %v, want ErrNoTitle", re)
	}
	formattest.PageRejected(t, "zendy-page", "", 1)
}

// A page cut short still gives what it holds, and never leaks or panics.
func TestTruncatedPages(t *testing.T) {
	cases := []struct {
		cutAfter string
		authors  int
		check    func(mappings.Record) bool
	}{
		{"Yan Gu,\n", 3, func(r mappings.Record) bool { return r.DOI == "" && r.Abstract.Text == "" }},
		{"Outcomes: As the patient's", 11, func(r mappings.Record) bool {
			n := len(r.Abstract.Sections)
			return n == 5 && r.Abstract.Sections[n-1].Label == "Outcomes" && r.Abstract.Sections[n-1].Text == "As the patient's"
		}},
	}
	for _, c := range cases {
		r, ok := formattest.ReadCutSeed(t, "003", "zendy-page", c.cutAfter)
		if ok && (r.Title == "" || len(r.Authors) != c.authors || !c.check(r)) {
			t.Errorf("cut after %q: title %q, %d authors, record %+v", c.cutAfter, r.Title, len(r.Authors), r)
		}
	}
}

func FuzzZendyPage(f *testing.F) { formattest.FuzzPage(f, "zendy-page", "003") }
