// Package ctgov reads ClinicalTrials.gov API v2 studies as trial
// registrations: one study, or the {"studies": [...]} of a search.
package ctgov

import (
	"errors"
	"regexp"
	"slices"
	"strings"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
		Name:  "ctgov-json",
		Rank:  42,
		Title: "ClinicalTrials.gov API v2 JSON (one study, or {\"studies\": […]} from a search)",
		Reads: "NCT id, secondary registry ids, brief and official title, overall status, phases, study type, conditions, keywords, " +
			"arms, interventions, enrollment (actual or anticipated, never mixed), start and completion dates with their type, " +
			"lead sponsor, brief summary, listed publications (PMID, DOI, type)",
		Example: `{"protocolSection":{"identificationModule":{"nctId":"NCT04014166","briefTitle":"hUC-MSCs for refractory ITP"},` +
			`"designModule":{"enrollmentInfo":{"count":15,"type":"ESTIMATED"}}}}`,
		Sniff: sniffCTGov,
		Read:  readCTGov,
	})
}

// sniffCTGov claims JSON that carries the v2 "protocolSection". The
// wrapper of a search answer ("studies", "nextPageToken") alone is not
// enough: other APIs use the same words.
func sniffCTGov(head []byte) int {
	head, ok := mappings.JSONSniffHead(head)
	if !ok {
		return 0
	}
	protocol := ctgovProtocolKey.Match(head)
	switch {
	case protocol && ctgovIdentKey.Match(head):
		return 95
	case protocol:
		return 85
	case ctgovStudiesKey.Match(head) && ctgovNCTKey.Match(head):
		return 80
	}
	return 0
}

// The sniffer looks for these names as object keys, not as values.
var (
	ctgovProtocolKey = regexp.MustCompile(`"protocolSection"\s*:`)
	ctgovIdentKey    = regexp.MustCompile(`"identificationModule"\s*:`)
	ctgovStudiesKey  = regexp.MustCompile(`"studies"\s*:`)
	ctgovNCTKey      = regexp.MustCompile(`"nctId"\s*:`)
)

// A search answer streams its studies one by one; a bare study object
// (GET /api/v2/studies/{nctId}) or a bare array of them is read too.
var ctgovWrappers = []mappings.JSONWrapper{{Path: []string{"studies"}}}

// errNoStudyID: a study with neither NCT id nor title cannot be told
// apart from any other, so it is refused rather than kept empty.
var errNoStudyID = errors.New("study has no NCT id and no title")

var readCTGov = mappings.ReadJSONFormat("ctgov-json", ctgovWrappers, func(s *ctgovStudy) (mappings.Record, error) {
	rec, ok := s.record()
	if !ok {
		return mappings.Record{}, errNoStudyID
	}
	return rec, nil
})

// ctgovStudy holds the parts of a v2 study the graph uses. Every module
// is optional: the API leaves out what the sponsor never entered.
type ctgovStudy struct {
	Protocol struct {
		Identification struct {
			NCTID          string `json:"nctId"`
			BriefTitle     string `json:"briefTitle"`
			OfficialTitle  string `json:"officialTitle"`
			SecondaryInfos []struct {
				ID     mappings.FlexString `json:"id"`
				Type   string              `json:"type"`
				Domain string              `json:"domain"`
			} `json:"secondaryIdInfos"`
		} `json:"identificationModule"`
		Status struct {
			OverallStatus string          `json:"overallStatus"`
			Start         ctgovDateStruct `json:"startDateStruct"`
			Completion    ctgovDateStruct `json:"completionDateStruct"`
		} `json:"statusModule"`
		Sponsors struct {
			Lead struct {
				Name string `json:"name"`
			} `json:"leadSponsor"`
		} `json:"sponsorCollaboratorsModule"`
		Description struct {
			BriefSummary string `json:"briefSummary"`
		} `json:"descriptionModule"`
		Conditions struct {
			Conditions []string `json:"conditions"`
			Keywords   []string `json:"keywords"`
		} `json:"conditionsModule"`
		Design struct {
			StudyType  string   `json:"studyType"`
			Phases     []string `json:"phases"`
			Enrollment struct {
				Count mappings.FlexInt `json:"count"`
				Type  string           `json:"type"`
			} `json:"enrollmentInfo"`
		} `json:"designModule"`
		Arms struct {
			Groups []struct {
				Label             string   `json:"label"`
				Type              string   `json:"type"`
				Description       string   `json:"description"`
				InterventionNames []string `json:"interventionNames"`
			} `json:"armGroups"`
			Interventions []struct {
				Type        string `json:"type"`
				Name        string `json:"name"`
				Description string `json:"description"`
			} `json:"interventions"`
		} `json:"armsInterventionsModule"`
		References struct {
			References []struct {
				PMID     mappings.FlexString `json:"pmid"`
				Type     string              `json:"type"`
				Citation string              `json:"citation"`
			} `json:"references"`
		} `json:"referencesModule"`
	} `json:"protocolSection"`
}

// ctgovDateStruct is a registry date: "2019-03" or "2019-03-15", ACTUAL
// or ESTIMATED (older records say ANTICIPATED).
type ctgovDateStruct struct {
	Date string `json:"date"`
	Type string `json:"type"`
}

func (d ctgovDateStruct) parse() (mappings.Date, string) {
	date, ok := mappings.ParseDate(d.Date)
	if !ok {
		return mappings.Date{}, ""
	}
	return date, strings.ToUpper(mappings.CleanText(d.Type))
}

