// Package medline reads MEDLINE/PubMed tagged text (.nbib, "PMID- ")
// through its tag table, medline.tsv.
package medline

import (
	"bytes"
	_ "embed"
	"io"
	"iter"
	"regexp"
	"strings"
	"sync"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
		Name:  "medline",
		Rank:  11,
		Title: "MEDLINE / PubMed format (.nbib, PubMed \"Send to: citation manager\")",
		Reads: "title, abstract (structured when labelled), authors with ORCID and their own affiliations, " +
			"journal and ISSNs, date, volume, issue, pages, PMID, PMCID, DOI, language, publication types, " +
			"MeSH with major topics and qualifiers, keywords, trial registry numbers",
		Example: "PMID- 28565834\nTI  - A title.\nFAU - Wang, Xiaohua\nAU  - Wang X\nDP  - 2017 May\n",
		Sniff:   sniffMEDLINE,
		Read:    readMEDLINE,
	})
}

var (
	medlineFirst = regexp.MustCompile(`^PMID- ?\d`)
	medlineAny   = regexp.MustCompile(`(?m)^PMID- ?\d`)
	medlineTitle = regexp.MustCompile(`(?m)^(?:TI|BTI|FAU|AU)\s*- \S`)
	medlineLine  = regexp.MustCompile(`^([A-Z][A-Z0-9]{1,3}) {0,3}-`)
)

// sniffMEDLINE claims input whose first line is a PMID tag; a PMID tag
// later on, with a title or author tag, is likely but less sure; and a
// record that lost its PMID line is still MEDLINE when its lines are
// MEDLINE tags (see medlineTagged).
func sniffMEDLINE(head []byte) int {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	switch {
	case medlineFirst.Match(head):
		return 100
	case medlineAny.Match(head) && medlineTitle.Match(head):
		return 60
	case medlineTagged(head):
		return 30
	}
	return 0
}

// medlineTagged reports input whose first line is a tag line and whose
// unindented lines are at least three and nearly all (all but one in
// five) MEDLINE tags, with one tag longer than RIS's two characters (and
// no TY, which opens every RIS record): a record without its PMID line
// ("PMC - …", "TI  - …", "FAU - …").
func medlineTagged(head []byte) bool {
	lines := strings.Split(string(head), "\n")
	if !bytes.HasSuffix(head, []byte("\n")) && len(lines) > 1 {
		lines = lines[:len(lines)-1] // cut off by the sniff window
	}
	known, all, long := 0, 0, false
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" || l[0] == ' ' || l[0] == '\t' {
			continue
		}
		all++
		m := medlineLine.FindStringSubmatch(l)
		if m == nil {
			if i == 0 {
				return false
			}
			continue
		}
		if m[1] == "TY" {
			return false
		}
		long = long || len(m[1]) > 2
		if _, ok := medlineFields()[m[1]]; ok {
			known++
		}
	}
	return known >= 3 && known*5 >= all*4 && long
}

//go:embed medline.tsv
var fieldsTable []byte

// medlineFieldNames are the fields medlineRecord maps; a table row naming
// another is a typo that would silently drop the tag.
var medlineFieldNames = strings.Fields(`pmid pmcid title book-title abstract author-full author
	collective author-id affiliation person-other issn journal journal-abbrev date epub-date volume
	issue pages location-id secondary-id language publication-type mesh keyword publisher ignore`)

// loadFields parses the tag table (medline.tsv: tag → the field it feeds,
// plain text so that a domain expert can extend it) once; a broken table
// stops every read (readMEDLINE) instead of reading records wrongly.
var loadFields = sync.OnceValues(func() (map[string]string, error) { return parseFields(fieldsTable) })

func parseFields(data []byte) (map[string]string, error) {
	return mappings.ParseMap(data, "medline/medline.tsv", map[int][]string{1: medlineFieldNames})
}

// medlineFields maps a MEDLINE tag to the field it feeds (medline.tsv).
func medlineFields() map[string]string {
	m, _ := loadFields()
	return m
}

