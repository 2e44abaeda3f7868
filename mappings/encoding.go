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

// Readers work on UTF-8. decodeInput looks at the first bytes of an input
// and, by evidence, transcodes what is not: UTF-16 (little or big endian)
// announced by its byte-order mark, and Windows-1252 (a superset of
// Latin-1's printable range) when the bytes are not UTF-8, hold not one
// well-formed multi-byte UTF-8 sequence, and are all defined in 1252.
// A file that mixes the two is left alone: guessing would corrupt its
// UTF-8, and the replacement characters it then gets are reported per
// record (replacementWarning).
func decodeInput(br *bufio.Reader) (io.Reader, string) {
	head, _ := br.Peek(SniffSize)
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return transform.NewReader(br, dec), "UTF-16"
	case looksWindows1252(head):
		return transform.NewReader(br, charmap.Windows1252.NewDecoder()), "Windows-1252"
	}
	return br, ""
}

// looksWindows1252 reports whether head is evidence of a single-byte
// Windows-1252 (or Latin-1) text rather than UTF-8.
func looksWindows1252(head []byte) bool {
	if utf8.Valid(head) {
		return false
	}
	invalid := 0
	for i := 0; i < len(head); {
		c := head[i]
		switch {
		case c == 0:
			return false // binary, or UTF-16 without a mark
		case c < utf8.RuneSelf:
			i++
			continue
		case c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D:
			return false // undefined in Windows-1252
		}
		r, size := utf8.DecodeRune(head[i:])
		if r != utf8.RuneError || size != 1 {
			return false // well-formed UTF-8 too: a mixed file
		}
		if len(head)-i < utf8.UTFMax && !utf8.FullRune(head[i:]) && len(head) == SniffSize {
			break // a sequence cut by the end of the window
		}
		invalid++
		i++
	}
	return invalid > 0
}

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
