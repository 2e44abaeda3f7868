package export

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// sorter sorts byte-string records that may not fit in memory, dropping
// duplicates. Records are buffered up to a budget; a full buffer is
// sorted and written to a run file in the scratch folder. Every read
// merges the runs. Small datasets never touch the disk.
type sorter struct {
	scratch func() (string, error) // the folder for run files, made on first use
	budget  int                    // bytes of buffered records before a spill

	buf      []string // records, carved from mem
	mem      arena
	size     int
	runs     []string
	external []runFile // sorted runs another process wrote (Store.AddRun); never removed

	// writing is the spill being sorted and written on another goroutine
	// while the buffer fills again, so that building statements and
	// sorting them use two cores; nil when none is.
	writing chan error

	done bool
}

// recordOverhead approximates what a buffered record costs beyond its
// bytes (the string header and allocation rounding).
const recordOverhead = 24

// add copies rec into the buffer.
func (s *sorter) add(rec []byte) error {
	if s.done {
		return errors.New("internal error: record added after the dataset was read")
	}
	s.buf = append(s.buf, s.mem.copy(rec))
	s.size += len(rec) + recordOverhead
	// Half the budget fills while the other half is written, so the
	// records in memory stay within the budget.
	if s.size >= s.budget/2 {
		return s.spill()
	}
	return nil
}

// sortBuf sorts the buffer and drops duplicate records.
func (s *sorter) sortBuf() { s.buf = sortUnique(s.buf) }

// sortUnique sorts records in place and drops duplicates.
func sortUnique(recs []string) []string {
	slices.Sort(recs)
	return slices.Compact(recs)
}

// spill hands the buffer to a goroutine that sorts it into a new run
// file, after the one before has finished; the run's name is taken here,
// in the order of the spills.
func (s *sorter) spill() error {
	if len(s.buf) == 0 {
		return nil
	}
	dir, err := s.scratch()
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "run-*")
	if err != nil {
		return fmt.Errorf("spilling sorted statements: %w", err)
	}
	if err := s.wait(); err != nil {
		f.Close()
		return err
	}
	s.runs = append(s.runs, f.Name())
	buf := s.buf
	s.writing = make(chan error, 1)
	go func(done chan<- error) {
		w := newRunWriter(f)
		for _, rec := range sortUnique(buf) {
			w.write(rec)
		}
		if err := errors.Join(w.Flush(), f.Close()); err != nil {
			done <- fmt.Errorf("spilling sorted statements: %w", err)
			return
		}
		done <- nil
	}(s.writing)
	// A fresh buffer: the old records belong to the goroutine until it is
	// done, then they are collected.
	s.buf, s.mem, s.size = nil, arena{}, 0
	return nil
}

// wait waits for the spill in the background, if one is running, and
// returns its error.
func (s *sorter) wait() error {
	if s.writing == nil {
		return nil
	}
	err := <-s.writing
	s.writing = nil
	return err
}

// finish sorts what is buffered, or spills it to a last run; it runs
// once.
func (s *sorter) finish() error {
	if s.done {
		return nil
	}
	s.done = true
	if len(s.runs) == 0 && len(s.external) == 0 {
		s.sortBuf()
		return nil
	}
	if err := s.spill(); err != nil {
		return err
	}
	return s.wait()
}

// each calls fn for every distinct record in sorted order. Spilled
// records are merged from the runs at every read: writing the merge to a
// file once and scanning that file instead wrote as many bytes again as
// the runs, and the disk writes were the largest system cost of a build
// (a build reads each sort once or twice).
func (s *sorter) each(fn func(rec string) error) error {
	if err := s.finish(); err != nil {
		return err
	}
	if len(s.runs) == 0 && len(s.external) == 0 {
		for _, rec := range s.buf {
			if err := fn(rec); err != nil {
				return err
			}
		}
		return nil
	}
	files := slices.Clone(s.external)
	for _, r := range s.runs {
		files = append(files, runFile{path: r})
	}
	var fnErr error // passed on as it is; the merge's own errors are wrapped
	err := mergeRuns(files, func(rec string) error {
		fnErr = fn(rec)
		return fnErr
	})
	if err != nil && fnErr == nil {
		return fmt.Errorf("merging sorted statements: %w", err)
	}
	return err
}

// Run files hold sorted records front-coded: each is the length of the
// prefix it shares with the record before, the length of the rest, and
// the rest. Sorted statements share long prefixes (graph, subject, often
// predicate), so this writes a fraction of the bytes; on a build of
// millions of statements the disk writes were a quarter of the CPU time.
type runWriter struct {
	*bufio.Writer
	prev string
	n    [2 * binary.MaxVarintLen64]byte
}

func newRunWriter(w io.Writer) *runWriter {
	return &runWriter{Writer: bufio.NewWriterSize(w, 1<<16)}
}

