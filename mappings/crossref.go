package mappings

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
)

func init() {
	Register(Format{
		Name:  "crossref-json",
		Rank:  20,
		Title: "Crossref REST API JSON (a work, a work-list, or a bare work)",
		Reads: "title, authors with ORCID and affiliations, journal titles, print/electronic ISSN, dates, volume, issue, pages, article number, DOI, URL, JATS abstract, language, subjects, citation count, references",
		Example: `{"status":"ok","message-type":"work","message":{"DOI":"10.3892/etm.2017.4229",` +
			`"title":["A two-year follow-up"],"container-title":["Experimental and Therapeutic Medicine"],"published-print":{"date-parts":[[2017,5]]}}}`,
		Sniff: sniffCrossref,
		Read:  readCrossref,
	})
}

var crossrefMarkers = [][]byte{
	[]byte(`"is-referenced-by-count"`), []byte(`"reference-count"`), []byte(`"short-container-title"`),
	[]byte(`"issn-type"`), []byte(`"published-print"`), []byte(`"published-online"`), []byte(`"content-domain"`),
}

// sniffCrossref is sure of an API response ("message-type": "work" or
// "work-list") and fairly sure of a bare work, which carries
// Crossref-only fields and a "container-title" array.
func sniffCrossref(head []byte) int {
	head, ok := jsonSniffHead(head)
	if !ok {
		return 0
	}
	if crossrefMessageType.Match(head) {
		return 90
	}
	if cslStringTitle.Match(head) {
		return 0 // Crossref titles are arrays: this is CSL (citeproc JSON)
	}
	n := 0
	for _, m := range crossrefMarkers {
		if bytes.Contains(head, m) {
			n++
		}
	}
	if n >= 2 || (n == 1 && crossrefContainerArray.Match(head)) {
		return 60
	}
	return 0
}

var (
	crossrefMessageType    = regexp.MustCompile(`"message-type"\s*:\s*"work(?:-list)?"`)
	crossrefContainerArray = regexp.MustCompile(`"container-title"\s*:\s*\[`)
)

var crossrefWrappers = []jsonWrapper{{Path: []string{"message", "items"}}}

type crossrefWork struct {
	DOI            string           `json:"DOI"`
	URL            string           `json:"URL"`
	Title          []string         `json:"title"`
	Subtitle       []string         `json:"subtitle"`
	Author         []crossrefAuthor `json:"author"`
	Container      []string         `json:"container-title"`
	ShortContainer []string         `json:"short-container-title"`
	ISSN           []string         `json:"ISSN"`
	ISSNType       []struct {
		Type  string `json:"type"`
		Value string `json:"value"`
	} `json:"issn-type"`
	PublishedPrint  *cslDate `json:"published-print"`
	PublishedOnline *cslDate `json:"published-online"`
	Issued          *cslDate `json:"issued"`
	Published       *cslDate `json:"published"`
	JournalIssue    *struct {
		Issue          flexString `json:"issue"`
		PublishedPrint *cslDate   `json:"published-print"`
	} `json:"journal-issue"`
	Volume        flexString          `json:"volume"`
	Issue         flexString          `json:"issue"`
	Page          flexString          `json:"page"`
	ArticleNumber flexString          `json:"article-number"`
	Abstract      string              `json:"abstract"`
	Language      string              `json:"language"`
	Subject       []string            `json:"subject"`
	Publisher     string              `json:"publisher"`
	Type          string              `json:"type"`
	CitedBy       flexInt             `json:"is-referenced-by-count"`
	Reference     []crossrefReference `json:"reference"`
}

type crossrefAuthor struct {
	Given       string `json:"given"`
	Family      string `json:"family"`
	Name        string `json:"name"` // group authors
	ORCID       string `json:"ORCID"`
	Affiliation []struct {
		Name string `json:"name"`
	} `json:"affiliation"`
}

type crossrefReference struct {
	DOI          string     `json:"DOI"`
	Unstructured string     `json:"unstructured"`
	ArticleTitle string     `json:"article-title"`
	Year         flexString `json:"year"`
}

var readCrossref = readJSONFormat("crossref-json", crossrefWrappers, func(w *crossrefWork) (Record, error) { return w.record(), nil })

func firstOf(list []string) string {
	for _, s := range list {
		if s = HTMLText(s); s != "" {
			return s
		}
	}
	return ""
}

