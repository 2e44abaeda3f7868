package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress tells a person at a terminal what a long build is doing: the
// stage, records read, records per second and, while reading, the time
// left estimated from the bytes of input still unread. It writes one line
// that it keeps rewriting, at most four times a second, and clears it when
// done so the summary and problems print as before. It is silent when
// stderr is not a terminal (logs, pipes, CI) and with --quiet.
type progress struct {
	w   io.Writer
	now func() time.Time

	mu         sync.Mutex
	on         bool
	stage      string
	start      time.Time // of the reading stage
	last       time.Time // of the last line written
	records    int
	doneBytes  int64
	totalBytes int64
	width      int // of the last line, to clear it
}

// progressInterval is how often the line may be rewritten.
const progressInterval = 250 * time.Millisecond

// newProgress returns a reporter writing to w when w is a terminal and
// quiet is false; otherwise one that writes nothing.
func newProgress(w io.Writer, quiet bool) *progress {
	return &progress{w: w, now: time.Now, on: !quiet && isTerminal(w)}
}

// isTerminal reports whether w is a character device (a terminal), without
// a dependency: pipes, files and /dev/null-like sinks in tests are not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && f.Name() != os.DevNull
}

// reading starts the reading stage over files whose sizes add up to total
// bytes (0 when unknown, as for standard input: no time left is shown).
func (p *progress) reading(total int64) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stage, p.totalBytes, p.start = "reading", total, p.now()
}

// read counts bytes taken from the inputs.
func (p *progress) read(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.doneBytes += int64(n)
	p.mu.Unlock()
}

// record counts one record read and rewrites the line when it is due.
func (p *progress) record() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.records++
	if now := p.now(); p.on && now.Sub(p.last) >= progressInterval {
		p.last = now
		p.write(p.line(now))
	}
}

// enter names a later stage (building, writing a file); its line is
// written at once, since these stages report no counts of their own.
func (p *progress) enter(stage string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stage = stage
	if p.on {
		p.last = p.now()
		p.write(p.line(p.last))
	}
}

// done clears the line.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && p.width > 0 {
		fmt.Fprintf(p.w, "\r%*s\r", p.width, "")
		p.width = 0
	}
}

// line describes the build at now.
func (p *progress) line(now time.Time) string {
	elapsed := now.Sub(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.records) / elapsed
	}
	if p.stage != "reading" {
		// Later stages have no count of their own: say where the build is
		// and how long it has run.
		return fmt.Sprintf("msckg: %s (%d records, %s so far)", p.stage, p.records, now.Sub(p.start).Round(time.Second))
	}
	s := fmt.Sprintf("msckg: reading: %d records read, %.0f records/s", p.records, rate)
	if p.totalBytes > 0 && p.doneBytes > 0 && elapsed > 0 {
		frac := min(1, float64(p.doneBytes)/float64(p.totalBytes))
		left := time.Duration(elapsed / frac * (1 - frac) * float64(time.Second))
		if left < time.Second {
			s += fmt.Sprintf(", %.0f%% of the input, under a second left", 100*frac)
		} else {
			s += fmt.Sprintf(", %.0f%% of the input, about %s left", 100*frac, left.Round(time.Second))
		}
	}
	return s
}

func (p *progress) write(s string) {
	pad := max(0, p.width-len(s))
	fmt.Fprintf(p.w, "\r%s%*s", s, pad, "")
	p.width = len(s)
}

// countingReader tells progress how many bytes a reader has given.
type countingReader struct {
	r io.Reader
	p *progress
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.read(n)
	return n, err
}

// errCannotSeek is the Seek error of a countingReader over a reader that
// cannot seek (standard input).
var errCannotSeek = errors.New("input cannot seek")

// Seek lets the reader of an input go back (mappings checks a file's
// whole text encoding before reading it); the bytes gone back over are
// taken off the count, so they are not counted twice.
func (c countingReader) Seek(offset int64, whence int) (int64, error) {
	s, ok := c.r.(io.Seeker)
	if !ok {
		return 0, errCannotSeek
	}
	from, err := s.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, err
	}
	to, err := s.Seek(offset, whence)
	if err == nil {
		c.p.read(int(to - from))
	}
	return to, err
}

// inputBytes adds up the sizes of the input files (standard input and
// anything that cannot be stat'ed count as 0).
func inputBytes(files []string) int64 {
	var total int64
	for _, f := range files {
		if f == "-" {
			continue
		}
		if st, err := os.Stat(f); err == nil {
			total += st.Size()
		}
	}
	return total
}
