package mappings

import (
	"strings"
	"sync"
)

// pinyinFinals lists, per Hanyu Pinyin initial, the finals it combines
// with ("" is the zero initial, "v" stands for ü). The table is a little
// generous (a few combinations no Mandarin word uses) because it only has
// to tell romanised Chinese names from initials such as "XH" or "JW".
var pinyinFinals = map[string]string{
	"":   "a o e ai ei ao ou an en ang eng er",
	"b":  "a o i u ai ei ao an en ang eng ie iao ian in ing",
	"p":  "a o i u ai ei ao ou an en ang eng ie iao ian in ing",
	"m":  "a o e i u ai ei ao ou an en ang eng ie iao iu ian in ing",
	"f":  "a o u ei ou an en ang eng",
	"d":  "a e i u ai ei ao ou an en ang eng ong ia ie iao iu ian ing uo ui uan un",
	"t":  "a e i u ai ao ou an ang eng ong ie iao ian ing uo ui uan un",
	"n":  "a e i u v ai ei ao ou an en ang eng ong ie iao iu ian in iang ing uo uan ve ue",
	"l":  "a o e i u v ai ei ao ou an ang eng ong ia ie iao iu ian in iang ing uo uan un ve ue",
	"g":  "a e u ai ei ao ou an en ang eng ong ua uo uai ui uan un uang",
	"k":  "a e u ai ei ao ou an en ang eng ong ua uo uai ui uan un uang",
	"h":  "a e u ai ei ao ou an en ang eng ong ua uo uai ui uan un uang",
	"j":  "i u ia ie iao iu ian in iang ing iong ue uan un",
	"q":  "i u ia ie iao iu ian in iang ing iong ue uan un",
	"x":  "i u ia ie iao iu ian in iang ing iong ue uan un",
	"zh": "a e i u ai ei ao ou an en ang eng ong ua uo uai ui uan un uang",
	"ch": "a e i u ai ao ou an en ang eng ong ua uo uai ui uan un uang",
	"sh": "a e i u ai ei ao ou an en ang eng ua uo uai ui uan un uang",
	"r":  "e i u ao ou an en ang eng ong ua uo ui uan un",
	"z":  "a e i u ai ei ao ou an en ang eng ong uo ui uan un",
	"c":  "a e i u ai ao ou an en ang eng ong uo ui uan un",
	"s":  "a e i u ai ao ou an en ang eng ong uo ui uan un",
	"y":  "a o e i u ao ou an in ang ing ong ue uan un",
	"w":  "a o u ai ei an en ang eng",
}

var pinyinSyllables = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for initial, finals := range pinyinFinals {
		for _, f := range strings.Fields(finals) {
			m[initial+f] = true
		}
	}
	return m
})

// isPinyin reports whether a word reads as romanised Mandarin: every part
// between hyphens or apostrophes ("Nan-Hai", "Xi'an") splits into
// syllables ("Xiaohua" = xiao·hua). Case is ignored.
func isPinyin(w string) bool {
	w = strings.NewReplacer("ü", "v", "Ü", "v").Replace(strings.ToLower(w))
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' || r == '’' })
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if !splitsIntoSyllables(p) {
			return false
		}
	}
	return true
}

// splitsIntoSyllables: ok[i] says whether p[:i] splits into syllables.
func splitsIntoSyllables(p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] < 'a' || p[i] > 'z' {
			return false
		}
	}
	syl := pinyinSyllables()
	ok := make([]bool, len(p)+1)
	ok[0] = true
	for end := 1; end <= len(p); end++ {
		for start := max(0, end-6); start < end && !ok[end]; start++ {
			ok[end] = ok[start] && syl[p[start:end]]
		}
	}
	return len(p) > 0 && ok[len(p)]
}
