package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/rdfcheck"
)

// reportOf writes the report of inputs to a file and returns its path
// and text.
func reportOf(t *testing.T, inputs ...string) (string, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "report.html")
	// The format fixtures hold pages that are not records: rejected, the
	// others still reported.
	if code, _, stderr := runCLI(t, "", append([]string{"report", "-o", out}, inputs...)...); code != exitOK && code != exitRejected {
		t.Fatalf("report %v: exit %d\n%s", inputs, code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return out, string(b)
}

// The report of the samples is the reviewed one, byte for byte, whatever
// the order of the inputs.
func TestReportGolden(t *testing.T) {
	inRepoRoot(t)
	path, _ := reportOf(t, armInputs...)
	golden(t, path, "testdata/golden/report.html")
	reversed := slices.Clone(armInputs)
	slices.Reverse(reversed)
	path2, _ := reportOf(t, reversed...)
	golden(t, path2, "testdata/golden/report.html")
}

var (
	hrefEv        = regexp.MustCompile(`href="#(ev-\d+)"`)
	idEv          = regexp.MustCompile(`id="(ev-\d+)"`)
	external      = regexp.MustCompile(`(?i)(src|href)="[a-z]+:|@import|url\(`)
	evidenceTable = regexp.MustCompile(`(?s)<table id="evidence">.*?</table>`)
)

// Every value links to a sentence the page holds, every sentence is
// linked, and nothing points outside the page.
func TestReportLinksAndSelfContained(t *testing.T) {
	inRepoRoot(t)
	_, page := reportOf(t, armInputs...)
	ids := map[string]bool{}
	for _, m := range idEv.FindAllStringSubmatch(page, -1) {
		if ids[m[1]] {
			t.Errorf("%s defined twice", m[1])
		}
		ids[m[1]] = true
	}
	linked := map[string]bool{}
	for _, m := range hrefEv.FindAllStringSubmatch(page, -1) {
		linked[m[1]] = true
		if !ids[m[1]] {
			t.Errorf("link to %s, which the page does not hold", m[1])
		}
	}
	for id := range ids {
		if !linked[id] {
			t.Errorf("sentence %s is linked from nowhere", id)
		}
	}
	if len(ids) < 50 {
		t.Errorf("only %d sentences on the page", len(ids))
	}
	if m := external.FindString(page); m != "" {
		t.Errorf("the page refers outside itself: %q", m)
	}
	_, rows := evidenceRows(t, armInputs...)
	if got := strings.Count(evidenceTable.FindString(page), "<tr>"); got != len(rows)+1 {
		t.Errorf("the page's table has %d rows with its header, msckg table %d", got, len(rows)+1)
	}
}

// Values sources disagree on (mkg:StatedFactValue) are shown: the format
// fixtures hold some, the samples none.
func TestReportDisagreements(t *testing.T) {
	inRepoRoot(t)
	_, page := reportOf(t, "testdata/formats")
	if !strings.Contains(page, `<table id="disagree">`) || !strings.Contains(page, "<td>mkg:agent</td>") {
		t.Error("the report of testdata/formats shows no disagreement")
	}
	_, page = reportOf(t, armInputs...)
	if !strings.Contains(page, `id="disagree-none"`) {
		t.Error("the report of the samples shows a disagreement")
	}
}

// browserReport is what .ci/report-check.mjs saw in Chromium.
type browserReport struct {
	ConsoleErrors []string            `json:"consoleErrors"`
	PageErrors    []string            `json:"pageErrors"`
	Requests      []string            `json:"requests"`
	Rows          []map[string]string `json:"rows"`
	Clicks        []struct {
		Href, Text, Marked, Sentence, MarkColour string
		Visible, OnlyOne, Missing                bool
	} `json:"clicks"`
}

// The report in a real browser (Debian's chromium, driven by puppeteer-
// core from .ci/node_modules), with the network refused: it loads without
// errors or requests, its table has the samples' rows, and clicking a
// value shows its sentence with the words marked.
func TestReportInBrowser(t *testing.T) {
	inRepoRoot(t)
	chromium := ""
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); name != "" && err == nil {
			chromium = p
			break
		}
	}
	node, err := exec.LookPath("node")
	switch {
	case chromium == "":
		browserUnavailable(t, "chromium not found (apt-get install -y chromium)")
	case err != nil:
		browserUnavailable(t, "node not found (apt-get install -y nodejs npm)")
	}
	if _, err := os.Stat(".ci/node_modules/puppeteer-core/package.json"); err != nil {
		browserUnavailable(t, "puppeteer-core is not installed in .ci/node_modules (cd .ci && npm ci)")
	}
	path, _ := reportOf(t, armInputs...)
	cmd := exec.Command(node, ".ci/report-check.mjs", path, chromium)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("report-check.mjs: %v\n%s", err, out)
	}
	var got browserReport
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("report-check.mjs output: %v\n%s", err, out)
	}
	if len(got.ConsoleErrors)+len(got.PageErrors) > 0 {
		t.Errorf("console errors %q, page errors %q", got.ConsoleErrors, got.PageErrors)
	}
	if len(got.Requests) > 0 {
		t.Errorf("the page asked the network for %q", got.Requests)
	}
	_, rows := evidenceRows(t, armInputs...)
	if len(got.Rows) != len(rows) {
		t.Fatalf("the browser shows %d table rows, msckg table writes %d", len(got.Rows), len(rows))
	}
	for i, r := range rows {
		for _, col := range []string{"study", "group", "n", "complete_response", "dose"} {
			if got.Rows[i][col] != r[col] {
				t.Errorf("row %d %s: the browser shows %q, msckg table %q", i+1, col, got.Rows[i][col], r[col])
			}
		}
	}
	if len(got.Clicks) < 50 {
		t.Fatalf("only %d values to click", len(got.Clicks))
	}
	found := false
	for _, c := range got.Clicks {
		if c.Missing || !c.Visible || !c.OnlyOne || c.Marked == "" || !strings.Contains(c.Sentence, c.Marked) ||
			c.MarkColour == "" || c.MarkColour == "rgba(0, 0, 0, 0)" {
			t.Errorf("clicking %q (%s) shows %+v", c.Text, c.Href, c)
		}
		if c.Text == "3 patients at 12 mo" && c.Sentence == "Complete remission (CR) was achieved in three patients in 12 months and one patient in 24 months." {
			found = true
		}
	}
	if !found {
		t.Error("clicking Wang 2017's complete response (3 patients at 12 mo) does not show its sentence")
	}
}

