package labelledpage

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
)

// Dates as pages print them: "2012-02-10", "25 February 2019",
// "11 Jun 2015", "Dec 26, 2017", "2015 Dec 16".
var (
	dayMonthYear = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b`)
	monthDayYear = regexp.MustCompile(`^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	yearMonthDay = regexp.MustCompile(`^(\d{4})\s+([A-Za-z]{3,9})\.?(?:\s+(\d{1,2}))?\b`)
	monthYear    = regexp.MustCompile(`^([A-Za-z]{3,9})\.?\s+(\d{4})\b`)
	isoDate      = regexp.MustCompile(`^\d{4}(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?(?:\D|$)`)
	yearAnywhere = regexp.MustCompile(`(?:^|\D)((?:19|20)\d{2})(?:\D|$)`)
)

// looseDate reads a date at the start of s, as precise as it is printed.
func looseDate(s string) (mappings.Date, bool) {
	s = strings.TrimSpace(s)
	atoi := func(v string) int { n, _ := strconv.Atoi(v); return n }
	build := func(y, m, d int) (mappings.Date, bool) {
		if y < 1800 || y > 2100 || m == 0 {
			return mappings.Date{}, false
		}
		out := mappings.Date{Year: y, Month: m}
		if d >= 1 && d <= mappings.DaysIn(y, m) {
			out.Day = d
		}
		return out, true
	}
	if m := dayMonthYear.FindStringSubmatch(s); m != nil {
		return build(atoi(m[3]), mappings.MonthNumber(m[2]), atoi(m[1]))
	}
	if m := monthDayYear.FindStringSubmatch(s); m != nil {
		return build(atoi(m[3]), mappings.MonthNumber(m[1]), atoi(m[2]))
	}
	if m := yearMonthDay.FindStringSubmatch(s); m != nil {
		if d, ok := build(atoi(m[1]), mappings.MonthNumber(m[2]), atoi(m[3])); ok {
			return d, true
		}
	}
	if m := monthYear.FindStringSubmatch(s); m != nil {
		return build(atoi(m[2]), mappings.MonthNumber(m[1]), 0)
	}
	if isoDate.MatchString(s) {
		if d, ok := mappings.ParseDate(s); ok && d.Year >= 1800 && d.Year <= 2100 {
			return d, true
		}
	}
	return mappings.Date{}, false
}

// dateIn reads the date of a labelled value: a date at its start, or
// else the year it mentions ("D.A. Spandidos 2017").
func dateIn(s string) (mappings.Date, bool) {
	if d, ok := looseDate(s); ok {
		return d, true
	}
	if m := yearAnywhere.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return mappings.Date{Year: y}, true
	}
	return mappings.Date{}, false
}

// isDateLine: a line that is only a date, perhaps with a note
// ("25 February 2019 (online)").
func isDateLine(s string) bool {
	if _, ok := looseDate(s); !ok {
		return false
	}
	return len(strings.Fields(s)) <= 5 && !strings.ContainsAny(s, ";:")
}

// citationPattern reads a citation line as PubMed and many publishers
// print it: "Hamostaseologie 2019; 39(03): 227-237", "World J Stem
// Cells. Dec 26, 2017; 9(12): 219-226", "Int J Biochem Cell Biol.
// 2008;40(5):815-20.", ". 2015 Dec 16;16:74."
var citationPattern = regexp.MustCompile(`^(?:([A-Z][^.;:©]{1,80}?)[.;,]?\s+|\.\s*)?` +
	`((?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+)?(?:19|20)\d{2}(?:\s+[A-Za-z]{3,9}(?:\s+\d{1,2})?)?)\s*;\s*` +
	`([A-Za-z]?\d+[A-Za-z]?)(?:\s*\(([^)]{1,20})\))?(?:\s*:\s*([A-Za-z]?\d+[A-Za-z]?(?:\s*[-–]\s*[A-Za-z]?\d+[A-Za-z]?)?))?`)

type pageCitation struct {
	journal              string
	issued               mappings.Date
	volume, issue, pages string
}

