// Command testsummary reads `go test -json` on stdin, prints what a person
// reads in a plain `go test` run (package results, and the output of every
// failing test), and ends with one line naming every test that was
// skipped, with its reason: a skipped independent check (riot, SHACL,
// Oxigraph, a browser) must not look like a pass. It exits 1 when any test
// or package failed, so `go test -json ./... | testsummary` needs no
// pipefail. `make test` uses it.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// event is the part of test2json's output this command reads.
type event struct {
	Action  string
	Package string
	Test    string
	Elapsed float64
	Output  string
}

func main() {
	failed, err := summarise(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(2)
	}
	if failed {
		os.Exit(1)
	}
}

// summarise streams package results as they finish and returns whether
// anything failed.
func summarise(in io.Reader, out io.Writer) (failed bool, err error) {
	outputs := map[string][]string{} // package/test → its output lines so far
	skipped := map[string]string{}   // package.Test → reason
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if json.Unmarshal(line, &e) != nil {
			fmt.Fprintln(out, string(line)) // build errors arrive as plain text
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "output":
			outputs[key] = append(outputs[key], e.Output)
		case "build-output": // a package that does not compile
			fmt.Fprint(out, e.Output)
		case "build-fail":
			failed = true
		case "skip":
			if e.Test != "" {
				skipped[e.Package+"."+e.Test] = skipReason(outputs[key])
			}
			delete(outputs, key)
		case "pass":
			if e.Test == "" {
				fmt.Fprintf(out, "ok  \t%s\t%.1fs\n", e.Package, e.Elapsed)
			}
			delete(outputs, key)
		case "fail":
			failed = true
			// A failing test prints its output; a failing package prints
			// what no test owned (a panic, a TestMain error) before its line.
			fmt.Fprint(out, strings.Join(outputs[key], ""))
			if e.Test == "" {
				fmt.Fprintf(out, "FAIL\t%s\t%.1fs\n", e.Package, e.Elapsed)
			}
			delete(outputs, key)
		}
	}
	if err := sc.Err(); err != nil {
		return failed, err
	}
	fmt.Fprintln(out, skippedLine(skipped))
	return failed, nil
}

// skipReason is the message a skipped test gave (t.Skip's text), without
// the file:line prefix and the "--- SKIP" line.
func skipReason(lines []string) string {
	var msg []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- SKIP") {
			continue
		}
		if _, rest, ok := strings.Cut(l, ".go:"); ok {
			if _, after, ok := strings.Cut(rest, ": "); ok {
				l = after
			}
		}
		msg = append(msg, l)
	}
	reason := strings.Join(msg, " ")
	// The first clause says what was missing; the install advice after it
	// is in the test's own output.
	if head, _, ok := strings.Cut(reason, "; "); ok {
		reason = head
	}
	return reason
}

// skippedLine is the run's last line: every skipped test and why, or
// "none".
func skippedLine(skipped map[string]string) string {
	if len(skipped) == 0 {
		return "skipped tests and checks: none"
	}
	names := make([]string, 0, len(skipped))
	for n := range skipped {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = n
		if r := skipped[n]; r != "" {
			parts[i] += " (" + r + ")"
		}
	}
	return fmt.Sprintf("skipped tests and checks (%d): %s", len(names), strings.Join(parts, "; "))
}
