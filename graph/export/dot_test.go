package export

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/propgraph"
	"github.com/msckg/msckg/graph/rdfcheck"
)

func TestDOTQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`plain`, `"plain"`},
		{`say "hello"`, `"say \"hello\""`},
		{`back\slash \n not a newline`, `"back\\slash \\n not a newline"`},
		{`trailing backslash \`, `"trailing backslash \\"`},
		{`\N \G \E \T \H \L \l \r`, `"\\N \\G \\E \\T \\H \\L \\l \\r"`},
		{`Title"> <http://x> .`, `"Title\"> <http://x> ."`},
		{"one\ntwo\r\nthree\rfour", `"one\ntwo\nthree\nfour"`},
		{"tab\there", `"tab here"`},
		{"nul\x00 bell\a esc\x1b del\x7f c1\u0085", `"nul bell esc del c1\n"`},
		{"ls\u2028ps\u2029", `"ls\nps\n"`},
		{"&amp; &lt; &#945; & <b>", `"&amp;amp; &amp;lt; &amp;#945; &amp; <b>"`},
		{"间充质干细胞 🩸🧬 50×10⁹/L", `"间充质干细胞 🩸🧬 50×10⁹/L"`},
		{"", `""`},
	} {
		if got := dotQuote(c.in); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"one two three four", 9, "one two\nthree\nfour"},
		{"a verylongwordthatdoesnotfit b", 5, "a\nverylongwordthatdoesnotfit\nb"},
		{"kept\nbreak here", 40, "kept\nbreak here"},
		{"crlf\r\nline", 40, "crlf\nline"},
		{"间充质干细胞治疗 免疫性血小板减少症", 9, "间充质干细胞治疗\n免疫性血小板减少症"},
		{"", 5, ""},
	} {
		if got := wrap(c.in, c.width); got != c.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

// visibleDOT is what Graphviz should draw for s, line by line: control
// characters gone, tabs as spaces, every kind of line break a break.
func visibleDOT(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n' || r >= 0x20 && (r < 0x7F || r > 0x9F):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// svgGroup is a node or edge as Graphviz draws it in SVG.
type svgGroup struct {
	Title     string   `xml:"title"`
	NodeTexts []string `xml:"g>a>text"` // a node's lines, inside its tooltip link
	EdgeTexts []string `xml:"text"`
	Arrows    []struct {
		Points string `xml:"points,attr"`
	} `xml:"polygon"` // an edge's arrowheads
}

// renderSVG returns the groups by title: a node's id, or "n1->n2" for
// the edges (possibly several) between two nodes.
func renderSVG(t *testing.T, file string) map[string][]svgGroup {
	t.Helper()
	var svg struct {
		Groups []svgGroup `xml:"g>g"`
	}
	out := rdfcheck.DotSVG(t, file)
	if err := xml.Unmarshal(out, &svg); err != nil {
		t.Fatalf("reading dot's SVG: %v", err)
	}
	byTitle := map[string][]svgGroup{}
	for _, g := range svg.Groups {
		byTitle[g.Title] = append(byTitle[g.Title], g)
	}
	return byTitle
}

// TestDOTCheckers has Graphviz lay out the file, then reads its SVG:
// every node must show exactly its label (escaped once: no doubled
// backslashes, no entity read as markup, no lost quote), every edge its
// predicate, with an arrowhead only when directed.
func TestDOTCheckers(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "visual.gv")
	v := graphOf(t, visualDataset(t), nil)
	if err := os.WriteFile(file, writeVisual(t, "dot", visualDataset(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	rdfcheck.Dot(t, file)
	groups := renderSVG(t, file)

	for _, w := range visualNodes() {
		i := slices.IndexFunc(v.Nodes, func(n propgraph.Node) bool { return n.IRI == w.iri })
		if i < 0 || len(groups[nodeID(i)]) != 1 {
			t.Errorf("%s: not drawn once", w.iri)
			continue
		}
		g := groups[nodeID(i)][0]
		want := strings.Split(wrap(visibleDOT(w.label), dotLineWidth), "\n")
		if !slices.Equal(g.NodeTexts, want) {
			t.Errorf("%s: drawn as %q, want %q", w.iri, g.NodeTexts, want)
		}
	}

	for _, e := range v.Edges {
		title := nodeID(e.Source) + "->" + nodeID(e.Target)
		k := slices.IndexFunc(groups[title], func(g svgGroup) bool { return slices.Equal(g.EdgeTexts, []string{e.Type}) })
		if k < 0 {
			t.Errorf("edge %s %s: not drawn with that label", title, e.Type)
			continue
		}
		g := groups[title][k]
		if arrow := len(g.Arrows) > 0; arrow == e.Symmetric {
			t.Errorf("edge %s %s: arrowhead %v, undirected %v", title, e.Type, arrow, e.Symmetric)
		}
	}
}

// TestDOTTrickyDataset has Graphviz render the dataset the RDF writers
// are tested on.
func TestDOTTrickyDataset(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tricky.dot")
	out := writeVisual(t, "dot", trickyDataset(t))
	if strings.ContainsRune(string(out), 0) {
		t.Error("NUL written")
	}
	if !strings.Contains(string(out), `graph [charset="UTF-8"`) {
		t.Error("no charset declared")
	}
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	rdfcheck.Dot(t, file)
}
