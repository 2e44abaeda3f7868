package mappings

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func init() {
	Register(Format{
		Name:  "bibtex",
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

func readBibTeX(r io.Reader) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		split := newBibSplitter(r)
		macros := map[string]string{}
		n := 0
		for {
			c, err := split.next()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(Record{}, fmt.Errorf("bibtex: %w", err))
				return
			}
			switch c.Type {
			case "comment", "preamble":
				continue
			case "string":
				// A broken @string is not a record: its macro stays
				// undefined and entries using it keep the macro's name.
				if c.Err == nil {
					defineBibMacro(c, macros)
				}
				continue
			}
			n++
			rec, err := bibRecord(c, macros)
			if err != nil {
				err = &RecordError{Record: n, Line: c.Line, Err: err}
				if !yield(Record{}, err) {
					return
				}
				continue
			}
			rec.Number = n
			if !yield(rec, nil) {
				return
			}
		}
	}
}

func defineBibMacro(c bibChunk, macros map[string]string) {
	fields, err := parseBibFields(bibItemBody(c, macros), false)
	if err != nil {
		return
	}
	for _, f := range fields {
		macros[strings.ToLower(f.name)] = f.value
	}
}

var errBibEmpty = errors.New("no field found in the entry")

// bibRecord reads one entry. The record's line is the entry's; a syntax
// error names the line inside the file where reading stopped.
func bibRecord(c bibChunk, macros map[string]string) (Record, error) {
	if c.Err != nil {
		return Record{}, c.Err
	}
	fields, err := parseBibFields(bibItemBody(c, macros), true)
	if err != nil {
		var se *bibSyntaxError
		if errors.As(err, &se) {
			return Record{}, fmt.Errorf("BibTeX syntax at line %d: %s", c.Line+se.line, se.msg)
		}
		return Record{}, err
	}
	if len(fields) == 0 {
		return Record{}, errBibEmpty
	}
	m := make(map[string]string, len(fields))
	for _, f := range fields {
		m[strings.ToLower(strings.TrimSpace(f.name))] = f.value
	}
	rec := bibFields(m)
	rec.Format, rec.Line, rec.Raw = "bibtex", c.Line, c.Raw
	if c.Type != "" {
		rec.PublicationTypes = []string{c.Type}
	}
	return rec, nil
}

// bibPMPattern finds PubMed identifiers in a free-text note.
var bibPMPattern = regexp.MustCompile(`(?i)\b(PMCID|PMID)\s*:?\s*(PMC\d+|\d+)`)

func bibFields(f map[string]string) Record {
	tex := func(name string) string { return TeXToUnicode(f[name]) }
	rec := Record{
		Title:     tex("title"),
		Volume:    tex("volume"),
		Issue:     tex("number"),
		DOI:       NormalizeDOI(bibVerbatim(f["doi"])),
		PMID:      NormalizePMID(bibVerbatim(f["pmid"])),
		PMCID:     NormalizePMCID(bibVerbatim(f["pmcid"])),
		Language:  LanguageCode(tex("language")),
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
	for _, s := range splitList(bibVerbatim(f["issn"]), ",; ") {
		if issn := NormalizeISSN(s); issn != "" && !slices.Contains(rec.Journal.ISSNs, issn) {
			rec.Journal.ISSNs = append(rec.Journal.ISSNs, issn)
		}
	}
	rec.Issued = bibDate(tex("date"), tex("year"), tex("month"))
	rec.PageStart, rec.PageEnd = SplitPages(tex("pages"))
	switch strings.ToLower(bibVerbatim(f["eprinttype"])) {
	case "pubmed", "pmid":
		setOnce(&rec.PMID, NormalizePMID(bibVerbatim(f["eprint"])))
	case "pmc", "pmcid":
		setOnce(&rec.PMCID, NormalizePMCID(bibVerbatim(f["eprint"])))
	}
	for _, m := range bibPMPattern.FindAllStringSubmatch(tex("note")+" "+tex("annote"), -1) {
		switch strings.ToUpper(m[1]) {
		case "PMID":
			setOnce(&rec.PMID, NormalizePMID(m[2]))
		case "PMCID":
			setOnce(&rec.PMCID, NormalizePMCID(m[2]))
		}
	}
	rec.Authors = bibAuthors(f["author"])
	if text := tex("abstract"); text != "" {
		rec.Abstract = abstractFrom(text)
	}
	rec.Keywords = cslKeywords(tex("keywords"))
	for _, u := range strings.Fields(bibVerbatim(f["url"])) {
		addURL(&rec, u)
	}
	return rec
}

// bibVerbatim reads an identifier field: braces dropped and TeX escapes
// undone, but no dash or quote conversion ("--" in a URL stays).
func bibVerbatim(s string) string {
	s = strings.NewReplacer(`\_`, "_", `\&`, "&", `\%`, "%", `\#`, "#", `\$`, "$", `\textunderscore`, "_", "{", "", "}", "").Replace(s)
	return CleanText(s)
}

// bibDate reads BibLaTeX's "date" or else BibTeX's year and month.
func bibDate(date, year, month string) Date {
	if d, ok := ParseDate(date); ok {
		return d
	}
	y, err := strconv.Atoi(strings.TrimSpace(year))
	if err != nil {
		if d, ok := ParseDate(year); ok {
			return Date{Year: d.Year}
		}
		return Date{}
	}
	m := cslMonth(month)
	if m == 0 {
		// "14 Mar" and "Mar 14": a month name with a day.
		if d, ok := cslMonthYear(month + " " + year); ok {
			return d
		}
		if d, ok := cslMonthYear(year + " " + month); ok {
			return d
		}
	}
	d, ok := ParseDate(cslDateText(y, m, 0))
	if !ok {
		return Date{}
	}
	return d
}
