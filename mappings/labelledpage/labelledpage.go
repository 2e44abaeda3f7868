// Package labelledpage reads the labelled-page fallback: any web page
// copied as text, when no site-specific reader claims it. Fields come from
// labels (page-labels.tsv) and from shapes (a title-cased first line, a
// name list, a citation line); every field found by shape is listed in
// Record.Guessed with its rule. Navigation, paywall and cookie text
// (page-boilerplate.tsv) is dropped, and whether what is left is a record
// is decided by the rule every page reader shares (page.IsRecord).
package labelledpage

import (
	"bytes"
	"errors"
	"io"
	"iter"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/page"
)

func init() {
	mappings.Register(mappings.Format{
		Name:  "labelled-page",
		Rank:  90,
		Title: "Any web page copied as text (fallback: fields found by labels and shape, guesses recorded)",
		Reads: "title, authors, journal, date, volume, issue, pages, DOI (also in URLs or glued to words), PMID, PMCID, " +
			"registry ids, keywords, language, abstract with its sections; navigation, paywall and cookie text is dropped",
		Example: "Skip to main content\nA title of a paper about MSCs\nAuthors: Xiaohua Wang, Wei Sun\nDOI: 10.3892/etm.2017.4229\nAbstract\nFour patients …\n",
		Sniff:   sniffLabelledPage,
		Read:    readLabelledPage,
	})
}

// errNoTitleOrAbstract: the page has nothing that identifies a paper.
var errNoTitleOrAbstract = errors.New("no title or abstract found")

// errNotText: the input is binary, not a copied page.
var errNotText = errors.New("not text (binary data)")

// sniffLabelledPage claims, at the lowest score, any text with a line
// that could be a title or an abstract: every specific reader outbids it.
//
// A JSON or XML document is data, not a copied page: if no specific reader
// claimed it, it is reported as an unknown format rather than read as prose
// (a JSON export of an unsupported API would otherwise become a "paper").
func sniffLabelledPage(head []byte) int {
	if !isPageText(head) || looksLikeDataDocument(head) || looksLikeOtherText(head) {
		return 0
	}
	for _, line := range strings.Split(string(head), "\n") {
		if len(strings.Fields(line)) >= 3 && strings.IndexFunc(line, unicode.IsLetter) >= 0 || hanCount(line) >= 6 {
			return 1
		}
	}
	return 0
}

// looksLikeDataDocument reports input that starts (after a BOM and
// spaces) like JSON or an XML document.
func looksLikeDataDocument(head []byte) bool {
	t := strings.TrimLeft(strings.TrimPrefix(string(head), "\uFEFF"), " \t\r\n")
	if strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		return true
	}
	// Any markup document (<?xml, <!DOCTYPE, <article …>): a copied page
	// is the text a browser shows, never its tags.
	return len(t) > 1 && t[0] == '<' && (t[1] == '?' || t[1] == '!' || t[1] >= 'a' && t[1] <= 'z' || t[1] >= 'A' && t[1] <= 'Z')
}

var (
	// otherTagLine is a line of a tagged export the fallback does not
	// read: Web of Science ("PT J", "AU Smith, J"), RIS or MEDLINE that
	// lost its first tag ("T1  - …"), and their bare end tags ("ER").
	otherTagLine = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,3}(?: {1,3}- ?\S| \S|\s*-?\s*$)`)
	// codeLine is a line of source code or of a Markdown code fence.
	codeLine = regexp.MustCompile("^(?:```|\\s*(?:package|import|func|def|class|#include|return|var|const|let)\\b|.*[;{}]\\s*$)")
	// A Markdown document, not a page: headings with a table or a code
	// fence (a page copied from a browser has neither; a Markdown digest
	// of one article has headings only, and stays a page).
	mdHeading   = regexp.MustCompile(`(?m)^#{1,6} \S`)
	mdStructure = regexp.MustCompile("(?m)^(?:```|\\|?\\s*:?-{3,}:?\\s*\\|)")
)

// looksLikeOtherText reports text that is another structured format, not
// a page: tagged lines of a scheme no reader claimed (four in five of the
// unindented lines, at least five of them), source code (a quarter of the
// lines code, at least five), or a Markdown document (headings with a
// table or a code fence). Reading either
// as a page would invent a paper from a header or a README.
func looksLikeOtherText(head []byte) bool {
	lines := strings.Split(string(bytes.TrimPrefix(head, []byte("\ufeff"))), "\n")
	tagged, unindented, code, nonblank := 0, 0, 0, 0
	for _, l := range lines {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		nonblank++
		if codeLine.MatchString(l) {
			code++
		}
		if l[0] == ' ' || l[0] == '\t' {
			continue
		}
		unindented++
		if otherTagLine.MatchString(l) {
			tagged++
		}
	}
	if mdHeading.Match(head) && mdStructure.Match(head) {
		return true
	}
	return tagged >= 5 && tagged*5 >= unindented*4 || code >= 5 && code*4 >= nonblank
}

// isPageText reports text: no NUL byte and at most 1% invalid UTF-8.
func isPageText(b []byte) bool {
	if len(bytes.TrimSpace(b)) == 0 || bytes.IndexByte(b, 0) >= 0 {
		return false
	}
	bad, n := 0, 0
	for i := 0; i < len(b); n++ {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 && len(b)-i >= utf8.UTFMax {
			bad++ // a rune cut by the end of a sniffed head is not an error
		}
		i += size
	}
	return bad*100 <= n
}

func readLabelledPage(r io.Reader) iter.Seq2[mappings.Record, error] {
	return func(yield func(mappings.Record, error) bool) {
		if _, err := loadTables(); err != nil {
			yield(mappings.Record{}, err) // a broken table would read pages wrongly
			return
		}
		data, err := page.Load("labelled-page", r)
		if err != nil {
			yield(mappings.Record{}, err)
			return
		}
		rec, err := parseLabelledPage(data)
		if err != nil {
			yield(mappings.Record{}, &mappings.RecordError{Record: 1, Line: 1, Err: err})
			return
		}
		rec.Format, rec.Number, rec.Line, rec.Raw = "labelled-page", 1, 1, data
		yield(rec, nil)
	}
}

// parseLabelledPage finds a record on a page: first what labels name,
// then what shapes suggest. Every field found by shape alone is listed
// in Record.Guessed with the rule that found it.
func parseLabelledPage(data []byte) (mappings.Record, error) {
	rec, err := labelledPageFields(data)
	if err != nil {
		return mappings.Record{}, err
	}
	if err := page.IsRecord(&rec); err != nil {
		return mappings.Record{}, err
	}
	return rec, nil
}