// yearInParens reads the form BMC, Springer and SCIRP print: "Stem Cell
// Res Ther (2016) 7:45", "Stem Cell Discovery Vol. 2 No. 2 (2012)".
var yearInParens = regexp.MustCompile(`^(?:([A-Z][^.;:©()]{1,80}?)\s*)?(?:,?\s*Vol\.?\s*(\d+)\s*,?\s*No\.?\s*(\w+)\s*)?\(((?:19|20)\d{2})\)(?:\s*(\d+)(?:\s*\((\w+)\))?\s*:\s*([A-Za-z]?\d+(?:\s*[-–]\s*\d+)?))?`)

// pageNumberMark: the page number a PDF-like page prints before its
// running citation ("• 360 • Chin J Integr Med 2013 May;19(5):360-366").
var pageNumberMark = regexp.MustCompile(`^\d{1,5}\s*•\s*`)

// hanCitation reads the running citation Chinese journals print:
// "中国医药生物技术2013年10月第8卷第5期" (journal, year, month, volume,
// issue), with or without spaces between the parts.
var hanCitation = regexp.MustCompile(`^(\p{Han}[\p{Han}\s]{1,30}?)\s*[,，]?\s*((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月\s*)?[,，]?\s*第\s*(\d+)\s*卷\s*(?:[,，]?\s*第\s*(\d+)\s*期)?`)

func parseCitationLine(s string) (pageCitation, bool) {
	s = pageNumberMark.ReplaceAllString(s, "")
	if m := hanCitation.FindStringSubmatch(s); m != nil {
		c := pageCitation{journal: strings.TrimSpace(m[1]), volume: m[4], issue: m[5]}
		c.issued.Year, _ = strconv.Atoi(m[2])
		if mo, _ := strconv.Atoi(m[3]); mo >= 1 && mo <= 12 {
			c.issued.Month = mo
		}
		return c, true
	}
	if m := yearInParens.FindStringSubmatch(s); m != nil && (m[2] != "" || m[5] != "") {
		c := pageCitation{journal: strings.TrimSpace(m[1]), volume: m[2] + m[5], issue: m[3] + m[6], pages: m[7]}
		c.issued, _ = mappings.ParseDate(m[4])
		return c, true
	}
	if m := abbrevJournalDate.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		// "Front. Immunol., 26 October 2021": Frontiers' running citation
		if d, ok := looseDate(m[2]); ok && d.Day != 0 {
			return pageCitation{journal: m[1], issued: d}, true
		}
	}
	m := citationPattern.FindStringSubmatch(s)
	if m == nil {
		return pageCitation{}, false
	}
	c := pageCitation{journal: strings.TrimSpace(m[1]), volume: m[3], issue: m[4], pages: m[5]}
	if d, ok := looseDate(m[2]); ok {
		c.issued = d
	} else if d, ok := mappings.ParseDate(m[2]); ok {
		c.issued = d
	}
	return c, true
}

// Journal values that carry more than a name: "2020, Blood Advances,
// № 22, p. 5877-5887" (OUCI prints the issue after "№").
var (
	volumeItem = regexp.MustCompile(`^(?:Vol\.?|Volume|Т\.|Том)\s*(\S+)$`)
	issueItem  = regexp.MustCompile(`^(?:№|No\.|Issue)\s*(\S+)$`)
	pagesItem  = regexp.MustCompile(`^(?:pp?\.|с\.|Pages?)\s*(\S+)$`)
	volIssPage = regexp.MustCompile(`^Volume\s+(\S+?),\s*Issue\s+(\S+?),\s*Pages?\s+(\S+)$`)
)

// journalValue fills the journal (and what else it prints) from the
// value of a journal label.
// hostingSource are what a document-sharing site prints under "来源"
// (source) when it does not know the journal: "user upload", "the web".
var hostingSource = map[string]bool{"用户上传": true, "网友上传": true, "会员上传": true, "网络": true,
	"互联网": true, "网络转载": true, "转载": true, "原创": true}

