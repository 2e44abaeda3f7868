package evidence

import (
	"strings"
	"unicode"

	"github.com/msckg/msckg/ontology"
)

// mention is a lexicon concept found in a sentence.
type mention struct {
	Entry      *ontology.LexiconEntry
	Sent       int // index into field.Sentences
	Tok0, Tok1 int
	Start, End int // code points in the field
	Text       string
	Negated    bool
	Learned    bool // matched through an abbreviation defined in this record
}

func (m *mention) Kind() string { return m.Entry.Kind }
func (m *mention) IRI() string  { return m.Entry.IRI }

// glossary holds the abbreviations a record defines: each short form
// either names lexicon concepts or, when its long form is not in the
// lexicon, blocks the lexicon's own reading of those letters.
type glossary struct {
	aliases *phraseSet[[]*ontology.LexiconEntry]
	blocked map[string]bool
}

// learnAbbreviations reads the definitions in the fields, using the plain
// lexicon mentions to decide what each long form means.
func learnAbbreviations(r *rules, fields []*field) *glossary {
	g := &glossary{aliases: newPhraseSet[[]*ontology.LexiconEntry](), blocked: map[string]bool{}}
	sensitive := true
	for _, f := range fields {
		base := matchLexicon(r, f, nil)
		for si := range f.Sentences {
			for _, a := range findAbbreviations(f.Runes, &f.Sentences[si]) {
				entries := longFormEntries(base, a)
				forms := []string{a.Short}
				if strings.HasSuffix(a.Short, "s") && len([]rune(a.Short)) > 2 {
					forms = append(forms, strings.TrimSuffix(a.Short, "s"))
				}
				for _, sf := range forms {
					if len(entries) == 0 {
						g.blocked[sf] = true
						continue
					}
					g.aliases.add(sf, entries, &sensitive)
				}
			}
		}
	}
	return g
}

// longFormEntries returns the entries of the longest mention that ends
// where the long form ends and lies inside it.
func longFormEntries(ms []mention, a abbreviation) []*ontology.LexiconEntry {
	var out []*ontology.LexiconEntry
	best := -1
	for _, m := range ms {
		if m.End != a.LongEnd || m.Start < a.LongStart {
			continue
		}
		if l := m.End - m.Start; l > best {
			best, out = l, []*ontology.LexiconEntry{m.Entry}
		} else if l == best {
			out = append(out, m.Entry)
		}
	}
	return out
}

// matchLexicon finds concept mentions in every sentence of f, longest
// match first; short forms the record defines win over the lexicon.
func matchLexicon(r *rules, f *field, g *glossary) []mention {
	var out []mention
	for si, s := range f.Sentences {
		for i := s.Tok0; i < s.Tok1; {
			n, entries := r.lexicon.matchAt(f.Tokens, i, s.Tok1)
			learned := false
			if g != nil {
				if ln, le := g.aliases.matchAt(f.Tokens, i, s.Tok1); ln > 0 && ln >= n {
					n, learned = ln, true
					entries = nil
					for _, l := range le {
						entries = append(entries, l...)
					}
				} else if n > 0 && g.blocked[runeSlice(f.Runes, f.Tokens[i].Start, f.Tokens[i+n-1].End)] {
					n = 0
				}
			}
			if n == 0 || n == 1 && romanNumeralUse(f, s, i) {
				i++
				continue
			}
			start, end := f.Tokens[i].Start, f.Tokens[i+n-1].End
			seen := map[*ontology.LexiconEntry]bool{}
			for _, e := range entries {
				if seen[e] || notAMention(f, s, i, i+n, e.Kind) {
					continue
				}
				seen[e] = true
				out = append(out, mention{Entry: e, Sent: si, Tok0: i, Tok1: i + n, Start: start, End: end,
					Text: runeSlice(f.Runes, start, end), Learned: learned})
			}
			i += n
		}
	}
	return out
}

// notAMention: the words at tokens [i, j) spell a concept of the kind
// but do not name one here: a route that is the last part of a product
// code ("MSC-100-IV") or a conference's presentation type ("Type: Oral",
// "Oral and Poster Abstracts"), a condition inside an institution's name
// ("National Clinical Research Center for Hematologic Diseases").
func notAMention(f *field, s sentence, i, j int, kind string) bool {
	switch kind {
	case "route":
		return codePart(f, s, i) || presentationType(f, s, i, j)
	case "condition":
		return inInstitutionName(f, s, i, j)
	}
	return false
}

// codePart: the token at i is glued by a hyphen to a token with a digit
// before it, the tail of a code ("MSC-100-IV", "PF-06-IV").
func codePart(f *field, s sentence, i int) bool {
	if i <= s.Tok0 || runeSlice(f.Runes, f.Tokens[i-1].End, f.Tokens[i].Start) != "-" {
		return false
	}
	return strings.ContainsAny(f.Tokens[i-1].Fold, "0123456789")
}

