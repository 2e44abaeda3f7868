package evidence

import (
	"strings"
	"testing"
)

// chenURL is the page the sentences below come from: Chen et al. 2024,
// phase I trial of UC-MSCs in refractory ITP (NCT04014166), as stored by
// http://globalauthorid.com/WebPortal/ArticleView?wd=93103F9A6CEDFA8138FF8C29E8E703C1C013642247C3F3B8BF8B42DDBF9189AE
const chenCohort = "This prospective phase I trial enrolled eighteen eligible patients to explore the safety and efficacy of UC-MSCs in treating refractory ITP. "

// TestTwoReadingsMustAgree: a share given as a fraction and as a
// percentage is asserted only when both say the same; a mismatch (here a
// transposed digit) becomes a candidate with the reason.
func TestTwoReadingsMustAgree(t *testing.T) {
	for _, c := range []struct {
		name, sentence string
		asserted       bool
		reason         string
	}{
		{"agree", "The overall response rate was 44.4% (8/18) among all enrolled patients.", true, ""},
		{"disagree", "The overall response rate was 48.4% (8/18) among all enrolled patients.", false, "8/18 is 44.4%, but the text gives 48.4%"},
		{"two quantities", "Thirteen patients (13/18, 72.2%) experienced one or more treatment emergent adverse events.", true, ""},
		{"two quantities disagree", "Thirteen patients (13/18, 27.2%) experienced one or more treatment emergent adverse events.", false, "13/18 is 72.2%, but the text gives 27.2%"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := Input{Abstract: chenCohort + c.sentence}
			f := extractInput(t, in)
			got := false
			for _, o := range f.Outcomes {
				got = got || (o.Value != nil && o.Value.Unit == "%")
			}
			if got != c.asserted {
				t.Fatalf("asserted %v, want %v\n%s", got, c.asserted, explainText(f))
			}
			if c.reason == "" {
				return
			}
			if !hasCandidate(f, c.reason) {
				t.Errorf("no candidate with reason %q: %+v", c.reason, f.Candidates)
			}
		})
	}
}

// TestSideBySideNotTheCohorts: "86.6% vs. 75.0%" are two groups' values;
// read for the whole cohort it would be wrong, so it is a candidate.
// "86.6% vs. 75.0%" is the form issue 10 quotes from an unseen record;
// the sentence around it is written for the test.
func TestSideBySideNotTheCohorts(t *testing.T) {
	f := extractChecked(t, "Forty-eight patients with severe aplastic anemia received haploidentical transplantation with MSCs. "+
		"The 2-year overall survival was 86.6% vs. 75.0% in the MSC and control groups.")
	noOutcome(t, f, "asserted for the whole cohort", func(o Outcome) bool { return o.Value != nil })
	if !hasCandidate(f, "side by side") {
		t.Errorf("no side-by-side candidate: %+v", f.Candidates)
	}
}

// TestUnreadNumbersAreCandidates: the numbers of an outcome sentence that
// no rule reads are kept with the reason, with their words.
func TestUnreadNumbersAreCandidates(t *testing.T) {
	in := Input{Abstract: chenCohort + "Serious adverse events occurred in four patients (4/18, 22.2%), including gastrointestinal hemorrhage (2/4), profuse menstruation (1/4), and acute myocardial infarction (1/4)."}
	f := extractInput(t, in)
	for _, c := range f.Candidates {
		if c.Reason == "" || len(c.Spans) == 0 || c.Spans[0].Text == "" {
			t.Errorf("candidate without reason or words: %+v", c)
		}
	}
	if !hasCandidate(f, "fraction in a sentence about outcomes") {
		t.Errorf("the fractions 2/4, 1/4 are not candidates: %+v\n%s", f.Candidates, explainText(f))
	}
}

// extractChecked extracts an abstract and checks every span.
func extractChecked(t *testing.T, abstract string) Facts {
	t.Helper()
	return extractInput(t, Input{Abstract: abstract})
}

// extractInput extracts facts from in and checks that every span they
// cite is the text it names.
func extractInput(t *testing.T, in Input) Facts {
	t.Helper()
	f := Extract(in)
	checkSpans(t, in, f)
	return f
}

// noOutcome fails for each outcome bad says must not be asserted.
func noOutcome(t *testing.T, f Facts, why string, bad func(Outcome) bool) {
	t.Helper()
	for _, o := range f.Outcomes {
		if bad(o) {
			t.Errorf("outcome %s %+v %s", o.Type, o.Value, why)
		}
	}
}

func hasCandidate(f Facts, reason string) bool {
	for _, c := range f.Candidates {
		if strings.Contains(c.Reason, reason) {
			return true
		}
	}
	return false
}
