package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/rdfcheck"
	o "github.com/msckg/msckg/ontology"
)

// samples are the records the README's pictures and counts are made of:
// the five seeds and the two-arm trial.
var samples = []string{"testdata/seeds", "testdata/arms/ris-mazzucconi2024-blood-adv.ris"}

// TestNeo4jOnSamples writes the samples' graph for Neo4j, checks the
// CSV files against Neo4j's header grammar, and compares the number of
// papers, authors and links in them, and in Kùzu after loading both the
// CSV files (COPY FROM) and load.cypher, with the RDF graph of the same
// build. The same inputs in the other order give the same bytes.
//
// The build and the Kùzu load are the README's two commands, and the
// script must print what the README shows.
func TestNeo4jOnSamples(t *testing.T) {
	inRepoRoot(t)
	blocks := readmeBlocks(t)
	lines := strings.Split(strings.TrimSpace(readmeBlock(t, blocks, "run kuzu")), "\n")
	if len(lines) != 2 {
		t.Fatalf("the README's kuzu block is not two lines: %q", lines)
	}
	build, check := strings.Fields(lines[0]), strings.Fields(lines[1])
	if len(build) < 4 || build[0] != "msckg" || build[1] != "build" || build[len(build)-2] != "--neo4j" ||
		!slices.Equal(build[2:len(build)-2], samples) ||
		len(check) != 3 || check[0] != "node" || check[1] != ".ci/kuzu-check.mjs" || check[2] != build[len(build)-1] {
		t.Fatalf("the README's kuzu block is not 'msckg build SAMPLES --neo4j DIR' then 'node .ci/kuzu-check.mjs DIR': %q", lines)
	}
	dir := t.TempDir()
	nq, neo := filepath.Join(dir, "s.nq"), filepath.Join(dir, build[len(build)-1])
	args := append(slices.Clone(build[1:len(build)-1]), neo, "-q", "-o", nq)
	if code, _, stderr := runCLI(t, "", args...); code != 0 {
		t.Fatalf("%v: exit %d\n%s", args, code, stderr)
	}
	want := rdfCounts(t, nq)
	got := rdfcheck.Neo4jCSV(t, neo)
	have := map[string]int{"Paper": got.Nodes["Paper"], "Author": got.Nodes["Author"],
		"creator": got.Rels["creator"], "coAuthorWith": got.Rels["coAuthorWith"]}
	if !maps.Equal(have, want) {
		t.Errorf("CSV files hold %v, the RDF graph %v", have, want)
	}
	if want["Paper"] != 5 || want["creator"] == 0 || want["coAuthorWith"] == 0 {
		t.Errorf("RDF counts %v: want 5 papers with authors and co-authors", want)
	}

	reversed := filepath.Join(dir, "reversed")
	args = []string{"build", "-q", "--neo4j", reversed, samples[1], samples[0]}
	if code, _, stderr := runCLI(t, "", args...); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	sameFolders(t, neo, reversed)

	k, out := kuzuLoad(t, neo)
	var printed, shown any
	if err := json.Unmarshal(out, &printed); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(readmeBlock(t, blocks, "file kuzu-output")), &shown); err != nil {
		t.Fatalf("the README's kuzu output: %v", err)
	}
	if !reflect.DeepEqual(printed, shown) {
		t.Errorf("%s prints\n%s\nthe README shows\n%s", lines[1], out, readmeBlock(t, blocks, "file kuzu-output"))
	}
	for _, load := range []struct {
		name   string
		counts kuzuCounts
	}{{"COPY FROM the CSV files", k.CSV}, {"load.cypher", k.Cypher}} {
		if !maps.Equal(load.counts.Nodes, got.Nodes) || !maps.Equal(load.counts.Rels, got.Rels) {
			t.Errorf("Kùzu after %s holds %v %v; the CSV files %v %v", load.name,
				load.counts.Nodes, load.counts.Rels, got.Nodes, got.Rels)
		}
	}
	for _, d := range k.Differences {
		t.Errorf("Kùzu: the two loads differ: %s", d)
	}
}

// rdfCounts counts in N-Quads the papers, the authors, the distinct
// paper–person pairs of an authorship (the creator links) and the
// distinct unordered pairs of co-authors.
func rdfCounts(t *testing.T, nq string) map[string]int {
	t.Helper()
	v := view(readQuads(t, nq))
	heldBy := map[string][]string{}
	for _, q := range v {
		if q.Pred.String() == o.PROIsHeldBy {
			heldBy[q.Subj.String()] = append(heldBy[q.Subj.String()], q.Obj.String())
		}
	}
	creators, coauthors := map[[2]string]bool{}, map[[2]string]bool{}
	for _, q := range v {
		s, obj := q.Subj.String(), q.Obj.String()
		switch q.Pred.String() {
		case o.AuthorshipProp:
			for _, person := range heldBy[obj] {
				creators[[2]string{s, person}] = true
			}
		case o.CoAuthorWith:
			if obj < s {
				s, obj = obj, s
			}
			coauthors[[2]string{s, obj}] = true
		}
	}
	return map[string]int{"Paper": len(v.subjects(o.Paper)), "Author": len(v.subjects(o.Author)),
		"creator": len(creators), "coAuthorWith": len(coauthors)}
}

