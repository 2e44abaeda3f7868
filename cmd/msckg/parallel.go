package main

import (
	"sync"
)

// queueDepth is how many items one file's reader may run ahead of the
// commits: enough to keep the workers fed, few enough that memory stays
// bounded (jobs files × queueDepth records).
const queueDepth = 64

// pending is an item on its way: done is closed once it is prepared (or
// needs no preparing, as a problem).
type pending struct {
	*item
	done chan struct{}
}

// loadParallel is load on jobs goroutines. Up to jobs files are read at
// once, each by its own goroutine, in the order given; the records they
// read are prepared (repaired, extracted) by jobs workers in any order;
// this goroutine then commits them strictly in file and record order, as
// load would on its own. Identity, the spool, problems and warnings only
// ever see that order, so the output is the same for any jobs.
func (l *loader) loadParallel(files []string, jobs int) error {
	stop := make(chan struct{}) // closed when the commits end early
	streams := make([]chan pending, len(files))
	for i := range streams {
		streams[i] = make(chan pending, queueDepth)
	}
	work := make(chan pending, jobs*queueDepth)

	var workers sync.WaitGroup
	for range jobs {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for p := range work {
				p.prepare()
				close(p.done)
			}
		}()
	}

	// The launcher starts one reader per file, in order, at most jobs at
	// a time: a reader of a later file never holds a slot an earlier one
	// waits for. Standard input given twice is read by one reader after
	// the other, as alone.
	var readers sync.WaitGroup
	readers.Add(1)
	go func() {
		defer readers.Done()
		slots := make(chan struct{}, jobs)
		var prevStdin chan struct{}
		for i, path := range files {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			var after, stdinDone chan struct{}
			if path == "-" {
				after, stdinDone = prevStdin, make(chan struct{})
				prevStdin = stdinDone
			}
			readers.Add(1)
			go func() {
				defer readers.Done()
				defer func() { <-slots }()
				defer close(streams[i])
				if stdinDone != nil {
					defer close(stdinDone)
				}
				if after != nil {
					select {
					case <-after:
					case <-stop:
						return
					}
				}
				l.readFile(path, func(it *item) bool {
					p := pending{item: it, done: make(chan struct{})}
					if it.problem != nil {
						close(p.done)
					}
					select {
					case streams[i] <- p:
					case <-stop:
						return false
					}
					if it.problem != nil {
						return true
					}
					select {
					case work <- p:
						return true
					case <-stop:
						return false
					}
				})
			}()
		}
	}()
	// Once every reader has finished no more work comes.
	go func() {
		readers.Wait()
		close(work)
	}()

	err := l.commitInOrder(streams)
	close(stop)
	// Nothing may outlive load: a reader still holds its file open and
	// a worker its record.
	workers.Wait()
	return err
}

// commitInOrder commits the items of each file in turn, waiting for each
// to be prepared. It returns the first error commit gave.
func (l *loader) commitInOrder(streams []chan pending) error {
	for _, s := range streams {
		l.files++
		for p := range s {
			<-p.done
			if err := l.commit(p.item); err != nil {
				return err
			}
		}
	}
	return nil
}
