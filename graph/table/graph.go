package table

import (
	"slices"
	"strconv"
	"strings"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/present"
	o "github.com/msckg/msckg/ontology"
)

// index is the union of a dataset's graphs, subject → predicate →
// objects, each list sorted and without repeats. Graph names are dropped:
// the table reads what the graph as a whole states, and provenance comes
// from the Evidence nodes, which name their source record.
type index map[string]map[string][]string

func newIndex(quads []rdf.Quad) index {
	ix := index{}
	for _, q := range quads {
		s, p := q.Subj.String(), q.Pred.String()
		m := ix[s]
		if m == nil {
			m = map[string][]string{}
			ix[s] = m
		}
		m[p] = append(m[p], q.Obj.String())
	}
	for _, m := range ix {
		for p, vs := range m {
			slices.Sort(vs)
			m[p] = slices.Compact(vs)
		}
	}
	return ix
}

func (ix index) all(s, p string) []string { return ix[s][p] }

// one is the single value of a functional property; several values (which
// the builder does not make) are joined rather than one picked silently.
func (ix index) one(s, p string) string { return strings.Join(ix[s][p], "; ") }

func (ix index) is(s, class string) bool { return slices.Contains(ix[s][o.RDFType], class) }

// subjects lists, sorted, the nodes typed class.
func (ix index) subjects(class string) []string {
	var out []string
	for s, m := range ix {
		if slices.Contains(m[o.RDFType], class) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// label is a concept's label from the vocabulary graph, or the local name
// of its IRI when the graph has none.
func (ix index) label(iri string) string {
	if l := ix.one(iri, o.RDFSLabel); l != "" {
		return l
	}
	if i := strings.LastIndexAny(iri, "#/"); i >= 0 {
		return iri[i+1:]
	}
	return iri
}

// byNumber sorts fact IRIs ({paper}/cohort/2, {paper}/outcome/10) by their
// trailing number, which follows the order the text gave them in.
func byNumber(iris []string) []string {
	out := slices.Clone(iris)
	slices.SortFunc(out, func(a, b string) int {
		if c := strings.Compare(trimNumber(a), trimNumber(b)); c != 0 {
			return c
		}
		if c := lastNumber(a) - lastNumber(b); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return out
}

func trimNumber(iri string) string { return strings.TrimRight(iri, "0123456789") }

func lastNumber(iri string) int {
	n, err := strconv.Atoi(iri[len(trimNumber(iri)):])
	if err != nil {
		return -1
	}
	return n
}

// quantity is a schema:QuantitativeValue as the graph states it.
func (ix index) quantity(node string) (present.Quantity, bool) {
	if node == "" {
		return present.Quantity{}, false
	}
	q := present.Quantity{
		Value:    ix.one(node, o.SchemaValue),
		Min:      ix.one(node, o.SchemaMinValue),
		Max:      ix.one(node, o.SchemaMaxValue),
		Median:   ix.one(node, o.Median),
		Unit:     ix.one(node, o.SchemaUnitCode),
		UnitText: ix.one(node, o.SchemaUnitText),
	}
	return q, !q.IsZero()
}