// medlineSyntax: a tag is two to four capitals padded with spaces to
// four characters, then "- " ("AU  - ", "PMID- ", "OTO - "); values go
// on in lines indented by six spaces; a blank line ends a record. Some
// exporters (and JabRef's test files) drop the space after the hyphen
// ("PMID-22664220", "TI  -Title"): the tag is still the tag.
var medlineSyntax = sync.OnceValue(func() *mappings.Syntax {
	known := map[string]bool{}
	for tag := range medlineFields() {
		known[tag] = true
	}
	return &mappings.Syntax{
		Tag:               regexp.MustCompile(`^([A-Z][A-Z0-9]{1,3}) {0,3}- ?`),
		Known:             known,
		Start:             "PMID",
		BlankEnds:         true,
		IndentedContinues: true,
	}
})

var readLabelledMEDLINE = mappings.ReadLabelled("medline", medlineSyntax, medlineRecord)

func readMEDLINE(r io.Reader) iter.Seq2[mappings.Record, error] {
	if _, err := loadFields(); err != nil {
		return mappings.Refuse(err)
	}
	return readLabelledMEDLINE(r)
}

var (
	medlineISSN = regexp.MustCompile(`^(\S+)\s*(?:\((\w+)\))?$`)
	medlineLID  = regexp.MustCompile(`^(.*?)\s*\[(\w+)\]$`)
)

// medlineRecord maps one scanned entry to a Record through medline.tsv.
func medlineRecord(e *mappings.Entry) (mappings.Record, error) {
	rec := mappings.Record{Format: "medline", Number: e.Number, Line: e.Line, Raw: e.Raw}
	fields := medlineFields()
	var (
		authors  medlineAuthors
		bookTI   string
		epub     mappings.Date
		abstract []string
	)
	for _, f := range e.Fields {
		v := mappings.CleanText(f.Value)
		switch fields[f.Tag] {
		case "pmid":
			mappings.SetOnce(&rec.PMID, mappings.NormalizePMID(v))
		case "pmcid":
			mappings.SetOnce(&rec.PMCID, mappings.NormalizePMCID(v))
		case "title":
			mappings.SetOnce(&rec.Title, mappings.NLMTitle(v))
		case "book-title":
			mappings.SetOnce(&bookTI, mappings.NLMTitle(v))
		case "abstract":
			abstract = append(abstract, v)
		case "author-full":
			authors.person(v, true)
		case "author":
			authors.person(v, false)
		case "collective":
			authors.collective(v)
		case "author-id":
			authors.id(v)
		case "affiliation":
			authors.affiliation(v)
		case "person-other":
			authors.other()
		case "issn":
			medlineAddISSN(&rec, v)
		case "journal":
			mappings.SetOnce(&rec.Journal.Title, v)
		case "journal-abbrev":
			mappings.SetOnce(&rec.Journal.Abbrev, v)
		case "date":
			if rec.Issued.IsZero() {
				rec.Issued = mappings.NLMFreeDate(v)
			}
		case "epub-date":
			if epub.IsZero() {
				epub = medlineDEP(v)
			}
		case "volume":
			rec.Volume = v
		case "issue":
			rec.Issue = v
		case "pages":
			if rec.PageStart == "" && rec.ArticleNumber == "" {
				mappings.NLMPages(&rec, v)
			}
		case "location-id":
			if m := medlineLID.FindStringSubmatch(v); m != nil && strings.EqualFold(m[2], "doi") && rec.DOI == "" {
				rec.DOI = mappings.NormalizeDOI(m[1])
			} else if len(v) > 4 && strings.EqualFold(v[:4], "doi:") && rec.DOI == "" {
				// "AID - doi:10.1016/…", the form some exporters write
				// instead of "10.1016/… [doi]".
				rec.DOI = mappings.NormalizeDOI(v)
			}
		case "secondary-id":
			if bank, acc, ok := strings.Cut(v, "/"); ok {
				rec.TrialIDs = mappings.AppendOnce(rec.TrialIDs, mappings.NLMTrialID(bank, acc))
			}
		case "language":
			mappings.SetOnce(&rec.Language, mappings.LanguageCode(v))
		case "publication-type":
			rec.PublicationTypes = mappings.AppendOnce(rec.PublicationTypes, v)
		case "mesh":
			if h, ok := medlineMeSH(v); ok {
				rec.MeSH = append(rec.MeSH, h)
			}
		case "keyword":
			rec.Keywords = mappings.AppendOnce(rec.Keywords, v)
		case "publisher":
			mappings.SetOnce(&rec.Publisher, v)
		}
	}
	if rec.Title == "" {
		rec.Title = bookTI
	}
	if rec.Issued.IsZero() {
		rec.Issued = epub
	}
	rec.Authors = authors.list()
	if len(abstract) > 0 {
		rec.Abstract = mappings.AbstractFrom(strings.Join(abstract, " "))
	}
	return rec, nil // an untitled record is judged by untitledPolicy
}

