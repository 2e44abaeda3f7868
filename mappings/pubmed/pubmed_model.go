package pubmed

// The parts of the PubMed DTD (pubmed_250101.dtd and earlier) that the
// reader takes. encoding/xml fills one pmArticle per <PubmedArticle> or
// <PubmedBookArticle>; elements not named here are skipped unread.

type pmArticle struct {
	Citation pmCitation `xml:"MedlineCitation"`
	Data     pmData     `xml:"PubmedData"`
	Book     *pmBookDoc `xml:"BookDocument"`
	BookData pmData     `xml:"PubmedBookData"`
}

type pmCitation struct {
	PMID        string           `xml:"PMID"`
	Article     pmJournalArticle `xml:"Article"`
	JournalInfo struct {
		MedlineTA   string `xml:"MedlineTA"`
		ISSNLinking string `xml:"ISSNLinking"`
	} `xml:"MedlineJournalInfo"`
	MeSH     []pmMeSH `xml:"MeshHeadingList>MeshHeading"`
	Keywords []pmText `xml:"KeywordList>Keyword"`
}

type pmJournalArticle struct {
	Journal struct {
		ISSNs []struct {
			Type  string `xml:"IssnType,attr"`
			Value string `xml:",chardata"`
		} `xml:"ISSN"`
		Issue struct {
			Volume  string `xml:"Volume"`
			Issue   string `xml:"Issue"`
			PubDate pmDate `xml:"PubDate"`
		} `xml:"JournalIssue"`
		Title  string `xml:"Title"`
		Abbrev string `xml:"ISOAbbreviation"`
	} `xml:"Journal"`
	Title            pmText         `xml:"ArticleTitle"`
	VernacularTitle  pmText         `xml:"VernacularTitle"`
	Pagination       pmPagination   `xml:"Pagination"`
	ELocationIDs     []pmID         `xml:"ELocationID"`
	Abstract         pmAbstract     `xml:"Abstract"`
	AuthorLists      []pmAuthorList `xml:"AuthorList"`
	Languages        []string       `xml:"Language"`
	DataBanks        []pmDataBank   `xml:"DataBankList>DataBank"`
	PublicationTypes []string       `xml:"PublicationTypeList>PublicationType"`
}

type pmBookDoc struct {
	PMID       string `xml:"PMID"`
	ArticleIDs []pmID `xml:"ArticleIdList>ArticleId"`
	Book       struct {
		Publisher    string         `xml:"Publisher>PublisherName"`
		Title        pmText         `xml:"BookTitle"`
		PubDate      pmDate         `xml:"PubDate"`
		Volume       string         `xml:"Volume"`
		AuthorLists  []pmAuthorList `xml:"AuthorList"` // the book's authors (and editors)
		ELocationIDs []pmID         `xml:"ELocationID"`
	} `xml:"Book"`
	Title            pmText         `xml:"ArticleTitle"`
	VernacularTitle  pmText         `xml:"VernacularTitle"`
	Pagination       pmPagination   `xml:"Pagination"`
	Languages        []string       `xml:"Language"`
	AuthorLists      []pmAuthorList `xml:"AuthorList"`
	PublicationTypes []string       `xml:"PublicationType"`
	Abstract         pmAbstract     `xml:"Abstract"`
	Keywords         []pmText       `xml:"KeywordList>Keyword"`
	References       []pmReference  `xml:"ReferenceList>Reference"`
}

type pmData struct {
	ArticleIDs []pmID        `xml:"ArticleIdList>ArticleId"`
	References []pmReference `xml:"ReferenceList>Reference"`
}

// pmText keeps an element's inner XML, markup and all, for inlineText.
type pmText struct {
	Inner string `xml:",innerxml"`
}

// pmDate is a PubDate: Year/Month/Day, or free text in MedlineDate.
type pmDate struct {
	Year        string `xml:"Year"`
	Month       string `xml:"Month"`
	Day         string `xml:"Day"`
	MedlineDate string `xml:"MedlineDate"`
}

type pmPagination struct {
	MedlinePgn string `xml:"MedlinePgn"`
	StartPage  string `xml:"StartPage"`
	EndPage    string `xml:"EndPage"`
}

// pmID is an ELocationID (EIdType) or an ArticleId (IdType).
type pmID struct {
	EIdType string `xml:"EIdType,attr"`
	IdType  string `xml:"IdType,attr"`
	ValidYN string `xml:"ValidYN,attr"`
	Value   string `xml:",chardata"`
}

type pmAbstract struct {
	Texts []struct {
		Label    string `xml:"Label,attr"`
		Category string `xml:"NlmCategory,attr"`
		Inner    string `xml:",innerxml"`
	} `xml:"AbstractText"`
}

type pmAuthorList struct {
	Type    string     `xml:"Type,attr"` // "authors", "editors" (books)
	Authors []pmAuthor `xml:"Author"`
}

type pmAuthor struct {
	LastName    string `xml:"LastName"`
	ForeName    string `xml:"ForeName"`
	Initials    string `xml:"Initials"`
	Suffix      string `xml:"Suffix"`
	Collective  pmText `xml:"CollectiveName"`
	Identifiers []struct {
		Source string `xml:"Source,attr"`
		Value  string `xml:",chardata"`
	} `xml:"Identifier"`
	Affiliations []pmText `xml:"AffiliationInfo>Affiliation"`
}

type pmMeSH struct {
	Descriptor pmMeSHName   `xml:"DescriptorName"`
	Qualifiers []pmMeSHName `xml:"QualifierName"`
}

type pmMeSHName struct {
	UI    string `xml:"UI,attr"`
	Major string `xml:"MajorTopicYN,attr"`
	Name  string `xml:",chardata"`
}

type pmDataBank struct {
	Name       string   `xml:"DataBankName"`
	Accessions []string `xml:"AccessionNumberList>AccessionNumber"`
}

type pmReference struct {
	Citation   pmText `xml:"Citation"`
	ArticleIDs []pmID `xml:"ArticleIdList>ArticleId"`
}
