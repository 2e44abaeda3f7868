package evidence

import "github.com/msckg/msckg/ontology"

// extraction is the state of one Extract call: the prepared fields and
// what the frames have read so far.
type extraction struct {
	r     *rules
	title *field
	abs   *field
	size  int // the cohort size, once known, for "all patients"
	arms  []*arm
	// registered: the record names a registry id of its study.
	registered bool
	// parts is how many subgroups of the cohort the text counts.
	parts int
	// outcomeArm maps an index of the outcomes to the key of the arm it
	// was reported for.
	outcomeArm map[int]string
	// candidates are the readings not asserted (see Candidate).
	candidates []Candidate
	// sentCandidates is len(candidates) when the current sentence began.
	sentCandidates int
}

// Extract reads the facts of one record. It is deterministic and never
// fails: a record the rules cannot read yields fewer facts, not an error.
// Every fact carries the rule that produced it and spans on the words it
// was read from.
func Extract(in Input) Facts {
	r, err := loadRules()
	if err != nil {
		// The lexicon is embedded and tested; without it there are no facts.
		return Facts{Trials: trialMentions(in)}
	}
	x := &extraction{
		r:     r,
		title: newField(r, FieldTitle, in.Title, nil),
		abs:   newField(r, FieldAbstract, in.Abstract, in.Sections),
	}
	fields := []*field{x.abs, x.title}
	g := learnAbbreviations(r, fields)
	for _, f := range fields {
		f.Mentions = matchLexicon(r, f, g)
		f.Ctx = classify(r, f, f.Mentions)
		f.Quantities = FindQuantities(f.Text, f.Name)
	}
	var facts Facts
	d := x.design(nil)
	if d != nil && (d.IRI == ontology.Review || d.IRI == ontology.SystematicReview) {
		// A review reports on other studies' patients, not its own.
		facts.Design = d
		facts.Trials = trialMentions(in)
		return facts
	}
	// A disease or a product the text names is a fact about patients only
	// when the record has patients of its own (see ownPatients); otherwise
	// it is a candidate (a chapter title, a review not called one, a mouse
	// model).
	trials := x.ownTrials(trialMentions(in))
	x.registered = len(trials) > 0 || in.Registration
	designed := (d != nil && ownPatientsDesign[d.IRI]) || len(trials) > 0
	// A registration's conditions are its patients'; its products are
	// still read only where the text gives them to patients (measured:
	// taking every product a registration names added a wrong agent on
	// the locked set).
	study := designed || in.Registration || x.aimNamesPatients()
	c, hasCohort := x.cohort()
	if hasCohort && c.Size == 0 && !study && !x.ownPatients() {
		x.demoteCohort(c)
		c, hasCohort = Cohort{}, false
	}
	// A product is given to somebody: to the counted cohort, to the
	// patients of a study the text names as such, or to patients named in
	// the sentence that names the product.
	var counted *Cohort
	if hasCohort {
		counted = &c
	}
	facts.Interventions = x.interventions(counted)
	// An aim that names patients but no treatment ("we aimed to
	// characterize BM-MSCs from ITP patients") does not say the product
	// was given: a laboratory study of the patients' own cells has one too.
	if c.Size == 0 && !designed && !x.aimGivesPatients() {
		facts.Interventions = x.keepGiven(facts.Interventions)
	}
	nIv := len(facts.Interventions)
	var subs []Cohort
	if hasCohort {
		x.dropOwnTreatment(&c, facts.Interventions)
		for i := range facts.Interventions {
			c.Interventions = append(c.Interventions, i)
		}
		subs = x.subgroups(&c, &facts.Interventions)
		x.arms = x.findArms(&c, subs, facts.Interventions)
	}
	x.size, x.parts = c.Size, len(subs)
	facts.Outcomes = x.outcomes(nIv)
	if hasCohort {
		cohorts := append([]Cohort{c}, subs...)
		for i := range subs {
			cohorts[1+i].Part, cohorts[1+i].Parent = PartSubgroup, 0
		}
		cohorts = x.armCohorts(x.arms, c, cohorts, x.outcomeArm)
		armAt := map[string]int{}
		for _, a := range x.arms {
			if a.cohort > 0 {
				armAt[a.key] = a.cohort
			}
		}
		for i := range facts.Outcomes {
			if k, ok := armAt[x.outcomeArm[i]]; ok {
				cohorts[k].Outcomes = append(cohorts[k].Outcomes, i)
			} else if _, armed := x.outcomeArm[i]; !armed {
				cohorts[0].Outcomes = append(cohorts[0].Outcomes, i)
			}
		}
		unlinkArmOnly(cohorts, facts.Interventions, x.comparatorAllotted())
		facts.Cohorts = cohorts
		facts.Design = x.design(&cohorts[0])
	} else {
		facts.Design = x.design(nil)
	}
	facts.Trials = trials
	facts.Candidates = x.candidates
	return facts
}

