package mappings

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
)

func init() {
	Register(Format{
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

// medlineFields maps a MEDLINE tag to the field it feeds (tables/medline.tsv).
var medlineFields = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range readTable("medline.tsv") {
		m[r[0]] = r[1]
	}
	return m
})

// medlineSyntax: a tag is two to four capitals padded with spaces to
// four characters, then "- " ("AU  - ", "PMID- ", "OTO - "); values go
// on in lines indented by six spaces; a blank line ends a record. Some
// exporters (and JabRef's test files) drop the space after the hyphen
// ("PMID-22664220", "TI  -Title"): the tag is still the tag.
var medlineSyntax = sync.OnceValue(func() *Syntax {
	known := map[string]bool{}
	for tag := range medlineFields() {
		known[tag] = true
	}
	return &Syntax{
		Tag:               regexp.MustCompile(`^([A-Z][A-Z0-9]{1,3}) {0,3}- ?`),
		Known:             known,
		Start:             "PMID",
		BlankEnds:         true,
		IndentedContinues: true,
	}
})

var readMEDLINE = readLabelledFormat("medline", medlineSyntax, medlineRecord)

var (
	medlineISSN = regexp.MustCompile(`^(\S+)\s*(?:\((\w+)\))?$`)
	medlineLID  = regexp.MustCompile(`^(.*?)\s*\[(\w+)\]$`)
)

// medlineRecord maps one scanned entry to a Record through tables/medline.tsv.
func medlineRecord(e *Entry) (Record, error) {
	rec := Record{Format: "medline", Number: e.Number, Line: e.Line, Raw: e.Raw}
	fields := medlineFields()
	var (
		authors  medlineAuthors
		bookTI   string
		epub     Date
		abstract []string
	)
	for _, f := range e.Fields {
		v := CleanText(f.Value)
		switch fields[f.Tag] {
		case "pmid":
			setOnce(&rec.PMID, NormalizePMID(v))
		case "pmcid":
			setOnce(&rec.PMCID, NormalizePMCID(v))
		case "title":
			setOnce(&rec.Title, nlmTitle(v))
		case "book-title":
			setOnce(&bookTI, nlmTitle(v))
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
			setOnce(&rec.Journal.Title, v)
		case "journal-abbrev":
			setOnce(&rec.Journal.Abbrev, v)
		case "date":
			if rec.Issued.IsZero() {
				rec.Issued = nlmFreeDate(v)
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
				nlmPages(&rec, v)
			}
		case "location-id":
			if m := medlineLID.FindStringSubmatch(v); m != nil && strings.EqualFold(m[2], "doi") && rec.DOI == "" {
				rec.DOI = NormalizeDOI(m[1])
			} else if len(v) > 4 && strings.EqualFold(v[:4], "doi:") && rec.DOI == "" {
				// "AID - doi:10.1016/…", the form some exporters write
				// instead of "10.1016/… [doi]".
				rec.DOI = NormalizeDOI(v)
			}
		case "secondary-id":
			if bank, acc, ok := strings.Cut(v, "/"); ok {
				rec.TrialIDs = appendOnce(rec.TrialIDs, nlmTrialID(bank, acc))
			}
		case "language":
			setOnce(&rec.Language, LanguageCode(v))
		case "publication-type":
			rec.PublicationTypes = appendOnce(rec.PublicationTypes, v)
		case "mesh":
			if h, ok := medlineMeSH(v); ok {
				rec.MeSH = append(rec.MeSH, h)
			}
		case "keyword":
			rec.Keywords = appendOnce(rec.Keywords, v)
		case "publisher":
			setOnce(&rec.Publisher, v)
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
		rec.Abstract = abstractFrom(strings.Join(abstract, " "))
	}
	return rec, nil // an untitled record is judged by untitledPolicy
}

// medlineDEP reads DEP, the electronic publication date, YYYYMMDD.
func medlineDEP(v string) Date {
	if len(v) != 8 || !isDigits(v) {
		return Date{}
	}
	d, _ := ParseDate(v[:4] + "-" + v[4:6] + "-" + v[6:])
	return d
}

// medlineAddISSN files "1792-0981 (Print)" by its medium.
func medlineAddISSN(rec *Record, v string) {
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
		setOnce(&j.ISSN, issn)
	case "electronic":
		setOnce(&j.EISSN, issn)
	case "linking":
		setOnce(&j.ISSNL, issn)
	default:
		j.ISSNs = appendOnce(j.ISSNs, issn)
	}
}

// medlineMeSH reads "Descriptor/qualifier/qualifier", where a "*" marks
// the descriptor or a qualifier as a major topic:
// "Thrombocytopenia/*therapy", "*Mesenchymal Stem Cell Transplantation".
func medlineMeSH(v string) (MeSHHeading, bool) {
	parts := strings.Split(v, "/")
	var h MeSHHeading
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if strings.HasPrefix(p, "*") {
			h.Major = true
			p = strings.TrimSpace(p[1:])
		}
		if i == 0 {
			h.Descriptor = p
		} else {
			h.Qualifiers = appendOnce(h.Qualifiers, p)
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
	authors []Author
	cur     int  // index of the author AUID/AD lines belong to, -1 for none
	fromFAU bool // cur was opened by FAU and has not had its AU yet
	early   []string
}

func (m *medlineAuthors) person(v string, full bool) {
	if !full && m.fromFAU {
		m.fromFAU = false // the short form of the name FAU gave
		return
	}
	a := ParseName(v, FamilyFirst)
	if a.AsWritten == "" {
		return
	}
	m.authors = append(m.authors, a)
	m.cur = len(m.authors) - 1
	m.fromFAU = full
	if len(m.authors) == 1 {
		for _, aff := range m.early {
			m.authors[0].Affiliations = appendOnce(m.authors[0].Affiliations, aff)
		}
		m.early = nil
	}
}

func (m *medlineAuthors) collective(v string) {
	if v == "" {
		return
	}
	m.authors = append(m.authors, Author{AsWritten: v, Family: v, Collective: true})
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
		a.ORCID = nlmORCID(id)
	}
}

func (m *medlineAuthors) affiliation(v string) {
	if v == "" {
		return
	}
	switch {
	case len(m.authors) == 0 && m.cur == 0:
		m.early = appendOnce(m.early, v)
	case m.current():
		a := &m.authors[m.cur]
		a.Affiliations = appendOnce(a.Affiliations, v)
	}
}

func (m *medlineAuthors) current() bool { return m.cur >= 0 && m.cur < len(m.authors) }

func (m *medlineAuthors) list() []Author {
	return m.authors
}
