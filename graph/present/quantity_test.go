package present

import "testing"

func TestNumber(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"50000000.0", "5×10⁷"},
		{"100000000.0", "1×10⁸"},
		{"1000000.0", "1×10⁶"},
		{"2500000", "2.5×10⁶"},
		{"56500000.0", "5.65×10⁷"},
		{"12.0", "12"},
		{"12.50", "12.5"},
		{"0.5", "0.5"},
		{"150000", "150000"}, // below a million: as is (a platelet count per µL)
		{"1230000", "1.23×10⁶"},
		{"-3.0", "-3"},
		{"1.0E6", "1.0E6"}, // a double's form is kept as written
		{"0", "0"},
	} {
		if got := Number(c.in); got != c.want {
			t.Errorf("Number(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestQuantityString(t *testing.T) {
	for _, c := range []struct {
		q    Quantity
		want string
	}{
		{Quantity{Min: "50000000.0", Max: "100000000.0", Unit: "{cells}"}, "5×10⁷–1×10⁸ cells"},
		{Quantity{Value: "1000000.0", Unit: "{cells}/kg"}, "1×10⁶ cells/kg"},
		{Quantity{Median: "17.0", Min: "13.0", Max: "24.0", Unit: "mo"}, "median 17 (13–24) mo"},
		{Quantity{Median: "44.4", Unit: "mo"}, "median 44.4 mo"},
		{Quantity{Value: "78.57", Unit: "%"}, "78.57%"},
		{Quantity{Min: "150", Unit: "10*9/L"}, "min 150×10⁹/L"},
		{Quantity{Value: "41", Unit: "a"}, "41 y"},
		{Quantity{Value: "2", Unit: "[iU]/kg"}, "2 IU/kg"},
		// A comparator is written where the extractor kept it (">150" is
		// Min 150 with ">"); the graph keeps none and reads "min 150".
		{Quantity{Min: "150", Comparator: ">", Unit: "10*9/L"}, ">150×10⁹/L"},
		{Quantity{Max: "30", Comparator: "≤", Unit: "10*9/L"}, "≤30×10⁹/L"},
		{Quantity{Value: "50", Comparator: "≥", Unit: "10*9/L"}, "≥50×10⁹/L"},
	} {
		if got := c.q.String(); got != c.want {
			t.Errorf("%+v = %q, want %q", c.q, got, c.want)
		}
	}
}
