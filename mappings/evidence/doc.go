package evidence

import (
	"sort"
	"strings"
)

// field is one text field prepared for the rules: code points, tokens,
// sentences, and the lexicon mentions and quantities found in it.
type field struct {
	Name       string
	Text       string
	Runes      []rune
	Tokens     []token
	Sentences  []sentence
	Mentions   []mention         // in text order
	Ctx        []sentenceContext // per sentence
	Quantities []Quantity        // from FindQuantities, spans in this field
}

// newField splits text into sentences and labels each with its section,
// from explicit sections when given and from "Label:" prefixes otherwise.
func newField(r *rules, name, text string, sections []Section) *field {
	f := &field{Name: name, Text: text, Runes: []rune(text)}
	f.Tokens = tokenize(f.Runes)
	given := sectionRanges(text, sections)
	label, role := "", ""
	for _, se := range splitSentences(f.Runes, r.abbrevs, r.sections) {
		s, e := se[0], se[1]
		lineStart := s == 0 || f.Runes[s-1] == '\n'
		for _, g := range given {
			if s >= g.start && s < g.end {
				label, role = g.label, r.sections[fold(g.label)]
			}
		}
		if name == FieldTitle {
			label, role = "Title", "title"
		} else if l, ro, content, ok := sectionLabelAt(f.Runes, s, e, lineStart, r.sections); ok {
			label, role, s = l, ro, content
		} else if l, ro, content, ok := bareLabelAt(f.Runes, s, e, r.sections); ok {
			label, role, s = l, ro, content
		}
		if s >= e {
			continue
		}
		t0 := sort.Search(len(f.Tokens), func(i int) bool { return f.Tokens[i].Start >= s })
		t1 := sort.Search(len(f.Tokens), func(i int) bool { return f.Tokens[i].Start >= e })
		f.Sentences = append(f.Sentences, sentence{Field: name, Start: s, End: e, Section: label, Role: role, Tok0: t0, Tok1: t1})
	}
	return f
}

type sectionRange struct {
	start, end int
	label      string
}

// sectionRanges locates each given section's text in the field, in order.
func sectionRanges(text string, sections []Section) []sectionRange {
	var out []sectionRange
	from := 0
	for _, sec := range sections {
		body := strings.TrimSpace(sec.Text)
		if body == "" || sec.Label == "" {
			continue
		}
		i := strings.Index(text[from:], body)
		if i < 0 {
			continue
		}
		b := from + i
		start := byteToRune(text, b)
		// A "Label: " prefix just before the body belongs to the section too.
		if lb := strings.LastIndex(text[:b], sec.Label); lb >= 0 && strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text[lb+len(sec.Label):b]), ":")) == "" {
			start = byteToRune(text, lb)
		}
		out = append(out, sectionRange{start: start, end: byteToRune(text, b+len(body)), label: sec.Label})
		from = b + len(body)
	}
	return out
}

// span returns the Span of code points [start, end) of the field.
func (f *field) span(start, end int) Span {
	return Span{Field: f.Name, Start: start, End: end, Text: runeSlice(f.Runes, start, end)}
}

// sentenceSpan is the span of a whole sentence.
func (f *field) sentenceSpan(s *sentence) Span { return f.span(s.Start, s.End) }

// tokSpan is the span covering tokens [t0, t1).
func (f *field) tokSpan(t0, t1 int) Span {
	return f.span(f.Tokens[t0].Start, f.Tokens[t1-1].End)
}

// sentenceText returns the sentence as written.
func (f *field) sentenceText(s *sentence) string { return runeSlice(f.Runes, s.Start, s.End) }

// quantitiesIn returns the quantities inside [start, end), in text order.
func (f *field) quantitiesIn(start, end int) []Quantity {
	var out []Quantity
	for _, q := range f.Quantities {
		if q.Span.Start >= start && q.Span.End <= end {
			out = append(out, q)
		}
	}
	return out
}
