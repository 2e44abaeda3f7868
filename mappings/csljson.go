package mappings

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func init() {
	Register(Format{
		Name:  "csl-json",
		Rank:  31,
		Title: "CSL-JSON (Zotero, Mendeley, citeproc)",
		Reads: "title, authors, container title and abbreviation, issued date, volume, issue, pages, DOI, PMID, PMCID, ISSN, URL, abstract, language, keywords, identifiers in note",
		Example: `[{"type":"article-journal","title":"A two-year follow-up","author":[{"family":"Wang","given":"Xiaohua"}],` +
			`"container-title":"Experimental and Therapeutic Medicine","issued":{"date-parts":[[2017,5]]},"DOI":"10.3892/etm.2017.4229"}]`,
		Sniff: sniffCSLJSON,
		Read:  readCSLJSON,
	})
}

// sniffCSLJSON looks for CSL variables written the CSL way: a
// "container-title" string (Crossref writes an array) or an issued
// date with "date-parts", together with a CSL item type.
func sniffCSLJSON(head []byte) int {
	head, ok := jsonSniffHead(head)
	// Crossref's REST API writes "reference-count" and arrays of titles;
	// the citeproc JSON Crossref serves by DOI content negotiation has
	// "reference-count" too, but it is CSL: its titles are strings.
	if !ok || bytes.Contains(head, []byte(`"message-type"`)) ||
		bytes.Contains(head, []byte(`"reference-count"`)) && !cslStringTitle.Match(head) {
		return 0
	}
	score := 0
	// A string title and a CSL name list together: OpenAlex and S2 have
	// string titles too, but not "author":[{"family":…}].
	if cslNamePattern.Match(head) {
		score += 10
		if cslStringTitle.Match(head) {
			score += 20
		}
	}
	if bytes.Contains(head, []byte(`"issued"`)) && bytes.Contains(head, []byte(`"date-parts"`)) {
		score += 20
	}
	if cslTypePattern.Match(head) {
		score += 20
	}
	if cslContainerPattern.Match(head) {
		score += 10
	}
	if score < 30 { // two signs: "type":"article" or a string title alone is OpenAlex's or S2's too
		return 0
	}
	return score
}

var (
	cslTypePattern      = regexp.MustCompile(`"type"\s*:\s*"(?:article-journal|article|paper-conference|chapter|book|report|thesis|webpage|article-magazine|article-newspaper|manuscript|dataset|review|entry-encyclopedia)"`)
	cslContainerPattern = regexp.MustCompile(`"container-title"\s*:\s*"`)
	// cslStringTitle: a "title" whose value is a string (Crossref's is an
	// array); cslNamePattern: a CSL name list ("author":[{"family":…}]).
	cslStringTitle = regexp.MustCompile(`"title"\s*:\s*"`)
	cslNamePattern = regexp.MustCompile(`"(?:author|editor)"\s*:\s*\[\s*\{\s*"(?:family|given|literal)"`)
)

// cslItem holds the CSL variables the reader uses. Numbers may come as
// strings or numbers, as the CSL schema allows.
type cslItem struct {
	Type           string      `json:"type"`
	Title          string      `json:"title"`
	Author         []cslName   `json:"author"`
	Container      string      `json:"container-title"`
	ContainerShort string      `json:"container-title-short"`
	JournalAbbrev  string      `json:"journalAbbreviation"`
	Issued         *cslDate    `json:"issued"`
	Volume         flexString  `json:"volume"`
	Issue          flexString  `json:"issue"`
	Page           flexString  `json:"page"`
	PageFirst      flexString  `json:"page-first"`
	Number         flexString  `json:"number"`
	DOI            string      `json:"DOI"`
	PMID           flexString  `json:"PMID"`
	PMCID          string      `json:"PMCID"`
	ISSN           flexStrings `json:"ISSN"`
	URL            string      `json:"URL"`
	Abstract       string      `json:"abstract"`
	Language       string      `json:"language"`
	Keyword        string      `json:"keyword"`
	Note           string      `json:"note"`
	Publisher      string      `json:"publisher"`
}

type cslName struct {
	Family      string `json:"family"`
	Given       string `json:"given"`
	Literal     string `json:"literal"`
	Dropping    string `json:"dropping-particle"`
	NonDropping string `json:"non-dropping-particle"`
	Suffix      string `json:"suffix"` // "Jr.", "III"
}

// cslDate is a CSL date: "date-parts" (numbers or strings), or the
// "raw" / "literal" text some exporters write instead.
type cslDate struct {
	Parts   [][]flexString `json:"date-parts"`
	Raw     string         `json:"raw"`
	Literal string         `json:"literal"`
}

func (d *cslDate) date() Date {
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
		if out, ok := ParseDate(cslDateText(n[0], n[1], n[2])); ok {
			return out
		}
	}
	for _, s := range []string{d.Raw, d.Literal} {
		if out, ok := ParseDate(s); ok {
			return out
		}
		if out, ok := cslMonthYear(s); ok {
			return out
		}
	}
	return Date{}
}

