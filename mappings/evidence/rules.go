package evidence

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/msckg/msckg/ontology"
)

// rules is the lexicon and the cue patterns, compiled once from the data
// files in ontology/ and never modified afterwards.
type rules struct {
	lexicon   *phraseSet[*ontology.LexiconEntry]
	byIRI     map[string]*ontology.LexiconEntry // first entry of each IRI, for labels
	byKindIRI map[string][]*ontology.LexiconEntry
	patterns  map[string]*phraseSet[string] // category → phrases, payload = value
	abbrevs   map[string]bool               // folded words that end in a dot inside a sentence
	sections  map[string]string             // folded label → role
	framed    map[string]bool               // conditions read only in a condition frame (IRI)
}

var loadRules = sync.OnceValues(func() (*rules, error) {
	lex, err := ontology.Lexicon()
	if err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	pats, err := ontology.Patterns()
	if err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	if err := ontology.CheckPatternValues(pats, lex); err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	r := compileRules(lex, pats)
	if err := checkRuleTables(r); err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	return r, nil
})

// frameRule is one rule of a frame (the cohort, an intervention, an
// outcome): its name, the rules whose results it reads (they must come
// before it), the pattern categories of patterns.tsv it reads (checked to
// exist when the rules load), and what it does. A frame's rules are listed
// in one table, so their order and dependencies are visible in one place.
type frameRule[Run any] struct {
	name       string
	needs      []string
	categories []string
	run        Run
}

// checkRuleTables checks the rule tables against the data: every pattern
// category a rule reads has phrases (a typo in a name would silently empty
// the rule), and every rule a rule needs runs before it.
func checkRuleTables(r *rules) error {
	return errors.Join(
		checkFrame(r, "cohort", cohortRules),
		checkFrame(r, "intervention", interventionRules),
		checkFrame(r, "outcome", outcomeRules))
}

// checkFrame checks one frame's rule table (see checkRuleTables).
func checkFrame[Run any](r *rules, frame string, table []frameRule[Run]) error {
	ran := map[string]bool{}
	for _, rule := range table {
		for _, n := range rule.needs {
			if !ran[n] {
				return fmt.Errorf("%s rule %s needs %s, which does not run before it", frame, rule.name, n)
			}
		}
		for _, c := range rule.categories {
			if r.patterns[c] == nil {
				return fmt.Errorf("%s rule %s reads pattern category %q, which patterns.tsv does not have", frame, rule.name, c)
			}
		}
		if ran[rule.name] {
			return fmt.Errorf("%s rule %s listed twice", frame, rule.name)
		}
		ran[rule.name] = true
	}
	return nil
}

func compileRules(lex []ontology.LexiconEntry, pats []ontology.PatternEntry) *rules {
	r := &rules{
		lexicon:   newPhraseSet[*ontology.LexiconEntry](),
		byIRI:     map[string]*ontology.LexiconEntry{},
		byKindIRI: map[string][]*ontology.LexiconEntry{},
		patterns:  map[string]*phraseSet[string]{},
		abbrevs:   map[string]bool{},
		sections:  map[string]string{},
		framed:    map[string]bool{},
	}
	for i := range lex {
		e := &lex[i]
		if _, ok := r.byIRI[e.IRI]; !ok {
			r.byIRI[e.IRI] = e
		}
		r.byKindIRI[e.Kind+" "+e.IRI] = append(r.byKindIRI[e.Kind+" "+e.IRI], e)
		for _, s := range e.Synonyms {
			r.lexicon.add(s, e, nil)
		}
	}
	insensitive := false
	for _, p := range pats {
		switch p.Category {
		case "sentence-abbrev":
			r.abbrevs[fold(p.Phrase)] = true
		case "section":
			r.sections[fold(p.Phrase)] = p.Value
		case "framed-condition":
			r.framed[ontology.MKG+p.Value] = true
		}
		ps := r.patterns[p.Category]
		if ps == nil {
			ps = newPhraseSet[string]()
			r.patterns[p.Category] = ps
		}
		ps.add(p.Phrase, p.Value, &insensitive)
	}
	return r
}

// pattern returns the phrases of a category (an empty set when the data
// file has none, so rules degrade to finding nothing).
func (r *rules) pattern(category string) *phraseSet[string] {
	if ps := r.patterns[category]; ps != nil {
		return ps
	}
	return newPhraseSet[string]()
}

// lexEntry returns the lexicon entry of a kind and IRI, or nil.
func (r *rules) lexEntry(kind, iri string) *ontology.LexiconEntry {
	for _, e := range r.byKindIRI[kind+" "+iri] {
		return e
	}
	return nil
}

// concept returns the concept of a lexicon IRI with its label.
// addBroader marks in set every concept broader than iri in the lexicon's
// hierarchy (at most 16 steps, so a cycle in the table cannot hang).
func (r *rules) addBroader(set map[string]bool, iri string) {
	for b, i := r.byIRI[iri], 0; b != nil && b.Broader != "" && i < 16; b, i = r.byIRI[b.Broader], i+1 {
		set[b.Broader] = true
	}
}

func (r *rules) concept(iri string) Concept {
	if e := r.byIRI[iri]; e != nil {
		return Concept{IRI: e.IRI, Label: e.Label}
	}
	return Concept{IRI: iri, Label: iri[strings.LastIndexAny(iri, "#/")+1:]}
}
