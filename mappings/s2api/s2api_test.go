package s2api

import (
	"errors"
	"reflect"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

func TestS2APIBatchFixture(t *testing.T) {
	recs, errs := formattest.ReadAll(t, "s2-api-json", formattest.Fixture(t, "s2-batch.json"))
	if len(recs) != 2 {
		t.Fatalf("got %d records, %v", len(recs), errs)
	}
	// The batch endpoint answers null for an unknown id: an unreadable
	// record, and reading goes on.
	var re *mappings.RecordError
	if len(errs) != 1 || !errors.As(errs[0], &re) || re.Record != 2 || re.Line != 64 {
		t.Errorf("errors: %v", errs)
	}
	etm := recs[0]
	if etm.Abstract.Text != formattest.ETMAbstract {
		t.Errorf("abstract differs from PubMed's: %q", etm.Abstract.Text)
	}
	want := mappings.Record{
		Format: "s2-api-json", Number: 1, Line: 2, Title: formattest.ETMTitle,
		Authors: formattest.ETMAuthors(false),
		Journal: mappings.Journal{Title: "Experimental and Therapeutic Medicine"},
		Issued:  mappings.Date{Year: 2017, Month: 3, Day: 14}, Volume: "13", PageStart: "2255", PageEnd: "2258",
		DOI: "10.3892/etm.2017.4229", PMID: "28565834", PMCID: "PMC5443306",
		PublicationTypes: []string{"JournalArticle"}, CitationCount: formattest.IntP(16),
		URLs: []string{"https://www.semanticscholar.org/paper/3f1b9b0c3c7e4b7a2d7c0e6c1f9a5d2b8e4c6a10",
			"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5443306/pdf/etm-13-05-2255.pdf"},
	}
	etm.Raw, etm.Abstract = nil, mappings.Abstract{}
	formattest.DiffRecords(t, etm, want)
	if tong := recs[1]; tong.Number != 3 || tong.Line != 65 || tong.Abstract.Text != "" || !reflect.DeepEqual(tong.PublicationTypes, []string{"JournalArticle", "CaseReport"}) {
		t.Errorf("Tong: %+v", tong)
	}
}

func TestS2APIFields(t *testing.T) {
	cases := []struct {
		name, fields string
		check        func(mappings.Record) any
		want         any
	}{
		{"external ids", `"externalIds":{"DOI":"10.3892/ETM.2017.4229","PubMed":"28565834","PubMedCentral":"5443306","CorpusId":123}`,
			func(r mappings.Record) any { return [3]string{r.DOI, r.PMID, r.PMCID} }, [3]string{"10.3892/etm.2017.4229", "28565834", "PMC5443306"}},
		{"external ids null", `"externalIds":null`, func(r mappings.Record) any { return r.DOI }, ""},
		{"venue only", `"venue":"Exp Ther Med"`, func(r mappings.Record) any { return r.Journal.Title }, "Exp Ther Med"},
		{"journal wins", `"venue":"ETM","journal":{"name":"Experimental and Therapeutic Medicine","volume":"13","pages":"2255 - 2258"}`,
			func(r mappings.Record) any { return [4]string{r.Journal.Title, r.Volume, r.PageStart, r.PageEnd} }, [4]string{"Experimental and Therapeutic Medicine", "13", "2255", "2258"}},
		{"journal pages padded", `"journal":{"pages":"\n          1038\n        "}`, func(r mappings.Record) any { return r.PageStart }, "1038"},
		{"date", `"publicationDate":"2017-03-14","year":2017`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 3, Day: 14}},
		{"year only", `"publicationDate":null,"year":2017`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 0, Day: 0}},
		{"authors given family", `"authors":[{"authorId":"1","name":"Xiaohua Wang"},{"authorId":null,"name":"Vincent van Gogh"},{"authorId":"3","name":""}]`,
			func(r mappings.Record) any { return formattest.SplitsOnly(r.Authors) }, []mappings.Author{formattest.Au("Xiaohua Wang", "Wang", "Xiaohua"), formattest.Au("Vincent van Gogh", "van Gogh", "Vincent")}},
		{"citation count", `"citationCount":0`, func(r mappings.Record) any { return *r.CitationCount }, 0},
		{"types null", `"publicationTypes":null`, func(r mappings.Record) any { return len(r.PublicationTypes) }, 0},
		{"pdf object", `"openAccessPdf":{"url":"https://europepmc.org/articles/PMC5443306","status":"GREEN"}`, func(r mappings.Record) any { return [2]any{r.URLs, r.PMCID} }, [2]any{[]string{"https://europepmc.org/articles/PMC5443306"}, "PMC5443306"}},
		{"pdf empty url", `"openAccessPdf":{"url":"","status":null}`, func(r mappings.Record) any { return len(r.URLs) }, 0},
		{"abstract", `"abstract":"Dose 5×10(7)."`, func(r mappings.Record) any { return r.Abstract.Text }, "Dose 5×10(7)."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := formattest.JSONOne(t, "s2-api-json", `{"paperId":"abc",`+c.fields+`}`)
			if got := c.check(rec); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %#v, want %#v", got, c.want)
			}
		})
	}
}

