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

// SetOnce stores v in *field unless the record already holds a value
// there: of fields repeated in one record (two TI lines, T1 and TI), the
// first wins.
func SetOnce(field *string, v string) { setOnce(field, v) }

// SplitList splits a list on any rune of seps, cleans each item and drops
// the empty ones.
func SplitList(s, seps string) []string { return splitList(s, seps) }

// IsDigits reports whether s is non-empty and only ASCII digits.
func IsDigits(s string) bool { return isDigits(s) }

// AddURLIDs fills the DOI, PMID or PMCID a record lacks from one URL
// without keeping the URL itself.
func AddURLIDs(rec *Record, raw string) { addURLIDs(rec, raw) }

// PMCIDIn returns the first "PMC" followed by digits in s, as written
// (case kept), or "".
func PMCIDIn(s string) string { return pmcidPattern.FindString(s) }

// DaysIn returns the number of days of a month (1–12) of a year.
func DaysIn(year, month int) int { return daysIn(year, month) }

// IsASCIILetter reports whether r is a–z or A–Z.
func IsASCIILetter(r rune) bool { return isASCIILetter(r) }

// TeXSuper writes s in Unicode superscript characters ("9" → "⁹",
// "-1" → "⁻¹"); ok is false, and s comes back unchanged, when some
// character has no superscript form.
func TeXSuper(s string) (string, bool) { return texSuper(s) }

// TeXSub is TeXSuper for subscripts.
func TeXSub(s string) (string, bool) { return texSub(s) }

// The JSON readers (jsonstream.go) share the streaming of records and
// these lenient value types.
type (
	// FlexString decodes a JSON string or number as a string; null
	// stays empty.
	FlexString = flexString
	// FlexInt decodes a JSON number or a string of digits; null stays nil.
	FlexInt = flexInt
	// FlexStrings decodes a string or an array of strings.
	FlexStrings = flexStrings
	// JSONWrapper says where a wrapper object keeps its records: Path is
	// the chain of keys leading to an array of records or to one record.
	JSONWrapper = jsonWrapper
)

// JSONSniffHead returns head without leading white space and BOM, and
// whether it starts like a JSON object or array.
func JSONSniffHead(head []byte) ([]byte, bool) { return jsonSniffHead(head) }

// ReadJSONFormat is the Read function of a JSON format: it streams the
// records found under wrappers (or at the top level), decodes each into a
// fresh T and maps it with toRecord. A record that does not decode, or
// that toRecord refuses, is yielded as a *RecordError and reading goes on;
// after a syntax error the reader resynchronises where the layout allows.
func ReadJSONFormat[T any](format string, wrappers []JSONWrapper, toRecord func(*T) (Record, error)) func(io.Reader) iter.Seq2[Record, error] {
	return readJSONFormat(format, wrappers, toRecord)
}

// The NLM rules (nlm.go) are shared by the MEDLINE and PubMed XML readers.

// NLMMonth returns 1–12 for a month as NLM writes it ("Mar", "03",
// "March"), and 0 otherwise.
func NLMMonth(s string) int { return nlmMonth(s) }

// NLMDay returns a day of month 1–31 written as digits, and 0 otherwise.
func NLMDay(s string) int { return nlmDay(s) }

// NLMFreeDate reads the free-text dates NLM prints as MedlineDate and DP
// ("2017 May-Jun", "2000 Spring", "2017 May 15"); a range keeps its start.
func NLMFreeDate(s string) Date { return nlmFreeDate(s) }

// NLMTrialID returns accession as a trial id when bank is a trial
// registry and the accession has that registry's form, and "" otherwise.
func NLMTrialID(bank, accession string) string { return nlmTrialID(bank, accession) }

// NLMPages fills a record's first and last page, or its electronic
// article number, from MEDLINE pagination ("2255-8", "e0123456", "12-5;
// discussion 16"): the first range only, an abbreviated last page
// completed.
func NLMPages(rec *Record, pgn string) { nlmPages(rec, pgn) }

// NLMTitle trims a title and drops the full stop NLM ends every title
// with, so that it compares equal to the same title from other sources.
func NLMTitle(s string) string { return nlmTitle(s) }

// AppendOnce appends s to list unless it is empty or already there.
func AppendOnce(list []string, s string) []string { return appendOnce(list, s) }

// Precision orders dates by how much they say: 0 none, 1 year, 2 month,
// 3 day.
func (d Date) Precision() int { return d.precision() }

// AbstractLabels lists the section labels of structured abstracts
// (tables/abstract-labels.txt, each also in capitals), longest first so
// that "Case presentation" wins over a shorter label. The slice is shared:
// callers must not change it.
func AbstractLabels() []string { return abstractLabels() }

// IsNameParticle reports a lower-case word that belongs to the family
// name it precedes ("van", "de", "bin"), as ParseName treats it.
func IsNameParticle(w string) bool { return particles[w] }
