package ris

import (
	"regexp"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
)

// The RIS syntax exercises the label/value scanner's inline split (a
// record flattened onto one line), and the tables must load and check.

func scan(t *testing.T, in string, syn *mappings.Syntax) []mappings.Entry {
	t.Helper()
	var out []mappings.Entry
	for e, err := range mappings.ScanLabelled(strings.NewReader(in), syn) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func TestScanInline(t *testing.T) {
	syn := risSyntax()
	in := "TY - JOUR TI - A  - B AB - x ZZ - y ER -"
	es := scan(t, in, syn)
	if len(es) != 1 {
		t.Fatalf("%d entries", len(es))
	}
	var tags []string
	for _, f := range es[0].Fields {
		tags = append(tags, f.Tag+"="+f.Value)
	}
	if got := strings.Join(tags, "|"); got != "TY=JOUR|TI=A  - B|AB=x ZZ - y|ER=" {
		t.Errorf("inline split = %q", got)
	}
	if string(es[0].Raw) != in {
		t.Errorf("raw = %q", es[0].Raw)
	}
}

// A flattened line needs MinInline known tags, or to end with the End
// tag; otherwise it is one value.
func TestScanInlineNeedsEnoughTags(t *testing.T) {
	es := scan(t, "TY - JOUR TI - A\n", risSyntax())
	if len(es) != 1 || len(es[0].Fields) != 1 || es[0].Fields[0].Value != "JOUR TI - A" {
		t.Errorf("entries = %+v", es)
	}
	es = scan(t, "TY - JOUR TI - A ER -\n", risSyntax())
	if len(es) != 1 || len(es[0].Fields) != 3 || es[0].First("TI") != "A" || !es[0].Closed {
		t.Errorf("entries = %+v", es)
	}
}

func TestTablesWellFormed(t *testing.T) {
	if len(risFields()) < 40 || len(risTypes()) < 5 {
		t.Error("a table lost rows")
	}
	for tag, field := range risFields() {
		if !regexp.MustCompile(`^[A-Z][A-Z0-9]$`).MatchString(tag) || field == "" {
			t.Errorf("bad RIS table row %q → %q", tag, field)
		}
	}
}

// TestTableErrors: a broken row fails with the table's name and line,
// and stops reading rather than mapping a tag to a field no code knows.
func TestTableErrors(t *testing.T) {
	for _, c := range []struct{ name, fields, types, want string }{
		{"too few columns", "# tag\tfield\nTI\ttitle\nAU\n", "JOUR\tJournal Article\n", "ris/ris.tsv:3: want 2 tab-separated columns, got 1"},
		{"unknown field name", "TI\ttitle\nT2\tjournl\n", "JOUR\tJournal Article\n", `ris/ris.tsv:2: unknown value "journl" in column 2`},
		{"type without name", "TI\ttitle\n", "JOUR\t\n", "ris/ris-types.tsv:1: column 2 is empty"},
	} {
		_, err := parseTables([]byte(c.fields), []byte(c.types))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}