func TestS2APIShapes(t *testing.T) {
	p := `{"paperId":"abc","externalIds":{"DOI":"10.1000/x"},"title":"T","authors":[{"authorId":"1","name":"A B"}]}`
	for name, in := range map[string]string{
		"single": p,
		"batch":  "[" + p + "]",
		"search": `{"total":1,"offset":0,"next":1,"data":[` + p + `]}`,
	} {
		if got, err := mappings.Detect([]byte(in)); err != nil || got.Name != "s2-api-json" {
			t.Errorf("%s: detected %v (%v)", name, got, err)
		}
		if rec := formattest.JSONOne(t, "s2-api-json", in); rec.DOI != "10.1000/x" {
			t.Errorf("%s: %+v", name, rec)
		}
	}
}

// The scraped Semantic Scholar page (seed 000) and the Graph API JSON
// must never be taken for each other.
func TestS2APIAndPageDetection(t *testing.T) {
	if got, err := mappings.Detect(formattest.Seed(t, "000")); err != nil || got.Name != "s2-page" {
		t.Errorf("seed 000 detected as %v (%v)", got, err)
	}
	if s := sniffS2API(formattest.Seed(t, "000")); s != 0 {
		t.Errorf("sniffS2API(seed 000) = %d", s)
	}
	if got, err := mappings.Detect(formattest.Fixture(t, "s2-batch.json")); err != nil || got.Name != "s2-api-json" {
		t.Errorf("S2 batch detected as %v (%v)", got, err)
	}
	// A Graph API paper that happens to start with the fields the page
	// reader looks for.
	api := `{"title":"T","publicationDate":"2017-03-14","authors":[{"authorId":"1","name":"A B"}],"externalIds":{"DOI":"10.1000/x"},"paperId":"abc"}`
	if got, err := mappings.Detect([]byte(api)); err != nil || got.Name != "s2-api-json" {
		t.Errorf("API object detected as %v (%v)", got, err)
	}
}

func TestS2APIRecordErrors(t *testing.T) {
	in := `{"data":[
{"paperId":"1","title":"One"},
{"paperId":"2","title":"Two","authors":{"name":"not a list"}},
{"paperId":"3","title":"Three"}
]}`
	recs, errs := formattest.ReadAll(t, "s2-api-json", []byte(in))
	if len(recs) != 2 || recs[1].Title != "Three" || recs[1].Number != 3 || recs[1].Line != 4 {
		t.Errorf("records: %+v", recs)
	}
	var re *mappings.RecordError
	if len(errs) != 1 || !errors.As(errs[0], &re) || re.Record != 2 || re.Line != 3 {
		t.Errorf("errors: %v", errs)
	}
}

func FuzzS2API(f *testing.F) {
	f.Add(formattest.Fixture(f, "s2-batch.json"))
	f.Add([]byte(`{"data":[null,{"paperId":"x","openAccessPdf":"https://a/b.pdf","citationCount":"7"}]}`))
	f.Add([]byte(`[{"paperId":"x","journal":{"pages":"1-"},"year":"20x"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		formattest.FuzzJSON(t, readS2API, data)
	})
}
