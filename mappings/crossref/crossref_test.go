package crossref

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

func TestCrossrefETMFixture(t *testing.T) {
	rec := formattest.JSONOne(t, "crossref-json", string(formattest.Fixture(t, "crossref-etm.json")))
	want := mappings.Record{
		Format: "crossref-json", Number: 1, Line: 1, Title: formattest.ETMTitle,
		Authors: formattest.ETMAuthors(true),
		Journal: mappings.Journal{Title: "Experimental and Therapeutic Medicine", Abbrev: "Exp Ther Med", ISSN: "1792-0981", EISSN: "1792-1015"},
		// published-print (the issue, 2017 May) wins over the online date
		// and "issued" (2017-03-14), matching PubMed's PubDate.
		Issued: mappings.Date{Year: 2017, Month: 5, Day: 0}, Volume: "13", Issue: "5", PageStart: "2255", PageEnd: "2258",
		DOI: "10.3892/etm.2017.4229", Language: "en", Publisher: "Spandidos Publications",
		PublicationTypes: []string{"journal-article"}, CitationCount: formattest.IntP(16),
		URLs: []string{"https://doi.org/10.3892/etm.2017.4229"},
	}
	// JATS superscripts become Unicode: the dose stays 5×10⁷, never 5×107.
	wantAbstract := strings.Replace(formattest.ETMAbstract, "5×10(7) to 1×10(8)", "5×10⁷ to 1×10⁸", 1)
	if rec.Abstract.Text != wantAbstract || len(rec.Abstract.Sections) != 0 {
		t.Errorf("abstract = %q (%d sections)", rec.Abstract.Text, len(rec.Abstract.Sections))
	}
	if !strings.HasPrefix(string(rec.Raw), `{"indexed"`) {
		t.Errorf("Raw is not the message object: %.30q", rec.Raw)
	}
	rec.Raw, rec.Abstract = nil, mappings.Abstract{}
	formattest.DiffRecords(t, rec, want)
}

// The three fixtures of the ETM paper must agree on what identifies it.
func TestETMFixturesAgree(t *testing.T) {
	var recs []mappings.Record
	for _, c := range [][2]string{{"bibtex", "bibtex-etm.bib"}, {"csl-json", "csl-etm.json"}, {"crossref-json", "crossref-etm.json"}} {
		r, errs := formattest.ReadAll(t, c[0], formattest.Fixture(t, c[1]))
		if len(errs) > 0 || len(r) != 1 {
			t.Fatalf("%s: %d records, %v", c[1], len(r), errs)
		}
		recs = append(recs, r[0])
	}
	for _, r := range recs[1:] {
		a, b := recs[0], r
		if a.Title != b.Title || a.DOI != b.DOI || a.PageStart != b.PageStart || a.PageEnd != b.PageEnd ||
			a.Volume != b.Volume || a.Issue != b.Issue || a.Issued != b.Issued || len(a.Authors) != len(b.Authors) {
			t.Errorf("%s and %s disagree", a.Format, b.Format)
		}
	}
}

func crossrefWork1(fields string) string {
	return `{"status":"ok","message-type":"work","message":{"DOI":"10.1/x",` + fields + `}}`
}

