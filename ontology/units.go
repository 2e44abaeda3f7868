package ontology

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed units.tsv
var unitsTSV string

// Unit is one written form of a unit in units.tsv with its UCUM code.
type Unit struct {
	Written string // as it appears after a number: "cells/kg", "-year-old"
	Code    string // UCUM: "{cells}/kg", "a"
	Line    int    // line of units.tsv, for error messages
}

// Units parses the embedded units.tsv.
func Units() ([]Unit, error) { return ParseUnits(unitsTSV) }

// ParseUnits parses rows "written<TAB>code"; "#" starts a comment line.
// A written form given twice is an error: the second would silently lose.
func ParseUnits(data string) ([]Unit, error) {
	var out []Unit
	seen := map[string]int{}
	for n, cols := range tsvRows(data) {
		if len(cols) != 2 || cols[0] == "" || cols[1] == "" {
			return nil, fmt.Errorf("units line %d: want a written form and a UCUM code, tab-separated", n)
		}
		if cols[0] != strings.TrimSpace(cols[0]) || cols[1] != strings.TrimSpace(cols[1]) {
			return nil, fmt.Errorf("units line %d: stray spaces around %q", n, strings.Join(cols, "\t"))
		}
		if prev, dup := seen[cols[0]]; dup {
			return nil, fmt.Errorf("units line %d: %q already defined on line %d", n, cols[0], prev)
		}
		seen[cols[0]] = n
		out = append(out, Unit{Written: cols[0], Code: cols[1], Line: n})
	}
	return out, nil
}