// labelledPageFields finds every field a page gives, before the rule of
// page.IsRecord decides whether they make a record.
func labelledPageFields(data []byte) (mappings.Record, error) {
	if !isPageText(data) {
		if len(bytes.TrimSpace(data)) == 0 {
			return mappings.Record{}, errNoTitleOrAbstract
		}
		return mappings.Record{}, errNotText
	}
	text := strings.ToValidUTF8(string(bytes.TrimPrefix(data, []byte("\ufeff"))), "\uFFFD")
	lines := splitPageLines(text)
	stop := len(lines)
	for i, l := range lines {
		if l.field == "stop" {
			stop = i
			break
		}
	}
	var rec mappings.Record
	guess := func(field, rule string) {
		if rec.Guessed == nil {
			rec.Guessed = map[string]string{}
		}
		rec.Guessed[field] = rule
	}
	reg := labelled(lines, stop, &rec)
	addressTrial := ""
	if addr, at := pageAddress(lines); addr != "" {
		lines[at].used = true
		ids, trial := addressIDs(addr)
		addressTrial = trial
		for _, f := range []struct {
			dst   *string
			v, id string
		}{{&rec.DOI, ids.DOI, "doi"}, {&rec.PMID, ids.PMID, "pmid"}, {&rec.PMCID, ids.PMCID, "pmcid"}} {
			if *f.dst == "" && f.v != "" {
				*f.dst = f.v
				guess(f.id, "page-address")
			}
		}
		mappings.AddURL(&rec, addr)
	}

	abs, found := findPageAbstract(lines, stop)
	absStart, absEnd := stop, stop
	if found {
		rec.Abstract, absStart, absEnd = abs.abs, abs.start, abs.end
		if abs.rule != "" {
			guess("abstract", abs.rule)
		}
		for _, s := range rec.Abstract.Sections {
			if strings.EqualFold(s.Label, "Trial registration") {
				addTrialIDs(&rec, pageTrialIDs(s.Text))
			}
		}
	}
	titleAt := -1
	if title, names, c, ok := gbtCitation(lines, absStart); ok {
		// The page's own citation names title, authors and journal with
		// marks, which beats guessing them from the page's shape.
		if rec.Title == "" {
			rec.Title = title
			guess("title", "gbt-citation")
		}
		if len(rec.Authors) == 0 {
			rec.Authors = names
			guess("authors", "gbt-citation")
		}
		if rec.Journal.Title == "" && rec.Journal.Abbrev == "" || rec.Issued.IsZero() {
			applyCitation(c, &rec)
			guess("journal", "gbt-citation")
		}
	}
	if rec.Title == "" {
		if i := pageTitleLine(lines, absStart); i >= 0 {
			rec.Title, titleAt = withoutGluedTail(titleText(lines[i].text)), i
			guess("title", "first-title-line")
			for _, j := range wrappedTitle(lines, i, absStart) {
				rec.Title = joinWrapped(rec.Title, lines[j].text)
				lines[j].used = true
				titleAt = j
			}
		}
	}
	if len(rec.Authors) == 0 && titleAt >= 0 {
		// Before a name list: Wiley's "X, Y and Z contributed equally"
		// note under the first name lists only some of the authors.
		if names := repeatedNameBlocks(lines, titleAt, absStart); len(names) > 0 {
			rec.Authors = names
			guess("authors", "repeated-name-blocks")
		}
	}
	if len(rec.Authors) == 0 {
		if names := nameListAfter(lines, titleAt, absStart); len(names) > 0 {
			rec.Authors = names
			guess("authors", "name-list-line")
		}
	}
	if len(rec.Authors) == 0 && titleAt >= 0 {
		authorYearJournal(lines, titleAt, absStart, &rec, guess)
	}
	if len(rec.Authors) == 0 {
		eprints(lines, absStart, &rec, guess)
	}
	if len(rec.Authors) == 0 {
		if names := capitalFamilyLine(lines, stop); len(names) > 0 {
			rec.Authors = names
			guess("authors", "capital-family-names")
		}
	}
	if len(rec.Authors) == 0 || rec.Journal.Title == "" && rec.Journal.Abbrev == "" || rec.Issued.IsZero() {
		pubmedShortCitation(lines, absStart, &rec, guess)
	}
	shapes(lines, absStart, absEnd, &rec, guess)
	abstractEndCitation(&rec, guess)
	if rec.Language == "" {
		if lang := scriptLanguage(rec.Title + rec.Abstract.Text); lang != "" {
			rec.Language = lang
			guess("language", "script")
		}
	}
	if rec.Title == "" && reg.official != "" {
		rec.Title = reg.official
	}
	if rec.Title == "" {
		if t := registrationHeading(lines, reg, absStart); t != "" {
			rec.Title = t
			guess("title", "registration-heading")
		}
	}
	rec.Trial = pageTrial(reg, addressTrial, &rec)
	if rec.Title == "" && rec.Abstract.Text == "" {
		return mappings.Record{}, errNoTitleOrAbstract
	}
	if rec.Trial == nil && reg.fields >= 2 {
		rec.Guessed = addGuess(rec.Guessed, "kind", page.KindRegistrationWithoutID)
	} else if rec.Title != "" && found && utf8.RuneCountInString(rec.Abstract.Text) >= page.MinLabelledAbstract &&
		(abs.rule == "" && isAbstractLabel(abs.label) || abs.rule == "labelled-sections" && len(rec.Abstract.Sections) >= 3) {
		// Under an "Abstract" label, or as three or more labelled parts
		// ("Background: …", "Methods: …", "Results: …"): an abstract page.
		rec.Guessed = addGuess(rec.Guessed, "kind", page.KindTitleAndAbstract)
	}
	return rec, nil
}

// eprints reads the first EPrints citation line above the abstract
// (eprintsCitation): its authors, and the journal, year, volume, issue
// and pages where nothing else gave them.
func eprints(lines []pageLine, limit int, rec *mappings.Record, guess func(field, rule string)) {
	for i := 0; i < limit; i++ {
		if !pageText(lines[i]) {
			continue
		}
		names, c, ok := eprintsCitation(lines[i].text)
		if !ok {
			continue
		}
		rec.Authors = names
		guess("authors", "eprints-citation")
		if rec.Journal.Title == "" && rec.Journal.Abbrev == "" && !looksLikeAddress(c.journal) {
			rec.Journal.Title = c.journal
			guess("journal", "eprints-citation")
		}
		if rec.Issued.IsZero() {
			rec.Issued = c.issued
			guess("date", "eprints-citation")
		}
		mappings.SetOnce(&rec.Volume, c.volume)
		mappings.SetOnce(&rec.Issue, c.issue)
		if rec.PageStart == "" && c.pages != "" {
			rec.PageStart, rec.PageEnd = mappings.SplitPages(c.pages)
		}
		lines[i].used = true
		return
	}
}

