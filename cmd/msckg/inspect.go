package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/msckg/msckg/graph"
	"github.com/msckg/msckg/graph/present"
	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
)

func inspectCommand() *cli.Command {
	return &cli.Command{
		Name:      "inspect",
		Usage:     "show each record as parsed and every fact extracted from it, with its rule and its words",
		ArgsUsage: "FILE...",
		Description: `For curators checking the tool: every record is printed field by field, then
every extracted fact with the rule that produced it and the exact words it was
read from, marked ⟦like this⟧ in their sentence. --json prints the same as JSON.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print JSON instead of text"},
			&cli.StringFlag{Name: "from", Usage: "read every input as `FORMAT` instead of detecting it"},
		},
		Action: runInspect,
	}
}

// inspected is one record and what was extracted from it.
type inspected struct {
	File   string          `json:"file"`
	Record mappings.Record `json:"record"`
	Facts  []present.Fact  `json:"facts"`
}

func runInspect(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("inspect needs at least one FILE; see 'msckg inspect --help'")
	}
	files, notes, err := expand(c.Args().Slice())
	if err != nil {
		return err
	}
	printNotes(c.App.ErrWriter, notes)
	l := &loader{from: c.String("from"), stdin: c.App.Reader}
	if err := l.load(files); err != nil {
		return err
	}
	var out []inspected
	for _, in := range l.inputs {
		out = append(out, inspected{File: in.Path, Record: in.Record, Facts: present.FromEvidence(in.Facts, in.Path, in.Record.Number)})
	}
	// Building the graph of the same records shows the identity decisions:
	// which records are one paper, which names one person, and why.
	res, err := graph.Build(l.inputs, graph.Options{})
	if err != nil {
		return err
	}
	w := c.App.Writer
	if c.Bool("json") {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			Records  []inspected         `json:"records"`
			Identity []graph.Explanation `json:"identity"`
			Problems []string            `json:"problems"`
		}{out, res.Identity, problemStrings(l.problems)}); err != nil {
			return err
		}
	} else {
		for _, r := range out {
			printRecord(w, r, l.inputsText(r))
		}
		if len(res.Identity) > 0 {
			fmt.Fprintln(w, "== identity decisions")
			for _, e := range res.Identity {
				fmt.Fprintf(w, "  - %s %s\n      %s\n", e.Kind, e.Subject, e.Text)
			}
		}
	}
	for _, p := range l.problems {
		fmt.Fprintf(c.App.ErrWriter, "msckg: %s\n", p)
	}
	if len(l.problems) > 0 {
		return rejectedError{len(l.problems)}
	}
	return nil
}

func problemStrings(ps []inputProblem) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// inputsText gives the stored text of each field facts point into.
func (l *loader) inputsText(r inspected) map[string]string {
	return map[string]string{evidence.FieldTitle: r.Record.Title, evidence.FieldAbstract: r.Record.Abstract.Text}
}

func printRecord(w io.Writer, r inspected, text map[string]string) {
	rec := r.Record
	fmt.Fprintf(w, "== %s record %d (line %d, %s)\n", r.File, rec.Number, rec.Line, rec.Format)
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %-14s %s\n", name, v)
		}
	}
	field("title", rec.Title)
	for i, a := range rec.Authors {
		desc := fmt.Sprintf("%d. %s  [family %q, given %q]", i+1, a.AsWritten, a.Family, a.Given)
		if a.Collective {
			desc = fmt.Sprintf("%d. %s  [group]", i+1, a.AsWritten)
		}
		if a.ORCID != "" {
			desc += " ORCID " + a.ORCID
		}
		field("author", desc)
		// How family and given were told apart, where the source did not mark it.
		field("  name order", a.OrderReason)
		for _, aff := range a.Affiliations {
			field("  affiliation", aff)
		}
	}
	j := rec.Journal
	field("journal", strings.Trim(strings.Join([]string{j.Title, j.Abbrev}, " / "), " /"))
	field("issn", strings.Trim(strings.Join(append([]string{j.ISSN, j.EISSN, j.ISSNL}, j.ISSNs...), " "), " "))
	if !rec.Issued.IsZero() {
		field("issued", fmt.Sprintf("%04d-%02d-%02d (0 = not given)", rec.Issued.Year, rec.Issued.Month, rec.Issued.Day))
	}
	field("volume", rec.Volume)
	field("issue", rec.Issue)
	field("pages", strings.Trim(rec.PageStart+"-"+rec.PageEnd, "-"))
	field("article no.", rec.ArticleNumber)
	field("doi", rec.DOI)
	field("pmid", rec.PMID)
	field("pmcid", rec.PMCID)
	field("language", rec.Language)
	field("publisher", rec.Publisher)
	field("keywords", strings.Join(rec.Keywords, "; "))
	for _, m := range rec.MeSH {
		d := m.Descriptor
		if m.UI != "" {
			d += " (" + m.UI + ")"
		}
		if m.Major {
			d += " *major"
		}
		if len(m.Qualifiers) > 0 {
			d += " / " + strings.Join(m.Qualifiers, ", ")
		}
		field("mesh", d)
	}
	field("pub. types", strings.Join(rec.PublicationTypes, "; "))
	field("urls", strings.Join(rec.URLs, " "))
	if rec.CitationCount != nil {
		field("citations", fmt.Sprint(*rec.CitationCount))
	}
	field("trial ids", strings.Join(rec.TrialIDs, " "))
	if len(rec.References) > 0 {
		field("references", fmt.Sprintf("%d", len(rec.References)))
	}
	for _, k := range sortedMapKeys(rec.Guessed) {
		field("guessed", k+": "+rec.Guessed[k])
	}
	if rec.Abstract.Text != "" {
		fmt.Fprintln(w, "  abstract:")
		for _, line := range strings.Split(rec.Abstract.Text, "\n") {
			fmt.Fprintf(w, "    %s\n", line)
		}
	}
	if len(r.Facts) == 0 {
		fmt.Fprintln(w, "  facts: none extracted")
	} else {
		fmt.Fprintln(w, "  facts:")
	}
	for _, f := range r.Facts {
		label := f.Kind
		if f.N > 0 {
			label = fmt.Sprintf("%s %d", f.Kind, f.N)
		}
		fmt.Fprintf(w, "  - %s: %s\n      rule: %s\n", label, f.Summary(), f.Rule)
		for _, sp := range f.Spans {
			fmt.Fprintf(w, "      %s[%d:%d] %s\n", sp.Field, sp.Start, sp.End, highlight(text[sp.Field], sp))
		}
	}
	fmt.Fprintln(w)
}

// highlight shows a span in its sentence, marked ⟦…⟧.
func highlight(text string, sp present.Span) string {
	before, after, ok := present.Sentence(text, sp, 80)
	if !ok {
		return fmt.Sprintf("%q (span outside the text)", sp.Text)
	}
	return strings.ReplaceAll(before+"⟦"+sp.Text+"⟧"+after, "\n", " ⏎ ")
}

func sortedMapKeys(m map[string]string) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
