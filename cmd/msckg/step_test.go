package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/msckg/msckg/cmd/gencorpus/corpus"
	"github.com/msckg/msckg/graph/rdfcheck"
)

// stepFormats are the files the step tests compare, by extension: every
// format on the fixtures, the two a store loads on the larger corpus.
var (
	stepFormats      = []string{".nq", ".ttl", ".nt", ".jsonld", ".graphml"}
	stepStoreFormats = []string{".nq", ".ttl"}
)

// outputArgs are -o flags for a file of each format in dir.
func outputArgs(dir string, formats []string) []string {
	var args []string
	for _, ext := range formats {
		args = append(args, "-o", filepath.Join(dir, "g"+ext))
	}
	return args
}

func readOutputs(t *testing.T, dir string, formats []string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, ext := range formats {
		out[ext] = mustRead(t, filepath.Join(dir, "g"+ext))
	}
	return out
}

// buildOutputs runs msckg build on inputs and returns its files by
// extension and its standard error without the "wrote" lines.
func buildOutputs(t *testing.T, formats []string, inputs ...string) (map[string][]byte, string) {
	t.Helper()
	dir := t.TempDir()
	args := append(append([]string{"build"}, outputArgs(dir, formats)...), inputs...)
	code, _, errs := runCLI(t, "", args...)
	if code != exitOK && code != exitRejected {
		t.Fatalf("build: exit %d:\n%s", code, errs)
	}
	return readOutputs(t, dir, formats), withoutWrote(errs)
}

// withoutWrote returns the lines of s but "wrote" lines, sorted: the
// parts are given out of order, so the problems are listed in another.
func withoutWrote(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "msckg: wrote ") {
			keep = append(keep, l)
		}
	}
	slices.Sort(keep)
	return strings.Join(keep, "\n")
}

// stepOutputs runs the steps: one read per file (the parts given to
// identity in reverse order), n emits, and a merge of the shards in
// reverse order.
func stepOutputs(t *testing.T, formats []string, n int, files []string) (map[string][]byte, string) {
	t.Helper()
	dir := t.TempDir()
	var parts []string
	for i, f := range files {
		p := filepath.Join(dir, fmt.Sprintf("%03d.part", i))
		if code, _, errs := runCLI(t, "", "step", "read", "-o", p, f); code != exitOK {
			t.Fatalf("step read %s: exit %d:\n%s", f, code, errs)
		}
		parts = append(parts, p)
	}
	slices.Reverse(parts)
	ids := filepath.Join(dir, "build.id")
	if code, _, errs := runCLI(t, "", append([]string{"step", "identity", "-q", "-o", ids}, parts...)...); code != exitOK {
		t.Fatalf("step identity: exit %d:\n%s", code, errs)
	}
	var shards []string
	for k := range n {
		s := filepath.Join(dir, fmt.Sprintf("%d.shard", k))
		if code, _, errs := runCLI(t, "", "step", "emit", "--shard", fmt.Sprintf("%d/%d", k, n), "-o", s, ids); code != exitOK {
			t.Fatalf("step emit %d/%d: exit %d:\n%s", k, n, code, errs)
		}
		shards = append([]string{s}, shards...)
	}
	args := append(append([]string{"step", "merge"}, outputArgs(dir, formats)...), shards...)
	code, _, errs := runCLI(t, "", args...)
	if code != exitOK && code != exitRejected {
		t.Fatalf("step merge: exit %d:\n%s", code, errs)
	}
	return readOutputs(t, dir, formats), withoutWrote(errs)
}

// filesBelow lists the files msckg build reads below dirs.
func filesBelow(t *testing.T, dirs ...string) []string {
	t.Helper()
	files, _, err := expand(dirs)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameBytes(t *testing.T, what string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			t.Errorf("%s differs from msckg build's at line %d:\n got  %s\n want %s", what, i+1, g[i], w[i])
			return
		}
	}
	t.Errorf("%s: %d lines, msckg build wrote %d", what, len(g), len(w))
}

// TestStepsGiveTheBuildsBytes: every fixture read one file per step and
// emitted in 1, 4 and 7 shards merges into the files (N-Quads, Turtle,
// N-Triples, JSON-LD, GraphML) msckg build writes, byte for byte, with the same summary, problems and
// warnings.
func TestStepsGiveTheBuildsBytes(t *testing.T) {
	inRepoRoot(t)
	dirs := []string{"testdata/seeds", "testdata/formats", "testdata/seeds-variants", "testdata/linking", "testdata/arms"}
	want, stderr := buildOutputs(t, stepFormats, dirs...)
	if !strings.Contains(stderr, "rejected") || !strings.Contains(stderr, "disagreement") {
		t.Fatalf("the fixtures should exercise rejected records and disagreements:\n%s", stderr)
	}
	files := filesBelow(t, dirs...)
	for _, n := range []int{1, 4, 7} {
		got, gotErr := stepOutputs(t, stepFormats, n, files)
		for _, ext := range stepFormats {
			sameBytes(t, fmt.Sprintf("%d shards: %s", n, ext), got[ext], want[ext])
		}
		if gotErr != stderr {
			t.Errorf("%d shards: merge says\n%s\nbuild said\n%s", n, gotErr, stderr)
		}
	}
}

