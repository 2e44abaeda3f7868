package report

import (
	"cmp"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"

	"github.com/knakk/rdf"

	o "github.com/msckg/msckg/ontology"
)

// network draws papers on an inner circle (in table order) and their
// authors on an outer ring, each author next to the first paper they
// wrote, with a line for each authorship and a thick line between papers
// that report the same trial or share an author. A circle layout needs no
// randomness, so the picture is the same for the same graph.
func network(quads []rdf.Quad, papers []*paper) template.HTML {
	index := map[string]int{}
	for i, p := range papers {
		index[p.IRI] = i
	}
	holder := map[string]string{} // authorship → person
	label := map[string]string{}
	var authorships [][2]string // paper, authorship
	sameTrial := map[[2]int]bool{}
	for _, q := range quads {
		s, p, obj := q.Subj.String(), q.Pred.String(), q.Obj.String()
		switch p {
		case o.AuthorshipProp:
			if _, ok := index[s]; ok {
				authorships = append(authorships, [2]string{s, obj})
			}
		case o.PROIsHeldBy:
			holder[s] = obj
		case o.RDFSLabel:
			label[s] = obj
		case o.CitesSameTrialAs:
			a, okA := index[s]
			b, okB := index[obj]
			if okA && okB && a != b {
				sameTrial[[2]int{min(a, b), max(a, b)}] = true
			}
		}
	}
	// person → the papers they wrote, in table order
	wrote := map[string][]int{}
	for _, a := range authorships {
		if who := holder[a[1]]; who != "" && !slices.Contains(wrote[who], index[a[0]]) {
			wrote[who] = append(wrote[who], index[a[0]])
		}
	}
	people := make([]string, 0, len(wrote))
	for who, ps := range wrote {
		slices.Sort(ps)
		people = append(people, who)
	}
	slices.SortFunc(people, func(a, b string) int {
		return cmp.Or(cmp.Compare(wrote[a][0], wrote[b][0]), strings.Compare(label[a], label[b]), strings.Compare(a, b))
	})
	shared := map[[2]int]bool{}
	for _, ps := range wrote {
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				shared[[2]int{ps[i], ps[j]}] = true
			}
		}
	}

	const w, h, cx, cy, rIn, rOut = 860.0, 720.0, 430.0, 360.0, 150.0, 290.0
	at := func(i, n int, r float64) (float64, float64) {
		a := 2*math.Pi*float64(i)/float64(max(n, 1)) - math.Pi/2
		return cx + r*math.Cos(a), cy + r*math.Sin(a)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="net-title">`, w, h)
	fmt.Fprintf(&b, `<title id="net-title">%d papers, %d authors, %d pairs of papers sharing an author, %d pairs reporting the same trial</title>`,
		len(papers), len(people), len(shared), len(sameTrial))
	// A paper sits at the middle of the arc of the authors listed next to
	// it, so its authorship lines fan out instead of crossing the picture.
	angle := func(i, n int) float64 { return 2*math.Pi*float64(i)/float64(max(n, 1)) - math.Pi/2 }
	paperAngle := make([]float64, len(papers))
	for i := range papers {
		paperAngle[i] = angle(i, len(papers))
	}
	for i := 0; i < len(people); {
		j := i
		for j < len(people) && wrote[people[j]][0] == wrote[people[i]][0] {
			j++
		}
		paperAngle[wrote[people[i]][0]] = (angle(i, len(people)) + angle(j-1, len(people))) / 2
		i = j
	}
	paperAt := func(p int) (float64, float64) {
		return cx + rIn*math.Cos(paperAngle[p]), cy + rIn*math.Sin(paperAngle[p])
	}
	for i, who := range people {
		x, y := at(i, len(people), rOut)
		for _, p := range wrote[who] {
			px, py := paperAt(p)
			fmt.Fprintf(&b, `<line class="wrote" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, x, y, px, py)
		}
	}
	for _, pair := range sortedPairs(shared) {
		line(&b, "coauthor", paperAt, pair)
	}
	for _, pair := range sortedPairs(sameTrial) {
		line(&b, "trial", paperAt, pair)
	}
	for i, who := range people {
		x, y := at(i, len(people), rOut)
		class := "author"
		if len(wrote[who]) > 1 {
			class = "author shared"
		}
		name := cmp.Or(label[who], who)
		fmt.Fprintf(&b, `<circle class="%s" cx="%.1f" cy="%.1f" r="4"><title>%s</title></circle>`, class, x, y,
			template.HTMLEscapeString(name))
		if len(wrote[who]) > 1 {
			fmt.Fprintf(&b, `<text class="author" x="%.1f" y="%.1f">%s</text>`, x+6, y-6, template.HTMLEscapeString(name))
		}
	}
	for i, p := range papers {
		x, y := paperAt(i)
		fmt.Fprintf(&b, `<a href="#paper-%d"><circle class="paper" cx="%.1f" cy="%.1f" r="11"><title>%s</title></circle>`,
			i+1, x, y, template.HTMLEscapeString(p.Title))
		fmt.Fprintf(&b, `<text class="paper" x="%.1f" y="%.1f">%s</text></a>`, x, y+26, template.HTMLEscapeString(p.Study))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // built from escaped text and numbers only
}

func line(b *strings.Builder, class string, at func(int) (float64, float64), pair [2]int) {
	x1, y1 := at(pair[0])
	x2, y2 := at(pair[1])
	fmt.Fprintf(b, `<line class="%s" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, class, x1, y1, x2, y2)
}

func sortedPairs(m map[[2]int]bool) [][2]int {
	out := make([][2]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	return out
}
