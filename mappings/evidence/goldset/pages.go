package goldset

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/msckg/msckg/graph"
	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
)

// MetaTypes lists the page metadata the scorer counts, in report order.
var MetaTypes = []string{
	"meta.kind", "meta.title", "meta.author", "meta.year", "meta.journal",
	"meta.doi", "meta.pmid", "meta.trial",
}

// Reading is what msckg makes of one page file: the first record its page
// reader yields (nil when it declines the page, with the reason) and the
// facts extracted from that record.
type Reading struct {
	Record   *mappings.Record
	Declined string
	Facts    evidence.Facts
}

// ReadPage reads a page file the way `msckg build` does: detect the
// format by content, read its records, extract facts from the first one.
// Only a file that cannot be opened is an error; a page no reader takes
// is a Reading with Declined set, since declining is an answer to score.
func ReadPage(path string) (Reading, error) {
	f, err := os.Open(path)
	if err != nil {
		return Reading{}, fmt.Errorf("unseen: %w", err)
	}
	defer f.Close()
	format, r, err := mappings.Open(f, "")
	if err != nil {
		if errors.Is(err, mappings.ErrUnknownFormat) {
			return Reading{Declined: err.Error()}, nil
		}
		return Reading{}, fmt.Errorf("unseen: %s: %w", path, err)
	}
	var reasons []string
	for rec, err := range format.Read(r) {
		if err != nil {
			var re *mappings.RecordError
			if !errors.As(err, &re) {
				return Reading{}, fmt.Errorf("unseen: %s: reading %s: %w", path, format.Name, err)
			}
			reasons = append(reasons, re.Error())
			continue
		}
		// One page is one record; a reader that found more is scored
		// on its first, and the rest cannot match anything.
		return Reading{Record: &rec, Facts: *graph.ExtractFacts(&rec)}, nil
	}
	if len(reasons) == 0 {
		reasons = append(reasons, format.Name+": no record")
	}
	return Reading{Declined: strings.Join(reasons, "; ")}, nil
}

// metaAtoms flattens the annotated metadata into atoms per meta type.
func metaAtoms(kind string, m PageMeta) map[string][]string {
	a := make(map[string][]string)
	put := func(t, v string) {
		if v != "" {
			a[t] = append(a[t], v)
		}
	}
	put("meta.kind", kind)
	if m.Title != nil {
		put("meta.title", normalText(*m.Title))
	}
	for i, au := range m.Authors {
		put("meta.author", authorAtom(i, au.Family, au.Given))
	}
	if m.Year != nil {
		put("meta.year", strconv.Itoa(*m.Year))
	}
	if m.Journal != nil {
		put("meta.journal", normalText(*m.Journal))
	}
	if m.DOI != nil {
		put("meta.doi", strings.ToLower(*m.DOI))
	}
	if m.PMID != nil {
		put("meta.pmid", *m.PMID)
	}
	for _, t := range uniqueStrings(m.Trials) {
		put("meta.trial", normalTrial(t))
	}
	return a
}

// readingAtoms flattens what msckg read from the page. gold is the
// annotation, used only to pick which of the journal's two names (full
// title or abbreviation) to compare: either is right.
func readingAtoms(rd Reading, gold PageMeta) map[string][]string {
	a := make(map[string][]string)
	put := func(t, v string) {
		if v != "" {
			a[t] = append(a[t], v)
		}
	}
	rec := rd.Record
	switch {
	case rec == nil:
		put("meta.kind", "NotARecord")
		return a
	case rec.Trial != nil:
		put("meta.kind", "Trial")
	default:
		put("meta.kind", "Paper")
	}
	title := rec.Title
	if title == "" && rec.Trial != nil {
		title = rec.Trial.Title
	}
	put("meta.title", normalText(title))
	for i, au := range rec.Authors {
		family := au.Family
		if family == "" {
			family = au.AsWritten // a group name
		}
		put("meta.author", authorAtom(i, family, au.Given))
	}
	if rec.Issued.Year != 0 {
		put("meta.year", strconv.Itoa(rec.Issued.Year))
	}
	put("meta.journal", journalAtom(rec.Journal, gold.Journal))
	put("meta.doi", strings.ToLower(rec.DOI))
	put("meta.pmid", rec.PMID)
	ids := append([]string(nil), rec.TrialIDs...)
	if rec.Trial != nil {
		ids = append(append(ids, rec.Trial.ID), rec.Trial.SecondaryIDs...)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if id = normalTrial(id); id != "" && !seen[id] {
			seen[id] = true
			put("meta.trial", id)
		}
	}
	return a
}

// journalAtom is the record's journal as one atom: the name that matches
// the annotation when one does, otherwise the full title (or the
// abbreviation when that is all there is).
func journalAtom(j mappings.Journal, gold *string) string {
	full, abbrev := normalText(j.Title), normalText(j.Abbrev)
	if gold != nil {
		if g := normalText(*gold); g != "" && (g == full || g == abbrev) {
			return g
		}
	}
	if full != "" {
		return full
	}
	return abbrev
}

// authorAtom is one author at one position: the family name, folded, and
// the initials of the given name, so "Liu XD", "Liu Xiao-Dan" and
// "Xiao Dan Liu" are the same author and "Dan Liu" is not.
func authorAtom(pos int, family, given string) string {
	f := normalText(family)
	if f == "" {
		return ""
	}
	return fmt.Sprintf("%d %s|%s", pos+1, f, Initials(given))
}

// Initials reduces a given name to its upper-case initials: each word
// (split at spaces, hyphens and full stops) gives its first letter, a
// CamelCase word one letter per capital ("HaoWen" → HW) and a short
// all-capital word is already initials ("XD" → XD).
func Initials(given string) string {
	var b strings.Builder
	words := strings.FieldsFunc(given, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '.' || r == '‐' || r == ','
	})
	for _, w := range words {
		rs := []rune(w)
		if len(rs) <= 3 && allUpper(rs) {
			b.WriteString(string(rs))
			continue
		}
		for i, r := range rs {
			if i == 0 {
				b.WriteRune(unicode.ToUpper(r))
			} else if unicode.IsUpper(r) && unicode.IsLower(rs[i-1]) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func allUpper(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return len(rs) > 0
}

// normalText folds case and white space (NFC, so composed and decomposed
// accents agree) and drops a final full stop, which pages add or leave
// out at will. Everything else must be as the page states it.
func normalText(s string) string {
	s = strings.ToLower(norm.NFC.String(s))
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimSpace(strings.TrimSuffix(s, "."))
}
