package pubmed

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings/formats/formattest"
)

func FuzzPubMedXML(f *testing.F) {
	for _, name := range []string{"pubmed-etm.xml", "pubmed-multi.xml"} {
		data := formattest.Fixture(f, name)
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add([]byte(pmSet(pmMini("1", "A."), "<PubmedArticle><bad></PubmedArticle>", pmMini("3", "C."))))
	f.Add([]byte(`<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1>2</PMID>`))
	f.Add([]byte("<PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>10<sup>9</sup> <mml:math><mml:msup><mml:mn>2</mml:mn></mml:msup></mml:math></ArticleTitle></Article></MedlineCitation></PubmedArticle>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for rec := range formattest.InOrder(t, formattest.Reader("pubmed-xml")(bytes.NewReader(data))) {
			if !bytes.HasPrefix(rec.Raw, []byte("<Pubmed")) || !bytes.Contains(data, rec.Raw) {
				t.Fatalf("Raw %q is not a slice of the input", rec.Raw)
			}
			if !utf8.ValidString(rec.Title) || !utf8.ValidString(rec.Abstract.Text) {
				t.Fatalf("invalid UTF-8 in %q / %q", rec.Title, rec.Abstract.Text)
			}
		}
	})
}
