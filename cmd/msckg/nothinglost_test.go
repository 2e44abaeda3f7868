package main

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
)

// lostCase is one reader's proof that it loses nothing: a real fixture
// with records it must reject (untitled without an identifier, a value
// of the wrong JSON type, a BibTeX syntax error) put among the good ones,
// and a count of the records in the file made without the reader (a
// pattern, or the JSON or CSV structure), so that a skipped record shows.
type lostCase struct {
	fixture string              // below the repository root
	bad     string              // records the reader must reject
	after   string              // they go right after this text of the fixture ("" appends them)
	count   func([]byte) int    // records in the file, counted independently of the reader
	reject  int                 // records of the finished file the reader must reject
	page    bool                // a format of one record per file: a good page and bad as a second file
	extra   func([]byte) []byte // further edits of the finished file (nil: none)
	line    int                 // the line extra's bad record starts on
}

// A page that is no record of any kind (a cookie wall saved by mistake).
const junkPage = "Skip to main content\nCookie settings\nAccept all cookies\nSign in\n"

var nothingLostCases = map[string]lostCase{
	// An abstract read alone: the second copy joins the first by its text.
	"abstract": {fixture: "testdata/formats/abstract/etm-ucmsc-itp.txt", page: true, bad: junkPage, reject: 1},
	"bibtex": {fixture: "testdata/formats/bibtex-multi.bib", after: "@String{medicine = {Medicine}}\n",
		bad: "@article{nolost_untitled,\n  year = {2020},\n  journal = medicine\n}\n@article{nolost_broken title = {No comma after the key}}\n", count: countBibTeX, reject: 2},
	"crossref-json": {fixture: "testdata/formats/crossref-worklist.json", after: `"items": [`,
		bad: "\n" + `{"type": "journal-article", "volume": "3"},` + "\n" + `{"DOI": "10.5555/wrong-type", "title": 5},`, count: jsonLen("message", "items"), reject: 2},
	"csl-json": {fixture: "testdata/formats/csl-multi.json", after: "[",
		bad: "\n" + `{"type": "article-journal", "volume": "3"},` + "\n" + `{"type": "article-journal", "title": {"no": "string"}},`, count: jsonLen(), reject: 2},
	"ctgov-json": {fixture: "testdata/formats/ctgov-studies.json", after: `"studies": [`,
		bad: "\n" + `{"protocolSection": {"statusModule": {"overallStatus": "RECRUITING"}}},` + "\n" + `{"protocolSection": {"identificationModule": {"nctId": 5}}},`, count: jsonLen("studies"), reject: 2},
	// The fixture's third record has neither title nor identifier.
	"endnote-xml": {fixture: "testdata/formats/endnote/endnote-msc-itp.xml", after: "<records>",
		bad:   `<record><ref-type name="Journal Article">17</ref-type><dates><year>2020</year></dates></record>`,
		count: countMatches(`<record>`), reject: 2},
	"jats-xml": {fixture: "testdata/formats/jats/jats-msc-itp.xml", after: "<pmc-articleset>",
		bad:   "\n<article><front><article-meta><pub-date><year>2020</year></pub-date></article-meta></front></article>",
		count: countMatches(`<article[\s>]`), reject: 1},
	"medline": {fixture: "testdata/formats/medline-multi.nbib", after: "\n",
		bad: "PMID- \nSTAT- MEDLINE\nDP  - 2020\nAB  - An abstract without a title or a PMID.\n\n", count: countMatches(`(?m)^PMID-`), reject: 1},
	"openalex-json": {fixture: "testdata/formats/openalex-results.json", after: `"results": [`,
		bad: "\n" + `{"id": "https://openalex.org/W1", "publication_year": 2020},` + "\n" + `{"id": "https://openalex.org/W2", "display_name": ["not", "a", "string"]},`, count: jsonLen("results"), reject: 2},
	"pubmed-xml": {fixture: "testdata/formats/pubmed-multi.xml", after: "<PubmedArticleSet>",
		bad:   "\n<PubmedArticle><MedlineCitation><Article><Journal><Title>A journal</Title></Journal></Article></MedlineCitation></PubmedArticle>",
		count: countMatches(`<Pubmed(Book)?Article>`), reject: 1},
	// The fixture's second element is null.
	"s2-api-json": {fixture: "testdata/formats/s2-batch.json", after: "[",
		bad: "\n" + `{"paperId": "0000000000000000000000000000000000000000", "year": 2020},` + "\n" + `{"paperId": "1111111111111111111111111111111111111111", "title": [1]},`, count: jsonLen(), reject: 3},
	// One record, then one to reject, then the first again (it merges).
	"ris": {fixture: "testdata/formats/ris-zotero-etm.ris",
		bad: "TY  - JOUR\r\nPY  - 2020\r\nN1  - A note and nothing else\r\nER  - \r\n\r\n", count: countMatches(`(?m)^\x{FEFF}?TY  - `), reject: 1,
		extra: func(b []byte) []byte {
			return append(b, bytes.TrimPrefix(b[:bytes.Index(b, []byte("ER  - "))+8], []byte("\ufeff"))...)
		}},
	// The fixture's third record has neither title nor identifier.
	"scopus-csv": {fixture: "testdata/formats/scopus/scopus-msc-itp.csv", count: csvRows(','), reject: 2, line: 2,
		extra: func(b []byte) []byte { return insertRow(b, ',') }},
	"wos": {fixture: "testdata/formats/wos/wos-msc-itp.txt", after: "VR 1.0\n",
		bad: "PT J\nAU Nobody, A\nPY 2020\nER\n\n", count: countMatches(`(?m)^PT `), reject: 2},
	"wos-tab": {fixture: "testdata/formats/wos/wos-msc-itp-tab-utf8.txt", count: csvRows('\t'), reject: 2, line: 2,
		extra: func(b []byte) []byte { return insertRow(b, '\t') }},

	"labelled-page": {fixture: "testdata/formats/pages/11-plosone.txt", page: true, bad: junkPage, reject: 1},
	"s2-page":       {fixture: "testdata/seeds/000_33f487b38e5875d3.txt", page: true, bad: `{"authors":"Tong Tong","platform":"Semanticscholar"}`, reject: 1},
	"vufind-page":   {fixture: "testdata/seeds/002_f14aad962dea6a36.txt", page: true, bad: junkPage, reject: 1},
	"wprim-page":    {fixture: "testdata/seeds/001_a0a790d5c9b31914.txt", page: true, bad: junkPage, reject: 1},
	"zendy-page":    {fixture: "testdata/seeds/003_cb46faab3a843d5b.txt", page: true, bad: junkPage, reject: 1},
}

