package graph

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/msckg/msckg/graph/iriref"
	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/evidence"
	o "github.com/msckg/msckg/ontology"
)

// paperEmitter states one paper: a function of the paper's cluster (its
// sources and chosen values), its records' full text and facts, and the
// identity result for the IRIs of journals and people. What the rest of
// the build needs from it comes back in a paperOut; it changes nothing
// else but the dataset it writes to.
type paperEmitter struct {
	ds        *Dataset
	mint      minter
	broader   map[string]string    // for reconciling agents
	journalOf map[*source]*journal // Identity.journalOf
	p         *paper
	recs      []*mappings.Record // the full record of each of p.sources
	facts     []*evidence.Facts  // and its facts
	abstract  string             // the chosen abstract's text, from the full record
	out       paperOut
}

// paperOut is what stating a paper tells the rest of the build.
type paperOut struct {
	disagreements []Disagreement
	concepts      map[string]string // concept IRI → label, for the vocabulary graph
	trials        []string          // IRIs of the trials the paper reports
}

// emitPaper states paper p in each of its sources' graphs, reading their
// full records from the record store.
func emitPaper(ds *Dataset, mint minter, broader map[string]string, id *Identity, p *paper) (paperOut, error) {
	e := &paperEmitter{ds: ds, mint: mint, broader: broader, journalOf: id.journalOf, p: p, out: paperOut{concepts: map[string]string{}}}
	for _, s := range p.sources {
		rec, facts, err := s.full()
		if err != nil {
			return paperOut{}, err
		}
		e.recs = append(e.recs, rec)
		e.facts = append(e.facts, facts)
		if s == p.abstractSource {
			e.abstract = rec.Abstract.Text // a light copy carried none
		}
	}
	e.emit()
	return e.out, nil
}

// emit states, in each source's own graph, what that source says about
// the paper. Functional values equal to the chosen one are stated as they
// are; a different value is kept on the source record (mkg:stated…) so the
// union view holds exactly one value.
func (e *paperEmitter) emit() {
	p := e.p
	for i, s := range p.sources {
		g := s.iri
		r := e.recs[i]
		emitSourceRecord(e.ds, s, r)
		e.ds.link(g, p.iri, o.RDFType, o.Paper)
		e.ds.link(g, p.iri, o.RDFType, o.SchemaScholarlyArticle)
		if hasJournal(&r.Journal) {
			e.ds.link(g, p.iri, o.RDFType, o.FaBiOJournalArticle)
		}
		e.ds.link(g, p.iri, o.PROVWasDerivedFrom, s.iri)

		e.functional(s, "title", o.DCTitle, o.StatedTitle, p.title, r.Title)
		e.functional(s, "title", o.RDFSLabel, "", p.title, r.Title)
		e.functional(s, "abstract", o.DCAbstract, o.StatedAbstract, e.abstract, r.Abstract.Text)
		e.functional(s, "language", o.DCLanguage, o.StatedLanguage, p.language, r.Language)
		e.functional(s, "volume", o.BIBOVolume, o.StatedVolume, p.volume, r.Volume)
		e.functional(s, "issue", o.BIBOIssue, o.StatedIssue, p.issue, r.Issue)
		e.functional(s, "pageStart", o.BIBOPageStart, o.StatedPageStart, p.pageStart, r.PageStart)
		e.functional(s, "pageEnd", o.BIBOPageEnd, o.StatedPageEnd, p.pageEnd, r.PageEnd)
		e.functional(s, "doi", o.BIBODOI, o.StatedDOI, p.doi, strings.ToLower(r.DOI))
		e.functional(s, "pmid", o.FaBiOPubMedID, o.StatedPMID, p.pmid, r.PMID)
		e.functional(s, "pmcid", o.FaBiOPMCID, o.StatedPMCID, p.pmcid, strings.ToUpper(r.PMCID))
		e.emitIssued(s, r.Issued)
		if r.ArticleNumber != "" {
			e.ds.add(g, p.iri, o.ArticleNumber, str(r.ArticleNumber))
		}
		if r.Publisher != "" {
			e.ds.add(g, p.iri, o.DCPublisher, str(r.Publisher))
		}
		for _, k := range r.Keywords {
			if k = strings.TrimSpace(k); k != "" {
				e.ds.add(g, p.iri, o.SchemaKeywords, str(k))
			}
		}
		for _, t := range r.PublicationTypes {
			e.ds.add(g, p.iri, o.PublicationType, str(t))
		}
		for _, u := range r.URLs {
			statedURL(e.ds, g, p.iri, u)
		}
		if r.CitationCount != nil && *r.CitationCount >= 0 {
			e.ds.add(g, p.iri, o.CitationCount, integer(*r.CitationCount))
		}
		for _, m := range r.MeSH {
			c := e.meshConcept(m)
			e.ds.link(g, p.iri, o.DCSubject, c)
			if m.Major {
				e.ds.link(g, p.iri, o.MeSHMajorTopic, c)
			}
		}
		e.emitJournalLink(s)
		e.emitStructuredTrials(s, r)
	}
	if p.title == "" {
		// A page that gave an abstract but no title: still a readable label.
		best := p.sources[0]
		text := e.abstract
		if text == "" {
			text = p.doi
		}
		e.ds.add(best.iri, p.iri, o.RDFSLabel, str("[untitled] "+shorten(text, 80)))
	}
	e.emitAuthorships()
	e.emitFacts()
}