func journalValue(v string, rec *mappings.Record) {
	if c, ok := parseCitationLine(v); ok && c.journal != "" {
		applyCitation(c, rec)
		return
	}
	for _, item := range mappings.SplitList(v, ",;") {
		switch m := volumeItem.FindStringSubmatch(item); {
		case m != nil:
			mappings.SetOnce(&rec.Volume, m[1])
		case issueItem.MatchString(item):
			mappings.SetOnce(&rec.Issue, issueItem.FindStringSubmatch(item)[1])
		case pagesItem.MatchString(item):
			if rec.PageStart == "" {
				rec.PageStart, rec.PageEnd = mappings.SplitPages(pagesItem.FindStringSubmatch(item)[1])
			}
		case isYear(item):
			if rec.Issued.IsZero() {
				rec.Issued, _ = mappings.ParseDate(item)
			}
		default:
			if rec.Journal.Title == "" && strings.IndexFunc(item, unicode.IsLetter) >= 0 && !looksLikeAddress(item) && !hostingSource[item] {
				rec.Journal.Title = journalDateTail(item, rec)
			}
		}
	}
}

// journalDateTail cuts the issue or date a journal's name is printed with
// ("Annals of Hematology 9/2021", "Blood. 8/30/2018"), fills them in where
// nothing else did, and returns the name.
func journalDateTail(item string, rec *mappings.Record) string {
	if m := journalYearParens.FindStringSubmatch(item); m != nil {
		// "Zhonghua xue ye xue za zhi = Zhonghua xueyexue zazhi (2023)":
		// the year in brackets, and NLM's parallel title after " = ".
		if rec.Issued.IsZero() {
			rec.Issued.Year, _ = strconv.Atoi(m[2])
		}
		name, _, _ := strings.Cut(m[1], " = ")
		return strings.TrimSpace(name)
	}
	m := journalDate.FindStringSubmatch(item)
	if m == nil {
		return item
	}
	year, _ := strconv.Atoi(m[4])
	d := mappings.Date{Year: year}
	if m[3] != "" { // month/day/year
		mo, _ := strconv.Atoi(m[2])
		day, _ := strconv.Atoi(m[3])
		if mo < 1 || mo > 12 || day < 1 || day > 31 {
			return item
		}
		d.Month, d.Day = mo, day
	} else {
		mappings.SetOnce(&rec.Issue, m[2])
	}
	if rec.Issued.IsZero() {
		rec.Issued = d
	}
	return m[1]
}

var journalYearParens = regexp.MustCompile(`^(\pL[^()]*?)\s*\(((?:19|20)\d{2})\)$`)

var journalDate = regexp.MustCompile(`^(\pL.*?)[.,]?\s+(\d{1,3})/(?:(\d{1,2})/)?((?:19|20)\d{2})$`)

func isYear(s string) bool {
	return len(s) == 4 && mappings.IsDigits(s) && (s[:2] == "19" || s[:2] == "20")
}

func applyCitation(c pageCitation, rec *mappings.Record) {
	if c.journal != "" && rec.Journal.Title == "" && rec.Journal.Abbrev == "" && !looksLikeAddress(c.journal) {
		rec.Journal.Abbrev = c.journal
	}
	if rec.Issued.IsZero() {
		rec.Issued = c.issued
	}
	if rec.Volume == "" {
		rec.Volume = c.volume
	}
	if rec.Issue == "" {
		rec.Issue = c.issue
	}
	if rec.PageStart == "" && c.pages != "" {
		rec.PageStart, rec.PageEnd = mappings.SplitPages(c.pages)
	}
}

// endCitation finds the journal's citation a publisher prints as the last
// line of an abstract ("… remains to be shown. Stem Cells
// 2016;34:357-366."): after the abstract's last sentence, a name without
// full stops, a year, a semicolon, and digits to the end. parseCitationLine
// reads it.
var endCitation = regexp.MustCompile(`(?:^|[.!?]\s+)([A-Z][A-Za-z&' -]{1,60}?\s+(?:19|20)\d{2}\s*;[^;.]*?\d)\.?\s*$`)

// abstractEndCitation reads the citation that ends an abstract, for a
// page that gives its journal nowhere else: journal, year, volume, issue
// and pages, all but the issue required.
func abstractEndCitation(rec *mappings.Record, guess func(field, rule string)) {
	if rec.Journal.Title != "" || rec.Journal.Abbrev != "" {
		return
	}
	m := endCitation.FindStringSubmatch(rec.Abstract.Text)
	if m == nil {
		return
	}
	c, ok := parseCitationLine(m[1])
	if !ok || c.journal == "" || c.volume == "" || c.pages == "" || c.issued.Year == 0 {
		return
	}
	applyCitation(c, rec)
	guess("journal", "abstract-end-citation")
}

