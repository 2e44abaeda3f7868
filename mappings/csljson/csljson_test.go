package csljson

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

func TestCSLJSONETMFixture(t *testing.T) {
	rec := formattest.JSONOne(t, "csl-json", string(formattest.Fixture(t, "csl-etm.json")))
	want := mappings.Record{
		Format: "csl-json", Number: 1, Line: 2, Title: formattest.ETMTitle,
		Authors: formattest.ETMAuthors(true),
		Journal: mappings.Journal{Title: "Experimental and Therapeutic Medicine", Abbrev: "Exp Ther Med", ISSNs: []string{"1792-0981"}},
		Issued:  mappings.Date{Year: 2017, Month: 5, Day: 0}, Volume: "13", Issue: "5", PageStart: "2255", PageEnd: "2258",
		DOI: "10.3892/etm.2017.4229", PMID: "28565834", PMCID: "PMC5443306", Language: "en",
		URLs: []string{"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5443306/"},
	}
	if rec.Abstract.Text != formattest.ETMAbstract {
		t.Errorf("abstract differs from PubMed's: %q", rec.Abstract.Text)
	}
	if !bytes.HasPrefix(rec.Raw, []byte("{")) || !bytes.HasSuffix(rec.Raw, []byte("}")) {
		t.Errorf("Raw is not the item object: %.40q", rec.Raw)
	}
	rec.Raw, rec.Abstract = nil, mappings.Abstract{}
	formattest.DiffRecords(t, rec, want)
}

func TestCSLJSONFields(t *testing.T) {
	cases := []struct {
		name, item string
		check      func(mappings.Record) any
		want       any
	}{
		{"date-parts numbers", `"issued":{"date-parts":[[2017,5,1]]}`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 5, Day: 1}},
		{"date-parts strings", `"issued":{"date-parts":[["2017","05"]]}`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 5, Day: 0}},
		{"date-parts year", `"issued":{"date-parts":[[2017]]}`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 0, Day: 0}},
		{"date-parts bad month", `"issued":{"date-parts":[[2017,13]]}`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 0, Day: 0}},
		{"raw date", `"issued":{"raw":"2017-03-14"}`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 3, Day: 14}},
		{"literal date", `"issued":{"literal":"May 2017"}`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 5, Day: 0}},
		{"season ignored", `"issued":{"date-parts":[[2017]],"season":2}`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 0, Day: 0}},
		{"volume number", `"volume":13,"issue":5`, func(r mappings.Record) any { return [2]string{r.Volume, r.Issue} }, [2]string{"13", "5"}},
		{"page number", `"page":1038`, func(r mappings.Record) any { return [2]string{r.PageStart, r.PageEnd} }, [2]string{"1038", ""}},
		{"page range", `"page":"2255-8"`, func(r mappings.Record) any { return [2]string{r.PageStart, r.PageEnd} }, [2]string{"2255", "2258"}},
		{"page-first", `"page-first":"2255"`, func(r mappings.Record) any { return r.PageStart }, "2255"},
		{"article number", `"type":"article-journal","number":"e13287"`, func(r mappings.Record) any { return r.ArticleNumber }, "e13287"},
		{"family given", `"author":[{"family":"Wang","given":"Xiaohua"}]`, func(r mappings.Record) any { return r.Authors }, []mappings.Author{formattest.Au("Wang, Xiaohua", "Wang", "Xiaohua")}},
		{"particle", `"author":[{"family":"Gogh","given":"Vincent","non-dropping-particle":"van"}]`, func(r mappings.Record) any { return r.Authors[0].Family }, "van Gogh"},
		{"suffix", `"author":[{"family":"King","given":"Martin","suffix":"Jr."}]`, func(r mappings.Record) any { return r.Authors[0] }, mappings.Author{AsWritten: "King, Martin, Jr.", Family: "King", Given: "Martin", Suffix: "Jr."}},
		{"literal group", `"author":[{"literal":"ITP Study Group"}]`, func(r mappings.Record) any { return r.Authors[0].Collective }, true},
		{"literal person", `"author":[{"literal":"Xiaohua Wang"}]`, func(r mappings.Record) any { return [2]string{r.Authors[0].Family, r.Authors[0].Given} }, [2]string{"Wang", "Xiaohua"}},
		{"container", `"container-title":"Blood"`, func(r mappings.Record) any { return r.Journal.Title }, "Blood"},
		{"container-title-short", `"container-title-short":"Exp Ther Med","journalAbbreviation":"Other"`, func(r mappings.Record) any { return r.Journal.Abbrev }, "Exp Ther Med"},
		{"journalAbbreviation", `"journalAbbreviation":"Exp Ther Med"`, func(r mappings.Record) any { return r.Journal.Abbrev }, "Exp Ther Med"},
		{"ISSN string pair", `"ISSN":"1792-0981, 1792-1015"`, func(r mappings.Record) any { return r.Journal.ISSNs }, []string{"1792-0981", "1792-1015"}},
		{"ISSN array", `"ISSN":["17920981","1792-1015"]`, func(r mappings.Record) any { return r.Journal.ISSNs }, []string{"1792-0981", "1792-1015"}},
		{"DOI resolver", `"DOI":"https://doi.org/10.3892/ETM.2017.4229"`, func(r mappings.Record) any { return r.DOI }, "10.3892/etm.2017.4229"},
		{"PMID number", `"PMID":28565834`, func(r mappings.Record) any { return r.PMID }, "28565834"},
		{"PMCID", `"PMCID":"PMC5443306"`, func(r mappings.Record) any { return r.PMCID }, "PMC5443306"},
		{"note ids", `"note":"Publisher: D.A. Spandidos\nPMID: 28565834\nPMCID: PMC5443306"`, func(r mappings.Record) any { return [2]string{r.PMID, r.PMCID} }, [2]string{"28565834", "PMC5443306"}},
		{"note does not override", `"PMID":"1","note":"PMID: 28565834"`, func(r mappings.Record) any { return r.PMID }, "1"},
		{"URL", `"URL":"https://pubmed.ncbi.nlm.nih.gov/28565834/"`, func(r mappings.Record) any { return [2]string{r.URLs[0], r.PMID} }, [2]string{"https://pubmed.ncbi.nlm.nih.gov/28565834/", "28565834"}},
		{"abstract html", `"abstract":"<p>Dose 5×10<sup>7</sup> &amp; more</p>"`, func(r mappings.Record) any { return r.Abstract.Text }, "Dose 5×10 7 & more"},
		{"language", `"language":"zh-CN"`, func(r mappings.Record) any { return r.Language }, "zh"},
		{"keyword", `"keyword":"ITP, MSC"`, func(r mappings.Record) any { return r.Keywords }, []string{"ITP", "MSC"}},
		{"title html", `"title":"CD34<sup>+</sup> cells"`, func(r mappings.Record) any { return r.Title }, "CD34 + cells"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := formattest.JSONOne(t, "csl-json", `{"type":"article-journal",`+c.item+`}`)
			if got := c.check(rec); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %#v, want %#v", got, c.want)
			}
		})
	}
}

