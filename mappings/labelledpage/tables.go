package labelledpage

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/msckg/msckg/mappings"
)

// The labels a page prints before a field (page-labels.tsv) and the page
// furniture dropped around a record (page-boilerplate.tsv) are plain
// text, so that a domain expert can extend them without reading Go.
var (
	//go:embed page-labels.tsv
	labelsTable []byte
	//go:embed page-boilerplate.tsv
	furnitureTable []byte
)

// The values the code switches on: a row with another is a typo that
// would silently drop what the row maps.
var (
	labelFields = strings.Fields(`title authors abstract date doi issue journal keywords language pages pmcid
		pmid publisher stop trial volume history official phase registration registryid status
		studytype url ignore news`)
	labelSeparators = []string{"colon", "space", "separator"}
	furnitureKinds  = []string{"prefix", "line", "contains", "trim", "list"}
)

// pageTables holds the checked rows of both tables.
type pageTables struct {
	labels, furniture [][]string
}

// loadTables parses both tables once; a broken table stops every read
// (readLabelledPage) instead of reading pages wrongly.
var loadTables = sync.OnceValues(func() (pageTables, error) {
	return parseTables(labelsTable, furnitureTable)
})

func parseTables(labelsData, furnitureData []byte) (pageTables, error) {
	var t pageTables
	var err error
	t.labels, err = mappings.ParseTable(labelsData, "labelledpage/page-labels.tsv", 3,
		map[int][]string{0: labelFields, 2: labelSeparators})
	if err != nil {
		return pageTables{}, err
	}
	t.furniture, err = mappings.ParseTable(furnitureData, "labelledpage/page-boilerplate.tsv", 2,
		map[int][]string{0: furnitureKinds})
	if err != nil {
		return pageTables{}, err
	}
	return t, nil
}
