package export

import "testing"

// The visual writers on the same ~100k quads as the RDF writers
// (bench_test.go), so the numbers compare.
func BenchmarkGraphML(b *testing.B) { benchWriter(b, "graphml") }
func BenchmarkDOT(b *testing.B)     { benchWriter(b, "dot") }
