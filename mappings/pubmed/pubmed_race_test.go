//go:build race

package pubmed

// raceEnabled shrinks the streaming test: the race detector makes the
// full 30,000-article run take minutes.
const raceEnabled = true