func (w *runWriter) write(rec string) {
	shared, n := 0, min(len(rec), len(w.prev))
	// Whole 16-byte blocks first: shared prefixes run to a hundred bytes
	// and more, and a byte loop was a tenth of a large build's CPU.
	for shared+16 <= n && rec[shared:shared+16] == w.prev[shared:shared+16] {
		shared += 16
	}
	for shared < n && rec[shared] == w.prev[shared] {
		shared++
	}
	k := binary.PutUvarint(w.n[:], uint64(shared))
	k += binary.PutUvarint(w.n[k:], uint64(len(rec)-shared))
	w.Write(w.n[:k])
	w.WriteString(rec[shared:])
	w.prev = rec
}

type runReader struct {
	r    *bufio.Reader
	prev string
}

func newRunReader(r io.Reader) *runReader {
	return &runReader{r: bufio.NewReaderSize(r, 1<<16)}
}

// read returns the next record; io.EOF only at a record boundary.
func (r *runReader) read() (string, error) {
	shared, err := binary.ReadUvarint(r.r)
	if err != nil {
		return "", err
	}
	rest, err := binary.ReadUvarint(r.r)
	if err != nil {
		return "", fmt.Errorf("truncated record: %w", err)
	}
	if shared > uint64(len(r.prev)) || rest > 1<<30 {
		return "", errors.New("corrupt record")
	}
	// One allocation of the record's size. Not carved from a shared
	// block as the sort buffer's records are: a reader's records are
	// handed to writers that keep some of their terms (Turtle's prefix
	// cache, the drawings' nodes), and a kept term would keep its whole
	// block alive; a 3,000-record build peaked 80 MB higher that way.
	var b strings.Builder
	b.Grow(int(shared + rest))
	b.WriteString(r.prev[:shared])
	for left := int(rest); left > 0; {
		// Straight from the reader's buffer into the record.
		chunk, err := r.r.Peek(min(left, r.r.Size()))
		if err != nil {
			return "", fmt.Errorf("truncated record: %w", noEOF(err))
		}
		b.Write(chunk)
		r.r.Discard(len(chunk))
		left -= len(chunk)
	}
	r.prev = b.String()
	return r.prev, nil
}

// noEOF turns io.EOF inside a record into io.ErrUnexpectedEOF.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// arena hands out strings carved from large blocks: one allocation per
// block instead of one per record buffered for sorting. A strings.Builder
// only ever appends, so the strings it has handed out stay valid; a block
// lives as long as one of its strings does, which is fine for a buffer
// whose records live and die together.
type arena struct{ b strings.Builder }

// arenaBlock is the size of an arena's blocks: large enough that the
// allocation is rare, small enough that a record kept alive pins little.
const arenaBlock = 64 << 10

// reserve makes room for n more bytes in the current block, starting a
// new block if they do not fit (never growing one: that would copy).
func (a *arena) reserve(n int) {
	if a.b.Cap()-a.b.Len() < n {
		a.b = strings.Builder{}
		a.b.Grow(max(n, arenaBlock))
	}
}

// copy returns a string holding the bytes of b.
func (a *arena) copy(b []byte) string {
	a.reserve(len(b))
	start := a.b.Len()
	a.b.Write(b)
	return a.b.String()[start:]
}

// runFile is a run in a file, from a byte offset to its end.
type runFile struct {
	path string
	off  int64
}

// mergeRuns calls fn for every distinct record of the sorted runs, in
// order: a k-way merge over one buffered reader per run.
func mergeRuns(runs []runFile, fn func(string) error) (err error) {
	h := &runHeap{}
	for _, p := range runs {
		f, err := os.Open(p.path)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := f.Seek(p.off, io.SeekStart); err != nil {
			return fmt.Errorf("%s: %w", p.path, err)
		}
		c := &runCursor{r: newRunReader(f), path: p.path}
		ok, err := c.next()
		if err != nil {
			return fmt.Errorf("%s: %w", p.path, err)
		}
		if ok {
			h.cursors = append(h.cursors, c)
		}
	}
	heap.Init(h)
	last, started := "", false
	for h.Len() > 0 {
		c := h.cursors[0]
		if !started || c.rec != last {
			if err := fn(c.rec); err != nil {
				return err
			}
			last, started = c.rec, true
		}
		ok, err := c.next()
		if err != nil {
			return fmt.Errorf("%s: %w", c.path, err)
		}
		if ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	return nil
}

type runCursor struct {
	r    *runReader
	rec  string
	path string // for errors
}

func (c *runCursor) next() (bool, error) {
	rec, err := c.r.read()
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	// A run another process wrote is checked: out of order, the merge
	// would silently keep a triple in the wrong graph.
	if c.rec != "" && rec < c.rec {
		return false, errors.New("run not sorted (corrupt, or not written by this msckg)")
	}
	c.rec = rec
	return true, nil
}

type runHeap struct{ cursors []*runCursor }

func (h *runHeap) Len() int           { return len(h.cursors) }
func (h *runHeap) Less(i, j int) bool { return h.cursors[i].rec < h.cursors[j].rec }
func (h *runHeap) Swap(i, j int)      { h.cursors[i], h.cursors[j] = h.cursors[j], h.cursors[i] }
func (h *runHeap) Push(x any)         { h.cursors = append(h.cursors, x.(*runCursor)) }
func (h *runHeap) Pop() any {
	c := h.cursors[len(h.cursors)-1]
	h.cursors = h.cursors[:len(h.cursors)-1]
	return c
}