var summaryLine = regexp.MustCompile(`(?m)^msckg: (\d+) file\(s\), (\d+) record\(s\) read: (\d+) paper\(s\) built, (\d+) trial registration\(s\), (\d+) merged into an existing paper, (\d+) rejected$`)

// TestNothingLostEveryReader proves issue 11's "nothing lost silently"
// for every registered format: its file of N records, some of which it
// must reject, builds into N = built + merged + rejected, and every
// rejection names the file, the record and the line it starts on. The
// file is built twice (as two files), so the second copy's records merge.
// A format without a case fails, so a new reader cannot skip the proof.
func TestNothingLostEveryReader(t *testing.T) {
	inRepoRoot(t)
	for _, f := range mappings.Formats() {
		c, ok := nothingLostCases[f.Name]
		if !ok {
			t.Errorf("format %s has no case in nothingLostCases: give it a file of several records with ones it must reject", f.Name)
			continue
		}
		t.Run(f.Name, func(t *testing.T) { c.run(t, f.Name) })
	}
	for name := range nothingLostCases {
		if _, ok := mappings.Lookup(name); !ok {
			t.Errorf("nothingLostCases has %s, which is no registered format", name)
		}
	}
}

func (c lostCase) run(t *testing.T, format string) {
	dir := t.TempDir()
	good := mustRead(t, c.fixture)
	files := map[string][]byte{}
	var badLine int // where the first bad record starts, in the file holding it
	var badFile string
	if c.page {
		files["a.txt"], files["b.txt"], files["c.txt"] = good, good, []byte(c.bad)
		badFile, badLine = "c.txt", 1
	} else {
		data := good
		if c.bad != "" {
			at := len(data)
			if c.after != "" {
				i := bytes.Index(data, []byte(c.after))
				if i < 0 {
					t.Fatalf("%s: %q is not in the fixture", c.fixture, c.after)
				}
				at = i + len(c.after)
			}
			data = append(data[:at:at], append([]byte(c.bad), data[at:]...)...)
			lead := len(c.bad) - len(strings.TrimLeft(c.bad, "\r\n"))
			badLine = 1 + bytes.Count(data[:at+lead], []byte("\n"))
		}
		if c.extra != nil {
			data = c.extra(data)
		}
		if c.line > 0 {
			badLine = c.line
		}
		if f, err := mappings.Detect(data[:min(len(data), mappings.SniffSize)]); err != nil || f.Name != format {
			t.Fatalf("the file is detected as %v (%v), want %s", f, err, format)
		}
		ext := filepath.Ext(c.fixture)
		files["a"+ext], files["b"+ext] = data, data
		badFile = "a" + ext
	}
	n, reject := 0, 0
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		switch {
		case !c.page:
			n, reject = n+c.count(data), reject+c.reject
		case name == badFile:
			n, reject = n+1, reject+c.reject
		default:
			n++
		}
	}
	if !c.page && n/2 < 3 {
		t.Fatalf("the file holds %d records; give the case at least three, one of them to reject", n/2)
	}

	s, problems := buildCounted(t, format, dir)
	if s.read != n || s.sum() != n {
		t.Errorf("%d records in the files; the summary reads %d: %d papers + %d trials + %d merged + %d rejected = %d",
			n, s.read, s.papers, s.trials, s.merged, s.rejected, s.sum())
	}
	if s.rejected != reject {
		t.Errorf("%d rejected, want %d", s.rejected, reject)
	}
	if s.papers+s.trials == 0 || s.merged == 0 {
		t.Errorf("%d built and %d merged: the case should build records and merge the second copy", s.papers+s.trials, s.merged)
	}
	badNamed := false
	for _, p := range problems {
		if lines := bytes.Count(files[p.file], []byte("\n")) + 1; p.line > lines {
			t.Errorf("record %d, line %d: not a record and line of %s (%d lines)", p.record, p.line, p.file, lines)
		}
		badNamed = badNamed || (p.file == badFile && p.line == badLine)
	}
	if badLine > 0 && !badNamed {
		t.Errorf("no rejection names %s line %d, where the inserted bad record starts:\n%s", badFile, badLine, s.stderr)
	}
}

