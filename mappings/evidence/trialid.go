package evidence

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// trialRegistry describes one id format of one registry.
type trialRegistry struct {
	rule     string
	registry string
	hint     string            // lower-case text every id contains, to skip the regexp
	shape    func(string) bool // optional cheaper test before the regexp
	re       *regexp.Regexp
	// id rebuilds the id in the registry's own spelling from the match's
	// submatches (index 0 is the whole match). Only case and spacing are
	// ever changed, and only where the registered form is unambiguous.
	id  func(m []string) string
	url func(id string) string // "" when the registry has no per-id address
}

// Trial registries and the id formats they issue. The patterns carry no
// word boundaries: FindTrialIDs checks both ends itself so that an id
// inside a longer token ("XNCT01234567", "NCT012345678") is not reported.
var trialRegistries = []trialRegistry{
	{
		rule: "trialid:nct", hint: "nct", registry: "ClinicalTrials.gov",
		re: regexp.MustCompile(`(?i)NCT ?(\d{8})`),
		id: func(m []string) string { return "NCT" + m[1] },
		url: func(id string) string {
			return "https://clinicaltrials.gov/study/" + id
		},
	},
	{
		// Legacy ChiCTR ids name the registration type: ChiCTR-TRC-12002345,
		// ChiCTR-IPR-15006521, ChiCTR-OCH-…, ChiCTR-ONRC-….
		rule: "trialid:chictr-legacy", hint: "chictr", registry: "ChiCTR",
		re: regexp.MustCompile(`(?i)ChiCTR-([A-Z]{2,5})-(\d{8})`),
		id: func(m []string) string { return "ChiCTR-" + strings.ToUpper(m[1]) + "-" + m[2] },
	},
	{
		rule: "trialid:chictr", hint: "chictr", registry: "ChiCTR",
		re: regexp.MustCompile(`(?i)ChiCTR(\d{10})`),
		id: func(m []string) string { return "ChiCTR" + m[1] },
	},
	{
		// The registry of trials of traditional Chinese medicine.
		rule: "trialid:itmctr", hint: "itmctr", registry: "ITMCTR",
		re: regexp.MustCompile(`(?i)ITMCTR(\d{10})`),
		id: func(m []string) string { return "ITMCTR" + m[1] },
	},
	{
		rule: "trialid:isrctn", hint: "isrctn", registry: "ISRCTN",
		re: regexp.MustCompile(`(?i)ISRCTN ?(\d{8})`),
		id: func(m []string) string { return "ISRCTN" + m[1] },
		url: func(id string) string {
			return "https://www.isrctn.com/" + id
		},
	},
	{
		rule: "trialid:actrn", hint: "actrn", registry: "ANZCTR",
		re: regexp.MustCompile(`(?i)ACTRN ?(\d{14})`),
		id: func(m []string) string { return "ACTRN" + m[1] },
		url: func(id string) string {
			return "https://www.anzctr.org.au/" + id + ".aspx"
		},
	},
	{
		// UMIN-CTR ids, with or without the WHO ICTRP prefix "JPRN-"; kept
		// as written since both spellings are in use.
		rule: "trialid:umin", hint: "umin", registry: "JPRN",
		re: regexp.MustCompile(`(?i)(JPRN-)?UMIN(\d{9})`),
		id: func(m []string) string { return strings.ToUpper(m[1]) + "UMIN" + m[2] },
	},
	{
		// jRCT ids: a letter and nine digits (jRCTs031180001) or ten digits
		// (jRCT2031200001).
		rule: "trialid:jrct", hint: "jrct", registry: "JPRN",
		re: regexp.MustCompile(`(?i)(JPRN-)?jRCT([a-z]\d{9}|\d{10})`),
		id: func(m []string) string {
			return strings.ToUpper(m[1]) + "jRCT" + strings.ToLower(m[2])
		},
	},
	{
		// CTRI/2018/05/013828; before 2010, CTRI/2009/091/000532.
		rule: "trialid:ctri", hint: "ctri/", registry: "CTRI",
		re: regexp.MustCompile(`(?i)CTRI/((?:19|20)\d\d)/(\d{2,3})/(\d{6})`),
		id: func(m []string) string { return "CTRI/" + m[1] + "/" + m[2] + "/" + m[3] },
	},
	{
		// EudraCT numbers (2004-001234-56) have no prefix of their own; the
		// four-six-two digit shape with a plausible year is distinctive.
		rule: "trialid:eudract", hint: "-", shape: qEudraShape, registry: "EudraCT",
		re: regexp.MustCompile(`((?:19|20)\d\d-\d{6}-\d{2})`),
		id: func(m []string) string { return m[1] },
		url: func(id string) string {
			return "https://www.clinicaltrialsregister.eu/ctr-search/search?query=" + id
		},
	},
}