func TestCSLJSONMultiFixture(t *testing.T) {
	recs, errs := formattest.ReadAll(t, "csl-json", formattest.Fixture(t, "csl-multi.json"))
	if len(errs) > 0 || len(recs) != 3 {
		t.Fatalf("got %d records, errors %v", len(recs), errs)
	}
	type row struct {
		Line      int
		DOI       string
		Issued    mappings.Date
		Start     string
		Article   string
		Abbrev    string
		Sections  int
		Collectve bool
	}
	want := []row{
		{2, "10.1186/s12884-025-08177-9", mappings.Date{Year: 2025, Month: 10, Day: 8}, "1038", "", "BMC Pregnancy Childbirth", 1, false},
		{42, "10.1097/md.0000000000013287", mappings.Date{Year: 2018, Month: 11, Day: 0}, "", "e13287", "Medicine (Baltimore)", 0, true},
		{69, "10.7499/j.issn.1008-8830.2503173", mappings.Date{Year: 2025, Month: 9, Day: 0}, "1128", "", "", 0, false},
	}
	for i, r := range recs {
		got := row{r.Line, r.DOI, r.Issued, r.PageStart, r.ArticleNumber, r.Journal.Abbrev, len(r.Abstract.Sections), r.Authors[len(r.Authors)-1].Collective}
		if got != want[i] {
			t.Errorf("record %d: got %+v, want %+v", i+1, got, want[i])
		}
	}
}

func TestCSLJSONRecordErrors(t *testing.T) {
	in := `[
  {"type":"article-journal","title":"First"},
  {"type":"article-journal","title":"Broken","author":"Wang X"},
  42,
  {"type":"article-journal","title":"Last"}
]`
	recs, errs := formattest.ReadAll(t, "csl-json", []byte(in))
	if len(recs) != 2 || recs[0].Title != "First" || recs[1].Title != "Last" || recs[1].Number != 4 || recs[1].Line != 5 {
		t.Errorf("records: %+v", recs)
	}
	want := []struct{ record, line int }{{2, 3}, {3, 4}}
	if len(errs) != 2 {
		t.Fatalf("errors: %v", errs)
	}
	for i, err := range errs {
		var re *mappings.RecordError
		if !errors.As(err, &re) || re.Record != want[i].record || re.Line != want[i].line {
			t.Errorf("error %d = %v, want record %d line %d", i, err, want[i].record, want[i].line)
		}
	}
}

