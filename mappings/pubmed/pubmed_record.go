package pubmed

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/msckg/msckg/mappings"
)

// record turns one decoded article into a Record (without the position
// fields, which the stream fills in).
func (a *pmArticle) record() (mappings.Record, error) {
	var rec mappings.Record
	if a.Book != nil {
		a.book(&rec)
	} else {
		a.journalArticle(&rec)
	}
	return rec, nil // an untitled record is judged by untitledPolicy
}

func (a *pmArticle) journalArticle(rec *mappings.Record) {
	c := &a.Citation
	art := &c.Article
	rec.PMID = mappings.NormalizePMID(c.PMID)
	rec.Title = mappings.NLMTitle(mappings.InlineText(art.Title.Inner))
	if rec.Title == "" {
		rec.Title = mappings.NLMTitle(mappings.InlineText(art.VernacularTitle.Inner))
	}
	rec.Authors = pmAuthors(art.AuthorLists)

	j := &art.Journal
	rec.Journal.Title = mappings.CleanText(j.Title)
	rec.Journal.Abbrev = mappings.CleanText(c.JournalInfo.MedlineTA)
	if rec.Journal.Abbrev == "" {
		rec.Journal.Abbrev = mappings.CleanText(j.Abbrev)
	}
	for _, is := range j.ISSNs {
		issn := rec.CheckISSN(is.Value)
		switch strings.ToLower(is.Type) {
		case "print":
			rec.Journal.ISSN = issn
		case "electronic":
			rec.Journal.EISSN = issn
		default:
			rec.Journal.ISSNs = mappings.AppendOnce(rec.Journal.ISSNs, issn)
		}
	}
	rec.Journal.ISSNL = rec.CheckISSN(c.JournalInfo.ISSNLinking)
	rec.Volume = mappings.CleanText(j.Issue.Volume)
	rec.Issue = mappings.CleanText(j.Issue.Issue)
	rec.Issued = j.Issue.PubDate.date()
	art.Pagination.fill(rec)

	for _, id := range art.ELocationIDs {
		if strings.EqualFold(id.EIdType, "doi") && id.ValidYN != "N" && rec.DOI == "" {
			rec.DOI = mappings.NormalizeDOI(id.Value)
		}
	}
	pmIDs(rec, a.Data.ArticleIDs)
	rec.Language = pmLanguage(art.Languages)
	for _, pt := range art.PublicationTypes {
		rec.PublicationTypes = mappings.AppendOnce(rec.PublicationTypes, mappings.CleanText(pt))
	}
	rec.Keywords = pmKeywords(c.Keywords)
	rec.MeSH = pmMeSHHeadings(c.MeSH)
	rec.Abstract = art.Abstract.abstract()
	for _, db := range art.DataBanks {
		for _, acc := range db.Accessions {
			rec.TrialIDs = mappings.AppendOnce(rec.TrialIDs, mappings.NLMTrialID(db.Name, acc))
		}
	}
	rec.References = pmReferences(a.Data.References)
}

// book reads a PubmedBookArticle: a chapter (ArticleTitle) or a whole
// book (BookTitle only). A book is not a periodical, so Journal stays
// empty and the publisher is kept instead.
func (a *pmArticle) book(rec *mappings.Record) {
	b := a.Book
	rec.PMID = mappings.NormalizePMID(b.PMID)
	rec.Title = mappings.NLMTitle(mappings.InlineText(b.Title.Inner))
	if rec.Title == "" {
		rec.Title = mappings.NLMTitle(mappings.InlineText(b.Book.Title.Inner))
	}
	if rec.Title == "" {
		rec.Title = mappings.NLMTitle(mappings.InlineText(b.VernacularTitle.Inner))
	}
	rec.Authors = pmAuthors(b.AuthorLists)
	if len(rec.Authors) == 0 {
		// A whole book, or a chapter without its own list: the book's
		// authors wrote it (its editors, Type="editors", did not).
		rec.Authors = pmAuthors(b.Book.AuthorLists)
	}
	if mappings.InlineText(b.Title.Inner) == "" {
		// The Book's DOI is the record's only when the record is the
		// book: given to a chapter it would merge every chapter of the
		// book into one paper.
		for _, id := range b.Book.ELocationIDs {
			if strings.EqualFold(id.EIdType, "doi") && id.ValidYN != "N" && rec.DOI == "" {
				rec.DOI = mappings.NormalizeDOI(id.Value)
			}
		}
	}
	rec.Publisher = mappings.CleanText(b.Book.Publisher)
	rec.Volume = mappings.CleanText(b.Book.Volume)
	rec.Issued = b.Book.PubDate.date()
	b.Pagination.fill(rec)
	pmIDs(rec, b.ArticleIDs)
	pmIDs(rec, a.BookData.ArticleIDs)
	rec.Language = pmLanguage(b.Languages)
	for _, pt := range b.PublicationTypes {
		rec.PublicationTypes = mappings.AppendOnce(rec.PublicationTypes, mappings.CleanText(pt))
	}
	rec.Keywords = pmKeywords(b.Keywords)
	rec.Abstract = b.Abstract.abstract()
	rec.References = pmReferences(b.References)
	if len(rec.References) == 0 {
		rec.References = pmReferences(a.BookData.References)
	}
}

