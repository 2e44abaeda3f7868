package bibtex

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/msckg/msckg/mappings"
)

// bibChunk is one @-item of a BibTeX file, cut out by bibSplitter before
// its fields are read, so that one broken entry costs only itself and every entry keeps its own line number.
type bibChunk struct {
	Type  string // lower-case item type: "article", "string", "comment", ...
	Line  int    // line of the "@"
	Raw   []byte // the item's exact bytes, "@" to closing delimiter
	Open  int    // index in Raw of the opening "{" or "("
	Close int    // index in Raw of the closing delimiter, -1 when unclosed
	Err   error  // why the item is broken, when it is
}

// bibSplitter cuts a BibTeX stream into items. Text outside items is
// commentary, as BibTeX itself treats it.
type bibSplitter struct {
	r    *bufio.Reader
	line int
}

func newBibSplitter(r io.Reader) *bibSplitter {
	return &bibSplitter{r: bufio.NewReader(r), line: 1}
}

// bibItemStart matches the beginning of a line that opens a new item; an
// unclosed entry ends where the next one visibly begins.
var bibItemStart = regexp.MustCompile(`^[ \t]*@[A-Za-z]+[ \t]*[{(]`)

// maxBibItem bounds one item, so an unclosed brace cannot make the
// reader hold a whole large file as one entry.
const maxBibItem = 1 << 20

var errBibTooLong = fmt.Errorf("entry longer than %d bytes (unbalanced braces?)", maxBibItem)

// next returns the next item, or io.EOF.
func (s *bibSplitter) next() (bibChunk, error) {
	// Skip commentary up to the next "@".
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			return bibChunk{}, err
		}
		if b == '\n' {
			s.line++
		}
		if b == '@' {
			break
		}
	}
	c := bibChunk{Line: s.line, Raw: []byte{'@'}, Close: -1}
	// The item type, then its opening delimiter.
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			c.Err = errors.New("input ends inside an entry header")
			return c, nil
		}
		if mappings.IsASCIILetter(rune(b)) || (len(c.Type) > 0 && b == ' ') {
			c.Raw = append(c.Raw, b)
			if b != ' ' {
				c.Type += string(b)
			}
			continue
		}
		if b == '\n' || b == '\t' || b == '\r' {
			if b == '\n' {
				s.line++
			}
			c.Raw = append(c.Raw, b)
			continue
		}
		if (b == '{' || b == '(') && c.Type != "" {
			c.Open = len(c.Raw)
			c.Raw = append(c.Raw, b)
			break
		}
		// "@" not starting an item (an e-mail address in commentary).
		s.r.UnreadByte() //nolint:errcheck // the byte was just read
		return s.next()
	}
	c.Type = strings.ToLower(c.Type)
	closer := byte('}')
	if c.Raw[c.Open] == '(' {
		closer = ')'
	}
	depth := 0 // braces inside the item
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			c.Err = errors.New("entry not closed before the end of the input")
			return c, nil
		}
		c.Raw = append(c.Raw, b)
		if len(c.Raw) > maxBibItem {
			c.Err = errBibTooLong
			s.skipToItem()
			return c, nil
		}
		switch {
		case b == '\n':
			s.line++
			if peek, _ := s.r.Peek(64); bibItemStart.Match(peek) && c.Type != "comment" {
				c.Err = fmt.Errorf("entry not closed before the next entry at line %d", s.line)
				return c, nil
			}
		case b == closer && depth == 0:
			c.Close = len(c.Raw) - 1
			return c, nil
		case b == '{':
			depth++
		case b == '}':
			depth--
			if depth < 0 { // a stray "}" in a "(" item
				depth = 0
			}
		}
	}
}

// skipToItem discards input up to the next line that opens an item.
func (s *bibSplitter) skipToItem() {
	for {
		line, err := s.r.ReadBytes('\n')
		if len(line) > 0 && line[len(line)-1] == '\n' {
			s.line++
		}
		if err != nil {
			return
		}
		if peek, _ := s.r.Peek(64); bibItemStart.Match(peek) {
			return
		}
	}
}

