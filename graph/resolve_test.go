package graph

import (
	"reflect"
	"testing"

	"github.com/msckg/msckg/graph/identity"
	"github.com/msckg/msckg/mappings"
)

// TestResolveJournals: mentions sharing an ISSN, a title or a known-journal
// entry are one journal, whichever way they name it.
func TestResolveJournals(t *testing.T) {
	known, err := loadKnownJournals()
	if err != nil {
		t.Fatal(err)
	}
	keysOf := func(title, abbrev, issn string) []string {
		j := mappings.Journal{Title: title, Abbrev: abbrev, ISSN: issn}
		return append(journalKeys(&j), known.key(&j))
	}
	got := identity.ResolveJournals([][]string{
		keysOf("Experimental and Therapeutic Medicine", "", ""),
		keysOf("Medicine", "", "0025-7974"),
		keysOf("", "Exp Ther Med", ""),
		keysOf("Medicine (Baltimore)", "", "0025-7974"),
		keysOf("Stem Cell Research & Therapy", "", ""),
	})
	want := [][]int{{0, 2}, {1, 3}, {4}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("journals %v, want %v", got, want)
	}
}
