package medline

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

func FuzzMEDLINE(f *testing.F) {
	for _, name := range []string{"medline-etm.nbib", "medline-multi.nbib"} {
		data := formattest.Fixture(f, name)
		f.Add(data)
		f.Add(data[:len(data)/3])
	}
	f.Add([]byte("PMID- 1\r\nAD  - first\r\nAU  - A B\r\nAUID- ORCID: 0000000218250097\r\n\r\nPMID- 2\nFIR - X, Y\nAD  - z\n"))
	f.Add([]byte("PMID-\nTI  -\n      \nMH  - */\nSI  - /\nIS  - (Print)\nDP  - 2017 May-\nPG  - -8\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for rec := range formattest.InOrder(t, formattest.Reader("medline")(bytes.NewReader(data))) {
			if len(rec.Raw) == 0 || !bytes.Contains(data, rec.Raw) {
				t.Fatalf("record %d raw %q is not a slice of the input", rec.Number, rec.Raw)
			}
			if !utf8.ValidString(rec.Title) || !utf8.ValidString(rec.Abstract.Text) {
				t.Fatalf("invalid UTF-8 in %q / %q", rec.Title, rec.Abstract.Text)
			}
			for _, a := range rec.Authors {
				if a.ORCID != "" && mappings.ValidORCID(a.ORCID) != a.ORCID {
					t.Fatalf("ORCID %q not normalised", a.ORCID)
				}
			}
		}
	})
}
