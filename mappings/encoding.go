package mappings

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Readers work on UTF-8. decodeInput looks at the bytes of an input and,
// by evidence, transcodes what is not: UTF-16 (little or big endian)
// announced by its byte-order mark, and Windows-1252 (a superset of
// Latin-1's printable range) when the bytes are not UTF-8, hold not one
// well-formed multi-byte UTF-8 sequence, and are all defined in 1252.
// A file that mixes the two is left alone: guessing would corrupt its
// UTF-8, and the replacement characters it then gets are reported per
// record (replacementWarning).
//
// whole is the evidence of the whole input (see wholeInputEvidence);
// without it, the first SniffSize bytes decide.
func decodeInput(br *bufio.Reader, whole *encodingEvidence) (io.Reader, string) {
	head, _ := br.Peek(SniffSize)
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return transform.NewReader(br, dec), "UTF-16"
	}
	ev := whole
	if ev == nil {
		ev = &encodingEvidence{}
		ev.add(head)
		if len(head) < SniffSize {
			ev.end() // the head is the whole input
		}
	}
	if ev.windows1252() {
		return transform.NewReader(br, charmap.Windows1252.NewDecoder()), "Windows-1252"
	}
	return br, ""
}

// wholeInputEvidence reads an input that can seek (a file) in chunks to
// gather the evidence of its encoding, then seeks back to where it was:
// a Latin-1 name after 64 KiB of ASCII is still evidence. Memory stays
// one chunk. It returns nil for an input that cannot seek (a pipe).
func wholeInputEvidence(r io.Reader) (*encodingEvidence, error) {
	rs, ok := r.(io.ReadSeeker)
	if !ok {
		return nil, nil
	}
	start, err := rs.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, nil // standard input is an *os.File that may not seek
	}
	ev := &encodingEvidence{}
	buf := make([]byte, SniffSize)
	for !ev.against {
		n, err := rs.Read(buf)
		ev.add(buf[:n])
		if err == io.EOF {
			ev.end()
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading to check the text encoding: %w", err)
		}
	}
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		return nil, fmt.Errorf("going back after checking the text encoding: %w", err)
	}
	return ev, nil
}

// encodingEvidence gathers, over the bytes of an input given in chunks,
// what decides between UTF-8 and Windows-1252.
type encodingEvidence struct {
	invalid int // bytes that are not UTF-8
	// against is set by what a Windows-1252 text does not hold: a
	// well-formed multi-byte UTF-8 sequence (a mixed file, or UTF-8), a
	// NUL (binary, or UTF-16 without a mark) or a byte 1252 leaves
	// undefined.
	against bool
	tail    []byte // a sequence cut by the end of the last chunk
	buf     []byte
}

func (e *encodingEvidence) add(p []byte) {
	if len(e.tail) > 0 {
		e.buf = append(append(e.buf[:0], e.tail...), p...)
		p, e.tail = e.buf, e.tail[:0]
	}
	for i := 0; i < len(p) && !e.against; {
		c := p[i]
		switch {
		case c == 0:
			e.against = true
			continue
		case c < utf8.RuneSelf:
			i++
			continue
		case c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D:
			e.against = true
			continue
		case !utf8.FullRune(p[i:]):
			e.tail = append(e.tail, p[i:]...) // the next chunk may end it
			return
		}
		if r, size := utf8.DecodeRune(p[i:]); r != utf8.RuneError || size != 1 {
			e.against = true
			continue
		}
		e.invalid++
		i++
	}
}

// end says the input is over: a sequence it cut is not UTF-8.
func (e *encodingEvidence) end() {
	e.invalid += len(e.tail)
	e.tail = nil
}

// windows1252 reports whether the evidence is of a single-byte
// Windows-1252 (or Latin-1) text rather than UTF-8.
func (e *encodingEvidence) windows1252() bool { return e.invalid > 0 && !e.against }

// replacementWarning says which fields of rec hold U+FFFD, the mark of
// text whose encoding could not be read, or "" when none does.
func replacementWarning(rec *Record) string {
	var fields []string
	check := func(name, s string) {
		if strings.ContainsRune(s, utf8.RuneError) {
			fields = append(fields, name)
		}
	}
	check("title", rec.Title)
	check("abstract", rec.Abstract.Text)
	check("journal", rec.Journal.Title)
	for _, a := range rec.Authors {
		if strings.ContainsRune(a.Family+a.Given+a.AsWritten, utf8.RuneError) {
			fields = append(fields, "authors")
			break
		}
	}
	for _, k := range rec.Keywords {
		if strings.ContainsRune(k, utf8.RuneError) {
			fields = append(fields, "keywords")
			break
		}
	}
	if len(fields) == 0 {
		return ""
	}
	return fmt.Sprintf("%s hold(s) U+FFFD replacement characters: bytes that are not text in the input's encoding", strings.Join(fields, ", "))
}
