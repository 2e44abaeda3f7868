package main

import (
	"bufio"
	"math"
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

// defaultMaxMemory is build's --max-memory, in MiB: a build of 100,000
// generated RIS records holds about 550 MB of live data at its peak
// (identity keys of every record, the statement buffer), so under this
// limit the collector works a little harder and the process stays under
// 1 GiB instead of growing to twice its live data. The limit is Go's own
// memory; the process's resident set is a little larger (stacks, the
// runtime, file buffers), so it is set below 1 GiB: at 1,024 the 100,000-
// record build peaked at 1,017 to 1,029 MiB, at 900 at 893 MiB for the
// same CPU time.
const defaultMaxMemory = 900

// limitMemory applies build's --max-memory of mib MiB, when it lowers the
// limit setMemoryLimit set: 0 keeps that limit, as does a GOMEMLIMIT the
// flag does not override (explicit is false when the flag was not given).
// The returned function puts the limit back, so a build run inside a
// longer process (the tests) leaves the process as it was.
func limitMemory(mib int, explicit bool) (restore func()) {
	current := debug.SetMemoryLimit(-1)
	restore = func() { debug.SetMemoryLimit(current) }
	if mib <= 0 || (!explicit && os.Getenv("GOMEMLIMIT") != "") {
		return restore
	}
	limit := int64(math.MaxInt64)
	if mib < math.MaxInt64>>20 {
		limit = int64(mib) << 20
	}
	if explicit || limit < current {
		debug.SetMemoryLimit(limit)
	}
	return restore
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
