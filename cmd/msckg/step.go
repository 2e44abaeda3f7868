package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/msckg/msckg/graph"
	"github.com/msckg/msckg/graph/export"
	"github.com/msckg/msckg/graph/propgraph"
)

// The build split into steps a workflow engine runs (README, "Past one
// machine"): read (per input file) → identity (once) → emit (per shard) →
// merge (once). The merged output is byte for byte what 'msckg build'
// writes from the same inputs.

func stepCommand() *cli.Command {
	return &cli.Command{
		Name:  "step",
		Usage: "run one step of a build split for a workflow engine (read, identity, emit, merge)",
		Description: `A build split into steps, for Snakemake or any engine that runs commands on
files; merged, the output is byte for byte what 'msckg build' writes from the
same inputs:

  msckg step read -o a.part INPUT...           per input file, in parallel
  msckg step identity -o build.id a.part b.part ...   once, over every part
  msckg step emit --shard K/N -o K.shard build.id     per shard, in parallel
  msckg step merge -o graph.nq 0.shard 1.shard ...    once

Give 'read' the input paths exactly as you would give them to 'msckg build':
each record's graph names its file as given. Problems with records are
printed by 'read' and again by 'merge', which exits 1 after writing when a
record was rejected, as 'msckg build' does. See cmd/msckg/Snakefile.`,
		Subcommands: []*cli.Command{stepReadCommand(), stepIdentityCommand(), stepEmitCommand(), stepMergeCommand()},
	}
}

// partMeta is what a part file keeps beside its records: what the read
// step met, for the summary and the exit status at the end.
type partMeta struct {
	Files    int
	Problems []string
	Warnings []string
}

