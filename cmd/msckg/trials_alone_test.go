package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTrialRegistrationsAlone: ClinicalTrials.gov studies with no paper
// beside them build into Trial nodes (issue 11: they once gave "graph: no
// records", exit 1 and no output).
func TestTrialRegistrationsAlone(t *testing.T) {
	inRepoRoot(t)
	for _, in := range []string{"testdata/formats/ctgov-msc-itp.json", "testdata/formats/ctgov-studies.json"} {
		out := filepath.Join(t.TempDir(), "trials.nt")
		code, _, stderr := runCLI(t, "", "build", in, "-o", out)
		if code != 0 {
			t.Errorf("%s alone: exit %d\n%s", in, code, stderr)
			continue
		}
		nt, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(nt), "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/MedicalTrial> .") {
			t.Errorf("%s alone: no Trial node in the output", in)
		}
		if !regexp.MustCompile(`[1-9][0-9]* trial registration`).MatchString(stderr) {
			t.Errorf("%s alone: the summary does not count trial registrations:\n%s", in, stderr)
		}
	}
}
