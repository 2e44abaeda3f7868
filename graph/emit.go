package graph

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/mappings"
	o "github.com/msckg/msckg/ontology"
)

// emitPaper states, in each source's own graph, what that source says
// about the paper. Functional values equal to the chosen one are stated
// as they are; a different value is kept on the source record (mkg:stated…)
// so the union view holds exactly one value.
func (b *builder) emitPaper(p *paper) {
	if s := p.abstractSource; s != nil {
		// The sources are whole now; a light copy carried no text.
		p.abstract = s.Record.Abstract.Text
		defer func() { p.abstract = "" }() // nothing reads it after this paper
	}
	for _, s := range p.sources {
		g := s.iri
		r := &s.Record
		b.emitSourceRecord(s)
		b.ds.link(g, p.iri, o.RDFType, o.Paper)
		b.ds.link(g, p.iri, o.RDFType, o.SchemaScholarlyArticle)
		if hasJournal(&r.Journal) {
			b.ds.link(g, p.iri, o.RDFType, o.FaBiOJournalArticle)
		}
		b.ds.link(g, p.iri, o.PROVWasDerivedFrom, s.iri)

		b.functional(p, s, "title", o.DCTitle, o.StatedTitle, p.title, r.Title)
		b.functional(p, s, "title", o.RDFSLabel, "", p.title, r.Title)
		b.functional(p, s, "abstract", o.DCAbstract, o.StatedAbstract, p.abstract, r.Abstract.Text)
		b.functional(p, s, "language", o.DCLanguage, o.StatedLanguage, p.language, r.Language)
		b.functional(p, s, "volume", o.BIBOVolume, o.StatedVolume, p.volume, r.Volume)
		b.functional(p, s, "issue", o.BIBOIssue, o.StatedIssue, p.issue, r.Issue)
		b.functional(p, s, "pageStart", o.BIBOPageStart, o.StatedPageStart, p.pageStart, r.PageStart)
		b.functional(p, s, "pageEnd", o.BIBOPageEnd, o.StatedPageEnd, p.pageEnd, r.PageEnd)
		b.functional(p, s, "doi", o.BIBODOI, o.StatedDOI, p.doi, strings.ToLower(r.DOI))
		b.functional(p, s, "pmid", o.FaBiOPubMedID, o.StatedPMID, p.pmid, r.PMID)
		b.functional(p, s, "pmcid", o.FaBiOPMCID, o.StatedPMCID, p.pmcid, strings.ToUpper(r.PMCID))
		b.emitIssued(p, s)
		if r.ArticleNumber != "" {
			b.ds.add(g, p.iri, o.ArticleNumber, str(r.ArticleNumber))
		}
		if r.Publisher != "" {
			b.ds.add(g, p.iri, o.DCPublisher, str(r.Publisher))
		}
		for _, k := range r.Keywords {
			if k = strings.TrimSpace(k); k != "" {
				b.ds.add(g, p.iri, o.SchemaKeywords, str(k))
			}
		}
		for _, t := range r.PublicationTypes {
			b.ds.add(g, p.iri, o.PublicationType, str(t))
		}
		for _, u := range r.URLs {
			if validIRI(u) {
				b.ds.link(g, p.iri, o.SchemaURL, u)
			}
		}
		if r.CitationCount != nil && *r.CitationCount >= 0 {
			b.ds.add(g, p.iri, o.CitationCount, integer(*r.CitationCount))
		}
		for _, m := range r.MeSH {
			c := b.meshConcept(m)
			b.ds.link(g, p.iri, o.DCSubject, c)
			if m.Major {
				b.ds.link(g, p.iri, o.MeSHMajorTopic, c)
			}
		}
		b.emitJournalLink(p, s)
	}
	if p.title == "" {
		// A page that gave an abstract but no title: still a readable label.
		best := p.sources[0]
		text := p.abstract
		if text == "" {
			text = p.doi
		}
		b.ds.add(best.iri, p.iri, o.RDFSLabel, str("[untitled] "+shorten(text, 80)))
	}
	b.emitAuthorships(p)
	b.emitFacts(p)
}

// functional states one functional property for source s. A source that
// agrees with the chosen value states the same triple in its own graph; a
// source that disagrees keeps its value on its source record (statedProp),
// and the build summary reports it.
func (b *builder) functional(p *paper, s *source, name, prop, statedProp, chosen, value string) {
	if value == "" {
		return
	}
	if value == chosen {
		b.ds.add(s.iri, p.iri, prop, str(value))
		return
	}
	if statedProp == "" {
		return
	}
	b.ds.add(s.iri, s.iri, statedProp, str(value))
	b.disagree(p, s, name, chosen, value)
}

