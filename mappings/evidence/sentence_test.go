package evidence

import (
	"testing"
)

func mustRules(t *testing.T) *rules {
	t.Helper()
	r, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSplitSentences(t *testing.T) {
	r := mustRules(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"decimal and range", "The median time between hUC-MSC transplantation and response was 12.5 days (range, 7–16). There were no severe adverse events.",
			[]string{"The median time between hUC-MSC transplantation and response was 12.5 days (range, 7–16).", "There were no severe adverse events."}},
		{"unit before dot", "a baseline platelet count of 54 × 10⁹/L. During pregnancy, she self-initiated infusions.",
			[]string{"a baseline platelet count of 54 × 10⁹/L.", "During pregnancy, she self-initiated infusions."}},
		{"abbreviations", "Responses were faster vs. placebo, e.g. within 7 days. Wang et al. Reported none.",
			[]string{"Responses were faster vs. placebo, e.g. within 7 days.", "Wang et al. Reported none."}},
		{"lower case after dot", "The hUC-MSC dose was 5×10(7) to 1×10(8). Complete remission (CR) was achieved in three patients.",
			[]string{"The hUC-MSC dose was 5×10(7) to 1×10(8).", "Complete remission (CR) was achieved in three patients."}},
		{"median cell count", "with a median cell count of 5.65 × 10 7 /L, ranging from 5.48 to 5.98 × 10 7 /L. Outcomes: As the rash resolved.",
			[]string{"with a median cell count of 5.65 × 10 7 /L, ranging from 5.48 to 5.98 × 10 7 /L.", "Outcomes: As the rash resolved."}},
		{"initials", "Siping, Jilin 136000, P.R. China. Next sentence.", []string{"Siping, Jilin 136000, P.R. China.", "Next sentence."}},
		{"lines", "Background: one\nConclusions: two", []string{"Background: one", "Conclusions: two"}},
		{"lost spaces", "a total response rate of 72.2%.4 of 7 patients responded.UC-MSC were safe, e.g.Fig 2.",
			[]string{"a total response rate of 72.2%.", "4 of 7 patients responded.", "UC-MSC were safe, e.g.Fig 2."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs := []rune(tc.text)
			got := splitSentences(rs, r.abbrevs, r.sections)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d sentences %q, want %d", len(got), spansText(rs, got), len(tc.want))
			}
			for i, g := range got {
				if s := runeSlice(rs, g[0], g[1]); s != tc.want[i] {
					t.Errorf("sentence %d = %q, want %q", i, s, tc.want[i])
				}
			}
		})
	}
}

func spansText(rs []rune, ss [][2]int) []string {
	var out []string
	for _, s := range ss {
		out = append(out, runeSlice(rs, s[0], s[1]))
	}
	return out
}

func TestSectionLabels(t *testing.T) {
	r := mustRules(t)
	text := "Rationale: To explore ucMSC therapy. Patient concerns: A 12-year-old boy presented. Lessons: This is a unique case."
	f := newField(r, FieldAbstract, text, nil)
	want := []struct{ label, role, text string }{
		{"Rationale", "background", "To explore ucMSC therapy."},
		{"Patient concerns", "case", "A 12-year-old boy presented."},
		{"Lessons", "conclusions", "This is a unique case."},
	}
	if len(f.Sentences) != len(want) {
		t.Fatalf("got %d sentences", len(f.Sentences))
	}
	for i, w := range want {
		s := f.Sentences[i]
		if s.Section != w.label || s.Role != w.role || f.sentenceText(&s) != w.text {
			t.Errorf("sentence %d = (%q, %q, %q), want %v", i, s.Section, s.Role, f.sentenceText(&s), w)
		}
	}
}

func TestGivenSections(t *testing.T) {
	r := mustRules(t)
	secs := []Section{{"Background", "Standard treatments such as IVIG are limited."}, {"Case presentation", "We report the case of a woman."}}
	text := "Background: Standard treatments such as IVIG are limited.\nCase presentation: We report the case of a woman."
	f := newField(r, FieldAbstract, text, secs)
	if len(f.Sentences) != 2 || f.Sentences[0].Role != "background" || f.Sentences[1].Section != "Case presentation" {
		t.Fatalf("sentences = %+v", f.Sentences)
	}
	// Sections whose labels are not printed in the text still label sentences.
	f = newField(r, FieldAbstract, "Standard treatments such as IVIG are limited. We report the case of a woman.", secs)
	if len(f.Sentences) != 2 || f.Sentences[0].Section != "Background" || f.Sentences[1].Section != "Case presentation" {
		t.Fatalf("unprinted labels: %+v", f.Sentences)
	}
}
