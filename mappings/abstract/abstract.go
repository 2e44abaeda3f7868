// Package abstract reads a file that holds one abstract and nothing
// else, when the user names the format (--from abstract). It is never
// detected: a text with no title, authors or identifier could be any
// text, and the labelled-page fallback declines such a page so that no
// page is guessed into a paper. A user who collected abstracts as text
// files says what they are, and each becomes an untitled paper named by
// a hash of its abstract (mappings.KindAbstractOnly), which paper
// identity never joins to another.
package abstract

import (
	"bytes"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/page"
)

func init() {
	mappings.Register(mappings.Format{
		Name:     "abstract",
		Rank:     95,
		Explicit: true,
		Title:    "One abstract as plain text, one file per paper; read only when named (--from abstract), never detected",
		Reads:    "the whole text as the abstract, with its section labels (\"Background:\", \"Methods:\" ...); no title, authors, journal or identifiers, which an abstract alone does not give, so the paper is untitled and named by a hash of its text",
		Example:  "Background: Twelve patients with refractory ITP received umbilical cord MSCs.\nResults: Seven of the 12 patients achieved a complete response at 3 months.\n",
		Sniff:    func([]byte) int { return 0 },
		Read:     readAbstract,
	})
}

// errNoSentence: the text holds no sentence of eight words or more (or
// twenty Han characters), so it is no abstract: a cookie wall, a menu.
var errNoSentence = fmt.Errorf("not an abstract: no sentence in the text")

func readAbstract(r io.Reader) iter.Seq2[mappings.Record, error] {
	return func(yield func(mappings.Record, error) bool) {
		data, err := page.Load("abstract", r)
		if err != nil {
			yield(mappings.Record{}, err)
			return
		}
		text, err := abstractText(data)
		if err != nil {
			yield(mappings.Record{}, &mappings.RecordError{Record: 1, Line: 1, Err: err})
			return
		}
		rec := mappings.Record{Format: "abstract", Number: 1, Line: 1, Raw: data,
			Abstract: mappings.AbstractFrom(text),
			Guessed:  map[string]string{"kind": mappings.KindAbstractOnly}}
		yield(rec, nil)
	}
}

// abstractText is the abstract a file holds: its lines joined, without a
// leading "Abstract" heading.
func abstractText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return "", fmt.Errorf("not an abstract: the file is not text")
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > 0 {
		switch strings.TrimRight(strings.ToLower(lines[0]), ":：") {
		case "abstract", "summary", "摘要":
			lines = lines[1:]
		}
	}
	text := strings.Join(lines, "\n")
	if !hasSentence(text) {
		return "", errNoSentence
	}
	return text, nil
}

// hasSentence: some stretch between sentence ends holds eight words, or
// twenty Han characters.
func hasSentence(text string) bool {
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(".!?。！？\n", r) }) {
		if len(strings.Fields(s)) >= 8 {
			return true
		}
		han := 0
		for _, r := range s {
			if unicode.Is(unicode.Han, r) {
				han++
			}
		}
		if han >= 20 {
			return true
		}
	}
	return false
}
