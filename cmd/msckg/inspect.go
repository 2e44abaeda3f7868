package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/msckg/msckg/graph"
	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
	"github.com/msckg/msckg/ontology"
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
	Facts  []factView      `json:"facts"`
}

// factView is one extracted fact as a curator reads it.
type factView struct {
	Kind  string          `json:"kind"` // design, cohort, intervention, outcome, trial
	N     int             `json:"n,omitempty"`
	What  string          `json:"what"`
	Rule  string          `json:"rule"`
	Spans []evidence.Span `json:"spans"`
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
		out = append(out, inspected{File: in.Path, Record: in.Record, Facts: viewFacts(in.Facts)})
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

func short(iri string) string {
	for p, ns := range ontology.Prefixes {
		if strings.HasPrefix(iri, ns) && p != "rdf" {
			return p + ":" + strings.TrimPrefix(iri, ns)
		}
	}
	return iri
}

func quantityText(q *evidence.Quantity) string {
	if q == nil {
		return ""
	}
	var parts []string
	if q.Value != "" {
		parts = append(parts, q.Comparator+q.Value)
	}
	if q.Median != "" {
		parts = append(parts, "median "+q.Median)
	}
	if q.Min != "" || q.Max != "" {
		parts = append(parts, "range "+q.Min+"–"+q.Max)
	}
	s := strings.Join(parts, ", ")
	if q.Unit != "" {
		s += " " + q.Unit
	}
	return fmt.Sprintf("%s (as written: %q)", s, q.UnitText)
}

// indexList writes fact indexes as the 1-based numbers inspect shows.
func indexList(xs []int) string {
	if len(xs) == 0 {
		return "none"
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x + 1)
	}
	return strings.Join(out, ", ")
}

func conceptList(cs []evidence.Concept) string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s %s", short(c.IRI), c.Label))
	}
	return strings.Join(out, "; ")
}

func viewFacts(f *evidence.Facts) []factView {
	if f == nil {
		return nil
	}
	var out []factView
	if f.Design != nil {
		out = append(out, factView{Kind: "design", What: short(f.Design.IRI), Rule: f.Design.Rule, Spans: []evidence.Span{f.Design.Span}})
	}
	for i, c := range f.Cohorts {
		var what []string
		if c.Size > 0 {
			what = append(what, fmt.Sprintf("size %d", c.Size))
		}
		for k, v := range map[string]string{"age group": c.AgeGroup, "sex": c.Sex, "phase": c.DiseasePhase} {
			if v != "" {
				what = append(what, k+" "+short(v))
			}
		}
		if c.Age != nil {
			what = append(what, "age "+quantityText(c.Age))
		}
		if c.DiseaseDuration != nil {
			what = append(what, "disease duration "+quantityText(c.DiseaseDuration))
		}
		if c.Refractory != nil {
			what = append(what, fmt.Sprintf("refractory %v", *c.Refractory))
		}
		if len(c.Conditions) > 0 {
			what = append(what, "conditions: "+conceptList(c.Conditions))
		}
		if len(c.PriorTherapies) > 0 {
			what = append(what, "prior therapies: "+conceptList(c.PriorTherapies))
		}
		if c.Part != evidence.PartStudy {
			what = append(what, fmt.Sprintf("%s of cohort %d", c.Part, c.Parent+1))
		}
		if c.Name != "" {
			what = append(what, fmt.Sprintf("name %q", c.Name))
		}
		if c.ArmRole != "" {
			what = append(what, "role "+short(c.ArmRole))
		}
		if len(c.Interventions) > 0 || len(c.Outcomes) > 0 {
			what = append(what, fmt.Sprintf("received %s; outcomes %s", indexList(c.Interventions), indexList(c.Outcomes)))
		}
		sort.Strings(what)
		out = append(out, factView{Kind: "cohort", N: i + 1, What: strings.Join(what, " | "), Rule: c.Rule, Spans: c.Spans})
	}
	for i, iv := range f.Interventions {
		what := []string{"agent " + short(iv.Agent.IRI) + " " + iv.Agent.Label}
		if iv.Route != "" {
			what = append(what, "route "+short(iv.Route))
		}
		if iv.Dose != nil {
			what = append(what, "dose "+quantityText(iv.Dose))
		}
		if iv.Courses > 0 {
			what = append(what, fmt.Sprintf("courses %d", iv.Courses))
		}
		if iv.Schedule != "" {
			what = append(what, fmt.Sprintf("schedule %q", iv.Schedule))
		}
		out = append(out, factView{Kind: "intervention", N: i + 1, What: strings.Join(what, " | "), Rule: iv.Rule, Spans: iv.Spans})
	}
	for i, oc := range f.Outcomes {
		what := []string{short(oc.Type)}
		if oc.Label != "" {
			what = append(what, fmt.Sprintf("%q", oc.Label))
		}
		what = append(what, numberParts(oc.Patients, oc.Total, oc.Value, oc.Timepoint)...)
		if oc.TimeComment != "" {
			what = append(what, "when "+oc.TimeComment)
		}
		out = append(out, factView{Kind: "outcome", N: i + 1, What: strings.Join(what, " | "), Rule: oc.Rule, Spans: oc.Spans})
	}
	for _, t := range f.Trials {
		out = append(out, factView{Kind: "trial", What: t.ID + " (" + t.Registry + ")", Rule: t.Rule, Spans: []evidence.Span{t.Span}})
	}
	// Candidates last: read, not asserted, each with why.
	for i, c := range f.Candidates {
		var what []string
		if c.Type != "" {
			what = append(what, short(c.Type))
		}
		what = append(what, numberParts(c.Patients, c.Total, c.Value, c.Timepoint)...)
		what = append(what, "not asserted: "+c.Reason)
		out = append(out, factView{Kind: "candidate", N: i + 1, What: strings.Join(what, " | "), Rule: c.Rule, Spans: c.Spans})
	}
	return out
}

// numberParts describes the numbers of an outcome or a candidate.
func numberParts(patients, total *int, value, timepoint *evidence.Quantity) []string {
	var what []string
	if patients != nil {
		what = append(what, fmt.Sprintf("patients %d", *patients))
	}
	if total != nil {
		what = append(what, fmt.Sprintf("of %d", *total))
	}
	if value != nil {
		what = append(what, "value "+quantityText(value))
	}
	if timepoint != nil {
		what = append(what, "at "+quantityText(timepoint))
	}
	return what
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
		fmt.Fprintf(w, "  - %s: %s\n      rule: %s\n", label, f.What, f.Rule)
		for _, sp := range f.Spans {
			fmt.Fprintf(w, "      %s[%d:%d] %s\n", sp.Field, sp.Start, sp.End, highlight(text[sp.Field], sp))
		}
	}
	fmt.Fprintln(w)
}

// highlight shows a span in its context, marked ⟦…⟧.
func highlight(text string, sp evidence.Span) string {
	r := []rune(text)
	if sp.Start < 0 || sp.End > len(r) || sp.Start > sp.End {
		return fmt.Sprintf("%q (span outside the text)", sp.Text)
	}
	from, to := max(0, sp.Start-50), min(len(r), sp.End+50)
	pre, post := "", ""
	if from > 0 {
		pre = "…"
	}
	if to < len(r) {
		post = "…"
	}
	ctx := pre + string(r[from:sp.Start]) + "⟦" + string(r[sp.Start:sp.End]) + "⟧" + string(r[sp.End:to]) + post
	return strings.ReplaceAll(ctx, "\n", " ⏎ ")
}

func sortedMapKeys(m map[string]string) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
