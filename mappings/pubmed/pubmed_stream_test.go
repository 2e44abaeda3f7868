package pubmed

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/msckg/msckg/mappings/formats/formattest"
)

// pmSynth is an io.Reader that writes a PubmedArticleSet of n articles
// as it is read, so a baseline-sized file never exists in memory.
type pmSynth struct {
	n, next int
	buf     bytes.Buffer
	total   int64
	closed  bool
}

func newPMSynth(n int) *pmSynth {
	s := &pmSynth{n: n}
	s.buf.WriteString("<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n<PubmedArticleSet>\n")
	return s
}

// pmFiller pads each article's abstract to a baseline-like size (~3 KB).
var pmFiller = strings.Repeat("Platelet counts rose above 30×10<sup>9</sup>/L in most patients after infusion. ", 30)

func (s *pmSynth) Read(p []byte) (int, error) {
	for s.buf.Len() < len(p) && !s.closed {
		if s.next == s.n {
			s.buf.WriteString("</PubmedArticleSet>\n")
			s.closed = true
			break
		}
		s.next++
		fmt.Fprintf(&s.buf, `<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">%d</PMID>
    <Article PubModel="Print">
      <Journal><ISSN IssnType="Print">1792-0981</ISSN><JournalIssue><Volume>%d</Volume><PubDate><Year>2017</Year><Month>May</Month></PubDate></JournalIssue><Title>Experimental and therapeutic medicine</Title></Journal>
      <ArticleTitle>Synthetic article %d on mesenchymal stromal cells.</ArticleTitle>
      <Pagination><MedlinePgn>2255-8</MedlinePgn></Pagination>
      <Abstract><AbstractText Label="RESULTS">%s</AbstractText></Abstract>
      <AuthorList><Author><LastName>Wang</LastName><ForeName>Xiaohua</ForeName></Author></AuthorList>
      <Language>eng</Language>
    </Article>
  </MedlineCitation>
  <PubmedData><ArticleIdList><ArticleId IdType="pubmed">%d</ArticleId><ArticleId IdType="doi">10.5555/synth.%d</ArticleId></ArticleIdList></PubmedData>
</PubmedArticle>
`, s.next, s.next%50, s.next, pmFiller, s.next, s.next)
	}
	n, err := s.buf.Read(p)
	s.total += int64(n)
	if err == io.EOF && !s.closed {
		err = nil
	}
	return n, err
}

func TestPubMedXMLStreamsInBoundedMemory(t *testing.T) {
	n := 30000
	if testing.Short() || raceEnabled {
		n = 3000
	}
	src := newPMSynth(n)
	const limit = 64 << 20
	var ms runtime.MemStats
	var peak uint64
	count, last := 0, ""
	for rec, err := range readPubMedXML(src) {
		if err != nil {
			t.Fatalf("record %d: %v", count+1, err)
		}
		count++
		last = rec.PMID
		if count%1000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	if count != n || last != fmt.Sprint(n) {
		t.Fatalf("read %d records (last PMID %s), want %d", count, last, n)
	}
	t.Logf("%d articles, %d MiB of XML, peak heap in use %d MiB", n, src.total>>20, peak>>20)
	if peak > limit {
		t.Errorf("heap in use reached %d MiB reading %d MiB of XML; want < %d MiB", peak>>20, src.total>>20, limit>>20)
	}
	if n == 30000 && src.total <= limit {
		t.Errorf("generated only %d MiB: the bound proves nothing", src.total>>20)
	}
}

func TestPMSynthIsValidPubMed(t *testing.T) {
	data, err := io.ReadAll(newPMSynth(3))
	if err != nil {
		t.Fatal(err)
	}
	recs, errs := formattest.ReadAllPubMed(t, data)
	if len(errs) != 0 || len(recs) != 3 {
		t.Fatalf("got %d records, %v", len(recs), errs)
	}
	r := recs[2]
	if r.PMID != "3" || r.DOI != "10.5555/synth.3" || r.PageEnd != "2258" ||
		!strings.HasPrefix(r.Abstract.Text, "RESULTS: Platelet counts rose above 30×10⁹/L") {
		t.Errorf("synthetic record read as %+v", r)
	}
}

func BenchmarkPubMedXML(b *testing.B) {
	const n = 2000
	data, err := io.ReadAll(newPMSynth(n))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		count := 0
		for _, err := range readPubMedXML(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
			count++
		}
		if count != n {
			b.Fatalf("read %d records", count)
		}
	}
	b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "records/s")
}
