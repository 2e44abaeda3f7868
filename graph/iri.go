package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/msckg/msckg/graph/iriref"
	"github.com/msckg/msckg/mappings"
	o "github.com/msckg/msckg/ontology"
)

// DefaultBase is where instance IRIs live unless --base says otherwise.
const DefaultBase = "https://w3id.org/msckg/id/"

// minter makes the instance IRIs of ONTOLOGY.md, "Instance IRIs". Every
// IRI depends only on the entity's identity, never on input order.
type minter struct{ base string }

func (m minter) paperByDOI(doi string) string {
	return m.base + "paper/doi/" + pathEscape(strings.ToLower(doi))
}
func (m minter) paperByPMID(pmid string) string { return m.base + "paper/pmid/" + pathEscape(pmid) }
func (m minter) paperByTitle(title string, year int) string {
	return m.base + "paper/title/" + hash16(fmt.Sprintf("%s|%d", normTitle(title), year))
}

// paperByRecord names a paper made of one record kept out of the paper
// whose identifiers it carries: its identity is that record, and a suffix
// on a DOI IRI could read as another DOI.
func (m minter) paperByRecord(sha string) string  { return m.base + "paper/record/" + sha[:16] }
func (m minter) journalByISSN(issn string) string { return m.base + "journal/issn/" + pathEscape(issn) }
func (m minter) journalByName(title string) string {
	return m.base + "journal/name/" + slug(title)
}
func (m minter) authorByORCID(orcid string) string {
	return m.base + "author/orcid/" + pathEscape(orcid)
}
func (m minter) authorByName(family, given string) string {
	s := slug(family)
	if g := slug(given); g != "" {
		s += "-" + g
	}
	if s == "" {
		s = "unnamed"
	}
	return m.base + "author/" + s
}
func (m minter) trial(id string) string         { return m.base + "trial/" + pathEscape(id) }
func (m minter) source(sha string) string       { return m.base + "source/" + sha[:16] }
func (m minter) derivedGraph() string           { return m.base + "graph/derived" }
func (m minter) vocabularyGraph() string        { return m.base + "graph/vocabulary" }
func (m minter) meshHeading(name string) string { return m.base + "concept/mesh-heading/" + slug(name) }

// pathEscape percent-encodes everything outside RFC 3986 unreserved
// characters and "/" (DOIs contain slashes that read well as path
// segments), so that no minted IRI needs escaping in any RDF syntax.
func pathEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// slug folds a name to lower-case ASCII words joined by "-": diacritics are
// dropped ("Schönlein" → "schonlein"), other characters separate words.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r >= 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			// A letter with no ASCII form (CJK, Greek): keep it, escaped.
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteString(url.PathEscape(string(r)))
		default:
			dash = true
		}
	}
	return b.String()
}

// normTitle folds a title for comparison: case, accents, punctuation and
// spacing do not make two titles different.
func normTitle(s string) string { return strings.ReplaceAll(slug(s), "-", " ") }

func hash16(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])[:16]
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// statedURL states that s has the web page u: as schema:url when u is an
// IRI, else as text, so that one malformed link costs neither the record
// nor the build (RepairIRIs has already repaired what can be).
func statedURL(ds *Dataset, g, s, u string) {
	if validIRI(u) {
		ds.link(g, s, o.SchemaURL, u)
		return
	}
	ds.add(g, s, o.RDFSComment, str("URL given by the source, not a valid IRI: "+u))
}

// meshUI is the shape of a MeSH unique identifier: D000001, C000657245, Q000009.
var meshUI = regexp.MustCompile(`^[CDQM][0-9]{6,9}$`)

// RepairIRIs makes the values of r that become IRIs safe to write, in
// place, and says what it changed, one line each, for the caller to
// report with the record's file and number: a URL is repaired by the IRI
// rules (package iriref) or kept to be stated as text; a MeSH UI that is
// not one is dropped, and its heading kept by name.
func RepairIRIs(r *mappings.Record) []string {
	var warnings []string
	repair := func(what string, u *string) {
		if *u == "" || validIRI(*u) {
			return
		}
		if fixed, ok := iriref.Repair(*u); ok {
			warnings = append(warnings, fmt.Sprintf("%s %q is not a valid IRI; written as %q", what, *u, fixed))
			*u = fixed
			return
		}
		warnings = append(warnings, fmt.Sprintf("%s %q is not a valid IRI and cannot be repaired (%v); kept as text", what, *u, iriref.Check(*u)))
	}
	for i := range r.URLs {
		repair("URL", &r.URLs[i])
	}
	if r.Trial != nil {
		repair("trial URL", &r.Trial.URL)
	}
	for i := range r.MeSH {
		m := &r.MeSH[i]
		if m.UI != "" && !meshUI.MatchString(m.UI) {
			warnings = append(warnings, fmt.Sprintf("MeSH UI %q of %q is not a MeSH identifier; the heading is kept by name", m.UI, m.Descriptor))
			m.UI = ""
		}
	}
	return warnings
}