// isAbstractLabel reports the word "Abstract" in one of its languages.
// A "Summary" is not enough: registries, slide decks and drug leaflets
// print one too.
func isAbstractLabel(label string) bool {
	switch labelKey(strings.TrimRight(label, ":：-–— ")) {
	case "abstract", "zusammenfassung", "resumen", "resumo", "résumé", "摘要", "аннотация", "анотація", "реферат":
		return true
	}
	return false
}

func addGuess(m map[string]string, field, rule string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[field] = rule
	return m
}

// labelled reads the fields that labels name. A label with nothing after
// it takes the next line of text. What registry labels say is returned
// apart: it makes a Trial only when there is enough of it.
func labelled(lines []pageLine, stop int, rec *mappings.Record) pageRegistration {
	var reg pageRegistration
	for i := 0; i < stop; i++ {
		l := lines[i]
		if l.field == "" || l.field == "abstract" || l.used {
			continue
		}
		v := l.value
		switch l.field {
		case "status", "studytype", "phase", "registration":
			// Counted whether or not its value is printed where a reader
			// finds it ("Secondary IDs if Any" / "Modification(s)" / …).
			reg.fields++
		}
		if v == "" {
			if emptyValue(lines, i, stop) {
				continue
			}
			j := nextText(lines, i+1, stop)
			for j < stop && lines[j].furn && (l.field == "title" || l.field == "official") {
				j = nextText(lines, j+1, stop) // "Public Title of Study" / "Modification(s)" / the title (CTRI)
			}
			if j >= stop || !pageText(lines[j]) {
				continue
			}
			if lines[j].field != "" && lines[j].value != "" || otherLabelLine.MatchString(lines[j].text) {
				// "Scientific title:" left empty above "Date of first
				// enrolment: 26/02/2001": the next label's line is its own.
				continue
			}
			if (l.field == "date" || l.field == "history") && !dateFits(lines[j].text) && pageTitleLine(lines, i) < 0 {
				// "• Published:" left empty above the article's title
				// (BMC's list of badges): the line is not a date, and no
				// title came before it, so it may be the title. (Below a
				// title, Springer's "• First Online:" tops the book's
				// title, which stays out of the byline's way.)
				continue
			}
			if l.field == "authors" && lines[j].bullet {
				// "• Authors:" above "• Cristian Jinca", "• Margit Serban",
				// … (Spandidos): one name per list item, all of them
				if names := bulletNameItems(lines, j, stop); len(names) > 1 {
					if len(rec.Authors) == 0 {
						rec.Authors = names
					}
					continue
				}
			}
			v = lines[j].text
			// A trial registration may also be the last section of a
			// structured abstract: its text stays free for the abstract.
			lines[j].used = l.field != "trial"
			// "Journal" / "EXPERIMENTAL AND THERAPEUTIC MEDICINE" /
			// "Volume 13, Issue 5, Pages 2255-2258".
			if k := nextText(lines, j+1, stop); k < stop && pageText(lines[k]) {
				if m := volIssPage.FindStringSubmatch(lines[k].text); m != nil {
					rec.Volume, rec.Issue = m[1], m[2]
					rec.PageStart, rec.PageEnd = mappings.SplitPages(m[3])
					lines[k].used = true
				}
			}
		}
		if l.field == "doi" || l.field == "pmid" || l.field == "pmcid" {
			if j := prevText(lines, i); j >= 0 && authoredCitation.MatchString(lines[j].text) {
				continue // the identifiers of the paper cited on the line above
			}
		}
		switch l.field {
		case "news":
			rec.Guessed = addGuess(rec.Guessed, "kind", page.KindNews)
		case "title":
			if !looksLikeAddress(v) {
				mappings.SetOnce(&rec.Title, titleText(v))
			}
		case "official":
			mappings.SetOnce(&reg.official, v)
		case "authors":
			if journalistByline(v) {
				rec.Guessed = addGuess(rec.Guessed, "kind", page.KindNews)
				continue
			}
			if len(rec.Authors) == 0 {
				rec.Authors = pageNames(spacedHanNames(v))
			}
		case "journal":
			if rec.Journal.Title == "" && rec.Journal.Abbrev == "" {
				journalValue(v, rec)
			}
		case "publisher":
			if !looksLikeAddress(v) {
				mappings.SetOnce(&rec.Publisher, v)
			}
		case "registryid":
			ids := labelledTrialIDs(v)
			if len(ids) > 0 && reg.id == "" {
				reg.id = ids[0]
			}
			addTrialIDs(rec, ids)
		case "date":
			if d, ok := dateIn(v); ok && rec.Issued.IsZero() {
				rec.Issued = d
			}
		case "doi":
			mappings.SetOnce(&rec.DOI, doiInLine(v))
		case "pmid":
			if f := strings.Fields(v); rec.PMID == "" && len(f) > 0 {
				rec.PMID = mappings.NormalizePMID(f[0])
			}
		case "pmcid":
			if f := strings.Fields(v); rec.PMCID == "" && len(f) > 0 {
				rec.PMCID = mappings.NormalizePMCID(f[0])
			}
		case "language":
			if items := mappings.SplitList(v, ",;"); rec.Language == "" && len(items) > 0 {
				rec.Language = mappings.LanguageCode(items[0])
			}
		case "volume":
			mappings.SetOnce(&rec.Volume, v)
		case "issue":
			mappings.SetOnce(&rec.Issue, v)
		case "pages":
			if rec.PageStart == "" {
				rec.PageStart, rec.PageEnd = mappings.SplitPages(v)
			}
		case "keywords":
			if len(rec.Keywords) == 0 {
				rec.Keywords = pageKeywords(v)
			}
		case "trial":
			addTrialIDs(rec, pageTrialIDs(v))
		}
	}
	return reg
}

// emptyValue reports a label whose value the page prints as a dash
// ("Keywords" / "-" / "Categories"): the field is empty, and the next
// heading is not its value.
func emptyValue(lines []pageLine, i, stop int) bool {
	for k := i + 1; k < stop && lines[k].blank; k++ {
		if lines[k].dash {
			return true
		}
	}
	return false
}

// otherLabelLine is a line that is a label and its value ("Date of first
// enrolment: 26/02/2001"), whether or not the label is one this reader
// knows: never the value of an empty label above it.
var otherLabelLine = regexp.MustCompile(`^\p{Lu}[\p{L} ()/-]{1,40}:\s*\S`)

// issnInLine finds an ISSN ("ISSN 1923-4155", "ISSN: 2578-501X").
var issnInLine = regexp.MustCompile(`(?i)\bISSN\b[:\s-]*\d{4}\s*-\s*\d{3}[\dX]`)

// dateFits: s is a date or starts with one ("12 March 2021", "2021 Mar 3;").
func dateFits(s string) bool {
	if _, ok := looseDate(s); ok {
		return true
	}
	_, ok := dateIn(s)
	return ok && len(strings.Fields(s)) <= 6
}