// ownTrials drops, as candidates, the registry ids an abstract gives for
// another study than its own: "we are now conducting an additional
// larger and controlled phase II clinical trial ... (NCT03392467)" names
// the next trial, not the one it reports. A sentence that points at the
// record itself ("this", "our", "the present") keeps its id.
func (x *extraction) ownTrials(ts []TrialMention) []TrialMention {
	f := x.abs
	var out []TrialMention
	for _, t := range ts {
		si := -1
		for i, s := range f.Sentences {
			if t.Span.Field == FieldAbstract && s.Start <= t.Span.Start && t.Span.Start < s.End {
				si = i
				break
			}
		}
		if si < 0 || !anotherTrialBefore(f, &f.Sentences[si], ts, t) {
			out = append(out, t)
			continue
		}
		x.candidates = append(x.candidates, Candidate{Kind: "trial", Concept: t.ID, Rule: t.Rule,
			Reason: "the registry id of another trial the abstract names (a next, additional or ongoing one), not of the study it reports",
			Spans:  []Span{t.Span, f.sentenceSpan(&f.Sentences[si])}})
	}
	return out
}

// anotherTrialBefore: the words of sentence s before id t, from the
// sentence's start or the id before t, speak of a further trial ("an
// additional", "a future", "we are now conducting") and not of the
// record's own ("this", "our", "the present"). An id after the next
// one's ("… (NCT03392467). identifier: NCT01828957", with no capital to
// split the sentence) is judged by its own words.
func anotherTrialBefore(f *field, s *sentence, ts []TrialMention, t TrialMention) bool {
	from := s.Start
	for _, o := range ts {
		if o.Span.Field == FieldAbstract && o.Span.End <= t.Span.Start && o.Span.End > from {
			from = o.Span.End
		}
	}
	other := false
	for k := s.Tok0; k < s.Tok1 && f.Tokens[k].Start < t.Span.Start; k++ {
		if f.Tokens[k].Start < from {
			continue
		}
		switch f.Tokens[k].Fold {
		case "this", "our", "present":
			return false
		case "additional", "future", "another", "next", "planned", "upcoming", "subsequent":
			other = true
		case "now":
			other = other || k+1 < s.Tok1 && f.Tokens[k+1].Fold == "conducting"
		}
	}
	return other
}

// trialMentions: registry ids in the title and abstract, then those the
// source lists as data, each id once.
func trialMentions(in Input) []TrialMention {
	var out []TrialMention
	seen := map[string]bool{}
	add := func(t TrialMention) {
		if !seen[t.ID] {
			seen[t.ID] = true
			out = append(out, t)
		}
	}
	for _, t := range FindTrialIDs(in.Title, FieldTitle) {
		add(t)
	}
	for _, t := range FindTrialIDs(in.Abstract, FieldAbstract) {
		add(t)
	}
	for _, id := range in.TrialIDs {
		found := FindTrialIDs(id, "data")
		if len(found) == 0 {
			continue
		}
		t := found[0]
		t.Rule, t.Span = "trial-id-from-record", Span{}
		add(t)
	}
	return out
}
