package mappings

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"regexp"
	"sort"
	"strings"
)

// Syntax describes a "label + value" line format (RIS, MEDLINE/nbib, a
// catalogue's field dump, a labelled page) as data, so that one scanner
// reads them all. Only Tag is required.
type Syntax struct {
	// Tag matches a tagged line at its start. The tag is the first
	// non-empty submatch; the value is the rest of the line after the
	// match.
	Tag *regexp.Regexp
	// Known lists the tags of the format. When OnlyKnown is set, a line
	// whose tag is not listed is ordinary text (catalogue dumps, whose
	// "tags" are plain words). Known tags are also the only places where a
	// flattened record is split (see Inline).
	Known     map[string]bool
	OnlyKnown bool
	// Continues says whether an untagged line continues the field before
	// it; nil means it always does. A line that does not continue starts
	// an untagged field (Tag "").
	Continues func(prev Field, line string) bool
	// IndentedContinues makes only an indented line continue the field
	// before it (MEDLINE indents continuations by six spaces): an
	// unindented untagged line is stray text, an untagged field of its own,
	// and never glued onto a PMID or a title.
	IndentedContinues bool
	// Skip matches lines that carry nothing (a lone "-" on a page).
	Skip *regexp.Regexp
	// Start and End are the tags that open and close a record ("TY",
	// "ER"); BlankEnds makes a blank line close one (MEDLINE). With none
	// of the three the whole input is one record.
	Start, End string
	BlankEnds  bool
	// Inline matches a tag inside a line (submatch 1 is the tag), for
	// records flattened onto one line. A line that opens a record is
	// split at every Known tag Inline finds, provided it finds at least
	// MinInline of them or the line ends with the End tag; other lines
	// are never split.
	Inline    *regexp.Regexp
	MinInline int
}

// Field is one labelled value with the line it starts on. Continuation
// lines are joined to the value with "\n", trimmed.
type Field struct {
	Tag   string // "" for text outside any label
	Value string
	Line  int
}

// Entry is one record as the scanner found it.
type Entry struct {
	Number int // 1-based
	Line   int // line of its first field
	Fields []Field
	Raw    []byte // exact bytes, from the first field to the last (a BOM excluded)
	Closed bool   // ended by the End tag (false: by the next record, a blank line or EOF)
	// Stray holds the untagged lines between the record before and this
	// one (on the input's last record, also those after it), which belong
	// to no record: kept to be reported, not read.
	Stray []Field
}

// Values returns the values of every field tagged tag, in order.
func (e *Entry) Values(tag string) []string {
	var out []string
	for _, f := range e.Fields {
		if f.Tag == tag {
			out = append(out, f.Value)
		}
	}
	return out
}

// First returns the value of the first field tagged tag, or "".
func (e *Entry) First(tag string) string {
	for _, f := range e.Fields {
		if f.Tag == tag {
			return f.Value
		}
	}
	return ""
}

// piece is a tagged or untagged run of one line, with its raw bytes.
type piece struct {
	tag      string
	tagged   bool
	indented bool // untagged and starting with white space
	value    string
	raw      []byte
}