func stepReadCommand() *cli.Command {
	return &cli.Command{
		Name:      "read",
		Usage:     "read and extract input files into one part file",
		ArgsUsage: "-o PART INPUT...",
		Description: `Reads every INPUT (a file or a folder, not standard input) as 'msckg build'
does, extracts the facts of each record and writes them, with the keys
identity needs, to PART.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the part to `FILE`"},
			&cli.StringFlag{Name: "from", Usage: "read every input as `FORMAT` instead of detecting it: " + inputFormatNames()},
			&cli.BoolFlag{Name: "strict", Usage: "stop at the first record that cannot be read (and write nothing)"},
		},
		Action: runStepRead,
	}
}

// needFlags is a usage error naming the first of names not given.
func needFlags(c *cli.Context, names ...string) error {
	for _, n := range names {
		if !c.IsSet(n) {
			return usagef("step %s needs --%s; see 'msckg step %s --help'", c.Command.Name, n, c.Command.Name)
		}
	}
	return nil
}

func runStepRead(c *cli.Context) error {
	if err := needFlags(c, "output"); err != nil {
		return err
	}
	if c.NArg() == 0 {
		return usagef("step read needs at least one INPUT; see 'msckg step read --help'")
	}
	for _, a := range c.Args().Slice() {
		if a == "-" {
			return usagef("step read reads files, not standard input: save it to a file first")
		}
	}
	if from := c.String("from"); from != "" {
		if err := checkInputFlags(c); err != nil {
			return err
		}
	}
	files, notes, err := expand(c.Args().Slice())
	if err != nil {
		return err
	}
	out := c.String("output")
	tmp := out + ".tmp"
	spool, err := graph.CreatePart(tmp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // gone once renamed; left by nothing else
	l := &loader{from: c.String("from"), strict: c.Bool("strict"), spool: spool, warnings: notes}
	loadErr := l.load(files)
	stderr := c.App.ErrWriter
	meta := partMeta{Files: l.files}
	for _, p := range l.problems {
		fmt.Fprintf(stderr, "msckg: %s\n", p)
		meta.Problems = append(meta.Problems, p.String())
	}
	for _, w := range l.warnings {
		fmt.Fprintf(stderr, "msckg: warning: %s\n", w)
		meta.Warnings = append(meta.Warnings, w.String())
	}
	if loadErr != nil {
		spool.Close()
		if errors.Is(loadErr, errStrict) {
			fmt.Fprintf(stderr, "msckg: %v; nothing written\n", loadErr)
			return rejectedError{len(l.problems)}
		}
		return loadErr
	}
	err = graph.WritePart(spool, l.inputs, meta)
	if cerr := spool.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("writing part %s: %w", tmp, cerr)
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("writing part: %w", err)
	}
	return nil
}

// identityFile is what the identity step writes: the parts of the build,
// the options every shard must share, what the read steps met, and the
// digest of the identity decisions, which each emit step checks its own
// against.
type identityFile struct {
	Version   int
	Base      string
	PairLinks bool
	Parts     []identityPart
	Digest    string
	Summary   graph.Summary
	Meta      partMeta
}

type identityPart struct {
	Path string
	Size int64 // a part changed after the identity step is refused
}

const identityVersion = 1

func stepIdentityCommand() *cli.Command {
	return &cli.Command{
		Name:      "identity",
		Usage:     "decide identity over every part: which records are one paper, person, journal",
		ArgsUsage: "-o IDENTITY PART...",
		Description: `Reads the identity keys of every PART (not the records' text), decides which
records are one paper, which names one person and which mentions one journal,
and writes IDENTITY, which every emit step reads. Its summary is the build's.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the identity file to `FILE`"},
			&cli.StringFlag{Name: "base", Value: graph.DefaultBase, Usage: "base `IRI` of the graph's instances"},
			&cli.BoolFlag{Name: "pair-links", Usage: "as 'msckg build --pair-links'"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but problems"},
		},
		Action: runStepIdentity,
	}
}

func runStepIdentity(c *cli.Context) error {
	if err := needFlags(c, "output"); err != nil {
		return err
	}
	if c.NArg() == 0 {
		return usagef("step identity needs the part files of every read step; see 'msckg step identity --help'")
	}
	if err := checkInputFlags(c); err != nil {
		return err
	}
	idf := identityFile{Version: identityVersion, Base: c.String("base"), PairLinks: c.Bool("pair-links")}
	for _, p := range c.Args().Slice() {
		info, err := os.Stat(p)
		if err != nil {
			return usagef("part %s: %v", p, errors.Unwrap(err))
		}
		idf.Parts = append(idf.Parts, identityPart{Path: p, Size: info.Size()})
	}
	inputs, meta, closeParts, err := openParts(idf.Parts)
	if err != nil {
		return err
	}
	defer closeParts()
	idf.Meta = meta
	res, err := graph.Resolve(inputs, graph.Options{Base: idf.Base, PairLinks: idf.PairLinks, NoExplanations: true})
	if err != nil {
		return err
	}
	idf.Digest, idf.Summary = res.Digest, res.Summary
	data, err := json.Marshal(idf)
	if err != nil {
		return err
	}
	out := c.String("output")
	err = export.WriteFileAtomic(out, func(w io.Writer) error { _, err := w.Write(data); return err })
	if err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if !c.Bool("quiet") {
		s := res.Summary
		fmt.Fprintf(c.App.ErrWriter, "msckg: %d part(s), %d record(s): %d paper(s), %d trial registration(s), %d merged into an existing paper; %d author(s), %d journal(s)\n",
			len(idf.Parts), s.Records, s.Papers, s.Trials, s.Merged, s.Authors, s.Journals)
	}
	return nil
}

// openParts opens the parts and returns their inputs, in the order given,
// and what their read steps met.
func openParts(parts []identityPart) ([]graph.Input, partMeta, func(), error) {
	var opened []*graph.Part
	closeAll := func() {
		for _, p := range opened {
			p.Close()
		}
	}
	var inputs []graph.Input
	var meta partMeta
	for _, ip := range parts {
		p, err := graph.OpenPart(ip.Path)
		if err != nil {
			closeAll()
			return nil, meta, nil, err
		}
		opened = append(opened, p)
		var m partMeta
		if err := json.Unmarshal(p.Meta, &m); err != nil {
			closeAll()
			return nil, meta, nil, fmt.Errorf("part %s: reading what its read step met: %w", ip.Path, err)
		}
		meta.Files += m.Files
		meta.Problems = append(meta.Problems, m.Problems...)
		meta.Warnings = append(meta.Warnings, m.Warnings...)
		inputs = append(inputs, p.Inputs...)
	}
	return inputs, meta, closeAll, nil
}

func stepEmitCommand() *cli.Command {
	return &cli.Command{
		Name:      "emit",
		Usage:     "state one shard's share of the graph as a sorted run",
		ArgsUsage: "--shard K/N -o SHARD IDENTITY",
		Description: `Shard K of N (0 ≤ K < N) states the papers, journals and trial registrations
whose IRI hashes to it, reading their records from the parts IDENTITY names
(by the paths the identity step was given), and writes them to SHARD as one
sorted run. Statements beyond --sort-memory are sorted on disk (TMPDIR).`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "shard", Usage: "`K/N`: this is shard K of N, counting from 0"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the shard to `FILE`"},
			&cli.IntFlag{Name: "sort-memory", Value: export.DefaultMemoryBudget >> 20, Usage: "`MiB` of statements kept in memory"},
		},
		Action: runStepEmit,
	}
}

