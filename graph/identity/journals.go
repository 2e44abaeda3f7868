package identity

// ResolveJournals applies the journal identity rules to the mentions'
// keys: a shared ISSN, the same normalised full title, the same
// abbreviation, or one entry of the known-journals table is one journal.
// It returns the groups of mentions, ordered by smallest member.
func ResolveJournals(keys [][]string) [][]int {
	uf := newUnionFind(len(keys))
	uf.unionByKeys(len(keys), func(i int) []string { return keys[i] })
	return uf.groups()
}
