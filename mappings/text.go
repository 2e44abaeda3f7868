package mappings

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// StripTags removes HTML/XML tags and decodes character entities. A "<"
// that does not open a tag (as in "p < 0.05") is kept. Font-style tags
// inside a word go without a trace ("<scp>T</scp>reebase" is "Treebase",
// "(<i>Prionailurus</i>)" keeps its brackets tight); every other tag
// becomes a space so that words never run together — <sup> and <sub> too,
// so that "10<sup>9</sup>" never reads as the number 109.
func StripTags(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == '<' && i+1 < len(s) && opensTag(s[i+1]) {
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				b.WriteString(s[i:])
				break
			}
			if !fontStyleTag(s[i+1 : i+end]) {
				b.WriteByte(' ')
			}
			i += end + 1
			continue
		}
		b.WriteByte(c)
		i++
	}
	return html.UnescapeString(b.String())
}

// fontStyleTags change how letters look, not where words end (HTML,
// JATS and Crossref's jats: prefix).
var fontStyleTags = map[string]bool{
	"i": true, "b": true, "u": true, "em": true, "strong": true, "scp": true, "sc": true,
	"italic": true, "bold": true, "underline": true, "small": true, "span": true,
	"tt": true, "monospace": true, "roman": true, "sans-serif": true,
}

// fontStyleTag reports whether the inside of a tag ("i", "/jats:italic",
// "span class=x") is a font-style tag.
func fontStyleTag(inner string) bool {
	inner = strings.TrimPrefix(inner, "/")
	if i := strings.IndexAny(inner, " \t\r\n/"); i >= 0 {
		inner = inner[:i]
	}
	if i := strings.IndexByte(inner, ':'); i >= 0 {
		inner = inner[i+1:]
	}
	return fontStyleTags[strings.ToLower(inner)]
}

func opensTag(c byte) bool {
	return c == '/' || c == '!' || c == '?' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// CleanText collapses every run of white space (including no-break
// spaces and line breaks) into one space and trims the ends. Invalid
// UTF-8 is replaced, so that text can always be written out.
func CleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\ufeff' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// HTMLText is CleanText(StripTags(s)): the readable text of an HTML snippet.
func HTMLText(s string) string { return CleanText(StripTags(s)) }

var doiPattern = regexp.MustCompile(`^10\.\d{4,9}/\S+$`)

// NormalizeDOI returns a DOI in the form the graph keys on: lower-case,
// without "doi:" or a resolver prefix, without trailing punctuation that
// a sentence added. It returns "" when s does not hold a DOI.
func NormalizeDOI(s string) string {
	s = CleanText(s)
	low := strings.ToLower(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "dx.doi.org/", "doi:", "doi "} {
		if strings.HasPrefix(low, p) {
			low = strings.TrimSpace(low[len(p):])
			break
		}
	}
	if dec, err := url.PathUnescape(low); err == nil {
		low = dec
	}
	low = strings.TrimRight(low, ".,;")
	if !doiPattern.MatchString(low) {
		return ""
	}
	return low
}

var (
	pmcidPattern   = regexp.MustCompile(`(?i)\bPMC(\d{1,9})\b`)
	pmidPattern    = regexp.MustCompile(`^\d{1,9}$`)
	pubmedURLPaths = regexp.MustCompile(`^/(?:pubmed/|entrez/.*\bid=)?(\d{1,9})/?$`)
)

// NormalizePMCID returns "PMC" followed by digits for inputs such as
// "PMC5443306", "pmc5443306" or "5443306" and "" for anything else.
func NormalizePMCID(s string) string {
	s = strings.TrimSpace(s)
	if pmidPattern.MatchString(s) {
		return "PMC" + s
	}
	m := pmcidPattern.FindStringSubmatch(s)
	if m == nil || len(m[0]) != len(s) {
		return ""
	}
	return "PMC" + m[1]
}

// NormalizePMID returns the digits of a PMID ("PMID: 28565834" and
// "28565834" both give "28565834") and "" for anything else.
func NormalizePMID(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 4 && strings.EqualFold(s[:4], "pmid") {
		s = strings.TrimLeft(s[4:], ": ")
	}
	if !pmidPattern.MatchString(s) || strings.Trim(s, "0") == "" {
		return ""
	}
	return s
}

// IDs are the identifiers a URL reveals.
type IDs struct{ DOI, PMID, PMCID string }

// IDsFromURL reads a DOI, PMID or PMCID from the URL of a resolver that
// is known to carry it (doi.org, PubMed, PubMed Central, Europe PMC).
// Other URLs reveal nothing: a number in an arbitrary URL is not a PMID.
func IDsFromURL(raw string) IDs {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return IDs{}
	}
	host := strings.ToLower(strings.TrimPrefix(u.Host, "www."))
	path := u.EscapedPath()
	switch {
	case host == "doi.org" || host == "dx.doi.org":
		p, err := url.PathUnescape(strings.TrimPrefix(path, "/"))
		if err != nil {
			return IDs{}
		}
		return IDs{DOI: NormalizeDOI(p)}
	case host == "pmc.ncbi.nlm.nih.gov" || host == "europepmc.org" ||
		(host == "ncbi.nlm.nih.gov" && strings.HasPrefix(path, "/pmc/")):
		if m := pmcidPattern.FindStringSubmatch(path); m != nil {
			return IDs{PMCID: "PMC" + m[1]}
		}
	case host == "pubmed.ncbi.nlm.nih.gov" || (host == "ncbi.nlm.nih.gov" && strings.HasPrefix(path, "/pubmed/")):
		if m := pubmedURLPaths.FindStringSubmatch(path); m != nil {
			return IDs{PMID: NormalizePMID(m[1])}
		}
	}
	return IDs{}
}

