package export

import (
	"io"
	"strings"
	"testing"
)

func TestByExtension(t *testing.T) {
	cases := []struct{ path, want string }{
		{"graph.ttl", "turtle"},
		{"out/graph.TTL", "turtle"},
		{"/tmp/x.y/graph.nq", "nquads"},
		{"graph.nt", "ntriples"},
		{"graph.ttl.bak", ""},
		{"graph.txt", ""},
		{".ttl", ""}, // a hidden file with no name is not "a Turtle file"
		{"out/", ""},
		{"nq", ""},
	}
	for _, c := range cases {
		f, ok := ByExtension(c.path)
		got := ""
		if ok {
			got = f.Name
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.path, got, c.want)
		}
	}
}

func TestByName(t *testing.T) {
	for _, name := range []string{"turtle", " Turtle ", "NQUADS", "ntriples"} {
		if _, ok := ByName(name); !ok {
			t.Errorf("%q not found", name)
		}
	}
	if _, ok := ByName("rdfxml"); ok {
		t.Error("rdfxml found before anyone wrote it")
	}
}

func TestForOutput(t *testing.T) {
	if f, err := ForOutput("graph.nq", "turtle"); err != nil || f.Name != "turtle" {
		t.Errorf("--format must win over the extension: %v, %v", f, err)
	}
	if f, err := ForOutput("graph.nq", ""); err != nil || f.Name != "nquads" {
		t.Errorf("got %v, %v", f, err)
	}
	if _, err := ForOutput("graph.txt", ""); err == nil || !strings.Contains(err.Error(), ".ttl") {
		t.Errorf("unknown extension: %v", err)
	}
	if _, err := ForOutput("graph.ttl", "rdfxml"); err == nil || !strings.Contains(err.Error(), "turtle") {
		t.Errorf("unknown format: %v", err)
	}
}

func TestRegisterRefusesClashes(t *testing.T) {
	nop := func(io.Writer, *Store, Options) error { return nil }
	for _, f := range []Format{
		{Name: "turtle", Extensions: []string{".turtle"}, Write: nop},
		{Name: "turtle2", Extensions: []string{".ttl"}, Write: nop},
		{Name: "nowriter", Extensions: []string{".x"}},
		{Name: "noext", Write: nop},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%s) did not panic", f.Name)
				}
			}()
			Register(f)
		}()
		if _, ok := ByName(f.Name); ok && f.Name != "turtle" {
			t.Errorf("%s was registered", f.Name)
		}
	}
}

func TestFormatsSorted(t *testing.T) {
	var names []string
	for _, f := range Formats() {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, ","); got != "cyjs,dot,gexf,graphml,jsonld,nquads,ntriples,turtle" {
		t.Errorf("got %s", got)
	}
}
