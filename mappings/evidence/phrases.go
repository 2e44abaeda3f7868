package evidence

import (
	"sort"
	"unicode"
)

// phrase is a sequence of words to find in tokens, carrying a payload
// (lexicon entries, a pattern value).
type phrase[T any] struct {
	words         []string // folded, or as written when caseSensitive
	caseSensitive bool
	payload       T
	order         int // insertion order, to break ties deterministically
}

// phraseSet finds phrases in token sequences, longest match first.
type phraseSet[T any] struct {
	byFirst map[string][]*phrase[T]
	n       int
}

func newPhraseSet[T any]() *phraseSet[T] {
	return &phraseSet[T]{byFirst: map[string][]*phrase[T]{}}
}

// add registers text. When caseSensitive is nil, the case rule of the
// lexicon applies: a word with two or more capital letters ("ITP", "CsA",
// "hUC-MSC") makes the phrase match only in the case written.
func (ps *phraseSet[T]) add(text string, payload T, caseSensitive *bool) {
	toks := tokenize([]rune(text))
	if len(toks) == 0 {
		return
	}
	cs := false
	for _, t := range toks {
		cs = cs || countUpper(t.Text) >= 2
	}
	if caseSensitive != nil {
		cs = *caseSensitive
	}
	p := &phrase[T]{caseSensitive: cs, payload: payload, order: ps.n}
	ps.n++
	for _, t := range toks {
		if cs {
			p.words = append(p.words, t.Plain)
		} else {
			p.words = append(p.words, t.Fold)
		}
	}
	key := fold(p.words[0])
	ps.byFirst[key] = append(ps.byFirst[key], p)
}

func countUpper(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// hit is one phrase found at tokens [Tok0, Tok1).
type hit[T any] struct {
	Tok0, Tok1 int
	Payloads   []T // every phrase of that length and spelling that matched there
}

// matchAt returns the longest phrases matching at toks[i], within toks[:end].
func (ps *phraseSet[T]) matchAt(toks []token, i, end int) (n int, payloads []T) {
	if i < 0 || i >= end || i >= len(toks) {
		return 0, nil // an empty sentence (an abstract of punctuation alone)
	}
	keys := append([]string{toks[i].Fold}, singulars(toks[i].Fold)...)
	var cands []*phrase[T]
	seen := map[*phrase[T]]bool{}
	for _, k := range keys {
		for _, p := range ps.byFirst[k] {
			if !seen[p] {
				seen[p] = true
				cands = append(cands, p)
			}
		}
	}
	sort.Slice(cands, func(a, b int) bool { return cands[a].order < cands[b].order })
	for _, p := range cands {
		if l := p.matchLen(toks, i, end); l > n {
			n, payloads = l, []T{p.payload}
		} else if l == n && l > 0 {
			payloads = append(payloads, p.payload)
		}
	}
	return n, payloads
}

func (p *phrase[T]) matchLen(toks []token, i, end int) int {
	if i+len(p.words) > end {
		return 0
	}
	for k, w := range p.words {
		t := toks[i+k]
		if k > 0 && !t.SoftBefore {
			return 0
		}
		got := t.Fold
		if p.caseSensitive {
			got = t.Plain
		}
		last := k == len(p.words)-1
		if got != w && !(last && pluralOf(got, w)) {
			return 0
		}
	}
	return len(p.words)
}

// findAll scans toks[from:to] left to right, taking the longest match at
// each position and skipping past it.
func (ps *phraseSet[T]) findAll(toks []token, from, to int) []hit[T] {
	var out []hit[T]
	for i := from; i < to; {
		n, pl := ps.matchAt(toks, i, to)
		if n == 0 {
			i++
			continue
		}
		out = append(out, hit[T]{Tok0: i, Tok1: i + n, Payloads: pl})
		i += n
	}
	return out
}

// has reports whether any phrase occurs in toks[from:to].
func (ps *phraseSet[T]) has(toks []token, from, to int) bool {
	return len(ps.findAll(toks, from, to)) > 0
}
