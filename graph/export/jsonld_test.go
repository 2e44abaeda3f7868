package export

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/msckg/msckg/graph/rdfcheck"
)

// TestJSONLDIsReadByJena writes the tricky dataset as JSON-LD and has
// Jena read it (as JSON-LD 1.0, the reader Debian's Jena can run).
func TestJSONLDIsReadByJena(t *testing.T) {
	p := filepath.Join(t.TempDir(), "d.jsonld")
	if err := os.WriteFile(p, write(t, "jsonld", trickyDataset(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	rdfcheck.Riot(t, p)
}

// TestJSONLDKeepsGraphsAndStatements checks the document's shape: an
// @context, and every distinct quad present once, named graphs as
// {"@id", "@graph"} objects.
func TestJSONLDKeepsGraphsAndStatements(t *testing.T) {
	in := trickyDataset(t)
	var doc struct {
		Context map[string]any   `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(write(t, "jsonld", in), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if len(doc.Context) == 0 {
		t.Error("no @context")
	}
	st, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	want := len(sortedQuads(st))
	got := 0
	var count func(nodes []map[string]any)
	count = func(nodes []map[string]any) {
		for _, n := range nodes {
			for k, v := range n {
				switch k {
				case "@id", "@context":
				case "@graph":
					var inner []map[string]any
					b, _ := json.Marshal(v)
					_ = json.Unmarshal(b, &inner)
					count(inner)
				default:
					if vs, ok := v.([]any); ok {
						got += len(vs)
					} else {
						got++
					}
				}
			}
		}
	}
	count(doc.Graph)
	if got != want {
		t.Errorf("JSON-LD holds %d statements, the dataset %d", got, want)
	}
}
