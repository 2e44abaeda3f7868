package mappings

import (
	"regexp"
	"strconv"
	"strings"
)

// Helpers for the field conventions NLM shares between PubMed XML and the
// MEDLINE (.nbib) format: dates, ORCIDs, trial registry links, pages.

// nlmMonths maps the month abbreviations NLM prints to month numbers.
var nlmMonths = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// nlmMonth reads a month written as a name ("May", "September") or a
// number ("05", "5"); 0 means not a month (seasons such as "Spring" too).
func nlmMonth(s string) int {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= 12 {
			return n
		}
		return 0
	}
	if len(s) < 3 {
		return 0
	}
	return nlmMonths[strings.ToLower(s[:3])]
}

// nlmDay reads a day of the month, 0 when s is not one.
func nlmDay(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 31 {
		return 0
	}
	return n
}

var nlmYear = regexp.MustCompile(`^(\d{4})\b`)

// nlmFreeDate reads the free-text dates NLM prints as MedlineDate in XML
// and as DP in MEDLINE: "2017 May", "2017 May 15", "2017 May-Jun",
// "1998 Dec-1999 Jan", "2000 Spring", "1975-1976". A range keeps its
// start; a day is kept only when it is not the start of a range of days
// ("2001 Dec 15-21" gives December 2001).
func nlmFreeDate(s string) Date {
	s = CleanText(s)
	m := nlmYear.FindStringSubmatch(s)
	if m == nil {
		return Date{}
	}
	y, _ := strconv.Atoi(m[1])
	d := Date{Year: y}
	rest := strings.Fields(s[len(m[1]):])
	if len(rest) == 0 {
		return d
	}
	month, _, ranged := strings.Cut(rest[0], "-")
	if d.Month = nlmMonth(month); d.Month == 0 || ranged || len(rest) < 2 {
		return d
	}
	if !strings.Contains(rest[1], "-") && len(rest) == 2 {
		d.Day = nlmDay(rest[1])
	}
	return d
}

var orcidPrefix = regexp.MustCompile(`(?i)^(?:https?://)?(?:www\.)?orcid\.org/`)

// nlmORCID returns an ORCID iD as 0000-0000-0000-000X from the forms
// PubMed carries ("0000-0002-0783-7351", "http://orcid.org/0000-…",
// "0000000179131932"), or "" when the check digit (ISO 7064 MOD 11-2)
// is wrong: a mistyped iD would merge two people.
func nlmORCID(s string) string {
	s = orcidPrefix.ReplaceAllString(strings.TrimSpace(s), "")
	var digits []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == 'X':
			digits = append(digits, c)
		case c == 'x':
			digits = append(digits, 'X')
		case c == '-' || c == ' ':
		default:
			return ""
		}
	}
	if len(digits) != 16 {
		return ""
	}
	total := 0
	for _, c := range digits[:15] {
		if c == 'X' {
			return ""
		}
		total = (total + int(c-'0')) * 2
	}
	check := (12 - total%11) % 11
	want := byte('0' + check)
	if check == 10 {
		want = 'X'
	}
	if digits[15] != want {
		return ""
	}
	d := string(digits)
	return d[0:4] + "-" + d[4:8] + "-" + d[8:12] + "-" + d[12:16]
}

// trialIDs says, per trial registry as PubMed names it in DataBankName
// (XML) and SI (MEDLINE), what its accession numbers look like. Other
// data banks (GenBank, Dryad, figshare, ...) hold data, not trials.
var trialIDs = map[string]*regexp.Regexp{
	"clinicaltrials.gov": regexp.MustCompile(`^NCT\d{8}$`),
	"isrctn":             regexp.MustCompile(`^ISRCTN\d{8}$`),
	"chictr":             regexp.MustCompile(`^ChiCTR[-A-Za-z0-9]+$`),
	"anzctr":             regexp.MustCompile(`^ACTRN\d{14}$`),
	"eudract":            regexp.MustCompile(`^\d{4}-\d{6}-\d{2}$`),
	"drks":               regexp.MustCompile(`^DRKS\d{8}$`),
	"ctri":               regexp.MustCompile(`^CTRI/\d{4}/\d+/\d+$`),
	"jprn":               regexp.MustCompile(`^(?:JPRN-)?[A-Za-z]+\d+$`),
	"umin-ctr":           regexp.MustCompile(`^UMIN\d{9}$`),
	"ntr":                regexp.MustCompile(`^NTR\d+$`),
}

// nlmTrialID returns accession as a trial id when bank is a trial
// registry and the accession has that registry's form, else "".
func nlmTrialID(bank, accession string) string {
	re := trialIDs[strings.ToLower(strings.TrimSpace(bank))]
	accession = strings.TrimSpace(accession)
	if re == nil || !re.MatchString(accession) {
		return ""
	}
	return accession
}

var articleNumber = regexp.MustCompile(`^e\d{3,}$`)

// nlmPages fills the page fields from MEDLINE pagination ("2255-8",
// "2255-2258", "e0123456", "12-5; discussion 16"): the first range only,
// with an abbreviated last page completed. A lone e-number is an
// electronic article number, not a page.
func nlmPages(rec *Record, pgn string) {
	pgn = CleanText(pgn)
	if i := strings.IndexAny(pgn, ",;"); i >= 0 {
		pgn = strings.TrimSpace(pgn[:i])
	}
	if pgn == "" {
		return
	}
	if articleNumber.MatchString(pgn) {
		rec.ArticleNumber = pgn
		return
	}
	rec.PageStart, rec.PageEnd = SplitPages(pgn)
	// SplitPages completes only all-digit ranges; MEDLINE abbreviates
	// supplement pages too ("S12-5" is S12 to S15).
	first, last := rec.PageStart, rec.PageEnd
	if i := strings.IndexAny(first, "0123456789"); i > 0 && isDigits(first[i:]) && isDigits(last) && len(last) < len(first[i:]) {
		digits := first[i:]
		rec.PageEnd = first[:i] + digits[:len(digits)-len(last)] + last
	}
}

// nlmTitle trims a title and drops the full stop NLM ends every title
// with, so that it compares equal to the same title from other sources.
func nlmTitle(s string) string {
	s = CleanText(s)
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") {
		s = s[:len(s)-1]
	}
	return s
}

// appendOnce appends s to list unless it is empty or already there.
func appendOnce(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
