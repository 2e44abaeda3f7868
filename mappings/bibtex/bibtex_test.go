package bibtex

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

// bibOne reads a single-entry BibTeX text and fails unless it gives
// exactly one record and no error.
func bibOne(t *testing.T, in string) mappings.Record {
	t.Helper()
	return formattest.ReadOneUnchecked(t, "bibtex", []byte(in))
}

func TestBibTeXETMFixture(t *testing.T) {
	data := formattest.Fixture(t, "bibtex-etm.bib")
	rec := bibOne(t, string(data))
	want := mappings.Record{
		Format: "bibtex", Number: 1, Line: 1,
		Title:   "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up",
		Journal: mappings.Journal{Title: "Experimental and Therapeutic Medicine", ISSNs: []string{"1792-0981"}},
		Issued:  mappings.Date{Year: 2017, Month: 5, Day: 0},
		Volume:  "13", Issue: "5", PageStart: "2255", PageEnd: "2258",
		DOI: "10.3892/etm.2017.4229", PMID: "28565834", PMCID: "PMC5443306",
		Keywords: []string{"chronic immune thrombocytopenic purpura", "human umbilical cord-derived mesenchymal stem cells",
			"intravenous infusion", "safety", "efficacy"},
		PublicationTypes: []string{"article"},
		URLs:             []string{"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5443306/"},
	}
	for _, n := range [][2]string{{"Wang", "Xiaohua"}, {"Yin", "Xiaoguang"}, {"Sun", "Wei"}, {"Bai", "Jin"},
		{"Shen", "Yawen"}, {"Ao", "Qiang"}, {"Gu", "Yongquan"}, {"Liu", "Ying"}} {
		want.Authors = append(want.Authors, formattest.Au(n[0]+", "+n[1], n[0], n[1]))
	}
	if rec.Abstract.Text != formattest.ETMAbstract {
		t.Errorf("abstract differs from PubMed's:\n got %q\nwant %q", rec.Abstract.Text, formattest.ETMAbstract)
	}
	if !bytes.Equal(rec.Raw, bytes.TrimRight(data, "\n")) {
		t.Errorf("Raw is not the entry's bytes: %q", rec.Raw)
	}
	rec.Raw, rec.Abstract = nil, mappings.Abstract{}
	formattest.DiffRecords(t, rec, want)
}

