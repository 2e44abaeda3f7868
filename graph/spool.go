package graph

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
)

// Spool is the record store of a large build: a plain put/get by record
// id of each full record and its facts, kept in a scratch file. Put
// stores an input and returns the light copy that holds only what
// identity needs (identifiers, title, authors, journal, dates, references,
// whether there is an abstract) and the id; emission gets the full record
// by that id when it states the paper, then lets it go. Memory then grows
// with the identity keys of the corpus, not with its text.
//
// Inputs are stored as JSON: unlike gob, it keeps a pointer to a zero
// value (a cohort known not to be refractory, an outcome that no patient
// had) apart from a nil one.
type Spool struct {
	file *os.File
	w    *bufio.Writer
	size int64    // bytes written so far
	at   []extent // record id → where its entry is in the file
	err  error    // first write error; Put keeps returning it
	keep bool     // a part file (CreatePart, OpenPart): Close leaves it
	// names shares the strings that recur across light copies (author
	// names and affiliations, journals): one copy each instead of one per
	// record. Cleared when full, so it stays small on any corpus.
	names map[string]string
}

// maxSpoolNames bounds Spool.names.
const maxSpoolNames = 1 << 16

// intern returns the shared copy of v.
func (sp *Spool) intern(v string) string {
	if v == "" {
		return ""
	}
	if w, ok := sp.names[v]; ok {
		return w
	}
	if sp.names == nil || len(sp.names) >= maxSpoolNames {
		sp.names = make(map[string]string, 1024)
	}
	v = strings.Clone(v) // not a piece of a longer string kept alive with it
	sp.names[v] = v
	return v
}

// extent is where one stored entry is in the spool's file.
type extent struct{ off, size int64 }

// storedRef names the full form of a light input: the store and the id.
type storedRef struct {
	spool *Spool
	id    int
}

// NewSpool makes a spool in a new file under dir (os.TempDir when "").
func NewSpool(dir string) (*Spool, error) {
	f, err := os.CreateTemp(dir, "msckg-records-*")
	if err != nil {
		return nil, fmt.Errorf("making a scratch file for records: %w", err)
	}
	return &Spool{file: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

// Close removes the spool's file (a part file's is kept).
func (sp *Spool) Close() error {
	err := sp.file.Close()
	if sp.keep {
		return err
	}
	return errors.Join(err, os.Remove(sp.file.Name()))
}

type spoolEntry struct {
	Record mappings.Record
	Facts  *evidence.Facts
}

// Put stores in and returns its light copy, which carries the record's
// id. Trial registrations are few and used whole: they are returned as
// they are.
func (sp *Spool) Put(in Input) (Input, error) {
	if in.Record.Trial != nil || sp.err != nil {
		return in, sp.err
	}
	in.sha = sha256Hex(in.Record.Raw)
	rec := in.Record
	rec.Raw = nil // its hash is kept; the bytes are not needed again
	id, err := sp.put(rec, in.Facts)
	if err != nil {
		sp.err = fmt.Errorf("spooling %s record %d: %w", in.Path, in.Record.Number, err)
		return in, sp.err
	}
	in.stored = &storedRef{spool: sp, id: id}
	return lighten(in, sp.intern), nil
}

// put appends a record and its facts and returns their id.
func (sp *Spool) put(rec mappings.Record, facts *evidence.Facts) (int, error) {
	data, err := json.Marshal(spoolEntry{Record: rec, Facts: facts})
	if err != nil {
		return 0, err
	}
	if _, err := sp.w.Write(data); err != nil {
		return 0, err
	}
	sp.at = append(sp.at, extent{off: sp.size, size: int64(len(data))})
	sp.size += int64(len(data))
	return len(sp.at) - 1, nil
}

// Get returns the full record and the facts stored under id.
func (sp *Spool) Get(id int) (mappings.Record, *evidence.Facts, error) {
	if id < 0 || id >= len(sp.at) {
		return mappings.Record{}, nil, fmt.Errorf("reading spooled record: no record %d", id)
	}
	if sp.w != nil && sp.w.Buffered() > 0 {
		if err := sp.w.Flush(); err != nil {
			return mappings.Record{}, nil, fmt.Errorf("spooling records: %w", err)
		}
	}
	x := sp.at[id]
	data := make([]byte, x.size)
	if _, err := sp.file.ReadAt(data, x.off); err != nil && !errors.Is(err, io.EOF) {
		return mappings.Record{}, nil, fmt.Errorf("reading spooled record %d: %w", id, err)
	}
	var e spoolEntry
	if err := json.Unmarshal(data, &e); err != nil {
		return mappings.Record{}, nil, fmt.Errorf("reading spooled record %d: %w", id, err)
	}
	return e.Record, e.Facts, nil
}

// lighten drops what only the statements about a paper need, not the
// decisions about identity. The strings that recur across records
// (names, affiliations, journals) are shared through intern.
func lighten(in Input, intern func(string) string) Input {
	r := &in.Record
	r.Raw = nil
	r.Abstract.Sections = nil
	if r.Title != "" && r.Abstract.Text != "" {
		// Identity needs the abstract's text only to name a paper that
		// has no title; the chosen abstract is read back with the record.
		r.Abstract.Text, in.hasAbstract = "", true
	}
	r.MeSH, r.Keywords, r.PublicationTypes, r.URLs = nil, nil, nil, nil
	if r.Guessed["kind"] == mappings.KindAbstractOnly {
		// identity names an abstract read alone by its text (identityKeysOf)
		r.Guessed = map[string]string{"kind": mappings.KindAbstractOnly}
	} else {
		r.Guessed = nil
	}
	// Stated from the full record only; the loader has said the warnings.
	r.Publisher, r.ArticleNumber, r.CitationCount, r.TrialIDs, r.Warnings = "", "", nil, nil, nil
	r.Authors = lightAuthors(r.Authors, intern)
	j := &r.Journal
	j.Title, j.Abbrev, j.ISSN, j.EISSN, j.ISSNL = intern(j.Title), intern(j.Abbrev), intern(j.ISSN), intern(j.EISSN), intern(j.ISSNL)
	j.ISSNs = internAll(j.ISSNs, intern)
	r.Language = intern(r.Language)
	in.Facts = nil
	return in
}

// lightAuthors copies an author list for a light copy: no name-order
// reason (shown by inspect, from the full record), names and affiliations
// shared through intern, the slice exactly as long as the list.
func lightAuthors(as []mappings.Author, intern func(string) string) []mappings.Author {
	if len(as) == 0 {
		return nil
	}
	out := make([]mappings.Author, len(as))
	for i, a := range as {
		out[i] = mappings.Author{
			AsWritten:    intern(a.AsWritten),
			Family:       intern(a.Family),
			Given:        intern(a.Given),
			Suffix:       intern(a.Suffix),
			Collective:   a.Collective,
			ORCID:        intern(a.ORCID),
			Affiliations: internAll(a.Affiliations, intern),
		}
	}
	return out
}

// internAll is a copy of vs with each value shared through intern.
func internAll(vs []string, intern func(string) string) []string {
	if len(vs) == 0 {
		return nil
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = intern(v)
	}
	return out
}

// full returns the source's full record and facts: its own when it was
// given whole, else the ones its store keeps under its id.
func (s *source) full() (*mappings.Record, *evidence.Facts, error) {
	if s.stored == nil {
		return &s.Record, s.Facts, nil
	}
	rec, facts, err := s.stored.spool.Get(s.stored.id)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", s.label(), err)
	}
	return &rec, facts, nil
}
