package mappings

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
)

// How a two-word name printed without a comma ("Zhang Hang", "Hang
// Zhang", "Xiao HaoWen") is split. Chinese names reach us in both orders,
// often in one list, and the source's declared order is wrong for many of
// them; the words themselves usually say which is the family name.

// surnameUse grades how surely a word is a family name
// (tables/surnames.tsv).
type surnameUse int

const (
	notSurname  surnameUse = iota
	weakSurname            // also a common English word or given name ("Kim", "Lee")
	alsoGiven              // as common in given names ("Wei", "Li")
	familyOnly             // almost never a given name ("Zhang")
)

var surnameTable = sync.OnceValue(func() map[string]surnameUse {
	uses := map[string]surnameUse{"weak": weakSurname, "also-given": alsoGiven, "family": familyOnly}
	m := map[string]surnameUse{}
	for _, r := range readTable("surnames.tsv") {
		u := uses[r[2]] // checked against the table's spec when loaded
		m[strings.ToLower(r[1])] = max(m[strings.ToLower(r[1])], u)
	}
	return m
})

func surnameOf(w string) surnameUse {
	return surnameTable()[strings.ToLower(w)]
}

// voteStrength says how far a name's own words decide its order.
type voteStrength int

const (
	undecided voteStrength = iota
	// medium: a word that is also a given name against one that is no
	// family name ("Li Na"); the rest of the list may overrule it.
	medium
	// strong: a given name by its shape, or a family-only name against a
	// word that is none.
	strong
)

// orderVote is what a name's words say about its order.
type orderVote struct {
	order     NameOrder
	strength  voteStrength
	eastAsian bool   // a listed family name, all Pinyin or all romaji: may follow its list
	reason    string // why, or why nothing was decided
}

// voteOrder reads a two-word name without comma, capitals or initials.
func voteOrder(a, b string) orderVote {
	sa, sb := surnameOf(a), surnameOf(b)
	v := orderVote{eastAsian: sa > notSurname || sb > notSurname || isPinyin(a) && isPinyin(b) || isRomaji(a) && isRomaji(b)}
	ga, gb := givenShape(a, sb), givenShape(b, sa)
	switch {
	case gb != "" && ga == "":
		return orderVote{FamilyFirst, strong, true, fmt.Sprintf("%s is a given name (%s)", b, gb)}
	case ga != "" && gb == "":
		return orderVote{GivenFirst, strong, true, fmt.Sprintf("%s is a given name (%s)", a, ga)}
	case sa == familyOnly && sb < familyOnly && sb != weakSurname:
		return orderVote{FamilyFirst, strengthAgainst(sb), true, familyReason(a, b, sb)}
	case sb == familyOnly && sa < familyOnly && sa != weakSurname:
		return orderVote{GivenFirst, strengthAgainst(sa), true, familyReason(b, a, sa)}
	case sa == alsoGiven && sb == notSurname && isPinyin(b):
		return orderVote{FamilyFirst, medium, true, fmt.Sprintf("%s may be a family name, %s is none", a, b)}
	case sb == alsoGiven && sa == notSurname && isPinyin(a):
		return orderVote{GivenFirst, medium, true, fmt.Sprintf("%s may be a family name, %s is none", b, a)}
	case sa > notSurname && sb > notSurname:
		v.reason = fmt.Sprintf("ambiguous: %s and %s are both family names", a, b)
	case sa > notSurname:
		v.reason = fmt.Sprintf("ambiguous: %s is a family name, %s is not romanised Chinese", a, b)
	case sb > notSurname:
		v.reason = fmt.Sprintf("ambiguous: %s is a family name, %s is not romanised Chinese", b, a)
	}
	return v
}

// strengthAgainst: a family-only name decides against a word that is no
// family name; against one that is a family name too, if more often a
// given name ("Qin Han": Han is also 韩), the rest of the list may
// overrule it.
func strengthAgainst(other surnameUse) voteStrength {
	if other == alsoGiven {
		return medium
	}
	return strong
}

func familyReason(family, given string, givenUse surnameUse) string {
	if givenUse == alsoGiven {
		return fmt.Sprintf("%s is a family name, %s more often a given name", family, given)
	}
	return fmt.Sprintf("%s is a family name, %s is not", family, given)
}