func (b *builder) disagree(p *paper, s *source, name, chosen, value string) {
	if name == "abstract" {
		// Abstracts are long: show where they first differ, not the texts.
		chosen, value = firstDifference(chosen, value)
	}
	b.sum.Disagreements = append(b.sum.Disagreements, Disagreement{
		Paper: p.iri, Property: name, Chosen: chosen, Stated: value, Source: s.label(),
	})
}

func (b *builder) emitIssued(p *paper, s *source) {
	d := s.Record.Issued
	lit, ok := dateLiteral(d)
	if !ok {
		return
	}
	if d == p.issued {
		b.ds.add(s.iri, p.iri, o.DCIssued, lit)
		return
	}
	// A less precise date that agrees is not a disagreement, but stating it
	// on the paper would give the union two dates.
	b.ds.add(s.iri, s.iri, o.StatedIssued, lit)
	if !sameDate(p.issued, d) {
		chosen, _ := dateLiteral(p.issued)
		b.disagree(p, s, "issued", chosen.String(), lit.String())
	}
}

func (b *builder) emitSourceRecord(s *source) {
	g := s.iri
	r := &s.Record
	b.ds.link(g, s.iri, o.RDFType, o.SourceRecord)
	b.ds.link(g, s.iri, o.RDFType, o.PROVEntity)
	b.ds.add(g, s.iri, o.RDFSLabel, str(fmt.Sprintf("%s record %d (%s)", s.paths[0], r.Number, r.Format)))
	for _, path := range s.paths {
		b.ds.add(g, s.iri, o.DCSource, str(path))
	}
	b.ds.add(g, s.iri, o.Format, str(r.Format))
	if r.Number > 0 {
		b.ds.add(g, s.iri, o.RecordNumber, integer(r.Number))
	}
	b.ds.add(g, s.iri, o.SHA256, str(s.sha))
	for _, field := range slices.Sorted(maps.Keys(r.Guessed)) {
		b.ds.add(g, s.iri, o.GuessedField, str(field+": "+r.Guessed[field]))
	}
}

func (b *builder) emitJournalLink(p *paper, s *source) {
	j := b.id.journalOf[s]
	if j == nil {
		return
	}
	if j == p.journal {
		b.ds.link(s.iri, p.iri, o.DCIsPartOf, j.iri)
		return
	}
	b.ds.link(s.iri, s.iri, o.StatedJournal, j.iri)
	b.disagree(p, s, "journal", p.journal.label(), j.label())
}

func (b *builder) emitJournal(j *journal) {
	for _, s := range j.mentions {
		g := s.iri
		m := &s.Record.Journal
		b.ds.link(g, j.iri, o.RDFType, o.Journal)
		b.ds.link(g, j.iri, o.RDFType, o.FaBiOJournal)
		b.ds.link(g, j.iri, o.RDFType, o.SchemaPeriodical)
		if m.Title != "" && m.Title == j.title {
			b.ds.add(g, j.iri, o.DCTitle, str(j.title))
		}
		if m.Abbrev != "" && m.Abbrev == j.abbrev {
			b.ds.add(g, j.iri, o.BIBOShortTitle, str(j.abbrev))
		}
		if (m.Title != "" && m.Title == j.title) || (j.title == "" && m.Abbrev == j.abbrev) {
			b.ds.add(g, j.iri, o.RDFSLabel, str(j.label()))
		}
		if v := normISSN(m.ISSN); v != "" && v == j.issn {
			b.ds.add(g, j.iri, o.BIBOISSN, str(v))
		}
		if v := normISSN(m.EISSN); v != "" && v == j.eissn {
			b.ds.add(g, j.iri, o.BIBOEISSN, str(v))
		}
		if v := normISSN(m.ISSNL); v != "" && v == j.issnl {
			b.ds.add(g, j.iri, o.BIBOISSN, str(v))
		}
		for _, v := range m.ISSNs {
			if v = normISSN(v); v != "" {
				b.ds.add(g, j.iri, o.BIBOISSN, str(v))
			}
		}
	}
}

