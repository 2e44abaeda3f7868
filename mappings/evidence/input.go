package evidence

// Input is what extraction reads from one record: plain text, no files,
// no RDF. It mirrors the record fields without importing the mappings
// package, which imports this one.
type Input struct {
	Title    string
	Abstract string    // offsets of abstract facts point into this text
	Sections []Section // labelled parts of a structured abstract, in order
	TrialIDs []string  // registry ids the source lists as structured data
	// Registration: the record is a trial registry's record of its own
	// study (a registration page, a ClinicalTrials.gov record), so its
	// text describes patients of its own even where it counts none.
	Registration bool
}

// Section is one labelled part of a structured abstract. Its Text is
// expected to occur in Input.Abstract (usually as "Label: Text").
type Section struct {
	Label string
	Text  string
}

// Field names used in spans.
const (
	FieldTitle    = "title"
	FieldAbstract = "abstract"
)
