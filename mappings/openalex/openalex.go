// Package openalex reads OpenAlex works: API responses, single works and
// JSON Lines snapshot files.
package openalex

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
		Name:  "openalex-json",
		Rank:  40,
		Title: "OpenAlex works JSON (a work, or {\"results\": […]})",
		Reads: "DOI, PMID, PMCID, title, authors with ORCID, institutions and raw names, source title and ISSNs, volume, issue, pages, date, language, citation count, abstract (rebuilt from the inverted index), references, keywords",
		Example: `{"id":"https://openalex.org/W2617404016","doi":"https://doi.org/10.3892/etm.2017.4229",` +
			`"display_name":"A two-year follow-up","publication_date":"2017-03-14","authorships":[]}`,
		Sniff: sniffOpenAlex,
		Read:  readOpenAlex,
	})
}

var openAlexMarkers = [][]byte{
	[]byte(`"abstract_inverted_index"`), []byte(`"authorships"`), []byte(`"cited_by_count"`),
	[]byte(`"primary_location"`), []byte(`"referenced_works"`), []byte(`openalex.org/W`),
}

// sniffOpenAlex needs two OpenAlex-only names: "authorships" or an
// openalex.org work id alone could be anything's.
func sniffOpenAlex(head []byte) int {
	head, ok := mappings.JSONSniffHead(head)
	if !ok {
		return 0
	}
	n := 0
	for _, m := range openAlexMarkers {
		if bytes.Contains(head, m) {
			n++
		}
	}
	if n < 2 {
		return 0
	}
	return 50 + 5*n
}

var openAlexWrappers = []mappings.JSONWrapper{{Path: []string{"results"}}}

type openAlexWork struct {
	ID          string `json:"id"`
	DOI         string `json:"doi"`
	Title       string `json:"title"`
	DisplayName string `json:"display_name"`
	IDs         struct {
		DOI   string `json:"doi"`
		PMID  string `json:"pmid"`
		PMCID string `json:"pmcid"`
	} `json:"ids"`
	Authorships []struct {
		Position string `json:"author_position"`
		Author   struct {
			DisplayName string `json:"display_name"`
			ORCID       string `json:"orcid"`
		} `json:"author"`
		RawName      string `json:"raw_author_name"`
		Institutions []struct {
			DisplayName string `json:"display_name"`
		} `json:"institutions"`
	} `json:"authorships"`
	PrimaryLocation *struct {
		LandingPage string `json:"landing_page_url"`
		Source      *struct {
			DisplayName string               `json:"display_name"`
			ISSNL       string               `json:"issn_l"`
			ISSN        mappings.FlexStrings `json:"issn"`
		} `json:"source"`
	} `json:"primary_location"`
	Biblio struct {
		Volume    mappings.FlexString `json:"volume"`
		Issue     mappings.FlexString `json:"issue"`
		FirstPage mappings.FlexString `json:"first_page"`
		LastPage  mappings.FlexString `json:"last_page"`
	} `json:"biblio"`
	PublicationDate string              `json:"publication_date"`
	PublicationYear mappings.FlexString `json:"publication_year"`
	Language        string              `json:"language"`
	CitedBy         mappings.FlexInt    `json:"cited_by_count"`
	Abstract        map[string][]int    `json:"abstract_inverted_index"`
	Referenced      []string            `json:"referenced_works"`
	Keywords        []openAlexKeyword   `json:"keywords"`
	Type            string              `json:"type"`
}

// openAlexKeyword is a keyword object; OpenAlex has named the text
// "display_name" (current) and "keyword" (until 2024).
type openAlexKeyword struct {
	DisplayName string `json:"display_name"`
	Keyword     string `json:"keyword"`
}

var readOpenAlex = mappings.ReadJSONFormat("openalex-json", openAlexWrappers, func(w *openAlexWork) (mappings.Record, error) { return w.record(), nil })

