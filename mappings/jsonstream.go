package mappings

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The JSON readers (CSL-JSON, Crossref, OpenAlex, Semantic Scholar) share
// one way of walking a document: a bare object is one record, an array
// holds records, and a wrapper object holds them under a known key
// ({"results": […]}, {"data": […]}, {"message": {"items": […]}}). Arrays
// are streamed element by element with json.Decoder, so a work-list of
// any length is never held whole.

// jsonItem is one record-sized JSON value with where it starts.
type jsonItem struct {
	Raw  json.RawMessage
	Line int
	N    int // 1-based record number, counting records lost to errors
}

// jsonWrapper says where a wrapper object keeps its records: Path is
// the chain of keys leading to an array of records or to one record
// object.
type jsonWrapper struct {
	Path []string
}

// jsonSource tracks, for the bytes the decoder pulls through it, the
// newlines seen (to give each record its line) and, while keep is on,
// the bytes themselves (to return a bare object's exact text).
type jsonSource struct {
	r        io.Reader
	read     int64   // bytes passed to the decoder
	newlines []int64 // offsets of newlines not yet counted by lineAt
	counted  int
	// lineStart is the offset where the line of the last offset given to
	// lineAt starts.
	lineStart int64
	// firsts holds the offsets of the first byte of each line that is
	// not a space (not yet forgotten by startsLine); content says the
	// line being read has had one.
	firsts   []int64
	content  bool
	keep     bool
	kept     []byte // bytes from offset keptFrom, while keep is on
	keptFrom int64
}

// forget drops the kept bytes before offset off: a JSON Lines input keeps
// only the record in hand.
func (s *jsonSource) forget(off int64) {
	if i := off - s.keptFrom; i > 0 && i <= int64(len(s.kept)) {
		s.kept = append(s.kept[:0], s.kept[i:]...)
		s.keptFrom = off
	}
}

func (s *jsonSource) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	for i, b := range p[:n] {
		switch off := s.read + int64(i); {
		case b == '\n':
			s.newlines = append(s.newlines, off)
			s.content = false
		case s.content || b == ' ' || b == '\t' || b == '\r' || (off < 3 && b >= utf8.RuneSelf):
			// not a line's first content (a byte-order mark is none)
		default:
			s.firsts = append(s.firsts, off)
			s.content = true
		}
	}
	if s.keep {
		s.kept = append(s.kept, p[:n]...)
	}
	s.read += int64(n)
	return n, err
}

// lineAt returns the 1-based line of byte offset off. Offsets must be
// asked for in increasing order: counted newlines are forgotten.
func (s *jsonSource) lineAt(off int64) int {
	i := 0
	for i < len(s.newlines) && s.newlines[i] < off {
		i++
	}
	if i > 0 {
		s.lineStart = s.newlines[i-1] + 1
	}
	s.counted += i
	s.newlines = s.newlines[i:]
	return s.counted + 1
}

// startsLine reports whether only spaces precede offset off on its line.
// It must follow lineAt(off).
func (s *jsonSource) startsLine(off int64) bool {
	i := 0
	for i < len(s.firsts) && s.firsts[i] < s.lineStart {
		i++
	}
	s.firsts = s.firsts[i:]
	return len(s.firsts) > 0 && s.firsts[0] == off
}

// column returns how many spaces and tabs precede offset off on its
// line, and whether only those do, from the kept bytes.
func (s *jsonSource) column(off int64) (int, bool) {
	col := 0
	for i := off - s.keptFrom - 1; i >= 0 && i < int64(len(s.kept)); i-- {
		switch s.kept[i] {
		case ' ', '\t':
			col++
		case '\n':
			return col, true
		default:
			return 0, false
		}
	}
	return col, off-s.keptFrom == int64(col) && s.keptFrom == 0
}

