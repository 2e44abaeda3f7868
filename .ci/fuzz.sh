#!/usr/bin/env bash
# fuzz.sh [SECONDS] — run every fuzz target of the readers and the
# extractor for SECONDS each (default 60). Not part of CI: the issue asks
# that every reader survive a 60-second run, done by hand before a release.
# New failing inputs land in the package's testdata/fuzz/ (commit them as
# regression cases once fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
status=0
# Every package below mappings/ (each format family is one) and the IRI rules.
for pkg in $(go list -f '{{.Dir}}' ./mappings/... ./graph/iriref); do
	for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$pkg"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
		# -fuzzminimizetime bounds shrinking: with the default, large seed
		# inputs use the whole budget being minimised and nothing is fuzzed.
		if out=$(go test -run '^$' -fuzz "^${target}\$" -fuzztime "${secs}s" -fuzzminimizetime 200x -parallel 1 "$pkg" 2>&1); then
			echo "ok   $target ($(echo "$out" | grep -o 'execs: [0-9]*' | tail -n 1))"
		else
			echo "FAIL $target"
			echo "$out" | tail -n 20
			status=1
		fi
	done
done
exit $status
