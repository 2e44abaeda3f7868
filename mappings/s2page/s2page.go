// Package s2page reads scraped pages that hold a Semantic Scholar paper
// as a JSON object; nothing outside the object is read.
package s2page

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/page"
)

func init() {
	mappings.Register(mappings.Format{
		Name:    "s2-page",
		Rank:    62,
		Title:   "Scraped page holding a Semantic Scholar paper JSON object",
		Reads:   "title, authors, journal, volume/issue, pages, date, DOI, PMCID (from the open-access PDF URL), publication types, citation count, abstract sections; nothing outside the JSON object",
		Example: `{"title":"A title","authors":"Tong Tong, Lida Wu","platform":"Semanticscholar"}`,
		Sniff:   sniffS2Page,
		Read:    page.Read("s2-page", parseS2Page),
	})
}

func sniffS2Page(head []byte) int {
	switch {
	case bytes.Contains(head, []byte(`"platform":"Semanticscholar"`)):
		return 95
	case bytes.Contains(head, []byte(`{"title":`)) && bytes.Contains(head, []byte(`"publicationDate":`)) &&
		bytes.Contains(head, []byte(`"authors":`)):
		return 60
	}
	return 0
}

// s2Paper is the part of the scraped JSON object the reader uses. Values
// arrive as strings, numbers or null depending on the scraper, so they
// decode leniently.
type s2Paper struct {
	Title            looseString     `json:"title"`
	Authors          json.RawMessage `json:"authors"`
	DOI              looseString     `json:"doi"`
	DOIURL           looseString     `json:"DOIUrl"`
	URL              looseString     `json:"url"`
	Abstract         looseString     `json:"abstract"`
	Journal          *s2Journal      `json:"journal"`
	PeriodicalName   looseString     `json:"PeriodicalName"`
	PublicationDate  looseString     `json:"publicationDate"`
	PublicationTypes json.RawMessage `json:"publicationTypes"`
	CitationCount    looseString     `json:"citationCount"`
	OpenAccessPDF    json.RawMessage `json:"openAccessPdf"`
	ListURLMain      looseString     `json:"ListUrlMain"`
	PMCID            looseString     `json:"PMCID"`
}

type s2Journal struct {
	Name   looseString `json:"name"`
	Volume looseString `json:"volume"`
	Pages  looseString `json:"pages"`
}

// looseString accepts a JSON string, number, boolean or null.
type looseString string

func (s *looseString) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch t := v.(type) {
	case string:
		*s = looseString(t)
	case float64:
		*s = looseString(strconv.FormatFloat(t, 'f', -1, 64))
	case bool:
		*s = looseString(strconv.FormatBool(t))
	}
	return nil
}

// stringsOf reads a JSON value that is a string, a list of strings or a
// list of objects with a "name" or "url" member.
func stringsOf(raw json.RawMessage, split string) []string {
	var one looseString
	if err := json.Unmarshal(raw, &one); err == nil {
		if split == "" {
			if s := mappings.CleanText(string(one)); s != "" {
				return []string{s}
			}
			return nil
		}
		return mappings.SplitList(string(one), split)
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err == nil {
		var out []string
		for _, item := range list {
			out = append(out, stringsOf(item, "")...)
		}
		return out
	}
	var obj struct {
		Name looseString `json:"name"`
		URL  looseString `json:"url"`
	}
	if err := json.Unmarshal(raw, &obj); err == nil {
		for _, s := range []looseString{obj.Name, obj.URL} {
			if c := mappings.CleanText(string(s)); c != "" {
				return []string{c}
			}
		}
	}
	return nil
}

var errNoS2Object = errors.New("no Semantic Scholar JSON object found")

// parseS2Page decodes the first line-leading JSON object that has a
// title member. Everything around it (a name line, the plain-text copy of
// the abstract, "引用次数", the journal blurb after "期刊介绍:") is page
// furniture and is never read.
func parseS2Page(data []byte, rec *mappings.Record) (int, error) {
	var lastErr error
	lastLine := 1
	line := 1
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		if bytes.HasPrefix(bytes.TrimLeft(data[off:next], " \t\ufeff"), []byte("{")) {
			var p s2Paper
			dec := json.NewDecoder(bytes.NewReader(data[off:]))
			if err := dec.Decode(&p); err != nil {
				lastErr, lastLine = fmt.Errorf("JSON object: %w", err), line
			} else if mappings.CleanText(string(p.Title)) != "" {
				fillS2(&p, rec)
				return line, nil
			} else {
				lastErr, lastLine = fmt.Errorf("%w (JSON object without a title)", mappings.ErrNoTitle), line
			}
		}
		off, line = next, line+1
	}
	if lastErr == nil {
		lastErr = errNoS2Object
	}
	return lastLine, lastErr
}