// ScanLabelled reads r as records of syntax syn. Blank lines are skipped
// and untagged text between records (when the syntax has Start, End or
// BlankEnds) goes to Stray, to be reported; a tag outside a record opens one, so a record that lost its
// opening tag is still read. Read errors end the sequence.
func ScanLabelled(r io.Reader, syn *Syntax) iter.Seq2[Entry, error] {
	return func(yield func(Entry, error) bool) {
		br := bufio.NewReader(r)
		whole := syn.Start == "" && syn.End == "" && !syn.BlankEnds
		var (
			cur     *Entry
			pending []byte // blank lines, kept only if the record goes on
			stray   []Field
			held    *Entry // the record last ended, yielded when the next one ends or at the end
			number  int
			lineNo  int
		)
		open := func(line int) {
			number++
			cur = &Entry{Number: number, Line: line, Stray: stray}
			pending, stray = nil, nil
		}
		release := func() bool {
			if held == nil {
				return true
			}
			e := *held
			held = nil
			return yield(e, nil)
		}
		// flush ends the open record. It is held back until the next
		// record ends, so that text after the last record of the input
		// can still be named on it (as text between records is named on
		// the record after).
		flush := func() bool {
			if cur == nil {
				return true
			}
			if !release() {
				return false
			}
			held, cur, pending = cur, nil, nil
			return true
		}
		// onlyStarts: the open record holds nothing but Start tags, so a
		// further Start tag repeats them ("TY  - BOOK\nTY  - JOUR\n…",
		// a file of every type) rather than opening an empty record each.
		onlyStarts := func() bool {
			for _, f := range cur.Fields {
				if f.Tag != syn.Start {
					return false
				}
			}
			return true
		}
		add := func(line int, p piece) bool {
			if p.tagged && syn.Start != "" && p.tag == syn.Start && cur != nil && len(cur.Fields) > 0 && !onlyStarts() {
				if !flush() {
					return false
				}
			}
			if cur == nil {
				open(line)
			}
			cur.Raw = append(cur.Raw, pending...)
			pending = nil
			cur.Raw = append(cur.Raw, p.raw...)
			switch {
			case p.tagged:
				cur.Fields = append(cur.Fields, Field{Tag: p.tag, Value: p.value, Line: line})
			case len(cur.Fields) > 0 && (!syn.IndentedContinues || p.indented) &&
				(syn.Continues == nil || syn.Continues(cur.Fields[len(cur.Fields)-1], p.value)):
				f := &cur.Fields[len(cur.Fields)-1]
				if f.Value == "" {
					f.Value = p.value
				} else {
					f.Value += "\n" + p.value
				}
			default:
				cur.Fields = append(cur.Fields, Field{Value: p.value, Line: line})
			}
			if p.tagged && syn.End != "" && p.tag == syn.End {
				cur.Closed = true
				return flush()
			}
			return true
		}
		for {
			raw, err := br.ReadBytes('\n')
			if len(raw) > 0 {
				lineNo++
				if lineNo == 1 {
					raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
				}
				text := strings.TrimRight(string(raw), "\r\n")
				switch {
				case strings.TrimSpace(text) == "":
					if syn.BlankEnds && cur != nil {
						if !flush() {
							return
						}
					} else if cur != nil {
						pending = append(pending, raw...)
					}
				case syn.Skip != nil && syn.Skip.MatchString(text):
					if cur != nil {
						pending = append(pending, raw...)
					}
				default:
					pieces := syn.split(text, raw)
					if !pieces[0].tagged && cur == nil && !whole {
						// Text between records: the next record says so.
						stray = append(stray, Field{Value: pieces[0].value, Line: lineNo})
						break
					}
					for _, p := range pieces {
						if !add(lineNo, p) {
							return
						}
					}
				}
			}
			if err == io.EOF {
				if !flush() {
					return
				}
				if held != nil {
					held.Stray = append(held.Stray, stray...)
				} else if len(stray) > 0 {
					// Text and not one record ("%0 Journal Article %T …", an
					// EndNote export read as RIS): said, never an empty success.
					yield(Entry{}, &RecordError{Record: 1, Line: stray[0].Line, Err: fmt.Errorf(
						"no record: %d line(s) of text and none is a field of this format (line %d: %q)",
						len(stray), stray[0].Line, excerpt(stray[0].Value))})
					return
				}
				release()
				return
			}
			if err != nil {
				if release() {
					yield(Entry{}, fmt.Errorf("line %d: %w", lineNo+1, err))
				}
				return
			}
		}
	}
}

// tagOf returns the tag of a line and where its value starts, or ok=false.
func (syn *Syntax) tagOf(text string) (tag string, value int, ok bool) {
	m := syn.Tag.FindStringSubmatchIndex(text)
	if m == nil {
		return "", 0, false
	}
	for i := 2; i+1 < len(m); i += 2 {
		if m[i] >= 0 && m[i+1] > m[i] {
			tag = text[m[i]:m[i+1]]
			break
		}
	}
	if tag == "" || (syn.OnlyKnown && !syn.Known[tag]) {
		return "", 0, false
	}
	return tag, m[1], true
}

