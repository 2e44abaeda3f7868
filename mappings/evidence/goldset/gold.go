// Package goldset scores what msckg reads from real records against hand
// annotations: the team's own gold abstracts (testdata/gold/*.json) and the
// unseen set of stored pages (testdata/gold/unseen). It reads files, which
// the extractor in mappings/evidence must not; see testdata/gold/README.md.
package goldset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// GoldDoc is one hand-annotated abstract from testdata/gold: the text as
// published and the facts a clinician read from it. The schema is described
// in testdata/gold/README.md.
type GoldDoc struct {
	ID       string    `json:"id"`
	DOI      string    `json:"doi"`
	PMID     string    `json:"pmid"`
	Source   string    `json:"source"`
	Title    string    `json:"title"`
	Abstract string    `json:"abstract"`
	Facts    GoldFacts `json:"facts"`

	File string `json:"-"` // the file it was loaded from
}

// GoldFacts mirrors Facts with short names and CURIEs instead of IRIs, so a
// domain expert can read and edit the file.
type GoldFacts struct {
	Design        *string            `json:"design"`
	Cohorts       []GoldCohort       `json:"cohorts"`
	Interventions []GoldIntervention `json:"interventions"`
	Outcomes      []GoldOutcome      `json:"outcomes"`
	Trials        []string           `json:"trials"`
	Subgroups     []GoldSubgroup     `json:"subgroups,omitempty"`
}

// GoldSubgroup is a part of one of the cohorts that the text counts and
// says something more about ("Three patients received the second
// hUC-MSC transplantation with the same dose"). Its patients are already
// counted in the parent cohort. It is scored like a cohort, and its
// interventions (the further administrations only it received) like
// interventions.
type GoldSubgroup struct {
	Of int `json:"of"` // index of the parent in GoldFacts.Cohorts
	GoldCohort
	Interventions []GoldIntervention `json:"interventions"`
}

// GoldCohort is a cohort as annotated. Pointers and empty strings mean
// "the abstract does not say".
type GoldCohort struct {
	Size           *int          `json:"size"`
	AgeGroup       *string       `json:"ageGroup"`
	Sex            *string       `json:"sex"`
	Age            *GoldQuantity `json:"age"`
	Conditions     []string      `json:"conditions"`
	Refractory     *bool         `json:"refractory"`
	DiseasePhase   *string       `json:"diseasePhase"`
	PriorTherapies []string      `json:"priorTherapies"`
}

// GoldIntervention is a treatment the study's patients received.
type GoldIntervention struct {
	Agent   string        `json:"agent"`
	Route   *string       `json:"route"`
	Dose    *GoldQuantity `json:"dose"`
	Courses *int          `json:"courses"`
}

// GoldOutcome is one measured result.
type GoldOutcome struct {
	Type      string        `json:"type"`
	Patients  *int          `json:"patients"`
	Value     *GoldQuantity `json:"value"`
	Timepoint *GoldQuantity `json:"timepoint"`
}

// GoldQuantity holds canonical decimal strings and a UCUM unit.
type GoldQuantity struct {
	Value  string `json:"value,omitempty"`
	Min    string `json:"min,omitempty"`
	Max    string `json:"max,omitempty"`
	Median string `json:"median,omitempty"`
	Unit   string `json:"unit"`
}

// Vocabularies the gold files may use. Anything else is a typo, and a typo
// in the gold standard silently corrupts every score computed from it.
var (
	goldDesigns = nameSet("CaseReport", "CaseSeries", "ClinicalTrial", "CohortStudy",
		"Review", "SystematicReview", "OtherDesign")
	goldAgeGroups = nameSet("Adults", "Children", "MixedAges")
	goldSexes     = nameSet("Female", "Male", "MixedSex")
	goldPhases    = nameSet("NewlyDiagnosed", "Persistent", "Chronic")
	goldRoutes    = nameSet("Intravenous", "Intraosseous", "Subcutaneous", "Intraarterial")
	goldOutcomes  = nameSet("CompleteResponse", "OverallResponse", "NoResponse",
		"PlateletCount", "TimeToResponse", "FollowUp", "AdverseEvents",
		"SevereAdverseEvents", "Survival", "OtherOutcome")
	goldUnits = nameSet("10*9/L", "{cells}", "{cells}/kg", "{cells}/d", "{cells}/L",
		"d", "wk", "mo", "a", "%")
	// Only descriptors verified against MeSH (ONTOLOGY.md); anything else
	// must be minted as an mkg: concept instead.
	verifiedMeSH = nameSet("D016553", "D013921", "D045164", "D014470", "D000069283",
		"D016572", "D008775", "D003907", "D011241", "D011695", "D008103",
		"D000741", "D005776")
)

