package wos

import (
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
)

func TestDate(t *testing.T) {
	cases := []struct {
		py, pd string
		want   mappings.Date
	}{
		{"2004", "JUN 8", mappings.Date{Year: 2004, Month: 6, Day: 8}},
		{"2017", "MAY", mappings.Date{Year: 2017, Month: 5}},
		{"2019", "2019 MAR 15", mappings.Date{Year: 2019, Month: 3, Day: 15}},
		{"2015", "SPR", mappings.Date{Year: 2015}},
		{"2015", "JAN-FEB", mappings.Date{Year: 2015}},
		{"2015", "FEB 30", mappings.Date{Year: 2015, Month: 2}},
		{"", "JUN 8", mappings.Date{}},
	}
	for _, c := range cases {
		if got := (fields{"PY": {c.py}, "PD": {c.pd}}).date(); got != c.want {
			t.Errorf("PY %q PD %q: %+v, want %+v", c.py, c.pd, got, c.want)
		}
	}
}

func TestSplitItems(t *testing.T) {
	got := splitItems("[Wang, X; Sun, W] Siping Hosp; [Ao, Q] China Med Univ;; ")
	want := []string{"[Wang, X; Sun, W] Siping Hosp", "[Ao, Q] China Med Univ"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("splitItems = %q, want %q", got, want)
	}
}

// TestUTF16: pairs, a lone surrogate and an odd last byte.
func TestUTF16(t *testing.T) {
	le := func(units ...uint16) string {
		b := []byte{0xFF, 0xFE}
		for _, u := range units {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	cases := []struct{ in, want string }{
		{le('M', 0xFC, 'l'), "Mül"},
		{le(0xD83D, 0xDE00, 'x'), "😀x"},
		{le(0xD83D, 'x'), "\uFFFDx"},
		{le('a') + "\x00"[:1], "a\uFFFD"},
		{"\xFE\xFF\x00A\x00B", "AB"},
		{"\xEF\xBB\xBFplain", "plain"},
	}
	for _, c := range cases {
		r, err := decoded(strings.NewReader(c.in))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil || string(got) != c.want {
			t.Errorf("decoded(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}
