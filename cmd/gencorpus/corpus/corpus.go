// Package corpus writes deterministic synthetic bibliographic corpora on
// MSC therapy for immune thrombocytopenia, for benchmarks of msckg.
//
// Papers are fictional (DOI prefix 10.5555, PMIDs from 70000001) but
// shaped like real exports: 3–12 authors drawn from labs of a fixed cast
// (so co-authorship recurs and different people share a name), journals
// with ISSNs, and abstracts built from sentence templates with doses,
// cohort counts, response rates, adverse events and trial ids. Article i
// depends only on the seed, the corpus size and i, so one seed gives the
// same papers in every format. Writers stream: one article is in memory
// at a time.
package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Formats lists the single-file formats Write accepts.
var Formats = []string{"pubmed-xml", "ris", "medline"}

type formatSpec struct {
	header, footer string
	record         func(*strings.Builder, *article)
	file           string // file name in a mixed corpus
}

var specs = map[string]formatSpec{
	"pubmed-xml": {pubmedHeader, pubmedFooter, pubmedArticle, "pubmed.xml"},
	"ris":        {"", "", risRecord, "records.ris"},
	"medline":    {"", "", medlineRecord, "records.nbib"},
}

// Write writes n articles in format to w.
func Write(w io.Writer, format string, n int, seed uint64) error {
	spec, ok := specs[format]
	if !ok {
		return fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(Formats, ", "))
	}
	if n < 0 {
		return fmt.Errorf("negative record count %d", n)
	}
	g := newGenerator(seed, n)
	bw := bufio.NewWriterSize(w, 256<<10)
	out := newStream(bw, spec)
	for i := range n {
		a := g.article(i)
		out.add(&a)
	}
	return out.close(bw.Flush)
}

// stream writes one format's records through a reused buffer.
type stream struct {
	w     io.Writer
	spec  formatSpec
	buf   strings.Builder
	count int
	err   error
}

func newStream(w io.Writer, spec formatSpec) *stream {
	s := &stream{w: w, spec: spec}
	_, s.err = io.WriteString(w, spec.header)
	return s
}

func (s *stream) add(a *article) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	s.spec.record(&s.buf, a)
	_, s.err = io.WriteString(s.w, s.buf.String())
	s.count++
}

func (s *stream) close(flush func() error) error {
	if s.err == nil {
		_, s.err = io.WriteString(s.w, s.spec.footer)
	}
	if s.err == nil {
		s.err = flush()
	}
	return s.err
}

// MixStats says what WriteMix wrote.
type MixStats struct {
	Articles   int            // distinct papers
	Duplicates int            // papers written a second time in another format
	Records    map[string]int // records per file name
}

// WriteMix writes n articles into dir, spread over one file per format
// (pubmed.xml, records.ris, records.nbib); a fraction dup of them is
// written a second time, in another format, as the same paper exported
// twice.
func WriteMix(dir string, n int, seed uint64, dup float64) (MixStats, error) {
	st := MixStats{Articles: n, Records: map[string]int{}}
	if n < 0 || dup < 0 || dup > 1 {
		return st, fmt.Errorf("bad mix: n=%d, dup=%g (want n >= 0, 0 <= dup <= 1)", n, dup)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, fmt.Errorf("creating %s: %w", dir, err)
	}
	type sink struct {
		f  *os.File
		bw *bufio.Writer
		s  *stream
	}
	sinks := make([]sink, len(Formats))
	var errs []error
	for i, name := range Formats {
		spec := specs[name]
		f, err := os.Create(filepath.Join(dir, spec.file))
		if err != nil {
			errs = append(errs, err)
			break
		}
		bw := bufio.NewWriterSize(f, 256<<10)
		sinks[i] = sink{f, bw, newStream(bw, spec)}
	}
	if errs == nil {
		g := newGenerator(seed, n)
		for i := range n {
			a := g.article(i)
			rng := g.rng(i, 0x313)
			first := rng.IntN(len(sinks))
			sinks[first].s.add(&a)
			if rng.Float64() < dup {
				other := (first + 1 + rng.IntN(len(sinks)-1)) % len(sinks)
				sinks[other].s.add(&a)
				st.Duplicates++
			}
		}
	}
	for i, name := range Formats {
		s := sinks[i]
		if s.f == nil {
			continue
		}
		errs = append(errs, s.s.close(s.bw.Flush), s.f.Close())
		st.Records[specs[name].file] = s.s.count
	}
	return st, errors.Join(errs...)
}
