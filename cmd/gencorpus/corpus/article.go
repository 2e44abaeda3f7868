package corpus

import (
	"fmt"
	"math/rand/v2"
)

// article is one generated paper, independent of any output format.
// Abstract text carries powers of ten as markers (see pow) that each
// writer renders the way its format's exports do.
type article struct {
	index      int
	pmid       string
	pmcid      string // "" for most
	doi        string
	title      string
	authors    []person
	journal    journal
	year       int
	month, day int // 0 when unknown
	volume     string
	issue      string
	pageStart  string
	pageEnd    string
	sections   []section
	structured bool   // the abstract has labelled sections
	trialID    string // NCT id given as data and in the text, or ""
	keywords   []string
	pubTypes   []string
}

type section struct {
	label string // "Background", "Methods", ...
	text  string
}

// Powers of ten are marked in generated text as powStart mantissa
// powSep exponent powEnd; control characters never occur otherwise.
const (
	powStart = '\x01'
	powSep   = '\x02'
	powEnd   = '\x03'
)

// pow marks m×10^e.
func pow(m string, e int) string {
	return fmt.Sprintf("%c%s%c%d%c", powStart, m, powSep, e, powEnd)
}

// generator makes the articles of one corpus. Article i depends only on
// the seed, the corpus size and i, so the same paper comes out the same in
// every format and a corpus can be written in any order.
type generator struct {
	seed uint64
	pop  *population
}

func newGenerator(seed uint64, n int) *generator {
	return &generator{seed: seed, pop: newPopulation(seed, n)}
}

func (g *generator) rng(i int, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed^stream, uint64(i)))
}

func (g *generator) article(i int) article {
	rng := g.rng(i, 0x5eed)
	pop := g.pop
	a := article{index: i}
	a.year = 2005 + rng.IntN(21)
	if rng.IntN(5) > 0 {
		a.month = 1 + rng.IntN(12)
		if rng.IntN(2) == 0 {
			a.day = 1 + rng.IntN(28)
		}
	}
	a.pmid = fmt.Sprint(70000001 + i)
	a.doi = fmt.Sprintf("10.5555/msckg.%d.%06d", a.year, i+1)
	if rng.IntN(3) == 0 {
		a.pmcid = fmt.Sprintf("PMC%d", 9100001+i)
	}
	a.journal = pop.journals[rng.IntN(len(pop.journals))]
	a.volume = fmt.Sprint(a.year - 1990 + rng.IntN(3))
	a.issue = fmt.Sprint(1 + rng.IntN(12))
	start := 1 + rng.IntN(3000)
	a.pageStart = fmt.Sprint(start)
	a.pageEnd = fmt.Sprint(start + 3 + rng.IntN(12))

	lb := pop.labs[rng.IntN(len(pop.labs))]
	nAuthors := 3 + rng.IntN(10)
	seen := map[int]bool{}
	for len(a.authors) < nAuthors && len(seen) < len(pop.people) {
		var who int
		if rng.IntN(6) > 0 { // mostly the lab, sometimes a collaborator
			who = lb.members[rng.IntN(len(lb.members))]
		} else {
			who = rng.IntN(len(pop.people))
		}
		if seen[who] {
			if len(seen) >= len(lb.members) && rng.IntN(2) == 0 {
				who = rng.IntN(len(pop.people))
			}
			if seen[who] {
				continue
			}
		}
		seen[who] = true
		a.authors = append(a.authors, pop.people[who])
	}
	if rng.IntN(10) < 3 {
		a.trialID = fmt.Sprintf("NCT0%07d", lb.trial+rng.IntN(2))
	}
	s := newStudy(rng)
	a.title = s.title(rng)
	a.sections = s.abstract(rng, a.trialID)
	a.structured = rng.IntN(10) < 6
	a.keywords = []string{"Immune thrombocytopenia", "Mesenchymal stem cells"}
	if rng.IntN(2) == 0 {
		a.keywords = append(a.keywords, pick(rng, []string{"Cell therapy", "Platelet count", "Regulatory T cells", "Umbilical cord"}))
	}
	a.pubTypes = s.pubTypes()
	return a
}

// abstractText joins the sections as a plain abstract, labelled or not.
func (a *article) abstractText(labelled bool, upper bool) string {
	out := ""
	for i, s := range a.sections {
		if i > 0 {
			out += " "
		}
		if labelled {
			l := s.label
			if upper {
				l = upperASCII(l)
			}
			out += l + ": "
		}
		out += s.text
	}
	return out
}

func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// initials is "LN" for "Li-Na", "J" for "James".
func initials(given string) string {
	out := ""
	start := true
	for _, r := range given {
		if r == '-' || r == ' ' {
			start = true
			continue
		}
		if start {
			out += string(r)
			start = false
		}
	}
	return out
}
