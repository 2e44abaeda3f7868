package ontology

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/knakk/rdf"
)

// IRI is the IRI of the ontology document itself (owl:Ontology in msckg.ttl).
const IRI = "https://w3id.org/msckg/ontology"

//go:embed msckg.ttl
var msckgTTL []byte

// Turtle returns a copy of msckg.ttl, the OWL description of every mkg:
// term, for writers that ship the ontology beside a graph.
func Turtle() []byte { return bytes.Clone(msckgTTL) }

// triples decodes msckg.ttl once; the result is shared and never modified.
var triples = sync.OnceValues(func() ([]rdf.Triple, error) {
	ts, err := rdf.NewTripleDecoder(bytes.NewReader(msckgTTL), rdf.Turtle).DecodeAll()
	if err != nil {
		return nil, fmt.Errorf("ontology: parsing msckg.ttl: %w", err)
	}
	return ts, nil
})

// Declared returns the set of mkg: IRIs that msckg.ttl declares (gives an
// rdf:type). Tests of code that emits mkg: IRIs use it to prove that every
// IRI they emit is part of the published vocabulary. The map is the
// caller's to keep or change.
func Declared() (map[string]bool, error) {
	ts, err := triples()
	if err != nil {
		return nil, err
	}
	declared := make(map[string]bool)
	for _, t := range ts {
		s := t.Subj.String()
		if t.Subj.Type() == rdf.TermIRI && t.Pred.String() == RDFType && strings.HasPrefix(s, MKG) {
			declared[s] = true
		}
	}
	return declared, nil
}

// Labels returns the English rdfs:label of every mkg: term msckg.ttl
// declares, keyed by IRI: what a writer puts in the vocabulary graph for
// the concepts a graph uses. The map is the caller's to keep or change.
func Labels() (map[string]string, error) {
	ts, err := triples()
	if err != nil {
		return nil, err
	}
	labels := make(map[string]string)
	for _, t := range ts {
		s := t.Subj.String()
		if t.Subj.Type() != rdf.TermIRI || t.Pred.String() != RDFSLabel || !strings.HasPrefix(s, MKG) {
			continue
		}
		if l, ok := t.Obj.(rdf.Literal); ok && l.Lang() == "en" {
			labels[s] = l.String()
		}
	}
	return labels, nil
}
