package evidence

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// wantQty is the expected reading of one quantity: its exact text and the
// fields that must be set (every other numeric field must be empty).
type wantQty struct {
	text                             string
	value, min, max, median, cmp     string
	unit                             string
	mean, q1, q3, spread, numer, den string
}

func (w wantQty) String() string {
	return strings.Join([]string{w.text, "v=" + w.value, "min=" + w.min, "max=" + w.max,
		"med=" + w.median, "cmp=" + w.cmp, "unit=" + w.unit, "mean=" + w.mean,
		"q1=" + w.q1, "q3=" + w.q3, "sd=" + w.spread, "frac=" + w.numer + "/" + w.den}, " ")
}

func gotQty(x Quantity) wantQty {
	return wantQty{text: x.Span.Text, value: x.Value, min: x.Min, max: x.Max, median: x.Median,
		cmp: x.Comparator, unit: x.Unit, mean: x.Mean, q1: x.Q1, q3: x.Q3,
		spread: x.Spread, numer: x.Numerator, den: x.Denominator}
}

// checkQtys runs FindQuantities and compares the whole list, and
// checks every span against the text it claims to come from.
func checkQtys(t *testing.T, text string, want []wantQty) {
	t.Helper()
	qs := FindQuantities(text, "abstract")
	checkQtySpans(t, text, qs)
	var g []string
	for _, x := range qs {
		g = append(g, gotQty(x).String())
	}
	var w []string
	for _, x := range want {
		w = append(w, x.String())
	}
	if strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("FindQuantities(%q)\n got:\n  %s\nwant:\n  %s", text,
			strings.Join(g, "\n  "), strings.Join(w, "\n  "))
	}
}

func checkQtySpans(t *testing.T, text string, qs []Quantity) {
	t.Helper()
	rs := []rune(text)
	for _, x := range qs {
		sp := x.Span
		if sp.Start < 0 || sp.End > len(rs) || sp.Start >= sp.End {
			t.Fatalf("span %d..%d outside text of %d code points", sp.Start, sp.End, len(rs))
		}
		if string(rs[sp.Start:sp.End]) != sp.Text || x.UnitText != sp.Text {
			t.Errorf("span %d..%d is %q, Text %q, UnitText %q", sp.Start, sp.End,
				string(rs[sp.Start:sp.End]), sp.Text, x.UnitText)
		}
		if sp.Field != "abstract" {
			t.Errorf("span field %q", sp.Field)
		}
	}
}

// seedQtyAbstract returns the abstract of a seed record: the text between
// begin (included) and end (excluded, or the end of the line).
func seedQtyAbstract(t *testing.T, prefix, begin, end string) string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", prefix+"_*.txt"))
	if err != nil || len(paths) != 1 {
		t.Fatalf("seed %s: %v %v", prefix, paths, err)
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, begin)
	if i < 0 {
		t.Fatalf("seed %s: %q not found", prefix, begin)
	}
	s = s[i:]
	if j := strings.Index(s, end); end != "" && j >= 0 {
		s = s[:j]
	} else if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	return s
}

