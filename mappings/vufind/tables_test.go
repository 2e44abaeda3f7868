package vufind

import (
	"strings"
	"testing"
)

// TestFieldsTable: the embedded table passes its checks, and a row naming
// a role the reader does not know fails with the table's name and line.
func TestFieldsTable(t *testing.T) {
	m, err := loadFields()
	if err != nil {
		t.Fatal(err)
	}
	if len(m) < 20 {
		t.Errorf("the table lost rows: %d", len(m))
	}
	_, err = parseFields([]byte("title\ttitle\nauthor2\tauthour\n"))
	if want := `vufind/vufind-solr.tsv:2: unknown value "authour" in column 2`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want one containing %q", err, want)
	}
}
