// Package ontology holds the IRIs of every term msckg emits, the data
// files that describe them (msckg.ttl, shapes.ttl, the lexicon) and the
// competency queries. A test keeps these constants and msckg.ttl in step.
package ontology

// Namespaces of the vocabularies the graph uses (ONTOLOGY.md, "Prefixes").
const (
	MKG     = "https://w3id.org/msckg/ontology#"
	DCTerms = "http://purl.org/dc/terms/"
	BIBO    = "http://purl.org/ontology/bibo/"
	FaBiO   = "http://purl.org/spar/fabio/"
	PRO     = "http://purl.org/spar/pro/"
	CiTO    = "http://purl.org/spar/cito/"
	FOAF    = "http://xmlns.com/foaf/0.1/"
	Schema  = "http://schema.org/"
	PICO    = "http://data.cochrane.org/ontologies/pico/"
	PROV    = "http://www.w3.org/ns/prov#"
	OA      = "http://www.w3.org/ns/oa#"
	SKOS    = "http://www.w3.org/2004/02/skos/core#"
	MeSH    = "http://id.nlm.nih.gov/mesh/"
	RDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS    = "http://www.w3.org/2000/01/rdf-schema#"
	OWL     = "http://www.w3.org/2002/07/owl#"
	XSD     = "http://www.w3.org/2001/XMLSchema#"
)

// Prefixes maps each prefix used in Turtle output to its namespace.
var Prefixes = map[string]string{
	"mkg": MKG, "dcterms": DCTerms, "bibo": BIBO, "fabio": FaBiO, "pro": PRO,
	"cito": CiTO, "foaf": FOAF, "schema": Schema, "pico": PICO, "prov": PROV,
	"oa": OA, "skos": SKOS, "mesh": MeSH, "rdf": RDF, "rdfs": RDFS,
	"owl": OWL, "xsd": XSD,
}

// Project classes (mkg:).
const (
	Paper        = MKG + "Paper"
	Author       = MKG + "Author"
	Authorship   = MKG + "Authorship"
	Journal      = MKG + "Journal"
	Cohort       = MKG + "Cohort"
	Subgroup     = MKG + "Subgroup"
	Intervention = MKG + "Intervention"
	Outcome      = MKG + "Outcome"
	Trial        = MKG + "Trial"
	Evidence     = MKG + "Evidence"
	SourceRecord = MKG + "SourceRecord"
	// StatedFactValue is a fact value a source gives that differs from the asserted one.
	StatedFactValue = MKG + "StatedFactValue"
	// CandidateFact is a reading not asserted: its frame is incomplete or
	// two readings of its number disagree.
	CandidateFact = MKG + "CandidateFact"
)

// Classes of the project's controlled values (mkg:). Their Go names carry
// a Class suffix because the property of the same word (mkg:studyDesign,
// mkg:route, ...) already holds the plain name.
const (
	StudyDesignClass  = MKG + "StudyDesign"
	AgeGroupClass     = MKG + "AgeGroup"
	SexClass          = MKG + "Sex"
	DiseasePhaseClass = MKG + "DiseasePhase"
	RouteClass        = MKG + "Route"
	OutcomeTypeClass  = MKG + "OutcomeType"
	Therapy           = MKG + "Therapy"
	ConditionClass    = MKG + "Condition"
	Tissue            = MKG + "Tissue"
	TrialArm          = MKG + "TrialArm"
	ArmClass          = MKG + "Arm"
	ArmRoleClass      = MKG + "ArmRole"
	PossibleMatch     = MKG + "PossibleMatch"
)

// Trial registration properties (mkg:), from registries such as
// ClinicalTrials.gov.
const (
	Arm                   = MKG + "arm"
	ArmType               = MKG + "armType"
	ArmIntervention       = MKG + "armIntervention"
	TrialStatus           = MKG + "trialStatus"
	TrialPhase            = MKG + "trialPhase"
	TrialStudyType        = MKG + "trialStudyType"
	EnrollmentActual      = MKG + "enrollmentActual"
	EnrollmentAnticipated = MKG + "enrollmentAnticipated"
	ConditionText         = MKG + "conditionText"
	InterventionText      = MKG + "interventionText"
	SponsorName           = MKG + "sponsorName"
	SecondaryID           = MKG + "secondaryId"
	OfficialTitle         = MKG + "officialTitle"
	PlannedStartDate      = MKG + "plannedStartDate"
	PlannedEndDate        = MKG + "plannedEndDate"
)

