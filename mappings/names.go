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
//   - "Wang Xiaohua", "van Gogh Vincent": family, given (FamilyFirst);
//   - "Wang X", "Wang XH": family, initials (FamilyFirst, or GivenFirst
//     when the last word is a run of initials);
//   - a family name in capitals is the family name wherever it stands
//     (see shoutedFamily): "WANG Xiaohua", "Bo ZHANG", "Xiang-Feng TANG";
//   - "Jr", "Sr", "II", "III", "IV", "2nd", "3rd" go to Suffix;
//   - "王晓华": family 王, given 晓华 (see splitHan);
//   - one word: a family name alone.
//
// Family names printed in capitals are normalised ("ZHOU" → "Zhou",
// "O'BRIEN" → "O'Brien", "VAN GOGH" → "van Gogh"); a family name in mixed
// case ("McDonald", "van Gogh") and the given name are kept as printed.
// AsWritten always keeps the text as printed (trimmed).
//
// Where nothing printed (a comma, Chinese script) says which is the
// family name, OrderReason says how it was decided: by capitals,
// initials, the words themselves (see voteOrder) or, failing all, the
// order the format declares.
func ParseName(s string, order NameOrder) Author {
	a, _ := parseName(s, order, nil)
	return a
}

// parseName is ParseName that also returns what the name's own words say
// about its order, for ParseNames to weigh against its list. A non-nil
// force is the order the list decided, used instead of the words' vote.
func parseName(s string, order NameOrder, force *NameOrder) (Author, orderVote) {
	var v orderVote
	s = strings.Trim(CleanText(s), " ,;")
	a := Author{AsWritten: s}
	if s == "" {
		return a, v
	}
	if isCollective(s) {
		a.Collective = true
		a.Family = s
		return a, v
	}
	parts := splitList(s, ",")
	parts, a.Suffix = suffixPart(parts)
	if len(parts) == 0 { // only commas and spaces left: keep what was printed
		a.Family = s
		return a, v
	}
	words := strings.Fields(parts[0])
	if len(parts) > 1 {
		// "Wang, Xiaohua"; "Smith Jr., John".
		if rest, suf := trailingSuffix(words); suf != "" && a.Suffix == "" {
			words, a.Suffix = rest, suf
		}
		a.Family = familyCase(strings.Join(words, " "))
		a.Given = strings.Join(parts[1:], ", ")
		return a, v
	}
	if rest, suf := trailingSuffix(words); suf != "" && a.Suffix == "" {
		words, a.Suffix = rest, suf
	}
	var family, given []string
	switch {
	case len(words) == 1 && isHan(words[0]):
		f, g := splitHan(words[0])
		a.Family, a.Given = f, g
		return a, v
	case len(words) == 1:
		family = words
	case allHan(words):
		// Chinese prints the family name first even in a given-first list.
		family, given = words[:1], words[1:]
		a.Family, a.Given = family[0], strings.Join(given, "")
		return a, v
	default:
		family, given, v = splitWords(words, order, force)
		a.OrderReason = v.reason
	}
	a.Family = familyCase(strings.Join(family, " "))
	a.Given = strings.Join(given, " ")
	return a, v
}

// splitWords splits a name of two or more words and no comma. The
// returned vote is what the words say about the order (for ParseNames);
// its reason is why this split was made.
func splitWords(words []string, order NameOrder, force *NameOrder) (family, given []string, v orderVote) {
	if lo, hi, ok := shoutedFamily(words, order); ok {
		given = append(append(given, words[:lo]...), words[hi:]...)
		v.reason = "family name in capitals"
		return words[lo:hi], given, v
	}
	if shortSurnameLast(words, order) {
		v.reason = "family name in capitals: " + words[len(words)-1] + " is a listed family name, not initials"
		return words[len(words)-1:], words[:len(words)-1], v
	}
	last := words[len(words)-1]
	initials := isInitials(last) && !isInitials(words[0])
	switch {
	case initials:
		order = FamilyFirst // "Wang XH", "Wang X" in a given-first list
		v.reason = "initials follow the family name"
	case force != nil:
		order = *force
	case len(words) == 2 && !isInitials(words[0]) && !particles[words[0]]:
		if v = voteOrder(words[0], words[1]); v.strength > undecided {
			order = v.order
			break
		}
		fallthrough
	default:
		if v.reason != "" {
			v.reason += "; "
		}
		v.reason += "source order: " + orderName(order)
	}
	if order == FamilyFirst {
		// The given part is the trailing run of initials ("Wang XH"), or
		// else everything after the family name and the particles before
		// it ("Wang Xiaohua", "van der Berg Jan").
		i := len(words)
		for i > 1 && isInitials(words[i-1]) {
			i--
		}
		if i == len(words) {
			i = 1
			for i < len(words) && particles[words[i-1]] {
				i++
			}
		}
		return words[:i], words[i:], v
	}
	// GivenFirst: the last word is the family name, with any particles
	// standing before it, in small letters or capitalised ("Van Lint"),
	// and a word joined to it by a particle ("Andrea E van der
	// Meulen-de Jong").
	i := len(words) - 1
	for i > 1 && (particles[strings.ToLower(words[i-1])] || endsInParticle(words[i-1])) {
		i--
	}
	return words[i:], words[:i], v
}

// endsInParticle: a hyphenated word whose last part is a particle
// ("Meulen-de"), which joins it to the family name that follows.
func endsInParticle(w string) bool {
	i := strings.LastIndex(w, "-")
	return i > 0 && particles[w[i+1:]]
}

