package main

import (
	"runtime/debug"
	"testing"
)

// TestLimitMemory: --max-memory lowers the soft limit for the build and
// puts the previous one back; 0 and a larger implicit default keep it.
func TestLimitMemory(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	debug.SetMemoryLimit(4 << 30)
	for _, tc := range []struct {
		mib      int
		explicit bool
		want     int64
	}{
		{1024, false, 1 << 30},
		{8192, false, 4 << 30}, // the default never raises a lower limit
		{8192, true, 8 << 30},  // the flag given does
		{0, true, 4 << 30},
	} {
		restore := limitMemory(tc.mib, tc.explicit)
		if got := debug.SetMemoryLimit(-1); got != tc.want {
			t.Errorf("--max-memory %d (given: %v): limit %d, want %d", tc.mib, tc.explicit, got, tc.want)
		}
		restore()
		if got := debug.SetMemoryLimit(-1); got != 4<<30 {
			t.Errorf("--max-memory %d: limit %d after the build, want it back at %d", tc.mib, got, int64(4<<30))
		}
	}
	if code, _, stderr := runCLI(t, "", "build", "testdata/seeds", "--max-memory", "-1"); code != exitUsage {
		t.Errorf("--max-memory -1: exit %d, want %d:\n%s", code, exitUsage, stderr)
	}
}
