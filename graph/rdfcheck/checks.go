package rdfcheck

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// Riot fails the test unless Jena's `riot --strict --validate` accepts
// every file without a single warning. The syntax is taken from each
// file's extension (.ttl, .nt, .nq, ...).
//
// riot exits 1 on errors and warnings alike, but its exit code is not
// trusted alone: any line on its output other than the "File: name"
// banner it prints when given several files fails the test.
func Riot(t testing.TB, files ...string) {
	t.Helper()
	if len(files) == 0 {
		t.Fatal("rdfcheck.Riot: no files")
	}
	if err := riot(tool(t, "riot"), files); err != nil {
		t.Fatal(err)
	}
}

// riotBanner is the only line a clean multi-file run prints.
var riotBanner = regexp.MustCompile(`^\[[^\]]*\] INFO \S+ - File: .*$`)

func riot(bin string, files []string) error {
	// JSON-LD files are read as JSON-LD 1.0: Jena 4.5's 1.1 reader needs a
	// JSON-P implementation Debian does not package.
	var rdfFiles, jsonld []string
	for _, f := range files {
		if strings.HasSuffix(strings.ToLower(f), ".jsonld") {
			jsonld = append(jsonld, f)
		} else {
			rdfFiles = append(rdfFiles, f)
		}
	}
	for _, batch := range []struct {
		args  []string
		files []string
	}{
		{[]string{"--strict", "--validate"}, rdfFiles},
		{[]string{"--strict", "--validate", "--syntax=jsonld10"}, jsonld},
	} {
		if len(batch.files) == 0 {
			continue
		}
		r := run(bin, append(batch.args, batch.files...)...)
		if r.exit != 0 || len(bytes.TrimSpace(r.stdout)) > 0 || hasOtherLines(r.stderr, riotBanner) {
			return fmt.Errorf("riot rejected %s\n%s", strings.Join(batch.files, " "), r.describe("riot "+strings.Join(batch.args, " ")))
		}
	}
	return nil
}

// hasOtherLines reports whether out has a non-blank line that does not
// match ok.
func hasOtherLines(out []byte, ok *regexp.Regexp) bool {
	for line := range strings.Lines(string(out)) {
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) != "" && !ok.MatchString(line) {
			return true
		}
	}
	return false
}

// Rapper fails the test unless Raptor's rapper parses file as syntax
// (turtle, ntriples, nquads, rdfxml, ...) with no error or warning.
// Rapper is lenient and stops at the first error: use it beside Riot,
// never instead of it.
func Rapper(t testing.TB, file, syntax string) {
	t.Helper()
	if err := rapper(tool(t, "rapper"), file, syntax); err != nil {
		t.Fatal(err)
	}
}

func rapper(bin, file, syntax string) error {
	r := run(bin, "-q", "-i", syntax, "-c", file)
	if r.exit != 0 || len(bytes.TrimSpace(r.stdout)) > 0 || len(bytes.TrimSpace(r.stderr)) > 0 {
		return fmt.Errorf("rapper rejected %s as %s\n%s", file, syntax, r.describe("rapper -i "+syntax))
	}
	return nil
}

// SHACL fails the test unless dataFile conforms to shapesFile according
// to Jena's `shacl validate`. Its exit code is 0 even when the data does
// not conform, so conformance is the text report being exactly
// "Conforms"; anything else is shown as the failure.
func SHACL(t testing.TB, dataFile, shapesFile string) {
	t.Helper()
	if err := shacl(tool(t, "shacl"), dataFile, shapesFile); err != nil {
		t.Fatal(err)
	}
}

// Conforms reports whether dataFile conforms to shapesFile according to
// Jena's `shacl validate`, for tests that expect a violation; the report
// of a violation is logged.
func Conforms(t testing.TB, dataFile, shapesFile string) bool {
	t.Helper()
	err := shacl(tool(t, "shacl"), dataFile, shapesFile)
	if err != nil {
		t.Logf("%v", err)
	}
	return err == nil
}

func shacl(bin, dataFile, shapesFile string) error {
	r := run(bin, "validate", "--text", "--shapes", shapesFile, "--data", dataFile)
	if r.exit != 0 || string(bytes.TrimSpace(r.stdout)) != "Conforms" || len(bytes.TrimSpace(r.stderr)) > 0 {
		return fmt.Errorf("%s does not conform to %s\n%s", dataFile, shapesFile, r.describe("shacl validate"))
	}
	return nil
}

// SPARQL runs queryFile with Jena's `sparql` over dataFiles loaded into
// one dataset and returns the rows of its CSV results, each mapping a
// variable name to its value (IRIs bare, literals as their lexical form,
// unbound as ""). An ASK query yields one row {"_askResult": "true"} or
// "false". Quads of N-Quads files stay in their named graphs: query them
// with GRAPH, the default graph holds only triples from .ttl/.nt files.
//
// A query that does not parse, or any warning while loading the data,
// fails the test.
func SPARQL(t testing.TB, dataFiles []string, queryFile string) []map[string]string {
	t.Helper()
	rows, err := sparql(tool(t, "sparql"), dataFiles, queryFile)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func sparql(bin string, dataFiles []string, queryFile string) ([]map[string]string, error) {
	if len(dataFiles) == 0 {
		return nil, fmt.Errorf("sparql %s: no data files", queryFile)
	}
	args := make([]string, 0, 2*len(dataFiles)+3)
	for _, f := range dataFiles {
		args = append(args, "--data", f)
	}
	args = append(args, "--query", queryFile, "--results=CSV")
	r := run(bin, args...)
	if r.exit != 0 || len(bytes.TrimSpace(r.stderr)) > 0 {
		return nil, fmt.Errorf("sparql %s failed\n%s", queryFile, r.describe("sparql"))
	}
	rows, err := parseCSV(r.stdout)
	if err != nil {
		return nil, fmt.Errorf("sparql %s: reading its CSV results: %w\n%s", queryFile, err, r.describe("sparql"))
	}
	return rows, nil
}

// parseCSV reads SPARQL 1.1 CSV results: a header of variable names,
// then one record per solution.
func parseCSV(data []byte) ([]map[string]string, error) {
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, fmt.Errorf("no header line")
	}
	head := records[0]
	rows := make([]map[string]string, 0, len(records)-1)
	for _, rec := range records[1:] {
		row := make(map[string]string, len(head))
		for i, name := range head {
			row[name] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows, nil
}
