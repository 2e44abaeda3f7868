package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/msckg/msckg/graph"
	"github.com/msckg/msckg/mappings"
)

// inputProblem is a record (or a whole file) that could not be read.
type inputProblem struct {
	Path   string
	Record int // 1-based; 0 when the whole input failed before any record
	Line   int
	Err    error
}

func (p inputProblem) String() string {
	switch {
	case p.Record > 0 && p.Line > 0:
		return fmt.Sprintf("%s: record %d (line %d): %v", p.Path, p.Record, p.Line, p.Err)
	case p.Record > 0:
		return fmt.Sprintf("%s: record %d: %v", p.Path, p.Record, p.Err)
	default:
		return fmt.Sprintf("%s: %v", p.Path, p.Err)
	}
}

// loader reads inputs into graph inputs, collecting problems as it goes.
type loader struct {
	from     string       // --from: force a format
	strict   bool         // stop at the first problem
	stdin    io.Reader    // for "-"
	spool    *graph.Spool // when set, records wait on disk and inputs are light
	inputs   []graph.Input
	problems []inputProblem
	// warnings are records built with a value changed or left out (a
	// URL repaired, a bad check digit): said, never silent.
	warnings []inputProblem
	files    int
	progress *progress // nil: no progress line (inspect, table, report)
	jobs     int       // goroutines reading and extracting; 0 or 1: the caller's alone
}

var errStrict = errors.New("stopped at the first bad record (--strict)")

// expand turns the command-line inputs into files: folders are walked
// recursively in sorted order (hidden entries skipped), "-" is stdin.
// Symbolic links inside a folder are followed, to files and to folders;
// a link back to a folder already being walked (a loop) is not followed
// again and is returned as a note, as is a link that leads nowhere.
func expand(args []string) (files []string, notes []inputProblem, err error) {
	for _, a := range args {
		if a == "-" {
			files = append(files, a)
			continue
		}
		info, err := os.Stat(a)
		if err != nil {
			return nil, nil, usagef("input %s: %v", a, errors.Unwrap(err))
		}
		if !info.IsDir() {
			files = append(files, a)
			continue
		}
		found, n, err := walkFolder(a, nil)
		if err != nil {
			return nil, nil, err
		}
		sort.Strings(found)
		files = append(files, found...)
		notes = append(notes, n...)
	}
	return files, notes, nil
}

// notRegular says why a named pipe, socket or device found in a folder
// is not read: it may never end, or be read only once. Given as an
// argument it is read (a pipe is how standard input arrives, too).
func notRegular(path string, mode fs.FileMode) inputProblem {
	kind := "special file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case mode&fs.ModeSocket != 0:
		kind = "socket"
	case mode&fs.ModeDevice != 0:
		kind = "device"
	}
	return inputProblem{Path: path, Err: fmt.Errorf("a %s in a folder is not read (name it as an input of its own to read it)", kind)}
}

// walkFolder lists the regular files below dir, following symbolic
// links; open holds the folders being walked above dir, to detect loops.
func walkFolder(dir string, open []os.FileInfo) (found []string, notes []inputProblem, err error) {
	self, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("walking %s: %w", dir, err)
	}
	open = append(open[:len(open):len(open)], self)
	// WalkDir does not follow a link it is given as the root; with a
	// trailing separator the system resolves it.
	root := dir
	if !strings.HasSuffix(root, string(filepath.Separator)) {
		root += string(filepath.Separator)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == root {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.Type().IsRegular():
			found = append(found, path)
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Stat(path)
			if err != nil {
				notes = append(notes, inputProblem{Path: path, Err: fmt.Errorf("symbolic link not followed: %w", errors.Unwrap(err))})
				return nil
			}
			if target.Mode().IsRegular() {
				found = append(found, path)
				return nil
			}
			if !target.IsDir() {
				notes = append(notes, notRegular(path, target.Mode()))
				return nil
			}
			for _, o := range open {
				if os.SameFile(o, target) {
					notes = append(notes, inputProblem{Path: path, Err: errors.New("symbolic link loop: it leads back to a folder being read, so it is not followed")})
					return nil
				}
			}
			f, n, err := walkFolder(path, open)
			if err != nil {
				return err
			}
			found = append(found, f...)
			notes = append(notes, n...)
		case !d.IsDir():
			notes = append(notes, notRegular(path, d.Type()))
		case d.IsDir():
			// Each folder is walked by its own call, so that the links
			// below it know it is open.
			f, n, err := walkFolder(path, open)
			if err != nil {
				return err
			}
			found = append(found, f...)
			notes = append(notes, n...)
			return filepath.SkipDir
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("walking %s: %w", dir, err)
	}
	return found, notes, nil
}

