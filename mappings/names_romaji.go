package mappings

import "strings"

// isRomaji: w is a romanised Japanese word (Hepburn): morae of an optional
// consonant (or shi, chi, tsu, fu, ji, a palatal "ky", "sh", "ch", "j" ...)
// and a vowel, a syllabic "n", and a doubled consonant before a mora
// ("Nagano", "Tomohiro", "Fujii", "Hattori", "Shin'ichi"). Like Pinyin, the
// shape alone decides nothing; it lets a name whose words are unknown
// follow the order its list's decided names agree on ("Nagano Tomohiro,
// ..., Kimura Maiko, ..., Takeuchi Makoto": family name first).
func isRomaji(w string) bool {
	w = strings.ToLower(strings.NewReplacer("'", "", "’", "", "-", "").Replace(w))
	if len(w) < 2 {
		return false
	}
	ok := make([]bool, len(w)+1)
	ok[0] = true
	for end := 1; end <= len(w); end++ {
		for start := max(0, end-4); start < end && !ok[end]; start++ {
			ok[end] = ok[start] && isMora(w[start:end], w, start)
		}
	}
	return ok[len(w)]
}

// isMora: m is one mora starting at byte start of w.
func isMora(m, w string, start int) bool {
	const vowels = "aiueo"
	switch {
	case len(m) == 1 && strings.Contains(vowels, m):
		return true
	case m == "n":
		return true // syllabic n ("Kenji", "Shin")
	case len(m) == 1:
		// a doubled consonant: "Hattori", "Nakkaya"
		return start+1 < len(w) && w[start+1] == m[0] && m[0] != 'n' && strings.IndexByte(vowels, m[0]) < 0
	}
	last := m[len(m)-1]
	if strings.IndexByte(vowels, last) < 0 {
		return false
	}
	onset := m[:len(m)-1]
	switch onset {
	case "k", "g", "s", "z", "t", "d", "n", "h", "b", "p", "m", "y", "r", "w", "f", "j",
		"sh", "ch", "ts",
		"ky", "gy", "ny", "hy", "by", "py", "my", "ry":
		return true
	}
	return false
}