func TestBibTeXFields(t *testing.T) {
	cases := []struct {
		name, entry string
		check       func(mappings.Record) any
		want        any
	}{
		{"title accents", `title = {Mesenchymal cells in {M}{\"u}ller's {\'E}tude}`, func(r mappings.Record) any { return r.Title }, "Mesenchymal cells in Müller's Étude"},
		{"title math", `title = {Platelets $>$150 $\times$ 10$^{9}$/L}`, func(r mappings.Record) any { return r.Title }, "Platelets >150 × 10⁹/L"},
		{"quoted title", `title = "A {\"U}ber study"`, func(r mappings.Record) any { return r.Title }, "A Über study"},
		{"concatenation", `title = "Part one" # { and two}`, func(r mappings.Record) any { return r.Title }, "Part one and two"},
		{"journal", `journal = {Exp Ther Med}`, func(r mappings.Record) any { return r.Journal.Title }, "Exp Ther Med"},
		{"journaltitle", `journaltitle = {Blood}`, func(r mappings.Record) any { return r.Journal.Title }, "Blood"},
		{"shortjournal", `shortjournal = {Exp Ther Med}`, func(r mappings.Record) any { return r.Journal.Abbrev }, "Exp Ther Med"},
		{"year only", `year = 2017`, func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 0, Day: 0}},
		{"month macro", "year = 2017, month = may", func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 5, Day: 0}},
		{"month macro upper", "year = 2017, month = MAR", func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 3, Day: 0}},
		{"month number", "year = {2017}, month = {11}", func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 11, Day: 0}},
		{"month name braced", "year = {2017}, month = {September}", func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 9, Day: 0}},
		{"month with day", "year = {2017}, month = {14 Mar}", func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 3, Day: 14}},
		{"bad month", "year = {2017}, month = {13}", func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 0, Day: 0}},
		{"biblatex date", "date = {2017-03-14}, year = {2016}", func(r mappings.Record) any { return r.Issued }, mappings.Date{Year: 2017, Month: 3, Day: 14}},
		{"volume number", "volume = {13}, number = {5}", func(r mappings.Record) any { return [2]string{r.Volume, r.Issue} }, [2]string{"13", "5"}},
		{"issue", "issue = {5}", func(r mappings.Record) any { return r.Issue }, "5"},
		{"pages --", "pages = {2255--2258}", func(r mappings.Record) any { return [2]string{r.PageStart, r.PageEnd} }, [2]string{"2255", "2258"}},
		{"pages bare", "pages = 2255--2258", func(r mappings.Record) any { return [2]string{r.PageStart, r.PageEnd} }, [2]string{"2255", "2258"}},
		{"pages abbreviated", "pages = {2255-8}", func(r mappings.Record) any { return [2]string{r.PageStart, r.PageEnd} }, [2]string{"2255", "2258"}},
		{"article number", "pages = {e13287}", func(r mappings.Record) any { return [2]string{r.PageStart, r.PageEnd} }, [2]string{"e13287", ""}},
		{"doi url", "doi = {https://doi.org/10.3892/ETM.2017.4229}", func(r mappings.Record) any { return r.DOI }, "10.3892/etm.2017.4229"},
		{"doi escaped", `doi = {10.1002/abc\_def--x}`, func(r mappings.Record) any { return r.DOI }, "10.1002/abc_def--x"},
		{"pmid", "pmid = {28565834}", func(r mappings.Record) any { return r.PMID }, "28565834"},
		{"eprint pubmed", "eprint = {28565834}, eprinttype = {pubmed}", func(r mappings.Record) any { return r.PMID }, "28565834"},
		{"eprint arxiv", "eprint = {1706.03762}, eprinttype = {arxiv}", func(r mappings.Record) any { return r.PMID }, ""},
		{"pmcid", "pmcid = {PMC5443306}", func(r mappings.Record) any { return r.PMCID }, "PMC5443306"},
		{"note ids", "note = {Epub 2017 Mar 14. PMID: 28565834; PMCID: PMC5443306}", func(r mappings.Record) any { return [2]string{r.PMID, r.PMCID} }, [2]string{"28565834", "PMC5443306"}},
		{"issn two", "issn = {1792-0981, 1792-1015}", func(r mappings.Record) any { return r.Journal.ISSNs }, []string{"1792-0981", "1792-1015"}},
		{"issn bad check digit", "issn = {1792-0982}", func(r mappings.Record) any { return len(r.Journal.ISSNs) }, 0},
		{"abstract", `abstract = {Dose 5$\times$10\textsuperscript{7}.}`, func(r mappings.Record) any { return r.Abstract.Text }, "Dose 5×10⁷."},
		{"keywords comma", "keywords = {ITP, MSC}", func(r mappings.Record) any { return r.Keywords }, []string{"ITP", "MSC"}},
		{"keywords semicolon", "keywords = {Purpura, Thrombocytopenic; MSC}", func(r mappings.Record) any { return r.Keywords }, []string{"Purpura, Thrombocytopenic", "MSC"}},
		{"url", `url = {https://example.org/a\_b?x=1}`, func(r mappings.Record) any { return r.URLs }, []string{"https://example.org/a_b?x=1"}},
		{"url gives pmid", "url = {https://pubmed.ncbi.nlm.nih.gov/28565834/}", func(r mappings.Record) any { return r.PMID }, "28565834"},
		{"language", "language = {english}", func(r mappings.Record) any { return r.Language }, "en"},
		{"email in note", "note = {write to a@b.org}, title = {T}", func(r mappings.Record) any { return r.Title }, "T"},
		{"undefined macro kept", "journal = blood", func(r mappings.Record) any { return r.Journal.Title }, "blood"},
		{"upper-case field names", "TITLE = {Upper}", func(r mappings.Record) any { return r.Title }, "Upper"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := bibOne(t, "@article{key,\n  "+c.entry+"\n}\n")
			if got := c.check(rec); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %#v, want %#v", got, c.want)
			}
		})
	}
}

