package graph

import (
	"strings"

	"github.com/msckg/msckg/graph/identity"
	"github.com/msckg/msckg/mappings"
)

// slot is one author position of a paper: the chosen source's author at
// that position, and the same author as other sources of the paper wrote it.
// A large build holds one per author of every paper, so it is small: it
// points at the sources' authors instead of copying them, and the one
// source most slots have sits in the slot itself.
type slot struct {
	paper    *paper
	position int
	seen     []sourceAuthor // one per source listing the author, best first
	person   *person
	first    [1]sourceAuthor // seen's first entry, until a second source lists the author
}

// name is the author as the best-ranked source wrote it.
func (s *slot) name() mappings.Author { return s.seen[0].author() }

// sourceAuthor is an author as one source wrote it: the index in its
// author list. A paper has a few sources, so a slice is searched faster
// than a map and is a fraction of its size (a map per slot was most of a
// large build's memory).
type sourceAuthor struct {
	src *source
	i   int
}

func (sa sourceAuthor) author() mappings.Author { return sa.src.Record.Authors[sa.i] }

// authorIn returns the author as src wrote it, if src lists it.
func (s *slot) authorIn(src *source) (mappings.Author, bool) {
	for _, sa := range s.seen {
		if sa.src == src {
			return sa.author(), true
		}
	}
	return mappings.Author{}, false
}

// person is one Author node: every slot judged to be the same person.
type person struct {
	iri     string
	slots   []*slot
	name    mappings.Author // from the best-ranked occurrence
	orcid   string
	reasons []string // why the slots were judged one person, for inspect
}

// nameKey folds a parsed name for identity: family and full given name,
// case, accents and punctuation ignored. "Wang, Xiaohua", "Wang,Xiaohua"
// and "Xiaohua Wang" share a key; "Wang X" does not (initials never
// stand for a full name without corroboration).
func nameKey(a mappings.Author) string {
	if a.Collective {
		return "group:" + normTitle(a.AsWritten)
	}
	f, g := normTitle(a.Family), normTitle(a.Given)
	if f == "" && g == "" {
		return "as-written:" + normTitle(a.AsWritten)
	}
	// A generation suffix separates people: John Smith Jr is not John Smith Sr.
	return strings.ReplaceAll(f, " ", "") + "|" + strings.ReplaceAll(g, " ", "") + "|" + normTitle(a.Suffix)
}

func displayName(a mappings.Author) string {
	if a.Collective || (a.Family == "" && a.Given == "") {
		return a.AsWritten
	}
	return strings.TrimSpace(a.Given + " " + a.Family)
}

// groupAuthors finds the people behind the papers' author lists
// (identity.ResolvePeople) and mints their IRIs. Same-name people left apart are
// possible matches (possibleMatches). Without explain, people carry no
// reasons.
func groupAuthors(papers []*paper, mint minter, explain bool) []*person {
	var slots []*slot
	var keys []identity.Position
	for i, p := range papers {
		ss, names := paperSlots(p)
		for j, s := range ss {
			slots = append(slots, s)
			keys = append(keys, keysOfSlot(i, s, names[j]))
		}
	}
	var people []*person
	resolve := identity.ResolvePeople
	if !explain {
		resolve = identity.GroupPeople
	}
	for _, c := range resolve(keys) {
		pr := &person{orcid: c.ORCID, reasons: c.Reasons}
		for _, i := range c.Members {
			pr.slots = append(pr.slots, slots[i])
			slots[i].person = pr
		}
		pr.name = bestName(pr)
		people = append(people, pr)
	}
	mintPeople(people, mint)
	return people
}

// keysOfSlot reads what identity.ResolvePeople needs from the slot of
// paper i, whose name key is name.
func keysOfSlot(i int, s *slot, name string) identity.Position {
	k := identity.Position{Paper: i, PaperIRI: s.paper.iri, Name: name, Display: displayName(s.name())}
	for _, src := range s.paper.sources {
		if a, ok := s.authorIn(src); ok && a.ORCID != "" {
			k.ORCID = a.ORCID
			break
		}
	}
	for _, sa := range s.seen {
		for _, f := range sa.author().Affiliations {
			k.Affiliations = append(k.Affiliations, identity.Affiliation{Text: f, Key: normTitle(f)})
		}
	}
	return k
}

// paperSlots lines up the author lists of a paper's sources against the
// best-ranked source that has one. It returns the slots and the nameKey
// of each, which identity alone needs.
func paperSlots(p *paper) ([]*slot, []string) {
	var ref *source
	for _, s := range p.sources {
		if len(s.Record.Authors) > 0 {
			ref = s
			break
		}
	}
	if ref == nil {
		return nil, nil
	}
	n := len(ref.Record.Authors)
	slots := make([]*slot, n)
	names := make([]string, n)
	all := make([]slot, n) // one allocation for the paper's slots
	for i, a := range ref.Record.Authors {
		s := &all[i]
		s.paper, s.position = p, i+1
		s.first[0] = sourceAuthor{ref, i}
		s.seen = s.first[:]
		slots[i], names[i] = s, nameKey(a)
	}
	for _, s := range p.sources {
		if s == ref {
			continue
		}
		taken := map[int]bool{}
		for i, a := range s.Record.Authors {
			k := matchSlot(names, taken, i, a)
			if k < 0 {
				p.unmatched = append(p.unmatched, unmatchedAuthor{src: s, author: a})
				continue
			}
			taken[k] = true
			slots[k].seen = append(slots[k].seen, sourceAuthor{s, i})
		}
	}
	p.slots = slots
	return slots, names
}

// matchSlot finds the slot an author of another source stands for: the
// same name (names holds each slot's nameKey), preferring the same
// position.
func matchSlot(names []string, taken map[int]bool, pos int, a mappings.Author) int {
	k := nameKey(a)
	if pos < len(names) && !taken[pos] && names[pos] == k {
		return pos
	}
	for i, name := range names {
		if !taken[i] && name == k {
			return i
		}
	}
	return -1
}

// bestName is the name as parsed by the best-ranked source naming the person.
func bestName(pr *person) mappings.Author {
	var best mappings.Author
	bestRank := -1
	for _, s := range pr.slots {
		for _, src := range s.paper.sources {
			a, ok := s.authorIn(src)
			if !ok {
				continue
			}
			if bestRank < 0 || src.rank < bestRank {
				best, bestRank = a, src.rank
			}
			break // sources are best first
		}
	}
	return best
}

// mintPeople gives each person an IRI: the ORCID when known, else the name
// slug; people who share a slug get a suffix from their earliest paper.
func mintPeople(people []*person, mint minter) {
	byIRI := map[string][]*person{}
	for _, pr := range people {
		if pr.orcid != "" {
			pr.iri = mint.authorByORCID(pr.orcid)
			continue
		}
		n := pr.name
		if n.Collective || (n.Family == "" && n.Given == "") {
			pr.iri = mint.authorByName(n.AsWritten, "")
		} else {
			pr.iri = mint.authorByName(n.Family, n.Given)
		}
		byIRI[pr.iri] = append(byIRI[pr.iri], pr)
	}
	for base, group := range byIRI {
		if len(group) < 2 {
			continue
		}
		for _, pr := range group {
			pr.iri = base + "/" + hash16(earliestPaperKey(pr))[:8]
		}
	}
}

func earliestPaperKey(pr *person) string {
	k := ""
	for _, s := range pr.slots {
		if pk := paperKey(s.paper); k == "" || pk < k {
			k = pk
		}
	}
	return k
}
