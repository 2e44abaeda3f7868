// Package wprim reads WPRIM-style labelled abstract pages ("- Author:",
// "- MeSH:", "- From:"), tying each author to the affiliations their
// markers point to.
package wprim

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/page"
)

func init() {
	mappings.Register(mappings.Format{
		Name:    "wprim-page",
		Rank:    60,
		Title:   "WPRIM-style labelled abstract page (\"- Author:\", \"- MeSH:\", \"- From:\")",
		Reads:   "title, DOI, authors with the affiliations their markers point to, publication type, keywords, MeSH (major topic, qualifiers), journal, year, volume, issue, pages, language, abstract",
		Example: "A title\n10.1000/xyz\n- Author:\nBo ZHANG\n- From:\nSome Journal\n2025;27(9):1128-1133\n",
		Sniff:   sniffWPRIM,
		Read:    page.Read("wprim-page", parseWPRIM),
	})
}

var (
	wprimAuthor = regexp.MustCompile(`(?m)^- ?Author:`)
	wprimFrom   = regexp.MustCompile(`(?m)^- ?From:`)
	wprimMeSH   = regexp.MustCompile(`(?m)^- ?MeSH:`)
)

func sniffWPRIM(head []byte) int {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	switch {
	case wprimAuthor.Match(head) && wprimFrom.Match(head):
		return 90
	case wprimAuthor.Match(head) && wprimMeSH.Match(head):
		return 70
	}
	return 0
}

// wprimSyntax: labels are "- Label:" lines ("- CountryChina" has lost its
// colon), plus "Author Information" and "Abstract:" on lines of their own.
// A lone "-" carries nothing. Text before the first label (title, DOI)
// stays as separate untagged lines; text after a label continues it.
var wprimSyntax = &mappings.Syntax{
	Tag: regexp.MustCompile(`^(?:-[ \t]*(Author|Publication Type|Keywords|MeSH|From|Country|Language|Abstract)[ \t]*:?` +
		`|(Author Information)[ \t]*$|(Abstract)[ \t]*:)`),
	Continues: func(prev mappings.Field, _ string) bool { return prev.Tag != "" },
	Skip:      regexp.MustCompile(`^-[ \t]*$`),
}

var (
	// "2025;27(9):1128-1133", "2025 Sep;27(9):1128-33", "2025;27:e1".
	wprimSource  = regexp.MustCompile(`^(\d{4})(?:\s+[A-Za-z]{3}\w*)?\s*;\s*([^(:;]*?)\s*(?:\(([^)]*)\))?\s*(?::\s*(.+))?$`)
	wprimMarkers = regexp.MustCompile(`^\d+(?:\s*,\s*\d+)*$`)
	wprimTrail   = regexp.MustCompile(`\s+(\d+(?:\s*,\s*\d+)*)$`)
	wprimAffil   = regexp.MustCompile(`^(\d+)[.)]\s*(.+)$`)
)

func parseWPRIM(data []byte, rec *mappings.Record) (int, error) {
	var (
		title       []string
		authorField string
		affilField  string
		entry       mappings.Entry
	)
	for e, err := range mappings.ScanLabelled(bytes.NewReader(data), wprimSyntax) {
		if err != nil {
			return 1, err
		}
		entry = e
	}
	seenTag := false
	for _, f := range entry.Fields {
		seenTag = seenTag || f.Tag != ""
		switch f.Tag {
		case "":
			// Only the lines before the first label are the title and DOI.
			if seenTag {
				continue
			}
			if doi := mappings.NormalizeDOI(f.Value); doi != "" && rec.DOI == "" {
				rec.DOI = doi
			} else {
				title = append(title, f.Value)
			}
			continue
		case "Author":
			authorField = f.Value
		case "Author Information":
			affilField = f.Value
		case "Publication Type":
			rec.PublicationTypes = append(rec.PublicationTypes, splitItems(f.Value)...)
		case "Keywords":
			rec.Keywords = append(rec.Keywords, splitItems(f.Value)...)
		case "MeSH":
			for _, item := range splitItems(f.Value) {
				if h, ok := parseMeSH(item); ok {
					rec.MeSH = append(rec.MeSH, h)
				}
			}
		case "From":
			wprimFromField(f.Value, rec)
		case "Language":
			rec.Language = mappings.LanguageCode(f.Value)
		case "Abstract":
			rec.Abstract = mappings.AbstractFrom(f.Value)
		}
	}
	rec.Title = mappings.CleanText(strings.Join(title, " "))
	rec.Authors = wprimAuthors(authorField, wprimAffiliations(affilField))
	return 1, nil
}

