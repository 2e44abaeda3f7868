package export

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/iriref"
)

// Datatype and vocabulary IRIs the writers treat specially.
const (
	xsdNS         = "http://www.w3.org/2001/XMLSchema#"
	xsdString     = xsdNS + "string"
	xsdInteger    = xsdNS + "integer"
	xsdDecimal    = xsdNS + "decimal"
	xsdBoolean    = xsdNS + "boolean"
	rdfType       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
	rdfsLabel     = "http://www.w3.org/2000/01/rdf-schema#label"
)

type kind uint8

// The order of the kinds is the order terms sort in: IRIs, then blank
// nodes, then literals.
const (
	kindNone kind = iota // the default graph, as a graph name
	kindIRI
	kindBlank
	kindLiteral
)

// term is an RDF term checked and normalised once, so every writer sees
// the same thing: IRIs valid and absolute, blank labels safe, literals
// with a full datatype IRI (xsd:string when the source had none) and a
// well-formed language tag.
type term struct {
	kind     kind
	value    string // IRI, blank node label (no "_:"), or lexical form
	datatype string // literals only
	lang     string // language-tagged literals only
}

func (t term) compare(u term) int {
	return cmp.Or(cmp.Compare(t.kind, u.kind), strings.Compare(t.value, u.value),
		strings.Compare(t.datatype, u.datatype), strings.Compare(t.lang, u.lang))
}

// stmt is a quad (or, with g.kind == kindNone, a triple) of checked terms.
type stmt struct{ s, p, o, g term }

// The positions of a term in a quad, in the order checkQuad checks them.
const (
	posSubject = iota
	posPredicate
	posObject
	posGraph
)

var posNames = [4]string{"subject", "predicate", "object", "graph"}

// checkQuad checks one quad term by term with conv, which converts the
// term at pos (nil is allowed for the graph only) and returns its kind;
// the error says which position holds the bad term.
func checkQuad(q rdf.Quad, conv func(pos int, t rdf.Term) (kind, error)) error {
	for pos, t := range [4]rdf.Term{q.Subj, q.Pred, q.Obj, q.Ctx} {
		k, err := conv(pos, t)
		switch {
		case err != nil:
			return fmt.Errorf("%s: %w", posNames[pos], err)
		case pos == posSubject && k == kindLiteral:
			return errors.New("subject: a literal cannot be a subject")
		case pos == posPredicate && k != kindIRI:
			return errors.New("predicate: must be an IRI")
		case pos == posGraph && k == kindLiteral:
			return errors.New("graph: a literal cannot name a graph")
		}
	}
	return nil
}

// convertQuad checks one quad term by term with conv (see checkQuad).
func convertQuad(q rdf.Quad, conv func(rdf.Term, bool) (term, error)) (stmt, error) {
	var st stmt
	terms := [4]*term{&st.s, &st.p, &st.o, &st.g}
	err := checkQuad(q, func(pos int, t rdf.Term) (kind, error) {
		v, err := conv(t, pos == posGraph)
		*terms[pos] = v
		return v.kind, err
	})
	return st, err
}

// convert checks one knakk term. A nil term is an error, except for a
// graph name (optional), where it means the default graph.
func convert(t rdf.Term, optional bool) (term, error) {
	switch v := t.(type) {
	case nil:
		if optional {
			return term{}, nil
		}
		return term{}, errors.New("missing term")
	case rdf.IRI:
		if err := checkIRI(v.String()); err != nil {
			return term{}, err
		}
		return term{kind: kindIRI, value: v.String()}, nil
	case rdf.Blank:
		// Blank.String panics on the zero value; Serialize does not.
		label, ok := strings.CutPrefix(v.Serialize(rdf.NTriples), "_:")
		if !ok || !blankLabel.MatchString(label) {
			return term{}, fmt.Errorf("invalid blank node label %q", label)
		}
		return term{kind: kindBlank, value: label}, nil
	case rdf.Literal:
		return convertLiteral(v)
	default:
		return term{}, fmt.Errorf("unsupported term type %T", t)
	}
}

func convertLiteral(l rdf.Literal) (term, error) { return literalTerm(l, checkIRI) }

// literalTerm converts a literal, checking its datatype IRI with checkDatatype.
func literalTerm(l rdf.Literal, checkDatatype func(string) error) (term, error) {
	lex, lang, dt := l.String(), l.Lang(), l.DataType.String()
	if !utf8.ValidString(lex) {
		return term{}, fmt.Errorf("literal %q is not valid UTF-8", lex)
	}
	switch {
	case lang != "":
		if !langTag.MatchString(lang) {
			return term{}, fmt.Errorf("literal %q: invalid language tag %q", lex, lang)
		}
		return term{kind: kindLiteral, value: lex, datatype: rdfLangString, lang: lang}, nil
	case dt == rdfLangString:
		return term{}, fmt.Errorf("literal %q: rdf:langString without a language tag", lex)
	case dt == "":
		// A literal built without a datatype is a simple literal.
		dt = xsdString
	}
	if err := checkDatatype(dt); err != nil {
		return term{}, fmt.Errorf("literal %q: datatype: %w", lex, err)
	}
	return term{kind: kindLiteral, value: lex, datatype: dt}, nil
}

var (
	// langTag is the shape of a BCP 47 tag (RFC 5646 §2.1): a primary
	// subtag of letters, then subtags of letters and digits, at most 8
	// characters each. It takes zh-Hans-CN, en-US, de-CH-1996.
	langTag = regexp.MustCompile(`^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$`)

	// blankLabel is a conservative subset of BLANK_NODE_LABEL that every
	// N-Triples, N-Quads and Turtle parser accepts.
	blankLabel = regexp.MustCompile(`^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$`)
)

// IRIError reports an IRI that cannot be written.
type IRIError = iriref.Error

// checkIRI accepts absolute IRIs that every serialisation can carry
// between angle brackets without escapes and that Jena, Oxigraph and
// rapper all parse (RFC 3987; see package iriref).
func checkIRI(s string) error { return iriref.Check(s) }
