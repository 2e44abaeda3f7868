package mappings

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// The tables readers are driven by live in tables/ as plain text, so a
// domain expert can extend them without reading Go.
//
//go:embed tables
var tableFiles embed.FS

// tableSpec says what the rows of one table hold: how many columns, and
// for a column the code switches on, the values it knows. A value it does
// not know is a typo that would silently drop what the row maps.
type tableSpec struct {
	columns int
	values  map[int][]string // 0-based column → the values allowed there
}

var tableSpecs = map[string]tableSpec{
	"abstract-labels.txt":       {columns: 1},
	"han-compound-surnames.txt": {columns: 1},
	"languages.tsv":             {columns: 2},
	"surnames.tsv":              {columns: 3, values: map[int][]string{2: {"family", "also-given", "weak"}}},
}

// parseTable reads the rows of one embedded table and checks each
// against the table's spec. Errors name the table and line as
// tables/NAME:LINE.
func parseTable(name, data string) ([][]string, error) {
	spec, ok := tableSpecs[name]
	if !ok {
		return nil, fmt.Errorf("tables/%s: no spec for this table in tables.go", name)
	}
	return ParseTable([]byte(data), "tables/"+name, spec.columns, spec.values)
}

// ParseTable returns the rows of a tab-separated table (a format
// package's embedded tag table), skipping blank lines and "#" comments. A
// row without the given number of columns, with an empty column, or with
// a value allowed does not list for its column (0-based; at most one map)
// is an error naming name:line: a typo in a table would otherwise
// silently drop what the row maps.
func ParseTable(data []byte, name string, columns int, allowed ...map[int][]string) ([][]string, error) {
	var values map[int][]string
	if len(allowed) > 0 {
		values = allowed[0]
	}
	var rows [][]string
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		row := strings.Split(line, "\t")
		if len(row) != columns {
			return nil, fmt.Errorf("%s:%d: want %d tab-separated columns, got %d", name, i+1, columns, len(row))
		}
		for c, v := range row {
			if v == "" {
				return nil, fmt.Errorf("%s:%d: column %d is empty", name, i+1, c+1)
			}
			if known, ok := values[c]; ok && !slices.Contains(known, v) {
				return nil, fmt.Errorf("%s:%d: unknown value %q in column %d (known: %s)", name, i+1, v, c+1, strings.Join(known, " "))
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// loadTables reads and checks every embedded table once. A table without
// a spec, or a spec without a table, is an error too.
var loadTables = sync.OnceValues(func() (map[string][][]string, error) {
	out := map[string][][]string{}
	entries, err := tableFiles.ReadDir("tables")
	if err != nil {
		return nil, fmt.Errorf("mappings: tables: %w", err)
	}
	for _, e := range entries {
		data, err := tableFiles.ReadFile("tables/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("mappings: tables/%s: %w", e.Name(), err)
		}
		rows, err := parseTable(e.Name(), string(data))
		if err != nil {
			return nil, fmt.Errorf("mappings: %w", err)
		}
		out[e.Name()] = rows
	}
	for name := range tableSpecs {
		if _, ok := out[name]; !ok {
			return nil, fmt.Errorf("mappings: tables/%s: spec without a table", name)
		}
	}
	return out, nil
})

// TablesError reports a table that failed its checks; readers refuse to
// read with a broken table rather than read with part of it.
func TablesError() error {
	_, err := loadTables()
	return err
}

// readTable returns the checked rows of an embedded table, each with the
// columns its spec gives (none when the tables failed their checks:
// TablesError says why, and readers stop).
func readTable(name string) [][]string {
	tables, err := loadTables()
	if err != nil {
		return nil
	}
	return tables[name]
}

var languageCodes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range readTable("languages.tsv") {
		m[strings.ToLower(r[0])] = r[1]
	}
	return m
})

// abstractLabels lists the section labels of structured abstracts, longest
// first so that "Case presentation" wins over a shorter label.
var abstractLabels = sync.OnceValue(func() []string {
	var out []string
	for _, r := range readTable("abstract-labels.txt") {
		out = append(out, r[0], strings.ToUpper(r[0]))
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
})

// ParseMap parses a two-column table (see ParseTable) into a map from the
// first column to the second: a tag table of a format package.
func ParseMap(data []byte, name string, allowed ...map[int][]string) (map[string]string, error) {
	rows, err := ParseTable(data, name, 2, allowed...)
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		m[r[0]] = r[1]
	}
	return m, nil
}
