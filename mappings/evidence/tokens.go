package evidence

import (
	"strings"
	"unicode"
)

// token is a run of letters and digits in a field's text. Words are what
// the lexicon and the cue patterns match; numbers are read separately by
// FindQuantities.
type token struct {
	Start, End int    // code-point offsets in the field
	Text       string // as written
	Plain      string // accents removed, case kept
	Fold       string // lower-cased, accents removed
	SoftBefore bool   // only spaces, hyphens, apostrophes or dots separate it from the previous token
}

// tokenize splits runes into tokens.
func tokenize(rs []rune) []token {
	var out []token
	soft := false
	for i := 0; i < len(rs); {
		r := rs[i]
		if !isWordRune(r) {
			if !isSoftSep(r) {
				soft = false
			}
			i++
			continue
		}
		j := i
		for j < len(rs) && isWordRune(rs[j]) {
			j++
		}
		text := string(rs[i:j])
		out = append(out, token{Start: i, End: j, Text: text, Plain: accentFolder.Replace(text), Fold: fold(text), SoftBefore: soft && len(out) > 0})
		soft = true
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isSoftSep reports whether r may sit inside a multi-word term:
// "cord-derived", "Gaucher's", "Henoch–Schönlein", "i.v.".
func isSoftSep(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '-', '\u2010', '\u2011', '\u2013', '\'', '\u2019', '.':
		return true
	}
	return false
}

var accentFolder = strings.NewReplacer(
	"Ö", "O", "Ü", "U", "Ä", "A", "É", "E",
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u",
	"ç", "c", "ñ", "n", "ß", "ss",
)

// fold lower-cases and removes accents, so "Schönlein" matches "Schonlein".
func fold(s string) string { return accentFolder.Replace(strings.ToLower(s)) }

// pluralOf reports whether word is the plural of stem ("MSCs", "therapies",
// "crises"), comparing exactly as given (callers fold first when the
// comparison is case-insensitive).
func pluralOf(word, stem string) bool {
	if len(stem) == 0 {
		return false
	}
	if word == stem+"s" || word == stem+"es" {
		return true
	}
	if strings.HasSuffix(stem, "y") && word == stem[:len(stem)-1]+"ies" {
		return true
	}
	return strings.HasSuffix(stem, "is") && word == stem[:len(stem)-2]+"es"
}

// singulars returns the forms word may be the plural of, for index lookups.
func singulars(word string) []string {
	var out []string
	if strings.HasSuffix(word, "ies") && len(word) > 4 {
		out = append(out, word[:len(word)-3]+"y")
	}
	if strings.HasSuffix(word, "es") && len(word) > 3 {
		out = append(out, word[:len(word)-2], word[:len(word)-2]+"is")
	}
	if strings.HasSuffix(word, "s") && len(word) > 2 {
		out = append(out, word[:len(word)-1])
	}
	return out
}

// runeSlice returns the text between two code-point offsets.
func runeSlice(rs []rune, start, end int) string {
	if start < 0 {
		start = 0
	}
	if end > len(rs) {
		end = len(rs)
	}
	if start >= end {
		return ""
	}
	return string(rs[start:end])
}

// byteToRune converts a byte offset in s into a code-point offset.
func byteToRune(s string, b int) int {
	if b > len(s) {
		b = len(s)
	}
	n := 0
	for i := range s {
		if i >= b {
			break
		}
		n++
	}
	return n
}
