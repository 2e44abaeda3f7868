package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"slices"
	"sort"
)

// Shard is the share of a build one emit step states: shard K of N
// (0 ≤ K < N). The zero Shard is the whole build. Papers, journals, trial
// registrations and possible-match nodes are dealt to shards by a hash of
// their IRI; the pairwise links of Options.PairLinks go to shard 0.
type Shard struct{ K, N int }

func (sh Shard) check() error {
	if sh == (Shard{}) {
		return nil
	}
	if sh.N < 1 || sh.K < 0 || sh.K >= sh.N {
		return fmt.Errorf("graph: shard %d of %d: want 0 ≤ shard < count", sh.K, sh.N)
	}
	return nil
}

// has reports whether the node named iri is stated by this shard.
func (sh Shard) has(iri string) bool {
	if sh.N <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(iri))
	return int(h.Sum32()%uint32(sh.N)) == sh.K
}

// ShardOutput is what a shard's statements leave for EmitTail: what needs
// every shard's share (papers reporting the same trial, the concepts the
// vocabulary graph labels) and the shard's disagreements. It is plain
// data, so a step can write it to a file.
type ShardOutput struct {
	Base string
	K, N int
	// Reports maps a trial's IRI to the papers reporting it.
	Reports map[string][]string
	// Concepts maps a concept's IRI to its least label.
	Concepts map[string]string
	// MKGValues are the mkg: IRIs used as values, which the vocabulary
	// graph labels.
	MKGValues     []string
	Disagreements []Disagreement
	// DerivedRank and VocabularyRank are the ranks of the derived and
	// vocabulary graphs, which follow every source's graph.
	DerivedRank, VocabularyRank uint32
}

// emitShard states sh's share of the graph: its papers, journals,
// registrations and derived links.
func (b *builder) emitShard(sh Shard) (*ShardOutput, error) {
	out := &ShardOutput{
		Base: b.mint.base, K: sh.K, N: sh.N,
		Reports: trialReports{}, Concepts: map[string]string{},
		DerivedRank: b.ds.rank(b.mint.derivedGraph()), VocabularyRank: b.ds.rank(b.mint.vocabularyGraph()),
	}
	reports := trialReports(out.Reports)
	for _, p := range b.id.Papers {
		if !sh.has(p.iri) {
			continue
		}
		po, err := emitPaper(b.ds, b.mint, b.broader, b.id, p)
		if err != nil {
			return nil, err
		}
		out.Disagreements = append(out.Disagreements, po.disagreements...)
		for iri, label := range po.concepts {
			addConcept(out.Concepts, iri, label)
		}
		for _, T := range po.trials {
			reports.add(T, p.iri)
		}
	}
	// Each journal once: emitting it per paper repeated the walk over all
	// its mentions for every paper in it (a third of a large build's time).
	for _, j := range b.id.Journals {
		if sh.has(j.iri) {
			emitJournal(b.ds, j)
		}
	}
	b.emitRegistrations(reports, sh)
	b.emitDerived(sh)
	out.MKGValues = slices.Sorted(maps.Keys(b.ds.mkgValues))
	SortDisagreements(out.Disagreements)
	return out, nil
}

// EmitTail states what needs every shard's share, from the ShardOutputs of
// all shards of one build, to sink: the links between papers reporting the
// same trial and the vocabulary graph.
func EmitTail(outs []*ShardOutput, sink Sink) error {
	if sink == nil {
		return errors.New("graph: EmitTail needs a sink")
	}
	return emitTail(newDataset(sink), outs)
}

func emitTail(ds *Dataset, outs []*ShardOutput) error {
	if len(outs) == 0 {
		return errors.New("graph: no shard outputs")
	}
	b := &builder{mint: minter{base: outs[0].Base}, ds: ds, concepts: map[string]string{}}
	ds.ranks[b.mint.derivedGraph()] = outs[0].DerivedRank
	ds.ranks[b.mint.vocabularyGraph()] = outs[0].VocabularyRank
	reports := trialReports{}
	for _, o := range outs {
		if o.Base != outs[0].Base || o.DerivedRank != outs[0].DerivedRank || o.VocabularyRank != outs[0].VocabularyRank {
			return fmt.Errorf("graph: shard %d of %d comes from another build than shard %d of %d", o.K, o.N, outs[0].K, outs[0].N)
		}
		for T, ps := range o.Reports {
			for _, p := range ps {
				reports.add(T, p)
			}
		}
		for iri, label := range o.Concepts {
			addConcept(b.concepts, iri, label)
		}
		for _, v := range o.MKGValues {
			ds.mkgValues[v] = true
		}
	}
	b.emitTrialPairs(reports)
	if err := b.emitVocabulary(); err != nil {
		return err
	}
	return ds.err
}

// digest hashes what every shard of a build must agree on: the base, the
// graphs' ranks, and each paper, journal and person with its sources, in
// sorted lines so that no list order counts.
func (b *builder) digest() string {
	lines := []string{"base " + b.mint.base}
	for g, r := range b.ds.ranks {
		lines = append(lines, fmt.Sprintf("rank %s %d", g, r))
	}
	for _, p := range b.id.Papers {
		l := "paper " + p.iri
		for _, s := range p.sources {
			l += " " + s.iri
		}
		lines = append(lines, l)
	}
	for _, j := range b.id.Journals {
		lines = append(lines, fmt.Sprintf("journal %s %d", j.iri, len(j.mentions)))
	}
	for _, pr := range b.id.People {
		lines = append(lines, fmt.Sprintf("person %s %d", pr.iri, len(pr.slots)))
	}
	for _, s := range b.registrations {
		lines = append(lines, "registration "+s.iri)
	}
	slices.Sort(lines)
	h := sha256.New()
	for _, l := range lines {
		io.WriteString(h, l+"\n")
	}
	return hex.EncodeToString(h.Sum(nil))
}

// SortDisagreements puts disagreements from several shards in the order
// Build reports them.
func SortDisagreements(ds []Disagreement) []Disagreement {
	sort.Slice(ds, func(i, j int) bool { return ds[i].String() < ds[j].String() })
	return ds
}