func (d pmDate) date() mappings.Date {
	if d.Year == "" {
		return mappings.NLMFreeDate(d.MedlineDate)
	}
	y, err := strconv.Atoi(strings.TrimSpace(d.Year))
	if err != nil || y < 1000 || y > 9999 {
		return mappings.NLMFreeDate(d.MedlineDate)
	}
	out := mappings.Date{Year: y, Month: mappings.NLMMonth(d.Month)}
	if out.Month != 0 {
		if day := mappings.NLMDay(d.Day); day <= mappings.DaysIn(y, out.Month) {
			out.Day = day
		}
	}
	return out
}

func (p pmPagination) fill(rec *mappings.Record) {
	if p.MedlinePgn != "" {
		mappings.NLMPages(rec, p.MedlinePgn)
		return
	}
	rec.PageStart, rec.PageEnd = mappings.CleanText(p.StartPage), mappings.CleanText(p.EndPage)
}

// pmIDs takes the record's own identifiers from an ArticleIdList,
// keeping any already found.
func pmIDs(rec *mappings.Record, ids []pmID) {
	for _, id := range ids {
		switch strings.ToLower(id.IdType) {
		case "pubmed":
			mappings.SetOnce(&rec.PMID, mappings.NormalizePMID(id.Value))
		case "pmc":
			mappings.SetOnce(&rec.PMCID, mappings.NormalizePMCID(id.Value))
		case "doi":
			mappings.SetOnce(&rec.DOI, mappings.NormalizeDOI(id.Value))
		}
	}
}

func pmLanguage(langs []string) string {
	for _, l := range langs {
		if c := mappings.LanguageCode(l); c != "" {
			return c
		}
	}
	return ""
}

// pmAuthors reads the author lists, leaving out editors (book records
// carry both).
func pmAuthors(lists []pmAuthorList) []mappings.Author {
	var out []mappings.Author
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

func (p pmAuthor) author() (mappings.Author, bool) {
	var a mappings.Author
	if name := mappings.InlineText(p.Collective.Inner); name != "" {
		a = mappings.Author{AsWritten: name, Family: name, Collective: true}
	} else {
		a.Family = mappings.CleanText(p.LastName)
		a.Given = mappings.CleanText(p.ForeName)
		if a.Given == "" {
			a.Given = mappings.CleanText(p.Initials)
		}
		if a.Family == "" {
			return a, false
		}
		a.AsWritten = a.Family
		if a.Given != "" {
			a.AsWritten += ", " + a.Given
		}
		if s := mappings.CleanText(p.Suffix); s != "" {
			a.AsWritten += ", " + s
			a.Suffix = s
		}
	}
	for _, id := range p.Identifiers {
		if strings.EqualFold(id.Source, "ORCID") && a.ORCID == "" {
			a.ORCID = mappings.ValidORCID(id.Value)
		}
	}
	for _, aff := range p.Affiliations {
		a.Affiliations = mappings.AppendOnce(a.Affiliations, mappings.InlineText(aff.Inner))
	}
	return a, true
}

func pmKeywords(kws []pmText) []string {
	var out []string
	for _, k := range kws {
		out = mappings.AppendOnce(out, mappings.InlineText(k.Inner))
	}
	return out
}

func pmMeSHHeadings(hs []pmMeSH) []mappings.MeSHHeading {
	var out []mappings.MeSHHeading
	for _, h := range hs {
		m := mappings.MeSHHeading{
			Descriptor: mappings.CleanText(h.Descriptor.Name),
			UI:         mappings.CleanText(h.Descriptor.UI),
			Major:      h.Descriptor.Major == "Y",
		}
		if m.Descriptor == "" {
			continue
		}
		for _, q := range h.Qualifiers {
			m.Qualifiers = mappings.AppendOnce(m.Qualifiers, mappings.CleanText(q.Name))
			m.Major = m.Major || q.Major == "Y"
		}
		out = append(out, m)
	}
	return out
}

// abstract joins the AbstractText parts: a structured abstract when any
// part is labelled (Label, else an NlmCategory other than UNASSIGNED),
// plain text otherwise.
func (ab pmAbstract) abstract() mappings.Abstract {
	var secs []mappings.Section
	labelled := false
	for _, t := range ab.Texts {
		s := mappings.Section{Label: mappings.CleanText(t.Label), Text: mappings.InlineText(t.Inner)}
		if s.Label == "" && !strings.EqualFold(t.Category, "UNASSIGNED") {
			s.Label = mappings.CleanText(t.Category)
		}
		labelled = labelled || s.Label != ""
		secs = append(secs, s)
	}
	if labelled {
		return mappings.NewAbstract(secs)
	}
	var parts []string
	for _, s := range secs {
		if s.Text != "" {
			parts = append(parts, s.Text)
		}
	}
	return mappings.Abstract{Text: strings.Join(parts, "\n")}
}

// referenceYear finds the year in an NLM-style citation: after a full
// stop or parenthesis and followed by ";", ")", "." or a space
// ("Blood. 2009 Mar 12;113(11):2386-93"), never a page or volume number.
var referenceYear = regexp.MustCompile(`(?:^|[.(]\s*)((?:18|19|20)\d\d)(?:[;).\s]|$)`)

func pmReferences(refs []pmReference) []mappings.Reference {
	var out []mappings.Reference
	for _, r := range refs {
		ref := mappings.Reference{Text: mappings.InlineText(r.Citation.Inner)}
		for _, id := range r.ArticleIDs {
			switch strings.ToLower(id.IdType) {
			case "doi":
				mappings.SetOnce(&ref.DOI, mappings.NormalizeDOI(id.Value))
			case "pubmed":
				mappings.SetOnce(&ref.PMID, mappings.NormalizePMID(id.Value))
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