// journalistRoles end a reporter's byline ("By Elana Gotkine HealthDay
// Reporter", "By Jane Doe, Staff Writer").
var journalistRoles = []string{"reporter", "correspondent", "staff writer", "contributing writer",
	"senior writer", "news editor", "health writer", "medical writer", "staff"}

// journalistByline: the byline ends with a journalist's role.
func journalistByline(v string) bool {
	w := strings.ToLower(strings.TrimRight(strings.TrimSpace(v), ".,;"))
	for _, r := range journalistRoles {
		if strings.HasSuffix(w, " "+r) || strings.HasSuffix(w, ","+r) {
			return true
		}
	}
	return false
}

// shapes reads what the page prints without labels: a citation line, a
// date on its own line, identifiers in the text and in resolver URLs.
// Identifiers are looked for only up to the end of the abstract: below
// it a page lists other papers (related articles, references, a table
// of contents), whose identifiers would join this record to them.
func shapes(lines []pageLine, absStart, stop int, rec *mappings.Record, guess func(field, rule string)) {
	for i := 0; i < absStart; i++ {
		l := lines[i]
		if l.blank || l.furn {
			continue
		}
		if c, ok := parseCitationLine(l.text); ok {
			hadJournal, hadDate := rec.Journal.Title != "" || rec.Journal.Abbrev != "", !rec.Issued.IsZero()
			applyCitation(c, rec)
			if !hadJournal && rec.Journal.Abbrev != "" {
				guess("journal", "citation-line")
			}
			if !hadDate && !rec.Issued.IsZero() {
				guess("date", "citation-line")
			}
			break
		}
	}
	if rec.Issued.IsZero() {
		for i := 0; i < absStart; i++ {
			if pageText(lines[i]) && isDateLine(lines[i].text) {
				rec.Issued, _ = looseDate(lines[i].text)
				guess("date", "date-line")
				break
			}
		}
	}
	had := [3]bool{rec.DOI != "", rec.PMID != "", rec.PMCID != ""}
	prev := "" // the text line before l
	for i := 0; i < stop; i++ {
		l := lines[i]
		if l.blank || l.furn || referenceEntry.MatchString(l.text) {
			continue
		}
		before := prev
		prev = l.text
		if i > absStart && authoredCitation.MatchString(before) {
			// "Pang L, Yu F, Yang X Front Med (Lausanne). 2025; 12:1528131."
			// / "PMID: 40041460 PMC: 11876402": another paper's identifiers,
			// under the abstract of an aggregator that lists it.
			continue
		}
		if rec.PMID == "" {
			if m := pmidInPage.FindStringSubmatch(l.text); m != nil {
				rec.PMID = mappings.NormalizePMID(m[1])
				had[1] = rec.PMID != "" // printed with its label
			}
		}
		if rec.PMCID == "" {
			if m := pmcidInPage.FindStringSubmatch(l.text); m != nil {
				rec.PMCID = mappings.NormalizePMCID(m[1])
				had[2] = rec.PMCID != ""
			}
		}
		for _, u := range urlInPage.FindAllString(l.text, -1) {
			if strings.Contains(u, "doi.org/") {
				if loc := doiGlued.FindStringIndex(u); loc != nil {
					u = u[:loc[0]+1] // "https://doi.org/10.1016/S0140-6736(15)61107-2Get rights and content"
				}
			}
			u = strings.TrimRight(u, ".,;)")
			if ids := mappings.IDsFromURL(u); ids != (mappings.IDs{}) {
				mappings.AddURL(rec, u)
			}
		}
		if rec.DOI == "" {
			if d := doiInLine(l.text); d != "" {
				rec.DOI = d
				guess("doi", "doi-in-text")
				had[0] = true
			}
		}
	}
	for k, field := range []string{"doi", "pmid", "pmcid"} {
		if !had[k] && [3]string{rec.DOI, rec.PMID, rec.PMCID}[k] != "" {
			guess(field, "resolver-url")
		}
	}
}

// pageTitleLine returns the first line before limit that reads like a
// title, or -1.
func pageTitleLine(lines []pageLine, limit int) int {
	for i := 0; i < limit; i++ {
		// A list item is a key point or a menu entry, never the title.
		if t := strings.TrimSpace(lines[i].text); captionLabel.MatchString(t) || caption.MatchString(t) {
			// "Table 3." or "Table 2. Hematologic Response in …": a view of
			// one table or figure, whose lines are no title
			return -1
		}
		if !pageText(lines[i]) || lines[i].bullet || !titleLike(titleText(lines[i].text)) {
			continue
		}
		if isMasthead(lines, i, limit) {
			continue
		}
		return completeTitle(lines, i, limit)
	}
	return -1
}

// isMasthead reports a journal's name printed above its volume and issue
// ("Advances in Clinical Medicine" / "Vol. 14 No. 04 (2024)", "Chinese
// Bulletin of Life Sciences" / "第 19卷 第 2期"): the journal, not the title.
func isMasthead(lines []pageLine, i, limit int) bool {
	j := nextText(lines, i+1, limit)
	return j < limit && volumeLine.MatchString(lines[j].text)
}

// captionLabel: a caption's label on a line of its own ("Table 3.")
// before the caption ("Efficacy of Avatrombopag in ITP in Phase II and III
// Trials", PMC's view of one table).
var captionLabel = regexp.MustCompile(`^(?:Table|Figure|Fig\.)\s*[0-9A-Z]{0,3}[.:]?$`)

// caption: a table's or figure's caption, printed where a page shows the
// table or figure alone ("Table 1 Clinical studies of …", "Figure. …").
var caption = regexp.MustCompile(`^(?:Table|Figure|Fig\.)(?:\s+[0-9A-Z]+\b|\.|:)`)

var volumeLine = regexp.MustCompile(`^[\s,;]*(?i:vol(?:ume)?\.?\s*\d+\s*[,:]?\s*(?:(?:no|number|issue|iss)\.?\s*\d+|article\b|pp?\.?\s*\d|pages?\b))|^第\s*\d+\s*卷`)

// completeTitle returns the title line in full when the first one found
// is cut short: a line that ends in an ellipsis ("… patients with immune
// ...", a search snippet) or whose words begin a longer title line further
// down ("… in Hematopoietic Stem" above "… in Hematopoietic Stem Cell
// Transplant Patients", a page header). A cut title whose full form is
// nowhere to be read is no title: -1.
func completeTitle(lines []pageLine, i, limit int) int {
	t := titleText(lines[i].text)
	stem, cut := strings.CutSuffix(t, "...")
	if !cut {
		stem, cut = strings.CutSuffix(t, "…")
	}
	stem = strings.TrimSpace(stem)
	for j := i + 1; j < limit; j++ {
		if !pageText(lines[j]) {
			continue
		}
		if u := titleText(lines[j].text); len(u) > len(stem) && strings.HasPrefix(u, stem+" ") && titleLike(u) {
			return j
		}
	}
	if cut {
		return -1
	}
	return i
}

