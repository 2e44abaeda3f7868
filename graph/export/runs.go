package export

import (
	"errors"
	"io"
	"os"
)

// WriteRun writes the store's statements to w as one sorted run: each
// triple once, with the rank and graph that keep it in this store. Runs
// of stores that received disjoint shares of one build's statements, with
// the same ranks, merge (AddRun) into the store that received them all:
// a triple's records sit side by side in the merge, and the best-ranked
// one keeps it. It finishes the store.
func (st *Store) WriteRun(w io.Writer) error {
	rw := newRunWriter(w)
	var prevTriple string
	first := true
	err := st.triples.each(func(rec string) error {
		end := tripleLen(rec)
		if !first && rec[:end] == prevTriple {
			return nil // the same triple in a graph of worse rank
		}
		first, prevTriple = false, rec[:end]
		rw.write(rec)
		return nil
	})
	if err != nil {
		return err
	}
	return rw.Flush()
}

// AddRun adds the statements of a run WriteRun wrote, which starts at
// byte off of the file at path and runs to its end. The file is read when
// the store is first read, and is left in place.
func (st *Store) AddRun(path string, off int64) error {
	if st.triples.done {
		return errors.New("internal error: run added after the dataset was read")
	}
	if _, err := os.Stat(path); err != nil {
		return err
	}
	st.triples.external = append(st.triples.external, runFile{path: path, off: off})
	return nil
}
