package mappings

import (
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
