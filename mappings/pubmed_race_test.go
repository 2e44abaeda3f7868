//go:build race

package mappings

// raceEnabled shrinks the streaming test: the race detector makes the
// full 30,000-article run take minutes.
const raceEnabled = true
