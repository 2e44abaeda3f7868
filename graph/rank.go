package graph

// formatRank orders sources when they disagree on a functional value:
// structured exports from curated databases first, publisher metadata
// next, reference-manager exports after them, scraped pages last
// (ONTOLOGY.md, "Merging"). Lower is better; unknown formats rank last.
var formatRank = map[string]int{
	"pubmed-xml":    10,
	"medline":       11,
	"crossref-json": 20,
	"ris":           30,
	"csl-json":      31,
	"bibtex":        32,
	"openalex-json": 40,
	"s2-api-json":   41,
	"ctgov-json":    42,
	"wprim-page":    60,
	"vufind-page":   61,
	"s2-page":       62,
	"zendy-page":    63,
	"labelled-page": 90,
}

func rankOf(format string) int {
	if r, ok := formatRank[format]; ok {
		return r
	}
	return 100
}
