package all

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

// issnCases are real fixtures with one ISSN mistyped (its check digit one
// off): Exp Ther Med's print ISSN 1792-0981 in most, Medicine's 0025-7974
// in the Zendy page; the VuFind page had no ISSN, so one is added.
var issnCases = []struct {
	format, path string
	good, bad    string
	edit         func([]byte) []byte // nil: replace good with bad
}{
	{"bibtex", "testdata/formats/bibtex-etm.bib", "1792-0981", "1792-0982", nil},
	{"crossref-json", "testdata/formats/crossref-etm.json", "1792-0981", "1792-0982", nil},
	{"csl-json", "testdata/formats/csl-etm.json", "1792-0981", "1792-0982", nil},
	{"endnote-xml", "testdata/formats/endnote/endnote-msc-itp.xml", "1792-0981", "1792-0982", nil},
	{"jats-xml", "testdata/formats/jats/jats-msc-itp.xml", "1792-0981", "1792-0982", nil},
	{"medline", "testdata/formats/medline-etm.nbib", "1792-0981", "1792-0982", nil},
	{"openalex-json", "testdata/formats/openalex-results.json", "1792-0981", "1792-0982", nil},
	{"pubmed-xml", "testdata/formats/pubmed-etm.xml", "1792-0981", "1792-0982", nil},
	{"ris", "testdata/formats/ris-zotero-etm.ris", "1792-0981", "1792-0982", nil},
	{"scopus-csv", "testdata/formats/scopus/scopus-msc-itp.csv", "17920981", "17920982", nil},
	{"wos", "testdata/formats/wos/wos-msc-itp.txt", "1792-0981", "1792-0982", nil},
	{"wos-tab", "testdata/formats/wos/wos-msc-itp-tab-utf8.txt", "1792-0981", "1792-0982", nil},
	{"zendy-page", "testdata/seeds/003_cb46faab3a843d5b.txt", "0025-7974", "0025-7975", nil},
	{"vufind-page", "testdata/seeds/002_f14aad962dea6a36.txt", "", "1792-0982", func(b []byte) []byte {
		return bytes.Replace(b, []byte("\nauthor "), []byte("\nissn 1792-0982\nauthor "), 1)
	}},
}

// A mistyped ISSN is left out by every reader that reads ISSNs, with a
// warning on its record naming the value (issue 11: it was dropped
// silently); the record's other ISSNs are kept, and the fixture as
// published gives no ISSN warning.
func TestISSNCheckDigitWarnsInEveryReader(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range issnCases {
		covered[c.format] = true
		t.Run(c.format, func(t *testing.T) {
			orig, err := os.ReadFile(filepath.Join(formattest.Root(t), filepath.FromSlash(c.path)))
			if err != nil {
				t.Fatal(err)
			}
			broken := c.edit
			if broken == nil {
				if !bytes.Contains(orig, []byte(c.good)) {
					t.Fatalf("%s no longer holds %s", c.path, c.good)
				}
				broken = func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(c.good), []byte(c.bad)) }
			}
			// The records hold ISSNs as NNNN-NNNX whatever the source wrote.
			good, bad := mappings.NormalizeISSN(c.good), c.bad[:4]+"-"+strings.TrimPrefix(c.bad[4:], "-")
			before, after := readISSNCase(t, c.format, orig), readISSNCase(t, c.format, broken(orig))
			if len(before) != len(after) {
				t.Fatalf("%d records before the typo, %d after", len(before), len(after))
			}
			warned := 0
			for i := range after {
				for _, w := range before[i].Warnings {
					if strings.Contains(w, "ISSN") {
						t.Errorf("record %d as published: warning %q", i+1, w)
					}
				}
				var ws []string
				for _, w := range after[i].Warnings {
					if strings.Contains(w, "ISSN") {
						ws = append(ws, w)
					}
				}
				want := slices.DeleteFunc(issns(before[i].Journal), func(s string) bool { return s == good || s == "" })
				got := issns(after[i].Journal)
				if slices.Contains(got, bad) || !isSubset(want, got) {
					t.Errorf("record %d: ISSNs %q, want %q kept and %s left out", i+1, got, want, c.bad)
				}
				touched := slices.Contains(issns(before[i].Journal), good) || (c.edit != nil && i == 0)
				switch {
				case touched && (len(ws) != 1 || !strings.Contains(ws[0], `"`+c.bad+`"`) || !strings.Contains(ws[0], "check digit")):
					t.Errorf("record %d: ISSN warnings %q, want one naming %s and its check digit", i+1, ws, c.bad)
				case !touched && len(ws) > 0:
					t.Errorf("record %d had no %s, yet warns %q", i+1, c.good, ws)
				}
				if touched {
					warned++
				}
			}
			if warned == 0 {
				t.Errorf("no record of %s carried %s", c.path, c.good)
			}
		})
	}
	for _, f := range mappings.Formats() {
		if strings.Contains(f.Reads, "ISSN") && !covered[f.Name] {
			t.Errorf("format %s reads ISSNs but has no case in issnCases", f.Name)
		}
	}
}

// readISSNCase reads data as the given format must be detected, keeping
// the records read (rejections are not this test's business).
func readISSNCase(t *testing.T, format string, data []byte) []mappings.Record {
	t.Helper()
	f, r, err := mappings.Open(bytes.NewReader(data), "")
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != format {
		t.Fatalf("detected as %s, want %s", f.Name, format)
	}
	var out []mappings.Record
	for rec, err := range f.Read(r) {
		var re *mappings.RecordError
		if err != nil && !errors.As(err, &re) {
			t.Fatal(err)
		}
		if err == nil {
			out = append(out, rec)
		}
	}
	return out
}

func issns(j mappings.Journal) []string {
	return append([]string{j.ISSN, j.EISSN, j.ISSNL}, j.ISSNs...)
}

func isSubset(small, big []string) bool {
	for _, s := range small {
		if !slices.Contains(big, s) {
			return false
		}
	}
	return true
}