// Author lists. Markers that tie a name to an affiliation or say it is
// the corresponding author are dropped: "Wang X1,2", "Xiaohua Wang¹",
// "Bingling Guo1*", "Elizabeth O Stenger 1,", "王季石1△".
// hanPadded is a two-character Chinese name printed with a space between
// the characters so that it lines up with three-character names.
var hanPadded = regexp.MustCompile(`^\p{Han}\s{1,2}\p{Han}$`)

// abbrevJournalDate is an abbreviated journal title, every word cut with a
// period, then a comma and a full date: "Front. Immunol., 26 October 2021".
var abbrevJournalDate = regexp.MustCompile(`^((?:\p{Lu}\p{Ll}*\. ?){2,5}), (\d{1,2} \p{L}+ \d{4})$`)

var unicodeHyphens = strings.NewReplacer("\u2010", "-", "\u2011", "-")

// wholeHanName is a Chinese name written whole: two to four characters.
var wholeHanName = regexp.MustCompile(`^\p{Han}{2,4}$`)

// spacedHanNames: a labelled author value of whole Chinese names set
// apart by spaces ("作者:吴小凡 周永明") lists them with commas. Only a
// value the page labels as its authors: elsewhere spaced Chinese words
// may be a title or a journal's name.
func spacedHanNames(v string) string {
	parts := strings.Fields(v)
	if len(parts) < 2 {
		return v
	}
	for _, p := range parts {
		if !wholeHanName.MatchString(p) {
			return v
		}
	}
	return strings.Join(parts, ",")
}

var (
	gluedMarkers  = regexp.MustCompile(`(\p{L}\.?)[0-9¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§#·△▲]+(?:,[0-9¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§#·△▲]+)*`)
	spacedMarkers = regexp.MustCompile(`\s[0-9¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§#·△▲]+(?:\s*,\s*[0-9¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§#·△▲]+)*(?:,|\s|$)`)
	listSplit     = regexp.MustCompile(`\s*(?:[,;、，；]|\s&\s|\sand\s|\sund\s|\sy\s|\set\s)\s*`)
	medlineName   = regexp.MustCompile(`^\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)* \p{Lu}{1,3}$`)
)

// institutionWords mark an affiliation or a group, not a person.
var institutionWords = []string{"department", "university", "hospital", "institute", "college", "center",
	"centre", "school", "laboratory", "faculty", "clinic", "academy", "program", "foundation", "ministry",
	"society", "group", "inc", "ltd", "china", "usa", "medicine", "sciences", "team", "editorial", "board", "committee"}

// pageNames reads a list of personal names from one line. It returns
// the leading run of names (an affiliation may follow them, as in
// "Larisa Broglie, David Margolis, Department of Pediatrics, …").
// gluedInitialNames is a whole line of two or more "Initials Family"
// names with nothing between them; gluedNameJoint is where one ends and
// the next begins (a small letter, then an initial and a space).
var (
	gluedInitialNames = regexp.MustCompile(`^(?:(?:\p{Lu} )+\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?){2,}$`)
	gluedNameJoint    = regexp.MustCompile(`(\p{Ll})(\p{Lu} )`)
)

