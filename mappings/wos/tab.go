package wos

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/msckg/msckg/mappings"
)

// sniffTab claims a file whose first line is a header of WoS field tags
// separated by tabs, starting with PT and naming the title or the
// accession number: nothing else writes such a line.
func sniffTab(head []byte) int {
	text := decodeHead(head)
	line, _, _ := strings.Cut(text, "\n")
	cols := strings.Split(strings.TrimRight(line, "\r"), "\t")
	if len(cols) < 5 || cols[0] != "PT" {
		return 0
	}
	known, title := 0, false
	for _, c := range cols {
		if len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' {
			known++
		}
		title = title || c == "TI" || c == "UT"
	}
	if !title || known*10 < len(cols)*9 {
		return 0
	}
	return 100
}

// decodeHead returns the sniff window as UTF-8 text.
func decodeHead(head []byte) string {
	r, err := decoded(bytes.NewReader(head))
	if err != nil {
		return ""
	}
	b, _ := io.ReadAll(r)
	return string(b)
}

// readTab reads the header row, then one record per row. A row with
// fewer cells than the header, or more that are not empty, is a record
// broken by a line break or a tab inside a field: it is rejected with
// its line, and reading goes on.
func readTab(r io.Reader) iter.Seq2[mappings.Record, error] {
	return func(yield func(mappings.Record, error) bool) {
		dr, err := decoded(r)
		if err != nil {
			yield(mappings.Record{}, fmt.Errorf("wos-tab: %w", err))
			return
		}
		br := bufio.NewReader(dr)
		var header []string
		number, lineNo := 0, 0
		for {
			raw, err := br.ReadString('\n')
			if raw != "" {
				lineNo++
				line := strings.TrimRight(raw, "\r\n")
				switch {
				case header == nil:
					header = strings.Split(line, "\t")
				case strings.TrimSpace(line) == "":
				default:
					number++
					rec, rerr := tabRecord(header, line, number, lineNo, []byte(raw))
					if rerr != nil {
						rerr = &mappings.RecordError{Record: number, Line: lineNo, Err: rerr}
					}
					if !yield(rec, rerr) {
						return
					}
				}
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(mappings.Record{}, fmt.Errorf("wos-tab: line %d: %w", lineNo+1, err))
				return
			}
		}
	}
}

func tabRecord(header []string, line string, number, lineNo int, raw []byte) (mappings.Record, error) {
	cells := strings.Split(line, "\t")
	if len(cells) < len(header) {
		return mappings.Record{}, fmt.Errorf("row has %d of the header's %d columns (a line break inside a field?)", len(cells), len(header))
	}
	for _, extra := range cells[len(header):] {
		if strings.TrimSpace(extra) != "" {
			return mappings.Record{}, fmt.Errorf("row has %d columns, the header %d (a tab inside a field?)", len(cells), len(header))
		}
	}
	f := fields{}
	for i, tag := range header {
		info, known := tags()[tag]
		v := strings.TrimSpace(cells[i])
		switch {
		case !known || v == "":
		case info.items:
			f[tag] = splitItems(v)
		default:
			f[tag] = []string{v}
		}
	}
	return f.record("wos-tab", number, lineNo, raw), nil
}

// splitItems splits "a; b; c" where a bracketed part may hold semicolons
// of its own ("[Wang, X; Sun, W] Siping Hosp; [Ao, Q] China Med Univ").
func splitItems(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case ';':
			if depth == 0 {
				out = appendItem(out, s[start:i])
				start = i + 1
			}
		}
	}
	return appendItem(out, s[start:])
}

func appendItem(out []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		out = append(out, s)
	}
	return out
}
