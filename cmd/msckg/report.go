package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/msckg/msckg/graph"
	"github.com/msckg/msckg/graph/export"
	"github.com/msckg/msckg/graph/report"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "write one self-contained HTML page: evidence table, a card per paper, disagreements, network",
		ArgsUsage: "INPUT...",
		Description: `Builds the graph of INPUT (as 'msckg build' does) and writes one HTML file to
open in any browser, offline: the evidence table (the rows of 'msckg table'),
one card per paper with its facts, the values where sources disagree, and a
picture of the papers, their authors and the trials they share. Click a value
to see the sentence it was read from, with its words marked. The page loads
nothing from the network and runs no script; the same inputs give the same
bytes.

Example:
  msckg report testdata/seeds testdata/arms -o report.html`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of standard output"},
			&cli.StringFlag{Name: "title", Value: "MSC therapy for ITP: evidence report", Usage: "the page's `TITLE`"},
			&cli.StringFlag{Name: "from", Usage: "read every input as `FORMAT` instead of detecting it: " + inputFormatNames()},
			&cli.StringFlag{Name: "base", Value: graph.DefaultBase, Usage: "base `IRI` of the graph's instances"},
		},
		Action: runReport,
	}
}

func runReport(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("report needs at least one INPUT (a file, a folder or -); see 'msckg report --help'")
	}
	l, res, err := buildInputs(c)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return report.Write(w, res.Quads, c.String("title"), c.Args().Slice()) }
	if out := c.String("output"); out == "" {
		err = write(c.App.Writer)
	} else {
		err = export.WriteFileAtomic(out, write)
	}
	if err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	if len(l.problems) > 0 {
		return rejectedError{len(l.problems)}
	}
	return nil
}
