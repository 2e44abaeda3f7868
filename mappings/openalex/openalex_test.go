package openalex

import (
	"errors"
	"reflect"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

func TestOpenAlexResultsFixture(t *testing.T) {
	recs, errs := formattest.ReadAll(t, "openalex-json", formattest.Fixture(t, "openalex-results.json"))
	if len(errs) > 0 || len(recs) != 2 {
		t.Fatalf("got %d records, %v", len(recs), errs)
	}
	etm := recs[0]
	if etm.Abstract.Text != formattest.ETMAbstract {
		t.Errorf("rebuilt abstract differs from PubMed's:\n%q", etm.Abstract.Text)
	}
	want := mappings.Record{
		Format: "openalex-json", Number: 1, Line: 2, Title: formattest.ETMTitle,
		Authors: formattest.ETMAuthors(false),
		Journal: mappings.Journal{Title: "Experimental and Therapeutic Medicine", ISSNL: "1792-0981", ISSNs: []string{"1792-0981", "1792-1015"}},
		Issued:  mappings.Date{Year: 2017, Month: 3, Day: 14}, Volume: "13", Issue: "5", PageStart: "2255", PageEnd: "2258",
		DOI: "10.3892/etm.2017.4229", PMID: "28565834", PMCID: "PMC5443306", Language: "en",
		Keywords: []string{"Immune thrombocytopenia"}, PublicationTypes: []string{"article"},
		URLs:          []string{"https://doi.org/10.3892/etm.2017.4229"},
		CitationCount: formattest.IntP(16),
		References:    []mappings.Reference{{Text: "https://openalex.org/W1975543931"}, {Text: "https://openalex.org/W2045439285"}},
	}
	want.Authors[0].Affiliations = []string{"China Medical University"}
	etm.Raw, etm.Abstract = nil, mappings.Abstract{}
	formattest.DiffRecords(t, etm, want)
	if recs[1].Line != 3 || recs[1].PageStart != "1038" || recs[1].PageEnd != "" || recs[1].Abstract.Text != "" {
		t.Errorf("second work: %+v", recs[1])
	}
}

func TestOpenAlexFields(t *testing.T) {
	cases := []struct {
		name, fields string
		check        func(mappings.Record) any
		want         any
	}{
		{"doi top level", `"doi":"https://doi.org/10.1000/ABC"`, func(r mappings.Record) any { return r.DOI }, "10.1000/abc"},
		{"ids", `"ids":{"doi":"https://doi.org/10.1000/x","pmid":"https://pubmed.ncbi.nlm.nih.gov/28565834","pmcid":"https://www.ncbi.nlm.nih.gov/pmc/articles/5443306"}`,
			func(r mappings.Record) any { return [3]string{r.DOI, r.PMID, r.PMCID} }, [3]string{"10.1000/x", "28565834", "PMC5443306"}},
		{"pmcid with prefix", `"ids":{"pmcid":"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5443306"}`, func(r mappings.Record) any { return r.PMCID }, "PMC5443306"},
		{"display_name fallback", `"display_name":"Shown"`, func(r mappings.Record) any { return r.Title }, "Shown"},
		{"title wins", `"title":"Title","display_name":"Shown"`, func(r mappings.Record) any { return r.Title }, "Title"},
		{"raw author name wins", `"authorships":[{"author_position":"first","author":{"display_name":"X. Wang","orcid":"https://orcid.org/0000-0002-1825-0097"},"raw_author_name":"Xiaohua Wang","institutions":[{"display_name":"China Medical University"}]}]`,
			func(r mappings.Record) any { return formattest.SplitsOnly(r.Authors) }, []mappings.Author{{AsWritten: "Xiaohua Wang", Family: "Wang", Given: "Xiaohua", ORCID: "0000-0002-1825-0097", Affiliations: []string{"China Medical University"}}}},
		{"display name when no raw", `"authorships":[{"author":{"display_name":"Vincent van Gogh"}}]`, func(r mappings.Record) any { return r.Authors[0].Family }, "van Gogh"},
		{"source", `"primary_location":{"source":{"display_name":"Blood","issn_l":"0006-4971","issn":["0006-4971","1528-0020"]}}`,
			func(r mappings.Record) any { return r.Journal }, mappings.Journal{Title: "Blood", ISSNL: "0006-4971", ISSNs: []string{"0006-4971", "1528-0020"}}},
		{"null source", `"primary_location":{"source":null}`, func(r mappings.Record) any { return r.Journal.Title }, ""},
		{"biblio", `"biblio":{"volume":"13","issue":"5","first_page":"2255","last_page":"2258"}`, func(r mappings.Record) any { return [4]string{r.Volume, r.Issue, r.PageStart, r.PageEnd} }, [4]string{"13", "5", "2255", "2258"}},
		{"date", `"publication_date":"2017-03-14","publication_year":2017`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 3, Day: 14}},
		{"year only", `"publication_year":2017`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 0, Day: 0}},
		{"language", `"language":"zh"`, func(r mappings.Record) any { return r.Language }, "zh"},
		{"cited_by_count", `"cited_by_count":12`, func(r mappings.Record) any { return *r.CitationCount }, 12},
		{"abstract gaps and order", `"abstract_inverted_index":{"cells.":[3],"Four":[0],"stem":[2],"patients":[1],"Four ":[]}`, func(r mappings.Record) any { return r.Abstract.Text }, "Four patients stem cells."},
		{"abstract repeated word", `"abstract_inverted_index":{"the":[0,2],"dose":[1],"end":[3]}`, func(r mappings.Record) any { return r.Abstract.Text }, "the dose the end"},
		{"abstract hostile positions", `"abstract_inverted_index":{"a":[-1, 999999999],"b":[0]}`, func(r mappings.Record) any { return r.Abstract.Text }, "b"},
		{"referenced works", `"referenced_works":["https://openalex.org/W1"]`, func(r mappings.Record) any { return r.References }, []mappings.Reference{{Text: "https://openalex.org/W1"}}},
		{"old keywords", `"keywords":[{"keyword":"stem cells","score":0.5}]`, func(r mappings.Record) any { return r.Keywords }, []string{"stem cells"}},
		{"concepts are not keywords", `"concepts":[{"display_name":"Medicine"}]`, func(r mappings.Record) any { return len(r.Keywords) }, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := formattest.JSONOne(t, "openalex-json", `{"id":"https://openalex.org/W1",`+c.fields+`}`)
			if got := c.check(rec); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %#v, want %#v", got, c.want)
			}
		})
	}
}

