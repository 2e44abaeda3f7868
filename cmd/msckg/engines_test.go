package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/rdfcheck"
)

// countsQuery counts papers, titles, authorships, cohorts, patients,
// arms, outcomes and interventions without DISTINCT, so a triple that
// reaches a union default graph twice is counted twice.
const countsQuery = "ontology/queries/counts/counts.rq"

// mayBeZero are the counts the fixtures need not reach yet: no reader
// emits mkg:hasArm until the arm model lands. Every other count must be
// positive, so three engines that all read nothing do not "agree".
var mayBeZero = map[string]bool{"arms": true}

// TestEnginesAgree builds every fixture (the bundled samples included) and
// asks the same count query of three engines, which must give the same
// row: Jena ARQ over the Turtle (the union, written as one graph), Jena
// TDB2 over the N-Quads loaded with tdb2.tdbloader and queried with the
// union default graph (a set), and Oxigraph over the N-Quads with the
// union default graph (a bag). They can only agree if no triple sits in
// two graphs; TestEveryFixtureBuildsAValidGraph names any that does.
func TestEnginesAgree(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	ttl, nq := filepath.Join(dir, "all.ttl"), filepath.Join(dir, "all.nq")
	args := append([]string{"build", "-q", "-o", ttl, "-o", nq}, fixtureDirs...)
	if code, _, stderr := runCLI(t, "", args...); code != exitOK && code != exitRejected {
		t.Fatalf("msckg %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}

	// Look every engine up first, so a missing one skips before minutes of
	// the others' work.
	rdfcheck.Tool(t, "sparql")
	rdfcheck.Tool(t, "tdb2.tdbloader")
	rdfcheck.Tool(t, "tdb2.tdbquery")
	nodeWithOxigraph(t)

	ox := oxigraph(t, nq, countsQuery)
	head := ox[0] // the query's column order
	answers := []struct {
		engine string
		row    map[string]string
	}{
		{"Jena ARQ, Turtle", oneRow(t, rdfcheck.SPARQL(t, []string{ttl}, countsQuery))},
		{"Jena TDB2, N-Quads, union default graph", oneRow(t, tdb2Rows(t, nq, countsQuery))},
		{"Oxigraph, N-Quads, union default graph", oneRow(t, tableRows(ox))},
	}

	var table strings.Builder
	fmt.Fprintf(&table, "%-42s", "")
	for _, col := range head {
		fmt.Fprintf(&table, " %13s", col)
	}
	for _, a := range answers {
		fmt.Fprintf(&table, "\n%-42s", a.engine)
		for _, col := range head {
			fmt.Fprintf(&table, " %13s", a.row[col])
		}
	}
	t.Logf("counts over %s:\n%s", strings.Join(fixtureDirs, " "), table.String())

	for _, col := range head {
		first := answers[0].row[col]
		n, err := strconv.ParseFloat(first, 64)
		switch {
		case err != nil:
			t.Errorf("%s: %s answered %q, not a number", col, answers[0].engine, first)
		case n <= 0 && !mayBeZero[col]:
			t.Errorf("%s: %s answered %s; the fixtures have some, so the query or the load is wrong", col, answers[0].engine, first)
		}
		for _, a := range answers[1:] {
			if !sameNumber(a.row[col], first) {
				t.Errorf("%s: %s answered %q, %s %q", col, a.engine, a.row[col], answers[0].engine, first)
			}
		}
	}
	if t.Failed() {
		t.Logf("the engines must agree on every count; a triple in two graphs makes a bag union (Oxigraph) count it twice")
	}
}

// tdb2Rows loads data into a fresh TDB2 database and runs query on it
// with the union default graph.
func tdb2Rows(t *testing.T, data, query string) []map[string]string {
	t.Helper()
	loc := filepath.Join(t.TempDir(), "tdb2")
	rdfcheck.TDB2Load(t, loc, data)
	return rdfcheck.TDB2Query(t, loc, query)
}

// tableRows turns a parsed CSV table (header first) into rows keyed by
// variable name, as rdfcheck returns them.
func tableRows(table [][]string) []map[string]string {
	rows := make([]map[string]string, 0, len(table)-1)
	for _, rec := range table[1:] {
		row := map[string]string{}
		for i, name := range table[0] {
			if i < len(rec) {
				row[name] = rec[i]
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func oneRow(t *testing.T, rows []map[string]string) map[string]string {
	t.Helper()
	if len(rows) != 1 {
		t.Fatalf("the counts query answered %d rows, want 1: %v", len(rows), rows)
	}
	return rows[0]
}

// sameNumber compares two numbers as numbers: engines write the same
// decimal as "5.0" or "5".
func sameNumber(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA != nil || errB != nil {
		return a == b
	}
	return x == y
}
