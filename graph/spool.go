package graph

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
)

// Spool keeps the bulk of a large build's inputs on disk. Put writes a
// record and its facts to a scratch file and returns a light copy that
// holds only what identity needs (identifiers, title, authors, journal,
// dates, references, whether there is an abstract); the builder reads the full input
// back when it states the paper, then lets it go. Memory then grows with
// the identity keys of the corpus, not with its text.
//
// Inputs are stored as JSON: unlike gob, it keeps a pointer to a zero
// value (a cohort known not to be refractory, an outcome that no patient
// had) apart from a nil one.
type Spool struct {
	file *os.File
	w    *bufio.Writer
	size int64 // bytes written so far
	err  error // first write error; Put keeps returning it
}

// spooled says where an input's full form is.
type spooled struct {
	spool     *Spool
	off, size int64
}

// NewSpool makes a spool in a new file under dir (os.TempDir when "").
func NewSpool(dir string) (*Spool, error) {
	f, err := os.CreateTemp(dir, "msckg-records-*")
	if err != nil {
		return nil, fmt.Errorf("making a scratch file for records: %w", err)
	}
	return &Spool{file: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

// Close removes the spool's file.
func (sp *Spool) Close() error {
	err := sp.file.Close()
	return errors.Join(err, os.Remove(sp.file.Name()))
}

type spoolEntry struct {
	Record mappings.Record
	Facts  *evidence.Facts
}

// Put writes in to the spool and returns its light copy. Trial
// registrations are few and used whole: they are returned as they are.
func (sp *Spool) Put(in Input) (Input, error) {
	if in.Record.Trial != nil || sp.err != nil {
		return in, sp.err
	}
	in.sha = sha256Hex(in.Record.Raw)
	full := spoolEntry{Record: in.Record, Facts: in.Facts}
	full.Record.Raw = nil // its hash is kept; the bytes are not needed again
	data, err := json.Marshal(full)
	if err != nil {
		sp.err = fmt.Errorf("spooling %s record %d: %w", in.Path, in.Record.Number, err)
		return in, sp.err
	}
	in.spooled = &spooled{spool: sp, off: sp.size, size: int64(len(data))}
	if _, err := sp.w.Write(data); err != nil {
		sp.err = fmt.Errorf("spooling records: %w", err)
		return in, sp.err
	}
	sp.size += int64(len(data))
	return lighten(in), nil
}

// lighten drops what only the statements about a paper need, not the
// decisions about identity.
func lighten(in Input) Input {
	r := &in.Record
	r.Raw = nil
	r.Abstract.Sections = nil
	if r.Title != "" && r.Abstract.Text != "" {
		// Identity needs the abstract's text only to name a paper that
		// has no title; the chosen abstract is read back with the record.
		r.Abstract.Text, in.hasAbstract = "", true
	}
	r.MeSH, r.Keywords, r.PublicationTypes, r.URLs = nil, nil, nil, nil
	r.Guessed = nil
	in.Facts = nil
	return in
}

// load reads the full form of a spooled input.
func (s *spooled) load() (mappings.Record, *evidence.Facts, error) {
	sp := s.spool
	if sp.w.Buffered() > 0 {
		if err := sp.w.Flush(); err != nil {
			return mappings.Record{}, nil, fmt.Errorf("spooling records: %w", err)
		}
	}
	data := make([]byte, s.size)
	if _, err := sp.file.ReadAt(data, s.off); err != nil && !errors.Is(err, io.EOF) {
		return mappings.Record{}, nil, fmt.Errorf("reading spooled record: %w", err)
	}
	var e spoolEntry
	if err := json.Unmarshal(data, &e); err != nil {
		return mappings.Record{}, nil, fmt.Errorf("reading spooled record: %w", err)
	}
	return e.Record, e.Facts, nil
}

// withFull gives the sources their full records while emit runs, then
// light ones again.
func (b *builder) withFull(ss []*source, emit func()) {
	var light []Input
	for _, s := range ss {
		if s.spooled == nil {
			continue
		}
		light = append(light, s.Input)
		rec, facts, err := s.spooled.load()
		if err != nil {
			b.ds.fail(err)
			continue
		}
		s.Record, s.Facts = rec, facts
	}
	emit()
	i := 0
	for _, s := range ss {
		if s.spooled != nil {
			s.Input = light[i]
			i++
		}
	}
}