// cslDateText writes year, month, day (zero when unknown) as ParseDate
// reads them, so one rule checks every source's ranges.
func cslDateText(y, m, d int) string {
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

// cslMonth reads a month as a number ("5", "05") or an English name
// or abbreviation ("May", "may.", "Sept").
func cslMonth(s string) int {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), "."))
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 12 {
		return n
	}
	return cslMonths[s]
}

var cslMonthYearPattern = regexp.MustCompile(`(?i)^\s*(?:(\d{1,2})\s+)?([a-z]{3,9})\.?\s+(\d{4})\s*$|^\s*(\d{4})\s+([a-z]{3,9})\.?(?:\s+(\d{1,2}))?\s*$`)

// cslMonthYear reads "May 2017", "14 March 2017" and "2017 May 14".
func cslMonthYear(s string) (Date, bool) {
	m := cslMonthYearPattern.FindStringSubmatch(s)
	if m == nil {
		return Date{}, false
	}
	day, month, year := m[1], m[2], m[3]
	if year == "" {
		year, month, day = m[4], m[5], m[6]
	}
	mn := cslMonth(month)
	if mn == 0 {
		return Date{}, false
	}
	y, _ := strconv.Atoi(year)
	d, _ := strconv.Atoi(day)
	return ParseDate(cslDateText(y, mn, d))
}

var readCSLJSON = readJSONFormat("csl-json", nil, func(item *cslItem) (Record, error) { return item.record(), nil })

// cslNotePattern finds identifiers Zotero leaves in "note" ("PMID:
// 28565834", "PMCID: PMC5443306"), one per line.
var cslNotePattern = regexp.MustCompile(`(?im)^\s*(PMID|PMCID|DOI)\s*:\s*(\S+)`)

func (item *cslItem) record() Record {
	rec := Record{
		Title:     HTMLText(item.Title),
		Volume:    CleanText(string(item.Volume)),
		Issue:     CleanText(string(item.Issue)),
		DOI:       NormalizeDOI(item.DOI),
		PMID:      NormalizePMID(string(item.PMID)),
		PMCID:     NormalizePMCID(item.PMCID),
		Language:  LanguageCode(item.Language),
		Publisher: CleanText(item.Publisher),
		Issued:    item.Issued.date(),
	}
	rec.Journal.Title = CleanText(item.Container)
	rec.Journal.Abbrev = CleanText(item.ContainerShort)
	if rec.Journal.Abbrev == "" {
		rec.Journal.Abbrev = CleanText(item.JournalAbbrev)
	}
	for _, s := range item.ISSN {
		// Zotero may join both ISSNs into one string: "1792-0981, 1792-1015".
		for _, one := range splitList(s, ",; ") {
			if issn := rec.CheckISSN(one); issn != "" && !slices.Contains(rec.Journal.ISSNs, issn) {
				rec.Journal.ISSNs = append(rec.Journal.ISSNs, issn)
			}
		}
	}
	rec.PageStart, rec.PageEnd = SplitPages(string(item.Page))
	if rec.PageStart == "" {
		rec.PageStart = CleanText(string(item.PageFirst))
	}
	if rec.PageStart == "" && item.Number != "" && item.Type == "article-journal" {
		rec.ArticleNumber = CleanText(string(item.Number))
	}
	for _, a := range item.Author {
		rec.Authors = append(rec.Authors, a.author())
	}
	for _, m := range cslNotePattern.FindAllStringSubmatch(item.Note, -1) {
		switch strings.ToUpper(m[1]) {
		case "PMID":
			setOnce(&rec.PMID, NormalizePMID(m[2]))
		case "PMCID":
			setOnce(&rec.PMCID, NormalizePMCID(m[2]))
		case "DOI":
			setOnce(&rec.DOI, NormalizeDOI(m[2]))
		}
	}
	addURL(&rec, item.URL)
	if text := HTMLText(item.Abstract); text != "" {
		rec.Abstract = abstractFrom(text)
	}
	rec.Keywords = cslKeywords(item.Keyword)
	return rec
}

// cslKeywords splits the one "keyword" string CSL allows: on semicolons
// when there are any (so "Purpura, Thrombocytopenic" stays whole),
// otherwise on commas.
func cslKeywords(s string) []string {
	if strings.Contains(s, ";") {
		return splitList(s, ";\n")
	}
	return splitList(s, ",\n")
}

func (n cslName) author() Author {
	if n.Literal != "" {
		// Zotero's single-field names: usually a group, sometimes a
		// person whose name it could not split.
		return ParseName(n.Literal, GivenFirst)
	}
	family := strings.TrimSpace(CleanText(n.NonDropping) + " " + CleanText(n.Family))
	given := strings.TrimSpace(CleanText(n.Given) + " " + CleanText(n.Dropping))
	suffix := CleanText(n.Suffix)
	var a Author
	switch {
	case given == "":
		a = Author{AsWritten: family, Family: family}
	case family == "":
		a = Author{AsWritten: given, Family: given}
	default:
		a = Author{AsWritten: family + ", " + given, Family: family, Given: given}
	}
	if suffix != "" && a.Family != "" {
		a.AsWritten += ", " + suffix
		a.Suffix = suffix
	}
	return a
}
