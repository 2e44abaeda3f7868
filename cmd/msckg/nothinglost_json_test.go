package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// jsonFixture is a JSON format's real fixture and where its records are.
type jsonFixture struct {
	file string
	keys []string // the wrapper keys leading to the array of records
}

var jsonFixtures = map[string]jsonFixture{
	"csl-json":      {file: "testdata/formats/csl-multi.json"},
	"crossref-json": {file: "testdata/formats/crossref-worklist.json", keys: []string{"message", "items"}},
	"ctgov-json":    {file: "testdata/formats/ctgov-studies.json", keys: []string{"studies"}},
	"openalex-json": {file: "testdata/formats/openalex-results.json", keys: []string{"results"}},
	"s2-api-json":   {file: "testdata/formats/s2-batch.json"}, // its second record is null
}

// elements returns the fixture's records as compact JSON texts.
func (f jsonFixture) elements(t *testing.T) [][]byte {
	t.Helper()
	var v any = json.RawMessage(mustRead(t, f.file))
	for _, k := range append(f.keys, "") {
		raw, _ := v.(json.RawMessage)
		if k == "" {
			var list []json.RawMessage
			if err := json.Unmarshal(raw, &list); err != nil {
				t.Fatalf("%s: %v", f.file, err)
			}
			var out [][]byte
			for _, e := range list {
				var b bytes.Buffer
				if err := json.Compact(&b, e); err != nil {
					t.Fatal(err)
				}
				out = append(out, b.Bytes())
			}
			return out
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			t.Fatalf("%s: %v", f.file, err)
		}
		v = obj[k]
	}
	return nil
}

// The ways a record is broken: each leaves a syntax error inside it.
var (
	firstComma = regexp.MustCompile(`,(\s*")`)
	firstKey   = regexp.MustCompile(`^(\s*\{\s*"[^"]*)"`)
)

func missingComma(e []byte) []byte {
	loc := firstComma.FindIndex(e)
	return append(append(bytes.Clone(e[:loc[0]]), ' '), e[loc[0]+1:]...)
}

func missingQuote(e []byte) []byte { return firstKey.ReplaceAll(e, []byte("$1")) }

// notObject replaces a record with a value that is not one.
func notObject([]byte) []byte { return []byte("42") }

func cutShort(e []byte) []byte { return bytes.Clone(e[:len(e)/2]) }

// tooDeep nests a value past encoding/json's depth limit (10000).
func tooDeep(e []byte) []byte {
	return append([]byte(`{"deep":`+strings.Repeat("[", 12000)+strings.Repeat("]", 12000)+","), e[1:]...)
}

// TestNothingLostBrokenJSON proves issue 11's "a JSON syntax error costs
// the records it breaks, and the reader resynchronises" through the
// whole build, for every JSON format: arrays of records (bare and in
// their wrapper, pretty-printed, one record per line, all on one line)
// with a broken record in the middle, and JSON Lines files with several
// broken lines. The later records are built, N = built + merged +
// rejected, and each broken record is rejected naming file, record and
// the line it starts on.
func TestNothingLostBrokenJSON(t *testing.T) {
	inRepoRoot(t)
	compact := func(e []byte) []byte { return e }
	pretty := func(e []byte) []byte {
		var b bytes.Buffer
		json.Indent(&b, e, "  ", "  ") //nolint:errcheck // compact JSON we made
		return append([]byte("  "), b.Bytes()...)
	}
	for _, format := range sortedKeys(jsonFixtures) {
		fx := jsonFixtures[format]
		for _, c := range []struct {
			name   string
			lines  bool
			sep    string
			shape  func([]byte) []byte
			breaks []func([]byte) []byte // applied to copies inserted after the first record
		}{
			{"array pretty - missing comma", false, ",\n", pretty, []func([]byte) []byte{missingComma}},
			{"array pretty - missing quote", false, ",\n", pretty, []func([]byte) []byte{missingQuote}},
			{"array one a line - missing quote", false, ",\n", compact, []func([]byte) []byte{missingQuote}},
			{"array one a line - cut short", false, ",\n", compact, []func([]byte) []byte{cutShort}},
			{"array one a line - too deep", false, ",\n", compact, []func([]byte) []byte{tooDeep}},
			{"array on one line - missing comma", false, ", ", compact, []func([]byte) []byte{missingComma}},
			{"JSON Lines", true, "\n", compact, []func([]byte) []byte{missingComma, notObject, missingQuote, notObject, tooDeep, cutShort}},
		} {
			t.Run(format+"/"+c.name, func(t *testing.T) {
				elems := fx.elements(t)
				var recs [][]byte
				var broken []int // indexes in recs
				recs = append(recs, c.shape(elems[0]))
				for i, br := range c.breaks {
					recs = append(recs, br(c.shape(elems[0])))
					broken = append(broken, len(recs)-1)
					if c.lines && i < len(elems)-1 {
						recs = append(recs, c.shape(elems[i+1])) // another line between bad ones
					}
				}
				for _, e := range elems[1:] {
					recs = append(recs, c.shape(e))
				}
				var b bytes.Buffer
				if !c.lines {
					for _, k := range fx.keys {
						fmt.Fprintf(&b, "{%q: ", k)
					}
					b.WriteString("[\n")
				}
				brokenLines := map[int]bool{}
				for i, r := range recs {
					if i > 0 {
						b.WriteString(c.sep)
					}
					for _, j := range broken {
						if j == i {
							brokenLines[1+bytes.Count(b.Bytes(), []byte("\n"))] = true
						}
					}
					b.Write(r)
				}
				if !c.lines {
					b.WriteString("\n]" + strings.Repeat("}", len(fx.keys)))
				}
				b.WriteString("\n")
				dir := t.TempDir()
				name := "a" + filepath.Ext(fx.file)
				if c.lines {
					name = "a.jsonl"
				}
				if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				n := len(recs)
				s, problems := buildCounted(t, format, dir)
				if s.read != n || s.sum() != n {
					t.Errorf("%d records in the file; the summary reads %d: %d papers + %d trials + %d merged + %d rejected = %d\n%s",
						n, s.read, s.papers, s.trials, s.merged, s.rejected, s.sum(), s.stderr)
				}
				want := len(broken) // and every null, a record that is no object
				for _, r := range recs {
					if string(bytes.TrimSpace(r)) == "null" {
						want++
					}
				}
				if s.rejected != want {
					t.Errorf("%d rejected, want %d:\n%s", s.rejected, want, s.stderr)
				}
				for _, p := range problems {
					delete(brokenLines, p.line)
				}
				if len(brokenLines) > 0 {
					t.Errorf("no rejection names the broken record at line(s) %v:\n%s", sortedKeys(brokenLines), s.stderr)
				}
			})
		}
	}
}