func pageNames(s string) []mappings.Author {
	// "Xin‐guang Liu": Unicode hyphens in hyphenated given names.
	s = unicodeHyphens.Replace(s)
	// "YIN Li-ming (尹利明)1": the name in characters repeats the name.
	s = hanInParens.ReplaceAllString(s, "")
	// "ZHANG Aijun LIU Qinqin PU Ting": family names in capitals, no commas.
	if capsRun.MatchString(strings.TrimSpace(s)) && len(strings.Fields(s)) >= 4 {
		s = capsPair.ReplaceAllString(strings.TrimSpace(s), "$1,")
	}
	// "J H YangM J XueX L Zhang": initials and family names, the names
	// glued together where a list's separators were lost.
	if t := strings.TrimSpace(s); gluedInitialNames.MatchString(t) {
		s = gluedNameJoint.ReplaceAllString(t, "$1, $2")
	}
	s = gluedMarkers.ReplaceAllString(s, "$1")
	s = spacedMarkers.ReplaceAllString(s, ",")
	var items []string
	for _, it := range listSplit.Split(s, -1) {
		it = strings.TrimPrefix(strings.TrimSpace(it), "and ") // "…, and WANG Ling-cong"
		// "S Kojima2 for the Japanese Hematopoietic Cell Transplantation
		// Registry": the group the list writes for is not part of the name
		for _, sep := range []string{" for the ", " on behalf of "} {
			if i := strings.Index(it, sep); i > 0 {
				it = it[:i]
			}
		}
		if it = strings.Trim(dropHonorific(it), " .*"); it != "" {
			if degreeItem[strings.ReplaceAll(it, ".", "")] && len(items) > 0 && len(strings.Fields(items[len(items)-1])) >= 2 {
				continue // "Junling Zhuang, MD, PhD, Miao Chen": the degrees of the name before
			}
			if hanPadded.MatchString(it) {
				it = strings.ReplaceAll(it, " ", "") // "張 燕", padded to the width of "盧英豪"
			}
			items = append(items, it)
		}
	}
	// "Wang, Xiaohua, Yin, Xiaoguang": family and given names in pairs.
	if len(items) >= 2 && len(items)%2 == 0 && allSingleLatinWords(items) {
		var paired []string
		for i := 0; i < len(items); i += 2 {
			paired = append(paired, items[i]+", "+items[i+1])
		}
		items = paired
	}
	order := mappings.GivenFirst
	var names []string
	medline := true
	for _, it := range items {
		if !isPersonName(it) || len(strings.Fields(it)) < 2 && !isHanName(it) {
			break // a lone word is a heading or a weekday, not a name
		}
		names = append(names, it)
		medline = medline && medlineName.MatchString(it)
	}
	names = onceIfRepeated(names)
	if medline || allCapsFamily(names) {
		order = mappings.FamilyFirst
	}
	var out []mappings.Author
	for _, a := range mappings.ParseNames(names, order) {
		if a.Family != "" {
			out = append(out, a)
		}
	}
	return out
}

// degreeItem are academic degrees a byline writes after a name, as list
// items of their own ("Feng Xue, MD, PhD"); after a one-word item they
// could be initials ("Moore, DC"), so they are dropped only after a whole
// name.
var degreeItem = map[string]bool{"MD": true, "PhD": true, "MSc": true, "MS": true, "MBBS": true, "BSc": true,
	"MPH": true, "PharmD": true, "RN": true, "FRCP": true, "FRCPC": true, "FRCPath": true, "MRCP": true,
	"MBChB": true, "DPhil": true, "DO": true, "DrPH": true, "MMed": true, "DSc": true}

// onceIfRepeated: a page that prints its author line twice over, glued
// into one ("Pawan Kumar Gupta, …, Anish Sen Majumdar, Pawan Kumar Gupta,
// …, Anish Sen Majumdar"), lists each person once.
func onceIfRepeated(names []string) []string {
	k := len(names) / 2
	if k < 2 || len(names) != 2*k {
		return names
	}
	for i := 0; i < k; i++ {
		if names[i] != names[k+i] {
			return names
		}
	}
	return names[:k]
}

var (
	hanInParens = regexp.MustCompile(`\s*[(（][\p{Han}\s]+[)）]`)
	capsPair    = regexp.MustCompile(`(\p{Lu}{2,}(?:-\p{Lu}+)? \p{Lu}\p{Ll}+(?:-\p{Ll}+)?)\s*`)
	capsRun     = regexp.MustCompile(`^(?:\p{Lu}{2,}(?:-\p{Lu}+)? \p{Lu}\p{Ll}+(?:-\p{Ll}+)?\s*)+$`)
	capsFamily  = regexp.MustCompile(`^\p{Lu}{2,}(?:-\p{Lu}+)? \p{Lu}\p{Ll}+(?:-\p{L}+)?$`)
)

