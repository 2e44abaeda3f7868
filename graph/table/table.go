// Package table reads a built msckg graph into the evidence table of a
// systematic review: one row per study cohort, arm and subgroup of every
// paper, each cell naming the spans of text it came from, and the
// dichotomous outcomes (events of a total per arm) that meta-analysis
// tools take. Every number in it is one the graph states; nothing is
// computed, so a table and a SPARQL query over the same graph agree.
package table

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/present"
	o "github.com/msckg/msckg/ontology"
)

// Columns of the evidence table, in order (README, "Evidence table").
var Columns = []string{
	"study", "year", "title", "doi", "pmid", "design",
	"group", "kind", "role", "condition", "n", "age_group", "age", "sex",
	"disease_phase", "refractory", "prior_therapies",
	"cell_product", "dose", "route", "courses", "schedule",
	"follow_up", "complete_response", "overall_response", "no_response",
	"time_to_response", "platelet_count", "adverse_events", "survival", "other_outcomes",
	"trial_ids", "paper", "group_iri",
}

// Table is the evidence table of one graph.
type Table struct {
	Rows          []Row
	Dichotomous   []Dichotomous
	Disagreements []Disagreement
}

// Row is one group of patients (or a paper with none), its cells keyed
// by column name.
type Row struct {
	Paper string // the paper's IRI
	Group string // the cohort, arm or subgroup's IRI; "" for a paper with no group
	Cells map[string]Cell
	// Facts are the group itself, its interventions and its outcomes (in
	// the order of their numbers), each with its own spans: the cells
	// join them, the report shows them one by one.
	Facts []present.Fact
}

// Cell is one value and the spans of text it was read from: the evidence
// of the fact (cohort, intervention, outcome, trial link) that states it.
type Cell struct {
	Text  string
	Spans []Span
}

// Span is one mkg:Evidence node: exact words at code-point offsets of a
// field of one source record, with the rest of their sentence.
type Span = present.Span

// Dichotomous is one outcome a group reports as events of a total.
type Dichotomous struct {
	Study, Year, Arm, Role, Outcome string
	Time, TimeUnit                  string // the time point's value and UCUM code, when stated
	TimeText                        string // the time point as written ("12 months from initial response")
	Events, Total                   string
	Paper, OutcomeIRI               string
}

// outcome columns and the outcome types each holds.
var outcomeColumns = []struct {
	column string
	types  []string
}{
	{"follow_up", []string{o.FollowUp}},
	{"complete_response", []string{o.CompleteResponse}},
	{"overall_response", []string{o.OverallResponse}},
	{"no_response", []string{o.NoResponse}},
	{"time_to_response", []string{o.TimeToResponse}},
	{"platelet_count", []string{o.PlateletCount}},
	{"adverse_events", []string{o.AdverseEvents, o.SevereAdverseEvents}},
	{"survival", []string{o.Survival}},
	{"other_outcomes", []string{o.OtherOutcome}},
}

// FromQuads makes the table of a built graph (graph.Result.Quads, or the
// quads of its N-Quads or Turtle output). Rows are sorted by study label,
// paper IRI and group number, so the same graph gives the same table.
func FromQuads(quads []rdf.Quad) *Table {
	ix := newIndex(quads)
	t := &Table{}
	papers := described(ix)
	studies := studyLabels(ix, papers)
	slices.SortFunc(papers, func(a, b string) int {
		return cmp.Or(strings.Compare(studies[a], studies[b]), strings.Compare(a, b))
	})
	for _, p := range papers {
		paper := paperCells(ix, p, studies[p])
		groups := paperGroups(ix, p)
		if len(groups) == 0 {
			t.Rows = append(t.Rows, Row{Paper: p, Cells: paper})
			continue
		}
		for _, g := range groups {
			cells := maps(paper)
			groupCells(ix, p, g, cells)
			t.Rows = append(t.Rows, Row{Paper: p, Group: g.iri, Cells: cells, Facts: groupFacts(ix, g)})
			t.Dichotomous = append(t.Dichotomous, dichotomous(ix, p, g, paper)...)
		}
	}
	t.Disagreements = disagreements(ix, studies)
	return t
}

