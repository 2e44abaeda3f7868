package abstract

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
)

func read(t *testing.T, text string) ([]mappings.Record, []error) {
	t.Helper()
	f, ok := mappings.Lookup("abstract")
	if !ok {
		t.Fatal("format abstract not registered")
	}
	var recs []mappings.Record
	var errs []error
	for rec, err := range f.Read(strings.NewReader(text)) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		recs = append(recs, rec)
	}
	return recs, errs
}

// TestAbstractFile: the file of one real abstract (the seed paper's, in
// testdata/formats/abstract) is one untitled record whose abstract is the
// whole text without its "Abstract" heading; the untitled policy keeps it
// and says why.
func TestAbstractFile(t *testing.T) {
	data, err := os.ReadFile("../../testdata/formats/abstract/etm-ucmsc-itp.txt")
	if err != nil {
		t.Fatal(err)
	}
	recs, errs := read(t, string(data))
	if len(recs) != 1 || len(errs) != 0 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	r := recs[0]
	if r.Title != "" || r.DOI != "" || len(r.Authors) != 0 || r.Format != "abstract" || r.Number != 1 || r.Line != 1 {
		t.Errorf("record: %+v", r)
	}
	if !strings.HasPrefix(r.Abstract.Text, "Four patients with chronic refractory immune thrombocytopenic purpura") {
		t.Errorf("abstract starts %q", r.Abstract.Text[:min(80, len(r.Abstract.Text))])
	}
	if r.Guessed["kind"] != mappings.KindAbstractOnly || !strings.Contains(r.Guessed["title"], "an abstract read alone") {
		t.Errorf("guessed: %v", r.Guessed)
	}
}

// TestAbstractSections: labelled sections are kept as sections.
func TestAbstractSections(t *testing.T) {
	recs, errs := read(t, "ABSTRACT\nBackground: Twelve patients with refractory ITP received umbilical cord MSCs in this study.\nResults: Seven of the 12 patients achieved a complete response at 3 months.\n")
	if len(recs) != 1 || len(errs) != 0 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	var labels []string
	for _, s := range recs[0].Abstract.Sections {
		labels = append(labels, s.Label)
	}
	if strings.Join(labels, ",") != "Background,Results" {
		t.Errorf("sections %v of %q", labels, recs[0].Abstract.Text)
	}
}

// TestNotAnAbstract: a file with no sentence (a cookie wall saved by
// mistake), an empty file and a binary file are each one rejection, with
// the reason.
func TestNotAnAbstract(t *testing.T) {
	for _, text := range []string{"Skip to main content\nCookie settings\nAccept all cookies\nSign in\n", "", "\x00\x01PK\x03\x04"} {
		recs, errs := read(t, text)
		var re *mappings.RecordError
		if len(recs) != 0 || len(errs) != 1 || !errors.As(errs[0], &re) || re.Record != 1 || re.Line != 1 ||
			!strings.Contains(errs[0].Error(), "not an abstract") {
			t.Errorf("%q: records %d, errors %v", text, len(recs), errs)
		}
	}
}

// TestNeverDetected: an abstract alone is read only when named.
func TestNeverDetected(t *testing.T) {
	f, _ := mappings.Lookup("abstract")
	if !f.Explicit || f.Sniff([]byte(f.Example)) != 0 {
		t.Error("the abstract format must be explicit and never sniffed")
	}
}