// stepStore makes the store of an emit or merge step, within
// --sort-memory, in a scratch folder that cleanup removes.
func stepStore(c *cli.Context) (*export.Store, func(), error) {
	sortMemory := c.Int("sort-memory")
	if sortMemory < 1 {
		return nil, nil, usagef("--sort-memory %d: give at least 1 (MiB)", sortMemory)
	}
	scratch, err := newScratch()
	if err != nil {
		return nil, nil, err
	}
	store := export.NewStore(sortMemory<<20, scratch.dir)
	return store, func() { store.Close(); scratch.remove() }, nil
}

var shardArg = regexp.MustCompile(`^([0-9]+)/([0-9]+)$`)

func parseShard(s string) (graph.Shard, error) {
	m := shardArg.FindStringSubmatch(s)
	if m == nil {
		return graph.Shard{}, usagef("--shard %q: give K/N, e.g. 0/4 for the first of four shards", s)
	}
	k, err1 := strconv.Atoi(m[1])
	n, err2 := strconv.Atoi(m[2])
	if err1 != nil || err2 != nil || n < 1 || k >= n {
		return graph.Shard{}, usagef("--shard %q: K counts from 0 and must be below N (0/%s … %d/%s)", s, m[2], max(n-1, 0), m[2])
	}
	return graph.Shard{K: k, N: n}, nil
}

// shardHeader is the JSON at the start of a shard file, before its run.
type shardHeader struct {
	Version int
	Digest  string
	Output  *graph.ShardOutput
	Summary graph.Summary
	Meta    partMeta
}

const shardMagic = "msckg shard 1\n"

func readIdentityFile(path string) (*identityFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usagef("identity file: %v", err)
	}
	var idf identityFile
	if err := json.Unmarshal(data, &idf); err != nil {
		return nil, fmt.Errorf("identity file %s: not one the identity step wrote: %w", path, err)
	}
	if idf.Version != identityVersion {
		return nil, fmt.Errorf("identity file %s: version %d, this msckg reads version %d", path, idf.Version, identityVersion)
	}
	for _, p := range idf.Parts {
		info, err := os.Stat(p.Path)
		if err != nil {
			return nil, fmt.Errorf("identity file %s names part %s: %w (run emit where the parts are, by the same paths)", path, p.Path, err)
		}
		if info.Size() != p.Size {
			return nil, fmt.Errorf("identity file %s: part %s changed after the identity step (%d bytes, was %d): run identity again", path, p.Path, info.Size(), p.Size)
		}
	}
	return &idf, nil
}

