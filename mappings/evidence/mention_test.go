package evidence

import (
	"testing"

	"github.com/msckg/msckg/ontology"
)

func fieldMentions(t *testing.T, text string) (*field, []mention) {
	t.Helper()
	r := mustRules(t)
	f := newField(r, FieldAbstract, text, nil)
	g := learnAbbreviations(r, []*field{f})
	ms := matchLexicon(r, f, g)
	classify(r, f, ms)
	return f, ms
}

type wantMention struct {
	text, curie string
	negated     bool
}

func TestMatchLexicon(t *testing.T) {
	tests := []struct {
		text string
		want []wantMention
	}{
		{"Four patients with chronic refractory immune thrombocytopenic purpura (ITP) received human umbilical cord-derived mesenchymal stem cells (hUC-MSCs).",
			[]wantMention{{"chronic", "mkg:Chronic", false}, {"immune thrombocytopenic purpura", "mesh:D016553", false}, {"ITP", "mesh:D016553", false},
				{"umbilical cord-derived mesenchymal stem cells", "mkg:UmbilicalCordMSC", false}, {"hUC-MSCs", "mkg:UmbilicalCordMSC", false}}},
		{"Case 2 was a child with Gaucher's disease who underwent unrelated umbilical cord blood HSCT.",
			[]wantMention{{"child", "mkg:Children", false}, {"Gaucher's disease", "mesh:D005776", false}, {"HSCT", "mkg:HSCT", false}}},
		{"his refractory Henoch–Schonlein purpura (HSP) and liver cirrhosis", []wantMention{
			{"Henoch–Schonlein purpura", "mesh:D011695", false}, {"HSP", "mesh:D011695", false}, {"liver cirrhosis", "mesh:D008103", false}}},
		{"No infusion-related adverse events were observed.", []wantMention{{"infusion-related adverse events", "mkg:AdverseEvents", true}}},
		{"There were no severe adverse events during and post hUC-MSC transplantation.", []wantMention{
			{"severe adverse events", "mkg:SevereAdverseEvents", true}, {"hUC-MSC", "mkg:UmbilicalCordMSC", false}}},
		{"The patients were free of infection, and no graft failure or thrombocytopenia occurred.", []wantMention{
			{"graft failure", "mkg:GraftFailure", true}, {"thrombocytopenia", "mesh:D013921", true}}},
		{"Adverse events were not observed in any patient.", []wantMention{{"Adverse events", "mkg:AdverseEvents", true}}},
		{"After intravenous immunoglobulin (IVIG) pulse therapy, platelet count increased.", []wantMention{
			{"intravenous immunoglobulin", "mkg:IVIG", false}, {"IVIG", "mkg:IVIG", false}, {"platelet count", "mkg:PlateletCount", false}}},
		// "itp" in lower case is not the abbreviation.
		{"the itp gene", nil},
	}
	for _, tc := range tests {
		f, ms := fieldMentions(t, tc.text)
		var got []wantMention
		for _, m := range ms {
			if m.Kind() == "sex" || m.Kind() == "ageGroup" && tc.want == nil {
				continue
			}
			got = append(got, wantMention{m.Text, ontology.CompactIRI(m.IRI()), m.Negated})
			if s := f.span(m.Start, m.End); s.Text != m.Text {
				t.Errorf("span %q != text %q", s.Text, m.Text)
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q:\n got %v\nwant %v", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: mention %d = %v, want %v", tc.text, i, got[i], tc.want[i])
			}
		}
	}
}

func TestAbbreviations(t *testing.T) {
	tests := []struct {
		text, short, long string
	}{
		{"Four patients received human umbilical cord-derived mesenchymal stem cells (hUC-MSCs).", "hUC-MSCs", "human umbilical cord-derived mesenchymal stem cells"},
		{"Complete remission (CR) was achieved in three patients.", "CR", "Complete remission"},
		{"after allogeneic hematopoietic stem cell transplantation (HSCT) who were treated", "HSCT", "hematopoietic stem cell transplantation"},
		{"therapy with MMF (mycophenolate mofetil) was stopped", "MMF", "mycophenolate mofetil"},
	}
	r := mustRules(t)
	for _, tc := range tests {
		f := newField(r, FieldAbstract, tc.text, nil)
		as := findAbbreviations(f.Runes, &f.Sentences[0])
		if len(as) != 1 {
			t.Errorf("%q: %d definitions", tc.text, len(as))
			continue
		}
		a := as[0]
		if a.Short != tc.short || runeSlice(f.Runes, a.LongStart, a.LongEnd) != tc.long {
			t.Errorf("%q: got %q = %q", tc.text, a.Short, runeSlice(f.Runes, a.LongStart, a.LongEnd))
		}
	}
}

func TestLearnedAbbreviation(t *testing.T) {
	// A short form the lexicon does not know takes the meaning of its long form.
	_, ms := fieldMentions(t, "Patients received Wharton's jelly mesenchymal stem cells (WJC). WJC were given twice.")
	n := 0
	for _, m := range ms {
		if m.Text == "WJC" && m.IRI() == ontology.MKG+"UmbilicalCordMSC" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("WJC learned %d times, want 2", n)
	}
	// A short form defined as something else blocks the lexicon reading.
	_, ms = fieldMentions(t, "Progression rate (PR) was low. PR was 10%.")
	for _, m := range ms {
		if m.Text == "PR" {
			t.Errorf("PR read as %s although the text defines it otherwise", m.IRI())
		}
	}
}