func (w *openAlexWork) record() mappings.Record {
	rec := mappings.Record{
		Title:         mappings.HTMLText(w.Title),
		Volume:        mappings.CleanText(string(w.Biblio.Volume)),
		Issue:         mappings.CleanText(string(w.Biblio.Issue)),
		PageStart:     mappings.CleanText(string(w.Biblio.FirstPage)),
		PageEnd:       mappings.CleanText(string(w.Biblio.LastPage)),
		Language:      mappings.LanguageCode(w.Language),
		CitationCount: w.CitedBy.V,
		DOI:           mappings.NormalizeDOI(w.IDs.DOI),
		PMID:          mappings.IDsFromURL(w.IDs.PMID).PMID,
		PMCID:         openAlexPMCID(w.IDs.PMCID),
	}
	if rec.Title == "" {
		rec.Title = mappings.HTMLText(w.DisplayName)
	}
	if rec.DOI == "" {
		rec.DOI = mappings.NormalizeDOI(w.DOI)
	}
	if rec.PMID == "" {
		rec.PMID = mappings.NormalizePMID(w.IDs.PMID)
	}
	if d, ok := mappings.ParseDate(w.PublicationDate); ok {
		rec.Issued = d
	} else if d, ok := mappings.ParseDate(string(w.PublicationYear)); ok {
		rec.Issued = d
	}
	if pl := w.PrimaryLocation; pl != nil {
		if src := pl.Source; src != nil {
			rec.Journal.Title = mappings.CleanText(src.DisplayName)
			rec.Journal.ISSNL = rec.CheckISSN(src.ISSNL)
			for _, s := range src.ISSN {
				if issn := rec.CheckISSN(s); issn != "" && !slices.Contains(rec.Journal.ISSNs, issn) {
					rec.Journal.ISSNs = append(rec.Journal.ISSNs, issn)
				}
			}
		}
		mappings.AddURL(&rec, pl.LandingPage)
	}
	for _, a := range w.Authorships {
		name := a.RawName
		if mappings.CleanText(name) == "" {
			name = a.Author.DisplayName
		}
		au := mappings.ParseName(name, mappings.GivenFirst)
		if au.AsWritten == "" {
			continue
		}
		au.ORCID = mappings.ORCIDIn(a.Author.ORCID)
		for _, inst := range a.Institutions {
			if s := mappings.CleanText(inst.DisplayName); s != "" {
				au.Affiliations = append(au.Affiliations, s)
			}
		}
		rec.Authors = append(rec.Authors, au)
	}
	if text := invertedAbstract(w.Abstract); text != "" {
		rec.Abstract = mappings.AbstractFrom(text)
	}
	for _, id := range w.Referenced {
		// OpenAlex lists only its own work ids: kept as text, as there
		// is no DOI to link on.
		if id = strings.TrimSpace(id); id != "" {
			rec.References = append(rec.References, mappings.Reference{Text: id})
		}
	}
	for _, k := range w.Keywords {
		s := mappings.CleanText(k.DisplayName)
		if s == "" {
			s = mappings.CleanText(k.Keyword)
		}
		if s != "" {
			rec.Keywords = append(rec.Keywords, s)
		}
	}
	if w.Type != "" {
		rec.PublicationTypes = []string{w.Type}
	}
	return rec
}

var openAlexPMCIDPattern = regexp.MustCompile(`(?i)/(?:pmc/articles/)?(?:PMC)?(\d{1,9})/?$`)

// openAlexPMCID reads "https://www.ncbi.nlm.nih.gov/pmc/articles/5443306":
// OpenAlex drops the "PMC" prefix from the URL it gives.
func openAlexPMCID(s string) string {
	if id := mappings.IDsFromURL(s).PMCID; id != "" {
		return id
	}
	if m := openAlexPMCIDPattern.FindStringSubmatch(s); m != nil && strings.Contains(s, "/pmc") {
		return "PMC" + m[1]
	}
	return mappings.NormalizePMCID(s)
}

// maxAbstractWords bounds the rebuilt abstract, so that a hostile index
// ({"a":[999999999]}) cannot make the reader allocate without limit.
const maxAbstractWords = 20000

// invertedAbstract rebuilds text from OpenAlex's abstract_inverted_index
// (word → positions). Positions are sorted, so gaps and duplicates do
// not depend on map order; words are joined by single spaces.
func invertedAbstract(index map[string][]int) string {
	type placed struct {
		pos  int
		word string
	}
	var words []placed
	for w, ps := range index {
		for _, p := range ps {
			if p >= 0 && p < maxAbstractWords {
				words = append(words, placed{p, w})
			}
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if words[i].pos != words[j].pos {
			return words[i].pos < words[j].pos
		}
		return words[i].word < words[j].word
	})
	var b strings.Builder
	last := -1
	for _, w := range words {
		if w.pos == last { // two words claim one position: keep the first by sort order
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.word)
		last = w.pos
	}
	return mappings.HTMLText(b.String()) // some indexes carry <p> and entities
}
