// Package present describes an extracted fact the way every consumer
// shows it to a person: inspect (text and --json), the evidence table and
// the HTML report. One description, one way to write a quantity, a result
// and a sentence with its words marked, so that the same fact never reads
// differently in two outputs.
package present

import (
	"fmt"
	"strconv"
	"strings"
)

// Fact is one extracted fact: a study design, a cohort, arm or subgroup,
// an intervention, an outcome or a trial mention, with the words it was
// read from.
type Fact struct {
	Kind string `json:"kind"`        // design, cohort, arm, subgroup, intervention, outcome, trial
	N    int    `json:"n,omitempty"` // its number within the record or paper (outcome 3)
	// What it is, for a person: the outcome type or label, the agent, the
	// design, the trial id, the group's name.
	What    string `json:"what"`
	Concept string `json:"concept,omitempty"` // the concept as a CURIE (mkg:CompleteResponse)
	Group   string `json:"group,omitempty"`   // the cohort, arm or subgroup it belongs to

	Size     *int      `json:"size,omitempty"`     // patients of a cohort
	Value    *Quantity `json:"value,omitempty"`    // an outcome's value (a dose is a detail)
	Patients *int      `json:"patients,omitempty"` // patients with the outcome; 0 for a stated absence
	Total    *int      `json:"total,omitempty"`    // of how many
	Time     *Quantity `json:"time,omitempty"`     // the outcome's time point
	TimeText string    `json:"time_text,omitempty"`

	Details []Detail `json:"details,omitempty"` // other stated values, by name
	Rule    string   `json:"rule,omitempty"`    // the extraction rule, where known
	Spans   []Span   `json:"spans"`
}

// Detail is one more stated value of a fact: "route" intravenous,
// "age" 41 y, "prior therapies" Prednisone.
type Detail struct {
	Name     string    `json:"name"`
	Text     string    `json:"text"`
	Concepts []string  `json:"concepts,omitempty"` // CURIEs, when the value is concepts
	Quantity *Quantity `json:"quantity,omitempty"` // when the value is a quantity
}

// Span is the exact words a fact was read from: code-point offsets into a
// field of one source record. Before and After are the rest of the
// sentence, when the text is known.
type Span struct {
	File   string `json:"file,omitempty"`
	Record int    `json:"record,omitempty"`
	Field  string `json:"field"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
}

// Source names the record a span came from ("file record 2"), or "".
func (s Span) Source() string {
	if s.File == "" {
		return ""
	}
	return fmt.Sprintf("%s record %d", s.File, s.Record)
}

// Key identifies a span within a set of sources.
func (s Span) Key() string {
	return fmt.Sprintf("%s\x00%d\x00%s\x00%d\x00%d", s.File, s.Record, s.Field, s.Start, s.End)
}

// Result writes an outcome's numbers as stated: "44/56 (78.57%) at 42 d",
// "3 patients at 12 mo", "median 17 (13–24) mo"; "" when it states none.
func (f Fact) Result() string {
	var b strings.Builder
	switch {
	case f.Patients != nil && f.Total != nil:
		fmt.Fprintf(&b, "%d/%d", *f.Patients, *f.Total)
	case f.Patients != nil && *f.Patients == 1:
		b.WriteString("1 patient")
	case f.Patients != nil:
		fmt.Fprintf(&b, "%d patients", *f.Patients)
	}
	if f.Value != nil && !f.Value.IsZero() {
		if b.Len() > 0 {
			fmt.Fprintf(&b, " (%s)", f.Value)
		} else {
			b.WriteString(f.Value.String())
		}
	}
	if f.Time != nil && !f.Time.IsZero() {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString("at " + f.Time.String())
	}
	if f.TimeText != "" {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString("(" + f.TimeText + ")")
	}
	return b.String()
}

// Summary is the fact on one line: what it is, its numbers, then its
// details ("Complete response: 4/4 at 12 mo", "hUC-MSC: dose 5×10⁷–1×10⁸
// cells | route intravenous").
func (f Fact) Summary() string {
	var head []string
	if f.What != "" {
		head = append(head, f.What)
	}
	switch {
	case f.Size != nil && *f.Size == 1:
		head = append(head, "1 patient")
	case f.Size != nil:
		head = append(head, strconv.Itoa(*f.Size)+" patients")
	}
	if r := f.Result(); r != "" {
		head = append(head, r)
	}
	var parts []string
	if len(head) > 0 {
		parts = append(parts, strings.Join(head, ": "))
	}
	for _, d := range f.Details {
		parts = append(parts, d.Name+" "+d.Text)
	}
	return strings.Join(parts, " | ")
}

// Sentence gives the words of a span's sentence before and after it in
// text (offsets in code points), at most limit code points on each side.
// ok is false when the span lies outside the text or its words differ,
// so no one is shown a sentence the span does not point into.
func Sentence(text string, sp Span, limit int) (before, after string, ok bool) {
	r := []rune(text)
	if sp.Start < 0 || sp.End > len(r) || sp.Start > sp.End || string(r[sp.Start:sp.End]) != sp.Text {
		return "", "", false
	}
	from := sp.Start
	for from > 0 && sp.Start-from < limit && !sentenceEnd(r, from-1) {
		from--
	}
	to := sp.End
	for to < len(r) && to-sp.End < limit && !sentenceEnd(r, to-1) {
		to++
	}
	before, after = string(r[from:sp.Start]), string(r[sp.End:to])
	if from > 0 && !sentenceEnd(r, from-1) {
		before = "…" + before
	}
	if to < len(r) && !sentenceEnd(r, to-1) {
		after += "…"
	}
	return strings.TrimLeft(before, " \n"), after, true
}

// sentenceEnd reports whether r[i] ends a sentence: a full stop, question
// or exclamation mark followed by a space or the end, a CJK full stop, or
// a line break. The point of "10.5" is not an end.
func sentenceEnd(r []rune, i int) bool {
	switch r[i] {
	case '\n', '。', '！', '？':
		return true
	case '.', '!', '?':
		return i+1 == len(r) || r[i+1] == ' ' || r[i+1] == '\n'
	}
	return false
}
