package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/rdfcheck"
)

// writeInput writes body to name in dir and returns its path.
func writeInput(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadIRIsCostNoRecord: values that cannot be IRIs as given (issue 11,
// "one bad IRI in one record aborts the whole build") are repaired or kept
// as text, each with a warning naming file and record; every record is
// built and the output loads in riot --validate and in Oxigraph.
func TestBadIRIsCostNoRecord(t *testing.T) {
	dir := t.TempDir()
	urls := []string{
		"http://ex.org/a%zzb",     // bad percent escape
		"http://ex.org/a\x01b",    // control character
		"http://ex.org/a#a#b",     // double fragment
		"http://[::1/",            // broken IPv6 host: kept as text
		"http://ex.org/a\ufffeb",  // non-character
		"http://ex.org/\u202etxt", // bidi override
	}
	var ris strings.Builder
	for i, u := range urls {
		fmt.Fprintf(&ris, "TY  - JOUR\nTI  - Mesenchymal stem cells, case %d\nAU  - Smith, John\nPY  - 2020\nUR  - %s\nER  - \n\n", i+1, u)
	}
	risPath := writeInput(t, dir, "urls.ris", ris.String())
	pm := string(mustRead(t, "../../testdata/formats/pubmed-multi.xml"))
	pm = strings.Replace(pm, `UI="D000328"`, `UI="D000 328"`, 1)
	pmPath := writeInput(t, dir, "mesh.xml", pm)

	nq, ttl := filepath.Join(dir, "out.nq"), filepath.Join(dir, "out.ttl")
	code, _, stderr := runCLI(t, "", "build", risPath, pmPath, "-o", nq, "-o", ttl)
	if code != 0 {
		t.Fatalf("exit %d, want 0 (nothing rejected)\n%s", code, stderr)
	}
	for i := range urls {
		want := fmt.Sprintf("msckg: warning: %s: record %d (line %d): URL ", risPath, i+1, 1+7*i)
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	for _, want := range []string{
		`written as "http://ex.org/a%25zzb"`,
		`"http://[::1/" is not a valid IRI and cannot be repaired`,
		pmPath + ": record 1 (line ",
		`MeSH UI "D000 328" of "Adult" is not a MeSH identifier`,
		"9 record(s) read: 9 paper(s) built, 0 trial registration(s), 0 merged into an existing paper, 0 rejected",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(string(mustRead(t, nq)), `"URL given by the source, not a valid IRI: http://[::1/"`) {
		t.Error("the unrepairable URL is not kept as text")
	}
	rdfcheck.Riot(t, nq, ttl)
	rdfcheck.Oxigraph(t, nq, ttl)
}

// TestInvalidBaseIsAUsageError: --base is checked before anything is read.
func TestInvalidBaseIsAUsageError(t *testing.T) {
	for _, base := range []string{"http://ex.org/%zz/", "http://[::1/x/", "http://ex.org/a b/", "http://ex.org/#a#"} {
		out := filepath.Join(t.TempDir(), "out.nq")
		code, _, stderr := runCLI(t, "", "build", "../../testdata/seeds", "--base", base, "-o", out)
		if code != exitUsage || !strings.Contains(stderr, "base IRI") {
			t.Errorf("--base %q: exit %d, want %d with a message on the base:\n%s", base, code, exitUsage, stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("--base %q: %s was written", base, out)
		}
	}
}