// bibResolveMacros rewrites every value (what follows "=") into one
// braced literal: "#" concatenations are joined, @string macros and
// month names become their values, numbers and quoted strings become
// braced text, and an undefined macro stays as its own name (BibTeX
// would print nothing; the word is kept so no data is lost). After it,
// every value is one braced group, which is all parseBibFields needs.
func bibResolveMacros(text []byte, macros map[string]string) ([]byte, error) {
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		switch b := text[i]; b {
		case '=':
			out = append(out, '=', ' ', '{')
			var val []byte
			val, i = bibValue(text, i+1, macros)
			if len(val) >= maxBibValue || len(out)+len(val) >= maxBibExpanded {
				return nil, errBibTooLarge
			}
			out = append(out, val...)
			out = append(out, '}')
		case '{':
			j := skipBibGroup(text, i)
			out = append(out, text[i:j]...)
			i = j
		case '"':
			j := skipBibQuoted(text, i)
			out = append(out, text[i:j]...)
			i = j
		default:
			out = append(out, b)
			i++
		}
	}
	return out, nil
}

// A field's value, once its @string macros are expanded, and an item's
// fields together stay below these sizes: a chain of macros that each
// double the last grows as 2^n from a few hundred bytes of input.
const (
	maxBibValue    = 4 << 20
	maxBibExpanded = 16 << 20
)

var errBibTooLarge = fmt.Errorf("@string macros expand to more than %d MiB in one field (or %d MiB in one entry); not expanded", maxBibValue>>20, maxBibExpanded>>20)

// appendBibCapped appends add to val, never past maxBibValue bytes, so
// that an expansion that would be too large costs no memory finding out.
func appendBibCapped(val, add []byte) []byte {
	if room := maxBibValue - len(val); len(add) > room {
		add = add[:max(room, 0)]
	}
	return append(val, add...)
}

// bibValue reads the value expression starting at i (just after "=")
// and returns its text and the index after it.
func bibValue(text []byte, i int, macros map[string]string) ([]byte, int) {
	var val []byte
	for {
		for i < len(text) && isBibSpace(text[i]) {
			i++
		}
		if i >= len(text) {
			return val, i
		}
		switch text[i] {
		case '{':
			j := skipBibGroup(text, i)
			val = appendBibCapped(val, []byte(bibInner(text[i:j], '{', '}')))
			i = j
		case '"':
			j := skipBibQuoted(text, i)
			val = appendBibCapped(val, []byte(bibInner(text[i:j], '"', '"')))
			i = j
		case ',', '}', '#', '=':
			// an empty operand
		default:
			j := i
			for j < len(text) && !isBibDelimiter(text[j]) {
				j++
			}
			word := string(text[i:j])
			if mappings.IsDigits(word) {
				val = appendBibCapped(val, []byte(word))
			} else {
				val = appendBibCapped(val, []byte(bibMacroValue(word, macros)))
			}
			i = j
		}
		for i < len(text) && isBibSpace(text[i]) {
			i++
		}
		if i < len(text) && text[i] == '#' {
			i++
			continue
		}
		return val, i
	}
}

// bibInner strips one pair of delimiters, if both are there.
func bibInner(s []byte, open, close byte) []byte {
	if len(s) >= 2 && s[0] == open && s[len(s)-1] == close {
		return s[1 : len(s)-1]
	}
	if len(s) >= 1 && s[0] == open {
		return s[1:]
	}
	return s
}

// bibMacroValue resolves a macro name (case-insensitive, as in BibTeX).
func bibMacroValue(name string, macros map[string]string) string {
	key := strings.ToLower(name)
	if v, ok := macros[key]; ok {
		return v
	}
	if m, ok := bibMonths[key]; ok {
		return m
	}
	return name
}

var bibMonths = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
	"jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

func isBibSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func isBibDelimiter(b byte) bool {
	return isBibSpace(b) || strings.IndexByte("=#,{}\"", b) >= 0
}

