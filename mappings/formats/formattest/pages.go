package formattest

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
)

// The helpers below check the seeds (testdata/seeds) field by field, and
// what the page readers (mappings/labelledpage, s2page, vufind, wprim,
// zendy) share: a page is one record.

// SeedCase is what one seed must give. The abstract is checked by its
// section labels, its first and last words and its length, the rest of
// the record field by field; no string of Forbidden (page furniture) may
// reach any field.
type SeedCase struct {
	Seed, Format string
	Want         mappings.Record
	Sections     []string
	AbstractHead string
	AbstractTail string
	AbstractLen  int // in runes; 0 leaves the length unchecked
	Forbidden    []string
}

// CheckSeed reads the seed as its format and checks it gives the one
// record c describes.
func CheckSeed(t *testing.T, c SeedCase) {
	t.Helper()
	data := Seed(t, c.Seed)
	recs, errs := ReadAll(t, c.Format, data)
	if len(errs) > 0 || len(recs) != 1 {
		t.Fatalf("got %d records, errors %v", len(recs), errs)
	}
	got := recs[0]
	if got.Format != c.Format || got.Number != 1 || got.Line != 1 || !bytes.Equal(got.Raw, data) {
		t.Errorf("Format/Number/Line/Raw = %q/%d/%d/%d bytes, want %q/1/1/whole file (%d bytes)",
			got.Format, got.Number, got.Line, len(got.Raw), c.Format, len(data))
	}
	checkAbstract(t, got.Abstract, c)
	want := c.Want
	want.Format, want.Number, want.Line, want.Raw = got.Format, got.Number, got.Line, got.Raw
	want.Abstract = got.Abstract
	DiffRecords(t, got, want)
	CheckForbidden(t, got, c.Forbidden)
}

func checkAbstract(t *testing.T, a mappings.Abstract, c SeedCase) {
	t.Helper()
	if !strings.HasPrefix(a.Text, c.AbstractHead) || !strings.HasSuffix(a.Text, c.AbstractTail) {
		t.Errorf("abstract = %.80q … %q", a.Text, a.Text[max(0, len(a.Text)-60):])
	}
	if c.AbstractLen > 0 && len([]rune(a.Text)) != c.AbstractLen {
		t.Errorf("abstract has %d runes, want %d", len([]rune(a.Text)), c.AbstractLen)
	}
	var labels []string
	for _, s := range a.Sections {
		labels = append(labels, s.Label)
		if s.Text == "" || !strings.Contains(a.Text, s.Label+": "+s.Text) {
			t.Errorf("section %q is not in the abstract text as \"Label: text\"", s.Label)
		}
	}
	if !reflect.DeepEqual(labels, c.Sections) {
		t.Errorf("sections = %q, want %q", labels, c.Sections)
	}
}

// CheckForbidden fails when page furniture reached any field.
func CheckForbidden(t testing.TB, rec mappings.Record, forbidden []string) {
	t.Helper()
	rec.Raw = nil
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		t.Fatal(err)
	}
	for _, f := range forbidden {
		if strings.Contains(buf.String(), f) {
			t.Errorf("boilerplate %q leaked into the record", f)
		}
	}
}

// PageRejected reads in as format and returns the one *RecordError it
// must give, for record 1 at line; it fails the test otherwise.
func PageRejected(t testing.TB, format, in string, line int) *mappings.RecordError {
	t.Helper()
	recs, errs := ReadAll(t, format, []byte(in))
	var re *mappings.RecordError
	if len(recs) != 0 || len(errs) != 1 || !errors.As(errs[0], &re) || re.Record != 1 || re.Line != line {
		t.Errorf("%s %.30q: records %d, errors %v; want one RecordError for record 1 line %d", format, in, len(recs), errs, line)
		return nil
	}
	return re
}

// ReadCutSeed reads the seed cut right after the first cutAfter as format;
// a page cut short must still give one record, with Raw the whole cut
// input. The record is returned with Raw cleared, ok false when the test
// failed.
func ReadCutSeed(t testing.TB, seed, format, cutAfter string) (rec mappings.Record, ok bool) {
	t.Helper()
	data := Seed(t, seed)
	i := bytes.Index(data, []byte(cutAfter))
	if i < 0 {
		t.Fatalf("seed %s lacks %q", seed, cutAfter)
	}
	cut := data[:i+len(cutAfter)]
	recs, errs := ReadAll(t, format, cut)
	if len(errs) != 0 || len(recs) != 1 {
		t.Errorf("%s cut after %q: %d records, %v", format, cutAfter, len(recs), errs)
		return mappings.Record{}, false
	}
	r := recs[0]
	if !bytes.Equal(r.Raw, cut) {
		t.Errorf("%s cut after %q: Raw is not the whole cut input", format, cutAfter)
		ok = false
	} else {
		ok = true
	}
	r.Raw = nil
	return r, ok
}

// FuzzPage checks what every one-page reader must hold on any input: no
// panic, exactly one result, a record only with a title and the whole
// input as Raw, an error only as a *RecordError for record 1.
func FuzzPage(f *testing.F, format, seedPrefix string) {
	f.Add(Seed(f, seedPrefix))
	f.Add([]byte{})
	fm, ok := mappings.Lookup(format)
	if !ok {
		f.Fatalf("%s not registered", format)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for rec, err := range fm.Read(bytes.NewReader(data)) {
			n++
			var re *mappings.RecordError
			if err != nil && (!errors.As(err, &re) || re.Record != 1) {
				t.Fatalf("error %v", err)
			}
			if err == nil && (rec.Title == "" || !bytes.Equal(rec.Raw, data)) {
				t.Fatalf("record without title or with partial raw")
			}
		}
		if n != 1 {
			t.Fatalf("%d results for one page", n)
		}
		fm.Sniff(data)
	})
}
