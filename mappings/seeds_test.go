package mappings

import (
	"bytes"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seed returns the bytes of the seed file whose name starts with prefix.
func seed(t testing.TB, prefix string) []byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", prefix+"_*.txt"))
	if err != nil || len(paths) != 1 {
		t.Fatalf("seed %s: found %v (%v)", prefix, paths, err)
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// readAll reads every record of data as format name.
func readAll(t testing.TB, name string, data []byte) ([]Record, []error) {
	t.Helper()
	f, ok := Lookup(name)
	if !ok {
		t.Fatalf("format %q not registered", name)
	}
	return collectAll(f.Read, data)
}

// collectAll gathers the records and errors of one read, in order.
func collectAll(read func(io.Reader) iter.Seq2[Record, error], data []byte) ([]Record, []error) {
	var recs []Record
	var errs []error
	for rec, err := range read(bytes.NewReader(data)) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		recs = append(recs, rec)
	}
	return recs, errs
}

// registeredRead is the Read of a registered format, with the registry's
// title policy (see withTitlePolicy).
func registeredRead(name string) func(io.Reader) iter.Seq2[Record, error] {
	f, ok := Lookup(name)
	if !ok {
		panic("format not registered: " + name)
	}
	return f.Read
}

func au(asWritten, family, given string, affiliations ...string) Author {
	return Author{AsWritten: asWritten, Family: family, Given: given, Affiliations: affiliations}
}

// seedFormats names the format of every seed; each seed's fields are
// checked in their readers' packages (mappings/s2page, wprim, vufind,
// zendy, ris).
var seedFormats = []struct{ seed, format string }{
	{"000", "s2-page"}, {"001", "wprim-page"}, {"002", "vufind-page"}, {"003", "zendy-page"}, {"004", "ris"},
}

func TestDetectSeeds(t *testing.T) {
	for _, c := range seedFormats {
		f, err := Detect(seed(t, c.seed))
		if err != nil || f.Name != c.format {
			t.Errorf("seed %s: Detect = %v, %v; want %s", c.seed, f, err, c.format)
		}
	}
}

// Across the seeds there are 31 distinct people; papers 002 and 004 are
// the same paper, and people sharing a family name (Gu, Zhang, Wu) are
// not merged.
func TestSeedAuthorsDistinct(t *testing.T) {
	people := map[string]bool{}
	for _, c := range seedFormats {
		data := seed(t, c.seed)
		f, err := Detect(data)
		if err != nil {
			t.Fatal(err)
		}
		for rec, err := range f.Read(bytes.NewReader(data)) {
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range rec.Authors {
				people[strings.ToLower(a.Family+"|"+a.Given)] = true
			}
		}
	}
	if len(people) != 31 {
		t.Errorf("%d distinct authors, want 31", len(people))
	}
	for _, p := range []string{"gu|yuchun", "gu|yongquan", "gu|yan", "zhang|jing", "zhang|bo", "zhang|rongjun", "wu|nan-hai", "wu|lida"} {
		if !people[p] {
			t.Errorf("missing author %s", p)
		}
	}
}

// readFixture returns the bytes of testdata/formats/name.
func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../testdata/formats/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
