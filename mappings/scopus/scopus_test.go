package scopus_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	_ "github.com/msckg/msckg/mappings/formats/all"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

func TestExport(t *testing.T) {
	res := formattest.ReadFile(t, "testdata/formats/scopus/scopus-msc-itp.csv", "")
	if res.Format != "scopus-csv" || len(res.Records) != 2 || len(res.Rejected) != 1 {
		t.Fatalf("read as %s: %d records, %d rejected; want scopus-csv, 2, 1", res.Format, len(res.Records), len(res.Rejected))
	}
	if re := res.Rejected[0]; re.Record != 3 || re.Line != 5 || !strings.Contains(re.Error(), "no title") {
		t.Errorf("rejection %v, want record 3 on line 5 (record 2 holds a line break) with no title", re)
	}
	etm, syn := res.Records[0], res.Records[1]
	checks := []struct {
		name      string
		got, want any
	}{
		{"line", etm.Line, 2},
		{"title", etm.Title, "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up"},
		{"authors from full names", len(etm.Authors), 8},
		{"Scopus author id dropped", [3]string{etm.Authors[7].AsWritten, etm.Authors[7].Family, etm.Authors[7].Given}, [3]string{"Liu, Ying", "Liu", "Ying"}},
		{"journal", etm.Journal, mappings.Journal{Title: "Experimental and Therapeutic Medicine", Abbrev: "Exp. Ther. Med.", ISSNs: []string{"1792-0981"}}},
		{"year", etm.Issued, mappings.Date{Year: 2017}},
		{"pages", [4]string{etm.Volume, etm.Issue, etm.PageStart, etm.PageEnd}, [4]string{"13", "5", "2255", "2258"}},
		{"ids", [2]string{etm.DOI, etm.PMID}, [2]string{"10.3892/etm.2017.4229", "28565834"}},
		{"language", etm.Language, "en"},
		{"keywords", len(etm.Keywords), 5},
		{"copyright line dropped", strings.HasSuffix(etm.Abstract.Text, "one patient in 24 months."), true},
		{"cited by", *etm.CitationCount, 9},
		{"link", len(etm.URLs), 1},
		{"suffix", syn.Authors[1].Suffix, "Jr."},
		{"quotes inside a field", strings.HasSuffix(syn.Title, `a "synthetic" record`), true},
		{"article number", syn.ArticleNumber, "501"},
		{"structured abstract", len(syn.Abstract.Sections), 2},
		{"no cited-by count when empty", syn.CitationCount == nil, true},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
}

// TestBefore2023: the older export has no full names and separates the
// short names with commas.
func TestBefore2023(t *testing.T) {
	res := formattest.ReadFile(t, "testdata/formats/scopus/scopus-before-2023.csv", "")
	if res.Format != "scopus-csv" || len(res.Records) != 1 {
		t.Fatalf("read as %s, %d records", res.Format, len(res.Records))
	}
	var fams []string
	for _, a := range res.Records[0].Authors {
		fams = append(fams, a.Family)
	}
	if want := []string{"Wang", "Yin", "Sun", "Bai", "Shen", "Ao", "Gu", "Liu"}; !reflect.DeepEqual(fams, want) {
		t.Errorf("families %q, want %q", fams, want)
	}
}

// TestBrokenRow: a row with a stray quote or the wrong number of fields is
// rejected with its line; the next row is read.
func TestBrokenRow(t *testing.T) {
	f, _ := mappings.Lookup("scopus-csv")
	in := "\"Authors\",\"Title\",\"Year\",\"Source title\",\"EID\"\n" +
		"\"Wang X.\",\"Too few\"\n" +
		"\"Li Y.\",\"Kept\",\"2020\",\"Blood\",\"2-s2.0-1\"\n"
	var titles, rejected []string
	for rec, err := range f.Read(strings.NewReader(in)) {
		if err != nil {
			rejected = append(rejected, err.Error())
			continue
		}
		titles = append(titles, rec.Title)
	}
	if !reflect.DeepEqual(titles, []string{"Kept"}) || len(rejected) != 1 || !strings.Contains(rejected[0], "line 2") {
		t.Errorf("titles %q, rejections %q", titles, rejected)
	}
}

func TestSniffTakesNoOtherFile(t *testing.T) {
	formattest.NotStolen(t, []string{"testdata/formats/scopus"}, "scopus-csv")
}