func TestFindQuantitiesSeeds(t *testing.T) {
	// Seed 000 (Semantic Scholar JSON in a scraped page), the plain abstract.
	t.Run("000", func(t *testing.T) {
		text := seedQtyAbstract(t, "000", "Background: Immune thrombocytopenia", "期刊介绍")
		checkQtys(t, text, []wantQty{
			{text: "41-year-old", value: "41", unit: "a"},
			{text: "10-year", value: "10", unit: "a"},
			{text: "54 × 10⁹/L", value: "54", unit: "10*9/L"},
			{text: "8 weeks", value: "8", unit: "wk"},
			{text: "five", value: "5"},
			{text: "60 × 10⁶ cells/day", value: "60000000", unit: "{cells}/d"},
			{text: "three consecutive days", value: "3", unit: "d"},
			{text: "two", value: "2"},
			{text: "between 41-94 × 10⁹/L", min: "41", max: "94", unit: "10*9/L"},
			{text: "154 × 10⁹/L", value: "154", unit: "10*9/L"},
		})
	})
	// Seed 000 again, the HTML abstract inside the JSON.
	t.Run("000-html", func(t *testing.T) {
		text := seedQtyAbstract(t, "000", `"abstract":"<p>`, `","PeriodicalId"`)
		qs := FindQuantities(text, "abstract")
		checkQtySpans(t, text, qs)
		if len(qs) != 10 {
			t.Errorf("HTML abstract: %d quantities, want the 10 of the plain one", len(qs))
		}
	})
	// Seed 001 (WPRIM labelled page): percentages next to "day +25".
	t.Run("001", func(t *testing.T) {
		text := seedQtyAbstract(t, "001", "This report describes", "")
		checkQtys(t, text, []wantQty{
			{text: "two", value: "2"},
			{text: "99.8%", value: "99.8", unit: "%"},
			{text: "96.35%", value: "96.35", unit: "%"},
			{text: "three", value: "3"},
			{text: "Both", value: "2"},
			{text: "three", value: "3"},
			{text: "10 years", value: "10", unit: "a"},
		})
	})
	etm := func(rangeDash string) []wantQty {
		return []wantQty{
			{text: "Four", value: "4"},
			{text: "three", value: "3"},
			{text: "12 months", value: "12", unit: "mo"},
			{text: "one", value: "1"},
			{text: "24 months", value: "24", unit: "mo"},
			{text: "Three", value: "3"},
			{text: "12.5 days (range, 7" + rangeDash + "16)", median: "12.5", min: "7", max: "16", unit: "d"},
			{text: "median, 17 months; range, 13" + rangeDash + "24", median: "17", min: "13", max: "24", unit: "mo"},
		}
	}
	withDose := func(qs []wantQty, dose string) []wantQty {
		out := append([]wantQty{}, qs[:1]...)
		out = append(out, wantQty{text: dose, min: "50000000", max: "100000000"})
		return append(out, qs[1:]...)
	}
	// Seed 002 (VuFind page): "5×10(7) to 1×10(8)".
	t.Run("002", func(t *testing.T) {
		text := seedQtyAbstract(t, "002", "description Four patients", "")
		checkQtys(t, text, withDose(etm("–"), "5×10(7) to 1×10(8)"))
	})
	// Seed 004 (flattened RIS): the same abstract with its superscripts lost.
	t.Run("004", func(t *testing.T) {
		text := seedQtyAbstract(t, "004", "AB - Four patients", " AD - ")
		var want []wantQty
		for _, w := range withDose(etm("-"), "5x107 to 1x108") {
			w.text = strings.ReplaceAll(w.text, " ", "\u00a0")
			want = append(want, w)
		}
		// The RIS export writes no-break spaces between numbers and units
		// but plain spaces elsewhere; compare with them normalised.
		qs := FindQuantities(text, "abstract")
		checkQtySpans(t, text, qs)
		if len(qs) != len(want) {
			t.Fatalf("got %d quantities, want %d: %v", len(qs), len(want), qs)
		}
		for i, x := range qs {
			g := gotQty(x)
			g.text = strings.ReplaceAll(g.text, " ", "\u00a0")
			if g != want[i] {
				t.Errorf("quantity %d:\n got %v\nwant %v", i, g, want[i])
			}
		}
	})
	t.Run("002-title", func(t *testing.T) {
		checkQtys(t, "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up",
			[]wantQty{{text: "two-year", value: "2", unit: "a"}})
	})
	// Seed 003 (Zendy page): spaced, lost superscripts with hair spaces.
	t.Run("003", func(t *testing.T) {
		text := seedQtyAbstract(t, "003", "Rationale:", "")
		checkQtys(t, text, []wantQty{
			{text: "12-year-old", value: "12", unit: "a"},
			{text: "11-month", value: "11", unit: "mo"},
			{text: "8 times/wk", value: "8", unit: "/wk"},
			{text: "2 months", value: "2", unit: "mo"},
			{text: "5.65\u200a×\u200a10 7 /L, ranging from 5.48 to 5.98\u200a×\u200a10 7 /L",
				median: "56500000", min: "54800000", max: "59800000", unit: "{cells}/L"},
			{text: ">150\u200a×\u200a10 9 /L", min: "150", cmp: ">", unit: "10*9/L"},
		})
	})
}

