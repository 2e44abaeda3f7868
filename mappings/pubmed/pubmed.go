// Package pubmed reads PubMed XML (PubmedArticleSet): PubmedArticle and
// PubmedBookArticle records, streamed one at a time.
package pubmed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
		Name:  "pubmed-xml",
		Rank:  10,
		Title: "PubMed XML (efetch, baseline and update files)",
		Reads: "PubmedArticle and PubmedBookArticle: title and abstract with sub/superscripts kept, " +
			"authors with ORCID and affiliations, journal and ISSNs, issue, pages, PMID, PMCID, DOI, " +
			"language, publication types, keywords, MeSH, trial registry numbers, references",
		Example: `<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>28565834</PMID>` +
			`<Article><ArticleTitle>A title.</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`,
		Sniff: sniffPubMedXML,
		Read:  readPubMedXML,
	})
}

// pmRecordNames are the elements that each hold one record.
func isPMRecord(name string) bool {
	return name == "PubmedArticle" || name == "PubmedBookArticle"
}

// sniffPubMedXML claims XML whose document element (or DOCTYPE) is a
// PubMed one. The name merely appearing somewhere (a page quoting it)
// earns a low score only.
func sniffPubMedXML(head []byte) int {
	if bytes.Contains(head[:min(len(head), 1024)], []byte("<!DOCTYPE PubmedArticleSet")) {
		return 100
	}
	dec := xml.NewDecoder(bytes.NewReader(head))
	dec.Strict = false
	for range 64 {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE PubmedArticleSet")) {
				return 100
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "PubmedArticleSet", "PubmedBookArticleSet", "PubmedArticle", "PubmedBookArticle":
				return 100
			}
			return 0
		case xml.CharData:
			if len(bytes.TrimSpace(bytes.TrimPrefix(t, []byte("\ufeff")))) > 0 {
				return pmMentioned(head)
			}
		}
	}
	return pmMentioned(head)
}

func pmMentioned(head []byte) int {
	if bytes.Contains(head, []byte("<PubmedArticleSet")) {
		return 10
	}
	return 0
}

// maxPMArticle bounds the bytes one article may take. Real articles
// with long reference lists stay well under 1 MiB; a broken one (an
// unclosed quote) must not make the reader swallow the rest of a file.
const maxPMArticle = 32 << 20

func readPubMedXML(r io.Reader) iter.Seq2[mappings.Record, error] {
	return func(yield func(mappings.Record, error) bool) {
		s := newPMStream(r)
		for {
			rec, err, ok := s.next()
			if !ok || !yield(rec, err) {
				return
			}
		}
	}
}

// pmSource is the input as bytes: pending ones (put back after a
// resynchronisation) first, then the rest of the reader.
type pmSource struct {
	pending []byte
	r       io.ByteReader
}

func (s *pmSource) ReadByte() (byte, error) {
	if len(s.pending) > 0 {
		b := s.pending[0]
		s.pending = s.pending[1:]
		return b, nil
	}
	return s.r.ReadByte()
}

// pmRecorder feeds the decoder and keeps the bytes it has read since
// the last drop, so that an article's exact bytes can be cut out by the
// decoder's offsets. The decoder reads through ReadByte only, so what
// the recorder keeps is exactly what the decoder consumed.
//
// Inside an article it also watches for the start tag of another one:
// articles never nest, so one appearing means the current article never
// closed (an unclosed comment, say). Stopping there keeps a run of such
// articles from being read to the end of the input each, which would
// take time quadratic in the file size.
type pmRecorder struct {
	src       *pmSource
	buf       []byte
	base      int64 // decoder offset of buf[0]
	inArticle bool
}

var (
	errPMTooLarge = errors.New("article larger than 32 MiB (unclosed markup?)")
	errPMUnclosed = errors.New("the next article starts before this one ends")
)

func (r *pmRecorder) ReadByte() (byte, error) {
	if len(r.buf) >= maxPMArticle {
		return 0, errPMTooLarge
	}
	b, err := r.src.ReadByte()
	if err != nil {
		return 0, err
	}
	r.buf = append(r.buf, b)
	if r.inArticle && (b == '>' || b == '/' || isXMLSpace(b)) {
		before := r.buf[:len(r.buf)-1]
		if bytes.HasSuffix(before, []byte("<PubmedArticle")) || bytes.HasSuffix(before, []byte("<PubmedBookArticle")) {
			return 0, errPMUnclosed
		}
	}
	return b, nil
}

func (r *pmRecorder) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	b, err := r.ReadByte()
	if err != nil {
		return 0, err
	}
	p[0] = b
	return 1, nil
}

// drop forgets the bytes before decoder offset off.
func (r *pmRecorder) drop(off int64) {
	n := int(off - r.base)
	if n <= 0 {
		return
	}
	n = min(n, len(r.buf))
	r.buf = r.buf[:copy(r.buf, r.buf[n:])]
	r.base += int64(n)
}