// functional states one functional property for source s. A source that
// agrees with the chosen value states the same triple in its own graph; a
// source that disagrees keeps its value on its source record (statedProp),
// and the build summary reports it.
func (e *paperEmitter) functional(s *source, name, prop, statedProp, chosen, value string) {
	if value == "" {
		return
	}
	if value == chosen {
		e.ds.add(s.iri, e.p.iri, prop, str(value))
		return
	}
	if statedProp == "" {
		return
	}
	e.ds.add(s.iri, s.iri, statedProp, str(value))
	e.disagree(s, name, chosen, value)
}

func (e *paperEmitter) disagree(s *source, name, chosen, value string) {
	if name == "abstract" {
		// Abstracts are long: show where they first differ, not the texts.
		chosen, value = firstDifference(chosen, value)
	}
	e.out.disagreements = append(e.out.disagreements, Disagreement{
		Paper: e.p.iri, Property: name, Chosen: chosen, Stated: value, Source: s.label(),
	})
}

func (e *paperEmitter) emitIssued(s *source, d mappings.Date) {
	p := e.p
	lit, ok := dateLiteral(d)
	if !ok {
		return
	}
	if d == p.issued {
		e.ds.add(s.iri, p.iri, o.DCIssued, lit)
		return
	}
	// A less precise date that agrees is not a disagreement, but stating it
	// on the paper would give the union two dates.
	e.ds.add(s.iri, s.iri, o.StatedIssued, lit)
	if !sameDate(p.issued, d) {
		chosen, _ := dateLiteral(p.issued)
		e.disagree(s, "issued", chosen.String(), lit.String())
	}
}

// emitSourceRecord states the SourceRecord node of s, whose full record is r.
func emitSourceRecord(ds *Dataset, s *source, r *mappings.Record) {
	g := s.iri
	ds.link(g, s.iri, o.RDFType, o.SourceRecord)
	ds.link(g, s.iri, o.RDFType, o.PROVEntity)
	ds.add(g, s.iri, o.RDFSLabel, str(fmt.Sprintf("%s record %d (%s)", s.paths[0], r.Number, r.Format)))
	for _, path := range s.paths {
		ds.add(g, s.iri, o.DCSource, str(path))
	}
	ds.add(g, s.iri, o.Format, str(r.Format))
	if r.Number > 0 {
		ds.add(g, s.iri, o.RecordNumber, integer(r.Number))
	}
	ds.add(g, s.iri, o.SHA256, str(s.sha))
	for _, field := range slices.Sorted(maps.Keys(r.Guessed)) {
		ds.add(g, s.iri, o.GuessedField, str(field+": "+r.Guessed[field]))
	}
}

func (e *paperEmitter) emitJournalLink(s *source) {
	p := e.p
	j := e.journalOf[s]
	if j == nil {
		return
	}
	if j == p.journal {
		e.ds.link(s.iri, p.iri, o.DCIsPartOf, j.iri)
		return
	}
	e.ds.link(s.iri, s.iri, o.StatedJournal, j.iri)
	e.disagree(s, "journal", p.journal.label(), j.label())
}

