package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/propgraph"
)

func init() {
	Register(Format{
		Name:       "dot",
		Title:      "DOT property graph (--view), for Graphviz",
		Extensions: []string{".dot", ".gv"},
		Write: func(w io.Writer, st *Store, opt Options) error {
			return dotFromStore(w, st, opt)
		},
	})
}

// DOT writes the dataset's property graph (package propgraph; --view
// chooses the part) as a Graphviz digraph with the same nodes and edges
// as GraphML. A node shows its label, wrapped for drawing, with a shape
// and colour for its type, and the IRI as tooltip; an edge shows the
// predicate's local name and keeps the named graphs that state it,
// space-separated, in a "graphs" attribute. Symmetric derived links are
// one edge per pair drawn without arrows (dir=none).
//
// The drawing runs left to right, so that a view of papers, journals and
// trials, or of papers, cohorts and outcomes, is a few ranks wide and
// fits a page.
//
// Strings are escaped once, for Graphviz's escString: quote and
// backslash, '&' (Graphviz reads HTML entities even in plain labels, so
// "&lt;" in a title would otherwise show as "<"), line breaks as \n.
// NUL and other control characters are dropped; non-ASCII text is
// written as UTF-8, which the file declares.
func DOT(w io.Writer, quads []rdf.Quad, prefixes map[string]string) error {
	return withStore(quads, "dot", func(st *Store) error { return dotFromStore(w, st, Options{Prefixes: prefixes}) })
}

func dotFromStore(w io.Writer, st *Store, opt Options) error {
	g, err := propGraph(st, opt)
	if err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	bw := bufio.NewWriter(w)
	writeDOT(bw, g)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	return nil
}

// nodeStyle is how a node of one type is drawn.
type nodeStyle struct{ shape, color string }

var (
	dotStyles = map[string]nodeStyle{
		"Paper":           {"box", "#cfe2f3"},
		"Author":          {"ellipse", "#fff2cc"},
		"Journal":         {"folder", "#d9ead3"},
		"Cohort":          {"hexagon", "#f4cccc"},
		"Arm":             {"hexagon", "#ead1dc"},
		"Subgroup":        {"hexagon", "#fce4ec"},
		"Intervention":    {"parallelogram", "#d9d2e9"},
		"Outcome":         {"octagon", "#fce5cd"},
		"Trial":           {"component", "#d0e0e3"},
		"Evidence":        {"note", "#ffffff"},
		"StatedFactValue": {"note", "#f4cccc"},
	}
	dotDefaultStyle = nodeStyle{"ellipse", "#ffffff"}
)

// dotLineWidth is how many characters a drawn label line may hold
// before it is broken at a space.
const dotLineWidth = 40

func writeDOT(w *bufio.Writer, g *propgraph.Graph) {
	w.WriteString("digraph msckg {\n")
	w.WriteString("  graph [charset=\"UTF-8\", overlap=false, rankdir=LR];\n")
	w.WriteString("  node [style=filled, fontsize=10];\n")
	w.WriteString("  edge [fontsize=8];\n")
	for i, n := range g.Nodes {
		st, ok := dotStyles[n.Type]
		if !ok {
			st = dotDefaultStyle
		}
		fmt.Fprintf(w, "  %s [label=%s, shape=%s, fillcolor=%s, tooltip=%s, type=%s];\n",
			nodeID(i), dotQuote(wrap(visible(n.Label), dotLineWidth)), st.shape, dotQuote(st.color),
			dotQuote(n.IRI), dotQuote(n.Type))
	}
	for _, e := range g.Edges {
		fmt.Fprintf(w, "  %s -> %s [label=%s", nodeID(e.Source), nodeID(e.Target), dotQuote(e.Type))
		if e.Symmetric {
			w.WriteString(", dir=none")
		}
		if gs, ok := e.Attrs[propgraph.AttrGraphs]; ok {
			fmt.Fprintf(w, ", graphs=%s", dotQuote(gs))
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
