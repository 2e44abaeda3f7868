package mappings

import (
	"bytes"
	"regexp"
	"slices"
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
		bytes.Contains(head, []byte(`"reference-count"`)) && !HasStringTitle(head) {
		return 0
	}
	score := 0
	// A string title and a CSL name list together: OpenAlex and S2 have
	// string titles too, but not "author":[{"family":…}].
	if cslNamePattern.Match(head) {
		score += 10
		if HasStringTitle(head) {
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
	// cslNamePattern: a CSL name list ("author":[{"family":…}]).
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
	Issued         *CSLDate    `json:"issued"`
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
		Issued:    item.Issued.Date(),
	}
	rec.Journal.Title = CleanText(item.Container)
	rec.Journal.Abbrev = CleanText(item.ContainerShort)
	if rec.Journal.Abbrev == "" {
		rec.Journal.Abbrev = CleanText(item.JournalAbbrev)
	}
	for _, s := range item.ISSN {
		// Zotero may join both ISSNs into one string: "1792-0981, 1792-1015".
		for _, one := range splitList(s, ",; ") {
			if issn := NormalizeISSN(one); issn != "" && !slices.Contains(rec.Journal.ISSNs, issn) {
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
	rec.Keywords = SplitKeywords(item.Keyword)
	return rec
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
