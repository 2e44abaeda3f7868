package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/knakk/rdf"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "graph.ttl")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := WriteFileAtomic(path, write("first\n")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "first\n")
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v, want 0644", fi.Mode().Perm())
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, write("second\n")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "second\n")
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced file mode %v, want the old 0600", fi.Mode().Perm())
	}
	assertOnly(t, dir, "graph.ttl")
}

func TestWriteFileAtomicFailingWriter(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "graph.nq")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half a fi")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("got %v, want the writer's error", err)
	}
	assertFile(t, path, "old\n")
	assertOnly(t, dir, "graph.nq")

	// No old file: none is left behind either.
	fresh := filepath.Join(dir, "new.nq")
	if err := WriteFileAtomic(fresh, func(io.Writer) error { return boom }); !errors.Is(err, boom) {
		t.Errorf("got %v", err)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("file created by a failed write: %v", err)
	}
	assertOnly(t, dir, "graph.nq")
}

func TestWriteFileAtomicWriterError(t *testing.T) {
	// A real writer failing on bad input leaves the old file alone.
	dir := t.TempDir()
	path := filepath.Join(dir, "graph.ttl")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rel, err := rdf.NewIRI("author/1")
	if err != nil {
		t.Fatal(err)
	}
	err = WriteFileAtomic(path, func(w io.Writer) error {
		return NQuads(w, append(trickyDataset(t), q(rel, ex+"p", str("x"), "")))
	})
	if err == nil {
		t.Fatal("bad quad written")
	}
	assertFile(t, path, "old\n")
	assertOnly(t, dir, "graph.ttl")
}

func TestWriteFileAtomicMissingDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir", "g.ttl")
	if err := WriteFileAtomic(path, func(io.Writer) error { return nil }); err == nil {
		t.Error("no error for a missing directory")
	}
}

func assertFile(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("%s: got %q, %v; want %q", path, got, err, want)
	}
}

// assertOnly checks that no temporary file was left in dir.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Errorf("%s holds %v, want only %v", dir, got, names)
		return
	}
	for i := range names {
		if got[i] != names[i] {
			t.Errorf("%s holds %v, want only %v", dir, got, names)
		}
	}
}

// A special file is written in place, never renamed over: as root,
// "msckg build -o /dev/null" replaced /dev/null with a plain file.
func TestWriteFileAtomicSpecialFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(fifo) // blocks until the writer opens the pipe
		got <- string(b)
	}()
	err := WriteFileAtomic(fifo, func(w io.Writer) error { _, err := io.WriteString(w, "quads\n"); return err })
	if err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "quads\n" {
			t.Errorf("the pipe's reader got %q, want %q", s, "quads\n")
		}
	case <-time.After(10 * time.Second):
		t.Error("nothing was written to the pipe")
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode().Type() != os.ModeNamedPipe {
		t.Errorf("%s is no longer a named pipe: %v %v", fifo, fi.Mode(), err)
	}
	assertOnly(t, dir, "pipe")
	if err := WriteFileAtomic(dir, func(io.Writer) error { return nil }); err == nil {
		t.Error("writing over a directory succeeded")
	}
}
