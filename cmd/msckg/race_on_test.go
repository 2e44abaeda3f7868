//go:build race

package main

// raceEnabled shrinks the generated corpus of the parallel tests: the
// race detector makes each build several times slower.
const raceEnabled = true
