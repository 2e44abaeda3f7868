package labelledpage

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
)

// pageAbstract is the abstract found on a page, with the lines it spans.
type pageAbstract struct {
	abs        mappings.Abstract
	start, end int    // line indexes [start, end)
	rule       string // "" when a label named it
	label      string // that label as printed ("Abstract", "Summary:")
}

// labelledSections reads a structured abstract printed without an
// "Abstract" label as lines that each open with a section label
// ("Background: …" / "Methods: …" / "Results: …" / "Conclusion: …",
// medluna): two such lines or more in a row, blank lines between allowed.
func labelledSections(lines []pageLine, stop int) (pageAbstract, bool) {
	for i := 0; i < stop; i++ {
		if lines[i].used || lines[i].furn || !pageText(lines[i]) || !knownSectionLabel(lines[i].text) {
			continue
		}
		parts, end := []string{lines[i].text}, i+1
		for k := nextText(lines, i+1, stop); k < stop && pageText(lines[k]) && knownSectionLabel(lines[k].text); k = nextText(lines, k+1, stop) {
			parts, end = append(parts, lines[k].text), k+1
		}
		if len(parts) < 2 {
			continue
		}
		for k := i; k < end; k++ {
			lines[k].used = true
		}
		return pageAbstract{abs: mappings.AbstractFrom(strings.Join(parts, " ")), start: i, end: end, rule: "labelled-sections"}, true
	}
	return pageAbstract{}, false
}

// knownSectionLabel: the line opens with a structured abstract's section
// label and a colon ("Methods: SAA patients …").
func knownSectionLabel(s string) bool {
	i := strings.IndexAny(s, ":：")
	if i <= 0 || i > 40 || strings.TrimSpace(s[i+1:]) == "" {
		return false
	}
	return isSectionLabel(strings.TrimSpace(s[:i]))
}

// isSectionLabel: head is a structured abstract's section label, in any
// case ("Methods", "RESULTS").
func isSectionLabel(head string) bool {
	for _, lab := range mappings.AbstractLabels() {
		if strings.EqualFold(head, lab) {
			return true
		}
	}
	return false
}

// findPageAbstract looks for the abstract, surest way first: under an
// abstract label; as a run of structured-abstract headings
// ("INTRODUCTION", "METHODS", …); as the first long paragraph.
func findPageAbstract(lines []pageLine, stop int) (pageAbstract, bool) {
	for i := 0; i < stop; i++ {
		if lines[i].field == "abstract" {
			if a, ok := abstractAfterLabel(lines, i, stop); ok {
				a.label = strings.TrimSpace(strings.TrimSuffix(lines[i].text, lines[i].value))
				return a, true
			}
		}
	}
	if a, ok := labelledSections(lines, stop); ok {
		return a, true
	}
	for i := 0; i < stop; i++ {
		if sectionHeading(lines[i]) != "" && !lines[i].used {
			if a, ok := headedAbstract(lines, i, i, stop); ok && len(a.abs.Sections) >= 2 {
				a.rule = "section-headings"
				return a, true
			}
		}
	}
	for i := 0; i < stop; i++ {
		l := lines[i]
		if l.blank || l.furn || l.field != "" || l.used || !isLongParagraph(l.text) || numberedItem.MatchString(l.text) ||
			affiliationParagraph(l.text) {
			continue
		}
		return pageAbstract{abs: mappings.AbstractFrom(l.text), start: i, end: i + 1, rule: "first-long-paragraph"}, true
	}
	return pageAbstract{}, false
}

// sentenceEnd: a word of three small letters or more, a full stop, and
// the capital of the next sentence.
var sentenceEnd = regexp.MustCompile(`\p{Ll}{3,}\. \p{Lu}`)

// affiliationParagraph: a long line that is one author's affiliations
// (Wiley prints them in full: "State Key Laboratory for Diagnosis and
// Treatment of Infectious Diseases, National Clinical Research Center
// for …"): three institution words among its first thirty, and no
// sentence ends inside it ("P. R. China" ends none).
func affiliationParagraph(s string) bool {
	if sentenceEnd.MatchString(s) {
		return false
	}
	n := 0
	for i, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if i >= 30 {
			break
		}
		if slices.Contains(institutionWords, w) {
			n++
		}
	}
	return n >= 3
}

