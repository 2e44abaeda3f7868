package mappings

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
)

func init() {
	Register(Format{
		Name:  "s2-api-json",
		Rank:  41,
		Title: "Semantic Scholar Graph API JSON (a paper, a batch array, or {\"data\": […]})",
		Reads: "paper id, DOI, PMID, PMCID, title, abstract, venue and journal (name, volume, pages), date, authors, citation count, publication types, URL, open-access PDF",
		Example: `{"paperId":"649def34f8be52c8b66281af98ae884c09aef38b","externalIds":{"DOI":"10.3892/etm.2017.4229","PubMed":"28565834"},` +
			`"title":"A two-year follow-up","authors":[{"authorId":"1","name":"Xiaohua Wang"}]}`,
		Sniff: sniffS2API,
		Read:  readS2API,
	})
}

// sniffS2API claims pure JSON documents with Graph API field names. The
// scraped "s2-page" format also holds a Semantic Scholar object, but
// inside a web page and with the scraper's "platform" field: that is
// never ours.
func sniffS2API(head []byte) int {
	if bytes.Contains(head, []byte(`"platform":"Semanticscholar"`)) {
		return 0
	}
	head, ok := jsonSniffHead(head)
	if !ok {
		return 0
	}
	paperID := s2PaperIDPattern.Match(head)
	n := 0
	for _, m := range [][]byte{[]byte(`"externalIds"`), []byte(`"authorId"`), []byte(`"citationCount"`), []byte(`"publicationTypes"`), []byte(`"openAccessPdf"`), []byte(`"fieldsOfStudy"`)} {
		if bytes.Contains(head, m) {
			n++
		}
	}
	// The page reader claims a bare {"title":…,"publicationDate":…} at
	// 60: Graph API names must outbid it.
	switch {
	case paperID && n >= 1:
		return 80
	case n >= 2:
		return 70
	case paperID:
		return 65
	}
	return 0
}

var s2PaperIDPattern = regexp.MustCompile(`"paperId"\s*:\s*"`)

var s2APIWrappers = []jsonWrapper{{Path: []string{"data"}}}

type s2APIPaper struct {
	PaperID     string `json:"paperId"`
	ExternalIDs struct {
		DOI           flexString `json:"DOI"`
		PubMed        flexString `json:"PubMed"`
		PubMedCentral flexString `json:"PubMedCentral"`
	} `json:"externalIds"`
	URL      string `json:"url"`
	Title    string `json:"title"`
	Abstract string `json:"abstract"`
	Venue    string `json:"venue"`
	Journal  *struct {
		Name   string     `json:"name"`
		Volume flexString `json:"volume"`
		Pages  flexString `json:"pages"`
	} `json:"journal"`
	PublicationDate string     `json:"publicationDate"`
	Year            flexString `json:"year"`
	Authors         []struct {
		AuthorID flexString `json:"authorId"`
		Name     string     `json:"name"`
	} `json:"authors"`
	CitationCount    flexInt         `json:"citationCount"`
	PublicationTypes flexStrings     `json:"publicationTypes"`
	OpenAccessPDF    json.RawMessage `json:"openAccessPdf"`
}

var readS2API = readJSONFormat("s2-api-json", s2APIWrappers, func(p *s2APIPaper) (Record, error) { return p.record(), nil })

func (p *s2APIPaper) record() Record {
	rec := Record{
		Title:         HTMLText(p.Title),
		DOI:           NormalizeDOI(string(p.ExternalIDs.DOI)),
		PMID:          NormalizePMID(string(p.ExternalIDs.PubMed)),
		PMCID:         NormalizePMCID(string(p.ExternalIDs.PubMedCentral)),
		CitationCount: p.CitationCount.V,
	}
	rec.Journal.Title = CleanText(p.Venue)
	if j := p.Journal; j != nil {
		if name := CleanText(j.Name); name != "" {
			rec.Journal.Title = name
		}
		rec.Volume = CleanText(string(j.Volume))
		rec.PageStart, rec.PageEnd = SplitPages(string(j.Pages))
	}
	if d, ok := ParseDate(p.PublicationDate); ok {
		rec.Issued = d
	} else if d, ok := ParseDate(string(p.Year)); ok {
		rec.Issued = d
	}
	for _, a := range p.Authors {
		if au := ParseName(a.Name, GivenFirst); au.AsWritten != "" {
			rec.Authors = append(rec.Authors, au)
		}
	}
	if text := HTMLText(p.Abstract); text != "" {
		rec.Abstract = abstractFrom(text)
	}
	for _, t := range p.PublicationTypes {
		if t = CleanText(t); t != "" {
			rec.PublicationTypes = append(rec.PublicationTypes, t)
		}
	}
	addURL(&rec, p.URL)
	addURL(&rec, s2PDFURL(p.OpenAccessPDF))
	return rec
}

// s2PDFURL reads "openAccessPdf", an object {"url": …, "status": …} in
// the Graph API (a bare string in some dumps).
func s2PDFURL(raw json.RawMessage) string {
	var obj struct {
		URL string `json:"url"`
	}
	if json.Unmarshal(raw, &obj) == nil && obj.URL != "" {
		return obj.URL
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	return ""
}
