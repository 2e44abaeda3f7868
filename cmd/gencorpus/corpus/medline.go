package corpus

import (
	"fmt"
	"strings"
)

// medlineRecord writes one record in PubMed's MEDLINE (.nbib) format:
// four-character tags, values wrapped at 80 columns with six-space
// continuation lines, a blank line before each record.
func medlineRecord(b *strings.Builder, a *article) {
	tag := func(t, v string) { medlineField(b, t, v) }
	b.WriteString("\n")
	tag("PMID", a.pmid)
	tag("OWN", "NLM")
	tag("STAT", "MEDLINE")
	if a.journal.issn != "" {
		tag("IS", a.journal.issn+" (Print)")
	}
	if a.journal.eissn != "" {
		tag("IS", a.journal.eissn+" (Electronic)")
	}
	tag("VI", a.volume)
	tag("IP", a.issue)
	dp := fmt.Sprint(a.year)
	if a.month > 0 {
		dp += " " + monthAbbrev[a.month]
		if a.day > 0 {
			dp += fmt.Sprintf(" %d", a.day)
		}
	}
	tag("DP", dp)
	tag("TI", a.title+".")
	tag("PG", a.pageStart+"-"+a.pageEnd)
	tag("LID", a.doi+" [doi]")
	tag("AB", render(a.abstractText(a.structured, true), parenStyle, nil))
	for _, p := range a.authors {
		tag("FAU", p.family+", "+p.given)
		tag("AU", p.family+" "+initials(p.given))
		if p.orcid != "" {
			tag("AUID", "ORCID: "+p.orcid)
		}
		tag("AD", p.affiliation)
	}
	tag("LA", "eng")
	if a.trialID != "" {
		tag("SI", "ClinicalTrials.gov/"+a.trialID)
	}
	for _, t := range a.pubTypes {
		tag("PT", t)
	}
	tag("TA", a.journal.abbrev)
	tag("JT", a.journal.title)
	tag("MH", "*Purpura, Thrombocytopenic, Idiopathic/therapy")
	tag("MH", "Mesenchymal Stem Cell Transplantation")
	if a.pmcid != "" {
		tag("PMC", a.pmcid)
	}
	tag("OTO", "NOTNLM")
	for _, k := range a.keywords {
		tag("OT", k)
	}
	tag("AID", a.doi+" [doi]")
	tag("SO", fmt.Sprintf("%s. %s;%s(%s):%s-%s. doi: %s.", a.journal.abbrev, dp, a.volume, a.issue, a.pageStart, a.pageEnd, a.doi))
}

// medlineField writes "TAG - value", wrapping long values on spaces.
func medlineField(b *strings.Builder, tag, v string) {
	const width = 82
	b.WriteString(tag)
	b.WriteString(strings.Repeat(" ", 4-len(tag)))
	b.WriteString("- ")
	col := 6
	for i, w := range strings.Fields(v) {
		if i > 0 {
			if col+1+len(w) > width {
				b.WriteString("\n      ")
				col = 6
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += len(w)
	}
	b.WriteByte('\n')
}
