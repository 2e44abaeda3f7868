package mappings

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"iter"
	"sort"
	"strings"
)

// Format describes one input format. Each reader registers itself from
// an init function, the way image/png registers with image: a format
// family is a package below mappings/ (mappings/wos, mappings/jats, ...)
// that the command links in through mappings/formats/all.
type Format struct {
	Name    string // stable identifier, used by --from and recorded as mkg:format
	Title   string // one line for people
	Reads   string // what the reader takes from the source
	Example string // a tiny input the reader accepts

	// Rank orders sources when they disagree on a value the graph keeps
	// once (a paper's volume, a fact's value): lower wins. Structured
	// exports of curated databases rank 10–19, publisher metadata 20–29,
	// reference-manager exports 30–39, aggregators and registries 40–49,
	// scraped pages 60–89 and the labelled-page fallback 90
	// (ONTOLOGY.md, "Merging").
	Rank int

	// Sniff looks at the first bytes of an input (at most SniffSize) and
	// says how sure it is that they are in this format: 0 means "not
	// mine", higher wins. Detection is by content, never by file name.
	Sniff func(head []byte) int

	// Explicit marks a format read only when named with --from: its Sniff
	// always says 0, since its inputs have no shape that tells them from
	// other text (an abstract alone).
	Explicit bool

	// Read yields the records of an input in order. A record that cannot
	// be read is yielded as a *RecordError and reading goes on; any other
	// error ends the input. Readers stream: they never hold more than the
	// record in hand.
	Read func(r io.Reader) iter.Seq2[Record, error]

	// unchecked is Read before withTitlePolicy, for the tests of single
	// fields that feed a reader minimal, untitled records.
	unchecked func(r io.Reader) iter.Seq2[Record, error]
}

// SniffSize is how many leading bytes Detect shows to each Sniff.
const SniffSize = 64 << 10

// RecordError reports a record that could not be read: which record
// (1-based), on which line it starts, and why.
type RecordError struct {
	Record int
	Line   int
	Err    error
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("record %d (line %d): %v", e.Record, e.Line, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// ErrNoTitle is the reason given for a record that has no title.
var ErrNoTitle = errors.New("record has no title")

// ErrUnknownFormat is returned by Detect when no reader claims the input.
var ErrUnknownFormat = errors.New("not a bibliographic record in any supported format")

var registry = map[string]*Format{}

// Register adds a format; it is meant to be called from init functions
// and panics on a programming error (a duplicate or incomplete format).
func Register(f Format) {
	if f.Name == "" || f.Sniff == nil || f.Read == nil || f.Rank <= 0 {
		panic("mappings: Register of an incomplete format " + f.Name)
	}
	if _, dup := registry[f.Name]; dup {
		panic("mappings: format registered twice: " + f.Name)
	}
	f.unchecked = f.Read
	f.Read = withTitlePolicy(f.Read)
	registry[f.Name] = &f
}

// Refuse is the reading of an input that a reader cannot start (its
// embedded table is broken, say): the error, and no record.
func Refuse(err error) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) { yield(Record{}, err) }
}

// withTitlePolicy applies the one policy for untitled records to every
// format, so that no reader has its own: a record without a title is kept
// when it has a DOI, PMID or PMCID (the identifier names the paper), with
// the gap recorded in Guessed["title"] and so on its source record; without
// one it is rejected, since nothing would say which paper it is.
func withTitlePolicy(read func(io.Reader) iter.Seq2[Record, error]) func(io.Reader) iter.Seq2[Record, error] {
	return func(r io.Reader) iter.Seq2[Record, error] {
		return func(yield func(Record, error) bool) {
			if err := TablesError(); err != nil {
				yield(Record{}, err) // a broken table would read records wrongly
				return
			}
			for rec, err := range read(r) {
				if err == nil {
					checkORCIDs(&rec)
					if w := replacementWarning(&rec); w != "" {
						rec.Warnings = append(rec.Warnings, w)
					}
					err = untitledPolicy(&rec)
				}
				if !yield(rec, err) {
					return
				}
			}
		}
	}
}