// wrappedTitle returns the lines that continue the title at line i, as
// text copied from a PDF prints it ("Effects of … on Mesenchymal Stem" /
// "Cell Function in Aplastic Anemia Mice"), or none: each line before
// ends without a stop, at most two blank lines stand between, the lines
// read like a title together, and the byline follows the last (after at
// most one blank line). At most four lines continue a title.
func wrappedTitle(lines []pageLine, i, limit int) []int {
	next := func(k, blanks int) int {
		k++
		for n := 0; n < blanks && k < limit && lines[k].blank; n++ {
			k++
		}
		return k
	}
	var cont []int
	// sure: a line went on in small letters ("Rilzabrutinib, an Oral
	// BTK Inhibitor," / "in Immune Thrombocytopenia"), so the lines
	// joined so far are the title whether or not a known byline follows.
	sure := false
	done := func() []int {
		if sure {
			return cont
		}
		return nil
	}
	text := lines[i].text
	for last := i; len(cont) < 4; {
		if strings.ContainsAny(lines[last].text[len(lines[last].text)-1:], ".?!:") {
			return done()
		}
		j := next(last, 2)
		if j >= limit || !pageText(lines[j]) || leadingDate.MatchString(lines[j].text) {
			return done() // "2013-09-11王丽佳江宇泳…": a posting date and its byline
		}
		if (hanCount(lines[last].text) > 0) != (hanCount(lines[j].text) > 0) {
			return done() // a Chinese title above its English one: two titles, not one wrapped
		}
		if markedName.MatchString(lines[j].text) {
			return done() // "Bruno Fattizzo1 · Giorgia Levati1,2 · …": the byline
		}
		joined := joinWrapped(text, lines[j].text)
		if !titleLike(joined) {
			return done()
		}
		if sure && strings.Count(lines[j].text, ",") >= 3 {
			return cont // "David J. Kuter, M.D., Merlin Efraim, M.D., …": a list, not more title
		}
		text = joined
		cont = append(cont, j)
		if b := next(j, 1); b < limit && pageText(lines[b]) && (len(pageNames(lines[b].text)) >= 2 || soleAuthorAt(lines, b, limit)) {
			return cont
		}
		sure = sure || startsLower(lines[j].text) && !strings.HasPrefix(lines[j].text, "by ")
		last = j
	}
	return done()
}

// joinWrapped joins a title's next line to it: "Graft-Versus-" and "Host
// Disease" make "Graft-Versus-Host Disease".
func joinWrapped(title, line string) string {
	if strings.HasSuffix(title, "-") {
		return title + line
	}
	return title + " " + line
}

// soleAuthorAt reports a byline of one: line i is exactly one personal
// name and the line right below it is that author's affiliation
// ("Shosaku Nomura" / "First Department of Internal Medicine, Kansai
// Medical University, …"). A name alone, without the affiliation under
// it, may be a user name or a signature and is no byline.
func soleAuthorAt(lines []pageLine, i, limit int) bool {
	if i+1 >= limit || !pageText(lines[i]) || !pageText(lines[i+1]) || lines[i].bullet {
		return false
	}
	if len(pageNames(lines[i].text)) != 1 || countItems(lines[i].text) != 1 || !isAffiliation(lines[i+1].text) {
		return false
	}
	// "Irene Marini" / affiliation / "," / "Tamam Bakchoul": the byline
	// goes on, and its first name alone would be a wrong author list.
	k := nextText(lines, i+2, limit)
	if k >= limit {
		return true
	}
	next := strings.TrimSpace(lines[k].text)
	return next != "," && next != "and" && len(pageNames(next)) == 0
}

// titleText drops the number a meeting prints before an abstract title
// ("1192 Efficacy and Safety of …").
// leadingDate opens a line with a date ("2013-09-11…").
var leadingDate = regexp.MustCompile(`^\s*\d{4}-\d{1,2}-\d{1,2}`)

// gluedDate is a posting date and what follows it run onto a title line
// ("…及文献复习 2013-09-11王丽佳江宇泳杜宏波杨志云").
var gluedDate = regexp.MustCompile(`\s+\d{4}-\d{1,2}-\d{1,2}[\p{Han}\s]*$`)

// gluedByline finds where names marked with affiliation numbers start
// on a title line ("…: a case report Krista JM Stibbe1, Hajo IJ
// Wildschut2*, Pieternella J Lugtenburg3"), as a PDF copy prints them.
var gluedByline = regexp.MustCompile(`\s((?:\p{Lu}[\p{L}.'’-]*\s){1,3}\p{Lu}[\p{L}'’-]+\d{1,2}[*†‡]?(?:,\s*|\s+and\s+)(?:\p{Lu}[\p{L}.'’-]*\s){1,3}\p{Lu}[\p{L}'’-]+\d{1,2}.*)$`)

// withoutGluedTail cuts from a title line what a copied PDF or a
// sharing site ran onto it: a posting date with its byline, or names
// with affiliation numbers (two at least, read as names).
func withoutGluedTail(t string) string {
	if loc := gluedDate.FindStringIndex(t); loc != nil && loc[0] > 0 {
		return strings.TrimSpace(t[:loc[0]])
	}
	if m := gluedByline.FindStringSubmatchIndex(t); m != nil && m[2] > 0 {
		if len(pageNames(t[m[2]:])) >= 2 {
			return strings.TrimSpace(t[:m[2]])
		}
	}
	return t
}

func titleText(s string) string {
	if m := findingsWrapper.FindStringSubmatch(s); m != nil {
		s = m[1] // an aggregator's heading around a registered trial's title
	}
	if loc := runningHeadAuthors.FindStringIndex(s); loc != nil && loc[1] < len(s) {
		// "Kim, Kim, Jo, Yoon, Koh, Kang, Koh, and Im: Ten-Year Trends …":
		// a Korean journal's running head names the authors first
		s = s[loc[1]:]
	}
	if m := itemNumber.FindStringSubmatchIndex(s); m != nil {
		s = s[m[3]:] // "3.間葉系幹細胞による急性GVHDの治療": a special issue's item
		if m := subItem.FindStringSubmatchIndex(s); m != nil {
			// "2.移植片対宿主病(GVHD)の診断と治療法の進歩1)移植片対宿主病(GVHD)に対する…":
			// the section's heading, then its first item's title
			s = s[m[2]:]
		}
	}
	if loc := bylineTail.FindStringIndex(s); loc != nil && loc[0] > 0 {
		// "… from western India Sandip Shah 1 Asha Anand 1": a PDF line
		// that runs the byline, with its affiliation numbers, on
		s = strings.TrimSpace(s[:loc[0]])
	}
	s = cyrillicTitleOfTwo(s)
	f := strings.Fields(s)
	if len(f) > 3 && mappings.IsDigits(f[0]) && len(f[0]) <= 5 {
		if r, _ := utf8.DecodeRuneInString(f[1]); unicode.IsUpper(r) {
			return strings.Join(f[1:], " ")
		}
	}
	return s
}

