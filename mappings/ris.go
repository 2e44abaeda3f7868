package mappings

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// ErrNoTitle is the reason given for a record that has no title.
var ErrNoTitle = errors.New("record has no title")

func init() {
	Register(Format{
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
var risSyntax = sync.OnceValue(func() *Syntax {
	known := map[string]bool{}
	for tag := range risFields() {
		known[tag] = true
	}
	return &Syntax{
		Tag:       regexp.MustCompile(`^([A-Z][A-Z0-9]) {1,2}-(?: |$)`),
		Known:     known,
		Start:     "TY",
		End:       "ER",
		Inline:    regexp.MustCompile(`\s([A-Z][A-Z0-9]) {1,2}-`),
		MinInline: 3,
	}
})

var risTypes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range readTable("ris-types.tsv") {
		m[r[0]] = r[1]
	}
	return m
})

var readRIS = readLabelledFormat("ris", risSyntax, risRecord)

// risRecord maps one scanned entry to a Record through tables/ris.tsv.
func risRecord(e *Entry) (Record, error) {
	rec := Record{Format: "ris", Number: e.Number, Line: e.Line, Raw: e.Raw}
	fields := risFields()
	var (
		dates              []Date
		pages, pageEnd     string
		accessions         []string
		database, abstract []string
	)
	for _, f := range e.Fields {
		v := CleanText(f.Value)
		switch fields[f.Tag] {
		case "type":
			if t, ok := risTypes()[v]; ok {
				v = t
			}
			if v != "" {
				rec.PublicationTypes = append(rec.PublicationTypes, v)
			}
		case "title":
			setOnce(&rec.Title, v)
		case "author":
			if a := ParseName(v, FamilyFirst); a.AsWritten != "" {
				rec.Authors = append(rec.Authors, a)
			}
		case "abstract":
			abstract = append(abstract, v)
		case "journal":
			setOnce(&rec.Journal.Title, v)
		case "journal-abbrev":
			setOnce(&rec.Journal.Abbrev, v)
		case "issn":
			addRISISSNs(&rec, v)
		case "doi":
			setOnce(&rec.DOI, NormalizeDOI(v))
		case "url":
			for _, u := range strings.FieldsFunc(f.Value, func(r rune) bool { return r == ';' || r == ' ' || r == '\n' || r == '\t' }) {
				addURL(&rec, u)
			}
		case "date":
			if d, ok := ParseDate(v); ok {
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
				if k = CleanText(k); k != "" {
					rec.Keywords = append(rec.Keywords, k)
				}
			}
		case "language":
			setOnce(&rec.Language, LanguageCode(v))
		case "publisher":
			rec.Publisher = v
		case "accession":
			accessions = append(accessions, v)
		case "database":
			database = append(database, v)
		case "pmcid":
			if m := pmcidPattern.FindStringSubmatch(v); m != nil && len(m[0]) == len(v) && rec.PMCID == "" {
				rec.PMCID = "PMC" + m[1]
			}
		case "address":
			// AD holds the paper's affiliations as one block, not tied to
			// any author; Authorship affiliations must be tied, so it is
			// not used (it stays in Raw).
		}
	}
	if len(abstract) > 0 {
		rec.Abstract = Abstract{Text: strings.Join(abstract, " ")}
	}
	rec.PageStart, rec.PageEnd = SplitPages(pages)
	if rec.PageEnd == "" {
		rec.PageEnd = pageEnd
	}
	rec.Issued = pickDate(dates)
	rec.PMID = risPMID(accessions, database)
	if rec.DOI == "" {
		for _, u := range rec.URLs {
			addURLIDs(&rec, u)
		}
	}
	return rec, nil // an untitled record is judged by untitledPolicy
}

// risDay drops a day of 01: exporters write "2017/05/01" for "May 2017"
// because RIS has no way to leave the day out, and a wrong day is a
// wrong fact while a missing one is only less precise.
func risDay(d Date) Date {
	if d.Day == 1 {
		d.Day = 0
	}
	return d
}

// pickDate keeps the most precise of the dates a record gives (DA, PY,
// Y1), among those agreeing with the first date's year: when the tags
// disagree on the year, the first one given wins rather than a blend.
func pickDate(ds []Date) Date {
	var best Date
	for _, d := range ds {
		if best.Year != 0 && d.Year != best.Year {
			continue
		}
		if d.precision() > best.precision() {
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
func addRISISSNs(rec *Record, v string) {
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
		if id := NormalizePMID(a); id != "" {
			return id
		}
	}
	return ""
}
