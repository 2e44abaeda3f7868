package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/msckg/msckg/graph"
	"github.com/msckg/msckg/graph/export"
	"github.com/msckg/msckg/graph/table"
)

func tableCommand() *cli.Command {
	return &cli.Command{
		Name:      "table",
		Usage:     "write the evidence table: one row per study cohort, arm and subgroup",
		ArgsUsage: "INPUT...",
		Description: `Builds the graph of INPUT (as 'msckg build' does) and writes the table of
included studies: one row per study cohort, arm and subgroup of every paper,
with design, size, age, sex, cell product, dose, route, courses, follow-up,
each response category as responders/total at its time point, adverse events
and trial ids (columns in the README, "Evidence table"). Every value is one
the graph states; nothing is computed.

--spans writes instead, for every cell read from text, the spans it came
from (file, record, field, code-point offsets, exact words). --dichotomous
writes instead the outcomes stated as events of a total, one line per group,
outcome and time point (study, arm, event, n, ...), for RevMan's import and
R's meta::metabin or metafor::escalc.

The format follows -o's extension (.csv, .tsv, .md) unless --format names
one; without -o, CSV goes to standard output.

Example:
  msckg table testdata/seeds -o studies.csv
  msckg table --dichotomous testdata/seeds -o outcomes.csv`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of standard output"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "`FORMAT`: " + strings.Join(table.Formats, ", ")},
			&cli.BoolFlag{Name: "spans", Usage: "write each cell's source spans instead of the table"},
			&cli.BoolFlag{Name: "dichotomous", Usage: "write the outcomes stated as events of a total (for meta-analysis) instead of the table"},
			&cli.StringFlag{Name: "from", Usage: "read every input as `FORMAT` instead of detecting it: " + inputFormatNames()},
			&cli.StringFlag{Name: "base", Value: graph.DefaultBase, Usage: "base `IRI` of the graph's instances"},
		},
		Action: runTable,
	}
}

func runTable(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("table needs at least one INPUT (a file, a folder or -); see 'msckg table --help'")
	}
	if c.Bool("spans") && c.Bool("dichotomous") {
		return usagef("--spans and --dichotomous each choose what is written; give one")
	}
	out := c.String("output")
	format, err := tableFormat(out, c.String("format"))
	if err != nil {
		return err
	}
	l, res, err := buildInputs(c)
	if err != nil {
		return err
	}
	var records [][]string
	t := table.FromQuads(res.Quads)
	switch {
	case c.Bool("spans"):
		records = t.SpanRecords()
	case c.Bool("dichotomous"):
		records = t.DichotomousRecords()
	default:
		records = t.Records()
	}
	write := func(w io.Writer) error { return table.Write(w, format, records) }
	if out == "" {
		err = write(c.App.Writer)
	} else {
		err = export.WriteFileAtomic(out, write)
	}
	if err != nil {
		return fmt.Errorf("writing the table: %w", err)
	}
	if len(l.problems) > 0 {
		return rejectedError{len(l.problems)}
	}
	return nil
}

// tableFormat is --format if given, else the format -o's extension names,
// else CSV for standard output.
func tableFormat(out, format string) (string, error) {
	if format != "" {
		for _, f := range table.Formats {
			if f == format {
				return f, nil
			}
		}
		return "", usagef("unknown --format %q for table (known: %s)", format, strings.Join(table.Formats, ", "))
	}
	if out == "" {
		return "csv", nil
	}
	if f := table.FormatOf(out); f != "" {
		return f, nil
	}
	return "", usagef("-o %s: no table format for this extension (use .csv, .tsv or .md, or --format)", out)
}

// buildInputs reads INPUT... as 'msckg build' does, reports the records
// it rejects on standard error, and builds the graph in memory (no Sink:
// Result.Quads is then the graph, the statements 'build' writes). The
// caller returns rejectedError when l.problems is not empty.
func buildInputs(c *cli.Context) (*loader, *graph.Result, error) {
	if err := checkInputFlags(c); err != nil {
		return nil, nil, err
	}
	files, notes, err := expand(c.Args().Slice())
	if err != nil {
		return nil, nil, err
	}
	printNotes(c.App.ErrWriter, notes)
	l := &loader{from: c.String("from"), stdin: c.App.Reader}
	if err := l.load(files); err != nil {
		return nil, nil, err
	}
	for _, p := range l.problems {
		fmt.Fprintf(c.App.ErrWriter, "msckg: %s\n", p)
	}
	res, err := graph.Build(l.inputs, graph.Options{Base: c.String("base")})
	if err != nil {
		return nil, nil, err
	}
	return l, res, nil
}
