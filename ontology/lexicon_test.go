package ontology

import (
	"strings"
	"testing"
)

func TestLexiconParses(t *testing.T) {
	lex, err := Lexicon()
	if err != nil {
		t.Fatal(err)
	}
	verified := VerifiedMeSH()
	labels := map[string]string{}
	for _, e := range lex {
		labels[e.IRI] = e.Label
		if strings.HasPrefix(e.CURIE, "mesh:") && !verified[strings.TrimPrefix(e.CURIE, "mesh:")] {
			t.Errorf("line %d: %s is not a verified MeSH descriptor (mesh-verified.tsv)", e.Line, e.CURIE)
		}
	}
	for _, e := range lex {
		for _, ref := range []string{e.Broader, e.CellSource} {
			if ref != "" && labels[ref] == "" {
				t.Errorf("line %d: %s refers to %s, which the lexicon does not define", e.Line, e.CURIE, ref)
			}
		}
	}
}

func TestLexiconRequiredTerms(t *testing.T) {
	lex, err := Lexicon()
	if err != nil {
		t.Fatal(err)
	}
	bySyn := map[string]string{}
	for _, e := range lex {
		for _, s := range e.Synonyms {
			if _, dup := bySyn[s]; !dup {
				bySyn[s] = e.CURIE
			}
		}
	}
	for syn, want := range map[string]string{
		"ITP": "mesh:D016553", "immune thrombocytopenic purpura": "mesh:D016553",
		"immune-mediated thrombocytopenia": "mesh:D013921", "aplastic anaemia": "mesh:D000741",
		"Gaucher's disease": "mesh:D005776", "HSP": "mesh:D011695", "cirrhosis": "mesh:D008103",
		"hUC-MSC": "mkg:UmbilicalCordMSC", "BM-MSC": "mkg:BoneMarrowMSC", "IVIG": "mkg:IVIG",
		"CsA": "mesh:D016572", "rhTPO": "mkg:RecombinantHumanTPO", "eltrombopag": "mkg:Eltrombopag",
		"splenectomy": "mkg:Splenectomy", "HSCT": "mkg:HSCT", "intravenous": "mkg:Intravenous",
		// Agents of the unseen set's drug trials (testdata/gold/unseen/NOTES-b.md).
		"fostamatinib": "mkg:Fostamatinib", "efgartigimod": "mkg:Efgartigimod", "ARGX-113": "mkg:Efgartigimod",
		"rozanolixizumab": "mkg:Rozanolixizumab", "rilzabrutinib": "mkg:Rilzabrutinib", "decitabine": "mkg:Decitabine",
		// Concepts the unseen set's annotations mint (issue 10; testdata/gold/README.md).
		"AML": "mkg:AcuteMyeloidLeukemia", "acute myeloid leukaemia": "mkg:AcuteMyeloidLeukemia",
		"acute leukemia": "mkg:AcuteLeukemia", "CML": "mkg:ChronicMyeloidLeukemia", "NHL": "mkg:NonHodgkinLymphoma",
		"non-Hodgkin lymphoma": "mkg:NonHodgkinLymphoma", "Hodgkin lymphoma": "mkg:HodgkinLymphoma",
		"multiple myeloma": "mkg:MultipleMyeloma", "thalassemia": "mkg:Thalassemia", "neuroblastoma": "mkg:Neuroblastoma",
		"hematologic malignancy": "mkg:HematologicMalignancy", "primary myelofibrosis": "mkg:PrimaryMyelofibrosis",
		"SLE": "mkg:SystemicLupusErythematosus", "lupus nephritis": "mkg:LupusNephritis",
		"rheumatoid arthritis": "mkg:RheumatoidArthritis", "aGVHD": "mkg:GraftVersusHostDisease",
		"graft-versus-host disease": "mkg:GraftVersusHostDisease", "ischemic stroke": "mkg:IschemicStroke",
		"nonunion": "mkg:BoneNonunion", "COVID-19": "mkg:COVID19", "ATRA": "mkg:AllTransRetinoicAcid",
		"aspirin": "mkg:Aspirin", "busulfan": "mkg:Busulfan", "cyclophosphamide": "mkg:Cyclophosphamide",
		"fludarabine": "mkg:Fludarabine", "MTX": "mkg:Methotrexate", "Hp eradication": "mkg:HelicobacterPyloriEradication",
		"AD-HSC": "mkg:AdiposeDerivedHSC",
	} {
		if got := bySyn[syn]; got != want {
			t.Errorf("synonym %q → %q, want %q", syn, got, want)
		}
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for name, data := range map[string]string{
		"columns":   "condition\tmkg:X\tX\n",
		"kind":      "disease\tmkg:X\tX\t\t\tx\t\n",
		"label":     "condition\tmkg:X\t\t\t\tx\t\n",
		"curie":     "condition\tfoo:X\tX\t\t\tx\t\n",
		"duplicate": "condition\tmkg:X\tX\t\t\tx\t\ncondition\tmkg:X\tX\t\t\ty\t\n",
	} {
		if _, err := ParseLexicon(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// Each error names the file and line a curator must fix.
	for _, c := range []struct{ name, data, want string }{
		{"unknown kind", "# kinds\ncondition\tmkg:X\tX\t\t\tx\t\ndisease\tmkg:Y\tY\t\t\ty\t\n", `lexicon.tsv:3: unknown kind "disease"`},
		{"broader not defined", "condition\tmkg:X\tX\tmkg:Nowhere\t\tx\t\n", "lexicon.tsv:1: broader concept mkg:Nowhere is not defined"},
		{"cell source not a cellSource", "condition\tmkg:X\tX\t\t\tx\t\nagent\tmkg:A\tA\t\tmkg:X\ta\t\n", "lexicon.tsv:2: cell source mkg:X is not a cellSource"},
	} {
		if _, err := ParseLexicon(c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

// TestParsePatternsErrors: a typo in a category or value would silently
// empty a rule; each fails with patterns.tsv:LINE.
func TestParsePatternsErrors(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"unknown category", "hedge\tmay\nhegde\tmight\n", `patterns.tsv:2: unknown category "hegde"`},
		{"missing phrase", "# c\nhedge\n", "patterns.tsv:2: want category, phrase"},
		{"too many columns", "section\tResults\tresults\textra\n", "patterns.tsv:1: want category"},
		{"value where none is taken", "hedge\tmay\tyes\n", "patterns.tsv:1: category hedge takes no value"},
		{"value missing", "design-trial\tphase I\n", "patterns.tsv:1: category design-trial needs a value"},
		{"unknown section role", "section\tResults\tresult\n", `patterns.tsv:1: unknown section role "result"`},
		{"stray space", "hedge\tmay \n", "patterns.tsv:1: stray spaces"},
	} {
		if _, err := ParsePatterns(c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
	lex, err := Lexicon()
	if err != nil {
		t.Fatal(err)
	}
	pats, err := Patterns()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckPatternValues(pats, lex); err != nil {
		t.Errorf("embedded patterns: %v", err)
	}
	for _, c := range []struct{ data, want string }{
		{"design-trial\tphase I\tClinicalTrail\n", `patterns.tsv:1: design-trial "ClinicalTrail" names no design concept of lexicon.tsv`},
		{"hedge\tmay\nagent-source\tcord\tUmbilicalCord\n", `patterns.tsv:2: agent-source "UmbilicalCord" names no agent concept of lexicon.tsv`},
		{"framed-condition\tGVHD\tGraftVersusHost\n", `patterns.tsv:1: framed-condition "GraftVersusHost" names no condition concept of lexicon.tsv`},
		{"framed-condition\tMSC\tMSC\n", `patterns.tsv:1: framed-condition "MSC" names no condition concept of lexicon.tsv`},
	} {
		ps, err := ParsePatterns(c.data)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckPatternValues(ps, lex); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("CheckPatternValues(%q) = %v, want %q", c.data, err, c.want)
		}
	}
}

func TestPatternsParse(t *testing.T) {
	ps, err := Patterns()
	if err != nil {
		t.Fatal(err)
	}
	cats := map[string]int{}
	for _, p := range ps {
		cats[p.Category]++
	}
	for _, c := range []string{"sentence-abbrev", "section", "negation-pre", "negation-post", "hedge", "background", "prior-cue", "cohort-noun", "course-noun"} {
		if cats[c] == 0 {
			t.Errorf("no %s patterns", c)
		}
	}
	if _, err := ParsePatterns("lonely\n"); err == nil {
		t.Error("a row without a phrase parsed")
	}
}

func TestCURIE(t *testing.T) {
	iri, err := ExpandCURIE("mesh:D016553")
	if err != nil || iri != MeSH+"D016553" {
		t.Fatalf("ExpandCURIE = %q, %v", iri, err)
	}
	if c := CompactIRI(MKG + "MSC"); c != "mkg:MSC" {
		t.Errorf("CompactIRI = %q", c)
	}
}
