package mappings

import (
	"fmt"
	"io"
	"iter"
)

// maxPage bounds what a one-record page reader loads: a scraped page is a
// few kilobytes, and anything near this size is not one record.
const maxPage = 32 << 20

// readPage adapts a reader of one-record pages to Format.Read: it loads
// the page, parses it with parse and yields one Record (Number 1, Raw the
// whole input) or one *RecordError.
func readPage(format string, parse func(data []byte, rec *Record) (line int, err error)) func(io.Reader) iter.Seq2[Record, error] {
	return func(r io.Reader) iter.Seq2[Record, error] {
		return func(yield func(Record, error) bool) {
			data, err := io.ReadAll(io.LimitReader(r, maxPage+1))
			if err != nil {
				yield(Record{}, fmt.Errorf("%s: %w", format, err))
				return
			}
			if len(data) > maxPage {
				yield(Record{}, fmt.Errorf("%s: input larger than %d bytes is not one page", format, maxPage))
				return
			}
			rec := Record{Format: format, Number: 1, Line: 1, Raw: data}
			line, err := parse(data, &rec)
			if err == nil && rec.Title == "" {
				err = ErrNoTitle
			}
			if err == nil {
				// A page reader, like the fallback, never makes a paper of a
				// first line alone (a cookie wall read with --from).
				err = pageIsRecord(&rec)
			}
			if err != nil {
				if line < 1 {
					line = 1
				}
				yield(Record{}, &RecordError{Record: 1, Line: line, Err: err})
				return
			}
			yield(rec, nil)
		}
	}
}
