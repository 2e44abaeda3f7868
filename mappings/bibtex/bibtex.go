// Package bibtex reads BibTeX and BibLaTeX exports (@article{...}):
// entries, @string macros, crossref inheritance and TeX markup.
package bibtex

import (
	"bytes"
	"errors"
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
		Name:  "bibtex",
		Rank:  32,
		Title: "BibTeX / BibLaTeX (Zotero, JabRef, Mendeley, PubMed exports)",
		Reads: "title, authors (both name orders, {braced} group names), journal and short journal, year/month/date, volume, number, pages, DOI, PMID (pmid, eprint, note), PMCID, ISSN, abstract, keywords, URL, language; TeX accents, symbols and math become Unicode; @string and month macros are expanded",
		Example: "@article{wang2017,\n  author = {Wang, Xiaohua and Yin, Xiaoguang},\n  title = {A two-year follow-up},\n" +
			"  journal = {Exp Ther Med},\n  year = {2017},\n  month = may,\n  pages = {2255--2258},\n  doi = {10.3892/etm.2017.4229}\n}",
		Sniff: sniffBibTeX,
		Read:  readBibTeX,
	})
}

var bibSniffPattern = regexp.MustCompile(`(?im)^[ \t]*@(article|book|inbook|incollection|inproceedings|conference|misc|phdthesis|mastersthesis|techreport|report|online|unpublished|manual|booklet|proceedings|string|preamble|comment|thesis|periodical|dataset|electronic|www)[ \t]*[{(]`)

// sniffBibTeX wants an "@type{" at the start of a line and a
// "field = value" after it.
func sniffBibTeX(head []byte) int {
	loc := bibSniffPattern.FindIndex(head)
	if loc == nil {
		return 0
	}
	if !bibFieldPattern.Match(head[loc[1]:]) {
		return 0
	}
	return 85
}

var bibFieldPattern = regexp.MustCompile(`(?i)[a-z_-]+[ \t]*=[ \t]*["{0-9a-z]`)

func readBibTeX(r io.Reader) iter.Seq2[mappings.Record, error] {
	return func(yield func(mappings.Record, error) bool) {
		split := newBibSplitter(r)
		macros := map[string]string{}
		x := bibCrossrefs{parents: map[string]map[string]string{}}
		n := 0
		for {
			c, err := split.next()
			if err == io.EOF {
				x.flush(yield, true)
				return
			}
			if err != nil {
				if x.flush(yield, true) {
					yield(mappings.Record{}, fmt.Errorf("bibtex: %w", err))
				}
				return
			}
			switch c.Type {
			case "comment", "preamble":
				continue
			case "string":
				// A broken @string is not a record: its macro stays
				// undefined and entries using it keep the macro's name.
				if c.Err == nil {
					if err := defineBibMacro(c, macros); err != nil {
						// Said, not silent: entries using the macro then
						// keep its name.
						n++
						if !x.flush(yield, true) || !yield(mappings.Record{}, &mappings.RecordError{Record: n, Line: c.Line, Err: fmt.Errorf("@string: %w", err)}) {
							return
						}
					}
				}
				continue
			}
			n++
			e := bibPending{n: n, c: c}
			e.fields, e.err = bibEntryFields(c, macros)
			if e.err == nil {
				x.remember(bibKey(c), e.fields)
			}
			x.queue = append(x.queue, e)
			if !x.flush(yield, false) {
				return
			}
		}
	}
}

// bibPending is an entry read but not yet yielded.
type bibPending struct {
	n      int
	c      bibChunk
	fields map[string]string
	err    error
}

// bibCrossrefs applies BibTeX's crossref: an entry takes the fields it
// lacks from the entry its crossref names. BibTeX wants that parent after
// its children, so a child waits (and the entries after it, to keep the
// order) until its parent is read or the input ends.
type bibCrossrefs struct {
	queue   []bibPending
	parents map[string]map[string]string // key → its inheritable fields
}

