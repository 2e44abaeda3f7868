package identity

import (
	"reflect"
	"strings"
	"testing"
)

// TestResolvePeople: the person rules on author positions alone, with the
// names of the seed papers' authors.
func TestResolvePeople(t *testing.T) {
	wang := func(paper int, orcid string, affs ...Affiliation) Position {
		return Position{Paper: paper, PaperIRI: "p" + string(rune('0'+paper)), Name: "wang|wei|", Display: "Wei Wang", ORCID: orcid, Affiliations: affs}
	}
	mu := func(paper int) Position {
		return Position{Paper: paper, PaperIRI: "p" + string(rune('0'+paper)), Name: "mu|yan|", Display: "Yan Mu"}
	}
	tests := []struct {
		name    string
		slots   []Position
		members [][]int
		reason  string // words the joined cluster's reason has; "" when none is joined
	}{
		{"a shared name alone is two people",
			[]Position{wang(0, ""), wang(1, "")}, [][]int{{0}, {1}}, ""},
		{"a shared co-author joins",
			[]Position{wang(0, ""), mu(0), wang(1, ""), mu(1)}, [][]int{{0, 2}, {1, 3}}, "shared co-author, Yan Mu"},
		{"a shared affiliation joins",
			[]Position{wang(0, "", Affiliation{"Nanjing University Medical School", "nanjing university medical school"}), wang(1, "", Affiliation{"Nanjing  University Medical School.", "nanjing university medical school"})},
			[][]int{{0, 1}}, `shared affiliation, "Nanjing  University Medical School."`},
		{"one ORCID joins without a name corroboration",
			[]Position{wang(0, "0000-0002-1825-0097"), wang(1, "0000-0002-1825-0097")}, [][]int{{0, 1}}, "ORCID 0000-0002-1825-0097 on p0"},
		{"two positions of one author list are two people (Scheinberg P, …, Scheinberg P)",
			[]Position{wang(0, ""), mu(0), wang(0, "")}, [][]int{{0}, {1}, {2}}, ""},
		{"two ORCIDs stay two people whatever else they share",
			[]Position{wang(0, "0000-0002-1825-0097"), mu(0), wang(1, "0000-0001-5109-3700"), mu(1)}, [][]int{{0}, {1, 3}, {2}}, "shared co-author, Wei Wang"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ResolvePeople(tc.slots)
			var members [][]int
			var reasons []string
			for _, c := range got {
				members = append(members, c.Members)
				reasons = append(reasons, c.Reasons...)
			}
			if !reflect.DeepEqual(members, tc.members) {
				t.Errorf("clusters %v, want %v", members, tc.members)
			}
			all := strings.Join(reasons, " | ")
			if (tc.reason == "") != (all == "") || !strings.Contains(all, tc.reason) {
				t.Errorf("reasons %q, want one with %q", all, tc.reason)
			}
		})
	}
}
