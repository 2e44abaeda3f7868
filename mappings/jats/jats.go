// Package jats reads journal articles in JATS XML (the NLM Journal
// Archiving and Interchange tag set): PubMed Central's .nxml files, its
// OAI and efetch output (<pmc-articleset>), and publishers' JATS. It
// reads the front matter, the abstract with its sections, and the
// reference list, whose entries with a DOI or PMID become citations.
package jats

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"regexp"
	"strconv"
	"strings"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
		Name:  "jats-xml",
		Rank:  21,
		Title: "JATS XML articles (PubMed Central .nxml, <pmc-articleset>, publishers' JATS)",
		Reads: "title, authors with ORCID and their own affiliations, group authors, journal (title, NLM abbreviation, " +
			"ISSNs, publisher), date, volume, issue, pages or e-location, DOI, PMID, PMCID, keywords, abstract with its sections, " +
			"reference list (entries with a DOI or PMID become citations)",
		Example: `<article><front><journal-meta><journal-title-group><journal-title>Exp Ther Med</journal-title></journal-title-group></journal-meta>` +
			`<article-meta><article-id pub-id-type="doi">10.3892/etm.2017.4229</article-id><title-group><article-title>A title</article-title></title-group>` +
			`</article-meta></front></article>`,
		Sniff: sniff,
		Read:  read,
	})
}

var doctype = regexp.MustCompile(`<!DOCTYPE\s+(?:article|pmc-articleset)\s+PUBLIC\s+"-//NLM//DTD (?:JATS|Journal (?:Archiving|Publishing))`)

// sniff claims a document whose DOCTYPE is a JATS (or NLM journal) one,
// or whose root is <article> or <pmc-articleset> with a <front>.
func sniff(head []byte) int {
	if doctype.Match(head[:min(len(head), 2048)]) {
		return 100
	}
	dec := xml.NewDecoder(bytes.NewReader(head))
	dec.Strict = false
	for range 64 {
		tok, err := dec.Token()
		if err != nil {
			return 0
		}
		if t, ok := tok.(xml.StartElement); ok {
			if (t.Name.Local == "article" || t.Name.Local == "pmc-articleset") && bytes.Contains(head, []byte("<front>")) {
				return 95
			}
			return 0
		}
	}
	return 0
}

// maxInput bounds what is read: an article with a long reference list is
// well under a few megabytes; a whole article set of thousands may not be.
const maxInput = 256 << 20

var errTooLarge = fmt.Errorf("jats-xml: input larger than %d MiB", maxInput>>20)

// read yields one record per <article> (a set holds several).
func read(r io.Reader) iter.Seq2[mappings.Record, error] {
	return func(yield func(mappings.Record, error) bool) {
		data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
		if err != nil {
			yield(mappings.Record{}, fmt.Errorf("jats-xml: %w", err))
			return
		}
		if len(data) > maxInput {
			yield(mappings.Record{}, errTooLarge)
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
				if number == 0 {
					yield(mappings.Record{}, errors.New("jats-xml: no <article> element"))
				}
				return
			}
			if err != nil {
				line, _ := dec.InputPos()
				yield(mappings.Record{}, fmt.Errorf("jats-xml: line %d: %w", line, err))
				return
			}
			el, ok := tok.(xml.StartElement)
			if !ok || el.Name.Local != "article" {
				continue
			}
			number++
			line := 1 + bytes.Count(data[:start], []byte("\n"))
			var a article
			err = dec.DecodeElement(&a, &el)
			rec := mappings.Record{}
			if err != nil {
				// The XML decoder cannot resynchronise after a syntax
				// error, so the rest of the file is out of reach: say so.
				yield(rec, &mappings.RecordError{Record: number, Line: line,
					Err: fmt.Errorf("%w (reading of this file stops here; any later article is not read)", err)})
				return
			}
			if !yield(a.record(number, line, data[start:dec.InputOffset()]), nil) {
				return
			}
		}
	}
}

// inner keeps an element's inner XML, for text with inline markup.
type inner struct {
	XML string `xml:",innerxml"`
}

func (i inner) text() string { return mappings.InlineText(i.XML) }

type typed struct {
	Type   string `xml:"pub-id-type,attr"`
	JType  string `xml:"journal-id-type,attr"`
	PType  string `xml:"pub-type,attr"`
	Format string `xml:"publication-format,attr"`
	Value  string `xml:",chardata"`
}