func TestCrossrefFields(t *testing.T) {
	cases := []struct {
		name, fields string
		check        func(mappings.Record) any
		want         any
	}{
		{"title array", `"title":["First","Second"]`, func(r mappings.Record) any { return r.Title }, "First"},
		{"title markup", `"title":["CD34<sup>+</sup> cells"]`, func(r mappings.Record) any { return r.Title }, "CD34 + cells"},
		{"subtitle", `"title":["Main"],"subtitle":["sub part"]`, func(r mappings.Record) any { return r.Title }, "Main: sub part"},
		{"author orcid affiliation", `"author":[{"given":"Xiaohua","family":"Wang","sequence":"first","ORCID":"http://orcid.org/0000-0002-1825-0097","authenticated-orcid":false,"affiliation":[{"name":"Siping Hospital"},{"name":" "}]}]`,
			func(r mappings.Record) any { return r.Authors }, []mappings.Author{{AsWritten: "Wang, Xiaohua", Family: "Wang", Given: "Xiaohua", ORCID: "0000-0002-1825-0097", Affiliations: []string{"Siping Hospital"}}}},
		{"group author", `"author":[{"name":"ITP Study Group","sequence":"additional","affiliation":[]}]`, func(r mappings.Record) any { return r.Authors[0].Collective }, true},
		{"family only", `"author":[{"family":"Wang"}]`, func(r mappings.Record) any { return r.Authors[0].AsWritten }, "Wang"},
		{"issn-type", `"ISSN":["1792-1015","1792-0981"],"issn-type":[{"type":"electronic","value":"1792-1015"},{"type":"print","value":"1792-0981"}]`,
			func(r mappings.Record) any { return [3]any{r.Journal.ISSN, r.Journal.EISSN, len(r.Journal.ISSNs)} }, [3]any{"1792-0981", "1792-1015", 0}},
		{"ISSN untyped", `"ISSN":["1792-0981"]`, func(r mappings.Record) any { return r.Journal.ISSNs }, []string{"1792-0981"}},
		{"date print first", `"published-online":{"date-parts":[[2017,3,14]]},"published-print":{"date-parts":[[2017,5]]},"issued":{"date-parts":[[2017,3,14]]}`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 5, Day: 0}},
		{"date journal-issue print", `"journal-issue":{"issue":"5","published-print":{"date-parts":[[2017,5]]}},"issued":{"date-parts":[[2017,3,14]]}`, func(r mappings.Record) any { return [2]any{r.Issued, r.Issue} }, [2]any{mappings.Date{Year: 2017, Month: 5, Day: 0}, "5"}},
		{"date issued", `"issued":{"date-parts":[[2017,3,14]]},"published-online":{"date-parts":[[2017,3,1]]}`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 3, Day: 14}},
		{"date online last", `"published-online":{"date-parts":[[2017,3,14]]}`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 3, Day: 14}},
		{"date null parts", `"issued":{"date-parts":[[null]]},"published":{"date-parts":[[2016]]}`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2016, Month: 0, Day: 0}},
		{"volume number issue", `"volume":13,"issue":"5"`, func(r mappings.Record) any { return [2]string{r.Volume, r.Issue} }, [2]string{"13", "5"}},
		{"page", `"page":"2255-2258"`, func(r mappings.Record) any { return [2]string{r.PageStart, r.PageEnd} }, [2]string{"2255", "2258"}},
		{"article-number", `"article-number":"e13287"`, func(r mappings.Record) any { return r.ArticleNumber }, "e13287"},
		{"DOI upper", `"DOI":"10.3892/ETM.2017.4229"`, func(r mappings.Record) any { return r.DOI }, "10.3892/etm.2017.4229"},
		{"language", `"language":"en"`, func(r mappings.Record) any { return r.Language }, "en"},
		{"subject", `"subject":["Hematology"," "]`, func(r mappings.Record) any { return r.Keywords }, []string{"Hematology"}},
		{"citations", `"is-referenced-by-count":16`, func(r mappings.Record) any { return *r.CitationCount }, 16},
		{"no citations field", `"title":["x"]`, func(r mappings.Record) any { return r.CitationCount == nil }, true},
		{"references", `"reference":[{"key":"ref1","DOI":"10.5555/12345678","doi-asserted-by":"crossref"},{"key":"ref2","unstructured":"Smith J. A trial. Blood. 2009;113:1.","year":"2009"},{"key":"ref3"}]`,
			func(r mappings.Record) any { return r.References }, []mappings.Reference{{DOI: "10.5555/12345678"}, {Text: "Smith J. A trial. Blood. 2009;113:1.", Year: 2009}}},
		{"JATS sections", `"abstract":"<jats:title>Abstract</jats:title><jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec><jats:sec><jats:title>Results:</jats:title><jats:p>Platelets 54 × 10<jats:sup>9</jats:sup>/L.</jats:p><jats:p>More.</jats:p></jats:sec>"`,
			func(r mappings.Record) any { return r.Abstract }, mappings.NewAbstract([]mappings.Section{{Label: "Background", Text: "Why."}, {Label: "Results", Text: "Platelets 54 × 10⁹/L. More."}})},
		{"JATS sub and entity", `"abstract":"<jats:p>CO<jats:sub>2</jats:sub> &amp; p&lt;0.05 &#x2013; <jats:italic>in vivo</jats:italic></jats:p>"`,
			func(r mappings.Record) any { return r.Abstract.Text }, "CO₂ & p<0.05 – in vivo"},
		{"JATS sup not a number", `"abstract":"<jats:p>CD34<jats:sup>high</jats:sup> cells</jats:p>"`, func(r mappings.Record) any { return r.Abstract.Text }, "CD34high cells"},
		{"broken markup", `"abstract":"<jats:p>Unclosed <b>bold & more"`, func(r mappings.Record) any { return r.Abstract.Text }, "Unclosed bold & more"},
		{"URL", `"URL":"http://dx.doi.org/10.1/x"`, func(r mappings.Record) any { return r.URLs }, []string{"http://dx.doi.org/10.1/x"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := formattest.JSONOne(t, "crossref-json", crossrefWork1(c.fields))
			if got := c.check(rec); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %#v, want %#v", got, c.want)
			}
		})
	}
}