// abstractAfterLabel reads the abstract under the label on line i: its
// inline value and the lines after it. A first line that is a section
// heading makes it structured.
func abstractAfterLabel(lines []pageLine, i, stop int) (pageAbstract, bool) {
	inline := dropRepeatedLabel(lines[i].value)
	j := nextText(lines, i+1, stop)
	for inline == "" && j < stop && accessBadge.MatchString(strings.TrimSpace(lines[j].text)) {
		j = nextText(lines, j+1, stop) // "Abstract" / "OPEN ACCESS" / "Background"
	}
	if inline == "" && j < stop && len(pageNames(lines[j].text)) >= 3 {
		// "Abstract" / "Li Wang1,2,*, Haiyan Zhang3,*, …": a tab's label
		// above the byline; the abstract is under a later label.
		return pageAbstract{}, false
	}
	if inline == "" && j < stop && sectionHeading(lines[j]) != "" {
		a, ok := headedAbstract(lines, i, j, stop)
		return a, ok
	}
	var parts []string
	if inline != "" {
		parts = append(parts, inline)
	} else if j < stop && pageText(lines[j]) {
		parts = append(parts, dropRepeatedLabel(lines[j].text))
		lines[j].used = true
	} else {
		return pageAbstract{}, false
	}
	if placeholderAbstract[strings.ToLower(strings.Trim(strings.Join(parts, " "), " ."))] {
		return pageAbstract{}, false // "Brief Summary" / "Not available"
	}
	end := max(i+1, j+1)
	if inline != "" {
		end = i + 1
	}
	// Further paragraphs belong only when they carry a section label
	// inline ("Secondary Objective: …"); anything else is the body.
	for k := nextText(lines, end, stop); k < stop; k = nextText(lines, k+1, stop) {
		if pageText(lines[k]) && inlineSectionLabel(lines[k].text) {
			parts = append(parts, lines[k].text)
			lines[k].used = true
			end = k + 1
			continue
		}
		// "BACKGROUND: …" / "METHODS" / "Among the patients …": a heading
		// on its own line, then its section's text (KoreaMed).
		// Only in an abstract that opened with such a label: below an
		// unstructured one, "Background" heads the article's body.
		h := sectionHeading(lines[k])
		t := nextText(lines, k+1, stop)
		if h == "" || !inlineSectionLabel(parts[0]) || t >= stop || !pageText(lines[t]) || sectionHeading(lines[t]) != "" {
			break
		}
		parts = append(parts, h+": "+lines[t].text)
		lines[k].used, lines[t].used = true, true
		end, k = t+1, t
	}
	return pageAbstract{abs: mappings.AbstractFrom(strings.Join(parts, " ")), start: i, end: end}, true
}

// placeholderAbstract is what a site prints under its abstract label
// when it has none.
var placeholderAbstract = map[string]bool{"not available": true, "n/a": true, "na": true, "none": true,
	"no abstract available": true, "no abstract": true, "abstract not available": true}

// numberedItem is an item of a numbered list ("3. Have pre-existing
// cardiac disease …", a registration's exclusion criterion), never the
// abstract however long.
var numberedItem = regexp.MustCompile(`^\s*\d{1,2}[.)]\s`)

// accessBadge is a publisher's badge printed between a label and its text.
var accessBadge = regexp.MustCompile(`(?i)^(?:open access|free access|free full text|free|full access)$`)

// headedAbstract reads sections that start with a heading on a line of
// its own, from line j on, until a heading repeats or something that is
// not abstract text comes.
func headedAbstract(lines []pageLine, labelAt, j, stop int) (pageAbstract, bool) {
	var secs []mappings.Section
	seen := map[string]bool{}
	end := j
	for k := j; k < stop; k++ {
		l := lines[k]
		if l.blank {
			continue
		}
		if h := sectionHeading(l); h != "" {
			if seen[strings.ToLower(h)] {
				break
			}
			seen[strings.ToLower(h)] = true
			secs = append(secs, mappings.Section{Label: h})
			end = k + 1
			continue
		}
		if !pageText(l) || len(secs) == 0 {
			break
		}
		s := &secs[len(secs)-1]
		s.Text = strings.TrimSpace(s.Text + " " + l.text)
		lines[k].used = true
		end = k + 1
	}
	abs := mappings.NewAbstract(secs)
	if abs.Text == "" {
		return pageAbstract{}, false
	}
	return pageAbstract{abs: abs, start: labelAt, end: end}, true
}

// sectionHeading returns the text of a line that is a structured-abstract
// heading alone ("Background", "METHODS", "Conclusions:"), or "".
func sectionHeading(l pageLine) string {
	if l.blank || l.furn || utf8.RuneCountInString(l.text) > 40 {
		return ""
	}
	h := strings.TrimRight(l.text, ":： ")
	for _, lab := range mappings.AbstractLabels() {
		if h == lab {
			return h
		}
	}
	return ""
}

// inlineSectionLabel reports a paragraph opening with a short label and a
// colon ("Primary Objective: To evaluate …").
func inlineSectionLabel(s string) bool {
	i := strings.Index(s, ": ")
	if i <= 0 || i > 40 {
		return false
	}
	words := strings.Fields(s[:i])
	if len(words) > 4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(words[0])
	return r >= 'A' && r <= 'Z'
}

// dropRepeatedLabel removes the "Abstract" some pages print again at
// the start of the text ("Abstract Mesenchymal stromal cells …").
func dropRepeatedLabel(s string) string {
	for _, w := range []string{"Abstract ", "ABSTRACT "} {
		if rest, ok := strings.CutPrefix(s, w); ok {
			if r, _ := utf8.DecodeRuneInString(rest); r >= 'A' && r <= 'Z' {
				return rest
			}
		}
	}
	return s
}

// pageText reports a line that can be part of a record's text: not
// furniture, not a label, not taken.
func pageText(l pageLine) bool {
	return !l.blank && !l.furn && l.field == "" && !l.used
}

// nextText returns the index of the next line from i that holds a
// letter or a digit, or stop: a line of punctuation alone (the ":" some
// publisher pages print under "Abstract") separates, it says nothing.
func nextText(lines []pageLine, i, stop int) int {
	for ; i < stop; i++ {
		if !lines[i].blank && strings.IndexFunc(lines[i].text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			return i
		}
	}
	return stop
}

// isLongParagraph: long enough to be an abstract rather than a heading,
// a caption or a line of metadata (40 words, or 100 characters of
// Chinese or Japanese, which have no spaces).
func isLongParagraph(s string) bool {
	if len(strings.Fields(s)) >= 40 {
		return true
	}
	return hanCount(s) >= 100
}
