package graph

import (
	"fmt"
	"strconv"

	"github.com/msckg/msckg/graph/identity"
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

// groupJournals makes the journals the sources mention and gives each
// paper the journal its best-ranked source names.
func groupJournals(sources []*source, papers []*paper, mint minter, known knownJournals) ([]*journal, map[*source]*journal) {
	var ms []*source
	var keys [][]string
	for _, s := range sources {
		if m := &s.Record.Journal; hasJournal(m) {
			ms = append(ms, s)
			keys = append(keys, append(journalKeys(m), known.key(m)))
		}
	}
	var journals []*journal
	bySource := map[*source]*journal{}
	for _, g := range identity.ResolveJournals(keys) {
		j := &journal{}
		for _, i := range g {
			j.mentions = append(j.mentions, ms[i])
			bySource[ms[i]] = j
		}
		byRank(j.mentions)
		chooseJournalValues(j, mint)
		journals = append(journals, j)
	}
	for _, p := range papers {
		for _, s := range p.sources {
			if j := bySource[s]; j != nil {
				p.journal = j
				break
			}
		}
	}
	return journals, bySource
}

func chooseJournalValues(j *journal, mint minter) {
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
		j.iri = mint.journalByISSN(j.issnl)
	case j.issn != "":
		j.iri = mint.journalByISSN(j.issn)
	case j.eissn != "":
		j.iri = mint.journalByISSN(j.eissn)
	case len(j.otherISSNs) > 0:
		j.iri = mint.journalByISSN(j.otherISSNs[0])
	case j.title != "":
		j.iri = mint.journalByName(j.title)
	default:
		j.iri = mint.journalByName(j.abbrev)
	}
}
