package export

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/msckg/msckg/graph/rdfcheck"
)

// write runs one of the writers into a buffer.
func write(t testing.TB, name string, quads []rdf.Quad) []byte {
	t.Helper()
	f, ok := ByName(name)
	if !ok {
		t.Fatalf("no format %q", name)
	}
	var buf bytes.Buffer
	if err := f.WriteQuads(&buf, quads, Options{Prefixes: testPrefixes}); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return buf.Bytes()
}

// TestRoundTrip writes the tricky dataset in every format, reads it back
// with both libraries' parsers and compares term by term.
func TestRoundTrip(t *testing.T) {
	in := trickyDataset(t)
	wantQuads, wantUnion := keys(t, in, false), keys(t, in, true)
	cases := []struct {
		format string
		union  bool
		read   func(testing.TB, []byte) []rdf.Quad
		reader string
	}{
		{"nquads", false, func(t testing.TB, b []byte) []rdf.Quad { return decodeKnakk(t, b, rdf.NQuads) }, "knakk"},
		{"nquads", false, decodeCayley, "cayley raw"},
		{"ntriples", true, func(t testing.TB, b []byte) []rdf.Quad { return decodeKnakk(t, b, rdf.NTriples) }, "knakk"},
		{"ntriples", true, decodeCayley, "cayley raw"},
		{"turtle", true, func(t testing.TB, b []byte) []rdf.Quad { return decodeKnakk(t, b, rdf.Turtle) }, "knakk"},
	}
	for _, c := range cases {
		t.Run(c.format+"/"+c.reader, func(t *testing.T) {
			out := write(t, c.format, in)
			got := keys(t, c.read(t, out), false)
			want := wantQuads
			if c.union {
				want = wantUnion
			}
			if !slices.Equal(got, want) {
				for _, k := range want {
					if _, found := slices.BinarySearch(got, k); !found {
						t.Errorf("lost: %s", k)
					}
				}
				for _, k := range got {
					if _, found := slices.BinarySearch(want, k); !found {
						t.Errorf("gained: %s", k)
					}
				}
			}
		})
	}
}

// TestCheckers hands the files to Jena riot (strict) and rapper.
func TestCheckers(t *testing.T) {
	dir := t.TempDir()
	in := trickyDataset(t)
	files := map[string]string{"nquads": "d.nq", "ntriples": "d.nt", "turtle": "d.ttl"}
	var paths []string
	for _, name := range []string{"nquads", "ntriples", "turtle"} {
		p := filepath.Join(dir, files[name])
		if err := os.WriteFile(p, write(t, name, in), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	rdfcheck.Riot(t, paths...)
	rdfcheck.Rapper(t, paths[0], "nquads")
	rdfcheck.Rapper(t, paths[1], "ntriples")
	rdfcheck.Rapper(t, paths[2], "turtle")
}

// TestDeterministic: any order of the same quads, with or without
// duplicates, gives the same bytes; the caller's slice is not touched.
func TestDeterministic(t *testing.T) {
	in := trickyDataset(t)
	for _, name := range []string{"nquads", "ntriples", "turtle"} {
		want := write(t, name, in)
		rng := rand.New(rand.NewPCG(1, uint64(len(name))))
		for i := range 20 {
			shuffled := slices.Clone(in)
			if i%2 == 1 {
				shuffled = append(shuffled, in[rng.IntN(len(in))], in[rng.IntN(len(in))])
			}
			rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
			before := slices.Clone(shuffled)
			got := write(t, name, shuffled)
			if !bytes.Equal(got, want) {
				t.Fatalf("%s: shuffle %d changed the output", name, i)
			}
			if !slices.EqualFunc(before, shuffled, func(a, b rdf.Quad) bool { return a == b }) {
				t.Fatalf("%s: the writer reordered the caller's slice", name)
			}
		}
	}
}

// TestUnionAndSorting checks the line formats: one line per distinct statement,
// graph names only in N-Quads.
func TestUnionAndSorting(t *testing.T) {
	in := trickyDataset(t)
	for _, c := range []struct {
		format string
		graphs bool
	}{{"nquads", true}, {"ntriples", false}} {
		lines := strings.SplitAfter(string(write(t, c.format, in)), "\n")
		lines = lines[:len(lines)-1] // after the last newline
		if got, want := len(lines), len(keys(t, in, !c.graphs)); got != want {
			t.Errorf("%s: %d lines for %d distinct statements", c.format, got, want)
		}
		withGraph := strings.Count(string(write(t, c.format, in)), "> <"+base+"source/")
		if c.graphs != (withGraph > 0) {
			t.Errorf("%s: %d lines name a source graph", c.format, withGraph)
		}
	}
}
