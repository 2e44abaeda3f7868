package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/rdfcheck"
)

// TestREADMEQueryAnswers runs the first SPARQL query of the README on the
// graph of the bundled samples, so the README's example stays true.
func TestREADMEQueryAnswers(t *testing.T) {
	inRepoRoot(t)
	readme := string(mustRead(t, "README.md"))
	start := strings.Index(readme, "```sparql\n")
	if start < 0 {
		t.Fatal("README has no ```sparql block")
	}
	query := readme[start+len("```sparql\n"):]
	query = query[:strings.Index(query, "```")]
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
