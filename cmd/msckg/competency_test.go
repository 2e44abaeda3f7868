package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/rdfcheck"
)

// competencyInputs is the corpus the competency questions are answered
// on: the bundled samples, the two-arm trials, the linking corpus, and
// the format fixtures whose records restate the samples' papers (so that
// sources disagree and a question about disagreement has an answer).
// Web page fixtures are left out: their reader's rules change often and
// each change would move every expected answer.
var competencyInputs = []string{
	"testdata/seeds",
	"testdata/arms",
	"testdata/linking",
	"testdata/formats/bibtex-multi.bib",
	"testdata/formats/pubmed-multi.xml",
	"testdata/formats/medline-multi.nbib",
	"testdata/formats/csl-multi.json",
	"testdata/formats/crossref-worklist.json",
	"testdata/formats/ctgov-studies.json",
	"testdata/formats/openalex-results.json",
}

// minCompetencyQueries is how many questions users asked for at least
// (bibliographic and clinical; see ontology/queries/README.md).
const minCompetencyQueries = 15

// TestCompetencyQueries runs every ontology/queries/*.rq on the
// competency corpus with two independent SPARQL engines over the same
// N-Quads file, each with the union of the named graphs as its default
// graph: Jena TDB2 (loaded with tdb2.tdbloader, a set) and Oxigraph (a
// bag). Each answer must equal NAME.expected.csv.
//
// go test ./cmd/msckg -run CompetencyQueries -update rewrites the expected
// files from Oxigraph's answers: review the diff before committing.
func TestCompetencyQueries(t *testing.T) {
	inRepoRoot(t)
	queries, err := filepath.Glob("ontology/queries/*.rq")
	if err != nil {
		t.Fatal(err)
	}
	if len(queries) < minCompetencyQueries {
		t.Errorf("%d competency queries in ontology/queries, want at least %d", len(queries), minCompetencyQueries)
	}
	for _, q := range queries {
		if !strings.HasPrefix(strings.TrimSpace(mustReadString(t, q)), "# Question:") {
			t.Errorf("%s does not start with its question as a comment (# Question: …)", q)
		}
	}

	dir := t.TempDir()
	nq := filepath.Join(dir, "competency.nq")
	args := append([]string{"build", "-q", "-o", nq}, competencyInputs...)
	if code, _, stderr := runCLI(t, "", args...); code != exitOK && code != exitRejected {
		t.Fatalf("msckg %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	nodeWithOxigraph(t)
	rdfcheck.Tool(t, "tdb2.tdbquery")
	tdb := filepath.Join(dir, "tdb2")
	rdfcheck.TDB2Load(t, tdb, nq)

	for _, q := range queries {
		name := strings.TrimSuffix(filepath.Base(q), ".rq")
		expectedPath := strings.TrimSuffix(q, ".rq") + ".expected.csv"
		t.Run(name, func(t *testing.T) {
			ox := wholeNumbers(oxigraph(t, nq, q))
			if *update {
				if err := os.WriteFile(expectedPath, []byte(formatCSV(ox)), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := parseTable(t, expectedPath, []byte(mustReadString(t, expectedPath)))
			if len(want) < 2 {
				t.Errorf("%s has no rows: a question whose expected answer is empty tests nothing", expectedPath)
			}
			t.Run("oxigraph", func(t *testing.T) { compareTables(t, ox, want) })
			t.Run("jena-tdb2", func(t *testing.T) {
				rows := rdfcheck.TDB2Query(t, tdb, q)
				compareTables(t, wholeNumbers(jenaTable(t, rows, want[0])), want)
			})
		})
	}
}
