package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// temporary holds the temporary files being written, for
// RemoveTemporaryFiles: a program stopped by a signal does not run
// deferred functions.
var temporary struct {
	sync.Mutex
	paths map[string]bool
}

// RemoveTemporaryFiles deletes the temporary files of every
// WriteFileAtomic in progress. A program calls it from its signal
// handler (SIGINT, SIGTERM) before exiting, so that an interrupted
// write leaves neither a half-written output nor a "*.tmp-*" file.
// Writes still running then fail; the outputs are left as they were.
func RemoveTemporaryFiles() {
	temporary.Lock()
	defer temporary.Unlock()
	for p := range temporary.paths {
		os.RemoveAll(p) // a file, or the folder of a folder output
	}
	clear(temporary.paths)
}

func trackTemporary(path string, on bool) {
	temporary.Lock()
	defer temporary.Unlock()
	if temporary.paths == nil {
		temporary.paths = map[string]bool{}
	}
	if on {
		temporary.paths[path] = true
	} else {
		delete(temporary.paths, path)
	}
}

// WriteFileAtomic writes a file through write so that readers see either
// the old file or the complete new one, never a half-written file: the
// data goes to a temporary file in the same directory, is synced to disk
// and then renamed over path. On any error the temporary file is removed
// and an existing file at path is left as it was.
//
// A path that exists and is not a regular file (/dev/null, /dev/stdout, a
// named pipe) is written in place: renaming over it would replace the
// device with a plain file, and, run as root, break /dev/null for every
// program on the machine.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return fmt.Errorf("write %s: is a directory", path)
		}
		return writeInPlace(path, write)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	trackTemporary(tmp, true)
	defer trackTemporary(tmp, false)
	defer func() {
		if err != nil {
			f.Close() // may already be closed; the first error matters
			os.Remove(tmp)
		}
	}()
	if err := write(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// CreateTemp makes the file 0600; give it the mode of the file it
	// replaces, or the usual 0644 of a new output file.
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := f.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: sync: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: close: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// Make the rename itself durable. Not every file system can sync a
	// directory, and the new file is complete either way, so this is best
	// effort.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// writeInPlace writes to an existing special file without replacing it.
func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := write(f); err != nil {
		f.Close() // the write error matters more
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: close: %w", path, err)
	}
	return nil
}

// writeDirAtomic writes a folder of files so that readers see the old
// folder or the complete new one: the files go to a temporary folder
// beside dir, each synced, and the folder is renamed into place. An
// existing dir is moved aside just before and removed after, so for an
// instant neither is there; it is replaced only when every file in it is
// one ours(name) accepts, so a mistyped path never deletes someone's
// folder. On any error the temporary folder is removed and dir is left
// as it was.
func writeDirAtomic(dir string, files []dirFile, ours func(name string) bool) (err error) {
	dir = filepath.Clean(dir)
	exists := false
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("write %s: exists and is not a folder", dir)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("write %s: %w", dir, err)
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || !ours(e.Name()) {
				return fmt.Errorf("write %s: the folder holds %s, which msckg does not write; give a new or empty folder", dir, e.Name())
			}
		}
		exists = true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	trackTemporary(tmp, true)
	defer trackTemporary(tmp, false)
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	for _, f := range files {
		if err := writeSynced(filepath.Join(tmp, f.name), f.write); err != nil {
			return fmt.Errorf("write %s: %w", dir, err)
		}
	}
	// MkdirTemp makes the folder 0700; a new output folder is 0755.
	mode := os.FileMode(0o755)
	if fi, err := os.Stat(dir); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	if exists {
		old := tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("write %s: %w", dir, err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			if back := os.Rename(old, dir); back != nil {
				return fmt.Errorf("write %s: %w (the previous folder is at %s)", dir, err, old)
			}
			return fmt.Errorf("write %s: %w", dir, err)
		}
		os.RemoveAll(old) // the new folder is in place; a leftover is only disk space
	} else if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	if d, err := os.Open(parent); err == nil {
		d.Sync() // best effort, as in WriteFileAtomic
		d.Close()
	}
	return nil
}

// writeSynced creates path (0644), writes it through a buffer and syncs it.
func writeSynced(path string, write func(*bufio.Writer)) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	write(bw)
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("%s: sync: %w", filepath.Base(path), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: close: %w", filepath.Base(path), err)
	}
	return nil
}
