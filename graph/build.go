// Package graph turns records (and the facts extracted from them) into
// the msckg knowledge graph: it decides identity (which records are the
// same paper, which names the same person, which journals the same
// periodical), mints IRIs and states every fact in the named graph of the
// record it came from (ONTOLOGY.md). It never parses text.
package graph

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/iriref"
	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
)

// Input is one record to put in the graph: whole, or the light copy a
// Spool returned, whose full record the builder reads back when it needs
// it.
type Input struct {
	Path   string // the input as given on the command line ("-" for stdin)
	Record mappings.Record
	Facts  *evidence.Facts // what extraction found in the record; nil if not run

	sha         string     // of Record.Raw, when a Spool dropped the bytes
	stored      *storedRef // where the full input is, for a light one from a Spool
	hasAbstract bool       // a Spool dropped the abstract's text, not the fact there is one
}

// Options change how the graph is built.
type Options struct {
	Base string // instance IRI base; DefaultBase when empty
	// Sink, when set, receives every statement as it is made, and
	// Result.Quads stays nil: a large build then never holds its
	// statements in memory.
	Sink Sink
	// PairLinks also writes the pairwise derived links a drawing tool may
	// want: mkg:sharesAuthorWith between every two papers with an author in
	// common, and mkg:possiblySameAs between every two same-name people
	// kept apart. Their number grows with the square of an author's output
	// or of a name's frequency, so they are off by default.
	PairLinks bool
	// NoExplanations leaves Result.Identity empty, for a caller that does
	// not show it: at 100,000 records the text of every join is some
	// 250 MB of memory held until the build ends. Nothing stated changes.
	NoExplanations bool
}

// Result is a built graph and what happened while building it.
type Result struct {
	Quads   []rdf.Quad // sorted, deduplicated; nil when Options.Sink took them
	Summary Summary
	// Identity explains every merge the build made (records into papers,
	// names into people, mentions into journals) and every same-name pair
	// it kept apart, so a curator can check each decision.
	Identity []Explanation

	// Digest is a hash of every identity decision and graph rank: two
	// builds with the same digest name and rank every node alike, so
	// their shards can be merged.
	Digest string

	ds *Dataset // where the statements went, for the tail in Build
}

// Explanation is one identity decision.
type Explanation struct {
	Kind    string `json:"kind"`    // "paper", "author", "journal"
	Subject string `json:"subject"` // the node's IRI
	Text    string `json:"text"`
}

// Summary counts what the build did. Records = Papers + Trials + Merged.
type Summary struct {
	Records       int // records given to Build
	Papers        int // distinct papers built
	Trials        int // trial registrations read (each a Trial node)
	Merged        int // records that joined a paper another record made
	Authors       int // distinct people (and groups)
	Journals      int
	Disagreements []Disagreement
	// Refusals are the joins identity would have made on a shared
	// identifier or title and did not, because the records conflict.
	Refusals []Refusal
}

// Refusal is a record identity kept apart from others it shares an
// identifier or a title with.
type Refusal struct {
	Kind    string   // "paper"
	Subject string   // IRI of the node the kept-apart record became
	Records []string // the record kept apart, then those it was not joined with
	Reason  string
}

// Text says which records were not joined and why.
func (r Refusal) Text() string {
	if len(r.Records) < 2 {
		return fmt.Sprintf("not joined: %s: %s", strings.Join(r.Records, ""), r.Reason)
	}
	return fmt.Sprintf("not joined: %s with %s: %s", r.Records[0], strings.Join(r.Records[1:], " and "), r.Reason)
}

func (r Refusal) String() string { return r.Text() + " (" + r.Subject + ")" }

// Disagreement is a functional value on which a source differs from the
// value chosen for the union view; the source keeps it in its own graph.
type Disagreement struct {
	Paper    string // paper IRI
	Property string // e.g. "title", "issued"
	Chosen   string
	Stated   string
	Source   string // input path and record number of the disagreeing source
}

func (d Disagreement) String() string {
	return fmt.Sprintf("%s: %s %q differs from the chosen %q (%s)", d.Source, d.Property, d.Stated, d.Chosen, d.Paper)
}

// source is one distinct record (identical bytes seen twice are one source).
// It points into the caller's inputs, which it never changes: a copy
// would double the memory of a large build's records.
type source struct {
	*Input
	paths []string
	sha   string
	iri   string
	rank  int
}

func (s *source) label() string {
	return fmt.Sprintf("%s record %d", s.Path, s.Record.Number)
}

// Build makes the graph of inputs. The result depends only on the set of
// inputs, not on their order.
func Build(inputs []Input, opts Options) (*Result, error) {
	res, out, err := BuildShard(inputs, opts, Shard{})
	if err != nil {
		return nil, err
	}
	if err := emitTail(res.ds, []*ShardOutput{out}); err != nil {
		return nil, err
	}
	res.Summary.Disagreements = out.Disagreements
	res.Quads = res.ds.Quads()
	return res, nil
}

// prepare is the part of a build every shard repeats: the canonical
// order of the sources, the ranks of their graphs and identity.
func prepare(inputs []Input, opts Options) (*builder, error) {
	base := opts.Base
	if base == "" {
		base = DefaultBase
	}
	if err := CheckBase(base); err != nil {
		return nil, err
	}
	known, err := loadKnownJournals()
	if err != nil {
		return nil, err
	}
	broader, err := loadBroader()
	if err != nil {
		return nil, err
	}
	b := &builder{mint: minter{base: base}, ds: newDataset(opts.Sink), broader: broader, pairLinks: opts.PairLinks}
	b.sources = dedupeSources(inputs, b.mint)
	b.ds.rankGraphs(b.graphsBestFirst())
	b.splitTrials()
	b.id = resolveIdentity(b.sources, b.mint, known, !opts.NoExplanations)
	return b, nil
}

