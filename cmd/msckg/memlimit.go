package main

import (
	"bufio"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// setMemoryLimit gives the Go runtime a soft memory limit of three
// quarters of the memory available when msckg starts, unless GOMEMLIMIT
// is set. Records and statements wait on disk, but the identity keys of
// every record stay in memory, and with the default GC pacing the
// process grows to about twice its live data; near the limit the
// collector works harder instead, so a corpus whose keys fit builds
// instead of being killed. It changes nothing for ordinary inputs.
func setMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	if avail := memAvailable(); avail > 0 {
		debug.SetMemoryLimit(avail / 4 * 3)
	}
}

// memAvailable reads MemAvailable from /proc/meminfo (Linux), in bytes; 0
// when it cannot be read.
func memAvailable() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemAvailable:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}
