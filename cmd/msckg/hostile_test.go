package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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
		"msckg: 7 warning(s) above",
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

// TestSignalDuringWritingLeavesNoTemporaryFile runs msckg (this test
// binary calling main) on a generated corpus, waits until an output's
// temporary file appears, sends SIGTERM and checks that neither a
// "*.tmp-*" file nor a partial output is left (issue 11).
func TestSignalDuringWritingLeavesNoTemporaryFile(t *testing.T) {
	if os.Getenv("MSCKG_TEST_MAIN") == "1" {
		return // the child runs TestInterruptRemovesScratch's main
	}
	if testing.Short() {
		t.Skip("builds a large corpus")
	}
	dir := t.TempDir()
	var b strings.Builder
	for i := range 6000 {
		fmt.Fprintf(&b, "TY  - JOUR\nTI  - Mesenchymal stem cells in immune thrombocytopenia, cohort %d\nAU  - Author%d, Given\nAU  - Wang, Wei\nPY  - 2020\nJO  - Journal %d\nDO  - 10.1000/sig.%d\nAB  - Twelve patients received 1 x 10^6 cells/kg; platelet counts rose above 50 x 10^9/L in %d of 12.\nER  - \n\n", i, i, i%50, i, i%12)
	}
	in := writeInput(t, dir, "big.ris", b.String())
	outDir := t.TempDir()
	args := []string{"msckg", "build", in, "-o", filepath.Join(outDir, "g.ttl"), "-o", filepath.Join(outDir, "g.jsonld"), "-o", filepath.Join(outDir, "g.nq")}
	cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptRemovesScratch$")
	cmd.Env = append(os.Environ(), "MSCKG_TEST_MAIN=1", "TMPDIR="+t.TempDir(), "MSCKG_TEST_ARGS="+strings.Join(args, "\n"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Minute)
	for {
		if m, _ := filepath.Glob(filepath.Join(outDir, "*.tmp-*")); len(m) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no temporary output file appeared; stderr:\n%s", stderr.String())
		}
		time.Sleep(2 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Fatalf("exit: %v, want status 130 (the build finished before the signal?); stderr:\n%s", err, stderr.String())
	}
	entries, _ := os.ReadDir(outDir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestSymlinksInAFolder: a linked file and a linked folder are read, a
// link loop and a dangling link are reported, not silently skipped.
func TestSymlinksInAFolder(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "real")
	in := filepath.Join(root, "in")
	for _, d := range []string{real, filepath.Join(in, "sub")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeInput(t, real, "a.ris", "TY  - JOUR\nTI  - Linked file record\nDO  - 10.1000/linked\nER  - \n")
	writeInput(t, real, "b.ris", "TY  - JOUR\nTI  - Record in a linked folder\nDO  - 10.1000/folder\nER  - \n")
	if err := syscall.Mkfifo(filepath.Join(in, "pipe.ris"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"link.ris": filepath.Join(real, "a.ris"), "realdir": real, "sub/up": in, "dangling.ris": "nowhere.ris",
	} {
		if err := os.Symlink(target, filepath.Join(in, link)); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(root, "out.nq")
	code, _, stderr := runCLI(t, "", "build", in, "-o", out)
	if code != 0 {
		t.Errorf("exit %d, want 0:\n%s", code, stderr)
	}
	for _, want := range []string{
		"3 record(s) read: 2 paper(s) built, 0 trial registration(s), 1 merged",
		filepath.Join(in, "sub", "up") + ": symbolic link loop",
		filepath.Join(in, "dangling.ris") + ": symbolic link not followed",
		filepath.Join(in, "pipe.ris") + ": a named pipe in a folder is not read",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
