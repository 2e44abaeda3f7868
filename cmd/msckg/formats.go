package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/msckg/msckg/graph/export"
	"github.com/msckg/msckg/mappings"
)

func formatsCommand() *cli.Command {
	return &cli.Command{
		Name:  "formats",
		Usage: "list the input formats msckg reads and the output formats it writes",
		Action: func(c *cli.Context) error {
			w := c.App.Writer
			fmt.Fprintln(w, "Input formats (detected from content; force one with 'msckg build --from NAME'):")
			for _, f := range mappings.Formats() {
				fmt.Fprintf(w, "\n  %s — %s\n", f.Name, f.Title)
				if f.Reads != "" {
					fmt.Fprintf(w, "    reads: %s\n", f.Reads)
				}
				if f.Example != "" {
					fmt.Fprintln(w, "    example:")
					for _, line := range strings.Split(strings.TrimRight(f.Example, "\n"), "\n") {
						fmt.Fprintf(w, "      %s\n", line)
					}
				}
			}
			fmt.Fprintln(w, "\nOutput formats (chosen by the -o file's extension, or --format NAME):")
			for _, f := range export.Formats() {
				fmt.Fprintf(w, "  %-10s %-24s %s\n", f.Name, strings.Join(f.Extensions, " "), f.Title)
			}
			fmt.Fprintf(w, "\nA folder (msckg build --neo4j DIR):\n  %-10s %-24s %s\n", "neo4j", "DIR/",
				"property graph (--view) as CSV files for neo4j-admin import, import.sh and load.cypher")
			return nil
		},
	}
}