func TestBibTeXAuthors(t *testing.T) {
	cases := []struct {
		in   string
		want []mappings.Author
	}{
		{"Wang, Xiaohua and Yin, Xiaoguang", []mappings.Author{formattest.Au("Wang, Xiaohua", "Wang", "Xiaohua"), formattest.Au("Yin, Xiaoguang", "Yin", "Xiaoguang")}},
		{"Xiaohua Wang AND Xiaoguang Yin", []mappings.Author{formattest.Au("Xiaohua Wang", "Wang", "Xiaohua"), formattest.Au("Xiaoguang Yin", "Yin", "Xiaoguang")}},
		{`M{\"u}ller, J{\"o}rg and P{\'e}rez-Sim{\'o}n, Jos{\'e} A.`, []mappings.Author{formattest.Au("Müller, Jörg", "Müller", "Jörg"), formattest.Au("Pérez-Simón, José A.", "Pérez-Simón", "José A.")}},
		{"Vincent van Gogh", []mappings.Author{formattest.Au("Vincent van Gogh", "van Gogh", "Vincent")}},
		{"{van der Berg}, Jan", []mappings.Author{formattest.Au("van der Berg, Jan", "van der Berg", "Jan")}},
		{"King, Jr, Martin", []mappings.Author{{AsWritten: "King, Jr, Martin", Family: "King", Given: "Martin", Suffix: "Jr"}}},
		{"{de la} Fuente, III, Ana", []mappings.Author{{AsWritten: "de la Fuente, III, Ana", Family: "de la Fuente", Given: "Ana", Suffix: "III"}}},
		{"{Barnes and Noble Research Group}", []mappings.Author{{AsWritten: "Barnes and Noble Research Group", Family: "Barnes and Noble Research Group", Collective: true}}},
		{"{ITP Study Group} and Wang, X. and others", []mappings.Author{{AsWritten: "ITP Study Group", Family: "ITP Study Group", Collective: true}, formattest.Au("Wang, X.", "Wang", "X.")}},
		{"Wang, Xiaohua and\n    Yin, Xiaoguang", []mappings.Author{formattest.Au("Wang, Xiaohua", "Wang", "Xiaohua"), formattest.Au("Yin, Xiaoguang", "Yin", "Xiaoguang")}},
		{"Anderson, Ann and Sandberg, Brandon", []mappings.Author{formattest.Au("Anderson, Ann", "Anderson", "Ann"), formattest.Au("Sandberg, Brandon", "Sandberg", "Brandon")}},
	}
	for _, c := range cases {
		rec := bibOne(t, "@article{k, author = {"+c.in+"}}")
		formattest.DiffAuthors(t, rec.Authors, c.want)
	}
}

