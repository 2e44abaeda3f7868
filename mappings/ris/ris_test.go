package ris

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

func variant(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(formattest.Root(t), "testdata", "seeds-variants", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// collect reads data as RIS and returns records and errors in input order.
func collectRIS(data []byte) (recs []mappings.Record, errs []*mappings.RecordError, other error) {
	for rec, err := range formattest.Reader("ris")(bytes.NewReader(data)) {
		var re *mappings.RecordError
		switch {
		case errors.As(err, &re):
			errs = append(errs, re)
		case err != nil:
			return recs, errs, err
		default:
			recs = append(recs, rec)
		}
	}
	return recs, errs, nil
}

func TestRISMultiRecordCRLFBOM(t *testing.T) {
	data := variant(t, "ris-multi-crlf-bom.ris")
	recs, errs, err := collectRIS(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(errs) != 1 {
		t.Fatalf("got %d records and %d record errors, want 2 and 1", len(recs), len(errs))
	}
	// Record 2 has no title: reported with its number and first line.
	if e := errs[0]; e.Record != 2 || e.Line != 25 || !errors.Is(e, mappings.ErrNoTitle) {
		t.Errorf("error = %v (record %d line %d), want record 2 line 25 no title", e, e.Record, e.Line)
	}

	r1 := recs[0]
	if r1.Number != 1 || r1.Line != 1 {
		t.Errorf("record 1 at number %d line %d", r1.Number, r1.Line)
	}
	if !bytes.HasPrefix(r1.Raw, []byte("TY  - JOUR\r\n")) || !bytes.HasSuffix(r1.Raw, []byte("ER  - \r\n")) {
		t.Errorf("raw of record 1 = %q…%q (BOM must be excluded, CRLF kept)", r1.Raw[:12], r1.Raw[len(r1.Raw)-8:])
	}
	if !bytes.Contains(data, r1.Raw) {
		t.Error("raw of record 1 is not a slice of the input")
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"title (continuation line joined)", r1.Title, "Mesenchymal stem cells therapy for immune thrombocytopenia in pregnancy: a case report."},
		{"authors", r1.Authors, []mappings.Author{formattest.Au("Tong, Tong", "Tong", "Tong"), formattest.Au("Wu, Lida", "Wu", "Lida"), formattest.Au("Gu, Yuchun", "Gu", "Yuchun")}},
		{"abstract", r1.Abstract.Text, "Background: Immune thrombocytopenia (ITP) during pregnancy poses unique therapeutic challenges."},
		{"journal", r1.Journal, mappings.Journal{Title: "BMC Pregnancy and Childbirth", Abbrev: "BMC Pregnancy Childbirth", ISSNs: []string{"1471-2393"}}},
		{"issued (a real day is kept)", r1.Issued, mappings.Date{Year: 2025, Month: 10, Day: 8}},
		{"volume/issue/pages", []string{r1.Volume, r1.Issue, r1.PageStart, r1.PageEnd}, []string{"25", "1", "1038", ""}},
		{"doi (resolver and case removed)", r1.DOI, "10.1186/s12884-025-08177-9"},
		{"pmcid from the PMC URL", r1.PMCID, "PMC12505577"},
		{"pmid (none given)", r1.PMID, ""},
		{"keywords", r1.Keywords, []string{"Immune thrombocytopenia", "Pregnancy", "Mesenchymal stem cells"}},
		{"language", r1.Language, "en"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("record 1 %s = %#v, want %#v", c.name, c.got, c.want)
		}
	}

	r3 := recs[1]
	if r3.Number != 3 || r3.Line != 32 {
		t.Errorf("third record at number %d line %d, want 3 and 32", r3.Number, r3.Line)
	}
	if r3.Journal.ISSN != "0025-7974" || r3.Journal.EISSN != "1536-5964" || len(r3.Journal.ISSNs) != 0 {
		t.Errorf("qualified ISSNs = %+v", r3.Journal)
	}
	if r3.DOI != "10.1097/md.0000000000013287" || r3.Issued != (mappings.Date{Year: 2018}) || len(r3.Authors) != 3 {
		t.Errorf("record 3 = DOI %q, issued %+v, %d authors", r3.DOI, r3.Issued, len(r3.Authors))
	}
}

func TestRISMissingER(t *testing.T) {
	recs, errs, err := collectRIS(variant(t, "ris-missing-er.ris"))
	if err != nil || len(errs) != 0 || len(recs) != 2 {
		t.Fatalf("got %d records, errors %v / %v", len(recs), errs, err)
	}
	a, b := recs[0], recs[1]
	if a.Line != 1 || b.Line != 14 || b.Number != 2 {
		t.Errorf("records start at lines %d and %d (number %d), want 1 and 14 (2)", a.Line, b.Line, b.Number)
	}
	if a.PMID != "28565834" {
		t.Errorf("AN in a record whose DB is PubMed: PMID = %q", a.PMID)
	}
	if a.PageStart != "2255" || a.PageEnd != "2258" {
		t.Errorf("SP range = %q-%q", a.PageStart, a.PageEnd)
	}
	if a.Issued != (mappings.Date{Year: 2017, Month: 5}) {
		t.Errorf("DA 2017/05/01 = %+v, want month precision", a.Issued)
	}
	if a.Journal.ISSN != "1792-0981" || a.Journal.EISSN != "1792-1015" {
		t.Errorf("two ISSNs on one SN line = %+v", a.Journal)
	}
	want := []mappings.Author{formattest.Au("ZHANG, Bo", "Zhang", "Bo"), formattest.Au("TANG, Xiang-Feng", "Tang", "Xiang-Feng")}
	if !reflect.DeepEqual(b.Authors, want) {
		t.Errorf("authors = %+v", b.Authors)
	}
	if b.Issued != (mappings.Date{Year: 2025}) || b.Language != "zh" || b.PageStart != "1128" || b.PageEnd != "1133" {
		t.Errorf("record 2: issued %+v, language %q, pages %q-%q", b.Issued, b.Language, b.PageStart, b.PageEnd)
	}
	if bytes.Contains(a.Raw, []byte("Application of umbilical")) {
		t.Error("record 1's raw runs into record 2")
	}
}

func TestRISFields(t *testing.T) {
	cases := []struct {
		name, in string
		check    func(mappings.Record) bool
	}{
		{"AN labelled PMID", "TY  - JOUR\nTI  - T\nAN  - PMID: 123456\nER  - \n", func(r mappings.Record) bool { return r.PMID == "123456" }},
		{"AN unlabelled is not a PMID", "TY  - JOUR\nTI  - T\nAN  - 123456\nER  - \n", func(r mappings.Record) bool { return r.PMID == "" }},
		{"M1 labelled PMID", "TY  - JOUR\nTI  - T\nM1  - PMID:987\nER  - \n", func(r mappings.Record) bool { return r.PMID == "987" }},
		{"one ISSN has no medium", "TY  - JOUR\nTI  - T\nSN  - 1792-0981\nER  - \n", func(r mappings.Record) bool {
			return r.Journal.ISSN == "" && reflect.DeepEqual(r.Journal.ISSNs, []string{"1792-0981"})
		}},
		{"bad check digit dropped", "TY  - JOUR\nTI  - T\nSN  - 1792-0982\nER  - \n", func(r mappings.Record) bool {
			return r.Journal.ISSN == "" && len(r.Journal.ISSNs) == 0
		}},
		{"abbreviated page end", "TY  - JOUR\nTI  - T\nSP  - 2255-58\nER  - \n", func(r mappings.Record) bool { return r.PageEnd == "2258" }},
		{"PY with slashes", "TY  - JOUR\nTI  - T\nPY  - 2019/03/15/\nER  - \n", func(r mappings.Record) bool { return r.Issued == mappings.Date{Year: 2019, Month: 3, Day: 15} }},
		{"DA day 01 is month precision", "TY  - JOUR\nTI  - T\nDA  - 2019/03/01\nPY  - 2019\nER  - \n", func(r mappings.Record) bool { return r.Issued == mappings.Date{Year: 2019, Month: 3, Day: 0} }},
		{"DA of another year loses to PY given first", "TY  - JOUR\nTI  - T\nPY  - 2019\nDA  - 2020/03/15\nER  - \n", func(r mappings.Record) bool { return r.Issued == mappings.Date{Year: 2019} }},
		{"JO alone is an abbreviation", "TY  - JOUR\nTI  - T\nJO  - Exp Ther Med\nER  - \n", func(r mappings.Record) bool {
			return r.Journal.Abbrev == "Exp Ther Med" && r.Journal.Title == ""
		}},
		{"KW continuation lines are keywords", "TY  - JOUR\nTI  - T\nKW  - alpha\nbeta\nKW  - gamma\nER  - \n", func(r mappings.Record) bool {
			return reflect.DeepEqual(r.Keywords, []string{"alpha", "beta", "gamma"})
		}},
		{"AD never reaches authors", "TY  - JOUR\nTI  - T\nAU  - Wang, X\nAD  - Dept A\nER  - \n", func(r mappings.Record) bool {
			return len(r.Authors) == 1 && len(r.Authors[0].Affiliations) == 0
		}},
		{"C2 PMCID", "TY  - JOUR\nTI  - T\nC2  - PMC5443306\nER  - \n", func(r mappings.Record) bool { return r.PMCID == "PMC5443306" }},
		{"tag with empty value", "TY  - JOUR\nTI  - T\nN1  -\nER  -\n", func(r mappings.Record) bool { return r.Title == "T" }},
		{"abstract text with a dash is not split", "TY  - JOUR\nTI  - T\nAB  - IL - 6 and CD - 34 rose post‑first\nER  - \n", func(r mappings.Record) bool {
			return r.Abstract.Text == "IL - 6 and CD - 34 rose post‑first"
		}},
	}
	for _, c := range cases {
		recs, errs, err := collectRIS([]byte(c.in))
		if err != nil || len(errs) > 0 || len(recs) != 1 {
			t.Errorf("%s: %d records, %v %v", c.name, len(recs), errs, err)
			continue
		}
		if !c.check(recs[0]) {
			t.Errorf("%s: wrong record %+v", c.name, recs[0])
		}
	}
}

func TestRISFlattened(t *testing.T) {
	// Two flattened records on two lines, the second without ER; words
	// that look like tags but are not known RIS tags stay in the text.
	in := "TY - JOUR TI - First AB - Dose 5x107 post‑first; XX - not a tag AU - Wang,Xiaohua ER -\n" +
		"TY - JOUR TI - Second KW - one keyword with words AU - Wang, Xiaohua PY - 2017\n"
	recs, errs, err := collectRIS([]byte(in))
	if err != nil || len(errs) > 0 || len(recs) != 2 {
		t.Fatalf("%d records, %v %v", len(recs), errs, err)
	}
	if recs[0].Abstract.Text != "Dose 5x107 post‑first; XX - not a tag" {
		t.Errorf("abstract = %q", recs[0].Abstract.Text)
	}
	if recs[1].Line != 2 || !reflect.DeepEqual(recs[1].Keywords, []string{"one keyword with words"}) {
		t.Errorf("record 2 line %d keywords %q", recs[1].Line, recs[1].Keywords)
	}
	if string(recs[0].Raw) != strings.SplitAfter(in, "\n")[0] {
		t.Errorf("raw of a flattened record = %q", recs[0].Raw)
	}
	for _, r := range recs {
		if len(r.Authors) != 1 || r.Authors[0].Family != "Wang" || r.Authors[0].Given != "Xiaohua" {
			t.Errorf("authors = %+v", r.Authors)
		}
	}
}

// TestRISNoRecords: text without one RIS tag (an EndNote "%0 … %T …"
// export read with --from ris) is one rejection naming its line, never an
// empty success: nothing a user gave is dropped without a word. An empty
// or blank input holds nothing to report.
func TestRISNoRecords(t *testing.T) {
	recs, errs, err := collectRIS([]byte("\n\nnot RIS at all\n"))
	if len(recs) != 0 || len(errs) != 1 || err != nil || !strings.Contains(errs[0].Error(), `line 3: "not RIS at all"`) {
		t.Errorf("got %d records %v %v from text without tags, want one rejection naming line 3", len(recs), errs, err)
	}
	recs, errs, err = collectRIS([]byte("\n \n"))
	if len(recs)+len(errs) != 0 || err != nil {
		t.Errorf("got %d records %v %v from blank lines", len(recs), errs, err)
	}
}

func FuzzRIS(f *testing.F) {
	f.Add(formattest.Seed(f, "004"))
	f.Add(variant(f, "ris-multi-crlf-bom.ris"))
	f.Add(variant(f, "ris-missing-er.ris"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for rec, err := range formattest.Reader("ris")(bytes.NewReader(data)) {
			n++
			var re *mappings.RecordError
			if err != nil {
				if !errors.As(err, &re) || re.Record != n {
					t.Fatalf("error %v for record %d", err, n)
				}
				continue
			}
			// Untitled records are kept only for an identifier (untitledPolicy).
			untitledOK := rec.Title != "" || rec.DOI != "" || rec.PMID != "" || rec.PMCID != ""
			if rec.Number != n || !untitledOK || !bytes.Contains(data, rec.Raw) {
				t.Fatalf("record %d: number %d, title %q, raw not from input", n, rec.Number, rec.Title)
			}
		}
	})
}

// A run of TY lines with nothing between them is one record that repeats
// its type, not one empty record per line; a TY after other fields still
// opens a new record, as exports that drop ER need.
func TestRISConsecutiveTY(t *testing.T) {
	in := "TY  - BOOK\nTY  - JOUR\nTY  - CHAP\nT1  - Editorial: Open source\nAU  - Harrison, Warren\nPY  - 2001\n" +
		"TY  - JOUR\nTI  - A second paper\nAU  - Wang, Xiaohua\nER  - \n"
	recs, errs, err := collectRIS([]byte(in))
	if err != nil || len(errs) != 0 || len(recs) != 2 {
		t.Fatalf("got %d records, %v, %v; want 2", len(recs), errs, err)
	}
	if r := recs[0]; r.Title != "Editorial: Open source" || r.Line != 1 || len(r.Authors) != 1 || r.Issued.Year != 2001 {
		t.Errorf("record 1: %q line %d, %d authors, year %d", r.Title, r.Line, len(r.Authors), r.Issued.Year)
	}
	if r := recs[1]; r.Title != "A second paper" || r.Number != 2 || r.Line != 7 {
		t.Errorf("record 2: %q number %d line %d", r.Title, r.Number, r.Line)
	}
}
