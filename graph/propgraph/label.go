package propgraph

import (
	"strings"
	"unicode/utf8"

	o "github.com/msckg/msckg/ontology"
)

// titleWidth is how many characters of a title a paper's label keeps.
const titleWidth = 60

// label is what a node shows: short enough to draw, and for the facts the
// values themselves, so a drawing reads without opening attributes.
//
//	Paper         Mazzucconi 2024: Prednisone vs high-dose dexamethasone in…
//	Cohort        Cohort 1 (n = 113)
//	Arm           Arm A (n = 59)
//	Outcome       Overall response: 25/31 (80.65%) at 12 months from initial response
//	Intervention  its label (agent and dose as written)
//	Evidence      “25 of 31 (80.65%) in Arm A”
func (b *Builder) label(s *subject, typ string) string {
	t := s.term
	switch typ {
	case "Paper":
		return b.paperLabel(t)
	case "Cohort", "Arm", "Subgroup":
		l := ownLabel(b.nodeName(t))
		if n := b.literal(t, o.Size); n != "" {
			_, lex := literalType(Term{Kind: Literal, Value: n, Datatype: o.XSD + "integer"})
			l += " (n = " + lex + ")"
		}
		return l
	case "Outcome":
		return b.outcomeLabel(t)
	case "Evidence":
		if w := b.literal(t, o.OAExact); w != "" {
			return "“" + w + "”"
		}
	}
	return b.nodeName(t)
}

// ownLabel drops the " of <paper title>" the builder adds to the labels
// of cohorts and subgroups ("Cohort 1 of Intravenous infusion…"): the
// drawing links them to their paper.
func ownLabel(l string) string {
	for _, prefix := range []string{"Cohort ", "Subgroup "} {
		if rest, ok := strings.CutPrefix(l, prefix); ok {
			if n, _, ok := strings.Cut(rest, " of "); ok {
				return prefix + n
			}
		}
	}
	return l
}

// paperLabel is "First-author year: title…".
func (b *Builder) paperLabel(t Term) string {
	title := b.literal(t, o.DCTitle)
	if title == "" {
		title = b.nodeName(t)
	}
	var head []string
	if f := b.firstAuthor(t); f != "" {
		head = append(head, f)
	}
	if y, ok := yearOf(b.literal(t, o.DCIssued)); ok {
		head = append(head, y)
	}
	if len(head) == 0 {
		return truncate(title, titleWidth)
	}
	return strings.Join(head, " ") + ": " + truncate(title, titleWidth)
}

// firstAuthor is the family name (else the name) of the author at
// position 1.
func (b *Builder) firstAuthor(paper Term) string {
	for _, a := range b.objects(paper, o.AuthorshipProp) {
		if b.literal(a, o.Position) != "1" {
			continue
		}
		for _, person := range b.objects(a, o.PROIsHeldBy) {
			if f := b.literal(person, o.FOAFFamilyName); f != "" {
				return f
			}
			if n := b.literal(person, o.FOAFName); n != "" {
				return n
			}
		}
	}
	return ""
}

// outcomeLabel is the outcome's type with its numbers: responders of
// total, the value as written, the time point as written.
func (b *Builder) outcomeLabel(t Term) string {
	l := b.nodeName(t)
	for _, ty := range b.objects(t, o.OutcomeType) {
		l = b.name(ty)
		break
	}
	var nums []string
	patients, total := b.literal(t, o.Patients), b.literal(t, o.Total)
	switch {
	case patients != "" && total != "":
		nums = append(nums, patients+"/"+total)
	case patients != "":
		nums = append(nums, patients+" patients")
	}
	for _, v := range b.objects(t, o.Value) {
		if w := b.name(v); len(nums) > 0 {
			nums = append(nums, "("+w+")")
		} else {
			nums = append(nums, w)
		}
		break
	}
	for _, tp := range b.objects(t, o.Timepoint) {
		nums = append(nums, "at "+b.name(tp))
		break
	}
	if len(nums) == 0 {
		return l
	}
	return l + ": " + strings.Join(nums, " ")
}

// truncate cuts s to at most n characters at a space, marking the cut
// with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