func TestOpenAlexRecordErrors(t *testing.T) {
	in := `{"meta":{"count":3},"results":[
{"id":"https://openalex.org/W1","title":"One","authorships":[]},
{"id":"https://openalex.org/W2","title":"Two","abstract_inverted_index":{"word":"not positions"}},
{"id":"https://openalex.org/W3","title":"Three","cited_by_count":0}
]}`
	recs, errs := formattest.ReadAll(t, "openalex-json", []byte(in))
	if len(recs) != 2 || recs[1].Title != "Three" || recs[1].Line != 4 || recs[1].Number != 3 {
		t.Errorf("records: %+v", recs)
	}
	var re *mappings.RecordError
	if len(errs) != 1 || !errors.As(errs[0], &re) || re.Record != 2 || re.Line != 3 {
		t.Errorf("errors: %v", errs)
	}
}

func TestSniffOpenAlex(t *testing.T) {
	if got, err := mappings.Detect(formattest.Fixture(t, "openalex-results.json")); err != nil || got.Name != "openalex-json" {
		t.Errorf("detected %v (%v)", got, err)
	}
	for _, f := range []string{"crossref-etm.json", "csl-etm.json", "s2-batch.json"} {
		if s := sniffOpenAlex(formattest.Fixture(t, f)); s != 0 {
			t.Errorf("sniffOpenAlex(%s) = %d", f, s)
		}
	}
}

func FuzzOpenAlex(f *testing.F) {
	f.Add(formattest.Fixture(f, "openalex-results.json"))
	f.Add([]byte(`{"results":[{"abstract_inverted_index":{"a":[0,0,1e3]},"biblio":{"volume":1}}]}`))
	f.Add([]byte(`{"results":null,"id":"https://openalex.org/W1","authorships":[{"author":null}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		formattest.FuzzJSON(t, readOpenAlex, data)
	})
}
