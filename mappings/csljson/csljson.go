// Package csljson reads CSL-JSON, the citation format of Zotero, Mendeley
// and DOI content negotiation: one item or an array of items.
package csljson

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
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
	head, ok := mappings.JSONSniffHead(head)
	// Crossref's REST API writes "reference-count" and arrays of titles;
	// the citeproc JSON Crossref serves by DOI content negotiation has
	// "reference-count" too, but it is CSL: its titles are strings.
	if !ok || bytes.Contains(head, []byte(`"message-type"`)) ||
		bytes.Contains(head, []byte(`"reference-count"`)) && !mappings.HasStringTitle(head) {
		return 0
	}
	score := 0
	// A string title and a CSL name list together: OpenAlex and S2 have
	// string titles too, but not "author":[{"family":…}].
	if cslNamePattern.Match(head) {
		score += 10
		if mappings.HasStringTitle(head) {
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
	Type           string               `json:"type"`
	Title          string               `json:"title"`
	Author         []cslName            `json:"author"`
	Container      string               `json:"container-title"`
	ContainerShort string               `json:"container-title-short"`
	JournalAbbrev  string               `json:"journalAbbreviation"`
	Issued         *mappings.CSLDate    `json:"issued"`
	Volume         mappings.FlexString  `json:"volume"`
	Issue          mappings.FlexString  `json:"issue"`
	Page           mappings.FlexString  `json:"page"`
	PageFirst      mappings.FlexString  `json:"page-first"`
	Number         mappings.FlexString  `json:"number"`
	DOI            string               `json:"DOI"`
	PMID           mappings.FlexString  `json:"PMID"`
	PMCID          string               `json:"PMCID"`
	ISSN           mappings.FlexStrings `json:"ISSN"`
	URL            string               `json:"URL"`
	Abstract       string               `json:"abstract"`
	Language       string               `json:"language"`
	Keyword        string               `json:"keyword"`
	Note           string               `json:"note"`
	Publisher      string               `json:"publisher"`
}

type cslName struct {
	Family      string `json:"family"`
	Given       string `json:"given"`
	Literal     string `json:"literal"`
	Dropping    string `json:"dropping-particle"`
	NonDropping string `json:"non-dropping-particle"`
	Suffix      string `json:"suffix"` // "Jr.", "III"
}

var readCSLJSON = mappings.ReadJSONFormat("csl-json", nil, func(item *cslItem) (mappings.Record, error) { return item.record(), nil })

// cslNotePattern finds identifiers Zotero leaves in "note" ("PMID:
// 28565834", "PMCID: PMC5443306"), one per line.
var cslNotePattern = regexp.MustCompile(`(?im)^\s*(PMID|PMCID|DOI)\s*:\s*(\S+)`)

func (item *cslItem) record() mappings.Record {
	rec := mappings.Record{
		Title:     mappings.HTMLText(item.Title),
		Volume:    mappings.CleanText(string(item.Volume)),
		Issue:     mappings.CleanText(string(item.Issue)),
		DOI:       mappings.NormalizeDOI(item.DOI),
		PMID:      mappings.NormalizePMID(string(item.PMID)),
		PMCID:     mappings.NormalizePMCID(item.PMCID),
		Language:  mappings.LanguageCode(item.Language),
		Publisher: mappings.CleanText(item.Publisher),
		Issued:    item.Issued.Date(),
	}
	rec.Journal.Title = mappings.CleanText(item.Container)
	rec.Journal.Abbrev = mappings.CleanText(item.ContainerShort)
	if rec.Journal.Abbrev == "" {
		rec.Journal.Abbrev = mappings.CleanText(item.JournalAbbrev)
	}
	for _, s := range item.ISSN {
		// Zotero may join both ISSNs into one string: "1792-0981, 1792-1015".
		for _, one := range mappings.SplitList(s, ",; ") {
			if issn := rec.CheckISSN(one); issn != "" && !slices.Contains(rec.Journal.ISSNs, issn) {
				rec.Journal.ISSNs = append(rec.Journal.ISSNs, issn)
			}
		}
	}
	rec.PageStart, rec.PageEnd = mappings.SplitPages(string(item.Page))
	if rec.PageStart == "" {
		rec.PageStart = mappings.CleanText(string(item.PageFirst))
	}
	if rec.PageStart == "" && item.Number != "" && item.Type == "article-journal" {
		rec.ArticleNumber = mappings.CleanText(string(item.Number))
	}
	for _, a := range item.Author {
		rec.Authors = append(rec.Authors, a.author())
	}
	for _, m := range cslNotePattern.FindAllStringSubmatch(item.Note, -1) {
		switch strings.ToUpper(m[1]) {
		case "PMID":
			mappings.SetOnce(&rec.PMID, mappings.NormalizePMID(m[2]))
		case "PMCID":
			mappings.SetOnce(&rec.PMCID, mappings.NormalizePMCID(m[2]))
		case "DOI":
			mappings.SetOnce(&rec.DOI, mappings.NormalizeDOI(m[2]))
		}
	}
	mappings.AddURL(&rec, item.URL)
	if text := mappings.HTMLText(item.Abstract); text != "" {
		rec.Abstract = mappings.AbstractFrom(text)
	}
	rec.Keywords = mappings.SplitKeywords(item.Keyword)
	return rec
}

func (n cslName) author() mappings.Author {
	if n.Literal != "" {
		// Zotero's single-field names: usually a group, sometimes a
		// person whose name it could not split.
		return mappings.ParseName(n.Literal, mappings.GivenFirst)
	}
	family := strings.TrimSpace(mappings.CleanText(n.NonDropping) + " " + mappings.CleanText(n.Family))
	given := strings.TrimSpace(mappings.CleanText(n.Given) + " " + mappings.CleanText(n.Dropping))
	suffix := mappings.CleanText(n.Suffix)
	var a mappings.Author
	switch {
	case given == "":
		a = mappings.Author{AsWritten: family, Family: family}
	case family == "":
		a = mappings.Author{AsWritten: given, Family: given}
	default:
		a = mappings.Author{AsWritten: family + ", " + given, Family: family, Given: given}
	}
	if suffix != "" && a.Family != "" {
		a.AsWritten += ", " + suffix
		a.Suffix = suffix
	}
	return a
}