// since returns the kept bytes from decoder offset off on.
func (r *pmRecorder) since(off int64) []byte {
	i := int(off - r.base)
	if i < 0 || i > len(r.buf) {
		return nil
	}
	return r.buf[i:]
}

// pmStream reads articles one at a time. After a malformed article it
// starts a new decoder at the next article start tag, opened inside
// the same enclosing elements, so one bad article costs only itself.
type pmStream struct {
	src      *pmSource
	rec      *pmRecorder
	dec      *xml.Decoder
	lineBase int      // lines of the input before the decoder's line 1
	outer    []string // elements open around the articles
	number   int
	resynced bool // an error was reported; the end of input may be ragged
	done     bool
}

func newPMStream(r io.Reader) *pmStream {
	br, ok := r.(io.ByteReader)
	if !ok {
		br = newByteReader(r)
	}
	s := &pmStream{src: &pmSource{r: br}}
	s.restart()
	return s
}

func (s *pmStream) restart() {
	s.rec = &pmRecorder{src: s.src}
	s.dec = xml.NewDecoder(s.rec)
	s.dec.Entity = xml.HTMLEntity
}

// next returns the next record or record error; ok is false at the end.
func (s *pmStream) next() (rec mappings.Record, err error, ok bool) {
	for !s.done {
		off := s.dec.InputOffset()
		line, _ := s.dec.InputPos()
		line += s.lineBase
		s.rec.drop(off)
		tok, err := s.dec.Token()
		if err != nil {
			s.done = true
			var se *xml.SyntaxError
			if err == io.EOF || s.resynced && errors.As(err, &se) && se.Msg == "unexpected EOF" {
				// After a reported error, the enclosing elements the
				// restarted decoder was given are never closed.
				return mappings.Record{}, nil, false
			}
			return mappings.Record{}, fmt.Errorf("line %d: %w", line, s.absolute(err)), true
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if isPMRecord(t.Name.Local) {
				rec, err := s.article(t, off, line)
				return rec, err, true
			}
			s.outer = append(s.outer, t.Name.Local)
		case xml.EndElement:
			if n := len(s.outer); n > 0 {
				s.outer = s.outer[:n-1]
			}
		}
	}
	return mappings.Record{}, nil, false
}

// article decodes the article whose start tag the decoder just read,
// at decoder offset off and input line line.
func (s *pmStream) article(start xml.StartElement, off int64, line int) (mappings.Record, error) {
	s.number++
	var a pmArticle
	s.rec.inArticle = true
	err := s.dec.DecodeElement(&a, &start)
	s.rec.inArticle = false
	if err != nil {
		err = s.absolute(err)
		s.resync(off, line)
		return mappings.Record{}, &mappings.RecordError{Record: s.number, Line: line, Err: err}
	}
	rec, err := a.record()
	if err != nil {
		return mappings.Record{}, &mappings.RecordError{Record: s.number, Line: line, Err: err}
	}
	rec.Format = "pubmed-xml"
	rec.Number = s.number
	rec.Line = line
	rec.Raw = bytes.Clone(s.rec.since(off)[:s.dec.InputOffset()-off])
	return rec, nil
}

// resync looks for the next article start tag after the '<' of the
// failed article (at decoder offset off, on input line line) and
// restarts decoding there. The failed article's bytes are searched too:
// a truncated article may be followed directly by the next one.
func (s *pmStream) resync(off int64, line int) {
	s.resynced = true
	var after []byte
	if kept := s.rec.since(off); len(kept) > 0 {
		after = kept[1:]
	}
	scan := &pmSource{pending: append(bytes.Clone(after), s.src.pending...), r: s.src.r}
	for {
		c, err := scan.ReadByte()
		if err != nil {
			s.done = true
			return
		}
		if c == '\n' {
			line++
		}
		if c != '<' {
			continue
		}
		// Read a name and the byte after it.
		var name []byte
		for {
			c, err = scan.ReadByte()
			if err != nil {
				s.done = true
				return
			}
			if c == '\n' {
				line++
			}
			if !isNameByte(c) || len(name) > 32 {
				break
			}
			name = append(name, c)
		}
		if !isPMRecord(string(name)) || !(c == '>' || c == '/' || isXMLSpace(c)) {
			if c == '<' {
				scan.pending = append([]byte{'<'}, scan.pending...)
			}
			continue
		}
		if c == '\n' {
			line-- // counted again when the new decoder reads it
		}
		var prefix strings.Builder
		for _, o := range s.outer {
			prefix.WriteString("<" + o + ">")
		}
		prefix.WriteString("<" + string(name))
		prefix.WriteByte(c)
		s.src.pending = append([]byte(prefix.String()), scan.pending...)
		s.lineBase = line - 1
		s.outer = nil // the new decoder reads them again from the prefix
		s.restart()
		return
	}
}

// absolute makes the line of a syntax error count from the start of the
// input rather than from where the current decoder started.
func (s *pmStream) absolute(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		se.Line += s.lineBase
	}
	return err
}

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.' || c == ':'
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func newByteReader(r io.Reader) io.ByteReader { return bufio.NewReaderSize(r, 64<<10) }