// browserUnavailable skips the browser test, or fails it when
// $MSCKG_REQUIRE_CHECKERS=1 (CI), like the other independent checks.
func browserUnavailable(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv(rdfcheck.EnvRequire) == "1" {
		t.Fatalf("report browser test: %s ($%s=1)", msg, rdfcheck.EnvRequire)
	}
	t.Skipf("report browser test: %s", msg)
}

// The README's report command runs as written (its -o into a temporary
// folder) and gives a page with the samples' table, cards and network.
func TestREADMEReport(t *testing.T) {
	inRepoRoot(t)
	args := strings.Fields(readmeBlock(t, readmeBlocks(t), "run report"))
	if len(args) < 4 || args[0] != "msckg" || args[1] != "report" || args[len(args)-2] != "-o" {
		t.Fatalf("the README's report block is not one 'msckg report ... -o FILE' line: %q", args)
	}
	out := filepath.Join(t.TempDir(), args[len(args)-1])
	args = append(args[1:len(args)-1], out)
	if code, _, stderr := runCLI(t, "", args...); code != exitOK {
		t.Fatalf("%v: exit %d\n%s", args, code, stderr)
	}
	page := string(mustRead(t, out))
	_, rows := evidenceRows(t, args[1:len(args)-2]...)
	for _, want := range []string{`<table id="evidence">`, `class="card"`, `<svg `, "Wang 2017", `<mark>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the README's report lacks %q", want)
		}
	}
	if got := strings.Count(evidenceTable.FindString(page), "<tr>"); got != len(rows)+1 {
		t.Errorf("the README's report has %d table rows with the header, msckg table %d", got, len(rows)+1)
	}
}

// A record's words are text on the page, never markup: a title or an
// abstract holding tags or a script shows as written.
func TestReportEscapesRecordText(t *testing.T) {
	rec := "Title: <script>alert(1)</script> MSCs & <b>ITP</b>\nAuthor: Li, Wei\nDOI: 10.1000/esc\n" +
		"Abstract: Four patients <img src=x onerror=alert(2)> with ITP received MSCs.\n"
	out := filepath.Join(t.TempDir(), "r.html")
	if code, _, stderr := runCLI(t, rec, "report", "-o", out, "-"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page := string(mustRead(t, out))
	for _, bad := range []string{"<script", "<img", "<b>ITP"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q from the record as markup", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt; MSCs &amp; &lt;b&gt;ITP&lt;/b&gt;") {
		t.Error("the title is not shown as written")
	}
}
