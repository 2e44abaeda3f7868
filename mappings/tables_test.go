package mappings

import (
	"strings"
	"testing"
)

// TestTablesLoad: every embedded table passes its spec.
func TestTablesLoad(t *testing.T) {
	if err := TablesError(); err != nil {
		t.Fatal(err)
	}
	for name := range tableSpecs {
		if len(readTable(name)) == 0 {
			t.Errorf("tables/%s: no rows", name)
		}
	}
}

// TestTableErrors: each kind of broken row fails with the table's name and
// the row's line, instead of panicking at first use or silently mapping a
// tag to a field no reader knows.
func TestTableErrors(t *testing.T) {
	for _, c := range []struct{ name, table, data, want string }{
		{"too many columns", "languages.tsv", "english\ten\textra\n", "tables/languages.tsv:1: want 2"},
		{"unknown surname use", "surnames.tsv", "zh\tZhang\tfamily\nzh\tWang\tfamilly\n", `tables/surnames.tsv:2: unknown value "familly"`},
		{"table without spec", "new.tsv", "a\tb\n", "tables/new.tsv: no spec"},
	} {
		_, err := parseTable(c.table, c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}
