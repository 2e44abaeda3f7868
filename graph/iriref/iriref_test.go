package iriref

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	good := []string{
		"https://w3id.org/msckg/id/paper/doi/10.1000%2Fx",
		"http://ex.org/a#frag/with?query",
		"http://[::1]:8080/x",
		"http://[v7.abc]/x",
		"http://user@ex.org:80/p?q=1#f",
		"urn:isbn:0451450523",
		"http://ex.org/caf\u00e9/\u4e2d\u6587",
		"http://ex.org/p?q=\ue000", // private use, allowed in a query
	}
	for _, s := range good {
		if err := Check(s); err != nil {
			t.Errorf("Check(%q) = %v, want nil", s, err)
		}
	}
	bad := map[string]string{
		"":                         "empty",
		"ex.org/x":                 "no scheme",
		"http://ex.org/a%zz":       "percent",
		"http://ex.org/a%2":        "percent",
		"http://ex.org/a b":        "space",
		"http://ex.org/a\x01":      "control",
		"http://ex.org/a#a#b":      "'#'",
		"http://[::1/":             "closing ']'",
		"http://[::g]/":            "not an IPv6",
		"http://[fe80::1%25eth0]":  "not an IPv6",
		"http://ex.org:8o/":        "port",
		"http://ex.org/\ufffe":     "not allowed in an IRI",
		"http://ex.org/\U0001FFFF": "not allowed in an IRI",
		"http://ex.org/\ue000":     "not allowed in an IRI", // private use outside a query
		"http://ex.org/\u202e":     "not allowed in an IRI", // bidi override
		"http://ex.org/a\xff":      "UTF-8",
		"http://ex.org/a[1]":       "'['",
		"http://ex.org/<x>":        "'<'",
	}
	for s, reason := range bad {
		err := Check(s)
		if err == nil || !strings.Contains(err.Error(), reason) {
			t.Errorf("Check(%q) = %v, want an error saying %q", s, err, reason)
		}
	}
}

func TestRepair(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"http://ex.org/a%zzb", "http://ex.org/a%25zzb"},
		{"http://ex.org/a%e2%82b", "http://ex.org/a%E2%82b"},
		{"http://ex.org/a b", "http://ex.org/a%20b"},
		{" http://ex.org/a\x01b ", "http://ex.org/a%01b"},
		{"http://ex.org/a#a#b", "http://ex.org/a#a%23b"},
		{"http://ex.org/a\ufffeb", "http://ex.org/a%EF%BF%BEb"},
		{"http://ex.org/a\xffb", "http://ex.org/a%FFb"},
		{"http://ex.org/a[1]?q=\ue000#\ue000", "http://ex.org/a%5B1%5D?q=\ue000#%EE%80%80"},
		{"http://ex.org/ok", "http://ex.org/ok"},
	} {
		got, ok := Repair(c.in)
		if !ok || got != c.want {
			t.Errorf("Repair(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
		if ok && Check(got) != nil {
			t.Errorf("Repair(%q) = %q, which Check refuses: %v", c.in, got, Check(got))
		}
	}
	for _, s := range []string{"http://[::1/", "no scheme here", "http://ex ample.org/", "http://ex.org:port/", "D01 3921"} {
		if got, ok := Repair(s); ok {
			t.Errorf("Repair(%q) = %q, want no repair", s, got)
		}
	}
}

// FuzzRepair: whatever Repair accepts, Check accepts.
func FuzzRepair(f *testing.F) {
	for _, s := range []string{"http://ex.org/a%zz", "http://[::1]/#a#b", "x:\ufffe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := Repair(s); ok {
			if err := Check(got); err != nil {
				t.Fatalf("Repair(%q) = %q, refused by Check: %v", s, got, err)
			}
		}
	})
}
