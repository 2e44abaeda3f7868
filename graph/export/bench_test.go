package export

import (
	"fmt"
	"io"
	"testing"

	"github.com/knakk/rdf"
)

// benchDataset builds about n quads shaped like the builder's output:
// papers with types, labels, titles, numbers and links to authors and
// cohorts, each in the graph of its source record.
func benchDataset(n int) []rdf.Quad {
	const perPaper = 20
	var qs []rdf.Quad
	for i := range n / perPaper {
		p := fmt.Sprintf("%spaper/doi/10.1000/etm.%d", base, i)
		paper, g := iri(p), fmt.Sprintf("%ssource/%016x", base, i)
		cohort := iri(p + "/cohort/1")
		add := func(s rdf.Subject, pred string, o rdf.Object) { qs = append(qs, q(s, pred, o, g)) }
		add(paper, rdfType, iri(mkg+"Paper"))
		add(paper, rdfType, iri(schema+"ScholarlyArticle"))
		add(paper, rdfsLabel, str(fmt.Sprintf("Umbilical cord MSCs in ITP, study %d: 50×10⁹/L", i)))
		add(paper, dct+"title", str(fmt.Sprintf("Umbilical cord MSCs in ITP, study %d: 50×10⁹/L", i)))
		add(paper, dct+"abstract", str("Background: \"refractory\" ITP.\nMethods: 4 patients received 5×10⁷ cells/kg."))
		add(paper, dct+"issued", typed(fmt.Sprintf("%d-05", 2000+i%25), xsdNS+"gYearMonth"))
		add(paper, mkg+"citationCount", typed(fmt.Sprint(i%300), xsdInteger))
		add(paper, mkg+"studies", cohort)
		for a := range 4 {
			author := iri(fmt.Sprintf("%sauthor/author-%d", base, (i*7+a)%5000))
			add(paper, dct+"creator", author)
			add(author, rdfType, iri(mkg+"Author"))
		}
		add(cohort, rdfType, iri(mkg+"Cohort"))
		add(cohort, mkg+"size", typed(fmt.Sprint(4+i%40), xsdInteger))
		add(cohort, mkg+"age", typed(fmt.Sprintf("%d.5", 20+i%50), xsdDecimal))
		add(cohort, rdfsLabel, str(fmt.Sprintf("Cohort 1 of study %d", i)))
	}
	return qs
}

func benchWriter(b *testing.B, name string) {
	qs := benchDataset(100_000)
	f, _ := ByName(name)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := f.WriteQuads(io.Discard, qs, Options{Prefixes: testPrefixes}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(qs))*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
}

func BenchmarkTurtle(b *testing.B)   { benchWriter(b, "turtle") }
func BenchmarkNQuads(b *testing.B)   { benchWriter(b, "nquads") }
func BenchmarkNTriples(b *testing.B) { benchWriter(b, "ntriples") }

// BenchmarkStore adds 500,000 quads to a store and writes them as
// N-Quads and Turtle, once within the default memory budget and once
// with a 4 MiB budget that sorts them on disk in runs. The difference
// is the price of flat memory; B/op shows what the store allocates.
func BenchmarkStore(b *testing.B) {
	qs := benchDataset(500_000)
	nq, _ := ByName("nquads")
	ttl, _ := ByName("turtle")
	for _, c := range []struct {
		name   string
		budget int
	}{{"memory", 0}, {"disk-4MiB", 4 << 20}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				st := NewStore(c.budget, b.TempDir())
				for _, q := range qs {
					if err := st.Add(q); err != nil {
						b.Fatal(err)
					}
				}
				for _, f := range []*Format{nq, ttl} {
					if err := f.Write(io.Discard, st, Options{Prefixes: testPrefixes}); err != nil {
						b.Fatal(err)
					}
				}
				st.Close()
			}
			b.ReportMetric(float64(len(qs))*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
