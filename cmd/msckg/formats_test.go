package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	o "github.com/msckg/msckg/ontology"
)

// etmExports are the same paper (Wang et al., Exp Ther Med 2017) as six
// tools export it, with the format each must be detected as.
var etmExports = map[string]string{
	"pubmed-etm.xml":     "pubmed-xml",
	"medline-etm.nbib":   "medline",
	"ris-zotero-etm.ris": "ris", // CRLF line ends and a UTF-8 BOM, as Zotero writes them
	"bibtex-etm.bib":     "bibtex",
	"csl-etm.json":       "csl-json",
	"crossref-etm.json":  "crossref-json",
}

// TestSamePaperInEveryExportFormat is the acceptance test of "read the
// formats users actually export": the six exports build into one Paper
// with six source records and, in the union view, one value for every
// functional property.
func TestSamePaperInEveryExportFormat(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "exports")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for name := range etmExports {
		b := mustRead(t, filepath.Join("testdata", "formats", name))
		if name == "ris-zotero-etm.ris" && (!bytes.HasPrefix(b, []byte("\ufeffTY  - JOUR\r\n")) || bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n"))) {
			t.Errorf("%s lost its UTF-8 BOM or CRLF line ends (a checkout converting line ends?)", name)
		}
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	nq, ttl := filepath.Join(dir, "out.nq"), filepath.Join(dir, "out.ttl")
	code, _, stderr := runCLI(t, "", "build", in, "-o", nq, "-o", ttl)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "msckg: disagreement:") {
			t.Log(line)
		}
	}
	v := view(readQuads(t, nq))

	papers := v.subjects(o.Paper)
	if len(papers) != 1 || papers[0] != etm {
		t.Fatalf("papers = %v, want the one %s", papers, etm)
	}

	// Six source records, one per export, each with its format.
	sources := v.objects(etm, o.PROVWasDerivedFrom)
	if len(sources) != len(etmExports) {
		t.Errorf("%d source records, want %d: %v", len(sources), len(etmExports), sources)
	}
	seen := map[string]bool{}
	for _, src := range sources {
		paths := v.objects(src, o.DCSource)
		formats := v.objects(src, o.Format)
		if len(paths) != 1 || len(formats) != 1 {
			t.Errorf("source %s: dcterms:source %v, mkg:format %v; want one of each", src, paths, formats)
			continue
		}
		name := filepath.Base(paths[0])
		if want, ok := etmExports[name]; !ok || formats[0] != want {
			t.Errorf("%s read as %q, want %q", name, formats[0], want)
		}
		seen[name] = true
	}
	for name := range etmExports {
		if !seen[name] {
			t.Errorf("no source record for %s", name)
		}
	}

	// One value per functional property in the union, and the real
	// paper's facts where the test knows them.
	functional := []struct {
		name, prop, want string // want "" = any single value
	}{
		{"title", o.DCTitle, "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up"},
		{"abstract", o.DCAbstract, ""},
		{"issued", o.DCIssued, "2017-05"},
		{"language", o.DCLanguage, "en"},
		{"volume", o.BIBOVolume, "13"},
		{"issue", o.BIBOIssue, "5"},
		{"pageStart", o.BIBOPageStart, "2255"},
		{"pageEnd", o.BIBOPageEnd, "2258"},
		{"doi", o.BIBODOI, "10.3892/etm.2017.4229"},
		{"pmid", o.FaBiOPubMedID, "28565834"},
		{"pmcid", o.FaBiOPMCID, "PMC5443306"},
		{"isPartOf", o.DCIsPartOf, "https://w3id.org/msckg/id/journal/issn/1792-0981"},
	}
	for _, f := range functional {
		got := v.objects(etm, f.prop)
		switch {
		case len(got) != 1:
			t.Errorf("%s has %d values in the union, want 1: %q", f.name, len(got), got)
		case f.want != "" && got[0] != f.want:
			t.Errorf("%s = %q, want %q", f.name, got[0], f.want)
		}
	}
	if abs := v.objects(etm, o.DCAbstract); len(abs) == 1 && !strings.HasPrefix(abs[0], "Four patients with chronic refractory") {
		t.Errorf("abstract = %.60q…, want the paper's", abs[0])
	}

	// No conflicting values: a source that disagrees keeps its value as
	// mkg:stated… on its source record. Only the abstract may differ, in
	// markup (Crossref's JATS superscripts "10⁷" against "10(7)").
	for _, q := range v {
		p := q.Pred.String()
		if strings.HasPrefix(p, o.MKG+"stated") && p != o.StatedAbstract {
			t.Errorf("conflicting value: %s %s %s", q.Subj, p, q.Obj)
		}
	}

	if journals := v.subjects(o.Journal); len(journals) != 1 {
		t.Errorf("journals = %v, want one", journals)
	}

	// Eight authors, in printed order, each one Author.
	want := []string{"Xiaohua Wang", "Xiaoguang Yin", "Wei Sun", "Jin Bai", "Yawen Shen", "Qiang Ao", "Yongquan Gu", "Ying Liu"}
	if authors := v.subjects(o.Author); len(authors) != len(want) {
		t.Errorf("%d authors, want %d: %v", len(authors), len(want), authors)
	}
	if n := len(v.objects(etm, o.AuthorshipProp)); n != len(want) {
		t.Errorf("%d authorships, want %d", n, len(want))
	}
	for i, name := range want {
		as := etm + "/authorship/" + strconv.Itoa(i+1)
		holders := v.objects(as, o.PROIsHeldBy)
		if len(holders) != 1 {
			t.Errorf("authorship %d held by %v, want one author", i+1, holders)
			continue
		}
		if got := v.objects(holders[0], o.FOAFName); len(got) != 1 || got[0] != name {
			t.Errorf("author %d = %q, want %q", i+1, got, name)
		}
	}
}

