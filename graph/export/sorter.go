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
)

// sorter sorts byte-string records that may not fit in memory, dropping
// duplicates. Records are buffered up to a budget; a full buffer is
// sorted and written to a run file in the scratch folder. The first read
// merges the runs into one sorted file, which later reads scan again.
// Small datasets never touch the disk.
type sorter struct {
	scratch func() (string, error) // the folder for run files, made on first use
	budget  int                    // bytes of buffered records before a spill

	buf  []string
	size int
	runs []string

	done  bool
	final string // merged file; "" when everything stayed in buf
	n     int    // distinct records, once done
}

// recordOverhead approximates what a buffered record costs beyond its
// bytes (the string header and allocation rounding).
const recordOverhead = 24

func (s *sorter) add(rec string) error {
	if s.done {
		return errors.New("internal error: record added after the dataset was read")
	}
	s.buf = append(s.buf, rec)
	s.size += len(rec) + recordOverhead
	if s.size >= s.budget {
		return s.spill()
	}
	return nil
}

// sortBuf sorts the buffer and drops duplicate records.
func (s *sorter) sortBuf() {
	slices.Sort(s.buf)
	s.buf = slices.Compact(s.buf)
}

func (s *sorter) spill() error {
	if len(s.buf) == 0 {
		return nil
	}
	dir, err := s.scratch()
	if err != nil {
		return err
	}
	s.sortBuf()
	f, err := os.CreateTemp(dir, "run-*")
	if err != nil {
		return fmt.Errorf("spilling sorted statements: %w", err)
	}
	s.runs = append(s.runs, f.Name())
	w := bufio.NewWriterSize(f, 1<<16)
	for _, rec := range s.buf {
		writeRecord(w, rec)
	}
	err = errors.Join(w.Flush(), f.Close())
	if err != nil {
		return fmt.Errorf("spilling sorted statements: %w", err)
	}
	// A fresh buffer lets the old records be collected.
	s.buf, s.size = nil, 0
	return nil
}

// finish sorts what is buffered or merges the runs; it runs once.
func (s *sorter) finish() error {
	if s.done {
		return nil
	}
	s.done = true
	if len(s.runs) == 0 {
		s.sortBuf()
		s.n = len(s.buf)
		return nil
	}
	if err := s.spill(); err != nil {
		return err
	}
	dir, err := s.scratch()
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "merged-*")
	if err != nil {
		return fmt.Errorf("merging sorted statements: %w", err)
	}
	s.final = f.Name()
	w := bufio.NewWriterSize(f, 1<<16)
	err = mergeRuns(s.runs, func(rec string) error {
		s.n++
		writeRecord(w, rec)
		return nil
	})
	err = errors.Join(err, w.Flush(), f.Close())
	for _, r := range s.runs {
		err = errors.Join(err, os.Remove(r))
	}
	s.runs = nil
	if err != nil {
		return fmt.Errorf("merging sorted statements: %w", err)
	}
	return nil
}

// each calls fn for every distinct record in sorted order.
func (s *sorter) each(fn func(rec string) error) error {
	if err := s.finish(); err != nil {
		return err
	}
	if s.final == "" {
		for _, rec := range s.buf {
			if err := fn(rec); err != nil {
				return err
			}
		}
		return nil
	}
	f, err := os.Open(s.final)
	if err != nil {
		return fmt.Errorf("reading sorted statements: %w", err)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	for {
		rec, err := readRecord(r)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading sorted statements: %w", err)
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
}

// Run files hold records as a uvarint length followed by the bytes.
func writeRecord(w *bufio.Writer, rec string) {
	var n [binary.MaxVarintLen64]byte
	w.Write(n[:binary.PutUvarint(n[:], uint64(len(rec)))])
	w.WriteString(rec)
}

func readRecord(r *bufio.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err // io.EOF only at a record boundary
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", fmt.Errorf("truncated record: %w", err)
	}
	return string(b), nil
}

// mergeRuns calls fn for every distinct record of the sorted runs, in
// order: a k-way merge over one buffered reader per run.
func mergeRuns(paths []string, fn func(string) error) (err error) {
	h := &runHeap{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		c := &runCursor{r: bufio.NewReaderSize(f, 1<<16)}
		ok, err := c.next()
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
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
			return err
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
	r   *bufio.Reader
	rec string
}

func (c *runCursor) next() (bool, error) {
	rec, err := readRecord(c.r)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err
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
