package evidence

import (
	"regexp"
	"testing"
	"unicode/utf8"
)

// canonicalDecimal is the number form Quantity promises (and the gold
// files use): no exponent, no leading or trailing zeros.
var canonicalDecimal = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$`)

// FuzzFindQuantities: never a panic, spans always inside the text, each
// Span.Text the exact substring, values canonical decimals, spans in order
// and not overlapping.
func FuzzFindQuantities(f *testing.F) {
	for _, s := range []string{
		"54 × 10⁹/L", "5×10(7) to 1×10(8)", "5x107 to 1x108 cells", "5.65 × 10 7 /L",
		"> 150 × 10 9 /L", "between 41-94 × 10⁹/L", "12.5 days (range, 7–16)",
		"(median, 17 months; range, 13–24)", "57.1% (4/7)", "a 41-year-old", "Both children",
		"10<sup>9</sup>/L", "×10E9", "10e6", "2017-05-30", "day +25", "COVID-19", "±", "10⁻",
		"1,000", "4/7 (57.1%)", "mean 45 ± 12 years", "median 12 (IQR 8–14; range 2–30)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := FindQuantities(text, "f")
		rs := []rune(text)
		last := 0
		for _, q := range qs {
			sp := q.Span
			if sp.Start < last || sp.End > len(rs) || sp.Start >= sp.End {
				t.Fatalf("span %d..%d after %d, text has %d code points", sp.Start, sp.End, last, len(rs))
			}
			last = sp.End
			if string(rs[sp.Start:sp.End]) != sp.Text || q.UnitText != sp.Text || sp.Field != "f" {
				t.Fatalf("span text %q != %q", sp.Text, string(rs[sp.Start:sp.End]))
			}
			for _, v := range []string{q.Value, q.Min, q.Max, q.Median, q.Mean, q.Q1, q.Q3, q.Spread, q.Numerator, q.Denominator} {
				if v != "" && !canonicalDecimal.MatchString(v) {
					t.Fatalf("value %q is not a canonical decimal", v)
				}
			}
		}
		if utf8.ValidString(text) {
			for _, w := range []string{text} {
				ParseNumber(w)
			}
		}
	})
}

// FuzzFindTrialIDs: never a panic, spans inside the text and exact.
func FuzzFindTrialIDs(f *testing.F) {
	for _, s := range []string{
		"NCT01234567", "nct 01234567", "ChiCTR2000012345", "ChiCTR-TRC-12002345",
		"ISRCTN12345678", "2004-001234-56", "ACTRN12612000123456", "JPRN-UMIN000012345",
		"jRCTs031180001", "CTRI/2018/05/013828", "注册号：ChiCTR-IPR-15006521", "XNCT012345678",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rs := []rune(text)
		last := 0
		for _, m := range FindTrialIDs(text, "f") {
			sp := m.Span
			if sp.Start < last || sp.End > len(rs) || sp.Start >= sp.End {
				t.Fatalf("span %d..%d after %d, text has %d code points", sp.Start, sp.End, last, len(rs))
			}
			last = sp.End
			if string(rs[sp.Start:sp.End]) != sp.Text || m.ID == "" || m.Registry == "" {
				t.Fatalf("bad mention %+v", m)
			}
		}
	})
}

// FuzzExtract: the whole extractor never panics on an abstract and every
// span it reports is the exact text it points at. Seeds are the shapes of
// the precision tests, cut short where a rule looks past its words.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Forty patients with chronic ITP received umbilical cord MSCs (1 x 10^6 cells/kg) weekly for 4 weeks.",
		"Overall response was 75% (9 patients) and complete response 42% (5 patients).",
		"Nine of the 66 patients (14%) achieved CR at 3 months.",
		"One hundred patients in the HD-DXM plus rhTPO arm and 96 patients in the HD-DXM monotherapy arm were included.",
		"[Adv Obstet Gynecol, 69 (3) : 288-292, 2017 (H29.8)]", "Forty patients (62", "51 (77.3%) of 66",
		"A 34-year-old woman with refractory ITP received rituximab 375 mg/m2 weekly for four doses.",
		"The 5-yr overall survival (OS) was 95% after a median follow-up of 42 months; respectively",
		"After 14 days of IVIG treatment, more patients had a complete response.",
		"CR in 18 patients, PR in 7, and NR in 8; Twelve patients developed chronic GVHD (cGVHD);",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		in := Input{Abstract: text}
		checkSpans(t, in, Extract(in))
	})
}
