// Package page holds what the readers of scraped web pages share: loading
// one page as one record (Read), and the rule that decides whether what a
// page gave is a bibliographic record at all (IsRecord). It registers no
// format: the labelled-page fallback (mappings/labelledpage) and each
// site's reader (mappings/s2page, mappings/vufind, mappings/wprim,
// mappings/zendy) are format packages of their own that import it, so
// that every page reader applies the same rule.
package page

import (
	"fmt"
	"io"
	"iter"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
)

// MaxSize bounds what a one-record page reader loads: a scraped page is a
// few kilobytes, and anything near this size is not one record.
const MaxSize = 32 << 20

// Read adapts a reader of one-record pages to Format.Read: it loads
// the page, parses it with parse and yields one Record (Number 1, Raw the
// whole input) or one *RecordError.
func Read(format string, parse func(data []byte, rec *mappings.Record) (line int, err error)) func(io.Reader) iter.Seq2[mappings.Record, error] {
	return func(r io.Reader) iter.Seq2[mappings.Record, error] {
		return func(yield func(mappings.Record, error) bool) {
			data, err := Load(format, r)
			if err != nil {
				yield(mappings.Record{}, err)
				return
			}
			rec := mappings.Record{Format: format, Number: 1, Line: 1, Raw: data}
			line, err := parse(data, &rec)
			if err == nil && rec.Title == "" {
				err = mappings.ErrNoTitle
			}
			if err == nil {
				// A page reader, like the fallback, never makes a paper of a
				// first line alone (a cookie wall read with --from).
				err = IsRecord(&rec)
			}
			if err != nil {
				if line < 1 {
					line = 1
				}
				yield(mappings.Record{}, &mappings.RecordError{Record: 1, Line: line, Err: err})
				return
			}
			yield(rec, nil)
		}
	}
}

// Load reads the whole of a one-record input, refusing one larger than
// MaxSize; errors name the format.
func Load(format string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", format, err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: input larger than %d bytes is not one page", format, MaxSize)
	}
	return data, nil
}

// MinLabelledAbstract is the least text, in characters, under an
// "Abstract" label that makes a titled page a paper with nothing else to
// identify it: a real abstract runs to a paragraph or more.
const MinLabelledAbstract = 400

// The kinds of page a reader may name in Record.Guessed["kind"], for
// IsRecord to weigh.
const (
	// KindRegistrationWithoutID: the page prints the fields of a trial
	// registration but no registry id.
	KindRegistrationWithoutID = "registration-fields-without-id"
	// KindTitleAndAbstract: a title above a paragraph labelled "Abstract".
	KindTitleAndAbstract = "title-and-abstract"
	// KindNews: the byline is a journalist's ("By Elana Gotkine HealthDay
	// Reporter"): a news item about a study, not the study's record.
	KindNews = "news-byline"
)

// ErrNews: a news item, whose byline names a reporter, not the authors.
var ErrNews = fmt.Errorf("%w: a news item (its byline is a reporter's), not a bibliographic record", mappings.ErrUnknownFormat)

// ErrTrialWithoutID: a page that describes a study the way registries do
// but names no registry id, so no Trial node can be made for it.
var ErrTrialWithoutID = fmt.Errorf("%w: a trial description without a registry id", mappings.ErrUnknownFormat)

// IsRecord says whether what a page gave is a bibliographic record:
// a title and at least one of authors, an identifier (DOI, PMID, PMCID),
// a journal and a year, or an abstract under an "Abstract" label; or,
// without a title, an identifier and an abstract, or an identifier with
// authors, a journal and a year. Anything less could be any text with a first
// line, and the fallback never invents a paper from it.
func IsRecord(rec *mappings.Record) error {
	switch {
	case rec.Title == "" && (rec.DOI != "" || rec.PMID != "" || rec.PMCID != "") &&
		utf8.RuneCountInString(rec.Abstract.Text) >= MinLabelledAbstract:
		// The identifier names the paper and the abstract shows the page
		// is its own: kept untitled, as every reader's untitled records
		// are (the registry records the gap).
		return nil
	case rec.Title == "" && (rec.DOI != "" || rec.PMID != "" || rec.PMCID != "") &&
		len(rec.Authors) > 0 && (rec.Journal.Title != "" || rec.Journal.Abbrev != "") && rec.Issued.Year != 0:
		// A reprint that prints its source's byline, running citation and
		// DOI but not the article's title (a site that shows the first
		// page of a PDF): the page's own citation, kept untitled.
		return nil
	case rec.Title == "":
		return fmt.Errorf("%w: a page without a title", mappings.ErrUnknownFormat)
	case rec.Trial != nil:
		return nil // a registration with its registry id
	case rec.Guessed["kind"] == KindRegistrationWithoutID:
		return ErrTrialWithoutID
	case rec.Guessed["kind"] == KindNews:
		return ErrNews
	case len(rec.Authors) > 0, rec.DOI != "", rec.PMID != "", rec.PMCID != "",
		(rec.Journal.Title != "" || rec.Journal.Abbrev != "") && rec.Issued.Year != 0:
		// a journal is named in full or abbreviated ("J Korean Med Sci.
		// 2003 Jun;18(3):365-71." above a PubMed page's title)
		return nil
	case rec.Guessed["kind"] == KindTitleAndAbstract:
		// A title above a paragraph labelled "Abstract": an abstract page
		// that prints no byline (aggregators, catalogues, meeting sites).
		return nil
	}
	return fmt.Errorf("%w: a page with a title but no authors, no DOI, PMID or PMCID, and no journal and year", mappings.ErrUnknownFormat)
}