// romancePrefixes start Western family names written in CamelCase
// ("DeLong", "LaRue", "McDonald"), which are not Pinyin given names.
var romancePrefixes = map[string]bool{"de": true, "di": true, "da": true, "du": true, "la": true,
	"le": true, "lo": true, "mc": true, "mac": true, "van": true, "von": true, "o": true}

// givenShape names the shape that makes w a given name, or "": CamelCase
// Pinyin ("HaoWen", "ZengHui"), hyphenated Pinyin ("Xiao-Hua",
// "Yao-hua"), or, beside a listed family name, any hyphenated pair of
// short syllables ("Ji-Hoon", "Min-Su").
func givenShape(w string, other surnameUse) string {
	if parts := camelParts(w); len(parts) >= 2 && !romancePrefixes[strings.ToLower(parts[0])] {
		for _, p := range parts {
			if !isPinyin(p) {
				return ""
			}
		}
		return "CamelCase Pinyin"
	}
	parts := strings.Split(w, "-")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" || surnameOf(parts[0]) == familyOnly {
		return "" // "Ouyang-Li": a double family name, not a given name
	}
	if isPinyin(parts[0]) && isPinyin(parts[1]) {
		return "hyphenated Pinyin"
	}
	if other > notSurname && len(parts[0]) <= 4 && len(parts[1]) <= 4 && isWord(parts[0]) && isWord(parts[1]) {
		return "hyphenated syllables"
	}
	return ""
}

// camelParts splits a word of letters at its capitals: "HaoWen" → Hao,
// Wen. A word with no inner capital gives one part.
func camelParts(w string) []string {
	var parts []string
	start := 0
	for i, r := range w {
		if !unicode.IsLetter(r) {
			return nil
		}
		if i > 0 && unicode.IsUpper(r) {
			parts = append(parts, w[start:i])
			start = i
		}
	}
	if w == "" || !unicode.IsUpper([]rune(w)[0]) {
		return nil
	}
	return append(parts, w[start:])
}

func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

func orderName(o NameOrder) string {
	if o == FamilyFirst {
		return "family name first"
	}
	return "given name first"
}

// ParseNames parses one list of names as printed, in one order the
// format declares. Beyond ParseName, the list decides what a name cannot
// decide alone: a name whose words are ambiguous ("Pang Yan": both family
// names) or only weakly decided follows the order the list's clearly
// decided names agree on, when at least two of them do and at least two
// in three agree ("Pang Yan, Xiao HaoWen, Zhang Hang, Liu ZengHui" is
// family first throughout). Each Author's OrderReason says why.
func ParseNames(names []string, order NameOrder) []Author {
	out := make([]Author, 0, len(names))
	votes := make([]orderVote, 0, len(names))
	for _, n := range names {
		a, v := parseName(n, order, nil)
		out = append(out, a)
		votes = append(votes, v)
	}
	strongOrder, strongOK := listOrder(votes, strong)
	anyOrder, anyOK := listOrder(votes, medium)
	for i, v := range votes {
		var follow NameOrder
		var why string
		switch {
		case v.strength == medium && strongOK && strongOrder != v.order:
			follow, why = strongOrder, v.reason+", but"
		case v.strength == undecided && v.eastAsian && anyOK:
			follow, why = anyOrder, v.reason+";"
		default:
			continue
		}
		f := follow
		a, _ := parseName(names[i], order, &f)
		agree, all := countVotes(votes, follow, max(v.strength+1, medium))
		a.OrderReason = fmt.Sprintf("%s follows the list (%d of %d decided names %s)", why, agree, all, orderName(follow))
		out[i] = a
	}
	return out
}

// listOrder is the order at least two names decided at least as surely
// as min agree on, two in three at least.
func listOrder(votes []orderVote, min voteStrength) (NameOrder, bool) {
	for _, o := range []NameOrder{FamilyFirst, GivenFirst} {
		agree, all := countVotes(votes, o, min)
		if agree >= 2 && agree*3 >= all*2 {
			return o, true
		}
	}
	return GivenFirst, false
}

func countVotes(votes []orderVote, o NameOrder, min voteStrength) (agree, all int) {
	for _, v := range votes {
		if v.strength >= min {
			all++
			if v.order == o {
				agree++
			}
		}
	}
	return agree, all
}
