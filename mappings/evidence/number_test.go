package evidence

import (
	"slices"
	"testing"
)

func TestNumberWord(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"one", 1, true}, {"Four", 4, true}, {"TWELVE", 12, true}, {"twenty", 20, true},
		{"thirty", 30, true}, {"ninety", 90, true}, {"Both", 2, true}, {"both", 2, true},
		{"twenty-one", 21, true}, {"Thirty‑five", 35, true},
		{"a", 0, false}, {"an", 0, false}, {"first", 0, false}, {"second", 0, false},
		{"none", 0, false}, {"", 0, false}, {"twenty-both", 0, false}, {"one-two", 0, false},
		{"twelve-one", 0, false}, {"twenty-ten", 0, false}, {"twentyone", 0, false},
	}
	for _, tc := range tests {
		n, ok := NumberWord(tc.in)
		if n != tc.want || ok != tc.ok {
			t.Errorf("NumberWord(%q) = %d, %v; want %d, %v", tc.in, n, ok, tc.want, tc.ok)
		}
	}
}

func TestNumberWordOrArticle(t *testing.T) {
	for in, want := range map[string]int{"a": 1, "An": 1, "three": 3, "Both": 2} {
		if n, ok := NumberWordOrArticle(in); !ok || n != want {
			t.Errorf("NumberWordOrArticle(%q) = %d, %v; want %d", in, n, ok, want)
		}
	}
	if _, ok := NumberWordOrArticle("the"); ok {
		t.Error(`NumberWordOrArticle("the") is a number`)
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"12", "12", true},
		{"12.5", "12.5", true},
		{"12.50", "12.5", true},
		{"5.65", "5.65", true},
		{"0.5", "0.5", true},
		{"0", "0", true},
		{"1,000", "1000", true},
		{"1,000,000", "1000000", true},
		{"5·65", "5.65", true},
		{"Four", "4", true},
		{"Both", "2", true},
		{"twenty-one", "21", true},
		{"5×10(7)", "50000000", true},
		{"1×10(8)", "100000000", true},
		{"60 × 10⁶", "60000000", true},
		{"5.65 × 10 7", "56500000", true},
		{"54 × 10⁹", "54000000000", true},
		{"10^9", "1000000000", true},
		{"10⁹", "1000000000", true},
		{"2.5 x 10^6", "2500000", true},
		{"10<sup>9</sup>", "1000000000", true},
		{"3×10E9", "3000000000", true},
		{"1.5e6", "1500000", true},
		{"10e6", "1000000", true},
		{"5 × 10⁻³", "0.005", true},
		{"1.25 × 10^-2", "0.0125", true},
		{" 7 ", "7", true},
		// Not single numbers, or not numbers at all.
		{"5x107", "", false}, // flattened: needs a dose sentence
		{"2x10", "", false},
		{"2 × 10", "", false},
		{"05", "", false},
		{"1,00", "", false},
		{"12 months", "", false},
		{"abc", "", false},
		{"a", "", false},
		{"", "", false},
		{"-5", "", false},
		{"5.", "", false},
		{"1.2.3", "", false},
		{"1234567890123", "", false},
	}
	for _, tc := range tests {
		got, ok := ParseNumber(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseNumber(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDecimalString(t *testing.T) {
	tests := []struct {
		d    qdec
		want string
	}{
		{qdecInt(5).times10(7), "50000000"},
		{qdec{m: qdecInt(565).m, scale: 2}.times10(7), "56500000"},
		{qdec{m: qdecInt(5).m, scale: 0}.times10(-3), "0.005"},
		{qdec{m: qdecInt(1250).m, scale: 2}, "12.5"},
		{qdec{m: qdecInt(0).m, scale: 3}, "0"},
		{qdec{m: qdecInt(0).m, scale: -3}, "0"},
		{qdec{m: qdecInt(-125).m, scale: 1}, "-12.5"},
	}
	for _, tc := range tests {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("%v.String() = %q, want %q", tc.d, got, tc.want)
		}
	}
}

// TestGroupedCounts: digit groups are one number where a count stands
// ("6,651 adults", "19 415 adult patients", PMC7189281), and not where PDF
// text has garbled "=" or "×" into digits ("(n 5 102)", "20 3 109/L") or
// where a list of numbers is written with commas.
func TestGroupedCounts(t *testing.T) {
	r := mustRules(t)
	for _, c := range []struct {
		sentence string
		want     []int
	}{
		{"We identified 6,651 adults with primary ITP.", []int{6651}},
		{"We analyzed 19 415 adult patients newly diagnosed with ITP.", []int{19415}},
		{"In all, 1,784 children and 340 adults were registered.", []int{1784, 340}},
		{"Two hundred six children were allocated to receive IVIg (n 5 102) or careful observation (n 5 104).", []int{206}},
		{"Children with platelet counts 20 3 109/L or less and 12 patients with bleeding.", []int{12}},
		{"Doses of 12, 150 and 300 patients were compared.", []int{300}},
	} {
		f := newField(r, FieldAbstract, c.sentence, nil)
		var got []int
		for _, n := range countsIn(r, f, &f.Sentences[0]) {
			got = append(got, n.N)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: counts %v, want %v", c.sentence, got, c.want)
		}
	}
}
