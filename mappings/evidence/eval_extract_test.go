//go:build evalextract

package evidence

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldEvaluation runs the extractor over the hand-annotated corpus and
// logs precision and recall per fact type. It fails only when the corpus
// itself is broken: quality is measured and reported, not asserted.
//
//	go test -tags evalextract -run TestGoldEvaluation -v ./mappings/evidence/
func TestGoldEvaluation(t *testing.T) {
	gold, err := LoadGold(filepath.Join("..", "..", "testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	r := Score(gold, func(d GoldDoc) Facts {
		return Extract(Input{Title: d.Title, Abstract: d.Abstract})
	})
	t.Logf("%d gold documents\n\n%s", len(gold), r.Table())
	for _, d := range r.Docs {
		if len(d.Missed)+len(d.Invented) == 0 {
			continue
		}
		t.Logf("%s\n  missed:   %s\n  invented: %s", d.ID,
			strings.Join(d.Missed, "\n            "), strings.Join(d.Invented, "\n            "))
	}
}
