package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A line of a tagged-line file that is no field (MEDLINE "SO  text
// without a hyphen") reaches the build's report like any record warning:
// file, record, line of the record, and the stray line with its text.
func TestStrayLineWarnedInBuild(t *testing.T) {
	in := "PMID- 1\nTI  - Mesenchymal stem cells for immune thrombocytopenia.\n\n" +
		"PMID- 27433151\nSO  stray text without a hyphen\nTI  - Umbilical cord cells in ITP.\n"
	path := filepath.Join(t.TempDir(), "a.nbib")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "build", path, "-o", filepath.Join(t.TempDir(), "out.nq"))
	if code != 0 && code != 3 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	want := "msckg: warning: " + path + `: record 2 (line 4): line 5 is neither a field nor the continuation of one; not read: "SO  stray text without a hyphen"`
	if !strings.Contains(stderr, want+"\n") {
		t.Errorf("no warning %q:\n%s", want, stderr)
	}
}