// load reads every file. It returns errStrict when --strict stopped it.
// With jobs above 1 files are read and records extracted on that many
// goroutines (parallel.go); the records still reach commit in file and
// record order, so everything after reading is as with one.
func (l *loader) load(files []string) error {
	if l.jobs > 1 && len(files) > 0 {
		return l.loadParallel(files, l.jobs)
	}
	for _, f := range files {
		l.files++
		if err := l.loadFile(f); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) problem(p inputProblem) error {
	l.problems = append(l.problems, p)
	if l.strict {
		return errStrict
	}
	return nil
}

// loadFile reads, extracts and commits one file's records in order.
func (l *loader) loadFile(path string) (err error) {
	l.readFile(path, func(it *item) bool {
		if it.problem == nil {
			it.prepare()
		}
		err = l.commit(it)
		return err == nil
	})
	return err
}

// item is one thing reading a file gave, in the file's order: a record
// (with, once prepared, its facts and warnings) or a problem.
type item struct {
	path    string
	rec     mappings.Record
	read    bool          // from the reader's sequence: counted by the progress line
	problem *inputProblem // the record, or the rest of the file, could not be read
	// Set by prepare:
	in       graph.Input
	warnings []inputProblem
}

// readFile yields the items of one file to emit until it returns false.
// It touches nothing of the loader but its settings, so files may be
// read on several goroutines at once.
func (l *loader) readFile(path string, emit func(*item) bool) {
	// A reader must never panic on input; if one does anyway, the file is
	// reported as a problem and the other files are still built.
	defer func() {
		if v := recover(); v != nil {
			emit(&item{path: path, problem: &inputProblem{Path: path, Err: fmt.Errorf("internal error while reading (please report): %v", v)}})
		}
	}()
	fail := func(p inputProblem) { emit(&item{path: path, problem: &p}) }
	var r io.Reader
	if path == "-" {
		r = l.stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			fail(inputProblem{Path: path, Err: err})
			return
		}
		defer f.Close()
		r = f
	}
	if l.progress != nil {
		r = countingReader{r: r, p: l.progress}
	}
	format, rd, err := mappings.Open(r, l.from)
	if err != nil {
		if errors.Is(err, mappings.ErrUnknownFormat) {
			fail(inputProblem{Path: path, Record: 1, Line: 1, Err: err})
			return
		}
		fail(inputProblem{Path: path, Err: err})
		return
	}
	for rec, err := range format.Read(rd) {
		if err != nil {
			var re *mappings.RecordError
			if errors.As(err, &re) {
				if !emit(&item{path: path, read: true, problem: &inputProblem{Path: path, Record: re.Record, Line: re.Line, Err: re.Err}}) {
					return
				}
				continue
			}
			emit(&item{path: path, read: true, problem: &inputProblem{Path: path, Err: fmt.Errorf("reading %s: %w", format.Name, err)}})
			return
		}
		if !emit(&item{path: path, read: true, rec: rec}) {
			return
		}
	}
}

// prepare repairs and extracts a record read: the work on one record that
// depends on nothing else, so workers may do it in any order.
func (it *item) prepare() {
	// Extraction must not panic either; if it does, the record is a
	// problem and the others are still built.
	defer func() {
		if v := recover(); v != nil {
			it.in, it.warnings = graph.Input{}, nil
			it.problem = &inputProblem{Path: it.path, Record: it.rec.Number, Line: it.rec.Line, Err: fmt.Errorf("internal error while extracting (please report): %v", v)}
		}
	}()
	rec := it.rec
	for _, w := range append(rec.Warnings, graph.RepairIRIs(&rec)...) {
		it.warnings = append(it.warnings, inputProblem{Path: it.path, Record: rec.Number, Line: rec.Line, Err: errors.New(w)})
	}
	it.in = graph.Input{Path: it.path, Record: rec, Facts: graph.ExtractFacts(&rec)}
	it.rec = mappings.Record{}
}

// commit takes a prepared item into the loader. Items must come in file
// and record order: problems, warnings, spool ids and inputs then are
// the same whatever read them.
func (l *loader) commit(it *item) error {
	if it.read {
		l.progress.record()
	}
	if it.problem != nil {
		return l.problem(*it.problem)
	}
	l.warnings = append(l.warnings, it.warnings...)
	in := it.in
	if l.spool != nil {
		var err error
		if in, err = l.spool.Put(in); err != nil {
			return err // the disk, not the record: nothing more can be kept
		}
	}
	l.inputs = append(l.inputs, in)
	return nil
}

// printNotes says what expand noticed about the inputs (links not
// followed).
func printNotes(w io.Writer, notes []inputProblem) {
	for _, n := range notes {
		fmt.Fprintf(w, "msckg: warning: %s\n", n)
	}
}