// allCapsFamily: every name prints its family name first in capitals
// ("YIN Li-ming", "ZHANG Aijun"), as Chinese journals do in English.
func allCapsFamily(names []string) bool {
	for _, n := range names {
		if !capsFamily.MatchString(n) {
			return false
		}
	}
	return len(names) > 0
}

// isHanName: a Chinese name as printed, two to four ideographs.
func isHanName(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 2 && n <= 4 && hanCount(s) == n
}

// dropHonorific removes a title printed before a name ("Dr Michelle Mason").
func dropHonorific(s string) string {
	s = strings.TrimSpace(s)
	for _, h := range []string{"Dr. ", "Dr ", "Prof. ", "Prof ", "Professor ", "Mr ", "Mrs ", "Ms "} {
		if rest, ok := strings.CutPrefix(s, h); ok {
			return rest
		}
	}
	return s
}

func allSingleLatinWords(items []string) bool {
	for _, it := range items {
		if strings.ContainsAny(it, " .") || hanCount(it) > 0 || !isPersonName(it) {
			return false
		}
	}
	return true
}

// isPersonName: one to five capitalised words or initials, letters only.
func isPersonName(s string) bool {
	words := strings.Fields(strings.ReplaceAll(s, ", ", " "))
	// "Andrea E van der Meulen-de Jong": particles do not count to five
	if n := len(words) - countParticles(words); len(words) == 0 || n > 5 {
		return false
	}
	low := strings.ToLower(s)
	for _, w := range strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, inst := range institutionWords {
			if w == inst {
				return false
			}
		}
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if mappings.IsNameParticle(w) {
			continue
		}
		if !unicode.IsUpper(r) && !unicode.Is(unicode.Han, r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '.' && c != '-' && c != '\'' && c != '’' && c != ',' {
				return false
			}
		}
	}
	return true
}

func countParticles(words []string) int {
	n := 0
	for _, w := range words {
		if mappings.IsNameParticle(w) {
			n++
		}
	}
	return n
}

// eprintsLine is the citation EPrints repositories print under a record's
// title: "Bussel, J, Arnold, DM, … and Duliege, A-M 2018 , 'Title' ,
// American Journal of Hematology, vol. 93, no. 7 , pp. 921-930".
var (
	eprintsLine = regexp.MustCompile(`^(.+?)\s+((?:19|20)\d{2})\s*,\s*'([^']{8,})'\s*,\s*([^,]+?)\s*(?:,\s*vol\.\s*(\w+))?(?:\s*,\s*no\.\s*(\w+))?(?:\s*,\s*pp\.\s*([\w–-]+))?\s*(?:,|\.?$)`)
	initialsRe  = regexp.MustCompile(`^\p{Lu}{1,3}(?:-\p{Lu}{1,2})?$`)
)

// eprintsCitation reads an EPrints citation line: its authors, when the
// list is "Family, Initials" pairs throughout (every second item initials,
// every other a name that is not), and its journal, year, volume, issue
// and pages. A list that does not alternate so is not read: "Bussel,
// James" could be either order.
func eprintsCitation(s string) ([]mappings.Author, pageCitation, bool) {
	m := eprintsLine.FindStringSubmatch(s)
	if m == nil {
		return nil, pageCitation{}, false
	}
	var items []string
	for _, it := range strings.Split(m[1], ",") {
		for _, part := range strings.Split(it, " and ") {
			if part = strings.TrimSpace(part); part != "" {
				items = append(items, part)
			}
		}
	}
	if len(items) < 2 || len(items)%2 != 0 {
		return nil, pageCitation{}, false
	}
	var names []string
	for i := 0; i < len(items); i += 2 {
		family, given := items[i], items[i+1]
		if initialsRe.MatchString(family) || !initialsRe.MatchString(given) || !isPersonName(family) {
			return nil, pageCitation{}, false
		}
		names = append(names, family+", "+given)
	}
	c := pageCitation{journal: strings.TrimSpace(m[4]), volume: m[5], issue: m[6], pages: m[7]}
	c.issued.Year, _ = strconv.Atoi(m[2])
	return mappings.ParseNames(names, mappings.FamilyFirst), c, true
}

