package identity

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Paper identity: ResolvePapers reads what identity needs from each
// record (identifiers, title, year, author names) and says which records
// are one paper and why, and which it would not join and why.

// Record is what paper identity reads from one record, already folded
// by the caller.
type Record struct {
	Label            string // "path record N", for the reasons
	DOI, PMID, PMCID string // normalised; "" when absent
	Title            string // the title folded (case, accents, punctuation)
	// Abstract is the abstract folded, for a record with neither title nor
	// identifier (an abstract read alone, mappings.KindAbstractOnly): the
	// abstract is all that names it. "" otherwise.
	Abstract string
	Year     int // 0 when unknown
	Authors  []Name
}

// Name are one author's names folded for comparison.
type Name struct {
	Family string // family name, folded, spaces removed ("daleybauer")
	// Words are every folded word of the name, and the family name, once
	// each: a name has a few, so a slice is searched as fast as a map
	// and is a fifth of its size (a large corpus has one per author).
	Words []string
}

// ids lists the record's identifier keys ("doi:…", "pmid:…", "pmcid:…").
func (k *Record) ids() []string {
	var out []string
	for _, id := range [...]struct{ kind, v string }{{"doi", k.DOI}, {"pmid", k.PMID}, {"pmcid", k.PMCID}} {
		if id.v != "" {
			out = append(out, id.kind+":"+id.v)
		}
	}
	return out
}

// sameFamily reports whether two authors can be one person by family name:
// either's family name is one of the other's name words, which also holds
// when a source swapped given and family name ("Nan-Hai WU", "Wu Nanhai").
func sameFamily(a, b Name) bool {
	return (a.Family != "" && slices.Contains(b.Words, a.Family)) || (b.Family != "" && slices.Contains(a.Words, b.Family))
}

// authorsDisagree: both records list authors and no family name is shared.
func authorsDisagree(a, b []Name) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if sameFamily(x, y) {
				return false
			}
		}
	}
	return true
}

// authorsAgree: the first authors share a family name, or most of the
// shorter list's authors have a family name in the other list.
func authorsAgree(a, b []Name) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if sameFamily(a[0], b[0]) {
		return true
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	matched := 0
	for _, x := range a {
		for _, y := range b {
			if sameFamily(x, y) {
				matched++
				break
			}
		}
	}
	return 2*matched > len(a)
}

func familyList(ns []Name) string {
	var fs []string
	for _, n := range ns {
		fs = append(fs, n.Family)
	}
	return strings.Join(fs, ", ")
}

// Papers is the answer of ResolvePapers, in the indices of its
// input.
type Papers struct {
	Clusters []PaperCluster // ordered by smallest member
	Refusals []Refusal      // ordered by Record, then reason
}

// PaperCluster is one paper: the records that describe it.
type PaperCluster struct {
	Members []int  // ascending
	Why     string // why the members are one paper; "" for a single record
	// Apart marks a record kept out of the paper (or papers) whose
	// identifiers it carries, because joining would put two papers in one.
	Apart bool
}

// Refusal is a join the rules would have made and did not.
type Refusal struct {
	Record int   // the record kept apart
	Others []int // the records it was not joined with
	Reason string
}

// ResolvePapers applies the paper identity rules (ontology/msckg.ttl,
// "Identity"):
//
//  1. Records sharing a DOI, PMID or PMCID are one paper, unless the
//     joined records would carry two different DOIs, PMIDs or PMCIDs. In
//     such a group, a record whose identifiers belong to two groups that
//     conflict (a page carrying one paper's DOI and another's PMCID) is
//     kept apart; failing that, the records carrying an identifier value
//     fewer records of the group carry (all of them on a tie) are.
//  2. A record with no identifier joins the one paper whose record has
//     the same normalised title and a compatible year: the same year with
//     author lists that do not disagree (some family name shared, or one
//     list missing), or a year missing on one side with author lists that
//     agree (first author, or most authors). A title matching several
//     papers joins none.
//  3. Identifier-less records that join no paper join each other under
//     the same test, never putting two years or two disagreeing author
//     lists in one paper.
//  4. Records with neither title nor identifier (abstracts read alone)
//     are one paper when their abstracts are the same text, and join
//     nothing else.
//
// The answer depends only on the set of records, not on their order.
func ResolvePapers(keys []Record) Papers {
	// Work in a canonical order so that ties fall the same way whatever
	// order the caller gave; indices are mapped back at the end.
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	canon := make([]string, len(keys))
	for i, k := range keys {
		canon[i] = fmt.Sprintf("%s\x00%s\x00%s\x00%s\x00%s\x00%d\x00%s\x00%s", k.Label, k.DOI, k.PMID, k.PMCID, k.Title, k.Year, familyList(k.Authors), k.Abstract)
	}
	sort.SliceStable(order, func(i, j int) bool { return canon[order[i]] < canon[order[j]] })
	ks := make([]Record, len(keys))
	for i, o := range order {
		ks[i] = keys[o]
	}
	r := &resolver{keys: ks, uf: newUnionFind(len(ks)), apart: map[int]bool{}, joinedBy: map[int]string{}}
	r.byIdentifiers()
	r.byTitle()
	r.byAbstract()
	return r.result(order)
}

