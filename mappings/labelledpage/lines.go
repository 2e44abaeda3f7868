package labelledpage

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
)

// pageLabel is one row of page-labels.tsv.
type pageLabel struct {
	field string
	space bool // a plain space may separate it from its value
}

// pageLabels maps a label, lower-cased and without spaces, to its field.
var pageLabels = sync.OnceValue(func() map[string]pageLabel {
	m := map[string]pageLabel{}
	t, _ := loadTables() // a broken table stops the read first
	for _, r := range t.labels {
		m[labelKey(r[1])] = pageLabel{field: r[0], space: r[2] == "space"}
	}
	return m
})

// pageFurniture holds page-boilerplate.tsv, lower-cased, by kind.
type pageFurniture struct {
	prefix, line, contains, trim, list []string
}

var boilerplatePhrases = sync.OnceValue(func() pageFurniture {
	var f pageFurniture
	t, _ := loadTables() // a broken table stops the read first
	for _, r := range t.furniture {
		p := strings.ToLower(strings.TrimSpace(r[1]))
		switch r[0] {
		case "prefix":
			f.prefix = append(f.prefix, p)
		case "line":
			f.line = append(f.line, p)
		case "contains":
			f.contains = append(f.contains, p)
		case "trim":
			f.trim = append(f.trim, p)
		case "list":
			f.list = append(f.list, p)
		}
	}
	return f
})

// labelKey is how labels are compared: lower case, no spaces, no
// markdown emphasis ("**Authors" → "authors", "摘 要" → "摘要").
func labelKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsSpace(r) || r == '*' || r == '_' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pageLine is one line of a page, cleaned, with what the reader saw in it.
type pageLine struct {
	n     int    // 1-based line number
	text  string // cleaned: trimmed, bullets and markdown marks removed
	blank bool
	furn  bool   // page furniture (page-boilerplate.tsv)
	field string // the field a label at its start names, or ""
	value string // the text after that label
	used  bool   // taken as the value of a label on an earlier line
	// bullet: the line was printed as an item of a list ("• Xiao-Hong Li,").
	bullet bool
	// dash: the line was a dash alone, what a page prints for a field it
	// has no value for (Peeref's "Keywords" / "-"); cleaned, it is blank.
	dash bool
}

// splitPageLines cleans the lines of a page. Lines that print several
// fields side by side ("Pages 759-765 | Published online: 11 Jun 2015",
// "PMC · DOI: 10.3390/… · Biomolecules") are cut into one line per part.
func splitPageLines(text string) []pageLine {
	var out []pageLine
	for i, raw := range strings.Split(text, "\n") {
		bullet := bulletLine.MatchString(raw)
		for _, part := range splitParts(raw) {
			l := pageLine{n: i + 1, text: cleanPageLine(part), bullet: bullet}
			l.blank = l.text == ""
			l.dash = slices.Contains([]string{"-", "–", "—"}, strings.TrimSpace(part))
			if !l.blank {
				l.furn = isPageFurniture(l.text)
				if !l.furn {
					l.field, l.value = pageLabelOf(l.text)
				}
			}
			out = append(out, l)
		}
	}
	markLists(out)
	return out
}

// markLists makes furniture of the lists that a heading of the "list"
// kind introduces (a category menu, "Next Article in Journal", "Recent
// Articles"): their items are other articles' titles and authors, and
// would otherwise be taken for the page's own. A list runs to the next
// blank line; a list whose items are spaced out by blank lines runs as
// long as each item is followed by its own "Author:" line.
func markLists(lines []pageLine) {
	f := boilerplatePhrases()
	for i := range lines {
		if lines[i].blank || !slices.Contains(f.list, strings.ToLower(lines[i].text)) {
			continue
		}
		dropLine(&lines[i])
		j := i + 1
		for ; j < len(lines) && !lines[j].blank; j++ {
			dropLine(&lines[j])
		}
		if j > i+1 {
			continue
		}
		for {
			item := nextText(lines, j, len(lines))
			by := nextText(lines, item+1, len(lines))
			if item >= len(lines) || by >= len(lines) || lines[item].field != "" || lines[by].field != "authors" {
				break
			}
			dropLine(&lines[item])
			dropLine(&lines[by])
			j = by + 1
		}
	}
}

// dropLine makes a line furniture: neither text nor a labelled field.
func dropLine(l *pageLine) {
	l.furn, l.field, l.value = true, "", ""
}