// cyrillicTitleOfTwo returns the Cyrillic title of a line that runs it
// into its English translation ("Изменения качества жизни … исследования
// Quality of Life Changes in … Study", OUCI), as two titles are too long
// for one; any other line as it is. The English part starts at the first
// Latin capital after the last Cyrillic word and is four words or more.
func cyrillicTitleOfTwo(s string) string {
	last := strings.LastIndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
	if last < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[last:])
	head, tail := strings.TrimSpace(s[:last+size]), strings.TrimSpace(s[last+size:])
	first, _ := utf8.DecodeRuneInString(tail)
	if !unicode.Is(unicode.Latin, first) || !unicode.IsUpper(first) || len(strings.Fields(tail)) < 4 || len(strings.Fields(head)) < 4 {
		return s
	}
	return head
}

// numberedAffiliations is the list of institutions a Chinese paper prints
// in parentheses under its byline ("(1.贵州医科大学附属医院血液科,贵阳
// 550004;2.…)"): never a title.
var numberedAffiliations = regexp.MustCompile(`^\s*[(（]\s*1\s*[.．、]`)

// runningHeadAuthors is a list of family names ending "…, and Im: " at
// the start of a title line; itemNumber is a number before a title in
// Chinese or Japanese characters.
var (
	runningHeadAuthors = regexp.MustCompile(`^(?:\p{Lu}[\p{Ll}'-]*, ){2,}and \p{Lu}[\p{Ll}'-]+: `)
	itemNumber         = regexp.MustCompile(`^(\d{1,2}[.．、]\s*)(?:\p{Han}|\p{Hiragana}|\p{Katakana})`)
	subItem            = regexp.MustCompile(`^[^()（）]*?(?:\([^()]*\)[^()]*?)*?\d{1,2}[)）]((?:\p{Han}|\p{Hiragana}|\p{Katakana}).*)$`)
)

// markedName opens a byline: a name with its affiliation number glued on
// ("Bruno Fattizzo1").
var markedName = regexp.MustCompile(`^\p{Lu}\p{Ll}+(?: \p{Lu}\.?)? \p{Lu}\p{Ll}+\d{1,2}(?:,\d{1,2})*(?:\s|$)`)

// bylineTail is two or more names, each with its affiliation number,
// at the end of a line ("Sandip Shah 1 Asha Anand 1", "Bruno Fattizzo1 ·
// Giorgia Levati1,2 · Ramona Cassin1").
var bylineTail = regexp.MustCompile(`(?:\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.?)?\s+\p{Lu}\p{Ll}+\s?\d{1,2}(?:,\d{1,2})*\*?(?:\s*·)?){2,}\s*$`)

// findingsWrapper is a results aggregator's heading around a trial's
// title: "Trial Outcomes & Findings for <title> (NCT NCT01623167)".
var findingsWrapper = regexp.MustCompile(`^Trial Outcomes & Findings for (.+?) \(NCT ?NCT\d{8}\)$`)

// translatedTitle: "[Efficacy of decitabine in … responses].", a title
// translated into English, which PubMed prints in square brackets.
var translatedTitle = regexp.MustCompile(`^\[([^\[\]]+)\]\.?$`)

// titleLike: a substantial sentence- or title-cased line that is not a
// name list, an affiliation, a date, an identifier or a citation.
func titleLike(s string) bool {
	if m := translatedTitle.FindStringSubmatch(s); m != nil {
		s = m[1] // PubMed's mark of a title translated into English, kept as written
	}
	if utf8.RuneCountInString(s) > 300 || strings.Contains(s, "©") || strings.Contains(strings.ToLower(s), "copyright") || strings.Contains(strings.ToLower(s), "all rights reserved") || strings.HasSuffix(s, ":") ||
		doiInLine(s) != "" || urlInPage.MatchString(s) || looksLikeAddress(s) || isDateLine(s) || abstractSentence(s) ||
		volumeLine.MatchString(s) || caption.MatchString(s) || numberedAffiliations.MatchString(s) {
		return false
	}
	if _, ok := parseCitationLine(s); ok {
		return false
	}
	// "Journal of Medical Cases, ISSN 1923-4155 print, 1923-4163 online":
	// a masthead, whatever else it says.
	if issnInLine.MatchString(s) {
		return false
	}
	// "· 卫生技术评估 ·", "·论著·": a journal's column between middle dots;
	// a line that ends in "。" is a Chinese sentence.
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "·") && strings.HasSuffix(t, "·") || strings.HasSuffix(t, "。") {
		return false
	}
	// "胡泽斌,王立生,崔春萍,陈津": a line that is a list of personal names
	// is never a title, in any script.
	if names := pageNames(s); len(names) >= 2 && len(names) == countItems(s) {
		return false
	}
	if hanCount(s) >= 6 {
		return true
	}
	words := strings.Fields(s)
	if len(words) < 3 || len(words) > 40 || letterSpaced(words) || journalNameLine(s) || navigationBar(words) || dashedCitation(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return false
	}
	lower := false
	for _, w := range words {
		if isLowerWord(w) {
			lower = true
			break
		}
	}
	if !lower {
		return false
	}
	// "Larisa Broglie, David Margolis, Department of …".
	return len(pageNames(s)) < 2 && !isAffiliation(s)
}

// abstractSentence reports the first words of an abstract rather than a
// title: a section heading with a colon or in capitals ("Background aims:
// For patients …", "OBJECTIVE: …", "OBJECTIVE To review …"), or two
// sentences or more.
func abstractSentence(s string) bool {
	if i := strings.IndexAny(s, ":："); i > 0 {
		head := strings.TrimSpace(s[:i])
		if isSectionLabel(head) {
			return true
		}
		for _, lab := range mappings.AbstractLabels() {
			if strings.HasPrefix(strings.ToLower(head), strings.ToLower(lab)+" ") && len(strings.Fields(head)) <= 3 {
				return true
			}
		}
	}
	if f := strings.Fields(s); len(f) > 1 {
		for _, lab := range mappings.AbstractLabels() {
			if f[0] == lab && lab == strings.ToUpper(lab) && len(lab) >= 4 {
				return true
			}
		}
	}
	return len(sentenceBreak.FindAllStringIndex(s, -1)) >= 2
}

var sentenceBreak = regexp.MustCompile(`[a-z0-9)%]\. [A-Z]`)