// valueStart returns the offset of the first byte of the value that
// follows off in the kept bytes (skipping white space, ':' and ',').
func (s *jsonSource) valueStart(off int64) int64 {
	for off-s.keptFrom >= 0 && off-s.keptFrom < int64(len(s.kept)) {
		switch s.kept[off-s.keptFrom] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// errJSONNotRecords is returned for a document that is neither an
// object nor an array.
var errJSONNotRecords = errors.New("not a JSON object or array")

// jsonRecords yields the record values of a JSON document. A syntax
// error costs the record in hand, reported as a RecordError: in an array
// of records or JSON Lines, reading resumes at the next record (see
// jsonWalker.resync); elsewhere it stops, saying so.
func jsonRecords(r io.Reader, wrappers []jsonWrapper) iter.Seq2[jsonItem, error] {
	return func(yield func(jsonItem, error) bool) {
		src := &jsonSource{r: r, keep: true}
		br := bufio.NewReader(src)
		var base int64
		// Skip a byte-order mark: encoding/json refuses it.
		if bom, err := br.Peek(3); err == nil && bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
			br.Discard(3) //nolint:errcheck // Peek just returned these bytes
			base = 3      // the decoder's offsets count from after the mark
		}
		dec := json.NewDecoder(br)
		w := &jsonWalker{src: src, br: br, dec: dec, yield: yield, base: base}
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			yield(jsonItem{}, &RecordError{Record: 1, Line: 1, Err: fmt.Errorf("JSON: %w", err)})
			return
		}
		switch tok {
		case json.Delim('['):
			src.keep, src.kept = false, nil
			w.array()
		case json.Delim('{'):
			w.lines = true
			w.recordStart = w.offset() - 1
			w.object(wrappers, 0, w.recordStart)
			// JSON Lines (an OpenAlex snapshot file, a JSONL export): one
			// object per line, each read as the first was.
			for !w.broken {
				src.forget(w.offset())
				w.recordStart = w.offset()
				tok, err := w.dec.Token()
				if err == io.EOF {
					return
				}
				if err != nil {
					w.fail(err)
					continue
				}
				if _, delim := tok.(json.Delim); !delim {
					// A whole value, read: it costs itself and nothing
					// after it.
					w.reject(w.src.valueStart(w.recordStart), fmt.Errorf("JSON: %s where JSON Lines has the next object", describeToken(tok)))
					continue
				}
				if tok != json.Delim('{') {
					w.fail(fmt.Errorf("after an object, %v where JSON Lines has the next object", tok))
					continue
				}
				w.object(wrappers, 0, w.offset()-1)
			}
			return
		default:
			yield(jsonItem{}, &RecordError{Record: 1, Line: 1, Err: errJSONNotRecords})
			return
		}
		// Nothing may follow a top-level array: said, not dropped.
		if !w.broken {
			if _, err := w.dec.Token(); err != io.EOF {
				if err == nil {
					err = errors.New("data after the JSON array")
				}
				w.fail(err)
			}
		}
	}
}

type jsonWalker struct {
	src    *jsonSource
	br     *bufio.Reader // what the decoder reads; a resync starts a new decoder on it
	dec    *json.Decoder
	yield  func(jsonItem, error) bool
	base   int64 // offset in src of the decoder's offset 0
	n      int   // records yielded or lost so far
	broken bool  // a syntax error or a stopped consumer ended the walk
	// lines is set for a top-level stream of objects (JSON Lines), and
	// path holds what a JSON text needs to open the containers being
	// read ({"": for an object, [ for the array of records): where and
	// how to pick up after a broken record.
	lines       bool
	path        []string
	recordStart int64 // in JSON Lines, where the record in hand begins
	// resyncs counts the recoveries, so that a broken input of any size
	// ends in bounded work.
	resyncs int
}

func (w *jsonWalker) offset() int64 { return w.base + w.dec.InputOffset() }

// inArray reports whether the walker is reading an array of records.
func (w *jsonWalker) inArray() bool { return len(w.path) > 0 && w.path[len(w.path)-1] == "[" }

func (w *jsonWalker) emit(it jsonItem, err error) {
	if w.broken {
		return
	}
	if !w.yield(it, err) {
		w.broken = true
	}
}

