package mappings

import (
	"strings"
	"testing"
)

// An ORCID iD with a wrong check digit is dropped with a warning by every
// reader (issue 11: Crossref and OpenAlex trusted it, so two people
// sharing a mistyped iD became one author); a right one is kept.
func TestORCIDCheckDigitEveryReader(t *testing.T) {
	const good, bad = "0000-0002-1825-0097", "0000-0002-1825-0098" // ORCID's documented example, and one digit off
	for _, c := range []struct{ format, in string }{
		{"crossref-json", `{"DOI":"10.1000/x","title":["T"],"author":[{"given":"Josiah","family":"Carberry","ORCID":"http://orcid.org/` + good + `"},{"given":"Jo","family":"Carber","ORCID":"https://orcid.org/` + bad + `"}]}`},
		{"openalex-json", `{"id":"https://openalex.org/W1","title":"T","authorships":[{"author":{"display_name":"Josiah Carberry","orcid":"https://orcid.org/` + good + `"}},{"author":{"display_name":"Jo Carber","orcid":"https://orcid.org/` + bad + `"}}]}`},
	} {
		recs, errs := readAll(t, c.format, []byte(c.in))
		if len(recs) != 1 || len(errs) != 0 {
			t.Fatalf("%s: %d records, errors %v", c.format, len(recs), errs)
		}
		r := recs[0]
		if len(r.Authors) != 2 || r.Authors[0].ORCID != good || r.Authors[1].ORCID != "" {
			t.Errorf("%s: authors %+v, want the good iD kept and the bad one dropped", c.format, r.Authors)
		}
		if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], bad) || !strings.Contains(r.Warnings[0], "check digit") {
			t.Errorf("%s: warnings %q, want one naming %s", c.format, r.Warnings, bad)
		}
	}
}