func TestCrossrefShapes(t *testing.T) {
	bare := `{"DOI":"10.1/bare","title":["Bare"],"container-title":["J"],"is-referenced-by-count":1,"reference-count":0}`
	for name, in := range map[string]string{
		"work":          crossrefWork1(`"title":["Bare"]`),
		"bare work":     bare,
		"work-list":     `{"status":"ok","message-type":"work-list","message":{"items":[` + bare + `]}}`,
		"message first": `{"message":{"items":[` + bare + `],"total-results":1},"message-type":"work-list","status":"ok"}`,
		"array":         `[` + bare + `]`,
	} {
		if got, err := mappings.Detect([]byte(in)); err != nil || got.Name != "crossref-json" {
			t.Errorf("%s: detected %v (%v)", name, got, err)
			continue
		}
		if rec := formattest.JSONOne(t, "crossref-json", in); rec.Title != "Bare" {
			t.Errorf("%s: title %q", name, rec.Title)
		}
	}
}

func TestCrossrefWorkList(t *testing.T) {
	recs, errs := formattest.ReadAll(t, "crossref-json", formattest.Fixture(t, "crossref-worklist.json"))
	if len(errs) > 0 || len(recs) != 2 {
		t.Fatalf("got %d records, %v", len(recs), errs)
	}
	if recs[0].Line != 2 || recs[1].Line != 3 || recs[1].Number != 2 {
		t.Errorf("positions: %d/%d, %d/%d", recs[0].Number, recs[0].Line, recs[1].Number, recs[1].Line)
	}
	tong := recs[0]
	if tong.Journal.EISSN != "1471-2393" || tong.Issued != (mappings.Date{Year: 2025, Month: 10, Day: 8}) || tong.ArticleNumber != "1038" {
		t.Errorf("Tong: %+v", tong)
	}
	var labels []string
	for _, s := range tong.Abstract.Sections {
		labels = append(labels, s.Label)
	}
	if want := []string{"Background", "Case presentation"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("sections %q, want %q", labels, want)
	}
	if !strings.Contains(tong.Abstract.Text, "41-94 × 10⁹/L") {
		t.Errorf("superscript lost: %q", tong.Abstract.Text)
	}
	mu := recs[1]
	if mu.Issued != (mappings.Date{Year: 2018, Month: 11, Day: 0}) || !mu.Authors[2].Collective || mu.Authors[0].Affiliations[0] != "Department of Pediatrics" {
		t.Errorf("Mu: %+v", mu)
	}
}

func TestCrossrefRecordErrors(t *testing.T) {
	in := `{"status":"ok","message-type":"work-list","message":{"items":[
{"DOI":"10.1/a","title":["A"]},
{"DOI":"10.1/b","title":"not an array"},
{"DOI":"10.1/c","title":["C"]}
]}}`
	recs, errs := formattest.ReadAll(t, "crossref-json", []byte(in))
	if len(recs) != 2 || recs[1].Title != "C" || recs[1].Number != 3 || recs[1].Line != 4 {
		t.Errorf("records: %+v", recs)
	}
	var re *mappings.RecordError
	if len(errs) != 1 || !errors.As(errs[0], &re) || re.Record != 2 || re.Line != 3 {
		t.Errorf("errors: %v", errs)
	}
}

func FuzzCrossref(f *testing.F) {
	f.Add(formattest.Fixture(f, "crossref-etm.json"))
	f.Add(formattest.Fixture(f, "crossref-worklist.json"))
	f.Add([]byte(`{"message":{"items":[{"abstract":"<jats:sup><jats:sup>1</jats:sup>","page":7}]}}`))
	f.Add([]byte(`{"message":{"DOI":"x","issued":{"date-parts":[["a",1e9]]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		formattest.FuzzJSON(t, readCrossref, data)
	})
}