func TestBibTeXMultiFixture(t *testing.T) {
	recs, errs := formattest.ReadAll(t, "bibtex", formattest.Fixture(t, "bibtex-multi.bib"))
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(recs) != 4 {
		t.Fatalf("got %d records, want 4 (@comment, @preamble and @string are not records)", len(recs))
	}
	type row struct {
		Number, Line int
		Journal      string
		Issued       mappings.Date
		First, Last  string
		Lang         string
		Authors      int
	}
	want := []row{
		{1, 12, "BMC Pregnancy and Childbirth", mappings.Date{Year: 2025, Month: 10, Day: 0}, "1038", "", "en", 8},
		{2, 28, "Medicine (Baltimore)", mappings.Date{Year: 2018, Month: 0, Day: 0}, "e13287", "", "", 11},
		{3, 41, "Chinese Journal of Contemporary Pediatrics", mappings.Date{Year: 2025, Month: 9, Day: 0}, "1128", "1133", "zh", 4},
		{4, 55, "", mappings.Date{Year: 2016, Month: 0, Day: 0}, "", "", "", 1},
	}
	for i, r := range recs {
		got := row{r.Number, r.Line, r.Journal.Title, r.Issued, r.PageStart, r.PageEnd, r.Language, len(r.Authors)}
		if got != want[i] {
			t.Errorf("record %d: got %+v, want %+v", i+1, got, want[i])
		}
	}
	if got := recs[1].Title; !strings.HasSuffix(got, "refractory Henoch–Schönlein purpura") {
		t.Errorf("accent/dash title: %q", got)
	}
	if got := recs[0].Authors[0]; got.Family != "Tong" || got.Given != "Tong" {
		t.Errorf("given-first name: %+v", got)
	}
	if got := recs[0].Abstract.Text; !strings.Contains(got, "54 × 10⁹/L") || !strings.Contains(got, "60 × 10⁶ cells/day") {
		t.Errorf("math in abstract: %q", got)
	}
	if got := recs[3].Title; got != "Expert & patient notes on ß-cell₂ and Étienne's ça même — not a paper" {
		t.Errorf("symbols title: %q", got)
	}
	if a := recs[3].Authors[0]; !a.Collective {
		t.Errorf("braced group author not collective: %+v", a)
	}
	if got := recs[1].Keywords[0]; got != "Henoch–Schönlein purpura" {
		t.Errorf("keyword: %q", got)
	}
}

func TestBibTeXRecordErrors(t *testing.T) {
	in := `@article{good1, title = {First}, year = 2017}

@article{broken, title = {Unclosed brace, year = 2017

@article{good2, title = {Second}}
@article{nocomma title = {x}}
@book{good3, title = {Third}}
`
	recs, errs := formattest.ReadAll(t, "bibtex", []byte(in))
	var titles []string
	for _, r := range recs {
		titles = append(titles, r.Title)
	}
	if want := []string{"First", "Second", "Third"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("titles = %q, want %q", titles, want)
	}
	wantErrs := []struct{ record, line int }{{2, 3}, {4, 6}}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors = %v, want %d", errs, len(wantErrs))
	}
	for i, err := range errs {
		var re *mappings.RecordError
		if !errors.As(err, &re) {
			t.Fatalf("error %v is not a *RecordError", err)
		}
		if re.Record != wantErrs[i].record || re.Line != wantErrs[i].line {
			t.Errorf("error %d: record %d line %d, want record %d line %d (%v)", i, re.Record, re.Line, wantErrs[i].record, wantErrs[i].line, re)
		}
	}
	if recs[1].Number != 3 || recs[2].Number != 5 {
		t.Errorf("numbers after errors: %d, %d", recs[1].Number, recs[2].Number)
	}
}

func TestBibTeXUnclosedAtEnd(t *testing.T) {
	recs, errs := formattest.ReadAll(t, "bibtex", []byte("@article{a, title = {A}}\n@article{b, title = {B"))
	if len(recs) != 1 || len(errs) != 1 {
		t.Fatalf("got %d records, %v", len(recs), errs)
	}
	var re *mappings.RecordError
	if !errors.As(errs[0], &re) || re.Record != 2 || re.Line != 2 {
		t.Errorf("error = %v", errs[0])
	}
}

// An undefined macro, in any value position, keeps its name as text (the
// nickng/bibtex parser once used here ended the program on one).
func TestBibTeXUndefinedMacrosDoNotExit(t *testing.T) {
	in := `@string{a = b # c}
@article{k, title = x # "y" # z, journal = {J} # q, pages = 12-13, note = 2017abc, year = 2017}`
	rec := bibOne(t, in)
	if rec.Title != "xyz" || rec.Journal.Title != "Jq" || rec.PageStart != "12" || rec.Issued.Year != 2017 {
		t.Errorf("got %+v", rec)
	}
}

