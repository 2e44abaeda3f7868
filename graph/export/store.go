package export

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/knakk/rdf"
)

// Store holds a dataset for the writers. Every quad is checked and
// converted once, when it is added; the store keeps it sorted and free of
// duplicates, in memory up to a budget and beyond that in sorted runs on
// disk, so memory stays flat however large the graph. Writers read it
// back in order, as often as they need: by graph, subject, predicate and
// object (N-Quads), or as the union of the graphs by subject, predicate
// and object (Turtle, N-Triples), which is sorted the first time it is
// asked for.
//
// A Store is not safe for concurrent use. Close removes its files.
type Store struct {
	quads sorter
	union *sorter // made on the first read of the union
	added int     // quads added, for error messages

	budget  int
	enc     []byte // scratch for encoding one record
	parent  string // where the scratch folder goes; "" for os.TempDir
	tempDir string // the scratch folder, once made
	checked map[string]bool
}

// DefaultMemoryBudget is how many bytes of statements a Store keeps in
// memory before it spills a sorted run to disk: about 400,000 statements.
const DefaultMemoryBudget = 64 << 20

// maxCheckedIRIs bounds the cache of IRIs already checked; it is cleared
// when full, so memory does not grow with the number of distinct IRIs.
const maxCheckedIRIs = 1 << 16

// NewStore makes an empty store that keeps up to memoryBudget bytes of
// statements in memory (DefaultMemoryBudget when 0 or less). Run files go
// to a folder made under dir (os.TempDir, i.e. TMPDIR, when "") when
// first needed.
func NewStore(memoryBudget int, dir string) *Store {
	if memoryBudget <= 0 {
		memoryBudget = DefaultMemoryBudget
	}
	st := &Store{budget: memoryBudget, parent: dir, checked: map[string]bool{}}
	st.quads = sorter{scratch: st.scratch, budget: memoryBudget}
	return st
}

// StoreOf puts quads in a new in-memory store.
func StoreOf(quads []rdf.Quad) (*Store, error) {
	st := NewStore(0, "")
	for _, q := range quads {
		if err := st.Add(q); err != nil {
			st.Close()
			return nil, err
		}
	}
	return st, nil
}

func (st *Store) scratch() (string, error) {
	if st.tempDir == "" {
		dir, err := os.MkdirTemp(st.parent, "msckg-sort-")
		if err != nil {
			return "", fmt.Errorf("making a folder for sorted statements: %w", err)
		}
		st.tempDir = dir
	}
	return st.tempDir, nil
}

// Close removes the store's files. The store cannot be read afterwards.
func (st *Store) Close() error {
	if st.tempDir == "" {
		return nil
	}
	err := os.RemoveAll(st.tempDir)
	st.tempDir = ""
	return err
}

// Spilled reports whether the store has written statements to disk.
func (st *Store) Spilled() bool { return st.tempDir != "" }

// Add checks one quad and adds it. The error names the quad (0-based, in
// the order added) and the term that cannot be written; nothing is added
// then.
func (st *Store) Add(q rdf.Quad) error {
	i := st.added
	st.added++
	s, err := convertQuad(q, st.convert)
	if err != nil {
		return fmt.Errorf("quad %d: %w", i, err)
	}
	// Encoded in a reused buffer, then copied at its exact size: a
	// strings.Builder per record left up to half of each allocation
	// unused, which the memory budget did not see.
	st.enc = appendQuad(st.enc[:0], s)
	return st.quads.add(string(st.enc))
}

// convert is the package's convert with a bounded cache of good IRIs: a
// graph repeats the same few thousand IRIs (predicates, classes, graph
// names) millions of times.
func (st *Store) convert(t rdf.Term, optional bool) (term, error) {
	if v, ok := t.(rdf.IRI); ok {
		s := v.String()
		if st.checked[s] {
			return term{kind: kindIRI, value: s}, nil
		}
		if err := checkIRI(s); err != nil {
			return term{}, err
		}
		if len(st.checked) >= maxCheckedIRIs {
			clear(st.checked)
		}
		st.checked[s] = true
		return term{kind: kindIRI, value: s}, nil
	}
	return convert(t, optional)
}

// Len is the number of distinct quads. It finishes the store: nothing
// can be added afterwards.
func (st *Store) Len() (int, error) {
	if err := st.quads.finish(); err != nil {
		return 0, err
	}
	return st.quads.n, nil
}

// eachQuad calls fn for every quad, sorted by graph, subject, predicate
// and object.
func (st *Store) eachQuad(fn func(stmt) error) error {
	return st.quads.each(func(rec string) error {
		s, err := decodeStmt(rec, true)
		if err != nil {
			return err
		}
		return fn(s)
	})
}