// byAbstract joins records that have neither title nor identifier and the
// same abstract: two copies of one abstract read alone are one paper.
// Nothing else names them, so they join nothing else.
func (r *resolver) byAbstract() {
	first := map[string]int{}
	for i := range r.keys {
		a := r.keys[i].Abstract
		if a == "" || r.keys[i].Title != "" || len(r.keys[i].ids()) > 0 {
			continue
		}
		j, seen := first[a]
		if !seen {
			first[a] = i
			continue
		}
		r.uf.union(i, j)
		r.joinedBy[i] = fmt.Sprintf("%s joined %s by the same abstract (neither has a title or an identifier)", r.keys[i].Label, r.keys[j].Label)
	}
}

type resolver struct {
	keys     []Record
	uf       *unionFind
	apart    map[int]bool   // records kept out of their identifier group
	joinedBy map[int]string // identifier-less record → how it joined by title
	refusals []Refusal
}

// conflict describes two values of one identifier among the records, or
// is "" when there are none.
func (r *resolver) conflict(members []int) string {
	for _, kind := range [...]string{"doi", "pmid", "pmcid"} {
		seen := map[string]bool{}
		var vals []string
		for _, i := range members {
			v := r.id(i, kind)
			if v != "" && !seen[v] {
				seen[v] = true
				vals = append(vals, v)
			}
		}
		if len(vals) > 1 {
			sort.Strings(vals)
			return kind + " " + strings.Join(vals, " and ")
		}
	}
	return ""
}

func (r *resolver) id(i int, kind string) string {
	switch kind {
	case "doi":
		return r.keys[i].DOI
	case "pmid":
		return r.keys[i].PMID
	}
	return r.keys[i].PMCID
}

// components groups members by shared identifiers.
func (r *resolver) components(members []int) [][]int {
	uf := newUnionFind(len(members))
	uf.unionByKeys(len(members), func(i int) []string { return r.keys[members[i]].ids() })
	var out [][]int
	for _, g := range uf.groups() {
		c := make([]int, len(g))
		for i, j := range g {
			c[i] = members[j]
		}
		out = append(out, c)
	}
	return out
}

func (r *resolver) byIdentifiers() {
	var withIDs []int
	for i := range r.keys {
		if len(r.keys[i].ids()) > 0 {
			withIDs = append(withIDs, i)
		}
	}
	pending := r.components(withIDs)
	for len(pending) > 0 {
		c := pending[0]
		pending = pending[1:]
		why := r.conflict(c)
		if why == "" {
			for _, i := range c[1:] {
				r.uf.union(c[0], i)
			}
			continue
		}
		out := r.bridges(c, why)
		if len(out) == 0 {
			out = r.minority(c)
		}
		var rest []int
		for _, i := range c {
			if !out[i] {
				rest = append(rest, i)
			}
		}
		pending = append(pending, r.components(rest)...)
	}
}

// bridges finds the records of a conflicting group whose identifiers are
// all that holds two conflicting parts of it together, keeps them apart
// and reports each with the records it would have joined.
func (r *resolver) bridges(c []int, why string) map[int]bool {
	out := map[int]bool{}
	for _, b := range c {
		var rest []int
		for _, i := range c {
			if i != b {
				rest = append(rest, i)
			}
		}
		var touched [][]int
		var reps []int
		for _, part := range r.components(rest) {
			if rep, ok := r.sharesID(b, part); ok {
				touched = append(touched, part)
				reps = append(reps, rep)
			}
		}
		if len(touched) < 2 {
			continue
		}
		var joined []int
		for _, part := range touched {
			joined = append(joined, part...)
		}
		conflict := r.conflict(joined)
		if conflict == "" {
			continue
		}
		out[b] = true
		var says []string
		for _, rep := range reps {
			says = append(says, fmt.Sprintf("%s with %s", r.shared(b, rep), r.keys[rep].Label))
		}
		r.refuse(b, reps, fmt.Sprintf("it shares %s, which are different papers (%s)", strings.Join(says, " and "), conflict))
	}
	return out
}

