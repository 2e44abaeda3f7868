package mappings

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// hanCompoundSurnames are the two-character Chinese family names
// (tables/han-compound-surnames.txt), simplified and traditional.
var hanCompoundSurnames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, r := range readTable("han-compound-surnames.txt") {
		m[strings.TrimSpace(r[0])] = true
	}
	return m
})

// isHan reports a word written wholly in Chinese characters.
func isHan(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// splitHan splits a Chinese name printed without a space, family first
// as Chinese always prints it: "王晓华" → 王 + 晓华, "欧阳修" → 欧阳 + 修.
// Two and three characters follow the common pattern (one-character
// family name unless the name starts with a known compound one); four
// characters are split only after a compound family name ("司马相如").
// Anything else (a four-character name such as "张王晓华", which may carry
// a double family name, or a Japanese name written in kanji with a
// two-character family name) stays whole as the family name: guessing
// would invent a family name the source never gave.
func splitHan(w string) (family, given string) {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 4 || hanCompoundSurnames()[w] {
		return w, ""
	}
	r := []rune(w)
	if hanCompoundSurnames()[string(r[:2])] {
		return string(r[:2]), string(r[2:])
	}
	if n == 4 {
		return w, ""
	}
	return string(r[:1]), string(r[1:])
}
