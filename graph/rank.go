package graph

import "github.com/msckg/msckg/mappings"

// rankOf orders sources when they disagree on a functional value: each
// format states its rank where it registers (mappings.Format.Rank), so a
// new format brings its rank with it. Lower is better; a format no reader
// is registered under ranks last.
func rankOf(format string) int { return mappings.RankOf(format) }
