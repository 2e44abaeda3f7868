package evidence

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/msckg/msckg/ontology"
)

// qUnit is one written form from ontology/units.tsv, ready to match.
type qUnit struct {
	written string
	code    string
	glued   bool // starts with "-": only right after the number
	letter  bool // starts with a letter
	short   bool // a single letter ("d", "h"): never glued, "3D" is not 3 days
	cells   bool // a cell count unit
}

// qUnits loads the unit table once. Should the embedded table ever fail to
// parse, quantities come out without units (never with wrong ones) and
// TestUnitTableLoads fails.
var qUnits = sync.OnceValue(func() []qUnit {
	rows, err := ontology.Units()
	if err != nil {
		return nil
	}
	out := make([]qUnit, 0, len(rows))
	for _, u := range rows {
		rs := []rune(u.Written)
		out = append(out, qUnit{
			written: u.Written, code: u.Code,
			glued:  rs[0] == '-',
			letter: unicode.IsLetter(rs[0]),
			short:  len(rs) == 1 && unicode.IsLetter(rs[0]),
			cells:  strings.HasPrefix(u.Code, "{cells}"),
		})
	}
	// Longest written form first, so "cells/kg/day" beats "cells".
	slices.SortStableFunc(out, func(a, b qUnit) int {
		return cmp.Compare(len([]rune(b.written)), len([]rune(a.written)))
	})
	return out
})

// unit reads a unit at i, glued to the number or after white space. A
// number word only takes a unit after a space or hyphen ("two-year").
// Cell units need a number the size of a cell count (cellsOK): "three MSC
// infusions" counts infusions, "5 × 10⁷ MSCs" counts cells.
func (s *qtyScanner) unit(i int, afterWord, cellsOK bool) (code string, end int, ok bool) {
	r := s.at(i)
	if r == '%' || r == '/' || qIsGlueHyphen(r) || (unicode.IsLetter(r) && !afterWord) {
		for _, u := range qUnits() {
			if (u.letter && (afterWord || u.short)) || (!u.glued && qIsGlueHyphen(r)) || (u.cells && !cellsOK) {
				continue
			}
			if e, ok := s.lit(i, u.written); ok {
				return u.code, e, true
			}
		}
	}
	k := s.space(i)
	if k == i {
		return "", i, false
	}
	r = s.at(k)
	if r != '%' && r != '/' && !unicode.IsLetter(r) {
		return "", i, false
	}
	for _, u := range qUnits() {
		if u.glued || (u.cells && !cellsOK) {
			continue
		}
		if e, ok := s.lit(k, u.written); ok {
			return u.code, e, true
		}
	}
	return "", i, false
}
