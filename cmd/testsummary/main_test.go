package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestSummaryNamesSkippedChecksAndFailures(t *testing.T) {
	in := strings.Join([]string{
		`{"Action":"run","Package":"p","Test":"TestRiot"}`,
		`{"Action":"output","Package":"p","Test":"TestRiot","Output":"=== RUN   TestRiot\n"}`,
		`{"Action":"output","Package":"p","Test":"TestRiot","Output":"    checks.go:20: rdfcheck: checker not installed: riot\n"}`,
		`{"Action":"output","Package":"p","Test":"TestRiot","Output":"--- SKIP: TestRiot (0.00s)\n"}`,
		`{"Action":"skip","Package":"p","Test":"TestRiot"}`,
		`{"Action":"output","Package":"p","Test":"TestBad","Output":"    x_test.go:3: wrong answer\n"}`,
		`{"Action":"fail","Package":"p","Test":"TestBad"}`,
		`{"Action":"fail","Package":"p","Elapsed":1.5}`,
		`{"Action":"pass","Package":"q","Elapsed":0.2}`,
	}, "\n")
	var out bytes.Buffer
	failed, err := summarise(strings.NewReader(in), &out)
	if err != nil || !failed {
		t.Fatalf("failed=%v err=%v, want a failure reported", failed, err)
	}
	got := out.String()
	for _, want := range []string{"wrong answer", "FAIL\tp\t1.5s", "ok  \tq\t0.2s",
		"skipped tests and checks (1): p.TestRiot (rdfcheck: checker not installed: riot)"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "skipped tests and checks") {
		t.Errorf("the last line is %q, want the skipped-checks line", lines[len(lines)-1])
	}
}

func TestSummaryOfACleanRunSaysNone(t *testing.T) {
	var out bytes.Buffer
	failed, err := summarise(strings.NewReader(`{"Action":"pass","Package":"q","Elapsed":0.2}`), &out)
	if err != nil || failed {
		t.Fatalf("failed=%v err=%v", failed, err)
	}
	if !strings.HasSuffix(strings.TrimSpace(out.String()), "skipped tests and checks: none") {
		t.Errorf("got %q", out.String())
	}
}
