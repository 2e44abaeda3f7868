package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/msckg/msckg/cmd/gencorpus/corpus"
)

// BenchmarkBuild runs the whole build command (read, extract, identity,
// write N-Quads) on a generated mixed corpus: PubMed XML, RIS and MEDLINE
// files with 5% of the papers exported twice. The corpus is written once
// per size, before the timer starts. Run with
//
//	go test -run '^$' -bench BenchmarkBuild -benchmem ./cmd/msckg/
//
// MB/s is input bytes read; records/s counts every record, duplicates
// included.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			if n > 1000 && testing.Short() {
				b.Skip("large corpus skipped in -short mode")
			}
			dir := filepath.Join(b.TempDir(), "corpus")
			st, err := corpus.WriteMix(dir, n, 1, 0.05)
			if err != nil {
				b.Fatal(err)
			}
			records := st.Articles + st.Duplicates
			b.SetBytes(dirSize(b, dir))
			out := filepath.Join(b.TempDir(), "out.nq")
			args := []string{"msckg", "build", dir, "-o", out, "-q"}
			var stderr bytes.Buffer
			for b.Loop() {
				stderr.Reset()
				if code := run(args, nil, io.Discard, &stderr); code != exitOK {
					b.Fatalf("msckg build exited %d:\n%s", code, stderr.String())
				}
			}
			b.ReportMetric(float64(records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			if fi, err := os.Stat(out); err == nil {
				b.ReportMetric(float64(fi.Size())/float64(records), "nq-bytes/record")
			}
		})
	}
}

func dirSize(b *testing.B, dir string) int64 {
	b.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			b.Fatal(err)
		}
		total += fi.Size()
	}
	return total
}