func maps(m map[string]Cell) map[string]Cell {
	out := make(map[string]Cell, len(Columns))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// described lists the papers an input record described: a paper known
// only from a reference list has no prov:wasDerivedFrom and no facts.
func described(ix index) []string {
	var out []string
	for _, p := range ix.subjects(o.Paper) {
		if len(ix.all(p, o.PROVWasDerivedFrom)) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// studyLabels names each paper the way reviews do: first author's family
// name and year ("Wang 2017"), with a, b, ... when two papers share one
// (in the order of their IRIs).
func studyLabels(ix index, papers []string) map[string]string {
	base := map[string]string{}
	count := map[string]int{}
	for _, p := range papers {
		name := firstAuthor(ix, p)
		if name == "" {
			name = shorten(cmp.Or(ix.one(p, o.DCTitle), ix.one(p, o.RDFSLabel), p), 40)
		}
		l := strings.TrimSpace(name + " " + year(ix, p))
		base[p] = l
		count[l]++
	}
	out := map[string]string{}
	seen := map[string]int{}
	for _, p := range papers { // papers is sorted by IRI
		l := base[p]
		if count[l] > 1 {
			out[p] = l + string(rune('a'+seen[l]%26))
			seen[l]++
			continue
		}
		out[p] = l
	}
	return out
}

func firstAuthor(ix index, p string) string {
	for _, a := range ix.all(p, o.AuthorshipProp) {
		if ix.one(a, o.Position) != "1" {
			continue
		}
		for _, who := range ix.all(a, o.PROIsHeldBy) {
			if n := cmp.Or(ix.one(who, o.FOAFFamilyName), ix.one(who, o.RDFSLabel)); n != "" {
				return n
			}
		}
	}
	return ""
}

func year(ix index, p string) string {
	y, _, _ := strings.Cut(ix.one(p, o.DCIssued), "-")
	return y
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func paperCells(ix index, p, study string) map[string]Cell {
	c := map[string]Cell{
		"study": {Text: study},
		"year":  {Text: year(ix, p)},
		"title": {Text: ix.one(p, o.DCTitle)},
		"doi":   {Text: ix.one(p, o.BIBODOI)},
		"pmid":  {Text: ix.one(p, o.FaBiOPubMedID)},
		"paper": {Text: p},
	}
	var designs []string
	for _, d := range ix.all(p, o.StudyDesign) {
		designs = append(designs, ix.label(d))
	}
	c["design"] = Cell{Text: strings.Join(designs, "; ")}
	var ids []string
	var spans []Span
	for _, tr := range ix.all(p, o.ReportsTrial) {
		ids = append(ids, cmp.Or(ix.one(tr, o.DCIdentifier), ix.label(tr)))
		// A trial node gathers the evidence of every paper naming it;
		// this paper's words are under its own IRI.
		spans = append(spans, evidenceOf(ix, tr, p+"/")...)
	}
	slices.Sort(ids)
	c["trial_ids"] = Cell{Text: strings.Join(ids, "; "), Spans: spans}
	return c
}

// group is one cohort, arm or subgroup of a paper.
type group struct {
	iri, name, kind string
}

// paperGroups lists a paper's study cohorts with their arms and
// subgroups, in the order of their numbers.
func paperGroups(ix index, p string) []group {
	var iris []string
	for _, c := range ix.all(p, o.Studies) {
		iris = append(iris, c)
		iris = append(iris, ix.all(c, o.HasArm)...)
	}
	for _, s := range ix.subjects(o.Subgroup) {
		if strings.HasPrefix(s, p+"/") {
			iris = append(iris, s)
		}
	}
	slices.Sort(iris)
	var out []group
	for _, g := range byNumber(slices.Compact(iris)) {
		out = append(out, newGroup(ix, p, g))
	}
	return out
}

func newGroup(ix index, p, g string) group {
	local := strings.ReplaceAll(strings.TrimPrefix(g, p+"/"), "/", " ") // "cohort 2"
	switch {
	case ix.is(g, o.ArmClass):
		return group{iri: g, name: cmp.Or(ix.one(g, o.RDFSLabel), local), kind: "arm"}
	case ix.is(g, o.Subgroup):
		name := "subgroup " + strconv.Itoa(lastNumber(g))
		for _, parent := range ix.all(g, o.SubgroupOf) {
			name += " of " + strings.ReplaceAll(strings.TrimPrefix(parent, p+"/"), "/", " ")
		}
		return group{iri: g, name: name, kind: "subgroup"}
	default:
		return group{iri: g, name: local, kind: "study cohort"}
	}
}

func groupCells(ix index, p string, g group, c map[string]Cell) {
	ev := evidenceOf(ix, g.iri, "")
	set := func(col, text string, spans []Span) {
		if text != "" {
			c[col] = Cell{Text: text, Spans: spans}
		}
	}
	set("group", g.name, ev)
	set("kind", g.kind, nil)
	set("group_iri", g.iri, nil)
	set("role", labels(ix, ix.all(g.iri, o.ArmRole)), ev)
	set("condition", labels(ix, ix.all(g.iri, o.Condition)), ev)
	set("n", ix.one(g.iri, o.Size), ev)
	set("age_group", labels(ix, ix.all(g.iri, o.AgeGroup)), ev)
	if q, ok := ix.quantity(ix.one(g.iri, o.Age)); ok {
		set("age", q.String(), ev)
	}
	set("sex", labels(ix, ix.all(g.iri, o.Sex)), ev)
	set("disease_phase", labels(ix, ix.all(g.iri, o.DiseasePhase)), ev)
	set("refractory", ix.one(g.iri, o.Refractory), ev)
	set("prior_therapies", labels(ix, ix.all(g.iri, o.PriorTherapy)), ev)
	interventionCells(ix, ix.all(g.iri, o.Received), set)
	outcomes := byTime(ix, ix.all(g.iri, o.HasOutcome))
	for _, col := range outcomeColumns {
		var texts []string
		var spans []Span
		for _, oc := range outcomes {
			typ := ix.one(oc, o.OutcomeType)
			if !slices.Contains(col.types, typ) {
				continue
			}
			text := outcomeText(ix, oc)
			if typ != col.types[0] || typ == o.OtherOutcome {
				text = ix.label(oc) + ": " + text
			}
			texts = append(texts, text)
			spans = append(spans, evidenceOf(ix, oc, "")...)
		}
		set(col.column, strings.Join(texts, "; "), spans)
	}
}

// interventionCells fills the intervention columns. A group that received
// several agents has each value prefixed with its agent, so a dose is
// never read as another agent's.
func interventionCells(ix index, ivs []string, set func(col, text string, spans []Span)) {
	ivs = byNumber(ivs)
	agents := map[string]bool{}
	for _, iv := range ivs {
		agents[labels(ix, ix.all(iv, o.Agent))] = true
	}
	cols := map[string][]string{}
	spans := map[string][]Span{}
	add := func(col, agent, text string, ev []Span) {
		if text == "" {
			return
		}
		if len(agents) > 1 && col != "cell_product" {
			text = cmp.Or(agent, "agent not named") + ": " + text
		}
		if !slices.Contains(cols[col], text) {
			cols[col] = append(cols[col], text)
		}
		spans[col] = append(spans[col], ev...)
	}
	for _, iv := range ivs {
		ev := evidenceOf(ix, iv, "")
		agent := labels(ix, ix.all(iv, o.Agent))
		add("cell_product", agent, agent, ev)
		if q, ok := ix.quantity(ix.one(iv, o.Dose)); ok {
			add("dose", agent, q.String(), ev)
		}
		add("route", agent, strings.ToLower(labels(ix, ix.all(iv, o.Route))), ev)
		add("courses", agent, ix.one(iv, o.Courses), ev)
		add("schedule", agent, ix.one(iv, o.Schedule), ev)
	}
	for _, col := range []string{"cell_product", "dose", "route", "courses", "schedule"} {
		set(col, strings.Join(cols[col], "; "), spans[col])
	}
}

func labels(ix index, iris []string) string {
	var out []string
	for _, i := range iris {
		out = append(out, ix.label(i))
	}
	slices.Sort(out)
	return strings.Join(slices.Compact(out), "; ")
}

// outcomeText writes one outcome as stated: "44/56 (78.57%) at 42 d",
// "3 patients at 12 mo", "median 17 (13–24) mo".
func outcomeText(ix index, oc string) string {
	return cmp.Or(outcomeFact(ix, oc, "").Result(), "no number stated")
}

// evidenceOf lists the spans a node's mkg:evidence points to, those
// under prefix only when prefix is not empty, sorted by source and place,
// each with the rest of its sentence when the graph holds the field's text.
func evidenceOf(ix index, node, prefix string) []Span {
	var out []Span
	for _, ev := range ix.all(node, o.EvidenceProp) {
		if !strings.HasPrefix(ev, prefix) {
			continue
		}
		src := ix.one(ev, o.OAHasSource)
		sp := Span{
			File:   ix.one(src, o.DCSource),
			Record: atoi(ix.one(src, o.RecordNumber)),
			Field:  ix.one(ev, o.Field),
			Start:  atoi(ix.one(ev, o.OAStart)),
			End:    atoi(ix.one(ev, o.OAEnd)),
			Text:   ix.one(ev, o.OAExact),
		}
		if before, after, ok := present.Sentence(ix.fieldText(ev, src, sp.Field), sp, sentenceLimit); ok {
			sp.Before, sp.After = before, after
		}
		out = append(out, sp)
	}
	slices.SortFunc(out, func(a, b Span) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Record, b.Record), strings.Compare(a.Field, b.Field),
			cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	return out
}

// sentenceLimit bounds the context shown on each side of a span, so a
// sentence the splitter could not end does not bring the whole abstract.
const sentenceLimit = 300

// atoi reads an xsd:integer the builder wrote; -1 if it is not one, which
// no offset or record number is, so a reader sees it is wrong.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// dichotomous lists the group's outcomes stated as events of a total;
// an outcome with only a count, or only a rate, is left out rather than
// completed.
func dichotomous(ix index, p string, g group, paper map[string]Cell) []Dichotomous {
	var out []Dichotomous
	for _, oc := range byTime(ix, ix.all(g.iri, o.HasOutcome)) {
		events, total := ix.one(oc, o.Patients), ix.one(oc, o.Total)
		if events == "" || total == "" {
			continue
		}
		d := Dichotomous{
			Study: paper["study"].Text, Year: paper["year"].Text, Arm: g.name,
			Role:    labels(ix, ix.all(g.iri, o.ArmRole)),
			Outcome: outcomeName(ix, oc),
			Events:  events, Total: total, Paper: p, OutcomeIRI: oc,
		}
		if q, ok := ix.quantity(ix.one(oc, o.Timepoint)); ok && q.Value != "" {
			d.Time, d.TimeUnit, d.TimeText = present.Number(q.Value), q.Unit, q.UnitText
		}
		out = append(out, d)
	}
	return out
}

// outcomeName is the outcome type's label, or for an "other outcome" the
// outcome's own label, which says what it is.
func outcomeName(ix index, oc string) string {
	typ := ix.one(oc, o.OutcomeType)
	if typ == o.OtherOutcome {
		return ix.label(oc)
	}
	return ix.label(typ)
}

// days of a time unit, only to order a group's outcomes by time point
// (42 d before 180 d before 12 mo); never written.
var days = map[string]float64{"min": 1.0 / 1440, "h": 1.0 / 24, "d": 1, "wk": 7, "mo": 365.25 / 12, "a": 365.25}

// byTime orders outcomes by time point, those without one first, then by
// number.
func byTime(ix index, ocs []string) []string {
	at := func(oc string) float64 {
		q, ok := ix.quantity(ix.one(oc, o.Timepoint))
		if !ok || q.Value == "" {
			return -1
		}
		v, err := strconv.ParseFloat(q.Value, 64)
		d, known := days[q.Unit]
		if err != nil || !known {
			return -1
		}
		return v * d
	}
	out := byNumber(ocs)
	slices.SortStableFunc(out, func(a, b string) int { return cmp.Compare(at(a), at(b)) })
	return out
}