type article struct {
	Front struct {
		Journal struct {
			IDs       []typed `xml:"journal-id"`
			Title     string  `xml:"journal-title-group>journal-title"`
			OldTitle  string  `xml:"journal-title"`
			ISSNs     []typed `xml:"issn"`
			Publisher string  `xml:"publisher>publisher-name"`
		} `xml:"journal-meta"`
		Meta struct {
			IDs       []typed     `xml:"article-id"`
			Title     inner       `xml:"title-group>article-title"`
			Groups    []group     `xml:"contrib-group"`
			Affs      []aff       `xml:"aff"`
			Dates     []pubDate   `xml:"pub-date"`
			Volume    string      `xml:"volume"`
			Issue     string      `xml:"issue"`
			FPage     string      `xml:"fpage"`
			LPage     string      `xml:"lpage"`
			ELocation string      `xml:"elocation-id"`
			Abstracts []abstract  `xml:"abstract"`
			Keywords  []inner     `xml:"kwd-group>kwd"`
			Language  string      `xml:"lang,attr"`
			Refs      []reference `xml:"ref-list>ref"` // unusual, but allowed
		} `xml:"article-meta"`
	} `xml:"front"`
	Language string `xml:"lang,attr"`
	Back     struct {
		Refs []reference `xml:"ref-list>ref"`
	} `xml:"back"`
}

type group struct {
	Contribs []contrib `xml:"contrib"`
	Affs     []aff     `xml:"aff"`
}

type contrib struct {
	Type    string `xml:"contrib-type,attr"`
	Surname string `xml:"name>surname"`
	Given   string `xml:"name>given-names"`
	Suffix  string `xml:"name>suffix"`
	Collab  inner  `xml:"collab"`
	IDs     []struct {
		Type  string `xml:"contrib-id-type,attr"`
		Value string `xml:",chardata"`
	} `xml:"contrib-id"`
	Xrefs []struct {
		Type string `xml:"ref-type,attr"`
		RID  string `xml:"rid,attr"`
	} `xml:"xref"`
	Affs []aff `xml:"aff"`
}

type aff struct {
	ID    string `xml:"id,attr"`
	Inner string `xml:",innerxml"`
}

var affLabel = regexp.MustCompile(`(?s)<label>.*?</label>`)

func (a aff) text() string { return mappings.InlineText(affLabel.ReplaceAllString(a.Inner, " ")) }

type pubDate struct {
	PType  string `xml:"pub-type,attr"`
	DType  string `xml:"date-type,attr"`
	Format string `xml:"publication-format,attr"`
	Year   string `xml:"year"`
	Month  string `xml:"month"`
	Day    string `xml:"day"`
}

type abstract struct {
	Type  string  `xml:"abstract-type,attr"`
	Paras []inner `xml:"p"`
	Secs  []struct {
		Title string  `xml:"title"`
		Paras []inner `xml:"p"`
	} `xml:"sec"`
}

type citation struct {
	IDs   []typed `xml:"pub-id"`
	Title inner   `xml:"article-title"`
	Year  string  `xml:"year"`
	Inner string  `xml:",innerxml"`
}

type reference struct {
	Mixed   []citation `xml:"mixed-citation"`
	Element []citation `xml:"element-citation"`
	Old     []citation `xml:"citation"`
}

