package mappings

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestJSONRecordsPositionsAndRaw(t *testing.T) {
	in := "\xef\xbb\xbf{\"meta\": {\"a\": [1, 2]},\n \"results\": [\n  {\"id\": 1},\n\n  {\"id\":\n 2}  ,  {\"id\": 3}\n]}\n"
	var got []string
	for it, err := range jsonRecords(strings.NewReader(in), openAlexWrappers) {
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
	for it, err := range jsonRecords(strings.NewReader(in), crossrefWrappers) {
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
	for rec, err := range readCrossref(pr) {
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
	for range readCSLJSON(strings.NewReader(`[{"title":"a"},{"title":"b"},{"title":"c"}]`)) {
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