// eachTriple calls fn for every triple of the union of the graphs (graph
// names dropped, duplicates removed), sorted by subject, predicate and
// object.
func (st *Store) eachTriple(fn func(stmt) error) error {
	if st.union == nil {
		u := &sorter{scratch: st.scratch, budget: st.budget}
		err := st.quads.each(func(rec string) error {
			// A quad record is the graph's term followed by the triple's.
			return u.add(strings.Clone(rec[termLen(rec):]))
		})
		if err != nil {
			return err // a half-made union is never kept
		}
		st.union = u
	}
	return st.union.each(func(rec string) error {
		s, err := decodeStmt(rec, false)
		if err != nil {
			return err
		}
		return fn(s)
	})
}

// Records are terms encoded so that comparing records byte by byte
// orders them by graph, subject, predicate and object in term order (the
// union: by subject, predicate and object): each term is its kind, then
// its value, datatype and language, each ended by a 0 byte. Bytes 0 and 1 inside a string are escaped as 1 1 and 1 2,
// which keeps the order and leaves 0 only as a terminator.

func appendQuad(b []byte, s stmt) []byte {
	b = appendTerm(b, s.g)
	b = appendTerm(b, s.s)
	b = appendTerm(b, s.p)
	return appendTerm(b, s.o)
}

func appendTerm(b []byte, t term) []byte {
	b = append(b, byte(t.kind)+'A')
	for _, part := range [3]string{t.value, t.datatype, t.lang} {
		if strings.IndexByte(part, 0) < 0 && strings.IndexByte(part, 1) < 0 {
			b = append(b, part...)
		} else {
			for i := 0; i < len(part); i++ {
				switch c := part[i]; c {
				case 0, 1:
					b = append(b, 1, c+1)
				default:
					b = append(b, c)
				}
			}
		}
		b = append(b, 0)
	}
	return b
}

// termLen is the length of the encoded term at the start of rec.
func termLen(rec string) int {
	n := 1
	for range 3 {
		n += strings.IndexByte(rec[n:], 0) + 1
	}
	return n
}

var errBadRecord = errors.New("internal error: a sorted statement could not be decoded")

func decodeStmt(rec string, withGraph bool) (stmt, error) {
	var s stmt
	var ok bool
	if withGraph {
		if s.g, rec, ok = decodeTerm(rec); !ok {
			return s, errBadRecord
		}
	}
	for _, t := range []*term{&s.s, &s.p, &s.o} {
		if *t, rec, ok = decodeTerm(rec); !ok {
			return s, errBadRecord
		}
	}
	if rec != "" {
		return s, errBadRecord
	}
	return s, nil
}

func decodeTerm(rec string) (term, string, bool) {
	if rec == "" {
		return term{}, "", false
	}
	t := term{kind: kind(rec[0] - 'A')}
	rec = rec[1:]
	for _, part := range []*string{&t.value, &t.datatype, &t.lang} {
		end := strings.IndexByte(rec, 0)
		if end < 0 {
			return term{}, "", false
		}
		*part = unescape(rec[:end])
		rec = rec[end+1:]
	}
	return t, rec, true
}

func unescape(s string) string {
	if strings.IndexByte(s, 1) < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == 1 && i+1 < len(s) {
			i++
			b = append(b, s[i]-1)
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// bodyBuffer is somewhere to render a long body before its header is known:
// memory for a store that fits in memory, a scratch file otherwise.
type bodyBuffer struct {
	w    *bufio.Writer
	buf  *bytes.Buffer
	file *os.File
}

func (st *Store) bodyBuffer() (*bodyBuffer, error) {
	if !st.Spilled() {
		var buf bytes.Buffer
		return &bodyBuffer{w: bufio.NewWriter(&buf), buf: &buf}, nil
	}
	dir, err := st.scratch()
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "body-*")
	if err != nil {
		return nil, fmt.Errorf("making a scratch file: %w", err)
	}
	return &bodyBuffer{w: bufio.NewWriterSize(f, 1<<16), file: f}, nil
}

// copyTo writes everything buffered to w.
func (bb *bodyBuffer) copyTo(w io.Writer) error {
	if err := bb.w.Flush(); err != nil {
		return err
	}
	if bb.file == nil {
		_, err := bb.buf.WriteTo(w)
		return err
	}
	if _, err := bb.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, bb.file)
	return err
}

func (bb *bodyBuffer) close() {
	if bb.file != nil {
		bb.file.Close()
		os.Remove(bb.file.Name())
	}
}
