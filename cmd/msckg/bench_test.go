package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/msckg/msckg/cmd/gencorpus/corpus"
	"github.com/msckg/msckg/graph"
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
			benchCommand(b, args, records)
			if fi, err := os.Stat(out); err == nil {
				b.ReportMetric(float64(fi.Size())/float64(records), "nq-bytes/record")
			}
		})
	}
}

// benchCommand runs the command args until the benchmark has its time
// and reports records per second.
func benchCommand(b *testing.B, args []string, records int) {
	var stderr bytes.Buffer
	for b.Loop() {
		stderr.Reset()
		if code := run(args, nil, io.Discard, &stderr); code != exitOK {
			b.Fatalf("msckg build exited %d:\n%s", code, stderr.String())
		}
	}
	b.ReportMetric(float64(records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
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

// BenchmarkBuildJobs runs the whole build command on 1,000 generated RIS
// records in one file with -j 1 and -j 2, and BenchmarkLoadJobs only the
// part -j spreads (reading, extracting, spooling), so the gain of the
// parallel part and its share of the whole both show. Run with
//
//	go test -run '^$' -bench 'Jobs' -benchtime 3x ./cmd/msckg/
func BenchmarkBuildJobs(b *testing.B) {
	file, records := risCorpus(b, 1000)
	out := filepath.Join(b.TempDir(), "out.nq")
	for _, j := range []int{1, 2} {
		b.Run(fmt.Sprintf("j=%d", j), func(b *testing.B) {
			args := []string{"msckg", "build", "-j", fmt.Sprint(j), file, "-o", out, "-q"}
			benchCommand(b, args, records)
		})
	}
}

func BenchmarkLoadJobs(b *testing.B) {
	file, records := risCorpus(b, 1000)
	for _, j := range []int{1, 2} {
		b.Run(fmt.Sprintf("j=%d", j), func(b *testing.B) {
			for b.Loop() {
				spool, err := graph.NewSpool(b.TempDir())
				if err != nil {
					b.Fatal(err)
				}
				l := &loader{jobs: j, spool: spool}
				err = l.load([]string{file})
				spool.Close()
				if err != nil || len(l.problems) > 0 || len(l.inputs) != records {
					b.Fatalf("loaded %d of %d records: %v %v", len(l.inputs), records, err, l.problems)
				}
			}
			b.ReportMetric(float64(records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// risCorpus writes n generated papers as one RIS file.
func risCorpus(b *testing.B, n int) (string, int) {
	b.Helper()
	file := filepath.Join(b.TempDir(), "corpus.ris")
	f, err := os.Create(file)
	if err != nil {
		b.Fatal(err)
	}
	if err := corpus.Write(f, "ris", n, 1); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return file, n
}