// FindTrialIDs returns every trial registry id in text, in order of
// appearance, with its registry, the registry's address for it where one
// exists, and its span in code points (Span.Field is field).
func FindTrialIDs(text, field string) []TrialMention {
	type hit struct {
		start, end int // byte offsets
		t          TrialMention
	}
	var hits []hit
	used := make([]bool, len(text)) // bytes already inside an id
	taken := func(a, b int) bool {
		for k := a; k < b; k++ {
			if used[k] {
				return true
			}
		}
		return false
	}
	lower := strings.ToLower(text)
	for _, reg := range trialRegistries {
		if !strings.Contains(lower, reg.hint) || (reg.shape != nil && !reg.shape(text)) {
			continue
		}
		for _, loc := range reg.re.FindAllStringSubmatchIndex(text, -1) {
			a, b := loc[0], loc[1]
			if !trialBoundary(text, a, b) || taken(a, b) {
				continue
			}
			m := make([]string, len(loc)/2)
			for k := range m {
				if loc[2*k] >= 0 {
					m[k] = text[loc[2*k]:loc[2*k+1]]
				}
			}
			id := reg.id(m)
			t := TrialMention{ID: id, Registry: reg.registry, Rule: reg.rule}
			if reg.url != nil {
				t.URL = reg.url(id)
			}
			hits = append(hits, hit{start: a, end: b, t: t})
			for k := a; k < b; k++ {
				used[k] = true
			}
		}
	}
	// Registries were searched one after another; report in text order.
	slices.SortStableFunc(hits, func(x, y hit) int { return cmp.Compare(x.start, y.start) })
	out := make([]TrialMention, 0, len(hits))
	runeAt, byteAt := 0, 0
	for _, h := range hits {
		runeAt += utf8.RuneCountInString(text[byteAt:h.start])
		start := runeAt
		runeAt += utf8.RuneCountInString(text[h.start:h.end])
		byteAt = h.end
		h.t.Span = Span{Field: field, Start: start, End: runeAt, Text: text[h.start:h.end]}
		out = append(out, h.t)
	}
	return out
}

// trialBoundary reports whether text[a:b] stands alone: no letter, digit
// or underscore touches it, and no "-digit" continues it (a longer dashed
// number is not an EudraCT id).
func trialBoundary(text string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			return false
		}
		if r == '-' && a > 1 {
			r2, _ := utf8.DecodeLastRuneInString(text[:a-1])
			if unicode.IsDigit(r2) {
				return false
			}
		}
	}
	if b < len(text) {
		r, n := utf8.DecodeRuneInString(text[b:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			return false
		}
		if (r == '-' || r == '/') && b+n < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[b+n:])
			if unicode.IsDigit(r2) {
				return false
			}
		}
	}
	return true
}

// qEudraShape reports whether text holds "-NNNNNN-" (six digits between
// hyphens), which every EudraCT number does.
func qEudraShape(text string) bool {
	for b := 0; b+8 <= len(text); b++ {
		if text[b] != '-' || text[b+7] != '-' {
			continue
		}
		digits := true
		for _, c := range []byte(text[b+1 : b+7]) {
			if c < '0' || c > '9' {
				digits = false
				break
			}
		}
		if digits {
			return true
		}
	}
	return false
}
