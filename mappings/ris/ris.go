// Package ris reads RIS exports (TY ... ER) through its tag and type
// tables, ris.tsv and ris-types.tsv.
package ris

import (
	"bytes"
	_ "embed"
	"io"
	"iter"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
		Name:    "ris",
		Rank:    30,
		Title:   "RIS (multi-line, or flattened onto one line)",
		Reads:   "title, authors, journal (full title and abbreviation), ISSNs, date, volume, issue, pages, DOI, PMID/PMCID when labelled, URLs, keywords, language, publisher, abstract",
		Example: "TY  - JOUR\nTI  - A title\nAU  - Wang, Xiaohua\nPY  - 2017\nER  - \n",
		Sniff:   sniffRIS,
		Read:    readRIS,
	})
}

var (
	risStartMulti = regexp.MustCompile(`(?m)^TY  - ?\S`)
	risStartFlat  = regexp.MustCompile(`(?m)^TY - \S`)
)

func sniffRIS(head []byte) int {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	switch {
	case risStartMulti.Match(head):
		return 90
	case risStartFlat.Match(head):
		return 80
	}
	return 0
}

// risSyntax: a tag is two characters, one or two spaces, a hyphen, then a
// space or the end of the line ("ER  -"). Exporters differ in the number
// of spaces; the one-line flattened form uses one.
var risSyntax = sync.OnceValue(func() *mappings.Syntax {
	known := map[string]bool{}
	for tag := range risFields() {
		known[tag] = true
	}
	return &mappings.Syntax{
		Tag:       regexp.MustCompile(`^([A-Z][A-Z0-9]) {1,2}-(?: |$)`),
		Known:     known,
		Start:     "TY",
		End:       "ER",
		Inline:    regexp.MustCompile(`\s([A-Z][A-Z0-9]) {1,2}-`),
		MinInline: 3,
	}
})

// The tag table (ris.tsv: tag → the field it feeds) and the type table
// (ris-types.tsv: TY code → publication type) are plain text, so that a
// domain expert can extend them without reading Go.
var (
	//go:embed ris.tsv
	fieldsTable []byte
	//go:embed ris-types.tsv
	typesTable []byte
)

// risFieldNames are the fields risRecord maps; a table row naming another
// is a typo that would silently drop the tag.
var risFieldNames = strings.Fields(`type end title short-title author abstract journal journal-abbrev
	issn doi url date volume issue page-start page-end keyword language publisher accession
	database pmcid address ignore`)

// loadTables parses both tables once; a broken table stops every read
// (readRIS) instead of reading records wrongly.
var loadTables = sync.OnceValues(func() ([2]map[string]string, error) {
	return parseTables(fieldsTable, typesTable)
})

func parseTables(fieldsData, typesData []byte) ([2]map[string]string, error) {
	var out [2]map[string]string
	for i, t := range []struct {
		data   []byte
		name   string
		values map[int][]string
	}{
		{fieldsData, "ris/ris.tsv", map[int][]string{1: risFieldNames}},
		{typesData, "ris/ris-types.tsv", nil},
	} {
		m, err := mappings.ParseMap(t.data, t.name, t.values)
		if err != nil {
			return out, err
		}
		out[i] = m
	}
	return out, nil
}

// risFields maps a RIS tag to the field it feeds (ris.tsv).
func risFields() map[string]string {
	t, _ := loadTables()
	return t[0]
}

// risTypes maps a TY code to the publication type recorded (ris-types.tsv).
func risTypes() map[string]string {
	t, _ := loadTables()
	return t[1]
}

var readLabelledRIS = mappings.ReadLabelled("ris", risSyntax, risRecord)

func readRIS(r io.Reader) iter.Seq2[mappings.Record, error] {
	if _, err := loadTables(); err != nil {
		return mappings.Refuse(err)
	}
	return readLabelledRIS(r)
}

