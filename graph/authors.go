package graph

import (
	"sort"
	"strconv"
	"strings"

	"github.com/msckg/msckg/mappings"
)

// slot is one author position of a paper: the chosen source's author at
// that position, and the same author as other sources of the paper wrote it.
type slot struct {
	paper    *paper
	position int            // 1-based
	key      string         // nameKey of the name as the best-ranked source wrote it
	seen     []sourceAuthor // one per source listing the author, best first
	person   *person
}

// name is the author as the best-ranked source wrote it.
func (s *slot) name() mappings.Author { return s.seen[0].author }

// sourceAuthor is an author as one source wrote it. A paper has a few
// sources, so a slice is searched faster than a map and is a fraction
// of its size (a map per slot was most of a large build's memory).
type sourceAuthor struct {
	src    *source
	author mappings.Author
}

// authorIn returns the author as src wrote it, if src lists it.
func (s *slot) authorIn(src *source) (mappings.Author, bool) {
	for _, sa := range s.seen {
		if sa.src == src {
			return sa.author, true
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

// groupAuthors finds the people behind the author lists (ONTOLOGY.md,
// "Identity"): within one paper, sources agree by name; across papers,
// the same ORCID is the same person, and the same full name is the same
// person only when corroborated by a shared co-author or affiliation.
// Same-name people left apart are linked by mkg:possiblySameAs.
func (b *builder) groupAuthors() {
	var slots []*slot
	for _, p := range b.papers {
		slots = append(slots, b.paperSlots(p)...)
	}
	uf := newUnionFind(len(slots))
	orcidOf := func(s *slot) string {
		for _, src := range s.paper.sources {
			if a, ok := s.authorIn(src); ok && a.ORCID != "" {
				return a.ORCID
			}
		}
		return ""
	}
	uf.unionByKeys(len(slots), func(i int) []string {
		if o := orcidOf(slots[i]); o != "" {
			return []string{"orcid:" + o}
		}
		return nil
	})
	type mergeReason struct {
		slot int
		why  string
	}
	var reasons []mergeReason
	for i, s := range slots {
		if o := orcidOf(s); o != "" {
			reasons = append(reasons, mergeReason{i, "ORCID " + o + " on " + s.paper.iri})
		}
	}
	byName := map[string][]int{}
	for i, s := range slots {
		byName[s.key] = append(byName[s.key], i)
	}
	names := make([]string, 0, len(byName))
	for k := range byName {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		idx := byName[k]
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				if uf.find(idx[x]) == uf.find(idx[y]) {
					// Already one person: another reason adds nothing to
					// the explanation and, for a common name, would make
					// it (and the time to check) grow with the square of
					// the name's occurrences.
					continue
				}
				a, c := slots[idx[x]], slots[idx[y]]
				oa, oc := orcidOf(a), orcidOf(c)
				if oa != "" && oc != "" && oa != oc {
					continue // two ORCIDs are two people, whatever else they share
				}
				if why := corroboration(a, c); why != "" {
					uf.union(idx[x], idx[y])
					reasons = append(reasons, mergeReason{idx[x], why + " (" + a.paper.iri + " and " + c.paper.iri + ")"})
				}
			}
		}
	}
	for _, g := range uf.groups() {
		pr := &person{}
		for _, i := range g {
			pr.slots = append(pr.slots, slots[i])
			slots[i].person = pr
			if pr.orcid == "" {
				pr.orcid = orcidOf(slots[i])
			}
		}
		pr.name = bestName(pr)
		b.people = append(b.people, pr)
	}
	for _, r := range reasons {
		pr := slots[r.slot].person
		pr.reasons = appendUnique(pr.reasons, r.why)
	}
	b.mintPeople()
}

// paperSlots lines up the author lists of a paper's sources against the
// best-ranked source that has one.
func (b *builder) paperSlots(p *paper) []*slot {
	var ref *source
	for _, s := range p.sources {
		if len(s.Record.Authors) > 0 {
			ref = s
			break
		}
	}
	if ref == nil {
		return nil
	}
	slots := make([]*slot, len(ref.Record.Authors))
	for i, a := range ref.Record.Authors {
		slots[i] = &slot{paper: p, position: i + 1, key: nameKey(a), seen: []sourceAuthor{{ref, a}}}
	}
	for _, s := range p.sources {
		if s == ref {
			continue
		}
		taken := map[int]bool{}
		for i, a := range s.Record.Authors {
			k := matchSlot(slots, taken, i, a)
			if k < 0 {
				p.unmatched = append(p.unmatched, unmatchedAuthor{src: s, author: a})
				continue
			}
			taken[k] = true
			slots[k].seen = append(slots[k].seen, sourceAuthor{s, a})
		}
	}
	p.slots = slots
	return slots
}

// matchSlot finds the slot an author of another source stands for: the
// same name, preferring the same position.
func matchSlot(slots []*slot, taken map[int]bool, pos int, a mappings.Author) int {
	k := nameKey(a)
	if pos < len(slots) && !taken[pos] && slots[pos].key == k {
		return pos
	}
	for i, s := range slots {
		if !taken[i] && s.key == k {
			return i
		}
	}
	return -1
}

// corroboration says why two same-name slots are one person, or "" when
// nothing corroborates it: the same paper, a shared co-author, or a shared
// affiliation.
func corroboration(a, c *slot) string {
	if a.paper == c.paper {
		return "the same author in two records of one paper"
	}
	if co := sharedCoAuthor(a, c); co != "" {
		return "same name and a shared co-author, " + co + ","
	}
	if aff := sharedAffiliation(a, c); aff != "" {
		return "same name and a shared affiliation, " + strconv.Quote(aff) + ","
	}
	return ""
}

// sharedCoAuthor returns the name of a co-author both slots' papers list.
func sharedCoAuthor(a, c *slot) string {
	others := map[string]bool{}
	for _, s := range a.paper.slots {
		if s != a {
			others[s.key] = true
		}
	}
	for _, s := range c.paper.slots {
		if s != c && others[s.key] {
			return displayName(s.name())
		}
	}
	return ""
}

// sharedAffiliation returns an affiliation both slots' sources tie to the author.
func sharedAffiliation(a, c *slot) string {
	affs := map[string]bool{}
	for _, sa := range a.seen {
		for _, f := range sa.author.Affiliations {
			if k := normTitle(f); k != "" {
				affs[k] = true
			}
		}
	}
	var found []string
	for _, sa := range c.seen {
		for _, f := range sa.author.Affiliations {
			if affs[normTitle(f)] {
				found = append(found, f)
			}
		}
	}
	if len(found) == 0 {
		return ""
	}
	sort.Strings(found) // the same one whatever the sources' order
	return found[0]
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
func (b *builder) mintPeople() {
	byIRI := map[string][]*person{}
	for _, pr := range b.people {
		if pr.orcid != "" {
			pr.iri = b.mint.authorByORCID(pr.orcid)
			continue
		}
		n := pr.name
		if n.Collective || (n.Family == "" && n.Given == "") {
			pr.iri = b.mint.authorByName(n.AsWritten, "")
		} else {
			pr.iri = b.mint.authorByName(n.Family, n.Given)
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
		if k == "" || s.paper.key < k {
			k = s.paper.key
		}
	}
	return k
}
