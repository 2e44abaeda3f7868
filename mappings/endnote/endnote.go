// Package endnote reads EndNote XML exports (<xml><records><record>…),
// where each value may be wrapped in <style> elements that carry fonts.
package endnote

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"iter"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
		Name:  "endnote-xml",
		Rank:  33,
		Title: "EndNote XML export",
		Reads: "reference type, title, authors, journal (full title, abbreviation), ISSNs, year and date, volume, issue, " +
			"pages, DOI (electronic-resource-num), PMID (accession number of a PubMed record), keywords, abstract, URLs, language, publisher",
		Example: `<xml><records><record><ref-type name="Journal Article">17</ref-type><contributors><authors><author><style face="normal">Wang, Xiaohua</style></author></authors></contributors>` +
			`<titles><title><style face="normal">A title</style></title></titles><dates><year>2017</year></dates></record></records></xml>`,
		Sniff: sniff,
		Read:  read,
	})
}

var root = regexp.MustCompile(`^\s*(?:<\?xml[^>]*\?>\s*)?<xml>\s*<records>\s*<record>`)

func sniff(head []byte) int {
	if root.Match(bytes.TrimPrefix(head, []byte("\ufeff"))) {
		return 100
	}
	return 0
}

const maxInput = 256 << 20

func read(r io.Reader) iter.Seq2[mappings.Record, error] {
	return func(yield func(mappings.Record, error) bool) {
		data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
		if err != nil || len(data) > maxInput {
			yield(mappings.Record{}, fmt.Errorf("endnote-xml: input unreadable or larger than %d MiB: %v", maxInput>>20, err))
			return
		}
		dec := xml.NewDecoder(bytes.NewReader(data))
		dec.Strict = false
		dec.Entity = xml.HTMLEntity
		number := 0
		for {
			start := dec.InputOffset()
			tok, err := dec.Token()
			if err == io.EOF {
				return
			}
			if err != nil {
				line, _ := dec.InputPos()
				yield(mappings.Record{}, fmt.Errorf("endnote-xml: line %d: %w", line, err))
				return
			}
			el, ok := tok.(xml.StartElement)
			if !ok || el.Name.Local != "record" {
				continue
			}
			number++
			line := 1 + bytes.Count(data[:start], []byte("\n"))
			var rec record
			if err := dec.DecodeElement(&rec, &el); err != nil {
				yield(mappings.Record{}, &mappings.RecordError{Record: number, Line: line,
					Err: fmt.Errorf("%w (reading of this file stops here; any later record is not read)", err)})
				return
			}
			if !yield(rec.record(number, line, data[start:dec.InputOffset()]), nil) {
				return
			}
		}
	}
}

// styled is a value that may be wrapped in <style> elements.
type styled struct {
	XML string `xml:",innerxml"`
}

// raised marks EndNote's super- and subscript styles, rewritten as
// <sup>/<sub> so that "10<style face="superscript">9</style>" stays 10⁹.
var raised = regexp.MustCompile(`(?s)<style face="(superscript|subscript)"[^>]*>(.*?)</style>`)

func (s styled) text() string {
	return mappings.InlineText(raised.ReplaceAllStringFunc(s.XML, func(m string) string {
		p := raised.FindStringSubmatch(m)
		tag := p[1][:3]
		return "<" + tag + ">" + p[2] + "</" + tag + ">"
	}))
}