func runStepEmit(c *cli.Context) error {
	if err := needFlags(c, "shard", "output"); err != nil {
		return err
	}
	if c.NArg() != 1 {
		return usagef("step emit needs one IDENTITY file; see 'msckg step emit --help'")
	}
	sh, err := parseShard(c.String("shard"))
	if err != nil {
		return err
	}
	store, cleanup, err := stepStore(c)
	if err != nil {
		return err
	}
	defer cleanup()
	idf, err := readIdentityFile(c.Args().First())
	if err != nil {
		return err
	}
	inputs, _, closeParts, err := openParts(idf.Parts)
	if err != nil {
		return err
	}
	defer closeParts()
	res, out, err := graph.BuildShard(inputs, graph.Options{Base: idf.Base, Sink: store, PairLinks: idf.PairLinks, NoExplanations: true}, sh)
	if err != nil {
		return err
	}
	if res.Digest != idf.Digest {
		return fmt.Errorf("shard %d/%d: identity differs from the identity step's (digest %.12s, was %.12s): the parts or this msckg changed; run identity again", sh.K, sh.N, res.Digest, idf.Digest)
	}
	head, err := json.Marshal(shardHeader{Version: 1, Digest: idf.Digest, Output: out, Summary: idf.Summary, Meta: idf.Meta})
	if err != nil {
		return err
	}
	path := c.String("output")
	err = export.WriteFileAtomic(path, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		bw.WriteString(shardMagic)
		bw.Write(binary.BigEndian.AppendUint64(nil, uint64(len(head))))
		bw.Write(head)
		if err := bw.Flush(); err != nil {
			return err
		}
		return store.WriteRun(w)
	})
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func stepMergeCommand() *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "merge every shard into the graph 'msckg build' writes",
		ArgsUsage: "-o FILE... SHARD...",
		Description: `Merges the runs of all N shards of one identity file (each exactly once, in
any order), states what needs all of them (papers reporting the same trial,
the vocabulary graph) and writes every -o as 'msckg build' does.`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the graph to `FILE` (repeatable)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT` for every -o: " + outputFormatNames()},
			&cli.StringFlag{Name: "view", Value: string(propgraph.Full), Usage: "`VIEW` for the property-graph formats, as in 'msckg build'"},
			&cli.IntFlag{Name: "sort-memory", Value: export.DefaultMemoryBudget >> 20, Usage: "`MiB` of statements kept in memory"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only problems, not the summary"},
			&cli.BoolFlag{Name: "rejected-ok", Usage: "exit 0, not 1, when records were rejected (they are still listed): a workflow engine deletes what a failed step wrote"},
		},
		Action: runStepMerge,
	}
}

// readShardHeader reads the header of the shard file at path and returns
// it with the offset where its run starts.
func readShardHeader(path string) (*shardHeader, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, usagef("shard: %v", err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	magic := make([]byte, len(shardMagic))
	var size [8]byte
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != shardMagic {
		return nil, 0, fmt.Errorf("%s: not a shard file written by 'msckg step emit'", path)
	}
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return nil, 0, fmt.Errorf("%s: shard file cut short", path)
	}
	n := binary.BigEndian.Uint64(size[:])
	if n > 1<<34 {
		return nil, 0, fmt.Errorf("%s: corrupt shard header", path)
	}
	data := make([]byte, n)
	if _, err := io.ReadFull(r, data); err != nil {
		return nil, 0, fmt.Errorf("%s: shard file cut short", path)
	}
	var h shardHeader
	if err := json.Unmarshal(data, &h); err != nil || h.Output == nil {
		return nil, 0, fmt.Errorf("%s: corrupt shard header: %v", path, err)
	}
	if h.Version != 1 {
		return nil, 0, fmt.Errorf("%s: shard version %d, this msckg reads version 1", path, h.Version)
	}
	return &h, int64(len(shardMagic) + 8 + len(data)), nil
}

func runStepMerge(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("step merge needs the shard files of every emit step; see 'msckg step merge --help'")
	}
	outs, err := planOutputs(c.StringSlice("output"), c.String("format"))
	if err != nil {
		return err
	}
	view, err := propgraph.ParseView(c.String("view"))
	if err != nil {
		return usageError{fmt.Errorf("--view: %w", err)}
	}
	store, cleanup, err := stepStore(c)
	if err != nil {
		return err
	}
	defer cleanup()
	var first *shardHeader
	var shardOuts []*graph.ShardOutput
	var disagreements []graph.Disagreement
	seen := map[int]string{}
	for _, path := range c.Args().Slice() {
		h, off, err := readShardHeader(path)
		if err != nil {
			return err
		}
		if first == nil {
			first = h
		}
		o := h.Output
		switch {
		case h.Digest != first.Digest:
			return fmt.Errorf("%s: shard of another build (identity %.12s) than %s (identity %.12s)", path, h.Digest, c.Args().First(), first.Digest)
		case o.N != first.Output.N:
			return fmt.Errorf("%s: shard %d of %d, but %s is one of %d", path, o.K, o.N, c.Args().First(), first.Output.N)
		case seen[o.K] != "":
			return fmt.Errorf("%s: shard %d/%d given twice (also %s)", path, o.K, o.N, seen[o.K])
		}
		seen[o.K] = path
		if err := store.AddRun(path, off); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		shardOuts = append(shardOuts, o)
		disagreements = append(disagreements, o.Disagreements...)
	}
	if n := first.Output.N; len(seen) != n {
		var missing []int
		for k := range n {
			if seen[k] == "" {
				missing = append(missing, k)
			}
		}
		return fmt.Errorf("shards %v of %d missing: merge needs every shard of the build", missing, n)
	}
	if err := graph.EmitTail(shardOuts, store); err != nil {
		return err
	}
	if err := writeOutputs(c, outs, len(outs) == 0, store, view, nil); err != nil {
		return err
	}
	statements, err := store.Len()
	if err != nil {
		return err
	}
	stderr := c.App.ErrWriter
	for _, p := range first.Meta.Problems {
		fmt.Fprintf(stderr, "msckg: %s\n", p)
	}
	for _, w := range first.Meta.Warnings {
		fmt.Fprintf(stderr, "msckg: warning: %s\n", w)
	}
	if !c.Bool("quiet") {
		sum := first.Summary
		sum.Disagreements = graph.SortDisagreements(disagreements)
		printSummary(stderr, first.Meta.Files, len(first.Meta.Problems), len(first.Meta.Warnings), sum, statements, outs)
	}
	if n := len(first.Meta.Problems); n > 0 && !c.Bool("rejected-ok") {
		return rejectedError{n}
	}
	return nil
}