// checkORCIDs drops, with a warning, every ORCID iD whose check digit
// (ISO 7064 MOD 11-2) is wrong, whichever reader brought it: two people
// sharing a mistyped iD would otherwise become one author.
func checkORCIDs(rec *Record) {
	for i := range rec.Authors {
		a := &rec.Authors[i]
		if a.ORCID == "" {
			continue
		}
		if id := nlmORCID(a.ORCID); id != "" {
			a.ORCID = id
			continue
		}
		rec.Warnings = append(rec.Warnings, fmt.Sprintf("ORCID %q of author %q has a wrong check digit (or is not an ORCID iD); dropped", a.ORCID, a.AsWritten))
		a.ORCID = ""
	}
}

// KindAbstractOnly is the Record.Guessed["kind"] of a page that prints a
// study's abstract and nothing to name it by (no title, no identifier):
// a journal page stored from its key points, a meeting abstract. Its
// facts are the reason it was collected, and it cannot be joined to
// another paper (paper identity joins by identifier or title), so it is
// kept untitled, under a name made from its abstract.
const KindAbstractOnly = "abstract-only"

// untitledPolicy checks one record read without error; see withTitlePolicy.
func untitledPolicy(rec *Record) error {
	if rec.Title != "" || rec.Trial != nil {
		return nil // trial registrations have their own rule (mappings/ctgov)
	}
	if rec.Guessed["kind"] == KindAbstractOnly && rec.Abstract.Text != "" {
		rec.Guessed["title"] = "none given; an abstract read alone, which names the paper"
		return nil
	}
	var ids []string
	for _, id := range []struct{ name, v string }{{"DOI", rec.DOI}, {"PMID", rec.PMID}, {"PMCID", rec.PMCID}} {
		if id.v != "" {
			ids = append(ids, id.name)
		}
	}
	if len(ids) == 0 {
		return &RecordError{Record: rec.Number, Line: rec.Line, Err: fmt.Errorf("%w and no DOI, PMID or PMCID", ErrNoTitle)}
	}
	if rec.Guessed == nil {
		rec.Guessed = map[string]string{}
	}
	rec.Guessed["title"] = "none given; the record is kept for its " + strings.Join(ids, " and ")
	return nil
}

// Formats lists every registered format, sorted by name.
func Formats() []*Format {
	out := make([]*Format, 0, len(registry))
	for _, f := range registry {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ReadUnchecked is Read without the checks the registry adds to every
// reader (the untitled-record policy, ORCID check digits, the report of
// replacement characters): for tests of one field on a minimal record.
func (f *Format) ReadUnchecked(r io.Reader) iter.Seq2[Record, error] { return f.unchecked(r) }

// RankOf returns the Rank of the format registered under name; a name no
// format is registered under ranks after every format.
func RankOf(name string) int {
	if f, ok := registry[name]; ok {
		return f.Rank
	}
	return 100
}

// Lookup returns the format registered under name.
func Lookup(name string) (*Format, bool) {
	f, ok := registry[strings.ToLower(strings.TrimSpace(name))]
	return f, ok
}

// Detect picks the format whose Sniff is surest of head; ties go to the
// name that sorts first, so detection never depends on map order.
func Detect(head []byte) (*Format, error) {
	var best *Format
	bestScore := 0
	for _, f := range Formats() {
		if s := f.Sniff(head); s > bestScore {
			best, bestScore = f, s
		}
	}
	if best == nil {
		return nil, ErrUnknownFormat
	}
	return best, nil
}

// Open detects the format of r (unless from names one) and returns the
// format with a reader positioned at the start of the input.
func Open(r io.Reader, from string) (*Format, io.Reader, error) {
	// Text that is not UTF-8 is transcoded first (encoding.go), so that
	// detection and every reader see UTF-8.
	whole, err := wholeInputEvidence(r)
	if err != nil {
		return nil, nil, err
	}
	r, _ = decodeInput(bufio.NewReaderSize(r, SniffSize), whole)
	br := bufio.NewReaderSize(r, SniffSize)
	if from != "" {
		f, ok := Lookup(from)
		if !ok {
			return nil, nil, fmt.Errorf("unknown format %q (see 'msckg formats')", from)
		}
		return f, br, nil
	}
	head, err := br.Peek(SniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, nil, err
	}
	f, err := Detect(head)
	if err != nil {
		return nil, nil, err
	}
	return f, br, nil
}
