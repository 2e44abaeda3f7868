// Package vufind reads VuFind catalogue pages with their Solr field dump
// (the "staff view"), through the field table vufind-solr.tsv.
package vufind

import (
	"bytes"
	_ "embed"
	"io"
	"iter"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/page"
)

func init() {
	mappings.Register(mappings.Format{
		Name:    "vufind-page",
		Rank:    61,
		Title:   "VuFind catalogue page with its Solr field dump (staff view)",
		Reads:   "title, authors, full abstract (description), language, year and, from the spelling field, issue month and journal abbreviation, publisher, identifiers from the url field, subjects",
		Example: "title A title\ntitle_full A title\nauthor Wang, Xiaohua\nauthor_facet Wang, Xiaohua\npublishDate 2017\n",
		Sniff:   sniffVuFind,
		Read:    readVuFind,
	})
}

var (
	vufindTitleFull   = regexp.MustCompile(`(?m)^title_full `)
	vufindAuthorFacet = regexp.MustCompile(`(?m)^author_facet `)
	vufindSpelling    = regexp.MustCompile(`(?m)^spelling `)
	vufindVersion     = regexp.MustCompile(`(?m)^_version_ \d`)
)

func sniffVuFind(head []byte) int {
	switch {
	case vufindTitleFull.Match(head) && vufindAuthorFacet.Match(head):
		return 90
	case vufindSpelling.Match(head) && vufindVersion.Match(head):
		return 70
	}
	return 0
}

// The Solr fields the reader knows (vufind-solr.tsv: field → the role it
// plays, "ignore" for one the record has no place for) are plain text, so
// that a domain expert can extend them without reading Go.
//
//go:embed vufind-solr.tsv
var fieldsTable []byte

// vufindRoles are the roles parseVuFind reads; a row naming another is a
// typo that would silently drop the field.
var vufindRoles = strings.Fields(`abstract author author-facet collection date doi issn issue journal
	language page-start publisher role spelling title title-full title-short topic url volume ignore`)

// loadFields parses the table once; a broken table stops every read
// (readVuFind) instead of reading pages wrongly.
var loadFields = sync.OnceValues(func() (map[string]string, error) {
	return parseFields(fieldsTable)
})

func parseFields(data []byte) (map[string]string, error) {
	return mappings.ParseMap(data, "vufind/vufind-solr.tsv", map[int][]string{1: vufindRoles})
}

// vufindFields maps a Solr field name to its role (vufind-solr.tsv).
func vufindFields() map[string]string {
	m, _ := loadFields()
	return m
}

var readPageVuFind = page.Read("vufind-page", parseVuFind)

func readVuFind(r io.Reader) iter.Seq2[mappings.Record, error] {
	if _, err := loadFields(); err != nil {
		return mappings.Refuse(err)
	}
	return readPageVuFind(r)
}

// vufindSyntax: a field line is a known Solr field name, a space and its
// first value; further values follow one per line. Lines before the
// first field are the page's rendering (Spanish UI text, a truncated
// abstract) and are not read.
var vufindSyntax = sync.OnceValue(func() *mappings.Syntax {
	known := map[string]bool{}
	for f := range vufindFields() {
		known[f] = true
	}
	return &mappings.Syntax{
		Tag:       regexp.MustCompile(`^([_A-Za-z][_A-Za-z0-9]*)(?: |$)`),
		Known:     known,
		OnlyKnown: true,
		Continues: func(prev mappings.Field, _ string) bool { return prev.Tag != "" },
	}
})

