package formattest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
)

// The helpers below are the ones the tests of the format packages share:
// reading the repository's seeds and fixtures, reading inputs through the
// registry, and comparing records field by field.

// Seed returns the bytes of the seed file (testdata/seeds) whose name
// starts with prefix.
func Seed(t testing.TB, prefix string) []byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(Root(t), "testdata", "seeds", prefix+"_*.txt"))
	if err != nil || len(paths) != 1 {
		t.Fatalf("seed %s: found %v (%v)", prefix, paths, err)
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Fixture returns the bytes of testdata/formats/name.
func Fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Root(t), "testdata", "formats", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Reader is the Read of the format registered under name, with the
// registry's checks; it panics when no format has that name.
func Reader(name string) func(io.Reader) iter.Seq2[mappings.Record, error] {
	f, ok := mappings.Lookup(name)
	if !ok {
		panic("format not registered: " + name)
	}
	return f.Read
}

// ReadAll reads every record of data as format name.
func ReadAll(t testing.TB, name string, data []byte) ([]mappings.Record, []error) {
	t.Helper()
	if _, ok := mappings.Lookup(name); !ok {
		t.Fatalf("format %q not registered", name)
	}
	return Collect(Reader(name), data)
}

// Collect gathers the records and errors of one read, in order.
func Collect(read func(io.Reader) iter.Seq2[mappings.Record, error], data []byte) ([]mappings.Record, []error) {
	var recs []mappings.Record
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

// ReadOneUnchecked reads data as format name without the registry's
// checks (Format.ReadUnchecked), for tests of one field on a minimal
// record; it fails unless exactly one record is read.
func ReadOneUnchecked(t testing.TB, name string, data []byte) mappings.Record {
	t.Helper()
	f, ok := mappings.Lookup(name)
	if !ok {
		t.Fatalf("format %q not registered", name)
	}
	recs, errs := Collect(f.ReadUnchecked, data)
	if len(errs) > 0 || len(recs) != 1 {
		t.Fatalf("got %d records, errors %v", len(recs), errs)
	}
	return recs[0]
}

// JSONOne reads a one-record JSON input as format and fails unless it
// gives exactly one record and no error.
func JSONOne(t testing.TB, format, in string) mappings.Record {
	t.Helper()
	return ReadOneUnchecked(t, format, []byte(in))
}

// IntP returns a pointer to n.
func IntP(n int) *int { return &n }

// Au is an author as a reader should give it.
func Au(asWritten, family, given string, affiliations ...string) mappings.Author {
	return mappings.Author{AsWritten: asWritten, Family: family, Given: given, Affiliations: affiliations}
}

// DiffRecords reports every field of got that differs from want.
func DiffRecords(t testing.TB, got, want mappings.Record) {
	t.Helper()
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := 0; i < gv.NumField(); i++ {
		name := gv.Type().Field(i).Name
		g, w := gv.Field(i).Interface(), wv.Field(i).Interface()
		if name == "Authors" {
			DiffAuthors(t, got.Authors, want.Authors)
			continue
		}
		if !reflect.DeepEqual(NormalizeEmpty(g), NormalizeEmpty(w)) {
			gj, _ := json.Marshal(g)
			wj, _ := json.Marshal(w)
			t.Errorf("%s:\n got %s\nwant %s", name, gj, wj)
		}
	}
}

// DiffAuthors reports every author of got that differs from want; the
// reason for a name order is compared only when want gives one.
func DiffAuthors(t testing.TB, got, want []mappings.Author) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d authors, want %d: %+v", len(got), len(want), got)
		return
	}
	for i := range got {
		g := got[i]
		if want[i].OrderReason == "" {
			g.OrderReason = ""
		}
		if !reflect.DeepEqual(NormalizeEmpty(g), NormalizeEmpty(want[i])) {
			t.Errorf("author %d:\n got %+v\nwant %+v", i+1, got[i], want[i])
		}
	}
}

// SplitsOnly drops the reasons for name order, for tests of a reader's
// fields (the name tests check the reasons).
func SplitsOnly(authors []mappings.Author) []mappings.Author {
	out := slices.Clone(authors)
	for i := range out {
		out[i].OrderReason = ""
	}
	return out
}