// bulletLine: a line printed as a list item.
var bulletLine = regexp.MustCompile(`^\s*[•●▪◦]\s`)

func splitParts(raw string) []string {
	// A row of a text table ("Journal | Leukemia |", "| Volume | 29 |"):
	// its outer bars are not part of the first or last cell.
	if t := strings.TrimSpace(raw); strings.HasSuffix(t, " |") || strings.HasPrefix(t, "| ") {
		raw = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, "| "), " |"))
	}
	for _, sep := range []string{" | ", " · "} {
		if strings.Count(raw, sep) >= 1 && utf8.RuneCountInString(raw) < 300 {
			var out []string
			for _, p := range strings.Split(raw, sep) {
				out = append(out, splitInlineLabels(p)...)
			}
			return out
		}
	}
	return splitInlineLabels(raw)
}

// splitInlineLabels cuts a line that prints several labelled fields one
// after another ("Title: … Author: Liu XD, Fan ZP. Journal: …; 2012 Feb;
// 33(2):98-102. PubMed ID: 22730656. Abstract: OBJECTIVE: …") into one
// part per label. It cuts only before a label of page-labels.tsv
// followed by a colon, only when the line starts with one and holds at
// least two, each with a value; and nothing after an abstract label is
// cut, since a structured abstract prints its own "OBJECTIVE:" headings.
const maxInlineLabels = 40

func splitInlineLabels(s string) []string {
	type cut struct{ at, colon int }
	var cuts []cut
	labels := pageLabels()
	for c := 0; c < len(s); c++ {
		// A labelled value is at most a few thousand bytes (the abstract,
		// which ends the cutting, aside): past that the line is prose.
		if len(cuts) > 0 && c-cuts[len(cuts)-1].colon > 4000 {
			break
		}
		if s[c] != ':' && !strings.HasPrefix(s[c:], "：") {
			continue
		}
		// The longest run of one to four words before the colon that is a
		// label and starts the line or follows a space.
		best := -1
		for st := c - 1; st >= 0 && c-st <= 48; st-- {
			if st > 0 && s[st-1] != ' ' && s[st-1] != '\t' {
				continue
			}
			if s[st] == ' ' {
				continue
			}
			if _, ok := labels[labelKey(s[st:c])]; ok && len(strings.Fields(s[st:c])) <= 4 {
				best = st
			}
		}
		if best < 0 || len(cuts) == 0 && strings.TrimSpace(s[:best]) != "" {
			if len(cuts) == 0 {
				return []string{s}
			}
			continue
		}
		cuts = append(cuts, cut{best, c})
		if len(cuts) > maxInlineLabels {
			return []string{s} // a record prints a dozen fields, not hundreds
		}
		if labels[labelKey(s[best:c])].field == "abstract" {
			break
		}
	}
	if len(cuts) < 2 {
		return []string{s}
	}
	var out []string
	for i, k := range cuts {
		end := len(s)
		if i+1 < len(cuts) {
			end = cuts[i+1].at
		}
		part := strings.TrimSpace(s[k.at:end])
		field := labels[labelKey(s[k.at:k.colon])].field
		if field != "title" && field != "abstract" {
			part = strings.TrimRight(part, " .;,")
		}
		// A label without a value would take the next line as its value.
		value := strings.TrimSpace(strings.TrimLeft(s[k.colon:end], ":："))
		if strings.Trim(value, " .;,") == "" {
			return []string{s}
		}
		// "cord_uid: nsdwprf9 Mesenchymal stem cells (MSCs) are …": the
		// key is one word, the paragraph after it is the page's text.
		if f := strings.Fields(value); i == len(cuts)-1 && field == "ignore" && len(f) > 20 {
			out = append(out, s[k.at:k.colon+1]+" "+f[0], strings.TrimSpace(strings.TrimPrefix(value, f[0])))
			continue
		}
		out = append(out, part)
	}
	return out
}

// cleanPageLine trims a line and drops what a page prints as decoration:
// bullets, markdown heading and emphasis marks, and trailing UI text.
func cleanPageLine(s string) string {
	s = mappings.CleanText(s)
	s = strings.TrimLeft(s, "•●▪◦›»#-–—* \t")
	low := strings.ToLower(s)
	for _, t := range boilerplatePhrases().trim {
		if strings.HasSuffix(low, t) {
			s = strings.TrimSpace(s[:len(s)-len(t)])
			low = strings.ToLower(s)
		}
	}
	return s
}