// sameFolders fails unless a and b hold the same files, byte for byte.
func sameFolders(t *testing.T, a, b string) {
	t.Helper()
	names := func(dir string) []string {
		es, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var n []string
		for _, e := range es {
			n = append(n, e.Name())
		}
		return n
	}
	na, nb := names(a), names(b)
	if strings.Join(na, " ") != strings.Join(nb, " ") {
		t.Fatalf("%s holds %v, %s %v", a, na, b, nb)
	}
	for _, n := range na {
		if !bytes.Equal(mustRead(t, filepath.Join(a, n)), mustRead(t, filepath.Join(b, n))) {
			t.Errorf("%s differs when the inputs come in another order", n)
		}
	}
}

type kuzuCounts struct{ Nodes, Rels map[string]int }

type kuzuResult struct {
	CSV, Cypher kuzuCounts
	Statements  int
	Differences []string
}

// kuzuLoad loads a Neo4j folder into Kùzu with .ci/kuzu-check.mjs.
// It returns what the script read and what it printed.
func kuzuLoad(t *testing.T, dir string) (kuzuResult, []byte) {
	t.Helper()
	node := nodeWithPackages(t, "kuzu")
	var out, errb bytes.Buffer
	cmd := exec.Command(node, ".ci/kuzu-check.mjs", dir)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil || errb.Len() > 0 {
		t.Fatalf("kuzu-check: %v\n%s", err, errb.String())
	}
	var r kuzuResult
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("kuzu-check output: %v\n%s", err, out.String())
	}
	if r.Statements == 0 {
		t.Errorf("kuzu-check ran no statement of load.cypher")
	}
	return r, out.Bytes()
}

// TestNeo4jFolderReplacedSafely: a second build replaces the folder it
// wrote; a folder holding anything else, or a file, is refused and left
// as it was.
func TestNeo4jFolderReplacedSafely(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	neo := filepath.Join(dir, "neo4j")
	build := func(target string, inputs ...string) (int, string) {
		code, _, stderr := runCLI(t, "", append([]string{"build", "-q", "--view", "papers", "--neo4j", target}, inputs...)...)
		return code, stderr
	}
	if code, stderr := build(neo, samples...); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if code, stderr := build(neo, "testdata/seeds"); code != 0 {
		t.Fatalf("second build into the same folder: exit %d\n%s", code, stderr)
	}
	if got := rdfcheck.Neo4jCSV(t, neo).Nodes["Paper"]; got != 4 {
		t.Errorf("after the second build %d papers, want the seeds' 4", got)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left: %v", leftovers)
	}

	notes := filepath.Join(neo, "notes.txt")
	if err := os.WriteFile(notes, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := mustRead(t, filepath.Join(neo, "nodes-Paper.csv"))
	code, stderr := build(neo, samples...)
	if code != 1 || !strings.Contains(stderr, "notes.txt") {
		t.Errorf("build into a folder with a file of the user's: exit %d, %q; want 1 and the file named", code, stderr)
	}
	if !bytes.Equal(mustRead(t, notes), []byte("mine")) || !bytes.Equal(mustRead(t, filepath.Join(neo, "nodes-Paper.csv")), before) {
		t.Errorf("the refused folder was changed")
	}

	file := filepath.Join(dir, "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stderr := build(file, samples...); code != 1 || !strings.Contains(stderr, "not a folder") {
		t.Errorf("--neo4j onto a file: exit %d, %q", code, stderr)
	}
	ttl := filepath.Join(dir, "g.ttl")
	if code, _, stderr := runCLI(t, "", "build", "-o", ttl, "--neo4j", ttl+"/", "testdata/seeds"); code != 2 {
		t.Errorf("--neo4j naming an -o file: exit %d, %q; want 2", code, stderr)
	}
}

// readmePicture is the README's drawing of the samples' papers view.
const readmePicture = "testdata/golden/samples-papers.svg"

// TestREADMEPicture checks that the committed picture was drawn from the
// DOT the current code writes for the samples' papers view: the SVG
// names the SHA-256 of that DOT. go test ./cmd/msckg -run
// TestREADMEPicture -update draws it again with Graphviz.
func TestREADMEPicture(t *testing.T) {
	inRepoRoot(t)
	dot := filepath.Join(t.TempDir(), "papers.dot")
	args := append([]string{"build", "-q", "--view", "papers", "-o", dot}, samples...)
	if code, _, stderr := runCLI(t, "", args...); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	sum := sha256.Sum256(mustRead(t, dot))
	stamp := fmt.Sprintf("<!-- msckg: drawn by dot -Tsvg from msckg build --view papers %s -o papers.dot (sha256 %x) -->",
		strings.Join(samples, " "), sum)
	if *update {
		svg := string(rdfcheck.DotSVG(t, dot))
		decl, rest, ok := strings.Cut(svg, "\n")
		if !ok || !strings.HasPrefix(decl, "<?xml") {
			t.Fatalf("dot -Tsvg gave no XML declaration: %.100s", svg)
		}
		if err := os.WriteFile(readmePicture, []byte(decl+"\n"+stamp+"\n"+rest), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	svg := string(mustRead(t, readmePicture))
	if !strings.Contains(svg, stamp) {
		t.Errorf("%s was not drawn from the current DOT of the samples' papers view; "+
			"go test ./cmd/msckg -run TestREADMEPicture -update draws it again (review it)", readmePicture)
	}
	if n := strings.Count(svg, `xlink:title="https://w3id.org/msckg/id/paper/`); n != 5 {
		t.Errorf("%s draws %d papers, want the samples' 5", readmePicture, n)
	}
	if !strings.Contains(string(mustRead(t, "README.md")), "]("+readmePicture+")") {
		t.Errorf("README.md does not show %s", readmePicture)
	}
}
