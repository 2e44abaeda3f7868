package present

import "testing"

func ptr(n int) *int { return &n }

func TestResultAndSummary(t *testing.T) {
	for _, c := range []struct {
		f             Fact
		result, summa string
	}{
		{Fact{What: "Complete response", Patients: ptr(44), Total: ptr(56),
			Value: &Quantity{Value: "78.57", Unit: "%"}, Time: &Quantity{Value: "42", Unit: "d"}},
			"44/56 (78.57%) at 42 d", "Complete response: 44/56 (78.57%) at 42 d"},
		{Fact{What: "Complete response", Patients: ptr(1), Time: &Quantity{Value: "24", Unit: "mo"}},
			"1 patient at 24 mo", "Complete response: 1 patient at 24 mo"},
		{Fact{What: "Severe adverse events", Patients: ptr(0)}, "0 patients", "Severe adverse events: 0 patients"},
		{Fact{What: "Platelet count", Value: &Quantity{Min: "150", Comparator: ">", Unit: "10*9/L"}, TimeText: "postpartum"},
			">150×10⁹/L (postpartum)", "Platelet count: >150×10⁹/L (postpartum)"},
		{Fact{What: "Arm A", Size: ptr(59), Details: []Detail{{Name: "role", Text: "Treatment arm"}}},
			"", "Arm A: 59 patients | role Treatment arm"},
		{Fact{Size: ptr(4)}, "", "4 patients"},
		{Fact{Size: ptr(1)}, "", "1 patient"},
		{Fact{Details: []Detail{{Name: "dose", Text: "6×10⁷ cells/d"}}}, "", "dose 6×10⁷ cells/d"},
	} {
		if got := c.f.Result(); got != c.result {
			t.Errorf("Result() = %q, want %q", got, c.result)
		}
		if got := c.f.Summary(); got != c.summa {
			t.Errorf("Summary() = %q, want %q", got, c.summa)
		}
	}
}

func TestSentence(t *testing.T) {
	text := "Background text. Four patients had ITP. The dose was 5x107 to 1x108. Platelets rose to 10.5 × 10⁹/L."
	span := func(start, end int) Span { return Span{Start: start, End: end, Text: string([]rune(text)[start:end])} }
	for _, c := range []struct {
		sp            Span
		limit         int
		before, after string
	}{
		{span(17, 21), 300, "", " patients had ITP."},
		{span(53, 67), 300, "The dose was ", "."},
		{span(87, 91), 300, "Platelets rose to ", " × 10⁹/L."}, // "10.5" does not end it
		{span(53, 67), 5, "… was ", "."},
	} {
		before, after, ok := Sentence(text, c.sp, c.limit)
		if !ok || before != c.before || after != c.after {
			t.Errorf("Sentence(%q) = %q, %q, %v; want %q, %q", c.sp.Text, before, after, ok, c.before, c.after)
		}
	}
	// A span whose words are not at its offsets gets no sentence.
	if _, _, ok := Sentence(text, Span{Start: 0, End: 4, Text: "Four"}, 300); ok {
		t.Error("a span pointing at other words was given a sentence")
	}
	if _, _, ok := Sentence(text, Span{Start: 90, End: 500, Text: "x"}, 300); ok {
		t.Error("a span outside the text was given a sentence")
	}
}
