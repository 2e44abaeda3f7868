package ris

import (
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

// seedCase is what the RIS seed must give.
var seedCase = formattest.SeedCase{
	Seed: "004", Format: "ris",
	Want: mappings.Record{
		Title: "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up",
		Authors: []mappings.Author{
			formattest.Au("Wang,Xiaohua", "Wang", "Xiaohua"), formattest.Au("Yin,Xiaoguang", "Yin", "Xiaoguang"), formattest.Au("Sun,Wei", "Sun", "Wei"),
			formattest.Au("Bai,Jin", "Bai", "Jin"), formattest.Au("Shen,Yawen", "Shen", "Yawen"), formattest.Au("Ao,Qiang", "Ao", "Qiang"),
			formattest.Au("Gu,Yongquan", "Gu", "Yongquan"), formattest.Au("Liu,Ying", "Liu", "Ying"),
		},
		Journal:          mappings.Journal{Title: "Experimental and Therapeutic Medicine", Abbrev: "Exp Ther Med", ISSN: "1792-0981", EISSN: "1792-1015"},
		Issued:           mappings.Date{Year: 2017, Month: 5},
		Volume:           "13",
		Issue:            "5",
		PageStart:        "2255",
		PageEnd:          "2258",
		DOI:              "10.3892/etm.2017.4229",
		Keywords:         []string{"chronic immune thrombocytopenic purpura human umbilical cord-derived mesenchymal stem cells intravenous infusion safety efficacy"},
		PublicationTypes: []string{"Journal Article"},
		URLs:             []string{"https://doi.org/10.3892/etm.2017.4229"},
	},
	AbstractHead: "Four patients with chronic refractory immune thrombocytopenic purpura (ITP)",
	AbstractTail: "efficacy of hUC-MSCs transplantation therapy on ITP.",
	AbstractLen:  900,
	// AD is the paper's affiliation block: it must not reach authors.
	Forbidden: []string{"Siping", "Department of", "AU -", "ER -", "ST -"},
}

func TestSeed(t *testing.T) { formattest.CheckSeed(t, seedCase) }