// split turns one line into pieces: usually one, several when the line
// is a flattened record.
func (syn *Syntax) split(text string, raw []byte) []piece {
	tag, at, ok := syn.tagOf(text)
	if !ok {
		indented := text != "" && (text[0] == ' ' || text[0] == '\t')
		return []piece{{value: strings.TrimSpace(text), indented: indented, raw: raw}}
	}
	one := []piece{{tag: tag, tagged: true, value: strings.TrimSpace(text[at:]), raw: raw}}
	if syn.Inline == nil || (syn.Start != "" && tag != syn.Start) {
		return one
	}
	// Cut points: each inline Known tag, at the tag itself (the white
	// space before it stays with the previous value).
	type cut struct {
		tag            string
		tagAt, valueAt int
	}
	var cuts []cut
	for _, m := range syn.Inline.FindAllStringSubmatchIndex(text[at:], -1) {
		if m[2] < 0 || !syn.Known[text[at+m[2]:at+m[3]]] {
			continue
		}
		cuts = append(cuts, cut{tag: text[at+m[2] : at+m[3]], tagAt: at + m[2], valueAt: at + m[1]})
	}
	if len(cuts) == 0 {
		return one
	}
	// A line that ends with the End tag is a whole flattened record
	// however few fields it has.
	last := cuts[len(cuts)-1]
	closes := syn.End != "" && last.tag == syn.End && strings.TrimSpace(text[last.valueAt:]) == ""
	if len(cuts) < syn.MinInline && !closes {
		return one
	}
	out := make([]piece, 0, len(cuts)+1)
	start, valueAt, curTag := 0, at, tag
	for i := 0; i <= len(cuts); i++ {
		end := len(text)
		if i < len(cuts) {
			end = cuts[i].tagAt
		}
		r := raw[start:end]
		if i == len(cuts) {
			r = raw[start:] // the last piece keeps the line ending
		}
		out = append(out, piece{tag: curTag, tagged: true, value: strings.TrimSpace(text[valueAt:end]), raw: r})
		if i < len(cuts) {
			start, valueAt, curTag = cuts[i].tagAt, cuts[i].valueAt, cuts[i].tag
		}
	}
	return out
}

// strayWarnings names the lines of an entry that are neither a tag line
// nor a continuation (MEDLINE "SO  text without a hyphen", a note between
// RIS records): the formats have no place for them, so they are not read,
// and saying so keeps them from vanishing without a word.
func strayWarnings(e *Entry) []string {
	var untagged []Field
	for _, f := range append(e.Stray[:len(e.Stray):len(e.Stray)], e.Fields...) {
		if f.Tag == "" {
			untagged = append(untagged, f)
		}
	}
	// Stray holds the lines before the record and, on the last record,
	// those after it: name them all in the order of the input.
	sort.SliceStable(untagged, func(i, j int) bool { return untagged[i].Line < untagged[j].Line })
	var out []string
	for _, f := range untagged {
		out = append(out, fmt.Sprintf("line %d is neither a field nor the continuation of one; not read: %q", f.Line, excerpt(f.Value)))
	}
	return out
}

// strayExcerpt is how many characters of a stray line a warning quotes.
const strayExcerpt = 40

// excerpt is a stray line as a warning quotes it: on one line, cut.
func excerpt(v string) string {
	text := strings.ReplaceAll(v, "\n", " ")
	if r := []rune(text); len(r) > strayExcerpt {
		text = string(r[:strayExcerpt]) + "…"
	}
	return text
}

// readLabelledFormat is the Read function of a label/value format: entries
// come from ScanLabelled with syntax, toRecord maps each one, and an entry
// it refuses is yielded as a *RecordError while reading goes on.
func readLabelledFormat(name string, syntax func() *Syntax, toRecord func(*Entry) (Record, error)) func(io.Reader) iter.Seq2[Record, error] {
	return func(r io.Reader) iter.Seq2[Record, error] {
		return func(yield func(Record, error) bool) {
			for e, err := range ScanLabelled(r, syntax()) {
				var re *RecordError
				if errors.As(err, &re) {
					yield(Record{}, err) // the input held no record: rejected with its reason
					return
				}
				if err != nil {
					yield(Record{}, fmt.Errorf("%s: %w", name, err))
					return
				}
				rec, err := toRecord(&e)
				if err != nil {
					err = &RecordError{Record: e.Number, Line: e.Line, Err: err}
				} else {
					rec.Warnings = append(rec.Warnings, strayWarnings(&e)...)
				}
				if !yield(rec, err) {
					return
				}
			}
		}
	}
}
