package mappings

import (
	"errors"
	"strings"
	"testing"
)

// One policy for untitled records in every format: kept when the record
// has a DOI, PMID or PMCID, with the gap recorded in Guessed["title"];
// rejected with ErrNoTitle otherwise.
func TestUntitledPolicyEveryFormat(t *testing.T) {
	cases := []struct {
		format, in string
		keep       bool
	}{
		{"ris", "TY  - JOUR\nDO  - 10.1186/s40981-020-0316-0\nER  - \n", true},
		{"ris", "TY  - JOUR\nAU  - Wang, Xiaohua\nAU  - Sun, Wei\nER  - \n", false},
		{"medline", "PMID- 22664220\nPT  - Technical Report\n", true},
		{"medline", "PMC - PMC4567890\nFED - Some Editor\nJT  - Test Journal\nDP  - 2013\n", true},
		{"bibtex", "@article{k, author = {Wang, Xiaohua}, year = 2013}\n", false},
		{"bibtex", "@article{k, author = {Wang, Xiaohua}, doi = {10.3892/etm.2017.4229}}\n", true},
		{"csl-json", `[{"id":"a","type":"article-journal","DOI":"10.3892/etm.2017.4229"}]`, true},
		{"csl-json", `[{"id":"a","type":"article-journal","author":[{"family":"Wang","given":"X"}]}]`, false},
		{"pubmed-xml", "<PubmedArticleSet><PubmedArticle><MedlineCitation><Article/></MedlineCitation></PubmedArticle></PubmedArticleSet>", false},
	}
	for _, c := range cases {
		recs, errs := readAll(t, c.format, []byte(c.in))
		if c.keep {
			if len(recs) != 1 || len(errs) != 0 {
				t.Errorf("%s %.40q: %d records, errors %v; want it kept", c.format, c.in, len(recs), errs)
				continue
			}
			if g := recs[0].Guessed["title"]; !strings.HasPrefix(g, "none given") {
				t.Errorf("%s %.40q: gap not recorded: Guessed = %v", c.format, c.in, recs[0].Guessed)
			}
			continue
		}
		var re *RecordError
		if len(recs) != 0 || len(errs) != 1 || !errors.As(errs[0], &re) || !errors.Is(re, ErrNoTitle) || re.Record != 1 || re.Line != 1 {
			t.Errorf("%s %.40q: %d records, errors %v; want record 1 (line 1) rejected for no title", c.format, c.in, len(recs), errs)
		}
	}
}
