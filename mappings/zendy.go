package mappings

import (
	"bytes"
	"regexp"
	"strings"
)

func init() {
	Register(Format{
		Name:    "zendy-page",
		Rank:    63,
		Title:   "Zendy article page (\"Author(s) -\", \"Publication title -\", structured abstract, paywall text)",
		Reads:   "title, authors, year, journal title as given, language, print and electronic ISSN, DOI, abstract with its CARE or IMRaD sections; not the machine-assigned subjects",
		Example: "A title\nAuthor(s) -\nKai Mu,\nJing Zhang\nPublication year - 2018\nPublication title -\nmedicine\n",
		Sniff:   sniffZendy,
		Read:    readPage("zendy-page", parseZendy),
	})
}

var (
	zendyAuthors = regexp.MustCompile(`(?m)^Author\(s\) -`)
	zendyJournal = regexp.MustCompile(`(?m)^Publication title -`)
	zendyYear    = regexp.MustCompile(`(?m)^Publication year - \d`)
)

func sniffZendy(head []byte) int {
	switch {
	case zendyAuthors.Match(head) && zendyJournal.Match(head):
		return 90
	case zendyAuthors.Match(head) && zendyYear.Match(head):
		return 70
	}
	return 0
}

// zendySyntax: "Label - value" lines. A label with nothing after it takes
// the next line ("Publication title -" then "medicine"); the author list
// runs one name per line, each but the last ending in ",". Any other
// untagged line is page text (title, abstract, paywall notice).
var zendySyntax = &Syntax{
	Tag: regexp.MustCompile(`^(Author\(s\)|Publication year|Publication title|Publisher|Language\(s\)|Resource type|` +
		`SCImago Journal Rank|H-Index|eISSN|pISSN|ISSN|DOI|Subject\(s\)|Volume|Issue|Pages?)[ \t]+-(?:[ \t]|$)`),
	Continues: func(prev Field, _ string) bool {
		return prev.Tag != "" && (prev.Value == "" ||
			prev.Tag == "Author(s)" && strings.HasSuffix(prev.Value, ","))
	},
}

func parseZendy(data []byte, rec *Record) (int, error) {
	var entry Entry
	for e, err := range ScanLabelled(bytes.NewReader(data), zendySyntax) {
		if err != nil {
			return 1, err
		}
		entry = e
	}
	var title, abstract []string
	seenTag := false
	for _, f := range entry.Fields {
		v := CleanText(f.Value)
		switch f.Tag {
		case "":
			if isBoilerplate("zendy-page", v) {
				continue
			}
			if seenTag {
				abstract = append(abstract, v)
			} else {
				title = append(title, v)
			}
			continue
		case "Author(s)":
			rec.Authors = append(rec.Authors, ParseNames(splitList(f.Value, ",\n"), GivenFirst)...)
		case "Publication year":
			if d, ok := ParseDate(v); ok {
				rec.Issued = d
			}
		case "Publication title":
			// Kept as printed ("medicine"): the journal is identified
			// later by its ISSN, not by this title.
			rec.Journal.Title = v
		case "Publisher":
			rec.Publisher = v
		case "Language(s)":
			if l := splitList(v, ",;"); len(l) > 0 {
				rec.Language = LanguageCode(l[0])
			}
		case "pISSN":
			rec.Journal.ISSN = rec.CheckISSN(v)
		case "eISSN":
			rec.Journal.EISSN = rec.CheckISSN(v)
		case "ISSN":
			if issn := rec.CheckISSN(v); issn != "" {
				rec.Journal.ISSNs = append(rec.Journal.ISSNs, issn)
			}
		case "DOI":
			rec.DOI = NormalizeDOI(v)
		case "Volume":
			rec.Volume = v
		case "Issue":
			rec.Issue = v
		case "Page", "Pages":
			rec.PageStart, rec.PageEnd = SplitPages(v)
		case "Subject(s)":
			// Machine-assigned fields of study ("purpura (gastropod)",
			// "ecology", "biology" for a paediatric case report): not the
			// authors' keywords and often wrong, so they are not kept.
		}
		seenTag = true
	}
	// The title is the last page line before the labels: logos and badges
	// come first and are listed as boilerplate.
	if len(title) > 0 {
		rec.Title = title[len(title)-1]
	}
	rec.Abstract = abstractFrom(strings.Join(abstract, " "))
	return 1, nil
}
