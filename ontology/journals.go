package ontology

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed journals.tsv
var journalsTSV string

// KnownJournal is one row of journals.tsv: a journal with its title,
// abbreviations and ISSNs, so that a record naming it only one way joins
// the records that name it another way.
type KnownJournal struct {
	Title      string
	Abbrevs    []string
	ISSN       string // print
	EISSN      string // electronic
	ISSNL      string // linking
	CheckedVia string // where the ISSNs were checked ("memory" = not checked)
}

// Journals returns the table of known journals.
func Journals() ([]KnownJournal, error) { return ParseJournals(journalsTSV) }

// ParseJournals reads a journals table: tab-separated title, "|"-separated
// abbreviations, print ISSN, electronic ISSN, ISSN-L, checked; "#" starts
// a comment; the first other line is the header.
func ParseJournals(data string) ([]KnownJournal, error) {
	var out []KnownJournal
	header := true
	for n, f := range tsvRows(data) {
		if header {
			header = false
			continue
		}
		if len(f) != 6 {
			return nil, fmt.Errorf("journals.tsv line %d: %d columns, want 6", n, len(f))
		}
		j := KnownJournal{Title: strings.TrimSpace(f[0]), ISSN: f[2], EISSN: f[3], ISSNL: f[4], CheckedVia: f[5]}
		for _, a := range strings.Split(f[1], "|") {
			if a = strings.TrimSpace(a); a != "" {
				j.Abbrevs = append(j.Abbrevs, a)
			}
		}
		for _, issn := range []string{j.ISSN, j.EISSN, j.ISSNL} {
			if issn != "" && !validISSNShape(issn) {
				return nil, fmt.Errorf("journals.tsv line %d: %q is not an ISSN (NNNN-NNNX)", n+1, issn)
			}
		}
		if j.Title == "" {
			return nil, fmt.Errorf("journals.tsv line %d: no title", n+1)
		}
		out = append(out, j)
	}
	return out, nil
}

func validISSNShape(s string) bool {
	if len(s) != 9 || s[4] != '-' {
		return false
	}
	for i, c := range s {
		switch {
		case i == 4:
		case c >= '0' && c <= '9':
		case i == 8 && c == 'X':
		default:
			return false
		}
	}
	return true
}
