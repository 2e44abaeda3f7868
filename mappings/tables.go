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

// readTable returns the rows of an embedded table of this package; see
// ParseTable. A malformed row is a programming error caught by the tests,
// so it panics at first use rather than being silently skipped.
func readTable(name string, columns int) [][]string {
	data, err := tableFiles.ReadFile("tables/" + name)
	if err != nil {
		panic(fmt.Sprintf("mappings: missing table %s: %v", name, err))
	}
	rows, err := ParseTable(data, "tables/"+name, columns)
	if err != nil {
		panic("mappings: " + err.Error())
	}
	return rows
}

// ParseTable returns the rows of a tab-separated table, skipping blank
// lines and "#" comments; name is used in errors. Format packages keep
// their tag tables as such files (embedded) and read them with it.
func ParseTable(data []byte, name string, columns int) ([][]string, error) {
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
		rows = append(rows, row)
	}
	return rows, nil
}

var languageCodes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range readTable("languages.tsv", 2) {
		m[strings.ToLower(r[0])] = r[1]
	}
	return m
})

// risFields maps a RIS tag to the field it feeds (tables/ris.tsv).
var risFields = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range readTable("ris.tsv", 2) {
		m[r[0]] = r[1]
	}
	return m
})

// abstractLabels lists the section labels of structured abstracts, longest
// first so that "Case presentation" wins over a shorter label.
var abstractLabels = sync.OnceValue(func() []string {
	var out []string
	for _, r := range readTable("abstract-labels.txt", 1) {
		out = append(out, r[0], strings.ToUpper(r[0]))
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
})

// boilerplate lists, per format, the starts of lines a page prints around
// the record (tables/boilerplate.tsv).
var boilerplate = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, r := range readTable("boilerplate.tsv", 2) {
		m[r[0]] = append(m[r[0]], r[1])
	}
	return m
})

// isBoilerplate reports whether a page line is known page furniture of format.
func isBoilerplate(format, line string) bool {
	line = strings.TrimSpace(line)
	for _, p := range boilerplate()[format] {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}
