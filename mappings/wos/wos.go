// Package wos reads Web of Science exports: the plain-text file of
// two-letter tagged fields ("FN Clarivate Analytics Web of Science",
// "PT J", "AU …", continuation lines indented by three spaces, "ER" after
// each record, "EF" at the end) and the tab-delimited file (a header row
// of the same tags, one record per row; UTF-8 with or without a BOM, or
// UTF-16LE with a BOM as the Windows export writes it).
package wos

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
		Name:  "wos",
		Rank:  15,
		Title: "Web of Science plain-text export (tagged fields: FN, PT, AU, TI, SO, …, ER)",
		Reads: "title, authors (full names) with their ORCID and own addresses, group authors, journal " +
			"(title, ISO abbreviation, ISSN, eISSN), date, volume, issue, pages or article number, DOI, PMID, " +
			"language, document type, author keywords, abstract, times cited, cited references (with DOIs become citations)",
		Example: "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Wang, X\nAF Wang, Xiaohua\n" +
			"TI A title\nSO EXPERIMENTAL AND THERAPEUTIC MEDICINE\nPY 2017\nDI 10.3892/etm.2017.4229\nER\n\nEF\n",
		Sniff: sniffPlain,
		Read:  mappings.ReadLabelled("wos", plainSyntax, plainRecord),
	})
	mappings.Register(mappings.Format{
		Name:  "wos-tab",
		Rank:  16,
		Title: "Web of Science tab-delimited export (header row of field tags; UTF-8 or UTF-16LE)",
		Reads: "the same fields as wos, from the columns of the same tags",
		Example: "PT\tAU\tAF\tTI\tSO\tPY\tDI\tUT\n" +
			"J\tWang, X\tWang, Xiaohua\tA title\tEXPERIMENTAL AND THERAPEUTIC MEDICINE\t2017\t10.3892/etm.2017.4229\tWOS:000400000000001\n",
		Sniff: sniffTab,
		Read:  readTab,
	})
}

//go:embed tags.tsv
var tagsFile []byte

type tagInfo struct {
	field string
	items bool // one item per line (plain text) or "; " separated (tab-delimited)
}

// tags maps a field tag to what it feeds (tags.tsv).
var tags = sync.OnceValue(func() map[string]tagInfo {
	rows, err := mappings.ParseTable(tagsFile, "wos/tags.tsv", 3)
	if err != nil {
		panic("wos: " + err.Error())
	}
	m := map[string]tagInfo{}
	for _, r := range rows {
		m[r[0]] = tagInfo{field: r[1], items: r[2] == "items"}
	}
	return m
})

// fields holds one record's values by tag: one value for a text tag, the
// items of an items tag.
type fields map[string][]string

func (f fields) text(tag string) string {
	return mappings.CleanText(strings.Join(f[tag], " "))
}

// record maps one record's fields, whichever export they came from.
func (f fields) record(format string, number, line int, raw []byte) mappings.Record {
	rec := mappings.Record{Format: format, Number: number, Line: line, Raw: raw}
	rec.Title = f.text("TI")
	rec.Authors = f.authors()
	rec.Journal = mappings.Journal{
		Title:  f.text("SO"),
		Abbrev: f.text("JI"),
		ISSN:   rec.CheckISSN(f.text("SN")),
		EISSN:  rec.CheckISSN(f.text("EI")),
	}
	rec.Issued = f.date()
	rec.Volume = f.text("VL")
	rec.Issue = f.text("IS")
	rec.PageStart, rec.PageEnd = f.text("BP"), f.text("EP")
	rec.ArticleNumber = f.text("AR")
	rec.DOI = mappings.NormalizeDOI(f.text("DI"))
	rec.PMID = mappings.NormalizePMID(f.text("PM"))
	rec.Language = mappings.LanguageCode(f.text("LA"))
	rec.Publisher = f.text("PU")
	rec.PublicationTypes = semicolonList(f.text("DT"))
	rec.Keywords = semicolonList(f.text("DE"))
	if ab := f.text("AB"); ab != "" {
		rec.Abstract = mappings.AbstractFrom(ab)
	}
	if n, err := strconv.Atoi(f.text("TC")); err == nil && n >= 0 {
		rec.CitationCount = &n
	}
	for _, cr := range f["CR"] {
		if ref, ok := citedReference(cr); ok {
			rec.References = append(rec.References, ref)
		}
	}
	return rec
}

// date reads PY (the year) and PD ("JUN 8", "JUN", "2019 MAR 15",
// "SPR", "JAN-FEB"): a month and day only when PD names one plainly.
func (f fields) date() mappings.Date {
	year, err := strconv.Atoi(f.text("PY"))
	if err != nil || year < 1000 {
		return mappings.Date{}
	}
	d := mappings.Date{Year: year}
	words := strings.Fields(f.text("PD"))
	if len(words) > 0 && words[0] == strconv.Itoa(year) {
		words = words[1:]
	}
	if len(words) == 0 {
		return d
	}
	if d.Month = mappings.MonthNumber(words[0]); d.Month == 0 {
		return d
	}
	if len(words) > 1 {
		if day, err := strconv.Atoi(words[1]); err == nil {
			// ParseDate checks the day against the month's length.
			if full, ok := mappings.ParseDate(strconv.Itoa(year) + "-" + strconv.Itoa(d.Month) + "-" + strconv.Itoa(day)); ok {
				d = full
			}
		}
	}
	return d
}

// semicolonList splits "Article; Early Access" into its items.
func semicolonList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = mappings.CleanText(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// citedReference reads one CR item: "ALLEN JP, 1986, P NATL ACAD SCI
// USA, V83, P8589, DOI 10.1073/pnas.83.22.8589". A DOI list in brackets
// ("DOI [10.1/a, 10.1/b]") names no one work, so it gives no DOI.
func citedReference(s string) (mappings.Reference, bool) {
	s = mappings.CleanText(s)
	if s == "" {
		return mappings.Reference{}, false
	}
	ref := mappings.Reference{Text: s}
	parts := strings.Split(s, ", ")
	if len(parts) > 1 {
		if y, err := strconv.Atoi(parts[1]); err == nil && y >= 1000 && y <= 9999 {
			ref.Year = y
		}
	}
	if i := strings.LastIndex(s, ", DOI "); i >= 0 {
		if doi := s[i+len(", DOI "):]; !strings.HasPrefix(doi, "[") {
			ref.DOI = mappings.NormalizeDOI(doi)
		}
	}
	return ref, true
}
