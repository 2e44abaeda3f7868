package evidence

import (
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
	return compileRules(lex, pats), nil
})

func compileRules(lex []ontology.LexiconEntry, pats []ontology.PatternEntry) *rules {
	r := &rules{
		lexicon:   newPhraseSet[*ontology.LexiconEntry](),
		byIRI:     map[string]*ontology.LexiconEntry{},
		byKindIRI: map[string][]*ontology.LexiconEntry{},
		patterns:  map[string]*phraseSet[string]{},
		abbrevs:   map[string]bool{},
		sections:  map[string]string{},
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
func (r *rules) concept(iri string) Concept {
	if e := r.byIRI[iri]; e != nil {
		return Concept{IRI: e.IRI, Label: e.Label}
	}
	return Concept{IRI: iri, Label: iri[strings.LastIndexAny(iri, "#/")+1:]}
}
