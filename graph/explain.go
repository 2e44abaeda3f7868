package graph

import (
	"fmt"
	"strings"
)

// explainMerges records why records became one paper, mentions one
// journal, and names one person.
func (b *builder) explainMerges() {
	for _, p := range b.papers {
		if len(p.sources) < 2 {
			continue
		}
		var names []string
		for _, s := range p.sources {
			names = append(names, s.label())
		}
		b.explain("paper", p.iri, fmt.Sprintf("%d records are this paper (%s): %s",
			len(p.sources), strings.Join(names, "; "), p.why))
	}
	for _, j := range b.journals {
		if len(j.mentions) < 2 {
			continue
		}
		seen := map[string]bool{}
		var ways []string
		for _, s := range j.mentions {
			m := s.Record.Journal
			w := strings.TrimSpace(strings.Join(nonEmpty(m.Title, m.Abbrev, m.ISSN, m.EISSN, m.ISSNL, strings.Join(m.ISSNs, " ")), " / "))
			if !seen[w] {
				seen[w] = true
				ways = append(ways, w)
			}
		}
		b.explain("journal", j.iri, fmt.Sprintf("named as %s: one journal by a shared ISSN, title or abbreviation (or the known-journal table)",
			strings.Join(ways, " | ")))
	}
	for _, pr := range b.people {
		for _, r := range pr.reasons {
			b.explain("author", pr.iri, displayName(pr.name)+": "+r)
		}
	}
}

func nonEmpty(vs ...string) []string {
	var out []string
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			out = append(out, v)
		}
	}
	return out
}
