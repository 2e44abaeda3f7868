package mappings

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"
)

func init() {
	Register(Format{
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
	head, ok := jsonSniffHead(head)
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

var openAlexWrappers = []jsonWrapper{{Path: []string{"results"}}}

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
			DisplayName string      `json:"display_name"`
			ISSNL       string      `json:"issn_l"`
			ISSN        flexStrings `json:"issn"`
		} `json:"source"`
	} `json:"primary_location"`
	Biblio struct {
		Volume    flexString `json:"volume"`
		Issue     flexString `json:"issue"`
		FirstPage flexString `json:"first_page"`
		LastPage  flexString `json:"last_page"`
	} `json:"biblio"`
	PublicationDate string            `json:"publication_date"`
	PublicationYear flexString        `json:"publication_year"`
	Language        string            `json:"language"`
	CitedBy         flexInt           `json:"cited_by_count"`
	Abstract        map[string][]int  `json:"abstract_inverted_index"`
	Referenced      []string          `json:"referenced_works"`
	Keywords        []openAlexKeyword `json:"keywords"`
	Type            string            `json:"type"`
}

// openAlexKeyword is a keyword object; OpenAlex has named the text
// "display_name" (current) and "keyword" (until 2024).
type openAlexKeyword struct {
	DisplayName string `json:"display_name"`
	Keyword     string `json:"keyword"`
}

var readOpenAlex = readJSONFormat("openalex-json", openAlexWrappers, func(w *openAlexWork) (Record, error) { return w.record(), nil })

func (w *openAlexWork) record() Record {
	rec := Record{
		Title:         HTMLText(w.Title),
		Volume:        CleanText(string(w.Biblio.Volume)),
		Issue:         CleanText(string(w.Biblio.Issue)),
		PageStart:     CleanText(string(w.Biblio.FirstPage)),
		PageEnd:       CleanText(string(w.Biblio.LastPage)),
		Language:      LanguageCode(w.Language),
		CitationCount: w.CitedBy.V,
		DOI:           NormalizeDOI(w.IDs.DOI),
		PMID:          IDsFromURL(w.IDs.PMID).PMID,
		PMCID:         openAlexPMCID(w.IDs.PMCID),
	}
	if rec.Title == "" {
		rec.Title = HTMLText(w.DisplayName)
	}
	if rec.DOI == "" {
		rec.DOI = NormalizeDOI(w.DOI)
	}
	if rec.PMID == "" {
		rec.PMID = NormalizePMID(w.IDs.PMID)
	}
	if d, ok := ParseDate(w.PublicationDate); ok {
		rec.Issued = d
	} else if d, ok := ParseDate(string(w.PublicationYear)); ok {
		rec.Issued = d
	}
	if pl := w.PrimaryLocation; pl != nil {
		if src := pl.Source; src != nil {
			rec.Journal.Title = CleanText(src.DisplayName)
			rec.Journal.ISSNL = rec.CheckISSN(src.ISSNL)
			for _, s := range src.ISSN {
				if issn := rec.CheckISSN(s); issn != "" && !slices.Contains(rec.Journal.ISSNs, issn) {
					rec.Journal.ISSNs = append(rec.Journal.ISSNs, issn)
				}
			}
		}
		addURL(&rec, pl.LandingPage)
	}
	for _, a := range w.Authorships {
		name := a.RawName
		if CleanText(name) == "" {
			name = a.Author.DisplayName
		}
		au := ParseName(name, GivenFirst)
		if au.AsWritten == "" {
			continue
		}
		au.ORCID = orcidID(a.Author.ORCID)
		for _, inst := range a.Institutions {
			if s := CleanText(inst.DisplayName); s != "" {
				au.Affiliations = append(au.Affiliations, s)
			}
		}
		rec.Authors = append(rec.Authors, au)
	}
	if text := invertedAbstract(w.Abstract); text != "" {
		rec.Abstract = abstractFrom(text)
	}
	for _, id := range w.Referenced {
		// OpenAlex lists only its own work ids: kept as text, as there
		// is no DOI to link on.
		if id = strings.TrimSpace(id); id != "" {
			rec.References = append(rec.References, Reference{Text: id})
		}
	}
	for _, k := range w.Keywords {
		s := CleanText(k.DisplayName)
		if s == "" {
			s = CleanText(k.Keyword)
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
	if id := IDsFromURL(s).PMCID; id != "" {
		return id
	}
	if m := openAlexPMCIDPattern.FindStringSubmatch(s); m != nil && strings.Contains(s, "/pmc") {
		return "PMC" + m[1]
	}
	return NormalizePMCID(s)
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
	return HTMLText(b.String()) // some indexes carry <p> and entities
}