// minority keeps apart, for the first identifier with two values in the
// group, the records whose value fewer records carry; on a tie, every
// record carrying a value of it.
func (r *resolver) minority(c []int) map[int]bool {
	out := map[int]bool{}
	for _, kind := range [...]string{"doi", "pmid", "pmcid"} {
		count := map[string]int{}
		for _, i := range c {
			if v := r.id(i, kind); v != "" {
				count[v]++
			}
		}
		if len(count) < 2 {
			continue
		}
		best, tie := "", false
		for v, n := range count {
			switch {
			case best == "" || n > count[best]:
				best, tie = v, false
			case n == count[best]:
				tie = true
			}
		}
		for _, i := range c {
			v := r.id(i, kind)
			if v == "" || (!tie && v == best) {
				continue
			}
			out[i] = true
			var others []int
			for _, j := range c {
				if w := r.id(j, kind); j != i && w != "" && w != v {
					if _, ok := r.sharesID(i, []int{j}); ok {
						others = append(others, j)
					}
				}
			}
			if len(others) == 0 {
				for _, j := range c {
					if w := r.id(j, kind); j != i && w != "" && w != v {
						others = append(others, j)
					}
				}
			}
			reason := fmt.Sprintf("its %s %s differs from %s %s", kind, v, kind, best)
			if tie {
				reason = fmt.Sprintf("records sharing an identifier give different %ss and none is carried by more records", kind)
			} else {
				reason += fmt.Sprintf(" (carried by %d record(s) of the group)", count[best])
			}
			r.refuse(i, others, reason)
		}
		return out
	}
	return out
}

// sharesID returns a record of part that shares an identifier with b.
func (r *resolver) sharesID(b int, part []int) (int, bool) {
	for _, i := range part {
		if r.shared(b, i) != "" {
			return i, true
		}
	}
	return 0, false
}

// shared names the identifiers two records share.
func (r *resolver) shared(a, b int) string {
	var out []string
	for _, kind := range [...]string{"doi", "pmid", "pmcid"} {
		if v := r.id(a, kind); v != "" && v == r.id(b, kind) {
			out = append(out, kind+" "+v)
		}
	}
	return strings.Join(out, ", ")
}

// refuse keeps rec out of its identifier group and says why.
func (r *resolver) refuse(rec int, others []int, reason string) {
	r.apart[rec] = true
	r.refusals = append(r.refusals, Refusal{Record: rec, Others: others, Reason: reason})
}

// titleMatch says whether two records with the same normalised title are
// one paper by year and authors; refused says why not, when the rules
// expect a join (same year) and the authors forbid it.
func titleMatch(a, b *Record) (ok bool, how, refused string) {
	if a.Title == "" || a.Title != b.Title {
		return false, "", ""
	}
	switch {
	case a.Year != 0 && b.Year != 0 && a.Year != b.Year:
		return false, "", ""
	case a.Year == b.Year:
		if authorsDisagree(a.Authors, b.Authors) {
			return false, "", fmt.Sprintf("same title and %s but no author in common (%s; %s)", yearText(a.Year), familyList(a.Authors), familyList(b.Authors))
		}
		return true, "the same title and " + yearText(a.Year), ""
	default: // one year missing: the authors must vouch for it
		if authorsAgree(a.Authors, b.Authors) {
			return true, "the same title, a year missing on one side, and the same authors", ""
		}
		return false, "", ""
	}
}

