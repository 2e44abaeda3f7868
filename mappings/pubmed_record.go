package mappings

import (
	"regexp"
	"strconv"
	"strings"
)

// record turns one decoded article into a Record (without the position
// fields, which the stream fills in).
func (a *pmArticle) record() (Record, error) {
	var rec Record
	if a.Book != nil {
		a.book(&rec)
	} else {
		a.journalArticle(&rec)
	}
	return rec, nil // an untitled record is judged by untitledPolicy
}

func (a *pmArticle) journalArticle(rec *Record) {
	c := &a.Citation
	art := &c.Article
	rec.PMID = NormalizePMID(c.PMID)
	rec.Title = nlmTitle(inlineText(art.Title.Inner))
	if rec.Title == "" {
		rec.Title = nlmTitle(inlineText(art.VernacularTitle.Inner))
	}
	rec.Authors = pmAuthors(art.AuthorLists)

	j := &art.Journal
	rec.Journal.Title = CleanText(j.Title)
	rec.Journal.Abbrev = CleanText(c.JournalInfo.MedlineTA)
	if rec.Journal.Abbrev == "" {
		rec.Journal.Abbrev = CleanText(j.Abbrev)
	}
	for _, is := range j.ISSNs {
		issn := rec.CheckISSN(is.Value)
		switch strings.ToLower(is.Type) {
		case "print":
			rec.Journal.ISSN = issn
		case "electronic":
			rec.Journal.EISSN = issn
		default:
			rec.Journal.ISSNs = appendOnce(rec.Journal.ISSNs, issn)
		}
	}
	rec.Journal.ISSNL = rec.CheckISSN(c.JournalInfo.ISSNLinking)
	rec.Volume = CleanText(j.Issue.Volume)
	rec.Issue = CleanText(j.Issue.Issue)
	rec.Issued = j.Issue.PubDate.date()
	art.Pagination.fill(rec)

	for _, id := range art.ELocationIDs {
		if strings.EqualFold(id.EIdType, "doi") && id.ValidYN != "N" && rec.DOI == "" {
			rec.DOI = NormalizeDOI(id.Value)
		}
	}
	pmIDs(rec, a.Data.ArticleIDs)
	rec.Language = pmLanguage(art.Languages)
	for _, pt := range art.PublicationTypes {
		rec.PublicationTypes = appendOnce(rec.PublicationTypes, CleanText(pt))
	}
	rec.Keywords = pmKeywords(c.Keywords)
	rec.MeSH = pmMeSHHeadings(c.MeSH)
	rec.Abstract = art.Abstract.abstract()
	for _, db := range art.DataBanks {
		for _, acc := range db.Accessions {
			rec.TrialIDs = appendOnce(rec.TrialIDs, nlmTrialID(db.Name, acc))
		}
	}
	rec.References = pmReferences(a.Data.References)
}

// book reads a PubmedBookArticle: a chapter (ArticleTitle) or a whole
// book (BookTitle only). A book is not a periodical, so Journal stays
// empty and the publisher is kept instead.
func (a *pmArticle) book(rec *Record) {
	b := a.Book
	rec.PMID = NormalizePMID(b.PMID)
	rec.Title = nlmTitle(inlineText(b.Title.Inner))
	if rec.Title == "" {
		rec.Title = nlmTitle(inlineText(b.Book.Title.Inner))
	}
	if rec.Title == "" {
		rec.Title = nlmTitle(inlineText(b.VernacularTitle.Inner))
	}
	rec.Authors = pmAuthors(b.AuthorLists)
	if len(rec.Authors) == 0 {
		// A whole book, or a chapter without its own list: the book's
		// authors wrote it (its editors, Type="editors", did not).
		rec.Authors = pmAuthors(b.Book.AuthorLists)
	}
	if inlineText(b.Title.Inner) == "" {
		// The Book's DOI is the record's only when the record is the
		// book: given to a chapter it would merge every chapter of the
		// book into one paper.
		for _, id := range b.Book.ELocationIDs {
			if strings.EqualFold(id.EIdType, "doi") && id.ValidYN != "N" && rec.DOI == "" {
				rec.DOI = NormalizeDOI(id.Value)
			}
		}
	}
	rec.Publisher = CleanText(b.Book.Publisher)
	rec.Volume = CleanText(b.Book.Volume)
	rec.Issued = b.Book.PubDate.date()
	b.Pagination.fill(rec)
	pmIDs(rec, b.ArticleIDs)
	pmIDs(rec, a.BookData.ArticleIDs)
	rec.Language = pmLanguage(b.Languages)
	for _, pt := range b.PublicationTypes {
		rec.PublicationTypes = appendOnce(rec.PublicationTypes, CleanText(pt))
	}
	rec.Keywords = pmKeywords(b.Keywords)
	rec.Abstract = b.Abstract.abstract()
	rec.References = pmReferences(b.References)
	if len(rec.References) == 0 {
		rec.References = pmReferences(a.BookData.References)
	}
}

func (d pmDate) date() Date {
	if d.Year == "" {
		return nlmFreeDate(d.MedlineDate)
	}
	y, err := strconv.Atoi(strings.TrimSpace(d.Year))
	if err != nil || y < 1000 || y > 9999 {
		return nlmFreeDate(d.MedlineDate)
	}
	out := Date{Year: y, Month: nlmMonth(d.Month)}
	if out.Month != 0 {
		if day := nlmDay(d.Day); day <= daysIn(y, out.Month) {
			out.Day = day
		}
	}
	return out
}

