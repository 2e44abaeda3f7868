package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/msckg/msckg/graph"
	"github.com/msckg/msckg/graph/export"
	"github.com/msckg/msckg/graph/propgraph"
	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/ontology"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "read records and write the knowledge graph",
		ArgsUsage: "INPUT...",
		Description: `INPUT is a file, a folder (read recursively, in sorted order) or - for standard
input. Each file's format is detected from its content (see 'msckg formats');
--from forces one.

Every -o writes one file; its format follows the extension unless --format
names one: .ttl Turtle, .nq N-Quads (one named graph per source record), .nt
N-Triples, .jsonld JSON-LD, .graphml GraphML (networkx, Gephi, Cytoscape,
yEd), .gexf GEXF (Gephi), .cyjs Cytoscape JSON, .dot/.gv Graphviz. These
four draw the property graph (entities as nodes, links as edges, values
and provenance as attributes); --view chooses which part. Several -o write several formats from one build. Without
-o (or --neo4j), Turtle goes to standard output. Files are written atomically.

--neo4j DIR writes the same property graph as a folder for Neo4j: node and
relationship CSV files for 'neo4j-admin database import full' (import.sh
runs it) and load.cypher for small loads with cypher-shell. DIR is
replaced as a whole; an existing DIR must hold only files msckg wrote.

A record that cannot be read is reported on standard error with its file,
record number, line and the reason; the other records are still built and
the exit status is 1. --strict stops at the first bad record instead.

-j N reads up to N files at once and extracts N records at once (default:
the number of cores); records are still taken in the order given, so the
output and the messages are the same for any N.

Memory stays flat on large inputs: records wait in a scratch file until
their paper is written, and statements beyond --sort-memory are sorted in
runs on disk, under TMPDIR (about 200 bytes per statement; removed at the
end). What stays in memory is what identity needs of every record, about
5 KB each; --max-memory (default 900 MiB) is a soft limit that keeps the
process near its live data: a corpus whose identity needs more than about
two thirds of it builds more slowly (the collector runs more often), so
raise it for a few hundred thousand records. 0 sets no limit but GOMEMLIMIT
or three quarters of the memory available (as for the other commands).

Example:
  msckg build testdata/seeds -o seeds.ttl -o seeds.nq`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the graph to `FILE` (repeatable)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT` for every -o: " + outputFormatNames()},
			&cli.StringFlag{Name: "base", Value: graph.DefaultBase, Usage: "base `IRI` of the graph's instances"},
			&cli.StringFlag{Name: "from", Usage: "read every input as `FORMAT` instead of detecting it: " + inputFormatNames()},
			&cli.BoolFlag{Name: "strict", Usage: "stop at the first record that cannot be read"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only problems, not the summary"},
			&cli.BoolFlag{Name: "pair-links", Usage: "also write mkg:sharesAuthorWith between papers with an author in common and mkg:possiblySameAs between same-name people (for drawing tools; grows with the square of an author's output)"},
			&cli.StringFlag{Name: "neo4j", Usage: "also write the property graph (--view) to the folder `DIR` for Neo4j: CSV files for neo4j-admin import, import.sh and load.cypher"},
			&cli.StringFlag{Name: "view", Value: string(propgraph.Full), Usage: "`VIEW` the property-graph formats (GraphML, GEXF, Cytoscape JSON, DOT, --neo4j) draw: papers (papers, journals, trials), authors (co-authorship), evidence (paper → cohort/arm → intervention/outcome → spans, values in the labels) or full"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, DefaultText: "the number of cores", Usage: "read and extract on `N` goroutines (files and records in parallel; the output is the same for any N)"},
			&cli.IntFlag{Name: "sort-memory", Value: export.DefaultMemoryBudget >> 20, Usage: "`MiB` of statements kept in memory; beyond that they are sorted on disk (TMPDIR)"},
			&cli.IntFlag{Name: "max-memory", Value: defaultMaxMemory, Usage: "soft limit on the process's memory, in `MiB`: near it the garbage collector works harder instead of letting memory grow to twice the live data; 0: no limit but GOMEMLIMIT or three quarters of the available memory"},
		},
		Action: runBuild,
	}
}

func outputFormatNames() string {
	var n []string
	for _, f := range export.Formats() {
		n = append(n, f.Name)
	}
	return strings.Join(n, ", ")
}

func inputFormatNames() string {
	var n []string
	for _, f := range mappings.Formats() {
		n = append(n, f.Name)
	}
	return strings.Join(n, ", ")
}

type output struct {
	path   string
	format *export.Format
}

func runBuild(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("build needs at least one INPUT (a file, a folder or -); see 'msckg build --help'")
	}
	outs, err := planOutputs(c.StringSlice("output"), c.String("format"))
	if err != nil {
		return err
	}
	neo4jDir := c.String("neo4j")
	if c.IsSet("neo4j") && strings.TrimSpace(neo4jDir) == "" {
		return usagef("--neo4j needs a folder")
	}
	for _, o := range outs {
		if neo4jDir != "" && filepath.Clean(o.path) == filepath.Clean(neo4jDir) {
			return usagef("--neo4j %s is also an -o file", neo4jDir)
		}
	}
	if err := checkInputFlags(c); err != nil {
		return err
	}
	view, err := propgraph.ParseView(c.String("view"))
	if err != nil {
		return usageError{fmt.Errorf("--view: %w", err)}
	}
	sortMemory := c.Int("sort-memory")
	if sortMemory < 1 {
		return usagef("--sort-memory %d: give at least 1 (MiB)", sortMemory)
	}
	if c.Int("max-memory") < 0 {
		return usagef("--max-memory %d: give 0 (no limit) or MiB", c.Int("max-memory"))
	}
	defer limitMemory(c.Int("max-memory"), c.IsSet("max-memory"))()
	jobs := runtime.GOMAXPROCS(0)
	if c.IsSet("jobs") {
		if jobs = c.Int("jobs"); jobs < 1 {
			return usagef("--jobs %d: give at least 1", jobs)
		}
	}
	files, notes, err := expand(c.Args().Slice())
	if err != nil {
		return err
	}
	scratch, err := newScratch()
	if err != nil {
		return err
	}
	defer scratch.remove()
	// Records wait on disk until the builder states them, so memory grows
	// with the identity keys of the corpus, not with its text.
	spool, err := graph.NewSpool(scratch.dir)
	if err != nil {
		return err
	}
	defer spool.Close()
	l := &loader{from: c.String("from"), strict: c.Bool("strict"), stdin: c.App.Reader, spool: spool, warnings: notes, jobs: jobs}
	stderr := c.App.ErrWriter
	// A line on the terminal while a long build runs (never in a pipe or
	// a log, never with --quiet); cleared before anything else is printed.
	prog := newProgress(stderr, c.Bool("quiet"))
	defer prog.done()
	l.progress = prog
	prog.reading(inputBytes(files))
	loadErr := l.load(files)
	prog.done()
	for _, p := range l.problems {
		fmt.Fprintf(stderr, "msckg: %s\n", p)
	}
	for _, w := range l.warnings {
		fmt.Fprintf(stderr, "msckg: warning: %s\n", w)
	}
	if errors.Is(loadErr, errStrict) {
		fmt.Fprintf(stderr, "msckg: %v; nothing written\n", loadErr)
		return rejectedError{len(l.problems)}
	}
	if loadErr != nil {
		return loadErr
	}
	// Statements go to a store that sorts them on disk once they outgrow
	// its memory budget, so a large build's memory stays flat.
	store := export.NewStore(sortMemory<<20, scratch.dir)
	defer store.Close()
	// The builder copies what it needs; dropping the loader's slice lets
	// it be collected during the build.
	inputs := l.inputs
	l.inputs = nil
	prog.enter("building the graph")
	// The summary shows refusals, not explanations ('msckg inspect' does).
	res, err := graph.Build(inputs, graph.Options{Base: c.String("base"), Sink: store, PairLinks: c.Bool("pair-links"), NoExplanations: true})
	if err != nil {
		return err
	}
	if err := writeOutputs(c, outs, len(outs) == 0 && neo4jDir == "", store, view, prog); err != nil {
		return err
	}
	if neo4jDir != "" {
		prog.enter("writing " + neo4jDir)
		if err := export.Neo4jDir(neo4jDir, store, export.Options{Prefixes: ontology.Prefixes, View: view}); err != nil {
			return fmt.Errorf("writing %s: %w", neo4jDir, err)
		}
		outs = append(outs, output{neo4jDir + string(filepath.Separator), &export.Format{Name: "neo4j"}})
	}
	// Counted while the writers read the store: asked before them, it
	// would read the sorted statements once more.
	statements, err := store.Len()
	if err != nil {
		return err
	}
	prog.done()
	if !c.Bool("quiet") {
		printSummary(stderr, l.files, len(l.problems), len(l.warnings), res.Summary, statements, outs)
	}
	if len(l.problems) > 0 {
		return rejectedError{len(l.problems)}
	}
	return nil
}

// checkInputFlags checks --from and --base before anything is read.
func checkInputFlags(c *cli.Context) error {
	if from := c.String("from"); from != "" {
		if _, ok := mappings.Lookup(from); !ok {
			return usagef("--from %q: unknown format (known: %s)", from, inputFormatNames())
		}
	}
	if err := graph.CheckBase(c.String("base")); err != nil {
		return usageError{err}
	}
	return nil
}

// planOutputs checks every -o before anything is read, so a typo in an
// extension is a usage error, not a lost build.
func planOutputs(paths []string, format string) ([]output, error) {
	var outs []output
	seen := map[string]bool{}
	for _, p := range paths {
		if seen[p] {
			return nil, usagef("-o %s given twice", p)
		}
		seen[p] = true
		f, err := export.ForOutput(p, format)
		if err != nil {
			return nil, usageError{err}
		}
		outs = append(outs, output{p, f})
	}
	if format != "" && len(paths) == 0 {
		if _, ok := export.ByName(format); !ok {
			return nil, usagef("unknown --format %q (known: %s)", format, outputFormatNames())
		}
	}
	return outs, nil
}

// writeOutputs writes the store to every -o, or Turtle to standard output
// when there is none.
// writeOutputs writes every -o file, and Turtle to standard output when
// toStdout (no file and no other destination was asked for).
func writeOutputs(c *cli.Context, outs []output, toStdout bool, store *export.Store, view propgraph.View, prog *progress) error {
	opt := export.Options{Prefixes: ontology.Prefixes, View: view}
	if toStdout {
		f, _ := export.ByName("turtle")
		if err := f.Write(c.App.Writer, store, opt); err != nil {
			return fmt.Errorf("writing Turtle to standard output: %w", err)
		}
	}
	for _, o := range outs {
		prog.enter("writing " + o.path)
		err := export.WriteFileAtomic(o.path, func(w io.Writer) error { return o.format.Write(w, store, opt) })
		if err != nil {
			return fmt.Errorf("writing %s: %w", o.path, err)
		}
	}
	return nil
}

func printSummary(w io.Writer, files, problems, warnings int, s graph.Summary, statements int, outs []output) {
	read := s.Records + problems
	fmt.Fprintf(w, "msckg: %d file(s), %d record(s) read: %d paper(s) built, %d trial registration(s), %d merged into an existing paper, %d rejected\n",
		files, read, s.Papers, s.Trials, s.Merged, problems)
	fmt.Fprintf(w, "msckg: %d author(s), %d journal(s), %d statement(s)\n", s.Authors, s.Journals, statements)
	if warnings > 0 {
		fmt.Fprintf(w, "msckg: %d warning(s) above: records built with a value repaired or left out\n", warnings)
	}
	for _, d := range s.Disagreements {
		fmt.Fprintf(w, "msckg: disagreement: %s\n", d)
	}
	for _, r := range s.Refusals {
		fmt.Fprintf(w, "msckg: %s\n", r)
	}
	names := make([]string, 0, len(outs))
	for _, o := range outs {
		names = append(names, fmt.Sprintf("%s (%s)", o.path, o.format.Name))
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "msckg: wrote %s\n", n)
	}
}
