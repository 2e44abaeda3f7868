// Package s2api reads Semantic Scholar Graph API paper JSON.
package s2api

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
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
	head, ok := mappings.JSONSniffHead(head)
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

var s2APIWrappers = []mappings.JSONWrapper{{Path: []string{"data"}}}

type s2APIPaper struct {
	PaperID     string `json:"paperId"`
	ExternalIDs struct {
		DOI           mappings.FlexString `json:"DOI"`
		PubMed        mappings.FlexString `json:"PubMed"`
		PubMedCentral mappings.FlexString `json:"PubMedCentral"`
	} `json:"externalIds"`
	URL      string `json:"url"`
	Title    string `json:"title"`
	Abstract string `json:"abstract"`
	Venue    string `json:"venue"`
	Journal  *struct {
		Name   string              `json:"name"`
		Volume mappings.FlexString `json:"volume"`
		Pages  mappings.FlexString `json:"pages"`
	} `json:"journal"`
	PublicationDate string              `json:"publicationDate"`
	Year            mappings.FlexString `json:"year"`
	Authors         []struct {
		AuthorID mappings.FlexString `json:"authorId"`
		Name     string              `json:"name"`
	} `json:"authors"`
	CitationCount    mappings.FlexInt     `json:"citationCount"`
	PublicationTypes mappings.FlexStrings `json:"publicationTypes"`
	OpenAccessPDF    json.RawMessage      `json:"openAccessPdf"`
}

var readS2API = mappings.ReadJSONFormat("s2-api-json", s2APIWrappers, func(p *s2APIPaper) (mappings.Record, error) { return p.record(), nil })

func (p *s2APIPaper) record() mappings.Record {
	rec := mappings.Record{
		Title:         mappings.HTMLText(p.Title),
		DOI:           mappings.NormalizeDOI(string(p.ExternalIDs.DOI)),
		PMID:          mappings.NormalizePMID(string(p.ExternalIDs.PubMed)),
		PMCID:         mappings.NormalizePMCID(string(p.ExternalIDs.PubMedCentral)),
		CitationCount: p.CitationCount.V,
	}
	rec.Journal.Title = mappings.CleanText(p.Venue)
	if j := p.Journal; j != nil {
		if name := mappings.CleanText(j.Name); name != "" {
			rec.Journal.Title = name
		}
		rec.Volume = mappings.CleanText(string(j.Volume))
		rec.PageStart, rec.PageEnd = mappings.SplitPages(string(j.Pages))
	}
	if d, ok := mappings.ParseDate(p.PublicationDate); ok {
		rec.Issued = d
	} else if d, ok := mappings.ParseDate(string(p.Year)); ok {
		rec.Issued = d
	}
	for _, a := range p.Authors {
		if au := mappings.ParseName(a.Name, mappings.GivenFirst); au.AsWritten != "" {
			rec.Authors = append(rec.Authors, au)
		}
	}
	if text := mappings.HTMLText(p.Abstract); text != "" {
		rec.Abstract = mappings.AbstractFrom(text)
	}
	for _, t := range p.PublicationTypes {
		if t = mappings.CleanText(t); t != "" {
			rec.PublicationTypes = append(rec.PublicationTypes, t)
		}
	}
	mappings.AddURL(&rec, p.URL)
	mappings.AddURL(&rec, s2PDFURL(p.OpenAccessPDF))
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
