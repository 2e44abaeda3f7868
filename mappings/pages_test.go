package mappings

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// pageCases: one entry per page reader, with its seed.
var pageCases = []struct{ seed, format string }{
	{"000", "s2-page"}, {"001", "wprim-page"}, {"002", "vufind-page"}, {"003", "zendy-page"},
}

func TestPagesWithoutTitle(t *testing.T) {
	cases := []struct {
		format, in string
		line       int
	}{
		{"s2-page", "Tong Tong\n{\"title\":\"\",\"authors\":\"Tong Tong\",\"platform\":\"Semanticscholar\"}\n", 2},
		{"s2-page", "Tong Tong\n{\"title\":\"A title\",\"authors\":\"Tong Tong\",\n", 2}, // JSON cut off
		{"s2-page", "no JSON here\n", 1},
		{"wprim-page", "- Author:\nBo ZHANG\n- From:\nChinese Journal of Contemporary Pediatrics\n2025;27(9):1128-1133\n", 1},
		{"vufind-page", "Cargando…\nauthor Wang, Xiaohua\nauthor_facet Wang, Xiaohua\n", 1},
		{"zendy-page", "z-logo\nopen-access-imgOpen Access\nAuthor(s) -\nKai Mu\nPublication title -\nmedicine\n", 1},
		{"zendy-page", "", 1},
	}
	for _, c := range cases {
		recs, errs := readAll(t, c.format, []byte(c.in))
		var re *RecordError
		if len(recs) != 0 || len(errs) != 1 || !errors.As(errs[0], &re) || re.Record != 1 || re.Line != c.line {
			t.Errorf("%s %.30q: records %d, errors %v; want one RecordError for record 1 line %d", c.format, c.in, len(recs), errs, c.line)
			continue
		}
		if strings.Contains(c.in, "title") && !strings.Contains(c.in, `"A title"`) && c.format != "vufind-page" && !errors.Is(re, ErrNoTitle) {
			t.Errorf("%s: reason %v, want ErrNoTitle", c.format, re)
		}
	}
}

// A page cut short still gives what it holds, and never leaks or panics.
func TestTruncatedPages(t *testing.T) {
	cases := []struct {
		seed, format, cutAfter string
		authors                int
		check                  func(Record) bool
	}{
		{"001", "wprim-page", "Xiang-Feng TANG\n", 3, func(r Record) bool {
			return r.DOI == "10.7499/j.issn.1008-8830.2503173" && len(r.Authors[0].Affiliations) == 0 && r.Journal.Title == ""
		}},
		{"002", "vufind-page", "\ntitle_full ", 8, func(r Record) bool {
			// The url and topic fields are gone: the ids printed in the
			// page's rendering above the dump are not read in their place,
			// and without the section the spelling shape is unconfirmed.
			return r.PMID == "" && r.PMCID == "" && r.DOI == "" && r.Journal.Abbrev == "" &&
				r.Issued == Date{Year: 2017} && len([]rune(r.Abstract.Text)) == 904
		}},
		{"003", "zendy-page", "Yan Gu,\n", 3, func(r Record) bool { return r.DOI == "" && r.Abstract.Text == "" }},
		{"003", "zendy-page", "Outcomes: As the patient's", 11, func(r Record) bool {
			n := len(r.Abstract.Sections)
			return n == 5 && r.Abstract.Sections[n-1].Label == "Outcomes" && r.Abstract.Sections[n-1].Text == "As the patient's"
		}},
	}
	for _, c := range cases {
		data := seed(t, c.seed)
		i := bytes.Index(data, []byte(c.cutAfter))
		if i < 0 {
			t.Fatalf("seed %s lacks %q", c.seed, c.cutAfter)
		}
		cut := data[:i+len(c.cutAfter)]
		recs, errs := readAll(t, c.format, cut)
		if len(errs) != 0 || len(recs) != 1 {
			t.Errorf("%s cut after %q: %d records, %v", c.format, c.cutAfter, len(recs), errs)
			continue
		}
		r := recs[0]
		rawOK := bytes.Equal(r.Raw, cut)
		r.Raw = nil
		if r.Title == "" || len(r.Authors) != c.authors || !c.check(r) || !rawOK {
			t.Errorf("%s cut after %q: title %q, %d authors, record %+v", c.format, c.cutAfter, r.Title, len(r.Authors), r)
		}
	}
}

