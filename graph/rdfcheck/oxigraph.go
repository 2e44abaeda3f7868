package rdfcheck

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Oxigraph fails the test unless Oxigraph (the npm package pinned in
// .ci/package.json, run by .ci/oxigraph-query.mjs) loads every file and
// answers a query over it. Oxigraph validates IRIs by RFC 3987 where
// Jena only warns on some, so a file can pass Riot and still fail here.
// Without Node or the package it skips, or fails under
// $MSCKG_REQUIRE_CHECKERS=1.
func Oxigraph(t testing.TB, files ...string) {
	t.Helper()
	node, script, err := oxigraphScript()
	if err != nil {
		msg := "rdfcheck: oxigraph: " + err.Error() + "; install Node.js 18+ and run: cd .ci && npm ci --no-audit --no-fund"
		if os.Getenv(EnvRequire) == "1" {
			t.Fatalf("%s ($%s=1)", msg, EnvRequire)
		}
		t.Skip(msg)
	}
	query := filepath.Join(t.TempDir(), "count.rq")
	if err := os.WriteFile(query, []byte("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if r := run(node, script, f, query); r.exit != 0 || len(r.stderr) > 0 {
			t.Fatalf("oxigraph rejected %s\n%s", f, r.describe("node "+script))
		}
	}
}

// oxigraphScript finds node and .ci/oxigraph-query.mjs with its package
// installed, looking up from the working directory for the repository.
func oxigraphScript() (node, script string, err error) {
	node, err = exec.LookPath("node")
	if err != nil {
		return "", "", err
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", "", err
	}
	for {
		ci := filepath.Join(dir, ".ci")
		if _, err := os.Stat(filepath.Join(ci, "node_modules", "oxigraph", "package.json")); err == nil {
			return node, filepath.Join(ci, "oxigraph-query.mjs"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", "", errors.New("the oxigraph package is not installed in .ci/node_modules")
		}
		dir = parent
	}
}