var (
	canonicalDecimal = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$`)
	mkgCURIE         = regexp.MustCompile(`^mkg:[A-Z][A-Za-z0-9]*$`)
	meshCURIE        = regexp.MustCompile(`^mesh:(D[0-9]{6,9})$`)
	trialID          = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9-]*[0-9]|[0-9]{4}-[0-9]{6}-[0-9]{2})$`) // registry ids; EudraCT numbers start with a year
)

func nameSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// LoadGold reads every *.json file in dir, in name order, and validates it.
// A broken file is an error naming the file and the field.
func LoadGold(dir string) ([]GoldDoc, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("gold: listing %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("gold: no *.json files in %s", dir)
	}
	sort.Strings(paths)
	docs := make([]GoldDoc, 0, len(paths))
	ids := make(map[string]string)
	for _, p := range paths {
		doc, err := readGold(p)
		if err != nil {
			return nil, err
		}
		if prev, dup := ids[doc.ID]; dup {
			return nil, fmt.Errorf("gold: %s: id %q already used by %s", p, doc.ID, prev)
		}
		ids[doc.ID] = p
		docs = append(docs, doc)
	}
	return docs, nil
}

func readGold(path string) (GoldDoc, error) {
	var doc GoldDoc
	if err := decodeStrict(path, &doc); err != nil {
		return doc, fmt.Errorf("gold: %w", err)
	}
	if err := doc.validate(); err != nil {
		return doc, fmt.Errorf("gold: %s: %w", path, err)
	}
	if stem := strings.TrimSuffix(filepath.Base(path), ".json"); stem != doc.ID {
		return doc, fmt.Errorf("gold: %s: id %q does not match the file name", path, doc.ID)
	}
	doc.File = path
	return doc, nil
}

// decodeStrict reads one JSON object from path into v; an unknown key or
// trailing data is an error naming the file.
func decodeStrict(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields() // a misspelt key must not vanish silently
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if dec.More() {
		return fmt.Errorf("%s: trailing data after the JSON object", path)
	}
	return nil
}

// validate checks one document against the schema and vocabularies.
func (d *GoldDoc) validate() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if d.ID == "" {
		bad("id is empty")
	}
	if strings.TrimSpace(d.Abstract) == "" {
		bad("abstract is empty")
	}
	if d.Source == "" {
		bad("source is empty: say where the text was copied from")
	}
	errs = append(errs, checkFacts(d.Facts)...)
	return errors.Join(errs...)
}

