package main

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/rdfcheck"
)

// readmeMarker marks a fenced block of the README that a test uses:
// "file NAME" (saved as NAME) or "run NAME" (run with sh). The comment
// sits on the line before the fence and does not show on GitHub.
var readmeMarker = regexp.MustCompile("(?m)^<!-- readme-test: (file|run) (\\S+) -->\n```[a-z]*\n")

// readmeBlocks returns the README's marked blocks by "file NAME" or
// "run NAME".
func readmeBlocks(t *testing.T) map[string]string {
	t.Helper()
	readme := string(mustRead(t, "README.md"))
	blocks := map[string]string{}
	for _, m := range readmeMarker.FindAllStringSubmatchIndex(readme, -1) {
		body := readme[m[1]:]
		end := strings.Index(body, "```")
		if end < 0 {
			t.Fatalf("README: the block marked %q has no closing fence", readme[m[0]:m[1]])
		}
		key := readme[m[2]:m[3]] + " " + readme[m[4]:m[5]]
		if _, dup := blocks[key]; dup {
			t.Fatalf("README: two blocks are marked %q", key)
		}
		blocks[key] = body[:end]
	}
	return blocks
}

func readmeBlock(t *testing.T, blocks map[string]string, key string) string {
	t.Helper()
	b, ok := blocks[key]
	if !ok {
		t.Fatalf("README has no block marked <!-- readme-test: %s -->", key)
	}
	return b
}

// TestREADMEQueryAnswers runs the README's first query (first.rq) on the
// Turtle graph of the bundled samples, which holds the union of all graphs,
// so the README's example stays true.
func TestREADMEQueryAnswers(t *testing.T) {
	inRepoRoot(t)
	query := readmeBlock(t, readmeBlocks(t), "file first.rq")
	dir := t.TempDir()
	qf, ttl := filepath.Join(dir, "first.rq"), filepath.Join(dir, "seeds.ttl")
	if err := os.WriteFile(qf, []byte(query), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "build", "testdata/seeds", "-o", ttl); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	rows := rdfcheck.SPARQL(t, []string{ttl}, qf)
	found := false
	for _, r := range rows {
		if strings.HasPrefix(r["title"], "Intravenous infusion umbilical cord") && r["size"] == "4" &&
			strings.HasSuffix(r["agent"], "#UmbilicalCordMSC") && r["min"] == "50000000.0" && r["max"] == "100000000.0" {
			found = true
		}
	}
	if !found {
		t.Errorf("README query does not give the Exp Ther Med cohort (4 patients, UC-MSC, 5×10⁷–1×10⁸ cells); rows:\n%v", rows)
	}
}

