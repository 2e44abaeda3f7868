package wos_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	_ "github.com/msckg/msckg/mappings/formats/all"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

const (
	plainFile = "testdata/formats/wos/wos-msc-itp.txt"
	utf8File  = "testdata/formats/wos/wos-msc-itp-tab-utf8.txt"
	utf16File = "testdata/formats/wos/wos-msc-itp-tab-utf16.txt"
)

// TestPlainExport reads the plain-text export of two papers and a record
// with neither title nor identifier, field by field.
func TestPlainExport(t *testing.T) {
	res := formattest.ReadFile(t, plainFile, "")
	if res.Format != "wos" {
		t.Fatalf("detected as %s, want wos", res.Format)
	}
	if len(res.Records) != 2 || len(res.Rejected) != 1 {
		t.Fatalf("%d records, %d rejected; want 2 and 1", len(res.Records), len(res.Rejected))
	}
	if re := res.Rejected[0]; re.Record != 3 || re.Line != 106 || !strings.Contains(re.Error(), "no title") {
		t.Errorf("rejection %v, want record 3 (line 106) with no title", re)
	}

	etm := res.Records[0]
	checks := []struct {
		name      string
		got, want any
	}{
		{"number, line", [2]int{etm.Number, etm.Line}, [2]int{1, 3}},
		{"title", etm.Title, "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up"},
		{"authors", len(etm.Authors), 8},
		{"first author", [3]string{etm.Authors[0].AsWritten, etm.Authors[0].Family, etm.Authors[0].Given}, [3]string{"Wang, Xiaohua", "Wang", "Xiaohua"}},
		{"Yin's own address", etm.Authors[1].Affiliations, []string{"Jilin Tuhua Bioengn Co Ltd, Siping 136000, Jilin, Peoples R China."}},
		{"Liu's address", etm.Authors[7].Affiliations, []string{"Siping Hosp China Med Univ, Dept Hematol, Siping 136000, Jilin, Peoples R China."}},
		{"journal", etm.Journal, mappings.Journal{Title: "EXPERIMENTAL AND THERAPEUTIC MEDICINE", Abbrev: "Exp. Ther. Med.", ISSN: "1792-0981", EISSN: "1792-1015"}},
		{"issued", etm.Issued, mappings.Date{Year: 2017, Month: 5}},
		{"volume, issue, pages", [4]string{etm.Volume, etm.Issue, etm.PageStart, etm.PageEnd}, [4]string{"13", "5", "2255", "2258"}},
		{"ids", [2]string{etm.DOI, etm.PMID}, [2]string{"10.3892/etm.2017.4229", "28565834"}},
		{"language", etm.Language, "en"},
		{"type", etm.PublicationTypes, []string{"Article"}},
		{"keywords (DE, not Keywords Plus)", etm.Keywords, []string{"chronic immune thrombocytopenic purpura",
			"human umbilical cord-derived mesenchymal stem cells", "efficacy", "safety", "intravenous infusion"}},
		{"abstract joined across lines", strings.Contains(etm.Abstract.Text, "received human umbilical cord-derived mesenchymal stem cells (hUC-MSCs)."), true},
		{"times cited", *etm.CitationCount, 9},
		{"references", len(etm.References), 3},
		{"reference DOI", etm.References[1].DOI, "10.1182/blood-2008-07-162503"},
		{"reference year", etm.References[2].Year, 2008},
		{"reference without DOI", etm.References[2].DOI, ""},
		{"raw starts at PT", strings.HasPrefix(string(etm.Raw), "PT J\n"), true},
		{"raw ends at ER", strings.HasSuffix(string(etm.Raw), "ER\n"), true},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("record 1 %s = %#v, want %#v", c.name, c.got, c.want)
		}
	}

	syn := res.Records[1]
	checks = []struct {
		name      string
		got, want any
	}{
		{"ORCID by the same name", syn.Authors[0].ORCID, "0000-0002-1825-0097"},
		{"ORCID by family name and initial (Jim / James)", syn.Authors[1].ORCID, "0000-0001-5109-3700"},
		{"group author", [2]any{syn.Authors[2].AsWritten, syn.Authors[2].Collective}, [2]any{"ITP Study Grp", true}},
		{"unbracketed address of two authors is nobody's", syn.Authors[0].Affiliations, []string(nil)},
		{"article number", syn.ArticleNumber, "501"},
		{"issued with day", syn.Issued, mappings.Date{Year: 2021, Month: 9, Day: 15}},
		{"types", syn.PublicationTypes, []string{"Article", "Early Access"}},
		{"structured abstract", len(syn.Abstract.Sections), 4},
		{"a bracketed DOI list names no one work", syn.References[1].DOI, ""},
		{"cited reference DOI", syn.References[0].DOI, "10.3892/etm.2017.4229"},
		{"times cited zero", *syn.CitationCount, 0},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("record 2 %s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
}

// TestTabExportsReadAsPlain: the tab-delimited exports of the same
// records (UTF-8 with a BOM, UTF-16LE with a BOM) give the same records
// as the plain-text one, but for where they sit in the file.
func TestTabExportsReadAsPlain(t *testing.T) {
	plain := formattest.ReadFile(t, plainFile, "")
	for _, file := range []string{utf8File, utf16File} {
		tab := formattest.ReadFile(t, file, "")
		if tab.Format != "wos-tab" {
			t.Errorf("%s detected as %s, want wos-tab", file, tab.Format)
			continue
		}
		if len(tab.Records) != len(plain.Records) || len(tab.Rejected) != len(plain.Rejected) {
			t.Errorf("%s: %d records, %d rejected; want %d and %d", file, len(tab.Records), len(tab.Rejected), len(plain.Records), len(plain.Rejected))
			continue
		}
		for i, rec := range tab.Records {
			want := plain.Records[i]
			if rec.Line != i+2 || !strings.HasPrefix(string(rec.Raw), "J\t") {
				t.Errorf("%s record %d: line %d, raw %.10q; want line %d and the row's bytes", file, i+1, rec.Line, rec.Raw, i+2)
			}
			rec.Format, rec.Line, rec.Raw, want.Raw = want.Format, want.Line, nil, nil
			if !reflect.DeepEqual(rec, want) {
				t.Errorf("%s record %d differs from the plain export's:\n got %+v\nwant %+v", file, i+1, rec, want)
			}
		}
		if re := tab.Rejected[0]; re.Record != 3 || re.Line != 4 {
			t.Errorf("%s: rejection %v, want record 3 on line 4", file, re)
		}
	}
}

// TestTabBrokenRows: a row cut by a line break inside a field, or with a
// stray tab, is rejected with its line; the rows after it are read.
func TestTabBrokenRows(t *testing.T) {
	f, _ := mappings.Lookup("wos-tab")
	in := "PT\tAU\tTI\tSO\tPY\tDI\tUT\n" +
		"J\tWang, X\tFirst title\tBLOOD\t2020\t10.5555/a\tWOS:1\n" +
		"J\tLi, Y\tA title cut\n" + // the rest of the row went to the next line
		"by a line break\tBLOOD\t2020\t10.5555/b\tWOS:2\n" +
		"J\tZhao, Z\tTab\tinside\tBLOOD\t2021\t10.5555/c\tWOS:3\n" +
		"J\tSun, W\tLast title\tBLOOD\t2022\t10.5555/d\tWOS:4\t\n"
	var titles []string
	var rejected []string
	for rec, err := range f.Read(strings.NewReader(in)) {
		if re, ok := err.(*mappings.RecordError); ok {
			rejected = append(rejected, re.Error())
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		titles = append(titles, rec.Title)
	}
	if want := []string{"First title", "Last title"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("titles %q, want %q", titles, want)
	}
	if len(rejected) != 3 || !strings.Contains(rejected[0], "line 3") || !strings.Contains(rejected[1], "line 4") ||
		!strings.Contains(rejected[2], "line 5") || !strings.Contains(rejected[2], "tab inside a field") {
		t.Errorf("rejections %q, want lines 3, 4 and 5 with reasons", rejected)
	}
}

// TestSniffTakesNoOtherFile: neither WoS format claims another fixture;
// MEDLINE's "PT  - " tag in particular is not WoS's "PT J".
func TestSniffTakesNoOtherFile(t *testing.T) {
	formattest.NotStolen(t, []string{"testdata/formats/wos"}, "wos", "wos-tab")
	medline := []byte("PT  - Journal Article\nTI  - A title\nAU  - Wang X\n")
	if f, err := mappings.Detect(medline); err == nil && strings.HasPrefix(f.Name, "wos") {
		t.Errorf("a MEDLINE record without its PMID line is detected as %s", f.Name)
	}
	cut := []byte("PT J\nAU Wang, X\nTI A title\nSO BLOOD\nPY 2020\nER\n")
	if f, err := mappings.Detect(cut); err != nil || f.Name != "wos" {
		t.Errorf("a record cut out of an export (no FN line) detected as %v (%v), want wos", f, err)
	}
}