func parseVuFind(data []byte, rec *mappings.Record) (int, error) {
	var entry mappings.Entry
	for e, err := range mappings.ScanLabelled(bytes.NewReader(data), vufindSyntax()) {
		if err != nil {
			return 1, err
		}
		entry = e
	}
	roles := vufindFields()
	byRole := map[string][]mappings.Field{}
	for _, f := range entry.Fields {
		if r := roles[f.Tag]; r != "" && r != "ignore" {
			byRole[r] = append(byRole[r], f)
		}
	}
	first := func(role string) string {
		if fs := byRole[role]; len(fs) > 0 {
			return mappings.CleanText(fs[0].Value)
		}
		return ""
	}
	lines := func(role string) []string {
		var out []string
		for _, f := range byRole[role] {
			out = append(out, mappings.SplitList(f.Value, "\n")...)
		}
		return out
	}

	for _, role := range []string{"title", "title-full", "title-short"} {
		if rec.Title = first(role); rec.Title != "" {
			break
		}
	}
	names := lines("author")
	if len(names) == 0 {
		names = lines("author-facet")
	}
	for _, n := range names {
		rec.Authors = append(rec.Authors, mappings.ParseName(n, mappings.FamilyFirst))
	}
	description := first("abstract")
	rec.Abstract = mappings.AbstractFrom(description)
	if l := lines("language"); len(l) > 0 {
		rec.Language = mappings.LanguageCode(l[0])
	}
	if d, ok := mappings.ParseDate(first("date")); ok {
		rec.Issued = d
	}
	rec.Publisher = first("publisher")
	rec.Journal.Title = first("journal")
	rec.Volume, rec.Issue = first("volume"), first("issue")
	rec.PageStart = first("page-start")
	for _, s := range lines("issn") {
		if issn := rec.CheckISSN(s); issn != "" && !slices.Contains(rec.Journal.ISSNs, issn) {
			rec.Journal.ISSNs = append(rec.Journal.ISSNs, issn)
		}
	}
	if doi := mappings.NormalizeDOI(first("doi")); doi != "" {
		rec.DOI = doi
	}
	for _, u := range lines("url") {
		mappings.AddURL(rec, u)
	}

	topics := lines("topic")
	section := ""
	if sp := first("spelling"); sp != "" && len(topics) > 0 {
		authors := make([]string, len(rec.Authors))
		for i, a := range rec.Authors {
			authors[i] = a.AsWritten
		}
		if abbrev, issued, ok := parseSpelling(sp, rec.Title, authors, topics[0], description, rec.Publisher); ok {
			section = topics[0]
			if rec.Journal.Abbrev == "" && abbrev != "" {
				rec.Journal.Abbrev = abbrev
				guess(rec, "Journal.Abbrev", "vufind spelling: text between the author list and the PMC section (topic)")
			}
			if issued.Precision() > rec.Issued.Precision() && (rec.Issued.Year == 0 || rec.Issued.Year == issued.Year) {
				rec.Issued = issued
				guess(rec, "Issued", "vufind spelling: first YYYY-MM after the abstract and publisher")
			}
		}
	}
	// In a PubMed Central harvest (collection "PubMed") topic holds the
	// PMC article section ("Articles", "Case Reports"), not a subject;
	// elsewhere a topic the spelling shows as that section is skipped too.
	pmcHarvest := strings.EqualFold(first("collection"), "PubMed")
	for _, t := range topics {
		if t == section || pmcHarvest {
			continue
		}
		rec.Keywords = append(rec.Keywords, t)
	}
	return 1, nil
}

var spellingDate = regexp.MustCompile(`^(\d{4}-\d{2}(?:-\d{2})?)\b`)

// parseSpelling reads the journal abbreviation and issue date out of the
// Solr "spelling" field of a PMC harvest, which concatenates
// "pubmed-ID date Title Authors… JournalAbbrev Section Abstract Publisher
// YYYY-MM …". Every piece must be found where expected (the title, the
// authors in order, the section right before the abstract, the publisher
// right after it); otherwise nothing is returned rather than a guess.
func parseSpelling(sp, title string, authors []string, section, description, publisher string) (abbrev string, issued mappings.Date, ok bool) {
	sp = mappings.CleanText(sp)
	if title == "" || len(authors) == 0 || section == "" || description == "" {
		return "", mappings.Date{}, false
	}
	i := strings.Index(sp, " "+title+" ")
	if i < 0 {
		return "", mappings.Date{}, false
	}
	rest := sp[i+len(title)+2:]
	names := strings.Join(authors, " ") + " "
	if !strings.HasPrefix(rest, names) {
		return "", mappings.Date{}, false
	}
	rest = rest[len(names):]
	j := strings.Index(rest, " "+section+" "+description)
	if j <= 0 {
		return "", mappings.Date{}, false
	}
	abbrev = strings.TrimSpace(rest[:j])
	if len(abbrev) > 120 {
		return "", mappings.Date{}, false
	}
	tail := strings.TrimSpace(rest[j+len(section)+len(description)+2:])
	if publisher != "" {
		if !strings.HasPrefix(tail, publisher+" ") {
			return abbrev, mappings.Date{}, true
		}
		tail = tail[len(publisher)+1:]
	}
	if m := spellingDate.FindString(tail); m != "" {
		issued, _ = mappings.ParseDate(m)
	}
	return abbrev, issued, true
}

// guess records that a field was inferred by rule rather than read.
func guess(r *mappings.Record, field, rule string) {
	if r.Guessed == nil {
		r.Guessed = map[string]string{}
	}
	r.Guessed[field] = rule
}