func isPageFurniture(s string) bool {
	low := strings.ToLower(s)
	f := boilerplatePhrases()
	if isBreadcrumb(s) {
		return true
	}
	for _, p := range f.list {
		if low == p {
			return true
		}
	}
	for _, p := range f.line {
		if low == p {
			return true
		}
	}
	for _, p := range f.prefix {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	for _, p := range f.contains {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// isBreadcrumb reports a site's navigation path ("Back to Journals »
// Therapeutics and Clinical Risk Management » Volume 18"): three parts
// or more joined by "»" or ">". It names the journal, never the paper.
func isBreadcrumb(s string) bool {
	if strings.Count(s, " » ") >= 2 || strings.Count(s, " > ") >= 2 {
		return true
	}
	// "All issues > Volume 28(5); 1985": one step, from the archive to an
	// issue
	for _, sep := range []string{" > ", " » "} {
		if i := strings.Index(s, sep); i > 0 {
			from, to := strings.ToLower(strings.TrimSpace(s[:i])), strings.ToLower(s[i+len(sep):])
			switch from {
			case "home", "all issues", "archive", "archives", "journals", "browse", "issues", "current issue":
				return true
			}
			if strings.HasPrefix(to, "volume ") || strings.HasPrefix(to, "vol. ") || strings.HasPrefix(to, "issue ") {
				return true
			}
		}
	}
	return false
}

// pageLabelOf returns the field a label at the start of s names and the
// value after it. A label is followed by a colon, a dash or nothing; a
// "space" label may also be followed by a space.
func pageLabelOf(s string) (field, value string) {
	labels := pageLabels()
	// "Label: value", "Label：value", "Label - value".
	for _, sep := range []string{":", "：", " - ", " – ", " — "} {
		if i := strings.Index(s, sep); i > 0 && utf8.RuneCountInString(s[:i]) <= 40 {
			if l, ok := labels[labelKey(s[:i])]; ok {
				return l.field, strings.Trim(strings.TrimSpace(s[i+len(sep):]), "* ")
			}
		}
	}
	// A label alone on its line: the value follows.
	if utf8.RuneCountInString(s) <= 40 {
		if l, ok := labels[labelKey(strings.TrimRight(s, ":： -"))]; ok {
			return l.field, ""
		}
	}
	// "By Dr M. Mason", "Published online Dec 26, 2017".
	words := strings.Fields(s)
	for n := min(8, len(words)-1); n >= 1; n-- { // "Date of disclosure of the study information 2007/10/07"
		if l, ok := labels[labelKey(strings.Join(words[:n], ""))]; ok && l.space {
			if v := strings.Join(words[n:], " "); spacedValueFits(l.field, v) {
				return l.field, v
			}
		}
	}
	return "", ""
}

// spacedValueFits checks the text after a label that only a space
// separates from it, since such a line may well be ordinary text:
// "Abstract" needs a paragraph, "By" a short list of names, a date label
// a date.
func spacedValueFits(field, v string) bool {
	switch field {
	case "abstract":
		return len(strings.Fields(v)) >= 20
	case "authors":
		// A short list, or a longer one of nothing but names.
		n := len(pageNames(v))
		return n > 0 && (len(strings.Fields(v)) <= 12 || n >= 2 && n == countItems(v))
	case "date":
		_, ok := looseDate(v)
		return ok
	case "history":
		// "Received 22 May 2013; revised …", "Copyright © 2017 …".
		_, ok := dateIn(v)
		return ok
	case "registryid":
		// "Trial identifier NCT01667263, U1111-1132-6877".
		return len(labelledTrialIDs(v)) > 0
	case "news":
		// "Medically reviewed by Dr. Kamal Kant Kohli": a short byline
		return len(strings.Fields(v)) <= 8
	case "title", "official":
		// "Public Title of Study   Mesenchymal Stem Cell Therapy For Covid
		// 19" (CTRI): a title of a few words at least.
		return len(strings.Fields(v)) >= 3
	case "registration", "status", "studytype":
		// "Type of Trial  Interventional" (CTRI): a short value, no sentence.
		return len(strings.Fields(v)) <= 6 && !strings.ContainsAny(v, ".;")
	}
	return false
}