// fail reports a syntax error (or nesting past the decoder's depth
// limit) as an unreadable record at the line where that record starts,
// naming the line of the error too. Inside an array of records, or
// between the objects of JSON Lines, reading then resumes at the next
// record (resync); elsewhere, or when no next record is found, it stops
// and says that the rest could not be read.
func (w *jsonWalker) fail(err error) {
	start := w.offset()
	if len(w.path) == 0 && w.lines {
		// JSON Lines: the record is the object that began at recordStart,
		// however far the decoder got into it.
		start = w.src.valueStart(w.recordStart)
	} else {
		// The decoder has not consumed the bytes before the broken value:
		// skip the separators to find where it starts.
		buf, _ := io.ReadAll(io.LimitReader(w.dec.Buffered(), 1<<12))
		for _, b := range buf {
			if b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != ',' && b != ':' {
				break
			}
			start++
		}
	}
	line := w.src.lineAt(start)
	indent := int(start - w.src.lineStart)
	ownLine := w.src.startsLine(start)
	var syn *json.SyntaxError
	if errors.As(err, &syn) && w.base+syn.Offset >= start {
		err = fmt.Errorf("line %d: %w", w.src.lineAt(w.base+syn.Offset), err)
	}
	err = fmt.Errorf("JSON: %w", err)
	resumed := 0
	canResync := w.inArray() || (len(w.path) == 0 && w.lines)
	if !w.broken && canResync && w.resyncs < maxJSONResyncs {
		w.resyncs++
		resumed = w.resync(start, indent, ownLine)
	}
	switch {
	case resumed > 0:
		err = fmt.Errorf("%w; reading resumes with the record at line %d", err, resumed)
	case w.broken: // the consumer stopped: nothing more to say
	default:
		why := "no record after it could be found"
		if !canResync {
			why = "inside a broken object records cannot be told apart"
		}
		err = fmt.Errorf("%w; %s, so the rest of the input is not read (lines %d to %d, with any records in them)", err, why, line, w.lastLine())
	}
	w.emit(jsonItem{}, &RecordError{Record: w.n + 1, Line: line, Err: err})
	w.n++
	if resumed == 0 {
		w.broken = true
	}
}

// lastLine reads what is left of the input, to say where it ends when
// reading gives up: the lines no record can be read from are named.
func (w *jsonWalker) lastLine() int {
	io.Copy(io.Discard, io.MultiReader(w.dec.Buffered(), w.br)) //nolint:errcheck // only the count of lines is wanted
	return w.src.lineAt(max(w.src.read-1, 0))
}

// reject reports the unreadable record that starts at offset start.
func (w *jsonWalker) reject(start int64, err error) {
	w.emit(jsonItem{}, &RecordError{Record: w.n + 1, Line: w.src.lineAt(start), Err: err})
	w.n++
}

// describeToken names a scalar JSON token for a message.
func describeToken(tok json.Token) string {
	switch v := tok.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("the string %.40q", v)
	default:
		return fmt.Sprintf("the value %v", v)
	}
}

// maxJSONResyncs bounds the recoveries in one input: past it, the input
// is taken for something other than records with a few errors.
const maxJSONResyncs = 10000

// resync skips the broken value that starts at offset from (of src) and
// puts a new decoder where the next record starts, returning that
// record's line, or 0 when none is found.
//
// When the broken value begins its line (ownLine: pretty-printed, one
// record a line, JSON Lines), the layout says where records start, and
// only it is trusted: a missing quote turns every string and bracket
// after it inside out, so counting them would cut the record in pieces.
// The next record is then the next line that starts a value indented as
// the broken one was, or (in an array) a line starting with "," or the
// closing "]" no deeper.
//
// Otherwise the next record is the first of: what follows a "," at the
// broken value's own nesting level (or, in JSON Lines, the end of that
// value); the "]" closing the array; a line that starts a value indented
// as the broken value was (a value cut short never closes its brackets).
// Strings are followed so that brackets inside them do not count; a
// string never spans a line.
func (w *jsonWalker) resync(from int64, indent int, ownLine bool) int {
	rest := bufio.NewReader(io.MultiReader(w.dec.Buffered(), w.br))
	off := w.offset()
	depth, inString, escaped, seen := 0, false, false, off > from
	col, atLineStart := 0, false
	if seen && !w.inArray() {
		// JSON Lines, the decoder stopped inside the record's object,
		// possibly at the start of a line.
		depth = 1
		col, atLineStart = w.src.column(off)
	}
	resumeAt := int64(-1)
	for resumeAt < 0 {
		c, err := rest.ReadByte()
		if err != nil {
			return 0
		}
		off++
		if c == '\n' {
			inString, escaped, atLineStart, col = false, false, true, 0
			continue
		}
		if atLineStart {
			if c == ' ' || c == '\t' {
				col++
				continue
			}
			atLineStart = false
			switch {
			case ownLine && off-1 <= from:
			case col == indent && (seen || ownLine) && startsValue(c):
				resumeAt = off - 1
			case ownLine && w.inArray() && c == ']' && col <= indent:
				resumeAt = off - 1 // the array's end: read as usual
			case ownLine && w.inArray() && c == ',' && col <= indent:
				resumeAt = off // a layout with the commas first
			}
			if resumeAt >= 0 {
				break
			}
		}
		if ownLine {
			continue
		}
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case ' ', '\t', '\r':
			continue
		case '"':
			inString = true
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth < 0 && w.inArray() && c == ']' {
				resumeAt = off - 1 // the array's end: read as usual
				continue
			}
			if depth == 0 && !w.inArray() && seen {
				resumeAt = off // JSON Lines: the broken object has ended
				continue
			}
		case ',':
			if depth <= 0 && seen && w.inArray() {
				resumeAt = off
				continue
			}
		}
		if depth < 0 {
			depth = 0
		}
		seen = true
	}
	if resumeAt == off-1 {
		rest.UnreadByte() //nolint:errcheck // the byte just read
	}
	// The new decoder is primed to the nesting it resumes in: the objects
	// and the array of records that lead to it.
	prefix := strings.Join(w.path, "")
	w.br = rest
	w.dec = json.NewDecoder(io.MultiReader(strings.NewReader(prefix), rest))
	w.base = resumeAt - int64(len(prefix))
	tokens := 0
	for _, p := range w.path {
		if p == "[" {
			tokens++ // [
		} else {
			tokens += 2 // { and the key ""
		}
	}
	for range tokens {
		w.dec.Token() //nolint:errcheck // our own prefix
	}
	next := resumeAt
	if head, _ := rest.Peek(4096); len(head) > 0 {
		next += int64(len(head) - len(bytes.TrimLeft(head, " \t\r\n")))
	}
	return w.src.lineAt(next)
}