// NormalizeEmpty makes nil and empty slices compare equal.
func NormalizeEmpty(v any) any {
	b, _ := json.Marshal(v)
	return strings.ReplaceAll(string(b), "null", "[]")
}

// ETMTitle, ETMAbstract and ETMAuthors are the paper every format's
// fixture of testdata/formats/*etm* describes (PMID 28565834).
const ETMTitle = "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up"

const ETMAbstract = "Four patients with chronic refractory immune thrombocytopenic purpura (ITP) received human umbilical cord-derived mesenchymal stem cells (hUC-MSCs). The hUC-MSC dose was 5×10(7) to 1×10(8). Complete remission (CR) was achieved in three patients in 12 months and one patient in 24 months. Three patients received the second hUC-MSC transplantation with the same dose. The median time between hUC-MSC transplantation and response was 12.5 days (range, 7–16). There were no severe adverse events during and post hUC-MSC transplantation. During follow-up (median, 17 months; range, 13–24) no other immunosuppressive drugs were used post-first hUC-MSCs transplantation. In conclusion, hUC-MSC transplantation is a reasonable salvage treatment in chronic refractory ITP. Prospective randomized large-scale clinical trials are needed to further elucidate the efficacy of hUC-MSCs transplantation therapy on ITP."

// ETMAuthors lists the ETM paper's authors, written family first
// ("Wang, Xiaohua") or given first ("Xiaohua Wang").
func ETMAuthors(familyFirst bool) []mappings.Author {
	var out []mappings.Author
	for _, n := range [][2]string{{"Wang", "Xiaohua"}, {"Yin", "Xiaoguang"}, {"Sun", "Wei"}, {"Bai", "Jin"},
		{"Shen", "Yawen"}, {"Ao", "Qiang"}, {"Gu", "Yongquan"}, {"Liu", "Ying"}} {
		as := n[1] + " " + n[0]
		if familyFirst {
			as = n[0] + ", " + n[1]
		}
		out = append(out, Au(as, n[0], n[1]))
	}
	return out
}

// InOrder yields the records a reading makes, after checking what every
// reader must hold on any input: records and rejections numbered in
// rising order, each starting on a line.
func InOrder(t *testing.T, seq iter.Seq2[mappings.Record, error]) iter.Seq[mappings.Record] {
	return func(yield func(mappings.Record) bool) {
		last := 0
		for rec, err := range seq {
			if err != nil {
				var re *mappings.RecordError
				if errors.As(err, &re) {
					if re.Record <= last || re.Line < 1 {
						t.Fatalf("error %v after record %d", err, last)
					}
					last = re.Record
				}
				continue
			}
			if rec.Number <= last || rec.Line < 1 {
				t.Fatalf("record %d at line %d after record %d", rec.Number, rec.Line, last)
			}
			last = rec.Number
			if !yield(rec) {
				return
			}
		}
	}
}

// FuzzJSON checks what every JSON reader must hold on any input: no
// panic, positions that make sense, and at most one record per byte.
func FuzzJSON(t *testing.T, read func(io.Reader) iter.Seq2[mappings.Record, error], data []byte) {
	n := 0
	for rec, err := range read(bytes.NewReader(data)) {
		n++
		if n > len(data)+1 {
			t.Fatal("more records than bytes")
		}
		if err != nil {
			var re *mappings.RecordError
			if errors.As(err, &re) && (re.Record < 1 || re.Line < 1) {
				t.Fatalf("bad position in %v", err)
			}
			continue
		}
		if rec.Number < 1 || rec.Line < 1 || rec.Line > strings.Count(string(data), "\n")+1 || len(rec.Raw) == 0 {
			t.Fatalf("bad record position %d line %d", rec.Number, rec.Line)
		}
	}
}

// ReadAllPubMed reads every record and error of a PubMed XML input.
func ReadAllPubMed(t testing.TB, data []byte) ([]mappings.Record, []error) {
	t.Helper()
	return ReadAll(t, "pubmed-xml", data)
}
