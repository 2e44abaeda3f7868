package graph

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Identity is the answer of the identity step, computed from the records'
// light copies before anything is stated: which records are one paper,
// which mentions one journal, which author positions one person, which
// same-name people were kept apart, which joins were refused, and why for
// each. Emission and the derived edges read it; nothing changes it after
// resolveIdentity returns.
type Identity struct {
	Papers   []*paper
	Journals []*journal
	People   []*person
	// Matches are the same-name people kept apart (one PossibleMatch node
	// each), ordered by name key.
	Matches      []possibleMatch
	Refusals     []Refusal
	Explanations []Explanation // unsorted; Build sorts them

	journalOf map[*source]*journal // the journal each source mentions
}

// possibleMatch is a group of people sharing a name whom identity kept
// apart.
type possibleMatch struct {
	iri    string
	name   string    // display name
	why    string    // why they were kept apart
	people []*person // ordered by IRI
}

// resolveIdentity applies the identity rules to the paper records (not
// the trial registrations). It reads only what a Spool's light copy keeps.
// Without explain, it leaves out the text of why people are one person
// and the Explanations: the decisions are the same.
func resolveIdentity(sources []*source, mint minter, known knownJournals, explain bool) *Identity {
	id := &Identity{}
	id.Papers, id.Refusals = groupPapers(sources, mint)
	id.Journals, id.journalOf = groupJournals(sources, id.Papers, mint, known)
	id.People = groupAuthors(id.Papers, mint, explain)
	id.Matches = possibleMatches(id.People, mint)
	if explain {
		id.Explanations = explanations(id)
	}
	return id
}

// possibleMatches groups the people identity kept apart by name: a name
// borne by several people, not all with an ORCID, is a possible match.
func possibleMatches(people []*person, mint minter) []possibleMatch {
	byName := map[string][]*person{}
	for _, pr := range people {
		k := nameKey(pr.name)
		byName[k] = append(byName[k], pr)
	}
	var out []possibleMatch
	for _, k := range slices.Sorted(maps.Keys(byName)) {
		group := possiblySame(byName[k])
		if len(group) < 2 {
			continue
		}
		name := displayName(group[0].name)
		why := fmt.Sprintf("%d people are named %q, but no ORCID, co-author or affiliation links them, so they are kept apart.", len(group), name)
		if slices.ContainsFunc(group, func(pr *person) bool { return pr.orcid != "" }) {
			why += " Those with different ORCIDs are different people."
		}
		out = append(out, possibleMatch{iri: mint.base + "match/" + hash16(k), name: name, why: why, people: group})
	}
	return out
}

// possiblySame returns the people of one name who may be one person: all
// of them, unless every one has an ORCID (different ORCIDs are different
// people), in the order of their IRIs.
func possiblySame(group []*person) []*person {
	withoutORCID := 0
	for _, pr := range group {
		if pr.orcid == "" {
			withoutORCID++
		}
	}
	if withoutORCID == 0 {
		return nil
	}
	out := slices.Clone(group)
	slices.SortFunc(out, func(a, c *person) int { return strings.Compare(a.iri, c.iri) })
	return out
}

// explanations says why records became one paper, mentions one journal,
// names one person, and why joins were refused or same-name people kept
// apart, so a curator can check each decision.
func explanations(id *Identity) []Explanation {
	var out []Explanation
	add := func(kind, subject, text string) {
		out = append(out, Explanation{Kind: kind, Subject: subject, Text: text})
	}
	for _, r := range id.Refusals {
		add("paper", r.Subject, r.Text())
	}
	for _, p := range id.Papers {
		if len(p.sources) < 2 {
			continue
		}
		var names []string
		for _, s := range p.sources {
			names = append(names, s.label())
		}
		add("paper", p.iri, fmt.Sprintf("%d records are this paper (%s): %s",
			len(p.sources), strings.Join(names, "; "), p.why))
	}
	for _, j := range id.Journals {
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
		add("journal", j.iri, fmt.Sprintf("named as %s: one journal by a shared ISSN, title or abbreviation (or the known-journal table)",
			strings.Join(ways, " | ")))
	}
	for _, pr := range id.People {
		for _, r := range pr.reasons {
			add("author", pr.iri, displayName(pr.name)+": "+r)
		}
	}
	for _, m := range id.Matches {
		iris := make([]string, len(m.people))
		for i, pr := range m.people {
			iris[i] = pr.iri
		}
		add("author", iris[0], fmt.Sprintf("possibly the same person as %s (%s): %s", strings.Join(iris[1:], ", "), m.iri, m.why))
	}
	return out
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
