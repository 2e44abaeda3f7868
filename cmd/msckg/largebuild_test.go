package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph"
)

// fixtureDirs hold every real and constructed record the tests build
// together.
var fixtureDirs = []string{"testdata/seeds", "testdata/seeds-variants", "testdata/formats", "testdata/linking", "testdata/arms"}

// TestSortOnDiskGivesSameFiles: a build whose statements outgrow
// --sort-memory and are sorted in runs on disk writes every format byte
// for byte as one sorted in memory.
func TestSortOnDiskGivesSameFiles(t *testing.T) {
	inRepoRoot(t)
	exts := []string{".ttl", ".nq", ".nt", ".jsonld", ".graphml", ".dot"}
	build := func(name string, extra ...string) map[string][]byte {
		dir := t.TempDir()
		args := append([]string{"build", "-q"}, fixtureDirs...)
		for _, ext := range exts {
			args = append(args, "-o", filepath.Join(dir, "out"+ext))
		}
		if code, _, stderr := runCLI(t, "", append(args, extra...)...); code != exitOK && code != exitRejected {
			t.Fatalf("%s: exit %d:\n%s", name, code, stderr)
		}
		out := map[string][]byte{}
		for _, ext := range exts {
			b, err := os.ReadFile(filepath.Join(dir, "out"+ext))
			if err != nil {
				t.Fatal(err)
			}
			out[ext] = b
		}
		return out
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the spool and the sorted runs go
	inMemory := build("memory")
	// A statement takes 200 bytes or more in the sort buffer, so 1 MiB
	// holds at most ~5,000: the fixtures spill at least one run.
	onDisk := build("disk", "--sort-memory", "1")
	if n := bytes.Count(inMemory[".nq"], []byte("\n")); n < (1<<20)/200 {
		t.Fatalf("only %d statements: too few to spill under 1 MiB", n)
	}
	for _, ext := range exts {
		if !bytes.Equal(inMemory[ext], onDisk[ext]) {
			t.Errorf("%s differs when statements are sorted on disk", ext)
		}
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("scratch files left in TMPDIR: %v", entries)
	}
	if code, _, stderr := runCLI(t, "", "build", "testdata/seeds", "--sort-memory", "0"); code != exitUsage {
		t.Errorf("--sort-memory 0: exit %d, want %d:\n%s", code, exitUsage, stderr)
	}
}

// TestSpooledInputsBuildTheSameGraph: records that wait on disk (light
// copies in memory, full ones read back per paper) give exactly the graph,
// summary and identity decisions of records kept whole in memory.
func TestSpooledInputsBuildTheSameGraph(t *testing.T) {
	inRepoRoot(t)
	files, _, err := expand(fixtureDirs)
	if err != nil {
		t.Fatal(err)
	}
	whole := &loader{}
	whole.load(files)
	spool, err := graph.NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer spool.Close()
	light := &loader{spool: spool}
	light.load(files)
	if len(whole.inputs) != len(light.inputs) || len(whole.inputs) < 50 {
		t.Fatalf("%d inputs whole, %d spooled", len(whole.inputs), len(light.inputs))
	}
	a, err := graph.Build(whole.inputs, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := graph.Build(light.inputs, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Summary, b.Summary) || !reflect.DeepEqual(a.Identity, b.Identity) {
		t.Errorf("summary or identity differ:\n%+v\n%+v", a.Summary, b.Summary)
	}
	if len(a.Quads) != len(b.Quads) {
		t.Fatalf("%d statements whole, %d spooled", len(a.Quads), len(b.Quads))
	}
	for i := range a.Quads {
		if a.Quads[i].Serialize(rdf.NQuads) != b.Quads[i].Serialize(rdf.NQuads) {
			t.Fatalf("statement %d differs:\n%s\n%s", i, a.Quads[i].Serialize(rdf.NQuads), b.Quads[i].Serialize(rdf.NQuads))
		}
	}
}
