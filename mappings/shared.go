package mappings

import (
	"io"
	"iter"
)

// The helpers below are what the format packages below mappings/ share
// with the readers of this package. Each is a thin door onto the one
// implementation here, so that a reader moved into its own package keeps
// using the same rules.

// InlineText turns the inner XML of a text element (PubMed, JATS) into
// plain text: sub- and superscripts in Unicode so that "10<sup>9</sup>"
// stays 10⁹, MathML linearised, other markup dropped, white space
// collapsed.
func InlineText(inner string) string { return inlineText(inner) }

// AddURL appends a URL to a record once, keeping the source's order, and
// fills a DOI, PMID or PMCID the record lacks from a resolver URL.
func AddURL(rec *Record, raw string) { addURL(rec, raw) }

// MonthNumber returns 1–12 for an English month name or its three- or
// four-letter abbreviation ("Mar", "Sept", "march"), and 0 otherwise.
func MonthNumber(s string) int { return monthNumber(s) }

// ReadLabelled is the Read function of a label/value format: ScanLabelled
// with the syntax, toRecord maps each entry, and an entry it refuses is
// yielded as a *RecordError while reading goes on.
func ReadLabelled(name string, syntax func() *Syntax, toRecord func(*Entry) (Record, error)) func(io.Reader) iter.Seq2[Record, error] {
	return readLabelledFormat(name, syntax, toRecord)
}

// AbstractFrom splits an abstract's text into its labelled sections when
// it is structured ("Background: … Results: …") and keeps it whole
// otherwise.
func AbstractFrom(text string) Abstract { return abstractFrom(text) }

// ValidORCID returns an ORCID iD as 0000-0000-0000-000X from its usual
// written forms (bare, with or without hyphens, as an orcid.org URL), or ""
// when it is not one or its check digit (ISO 7064 MOD 11-2) is wrong: a
// mistyped iD would merge two people.
func ValidORCID(s string) string { return nlmORCID(s) }
