package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"
)

func init() {
	Register(Format{
		Name:       "dot",
		Title:      "DOT: resources as nodes, links as edges, for Graphviz",
		Extensions: []string{".dot", ".gv"},
		Write: func(w io.Writer, st *Store, opt Options) error {
			return dotFromStore(w, st, opt.Prefixes)
		},
	})
}

// DOT writes the dataset as a Graphviz digraph with the same nodes and
// edges as GraphML (see view). A node shows its label, wrapped for
// drawing, with a shape and colour for its mkg: class, and the IRI as
// tooltip; an edge shows the predicate's prefixed name and keeps the
// named graphs that state it, space-separated, in a "graphs" attribute.
// Symmetric derived links are one edge per pair drawn without arrows
// (dir=none).
//
// Strings are escaped once, for Graphviz's escString: quote and
// backslash, '&' (Graphviz reads HTML entities even in plain labels, so
// "&lt;" in a title would otherwise show as "<"), line breaks as \n.
// NUL and other control characters are dropped; non-ASCII text is
// written as UTF-8, which the file declares.
func DOT(w io.Writer, quads []rdf.Quad, prefixes map[string]string) error {
	return withStore(quads, "dot", func(st *Store) error { return dotFromStore(w, st, prefixes) })
}

func dotFromStore(w io.Writer, st *Store, prefixes map[string]string) error {
	v, err := newView(st, prefixes)
	if err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	bw := bufio.NewWriter(w)
	writeDOT(bw, v)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	return nil
}

// nodeStyle is how a node of one mkg: class is drawn.
type nodeStyle struct{ shape, color string }

var (
	dotStyles = map[string]nodeStyle{
		"Paper":        {"box", "#cfe2f3"},
		"Author":       {"ellipse", "#fff2cc"},
		"Authorship":   {"ellipse", "#f3f3f3"},
		"Journal":      {"folder", "#d9ead3"},
		"Cohort":       {"hexagon", "#f4cccc"},
		"Intervention": {"parallelogram", "#d9d2e9"},
		"Outcome":      {"octagon", "#fce5cd"},
		"Trial":        {"component", "#d0e0e3"},
		"Evidence":     {"note", "#ffffff"},
		"SourceRecord": {"cylinder", "#eeeeee"},
	}
	dotDefaultStyle = nodeStyle{"ellipse", "#ffffff"}
)

// dotLineWidth is how many characters a drawn label line may hold
// before it is broken at a space.
const dotLineWidth = 40

func writeDOT(w *bufio.Writer, v *view) {
	w.WriteString("digraph msckg {\n")
	w.WriteString("  graph [charset=\"UTF-8\", overlap=false];\n")
	w.WriteString("  node [style=filled, fontsize=10];\n")
	w.WriteString("  edge [fontsize=8];\n")
	for i, n := range v.nodes {
		st, ok := dotStyles[n.class]
		if !ok {
			st = dotDefaultStyle
		}
		fmt.Fprintf(w, "  %s [label=%s, shape=%s, fillcolor=%s, tooltip=%s",
			nodeID(i), dotQuote(wrap(visible(n.label), dotLineWidth)), st.shape, dotQuote(st.color), dotQuote(iriText(n.term)))
		if n.class != "" {
			fmt.Fprintf(w, ", type=%s", dotQuote(n.class))
		}
		w.WriteString("];\n")
	}
	for _, e := range v.edges {
		fmt.Fprintf(w, "  %s -> %s [label=%s", nodeID(e.source), nodeID(e.target), dotQuote(e.pred))
		if e.undirected {
			w.WriteString(", dir=none")
		}
		if len(e.graphs) > 0 {
			fmt.Fprintf(w, ", graphs=%s", dotQuote(joinGraphs(e.graphs)))
		}
		w.WriteString("];\n")
	}
	w.WriteString("}\n")
}

// visible is the text a label draws: every kind of line break (CR LF,
// CR, NEL, U+2028, U+2029) becomes LF, a tab a space, and NUL and the
// other control characters, which have nothing to draw, are dropped.
func visible(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool {
		return r < 0x20 && r != '\n' || r >= 0x7F && r <= 0x9F || r == '\u2028' || r == '\u2029'
	}) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			return '\n'
		case r == '\t':
			return ' '
		case r < 0x20 && r != '\n' || r >= 0x7F && r <= 0x9F:
			return -1
		}
		return r
	}, s)
}

// dotQuote writes s as a double-quoted DOT string read by Graphviz as
// an escString that shows visible(s).
func dotQuote(s string) string {
	s = visible(s)
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '&':
			b.WriteString("&amp;")
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// wrap breaks the lines of s at spaces so that none is much longer than
// width characters. A word longer than width stays whole.
func wrap(s string, width int) string {
	if utf8.RuneCountInString(s) <= width && !strings.ContainsAny(s, "\r\n") {
		return s
	}
	var out []string
	for line := range strings.Lines(strings.ReplaceAll(s, "\r\n", "\n")) {
		line = strings.TrimRight(line, "\n")
		cur, n := "", 0
		for _, word := range strings.Split(line, " ") {
			wn := utf8.RuneCountInString(word)
			if n > 0 && n+1+wn > width {
				out = append(out, cur)
				cur, n = "", 0
			}
			if n > 0 {
				cur += " "
				n++
			}
			cur += word
			n += wn
		}
		out = append(out, cur)
	}
	return strings.Join(out, "\n")
}
