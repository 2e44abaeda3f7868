package corpus

import (
	"fmt"
	"strings"
)

const pubmedHeader = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
<!-- Synthetic corpus written by msckg's gencorpus: fictional papers (DOI prefix 10.5555). -->
<PubmedArticleSet>
`

const pubmedFooter = "</PubmedArticleSet>\n"

var monthAbbrev = []string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// pubmedArticle writes one <PubmedArticle> the way efetch does.
func pubmedArticle(b *strings.Builder, a *article) {
	x := xmlText
	f := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	f("<PubmedArticle>\n  <MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">\n    <PMID Version=\"1\">%s</PMID>\n", a.pmid)
	f("    <Article PubModel=\"Print-Electronic\">\n      <Journal>\n")
	if a.journal.issn != "" {
		f("        <ISSN IssnType=\"Print\">%s</ISSN>\n", a.journal.issn)
	} else {
		f("        <ISSN IssnType=\"Electronic\">%s</ISSN>\n", a.journal.eissn)
	}
	f("        <JournalIssue CitedMedium=\"Print\">\n          <Volume>%s</Volume>\n          <Issue>%s</Issue>\n          <PubDate>\n            <Year>%d</Year>\n", a.volume, a.issue, a.year)
	if a.month > 0 {
		f("            <Month>%s</Month>\n", monthAbbrev[a.month])
		if a.day > 0 {
			f("            <Day>%02d</Day>\n", a.day)
		}
	}
	f("          </PubDate>\n        </JournalIssue>\n        <Title>%s</Title>\n        <ISOAbbreviation>%s</ISOAbbreviation>\n      </Journal>\n",
		x(a.journal.title), x(a.journal.abbrev))
	f("      <ArticleTitle>%s.</ArticleTitle>\n", x(a.title))
	f("      <Pagination>\n        <StartPage>%s</StartPage>\n        <EndPage>%s</EndPage>\n        <MedlinePgn>%s-%s</MedlinePgn>\n      </Pagination>\n",
		a.pageStart, a.pageEnd, a.pageStart, a.pageEnd)
	f("      <ELocationID EIdType=\"doi\" ValidYN=\"Y\">%s</ELocationID>\n      <Abstract>\n", a.doi)
	if a.structured {
		for _, s := range a.sections {
			f("        <AbstractText Label=\"%s\" NlmCategory=\"%s\">%s</AbstractText>\n",
				upperASCII(s.label), nlmCategory(s.label), render(s.text, supStyle, xmlText))
		}
	} else {
		f("        <AbstractText>%s</AbstractText>\n", render(a.abstractText(false, false), supStyle, xmlText))
	}
	f("      </Abstract>\n      <AuthorList CompleteYN=\"Y\">\n")
	for _, p := range a.authors {
		f("        <Author ValidYN=\"Y\">\n          <LastName>%s</LastName>\n          <ForeName>%s</ForeName>\n          <Initials>%s</Initials>\n",
			x(p.family), x(p.given), x(initials(p.given)))
		if p.orcid != "" {
			f("          <Identifier Source=\"ORCID\">%s</Identifier>\n", p.orcid)
		}
		f("          <AffiliationInfo>\n            <Affiliation>%s</Affiliation>\n          </AffiliationInfo>\n        </Author>\n", x(p.affiliation))
	}
	f("      </AuthorList>\n      <Language>eng</Language>\n")
	if a.trialID != "" {
		f("      <DataBankList CompleteYN=\"Y\">\n        <DataBank>\n          <DataBankName>ClinicalTrials.gov</DataBankName>\n          <AccessionNumberList>\n            <AccessionNumber>%s</AccessionNumber>\n          </AccessionNumberList>\n        </DataBank>\n      </DataBankList>\n", a.trialID)
	}
	f("      <PublicationTypeList>\n")
	for _, t := range a.pubTypes {
		f("        <PublicationType>%s</PublicationType>\n", x(t))
	}
	f("      </PublicationTypeList>\n    </Article>\n")
	f("    <MeshHeadingList>\n      <MeshHeading>\n        <DescriptorName UI=\"D016553\" MajorTopicYN=\"Y\">Purpura, Thrombocytopenic, Idiopathic</DescriptorName>\n      </MeshHeading>\n      <MeshHeading>\n        <DescriptorName UI=\"D045164\" MajorTopicYN=\"N\">Mesenchymal Stem Cell Transplantation</DescriptorName>\n      </MeshHeading>\n    </MeshHeadingList>\n")
	f("    <KeywordList Owner=\"NOTNLM\">\n")
	for _, k := range a.keywords {
		f("      <Keyword MajorTopicYN=\"N\">%s</Keyword>\n", x(k))
	}
	f("    </KeywordList>\n  </MedlineCitation>\n  <PubmedData>\n    <ArticleIdList>\n      <ArticleId IdType=\"pubmed\">%s</ArticleId>\n      <ArticleId IdType=\"doi\">%s</ArticleId>\n", a.pmid, a.doi)
	if a.pmcid != "" {
		f("      <ArticleId IdType=\"pmc\">%s</ArticleId>\n", a.pmcid)
	}
	f("    </ArticleIdList>\n  </PubmedData>\n</PubmedArticle>\n")
}

func nlmCategory(label string) string {
	switch label {
	case "Trial registration":
		return "UNASSIGNED"
	case "Conclusions":
		return "CONCLUSIONS"
	}
	return upperASCII(label)
}
