package mappings

import (
	"regexp"
	"strconv"
	"strings"
)

// CSL shapes that the CSL-JSON, Crossref and BibTeX readers share: CSL
// dates, month names and keyword lists.

// CSLDate is a CSL date: "date-parts" (numbers or strings), or the
// "raw" / "literal" text some exporters write instead.
type CSLDate struct {
	Parts   [][]FlexString `json:"date-parts"`
	Raw     string         `json:"raw"`
	Literal string         `json:"literal"`
}

// Date reads the date-parts, else the raw or literal text; the zero Date
// when none is a date.
func (d *CSLDate) Date() Date {
	if d == nil {
		return Date{}
	}
	if len(d.Parts) > 0 && len(d.Parts[0]) > 0 {
		var n [3]int
		for i, p := range d.Parts[0] {
			if i == 3 {
				break
			}
			v, err := strconv.Atoi(string(p))
			if err != nil {
				break
			}
			n[i] = v
		}
		if out, ok := ParseDate(DateText(n[0], n[1], n[2])); ok {
			return out
		}
	}
	for _, s := range []string{d.Raw, d.Literal} {
		if out, ok := ParseDate(s); ok {
			return out
		}
		if out, ok := ParseMonthYear(s); ok {
			return out
		}
	}
	return Date{}
}

// DateText writes year, month, day (zero when unknown) as ParseDate
// reads them, so one rule checks every source's ranges.
func DateText(y, m, d int) string {
	switch {
	case y == 0:
		return ""
	case m == 0:
		return strconv.Itoa(y)
	case d == 0:
		return strconv.Itoa(y) + "-" + strconv.Itoa(m)
	}
	return strconv.Itoa(y) + "-" + strconv.Itoa(m) + "-" + strconv.Itoa(d)
}

var cslMonths = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

// ParseMonth reads a month as a number ("5", "05") or an English name
// or abbreviation ("May", "may.", "Sept").
func ParseMonth(s string) int {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), "."))
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 12 {
		return n
	}
	return cslMonths[s]
}

var cslMonthYearPattern = regexp.MustCompile(`(?i)^\s*(?:(\d{1,2})\s+)?([a-z]{3,9})\.?\s+(\d{4})\s*$|^\s*(\d{4})\s+([a-z]{3,9})\.?(?:\s+(\d{1,2}))?\s*$`)

// ParseMonthYear reads "May 2017", "14 March 2017" and "2017 May 14".
func ParseMonthYear(s string) (Date, bool) {
	m := cslMonthYearPattern.FindStringSubmatch(s)
	if m == nil {
		return Date{}, false
	}
	day, month, year := m[1], m[2], m[3]
	if year == "" {
		year, month, day = m[4], m[5], m[6]
	}
	mn := ParseMonth(month)
	if mn == 0 {
		return Date{}, false
	}
	y, _ := strconv.Atoi(year)
	d, _ := strconv.Atoi(day)
	return ParseDate(DateText(y, mn, d))
}

// SplitKeywords splits a one-string keyword list (CSL "keyword", BibTeX
// "keywords"): on semicolons
// when there are any (so "Purpura, Thrombocytopenic" stays whole),
// otherwise on commas.
func SplitKeywords(s string) []string {
	if strings.Contains(s, ";") {
		return splitList(s, ";\n")
	}
	return splitList(s, ",\n")
}

var stringTitle = regexp.MustCompile(`"title"\s*:\s*"`)

// HasStringTitle reports a JSON "title" whose value is a string: CSL's and
// citeproc's are, Crossref's REST API writes an array.
func HasStringTitle(head []byte) bool { return stringTitle.Match(head) }
