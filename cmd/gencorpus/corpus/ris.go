package corpus

import (
	"fmt"
	"strings"
)

// risRecord writes one multi-line RIS record as reference managers
// export it from PubMed: PMID in AN with DB naming PubMed, the abstract on
// one line with superscripts lost ("5x107").
func risRecord(b *strings.Builder, a *article) {
	tag := func(t, v string) {
		if v != "" {
			b.WriteString(t + "  - " + v + "\n")
		}
	}
	tag("TY", "JOUR")
	tag("TI", a.title)
	for _, p := range a.authors {
		tag("AU", p.family+", "+p.given)
	}
	tag("AB", render(a.abstractText(a.structured, false), flatStyle, nil))
	tag("T2", a.journal.title)
	tag("JO", a.journal.abbrev)
	switch {
	case a.journal.issn != "" && a.journal.eissn != "":
		tag("SN", a.journal.issn+" (Print)")
		tag("SN", a.journal.eissn+" (Electronic)")
	default:
		tag("SN", a.journal.issn+a.journal.eissn)
	}
	tag("PY", fmt.Sprint(a.year))
	if a.month > 0 {
		tag("DA", fmt.Sprintf("%d/%02d/%02d", a.year, a.month, max(a.day, 1)))
	}
	tag("VL", a.volume)
	tag("IS", a.issue)
	tag("SP", a.pageStart)
	tag("EP", a.pageEnd)
	tag("DO", a.doi)
	tag("AN", a.pmid)
	tag("DB", "PubMed")
	tag("C2", a.pmcid)
	for _, k := range a.keywords {
		tag("KW", k)
	}
	tag("LA", "eng")
	tag("UR", "https://doi.org/"+a.doi)
	b.WriteString("ER  - \n\n")
}
