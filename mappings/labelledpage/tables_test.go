package labelledpage

import (
	"strings"
	"testing"
)

// TestTablesLoad: both embedded tables pass their checks and have rows.
func TestTablesLoad(t *testing.T) {
	tables, err := loadTables()
	if err != nil {
		t.Fatal(err)
	}
	if len(tables.labels) < 50 || len(tables.furniture) < 20 {
		t.Errorf("a table lost rows: %d labels, %d furniture lines", len(tables.labels), len(tables.furniture))
	}
}

// TestTableErrors: a broken row fails with the table's name and line,
// instead of silently mapping a label to a field the reader does not know.
func TestTableErrors(t *testing.T) {
	ok := []byte("title\tTitle\tcolon\n")
	okFurniture := []byte("prefix\tSkip to content\n")
	for _, c := range []struct {
		name, labels, furniture, want string
	}{
		{"unknown page label field", "titel\tTitle\tcolon\n", string(okFurniture), `labelledpage/page-labels.tsv:1: unknown value "titel" in column 1`},
		{"unknown separator", "title\tTitle\tcomma\n", string(okFurniture), `unknown value "comma" in column 3`},
		{"unknown furniture kind", string(ok), "prefx\tSkip to content\n", `labelledpage/page-boilerplate.tsv:1: unknown value "prefx"`},
	} {
		_, err := parseTables([]byte(c.labels), []byte(c.furniture))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
	if _, err := parseTables(ok, okFurniture); err != nil {
		t.Errorf("good rows: %v", err)
	}
}
