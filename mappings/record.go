// Package mappings reads bibliographic records from the formats users
// export (RIS, PubMed, scraped pages, ...) into plain Go values.
//
// A reader never knows about RDF: it only turns bytes into Records and
// reports, for every record it cannot read, where and why.
package mappings

// Record is one bibliographic record as its source gave it, normalised
// only as far as needed to compare sources (trimmed text, parsed names,
// lower-case DOI). Empty fields mean "the source did not say".
type Record struct {
	Format string // registry name of the reader, e.g. "ris"
	Number int    // 1-based position of the record within its input
	Line   int    // line of the input where the record starts (1-based)
	Raw    []byte // the record's exact bytes; its SHA-256 names the SourceRecord

	Title            string
	Authors          []Author
	Journal          Journal
	Issued           Date
	Volume           string
	Issue            string
	PageStart        string
	PageEnd          string
	ArticleNumber    string // electronic article number, when there are no pages
	DOI              string // lower-case, no resolver prefix
	PMID             string
	PMCID            string // "PMC" followed by digits
	Language         string // ISO 639-1 code ("en", "zh")
	Publisher        string
	Keywords         []string
	MeSH             []MeSHHeading
	PublicationTypes []string
	Abstract         Abstract
	URLs             []string
	CitationCount    *int     // as the source reported it
	TrialIDs         []string // registry ids the source lists as structured data
	References       []Reference

	// Warnings say what was left out of the record as the source gave it
	// (an identifier with a wrong check digit), for the caller to report
	// with the file and record: dropped, but never silently.
	Warnings []string

	// Guessed names the fields a heuristic reader inferred rather than read
	// from an explicit label, with the rule that produced each guess.
	Guessed map[string]string

	// Trial is set when the record is a trial registration (e.g. a
	// ClinicalTrials.gov study) rather than a paper.
	Trial *TrialRecord
}

// TrialRecord is a registered clinical trial as its registry describes it.
type TrialRecord struct {
	ID            string   // as registered: "NCT01234567"
	Registry      string   // "ClinicalTrials.gov", ...
	SecondaryIDs  []string // other registry ids of the same trial (ChiCTR, EudraCT, ...)
	Title         string   // brief title
	OfficialTitle string
	Status        string // overall status as the registry writes it: "COMPLETED", ...
	Phases        []string
	StudyType     string // "INTERVENTIONAL", "OBSERVATIONAL"
	Conditions    []string
	Interventions []TrialIntervention
	Arms          []TrialArm
	// Enrollment as the registry gives it; actual and anticipated numbers are
	// different facts and are never mixed.
	EnrollmentActual      *int
	EnrollmentAnticipated *int
	StartDate             Date
	CompletionDate        Date
	Sponsor               string
	URL                   string
	References            []Reference // publications the registry lists (PMID, DOI)

	// StartDateType and CompletionDateType say whether a date happened
	// ("ACTUAL") or is planned ("ESTIMATED"), as the registry writes it.
	StartDateType, CompletionDateType string
}

// TrialIntervention is one intervention of a trial registration.
type TrialIntervention struct {
	Type        string // "BIOLOGICAL", "DRUG", ...
	Name        string
	Description string
}

// TrialArm is one arm of a trial registration.
type TrialArm struct {
	Label         string
	Type          string // "EXPERIMENTAL", "ACTIVE_COMPARATOR", ...
	Description   string
	Interventions []string // names of the interventions given in this arm
}

// Author is one name in a record's author list, in printed order.
type Author struct {
	AsWritten  string // exactly as the source printed it
	Family     string
	Given      string
	Suffix     string // generation ("Jr", "III"), part of neither Family nor Given
	Collective bool   // a group name ("ITP Study Group"), not a person
	// OrderReason says how family and given name were told apart where
	// the source did not mark it with a comma or Chinese script ("HaoWen
	// is a given name (CamelCase Pinyin)", "source order: given name
	// first").
	OrderReason  string
	ORCID        string
	Affiliations []string // only those the source ties to this author
}

// Journal is the periodical a record says it appeared in.
type Journal struct {
	Title  string // full title
	Abbrev string // NLM/ISO abbreviation
	ISSN   string // print ISSN, NNNN-NNNX
	EISSN  string // electronic ISSN
	ISSNL  string // linking ISSN
	// ISSNs holds ISSNs whose medium the source did not say.
	ISSNs []string
}

// Date is a publication date as precise as the source gives it: Month and
// Day are zero when unknown.
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether no date is known.
func (d Date) IsZero() bool { return d.Year == 0 }

// MeSHHeading is one MeSH indexing term.
type MeSHHeading struct {
	Descriptor string // descriptor name, e.g. "Thrombocytopenia"
	UI         string // descriptor id, e.g. "D013921", when the source gives it
	Major      bool
	Qualifiers []string
}

// Abstract keeps the text as one string and, for structured abstracts,
// the labelled sections it was built from. Text is what the graph stores
// and what extraction offsets point into.
type Abstract struct {
	Text     string
	Sections []Section
}

// Section is one labelled part of a structured abstract.
type Section struct {
	Label string // "Background", "Case presentation", ...
	Text  string
}

// NewAbstract joins labelled sections into the stored text, one section
// per line as "Label: text", so the labels survive as structure.
func NewAbstract(sections []Section) Abstract {
	var b []byte
	var kept []Section
	for _, s := range sections {
		if s.Text == "" {
			continue
		}
		kept = append(kept, s)
		if len(b) > 0 {
			b = append(b, '\n')
		}
		if s.Label != "" {
			b = append(b, s.Label...)
			b = append(b, ": "...)
		}
		b = append(b, s.Text...)
	}
	return Abstract{Text: string(b), Sections: kept}
}

// Reference is one entry of a record's reference list.
type Reference struct {
	DOI   string
	PMID  string
	Title string
	Text  string // the unstructured citation, when that is all there is
	Year  int
	// Type is what a trial registry says the publication is to the trial:
	// "RESULT" and "DERIVED" report it, "BACKGROUND" does not. Empty for
	// a paper's own reference list.
	Type string
}
