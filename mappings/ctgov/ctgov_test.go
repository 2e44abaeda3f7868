package ctgov

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

func TestCTGovStudyFixture(t *testing.T) {
	data := formattest.Fixture(t, "ctgov-msc-itp.json")
	f, err := mappings.Detect(data)
	if err != nil || f.Name != "ctgov-json" {
		t.Fatalf("Detect = %v, %v; want ctgov-json", f, err)
	}
	recs, errs := formattest.ReadAll(t, "ctgov-json", data)
	if len(recs) != 1 || len(errs) != 0 {
		t.Fatalf("got %d records, errors %v", len(recs), errs)
	}
	r := recs[0]
	if !bytes.Equal(r.Raw, bytes.TrimSpace(data)) || r.Number != 1 || r.Line != 1 {
		t.Errorf("record %d line %d, raw of %d bytes", r.Number, r.Line, len(r.Raw))
	}
	title := "Study of Human Umbilical Cord-derived Mesenchymal Stem Cells for Treatment of Refractory Immune Thrombocytopenia"
	want := &mappings.TrialRecord{
		ID: "NCT04014166", Registry: "ClinicalTrials.gov", Title: title, OfficialTitle: title,
		Status: "RECRUITING", Phases: []string{"NA"}, StudyType: "INTERVENTIONAL",
		Conditions:    []string{"Thrombocytopenia", "Mesenchymal Stem Cells"},
		Interventions: []mappings.TrialIntervention{{Type: "OTHER", Name: "Human umbilical cord-derived mesenchymal stem cells (hUC-MSCs)"}},
		Arms: []mappings.TrialArm{{Label: "hUC-MSCs", Type: "EXPERIMENTAL",
			Description:   "The dose of hUC-MSCs will be successively divided into three increasing dose (group A: hUC-MSCs 0.5×10^6/kg, weekly for 4 weeks, 3 patients; group B: hUC-MSCs 1.0×10^6/kg, weekly for 4 weeks, 3 patients; hUC-MSCs 2.0×10^6/kg, weekly for 4 weeks, 3 patients).",
			Interventions: []string{"Other: Human umbilical cord-derived mesenchymal stem cells (hUC-MSCs)"}}},
		EnrollmentAnticipated: formattest.IntP(15),
		CompletionDate:        mappings.Date{Year: 2022, Month: 12, Day: 31}, CompletionDateType: "ESTIMATED",
		Sponsor: "Institute of Hematology & Blood Diseases Hospital",
		URL:     "https://clinicaltrials.gov/study/NCT04014166",
	}
	if !reflect.DeepEqual(r.Trial, want) {
		t.Errorf("trial:\n got %+v\nwant %+v", r.Trial, want)
	}
	if r.Title != title || !reflect.DeepEqual(r.TrialIDs, []string{"NCT04014166"}) || r.Format != "ctgov-json" {
		t.Errorf("record title %q, trial ids %v, format %q", r.Title, r.TrialIDs, r.Format)
	}
	if !strings.HasPrefix(r.Abstract.Text, "Primary Objective: To evaluate the safety") ||
		!strings.HasSuffix(r.Abstract.Text, "mechanism of hUC-MSCs in treating ITP.") || strings.Contains(r.Abstract.Text, "\n\n") {
		t.Errorf("abstract %q", r.Abstract.Text)
	}
}

