// Command msckg turns bibliographic records on mesenchymal stem cell
// therapy for immune thrombocytopenia into an RDF knowledge graph.
//
// Exit status: 0 when every record was read, 1 when a record was rejected
// (the rest are still built), 2 for a usage error.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	// Every input format: each format package registers itself.
	_ "github.com/msckg/msckg/mappings/formats/all"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK       = 0
	exitRejected = 1
	exitUsage    = 2
)

// usageError marks errors caused by how msckg was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// rejectedError says some records were rejected; the build still ran.
type rejectedError struct{ n int }

func (e rejectedError) Error() string { return fmt.Sprintf("%d record(s) rejected", e.n) }

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:    "msckg",
		Usage:   "build an RDF knowledge graph of the literature on MSC therapy for immune thrombocytopenia",
		Version: version,
		Description: `msckg reads paper records (RIS, PubMed XML, MEDLINE, BibTeX, CSL-JSON, Crossref,
OpenAlex and Semantic Scholar JSON, saved web pages, ...), recognises the same paper
across them, extracts the clinical facts from titles and abstracts (cohorts, doses,
outcomes, trial ids, each with the exact words it came from) and writes one graph
as Turtle, N-Quads or N-Triples for a triple store.

Start with:  msckg build testdata/seeds -o seeds.ttl -o seeds.nq
Then:        msckg inspect testdata/seeds/000_33f487b38e5875d3.txt
             msckg formats`,
		Reader:          stdin,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		Commands: []*cli.Command{
			buildCommand(),
			inspectCommand(),
			formatsCommand(),
			tableCommand(),
			reportCommand(),
			stepCommand(),
		},
		OnUsageError: func(c *cli.Context, err error, isSubcommand bool) error {
			return usageError{err}
		},
		ExitErrHandler: func(*cli.Context, error) {}, // run decides the exit code
	}
}

// run executes msckg with args and returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	unknown := ""
	app.CommandNotFound = func(c *cli.Context, name string) { unknown = name }
	for _, c := range app.Commands {
		c.OnUsageError = func(c *cli.Context, err error, _ bool) error { return usageError{err} }
		for _, sub := range c.Subcommands {
			sub.OnUsageError = c.OnUsageError
		}
	}
	err := app.Run(interspersed(args, app.Commands))
	if unknown != "" && err == nil {
		err = usagef("no command %q; see 'msckg --help'", unknown)
	}
	var rej rejectedError
	var use usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &rej):
		return exitRejected
	case errors.As(err, &use):
		fmt.Fprintf(stderr, "msckg: %v\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "msckg: %v\n", err)
		return exitRejected
	}
}

func main() {
	setMemoryLimit()
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