// Project properties (mkg:).
const (
	AuthorshipProp   = MKG + "authorship"
	Position         = MKG + "position"
	NameAsWritten    = MKG + "nameAsWritten"
	CitationCount    = MKG + "citationCount"
	StudyDesign      = MKG + "studyDesign"
	Studies          = MKG + "studies"
	ReportsTrial     = MKG + "reportsTrial"
	SharesAuthorWith = MKG + "sharesAuthorWith"
	CitesSameTrialAs = MKG + "citesSameTrialAs"
	CoAuthorWith     = MKG + "coAuthorWith"
	PossiblySameAs   = MKG + "possiblySameAs"
	Candidate        = MKG + "candidate"
	MatchedName      = MKG + "matchedName"
	Size             = MKG + "size"
	Condition        = MKG + "condition"
	AgeGroup         = MKG + "ageGroup"
	Age              = MKG + "age"
	DiseaseDuration  = MKG + "diseaseDuration"
	Sex              = MKG + "sex"
	Refractory       = MKG + "refractory"
	DiseasePhase     = MKG + "diseasePhase"
	PriorTherapy     = MKG + "priorTherapy"
	Received         = MKG + "received"
	HasOutcome       = MKG + "hasOutcome"
	HasCandidate     = MKG + "hasCandidate"
	CandidateReason  = MKG + "candidateReason"
	CandidateType    = MKG + "candidateType"
	CandidateValue   = MKG + "candidateValue"
	HasArm           = MKG + "hasArm"
	SubgroupOf       = MKG + "subgroupOf"
	ArmRole          = MKG + "armRole"
	Total            = MKG + "total"
	Agent            = MKG + "agent"
	CellSource       = MKG + "cellSource"
	Route            = MKG + "route"
	Dose             = MKG + "dose"
	Courses          = MKG + "courses"
	Schedule         = MKG + "schedule"
	OutcomeType      = MKG + "outcomeType"
	Patients         = MKG + "patients"
	Value            = MKG + "value"
	Timepoint        = MKG + "timepoint"
	OfIntervention   = MKG + "ofIntervention"
	Median           = MKG + "median"
	Registry         = MKG + "registry"
	EvidenceProp     = MKG + "evidence"
	Field            = MKG + "field"
	Format           = MKG + "format"
	RecordNumber     = MKG + "recordNumber"
	SHA256           = MKG + "sha256"
	PublicationType  = MKG + "publicationType"
	ArticleNumber    = MKG + "articleNumber"
	MeSHMajorTopic   = MKG + "meshMajorTopic"
	GuessedField     = MKG + "guessedField"

	// What a disagreeing source said, kept on its SourceRecord (ONTOLOGY.md, "Merging").
	StatedTitle     = MKG + "statedTitle"
	StatedAbstract  = MKG + "statedAbstract"
	StatedIssued    = MKG + "statedIssued"
	StatedLanguage  = MKG + "statedLanguage"
	StatedVolume    = MKG + "statedVolume"
	StatedIssue     = MKG + "statedIssue"
	StatedPageStart = MKG + "statedPageStart"
	StatedPageEnd   = MKG + "statedPageEnd"
	StatedJournal   = MKG + "statedJournal"
	StatedName      = MKG + "statedName"
	StatedDOI       = MKG + "statedDOI"
	StatedPMID      = MKG + "statedPMID"
	StatedPMCID     = MKG + "statedPMCID"
	StatedAuthor    = MKG + "statedAuthor"

	// A clinical fact's value a disagreeing source gave (graph/reconcile.go).
	StatedFactValueProp = MKG + "statedFactValue"
	StatedFor           = MKG + "statedFor"
	StatedProperty      = MKG + "statedProperty"
)

// Project individuals (mkg:): study designs, categories, outcome types.
const (
	CaseReport       = MKG + "CaseReport"
	CaseSeries       = MKG + "CaseSeries"
	ClinicalTrial    = MKG + "ClinicalTrial"
	CohortStudy      = MKG + "CohortStudy"
	Review           = MKG + "Review"
	SystematicReview = MKG + "SystematicReview"
	OtherDesign      = MKG + "OtherDesign"

	Adults    = MKG + "Adults"
	Children  = MKG + "Children"
	MixedAges = MKG + "MixedAges"
	Female    = MKG + "Female"
	Male      = MKG + "Male"
	MixedSex  = MKG + "MixedSex"

	NewlyDiagnosed = MKG + "NewlyDiagnosed"
	Persistent     = MKG + "Persistent"
	Chronic        = MKG + "Chronic"

	Intravenous     = MKG + "Intravenous"
	Oral            = MKG + "Oral"
	Subcutaneous    = MKG + "Subcutaneous"
	Intraarterial   = MKG + "Intraarterial"
	IntraBoneMarrow = MKG + "IntraBoneMarrow"

	CompleteResponse    = MKG + "CompleteResponse"
	TreatmentArm        = MKG + "TreatmentArm"
	ComparatorArm       = MKG + "ComparatorArm"
	ControlArm          = MKG + "ControlArm"
	OverallResponse     = MKG + "OverallResponse"
	NoResponse          = MKG + "NoResponse"
	PlateletCount       = MKG + "PlateletCount"
	TimeToResponse      = MKG + "TimeToResponse"
	FollowUp            = MKG + "FollowUp"
	AdverseEvents       = MKG + "AdverseEvents"
	SevereAdverseEvents = MKG + "SevereAdverseEvents"
	Survival            = MKG + "Survival"
	OtherOutcome        = MKG + "OtherOutcome"
)

