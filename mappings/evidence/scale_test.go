package evidence

import (
	"fmt"
	"strings"
	"testing"
)

// scaleText is abstract prose of the kinds the rules work hardest on:
// counts, fractions, doses with flattened powers, ranges, URLs, outcome
// words. Repeated, it makes an abstract of any length; the variants make
// one long sentence (no full stops) and many short ones.
const scaleText = "Thirteen patients (13/18, 72.2%) experienced one or more treatment emergent adverse events. " +
	"The research design included administering UC-MSCs at escalating doses of 0.5 × 106 cells/kg, 1.0 × 106 cells/kg, and 2.0 × 106 cells/kg weekly for four consecutive weeks in refractory ITP. " +
	"The median time to response was 12.5 days (range, 7–16), see https://example.org/a. " +
	"Complete response was achieved in 3 of 4 patients at 12 months; 2 women and 2 men aged 23 to 45 years. "

func scaleAbstract(size int, oneSentence bool) string {
	unit := scaleText
	if oneSentence {
		unit = strings.NewReplacer(". ", " and ", "; ", " and ").Replace(scaleText)
	}
	return strings.Repeat(unit, size/len(unit)+1)[:size]
}

// TestExtractLinearInLength: extraction did the work of the whole field
// for every sentence or mention (quantities, mentions, cue phrases, the
// token before a number), so a 1 MB abstract took 24 s and 10 MB did not
// finish. Allocations count the work without a clock: an abstract four
// times longer must cost about four times as many, not sixteen.
func TestExtractLinearInLength(t *testing.T) {
	for _, one := range []bool{false, true} {
		small, large := scaleAbstract(20_000, one), scaleAbstract(80_000, one)
		a := testing.AllocsPerRun(1, func() { Extract(Input{Abstract: small}) })
		b := testing.AllocsPerRun(1, func() { Extract(Input{Abstract: large}) })
		if a == 0 || b/a > 6 {
			t.Errorf("one sentence %v: %.0f allocations for 20 kB, %.0f for 80 kB (ratio %.1f, want about 4)", one, a, b, b/a)
		}
	}
}

// TestExtractLargeAbstract: a 2 MB abstract is read to the end, and facts
// far into it are found (the test fails by time-out if extraction is not
// close to linear: 1 MB took 24 s before).
func TestExtractLargeAbstract(t *testing.T) {
	if testing.Short() {
		t.Skip("2 MB abstract")
	}
	in := scaleAbstract(2<<20, false)
	facts := Extract(Input{Abstract: in})
	if len(facts.Cohorts) == 0 || len(facts.Outcomes) == 0 {
		t.Fatalf("2 MB abstract: %d cohorts, %d outcomes, want some of each", len(facts.Cohorts), len(facts.Outcomes))
	}
	last := 0
	for _, o := range facts.Outcomes {
		for _, sp := range o.Spans {
			last = max(last, sp.End)
		}
	}
	if last < len([]rune(in))/2 {
		t.Errorf("the last outcome span ends at %d of %d code points: the second half was not read", last, len([]rune(in)))
	}
}

func BenchmarkExtractLength(b *testing.B) {
	for _, size := range []int{10_000, 100_000, 1_000_000} {
		for _, one := range []bool{false, true} {
			in := scaleAbstract(size, one)
			b.Run(fmt.Sprintf("%dB/oneSentence=%v", size, one), func(b *testing.B) {
				b.SetBytes(int64(size))
				for b.Loop() {
					Extract(Input{Abstract: in})
				}
			})
		}
	}
}
