package graph

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/msckg/msckg/mappings"
)

// A part file is a Spool kept on disk for a build split into steps: the
// per-file step reads its inputs into one, the other steps read it back.
// It is the spool's entries (full records and facts, JSON) followed by an
// index: the light copy of every input with where its entry is, and
// whatever the caller adds (problems met while reading). The last 16 bytes
// are the index's offset and a magic string, so a file cut short or not a
// part at all is refused by name.

const partMagic = "msckgpt1"

// partIndex is the JSON trailer of a part file.
type partIndex struct {
	Version int
	Inputs  []partInput
	Meta    json.RawMessage
}

// partInput is one light input and where its full form is.
type partInput struct {
	Path        string
	Record      mappings.Record
	SHA         string `json:",omitempty"`
	HasAbstract bool   `json:",omitempty"`
	Off, Size   int64  // the spool entry; Size 0: the input is whole (a trial registration)
}

// CreatePart makes a spool that writes to path and, unlike NewSpool's, is
// kept when closed. Finish it with WritePart, then Close it.
func CreatePart(path string) (*Spool, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("making part file: %w", err)
	}
	return &Spool{file: f, w: bufio.NewWriterSize(f, 1<<16), keep: true}, nil
}

// WritePart appends the index of inputs (the light copies sp.Put
// returned) and meta to sp's file; Close the spool afterwards.
func WritePart(sp *Spool, inputs []Input, meta any) error {
	if !sp.keep {
		return errors.New("internal error: WritePart on a scratch spool")
	}
	if sp.err != nil {
		return sp.err
	}
	idx := partIndex{Version: 1, Inputs: make([]partInput, 0, len(inputs))}
	for _, in := range inputs {
		pi := partInput{Path: in.Path, Record: in.Record, SHA: in.sha, HasAbstract: in.hasAbstract}
		if in.stored != nil {
			if in.stored.spool != sp {
				return fmt.Errorf("internal error: %s record %d is not in this part", in.Path, in.Record.Number)
			}
			x := sp.at[in.stored.id]
			pi.Off, pi.Size = x.off, x.size
		}
		idx.Inputs = append(idx.Inputs, pi)
	}
	var err error
	if idx.Meta, err = json.Marshal(meta); err != nil {
		return fmt.Errorf("writing part %s: %w", sp.file.Name(), err)
	}
	data, err := json.Marshal(idx)
	if err != nil {
		return fmt.Errorf("writing part %s: %w", sp.file.Name(), err)
	}
	at := sp.size
	sp.w.Write(data)
	var tail [16]byte
	binary.BigEndian.PutUint64(tail[:8], uint64(at))
	copy(tail[8:], partMagic)
	sp.w.Write(tail[:])
	err = errors.Join(sp.w.Flush(), sp.file.Sync())
	if err != nil {
		return fmt.Errorf("writing part %s: %w", sp.file.Name(), err)
	}
	return nil
}

// Part is a part file opened for reading.
type Part struct {
	Path   string
	Inputs []Input // light copies; the builder reads their full form from the file
	Meta   json.RawMessage
	spool  *Spool
}

// OpenPart reads the index of the part file at path. Close it when the
// build is done.
func OpenPart(path string) (*Part, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening part: %w", err)
	}
	p, err := readPart(path, f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("part %s: %w", path, err)
	}
	return p, nil
}

func readPart(path string, f *os.File) (*Part, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	var tail [16]byte
	if info.Size() < 16 {
		return nil, errors.New("not a part file (too short; was the per-file step interrupted?)")
	}
	if _, err := f.ReadAt(tail[:], info.Size()-16); err != nil {
		return nil, err
	}
	at := int64(binary.BigEndian.Uint64(tail[:8]))
	if string(tail[8:]) != partMagic || at < 0 || at > info.Size()-16 {
		return nil, errors.New("not a part file (no index at its end; was the per-file step interrupted?)")
	}
	data := make([]byte, info.Size()-16-at)
	if _, err := f.ReadAt(data, at); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	var idx partIndex
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&idx); err != nil {
		return nil, fmt.Errorf("reading its index: %w", err)
	}
	if idx.Version != 1 {
		return nil, fmt.Errorf("part format version %d, this msckg reads version 1", idx.Version)
	}
	sp := &Spool{file: f, keep: true, size: at}
	p := &Part{Path: path, Meta: idx.Meta, spool: sp}
	for _, pi := range idx.Inputs {
		in := Input{Path: pi.Path, Record: pi.Record, sha: pi.SHA, hasAbstract: pi.HasAbstract}
		if pi.Size > 0 {
			if pi.Off < 0 || pi.Off+pi.Size > at {
				return nil, fmt.Errorf("%s record %d: entry outside the file", pi.Path, pi.Record.Number)
			}
			in.stored = &storedRef{spool: sp, id: len(sp.at)}
			sp.at = append(sp.at, extent{off: pi.Off, size: pi.Size})
		}
		p.Inputs = append(p.Inputs, in)
	}
	return p, nil
}

// Close closes the part's file; the file stays.
func (p *Part) Close() error { return p.spool.Close() }
