package identity

import (
	"maps"
	"slices"
	"sort"
	"strconv"
)

// Affiliation is an affiliation as written, and folded for comparison.
type Affiliation struct {
	Text string
	Key  string // folded (case, accents, punctuation); "" when nothing is left
}

// Position is what person identity reads from one author position.
type Position struct {
	Paper        int           // index of the slot's paper
	PaperIRI     string        // for the reasons
	Name         string        // nameKey of the name as the best source wrote it
	Display      string        // the name as displayed, for a co-author reason
	ORCID        string        // the first ORCID a source gives the author; "" if none
	Affiliations []Affiliation // by every source listing the author
}

// Person is one person: the author positions judged to be one
// person, and why.
type Person struct {
	Members []int    // ascending
	ORCID   string   // the first member's ORCID that has one
	Reasons []string // why the members were joined, without repeats
}

// ResolvePeople applies the person identity rules (ONTOLOGY.md,
// "Identity"): the same ORCID is the same person; the same full name is
// the same person only when corroborated by being one paper, a shared
// co-author or a shared affiliation, and never across two ORCIDs. It
// emits nothing; groupAuthors applies its answer.
func ResolvePeople(slots []Position) []Person { return resolvePeople(slots, true) }

// GroupPeople is ResolvePeople without the reasons, for a caller that
// shows none: on a large corpus their text (one line per join, naming two
// papers) is a fifth of identity's memory.
func GroupPeople(slots []Position) []Person { return resolvePeople(slots, false) }

func resolvePeople(slots []Position, explain bool) []Person {
	uf := newUnionFind(len(slots))
	uf.unionByKeys(len(slots), func(i int) []string {
		if o := slots[i].ORCID; o != "" {
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
		if explain && s.ORCID != "" {
			reasons = append(reasons, mergeReason{i, "ORCID " + s.ORCID + " on " + s.PaperIRI})
		}
	}
	byPaper := map[int][]int{}
	byName := map[string][]int{}
	for i, s := range slots {
		byPaper[s.Paper] = append(byPaper[s.Paper], i)
		byName[s.Name] = append(byName[s.Name], i)
	}
	for _, k := range slices.Sorted(maps.Keys(byName)) {
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
				a, c := &slots[idx[x]], &slots[idx[y]]
				if a.ORCID != "" && c.ORCID != "" && a.ORCID != c.ORCID {
					continue // two ORCIDs are two people, whatever else they share
				}
				if why := corroboration(slots, byPaper, idx[x], idx[y]); why != "" {
					uf.union(idx[x], idx[y])
					if explain {
						reasons = append(reasons, mergeReason{idx[x], why + " (" + a.PaperIRI + " and " + c.PaperIRI + ")"})
					}
				}
			}
		}
	}
	groups := uf.groups()
	out := make([]Person, len(groups))
	clusterOf := make([]int, len(slots))
	for g, members := range groups {
		out[g].Members = members
		for _, i := range members {
			clusterOf[i] = g
			if out[g].ORCID == "" {
				out[g].ORCID = slots[i].ORCID
			}
		}
	}
	for _, r := range reasons {
		c := &out[clusterOf[r.slot]]
		c.Reasons = appendUnique(c.Reasons, r.why)
	}
	return out
}

// corroboration says why two same-name author positions x and y are one
// person, or "" when nothing corroborates it: the same paper, a shared
// co-author, or a shared affiliation.
func corroboration(slots []Position, byPaper map[int][]int, x, y int) string {
	a, c := &slots[x], &slots[y]
	if a.Paper == c.Paper {
		// Two positions of one author list: two people who share a name
		// ("Scheinberg P, …, Scheinberg P" are Phillip and Priscila), and
		// sharing the paper's co-authors proves nothing. (A paper's
		// sources are lined up into one list before this.)
		return ""
	}
	if co := sharedCoAuthor(slots, byPaper, x, y); co != "" {
		return "same name and a shared co-author, " + co + ","
	}
	if aff := sharedAffiliation(a.Affiliations, c.Affiliations); aff != "" {
		return "same name and a shared affiliation, " + strconv.Quote(aff) + ","
	}
	return ""
}

// sharedCoAuthor returns the name of a co-author both positions' papers list.
func sharedCoAuthor(slots []Position, byPaper map[int][]int, x, y int) string {
	others := map[string]bool{}
	for _, i := range byPaper[slots[x].Paper] {
		if i != x {
			others[slots[i].Name] = true
		}
	}
	for _, i := range byPaper[slots[y].Paper] {
		if i != y && others[slots[i].Name] {
			return slots[i].Display
		}
	}
	return ""
}

// sharedAffiliation returns an affiliation both positions' sources tie to
// the author.
func sharedAffiliation(as, cs []Affiliation) string {
	affs := map[string]bool{}
	for _, f := range as {
		if f.Key != "" {
			affs[f.Key] = true
		}
	}
	var found []string
	for _, f := range cs {
		if affs[f.Key] {
			found = append(found, f.Text)
		}
	}
	if len(found) == 0 {
		return ""
	}
	sort.Strings(found) // the same one whatever the sources' order
	return found[0]
}

func appendUnique(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}