// generatedCorpus writes 400 generated records in 4 files: PubMed XML,
// RIS and MEDLINE with some papers in two of them, and RIS of other papers.
func generatedCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := corpus.WriteMix(dir, 330, 7, 0.1); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "more.ris"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := corpus.Write(f, "ris", 40, 8); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestStepsGiveTheBuildsBytesOnAGeneratedCorpus: the same with 400
// generated records in 4 files and 4 shards.
func TestStepsGiveTheBuildsBytesOnAGeneratedCorpus(t *testing.T) {
	dir := generatedCorpus(t)
	want, stderr := buildOutputs(t, stepStoreFormats, dir)
	if !strings.Contains(stderr, "400 record(s) read") || strings.Contains(stderr, " 0 merged") {
		t.Fatalf("the corpus should have 400 records, some of one paper in two files:\n%s", stderr)
	}
	got, gotErr := stepOutputs(t, stepStoreFormats, 4, filesBelow(t, dir))
	for _, ext := range stepStoreFormats {
		sameBytes(t, ext, got[ext], want[ext])
	}
	if gotErr != stderr {
		t.Errorf("merge says\n%s\nbuild said\n%s", gotErr, stderr)
	}
}

// TestStepErrors: what goes wrong between steps is refused by name.
func TestStepErrors(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	mustRun := func(args ...string) {
		t.Helper()
		if code, _, errs := runCLI(t, "", args...); code != exitOK {
			t.Fatalf("%v: exit %d:\n%s", args, code, errs)
		}
	}
	mustRun("step", "read", "-o", at("a.part"), "testdata/seeds/000_33f487b38e5875d3.txt")
	mustRun("step", "read", "-o", at("b.part"), "testdata/formats/pubmed-multi.xml")
	mustRun("step", "identity", "-q", "-o", at("ab.id"), at("a.part"), at("b.part"))
	mustRun("step", "identity", "-q", "-o", at("a.id"), at("a.part"))
	for k := range 2 {
		mustRun("step", "emit", "--shard", fmt.Sprintf("%d/2", k), "-o", at(fmt.Sprintf("ab%d.shard", k)), at("ab.id"))
	}
	mustRun("step", "emit", "--shard", "0/2", "-o", at("a0.shard"), at("a.id"))
	if err := os.WriteFile(at("cut.part"), mustRead(t, at("a.part"))[:100], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"step", "read", "testdata/seeds"}, exitUsage, "needs --output"},
		{[]string{"step", "read", "-o", at("x.part"), "-"}, exitUsage, "not standard input"},
		{[]string{"step", "identity", "-o", at("x.id"), at("cut.part")}, exitRejected, "cut.part: not a part file"},
		{[]string{"step", "identity", "-o", at("x.id"), at("nothing.part")}, exitUsage, "nothing.part"},
		{[]string{"step", "emit", "--shard", "2/2", "-o", at("x.shard"), at("ab.id")}, exitUsage, "must be below N"},
		{[]string{"step", "emit", "--shard", "one", "-o", at("x.shard"), at("ab.id")}, exitUsage, "give K/N"},
		{[]string{"step", "merge", "-o", at("x.nq"), at("ab0.shard")}, exitRejected, "shards [1] of 2 missing"},
		{[]string{"step", "merge", "-o", at("x.nq"), at("ab0.shard"), at("ab0.shard")}, exitRejected, "given twice"},
		{[]string{"step", "merge", "-o", at("x.nq"), at("ab1.shard"), at("a0.shard")}, exitRejected, "another build"},
		{[]string{"step", "merge", "-o", at("x.nq"), at("a.part")}, exitRejected, "not a shard file"},
	} {
		code, _, errs := runCLI(t, "", c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, want %d with %q:\n%s", c.args, code, c.code, c.want, errs)
		}
	}
	if _, err := os.Stat(at("x.nq")); err == nil {
		t.Error("a refused merge wrote its output")
	}
	// A part that changed after the identity step is refused by emit.
	mustRun("step", "read", "-o", at("a.part"), "testdata/seeds/001_a0a790d5c9b31914.txt")
	code, _, errs := runCLI(t, "", "step", "emit", "--shard", "0/2", "-o", at("x.shard"), at("a.id"))
	if code != exitRejected || !(strings.Contains(errs, "changed after the identity step") || strings.Contains(errs, "identity differs")) {
		t.Errorf("emit over a changed part: exit %d:\n%s", code, errs)
	}
}

// TestSnakemakeRecipe runs cmd/msckg/Snakefile with local executors on the
// generated corpus and checks its graph against msckg build's. Without
// snakemake it skips, or fails under $MSCKG_REQUIRE_CHECKERS=1.
func TestSnakemakeRecipe(t *testing.T) {
	snakemake, err := exec.LookPath("snakemake")
	if err != nil {
		msg := "snakemake not installed (apt-get install snakemake)"
		if os.Getenv(rdfcheck.EnvRequire) == "1" {
			t.Fatalf("%s ($%s=1)", msg, rdfcheck.EnvRequire)
		}
		t.Skip(msg)
	}
	snakefile, err := filepath.Abs("Snakefile")
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	bin := filepath.Join(work, "msckg")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := generatedCorpus(t)
	if err := os.Rename(src, filepath.Join(work, "inputs")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	want, _ := buildOutputs(t, stepStoreFormats, "inputs")
	cmd := exec.Command(snakemake, "-s", snakefile, "--cores", "2", "--quiet",
		"--config", "input=inputs", "shards=4", "msckg="+bin)
	cmd.Env = append(os.Environ(), "HOME="+work) // snakemake keeps a cache under HOME
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("snakemake: %v\n%s", err, out)
	}
	sameBytes(t, "Snakemake's N-Quads", mustRead(t, "graph.nq"), want[".nq"])
	sameBytes(t, "Snakemake's Turtle", mustRead(t, "graph.ttl"), want[".ttl"])
	shards, _ := filepath.Glob("shards/*.shard")
	parts, _ := filepath.Glob("parts/*.part")
	if len(shards) != 4 || len(parts) != 4 {
		t.Errorf("snakemake ran %d read and %d emit steps, want 4 and 4", len(parts), len(shards))
	}
}