// emitJournal states journal j in the graph of each record that mentions
// it, as that record names it (the light copies keep the journal).
func emitJournal(ds *Dataset, j *journal) {
	for _, s := range j.mentions {
		g := s.iri
		m := &s.Record.Journal
		ds.link(g, j.iri, o.RDFType, o.Journal)
		ds.link(g, j.iri, o.RDFType, o.FaBiOJournal)
		ds.link(g, j.iri, o.RDFType, o.SchemaPeriodical)
		if m.Title != "" && m.Title == j.title {
			ds.add(g, j.iri, o.DCTitle, str(j.title))
		}
		if m.Abbrev != "" && m.Abbrev == j.abbrev {
			ds.add(g, j.iri, o.BIBOShortTitle, str(j.abbrev))
		}
		if (m.Title != "" && m.Title == j.title) || (j.title == "" && m.Abbrev == j.abbrev) {
			ds.add(g, j.iri, o.RDFSLabel, str(j.label()))
		}
		if v := normISSN(m.ISSN); v != "" && v == j.issn {
			ds.add(g, j.iri, o.BIBOISSN, str(v))
		}
		if v := normISSN(m.EISSN); v != "" && v == j.eissn {
			ds.add(g, j.iri, o.BIBOEISSN, str(v))
		}
		if v := normISSN(m.ISSNL); v != "" && v == j.issnl {
			ds.add(g, j.iri, o.BIBOISSN, str(v))
		}
		for _, v := range m.ISSNs {
			if v = normISSN(v); v != "" {
				ds.add(g, j.iri, o.BIBOISSN, str(v))
			}
		}
	}
}

// emitAuthorships states each slot of the paper's author list in the
// graphs of the sources that list that author.
func (e *paperEmitter) emitAuthorships() {
	p := e.p
	for _, sl := range p.slots {
		as := fmt.Sprintf("%s/authorship/%d", p.iri, sl.position)
		pr := sl.person
		for _, s := range p.sources {
			a, ok := sl.authorIn(s)
			if !ok {
				continue
			}
			g := s.iri
			e.ds.link(g, p.iri, o.AuthorshipProp, as)
			e.ds.link(g, p.iri, o.DCCreator, pr.iri)
			e.ds.link(g, as, o.RDFType, o.Authorship)
			e.ds.link(g, as, o.RDFType, o.PRORoleInTime)
			e.ds.add(g, as, o.RDFSLabel, str(fmt.Sprintf("Author %d of %s", sl.position, shorten(p.title, 60))))
			e.ds.add(g, as, o.Position, integer(sl.position))
			if a.AsWritten != "" {
				e.ds.add(g, as, o.NameAsWritten, str(a.AsWritten))
			}
			e.ds.link(g, as, o.PROWithRole, o.PROAuthor)
			e.ds.link(g, as, o.PROIsHeldBy, pr.iri)
			for _, aff := range a.Affiliations {
				if aff = strings.TrimSpace(aff); aff != "" {
					e.ds.add(g, as, o.SchemaAffiliation, str(aff))
				}
			}
			emitPerson(e.ds, g, pr, a)
		}
	}
	for _, u := range p.unmatched {
		e.ds.add(u.src.iri, u.src.iri, o.StatedAuthor, str(u.author.AsWritten))
		e.disagree(u.src, "author", "", u.author.AsWritten)
	}
}

