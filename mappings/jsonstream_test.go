package mappings

import (
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