func isLowerWord(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if !unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n >= 2
}

func isAffiliation(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"department", "university", "hospital", "institute"} {
		if strings.Contains(low, w) && strings.Contains(s, ",") {
			return true
		}
	}
	return false
}

// nameListAfter looks, in the few lines after the title (or at the top
// of a page without one), for a line that is a list of names. A line
// that starts with names and goes on with an affiliation may be followed
// by more such lines.
func nameListAfter(lines []pageLine, titleAt, limit int) []mappings.Author {
	if names := bulletedNames(lines, titleAt, limit); len(names) > 0 {
		return names
	}
	if j := nextText(lines, titleAt+1, limit); titleAt >= 0 && soleAuthorAt(lines, j, limit) {
		return pageNames(lines[j].text)
	}
	var out []mappings.Author
	seen := 0
	endsList := false // the last line of names ended with a comma: the list goes on
	for i := titleAt + 1; i < limit && seen < 8; i++ {
		l := lines[i]
		if !pageText(l) {
			continue
		}
		seen++
		names := pageNames(l.text)
		tail := len(names) > 0 && len(names) < countItems(l.text)
		comma := strings.HasSuffix(l.text, ",")
		switch {
		case len(out) == 0 && len(names) >= 2:
			out = names
			if !tail && !comma {
				return out
			}
		case len(out) > 0 && (tail || endsList && len(names) > 0):
			out = append(out, names...)
		case len(out) > 0:
			return out
		}
		endsList = comma
	}
	return out
}

// capitalFamilyLine finds, anywhere above the end of the record, a line
// of two or more names whose family names are printed in capitals
// ("ZHANG Aijun LIU Qinqin PU Ting"): Chinese journals print their English
// block (title, authors, abstract) after the Chinese one, below the
// Chinese abstract, and the shape is too particular to be anything else.
func capitalFamilyLine(lines []pageLine, stop int) []mappings.Author {
	for i := 0; i < stop; i++ {
		// An author line is short and has a capitals-then-capitalised pair:
		// checked first, so long paragraphs cost one scan.
		if !pageText(lines[i]) || len(lines[i].text) > 1000 || !capsPairStart.MatchString(lines[i].text) {
			continue
		}
		if names := pageNames(lines[i].text); len(names) >= 2 && countItems(capsPair.ReplaceAllString(lines[i].text, "$1,")) == len(names) {
			written := make([]string, len(names))
			for k, a := range names {
				written[k] = a.AsWritten
			}
			if allCapsFamily(written) {
				return names
			}
		}
	}
	return nil
}

var capsPairStart = regexp.MustCompile(`^\p{Lu}{2,}(?:-\p{Lu}+)? \p{Lu}\p{Ll}`)

// shortCitation is PubMed's one-line citation under a title: "Donald G
// Phinney. J Cell Biochem Suppl. 2002." or "Wang X, Yin X, et al. Exp
// Ther Med. 2017 May;13(5):2255-2258."
// prevText is the last text line before line i, or -1.
func prevText(lines []pageLine, i int) int {
	for j := i - 1; j >= 0; j-- {
		if !lines[j].blank && !lines[j].furn {
			return j
		}
	}
	return -1
}

// authoredCitation is a citation line that opens with its authors
// ("Pang L, Yu F, Yang X Front Med (Lausanne). 2025; 12:1528131."): one
// paper listed on a page, with its year and volume:page.
var authoredCitation = regexp.MustCompile(`^(?:\p{Lu}[\p{L}'-]+ \p{Lu}{1,3}, )+.*\b(?:19|20)\d{2}\b.*\d+\s*:\s*[A-Za-z]?\d+`)

var shortCitation = regexp.MustCompile(`^([^.]+(?:\.[^.A-Z][^.]*)*?)\.\s+([A-Z][A-Za-z &()'-]{1,80})\.\s+((?:19|20)\d{2})\b[^.]*\.?$`)

// pubmedShortCitation fills the authors, journal and year a short
// citation line gives, where nothing else gave them. Every item before
// the journal must be a name (or "et al").
func pubmedShortCitation(lines []pageLine, limit int, rec *mappings.Record, guess func(field, rule string)) {
	for i := 0; i < limit; i++ {
		if !pageText(lines[i]) {
			continue
		}
		m := shortCitation.FindStringSubmatch(lines[i].text)
		if m == nil {
			continue
		}
		list := strings.TrimSuffix(strings.TrimSpace(m[1]), ", et al")
		names := pageNames(list)
		if len(names) == 0 || len(names) != countItems(list) {
			continue
		}
		if len(rec.Authors) == 0 {
			rec.Authors = names
			guess("authors", "short-citation")
		}
		if rec.Journal.Title == "" && rec.Journal.Abbrev == "" {
			rec.Journal.Abbrev = m[2]
			guess("journal", "short-citation")
		}
		if rec.Issued.IsZero() {
			if d, ok := looseDate(strings.TrimRight(lines[i].text[strings.LastIndex(lines[i].text, m[3]):], ".")); ok {
				rec.Issued = d
			} else {
				rec.Issued, _ = mappings.ParseDate(m[3])
			}
			guess("date", "short-citation")
		}
		return
	}
}

// bulletedNames reads an author list printed one name per list item
// ("• Xiao-Hong Li," then its "Affiliation …" line, PLOS and Springer):
// the first list items after the title, each exactly one name.
func bulletedNames(lines []pageLine, titleAt, limit int) []mappings.Author {
	var out []mappings.Author
	byLabel := false // the items follow a line that ends with an authors label
	for i := titleAt + 1; i < limit; i++ {
		l := lines[i]
		if l.blank || l.furn {
			continue
		}
		if !l.bullet {
			if len(out) > 0 && (strings.HasPrefix(l.text, "Affiliation") || strings.HasPrefix(l.text, "Contributed equally")) {
				continue // PLOS prints each author's notes under the name
			}
			if len(out) > 0 || i-titleAt > 6 {
				break
			}
			byLabel = endsWithAuthorsLabel(l.text)
			continue
		}
		names := pageNames(l.text)
		if len(names) != 1 || countItems(l.text) != 1 {
			break
		}
		out = append(out, names[0])
	}
	if len(out) == 1 && !byLabel {
		return nil // one list item may be anything; under "By:" it is the byline
	}
	return out
}

// bulletNameItems reads the list items from line j on while each is
// exactly one name, marking them used: the value of an authors label
// printed one name per item.
func bulletNameItems(lines []pageLine, j, stop int) []mappings.Author {
	var out []mappings.Author
	var used []int
	for ; j < stop; j++ {
		l := lines[j]
		if l.blank {
			continue
		}
		if !l.bullet {
			break
		}
		names := pageNames(l.text)
		if l.furn || len(names) != 1 || countItems(l.text) != 1 || pageControl(l.text) {
			break
		}
		out = append(out, names[0])
		used = append(used, j)
	}
	if len(out) > 1 {
		for _, k := range used {
			lines[k].used = true
		}
	}
	return out
}

