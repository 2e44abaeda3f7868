// Package zendy reads Zendy article pages ("Author(s) -", "Publication
// title -", a structured abstract), dropping the lines of boilerplate.txt
// (logos, the paywall notice).
package zendy

import (
	"bytes"
	_ "embed"
	"io"
	"iter"
	"regexp"
	"strings"
	"sync"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/page"
)

func init() {
	mappings.Register(mappings.Format{
		Name:    "zendy-page",
		Rank:    63,
		Title:   "Zendy article page (\"Author(s) -\", \"Publication title -\", structured abstract, paywall text)",
		Reads:   "title, authors, year, journal title as given, language, print and electronic ISSN, DOI, abstract with its CARE or IMRaD sections; not the machine-assigned subjects",
		Example: "A title\nAuthor(s) -\nKai Mu,\nJing Zhang\nPublication year - 2018\nPublication title -\nmedicine\n",
		Sniff:   sniffZendy,
		Read:    readZendy,
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
var zendySyntax = &mappings.Syntax{
	Tag: regexp.MustCompile(`^(Author\(s\)|Publication year|Publication title|Publisher|Language\(s\)|Resource type|` +
		`SCImago Journal Rank|H-Index|eISSN|pISSN|ISSN|DOI|Subject\(s\)|Volume|Issue|Pages?)[ \t]+-(?:[ \t]|$)`),
	Continues: func(prev mappings.Field, _ string) bool {
		return prev.Tag != "" && (prev.Value == "" ||
			prev.Tag == "Author(s)" && strings.HasSuffix(prev.Value, ","))
	},
}

func parseZendy(data []byte, rec *mappings.Record) (int, error) {
	var entry mappings.Entry
	for e, err := range mappings.ScanLabelled(bytes.NewReader(data), zendySyntax) {
		if err != nil {
			return 1, err
		}
		entry = e
	}
	var title, abstract []string
	seenTag := false
	for _, f := range entry.Fields {
		v := mappings.CleanText(f.Value)
		switch f.Tag {
		case "":
			if isBoilerplate(v) {
				continue
			}
			if seenTag {
				abstract = append(abstract, v)
			} else {
				title = append(title, v)
			}
			continue
		case "Author(s)":
			rec.Authors = append(rec.Authors, mappings.ParseNames(mappings.SplitList(f.Value, ",\n"), mappings.GivenFirst)...)
		case "Publication year":
			if d, ok := mappings.ParseDate(v); ok {
				rec.Issued = d
			}
		case "Publication title":
			// Kept as printed ("medicine"): the journal is identified
			// later by its ISSN, not by this title.
			rec.Journal.Title = v
		case "Publisher":
			rec.Publisher = v
		case "Language(s)":
			if l := mappings.SplitList(v, ",;"); len(l) > 0 {
				rec.Language = mappings.LanguageCode(l[0])
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
			rec.DOI = mappings.NormalizeDOI(v)
		case "Volume":
			rec.Volume = v
		case "Issue":
			rec.Issue = v
		case "Page", "Pages":
			rec.PageStart, rec.PageEnd = mappings.SplitPages(v)
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
	rec.Abstract = mappings.AbstractFrom(strings.Join(abstract, " "))
	return 1, nil
}

// The lines a Zendy page prints around the record (boilerplate.txt) are
// plain text, so that they can be extended without reading Go.
//
//go:embed boilerplate.txt
var boilerplateTable []byte

// loadBoilerplate parses the table once; a broken table stops every read
// (readZendy) instead of reading pages wrongly.
var loadBoilerplate = sync.OnceValues(func() ([]string, error) {
	rows, err := mappings.ParseTable(boilerplateTable, "zendy/boilerplate.txt", 1)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r[0]
	}
	return out, nil
})

var readPageZendy = page.Read("zendy-page", parseZendy)

func readZendy(r io.Reader) iter.Seq2[mappings.Record, error] {
	if _, err := loadBoilerplate(); err != nil {
		return mappings.Refuse(err)
	}
	return readPageZendy(r)
}

// isBoilerplate reports whether a page line is known page furniture.
func isBoilerplate(line string) bool {
	line = strings.TrimSpace(line)
	starts, _ := loadBoilerplate()
	for _, p := range starts {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}