// presentationType: "oral" names how an abstract was presented at a
// meeting ("Program: Oral and Poster Abstracts Type: Oral Session: 311",
// "oral presentation"), not a route.
func presentationType(f *field, s sentence, i, j int) bool {
	if f.Tokens[i].Fold != "oral" || j != i+1 {
		return false
	}
	if prevFold(f, &s, i) == "type" && strings.TrimSpace(runeSlice(f.Runes, f.Tokens[i-1].End, f.Tokens[i].Start)) == ":" {
		return true
	}
	switch foldAt(f, &s, j) {
	case "presentation", "presentations", "session", "sessions", "abstract", "abstracts",
		"communication", "communications", "poster", "posters":
		return true
	case "and", "or", "&":
		p := foldAt(f, &s, j+1)
		return p == "poster" || p == "posters"
	}
	return false
}

// inInstitutionName: the condition at tokens [i, j) is written in title
// case inside an institution's name: an institution noun and "for" or
// "of" before it ("Center for Hematologic Diseases", "Institute of
// Hematology & Blood Diseases"), or an institution noun right after it
// ("Aplastic Anemia Center", "Leukemia & Lymphoma Society"), with only
// title-case words and spaces or "&" between. An affiliation line is not
// the patients' disease. A title's "…Anemia: A Single-Center Study" is
// not a name: its punctuation breaks it.
func inInstitutionName(f *field, s sentence, i, j int) bool {
	const reachBack, reachAfter = 5, 3
	if !titleCase(f.Tokens[i].Text) {
		return false
	}
	sawLink := false
	for k := i - 1; k >= s.Tok0 && k >= i-reachBack && nameGap(f, k+1); k-- {
		w := f.Tokens[k]
		if institutionNoun[w.Fold] && titleCase(w.Text) {
			return sawLink
		}
		if w.Fold == "for" || w.Fold == "of" {
			sawLink = true
		} else if w.Fold != "and" && !nameWord(w.Text) {
			return false
		}
	}
	for k := j; k < s.Tok1 && k < j+reachAfter && nameGap(f, k); k++ {
		w := f.Tokens[k]
		if institutionNoun[w.Fold] && titleCase(w.Text) {
			return !(k > j && f.Tokens[k-1].Fold == "single")
		}
		if w.Fold != "and" && !nameWord(w.Text) {
			return false
		}
	}
	return false
}

// nameGap: only spaces, or an "&", stand between token k-1 and token k.
func nameGap(f *field, k int) bool {
	g := strings.TrimSpace(runeSlice(f.Runes, f.Tokens[k-1].End, f.Tokens[k].Start))
	return g == "" || g == "&"
}

// nameWord: a title-case word that is not an acronym ("Blood", not
// "ASBMT", which more often opens the next line than continues a name).
func nameWord(w string) bool {
	return titleCase(w) && strings.ToUpper(w) != w
}

// institutionNoun: the head nouns of institutions' names.
var institutionNoun = map[string]bool{"center": true, "centre": true, "institute": true, "department": true,
	"hospital": true, "laboratory": true, "society": true, "association": true, "foundation": true,
	"clinic": true, "division": true, "college": true, "academy": true, "university": true}

// titleCase: a word that starts with an upper-case letter.
func titleCase(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// romanNumeralUse: the token at i is a Roman numeral written as one
// ("grade II-IV", "stage IV", "III-IV"), not an abbreviation such as IV
// (intravenous).
func romanNumeralUse(f *field, s sentence, i int) bool {
	w := runeSlice(f.Runes, f.Tokens[i].Start, f.Tokens[i].End)
	if !isRoman(w) {
		return false
	}
	if i > s.Tok0 {
		switch f.Tokens[i-1].Fold {
		case "grade", "grades", "stage", "stages", "class", "type", "types", "level", "phase":
			return true
		}
		gap := strings.TrimSpace(runeSlice(f.Runes, f.Tokens[i-1].End, f.Tokens[i].Start))
		if (gap == "-" || gap == "–") && isRoman(runeSlice(f.Runes, f.Tokens[i-1].Start, f.Tokens[i-1].End)) {
			return true
		}
	}
	if i+1 < s.Tok1 {
		gap := strings.TrimSpace(runeSlice(f.Runes, f.Tokens[i].End, f.Tokens[i+1].Start))
		if (gap == "-" || gap == "–") && isRoman(runeSlice(f.Runes, f.Tokens[i+1].Start, f.Tokens[i+1].End)) {
			return true
		}
	}
	return false
}

// isRoman: an upper-case Roman numeral of up to four letters.
func isRoman(w string) bool {
	if w == "" || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if !strings.ContainsRune("IVXL", r) {
			return false
		}
	}
	return true
}