func TestBibTeXStringMacroChain(t *testing.T) {
	in := `@STRING{etm = "Experimental and "}
@string(etm2 = etm # {Therapeutic Medicine})
@article{k, journal = ETM2}`
	if got := bibOne(t, in).Journal.Title; got != "Experimental and Therapeutic Medicine" {
		t.Errorf("journal = %q", got)
	}
}

func TestBibTeXConcurrent(t *testing.T) {
	// Readers share no state: parallel reads must not disturb each other.
	data := formattest.Fixture(t, "bibtex-multi.bib")
	done := make(chan int)
	for i := 0; i < 4; i++ {
		go func() {
			recs, _ := formattest.ReadAll(t, "bibtex", data)
			done <- len(recs)
		}()
	}
	for i := 0; i < 4; i++ {
		if n := <-done; n != 4 {
			t.Errorf("parallel read got %d records", n)
		}
	}
}

func TestSniffBibTeX(t *testing.T) {
	if sniffBibTeX(formattest.Fixture(t, "bibtex-etm.bib")) == 0 {
		t.Error("ETM fixture not recognised")
	}
	for _, in := range []string{"Contact me @home", `{"title":"@article{x"}`, "TY  - JOUR\nER  - \n"} {
		if s := sniffBibTeX([]byte(in)); s != 0 {
			t.Errorf("sniffBibTeX(%q) = %d", in, s)
		}
	}
}

func FuzzBibTeX(f *testing.F) {
	f.Add(formattest.Fixture(f, "bibtex-etm.bib"))
	f.Add(formattest.Fixture(f, "bibtex-multi.bib"))
	f.Add([]byte("@string{a = b}\n@article{k, title = a # {x} # \"y\", author = {A, B and {C D}}}"))
	f.Add([]byte("@article(k, title = {\\\"{u}$^{9}$\\textsuperscript{7}})"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for rec, err := range readBibTeX(bytes.NewReader(data)) {
			n++
			if err != nil {
				var re *mappings.RecordError
				if errors.As(err, &re) && (re.Record < 1 || re.Line < 1) {
					t.Fatalf("bad position in %v", err)
				}
				continue
			}
			if rec.Number < 1 || rec.Line < 1 || len(rec.Raw) == 0 {
				t.Fatalf("bad record position %d/%d", rec.Number, rec.Line)
			}
			if n > len(data)+1 {
				t.Fatal("more items than bytes")
			}
		}
	})
}

// TestBibTeXFuzzCrasherIsAnError is the input the fuzzer found that made
// the nickng/bibtex parser call log.Fatalf (an exit no recover can stop):
// broken braces around an undefined macro. Every entry must now come back
// as a record or a RecordError.
func TestBibTeXFuzzCrasherIsAnError(t *testing.T) {
	in := "@article{a,\n  title = {Broken {Henoch--Sch{\\\"o}ns, n} purpura},\n  journal = bmcpc,\n  KeywordZhang, Joch--Sch\\\"{o}nle},\n}\n" +
		"@article(b,\n  title = \"Application of umbe report},\n  journal   = bmcpc,\n  month = oct,\n)\n" +
		"@article{c, title = {Fine}, journal = undefinedmacro}\n"
	recs, errs := formattest.ReadAll(t, "bibtex", []byte(in))
	if len(recs)+len(errs) != 3 {
		t.Fatalf("got %d records and %d errors, want 3 in all", len(recs), len(errs))
	}
	last := recs[len(recs)-1]
	if last.Title != "Fine" || last.Journal.Title != "undefinedmacro" {
		t.Errorf("last record = %+v", last)
	}
}