func (s *ctgovStudy) record() (mappings.Record, bool) {
	p := &s.Protocol
	id := strings.ToUpper(mappings.CleanText(p.Identification.NCTID))
	tr := &mappings.TrialRecord{
		ID:            id,
		Registry:      "ClinicalTrials.gov",
		Title:         mappings.CleanText(p.Identification.BriefTitle),
		OfficialTitle: mappings.CleanText(p.Identification.OfficialTitle),
		Status:        mappings.CleanText(p.Status.OverallStatus),
		StudyType:     mappings.CleanText(p.Design.StudyType),
		Sponsor:       mappings.CleanText(p.Sponsors.Lead.Name),
		Phases:        cleanList(p.Design.Phases),
		Conditions:    cleanList(p.Conditions.Conditions),
	}
	if id == "" && tr.Title == "" && tr.OfficialTitle == "" {
		return mappings.Record{}, false
	}
	if id != "" {
		tr.URL = "https://clinicaltrials.gov/study/" + id
	}
	for _, s := range p.Identification.SecondaryInfos {
		if v := registryID(string(s.ID)); v != "" && !slices.Contains(tr.SecondaryIDs, v) && v != id {
			tr.SecondaryIDs = append(tr.SecondaryIDs, v)
		}
	}
	tr.StartDate, tr.StartDateType = p.Status.Start.parse()
	tr.CompletionDate, tr.CompletionDateType = p.Status.Completion.parse()
	// Actual and anticipated enrollment are different facts: a count of
	// unknown type goes into neither.
	if n := p.Design.Enrollment.Count.V; n != nil && *n >= 0 {
		switch strings.ToUpper(mappings.CleanText(p.Design.Enrollment.Type)) {
		case "ACTUAL":
			tr.EnrollmentActual = n
		case "ESTIMATED", "ANTICIPATED":
			tr.EnrollmentAnticipated = n
		}
	}
	for _, iv := range p.Arms.Interventions {
		tr.Interventions = append(tr.Interventions, mappings.TrialIntervention{
			Type: mappings.CleanText(iv.Type), Name: mappings.CleanText(iv.Name), Description: mappings.CleanText(iv.Description),
		})
	}
	for _, g := range p.Arms.Groups {
		tr.Arms = append(tr.Arms, mappings.TrialArm{
			Label: mappings.CleanText(g.Label), Type: mappings.CleanText(g.Type), Description: mappings.CleanText(g.Description),
			Interventions: cleanList(g.InterventionNames),
		})
	}
	for _, ref := range p.References.References {
		r := mappings.Reference{
			PMID: mappings.NormalizePMID(string(ref.PMID)),
			Type: strings.ToUpper(mappings.CleanText(ref.Type)),
			Text: mappings.CleanText(ref.Citation),
			DOI:  doiInText(ref.Citation),
		}
		if r.PMID != "" || r.DOI != "" || r.Text != "" {
			tr.References = append(tr.References, r)
		}
	}
	rec := mappings.Record{
		Title:    tr.Title,
		Abstract: mappings.AbstractFrom(p.Description.BriefSummary),
		Keywords: cleanList(p.Conditions.Keywords),
		Trial:    tr,
	}
	if rec.Title == "" {
		rec.Title = tr.OfficialTitle
	}
	if id != "" {
		rec.TrialIDs = append(rec.TrialIDs, id)
		rec.URLs = append(rec.URLs, tr.URL)
	}
	rec.TrialIDs = append(rec.TrialIDs, tr.SecondaryIDs...)
	return rec, true
}

// registryIDPatterns recognise ids of the WHO primary registries and
// EudraCT/CTIS; a sponsor's protocol number or a grant number is not a
// registry id of the trial.
var registryIDPatterns = []*regexp.Regexp{
	regexp.MustCompile(`^NCT\d{8}$`),
	regexp.MustCompile(`^ChiCTR[-A-Z0-9]{6,}$`),
	regexp.MustCompile(`^ISRCTN\d{8}$`),
	regexp.MustCompile(`^ACTRN\d{14}$`),
	regexp.MustCompile(`^(?:EudraCT[ :]*)?(\d{4}-\d{6}-\d{2})$`),
	regexp.MustCompile(`^\d{4}-\d{6}-\d{2}-\d{2}$`), // CTIS
	regexp.MustCompile(`^JPRN-[A-Za-z]+\d+$`),
	regexp.MustCompile(`^jRCT[a-z]?\d{7,}$`),
	regexp.MustCompile(`^UMIN\d{9}$`),
	regexp.MustCompile(`^CTRI/\d{4}/\d{2,3}/\d{6}$`),
	regexp.MustCompile(`^DRKS\d{8}$`),
	regexp.MustCompile(`^KCT\d{7}$`),
	regexp.MustCompile(`^IRCT\d+N\d+$`),
	regexp.MustCompile(`^(?:NTR|NL)\d{3,}$`),
	regexp.MustCompile(`^PACTR\d{15}$`),
	regexp.MustCompile(`^TCTR\d{11}$`),
}

// registryID returns id when it is a trial registry id (by its shape,
// whatever type the sponsor gave it), and "" otherwise.
func registryID(id string) string {
	id = mappings.CleanText(id)
	for _, p := range registryIDPatterns {
		if m := p.FindStringSubmatch(id); m != nil {
			if len(m) > 1 && m[1] != "" {
				return m[1] // the bare EudraCT number
			}
			return id
		}
	}
	return ""
}

var doiInTextPattern = regexp.MustCompile(`(?i)(?:^|[^0-9a-z.])(10\.\d{4,9}/[^\s"<>]+)`)

// doiInText returns the first DOI printed in a citation or "".
func doiInText(s string) string {
	m := doiInTextPattern.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return mappings.NormalizeDOI(m[1])
}

func cleanList(in []string) []string {
	var out []string
	for _, s := range in {
		if s = mappings.CleanText(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