// startsValue reports whether c can begin a JSON value other than a
// string. At the broken value's indent, a line that starts one starts
// the next record: a pretty-printer puts only the records' own brackets
// there, and a record that is no object (null in a batch answer) still
// counts. A string is left out: no record is one, and it is what an
// object printed without indentation has at the start of its lines.
func startsValue(c byte) bool {
	return c == '{' || c == '[' || c == 'n' || c == 't' || c == 'f' || c == '-' || (c >= '0' && c <= '9')
}

// array streams the elements of an array whose "[" was just read. A
// broken element costs that element: fail resynchronises at the next.
func (w *jsonWalker) array() {
	w.path = append(w.path, "[")
	defer func() { w.path = w.path[:len(w.path)-1] }()
	for !w.broken {
		if !w.dec.More() {
			if _, err := w.dec.Token(); err != nil { // the closing "]"
				w.fail(err)
				continue
			}
			return
		}
		var raw json.RawMessage
		if err := w.dec.Decode(&raw); err != nil {
			w.fail(err)
			continue
		}
		w.n++
		start := w.offset() - int64(len(raw))
		w.emit(jsonItem{Raw: raw, Line: w.src.lineAt(start), N: w.n}, nil)
	}
}

// object walks an object whose "{" was just read at offset open (of
// src), depth keys down the wrapper paths. When one of its keys leads
// to records, they are streamed; otherwise the object itself is the
// record.
func (w *jsonWalker) object(wrappers []jsonWrapper, depth int, open int64) {
	found := false
	for !w.broken && w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			w.fail(err)
			return
		}
		key, _ := tok.(string)
		var next []jsonWrapper
		for _, wr := range wrappers {
			if len(wr.Path) > depth && wr.Path[depth] == key {
				next = append(next, wr)
			}
		}
		if len(next) == 0 || found {
			var skip json.RawMessage
			if err := w.dec.Decode(&skip); err != nil {
				w.fail(err)
				return
			}
			continue
		}
		valueAt := w.src.valueStart(w.offset())
		tok, err = w.dec.Token()
		if err != nil {
			w.fail(err)
			return
		}
		switch tok {
		case json.Delim('['):
			found = true
			w.src.keep, w.src.kept = false, nil
			w.path = append(w.path, `{"":`)
			w.array()
			w.path = w.path[:len(w.path)-1]
		case json.Delim('{'):
			found = true
			w.path = append(w.path, `{"":`)
			w.object(next, depth+1, valueAt)
			w.path = w.path[:len(w.path)-1]
		}
	}
	if w.broken {
		return
	}
	if _, err := w.dec.Token(); err != nil { // the closing "}"
		w.fail(err)
		return
	}
	if found {
		return
	}
	end := w.offset()
	from := w.src.valueStart(open)
	if !w.src.keep || end-w.src.keptFrom > int64(len(w.src.kept)) || from < w.src.keptFrom || from > end {
		w.fail(errors.New("record object lost while streaming"))
		return
	}
	raw := bytes.Clone(w.src.kept[from-w.src.keptFrom : end-w.src.keptFrom])
	w.n++
	w.emit(jsonItem{Raw: raw, Line: w.src.lineAt(open), N: w.n}, nil)
}

