package rdfcheck

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TDB2Load loads dataFiles (N-Quads keep their named graphs) into a TDB2
// database in the directory loc with Jena's tdb2.tdbloader, as a user
// would load msckg's output.
func TDB2Load(t testing.TB, loc string, dataFiles ...string) {
	t.Helper()
	if err := tdb2Load(tool(t, "tdb2.tdbloader"), loc, dataFiles); err != nil {
		t.Fatal(err)
	}
}

// tdbloaderLog is the progress the loader always prints on stderr; any
// other line (a warning about the data) fails the load.
var tdbloaderLog = regexp.MustCompile(`^\[[^\]]*\] INFO \S+ - `)

func tdb2Load(bin, loc string, dataFiles []string) error {
	if len(dataFiles) == 0 {
		return fmt.Errorf("tdb2.tdbloader --loc %s: no data files", loc)
	}
	r := run(bin, append([]string{"--loc", loc}, dataFiles...)...)
	if r.exit != 0 || hasOtherLines(r.stderr, tdbloaderLog) {
		return fmt.Errorf("tdb2.tdbloader could not load %s\n%s", strings.Join(dataFiles, " "), r.describe("tdb2.tdbloader --loc "+loc))
	}
	return nil
}

// TDB2Query runs queryFile with Jena's tdb2.tdbquery over the TDB2
// database in loc, its default graph being the union of all named graphs
// (tdb:unionDefaultGraph=true): the view a Turtle user queries. Rows are
// as SPARQL returns them.
func TDB2Query(t testing.TB, loc, queryFile string) []map[string]string {
	t.Helper()
	rows, err := tdb2Query(tool(t, "tdb2.tdbquery"), loc, queryFile)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func tdb2Query(bin, loc, queryFile string) ([]map[string]string, error) {
	args := []string{"--loc", loc, "--set", "tdb:unionDefaultGraph=true", "--query", queryFile, "--results=CSV"}
	r := run(bin, args...)
	if r.exit != 0 || len(strings.TrimSpace(string(r.stderr))) > 0 {
		return nil, fmt.Errorf("tdb2.tdbquery %s failed\n%s", queryFile, r.describe("tdb2.tdbquery "+strings.Join(args, " ")))
	}
	rows, err := parseCSV(r.stdout)
	if err != nil {
		return nil, fmt.Errorf("tdb2.tdbquery %s: reading its CSV results: %w\n%s", queryFile, err, r.describe("tdb2.tdbquery"))
	}
	return rows, nil
}
