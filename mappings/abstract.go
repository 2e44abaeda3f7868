package mappings

import (
	"strings"
	"unicode/utf8"
)

// SplitSections cuts a structured abstract printed as running text
// ("Rationale: … Patient concerns: … Lessons: …") into its labelled
// sections, using the labels of tables/abstract-labels.txt. A label
// counts only when a colon follows it and it begins the text or follows
// the end of a sentence, so "the diagnosis: was" never splits. Text
// before the first label becomes an unlabelled section. Text with no
// label comes back as one unlabelled section.
func SplitSections(text string) []Section {
	text = CleanText(text)
	if text == "" {
		return nil
	}
	type cut struct{ at, body int }
	var cuts []cut
	labels := abstractLabels()
	for i := 0; i < len(text); {
		if i == 0 || sentenceEndsBefore(text, i) {
			for _, l := range labels {
				if strings.HasPrefix(text[i:], l+":") {
					cuts = append(cuts, cut{at: i, body: i + len(l) + 1})
					break
				}
			}
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	if len(cuts) == 0 {
		return []Section{{Text: text}}
	}
	var out []Section
	if lead := strings.TrimSpace(text[:cuts[0].at]); lead != "" {
		out = append(out, Section{Text: lead})
	}
	for k, c := range cuts {
		end := len(text)
		if k+1 < len(cuts) {
			end = cuts[k+1].at
		}
		label := strings.TrimSpace(text[c.at : c.body-1])
		out = append(out, Section{Label: label, Text: strings.TrimSpace(text[c.body:end])})
	}
	return out
}

// sentenceEndsBefore reports whether position i (at the start of a word)
// follows white space preceded by the end of a sentence.
func sentenceEndsBefore(text string, i int) bool {
	if text[i-1] != ' ' {
		return false
	}
	j := i - 1
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == 0 {
		return false
	}
	switch text[j-1] {
	case '.', '?', '!', ')', ']':
		return true
	}
	return false
}

// abstractFrom builds an Abstract from running text: structured when
// labels are found, plain otherwise.
func abstractFrom(text string) Abstract {
	secs := SplitSections(text)
	if len(secs) == 1 && secs[0].Label == "" {
		return Abstract{Text: secs[0].Text}
	}
	return NewAbstract(secs)
}