// buildSummary is what a build's summary line counts.
type buildSummary struct {
	read, papers, trials, merged, rejected int
	stderr                                 string
}

func (s buildSummary) sum() int { return s.papers + s.trials + s.merged + s.rejected }

// namedProblem is a rejection as the build reports it.
type namedProblem struct {
	file         string // below the folder built
	record, line int
}

// buildCounted builds the files of dir as format and returns the summary
// and the rejections. Every line about a file of the input must be a
// warning or a rejection naming file, record and line, and the
// rejections named must be as many as the summary counts.
func buildCounted(t *testing.T, format, dir string) (buildSummary, []namedProblem) {
	t.Helper()
	code, _, stderr := runCLI(t, "", "build", "--from", format, dir, "-o", filepath.Join(t.TempDir(), "out.nq"))
	if code == 2 || code > 3 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	m := summaryLine.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary line:\n%s", stderr)
	}
	num := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
	s := buildSummary{read: num(2), papers: num(3), trials: num(4), merged: num(5), rejected: num(6), stderr: stderr}
	named := regexp.MustCompile(`^msckg: (warning: )?` + regexp.QuoteMeta(dir+string(filepath.Separator)) + `([^:]+): record (\d+) \(line (\d+)\): \S`)
	var problems []namedProblem
	for _, line := range strings.Split(stderr, "\n") {
		if !strings.HasPrefix(line, "msckg: "+dir) && !strings.HasPrefix(line, "msckg: warning: "+dir) {
			continue
		}
		r := named.FindStringSubmatch(line)
		if r == nil {
			t.Errorf("a problem that does not name file, record and line: %s", line)
			continue
		}
		rec, _ := strconv.Atoi(r[3])
		ln, _ := strconv.Atoi(r[4])
		if rec < 1 || ln < 1 {
			t.Errorf("record %d, line %d: %s", rec, ln, line)
		}
		if r[1] == "" {
			problems = append(problems, namedProblem{file: r[2], record: rec, line: ln})
		}
	}
	if len(problems) != s.rejected {
		t.Errorf("%d rejections named, %d counted:\n%s", len(problems), s.rejected, stderr)
	}
	return s, problems
}

// sortedKeys returns the keys of m in order.
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// countMatches counts the records of a file by a pattern that starts each.
func countMatches(pattern string) func([]byte) int {
	re := regexp.MustCompile(pattern)
	return func(b []byte) int { return len(re.FindAllIndex(b, -1)) }
}

// countBibTeX counts entries, not @string, @preamble and @comment.
func countBibTeX(b []byte) int {
	n := 0
	for _, m := range regexp.MustCompile(`(?m)^@(\w+)\s*[{(]`).FindAllSubmatch(b, -1) {
		switch strings.ToLower(string(m[1])) {
		case "string", "preamble", "comment":
		default:
			n++
		}
	}
	return n
}

// jsonLen counts the elements of the array found by following keys.
func jsonLen(keys ...string) func([]byte) int {
	return func(b []byte) int {
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			return -1
		}
		for _, k := range keys {
			obj, _ := v.(map[string]any)
			v = obj[k]
		}
		a, _ := v.([]any)
		return len(a)
	}
}

// csvRows counts the rows below the header.
func csvRows(sep rune) func([]byte) int {
	return func(b []byte) int {
		r := csv.NewReader(bytes.NewReader(b))
		r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
		rows, err := r.ReadAll()
		if err != nil {
			return -1
		}
		return len(rows) - 1
	}
}

// insertRow puts an empty row (only a year) right below the header: a
// record with neither title nor identifier.
func insertRow(b []byte, sep byte) []byte {
	end := bytes.IndexByte(b, '\n') + 1
	header := strings.Split(strings.TrimRight(string(b[:end]), "\r\n"), string(sep))
	row := make([]string, len(header))
	for i, h := range header {
		if strings.Trim(h, "\ufeff\"") == "PY" || strings.Trim(h, "\ufeff\"") == "Year" {
			row[i] = "2020"
		}
	}
	nl := "\n"
	if bytes.HasSuffix(b[:end], []byte("\r\n")) {
		nl = "\r\n"
	}
	return append(b[:end:end], append([]byte(strings.Join(row, string(sep))+nl), b[end:]...)...)
}
