package ontology

import (
	"iter"
	"strings"
)

// tsvRows yields the rows of one of the project's tab-separated tables:
// each row's 1-based line number and its columns. Blank lines and lines
// starting with "#" are skipped; a trailing CR is dropped, so a table
// saved with Windows line ends reads the same.
func tsvRows(data string) iter.Seq2[int, []string] {
	return func(yield func(int, []string) bool) {
		for i, line := range strings.Split(data, "\n") {
			line = strings.TrimRight(line, "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !yield(i+1, strings.Split(line, "\t")) {
				return
			}
		}
	}
}
