package graph

import (
	"sort"

	"github.com/msckg/msckg/mappings"

	o "github.com/msckg/msckg/ontology"
)

// emitDerived writes what needs more than one record into the derived
// graph: co-authorship, reports of the same trial, possible duplicates of
// a person, and citations. Its size is linear in the authorships: papers
// that share an author reach each other through the Author node
// (?p dcterms:creator/^dcterms:creator ?q), and same-name people through
// one PossibleMatch node per name. The pairwise links
// (mkg:sharesAuthorWith, mkg:possiblySameAs), whose number grows with the
// square of an author's output or of a name's frequency, are written only
// when Options.PairLinks asks for them. Shard sh states the links of its
// papers and possible matches, and shard 0 the pairwise links; the links
// between papers reporting the same trial wait for every shard
// (emitTrialPairs).
func (b *builder) emitDerived(sh Shard) {
	g := b.mint.derivedGraph()

	// Co-authors, and (on request) papers sharing an author.
	papersOf := map[*person][]*paper{}
	for _, p := range b.id.Papers {
		for i, a := range p.slots {
			papersOf[a.person] = appendUnique(papersOf[a.person], p)
			if !sh.has(p.iri) {
				continue
			}
			for _, c := range p.slots[i+1:] {
				if a.person != c.person {
					b.ds.link(g, a.person.iri, o.CoAuthorWith, c.person.iri)
					b.ds.link(g, c.person.iri, o.CoAuthorWith, a.person.iri)
				}
			}
		}
	}
	if b.pairLinks && sh.K == 0 {
		for _, ps := range papersOf {
			for i, p := range ps {
				for _, q := range ps[i+1:] {
					b.ds.link(g, p.iri, o.SharesAuthorWith, q.iri)
					b.ds.link(g, q.iri, o.SharesAuthorWith, p.iri)
				}
			}
		}
	}

	// Same-name people the identity rules kept apart.
	for _, m := range b.id.Matches {
		if sh.has(m.iri) {
			b.possibleMatch(g, m)
		}
	}
	b.emitCitations(g, sh)
}

// emitTrialPairs links the papers reporting the same trial.
func (b *builder) emitTrialPairs(reports trialReports) {
	g := b.mint.derivedGraph()
	for _, ps := range reports {
		sort.Strings(ps)
		for i, p := range ps {
			for _, q := range ps[i+1:] {
				b.ds.link(g, p, o.CitesSameTrialAs, q)
				b.ds.link(g, q, o.CitesSameTrialAs, p)
			}
		}
	}
}

// trialReports maps a trial's IRI to the IRIs of the papers reporting it:
// by a registry id in a record's data or text (paperOut.trials), or by a
// registration listing the paper as a result publication.
type trialReports map[string][]string

func (t trialReports) add(trial, paper string) {
	t[trial] = appendUnique(t[trial], paper)
}

// emitCitations resolves reference lists to papers of the graph by DOI or
// PMID; a reference to a paper not in the graph becomes a minimal Paper.
func (b *builder) emitCitations(g string, sh Shard) {
	byKey := b.paperKeys()
	for _, p := range b.id.Papers {
		if !sh.has(p.iri) {
			continue
		}
		for _, s := range p.sources {
			for _, ref := range s.Record.References {
				target := ""
				rr := mappingsRecordOf(ref)
				keys := paperIDKeys(&rr)
				for _, k := range keys {
					if t, ok := byKey[k]; ok {
						target = t.iri
						break
					}
				}
				if target == "" {
					switch {
					case ref.DOI != "":
						target = b.mint.paperByDOI(ref.DOI)
					case ref.PMID != "":
						target = b.mint.paperByPMID(ref.PMID)
					default:
						continue // a reference with no identifier cannot be resolved safely
					}
					b.stubPaper(g, target, ref)
				}
				if target != p.iri {
					b.ds.link(g, p.iri, o.CiTOCites, target)
				}
			}
		}
	}
}

// stubPaper states a paper known only from a reference (in a reference
// list or a trial registration): its identifiers and a label. It has no
// prov:wasDerivedFrom, which on a Paper means "a record describing it";
// the citing record's graph or the derived graph says where it was named.
func (b *builder) stubPaper(g string, P string, ref mappings.Reference) {
	b.ds.link(g, P, o.RDFType, o.Paper)
	b.ds.link(g, P, o.RDFType, o.SchemaScholarlyArticle)
	if ref.DOI != "" {
		b.ds.add(g, P, o.BIBODOI, str(lowerDOI(ref.DOI)))
	}
	if ref.PMID != "" {
		b.ds.add(g, P, o.FaBiOPubMedID, str(ref.PMID))
	}
	// No dcterms:title: two reference lists may spell it differently, and
	// the union must hold one title per paper. The label carries it.
	label := ref.Title
	switch {
	case label != "":
	case ref.Text != "":
		label = ref.Text
	case ref.DOI != "":
		label = "Cited work doi:" + lowerDOI(ref.DOI)
	default:
		label = "Cited work PMID " + ref.PMID
	}
	b.ds.add(g, P, o.RDFSLabel, str(shorten(label, 200)))
}

// possibleMatch states one PossibleMatch node for the people of one name
// that identity kept apart: its candidates, the name, and why they were
// not joined. With Options.PairLinks, each two candidates are also linked
// by mkg:possiblySameAs (both ways).
func (b *builder) possibleMatch(g string, m possibleMatch) {
	M := m.iri
	b.ds.link(g, M, o.RDFType, o.PossibleMatch)
	b.ds.add(g, M, o.RDFSLabel, str("Possible match: "+m.name))
	b.ds.add(g, M, o.RDFSComment, str(m.why))
	b.ds.add(g, M, o.MatchedName, str(m.name))
	for i, pr := range m.people {
		b.ds.link(g, M, o.Candidate, pr.iri)
		if !b.pairLinks {
			continue
		}
		for _, other := range m.people[:i] {
			if pr.orcid != "" && other.orcid != "" {
				continue // different ORCIDs: known to be different people
			}
			b.ds.link(g, pr.iri, o.PossiblySameAs, other.iri)
			b.ds.link(g, other.iri, o.PossiblySameAs, pr.iri)
		}
	}
}
