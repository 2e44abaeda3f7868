// Package evidence extracts clinical facts (cohorts, interventions,
// outcomes, study design, trial registry ids) from a record's title and
// abstract. It is rule-based and deterministic, and every fact carries
// the exact span of text it was read from and the rule that read it.
//
// It knows nothing about files or RDF: text in, Facts out.
package evidence

// Span locates a fact in the text of one field, in Unicode code points
// (not bytes), so that offsets match what SPARQL's SUBSTR sees.
type Span struct {
	Field string // "abstract" or "title"
	Start int    // code-point offset of the first character
	End   int    // code-point offset just past the last character
	Text  string // the exact text between Start and End
}

// Quantity is a number, range or summary statistic with its unit. Decimal
// values are kept as canonical decimal strings ("50000000", "12.5") so no
// float rounding ever reaches the graph. Empty means absent.
type Quantity struct {
	Value      string // a single value
	Min, Max   string // a range, or one side of a comparator (">150" is Min "150")
	Median     string
	Comparator string // ">", "≥", "<", "≤" as written, when there is one
	Unit       string // UCUM code: "10*9/L", "{cells}", "{cells}/kg", "{cells}/d", "d", "wk", "mo", "a", "%"
	UnitText   string // the quantity as written in the text
	Span       Span

	Mean                   string // a mean ("mean age 45 years")
	Q1, Q3                 string // an interquartile range ("IQR 8–14")
	Spread                 string // the ± term ("45 ± 12"), SD or SE as the text says
	Numerator, Denominator string // a fraction: "57.1% (4/7)" or "4/7"
}

// Concept is a term from the lexicon: a verified MeSH descriptor IRI or an
// mkg: concept IRI, with the label a person reads.
type Concept struct {
	IRI   string
	Label string
}

// Facts is everything extracted from one record.
type Facts struct {
	Design        *Design
	Cohorts       []Cohort
	Interventions []Intervention
	Outcomes      []Outcome
	Trials        []TrialMention
	// Candidates are readings whose frame is incomplete or whose two
	// readings of one number disagree: kept with the reason, so a user can
	// look at them knowingly, and never asserted as facts.
	Candidates []Candidate
}

// Candidate is a reading the rules do not assert: which patients, what
// number, of what, when or in which arm is missing, or two readings of it
// disagree ("13/18" with "27.2%"); or a concept named where no patients of
// the record's own are counted ("mesenchymal stem cells" in a chapter's
// title).
type Candidate struct {
	// Kind is what the reading would have been: "outcome", "dose", or a
	// cohort or intervention property ("condition", "ageGroup", "age",
	// "diseasePhase", "priorTherapy", "refractory", "agent", "design").
	Kind      string
	Type      string // the outcome type IRI the number would have, "" when unknown
	Concept   string // the concept IRI a concept reading would have (condition, agent, phase, ...), else ""
	Patients  *int
	Total     *int
	Value     *Quantity
	Timepoint *Quantity
	Reason    string // why it is not a fact, for a person
	Rule      string // the rule that read it
	Spans     []Span // the number first, then the sentence
}

// Design is the study design (mkg:CaseReport, mkg:CaseSeries, ...).
type Design struct {
	IRI  string
	Rule string
	Span Span
}

// Cohort is a group of patients the paper reports on. Zero values mean
// "not stated"; pointers distinguish "false"/"0" from "not stated".
type Cohort struct {
	Size           int    // patients enrolled or treated; 0 when not stated
	AgeGroup       string // mkg:Adults, mkg:Children, mkg:MixedAges IRI, or ""
	Age            *Quantity
	Sex            string // mkg:Female, mkg:Male, mkg:MixedSex IRI, or ""
	Conditions     []Concept
	Refractory     *bool
	DiseasePhase   string    // mkg:NewlyDiagnosed, mkg:Persistent, mkg:Chronic IRI, or ""
	PriorTherapies []Concept // only therapies these patients actually received
	Interventions  []int     // indexes into Facts.Interventions
	Outcomes       []int     // indexes into Facts.Outcomes
	Rule           string
	Spans          []Span   // the sentence(s) the cohort was read from, first is the main one
	Details        []Detail // where each property was read

	// DiseaseDuration is how long the patients have had the disease ("a
	// 10-year history of ITP"), in years (a) or months (mo); nil when not stated.
	DiseaseDuration *Quantity

	// Part says how these patients relate to another cohort of the same
	// Facts: PartStudy (the zero value) for a cohort the paper studies as a
	// whole, PartArm for an arm of a comparison, PartSubgroup for patients
	// counted again within their parent. Arms and subgroups are counted in
	// their parent's size, so only study cohorts may be summed.
	Part Part
	// Parent is the index into Facts.Cohorts of the cohort an arm or a
	// subgroup belongs to; ignored for a study cohort.
	Parent int
	// ArmRole is mkg:TreatmentArm, mkg:ComparatorArm or mkg:ControlArm for
	// an arm whose role the text makes certain, "" otherwise (always "" for
	// a head-to-head comparison of two standard treatments). Neither a
	// control nor a comparator arm received MSC.
	ArmRole string
	// Name is the group's name as the text gives it ("the combination
	// arm", "the HID+MSC group"), "" when it has none.
	Name string
}

// Part is how a cohort's patients relate to the study's other cohorts.
type Part string

const (
	PartStudy    Part = ""         // a cohort the paper studies as a whole
	PartArm      Part = "arm"      // one arm of a comparison within a study cohort
	PartSubgroup Part = "subgroup" // patients counted again within their parent
)

// Intervention is a treatment given to a cohort.
type Intervention struct {
	Agent      Concept
	CellSource *Concept
	Route      string // mkg:Intravenous, ... IRI, or ""
	Dose       *Quantity
	Courses    int    // 0 when not stated
	Schedule   string // as written
	Rule       string
	Spans      []Span
	Details    []Detail // where each property was read
}

// Outcome is one measured result.
type Outcome struct {
	Type        string // mkg:CompleteResponse, ... IRI
	Patients    *int   // how many had it; 0 for "no adverse events"
	Value       *Quantity
	Timepoint   *Quantity
	TimeComment string // a named time such as "postpartum"
	// Total is the number of patients the result is a share of ("21 of
	// 31"), nil when the text gives none: the patients of the cohort or
	// arm evaluated at that time point, which may be fewer than its size
	// ("44 of 56" evaluable in an arm of 59).
	Total        *int
	Intervention int // index into Facts.Interventions, -1 when none
	// BeforeTreatment: measured before the study's treatment ("the
	// median baseline platelet count"), so no intervention's outcome.
	BeforeTreatment bool
	Label           string
	Rule            string
	Spans           []Span
}

// TrialMention is a trial registry id found in the text or given as data.
type TrialMention struct {
	ID       string // as registered, e.g. "NCT01234567", "ChiCTR-TRC-12002345"
	Registry string // "ClinicalTrials.gov", "ChiCTR", "ISRCTN", ...
	URL      string
	Rule     string
	Span     Span
}

// Detail records which rule read one property of a cohort or intervention
// and from which words, so a reader can check every value.
type Detail struct {
	Property string // "size", "age", "condition", "dose", ...
	Rule     string
	Span     Span
}