// bibMaxWaiting bounds the entries held while a child waits for its
// parent: past it the child goes without, so that one dangling crossref
// cannot make the reader hold a whole large file.
const bibMaxWaiting = 4096

// bibInherited are the fields a child takes from its parent: where and
// when it appeared. Never the parent's title, authors or identifiers,
// which are the parent's own.
var bibInherited = []string{"year", "date", "month", "publisher", "journal", "journaltitle",
	"shortjournal", "volume", "issn", "language"}

func (x *bibCrossrefs) remember(key string, fields map[string]string) {
	if key == "" {
		return
	}
	kept := map[string]string{}
	for _, name := range bibInherited {
		if v, ok := fields[name]; ok {
			kept[name] = v
		}
	}
	x.parents[key] = kept
}

// flush yields the waiting entries that can go: all of them at the end of
// the input. It reports false when the consumer stopped.
func (x *bibCrossrefs) flush(yield func(mappings.Record, error) bool, end bool) bool {
	for len(x.queue) > 0 {
		e := x.queue[0]
		parent := strings.ToLower(strings.TrimSpace(bibVerbatim(e.fields["crossref"])))
		inherit, seen := x.parents[parent]
		if e.err == nil && parent != "" && !seen && !end && len(x.queue) <= bibMaxWaiting {
			return true
		}
		x.queue = x.queue[1:]
		if e.err != nil {
			if !yield(mappings.Record{}, &mappings.RecordError{Record: e.n, Line: e.c.Line, Err: e.err}) {
				return false
			}
			continue
		}
		for name, v := range inherit {
			if _, has := e.fields[name]; !has {
				e.fields[name] = v
			}
		}
		rec := bibEntryRecord(e.c, e.fields)
		rec.Number = e.n
		if !yield(rec, nil) {
			return false
		}
	}
	return true
}

// bibKey is an entry's citation key, lower-case ("" when it has none).
func bibKey(c bibChunk) string {
	if c.Close < 0 || c.Open+1 > c.Close {
		return ""
	}
	body := c.Raw[c.Open+1 : c.Close]
	i := bytes.IndexByte(body, ',')
	if i < 0 || bytes.ContainsAny(body[:i], "={}\"") {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(string(body[:i])))
}

func defineBibMacro(c bibChunk, macros map[string]string) error {
	body, err := bibItemBody(c, macros)
	if err != nil {
		return err
	}
	fields, err := parseBibFields(body, false)
	if err != nil {
		return nil // a broken @string defines nothing; see readBibTeX
	}
	for _, f := range fields {
		macros[strings.ToLower(f.name)] = f.value
	}
	return nil
}

var errBibEmpty = errors.New("no field found in the entry")

// bibEntryFields reads the fields of one entry, by lower-case name. A
// syntax error names the line inside the file where reading stopped.
func bibEntryFields(c bibChunk, macros map[string]string) (map[string]string, error) {
	if c.Err != nil {
		return nil, c.Err
	}
	body, err := bibItemBody(c, macros)
	if err != nil {
		return nil, fmt.Errorf("BibTeX entry at line %d: %w", c.Line, err)
	}
	fields, err := parseBibFields(body, true)
	if err != nil {
		var se *bibSyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("BibTeX syntax at line %d: %s", c.Line+se.line, se.msg)
		}
		return nil, err
	}
	if len(fields) == 0 {
		return nil, errBibEmpty
	}
	m := make(map[string]string, len(fields))
	for _, f := range fields {
		m[strings.ToLower(strings.TrimSpace(f.name))] = f.value
	}
	return m, nil
}

// bibEntryRecord maps an entry's fields to a Record; the record's line
// is the entry's.
func bibEntryRecord(c bibChunk, m map[string]string) mappings.Record {
	rec := bibFields(m)
	rec.Format, rec.Line, rec.Raw = "bibtex", c.Line, c.Raw
	if c.Type != "" {
		rec.PublicationTypes = []string{c.Type}
	}
	return rec
}

// bibPMPattern finds PubMed identifiers in a free-text note.
var bibPMPattern = regexp.MustCompile(`(?i)\b(PMCID|PMID)\s*:?\s*(PMC\d+|\d+)`)