// skipBibGroup returns the index after the brace group starting at i.
func skipBibGroup(text []byte, i int) int {
	depth := 0
	for ; i < len(text); i++ {
		switch text[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return i
}

// skipBibQuoted returns the index after the quoted string starting at
// i; a quote inside braces does not end it.
func skipBibQuoted(text []byte, i int) int {
	depth := 0
	for i++; i < len(text); i++ {
		switch text[i] {
		case '{':
			depth++
		case '}':
			depth--
		case '"':
			if depth == 0 {
				return i + 1
			}
		}
	}
	return i
}

// bibItemBody is the text between an item's outer delimiters, with its
// cite key dropped and every value made one braced literal (bibResolveMacros).
func bibItemBody(c bibChunk, macros map[string]string) ([]byte, error) {
	body := bytes.Clone(c.Raw[c.Open+1 : c.Close])
	if c.Type != "string" && c.Type != "preamble" {
		if i := bytes.IndexByte(body, ','); i >= 0 && !bytes.ContainsAny(body[:i], "={}\"") {
			body = body[i+1:]
		}
	}
	return bibResolveMacros(body, macros)
}

// bibField is one "name = {value}" of an item, in order.
type bibField struct{ name, value string }

// bibSyntaxError says where, in lines from the item's first line, the
// fields of an item stopped making sense.
type bibSyntaxError struct {
	line int
	msg  string
}

func (e *bibSyntaxError) Error() string { return fmt.Sprintf("line +%d: %s", e.line, e.msg) }

// parseBibFields reads the fields of a resolved item body. After
// bibResolveMacros every value is one braced group, so the grammar left
// is: name "=" "{" … "}", separated by commas. (This replaces the
// nickng/bibtex parser, which ends the whole program with log.Fatalf on
// some inputs its scanner and ours read differently.)
func parseBibFields(body []byte, entry bool) ([]bibField, error) {
	var out []bibField
	line := func(i int) int { return bytes.Count(body[:min(i, len(body))], []byte{'\n'}) }
	i := 0
	for {
		for i < len(body) && (isBibSpace(body[i]) || body[i] == ',') {
			i++
		}
		if i >= len(body) {
			return out, nil
		}
		eq := bytes.IndexByte(body[i:], '=')
		if eq < 0 {
			return nil, &bibSyntaxError{line(i), fmt.Sprintf("text %q is not a field (name = value)", shortBib(body[i:]))}
		}
		name := strings.TrimSpace(string(body[i : i+eq]))
		if name == "" || strings.ContainsAny(name, "{}\",# \t\r\n") {
			return nil, &bibSyntaxError{line(i), fmt.Sprintf("%q is not a field name", shortBib(body[i:i+eq]))}
		}
		i += eq + 1
		for i < len(body) && isBibSpace(body[i]) {
			i++
		}
		if i >= len(body) || body[i] != '{' {
			return nil, &bibSyntaxError{line(i), fmt.Sprintf("field %s has no value", name)}
		}
		j := skipBibGroup(body, i)
		if !bibGroupClosed(body[i:j]) {
			return nil, &bibSyntaxError{line(i), fmt.Sprintf("the value of field %s is not closed", name)}
		}
		out = append(out, bibField{name, string(body[i+1 : j-1])})
		i = j
		for i < len(body) && isBibSpace(body[i]) {
			i++
		}
		if i < len(body) && body[i] != ',' {
			return nil, &bibSyntaxError{line(i), fmt.Sprintf("text %q after field %s", shortBib(body[i:]), name)}
		}
	}
}

func shortBib(b []byte) string {
	s := strings.TrimSpace(string(b))
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

// bibGroupClosed reports whether a brace group ends where it closes.
func bibGroupClosed(g []byte) bool {
	depth := 0
	for _, b := range g {
		switch b {
		case '{':
			depth++
		case '}':
			depth--
		}
	}
	return depth == 0 && len(g) > 0 && g[len(g)-1] == '}'
}