func (a *article) record(number, line int, raw []byte) mappings.Record {
	m := &a.Front.Meta
	rec := mappings.Record{Format: "jats-xml", Number: number, Line: line, Raw: raw}
	rec.Title = m.Title.text()
	for _, id := range m.IDs {
		v := strings.TrimSpace(id.Value)
		switch id.Type {
		case "doi":
			rec.DOI = first(rec.DOI, mappings.NormalizeDOI(v))
		case "pmid":
			rec.PMID = first(rec.PMID, mappings.NormalizePMID(v))
		case "pmc", "pmcid":
			rec.PMCID = first(rec.PMCID, mappings.NormalizePMCID(v))
		}
	}
	rec.Authors = a.authors()
	rec.Journal = a.journal(&rec)
	rec.Issued = issued(m.Dates)
	rec.Volume, rec.Issue = mappings.CleanText(m.Volume), mappings.CleanText(m.Issue)
	rec.PageStart, rec.PageEnd = mappings.CleanText(m.FPage), mappings.CleanText(m.LPage)
	if rec.PageStart == "" {
		rec.ArticleNumber = mappings.CleanText(m.ELocation)
	}
	rec.Publisher = mappings.CleanText(a.Front.Journal.Publisher)
	rec.Language = mappings.LanguageCode(first(m.Language, a.Language))
	for _, k := range m.Keywords {
		if t := k.text(); t != "" {
			rec.Keywords = append(rec.Keywords, t)
		}
	}
	rec.Abstract = abstractOf(m.Abstracts)
	for _, r := range append(m.Refs, a.Back.Refs...) {
		if ref, ok := r.reference(); ok {
			rec.References = append(rec.References, ref)
		}
	}
	return rec
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (a *article) journal(rec *mappings.Record) mappings.Journal {
	j := a.Front.Journal
	out := mappings.Journal{Title: mappings.CleanText(first(j.Title, j.OldTitle))}
	for _, id := range j.IDs {
		if id.JType == "nlm-ta" {
			out.Abbrev = mappings.CleanText(id.Value)
		}
	}
	for _, s := range j.ISSNs {
		v := rec.CheckISSN(s.Value)
		switch {
		case v == "":
		case s.PType == "ppub" || s.Format == "print":
			out.ISSN = first(out.ISSN, v)
		case s.PType == "epub" || s.Format == "electronic":
			out.EISSN = first(out.EISSN, v)
		default:
			out.ISSNs = append(out.ISSNs, v)
		}
	}
	return out
}

// authors reads the contributors typed "author" (or untyped), each with
// the affiliations their xrefs point to and their ORCID; a group is a
// collective author.
func (a *article) authors() []mappings.Author {
	m := &a.Front.Meta
	affs := map[string]string{}
	for _, list := range [][]aff{m.Affs} {
		for _, f := range list {
			affs[f.ID] = f.text()
		}
	}
	for _, g := range m.Groups {
		for _, f := range g.Affs {
			affs[f.ID] = f.text()
		}
	}
	var out []mappings.Author
	for _, g := range m.Groups {
		for _, c := range g.Contribs {
			if c.Type != "" && c.Type != "author" {
				continue
			}
			var au mappings.Author
			if name := c.Collab.text(); name != "" && c.Surname == "" {
				au = mappings.Author{AsWritten: name, Family: name, Collective: true}
			} else {
				family, given := mappings.CleanText(c.Surname), mappings.CleanText(c.Given)
				if family == "" && given == "" {
					continue
				}
				written := family
				if given != "" {
					written += ", " + given
				}
				au = mappings.Author{AsWritten: written, Family: family, Given: given, Suffix: mappings.CleanText(c.Suffix)}
			}
			for _, id := range c.IDs {
				if strings.EqualFold(id.Type, "orcid") && au.ORCID == "" {
					au.ORCID = mappings.ValidORCID(id.Value)
				}
			}
			for _, x := range c.Xrefs {
				if t, ok := affs[x.RID]; ok && x.Type == "aff" && t != "" {
					au.Affiliations = append(au.Affiliations, t)
				}
			}
			for _, f := range c.Affs {
				if t := f.text(); t != "" {
					au.Affiliations = append(au.Affiliations, t)
				}
			}
			out = append(out, au)
		}
	}
	return out
}

// issued prefers the print date, then the electronic one, then the
// collection's, then whatever date there is.
func issued(dates []pubDate) mappings.Date {
	best, bestRank := mappings.Date{}, 99
	for _, d := range dates {
		kind := first(d.PType, first(d.DType, d.Format))
		rank := map[string]int{"ppub": 0, "print": 0, "pub": 1, "epub": 1, "electronic": 1, "collection": 2}[kind]
		if _, known := map[string]bool{"ppub": true, "print": true, "pub": true, "epub": true, "electronic": true, "collection": true}[kind]; !known {
			rank = 3
		}
		s := strings.TrimSpace(d.Year)
		if m := strings.TrimSpace(d.Month); m != "" {
			if n, err := strconv.Atoi(m); err == nil {
				s += "-" + strconv.Itoa(n)
			} else if n := mappings.MonthNumber(m); n > 0 {
				s += "-" + strconv.Itoa(n)
			}
			if day := strings.TrimSpace(d.Day); day != "" && strings.Contains(s, "-") {
				s += "-" + day
			}
		}
		if v, ok := mappings.ParseDate(s); ok && rank < bestRank {
			best, bestRank = v, rank
		}
	}
	return best
}

// abstractOf takes the article's main abstract (one without a type, or
// else the first), with its sections when it has them.
func abstractOf(list []abstract) mappings.Abstract {
	if len(list) == 0 {
		return mappings.Abstract{}
	}
	ab := list[0]
	for _, a := range list {
		if a.Type == "" {
			ab = a
			break
		}
	}
	var secs []mappings.Section
	if len(ab.Paras) > 0 {
		secs = append(secs, mappings.Section{Text: paras(ab.Paras)})
	}
	for _, s := range ab.Secs {
		secs = append(secs, mappings.Section{Label: strings.TrimRight(mappings.CleanText(s.Title), ":"), Text: paras(s.Paras)})
	}
	if len(secs) == 1 && secs[0].Label == "" {
		return mappings.Abstract{Text: secs[0].Text}
	}
	return mappings.NewAbstract(secs)
}

func paras(ps []inner) string {
	var parts []string
	for _, p := range ps {
		if t := p.text(); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// reference reads one <ref>: its first citation's DOI, PMID, title and
// year, and its text.
func (r reference) reference() (mappings.Reference, bool) {
	cits := append(append(r.Mixed, r.Element...), r.Old...)
	if len(cits) == 0 {
		return mappings.Reference{}, false
	}
	c := cits[0]
	ref := mappings.Reference{Title: c.Title.text(), Text: mappings.InlineText(c.Inner)}
	for _, id := range c.IDs {
		switch id.Type {
		case "doi":
			ref.DOI = first(ref.DOI, mappings.NormalizeDOI(id.Value))
		case "pmid":
			ref.PMID = first(ref.PMID, mappings.NormalizePMID(id.Value))
		}
	}
	if y, err := strconv.Atoi(strings.TrimSpace(c.Year)[:min(4, len(strings.TrimSpace(c.Year)))]); err == nil && y >= 1000 {
		ref.Year = y
	}
	return ref, ref.Text != "" || ref.DOI != "" || ref.PMID != ""
}
