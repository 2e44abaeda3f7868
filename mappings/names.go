package mappings

import (
	"strings"
	"unicode"
)

// NameOrder says how a format prints a personal name when it has no comma.
// A comma always separates family from given name, whatever the order.
type NameOrder int

const (
	// GivenFirst: "Xiaohua Wang", "Bo ZHANG", "X. Wang".
	GivenFirst NameOrder = iota
	// FamilyFirst: "Wang Xiaohua", MEDLINE's "Wang X".
	FamilyFirst
)

// particles are lower-case words that belong to the family name when
// they stand before it ("Vincent van Gogh" → family "van Gogh").
var particles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "del": true,
	"della": true, "di": true, "da": true, "dos": true, "das": true, "du": true,
	"la": true, "le": true, "ter": true, "ten": true, "zu": true, "al": true, "bin": true,
}

// collectiveWords mark a group author ("ITP Study Group").
var collectiveWords = []string{"group", "consortium", "committee", "investigators",
	"collaborative", "collaboration", "network", "society", "association", "working party"}

// ParseName splits a personal name as printed into family and given
// names, following the order the format declares:
//
//   - "Wang, Xiaohua" and "Wang,Xiaohua": family, given (any order);
//   - "Xiaohua Wang", "X. Wang": given, family (GivenFirst);
//   - "Bo ZHANG", "Xiang-Feng TANG": the ALL-CAPS word is the family
//     name, normalised to "Zhang", "Tang" (GivenFirst);
//   - "Wang X", "Wang XH": family, initials (FamilyFirst, or GivenFirst
//     when the last word is a lone initial);
//   - one word: a family name alone.
//
// AsWritten always keeps the text as printed (trimmed).
func ParseName(s string, order NameOrder) Author {
	s = strings.Trim(CleanText(s), " ,;")
	a := Author{AsWritten: s}
	if s == "" {
		return a
	}
	if isCollective(s) {
		a.Collective = true
		a.Family = s
		return a
	}
	if i := strings.IndexByte(s, ','); i >= 0 {
		a.Family = strings.TrimSpace(s[:i])
		a.Given = strings.Trim(strings.TrimSpace(s[i+1:]), ", ")
		if a.Family == "" { // ", Xiaohua": nothing to call a family name
			a.Family, a.Given = a.Given, ""
		}
		a.Family = unshout(a.Family)
		return a
	}
	words := strings.Fields(s)
	if len(words) == 1 {
		a.Family = unshout(words[0])
		return a
	}
	if order == GivenFirst {
		if i := shoutedWord(words); i >= 0 {
			a.Family = unshout(strings.Join(words[i:], " "))
			a.Given = strings.Join(words[:i], " ")
			return a
		}
		if isInitial(words[len(words)-1]) && !isInitial(words[0]) {
			order = FamilyFirst
		}
	}
	if order == FamilyFirst {
		// The given part is the trailing run of initials, or else every
		// word after the first ("Wang Xiaohua").
		i := len(words)
		for i > 1 && isInitials(words[i-1]) {
			i--
		}
		if i == len(words) {
			i = 1
		}
		a.Family = strings.Join(words[:i], " ")
		a.Given = strings.Join(words[i:], " ")
		return a
	}
	// GivenFirst: the last word is the family name, with any particles
	// standing before it.
	i := len(words) - 1
	for i > 1 && particles[words[i-1]] {
		i--
	}
	a.Family = strings.Join(words[i:], " ")
	a.Given = strings.Join(words[:i], " ")
	return a
}

func isCollective(s string) bool {
	low := strings.ToLower(s)
	for _, w := range collectiveWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// shoutedWord returns the index of the first ALL-CAPS word of two or more
// letters, when some other word is in mixed case; otherwise -1. Only
// then does capitalisation tell the family name apart.
func shoutedWord(words []string) int {
	first, mixed := -1, false
	for i, w := range words {
		letters, upper := 0, 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		switch {
		case letters >= 2 && upper == letters && !strings.Contains(w, "."):
			if first < 0 {
				first = i
			}
		case upper < letters:
			mixed = true
		}
	}
	if !mixed || first <= 0 {
		return -1
	}
	return first
}

// isInitial reports a single initial: "X" or "X.".
func isInitial(w string) bool {
	r := []rune(strings.TrimSuffix(w, "."))
	return len(r) == 1 && unicode.IsUpper(r[0])
}

// isInitials reports a run of initials as MEDLINE prints them: "X", "XH",
// "X.H.", "X-H".
func isInitials(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '-':
		default:
			return false
		}
	}
	return n >= 1 && n <= 3
}

// unshout turns an ALL-CAPS name into title case ("ZHANG" → "Zhang",
// "OUYANG-LI" → "Ouyang-Li") and leaves any other name alone.
func unshout(s string) string {
	hasLower := false
	for _, r := range s {
		if unicode.IsLower(r) {
			hasLower = true
			break
		}
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if hasLower || letters < 2 {
		return s
	}
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = !unicode.IsLetter(r)
	}
	return b.String()
}
