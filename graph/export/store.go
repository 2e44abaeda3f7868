package export

import (
	"bufio"
	"bytes"
	"encoding/binary"
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
// disk, so memory stays flat however large the graph.
//
// Every statement is kept once. A triple added in several graphs is kept
// only in the graph of best (lowest) rank, ties broken by the graph's
// IRI: the union of the graphs then holds each triple exactly once, so a
// SPARQL engine whose union default graph is a set (Jena) and one whose
// union is a bag (Oxigraph) give the same answers, and Turtle holds the
// same triples as N-Quads.
//
// Statements are sorted by triple first (which is the union's order, for
// Turtle and N-Triples, and puts a triple's graphs side by side so the
// best is chosen), and by graph the first time a writer asks for it
// (N-Quads, JSON-LD, the drawings).
//
// A Store is not safe for concurrent use. Close removes its files.
type Store struct {
	triples sorter  // triple, rank, graph
	byGraph *sorter // graph, triple; made on the first read by graph
	added   int     // quads added, for error messages
	// Known after the first full read: statements kept, and quads dropped
	// because a graph of better rank has the same triple.
	counted        bool
	kept, restated int

	budget  int
	enc     []byte            // scratch for encoding one record
	rank    uint32            // of the record in enc
	parent  string            // where the scratch folder goes; "" for os.TempDir
	tempDir string            // the scratch folder, once made
	encoded map[string]string // IRIs already checked → their encoding
	// encodedMem holds the cache's encodings: one allocation per block.
	encodedMem arena
	lastIRI    [4]struct{ iri, enc string } // by position in the quad
}

// DefaultMemoryBudget is how many bytes of statements a Store keeps in
// memory before it spills a sorted run to disk: about 400,000 statements.
const DefaultMemoryBudget = 64 << 20

// maxCheckedIRIs bounds the cache of IRIs already checked and encoded;
// it is cleared when full, so memory does not grow with the number of
// distinct IRIs.
const maxCheckedIRIs = 1 << 16

// NewStore makes an empty store that keeps up to memoryBudget bytes of
// statements in memory (DefaultMemoryBudget when 0 or less). Run files go
// to a folder made under dir (os.TempDir, i.e. TMPDIR, when "") when
// first needed.
func NewStore(memoryBudget int, dir string) *Store {
	if memoryBudget <= 0 {
		memoryBudget = DefaultMemoryBudget
	}
	st := &Store{budget: memoryBudget, parent: dir, encoded: map[string]string{}}
	st.triples = sorter{scratch: st.scratch, budget: memoryBudget}
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
	// A spill still being written must end before its folder goes.
	st.triples.wait()
	if st.byGraph != nil {
		st.byGraph.wait()
	}
	if st.tempDir == "" {
		return nil
	}
	err := os.RemoveAll(st.tempDir)
	st.tempDir = ""
	return err
}

// Spilled reports whether the store has written statements to disk.
func (st *Store) Spilled() bool { return st.tempDir != "" }

// Add checks one quad and adds it with rank 0, the best. The error names
// the quad (0-based, in the order added) and the term that cannot be
// written; nothing is added then.
func (st *Store) Add(q rdf.Quad) error { return st.AddRanked(q, 0) }

// AddRanked adds one quad whose graph has the given rank: where the same
// triple is added in several graphs, only the one of lowest rank keeps it.
func (st *Store) AddRanked(q rdf.Quad, rank uint32) error {
	i := st.added
	st.added++
	// Encoded in a reused buffer, then copied into the sorter's arena: a
	// strings.Builder per record left up to half of each allocation
	// unused, which the memory budget did not see.
	st.enc, st.rank = st.enc[:0], rank
	if err := checkQuad(q, st.appendChecked); err != nil {
		return fmt.Errorf("quad %d: %w", i, err)
	}
	return st.triples.add(st.enc)
}

// appendChecked checks the term at pos of a quad as convert does and
// appends it to the ranked record in st.enc (the rank goes before the
// graph). IRIs are checked and encoded once, then copied from a bounded
// cache: a graph repeats the same IRIs (predicates, classes, graph names,
// a paper's) millions of times.
func (st *Store) appendChecked(pos int, t rdf.Term) (kind, error) {
	if pos == posGraph {
		st.enc = binary.BigEndian.AppendUint32(st.enc, st.rank)
	}
	if v, ok := t.(rdf.IRI); ok {
		// Statements come in runs with the same graph and subject (and
		// often predicate): the last IRI at each position spares a lookup.
		last := &st.lastIRI[pos]
		if s := v.String(); s != last.iri || last.enc == "" {
			enc, err := st.encodedIRI(s)
			if err != nil {
				return 0, err
			}
			last.iri, last.enc = s, enc
		}
		st.enc = append(st.enc, last.enc...)
		return kindIRI, nil
	}
	var v term
	var err error
	if l, ok := t.(rdf.Literal); ok {
		v, err = literalTerm(l, func(dt string) error { _, err := st.encodedIRI(dt); return err })
	} else {
		v, err = convert(t, pos == posGraph)
	}
	if err != nil {
		return 0, err
	}
	st.enc = appendTerm(st.enc, v)
	return v.kind, nil
}

// encodedIRI checks IRI s and returns it encoded as a record's term.
func (st *Store) encodedIRI(s string) (string, error) {
	if enc, ok := st.encoded[s]; ok {
		return enc, nil
	}
	if err := checkIRI(s); err != nil {
		return "", err
	}
	if len(st.encoded) >= maxCheckedIRIs {
		clear(st.encoded)
		st.encodedMem = arena{}
	}
	// Encoded in the record buffer's spare room, kept in the cache's arena.
	tail := len(st.enc)
	st.enc = appendTerm(st.enc, term{kind: kindIRI, value: s})
	enc := st.encodedMem.copy(st.enc[tail:])
	st.enc = st.enc[:tail]
	st.encoded[s] = enc
	return enc, nil
}

// Len is the number of statements: distinct triples, each in one graph.
// It finishes the store: nothing can be added afterwards. After a writer
// has read the whole store it costs nothing; before, it reads it once.
func (st *Store) Len() (int, error) {
	if !st.counted {
		if err := st.eachRanked(func(stmt) error { return nil }); err != nil {
			return 0, err
		}
	}
	return st.kept, nil
}

// Restated is how many quads repeated a triple already kept in a graph of
// better rank, and were dropped. It finishes the store.
func (st *Store) Restated() (int, error) {
	_, err := st.Len()
	return st.restated, err
}

// eachKept calls fn for every triple once, with the record that keeps it
// (the first of the triple's records, whose rank is best) and the length
// of the triple at its start, sorted by subject, predicate and object.
func (st *Store) eachKept(fn func(rec string, tripleEnd int) error) error {
	var prevTriple string
	first := true
	kept, restated := 0, 0
	err := st.triples.each(func(rec string) error {
		end := tripleLen(rec)
		if !first && rec[:end] == prevTriple {
			restated++
			return nil // the same triple in a graph of worse rank
		}
		first, prevTriple = false, rec[:end]
		kept++
		return fn(rec, end)
	})
	if err == nil {
		st.counted, st.kept, st.restated = true, kept, restated
	}
	return err
}

// eachRanked calls fn for every triple once, with the graph that keeps
// it, sorted by subject, predicate and object.
func (st *Store) eachRanked(fn func(stmt) error) error { return st.eachDecoded(true, fn) }

// eachTriple calls fn for every triple of the union of the graphs (no
// graph name), sorted by subject, predicate and object.
func (st *Store) eachTriple(fn func(stmt) error) error { return st.eachDecoded(false, fn) }

func (st *Store) eachDecoded(withGraph bool, fn func(stmt) error) error {
	return st.eachKept(func(rec string, end int) error {
		s, err := decodeRanked(rec, end, withGraph)
		if err != nil {
			return err
		}
		return fn(s)
	})
}

// eachQuad calls fn for every statement, with the graph that keeps it,
// sorted by graph, subject, predicate and object.
func (st *Store) eachQuad(fn func(stmt) error) error {
	if st.byGraph == nil {
		g := &sorter{scratch: st.scratch, budget: st.budget}
		var enc []byte
		err := st.eachKept(func(rec string, end int) error {
			// The quad record is the ranked record's graph, then its
			// triple: the same encoded bytes, moved, never decoded.
			if len(rec) < end+4 {
				return errBadRecord
			}
			enc = append(append(enc[:0], rec[end+4:]...), rec[:end]...)
			return g.add(enc)
		})
		if err != nil {
			g.wait()
			return err // a half-made sort is never kept
		}
		st.byGraph = g
	}
	return st.byGraph.each(func(rec string) error {
		s, err := decodeStmt(rec, true)
		if err != nil {
			return err
		}
		return fn(s)
	})
}

// Records are terms encoded so that comparing records byte by byte
// orders them in term order: each term is its kind, then its value,
// datatype and language, each ended by a 0 byte. Bytes 0 and 1 inside a
// string are escaped as 1 1 and 1 2, which keeps the order and leaves 0
// only as a terminator. A ranked record is subject, predicate, object,
// the rank as four big-endian bytes, then the graph; a quad record is the
// graph, then subject, predicate and object.

// tripleLen is the length of the triple at the start of a ranked record.
func tripleLen(rec string) int {
	n := 0
	for range 3 {
		n += termLen(rec[n:])
	}
	return n
}

// decodeRanked decodes a ranked record whose triple is tripleEnd bytes
// long; its graph too when withGraph.
func decodeRanked(rec string, tripleEnd int, withGraph bool) (stmt, error) {
	if len(rec) < tripleEnd+4 {
		return stmt{}, errBadRecord
	}
	s, err := decodeStmt(rec[:tripleEnd], false)
	if err != nil || !withGraph {
		return s, err
	}
	var ok bool
	var rest string
	if s.g, rest, ok = decodeTerm(rec[tripleEnd+4:]); !ok || rest != "" {
		return s, errBadRecord
	}
	return s, nil
}

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
		// Most parts are empty (an IRI has no datatype or language):
		// a byte test spares a call.
		if n < len(rec) && rec[n] == 0 {
			n++
			continue
		}
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
	for _, t := range [3]*term{&s.s, &s.p, &s.o} {
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
	for _, part := range [3]*string{&t.value, &t.datatype, &t.lang} {
		if rec != "" && rec[0] == 0 {
			rec = rec[1:] // an empty part, as termLen
			continue
		}
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
