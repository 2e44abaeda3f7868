package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
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
