package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptRemovesScratch runs msckg in a child process (this test
// binary, calling main) that waits on standard input mid-build, sends it
// SIGINT and checks that it exits 130 and leaves nothing in TMPDIR.
func TestInterruptRemovesScratch(t *testing.T) {
	if os.Getenv("MSCKG_TEST_MAIN") == "1" {
		os.Args = strings.Split(os.Getenv("MSCKG_TEST_ARGS"), "\n")
		main()
		return
	}
	tmp := t.TempDir()
	out := filepath.Join(t.TempDir(), "out.nq")
	cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptRemovesScratch$")
	cmd.Env = append(os.Environ(), "MSCKG_TEST_MAIN=1", "TMPDIR="+tmp,
		"MSCKG_TEST_ARGS="+strings.Join([]string{"msckg", "build", "-", "-o", out}, "\n"))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	// One record, then the pipe stays open: the build waits for more.
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", "000_33f487b38e5875d3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	stdin.Write(seed)
	deadline := time.Now().Add(30 * time.Second)
	for {
		entries, _ := os.ReadDir(tmp)
		if len(entries) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no scratch folder appeared in TMPDIR; stderr:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Fatalf("exit: %v, want status 130; stderr:\n%s", err, stderr.String())
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left in TMPDIR after the interrupt: %v", entries)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("an output was written: %v", err)
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr does not say it was interrupted:\n%s", stderr.String())
	}
}
