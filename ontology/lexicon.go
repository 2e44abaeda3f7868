package ontology

import (
	_ "embed"
	"fmt"
	"strings"
)

// The lexicon and the extraction patterns are data a domain expert edits
// without reading Go; this file only parses them.

//go:embed lexicon.tsv
var lexiconTSV string

//go:embed patterns.tsv
var patternsTSV string

// LexiconEntry is one concept of lexicon.tsv with the words that name it.
type LexiconEntry struct {
	Kind       string // condition, agent, cellSource, drug, procedure, route, design, phase, sex, ageGroup, outcome
	IRI        string // full IRI
	CURIE      string // as written in the file
	Label      string
	Broader    string // full IRI, or ""
	CellSource string // full IRI, or ""
	Synonyms   []string
	Note       string
	Line       int // line of lexicon.tsv, for error messages
}

// PatternEntry is one row of patterns.tsv: a cue phrase of some category,
// with an optional value (e.g. the section role of a label).
type PatternEntry struct {
	Category string
	Phrase   string
	Value    string
	Line     int
}

var lexiconKinds = map[string]bool{
	"condition": true, "agent": true, "cellSource": true, "drug": true,
	"procedure": true, "route": true, "design": true, "phase": true,
	"sex": true, "ageGroup": true, "outcome": true,
}

// Lexicon parses the embedded lexicon.tsv.
func Lexicon() ([]LexiconEntry, error) {
	return ParseLexicon(lexiconTSV)
}

// ParseLexicon parses lexicon rows in the lexicon.tsv layout.
func ParseLexicon(data string) ([]LexiconEntry, error) {
	var out []LexiconEntry
	seen := map[string]int{}
	for n, cols := range tsvRows(data) {
		if len(cols) != 7 {
			return nil, fmt.Errorf("lexicon line %d: want 7 tab-separated columns, got %d", n, len(cols))
		}
		e := LexiconEntry{Kind: cols[0], CURIE: cols[1], Label: cols[2], Note: cols[6], Line: n}
		if !lexiconKinds[e.Kind] {
			return nil, fmt.Errorf("lexicon line %d: unknown kind %q", n, e.Kind)
		}
		if e.Label == "" {
			return nil, fmt.Errorf("lexicon line %d: concept %s has no label", n, e.CURIE)
		}
		var err error
		if e.IRI, err = ExpandCURIE(e.CURIE); err != nil {
			return nil, fmt.Errorf("lexicon line %d: %w", n, err)
		}
		if cols[3] != "" {
			if e.Broader, err = ExpandCURIE(cols[3]); err != nil {
				return nil, fmt.Errorf("lexicon line %d: broader: %w", n, err)
			}
		}
		if cols[4] != "" {
			if e.CellSource, err = ExpandCURIE(cols[4]); err != nil {
				return nil, fmt.Errorf("lexicon line %d: cell source: %w", n, err)
			}
		}
		for _, s := range strings.Split(cols[5], "|") {
			if s = strings.TrimSpace(s); s != "" {
				e.Synonyms = append(e.Synonyms, s)
			}
		}
		key := e.Kind + " " + e.IRI
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("lexicon line %d: %s %s already defined on line %d", n, e.Kind, e.CURIE, prev)
		}
		seen[key] = n
		out = append(out, e)
	}
	return out, nil
}

// Patterns parses the embedded patterns.tsv.
func Patterns() ([]PatternEntry, error) {
	return ParsePatterns(patternsTSV)
}

// ParsePatterns parses rows "category<TAB>phrase[<TAB>value]".
func ParsePatterns(data string) ([]PatternEntry, error) {
	var out []PatternEntry
	for n, cols := range tsvRows(data) {
		if len(cols) < 2 || len(cols) > 3 || cols[0] == "" || cols[1] == "" {
			return nil, fmt.Errorf("patterns line %d: want category, phrase and an optional value, tab-separated", n)
		}
		p := PatternEntry{Category: cols[0], Phrase: cols[1], Line: n}
		if len(cols) == 3 {
			p.Value = cols[2]
		}
		out = append(out, p)
	}
	return out, nil
}

// ExpandCURIE turns "mesh:D016553" into its full IRI using Prefixes.
func ExpandCURIE(curie string) (string, error) {
	prefix, local, ok := strings.Cut(curie, ":")
	ns, known := Prefixes[prefix]
	if !ok || !known || local == "" {
		return "", fmt.Errorf("bad CURIE %q", curie)
	}
	return ns + local, nil
}

// CompactIRI turns a full IRI back into a CURIE when a known prefix fits,
// preferring the longest namespace.
func CompactIRI(iri string) string {
	best, bestNS := "", ""
	for p, ns := range Prefixes {
		if strings.HasPrefix(iri, ns) && len(ns) > len(bestNS) {
			best, bestNS = p, ns
		}
	}
	if bestNS == "" {
		return iri
	}
	return best + ":" + iri[len(bestNS):]
}