// risRecord maps one scanned entry to a Record through ris.tsv.
func risRecord(e *mappings.Entry) (mappings.Record, error) {
	rec := mappings.Record{Format: "ris", Number: e.Number, Line: e.Line, Raw: e.Raw}
	fields := risFields()
	var (
		dates              []mappings.Date
		pages, pageEnd     string
		accessions         []string
		database, abstract []string
	)
	for _, f := range e.Fields {
		v := mappings.CleanText(f.Value)
		switch fields[f.Tag] {
		case "type":
			if t, ok := risTypes()[v]; ok {
				v = t
			}
			if v != "" {
				rec.PublicationTypes = append(rec.PublicationTypes, v)
			}
		case "title":
			mappings.SetOnce(&rec.Title, v)
		case "author":
			if a := mappings.ParseName(v, mappings.FamilyFirst); a.AsWritten != "" {
				rec.Authors = append(rec.Authors, a)
			}
		case "abstract":
			abstract = append(abstract, v)
		case "journal":
			mappings.SetOnce(&rec.Journal.Title, v)
		case "journal-abbrev":
			mappings.SetOnce(&rec.Journal.Abbrev, v)
		case "issn":
			addRISISSNs(&rec, v)
		case "doi":
			mappings.SetOnce(&rec.DOI, mappings.NormalizeDOI(v))
		case "url":
			for _, u := range strings.FieldsFunc(f.Value, func(r rune) bool { return r == ';' || r == ' ' || r == '\n' || r == '\t' }) {
				mappings.AddURL(&rec, u)
			}
		case "date":
			if d, ok := mappings.ParseDate(v); ok {
				dates = append(dates, risDay(d))
			}
		case "volume":
			rec.Volume = v
		case "issue":
			rec.Issue = v
		case "page-start":
			pages = v
		case "page-end":
			pageEnd = v
		case "keyword":
			// One keyword per KW line; continuation lines are further
			// keywords, as exporters that wrap keyword lists write them.
			for _, k := range strings.Split(f.Value, "\n") {
				if k = mappings.CleanText(k); k != "" {
					rec.Keywords = append(rec.Keywords, k)
				}
			}
		case "language":
			mappings.SetOnce(&rec.Language, mappings.LanguageCode(v))
		case "publisher":
			rec.Publisher = v
		case "accession":
			accessions = append(accessions, v)
		case "database":
			database = append(database, v)
		case "pmcid":
			if m := mappings.PMCIDIn(v); m != "" && len(m) == len(v) && rec.PMCID == "" {
				rec.PMCID = "PMC" + m[3:]
			}
		case "address":
			// AD holds the paper's affiliations as one block, not tied to
			// any author; Authorship affiliations must be tied, so it is
			// not used (it stays in Raw).
		}
	}
	if len(abstract) > 0 {
		rec.Abstract = mappings.Abstract{Text: strings.Join(abstract, " ")}
	}
	rec.PageStart, rec.PageEnd = mappings.SplitPages(pages)
	if rec.PageEnd == "" {
		rec.PageEnd = pageEnd
	}
	rec.Issued = pickDate(dates)
	rec.PMID = risPMID(accessions, database)
	if rec.DOI == "" {
		for _, u := range rec.URLs {
			mappings.AddURLIDs(&rec, u)
		}
	}
	return rec, nil // an untitled record is judged by untitledPolicy
}

// risDay drops a day of 01: exporters write "2017/05/01" for "May 2017"
// because RIS has no way to leave the day out, and a wrong day is a
// wrong fact while a missing one is only less precise.
func risDay(d mappings.Date) mappings.Date {
	if d.Day == 1 {
		d.Day = 0
	}
	return d
}

// pickDate keeps the most precise of the dates a record gives (DA, PY,
// Y1), among those agreeing with the first date's year: when the tags
// disagree on the year, the first one given wins rather than a blend.
func pickDate(ds []mappings.Date) mappings.Date {
	var best mappings.Date
	for _, d := range ds {
		if best.Year != 0 && d.Year != best.Year {
			continue
		}
		if d.Precision() > best.Precision() {
			best = d
		}
	}
	return best
}

var issnQualified = regexp.MustCompile(`(?i)\b(\d{4}-?\d{3}[\dX])\b(?:\s*\((print|electronic|online|linking)\))?`)

// addRISISSNs reads an SN value. Qualified ISSNs ("1792-0981 (Print)")
// go where the qualifier says. Unqualified ones: when an SN line holds
// exactly two, the first is the print ISSN and the second the electronic
// one, the order PubMed-derived exports use (seed 004: "1792-0981
// 1792-1015", print then electronic); one alone, or more than two, have
// no stated medium and go to ISSNs.
func addRISISSNs(rec *mappings.Record, v string) {
	j, plain := &rec.Journal, []string(nil)
	for _, m := range issnQualified.FindAllStringSubmatch(v, -1) {
		issn := rec.CheckISSN(m[1])
		if issn == "" {
			continue
		}
		switch strings.ToLower(m[2]) {
		case "print":
			j.ISSN = issn
		case "electronic", "online":
			j.EISSN = issn
		case "linking":
			j.ISSNL = issn
		default:
			plain = append(plain, issn)
		}
	}
	if len(plain) == 2 && j.ISSN == "" && j.EISSN == "" {
		j.ISSN, j.EISSN = plain[0], plain[1]
		return
	}
	for _, issn := range plain {
		if issn != j.ISSN && issn != j.EISSN && !slices.Contains(j.ISSNs, issn) {
			j.ISSNs = append(j.ISSNs, issn)
		}
	}
}

// risPMID returns a PMID from AN/M1 only when it is labelled as one:
// "PMID: 123" itself, or a bare number in a record whose DB/DP names
// PubMed or MEDLINE. Accession numbers of other databases look the same.
func risPMID(accessions, database []string) string {
	fromPubMed := false
	for _, d := range database {
		low := strings.ToLower(d)
		if strings.Contains(low, "pubmed") || strings.Contains(low, "medline") || low == "nlm" {
			fromPubMed = true
		}
	}
	for _, a := range accessions {
		labelled := len(a) >= 4 && strings.EqualFold(a[:4], "pmid")
		if !labelled && !fromPubMed {
			continue
		}
		if id := mappings.NormalizePMID(a); id != "" {
			return id
		}
	}
	return ""
}
