package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/msckg/msckg/mappings"
)

// TestEncodingEvidenceWholeBuild checks issue 11's encoding evidence
// through the build: a file whose Latin-1 comes after 64 KiB of ASCII
// is read as Windows-1252 (the build checks a file whole); a file of
// UTF-8 with a stray Latin-1 record stays UTF-8 and that record is
// warned of; an input that cannot seek (a named pipe) keeps the choice
// made on its head, and the record it garbles is warned of, naming file,
// record and line.
func TestEncodingEvidenceWholeBuild(t *testing.T) {
	ascii := "TY  - JOUR\nTI  - Stem cells, a long record\nAB  - " + strings.Repeat("Mesenchymal stem cells. ", mappings.SniffSize/24+10) + "\nPY  - 2020\nER  - \n\n"
	latin1 := "TY  - JOUR\nTI  - Stem cells in Z\xfcrich caf\xe9\nAU  - M\xfcller, J\xfcrgen\nPY  - 2021\nER  - \n\n"
	utf8Rec := "TY  - JOUR\nTI  - Umbilical cord cells in Genève\nAU  - Ødegård, Åse\nPY  - 2019\nER  - \n\n"
	stray := "TY  - JOUR\nTI  - Cord cells au lait caf\xe9\nPY  - 2022\nER  - \n\n"
	dir := t.TempDir()
	files := map[string]string{"a.ris": ascii + latin1, "b.ris": utf8Rec + ascii + stray}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pipe := filepath.Join(t.TempDir(), "c.ris")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("no named pipe: %v", err)
	}
	go func() {
		f, err := os.OpenFile(pipe, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		f.WriteString(ascii + latin1) //nolint:errcheck // the build reports what it could not read
	}()
	out := filepath.Join(t.TempDir(), "out.nq")
	code, _, stderr := runCLI(t, "", "build", "--from", "ris", dir, pipe, "-o", out)
	if code != 0 && code != 3 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	nq := string(mustRead(t, out))
	for _, want := range []string{`"Stem cells in Zürich café"`, `"Müller"`, `"Umbilical cord cells in Genève"`, `"Ødegård"`} {
		if !strings.Contains(nq, want) {
			t.Errorf("the graph has no %s", want)
		}
	}
	lineOf := func(data, rec string) int { return 1 + strings.Count(data[:strings.Index(data, rec)], "\n") }
	want := []string{
		fmt.Sprintf("%s: record 3 (line %d)", filepath.Join(dir, "b.ris"), lineOf(files["b.ris"], stray)),
		fmt.Sprintf("%s: record 2 (line %d)", pipe, lineOf(ascii+latin1, latin1)),
	}
	var got []string
	for _, m := range regexp.MustCompile(`(?m)^msckg: warning: (.*?): title.*U\+FFFD`).FindAllStringSubmatch(stderr, -1) {
		got = append(got, m[1])
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("U+FFFD warnings for %q, want %q:\n%s", got, want, stderr)
	}
}
