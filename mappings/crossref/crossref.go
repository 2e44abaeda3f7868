// Package crossref reads Crossref REST API works (a work, a work-list,
// or a bare work), with JATS abstracts and reference lists.
package crossref

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
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
	head, ok := mappings.JSONSniffHead(head)
	if !ok {
		return 0
	}
	if crossrefMessageType.Match(head) {
		return 90
	}
	if mappings.HasStringTitle(head) {
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

var crossrefWrappers = []mappings.JSONWrapper{{Path: []string{"message", "items"}}}

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
	PublishedPrint  *mappings.CSLDate `json:"published-print"`
	PublishedOnline *mappings.CSLDate `json:"published-online"`
	Issued          *mappings.CSLDate `json:"issued"`
	Published       *mappings.CSLDate `json:"published"`
	JournalIssue    *struct {
		Issue          mappings.FlexString `json:"issue"`
		PublishedPrint *mappings.CSLDate   `json:"published-print"`
	} `json:"journal-issue"`
	Volume        mappings.FlexString `json:"volume"`
	Issue         mappings.FlexString `json:"issue"`
	Page          mappings.FlexString `json:"page"`
	ArticleNumber mappings.FlexString `json:"article-number"`
	Abstract      string              `json:"abstract"`
	Language      string              `json:"language"`
	Subject       []string            `json:"subject"`
	Publisher     string              `json:"publisher"`
	Type          string              `json:"type"`
	CitedBy       mappings.FlexInt    `json:"is-referenced-by-count"`
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
	DOI          string              `json:"DOI"`
	Unstructured string              `json:"unstructured"`
	ArticleTitle string              `json:"article-title"`
	Year         mappings.FlexString `json:"year"`
}

var readCrossref = mappings.ReadJSONFormat("crossref-json", crossrefWrappers, func(w *crossrefWork) (mappings.Record, error) { return w.record(), nil })

func firstOf(list []string) string {
	for _, s := range list {
		if s = mappings.HTMLText(s); s != "" {
			return s
		}
	}
	return ""
}

func (w *crossrefWork) record() mappings.Record {
	rec := mappings.Record{
		Title:         firstOf(w.Title),
		Volume:        mappings.CleanText(string(w.Volume)),
		Issue:         mappings.CleanText(string(w.Issue)),
		ArticleNumber: mappings.CleanText(string(w.ArticleNumber)),
		DOI:           mappings.NormalizeDOI(w.DOI),
		Language:      mappings.LanguageCode(w.Language),
		Publisher:     mappings.CleanText(w.Publisher),
		Issued:        w.issued(),
		CitationCount: w.CitedBy.V,
	}
	if sub := firstOf(w.Subtitle); sub != "" && rec.Title != "" && !strings.Contains(rec.Title, sub) {
		rec.Title += ": " + sub
	}
	if rec.Issue == "" && w.JournalIssue != nil {
		rec.Issue = mappings.CleanText(string(w.JournalIssue.Issue))
	}
	rec.PageStart, rec.PageEnd = mappings.SplitPages(string(w.Page))
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
		if s = mappings.CleanText(s); s != "" {
			rec.Keywords = append(rec.Keywords, s)
		}
	}
	if w.Type != "" {
		rec.PublicationTypes = []string{w.Type}
	}
	mappings.AddURL(&rec, w.URL)
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
func (w *crossrefWork) issued() mappings.Date {
	cands := []*mappings.CSLDate{w.PublishedPrint}
	if w.JournalIssue != nil {
		cands = append(cands, w.JournalIssue.PublishedPrint)
	}
	cands = append(cands, w.Issued, w.Published, w.PublishedOnline)
	for _, c := range cands {
		if d := c.Date(); !d.IsZero() {
			return d
		}
	}
	return mappings.Date{}
}

func (a crossrefAuthor) author() mappings.Author {
	var out mappings.Author
	family, given := mappings.CleanText(a.Family), mappings.CleanText(a.Given)
	switch {
	case family == "" && given == "":
		// Crossref writes group authors as a bare "name".
		name := mappings.CleanText(a.Name)
		out = mappings.Author{AsWritten: name, Family: name, Collective: name != ""}
	case given == "":
		out = mappings.Author{AsWritten: family, Family: family}
	default:
		out = mappings.Author{AsWritten: family + ", " + given, Family: family, Given: given}
	}
	out.ORCID = mappings.ORCIDIn(a.ORCID)
	for _, af := range a.Affiliation {
		if s := mappings.CleanText(af.Name); s != "" {
			out.Affiliations = append(out.Affiliations, s)
		}
	}
	return out
}

func (ref crossrefReference) reference() (mappings.Reference, bool) {
	out := mappings.Reference{
		DOI:   mappings.NormalizeDOI(ref.DOI),
		Title: mappings.HTMLText(ref.ArticleTitle),
		Text:  mappings.HTMLText(ref.Unstructured),
	}
	if d, ok := mappings.ParseDate(string(ref.Year)); ok {
		out.Year = d.Year
	}
	return out, out.DOI != "" || out.Title != "" || out.Text != ""
}