// Project therapy concepts (mkg:) for agents and prior therapies that have
// no verified MeSH descriptor (ONTOLOGY.md, "Verified MeSH descriptors").
const (
	MSC              = MKG + "MSC"
	UmbilicalCordMSC = MKG + "UmbilicalCordMSC"
	BoneMarrowMSC    = MKG + "BoneMarrowMSC"
	AdiposeMSC       = MKG + "AdiposeMSC"
	PlacentaMSC      = MKG + "PlacentaMSC"
	IVIG             = MKG + "IVIG"
	Corticosteroids  = MKG + "Corticosteroids"
	TPORA            = MKG + "TPORA"
	Eltrombopag      = MKG + "Eltrombopag"
	Romiplostim      = MKG + "Romiplostim"
	Splenectomy      = MKG + "Splenectomy"
	HSCT             = MKG + "HSCT"

	Prednisolone                  = MKG + "Prednisolone"
	RecombinantHumanTPO           = MKG + "RecombinantHumanTPO"
	Avatrombopag                  = MKG + "Avatrombopag"
	Hetrombopag                   = MKG + "Hetrombopag"
	Immunosuppressants            = MKG + "Immunosuppressants"
	Danazol                       = MKG + "Danazol"
	Azathioprine                  = MKG + "Azathioprine"
	Vincristine                   = MKG + "Vincristine"
	Mycophenolate                 = MKG + "Mycophenolate"
	Tacrolimus                    = MKG + "Tacrolimus"
	Sirolimus                     = MKG + "Sirolimus"
	PlateletTransfusion           = MKG + "PlateletTransfusion"
	ATG                           = MKG + "ATG"
	Fostamatinib                  = MKG + "Fostamatinib"
	Efgartigimod                  = MKG + "Efgartigimod"
	Rozanolixizumab               = MKG + "Rozanolixizumab"
	Rilzabrutinib                 = MKG + "Rilzabrutinib"
	Decitabine                    = MKG + "Decitabine"
	AllTransRetinoicAcid          = MKG + "AllTransRetinoicAcid"
	Aspirin                       = MKG + "Aspirin"
	Busulfan                      = MKG + "Busulfan"
	Cyclophosphamide              = MKG + "Cyclophosphamide"
	Fludarabine                   = MKG + "Fludarabine"
	Methotrexate                  = MKG + "Methotrexate"
	HelicobacterPyloriEradication = MKG + "HelicobacterPyloriEradication"
	AdiposeDerivedHSC             = MKG + "AdiposeDerivedHSC"
)

// Project condition and tissue concepts (mkg:) without a verified MeSH
// descriptor.
const (
	PoorGraftFunction          = MKG + "PoorGraftFunction"
	Pregnancy                  = MKG + "Pregnancy"
	GraftFailure               = MKG + "GraftFailure"
	AcuteLeukemia              = MKG + "AcuteLeukemia"
	HematologicDisease         = MKG + "HematologicDisease"
	GraftVersusHostDisease     = MKG + "GraftVersusHostDisease"
	HematologicMalignancy      = MKG + "HematologicMalignancy"
	AcuteMyeloidLeukemia       = MKG + "AcuteMyeloidLeukemia"
	ChronicMyeloidLeukemia     = MKG + "ChronicMyeloidLeukemia"
	HodgkinLymphoma            = MKG + "HodgkinLymphoma"
	NonHodgkinLymphoma         = MKG + "NonHodgkinLymphoma"
	MultipleMyeloma            = MKG + "MultipleMyeloma"
	PrimaryMyelofibrosis       = MKG + "PrimaryMyelofibrosis"
	Thalassemia                = MKG + "Thalassemia"
	Neuroblastoma              = MKG + "Neuroblastoma"
	SystemicLupusErythematosus = MKG + "SystemicLupusErythematosus"
	LupusNephritis             = MKG + "LupusNephritis"
	RheumatoidArthritis        = MKG + "RheumatoidArthritis"
	IschemicStroke             = MKG + "IschemicStroke"
	BoneNonunion               = MKG + "BoneNonunion"
	COVID19                    = MKG + "COVID19"
	BoneMarrow                 = MKG + "BoneMarrow"
	AdiposeTissue              = MKG + "AdiposeTissue"
	Placenta                   = MKG + "Placenta"
)

