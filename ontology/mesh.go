package ontology

import (
	_ "embed"
	"strings"
)

//go:embed mesh-verified.tsv
var meshVerifiedTSV string

// verifiedMeSH maps lower-cased descriptor names to their verified ids.
var verifiedMeSH = parseMeSHTable(meshVerifiedTSV)

func parseMeSHTable(tsv string) map[string]string {
	m := map[string]string{}
	for _, cols := range tsvRows(tsv) {
		if len(cols) >= 2 {
			name := strings.Join(cols[1:], "\t")
			m[strings.ToLower(strings.TrimSpace(name))] = strings.TrimSpace(cols[0])
		}
	}
	return m
}

// VerifiedMeSHByName returns the descriptor id of a verified MeSH
// descriptor name (case-insensitive), or "".
func VerifiedMeSHByName(name string) string {
	return verifiedMeSH[strings.ToLower(strings.TrimSpace(name))]
}

// VerifiedMeSH lists the verified descriptor ids, for tests that check
// no other MeSH IRI is emitted without a source that gave its id.
func VerifiedMeSH() map[string]bool {
	out := map[string]bool{}
	for _, id := range verifiedMeSH {
		out[id] = true
	}
	return out
}
