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
			return nil, fmt.Errorf("lexicon.tsv:%d: want 7 tab-separated columns, got %d", n, len(cols))
		}
		e := LexiconEntry{Kind: cols[0], CURIE: cols[1], Label: cols[2], Note: cols[6], Line: n}
		if !lexiconKinds[e.Kind] {
			return nil, fmt.Errorf("lexicon.tsv:%d: unknown kind %q", n, e.Kind)
		}
		if e.Label == "" {
			return nil, fmt.Errorf("lexicon.tsv:%d: concept %s has no label", n, e.CURIE)
		}
		var err error
		if e.IRI, err = ExpandCURIE(e.CURIE); err != nil {
			return nil, fmt.Errorf("lexicon.tsv:%d: %w", n, err)
		}
		if cols[3] != "" {
			if e.Broader, err = ExpandCURIE(cols[3]); err != nil {
				return nil, fmt.Errorf("lexicon.tsv:%d: broader: %w", n, err)
			}
		}
		if cols[4] != "" {
			if e.CellSource, err = ExpandCURIE(cols[4]); err != nil {
				return nil, fmt.Errorf("lexicon.tsv:%d: cell source: %w", n, err)
			}
		}
		for _, s := range strings.Split(cols[5], "|") {
			if s = strings.TrimSpace(s); s != "" {
				e.Synonyms = append(e.Synonyms, s)
			}
		}
		key := e.Kind + " " + e.IRI
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("lexicon.tsv:%d: %s %s already defined on line %d", n, e.Kind, e.CURIE, prev)
		}
		seen[key] = n
		out = append(out, e)
	}
	// A broader concept or a cell source must be defined here too: a typo
	// in one would otherwise mint a concept nobody declared.
	defined := map[string]bool{}
	for _, e := range out {
		defined[e.IRI] = true
		defined[e.Kind+" "+e.IRI] = true
	}
	for _, e := range out {
		if e.Broader != "" && !defined[e.Broader] {
			return nil, fmt.Errorf("lexicon.tsv:%d: broader concept %s is not defined in the lexicon", e.Line, CompactIRI(e.Broader))
		}
		if e.CellSource != "" && !defined["cellSource "+e.CellSource] {
			return nil, fmt.Errorf("lexicon.tsv:%d: cell source %s is not a cellSource of the lexicon", e.Line, CompactIRI(e.CellSource))
		}
	}
	return out, nil
}

// Patterns parses the embedded patterns.tsv.
func Patterns() ([]PatternEntry, error) {
	return ParsePatterns(patternsTSV)
}

// PatternValue says what the value column of a pattern category holds.
type PatternValue int

const (
	NoValue        PatternValue = iota // the value column stays empty
	RoleValue                          // a section role: one of SectionRoles
	DesignValue                        // the local name of a design concept of the lexicon
	AgentValue                         // the local name of an agent concept of the lexicon
	LabelValue                         // words a reader sees ("Splenomegaly", "decreased")
	ConditionValue                     // the local name of a condition concept of the lexicon
)

// PatternCategories lists every category the extractor reads and what its
// value is. A category not listed here is a typo that would silently
// empty a rule, so ParsePatterns rejects it.
var PatternCategories = map[string]PatternValue{
	"sentence-abbrev": NoValue, "section": RoleValue,
	"negation-pre": NoValue, "negation-post": NoValue, "negation-end": NoValue, "pseudo-negation": NoValue,
	"hedge": NoValue, "background": NoValue, "aim": NoValue,
	"prior-cue": NoValue, "prior-lead": NoValue, "study-treatment": NoValue,
	"design-case-report": DesignValue, "design-case-series": DesignValue, "design-cohort": DesignValue,
	"design-review": DesignValue, "design-trial": DesignValue,
	"self-reference": NoValue, "named-time": NoValue, "pre-treatment-time": NoValue, "refractory": NoValue, "cohort-noun": NoValue, "course-noun": NoValue,
	"arm-allocation": NoValue, "comparator": NoValue, "analysis-variable": NoValue, "unread-route": NoValue, "associated-condition": NoValue, "co-therapy": NoValue, "event-cue": NoValue, "pregnant": NoValue,
	"respectively": NoValue, "agent-source": AgentValue, "agent-tissue": AgentValue,
	"finding": LabelValue, "finding-change": LabelValue, "negated-event": LabelValue,
	"framed-condition": ConditionValue, "condition-frame": NoValue, "condition-frame-stop": NoValue,
	"transplant-regimen": NoValue, "condition-stop": NoValue,
}

// SectionRoles are the roles a section label may have.
var SectionRoles = map[string]bool{"background": true, "methods": true, "case": true, "results": true, "conclusions": true}

// ParsePatterns parses rows "category<TAB>phrase[<TAB>value]". Every
// category must be one of PatternCategories and carry the value it needs;
// errors name the line as patterns.tsv:N. Whether a design or agent value
// names a concept of the lexicon is checked where both are loaded
// (CheckPatternValues).
func ParsePatterns(data string) ([]PatternEntry, error) {
	var out []PatternEntry
	for n, cols := range tsvRows(data) {
		if len(cols) < 2 || len(cols) > 3 || cols[0] == "" || cols[1] == "" {
			return nil, fmt.Errorf("patterns.tsv:%d: want category, phrase and an optional value, tab-separated", n)
		}
		p := PatternEntry{Category: cols[0], Phrase: cols[1], Line: n}
		if len(cols) == 3 {
			p.Value = cols[2]
		}
		if strings.TrimSpace(p.Phrase) != p.Phrase || strings.TrimSpace(p.Value) != p.Value {
			return nil, fmt.Errorf("patterns.tsv:%d: stray spaces around %q", n, strings.Join(cols, "\t"))
		}
		kind, known := PatternCategories[p.Category]
		switch {
		case !known:
			return nil, fmt.Errorf("patterns.tsv:%d: unknown category %q", n, p.Category)
		case kind == NoValue && p.Value != "":
			return nil, fmt.Errorf("patterns.tsv:%d: category %s takes no value, got %q", n, p.Category, p.Value)
		case kind != NoValue && p.Value == "":
			return nil, fmt.Errorf("patterns.tsv:%d: category %s needs a value", n, p.Category)
		case kind == RoleValue && !SectionRoles[p.Value]:
			return nil, fmt.Errorf("patterns.tsv:%d: unknown section role %q", n, p.Value)
		}
		out = append(out, p)
	}
	return out, nil
}

// CheckPatternValues checks that every design, agent and condition value
// of the patterns names a concept of that kind in the lexicon.
func CheckPatternValues(pats []PatternEntry, lex []LexiconEntry) error {
	have := map[string]bool{}
	for _, e := range lex {
		have[e.Kind+" "+e.IRI] = true
	}
	for _, p := range pats {
		kind := ""
		switch PatternCategories[p.Category] {
		case DesignValue:
			kind = "design"
		case AgentValue:
			kind = "agent"
		case ConditionValue:
			kind = "condition"
		default:
			continue
		}
		if !have[kind+" "+MKG+p.Value] {
			return fmt.Errorf("patterns.tsv:%d: %s %q names no %s concept of lexicon.tsv", p.Line, p.Category, p.Value, kind)
		}
	}
	return nil
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