func TestFindQuantitiesNotations(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantQty
	}{
		{"thousands", "In all, 1,000 patients and 2,500,000 cells.",
			[]wantQty{{text: "1,000", value: "1000"}, {text: "2,500,000 cells", value: "2500000", unit: "{cells}"}}},
		{"decimal trailing zero", "a rate of 12.50%", []wantQty{{text: "12.50%", value: "12.5", unit: "%"}}},
		{"lancet decimal point", "a median of 5·65 days", []wantQty{{text: "median of 5·65 days", median: "5.65", unit: "d"}}},
		{"caret", "platelets ≥ 30 × 10^9/L", []wantQty{{text: "≥ 30 × 10^9/L", min: "30", cmp: "≥", unit: "10*9/L"}}},
		{"paren x", "platelets 50x10(9)/L", []wantQty{{text: "50x10(9)/L", value: "50", unit: "10*9/L"}}},
		{"html sup", "count 30×10<sup>9</sup>/L", []wantQty{{text: "30×10<sup>9</sup>/L", value: "30", unit: "10*9/L"}}},
		{"E notation after times", "count 20 ×10E9/L", []wantQty{{text: "20 ×10E9/L", value: "20", unit: "10*9/L"}}},
		{"10e6 means 10^6", "1 × 10e6 cells/kg or 10e6 cells", []wantQty{
			{text: "1 × 10e6 cells/kg", value: "1000000", unit: "{cells}/kg"},
			{text: "10e6 cells", value: "1000000", unit: "{cells}"}}},
		{"scientific e", "1.5e6 cells/kg", []wantQty{{text: "1.5e6 cells/kg", value: "1500000", unit: "{cells}/kg"}}},
		{"bare superscript power", "above 10⁹/L", []wantQty{{text: "above 10⁹/L", min: "1", cmp: ">", unit: "10*9/L"}}},
		{"negative exponent", "a dose of 5 × 10⁻³ mg", []wantQty{{text: "5 × 10⁻³ mg", value: "0.005", unit: "mg"}}},
		{"MSCs per kg", "1×10⁶ MSCs/kg body weight", []wantQty{{text: "1×10⁶ MSCs/kg body weight", value: "1000000", unit: "{cells}/kg"}}},
		// probe set n (UC-MSCs in COVID-19, Critical Care): the per-kilogram
		// was dropped, a dose of 1×10⁶ cells in all
		{"cells per kilogram of weight", "UC-MSCs (1 × 106 cells per kilogram of weight) were suspended", []wantQty{{text: "1 × 106 cells per kilogram of weight", value: "1000000", unit: "{cells}/kg"}}},
		{"spaced exponent both ends", "from 5.48 to 5.98 × 10 7 /L", []wantQty{{text: "5.48 to 5.98 × 10 7 /L", min: "54800000", max: "59800000", unit: "{cells}/L"}}},
		{"range of powers", "doses of 1×10(6)-5×10(6) cells/kg", []wantQty{{text: "1×10(6)-5×10(6) cells/kg", min: "1000000", max: "5000000", unit: "{cells}/kg"}}},
		{"range to", "for 7 to 16 days", []wantQty{{text: "7 to 16 days", min: "7", max: "16", unit: "d"}}},
		{"range unit on both ends", "for 7 days to 16 days", []wantQty{{text: "7 days to 16 days", min: "7", max: "16", unit: "d"}}},
		{"between and", "aged between 41 and 94 years", []wantQty{{text: "between 41 and 94 years", min: "41", max: "94", unit: "a"}}},
		{"word range", "three to five courses", []wantQty{{text: "three to five", min: "3", max: "5"}}},
		{"en dash range", "13–24 months", []wantQty{{text: "13–24 months", min: "13", max: "24", unit: "mo"}}},
		{"more than", "more than 30% of patients", []wantQty{{text: "more than 30%", min: "30", cmp: ">", unit: "%"}}},
		{"at least", "for at least 3 months", []wantQty{{text: "at least 3 months", min: "3", cmp: "≥", unit: "mo"}}},
		{"less than", "less than 20 × 10⁹/L", []wantQty{{text: "less than 20 × 10⁹/L", max: "20", cmp: "<", unit: "10*9/L"}}},
		{"ascii ge", "count >=50 x 10^9/L", []wantQty{{text: ">=50 x 10^9/L", min: "50", cmp: "≥", unit: "10*9/L"}}},
		{"percent with fraction", "CR in 57.1% (4/7) of patients", []wantQty{{text: "57.1% (4/7)", value: "57.1", unit: "%", numer: "4", den: "7"}}},
		{"percent with n of N", "response 66.7% (2 of 3)", []wantQty{{text: "66.7% (2 of 3)", value: "66.7", unit: "%", numer: "2", den: "3"}}},
		{"fraction with percent", "responded in 4/7 (57.1%) patients", []wantQty{{text: "4/7 (57.1%)", value: "57.1", unit: "%", numer: "4", den: "7"}}},
		{"fraction alone", "4/7 patients", []wantQty{{text: "4/7", numer: "4", den: "7"}}},
		{"percent fraction that disagrees is not joined", "50% (1/3)", []wantQty{
			{text: "50%", value: "50", unit: "%"}, {text: "1/3", numer: "1", den: "3"}}},
		{"median IQR", "median age 45 years (IQR, 38–52)", []wantQty{{text: "45 years (IQR, 38–52)", median: "45", q1: "38", q3: "52", unit: "a"}}},
		{"median range and IQR", "a median of 12 days (range 7–30; IQR 9–14)", []wantQty{
			{text: "median of 12 days (range 7–30; IQR 9–14)", median: "12", min: "7", max: "30", q1: "9", q3: "14", unit: "d"}}},
		{"mean plus minus", "mean age 45 ± 12 years", []wantQty{{text: "45 ± 12 years", mean: "45", spread: "12", unit: "a"}}},
		{"plain value with range", "follow-up 24 months (range 6-48)", []wantQty{{text: "24 months (range 6-48)", value: "24", min: "6", max: "48", unit: "mo"}}},
		{"age form", "a 41-year-old woman", []wantQty{{text: "41-year-old", value: "41", unit: "a"}}},
		{"non-breaking hyphen age", "a 41‑year‑old woman", []wantQty{{text: "41‑year‑old", value: "41", unit: "a"}}},
		{"history", "a 10-year history of ITP", []wantQty{{text: "10-year", value: "10", unit: "a"}}},
		{"gestation", "at 8 weeks of gestation", []wantQty{{text: "8 weeks", value: "8", unit: "wk"}}},
		{"years old", "patients 12 years old", []wantQty{{text: "12 years old", value: "12", unit: "a"}}},
		{"compound word", "twenty-one patients", []wantQty{{text: "twenty-one", value: "21"}}},
		{"both children", "Both children recovered", []wantQty{{text: "Both", value: "2"}}},
		{"both not a count", "both mother and neonate did well", nil},
		{"number word takes no cell unit", "three MSC infusions", []wantQty{{text: "three", value: "3"}}},
		{"small count takes no cell unit", "5 MSC infusions", []wantQty{{text: "5", value: "5"}}},
		{"per kg", "2 × 10⁶/kg", []wantQty{{text: "2 × 10⁶/kg", value: "2000000", unit: "/kg"}}},
		{"change is not a range", "platelets increased from 20 to 80 × 10⁹/L", []wantQty{
			{text: "20", value: "20", unit: "10*9/L"},
			{text: "80 × 10⁹/L", value: "80", unit: "10*9/L"}}},
		{"median looked back", "The median time to response was 12 days.", []wantQty{{text: "12 days", median: "12", unit: "d"}}},
		{"median not carried to a count", "The median time to response in the 12 patients was short.", []wantQty{{text: "12", value: "12"}}},
		{"mg per kg", "0.5 mg/kg/day", []wantQty{{text: "0.5 mg/kg/day", value: "0.5", unit: "mg/kg/d"}}},
		{"glued percent and days", "CR 75%, after 14days", []wantQty{{text: "75%", value: "75", unit: "%"}, {text: "14days", value: "14", unit: "d"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQtys(t, tc.text, tc.want) })
	}
}