// Identifiers in running text. A DOI may be glued to the word before it
// ("DOI10.1186/…") or after it ("…0231Abstract", a resolver link's
// "…61107-2Get rights and content"), or sit in a URL.
var (
	doiInPage    = regexp.MustCompile(`(?:^|[^0-9.])(10\.\d{4,9}/[^\s"'<>|]+)`)
	doiGlued     = regexp.MustCompile(`[0-9a-z)](Abstract|Keywords|Background|Introduction|Citation|Cite|Download|Published|Received|Full|View|PDF|Get rights|Get|Open|Share|Export|Save|Google|Crossref|PubMed|Show|Read)`)
	pmidInPage   = regexp.MustCompile(`\bPMID:?\s*(\d{1,9})\b`)
	pmcidInPage  = regexp.MustCompile(`\bPMCID:?\s*(PMC\d{1,9})\b`)
	urlInPage    = regexp.MustCompile(`https?://[^\s"'<>|]+`)
	trialIDInTxt = regexp.MustCompile(`\b(NCT\d{8}|ChiCTR[-A-Z0-9]{6,}|ISRCTN\d{8}|ACTRN\d{14}|DRKS\d{8}|UMIN\d{9}|jRCT[a-z]?\d{7,}|` +
		`CTRI/\d{4}/\d{2,3}/\d{6}|KCT\d{7}|ITMCTR\d{10}|IRCT\d+N\d+|PACTR\d{15}|TCTR\d{11}|(?:EudraCT[ :]*|EUCTR)\d{4}-\d{6}-\d{2})\b`)
)

// doiInLine returns the first DOI of a line (URL-escaped ones included).
func doiInLine(s string) string {
	if strings.Contains(s, "%2F") || strings.Contains(s, "%2f") {
		if dec, err := url.PathUnescape(s); err == nil {
			s = dec
		}
	}
	m := doiInPage.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	d := m[1]
	if loc := doiGlued.FindStringIndex(d); loc != nil {
		d = d[:loc[0]+1]
	}
	// "10.11482/kmj-j26(2)095-100.2000.pdf": a file's link, not its DOI
	d = strings.TrimSuffix(strings.TrimSuffix(d, ".pdf"), ".PDF")
	return mappings.NormalizeDOI(strings.TrimRight(d, ").,;"))
}

// referenceEntry: a line of a reference list, whose identifiers are not
// the page's own.
var referenceEntry = regexp.MustCompile(`^(?:\[\d+\]|\d{1,3}\.\s|\d{1,3}\)\s)|\bet al\b`)

// pageTrialIDs returns the registry ids printed in s, in order, once each.
// bareEudraCT is an EudraCT number printed alone under its label
// ("EudraCT number" / "2013-003626-88").
var bareEudraCT = regexp.MustCompile(`^\d{4}-\d{6}-\d{2}$`)

// labelledTrialIDs are the registry ids of a registry-id label's value:
// those pageTrialIDs finds, or a bare EudraCT number, which only the label
// makes an id.
func labelledTrialIDs(v string) []string {
	if ids := pageTrialIDs(v); len(ids) > 0 {
		return ids
	}
	if v = strings.TrimSpace(v); bareEudraCT.MatchString(v) {
		return []string{v}
	}
	return nil
}

func pageTrialIDs(s string) []string {
	var out []string
	for _, m := range trialIDInTxt.FindAllStringSubmatch(s, -1) {
		id := m[1]
		if i := strings.LastIndexAny(id, " :"); i >= 0 {
			id = id[i+1:] // a bare EudraCT number
		}
		id = strings.TrimPrefix(id, "EUCTR") // WHO ICTRP's "EUCTR2008-006143-40-AT"
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// hanCount counts CJK ideographs and kana.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			n++
		}
	}
	return n
}

// scriptLanguage guesses the language of text from its script, only
// where the script decides: kana → Japanese, ideographs → Chinese.
func scriptLanguage(s string) string {
	kana, han, letters := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	switch {
	case letters == 0:
		return ""
	case kana > 0 && (kana+han)*2 >= letters:
		return "ja"
	case han*2 >= letters:
		return "zh"
	}
	return ""
}
