package identity

// unionFind groups items (by index) that share keys. Roots are always the
// smallest index of a group, so groups do not depend on the order in which
// unions happen once the items themselves are in a canonical order.
type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	switch {
	case ra == rb:
	case ra < rb:
		u.parent[rb] = ra
	default:
		u.parent[ra] = rb
	}
}

// unionByKeys joins every pair of items that share a key. keys(i) lists
// item i's keys; empty keys are ignored.
func (u *unionFind) unionByKeys(n int, keys func(i int) []string) {
	first := map[string]int{}
	for i := 0; i < n; i++ {
		for _, k := range keys(i) {
			if k == "" {
				continue
			}
			if j, ok := first[k]; ok {
				u.union(i, j)
			} else {
				first[k] = i
			}
		}
	}
}

// groups lists the members of each group, groups ordered by their smallest
// member, members ascending.
func (u *unionFind) groups() [][]int {
	idx := map[int]int{}
	var out [][]int
	for i := range u.parent {
		r := u.find(i)
		g, ok := idx[r]
		if !ok {
			g = len(out)
			idx[r] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], i)
	}
	return out
}
