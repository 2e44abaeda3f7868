package evidence

import (
	"strings"
	"testing"
)

func TestFindTrialIDs(t *testing.T) {
	type m struct{ id, registry, url, text string }
	tests := []struct {
		name string
		text string
		want []m
	}{
		{"nct", "This trial is registered at ClinicalTrials.gov (NCT01234567).",
			[]m{{"NCT01234567", "ClinicalTrials.gov", "https://clinicaltrials.gov/study/NCT01234567", "NCT01234567"}}},
		{"nct lower case and space", "registered as nct 01234567;",
			[]m{{"NCT01234567", "ClinicalTrials.gov", "https://clinicaltrials.gov/study/NCT01234567", "nct 01234567"}}},
		{"nct in url", "https://clinicaltrials.gov/ct2/show/NCT02382770",
			[]m{{"NCT02382770", "ClinicalTrials.gov", "https://clinicaltrials.gov/study/NCT02382770", "NCT02382770"}}},
		{"chictr modern", "Chinese Clinical Trial Registry: ChiCTR2000012345.",
			[]m{{"ChiCTR2000012345", "ChiCTR", "", "ChiCTR2000012345"}}},
		{"chictr legacy", "ChiCTR-TRC-12002345, ChiCTR-IPR-15006521, chictr-och-14004593 and ChiCTR-ONRC-13003934",
			[]m{
				{"ChiCTR-TRC-12002345", "ChiCTR", "", "ChiCTR-TRC-12002345"},
				{"ChiCTR-IPR-15006521", "ChiCTR", "", "ChiCTR-IPR-15006521"},
				{"ChiCTR-OCH-14004593", "ChiCTR", "", "chictr-och-14004593"},
				{"ChiCTR-ONRC-13003934", "ChiCTR", "", "ChiCTR-ONRC-13003934"},
			}},
		{"itmctr (traditional Chinese medicine)", "Registration number: ITMCTR2025001168",
			[]m{{"ITMCTR2025001168", "ITMCTR", "", "ITMCTR2025001168"}}},
		{"isrctn", "ISRCTN12345678", []m{{"ISRCTN12345678", "ISRCTN", "https://www.isrctn.com/ISRCTN12345678", "ISRCTN12345678"}}},
		{"eudract", "EudraCT number 2004-001234-56.",
			[]m{{"2004-001234-56", "EudraCT", "https://www.clinicaltrialsregister.eu/ctr-search/search?query=2004-001234-56", "2004-001234-56"}}},
		{"anzctr", "(ACTRN12612000123456)",
			[]m{{"ACTRN12612000123456", "ANZCTR", "https://www.anzctr.org.au/ACTRN12612000123456.aspx", "ACTRN12612000123456"}}},
		{"umin", "JPRN-UMIN000012345 / UMIN000054321",
			[]m{{"JPRN-UMIN000012345", "JPRN", "", "JPRN-UMIN000012345"}, {"UMIN000054321", "JPRN", "", "UMIN000054321"}}},
		{"jrct", "jRCTs031180001 and JPRN-jRCT1031190123",
			[]m{{"jRCTs031180001", "JPRN", "", "jRCTs031180001"}, {"JPRN-jRCT1031190123", "JPRN", "", "JPRN-jRCT1031190123"}}},
		{"ctri", "CTRI/2018/05/013828 and the older CTRI/2009/091/000532",
			[]m{{"CTRI/2018/05/013828", "CTRI", "", "CTRI/2018/05/013828"}, {"CTRI/2009/091/000532", "CTRI", "", "CTRI/2009/091/000532"}}},
		{"order across registries", "ISRCTN12345678 then NCT01234567",
			[]m{{"ISRCTN12345678", "ISRCTN", "https://www.isrctn.com/ISRCTN12345678", "ISRCTN12345678"},
				{"NCT01234567", "ClinicalTrials.gov", "https://clinicaltrials.gov/study/NCT01234567", "NCT01234567"}}},
		// Inside longer tokens, or too short or long: not ids.
		{"nine digits", "NCT012345678", nil},
		{"seven digits", "NCT0123456", nil},
		{"letter before", "XNCT01234567", nil},
		{"letter after", "NCT01234567a", nil},
		{"longer dashed number", "2004-001234-567 and 12004-001234-56", nil},
		{"chictr too short", "ChiCTR200001234", nil},
		{"date is not eudract", "2017-05-30", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FindTrialIDs(tc.text, "abstract")
			checkTrialSpans(t, tc.text, got)
			if len(got) != len(tc.want) {
				t.Fatalf("FindTrialIDs(%q) = %+v, want %d ids", tc.text, got, len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.ID != w.id || g.Registry != w.registry || g.URL != w.url || g.Span.Text != w.text || g.Rule == "" {
					t.Errorf("id %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func TestFindTrialIDsCodePointSpans(t *testing.T) {
	text := "注册号：ChiCTR-IPR-15006521（中国）× NCT01234567"
	got := FindTrialIDs(text, "abstract")
	checkTrialSpans(t, text, got)
	if len(got) != 2 || got[0].Span.Start != 4 || got[0].Span.Field != "abstract" {
		t.Fatalf("got %+v", got)
	}
}

func checkTrialSpans(t *testing.T, text string, ts []TrialMention) {
	t.Helper()
	rs := []rune(text)
	for _, m := range ts {
		sp := m.Span
		if sp.Start < 0 || sp.End > len(rs) || sp.Start >= sp.End || string(rs[sp.Start:sp.End]) != sp.Text {
			t.Fatalf("bad span %+v in %q", sp, text)
		}
		if !strings.EqualFold(strings.ReplaceAll(sp.Text, " ", ""), m.ID) {
			t.Errorf("id %q differs from its text %q beyond case and spacing", m.ID, sp.Text)
		}
	}
}