func TestCTGovStudiesList(t *testing.T) {
	data := formattest.Fixture(t, "ctgov-studies.json")
	if f, err := mappings.Detect(data); err != nil || f.Name != "ctgov-json" {
		t.Fatalf("Detect = %v, %v", f, err)
	}
	recs, errs := formattest.ReadAll(t, "ctgov-json", data)
	if len(recs) != 2 || len(errs) != 0 {
		t.Fatalf("got %d records, errors %v", len(recs), errs)
	}
	cases := []struct {
		id, title   string
		line        int
		anticipated *int
		phases      []string
		abstract    bool
	}{
		{"NCT06813157", "Mesenchymal Stem Cells in the Treatment of Refractory Primary Immune Thrombocytopenia", 3, formattest.IntP(40), []string{"NA"}, true},
		{"NCT05466201", "The Use of Eltrombopag Post-HSCT in BMFS", 32, nil, []string{"PHASE2", "PHASE3"}, false},
	}
	for i, c := range cases {
		r := recs[i]
		tr := r.Trial
		if r.Number != i+1 || r.Line != c.line || tr == nil || tr.ID != c.id || r.Title != c.title ||
			!reflect.DeepEqual(tr.EnrollmentAnticipated, c.anticipated) || tr.EnrollmentActual != nil ||
			!reflect.DeepEqual(tr.Phases, c.phases) || (r.Abstract.Text != "") != c.abstract {
			t.Errorf("study %d: number %d line %d %+v abstract %.40q", i+1, r.Number, r.Line, tr, r.Abstract.Text)
		}
		if !bytes.HasPrefix(r.Raw, []byte(`{`)) || !bytes.Contains(r.Raw, []byte(c.id)) {
			t.Errorf("study %d raw %.60q", i+1, r.Raw)
		}
	}
}

// study wraps protocol modules into a v2 study object.
func study(modules string) string { return `{"protocolSection":{` + modules + `}}` }

