package mappings

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// medline is a MEDLINE/nbib-like syntax: four-character tags, values
// continued on lines indented by six spaces, records separated by blank
// lines. It shows the scanner serves formats other than RIS.
var medline = &Syntax{
	Tag:       regexp.MustCompile(`^([A-Z][A-Z0-9]{1,3}) *- `),
	Continues: func(_ Field, line string) bool { return true },
	BlankEnds: true,
}

func scan(t *testing.T, in string, syn *Syntax) []Entry {
	t.Helper()
	var out []Entry
	for e, err := range ScanLabelled(strings.NewReader(in), syn) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func TestScanMedline(t *testing.T) {
	in := "PMID- 28565834\nTI  - Intravenous infusion umbilical cord-derived\n      mesenchymal stem cell\nAU  - Wang X\n\n\nPMID- 1\nTI  - Second\n"
	es := scan(t, in, medline)
	if len(es) != 2 {
		t.Fatalf("%d entries, want 2", len(es))
	}
	if got := es[0].First("TI"); got != "Intravenous infusion umbilical cord-derived\nmesenchymal stem cell" {
		t.Errorf("continued value = %q", got)
	}
	if es[1].Number != 2 || es[1].Line != 7 || es[1].First("TI") != "Second" {
		t.Errorf("entry 2 = %+v", es[1])
	}
	if string(es[0].Raw) != "PMID- 28565834\nTI  - Intravenous infusion umbilical cord-derived\n      mesenchymal stem cell\nAU  - Wang X\n" {
		t.Errorf("raw = %q", es[0].Raw)
	}
	if es[0].Closed || es[1].Closed {
		t.Error("entries without an End tag reported as closed")
	}
}

func TestScanFieldLines(t *testing.T) {
	syn := &Syntax{Tag: regexp.MustCompile(`^([A-Z]{2})  - `), Start: "TY", End: "ER"}
	in := "junk before\nTY  - JOUR\nAU  - A\nAU  - B\nER  - \nstray\nTY  - X\nER  - \n"
	es := scan(t, in, syn)
	if len(es) != 2 {
		t.Fatalf("%d entries", len(es))
	}
	want := []Field{{"TY", "JOUR", 2}, {"AU", "A", 3}, {"AU", "B", 4}, {"ER", "", 5}}
	for i, f := range es[0].Fields {
		if f != want[i] {
			t.Errorf("field %d = %+v, want %+v", i, f, want[i])
		}
	}
	if got := es[0].Values("AU"); len(got) != 2 || got[1] != "B" {
		t.Errorf("Values(AU) = %q", got)
	}
	if !es[0].Closed || es[1].Line != 7 {
		t.Errorf("closed %v, second entry at line %d", es[0].Closed, es[1].Line)
	}
}

// With OnlyKnown, lines whose first word is not a known field continue
// the previous field (a catalogue dump); lines before any field are
// untagged fields of their own when Continues says so.
func TestScanKnownOnly(t *testing.T) {
	syn := &Syntax{
		Tag:       regexp.MustCompile(`^([a-z_]+)(?: |$)`),
		Known:     map[string]bool{"author": true, "title": true},
		OnlyKnown: true,
		Continues: func(prev Field, _ string) bool { return prev.Tag != "" },
		Skip:      regexp.MustCompile(`^-$`),
	}
	in := "Page header\nanother line\n-\nauthor Wang, Xiaohua\nYin, Xiaoguang\nunknown word here\ntitle T\n"
	es := scan(t, in, syn)
	if len(es) != 1 {
		t.Fatalf("%d entries", len(es))
	}
	f := es[0].Fields
	if len(f) != 4 || f[0].Tag != "" || f[1].Value != "another line" || f[2].Value != "Wang, Xiaohua\nYin, Xiaoguang\nunknown word here" || f[3].Line != 7 {
		t.Errorf("fields = %+v", f)
	}
	if string(es[0].Raw) != in {
		t.Errorf("whole-input raw = %q", es[0].Raw)
	}
}

func TestTablesWellFormed(t *testing.T) {
	if len(languageCodes()) < 40 || len(abstractLabels()) < 40 {
		t.Error("a table lost rows")
	}
	labels := abstractLabels()
	for i := 1; i < len(labels); i++ {
		if len(labels[i]) > len(labels[i-1]) {
			t.Fatalf("abstract labels not longest first: %q before %q", labels[i-1], labels[i])
		}
	}
}

// A line of a tagged-line format that is neither a tag line nor a
// continuation used to vanish without a word (issue 11): it is now a
// warning on the record, naming its line and the start of its text, and
// what is read does not change.
func TestLabelledStrayLinesWarned(t *testing.T) {
	for _, c := range []struct {
		format, in string
		titles     []string
		warnings   map[int][]string // record → warnings
	}{
		{"medline", "PMID- 1\nTI  - One.\n\nPMID- 27433151\nSO  stray text without a hyphen\nTI  - Two.\n",
			[]string{"One", "Two"}, map[int][]string{2: {`line 5 is neither a field nor the continuation of one; not read: "SO  stray text without a hyphen"`}}},
		{"medline", "A note before the records\n\nPMID- 1\nTI  - One.\n",
			[]string{"One"}, map[int][]string{1: {`line 1 is neither a field nor the continuation of one; not read: "A note before the records"`}}},
		{"wos", "FN Clarivate\nVR 1.0\nPT J\nTI A title\nstray words " + strings.Repeat("x", 80) + "\n   on a line\nER\n\nEF\n",
			[]string{"A title"}, map[int][]string{1: {`line 5 is neither a field nor the continuation of one; not read: "stray words ` + strings.Repeat("x", 28) + `…"`}}},
		{"ris", "TY  - JOUR\nTI  - One\nER  - \n\nRecord 2 of 2\nTY  - JOUR\nTI  - Two\nER  - \n",
			[]string{"One", "Two"}, map[int][]string{2: {`line 5 is neither a field nor the continuation of one; not read: "Record 2 of 2"`}}},
		// Text after the last record has no next record to carry it: the
		// last one names it, after its own stray lines.
		{"medline", "PMID- 1\nTI  - One.\n\nPMID- 2\nSO  stray\nTI  - Two.\n\nExported by a tool\n",
			[]string{"One", "Two"}, map[int][]string{2: {
				`line 5 is neither a field nor the continuation of one; not read: "SO  stray"`,
				`line 8 is neither a field nor the continuation of one; not read: "Exported by a tool"`}}},
		{"ris", "TY  - JOUR\nTI  - One\nER  - \n\nEnd of export\n", []string{"One"},
			map[int][]string{1: {`line 5 is neither a field nor the continuation of one; not read: "End of export"`}}},
	} {
		recs, errs := readAll(t, c.format, []byte(c.in))
		if len(errs) != 0 {
			t.Errorf("%s: %v", c.format, errs)
		}
		var titles []string
		got := map[int][]string{}
		for _, r := range recs {
			titles = append(titles, r.Title)
			if len(r.Warnings) > 0 {
				got[r.Number] = r.Warnings
			}
		}
		if fmt.Sprint(titles) != fmt.Sprint(c.titles) {
			t.Errorf("%s: titles %q, want %q", c.format, titles, c.titles)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.warnings) {
			t.Errorf("%s: warnings %v, want %v", c.format, got, c.warnings)
		}
	}
}

// TestLabelledTextWithoutRecords: a file of text that holds not one field
// of the format (an EndNote "%0 … %T …" export read as MEDLINE or WoS)
// is one rejection naming its first line, never an empty success.
func TestLabelledTextWithoutRecords(t *testing.T) {
	for _, format := range []string{"medline", "wos", "ris"} {
		recs, errs := readAll(t, format, []byte("%0 Journal Article %T Cyclosporine monotherapy for severe aplastic anemia\n%A Al-Ghazaly, J\n"))
		if len(recs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "line 1") {
			t.Errorf("%s: %d records, errors %v; want one rejection naming line 1", format, len(recs), errs)
		}
	}
}