type record struct {
	RefType struct {
		Name string `xml:"name,attr"`
	} `xml:"ref-type"`
	Authors      []styled `xml:"contributors>authors>author"`
	Title        styled   `xml:"titles>title"`
	Secondary    styled   `xml:"titles>secondary-title"`
	FullTitle    styled   `xml:"periodical>full-title"`
	Abbr         styled   `xml:"periodical>abbr-1"`
	AltAbbr      styled   `xml:"titles>alt-title"`
	Pages        styled   `xml:"pages"`
	Volume       styled   `xml:"volume"`
	Number       styled   `xml:"number"`
	Year         styled   `xml:"dates>year"`
	Date         styled   `xml:"dates>pub-dates>date"`
	ISBN         styled   `xml:"isbn"`
	DOI          styled   `xml:"electronic-resource-num"`
	Accession    styled   `xml:"accession-num"`
	RemoteDB     styled   `xml:"remote-database-name"`
	RemoteDBProv styled   `xml:"remote-database-provider"`
	Abstract     styled   `xml:"abstract"`
	Keywords     []styled `xml:"keywords>keyword"`
	URLs         []styled `xml:"urls>related-urls>url"`
	Language     styled   `xml:"language"`
	Publisher    styled   `xml:"publisher"`
}

var pubmedDB = regexp.MustCompile(`(?i)pubmed|medline|\bnlm\b`)

func (r *record) record(number, line int, raw []byte) mappings.Record {
	rec := mappings.Record{Format: "endnote-xml", Number: number, Line: line, Raw: raw}
	rec.Title = r.Title.text()
	if t := r.RefType.Name; t != "" {
		rec.PublicationTypes = []string{t}
	}
	for _, a := range r.Authors {
		if au := mappings.ParseName(a.text(), mappings.FamilyFirst); au.AsWritten != "" {
			rec.Authors = append(rec.Authors, au)
		}
	}
	rec.Journal.Title = first(r.FullTitle.text(), r.Secondary.text())
	rec.Journal.Abbrev = first(r.Abbr.text(), r.AltAbbr.text())
	// The isbn field holds ISSNs for articles: "1792-0981 (Print) 1792-0981 (Linking)".
	for _, f := range strings.Fields(strings.NewReplacer("(", " ", ")", " ", ";", " ").Replace(r.ISBN.text())) {
		if v := rec.CheckISSN(f); v != "" && !slices.Contains(rec.Journal.ISSNs, v) {
			rec.Journal.ISSNs = append(rec.Journal.ISSNs, v)
		}
	}
	rec.Issued = date(r.Year.text(), r.Date.text())
	rec.Volume, rec.Issue = r.Volume.text(), r.Number.text()
	if p := r.Pages.text(); p != "" {
		rec.PageStart, rec.PageEnd = mappings.SplitPages(p)
	}
	rec.DOI = mappings.NormalizeDOI(r.DOI.text())
	// An accession number is a PMID only in a record that came from PubMed.
	if pubmedDB.MatchString(r.RemoteDB.text() + " " + r.RemoteDBProv.text()) {
		rec.PMID = mappings.NormalizePMID(r.Accession.text())
	}
	rec.Abstract = mappings.AbstractFrom(r.Abstract.text())
	if rec.Abstract.Text == "" {
		rec.Abstract = mappings.Abstract{}
	}
	for _, k := range r.Keywords {
		if t := k.text(); t != "" {
			rec.Keywords = append(rec.Keywords, t)
		}
	}
	for _, u := range r.URLs {
		mappings.AddURL(&rec, u.text())
	}
	rec.Language = mappings.LanguageCode(r.Language.text())
	rec.Publisher = r.Publisher.text()
	return rec
}

// date reads the year and a pub-date such as "May", "Mar 3" or "2017-05-01".
func date(year, pub string) mappings.Date {
	y, err := strconv.Atoi(year)
	if err != nil || y < 1000 {
		if d, ok := mappings.ParseDate(pub); ok {
			return d
		}
		return mappings.Date{}
	}
	if d, ok := mappings.ParseDate(pub); ok && d.Year == y {
		return d
	}
	d := mappings.Date{Year: y}
	words := strings.Fields(pub)
	if len(words) > 0 {
		if d.Month = mappings.MonthNumber(strings.TrimSuffix(words[0], ".")); d.Month > 0 && len(words) > 1 {
			if day, err := strconv.Atoi(words[1]); err == nil {
				if full, ok := mappings.ParseDate(fmt.Sprintf("%d-%d-%d", y, d.Month, day)); ok {
					d = full
				}
			}
		}
	}
	return d
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