// addURLIDs fills identifiers the record lacks from one of its URLs.
func addURLIDs(rec *Record, raw string) {
	ids := IDsFromURL(raw)
	if rec.DOI == "" {
		rec.DOI = ids.DOI
	}
	if rec.PMID == "" {
		rec.PMID = ids.PMID
	}
	if rec.PMCID == "" {
		rec.PMCID = ids.PMCID
	}
}

// addURL appends a URL once, keeping the source's order.
func addURL(rec *Record, raw string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return
	}
	for _, u := range rec.URLs {
		if u == raw {
			return
		}
	}
	rec.URLs = append(rec.URLs, raw)
	addURLIDs(rec, raw)
}

var issnPattern = regexp.MustCompile(`^(\d{4})-?(\d{3}[\dXx])$`)

// NormalizeISSN returns an ISSN as NNNN-NNNX when s is one with a valid
// check digit, and "" otherwise: a mistyped ISSN would join a paper to
// the wrong journal, which is worse than joining it to none.
func NormalizeISSN(s string) string {
	m := issnPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	digits := strings.ToUpper(m[1] + m[2])
	sum := 0
	for i := 0; i < 7; i++ {
		sum += int(digits[i]-'0') * (8 - i)
	}
	check := (11 - sum%11) % 11
	want := byte('0' + check)
	if check == 10 {
		want = 'X'
	}
	if digits[7] != want {
		return ""
	}
	return digits[:4] + "-" + digits[4:]
}

// CheckISSN is NormalizeISSN for a value a reader found in rec: a value
// shaped like an ISSN whose check digit is wrong is still left out, but
// with a warning on rec, so that the journal link it would have made is
// not lost silently (issue 11). Every reader calls it where an ISSN
// arrives, the way ORCID iDs are checked in one place.
func (rec *Record) CheckISSN(s string) string {
	s = strings.TrimSpace(s)
	issn := NormalizeISSN(s)
	if issn == "" && issnPattern.MatchString(s) {
		w := fmt.Sprintf("ISSN %q has a wrong check digit (a typo?); left out, so the journal is not identified by it", s)
		if !slices.Contains(rec.Warnings, w) { // PubMed repeats an ISSN as the linking one
			rec.Warnings = append(rec.Warnings, w)
		}
	}
	return issn
}

// LanguageCode maps a language as sources write it (an English name,
// an ISO 639-1 or 639-2 code, "zh-CN") to its ISO 639-1 code, or "" when
// it is not in the table (tables/languages.tsv).
func LanguageCode(s string) string {
	s = strings.ToLower(CleanText(s))
	if s == "" {
		return ""
	}
	if c, ok := languageCodes()[s]; ok {
		return c
	}
	// "zh-CN", "en_US": the primary subtag decides.
	if i := strings.IndexAny(s, "-_"); i > 0 {
		if c, ok := languageCodes()[s[:i]]; ok {
			return c
		}
	}
	return ""
}

var pagesPattern = regexp.MustCompile(`^([A-Za-z]?\d+[A-Za-z]?)\s*(?:[-–—]+\s*([A-Za-z]?\d+[A-Za-z]?))?$`)

// SplitPages splits "2255-2258", "2255–58" or "1038" into first and last
// page. An abbreviated last page ("2255-58") is completed from the first,
// as MEDLINE prints them. Text that is not a page range comes back whole
// as the first page.
func SplitPages(s string) (first, last string) {
	s = CleanText(s)
	m := pagesPattern.FindStringSubmatch(s)
	if m == nil {
		return s, ""
	}
	first, last = m[1], m[2]
	if isDigits(first) && isDigits(last) && len(last) < len(first) {
		last = first[:len(first)-len(last)] + last
	}
	return first, last
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// splitList splits a delimited list and drops empty items.
func splitList(s string, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = CleanText(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// setOnce stores v in *field unless the record already holds a value
// there: of tags repeated in one record (two TI lines, T1 and TI), the
// first wins.
func setOnce(field *string, v string) {
	if *field == "" {
		*field = v
	}
}

var orcidPattern = regexp.MustCompile(`(\d{4}-\d{4}-\d{4}-\d{3}[\dX])`)

// ORCIDIn returns the bare ORCID iD of "https://orcid.org/0000-…" or
// "0000-…", and "" for anything else.
func ORCIDIn(s string) string {
	m := orcidPattern.FindStringSubmatch(strings.ToUpper(s))
	if m == nil {
		return ""
	}
	return m[1]
}