// BuildShard states shard's share of the graph of inputs (all of it for
// the zero Shard) but for what needs every shard's share: the links
// between papers reporting the same trial and the vocabulary graph, which
// EmitTail states from the ShardOutputs. The Result's summary and identity
// are the whole build's, but for the disagreements, which are in the
// ShardOutput.
func BuildShard(inputs []Input, opts Options, sh Shard) (*Result, *ShardOutput, error) {
	if err := sh.check(); err != nil {
		return nil, nil, err
	}
	b, err := prepare(inputs, opts)
	if err != nil {
		return nil, nil, err
	}
	// Only the count is needed after this: a caller that lets go of its
	// slice lets the inputs be collected while the graph is built.
	nInputs := len(inputs)
	out, err := b.emitShard(sh)
	if err != nil {
		return nil, nil, err
	}
	if b.ds.err != nil {
		return nil, nil, b.ds.err
	}
	res, err := b.result(nInputs)
	if err != nil {
		return nil, nil, err
	}
	return res, out, nil
}

// Resolve decides identity for inputs, as Build would, and states
// nothing: the Result has the summary (without disagreements, which
// stating finds), the explanations and the digest of the decisions.
func Resolve(inputs []Input, opts Options) (*Result, error) {
	b, err := prepare(inputs, opts)
	if err != nil {
		return nil, err
	}
	return b.result(len(inputs))
}

// result sums up a build of nInputs inputs.
func (b *builder) result(nInputs int) (*Result, error) {
	// A build of trial registrations alone is a graph of trials, not empty.
	if len(b.sources) == 0 && len(b.registrations) == 0 && nInputs > 0 {
		return nil, errors.New("graph: no records")
	}
	b.sum.Records = nInputs
	b.sum.Papers = len(b.id.Papers)
	b.sum.Trials = len(b.registrations)
	b.sum.Merged = nInputs - len(b.id.Papers) - len(b.registrations)
	b.sum.Authors = len(b.id.People)
	b.sum.Journals = len(b.id.Journals)
	b.sum.Refusals = b.id.Refusals
	sort.Slice(b.sum.Refusals, func(i, j int) bool {
		return b.sum.Refusals[i].String() < b.sum.Refusals[j].String()
	})
	explained := b.id.Explanations
	sort.Slice(explained, func(i, j int) bool {
		x, y := explained[i], explained[j]
		if x.Kind != y.Kind {
			return x.Kind > y.Kind // papers, then journals, then authors
		}
		if x.Subject != y.Subject {
			return x.Subject < y.Subject
		}
		return x.Text < y.Text
	})
	return &Result{Summary: b.sum, Identity: explained, Digest: b.digest(), ds: b.ds}, nil
}

// CheckBase reports whether base can prefix instance IRIs: absolute, ending
// in "/" or "#", and free of characters no RDF syntax allows in an IRI.
func CheckBase(base string) error {
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		return fmt.Errorf("base IRI %q must end in / or #", base)
	}
	if i := strings.Index(base, "://"); i <= 0 {
		return fmt.Errorf("base IRI %q must be an absolute IRI such as %s", base, DefaultBase)
	}
	if err := iriref.Check(base); err != nil {
		return fmt.Errorf("base IRI: %w", err)
	}
	return nil
}

type builder struct {
	mint          minter
	ds            *Dataset
	sources       []*source         // paper records
	registrations []*source         // trial registrations (Trial nodes, not papers)
	id            *Identity         // who is who: computed before anything is stated
	concepts      map[string]string // concept IRI → label, for the vocabulary graph
	broader       map[string]string // concept IRI → its broader concept (lexicon.tsv), for reconciling agents
	pairLinks     bool              // Options.PairLinks
	sum           Summary
}

// dedupeSources puts inputs in a canonical order (by content hash, then
// path and number) and folds records with identical bytes into one source.
func dedupeSources(inputs []Input, m minter) []*source {
	all := make([]*source, 0, len(inputs))
	for i := range inputs {
		in := &inputs[i]
		sha := in.sha
		if sha == "" {
			sha = sha256Hex(in.Record.Raw)
		}
		all = append(all, &source{Input: in, sha: sha, iri: m.source(sha), rank: rankOf(in.Record.Format)})
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.sha != b.sha {
			return a.sha < b.sha
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Record.Number < b.Record.Number
	})
	var out []*source
	for _, s := range all {
		if n := len(out); n > 0 && out[n-1].sha == s.sha {
			out[n-1].paths = appendUnique(out[n-1].paths, s.Path)
			continue
		}
		s.paths = []string{s.Path}
		out = append(out, s)
	}
	return out
}

// appendUnique appends v unless list holds it already.
func appendUnique[T comparable](list []T, v T) []T {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// graphsBestFirst lists the graphs in the order that decides which one
// keeps a statement several of them state: the sources' graphs best first
// (the record that said it), then the derived graph (what needs several
// records), then the vocabulary graph.
func (b *builder) graphsBestFirst() []string {
	ranked := slices.Clone(b.sources)
	byRank(ranked)
	graphs := make([]string, 0, len(ranked)+2)
	for _, s := range ranked {
		graphs = append(graphs, s.iri)
	}
	return append(graphs, b.mint.derivedGraph(), b.mint.vocabularyGraph())
}

// byRank orders sources best first: rank, then hash (for a stable tie).
func byRank(ss []*source) {
	sort.SliceStable(ss, func(i, j int) bool {
		if ss[i].rank != ss[j].rank {
			return ss[i].rank < ss[j].rank
		}
		return ss[i].sha < ss[j].sha
	})
}