// checkFacts checks an annotation's facts against the vocabularies; both
// gold sets share it.
func checkFacts(f GoldFacts) []error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if f.Design != nil && !goldDesigns[*f.Design] {
		bad("facts.design: unknown design %q", *f.Design)
	}
	for i, c := range f.Cohorts {
		checkCohort(&errs, fmt.Sprintf("facts.cohorts[%d]", i), c)
	}
	for i, iv := range f.Interventions {
		checkIntervention(&errs, fmt.Sprintf("facts.interventions[%d]", i), iv)
	}
	for i, g := range f.Subgroups {
		at := fmt.Sprintf("facts.subgroups[%d]", i)
		if g.Of < 0 || g.Of >= len(f.Cohorts) {
			bad("%s.of: %d is not the index of a cohort", at, g.Of)
		} else if p := f.Cohorts[g.Of].Size; p != nil && g.Size != nil && *g.Size >= *p {
			bad("%s.size: %d is not a part of the %d patients of cohort %d", at, *g.Size, *p, g.Of)
		}
		checkCohort(&errs, at, g.GoldCohort)
		for j, iv := range g.Interventions {
			checkIntervention(&errs, fmt.Sprintf("%s.interventions[%d]", at, j), iv)
		}
	}
	for i, o := range f.Outcomes {
		at := fmt.Sprintf("facts.outcomes[%d]", i)
		if !goldOutcomes[o.Type] {
			bad("%s.type: unknown outcome type %q", at, o.Type)
		}
		if o.Patients != nil && *o.Patients < 0 {
			bad("%s.patients: %d is negative", at, *o.Patients)
		}
		checkQuantity(&errs, at+".value", o.Value)
		checkQuantity(&errs, at+".timepoint", o.Timepoint)
	}
	for i, t := range f.Trials {
		if !trialID.MatchString(t) {
			bad("facts.trials[%d]: %q is not a registry id", i, t)
		}
	}
	return errs
}

func checkCohort(errs *[]error, at string, c GoldCohort) {
	if c.Size != nil && *c.Size <= 0 {
		*errs = append(*errs, fmt.Errorf("%s.size: %d is not a patient count", at, *c.Size))
	}
	checkEnum(errs, at+".ageGroup", c.AgeGroup, goldAgeGroups)
	checkEnum(errs, at+".sex", c.Sex, goldSexes)
	checkEnum(errs, at+".diseasePhase", c.DiseasePhase, goldPhases)
	checkQuantity(errs, at+".age", c.Age)
	for j, k := range c.Conditions {
		checkConcept(errs, fmt.Sprintf("%s.conditions[%d]", at, j), k)
	}
	for j, k := range c.PriorTherapies {
		checkConcept(errs, fmt.Sprintf("%s.priorTherapies[%d]", at, j), k)
	}
}

func checkIntervention(errs *[]error, at string, iv GoldIntervention) {
	checkConcept(errs, at+".agent", iv.Agent)
	checkEnum(errs, at+".route", iv.Route, goldRoutes)
	checkQuantity(errs, at+".dose", iv.Dose)
	if iv.Courses != nil && *iv.Courses <= 0 {
		*errs = append(*errs, fmt.Errorf("%s.courses: %d is not a count", at, *iv.Courses))
	}
}

func checkEnum(errs *[]error, at string, v *string, allowed map[string]bool) {
	if v != nil && !allowed[*v] {
		*errs = append(*errs, fmt.Errorf("%s: unknown value %q", at, *v))
	}
}

func checkConcept(errs *[]error, at, curie string) {
	if mkgCURIE.MatchString(curie) {
		return
	}
	if m := meshCURIE.FindStringSubmatch(curie); m != nil {
		if !verifiedMeSH[m[1]] {
			*errs = append(*errs, fmt.Errorf("%s: MeSH %s is not in the verified list; mint an mkg: concept", at, m[1]))
		}
		return
	}
	*errs = append(*errs, fmt.Errorf("%s: %q is neither mesh:D… nor mkg:Name", at, curie))
}

func checkQuantity(errs *[]error, at string, q *GoldQuantity) {
	if q == nil {
		return
	}
	parts := []struct{ name, v string }{
		{"value", q.Value}, {"min", q.Min}, {"max", q.Max}, {"median", q.Median},
	}
	n := 0
	for _, p := range parts {
		if p.v == "" {
			continue
		}
		n++
		if !canonicalDecimal.MatchString(p.v) {
			*errs = append(*errs, fmt.Errorf("%s.%s: %q is not a canonical decimal", at, p.name, p.v))
		}
	}
	if n == 0 {
		*errs = append(*errs, fmt.Errorf("%s: no value, min, max or median", at))
	}
	if !goldUnits[q.Unit] {
		*errs = append(*errs, fmt.Errorf("%s.unit: unknown unit %q", at, q.Unit))
	}
}
