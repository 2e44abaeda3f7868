package mappings

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// The formats these tests read are registered by their own packages, all
// linked into this test binary by conformance_test.go.

func TestJSONRecordsPositionsAndRaw(t *testing.T) {
	in := "\xef\xbb\xbf{\"meta\": {\"a\": [1, 2]},\n \"results\": [\n  {\"id\": 1},\n\n  {\"id\":\n 2}  ,  {\"id\": 3}\n]}\n"
	var got []string
	for it, err := range jsonRecords(strings.NewReader(in), []jsonWrapper{{Path: []string{"results"}}}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d:%s", it.Line, it.Raw))
	}
	want := []string{`3:{"id": 1}`, "5:{\"id\":\n 2}", `6:{"id": 3}`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestJSONRecordsBareObjectRaw(t *testing.T) {
	in := "\n\n  {\"DOI\": \"10.1000/x\",\n \"title\": [\"T\"]}  \n"
	for it, err := range jsonRecords(strings.NewReader(in), []jsonWrapper{{Path: []string{"message", "items"}}}) {
		if err != nil || it.Line != 3 || string(it.Raw) != "{\"DOI\": \"10.1000/x\",\n \"title\": [\"T\"]}" {
			t.Errorf("got %d %q %v", it.Line, it.Raw, err)
		}
	}
}

// A work-list far larger than the decoder's buffer streams through with
// the right count and lines; the reader never needs the whole input.
func TestJSONRecordsLargeList(t *testing.T) {
	const n = 5000
	pr, pw := io.Pipe()
	go func() {
		fmt.Fprint(pw, `{"message-type":"work-list","message":{"items":[`+"\n")
		for i := 0; i < n; i++ {
			sep := ","
			if i == n-1 {
				sep = ""
			}
			fmt.Fprintf(pw, `{"DOI":"10.1000/%d","title":["Work %d"],"abstract":"<jats:p>%s</jats:p>"}%s`+"\n", i, i, strings.Repeat("text ", 50), sep)
		}
		fmt.Fprint(pw, "]}}\n")
		pw.Close()
	}()
	count := 0
	for rec, err := range registeredRead("crossref-json")(pr) {
		if err != nil {
			t.Fatal(err)
		}
		count++
		if rec.Line != count+1 || rec.DOI != fmt.Sprintf("10.1000/%d", count-1) {
			t.Fatalf("record %d: line %d doi %s", count, rec.Line, rec.DOI)
		}
	}
	if count != n {
		t.Errorf("read %d records, want %d", count, n)
	}
}

func TestJSONRecordsStopEarly(t *testing.T) {
	// A consumer that stops must not be called again.
	calls := 0
	for range registeredRead("csl-json")(strings.NewReader(`[{"title":"a"},{"title":"b"},{"title":"c"}]`)) {
		calls++
		break
	}
	if calls != 1 {
		t.Errorf("calls = %d", calls)
	}
}

func TestJSONRecordsNotJSONContainer(t *testing.T) {
	for _, in := range []string{`"just a string"`, `42`, `nul`} {
		recs, errs := readAll(t, "csl-json", []byte(in))
		if len(recs) != 0 || len(errs) != 1 {
			t.Errorf("%q: %d records, %v", in, len(recs), errs)
		}
	}
	if recs, errs := readAll(t, "csl-json", []byte("  \n")); len(recs)+len(errs) != 0 {
		t.Errorf("empty input: %v %v", recs, errs)
	}
}

// Every fixture is detected by content as its own format, never as one
// of the other export formats.
func TestDetectExportFixtures(t *testing.T) {
	for file, want := range map[string]string{
		"bibtex-etm.bib": "bibtex", "bibtex-multi.bib": "bibtex",
		"csl-etm.json": "csl-json", "csl-multi.json": "csl-json",
		"crossref-etm.json": "crossref-json", "crossref-worklist.json": "crossref-json",
		"openalex-results.json": "openalex-json", "s2-batch.json": "s2-api-json",
	} {
		got, err := Detect(readFixture(t, file))
		if err != nil || got.Name != want {
			t.Errorf("%s detected as %v (%v), want %s", file, got, err, want)
		}
	}
}

// A JSON Lines file (an OpenAlex snapshot part: one work per line) gives
// every line's record, not only the first; anything after a top-level
// array is reported, never dropped silently.
func TestJSONLinesAndTrailingData(t *testing.T) {
	jsonl := `{"id":"https://openalex.org/W1","title":"One","publication_year":1992,"doi":"https://doi.org/10.1021/ac00033a733"}` + "\n" +
		`{"id":"https://openalex.org/W2","title":"Two","publication_year":2008}` + "\n" +
		"\n" + `{"id":"https://openalex.org/W3","title":"Three"}` + "\n"
	recs, errs := readAll(t, "openalex-json", []byte(jsonl))
	if len(errs) != 0 || len(recs) != 3 {
		t.Fatalf("got %d records, errors %v; want 3", len(recs), errs)
	}
	for i, want := range []struct {
		title string
		line  int
	}{{"One", 1}, {"Two", 2}, {"Three", 4}} {
		r := recs[i]
		if r.Title != want.title || r.Number != i+1 || r.Line != want.line || !strings.HasPrefix(string(r.Raw), `{"id":"https://openalex.org/W`) || !strings.HasSuffix(string(r.Raw), "}") {
			t.Errorf("record %d: %q number %d line %d raw %q", i+1, r.Title, r.Number, r.Line, r.Raw)
		}
	}
	if recs[0].DOI != "10.1021/ac00033a733" || recs[1].Issued.Year != 2008 {
		t.Errorf("fields: %q %d", recs[0].DOI, recs[1].Issued.Year)
	}

	recs, errs = readAll(t, "csl-json", []byte(`[{"id":"a","title":"One","type":"article-journal"}]`+"\n"+`[{"id":"b","title":"Two"}]`))
	var re *RecordError
	if len(recs) != 1 || len(errs) != 1 || !errors.As(errs[0], &re) || re.Record != 2 || re.Line != 2 {
		t.Errorf("array then more data: %d records, errors %v; want 1 and record 2 (line 2) reported", len(recs), errs)
	}
}

// After a syntax error or nesting past the decoder's depth limit, JSON
// Lines and arrays of records pick up at the next record (issue 11: the
// later well-formed records vanished): N records in = read + rejected,
// each rejection named with its record number and line.
func TestJSONResyncAfterBrokenRecords(t *testing.T) {
	work := func(i int) string {
		return fmt.Sprintf(`{"id":"https://openalex.org/W%d","title":"Work %d","publication_year":2020}`, i, i)
	}
	deep := `{"id":"https://openalex.org/W9","x":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`
	for _, c := range []struct {
		name, format, in string
		titles           []string
		rejected         map[int]int // record → line
	}{
		{"jsonl: syntax error", "openalex-json",
			work(1) + "\n" + `{"id":"https://openalex.org/W2","title":"x" "y"}` + "\n" + work(3) + "\n",
			[]string{"Work 1", "Work 3"}, map[int]int{2: 2}},
		{"jsonl: cut short", "openalex-json",
			work(1) + "\n" + `{"id":"https://openalex.org/W2","title":"broken",` + "\n" + work(3) + "\n" + work(4) + "\n",
			[]string{"Work 1", "Work 3", "Work 4"}, map[int]int{2: 2}},
		{"jsonl: too deep", "openalex-json",
			work(1) + "\n" + deep + "\n" + work(3) + "\n",
			[]string{"Work 1", "Work 3"}, map[int]int{2: 2}},
		{"jsonl: not an object", "openalex-json",
			work(1) + "\n42\n" + work(3) + "\n",
			[]string{"Work 1", "Work 3"}, map[int]int{2: 2}},
		{"jsonl: values that are no objects", "openalex-json",
			work(1) + "\nnull\n42\n" + work(4) + "\n",
			[]string{"Work 1", "Work 4"}, map[int]int{2: 2, 3: 3}},
		{"jsonl: missing quote, then a value that is no object", "openalex-json",
			work(1) + "\n" + `{"id:"https://openalex.org/W2","title":"Two"}` + "\n42\n" + work(4) + "\n",
			[]string{"Work 1", "Work 4"}, map[int]int{2: 2, 3: 3}},
		{"array: missing quote, then null, one a line", "csl-json",
			"[\n{\"title\":\"A\"},\n{\"title:\"B\",\"x\":\"y\"},\nnull,\n{\"title\":\"D\"}\n]\n",
			[]string{"A", "D"}, map[int]int{2: 3, 3: 4}},
		{"array: missing quote, pretty-printed", "csl-json",
			"[\n  {\n    \"title\": \"A\"\n  },\n  {\n    \"title: \"B\",\n    \"author\": [\n      {\"family\": \"X\"}\n    ]\n  },\n  {\n    \"title\": \"C\"\n  }\n]\n",
			[]string{"A", "C"}, map[int]int{2: 5}},
		{"array: syntax error, compact", "csl-json",
			`[{"title":"A"},{"title":"B" "x"},{"title":"C"}]`,
			[]string{"A", "C"}, map[int]int{2: 1}},
		{"array: cut short, one per line", "csl-json",
			"[\n  {\"title\":\"A\"},\n  {\"title\":\"B\",\n  {\"title\":\"C\"},\n  {\"title\":\"D\"}\n]\n",
			[]string{"A", "C", "D"}, map[int]int{2: 3}},
		{"array: too deep", "csl-json",
			"[\n{\"title\":\"A\"},\n{\"x\":" + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "},\n{\"title\":\"C\"}\n]",
			[]string{"A", "C"}, map[int]int{2: 3}},
		{"wrapper: broken item", "openalex-json",
			"{\"meta\":{},\"results\":[\n" + work(1) + ",\n{\"id\":\"https://openalex.org/W2\",\"title\":}\n," + work(3) + "\n]}\n",
			[]string{"Work 1", "Work 3"}, map[int]int{2: 3}},
	} {
		t.Run(c.name, func(t *testing.T) {
			recs, errs := readAll(t, c.format, []byte(c.in))
			var titles []string
			for _, r := range recs {
				titles = append(titles, r.Title)
			}
			if strings.Join(titles, "|") != strings.Join(c.titles, "|") {
				t.Errorf("records %q, want %q (errors %v)", titles, c.titles, errs)
			}
			if len(recs)+len(errs) != len(c.titles)+len(c.rejected) {
				t.Errorf("%d read + %d rejected, want %d records in all: %v", len(recs), len(errs), len(c.titles)+len(c.rejected), errs)
			}
			for _, err := range errs {
				var re *RecordError
				if !errors.As(err, &re) || c.rejected[re.Record] != re.Line {
					t.Errorf("rejection %v, want one of record→line %v", err, c.rejected)
				}
			}
		})
	}
}

// A broken input that never shows a next record says the rest is unread,
// naming its lines; so does a wrapper broken before its records, where
// no record can be told apart.
func TestJSONResyncNothingAfter(t *testing.T) {
	for _, c := range []struct{ format, in, want string }{
		{"csl-json", `[{"title":"A"},{"title": "B`, "rest of the input is not read (lines 1 to 1,"},
		{"openalex-json", "{\n  \"meta\": {\"count\" 2},\n  \"results\": [\n    {\"id\": \"https://openalex.org/W1\", \"title\": \"A\"},\n    {\"id\": \"https://openalex.org/W2\", \"title\": \"B\"}\n  ]\n}\n",
			"rest of the input is not read (lines 1 to 7,"},
		{"crossref-json", "{\"message\": {\"x\": 1 \"y\": 2,\n\"items\": [\n{\"title\": [\"A\"]}\n]}}\n",
			"records cannot be told apart, so the rest of the input is not read (lines 1 to 4,"},
	} {
		_, errs := readAll(t, c.format, []byte(c.in))
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) {
			t.Errorf("%s: errors %v, want one saying %q", c.format, errs, c.want)
		}
	}
}
