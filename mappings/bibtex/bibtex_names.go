package bibtex

import (
	"strings"

	"github.com/msckg/msckg/mappings"
)

// bibAuthors splits a BibTeX name list on " and " outside braces and
// parses each name: "Family, Given", "von Family, Jr, Given" and "Given
// Family" all work; a name wholly inside one pair of braces
// ("{ITP Study Group}") is a group, kept whole; "others" (et al.) is
// dropped.
func bibAuthors(raw string) []mappings.Author {
	var out []mappings.Author
	for _, name := range bibSplitNames(raw) {
		name = strings.TrimSpace(name)
		if name == "" || strings.EqualFold(name, "others") {
			continue
		}
		if bibWhollyBraced(name) {
			text := mappings.TeXToUnicode(name)
			if text != "" {
				out = append(out, mappings.Author{AsWritten: text, Family: text, Collective: true})
			}
			continue
		}
		parts := bibSplitTop(name, ',')
		asWritten := mappings.TeXToUnicode(name)
		var a mappings.Author
		switch len(parts) {
		case 1:
			a = mappings.ParseName(asWritten, mappings.GivenFirst)
		case 2:
			a = mappings.ParseName(mappings.TeXToUnicode(parts[0])+", "+mappings.TeXToUnicode(parts[1]), mappings.GivenFirst)
		default: // von Last, Jr, First
			a = mappings.ParseName(mappings.TeXToUnicode(parts[0])+", "+mappings.TeXToUnicode(strings.Join(parts[2:], ",")), mappings.GivenFirst)
			if a.Suffix == "" {
				a.Suffix = strings.TrimSpace(mappings.TeXToUnicode(parts[1]))
			}
		}
		if a.AsWritten == "" {
			continue
		}
		a.AsWritten = asWritten
		out = append(out, a)
	}
	return out
}

// bibSplitNames cuts on the word "and" (any case) between white space,
// outside braces.
func bibSplitNames(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case ' ', '\t', '\n', '\r':
			if depth != 0 || i+5 > len(s) || !strings.EqualFold(s[i+1:i+4], "and") {
				continue
			}
			if c := s[i+4]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				out = append(out, s[start:i])
				start = i + 5
				i += 4
			}
		}
	}
	return append(out, s[start:])
}

// bibSplitTop splits on sep outside braces.
func bibSplitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// bibWhollyBraced reports "{…}" where the first brace closes at the end,
// and the group is not a TeX accent such as {\"U}lrich.
func bibWhollyBraced(s string) bool {
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' || strings.HasPrefix(s, "{\\") {
		return false
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 && i != len(s)-1 {
				return false
			}
		}
	}
	return true
}