// shoutedFamily finds a family name printed in capitals among words in
// mixed case, the convention of Chinese and French journals ("WANG
// Xiaohua", "Bo ZHANG", "Maria DE LA CRUZ"). It returns the run of words
// that make the family name: the capitalised word, the capitalised words
// next to it and any lower-case particles before it.
//
// A capitalised word is a family name when:
//   - it has four or more letters ("ZHANG", "DUPONT", "XIANG-FENG"),
//     wherever it stands; initials never run that long in practice. In a
//     family-first list this holds only for a romanised Chinese name
//     ("Yuqing ZHOU"), since MEDLINE-style initials may be long there.
//   - it has two or three letters, reads as a Pinyin syllable and every
//     other word is Pinyin too: "LI Na" → Li, "Na LI" → Li, "ZHANG Bo" →
//     Zhang. Otherwise it is initials: "Wang XH" → Wang, XH (XH is no
//     syllable); "AN Smith" → Smith, AN (Smith is not Pinyin).
//     In a family-first list a short capitalised word after the first is
//     always initials, as MEDLINE prints them.
//
// So "Li NA" is Na, Li in a given-first list (the list shouts family
// names, and Na is one) but Li, NA in a family-first list (MEDLINE
// initials). The case alone cannot tell them apart; the format's order
// decides, as for any other name.
func shoutedFamily(words []string, order NameOrder) (lo, hi int, ok bool) {
	mixed := false
	for _, w := range words {
		if hasLower(w) {
			mixed = true
			break
		}
	}
	if !mixed {
		return 0, 0, false // all capitals, or all initials: case says nothing
	}
	for i, w := range words {
		if !isShouted(w) || !shoutedIsFamily(words, i, order) {
			continue
		}
		lo, hi = i, i+1
		for hi < len(words) && isShouted(words[hi]) {
			hi++
		}
		for lo > 0 && (isShouted(words[lo-1]) || particles[words[lo-1]]) {
			lo--
		}
		return lo, hi, true
	}
	return 0, 0, false
}

func shoutedIsFamily(words []string, i int, order NameOrder) bool {
	w := words[i]
	long := letterCount(w) >= 4
	if order == FamilyFirst {
		return i == 0 || long && isPinyin(w)
	}
	if long {
		return true
	}
	if !isPinyin(w) {
		return false
	}
	for j, o := range words {
		if j != i && !particles[o] && !isPinyin(o) {
			return false
		}
	}
	return true
}

// shortSurnameLast: a given-first name ending in a short listed family
// name in capitals ("Sue Youn KIM", "Yoon Sung JO", Korean journals on
// WPRIM), which would otherwise read as initials. Initials follow one
// family name ("Smith JA": JA is no family name; "Park JO": Park is one),
// so a single word before it must be no listed family name.
func shortSurnameLast(words []string, order NameOrder) bool {
	n := len(words)
	last := words[n-1]
	if order != GivenFirst || n < 2 || !isShouted(last) || surnameOf(last) == notSurname {
		return false
	}
	for _, w := range words[:n-1] {
		if !hasLower(w) || isInitials(w) {
			return false
		}
	}
	return n >= 3 || surnameOf(words[0]) == notSurname
}

// isShouted: a word of two or more letters, all capitals, no dots
// ("ZHANG", "XIANG-FENG", "XH"; not "X.H." or "X").
func isShouted(w string) bool {
	return letterCount(w) >= 2 && !hasLower(w) && !strings.Contains(w, ".")
}

func letterCount(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func allHan(words []string) bool {
	for _, w := range words {
		if !isHan(w) {
			return false
		}
	}
	return true
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

// isSuffix reports a generational suffix. "JR" in capitals is left out
// (MEDLINE initials J.R.), and a Roman numeral counts only beside two
// other words, since "Smith II" may be initials.
func isSuffix(w string, others int) bool {
	switch w {
	case "Jr", "Jr.", "jr", "jr.", "Sr", "Sr.", "sr", "sr.", "2nd", "3rd", "4th":
		return others >= 1
	case "II", "III", "IV":
		return others >= 2
	}
	return false
}

// suffixPart takes a suffix printed between commas ("Smith, John, Jr.",
// "Smith, Jr., John") out of the comma-separated parts.
func suffixPart(parts []string) (rest []string, suffix string) {
	if len(parts) < 2 {
		return parts, ""
	}
	words := 0
	for _, p := range parts {
		words += len(strings.Fields(p))
	}
	for i := 1; i < len(parts); i++ {
		if isSuffix(parts[i], words-1) {
			return append(parts[:i:i], parts[i+1:]...), parts[i]
		}
	}
	return parts, ""
}

// trailingSuffix takes a suffix off the end of a name ("John Smith Jr").
func trailingSuffix(words []string) (rest []string, suffix string) {
	if n := len(words); n > 1 && isSuffix(words[n-1], n-1) {
		return words[:n-1], words[n-1]
	}
	return words, ""
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

// familyCase turns the capitalised words of a family name into title
// case, part by part ("ZHANG" → "Zhang", "OUYANG-LI" → "Ouyang-Li",
// "O'BRIEN" → "O'Brien"), writes a capitalised particle before the name
// in lower case ("VAN GOGH" → "van Gogh") and leaves every other word as
// printed ("McDonald", "van", "X").
func familyCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if !isShouted(w) {
			continue
		}
		if low := strings.ToLower(w); particles[low] && i < len(words)-1 {
			words[i] = low
			continue
		}
		words[i] = titleCase(w)
	}
	return strings.Join(words, " ")
}

// titleCase capitalises the first letter after every non-letter and
// lowers the rest.
func titleCase(w string) string {
	var b strings.Builder
	start := true
	for _, r := range w {
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = !unicode.IsLetter(r)
	}
	return b.String()
}