// jsonSniffHead returns head without leading white space and BOM, and
// whether it starts like a JSON object or array.
func jsonSniffHead(head []byte) ([]byte, bool) {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	head = bytes.TrimLeft(head, " \t\r\n")
	return head, len(head) > 0 && (head[0] == '{' || head[0] == '[')
}

// flexString decodes a JSON string or number (CSL-JSON and Crossref
// write volumes and pages either way) as a string; null stays empty.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(strings.TrimSpace(s))
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return err
		}
		*f = flexString(n.String())
	default:
		return fmt.Errorf("want a string or number, got %.20s", b)
	}
	return nil
}

// flexInt decodes a JSON number or a string of digits; null stays nil.
type flexInt struct{ V *int }

func (f *flexInt) UnmarshalJSON(b []byte) error {
	var s flexString
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	if s == "" {
		f.V = nil
		return nil
	}
	n, err := strconv.Atoi(string(s))
	if err != nil {
		// A float count ("12.0") is still a count; anything else is not.
		fl, ferr := strconv.ParseFloat(string(s), 64)
		if ferr != nil || fl != float64(int(fl)) {
			return fmt.Errorf("want an integer, got %q", string(s))
		}
		n = int(fl)
	}
	f.V = &n
	return nil
}

// flexStrings decodes a string or an array of strings (CSL-JSON "ISSN").
type flexStrings []string

func (f *flexStrings) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var list []flexString
		if err := json.Unmarshal(b, &list); err != nil {
			return err
		}
		*f = nil
		for _, s := range list {
			if s != "" {
				*f = append(*f, string(s))
			}
		}
		return nil
	}
	var s flexString
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	*f = nil
	if s != "" {
		*f = flexStrings{string(s)}
	}
	return nil
}

// decodeJSONRecord unmarshals one record value into v, naming the record
// in the error.
func decodeJSONRecord(it jsonItem, n int, v any) error {
	if len(it.Raw) == 0 || it.Raw[0] != '{' {
		what := "a non-object value"
		if string(it.Raw) == "null" {
			what = "null"
		}
		return &RecordError{Record: n, Line: it.Line, Err: fmt.Errorf("record is %s, not an object", what)}
	}
	if err := json.Unmarshal(it.Raw, v); err != nil {
		return &RecordError{Record: n, Line: it.Line, Err: err}
	}
	return nil
}

// readJSONFormat is the Read function of a JSON format: it streams the
// records found under wrappers, decodes each into a fresh T and maps it
// with toRecord. A record that does not decode, or that toRecord refuses
// (an error), is yielded as a *RecordError and reading goes on.
func readJSONFormat[T any](format string, wrappers []jsonWrapper, toRecord func(*T) (Record, error)) func(io.Reader) iter.Seq2[Record, error] {
	return func(r io.Reader) iter.Seq2[Record, error] {
		return func(yield func(Record, error) bool) {
			for it, err := range jsonRecords(r, wrappers) {
				if err != nil {
					// A broken record; the walk goes on at the next one
					// when the format allows it.
					if !yield(Record{}, err) {
						return
					}
					continue
				}
				n := it.N
				var v T
				if err := decodeJSONRecord(it, n, &v); err != nil {
					if !yield(Record{}, err) {
						return
					}
					continue
				}
				rec, err := toRecord(&v)
				if err != nil {
					if !yield(Record{}, &RecordError{Record: n, Line: it.Line, Err: err}) {
						return
					}
					continue
				}
				rec.Format, rec.Number, rec.Line, rec.Raw = format, n, it.Line, it.Raw
				if !yield(rec, nil) {
					return
				}
			}
		}
	}
}
