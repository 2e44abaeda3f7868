package main

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/msckg/msckg/graph/export"
)

// scratch is the folder a build keeps its spooled records and sorted
// statements in (gigabytes for a large corpus). It is removed when the
// build ends, and also when msckg is interrupted (Ctrl-C, SIGTERM), so an
// abandoned run does not leave them behind in TMPDIR.
type scratch struct {
	dir     string
	once    sync.Once
	signals chan os.Signal
}

func newScratch() (*scratch, error) {
	dir, err := os.MkdirTemp("", "msckg-build-")
	if err != nil {
		return nil, fmt.Errorf("making a scratch folder (set TMPDIR to a disk with room): %w", err)
	}
	s := &scratch{dir: dir, signals: make(chan os.Signal, 1)}
	signal.Notify(s.signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		if _, ok := <-s.signals; ok {
			export.RemoveTemporaryFiles()
			s.remove()
			fmt.Fprintln(os.Stderr, "msckg: interrupted; scratch and temporary output files removed")
			os.Exit(130)
		}
	}()
	return s, nil
}

// remove deletes the folder once and stops watching for signals.
func (s *scratch) remove() {
	s.once.Do(func() {
		signal.Stop(s.signals)
		close(s.signals)
		os.RemoveAll(s.dir)
	})
}
