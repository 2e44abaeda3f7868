package labelledpage

import (
	"strings"

	"github.com/msckg/msckg/mappings"
)

// searchAuthorLink closes each author's block on Wiley Online Library:
// the name, the name again (the pop-up's heading), the affiliations, then
// this link.
const searchAuthorLink = "search for more papers by this author"

// repeatedNameBlocks reads the authors of a Wiley page between the title
// (line titleAt) and the abstract (line limit): each author is a line
// holding one person's name whose next text line repeats it. The layout
// must show its link at least once, so two lines that happen to repeat a
// name elsewhere are not read as a byline.
func repeatedNameBlocks(lines []pageLine, titleAt, limit int) []mappings.Author {
	var names []string
	linked := false
	for i := titleAt + 1; i < limit; i++ {
		l := lines[i]
		if l.blank {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(l.text), searchAuthorLink) {
			linked = true
			continue
		}
		j := nextText(lines, i+1, limit)
		if j >= limit || lines[j].text != l.text || !isPersonName(l.text) {
			continue
		}
		names = append(names, l.text)
		i = j
	}
	if !linked || len(names) == 0 {
		return nil
	}
	authors := pageNames(strings.Join(names, ", "))
	if len(authors) != len(names) {
		return nil
	}
	return authors
}
