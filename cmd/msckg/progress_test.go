package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// fakeClock advances by step each time it is read.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(step); return t }
}

func TestProgressShowsRateAndTimeLeft(t *testing.T) {
	var out bytes.Buffer
	p := &progress{w: &out, now: fakeClock(time.Second), on: true}
	p.reading(1000)
	p.read(250)
	p.record() // one second after the start: 1 record/s, a quarter read
	line := out.String()
	for _, want := range []string{"reading: 1 records read", "1 records/s", "25% of the input", "about 3s left"} {
		if !strings.Contains(line, want) {
			t.Errorf("progress line %q lacks %q", line, want)
		}
	}
	p.enter("writing out.nq")
	if !strings.Contains(out.String(), "writing out.nq (1 records, 2s so far)") {
		t.Errorf("the stage is not shown: %q", out.String())
	}
	p.done()
	if !strings.HasSuffix(out.String(), "\r") {
		t.Errorf("done does not return to the start of a cleared line: %q", out.String())
	}
}

func TestProgressIsSilentWhenNotATerminal(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&out, false) // a buffer is not a terminal
	p.reading(10)
	p.read(10)
	p.record()
	p.enter("building")
	p.done()
	if out.Len() != 0 {
		t.Errorf("wrote %q to a non-terminal", out.String())
	}
}

func TestProgressIsRateLimited(t *testing.T) {
	var out bytes.Buffer
	p := &progress{w: &out, now: fakeClock(time.Millisecond), on: true}
	p.reading(0)
	for range 1000 {
		p.record()
	}
	// 1000 records over about a second of fake time: a handful of lines,
	// not one per record.
	if n := strings.Count(out.String(), "\r"); n > 10 {
		t.Errorf("%d rewrites for 1000 records in about a second", n)
	}
}
