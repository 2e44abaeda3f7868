// Package report writes one self-contained HTML page a clinician opens in
// a browser: the evidence table, one card per paper with its facts, every
// number linked to the sentence it was read from with the words marked,
// the values sources disagree on, and a picture of the co-author and
// same-trial network. The page needs no server and loads nothing: its CSS
// is inline, the picture is inline SVG laid out here, and a number shows
// its sentence through a fragment link (CSS :target), so the page works
// with scripts off. The same graph gives the same bytes.
package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/present"
	"github.com/msckg/msckg/graph/table"
)

//go:embed report.html.tmpl
var pageTemplate string

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"cellOf": func(text string, links []int) cell { return cell{Text: text, Links: links} },
}).Parse(pageTemplate))

// Write writes the report of a built graph (its quads) to w. title heads
// the page; inputs names what it was built from.
func Write(w io.Writer, quads []rdf.Quad, title string, inputs []string) error {
	inputs = slices.Sorted(slices.Values(inputs)) // the same page for any order of the inputs
	t := table.FromQuads(quads)
	d := newData(t, title, inputs)
	d.Network = network(quads, d.Papers)
	if err := page.Execute(w, d); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// data is what the template shows.
type data struct {
	Title         string
	Inputs        []string
	Columns       []string
	Rows          []row
	Papers        []*paper
	Disagreements []disagreement
	Network       template.HTML
	spans         map[string]int // span key → its number on the page
}

type row struct{ Cells []cell }

// cell is a table cell or a value: its text, linked to the first of its
// sentences, with the others as numbered marks.
type cell struct {
	Text  string
	Links []int // numbers of the sentences (ev-N) it was read from
}

type paper struct {
	N                                            int // its number on the page (paper-N)
	IRI, Study, Title, Year, DOI, Design, Trials string
	Facts                                        []fact
	Sentences                                    []sentence
}

type fact struct {
	Kind, What string
	Value      cell
}

type sentence struct {
	N                   int
	Source, Field       string
	Before, Text, After string
	Known               bool // false when the graph holds no text around the words
}

type disagreement struct {
	Study, About, Property, Asserted, Stated, Source string
	Links                                            []int
}

// tableColumns are the evidence table's columns shown on the page: all of
// msckg table's but the IRIs, which the cards link instead.
func tableColumns() []string {
	return slices.DeleteFunc(slices.Clone(table.Columns), func(c string) bool { return c == "paper" || c == "group_iri" })
}

func newData(t *table.Table, title string, inputs []string) *data {
	d := &data{Title: title, Inputs: inputs, Columns: tableColumns(), spans: map[string]int{}}
	byIRI := map[string]*paper{}
	for _, r := range t.Rows {
		p := byIRI[r.Paper]
		if p == nil {
			c := r.Cells
			p = &paper{IRI: r.Paper, Study: c["study"].Text, Title: c["title"].Text, Year: c["year"].Text,
				DOI: c["doi"].Text, Design: c["design"].Text, Trials: c["trial_ids"].Text}
			p.N = len(d.Papers) + 1
			byIRI[r.Paper] = p
			d.Papers = append(d.Papers, p)
		}
		var cells []cell
		for _, col := range d.Columns {
			c := r.Cells[col]
			cells = append(cells, cell{Text: c.Text, Links: d.link(p, c.Spans)})
		}
		d.Rows = append(d.Rows, row{Cells: cells})
		for _, f := range r.Facts {
			what := f.What
			if f.Group != "" {
				what = f.Group + " · " + what
			}
			d.addFact(p, f, what)
		}
	}
	for _, x := range t.Disagreements {
		p := byIRI[x.Paper]
		var links []int
		if p != nil {
			links = d.link(p, x.Spans)
		}
		d.Disagreements = append(d.Disagreements, disagreement{Study: x.Study, About: x.About, Property: x.Property,
			Asserted: x.Asserted, Stated: x.Stated, Source: x.Source, Links: links})
	}
	return d
}

func (d *data) addFact(p *paper, f present.Fact, what string) {
	bare := f
	bare.What = "" // shown before the value
	text := bare.Summary()
	if text == "" {
		text = "stated"
	}
	p.Facts = append(p.Facts, fact{Kind: f.Kind, What: what, Value: cell{Text: text, Links: d.link(p, f.Spans)}})
}

// link numbers the spans on the page, each once, and adds each new one
// to its paper's sentences.
func (d *data) link(p *paper, spans []table.Span) []int {
	var out []int
	for _, s := range spans {
		n, seen := d.spans[s.Key()]
		if !seen {
			n = len(d.spans) + 1
			d.spans[s.Key()] = n
			p.Sentences = append(p.Sentences, sentence{N: n, Source: s.Source(), Field: s.Field,
				Before: s.Before, Text: s.Text, After: s.After, Known: s.Before != "" || s.After != ""})
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