// Flattened powers ("5x107") are read only in a dose or cell context.
func TestFindQuantitiesFlattenedPowers(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantQty
	}{
		{"dose sentence", "The dose was 1x108.", []wantQty{{text: "1x108", value: "100000000"}}},
		{"cells follow", "We gave 5x107 cells.", []wantQty{{text: "5x107 cells", value: "50000000", unit: "{cells}"}}},
		{"per kg", "Infused 2 x 106/kg twice.", []wantQty{{text: "2 x 106/kg", value: "2000000", unit: "/kg"}}},
		{"ten to the tenth", "MSC dose 1x1010 in total", []wantQty{{text: "1x1010", value: "10000000000"}}},
		{"no context", "The survey reached 5x107 homes.", nil},
		{"patients follow", "The MSC dose study enrolled 1x108 patients.", nil},
		{"product", "a 2x10 grid of wells", nil},
		{"dimension", "a lesion of 2 × 10 mm", nil},
		{"mantissa out of range", "The dose was 50x107.", nil},
		{"exponent out of range", "The dose was 5x101.", nil},
		{"next sentence does not count", "The dose was fixed. The town has 5x107 people.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQtys(t, tc.text, tc.want) })
	}
}

// Numbers that are not quantities stay out, and what is near them still
// comes out right.
func TestFindQuantitiesNegative(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantQty
	}{
		{"date", "published 2017-05-30 online", nil},
		{"year month", "D.A. Spandidos 2017-05 2017-03-14", nil},
		{"slash date", "on 30/05/2017 and 2017/05/30", nil},
		{"doi", "doi: 10.3892/etm.2017.4229 and 10.1186/s12884-025-08177-9", nil},
		{"url", "see https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5443306/", nil},
		{"url query", "at HTTP://example.org/view?id=123&n=4 and www.x.cn/a?page=2, 5 days", []wantQty{{text: "5 days", value: "5", unit: "d"}}},
		{"day-first date", "on 1-2-2019 and 30.05.2017", nil},
		{"day plus", "a chimerism rate of 99.8% on day +25 and day +60", []wantQty{{text: "99.8%", value: "99.8", unit: "%"}}},
		{"day label", "on day 7 and week 12", nil},
		{"case label", "Case 1 was a child", nil},
		{"abbreviations", "HSCT, UC-MSCs and IVIG", nil},
		{"covid", "during COVID-19 and SARS-CoV-2", nil},
		{"markers", "CD34+ cells and IL-10", nil},
		{"p value", "P < 0.05 and p=0.03", nil},
		{"type and grade", "type 2 diabetes, grade 3 events", nil},
		{"fold", "a 3-fold rise", nil},
		{"ordinal", "the 3rd course", nil},
		{"decimal comma", "5,65 units", nil},
		{"temperature", "stored at 37°C", nil},
		{"time of day", "at 10:30 daily", nil},
		{"negative number", "changed by −2.3 points", nil},
		{"trial id", "registered as NCT01234567 and ChiCTR-TRC-12002345", nil},
		{"confidence level", "95% CI 1.2-3.4", []wantQty{{text: "1.2-3.4", min: "1.2", max: "3.4"}}},
		{"min above max", "1133-1128", nil},
		{"first and second line", "first- and second-line therapies", nil},
		{"article is not a number", "a patient and an infusion", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQtys(t, tc.text, tc.want) })
	}
}

func TestFindQuantitiesSpansAfterWideRunes(t *testing.T) {
	// Code points, not bytes: "×", "⁹" and Chinese before the quantity.
	text := "血小板 54 × 10⁹/L，随后 3 months"
	qs := FindQuantities(text, "abstract")
	checkQtySpans(t, text, qs)
	if len(qs) != 2 || qs[1].Span.Start != utf8.RuneCountInString("血小板 54 × 10⁹/L，随后 ") {
		t.Fatalf("spans: %+v", qs)
	}
}

func TestUnitTableLoads(t *testing.T) {
	if len(qUnits()) < 50 {
		t.Fatalf("unit table has %d rows; ontology/units.tsv failed to load", len(qUnits()))
	}
	for _, u := range qUnits() {
		if strings.TrimSpace(u.written) != u.written || u.code == "" {
			t.Errorf("bad unit row %+v", u)
		}
	}
}

func BenchmarkFindQuantities(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", "000_33f487b38e5875d3.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		FindQuantities(text, "abstract")
	}
}
