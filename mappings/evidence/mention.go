package evidence

import (
	"strings"

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
				if seen[e] {
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