// The VuFind spelling field is used only when its whole shape is found.
func TestVuFindSpellingShape(t *testing.T) {
	data := string(seed(t, "002"))
	broken := strings.Replace(data, "Exp Ther Med Articles Four patients", "Exp Ther Med Four patients", 1)
	recs, errs := readAll(t, "vufind-page", []byte(broken))
	if len(errs) != 0 || len(recs) != 1 {
		t.Fatal(errs)
	}
	r := recs[0]
	if r.Journal.Abbrev != "" || r.Issued != (Date{Year: 2017}) || len(r.Guessed) != 0 {
		t.Errorf("without the section in spelling: abbrev %q issued %+v guessed %v", r.Journal.Abbrev, r.Issued, r.Guessed)
	}
	// A topic that is not the PMC section, outside a PubMed harvest, is a keyword.
	other := strings.Replace(data, "collection PubMed", "collection Local", 1)
	other = strings.Replace(other, "topic Articles\n", "topic Articles\nImmune thrombocytopenia\n", 1)
	recs, _ = readAll(t, "vufind-page", []byte(other))
	if len(recs) != 1 || len(recs[0].Keywords) != 1 || recs[0].Keywords[0] != "Immune thrombocytopenia" {
		t.Errorf("keywords = %q", recs[0].Keywords)
	}
}

func TestWPRIMMarkers(t *testing.T) {
	in := "A title\n- Author:\nBo ZHANG\n1,2\n;\nZuo LUAN 2\n;\nNan-Hai WU\nAuthor Information\n1. Dept One,\nCity One.\n2. Dept Two.\n- From:\nJ\n2020 Mar;5(2):e12\n"
	recs, errs := readAll(t, "wprim-page", []byte(in))
	if len(errs) != 0 || len(recs) != 1 {
		t.Fatal(errs)
	}
	a := recs[0].Authors
	if len(a) != 3 || strings.Join(a[0].Affiliations, "|") != "Dept One, City One.|Dept Two." ||
		strings.Join(a[1].Affiliations, "|") != "Dept Two." || len(a[2].Affiliations) != 0 || a[1].Family != "Luan" {
		t.Errorf("authors = %+v", a)
	}
	r := recs[0]
	if r.Issued != (Date{Year: 2020}) || r.Volume != "5" || r.Issue != "2" || r.PageStart != "e12" || r.Journal.Title != "J" {
		t.Errorf("source = %+v %q %q %q %q", r.Issued, r.Volume, r.Issue, r.PageStart, r.Journal.Title)
	}
}

func fuzzPage(f *testing.F, format, seedPrefix string) {
	f.Add(seed(f, seedPrefix))
	f.Add([]byte{})
	fm, ok := Lookup(format)
	if !ok {
		f.Fatalf("%s not registered", format)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for rec, err := range fm.Read(bytes.NewReader(data)) {
			n++
			var re *RecordError
			if err != nil && (!errors.As(err, &re) || re.Record != 1) {
				t.Fatalf("error %v", err)
			}
			if err == nil && (rec.Title == "" || !bytes.Equal(rec.Raw, data)) {
				t.Fatalf("record without title or with partial raw")
			}
		}
		if n != 1 {
			t.Fatalf("%d results for one page", n)
		}
		fm.Sniff(data)
	})
}

func FuzzS2Page(f *testing.F)     { fuzzPage(f, "s2-page", "000") }
func FuzzWPRIMPage(f *testing.F)  { fuzzPage(f, "wprim-page", "001") }
func FuzzVuFindPage(f *testing.F) { fuzzPage(f, "vufind-page", "002") }
func FuzzZendyPage(f *testing.F)  { fuzzPage(f, "zendy-page", "003") }
