package graph

import (
	"fmt"
	"strconv"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/ontology"
)

// journal is one Journal node and the records that mention it.
type journal struct {
	iri                string
	title, abbrev      string
	issn, eissn, issnl string
	otherISSNs         []string
	mentions           []*source // best first
}

func (j *journal) label() string {
	if j.title != "" {
		return j.title
	}
	return j.abbrev
}

func journalKeys(j *mappings.Journal) []string {
	var keys []string
	for _, v := range append([]string{j.ISSN, j.EISSN, j.ISSNL}, j.ISSNs...) {
		if v = normISSN(v); v != "" {
			keys = append(keys, "issn:"+v)
		}
	}
	if t := normTitle(j.Title); t != "" {
		keys = append(keys, "title:"+t)
	}
	if a := normTitle(j.Abbrev); a != "" {
		keys = append(keys, "abbr:"+a)
	}
	return keys
}

func hasJournal(j *mappings.Journal) bool { return len(journalKeys(j)) > 0 }

// knownJournals indexes ontology/journals.tsv by ISSN and by normalised
// title and abbreviation, so that a record that names a journal one way
// joins the records that name it another ("Exp Ther Med" and
// "Experimental and Therapeutic Medicine").
type knownJournals map[string]int

func loadKnownJournals() (knownJournals, error) {
	js, err := ontology.Journals()
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	k := knownJournals{}
	for i, j := range js {
		for _, v := range []string{j.ISSN, j.EISSN, j.ISSNL} {
			if v = normISSN(v); v != "" {
				k["issn:"+v] = i
			}
		}
		for _, name := range append([]string{j.Title}, j.Abbrevs...) {
			if n := normTitle(name); n != "" {
				k["name:"+n] = i
			}
		}
	}
	return k, nil
}

// key returns a key shared by every mention of the same known journal, or "".
func (k knownJournals) key(j *mappings.Journal) string {
	for _, v := range append([]string{j.ISSN, j.EISSN, j.ISSNL}, j.ISSNs...) {
		if i, ok := k["issn:"+normISSN(v)]; ok {
			return "known:" + strconv.Itoa(i)
		}
	}
	for _, name := range []string{j.Title, j.Abbrev} {
		if i, ok := k["name:"+normTitle(name)]; ok && normTitle(name) != "" {
			return "known:" + strconv.Itoa(i)
		}
	}
	return ""
}

// normISSN is the readers' ISSN normalisation (NNNN-NNNX with a valid
// check digit, else ""), applied again to the known-journals table.
func normISSN(s string) string { return mappings.NormalizeISSN(s) }

// groupJournals applies the journal identity rules: a shared ISSN, the
// same normalised full title, or the same abbreviation is one journal.
func (b *builder) groupJournals() {
	var ms []*source
	for _, s := range b.sources {
		if hasJournal(&s.Record.Journal) {
			ms = append(ms, s)
		}
	}
	uf := newUnionFind(len(ms))
	uf.unionByKeys(len(ms), func(i int) []string {
		m := &ms[i].Record.Journal
		return append(journalKeys(m), b.known.key(m))
	})
	bySource := map[*source]*journal{}
	for _, g := range uf.groups() {
		j := &journal{}
		for _, i := range g {
			j.mentions = append(j.mentions, ms[i])
			bySource[ms[i]] = j
		}
		byRank(j.mentions)
		b.chooseJournalValues(j)
		b.journals = append(b.journals, j)
	}
	for _, p := range b.papers {
		for _, s := range p.sources {
			if j := bySource[s]; j != nil {
				p.journal = j
				break
			}
		}
	}
	b.journalOf = bySource
}

func (b *builder) chooseJournalValues(j *journal) {
	for _, s := range j.mentions {
		m := &s.Record.Journal
		if j.title == "" {
			j.title = m.Title
		}
		if j.abbrev == "" {
			j.abbrev = m.Abbrev
		}
		if j.issn == "" {
			j.issn = normISSN(m.ISSN)
		}
		if j.eissn == "" {
			j.eissn = normISSN(m.EISSN)
		}
		if j.issnl == "" {
			j.issnl = normISSN(m.ISSNL)
		}
	}
	for _, s := range j.mentions {
		for _, v := range s.Record.Journal.ISSNs {
			if v = normISSN(v); v != "" && v != j.issn && v != j.eissn && v != j.issnl {
				j.otherISSNs = appendUnique(j.otherISSNs, v)
			}
		}
	}
	switch {
	case j.issnl != "":
		j.iri = b.mint.journalByISSN(j.issnl)
	case j.issn != "":
		j.iri = b.mint.journalByISSN(j.issn)
	case j.eissn != "":
		j.iri = b.mint.journalByISSN(j.eissn)
	case len(j.otherISSNs) > 0:
		j.iri = b.mint.journalByISSN(j.otherISSNs[0])
	case j.title != "":
		j.iri = b.mint.journalByName(j.title)
	default:
		j.iri = b.mint.journalByName(j.abbrev)
	}
}
