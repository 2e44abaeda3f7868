package graph

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
)

// TestSpoolKeepsEveryField: every fixture record and its facts come back
// from the spool exactly as they went in (but for the raw bytes, kept as
// their hash), and the light copy still carries what identity needs.
func TestSpoolKeepsEveryField(t *testing.T) {
	sp, err := NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	var files []string
	for _, dir := range []string{"seeds", "seeds-variants", "formats", "linking"} {
		found, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
		files = append(files, found...)
	}
	n, pointers := 0, 0
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		format, r, err := mappings.Open(f, "")
		if err != nil {
			f.Close()
			continue // not a record file (a README) or a deliberately bad one
		}
		for rec, err := range format.Read(r) {
			if err != nil {
				continue
			}
			facts := evidence.Extract(evidence.Input{Title: rec.Title, Abstract: rec.Abstract.Text})
			in := Input{Path: path, Record: rec, Facts: &facts}
			light, err := sp.Put(in)
			if err != nil {
				t.Fatal(err)
			}
			if rec.Trial != nil {
				continue // registrations stay whole
			}
			n++
			if light.Facts != nil || light.Record.Raw != nil || light.sha != sha256Hex(rec.Raw) {
				t.Errorf("%s record %d: light copy keeps facts or bytes, or lost the hash", path, rec.Number)
			}
			// The name-order reason is for inspect, which reads the full record.
			authors := slices.Clone(rec.Authors)
			for i := range authors {
				authors[i].OrderReason = ""
			}
			if light.Record.Title != rec.Title || !reflect.DeepEqual(light.Record.Authors, authors) ||
				!reflect.DeepEqual(light.Record.Journal, rec.Journal) ||
				light.Record.DOI != rec.DOI || !reflect.DeepEqual(light.Record.References, rec.References) {
				t.Errorf("%s record %d: light copy lost an identity field", path, rec.Number)
			}
			gotRec, gotFacts, err := sp.Get(light.stored.id)
			if err != nil {
				t.Fatal(err)
			}
			want := rec
			want.Raw = nil
			if !reflect.DeepEqual(gotRec, want) {
				t.Errorf("%s record %d: record changed in the spool:\n got %+v\nwant %+v", path, rec.Number, gotRec, want)
			}
			if !reflect.DeepEqual(gotFacts, &facts) {
				t.Errorf("%s record %d: facts changed in the spool:\n got %+v\nwant %+v", path, rec.Number, gotFacts, facts)
			}
			for _, o := range facts.Outcomes {
				if o.Patients != nil && *o.Patients == 0 {
					pointers++
				}
			}
			for _, c := range facts.Cohorts {
				if c.Refractory != nil && !*c.Refractory {
					pointers++
				}
			}
		}
		f.Close()
	}
	if n < 40 {
		t.Fatalf("only %d records spooled", n)
	}
	for _, id := range []int{-1, n} {
		if _, _, err := sp.Get(id); err == nil {
			t.Errorf("Get(%d) of a spool holding %d records: no error", id, n)
		}
	}
	t.Logf("%d records; %d pointers to a zero value kept apart from nil", n, pointers)
}