func (p pmPagination) fill(rec *Record) {
	if p.MedlinePgn != "" {
		nlmPages(rec, p.MedlinePgn)
		return
	}
	rec.PageStart, rec.PageEnd = CleanText(p.StartPage), CleanText(p.EndPage)
}

// pmIDs takes the record's own identifiers from an ArticleIdList,
// keeping any already found.
func pmIDs(rec *Record, ids []pmID) {
	for _, id := range ids {
		switch strings.ToLower(id.IdType) {
		case "pubmed":
			setOnce(&rec.PMID, NormalizePMID(id.Value))
		case "pmc":
			setOnce(&rec.PMCID, NormalizePMCID(id.Value))
		case "doi":
			setOnce(&rec.DOI, NormalizeDOI(id.Value))
		}
	}
}

func pmLanguage(langs []string) string {
	for _, l := range langs {
		if c := LanguageCode(l); c != "" {
			return c
		}
	}
	return ""
}

// pmAuthors reads the author lists, leaving out editors (book records
// carry both).
func pmAuthors(lists []pmAuthorList) []Author {
	var out []Author
	for _, l := range lists {
		if l.Type != "" && !strings.EqualFold(l.Type, "authors") {
			continue
		}
		for _, p := range l.Authors {
			if a, ok := p.author(); ok {
				out = append(out, a)
			}
		}
	}
	return out
}

func (p pmAuthor) author() (Author, bool) {
	var a Author
	if name := inlineText(p.Collective.Inner); name != "" {
		a = Author{AsWritten: name, Family: name, Collective: true}
	} else {
		a.Family = CleanText(p.LastName)
		a.Given = CleanText(p.ForeName)
		if a.Given == "" {
			a.Given = CleanText(p.Initials)
		}
		if a.Family == "" {
			return a, false
		}
		a.AsWritten = a.Family
		if a.Given != "" {
			a.AsWritten += ", " + a.Given
		}
		if s := CleanText(p.Suffix); s != "" {
			a.AsWritten += ", " + s
			a.Suffix = s
		}
	}
	for _, id := range p.Identifiers {
		if strings.EqualFold(id.Source, "ORCID") && a.ORCID == "" {
			a.ORCID = nlmORCID(id.Value)
		}
	}
	for _, aff := range p.Affiliations {
		a.Affiliations = appendOnce(a.Affiliations, inlineText(aff.Inner))
	}
	return a, true
}

func pmKeywords(kws []pmText) []string {
	var out []string
	for _, k := range kws {
		out = appendOnce(out, inlineText(k.Inner))
	}
	return out
}

func pmMeSHHeadings(hs []pmMeSH) []MeSHHeading {
	var out []MeSHHeading
	for _, h := range hs {
		m := MeSHHeading{
			Descriptor: CleanText(h.Descriptor.Name),
			UI:         CleanText(h.Descriptor.UI),
			Major:      h.Descriptor.Major == "Y",
		}
		if m.Descriptor == "" {
			continue
		}
		for _, q := range h.Qualifiers {
			m.Qualifiers = appendOnce(m.Qualifiers, CleanText(q.Name))
			m.Major = m.Major || q.Major == "Y"
		}
		out = append(out, m)
	}
	return out
}

// abstract joins the AbstractText parts: a structured abstract when any
// part is labelled (Label, else an NlmCategory other than UNASSIGNED),
// plain text otherwise.
func (ab pmAbstract) abstract() Abstract {
	var secs []Section
	labelled := false
	for _, t := range ab.Texts {
		s := Section{Label: CleanText(t.Label), Text: inlineText(t.Inner)}
		if s.Label == "" && !strings.EqualFold(t.Category, "UNASSIGNED") {
			s.Label = CleanText(t.Category)
		}
		labelled = labelled || s.Label != ""
		secs = append(secs, s)
	}
	if labelled {
		return NewAbstract(secs)
	}
	var parts []string
	for _, s := range secs {
		if s.Text != "" {
			parts = append(parts, s.Text)
		}
	}
	return Abstract{Text: strings.Join(parts, "\n")}
}

// referenceYear finds the year in an NLM-style citation: after a full
// stop or parenthesis and followed by ";", ")", "." or a space
// ("Blood. 2009 Mar 12;113(11):2386-93"), never a page or volume number.
var referenceYear = regexp.MustCompile(`(?:^|[.(]\s*)((?:18|19|20)\d\d)(?:[;).\s]|$)`)

func pmReferences(refs []pmReference) []Reference {
	var out []Reference
	for _, r := range refs {
		ref := Reference{Text: inlineText(r.Citation.Inner)}
		for _, id := range r.ArticleIDs {
			switch strings.ToLower(id.IdType) {
			case "doi":
				setOnce(&ref.DOI, NormalizeDOI(id.Value))
			case "pubmed":
				setOnce(&ref.PMID, NormalizePMID(id.Value))
			}
		}
		if m := referenceYear.FindStringSubmatch(ref.Text); m != nil {
			ref.Year, _ = strconv.Atoi(m[1])
		}
		if ref.Text == "" && ref.DOI == "" && ref.PMID == "" {
			continue
		}
		out = append(out, ref)
	}
	return out
}
