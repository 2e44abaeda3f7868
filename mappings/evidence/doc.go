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
	qByStart   []int             // indexes of Quantities by start offset
	hits       map[hitKey][]hit[string]
	sentSpans  map[int]Span    // by start, see sentenceSpan
	counts     map[int][]count // countsIn by sentence start token
	groupSent  map[int]bool    // groupOfSentence by sentence start token
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

// sentenceSpan is the span of a whole sentence. Its text is made once per
// sentence and shared: every fact of a long sentence cites it.
func (f *field) sentenceSpan(s *sentence) Span {
	if sp, ok := f.sentSpans[s.Start]; ok && sp.End == s.End {
		return sp
	}
	if f.sentSpans == nil {
		f.sentSpans = map[int]Span{}
	}
	sp := f.span(s.Start, s.End)
	f.sentSpans[s.Start] = sp
	return sp
}

// tokSpan is the span covering tokens [t0, t1).
func (f *field) tokSpan(t0, t1 int) Span {
	return f.span(f.Tokens[t0].Start, f.Tokens[t1-1].End)
}

// sentenceText returns the sentence as written.
func (f *field) sentenceText(s *sentence) string { return runeSlice(f.Runes, s.Start, s.End) }

// quantitiesIn returns the quantities inside [start, end), in text order.
// It reads the index built by indexQuantities, so each call costs the
// quantities it returns, not the whole field: rules call it per sentence,
// and a scan of the field each time made extraction quadratic in length.
func (f *field) quantitiesIn(start, end int) []Quantity {
	if len(f.qByStart) != len(f.Quantities) {
		f.indexQuantities()
	}
	lo := sort.Search(len(f.qByStart), func(i int) bool { return f.Quantities[f.qByStart[i]].Span.Start >= start })
	var idx []int
	for _, k := range f.qByStart[lo:] {
		q := &f.Quantities[k]
		if q.Span.Start >= end {
			break
		}
		if q.Span.End <= end {
			idx = append(idx, k)
		}
	}
	sort.Ints(idx)
	out := make([]Quantity, 0, len(idx))
	for _, k := range idx {
		out = append(out, f.Quantities[k])
	}
	return out
}

// indexQuantities orders the quantities' indexes by start offset (a
// quantity with a median or range may be listed before one it contains).
func (f *field) indexQuantities() {
	f.qByStart = make([]int, len(f.Quantities))
	for i := range f.qByStart {
		f.qByStart[i] = i
	}
	sort.SliceStable(f.qByStart, func(a, b int) bool {
		return f.Quantities[f.qByStart[a]].Span.Start < f.Quantities[f.qByStart[b]].Span.Start
	})
}

// inSentence returns the mentions of sentence si. Mentions are in text
// order, so they form one run of f.Mentions; the result shares its array,
// so a pointer to an element points into f.Mentions.
func (f *field) inSentence(si int) []mention {
	lo := sort.Search(len(f.Mentions), func(i int) bool { return f.Mentions[i].Sent >= si })
	hi := lo + sort.Search(len(f.Mentions)-lo, func(i int) bool { return f.Mentions[lo+i].Sent > si })
	return f.Mentions[lo:hi]
}

// mentionsFrom returns the mentions whose first token is at or after tok0,
// in text order (a sub-slice of f.Mentions).
func (f *field) mentionsFrom(tok0 int) []mention {
	lo := sort.Search(len(f.Mentions), func(i int) bool { return f.Mentions[i].Tok0 >= tok0 })
	return f.Mentions[lo:]
}

// mentionsWithin returns the mentions lying inside code points [start, end).
func (f *field) mentionsWithin(start, end int) []mention {
	lo := sort.Search(len(f.Mentions), func(i int) bool { return f.Mentions[i].Start >= start })
	hi := lo
	for hi < len(f.Mentions) && f.Mentions[hi].Start < end {
		hi++
	}
	return f.Mentions[lo:hi]
}

// hitKey names one search of a pattern category over tokens [from, to).
type hitKey struct {
	category string
	from, to int
}

// find returns the phrases of a pattern category in tokens [from, to),
// computed once per field: rules ask the same question of one sentence
// for each mention in it, which cost the square of a long sentence.
func (f *field) find(r *rules, category string, from, to int) []hit[string] {
	k := hitKey{category, from, to}
	if h, ok := f.hits[k]; ok {
		return h
	}
	if f.hits == nil {
		f.hits = map[hitKey][]hit[string]{}
	}
	h := r.pattern(category).findAll(f.Tokens, from, to)
	f.hits[k] = h
	return h
}

// has reports whether a phrase of the category occurs in tokens [from, to).
func (f *field) has(r *rules, category string, from, to int) bool {
	return len(f.find(r, category, from, to)) > 0
}
