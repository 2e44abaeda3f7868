// Package formattest holds the checks every format package runs on its
// fixtures: each is read by its own reader when every format competes for
// it, and the format claims no other fixture of the repository. Its tests
// import mappings/formats/all so that detection sees every format.
package formattest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
)

// Root returns the repository root: the nearest folder above the test's
// working directory that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// Result is what reading one input gave.
type Result struct {
	Format   string // detected (or forced) format
	Records  []mappings.Record
	Rejected []*mappings.RecordError
}

// ReadFile detects the format of the file at path (relative to the
// repository root) among every registered format, unless from names one,
// and reads it to the end. An error that ends the input fails the test.
func ReadFile(t testing.TB, path, from string) Result {
	t.Helper()
	f, err := os.Open(filepath.Join(Root(t), filepath.FromSlash(path)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	format, r, err := mappings.Open(f, from)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	res := Result{Format: format.Name}
	for rec, err := range format.Read(r) {
		var re *mappings.RecordError
		switch {
		case errors.As(err, &re):
			res.Rejected = append(res.Rejected, re)
		case err != nil:
			t.Fatalf("%s: reading ended: %v", path, err)
		default:
			res.Records = append(res.Records, rec)
		}
	}
	return res
}

// NotStolen checks that no file in the repository's testdata outside the
// folders own (paths relative to the root, e.g. "testdata/formats/wos") is
// detected as one of formats: a new sniff must not take other formats'
// files.
func NotStolen(t *testing.T, own []string, formats ...string) {
	t.Helper()
	root := Root(t)
	checked := 0
	err := filepath.WalkDir(filepath.Join(root, "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			// The unseen evaluation pages are whatever a site served (some
			// are JATS or other XML): any reader may rightly claim them.
			if slices.Contains(own, rel) || strings.HasPrefix(d.Name(), ".") || rel == "testdata/gold/unseen" {
				return filepath.SkipDir
			}
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		if f, err := mappings.Detect(data[:min(len(data), mappings.SniffSize)]); err == nil && slices.Contains(formats, f.Name) {
			t.Errorf("%s is detected as %s", rel, f.Name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("only %d files under testdata/: the walk is broken", checked)
	}
}