func (w *crossrefWork) record() Record {
	rec := Record{
		Title:         firstOf(w.Title),
		Volume:        CleanText(string(w.Volume)),
		Issue:         CleanText(string(w.Issue)),
		ArticleNumber: CleanText(string(w.ArticleNumber)),
		DOI:           NormalizeDOI(w.DOI),
		Language:      LanguageCode(w.Language),
		Publisher:     CleanText(w.Publisher),
		Issued:        w.issued(),
		CitationCount: w.CitedBy.V,
	}
	if sub := firstOf(w.Subtitle); sub != "" && rec.Title != "" && !strings.Contains(rec.Title, sub) {
		rec.Title += ": " + sub
	}
	if rec.Issue == "" && w.JournalIssue != nil {
		rec.Issue = CleanText(string(w.JournalIssue.Issue))
	}
	rec.PageStart, rec.PageEnd = SplitPages(string(w.Page))
	rec.Journal.Title = firstOf(w.Container)
	rec.Journal.Abbrev = firstOf(w.ShortContainer)
	typed := map[string]bool{}
	for _, t := range w.ISSNType {
		issn := rec.CheckISSN(t.Value)
		if issn == "" {
			continue
		}
		switch strings.ToLower(t.Type) {
		case "print":
			if rec.Journal.ISSN == "" {
				rec.Journal.ISSN, typed[issn] = issn, true
			}
		case "electronic":
			if rec.Journal.EISSN == "" {
				rec.Journal.EISSN, typed[issn] = issn, true
			}
		}
	}
	for _, s := range w.ISSN {
		if issn := rec.CheckISSN(s); issn != "" && !typed[issn] && !slices.Contains(rec.Journal.ISSNs, issn) {
			rec.Journal.ISSNs = append(rec.Journal.ISSNs, issn)
		}
	}
	for _, a := range w.Author {
		rec.Authors = append(rec.Authors, a.author())
	}
	rec.Abstract = crossrefAbstract(w.Abstract)
	for _, s := range w.Subject {
		if s = CleanText(s); s != "" {
			rec.Keywords = append(rec.Keywords, s)
		}
	}
	if w.Type != "" {
		rec.PublicationTypes = []string{w.Type}
	}
	addURL(&rec, w.URL)
	for _, ref := range w.Reference {
		if r, ok := ref.reference(); ok {
			rec.References = append(rec.References, r)
		}
	}
	return rec
}

// issued picks the date the graph records as dcterms:issued. The rule:
// the issue's print date first (published-print, then journal-issue's),
// because that is the date PubMed and the citation print, so sources
// agree; then "issued" (Crossref's earliest date), "published", and the
// online date last.
func (w *crossrefWork) issued() Date {
	cands := []*cslDate{w.PublishedPrint}
	if w.JournalIssue != nil {
		cands = append(cands, w.JournalIssue.PublishedPrint)
	}
	cands = append(cands, w.Issued, w.Published, w.PublishedOnline)
	for _, c := range cands {
		if d := c.date(); !d.IsZero() {
			return d
		}
	}
	return Date{}
}

func (a crossrefAuthor) author() Author {
	var out Author
	family, given := CleanText(a.Family), CleanText(a.Given)
	switch {
	case family == "" && given == "":
		// Crossref writes group authors as a bare "name".
		name := CleanText(a.Name)
		out = Author{AsWritten: name, Family: name, Collective: name != ""}
	case given == "":
		out = Author{AsWritten: family, Family: family}
	default:
		out = Author{AsWritten: family + ", " + given, Family: family, Given: given}
	}
	out.ORCID = orcidID(a.ORCID)
	for _, af := range a.Affiliation {
		if s := CleanText(af.Name); s != "" {
			out.Affiliations = append(out.Affiliations, s)
		}
	}
	return out
}

var orcidPattern = regexp.MustCompile(`(\d{4}-\d{4}-\d{4}-\d{3}[\dX])`)

// orcidID returns the bare ORCID iD of "https://orcid.org/0000-…" or
// "0000-…", and "" for anything else.
func orcidID(s string) string {
	m := orcidPattern.FindStringSubmatch(strings.ToUpper(s))
	if m == nil {
		return ""
	}
	return m[1]
}

func (ref crossrefReference) reference() (Reference, bool) {
	out := Reference{
		DOI:   NormalizeDOI(ref.DOI),
		Title: HTMLText(ref.ArticleTitle),
		Text:  HTMLText(ref.Unstructured),
	}
	if d, ok := ParseDate(string(ref.Year)); ok {
		out.Year = d.Year
	}
	return out, out.DOI != "" || out.Title != "" || out.Text != ""
}
