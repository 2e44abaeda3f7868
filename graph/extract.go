package graph

import (
	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
)

// ExtractFacts runs evidence extraction on a record's title and abstract.
// `msckg build` calls it for every record it reads, and the gold scorer
// (mappings/evidence/goldset) for every page it scores, so both see the
// same facts.
func ExtractFacts(r *mappings.Record) *evidence.Facts {
	// Registry ids given as data (r.TrialIDs) are linked by the graph
	// builder directly; extraction reads only the text.
	in := evidence.Input{Title: r.Title, Abstract: r.Abstract.Text, Registration: r.Trial != nil}
	for _, s := range r.Abstract.Sections {
		in.Sections = append(in.Sections, evidence.Section{Label: s.Label, Text: s.Text})
	}
	f := evidence.Extract(in)
	return &f
}