// Terms of other vocabularies.
const (
	RDFType     = RDF + "type"
	RDFSLabel   = RDFS + "label"
	RDFSComment = RDFS + "comment"
	RDFValue    = RDF + "value"
	OWLSameAs   = OWL + "sameAs"

	DCTitle      = DCTerms + "title"
	DCAbstract   = DCTerms + "abstract"
	DCIssued     = DCTerms + "issued"
	DCLanguage   = DCTerms + "language"
	DCIsPartOf   = DCTerms + "isPartOf"
	DCCreator    = DCTerms + "creator"
	DCSubject    = DCTerms + "subject"
	DCIdentifier = DCTerms + "identifier"
	DCSource     = DCTerms + "source"
	DCPublisher  = DCTerms + "publisher"

	BIBODOI        = BIBO + "doi"
	BIBOVolume     = BIBO + "volume"
	BIBOIssue      = BIBO + "issue"
	BIBOPageStart  = BIBO + "pageStart"
	BIBOPageEnd    = BIBO + "pageEnd"
	BIBOShortTitle = BIBO + "shortTitle"
	BIBOISSN       = BIBO + "issn"
	BIBOEISSN      = BIBO + "eissn"

	FaBiOJournalArticle = FaBiO + "JournalArticle"
	FaBiOJournal        = FaBiO + "Journal"
	FaBiOPubMedID       = FaBiO + "hasPubMedId"
	FaBiOPMCID          = FaBiO + "hasPubMedCentralId"

	PRORoleInTime = PRO + "RoleInTime"
	PROWithRole   = PRO + "withRole"
	PROAuthor     = PRO + "author"
	PROIsHeldBy   = PRO + "isHeldBy"

	CiTOCites = CiTO + "cites"

	FOAFPerson       = FOAF + "Person"
	FOAFOrganization = FOAF + "Organization"
	FOAFName         = FOAF + "name"
	FOAFFamilyName   = FOAF + "familyName"
	FOAFGivenName    = FOAF + "givenName"

	SchemaScholarlyArticle  = Schema + "ScholarlyArticle"
	SchemaPerson            = Schema + "Person"
	SchemaOrganization      = Schema + "Organization"
	SchemaPeriodical        = Schema + "Periodical"
	SchemaMedicalTrial      = Schema + "MedicalTrial"
	SchemaQuantitativeValue = Schema + "QuantitativeValue"
	SchemaKeywords          = Schema + "keywords"
	SchemaURL               = Schema + "url"
	SchemaAffiliation       = Schema + "affiliation"
	SchemaValue             = Schema + "value"
	SchemaMinValue          = Schema + "minValue"
	SchemaMaxValue          = Schema + "maxValue"
	SchemaUnitCode          = Schema + "unitCode"
	SchemaUnitText          = Schema + "unitText"
	SchemaStartDate         = Schema + "startDate"
	SchemaEndDate           = Schema + "endDate"

	PICOPopulation   = PICO + "Population"
	PICOIntervention = PICO + "Intervention"
	PICOOutcome      = PICO + "Outcome"

	PROVEntity         = PROV + "Entity"
	PROVWasDerivedFrom = PROV + "wasDerivedFrom"

	OATextQuoteSelector    = OA + "TextQuoteSelector"
	OATextPositionSelector = OA + "TextPositionSelector"
	OAExact                = OA + "exact"
	OAStart                = OA + "start"
	OAEnd                  = OA + "end"
	OAHasSource            = OA + "hasSource"

	SKOSConcept    = SKOS + "Concept"
	SKOSPrefLabel  = SKOS + "prefLabel"
	SKOSAltLabel   = SKOS + "altLabel"
	SKOSBroader    = SKOS + "broader"
	SKOSCloseMatch = SKOS + "closeMatch"
	SKOSNotation   = SKOS + "notation"

	XSDString     = XSD + "string"
	XSDInteger    = XSD + "integer"
	XSDDecimal    = XSD + "decimal"
	XSDBoolean    = XSD + "boolean"
	XSDDate       = XSD + "date"
	XSDGYearMonth = XSD + "gYearMonth"
	XSDGYear      = XSD + "gYear"
)
