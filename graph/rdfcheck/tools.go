// Package rdfcheck lets tests hand RDF files to independent checkers:
// Apache Jena (riot, shacl, sparql) and Raptor (rapper). Our own parsers
// share our own blind spots; these tools do not.
//
// Tools are looked up in the directory named by $MSCKG_JENA_BIN (made by
// `bash .ci/jena-setup.sh DIR`), then on $PATH. A missing tool skips the
// test, unless $MSCKG_REQUIRE_CHECKERS=1 (as in CI), where it fails it.
//
// Each call starts a JVM (about a second), so pass many files per call.
package rdfcheck

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Environment variables read by this package.
const (
	EnvBin     = "MSCKG_JENA_BIN"         // directory of the wrappers from .ci/jena-setup.sh
	EnvRequire = "MSCKG_REQUIRE_CHECKERS" // "1": a missing checker fails the test
)

// errMissing marks a checker that is not installed.
var errMissing = errors.New("checker not installed")

// installHint says how to get each tool.
var installHint = map[string]string{
	"rapper": "apt-get install -y raptor2-utils",
}

const jenaHint = "apt-get install -y default-jre-headless libapache-jena-java unzip && " +
	"bash .ci/jena-setup.sh DIR && export " + EnvBin + "=DIR"

// lookPath finds a tool in $MSCKG_JENA_BIN, then on $PATH.
func lookPath(name string) (string, error) {
	if dir := os.Getenv(EnvBin); dir != "" {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	hint, ok := installHint[name]
	if !ok {
		hint = jenaHint
	}
	return "", fmt.Errorf("%w: %q not found in $%s (%q) or $PATH; install it with: %s",
		errMissing, name, EnvBin, os.Getenv(EnvBin), hint)
}

// Tool returns the path of a checker (a Jena wrapper, rapper, ...) found
// as the other helpers find theirs, for tests that run a command line as
// a user would type it. A missing tool skips the test, or fails it under
// $MSCKG_REQUIRE_CHECKERS=1.
func Tool(t testing.TB, name string) string {
	t.Helper()
	return tool(t, name)
}

// tool returns the path of a checker, or ends the test: Skip normally,
// Fatal when $MSCKG_REQUIRE_CHECKERS=1.
func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := lookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv(EnvRequire) == "1" {
		t.Fatalf("rdfcheck: %v ($%s=1)", err, EnvRequire)
	}
	t.Skipf("rdfcheck: %v", err)
	return ""
}

// result is what a checker run produced.
type result struct {
	stdout, stderr []byte
	exit           int // -1 when the process could not run
	err            error
}

func run(bin string, args ...string) result {
	cmd := exec.Command(bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.Bytes(), stderr: errb.Bytes()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.exit = ee.ExitCode()
	default:
		r.exit, r.err = -1, err
	}
	return r
}

// describe formats a run for a failure message.
func (r result) describe(what string) string {
	msg := fmt.Sprintf("%s: exit %d", what, r.exit)
	if r.err != nil {
		msg += fmt.Sprintf(" (%v)", r.err)
	}
	if len(r.stdout) > 0 {
		msg += "\nstdout:\n" + string(r.stdout)
	}
	if len(r.stderr) > 0 {
		msg += "\nstderr:\n" + string(r.stderr)
	}
	return msg
}