func TestCTGovFields(t *testing.T) {
	id := `"identificationModule":{"nctId":"NCT01234567","briefTitle":"T"}`
	cases := []struct {
		name, modules string
		check         func(mappings.Record) any
		want          any
	}{
		{"enrollment actual", id + `,"designModule":{"enrollmentInfo":{"count":62,"type":"ACTUAL"}}`,
			func(r mappings.Record) any { return [2]*int{r.Trial.EnrollmentActual, r.Trial.EnrollmentAnticipated} }, [2]*int{formattest.IntP(62), nil}},
		{"enrollment estimated", id + `,"designModule":{"enrollmentInfo":{"count":"40","type":"ESTIMATED"}}`,
			func(r mappings.Record) any { return [2]*int{r.Trial.EnrollmentActual, r.Trial.EnrollmentAnticipated} }, [2]*int{nil, formattest.IntP(40)}},
		{"enrollment anticipated (old records)", id + `,"designModule":{"enrollmentInfo":{"count":12,"type":"Anticipated"}}`,
			func(r mappings.Record) any { return [2]*int{r.Trial.EnrollmentActual, r.Trial.EnrollmentAnticipated} }, [2]*int{nil, formattest.IntP(12)}},
		{"enrollment of unknown type is neither", id + `,"designModule":{"enrollmentInfo":{"count":12}}`,
			func(r mappings.Record) any { return [2]*int{r.Trial.EnrollmentActual, r.Trial.EnrollmentAnticipated} }, [2]*int{nil, nil}},
		{"dates month and day", id + `,"statusModule":{"startDateStruct":{"date":"2019-03","type":"ACTUAL"},"completionDateStruct":{"date":"2021-06-15","type":"ESTIMATED"}}`,
			func(r mappings.Record) any {
				return []any{r.Trial.StartDate, r.Trial.StartDateType, r.Trial.CompletionDate, r.Trial.CompletionDateType}
			}, []any{mappings.Date{Year: 2019, Month: 3, Day: 0}, "ACTUAL", mappings.Date{Year: 2021, Month: 6, Day: 15}, "ESTIMATED"}},
		{"bad date", id + `,"statusModule":{"startDateStruct":{"date":"soon","type":"ESTIMATED"}}`,
			func(r mappings.Record) any { return []any{r.Trial.StartDate, r.Trial.StartDateType} }, []any{mappings.Date{}, ""}},
		{"secondary registry ids only", `"identificationModule":{"nctId":"nct01234567","briefTitle":"T","secondaryIdInfos":[` +
			`{"id":"ChiCTR1900021234","type":"REGISTRY","domain":"Chinese Clinical Trial Registry"},` +
			`{"id":"2018-001234-56","type":"EUDRACT_NUMBER"},{"id":"R01 HL123456","type":"NIH"},{"id":"HUFH-2016-01"},{"id":"NCT01234567"}]}`,
			func(r mappings.Record) any { return [2][]string{r.Trial.SecondaryIDs, r.TrialIDs} },
			[2][]string{{"ChiCTR1900021234", "2018-001234-56"}, {"NCT01234567", "ChiCTR1900021234", "2018-001234-56"}}},
		{"references", id + `,"referencesModule":{"references":[` +
			`{"pmid":"28565834","type":"RESULT","citation":"Wang X, et al. Exp Ther Med. 2017;13(5):2255-2258. doi: 10.3892/etm.2017.4229. Epub 2017 Mar 14."},` +
			`{"type":"BACKGROUND","citation":"Fang B, et al. Stem Cells Dev. 2012;21(3):497-502. https://doi.org/10.1089/SCD.2011.0231"},` +
			`{"pmid":"","citation":""}]}`,
			func(r mappings.Record) any { return r.Trial.References },
			[]mappings.Reference{
				{PMID: "28565834", DOI: "10.3892/etm.2017.4229", Type: "RESULT", Text: "Wang X, et al. Exp Ther Med. 2017;13(5):2255-2258. doi: 10.3892/etm.2017.4229. Epub 2017 Mar 14."},
				{DOI: "10.1089/scd.2011.0231", Type: "BACKGROUND", Text: "Fang B, et al. Stem Cells Dev. 2012;21(3):497-502. https://doi.org/10.1089/SCD.2011.0231"},
			}},
		{"arms and interventions", id + `,"armsInterventionsModule":{"armGroups":[{"label":"UC-MSC plus rituximab","type":"EXPERIMENTAL","interventionNames":["Biological: UC-MSC","Drug: Rituximab"]},{"label":"Rituximab","type":"ACTIVE_COMPARATOR"}],` +
			`"interventions":[{"type":"BIOLOGICAL","name":"UC-MSC","description":"1×10^6 cells/kg weekly"}]}`,
			func(r mappings.Record) any { return []any{r.Trial.Arms, r.Trial.Interventions} },
			[]any{[]mappings.TrialArm{{Label: "UC-MSC plus rituximab", Type: "EXPERIMENTAL", Interventions: []string{"Biological: UC-MSC", "Drug: Rituximab"}}, {Label: "Rituximab", Type: "ACTIVE_COMPARATOR"}},
				[]mappings.TrialIntervention{{Type: "BIOLOGICAL", Name: "UC-MSC", Description: "1×10^6 cells/kg weekly"}}}},
		{"conditions and keywords", id + `,"conditionsModule":{"conditions":["Immune Thrombocytopenia"," ITP ","ITP"],"keywords":["mesenchymal stem cells"]}`,
			func(r mappings.Record) any { return [2][]string{r.Trial.Conditions, r.Keywords} },
			[2][]string{{"Immune Thrombocytopenia", "ITP"}, {"mesenchymal stem cells"}}},
		{"official title when no brief title", `"identificationModule":{"nctId":"NCT01234567","officialTitle":"A Phase 2 Trial"}`,
			func(r mappings.Record) any { return [2]string{r.Title, r.Trial.Title} }, [2]string{"A Phase 2 Trial", ""}},
		{"structured summary", id + `,"descriptionModule":{"briefSummary":"Background: ITP.\n\nMethods: MSCs were infused."}`,
			func(r mappings.Record) any { return len(r.Abstract.Sections) }, 2},
		{"sponsor and status", id + `,"statusModule":{"overallStatus":"COMPLETED"},"sponsorCollaboratorsModule":{"leadSponsor":{"name":" Hillcrest  Hospital "}}`,
			func(r mappings.Record) any { return [2]string{r.Trial.Status, r.Trial.Sponsor} }, [2]string{"COMPLETED", "Hillcrest Hospital"}},
	}
	for _, c := range cases {
		recs, errs := formattest.ReadAll(t, "ctgov-json", []byte(study(c.modules)))
		if len(recs) != 1 || len(errs) != 0 {
			t.Errorf("%s: %d records, %v", c.name, len(recs), errs)
			continue
		}
		if got := c.check(recs[0]); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

func TestCTGovRecordErrors(t *testing.T) {
	cases := []struct {
		name, in        string
		records         int
		errRecord, line int
		reason          string
	}{
		{"no id and no title", `{"protocolSection":{"statusModule":{"overallStatus":"COMPLETED"}}}`, 0, 1, 1, "no NCT id and no title"},
		{"null study in a list", "{\"studies\":[\n" + study(`"identificationModule":{"nctId":"NCT00000001"}`) + ",\nnull,\n" +
			study(`"identificationModule":{"nctId":"NCT00000003"}`) + "]}", 2, 2, 3, "null"},
		{"wrong type", `{"protocolSection":{"designModule":{"enrollmentInfo":{"count":"many"}}}}`, 0, 1, 1, "integer"},
		{"broken JSON stops the list", "{\"studies\":[\n" + study(`"identificationModule":{"nctId":"NCT00000001"}`) + ",\n{\"protocolSection\":{\n", 1, 2, 3, "JSON"},
		{"not an object", `"NCT00000001"`, 0, 1, 1, "not a JSON object"},
	}
	for _, c := range cases {
		recs, errs := formattest.ReadAll(t, "ctgov-json", []byte(c.in))
		var re *mappings.RecordError
		if len(recs) != c.records || len(errs) != 1 || !errors.As(errs[0], &re) {
			t.Errorf("%s: %d records, errors %v", c.name, len(recs), errs)
			continue
		}
		if re.Record != c.errRecord || re.Line != c.line || !strings.Contains(re.Error(), c.reason) {
			t.Errorf("%s: %v; want record %d line %d, %q", c.name, re, c.errRecord, c.line, c.reason)
		}
	}
}

func TestCTGovSniff(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{study(`"identificationModule":{"nctId":"NCT1"}`), true},
		{`{"studies":[{"protocolSection":{}}],"nextPageToken":"x"}`, true},
		{`[{"protocolSection":{"identificationModule":{}}}]`, true},
		{`{"studies":[],"totalCount":0}`, false},
		{`{"title":"protocolSection"}`, false},
		{`protocolSection`, false},
	}
	for _, c := range cases {
		if got := sniffCTGov([]byte(c.in)) > 0; got != c.want {
			t.Errorf("sniff %q = %v, want %v", c.in, got, c.want)
		}
	}
}

func FuzzCTGov(f *testing.F) {
	for _, name := range []string{"ctgov-msc-itp.json", "ctgov-studies.json"} {
		data := formattest.Fixture(f, name)
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add([]byte(`{"studies":[null,1,"x",{"protocolSection":{"identificationModule":{"secondaryIdInfos":[{"id":7}]}}}]}`))
	f.Add([]byte(`{"protocolSection":{"designModule":{"enrollmentInfo":{"count":-1,"type":"ACTUAL"}},"referencesModule":{"references":[{"pmid":12,"citation":"doi:10."}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for rec := range formattest.InOrder(t, readCTGov(bytes.NewReader(data))) {
			tr := rec.Trial
			if tr == nil || (tr.ID == "" && rec.Title == "") {
				t.Fatalf("record %d line %d trial %+v", rec.Number, rec.Line, tr)
			}
			if tr.EnrollmentActual != nil && tr.EnrollmentAnticipated != nil {
				t.Fatalf("enrollment both actual and anticipated: %+v", tr)
			}
			if !utf8.ValidString(rec.Title) || !utf8.ValidString(rec.Abstract.Text) {
				t.Fatalf("invalid UTF-8")
			}
		}
	})
}