var volumeIssue = regexp.MustCompile(`^(\S+)\s+(.+)$`)

func fillS2(p *s2Paper, rec *mappings.Record) {
	rec.Title = mappings.HTMLText(string(p.Title))
	rec.Authors = append(rec.Authors, mappings.ParseNames(stringsOf(p.Authors, ","), mappings.GivenFirst)...)
	rec.DOI = mappings.NormalizeDOI(string(p.DOI))
	if p.Journal != nil {
		rec.Journal.Title = mappings.CleanText(string(p.Journal.Name))
		// "25 1": Semantic Scholar packs volume and issue into one string.
		vol := mappings.CleanText(string(p.Journal.Volume))
		if m := volumeIssue.FindStringSubmatch(vol); m != nil {
			rec.Volume, rec.Issue = m[1], m[2]
		} else {
			rec.Volume = vol
		}
		rec.PageStart, rec.PageEnd = mappings.SplitPages(string(p.Journal.Pages))
	}
	if rec.Journal.Title == "" {
		rec.Journal.Title = mappings.CleanText(string(p.PeriodicalName))
	}
	if d, ok := mappings.ParseDate(string(p.PublicationDate)); ok {
		rec.Issued = d
	}
	rec.PublicationTypes = stringsOf(p.PublicationTypes, ",")
	if n, err := strconv.Atoi(strings.TrimSpace(string(p.CitationCount))); err == nil && n >= 0 {
		rec.CitationCount = &n
	}
	rec.PMCID = mappings.NormalizePMCID(string(p.PMCID))
	for _, u := range append([]string{string(p.ListURLMain), string(p.URL), string(p.DOIURL)}, stringsOf(p.OpenAccessPDF, "")...) {
		mappings.AddURL(rec, u)
	}
	rec.Abstract = htmlAbstract(string(p.Abstract))
}

var (
	htmlParagraph = regexp.MustCompile(`(?is)<p\b[^>]*>(.*?)</p>`)
	htmlLead      = regexp.MustCompile(`(?is)^\s*<(strong|b|h[1-6])\b[^>]*>(.*?)</(?:strong|b|h[1-6])>`)
)

// htmlAbstract reads an HTML abstract whose paragraphs may open with a
// bold label ("<p><strong>Background: </strong>…</p>").
func htmlAbstract(s string) mappings.Abstract {
	paras := htmlParagraph.FindAllStringSubmatch(s, -1)
	if len(paras) == 0 {
		return mappings.AbstractFrom(mappings.HTMLText(s))
	}
	var secs []mappings.Section
	labelled := false
	for _, p := range paras {
		body := p[1]
		var label string
		if m := htmlLead.FindStringSubmatchIndex(body); m != nil {
			label = strings.TrimRight(mappings.HTMLText(body[m[4]:m[5]]), ": ")
			body = body[m[1]:]
			labelled = labelled || label != ""
		}
		secs = append(secs, mappings.Section{Label: label, Text: mappings.HTMLText(body)})
	}
	if !labelled {
		var texts []string
		for _, s := range secs {
			if s.Text != "" {
				texts = append(texts, s.Text)
			}
		}
		return mappings.Abstract{Text: strings.Join(texts, "\n")}
	}
	return mappings.NewAbstract(secs)
}