// TestREADMETripleStores runs the README's triple-store commands exactly as
// written, in a folder laid out as the repository after the quick start
// (seeds.nq, the section's queries, .ci), and checks that each engine
// gives the right, non-empty answers, the same rows on both.
func TestREADMETripleStores(t *testing.T) {
	inRepoRoot(t)
	blocks := readmeBlocks(t)
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if code, _, stderr := runCLI(t, "", "build", "testdata/seeds", "-o", filepath.Join(dir, "seeds.ttl"), "-o", filepath.Join(dir, "seeds.nq")); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"first.rq", "which.rq"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(readmeBlock(t, blocks, "file "+name)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The Oxigraph command names the repository's .ci/oxigraph-query.mjs.
	if err := os.Symlink(filepath.Join(root, ".ci"), filepath.Join(dir, ".ci")); err != nil {
		t.Fatal(err)
	}

	engines := []struct {
		block string
		tools func(t *testing.T) []string // what must be on PATH
	}{
		{"run jena-tdb2", func(t *testing.T) []string {
			return []string{rdfcheck.Tool(t, "tdb2.tdbloader"), rdfcheck.Tool(t, "tdb2.tdbquery")}
		}},
		{"run oxigraph", func(t *testing.T) []string { return []string{nodeWithOxigraph(t)} }},
	}
	answers := map[string][]string{}
	for _, e := range engines {
		script := readmeBlock(t, blocks, e.block)
		t.Run(strings.TrimPrefix(e.block, "run "), func(t *testing.T) {
			path := os.Getenv("PATH")
			for _, tool := range e.tools(t) {
				path = filepath.Dir(tool) + string(os.PathListSeparator) + path
			}
			cmd := exec.Command("sh", "-e", "-c", script)
			cmd.Dir, cmd.Env = dir, append(os.Environ(), "PATH="+path)
			var out, errb strings.Builder
			cmd.Stdout, cmd.Stderr = &out, &errb
			if err := cmd.Run(); err != nil || strings.Contains(errb.String(), "WARN") || strings.Contains(errb.String(), "ERROR") {
				t.Fatalf("sh -e -c %q: %v\nstdout:\n%s\nstderr:\n%s", script, err, out.String(), errb.String())
			}
			rows := answerRows(out.String())
			if len(rows) == 0 {
				t.Fatalf("no rows:\n%s", out.String())
			}
			for _, want := range []struct {
				what  string
				cells []string
			}{
				{"first.rq: the Exp Ther Med cohort of 4 patients, UC-MSC, 5×10⁷ to 1×10⁸ cells", []string{
					"^Intravenous infusion umbilical cord-derived mesenchymal stem cell", "4",
					"#UmbilicalCordMSC$", "50000000", "100000000", "^https://w3id.org/msckg/id/source/"}},
				{"which.rq: that size, said by the RIS record testdata/seeds/004_d423df0f134d7e60.txt", []string{
					"/doi/10.3892/etm.2017.4229/cohort/1$", "4", "ris", "testdata/seeds/004_d423df0f134d7e60.txt"}},
			} {
				if !slices.ContainsFunc(rows, func(r []string) bool { return hasCells(r, want.cells) }) {
					t.Errorf("no row gives %s; rows:\n%s", want.what, out.String())
				}
			}
			answers[e.block] = joinRows(rows)
		})
	}
	if tdb, ox := answers["run jena-tdb2"], answers["run oxigraph"]; tdb != nil && ox != nil && !slices.Equal(tdb, ox) {
		t.Errorf("Jena TDB2 and Oxigraph answer differently\n--- TDB2\n%s\n--- Oxigraph\n%s", strings.Join(tdb, "\n"), strings.Join(ox, "\n"))
	}
}

// answerRows reads the answer rows from what the README's commands print:
// Jena's text tables (| a | b |) and Oxigraph's CSV, one query after the
// other. A row is an answer if one of its cells is an msckg node (every
// answer of the section's queries has one); header and border lines are
// not. Cells are normalised so both engines' forms compare equal: no
// quotes or angle brackets, mkg: expanded, numbers in one form.
func answerRows(out string) [][]string {
	var rows [][]string
	for line := range strings.Lines(out) {
		line = strings.TrimRight(line, "\r\n")
		var cells []string
		if strings.HasPrefix(line, "|") {
			cells = strings.Split(strings.Trim(line, "|"), "|")
		} else {
			rec, err := csv.NewReader(strings.NewReader(line)).Read()
			if err != nil {
				continue
			}
			cells = rec
		}
		node := false
		for i, c := range cells {
			cells[i] = normaliseCell(c)
			node = node || strings.HasPrefix(cells[i], "https://w3id.org/msckg/id/")
		}
		if node {
			rows = append(rows, cells)
		}
	}
	return rows
}

func normaliseCell(c string) string {
	c = strings.TrimSpace(c)
	switch {
	case len(c) >= 2 && c[0] == '"' && c[len(c)-1] == '"':
		return c[1 : len(c)-1]
	case len(c) >= 2 && c[0] == '<' && c[len(c)-1] == '>':
		return c[1 : len(c)-1]
	case strings.HasPrefix(c, "mkg:"):
		return "https://w3id.org/msckg/ontology#" + c[len("mkg:"):]
	}
	if f, err := strconv.ParseFloat(c, 64); err == nil {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return c
}

// hasCells reports whether every pattern matches a cell of row: a pattern
// with ^ or $ is a regular expression, any other is the whole cell, a
// number compared as a number.
func hasCells(row, patterns []string) bool {
	for _, p := range patterns {
		if !slices.ContainsFunc(row, func(c string) bool {
			if strings.ContainsAny(p, "^$") {
				return regexp.MustCompile(p).MatchString(c)
			}
			return c == normaliseCell(p)
		}) {
			return false
		}
	}
	return true
}

func joinRows(rows [][]string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = strings.Join(r, " | ")
	}
	slices.Sort(out)
	return out
}
