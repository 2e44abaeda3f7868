package export

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

// spillDataset is the tricky dataset plus enough generated statements,
// repeated in several graphs and added in a shuffled order, that a small
// budget spills many runs and duplicates land in different runs.
func spillDataset(t testing.TB) []rdf.Quad {
	qs := trickyDataset(t)
	for i := range 400 {
		paper := iri(fmt.Sprintf("%spaper/pmid/%d", base, 1000+i))
		g := fmt.Sprintf("%ssource/%04x", base, i%7)
		qs = append(qs,
			q(paper, rdfType, iri(mkg+"Paper"), g),
			q(paper, rdfsLabel, str(trickyStrings[i%len(trickyStrings)]+fmt.Sprint(i%13)), g),
			q(paper, mkg+"sharesAuthorWith", iri(fmt.Sprintf("%spaper/pmid/%d", base, 1000+(i*7)%400)), base+"graph/derived"),
			q(paper, mkg+"patients", typed(fmt.Sprint(i%50), xsdInteger), g),
		)
	}
	qs = append(qs, qs[:len(qs)/3]...) // duplicates
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
	return qs
}

func storeWithBudget(t *testing.T, quads []rdf.Quad, budget int) *Store {
	t.Helper()
	st := NewStore(budget, "")
	t.Cleanup(func() { st.Close() })
	for _, q := range quads {
		if err := st.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// TestStoreSpillGivesSameBytes: a store that sorted on disk in many runs
// writes every format byte for byte as one that stayed in memory, and a
// store can be written several times.
func TestStoreSpillGivesSameBytes(t *testing.T) {
	quads := spillDataset(t)
	mem := storeWithBudget(t, quads, 0)
	disk := storeWithBudget(t, quads, 2048)
	if mem.Spilled() || !disk.Spilled() {
		t.Fatalf("spilled: in memory %v, on disk %v", mem.Spilled(), disk.Spilled())
	}
	if len(disk.triples.runs) < 10 {
		t.Fatalf("only %d runs: the test does not exercise the merge", len(disk.triples.runs))
	}
	n1, err1 := mem.Len()
	n2, err2 := disk.Len()
	if err1 != nil || err2 != nil || n1 != n2 || n1 != len(keys(t, quads, false)) {
		t.Fatalf("Len: in memory %d (%v), on disk %d (%v), distinct %d", n1, err1, n2, err2, len(keys(t, quads, false)))
	}
	for _, f := range Formats() {
		for round := range 2 {
			var a, b bytes.Buffer
			if err := f.Write(&a, mem, Options{Prefixes: testPrefixes}); err != nil {
				t.Fatalf("%s in memory: %v", f.Name, err)
			}
			if err := f.Write(&b, disk, Options{Prefixes: testPrefixes}); err != nil {
				t.Fatalf("%s on disk: %v", f.Name, err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s (write %d): spilled store wrote different bytes", f.Name, round+1)
			}
			if a.Len() == 0 {
				t.Errorf("%s: nothing written", f.Name)
			}
		}
	}
	dir := disk.tempDir
	if err := disk.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("Close left %s behind: %v", dir, err)
	}
}

// TestStoreMatchesSlice: the store's quad and union orders are the
// writers' compareQuad and compareTriple orders over the checked terms.
func TestStoreMatchesSlice(t *testing.T) {
	quads := spillDataset(t)
	st := storeWithBudget(t, quads, 4096)
	want, err := prepare(quads)
	if err != nil {
		t.Fatal(err)
	}
	wantQuads := sortedQuads(slices.Clone(want))
	var got []stmt
	if err := st.eachQuad(func(s stmt) error { got = append(got, s); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, wantQuads) {
		t.Errorf("quad order: got %d statements, want %d; first difference at %d", len(got), len(wantQuads), firstDiff(got, wantQuads))
	}
	wantUnion := sortedUnion(want)
	got = nil
	if err := st.eachTriple(func(s stmt) error { got = append(got, s); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, wantUnion) {
		t.Errorf("union order: got %d triples, want %d; first difference at %d", len(got), len(wantUnion), firstDiff(got, wantUnion))
	}
}

func firstDiff(a, b []stmt) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestRecordEncodingKeepsOrder: comparing encoded terms byte by byte
// orders them as term.compare does, NUL and \x01 bytes included.
func TestRecordEncodingKeepsOrder(t *testing.T) {
	parts := []string{"", "\x00", "\x01", "\x02", "a", "a\x00", "a\x00b", "a\x01", "ab", "b", "é", "\x00\x01"}
	var terms []term
	for _, v := range parts {
		terms = append(terms, term{kind: kindIRI, value: v}, term{kind: kindBlank, value: v})
		for _, dt := range parts[:5] {
			terms = append(terms, term{kind: kindLiteral, value: v, datatype: dt})
			terms = append(terms, term{kind: kindLiteral, value: v, datatype: rdfLangString, lang: dt})
		}
	}
	terms = append(terms, term{})
	enc := func(x term) string {
		return string(appendQuad(nil, stmt{g: term{}, s: x, p: x, o: x}))
	}
	for _, x := range terms {
		rec := enc(x)
		got, err := decodeStmt(rec, true)
		if err != nil || got.s != x || got.o != x {
			t.Fatalf("round trip of %#v: %#v, %v", x, got.s, err)
		}
		for _, y := range terms {
			want := x.compare(y)
			if got := cmpStrings(enc(x), enc(y)); sign(got) != sign(want) {
				t.Errorf("%#v vs %#v: encoded order %d, term order %d", x, y, got, want)
			}
		}
	}
	if _, err := decodeStmt("B\x00", true); err == nil {
		t.Error("a truncated record decoded without error")
	}
}

func cmpStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func sign(n int) int { return cmp.Compare(n, 0) }

// TestStoreRefusesBadQuad: a bad term is refused when it is added, with
// the quad's position and the term's role, and nothing of it is kept.
func TestStoreRefusesBadQuad(t *testing.T) {
	st := NewStore(0, "")
	defer st.Close()
	good := q(iri(ex+"s"), ex+"p", str("x"), "")
	relative, err := rdf.NewIRI("no/scheme")
	if err != nil {
		t.Fatal(err)
	}
	bad := q(iri(ex+"s"), ex+"p", relative, "")
	if err := st.Add(good); err != nil {
		t.Fatal(err)
	}
	err = st.Add(bad)
	if err == nil || !strings.HasPrefix(err.Error(), "quad 1: object: invalid IRI") {
		t.Fatalf("bad literal: %v", err)
	}
	if n, _ := st.Len(); n != 1 {
		t.Errorf("Len = %d, want 1", n)
	}
	if err := st.Add(good); err == nil {
		t.Error("Add after Len accepted a quad")
	}
}

// TestRunFileRoundTrip: front-coded records read back exactly, including
// an empty record and records that are prefixes of the next; a cut file
// is an error, not a short read.
func TestRunFileRoundTrip(t *testing.T) {
	recs := []string{"", "a", "a", "a\x00b", "ab", "abc", "abd", "b", strings.Repeat("x", 70000), strings.Repeat("x", 70001) + "y"}
	var buf bytes.Buffer
	w := newRunWriter(&buf)
	for _, r := range recs {
		w.write(r)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	full := buf.Len()
	r := newRunReader(bytes.NewReader(buf.Bytes()))
	for i, want := range recs {
		got, err := r.read()
		if err != nil || got != want {
			t.Fatalf("record %d: %q, %v; want %q", i, shorten(got), err, shorten(want))
		}
	}
	if _, err := r.read(); err != io.EOF {
		t.Errorf("after the last record: %v, want EOF", err)
	}
	r = newRunReader(bytes.NewReader(buf.Bytes()[:full-3]))
	var err error
	for err == nil {
		_, err = r.read()
	}
	if err == io.EOF {
		t.Error("a truncated run file read as complete")
	}
}

func shorten(s string) string {
	if len(s) > 20 {
		return s[:20] + "…"
	}
	return s
}

// TestStoreKeepsEachTripleOnce: a triple added in several graphs is kept
// once, in the graph of best rank whatever the IRIs' order, and the same
// in memory and on disk; the dropped quads are counted.
func TestStoreKeepsEachTripleOnce(t *testing.T) {
	gA, gB := "http://example.org/g/a", "http://example.org/g/b"
	paper, title := iri("http://example.org/paper"), str("A title")
	for _, budget := range []int{0, 64} {
		st := NewStore(budget, "")
		t.Cleanup(func() { st.Close() })
		typeQuad := q(paper, rdfType, iri("http://example.org/Paper"), gA)
		for i := range 50 {
			// gB ranks better than gA although its IRI sorts after it.
			if err := st.AddRanked(q(paper, "http://purl.org/dc/terms/title", title, gA), 7); err != nil {
				t.Fatal(err)
			}
			if err := st.AddRanked(q(paper, "http://purl.org/dc/terms/title", title, gB), 3); err != nil {
				t.Fatal(err)
			}
			if err := st.AddRanked(q(iri(fmt.Sprintf("http://example.org/x/%d", i)), rdfType, iri("http://example.org/X"), gA), 7); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.AddRanked(typeQuad, 9); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := writeNQuads(&out, st); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(out.String(), "\"A title\""); n != 1 {
			t.Fatalf("budget %d: title written %d times:\n%s", budget, n, out.String())
		}
		if !strings.Contains(out.String(), "\"A title\" <"+gB+"> .") {
			t.Errorf("budget %d: title not kept in the better-ranked graph:\n%s", budget, out.String())
		}
		if n, err := st.Len(); err != nil || n != 52 {
			t.Errorf("budget %d: Len %d (%v), want 52", budget, n, err)
		}
		// Exact repeats are one quad; the title in gA is the one dropped.
		if r, err := st.Restated(); err != nil || r != 1 {
			t.Errorf("budget %d: Restated %d (%v), want 1", budget, r, err)
		}
	}
}