// splitItems splits a ";"-separated list, or a list with one item per
// line when there is no ";" (wrapped items are then joined by CleanText).
func splitItems(s string) []string {
	if strings.Contains(s, ";") {
		return mappings.SplitList(s, ";")
	}
	return mappings.SplitList(s, "\n")
}

// parseMeSH reads a MeSH heading written "Descriptor/qualifier/qualifier"
// with "*" marking a major topic on the descriptor or on a qualifier
// ("Thrombocytopenia/therapy*", "*Thrombocytopenia").
func parseMeSH(s string) (mappings.MeSHHeading, bool) {
	parts := strings.Split(mappings.CleanText(s), "/")
	var h mappings.MeSHHeading
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if strings.Contains(p, "*") {
			h.Major = true
			p = strings.TrimSpace(strings.ReplaceAll(p, "*", ""))
		}
		if p == "" {
			continue
		}
		if i == 0 {
			h.Descriptor = p
		} else {
			h.Qualifiers = append(h.Qualifiers, p)
		}
	}
	return h, h.Descriptor != ""
}

// wprimFromField reads the journal title and the "year;volume(issue):pages"
// line of the "- From:" block.
func wprimFromField(v string, rec *mappings.Record) {
	var journal []string
	for _, line := range strings.Split(v, "\n") {
		line = mappings.CleanText(line)
		if m := wprimSource.FindStringSubmatch(line); m != nil {
			if d, ok := mappings.ParseDate(m[1]); ok {
				rec.Issued = d
			}
			rec.Volume, rec.Issue = m[2], m[3]
			rec.PageStart, rec.PageEnd = mappings.SplitPages(m[4])
			continue
		}
		if line != "" {
			journal = append(journal, line)
		}
	}
	rec.Journal.Title = strings.Join(journal, " ")
}

// wprimAffiliations reads "1. Department …" lines into marker → text.
// Lines without a number continue the affiliation before them; an
// unnumbered first affiliation gets the marker "".
func wprimAffiliations(v string) map[string][]string {
	out := map[string][]string{}
	last := ""
	for _, line := range strings.Split(v, "\n") {
		line = mappings.CleanText(line)
		if line == "" {
			continue
		}
		if m := wprimAffil.FindStringSubmatch(line); m != nil {
			last = m[1]
			out[last] = append(out[last], m[2])
			continue
		}
		if n := len(out[last]); n > 0 {
			out[last][n-1] += " " + line
		} else {
			out[last] = append(out[last], line)
		}
	}
	return out
}

// wprimAuthors reads the "- Author:" block: names separated by ";", each
// followed by the markers of its affiliations ("Bo ZHANG" then "1"). An
// author gets only the affiliations its markers name, or the unnumbered
// one when the page lists a single author.
func wprimAuthors(v string, affils map[string][]string) []mappings.Author {
	var out []mappings.Author
	for _, chunk := range strings.Split(v, ";") {
		var name []string
		var markers []string
		for _, line := range strings.Split(chunk, "\n") {
			line = mappings.CleanText(line)
			switch {
			case line == "":
			case wprimMarkers.MatchString(line):
				markers = append(markers, mappings.SplitList(line, ", ")...)
			default:
				if m := wprimTrail.FindStringSubmatchIndex(line); m != nil {
					markers = append(markers, mappings.SplitList(line[m[2]:m[3]], ", ")...)
					line = line[:m[0]]
				}
				name = append(name, line)
			}
		}
		if len(name) == 0 {
			continue
		}
		a := mappings.ParseName(strings.Join(name, " "), mappings.GivenFirst)
		for _, mk := range markers {
			for _, aff := range affils[mk] {
				if !slices.Contains(a.Affiliations, aff) {
					a.Affiliations = append(a.Affiliations, aff)
				}
			}
		}
		out = append(out, a)
	}
	if len(out) == 1 && len(out[0].Affiliations) == 0 {
		out[0].Affiliations = affils[""]
	}
	return out
}