// medlineDEP reads DEP, the electronic publication date, YYYYMMDD.
func medlineDEP(v string) mappings.Date {
	if len(v) != 8 || !mappings.IsDigits(v) {
		return mappings.Date{}
	}
	d, _ := mappings.ParseDate(v[:4] + "-" + v[4:6] + "-" + v[6:])
	return d
}

// medlineAddISSN files "1792-0981 (Print)" by its medium.
func medlineAddISSN(rec *mappings.Record, v string) {
	m := medlineISSN.FindStringSubmatch(v)
	if m == nil {
		return
	}
	j, issn := &rec.Journal, rec.CheckISSN(m[1])
	if issn == "" {
		return
	}
	switch strings.ToLower(m[2]) {
	case "print":
		mappings.SetOnce(&j.ISSN, issn)
	case "electronic":
		mappings.SetOnce(&j.EISSN, issn)
	case "linking":
		mappings.SetOnce(&j.ISSNL, issn)
	default:
		j.ISSNs = mappings.AppendOnce(j.ISSNs, issn)
	}
}

// medlineMeSH reads "Descriptor/qualifier/qualifier", where a "*" marks
// the descriptor or a qualifier as a major topic:
// "Thrombocytopenia/*therapy", "*Mesenchymal Stem Cell Transplantation".
func medlineMeSH(v string) (mappings.MeSHHeading, bool) {
	parts := strings.Split(v, "/")
	var h mappings.MeSHHeading
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if strings.HasPrefix(p, "*") {
			h.Major = true
			p = strings.TrimSpace(p[1:])
		}
		if i == 0 {
			h.Descriptor = p
		} else {
			h.Qualifiers = mappings.AppendOnce(h.Qualifiers, p)
		}
	}
	return h, h.Descriptor != ""
}

// medlineAuthors assembles authors from the tags as they come: FAU (full
// name) opens an author and the AU right after it is the same person; an
// AU alone (older records) opens one too. AUID and AD lines belong to the
// author before them. Before 2014 MEDLINE kept only the first author's
// affiliation, printed before any author: it goes to the first author.
type medlineAuthors struct {
	authors []mappings.Author
	cur     int  // index of the author AUID/AD lines belong to, -1 for none
	fromFAU bool // cur was opened by FAU and has not had its AU yet
	early   []string
}

func (m *medlineAuthors) person(v string, full bool) {
	if !full && m.fromFAU {
		m.fromFAU = false // the short form of the name FAU gave
		return
	}
	a := mappings.ParseName(v, mappings.FamilyFirst)
	if a.AsWritten == "" {
		return
	}
	m.authors = append(m.authors, a)
	m.cur = len(m.authors) - 1
	m.fromFAU = full
	if len(m.authors) == 1 {
		for _, aff := range m.early {
			m.authors[0].Affiliations = mappings.AppendOnce(m.authors[0].Affiliations, aff)
		}
		m.early = nil
	}
}

func (m *medlineAuthors) collective(v string) {
	if v == "" {
		return
	}
	m.authors = append(m.authors, mappings.Author{AsWritten: v, Family: v, Collective: true})
	m.cur, m.fromFAU = len(m.authors)-1, false
}

// other marks an investigator or editor: what follows is not an author's.
func (m *medlineAuthors) other() { m.cur, m.fromFAU = -1, false }

func (m *medlineAuthors) id(v string) {
	scheme, id, ok := strings.Cut(v, ":")
	if !ok || !strings.EqualFold(strings.TrimSpace(scheme), "ORCID") || !m.current() {
		return
	}
	if a := &m.authors[m.cur]; a.ORCID == "" {
		a.ORCID = mappings.ValidORCID(id)
	}
}

func (m *medlineAuthors) affiliation(v string) {
	if v == "" {
		return
	}
	switch {
	case len(m.authors) == 0 && m.cur == 0:
		m.early = mappings.AppendOnce(m.early, v)
	case m.current():
		a := &m.authors[m.cur]
		a.Affiliations = mappings.AppendOnce(a.Affiliations, v)
	}
}

func (m *medlineAuthors) current() bool { return m.cur >= 0 && m.cur < len(m.authors) }

func (m *medlineAuthors) list() []mappings.Author {
	return m.authors
}
