// Package export writes a dataset of quads to files: N-Quads (named
// graphs kept), N-Triples and Turtle (the union of the graphs).
//
// Every writer checks every term before writing anything (IRIs absolute
// and free of characters that need escaping, language tags well formed)
// and returns an error naming the bad term rather than write a file a
// parser would refuse. Output is sorted and free of duplicates, so the
// same set of quads gives the same bytes whatever its order.
//
// The writers are built on github.com/knakk/rdf (terms, literal escaping)
// and github.com/cayleygraph/quad (N-Quads), around the bugs listed in
// TOOLS-NOTES.md; libbugs_test.go shows each bug and that we avoid it.
package export

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/propgraph"
)

// Options tunes a writer. Writers ignore the options they have no use for.
type Options struct {
	// Prefixes maps a Turtle prefix (e.g. "mkg") to its namespace IRI.
	// Only the prefixes a file uses are declared in it.
	Prefixes map[string]string
	// View chooses what the property-graph formats (GraphML, GEXF,
	// Cytoscape JSON, DOT, Neo4j) draw; "" is the full graph.
	View propgraph.View
}

// Format is one output format. Each registers itself from an init
// function in its own file: adding a format is adding a file.
type Format struct {
	Name       string   // used by --format, lower case
	Title      string   // one line for people
	Extensions []string // with the dot, lower case: ".ttl"
	Write      func(w io.Writer, st *Store, opt Options) error
}

// WriteQuads writes quads in this format through an in-memory store.
func (f *Format) WriteQuads(w io.Writer, quads []rdf.Quad, opt Options) error {
	return withStore(quads, f.Name, func(st *Store) error { return f.Write(w, st, opt) })
}

// withStore runs write on an in-memory store of quads; a quad that cannot
// be stored is an error prefixed with name.
func withStore(quads []rdf.Quad, name string, write func(*Store) error) error {
	st, err := StoreOf(quads)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer st.Close()
	return write(st)
}

var registry = map[string]*Format{}

// Register adds a format. It is meant for init functions and panics on a
// programming error: an incomplete format, or a name or extension that
// is already taken.
func Register(f Format) {
	if f.Name == "" || f.Write == nil || len(f.Extensions) == 0 {
		panic("export: Register of an incomplete format " + f.Name)
	}
	if _, dup := registry[f.Name]; dup {
		panic("export: format registered twice: " + f.Name)
	}
	for _, ext := range f.Extensions {
		if other, ok := ByExtension("x" + ext); ok {
			panic("export: extension " + ext + " of " + f.Name + " already belongs to " + other.Name)
		}
	}
	registry[f.Name] = &f
}

// Formats lists the registered formats, sorted by name.
func Formats() []*Format {
	out := make([]*Format, 0, len(registry))
	for _, f := range registry {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ByName returns the format called name (case and surrounding space
// ignored).
func ByName(name string) (*Format, bool) {
	f, ok := registry[strings.ToLower(strings.TrimSpace(name))]
	return f, ok
}

// ByExtension returns the format whose extension ends path, so that
// "out/graph.TTL" gives Turtle. The longest matching extension wins,
// which leaves room for ".jsonld" beside ".json" or ".nq.gz" beside ".nq".
func ByExtension(path string) (*Format, bool) {
	base := strings.ToLower(filepath.Base(path))
	var best *Format
	bestLen := 0
	for _, f := range Formats() {
		for _, ext := range f.Extensions {
			if len(ext) > bestLen && len(base) > len(ext) && strings.HasSuffix(base, ext) {
				best, bestLen = f, len(ext)
			}
		}
	}
	return best, best != nil
}

// ForOutput picks the format for an output file: by name when format is
// given (as with --format), else by the extension of path.
func ForOutput(path, format string) (*Format, error) {
	if format != "" {
		if f, ok := ByName(format); ok {
			return f, nil
		}
		return nil, fmt.Errorf("unknown output format %q (known: %s)", format, names())
	}
	if f, ok := ByExtension(path); ok {
		return f, nil
	}
	return nil, fmt.Errorf("cannot tell the output format of %q from its extension (known: %s); use --format",
		path, extensions())
}

func names() string {
	var n []string
	for _, f := range Formats() {
		n = append(n, f.Name)
	}
	return strings.Join(n, ", ")
}

func extensions() string {
	var e []string
	for _, f := range Formats() {
		e = append(e, f.Extensions...)
	}
	sort.Strings(e)
	return strings.Join(e, ", ")
}
