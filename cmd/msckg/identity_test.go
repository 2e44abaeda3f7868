package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	o "github.com/msckg/msckg/ontology"
)

// A page of reading notes carries the Thieme page's DOI and the PMC
// page's PMCID (the shape of a project README that once joined the two):
// the build keeps the two papers, keeps the notes apart, and says so in
// the summary.
func TestAPageCarryingTwoPapersIdentifiersJoinsNeither(t *testing.T) {
	inRepoRoot(t)
	const (
		thieme = "testdata/formats/pages/03-thieme-hamostaseologie.txt"
		pmc    = "testdata/formats/pages/06-pmc-bmc-immunology.txt"
	)
	dir := t.TempDir()
	readme := filepath.Join(dir, "reading-notes.txt")
	notes := "Title: Reading notes on immune thrombocytopenia and MSCs\nAuthors: Smith J, Lee K\n" +
		"DOI: 10.1055/s-0039-1678732\nPMCID: PMC4681052\n"
	if err := os.WriteFile(readme, []byte(notes), 0o644); err != nil {
		t.Fatal(err)
	}
	nq := filepath.Join(dir, "out.nq")
	code, _, stderr := runCLI(t, "", "build", "-o", nq, readme, thieme, pmc)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "3 paper(s) built, 0 trial registration(s), 0 merged") {
		t.Errorf("summary does not say 3 papers, none merged:\n%s", stderr)
	}
	want := "msckg: not joined: " + readme + " record 1 with " + thieme + " record 1 and " + pmc + " record 1: "
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "doi 10.1055/s-0039-1678732 and 10.1186/s12865-015-0135-7") {
		t.Errorf("stderr lacks the refusal %q with both DOIs:\n%s", want, stderr)
	}
	v := view(readQuads(t, nq))
	papers := v.subjects(o.Paper)
	for _, doi := range []string{"10.1055/s-0039-1678732", "10.1186/s12865-015-0135-7"} {
		if !slices.Contains(papers, paperIRI(doi)) {
			t.Errorf("papers %v lack %s", papers, paperIRI(doi))
		}
	}
	if got := v.objects(paperIRI("10.1186/s12865-015-0135-7"), o.DCTitle); len(got) != 1 || !strings.HasPrefix(got[0], "Mesenchymal stromal cells to modulate") {
		t.Errorf("the PMC paper's title is %q", got)
	}
	if got := v.objects(paperIRI("10.1055/s-0039-1678732"), o.DCTitle); len(got) != 1 || !strings.HasPrefix(got[0], "Pathophysiology of Autoimmune Thrombocytopenia") {
		t.Errorf("the Thieme paper's title is %q", got)
	}
}