func TestCSLJSONSyntaxErrorCostsOneRecord(t *testing.T) {
	in := "[\n{\"title\":\"ok\"},\n{\"title\": oops}\n,{\"title\":\"after\"}]"
	recs, errs := formattest.ReadAll(t, "csl-json", []byte(in))
	if len(recs) != 2 || len(errs) != 1 || recs[1].Title != "after" || recs[1].Number != 3 || recs[1].Line != 4 {
		t.Fatalf("got %d records, %v", len(recs), errs)
	}
	var re *mappings.RecordError
	if !errors.As(errs[0], &re) || re.Record != 2 || re.Line != 3 {
		t.Errorf("error = %v, want record 2 line 3", errs[0])
	}
}

func TestSniffCSLJSON(t *testing.T) {
	for _, f := range []string{"csl-etm.json", "csl-multi.json"} {
		if got, err := mappings.Detect(formattest.Fixture(t, f)); err != nil || got.Name != "csl-json" {
			t.Errorf("%s detected as %v (%v)", f, got, err)
		}
	}
	for _, f := range []string{"crossref-etm.json", "crossref-worklist.json", "openalex-results.json", "s2-batch.json"} {
		if s := sniffCSLJSON(formattest.Fixture(t, f)); s != 0 {
			t.Errorf("sniffCSLJSON(%s) = %d", f, s)
		}
	}
	if s := sniffCSLJSON([]byte(`TY  - JOUR "issued" "date-parts"`)); s != 0 {
		t.Errorf("non-JSON sniffed %d", s)
	}
}

func FuzzCSLJSON(f *testing.F) {
	f.Add(formattest.Fixture(f, "csl-etm.json"))
	f.Add(formattest.Fixture(f, "csl-multi.json"))
	f.Add([]byte(`{"issued":{"date-parts":[["2017",99,-1]]},"ISSN":[1,null],"page":1e400}`))
	f.Add([]byte("\xef\xbb\xbf[null, {}, [], \"x\"]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		formattest.FuzzJSON(t, readCSLJSON, data)
	})
}

// CSL-JSON with only a type, titles and names is still CSL; and the single
// citeproc object Crossref serves by DOI content negotiation (it carries
// Crossref keys such as "reference-count", but string titles) is CSL, not
// a Crossref REST work.
func TestDetectCSLJSONShapes(t *testing.T) {
	cases := []struct {
		name, in string
		titles   []string
		doi      string
		year     int
	}{
		{"two items, type and names only",
			`[{"author":[{"family":"Wang","given":"Xiaohua"}],"id":"ITEM-1","title":"MSCs in ITP","type":"article-journal"},` +
				`{"id":"ITEM-2","title":"A second item","type":"article-journal"}]`,
			[]string{"MSCs in ITP", "A second item"}, "", 0},
		{"citeproc object from content negotiation",
			`{"indexed":{"date-parts":[[2026,6,3]]},"reference-count":76,"publisher":"AAAS","issue":"3946",` +
				`"published-print":{"date-parts":[[1970,8,14]]},"DOI":"10.1126/science.169.3946.635","type":"article-journal",` +
				`"page":"635-641","source":"Crossref","title":"The Structure of Ordinary Water","volume":"169",` +
				`"author":[{"given":"Henry S.","family":"Frank","sequence":"first"}],"container-title":"Science",` +
				`"issued":{"date-parts":[[1970,8,14]]}}`,
			[]string{"The Structure of Ordinary Water"}, "10.1126/science.169.3946.635", 1970},
	}
	for _, c := range cases {
		f, err := mappings.Detect([]byte(c.in))
		if err != nil || f.Name != "csl-json" {
			t.Errorf("%s: detected as %v (%v), want csl-json", c.name, f, err)
			continue
		}
		recs, errs := formattest.ReadAll(t, "csl-json", []byte(c.in))
		if len(errs) != 0 || len(recs) != len(c.titles) {
			t.Errorf("%s: %d records, errors %v", c.name, len(recs), errs)
			continue
		}
		for i, r := range recs {
			if r.Title != c.titles[i] {
				t.Errorf("%s: record %d title %q, want %q", c.name, i+1, r.Title, c.titles[i])
			}
		}
		if r := recs[0]; r.DOI != c.doi || r.Issued.Year != c.year {
			t.Errorf("%s: DOI %q year %d, want %q %d", c.name, r.DOI, r.Issued.Year, c.doi, c.year)
		}
	}
	if crossref, ok := mappings.Lookup("crossref-json"); !ok {
		t.Error("crossref-json not registered")
	} else if s := crossref.Sniff([]byte(cases[1].in)); s != 0 {
		t.Errorf("crossref-json Sniff(citeproc object) = %d, want 0", s)
	}
}
