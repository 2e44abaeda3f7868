package labelledpage

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
)

// pageRegistration is what a page's registry labels said.
type pageRegistration struct {
	id       string // from a registry-id label ("ClinicalTrials.gov Identifier: NCT…")
	official string
	fields   int // registration fields seen (status, type, phase, enrolment, eligibility, …)
}

// registryNames maps an id's prefix to its registry.
var registryNames = []struct{ prefix, name string }{
	{"NCT", "ClinicalTrials.gov"}, {"ChiCTR", "ChiCTR"}, {"ISRCTN", "ISRCTN"}, {"ACTRN", "ANZCTR"},
	{"DRKS", "DRKS"}, {"UMIN", "UMIN-CTR"}, {"jRCT", "jRCT"}, {"CTRI", "CTRI"}, {"KCT", "CRiS"},
	{"IRCT", "IRCT"}, {"PACTR", "PACTR"}, {"TCTR", "TCTR"}, {"ITMCTR", "ITMCTR"},
}

func registryOf(id string) string {
	for _, r := range registryNames {
		if strings.HasPrefix(id, r.prefix) {
			return r.name
		}
	}
	if len(id) == 14 && id[4] == '-' && id[11] == '-' {
		return "EU Clinical Trials Register"
	}
	return ""
}

// pageTrial makes a page a trial registration when it names the trial's
// registry id by a registry label (or its address is the registry's page
// of that trial) and prints at least two of the fields only a
// registration has (recruitment status, study type, phase, enrolment,
// eligibility, sponsor, conditions, registration dates). A paper citing
// its trial ("Trial registration: NCT…") has the id but not the fields.
func pageTrial(reg pageRegistration, addressTrial string, rec *mappings.Record) *mappings.TrialRecord {
	id := reg.id
	if id == "" {
		id = addressTrial
	}
	if id == "" || reg.fields < 2 {
		return nil
	}
	// Status, study type and phase are counted but not kept: a copied page
	// prints them in the site's words and as of the day it was copied, and
	// beside the registry's own record of the same trial they would state
	// a second status (the ontology allows one).
	tr := &mappings.TrialRecord{ID: id, Registry: registryOf(id), Title: rec.Title, OfficialTitle: reg.official}
	if len(rec.URLs) > 0 {
		tr.URL = rec.URLs[0]
	}
	for _, other := range rec.TrialIDs {
		if other != id {
			tr.SecondaryIDs = append(tr.SecondaryIDs, other)
		}
	}
	if !slices.Contains(rec.TrialIDs, id) {
		rec.TrialIDs = append([]string{id}, rec.TrialIDs...)
	}
	return tr
}

// registrationHeading returns the heading a registration page prints as
// its first line, the trial's brief title, or "". Title-cased throughout
// ("The International ITP Registry"), it has no small word, which
// titleLike asks of a line elsewhere (it keeps menus out); on a page whose
// registry id is labelled, a first line of three words or more that is no
// label and no furniture is the trial's name.
func registrationHeading(lines []pageLine, reg pageRegistration, limit int) string {
	i := nextText(lines, 0, limit)
	if reg.id == "" || i >= limit || !pageText(lines[i]) || lines[i].bullet {
		return ""
	}
	t := titleText(lines[i].text)
	words := strings.Fields(t)
	if len(words) < 3 || len(words) > 30 || navigationBar(words) || titleLike(t) || strings.HasSuffix(t, ":") {
		return "" // a title-like first line was already taken or refused for its own reasons
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return ""
		}
	}
	return t
}
