package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/msckg/msckg/mappings"
)

func generate(t *testing.T, format string, n int, seed uint64) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, n, seed); err != nil {
		t.Fatalf("Write(%s, %d, %d): %v", format, n, seed, err)
	}
	return b.Bytes()
}

func TestWriteIsDeterministic(t *testing.T) {
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) {
			a, b := generate(t, f, 50, 7), generate(t, f, 50, 7)
			if !bytes.Equal(a, b) {
				t.Fatal("same seed and size gave different bytes")
			}
			if c := generate(t, f, 50, 8); bytes.Equal(a, c) {
				t.Fatal("seeds 7 and 8 gave the same bytes")
			}
		})
	}
}

// readAll reads data through msckg's own detection and reader.
func readAll(t *testing.T, data []byte, wantFormat string) []mappings.Record {
	t.Helper()
	f, r, err := mappings.Open(bytes.NewReader(data), "")
	if err != nil {
		t.Fatalf("mappings.Open: %v", err)
	}
	if f.Name != wantFormat {
		t.Fatalf("detected as %s, want %s", f.Name, wantFormat)
	}
	var recs []mappings.Record
	for rec, err := range f.Read(r) {
		if err != nil {
			var re *mappings.RecordError
			if errors.As(err, &re) {
				t.Errorf("rejected: %v", re)
				continue
			}
			t.Fatalf("reading: %v", err)
		}
		recs = append(recs, rec)
	}
	return recs
}

var readerName = map[string]string{"pubmed-xml": "pubmed-xml", "ris": "ris", "medline": "medline"}

func TestMsckgReadsEveryRecord(t *testing.T) {
	const n = 200
	ncts := regexp.MustCompile(`NCT\d{8}`)
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) {
			if _, ok := mappings.Lookup(readerName[f]); !ok {
				t.Fatalf("msckg has no reader named %s", readerName[f])
			}
			recs := readAll(t, generate(t, f, n, 1), readerName[f])
			if len(recs) != n {
				t.Fatalf("read %d records, want %d", len(recs), n)
			}
			g := newGenerator(1, n)
			withTrial := 0
			for i, rec := range recs {
				want := g.article(i)
				if rec.DOI != want.doi {
					t.Errorf("record %d: DOI %q, want %q", i+1, rec.DOI, want.doi)
				}
				if rec.PMID != want.pmid {
					t.Errorf("record %d: PMID %q, want %q", i+1, rec.PMID, want.pmid)
				}
				if len(rec.Authors) != len(want.authors) || len(rec.Authors) < 3 || len(rec.Authors) > 12 {
					t.Errorf("record %d: %d authors, want %d (3–12)", i+1, len(rec.Authors), len(want.authors))
				}
				for j := range min(len(rec.Authors), len(want.authors)) {
					got, w := rec.Authors[j], want.authors[j]
					if got.Family != w.family || got.Given != w.given || (f != "ris" && got.ORCID != w.orcid) {
						t.Errorf("record %d author %d: %q %q %q, want %q %q %q", i+1, j+1, got.Family, got.Given, got.ORCID, w.family, w.given, w.orcid)
					}
				}
				if rec.Issued.Year != want.year || want.year < 2005 || want.year > 2025 {
					t.Errorf("record %d: year %d, want %d (2005–2025)", i+1, rec.Issued.Year, want.year)
				}
				if rec.Journal.ISSN == "" && rec.Journal.EISSN == "" && len(rec.Journal.ISSNs) == 0 {
					t.Errorf("record %d: no valid ISSN read from journal %q", i+1, want.journal.title)
				}
				if rec.Title == "" || rec.Abstract.Text == "" {
					t.Errorf("record %d: empty title or abstract", i+1)
				}
				if ncts.MatchString(rec.Abstract.Text) {
					withTrial++
				}
			}
			if withTrial == 0 || withTrial == n {
				t.Errorf("%d of %d abstracts name a trial; want some, not all", withTrial, n)
			}
		})
	}
}

// TestPeopleRecur checks what makes the corpus useful for identity:
// co-authors publish together more than once, and different people
// (different affiliations) share a name.
func TestPeopleRecur(t *testing.T) {
	g := newGenerator(1, 2000)
	pairs := map[string]int{}
	affs := map[string]map[string]bool{}
	for i := range 2000 {
		a := g.article(i)
		for j, p := range a.authors {
			name := p.family + ", " + p.given
			if affs[name] == nil {
				affs[name] = map[string]bool{}
			}
			affs[name][p.affiliation] = true
			for _, q := range a.authors[j+1:] {
				pairs[name+"|"+q.family+", "+q.given]++
			}
		}
	}
	repeated := 0
	for _, c := range pairs {
		if c > 1 {
			repeated++
		}
	}
	shared := 0
	for _, a := range affs {
		if len(a) > 1 {
			shared++
		}
	}
	if repeated < 100 || shared < 50 {
		t.Errorf("%d co-author pairs recur, %d names have several affiliations; want >= 100 and >= 50", repeated, shared)
	}
}

func TestWriteMix(t *testing.T) {
	dir := t.TempDir()
	st, err := WriteMix(dir, 300, 3, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	dois := map[string]int{}
	for _, f := range Formats {
		file := specs[f].file
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		recs := readAll(t, data, readerName[f])
		if len(recs) != st.Records[file] {
			t.Errorf("%s: read %d records, stats say %d", file, len(recs), st.Records[file])
		}
		total += len(recs)
		for _, r := range recs {
			dois[r.DOI]++
		}
	}
	if total != st.Articles+st.Duplicates || st.Duplicates == 0 {
		t.Errorf("%d records for %d papers and %d duplicates", total, st.Articles, st.Duplicates)
	}
	twice := 0
	for _, c := range dois {
		if c == 2 {
			twice++
		}
	}
	if len(dois) != st.Articles || twice != st.Duplicates {
		t.Errorf("%d distinct DOIs (want %d), %d seen twice (want %d)", len(dois), st.Articles, twice, st.Duplicates)
	}
}

func TestRenderPowers(t *testing.T) {
	s := "dose " + pow("5", 7) + " to " + pow("1", 8) + " cells & <" + pow("", 9) + "/L"
	for _, c := range []struct {
		style powerStyle
		esc   func(string) string
		want  string
	}{
		{supStyle, xmlText, "dose 5×10<sup>7</sup> to 1×10<sup>8</sup> cells &amp; &lt;×10<sup>9</sup>/L"},
		{parenStyle, nil, "dose 5x10(7) to 1x10(8) cells & <x10(9)/L"},
		{flatStyle, nil, "dose 5x107 to 1x108 cells & <x109/L"},
	} {
		if got := render(s, c.style, c.esc); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}

func TestCheckDigits(t *testing.T) {
	for i := range 100 {
		if s := issnWithCheck(2990001 + 37*i); mappings.NormalizeISSN(s) != s {
			t.Errorf("ISSN %s has a wrong check digit", s)
		}
	}
	if got := issnWithCheck(1792098); got != "1792-0981" {
		t.Errorf("issnWithCheck(1792098) = %s, want 1792-0981", got)
	}
	if got := initials("Li-Na") + " " + initials("James"); got != "LN J" {
		t.Errorf("initials = %q", got)
	}
}