// emitAuthorships states each slot of the paper's author list in the
// graphs of the sources that list that author.
func (b *builder) emitAuthorships(p *paper) {
	for _, sl := range p.slots {
		as := fmt.Sprintf("%s/authorship/%d", p.iri, sl.position)
		pr := sl.person
		for _, s := range p.sources {
			a, ok := sl.authorIn(s)
			if !ok {
				continue
			}
			g := s.iri
			b.ds.link(g, p.iri, o.AuthorshipProp, as)
			b.ds.link(g, p.iri, o.DCCreator, pr.iri)
			b.ds.link(g, as, o.RDFType, o.Authorship)
			b.ds.link(g, as, o.RDFType, o.PRORoleInTime)
			b.ds.add(g, as, o.RDFSLabel, str(fmt.Sprintf("Author %d of %s", sl.position, shorten(p.title, 60))))
			b.ds.add(g, as, o.Position, integer(sl.position))
			if a.AsWritten != "" {
				b.ds.add(g, as, o.NameAsWritten, str(a.AsWritten))
			}
			b.ds.link(g, as, o.PROWithRole, o.PROAuthor)
			b.ds.link(g, as, o.PROIsHeldBy, pr.iri)
			for _, aff := range a.Affiliations {
				if aff = strings.TrimSpace(aff); aff != "" {
					b.ds.add(g, as, o.SchemaAffiliation, str(aff))
				}
			}
			b.emitPerson(g, pr, a)
		}
	}
	for _, u := range p.unmatched {
		b.ds.add(u.src.iri, u.src.iri, o.StatedAuthor, str(u.author.AsWritten))
		b.disagree(p, u.src, "author", "", u.author.AsWritten)
	}
}

// emitPerson states the Author node in graph g, as source a names it.
func (b *builder) emitPerson(g string, pr *person, a mappings.Author) {
	if a.Collective || pr.name.Collective {
		b.ds.link(g, pr.iri, o.RDFType, o.Author)
		b.ds.link(g, pr.iri, o.RDFType, o.FOAFOrganization)
		b.ds.link(g, pr.iri, o.RDFType, o.SchemaOrganization)
	} else {
		b.ds.link(g, pr.iri, o.RDFType, o.Author)
		b.ds.link(g, pr.iri, o.RDFType, o.FOAFPerson)
		b.ds.link(g, pr.iri, o.RDFType, o.SchemaPerson)
	}
	name := displayName(pr.name)
	if displayName(a) == name && a.Family == pr.name.Family && a.Given == pr.name.Given {
		b.ds.add(g, pr.iri, o.RDFSLabel, str(name))
		b.ds.add(g, pr.iri, o.FOAFName, str(name))
		if pr.name.Family != "" && !pr.name.Collective {
			b.ds.add(g, pr.iri, o.FOAFFamilyName, str(pr.name.Family))
		}
		if pr.name.Given != "" && !pr.name.Collective {
			b.ds.add(g, pr.iri, o.FOAFGivenName, str(pr.name.Given))
		}
	}
	if a.AsWritten != "" && a.AsWritten != name {
		b.ds.add(g, pr.iri, o.SKOSAltLabel, str(a.AsWritten))
	}
	if alt := displayName(a); alt != "" && alt != name {
		b.ds.add(g, pr.iri, o.SKOSAltLabel, str(alt))
	}
	if a.ORCID != "" && a.ORCID == pr.orcid {
		b.ds.add(g, pr.iri, o.DCIdentifier, str(a.ORCID))
		b.ds.link(g, pr.iri, o.OWLSameAs, "https://orcid.org/"+a.ORCID)
	}
}

// meshConcept returns the concept IRI of a MeSH heading: the MeSH
// descriptor IRI when its UI is known (from NLM data, or from the table of
// verified descriptors), else a concept minted under the base.
func (b *builder) meshConcept(m mappings.MeSHHeading) string {
	ui := m.UI
	if ui == "" {
		ui = o.VerifiedMeSHByName(m.Descriptor)
	}
	var c string
	if ui != "" {
		c = o.MeSH + ui
	} else {
		c = b.mint.meshHeading(m.Descriptor)
	}
	b.concept(c, m.Descriptor)
	return c
}

// concept remembers a concept's label for the vocabulary graph.
func (b *builder) concept(iri, label string) {
	if b.concepts == nil {
		b.concepts = map[string]string{}
	}
	if _, ok := b.concepts[iri]; !ok || label < b.concepts[iri] {
		b.concepts[iri] = label
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
	for iri := range b.ds.mkgValues {
		if l, ok := declared[iri]; ok {
			b.concept(iri, l)
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

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// validIRI accepts an absolute IRI with none of the characters N-Triples forbids.
func validIRI(s string) bool {
	if !strings.Contains(s, ":") {
		return false
	}
	for _, r := range s {
		if r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r) {
			return false
		}
	}
	_, err := rdf.NewIRI(s)
	return err == nil
}

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
