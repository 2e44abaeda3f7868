package mappings

import (
	"reflect"
	"testing"
)

func TestStripTagsAndClean(t *testing.T) {
	cases := []struct{ in, want string }{
		{"<p><strong>Background: </strong>ITP &amp; pregnancy</p>", "Background: ITP & pregnancy"},
		{"p < 0.05 and a<b", "p < 0.05 and a<b"},
		{"30×10<sup>9</sup>/L", "30×10 9 /L"},
		{"line\none\u00a0two\t three", "line one two three"},
		{"<i unclosed", "<i unclosed"},
		{"&lt;tag&gt; &#8804; 5", "<tag> ≤ 5"},
	}
	for _, c := range cases {
		if got := HTMLText(c.in); got != c.want {
			t.Errorf("HTMLText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalizeIDs(t *testing.T) {
	dois := map[string]string{
		"10.3892/etm.2017.4229":                      "10.3892/etm.2017.4229",
		"https://doi.org/10.1186/S12884-025-08177-9": "10.1186/s12884-025-08177-9",
		"http://dx.doi.org/10.3892/ETM.2017.4229.":   "10.3892/etm.2017.4229",
		"doi:10.1097/MD.0000000000013287":            "10.1097/md.0000000000013287",
		"https://doi.org/10.1000/a%2Fb":              "10.1000/a/b",
		"not a doi":                                  "",
		"10.12/x":                                    "",
	}
	for in, want := range dois {
		if got := NormalizeDOI(in); got != want {
			t.Errorf("NormalizeDOI(%q) = %q, want %q", in, got, want)
		}
	}
	urls := map[string]IDs{
		"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5443306/":      {PMCID: "PMC5443306"},
		"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC12505577/pdf/": {PMCID: "PMC12505577"},
		"https://pmc.ncbi.nlm.nih.gov/articles/PMC5443306/":          {PMCID: "PMC5443306"},
		"https://www.ncbi.nlm.nih.gov/pubmed/28565834":               {PMID: "28565834"},
		"https://pubmed.ncbi.nlm.nih.gov/28565834/":                  {PMID: "28565834"},
		"http://dx.doi.org/10.3892/etm.2017.4229":                    {DOI: "10.3892/etm.2017.4229"},
		"https://example.org/articles/28565834":                      {},
		"https://example.org/PMC5443306":                             {},
		"::not a url":                                                {},
	}
	for in, want := range urls {
		if got := IDsFromURL(in); got != want {
			t.Errorf("IDsFromURL(%q) = %+v, want %+v", in, got, want)
		}
	}
	for in, want := range map[string]string{"PMC5443306": "PMC5443306", "pmc5443306": "PMC5443306", "5443306": "PMC5443306", "PMC": "", "xPMC1": ""} {
		if got := NormalizePMCID(in); got != want {
			t.Errorf("NormalizePMCID(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"PMID: 28565834": "28565834", "28565834": "28565834", "pmid:1": "1", "0": "", "12a": ""} {
		if got := NormalizePMID(in); got != want {
			t.Errorf("NormalizePMID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeISSN(t *testing.T) {
	for in, want := range map[string]string{
		"1792-0981": "1792-0981", "17920981": "1792-0981", "1536-5964": "1536-5964", "0025-7974": "0025-7974",
		"1471-2393": "1471-2393", "1000-002x": "1000-002X", "1792-0982": "", "1792-098": "",
	} {
		if got := NormalizeISSN(in); got != want {
			t.Errorf("NormalizeISSN(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLanguageCode(t *testing.T) {
	for in, want := range map[string]string{"English": "en", "Chinese": "zh", "eng": "en", "chi": "zh", "zh-CN": "zh", "EN": "en", "Klingon": "", "": ""} {
		if got := LanguageCode(in); got != want {
			t.Errorf("LanguageCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitPages(t *testing.T) {
	cases := []struct{ in, first, last string }{
		{"2255-2258", "2255", "2258"}, {"2255–58", "2255", "2258"}, {"1038", "1038", ""},
		{"e13287", "e13287", ""}, {"S12-S15", "S12", "S15"}, {"suppl. pages", "suppl. pages", ""},
	}
	for _, c := range cases {
		if f, l := SplitPages(c.in); f != c.first || l != c.last {
			t.Errorf("SplitPages(%q) = %q, %q; want %q, %q", c.in, f, l, c.first, c.last)
		}
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2025-10-08", Date{2025, 10, 8}, true},
		{"2017/05/01", Date{2017, 5, 1}, true},
		{"2017/05//", Date{2017, 5, 0}, true},
		{"2017-13-01", Date{Year: 2017}, true},
		{"2021-02-30", Date{2021, 2, 0}, true},
		{"2017", Date{Year: 2017}, true},
		{"May 2017", Date{}, false},
	}
	for _, c := range cases {
		if got, ok := ParseDate(c.in); got != c.want || ok != c.ok {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestSplitSections(t *testing.T) {
	cases := []struct {
		in   string
		want []Section
	}{
		{"Rationale: A. Patient concerns: B (x). Lessons: C.", []Section{{"Rationale", "A."}, {"Patient concerns", "B (x)."}, {"Lessons", "C."}}},
		{"BACKGROUND: a. METHODS: b.", []Section{{"BACKGROUND", "a."}, {"METHODS", "b."}}},
		{"Lead text. Results: r.", []Section{{"", "Lead text."}, {"Results", "r."}}},
		{"the final diagnosis: HSP was made", []Section{{"", "the final diagnosis: HSP was made"}}},
		{"", nil},
	}
	for _, c := range cases {
		if got := SplitSections(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SplitSections(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

// Font-style tags change no word boundary; other tags, <sup> and <sub>
// included, still separate words (from Crossref and CSL titles).
func TestHTMLTextFontStyleTags(t *testing.T) {
	cases := []struct{ in, want string }{
		{"<scp>T</scp>reebase: an R package", "Treebase: an R package"},
		{"Flat-Headed Cats (<i>Prionailurus planiceps</i>), a Felid", "Flat-Headed Cats (Prionailurus planiceps), a Felid"},
		{"(<jats:italic>E. coli</jats:italic>)", "(E. coli)"},
		{`<span class="x">MSC</span>s`, "MSCs"},
		{"10<sup>9</sup>/L", "10 9 /L"},
		{"one<br/>two", "one two"},
		{"<jats:p>First.</jats:p><jats:p>Second.</jats:p>", "First. Second."},
		{"p < 0.05 <b>and</b> more", "p < 0.05 and more"},
	}
	for _, c := range cases {
		if got := HTMLText(c.in); got != c.want {
			t.Errorf("HTMLText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