// TestFormatsListsEveryReaderWithAnExample: 'msckg formats' shows every
// registered input format with an example, and each example is read by
// its own reader: detected as that format and yielding a record.
func TestFormatsListsEveryReaderWithAnExample(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "formats")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	formats := mappings.Formats()
	if len(formats) == 0 {
		t.Fatal("no input format registered")
	}
	lines := strings.Split(stdout, "\n")
	for _, f := range formats {
		if !slices.Contains(lines, "  "+f.Name+" — "+f.Title) {
			t.Errorf("%s: not listed by 'msckg formats'", f.Name)
		}
		if strings.TrimSpace(f.Example) == "" {
			t.Errorf("%s: no example (its Format.Example is empty)", f.Name)
			continue
		}
		for _, l := range strings.Split(strings.TrimRight(f.Example, "\n"), "\n") {
			if !slices.Contains(lines, "      "+l) {
				t.Errorf("%s: example line %q not shown", f.Name, l)
				break
			}
		}

		got, err := mappings.Detect([]byte(f.Example))
		switch {
		case f.Explicit:
			// read only when named: its example must not be taken for it
			if err == nil && got.Name == f.Name {
				t.Errorf("%s: read only with --from, yet its example is detected as it", f.Name)
			}
		case err != nil:
			t.Errorf("%s: its example is not detected: %v", f.Name, err)
		case got.Name != f.Name:
			t.Errorf("%s: its example is detected as %s", f.Name, got.Name)
		}
		records := 0
		for rec, err := range f.Read(strings.NewReader(f.Example)) {
			if err != nil {
				t.Errorf("%s: reading its example: %v", f.Name, err)
				continue
			}
			if rec.Format != f.Name {
				t.Errorf("%s: its example gave a record of format %q", f.Name, rec.Format)
			}
			records++
		}
		if records == 0 {
			t.Errorf("%s: its example yields no record", f.Name)
		}
	}
}

// TestJSONLDReadsAsTheNQuads: Oxigraph, a JSON-LD 1.1 processor nobody on
// the team wrote, reads the JSON-LD of every fixture as exactly the quads
// of the N-Quads file: same graphs, terms, datatypes and language tags.
// (Jena checks the JSON-LD as 1.0 only; see TOOLS-NOTES.md.)
func TestJSONLDReadsAsTheNQuads(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	nq, jsonld := filepath.Join(dir, "all.nq"), filepath.Join(dir, "all.jsonld")
	args := append([]string{"build", "-q", "-o", nq, "-o", jsonld}, fixtureDirs...)
	if code, _, stderr := runCLI(t, "", args...); code != exitOK && code != exitRejected {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	query := filepath.Join(dir, "all.rq")
	err := os.WriteFile(query, []byte(`SELECT ?g ?s ?p ?o (DATATYPE(?o) AS ?dt) (LANG(?o) AS ?lang)
WHERE { GRAPH ?g { ?s ?p ?o } }`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	fromNQ, fromJSONLD := oxigraph(t, nq, query), oxigraph(t, jsonld, query)
	if len(fromNQ) < 5000 {
		t.Fatalf("only %d rows from the N-Quads", len(fromNQ))
	}
	if !reflect.DeepEqual(fromNQ, fromJSONLD) {
		n := min(len(fromNQ), len(fromJSONLD))
		for i := range n {
			if !reflect.DeepEqual(fromNQ[i], fromJSONLD[i]) {
				t.Fatalf("%d rows from N-Quads, %d from JSON-LD; first difference:\n%q\n%q", len(fromNQ), len(fromJSONLD), fromNQ[i], fromJSONLD[i])
			}
		}
		t.Fatalf("%d rows from N-Quads, %d from JSON-LD", len(fromNQ), len(fromJSONLD))
	}
}