func (r *resolver) byTitle() {
	var idless []int
	byTitle := map[string][]int{}
	for i := range r.keys {
		k := &r.keys[i]
		if k.Title == "" {
			continue
		}
		if len(k.ids()) == 0 {
			idless = append(idless, i)
		} else if !r.apart[i] {
			byTitle[k.Title] = append(byTitle[k.Title], i)
		}
	}
	// Identifier groups as they stand before any title join, so that one
	// identifier-less record's join does not change another's candidates.
	root := map[int]int{}
	for _, list := range byTitle {
		for _, i := range list {
			root[i] = r.uf.find(i)
		}
	}
	var free []int
	for _, i := range idless {
		type match struct {
			rec int
			how string
		}
		cands := map[int]match{} // group root → its first matching record
		blocked := map[int]bool{}
		for _, j := range byTitle[r.keys[i].Title] {
			ok, how, refused := titleMatch(&r.keys[i], &r.keys[j])
			switch {
			case refused != "":
				blocked[root[j]] = true
				r.refusals = append(r.refusals, Refusal{Record: i, Others: []int{j}, Reason: refused})
			case ok:
				if _, seen := cands[root[j]]; !seen {
					cands[root[j]] = match{j, how}
				}
			}
		}
		for g := range blocked {
			delete(cands, g)
		}
		switch len(cands) {
		case 0:
			free = append(free, i)
		case 1:
			for g, m := range cands {
				r.uf.union(i, g)
				r.joinedBy[i] = fmt.Sprintf("%s joined %s by %s", r.keys[i].Label, r.keys[m.rec].Label, m.how)
			}
		default:
			var others []int
			for _, m := range cands {
				others = append(others, m.rec)
			}
			sort.Ints(others)
			r.refusals = append(r.refusals, Refusal{Record: i, Others: others,
				Reason: "its title matches several papers: it joins none"})
		}
	}
	// Identifier-less records among themselves, pairs in canonical order,
	// a join refused when the groups would hold two years or two author
	// lists that disagree.
	groups := map[int][]int{}
	freeByTitle := map[string][]int{}
	for _, i := range free {
		groups[i] = []int{i}
		freeByTitle[r.keys[i].Title] = append(freeByTitle[r.keys[i].Title], i)
	}
	for _, i := range free {
		same := freeByTitle[r.keys[i].Title]
		for _, j := range same[sort.SearchInts(same, i+1):] {
			gi, gj := r.uf.find(i), r.uf.find(j)
			if gi == gj {
				continue
			}
			ok, how, refused := titleMatch(&r.keys[i], &r.keys[j])
			if refused != "" {
				r.refusals = append(r.refusals, Refusal{Record: j, Others: []int{i}, Reason: refused})
			}
			if !ok {
				continue
			}
			if why := r.groupClash(groups[gi], groups[gj]); why != "" {
				r.refusals = append(r.refusals, Refusal{Record: j, Others: []int{i}, Reason: why})
				continue
			}
			r.uf.union(i, j)
			g := r.uf.find(i)
			merged := append(append([]int{}, groups[gi]...), groups[gj]...)
			delete(groups, gi)
			delete(groups, gj)
			groups[g] = merged
			r.joinedBy[j] = fmt.Sprintf("%s joined %s by %s", r.keys[j].Label, r.keys[i].Label, how)
		}
	}
}

// groupClash says why two groups of identifier-less records cannot be one
// paper: two known years, or two author lists that disagree.
func (r *resolver) groupClash(a, b []int) string {
	for _, i := range a {
		for _, j := range b {
			x, y := &r.keys[i], &r.keys[j]
			if x.Year != 0 && y.Year != 0 && x.Year != y.Year {
				return fmt.Sprintf("joining would give one paper the years %d and %d (%s)", x.Year, y.Year, x.Label)
			}
			if authorsDisagree(x.Authors, y.Authors) {
				return fmt.Sprintf("joining would give one paper author lists with no name in common (%s: %s; %s: %s)",
					x.Label, familyList(x.Authors), y.Label, familyList(y.Authors))
			}
		}
	}
	return ""
}

// result maps the canonical indices back to the caller's.
func (r *resolver) result(order []int) Papers {
	var res Papers
	for _, g := range r.uf.groups() {
		c := PaperCluster{Apart: len(g) == 1 && r.apart[g[0]]}
		if len(g) > 1 {
			c.Why = r.why(g)
		}
		for _, i := range g {
			c.Members = append(c.Members, order[i])
		}
		sort.Ints(c.Members)
		res.Clusters = append(res.Clusters, c)
	}
	sort.Slice(res.Clusters, func(i, j int) bool { return res.Clusters[i].Members[0] < res.Clusters[j].Members[0] })
	for _, f := range r.refusals {
		f.Record = order[f.Record]
		others := make([]int, len(f.Others))
		for i, o := range f.Others {
			others[i] = order[o]
		}
		f.Others = others
		res.Refusals = append(res.Refusals, f)
	}
	sort.SliceStable(res.Refusals, func(i, j int) bool {
		a, b := res.Refusals[i], res.Refusals[j]
		if a.Record != b.Record {
			return a.Record < b.Record
		}
		return a.Reason < b.Reason
	})
	return res
}

// why names the identifiers a group's records share, and how each
// identifier-less record joined by title.
func (r *resolver) why(g []int) string {
	count := map[string]int{}
	var order []string
	for _, i := range g {
		for _, k := range r.keys[i].ids() {
			if count[k] == 0 {
				order = append(order, k)
			}
			count[k]++
		}
	}
	var shared []string
	for _, k := range order {
		if count[k] > 1 {
			shared = append(shared, strings.Replace(k, ":", " ", 1))
		}
	}
	var parts []string
	if len(shared) > 0 {
		parts = append(parts, "shared "+strings.Join(shared, ", "))
	}
	for _, i := range g {
		if s, ok := r.joinedBy[i]; ok {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

// yearText is a year for a reason.
func yearText(y int) string {
	if y == 0 {
		return "no year on either side"
	}
	return "year " + strconv.Itoa(y)
}