// pageControl: a list item that is a page's button or link ("View
// Affiliations", "Show more"), two capitalised words like a name.
func pageControl(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch strings.Trim(w, "•*-–—·.:") {
		case "view", "show", "hide", "more", "less", "expand", "collapse", "affiliations", "affiliation", "authors", "author", "information", "details":
			return true
		}
	}
	return false
}

// endsWithAuthorsLabel reports a line that ends with an authors label
// and its colon, the value following on the next lines ("January 01,
// 2019 By:" above "• Zimmer J.").
func endsWithAuthorsLabel(s string) bool {
	if !strings.HasSuffix(s, ":") && !strings.HasSuffix(s, "：") {
		return false
	}
	w := strings.Fields(s)
	for n := 1; n <= 2 && n <= len(w); n++ {
		if f, v := pageLabelOf(strings.Join(w[len(w)-n:], " ")); f == "authors" && v == "" {
			return true
		}
	}
	return false
}

func countItems(s string) int {
	s = gluedMarkers.ReplaceAllString(s, "$1")
	s = spacedMarkers.ReplaceAllString(s, ",")
	n := 0
	for _, it := range listSplit.Split(s, -1) {
		if strings.Trim(it, " .*") != "" {
			n++
		}
	}
	return n
}

// pageKeywords splits a keyword list on ";" or ",", or on spaces when a
// Chinese or Japanese list has neither.
func pageKeywords(v string) []string {
	var items []string
	switch {
	case strings.ContainsAny(v, ";,；，、"):
		items = mappings.SplitList(v, ";,；，、")
	case hanCount(v) > 0:
		items = strings.Fields(v)
	default:
		items = mappings.SplitList(v, ";")
	}
	return slices.DeleteFunc(items, cutWord)
}

// cutWord: a keyword of one or two letters that is no acronym ("Cl",
// "• Cl" where a copied page stops mid-word): a fragment, never a term.
func cutWord(k string) bool {
	r, _ := utf8.DecodeRuneInString(k)
	return utf8.RuneCountInString(k) <= 2 && unicode.IsUpper(r) && strings.ToUpper(k) != k
}

func addTrialIDs(rec *mappings.Record, ids []string) {
	for _, id := range ids {
		if !slices.Contains(rec.TrialIDs, id) {
			rec.TrialIDs = append(rec.TrialIDs, id)
		}
	}
}

// letterSpaced: most words of the line are one or two letters, as a PDF's
// letter-spaced masthead comes out as text ("The n e w e ng l a n d j o u
// r na l of m e dic i n e").
func letterSpaced(words []string) bool {
	if len(words) < 6 {
		return false
	}
	short := 0
	for _, w := range words {
		if utf8.RuneCountInString(w) <= 2 {
			short++
		}
	}
	return short*10 > len(words)*6
}

// startsLower: the first letter of s is a small one.
func startsLower(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// journalNameLine: a short line that names a journal, as a PDF's running
// header or a site's masthead prints it above the title ("Annals of
// Hematology", "International Journal of Hematology", "Iranian Journal of
// Public Health (Oct 2015)"). Titles of papers seldom say "Journal".
func journalNameLine(s string) bool {
	s = strings.TrimSpace(trailingBracket.ReplaceAllString(s, ""))
	words := onceRepeatedWords(strings.Fields(s)) // a banner printed four times over
	if len(words) > 8 {
		return false
	}
	for i, w := range words {
		switch strings.ToLower(w) {
		case "journal":
			return true
		case "annals", "archives", "acta", "revista", "bulletin":
			if i > 0 || len(words) < 2 {
				return false
			}
			switch strings.ToLower(words[1]) {
			case "of", "de", "da", "do":
				return true
			}
			return w == "Acta"
		}
	}
	return false
}

// onceRepeatedWords is words cut to one copy when they are one phrase
// printed over and over ("Indan Journal of Medical Research Indan Journal
// of Medical Research …").
func onceRepeatedWords(words []string) []string {
	for n := 1; n <= len(words)/2; n++ {
		if len(words)%n != 0 {
			continue
		}
		same := true
		for i := n; i < len(words) && same; i++ {
			same = words[i] == words[i%n]
		}
		if same {
			return words[:n]
		}
	}
	return words
}

var trailingBracket = regexp.MustCompile(`\s*\([^()]*\)\s*$`)

// navigationBar: three or more of a site menu's words in one line ("Home
// About us Editorial board Search … Subscribe Contacts Login").
func navigationBar(words []string) bool {
	n := 0
	for _, w := range words {
		switch strings.ToLower(strings.Trim(w, "|·•")) {
		case "home", "login", "logout", "subscribe", "contact", "contacts", "archives", "sitemap", "register", "faq":
			n++
		}
	}
	return n >= 3
}

// authorYearLine is a digest's byline under a title: the first author
// with initials, the year in brackets and the journal ("Grainger JD
// (2015), Lancet (Link to Abstract)").
var authorYearLine = regexp.MustCompile(`^(\p{Lu}[\p{L}'-]+ \p{Lu}{1,3})(?:,? et al\.?)? \(((?:19|20)\d{2})\),? ([\p{L}][\p{L} .&-]{1,80}?)(?: \([^()]*\))?$`)

// authorYearJournal reads authorYearLine on the first text line after the
// title: one author (family name first), the year and the journal.
func authorYearJournal(lines []pageLine, titleAt, limit int, rec *mappings.Record, guess func(field, rule string)) {
	j := nextText(lines, titleAt+1, limit)
	if j >= limit || !pageText(lines[j]) {
		return
	}
	m := authorYearLine.FindStringSubmatch(strings.TrimSpace(lines[j].text))
	if m == nil {
		return
	}
	names := mappings.ParseNames([]string{m[1]}, mappings.FamilyFirst)
	if len(names) != 1 || names[0].Family == "" {
		return
	}
	rec.Authors = names
	guess("authors", "author-year-journal")
	if rec.Issued.IsZero() {
		rec.Issued.Year, _ = strconv.Atoi(m[2])
	}
	if rec.Journal.Title == "" && rec.Journal.Abbrev == "" {
		rec.Journal.Title = strings.TrimSpace(m[3])
		guess("journal", "author-year-journal")
	}
}

// dashedCitation: a journal, volume, page and year set apart by dashes
// ("Blood Reviews - Tập 61 - Trang 101112 - 2023").
func dashedCitation(s string) bool {
	if strings.Count(s, " - ") < 2 {
		return false
	}
	n := 0
	for _, w := range strings.Fields(s) {
		if mappings.IsDigits(w) {
			n++
		}
	}
	return n >= 3
}
