//go:build !race

package pubmed

const raceEnabled = false
