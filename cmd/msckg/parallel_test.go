package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/msckg/msckg/cmd/gencorpus/corpus"
	"github.com/msckg/msckg/graph"
)

// parallelBuild runs msckg build on files with -j jobs, writing N-Quads,
// Turtle and GraphML, and returns the files' bytes and stderr with the
// output folder's name taken out.
func parallelBuild(t *testing.T, files []string, jobs int, extra ...string) (out map[string][]byte, stderr string, code int) {
	t.Helper()
	dir := t.TempDir()
	exts := []string{".nq", ".ttl", ".graphml"}
	args := []string{"build", "-j", fmt.Sprint(jobs)}
	for _, ext := range exts {
		args = append(args, "-o", filepath.Join(dir, "out"+ext))
	}
	args = append(append(args, extra...), files...)
	code, _, stderr = runCLI(t, "", args...)
	out = map[string][]byte{}
	for _, ext := range exts {
		if b, err := os.ReadFile(filepath.Join(dir, "out"+ext)); err == nil {
			out[ext] = b
		}
	}
	return out, strings.ReplaceAll(stderr, dir, "OUT"), code
}

// shuffled returns files in an order drawn from seed.
func shuffled(files []string, seed uint64) []string {
	s := slices.Clone(files)
	rand.New(rand.NewPCG(seed, seed)).Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	return s
}

// TestParallelBuildsAreByteIdentical: the fixtures and a generated corpus
// (500 papers in PubMed XML, RIS and MEDLINE files, 5% exported twice;
// 100 under the race detector)
// give the same files for any -j and any order of the inputs, and the
// same problems, warnings and summary for any -j.
func TestParallelBuildsAreByteIdentical(t *testing.T) {
	inRepoRoot(t)
	fixtures, _, err := expand(fixtureDirs)
	if err != nil {
		t.Fatal(err)
	}
	// Under the race detector fewer papers still put several records
	// of each file in flight at once.
	papers := 500
	if raceEnabled || testing.Short() {
		papers = 100
	}
	gen := filepath.Join(t.TempDir(), "corpus")
	st, err := corpus.WriteMix(gen, papers, 1, 0.05)
	if err != nil {
		t.Fatal(err)
	}
	generated, _, err := expand([]string{gen})
	if err != nil {
		t.Fatal(err)
	}
	if len(generated) != 3 || st.Articles+st.Duplicates < papers {
		t.Fatalf("generated corpus: %d files, %+v", len(generated), st)
	}
	for _, c := range []struct {
		name  string
		files []string
	}{{"fixtures", fixtures}, {"generated", generated}} {
		t.Run(c.name, func(t *testing.T) {
			want, wantErr, wantCode := parallelBuild(t, c.files, 1)
			if wantCode != exitOK && wantCode != exitRejected {
				t.Fatalf("-j 1: exit %d:\n%s", wantCode, wantErr)
			}
			if len(want) != 3 || len(want[".nq"]) == 0 {
				t.Fatalf("-j 1 wrote %d files", len(want))
			}
			check := func(label string, got map[string][]byte) {
				t.Helper()
				for ext, b := range want {
					if !bytes.Equal(got[ext], b) {
						t.Errorf("%s: %s differs from -j 1's (%d bytes, want %d)", label, ext, len(got[ext]), len(b))
					}
				}
			}
			for _, j := range []int{2, 4, 8} {
				got, stderr, code := parallelBuild(t, c.files, j)
				check(fmt.Sprintf("-j %d", j), got)
				if code != wantCode || stderr != wantErr {
					t.Errorf("-j %d: exit %d and stderr\n%s\nwant exit %d and\n%s", j, code, stderr, wantCode, wantErr)
				}
			}
			for seed, j := range map[uint64]int{1: 1, 2: 4, 3: 8} {
				got, _, _ := parallelBuild(t, shuffled(c.files, seed), j)
				check(fmt.Sprintf("order %d, -j %d", seed, j), got)
			}
		})
	}
}

// TestParallelStrictStopsAtTheSameRecord: --strict under -j names the
// same first bad record as alone and writes nothing.
func TestParallelStrictStopsAtTheSameRecord(t *testing.T) {
	inRepoRoot(t)
	files, _, err := expand(fixtureDirs)
	if err != nil {
		t.Fatal(err)
	}
	want, wantErr, wantCode := parallelBuild(t, files, 1, "--strict")
	if wantCode != exitRejected || len(want) != 0 || !strings.Contains(wantErr, "--strict") {
		t.Fatalf("-j 1 --strict: exit %d, %d files written:\n%s", wantCode, len(want), wantErr)
	}
	for _, j := range []int{2, 8} {
		got, stderr, code := parallelBuild(t, files, j, "--strict")
		if code != wantCode || stderr != wantErr || len(got) != 0 {
			t.Errorf("-j %d --strict: exit %d, %d files, stderr\n%s\nwant\n%s", j, code, len(got), stderr, wantErr)
		}
	}
}

// TestParallelReadsStandardInputOnce: standard input named twice is read
// by the first "-" alone, as without -j: the second finds it empty.
func TestParallelReadsStandardInputOnce(t *testing.T) {
	inRepoRoot(t)
	ris, err := os.ReadFile("testdata/seeds-variants/ris-multi-crlf-bom.ris")
	if err != nil {
		t.Fatal(err)
	}
	var results []string
	for _, j := range []string{"1", "4"} {
		code, stdout, stderr := runCLI(t, string(ris), "build", "-j", j, "-", "testdata/seeds", "-")
		results = append(results, fmt.Sprintf("exit %d\n%s\n%s", code, stderr, stdout))
	}
	if results[0] != results[1] {
		t.Errorf("-j 4 differs from -j 1 on - given twice:\n%s\n---\n%s", results[1], results[0])
	}
	if !strings.Contains(results[0], "-: ") {
		t.Errorf("the second - is not reported as empty:\n%s", results[0])
	}
}

// TestParallelLoaderKeepsOrderAndCounts: the loader's inputs, problems,
// warnings and the progress line's count are the same for any jobs.
func TestParallelLoaderKeepsOrderAndCounts(t *testing.T) {
	inRepoRoot(t)
	files, _, err := expand(fixtureDirs)
	if err != nil {
		t.Fatal(err)
	}
	load := func(jobs int) (string, int) {
		p := &progress{w: &bytes.Buffer{}, now: fakeClock(time.Millisecond), on: true}
		l := &loader{jobs: jobs, progress: p}
		if err := l.load(files); err != nil {
			t.Fatalf("-j %d: %v", jobs, err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%d files\n", l.files)
		for _, in := range l.inputs {
			fmt.Fprintf(&b, "%s %d %q %s\n", in.Path, in.Record.Number, in.Record.Title, factsOf(t, in))
		}
		for _, p := range l.problems {
			fmt.Fprintf(&b, "problem %s\n", p)
		}
		for _, w := range l.warnings {
			fmt.Fprintf(&b, "warning %s\n", w)
		}
		return b.String(), p.records
	}
	want, wantRecords := load(1)
	if wantRecords < 50 {
		t.Fatalf("only %d records counted", wantRecords)
	}
	for _, j := range []int{2, 3, 8} {
		got, records := load(j)
		if got != want {
			t.Errorf("jobs %d: the loader's state differs from one job's", j)
		}
		if records != wantRecords {
			t.Errorf("jobs %d: progress counted %d records, want %d", j, records, wantRecords)
		}
	}
}

// factsOf is what extraction found in an input, as JSON.
func factsOf(t *testing.T, in graph.Input) string {
	b, err := json.Marshal(in.Facts)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