func bibFields(f map[string]string) mappings.Record {
	tex := func(name string) string { return mappings.TeXToUnicode(f[name]) }
	rec := mappings.Record{
		Title:     tex("title"),
		Volume:    tex("volume"),
		Issue:     tex("number"),
		DOI:       mappings.NormalizeDOI(bibVerbatim(f["doi"])),
		PMID:      mappings.NormalizePMID(bibVerbatim(f["pmid"])),
		PMCID:     mappings.NormalizePMCID(bibVerbatim(f["pmcid"])),
		Language:  mappings.LanguageCode(tex("language")),
		Publisher: tex("publisher"),
	}
	if rec.Issue == "" {
		rec.Issue = tex("issue")
	}
	rec.Journal.Title = tex("journaltitle")
	if j := tex("journal"); j != "" {
		rec.Journal.Title = j
	}
	rec.Journal.Abbrev = tex("shortjournal")
	for _, s := range mappings.SplitList(bibVerbatim(f["issn"]), ",; ") {
		if issn := rec.CheckISSN(s); issn != "" && !slices.Contains(rec.Journal.ISSNs, issn) {
			rec.Journal.ISSNs = append(rec.Journal.ISSNs, issn)
		}
	}
	rec.Issued = bibDate(tex("date"), tex("year"), tex("month"))
	rec.PageStart, rec.PageEnd = mappings.SplitPages(tex("pages"))
	switch strings.ToLower(bibVerbatim(f["eprinttype"])) {
	case "pubmed", "pmid":
		mappings.SetOnce(&rec.PMID, mappings.NormalizePMID(bibVerbatim(f["eprint"])))
	case "pmc", "pmcid":
		mappings.SetOnce(&rec.PMCID, mappings.NormalizePMCID(bibVerbatim(f["eprint"])))
	}
	for _, m := range bibPMPattern.FindAllStringSubmatch(tex("note")+" "+tex("annote"), -1) {
		switch strings.ToUpper(m[1]) {
		case "PMID":
			mappings.SetOnce(&rec.PMID, mappings.NormalizePMID(m[2]))
		case "PMCID":
			mappings.SetOnce(&rec.PMCID, mappings.NormalizePMCID(m[2]))
		}
	}
	rec.Authors = bibAuthors(f["author"])
	if text := tex("abstract"); text != "" {
		rec.Abstract = mappings.AbstractFrom(text)
	}
	rec.Keywords = mappings.SplitKeywords(tex("keywords"))
	for _, u := range strings.Fields(bibVerbatim(f["url"])) {
		mappings.AddURL(&rec, u)
	}
	return rec
}

// bibVerbatim reads an identifier field: braces dropped and TeX escapes
// undone, but no dash or quote conversion ("--" in a URL stays).
func bibVerbatim(s string) string {
	s = strings.NewReplacer(`\_`, "_", `\&`, "&", `\%`, "%", `\#`, "#", `\$`, "$", `\textunderscore`, "_", "{", "", "}", "").Replace(s)
	return mappings.CleanText(s)
}

// bibDate reads BibLaTeX's "date" or else BibTeX's year and month.
func bibDate(date, year, month string) mappings.Date {
	if d, ok := mappings.ParseDate(date); ok {
		return d
	}
	y, err := strconv.Atoi(strings.TrimSpace(year))
	if err != nil {
		if d, ok := mappings.ParseDate(year); ok {
			return mappings.Date{Year: d.Year}
		}
		return mappings.Date{}
	}
	m := mappings.ParseMonth(month)
	if m == 0 {
		// "14 Mar" and "Mar 14": a month name with a day.
		if d, ok := mappings.ParseMonthYear(month + " " + year); ok {
			return d
		}
		if d, ok := mappings.ParseMonthYear(year + " " + month); ok {
			return d
		}
	}
	d, ok := mappings.ParseDate(mappings.DateText(y, m, 0))
	if !ok {
		return mappings.Date{}
	}
	return d
}