// emitPerson states the Author node in graph g, as source a names it.
func emitPerson(ds *Dataset, g string, pr *person, a mappings.Author) {
	if a.Collective || pr.name.Collective {
		ds.link(g, pr.iri, o.RDFType, o.Author)
		ds.link(g, pr.iri, o.RDFType, o.FOAFOrganization)
		ds.link(g, pr.iri, o.RDFType, o.SchemaOrganization)
	} else {
		ds.link(g, pr.iri, o.RDFType, o.Author)
		ds.link(g, pr.iri, o.RDFType, o.FOAFPerson)
		ds.link(g, pr.iri, o.RDFType, o.SchemaPerson)
	}
	name := displayName(pr.name)
	if displayName(a) == name && a.Family == pr.name.Family && a.Given == pr.name.Given {
		ds.add(g, pr.iri, o.RDFSLabel, str(name))
		ds.add(g, pr.iri, o.FOAFName, str(name))
		if pr.name.Family != "" && !pr.name.Collective {
			ds.add(g, pr.iri, o.FOAFFamilyName, str(pr.name.Family))
		}
		if pr.name.Given != "" && !pr.name.Collective {
			ds.add(g, pr.iri, o.FOAFGivenName, str(pr.name.Given))
		}
	}
	if a.AsWritten != "" && a.AsWritten != name {
		ds.add(g, pr.iri, o.SKOSAltLabel, str(a.AsWritten))
	}
	if alt := displayName(a); alt != "" && alt != name {
		ds.add(g, pr.iri, o.SKOSAltLabel, str(alt))
	}
	if a.ORCID != "" && a.ORCID == pr.orcid && validIRI("https://orcid.org/"+a.ORCID) {
		ds.add(g, pr.iri, o.DCIdentifier, str(a.ORCID))
		ds.link(g, pr.iri, o.OWLSameAs, "https://orcid.org/"+a.ORCID)
	}
}

// meshConcept returns the concept IRI of a MeSH heading: the MeSH
// descriptor IRI when its UI is known (from NLM data, or from the table of
// verified descriptors), else a concept minted under the base.
func (e *paperEmitter) meshConcept(m mappings.MeSHHeading) string {
	ui := m.UI
	if !meshUI.MatchString(ui) {
		ui = o.VerifiedMeSHByName(m.Descriptor)
	}
	var c string
	if ui != "" {
		c = o.MeSH + ui
	} else {
		c = e.mint.meshHeading(m.Descriptor)
	}
	addConcept(e.out.concepts, c, m.Descriptor)
	return c
}

// addConcept remembers a concept's label for the vocabulary graph: the
// least label, so that the choice does not depend on the order of papers.
func addConcept(concepts map[string]string, iri, label string) {
	if have, ok := concepts[iri]; !ok || label < have {
		concepts[iri] = label
	}
}

// emitVocabulary labels every concept the graph uses, in the vocabulary
// graph: one English label each, the same literal msckg.ttl gives an mkg:
// term, so that loading the ontology beside the graph adds no second
// label. A user needs nothing else to read a design, route, sex, age
// group or outcome type.
func (b *builder) emitVocabulary() error {
	declared, err := o.Labels()
	if err != nil {
		return err
	}
	if b.concepts == nil {
		b.concepts = map[string]string{}
	}
	for iri := range b.ds.mkgValues {
		if l, ok := declared[iri]; ok {
			addConcept(b.concepts, iri, l)
		}
	}
	g := b.mint.vocabularyGraph()
	for _, c := range slices.Sorted(maps.Keys(b.concepts)) {
		l := b.concepts[c]
		if d, ok := declared[c]; ok {
			l = d
		}
		b.ds.link(g, c, o.RDFType, o.SKOSConcept)
		if l != "" {
			b.ds.add(g, c, o.RDFSLabel, english(l))
			b.ds.add(g, c, o.SKOSPrefLabel, english(l))
		}
		if strings.HasPrefix(c, o.MeSH) {
			b.ds.add(g, c, o.SKOSNotation, str(strings.TrimPrefix(c, o.MeSH)))
		}
	}
	return nil
}

// shorten cuts s to n-1 characters and "…" when it is longer than n. A
// title is shortened for every author and every piece of evidence: valid
// UTF-8 is cut where its n-th character starts, not converted to runes
// and back (which only an invalid byte, becoming U+FFFD, needs).
func shorten(s string, n int) string {
	if !utf8.ValidString(s) {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	count, cut := 0, 0
	for i := range s {
		if count == n-1 {
			cut = i
		}
		if count++; count > n {
			return strings.TrimSpace(s[:cut]) + "…"
		}
	}
	return s
}

// validIRI accepts an IRI every RDF tool the project checks with accepts.
func validIRI(s string) bool { return iriref.Check(s) == nil }

// firstDifference cuts two texts to a window around the first character
// where they differ, marked with "…" where text was left out.
func firstDifference(a, b string) (string, string) {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	cut := func(r []rune) string {
		from, to := max(0, i-20), min(len(r), i+25)
		s := string(r[from:to])
		if from > 0 {
			s = "…" + s
		}
		if to < len(r) {
			s += "…"
		}
		return s
	}
	return cut(ra), cut(rb)
}