// crossref: a child takes from its parent the fields it lacks (where and
// when it appeared), whether the parent comes after it (as BibTeX wants)
// or before; never the parent's title, authors or DOI. Order and numbers
// stay those of the file, and a child whose parent is missing is still
// read.
func TestBibTeXCrossref(t *testing.T) {
	in := `@INBOOK{cr1, AUTHOR = {Graham Gullam}, TITLE = {Great and Good Graphs}, CROSSREF = {cr_m}}
@INBOOK{cr2, AUTHOR = {Frederick Fumble}, TITLE = {Fabulous Fourier Forms}, YEAR = {1980}, CROSSREF = {CR_M}}
@BOOK{cr_m, EDITOR = {Edgar Erbriss}, TITLE = {Graphs of the Continent}, PUBLISHER = {Grimble}, YEAR = {1974}, DOI = {10.5555/book}}
@INBOOK{cr3, AUTHOR = {Arthur Aptitude}, TITLE = {Arrangements of All Articles}, CROSSREF = {cr_m}}
@INBOOK{cr4, AUTHOR = {Morris Mumble}, TITLE = {Enterprising Entities}, CROSSREF = {nowhere}}
`
	recs, errs := formattest.ReadAll(t, "bibtex", []byte(in))
	if len(errs) != 0 || len(recs) != 5 {
		t.Fatalf("got %d records, errors %v", len(recs), errs)
	}
	want := []struct {
		title, publisher, doi string
		year, line, authors   int
	}{
		{"Great and Good Graphs", "Grimble", "", 1974, 1, 1},
		{"Fabulous Fourier Forms", "Grimble", "", 1980, 2, 1},
		{"Graphs of the Continent", "Grimble", "10.5555/book", 1974, 3, 0}, // an editor is no author
		{"Arrangements of All Articles", "Grimble", "", 1974, 4, 1},
		{"Enterprising Entities", "", "", 0, 5, 1},
	}
	for i, w := range want {
		r := recs[i]
		if r.Number != i+1 || r.Line != w.line || r.Title != w.title || r.Publisher != w.publisher || r.DOI != w.doi || r.Issued.Year != w.year || len(r.Authors) != w.authors {
			t.Errorf("record %d: number %d line %d %q publisher %q DOI %q year %d authors %d", i+1, r.Number, r.Line, r.Title, r.Publisher, r.DOI, r.Issued.Year, len(r.Authors))
		}
	}
}

// A 1 KB chain of @string macros that each double the last (issue 11: it
// ran out of memory) is refused with a clear error past the cap, and the
// entries are still read.
func TestBibTeXMacroDoublingIsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("@string{a0 = \"xxxxxxxxxxxxxxxx\"}\n")
	for i := 1; i < 60; i++ {
		fmt.Fprintf(&b, "@string{a%d = a%d # a%d}\n", i, i-1, i-1)
	}
	b.WriteString("@article{k1, title = {Doubled} # a59 # a59 # a59 # a59 # a59, year = 2020}\n")
	b.WriteString("@article{k2, title = {Second entry}, author = {Li, Na}, year = 2021}\n")
	if b.Len() > 2048 {
		t.Fatalf("input is %d bytes; the case is a small input", b.Len())
	}
	recs, errs := formattest.ReadAll(t, "bibtex", []byte(b.String()))
	if len(errs) == 0 {
		t.Fatal("no error for the doubling chain")
	}
	for _, err := range errs {
		var re *mappings.RecordError
		if !errors.As(err, &re) || re.Line == 0 || !strings.Contains(err.Error(), "MiB") {
			t.Errorf("error %v does not name its line and the cap", err)
		}
	}
	var titles []string
	for _, r := range recs {
		if len(r.Title) > maxBibValue {
			t.Errorf("title of %d bytes, past the cap", len(r.Title))
		}
		titles = append(titles, r.Title[:min(len(r.Title), 12)])
	}
	if len(recs) == 0 || recs[len(recs)-1].Title != "Second entry" {
		t.Errorf("records %q: the entry after the chain is lost", titles)
	}
}
