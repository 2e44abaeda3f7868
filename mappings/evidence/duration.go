package evidence

// cohortDuration reads how long the patients had had their disease: "a
// 10-year history of ITP", "(a) history of ITP for 3 years", "she had ITP
// for 10 years", "disease duration of 5 years", "duration of ITP was 2
// years". Only factual abstract sentences count, so background ("ITP has
// been studied for 30 years") is skipped, and a duration must be tied to
// a condition or to "disease duration" so "a 10-year follow-up" is not a
// history. The first match wins: one cohort has one disease duration.
func (x *extraction) cohortDuration(c *Cohort) {
	f := x.abs
	for si := range f.Sentences {
		s := &f.Sentences[si]
		if !f.Ctx[si].factual() {
			continue
		}
		for _, q := range f.quantitiesIn(s.Start, s.End) {
			if q.Unit != "a" && q.Unit != "mo" {
				continue
			}
			rule, ok := x.durationRule(f, s, si, q)
			if !ok {
				continue
			}
			if pValueIn(f, s) || f.has(x.r, "analysis-variable", s.Tok0, s.Tok1) {
				// "disease duration less than 12 months (p=0.007) were
				// significant predictor": a category of the analysis
				x.candidates = append(x.candidates, Candidate{Kind: "diseaseDuration", Value: &q, Rule: rule,
					Reason: "a category compared in an analysis (a p-value or a predictor), not the patients' duration", Spans: []Span{q.Span, f.sentenceSpan(s)}})
				continue
			}
			if k := tokenBefore(f, s, q.Span.Start); k >= 0 && partSubject(x.r, f, s, k, c.Size) {
				x.candidates = append(x.candidates, Candidate{Kind: "diseaseDuration", Value: &q, Rule: rule,
					Reason: "said of a part of the patients, not of every patient", Spans: []Span{q.Span, f.sentenceSpan(s)}})
				continue
			}
			c.DiseaseDuration = &q
			c.Details = append(c.Details, Detail{"diseaseDuration", rule, q.Span})
			return
		}
	}
}

// durationRule names the rule that makes q a disease duration, if any.
func (x *extraction) durationRule(f *field, s *sentence, si int, q Quantity) (string, bool) {
	before := tokenBefore(f, s, q.Span.Start)
	after := tokenAfter(f, s, q.Span.End)
	fold := func(k int) string {
		if k < s.Tok0 || k >= s.Tok1 {
			return ""
		}
		return f.Tokens[k].Fold
	}
	if negatedHistory(fold, before) {
		return "", false
	}
	// "a 10-year history of ITP": the quantity is the adjective of "history".
	if fold(after) == "history" && fold(after+1) == "of" && x.conditionNear(f, si, after+2, 3) {
		return "duration-history-of", true
	}
	// "history of ITP for 3 years", "she had ITP for 10 years".
	if fold(before) == "for" {
		if m := x.conditionEndingAt(f, si, before); m != nil {
			if fold(m.Tok0-1) == "of" && fold(m.Tok0-2) == "history" {
				if negatedHistory(fold, m.Tok0-2) {
					return "", false
				}
				return "duration-history-for", true
			}
			if x.personInSentence(f, s) {
				return "duration-condition-for", true
			}
		}
	}
	// "disease duration of 5 years", "median disease duration was 2 years",
	// "duration of ITP was 2 years".
	k := before
	for fillerWord(fold(k)) {
		k--
	}
	if m := x.conditionEndingAt(f, si, k+1); m != nil && fold(m.Tok0-1) == "of" {
		k = m.Tok0 - 2
		if fold(k) == "duration" {
			return "duration-of-condition", true
		}
	}
	if fold(k) == "duration" && (fold(k-1) == "disease" || fold(k-1) == "illness") {
		return "duration-disease-duration", true
	}
	return "", false
}

// fillerWord may stand between "duration" and its value.
func fillerWord(w string) bool {
	switch w {
	case "of", "was", "were", "is", "median", "mean", "average", "approximately", "about":
		return true
	}
	return false
}

// negatedHistory: "no", "without" or "denied" within three words before k.
func negatedHistory(fold func(int) string, k int) bool {
	for j := k; j > k-4; j-- {
		switch fold(j) {
		case "no", "without", "denied", "denies", "never":
			return true
		}
	}
	return false
}

// conditionNear: a non-negated condition mention in sentence si starting
// at token k or up to extra modifier words later ("of chronic refractory
// ITP"), but not "of smoking and ITP".
func (x *extraction) conditionNear(f *field, si, k, extra int) bool {
	ms := f.inSentence(si)
	for i := range ms {
		m := &ms[i]
		if m.Kind() != "condition" || m.Negated || m.Tok0 < k || m.Tok0 > k+extra {
			continue
		}
		ok := true
		for j := k; j < m.Tok0; j++ {
			ok = ok && conditionModifier(f.Tokens[j].Fold)
		}
		if ok {
			return true
		}
	}
	return false
}

// conditionModifier may stand between "history of" and the disease.
func conditionModifier(w string) bool {
	switch w {
	case "chronic", "persistent", "refractory", "primary", "severe", "relapsed", "newly", "diagnosed":
		return true
	}
	return false
}

// conditionEndingAt: the non-negated condition mention in sentence si
// whose last token is just before k, or nil.
func (x *extraction) conditionEndingAt(f *field, si, k int) *mention {
	ms := f.inSentence(si)
	for i := range ms {
		m := &ms[i]
		if m.Kind() == "condition" && !m.Negated && m.Tok1 == k {
			return m
		}
	}
	return nil
}

// personInSentence: the sentence speaks of patients ("she", "a woman",
// "patients"), so "<condition> for N years" is their history.
func (x *extraction) personInSentence(f *field, s *sentence) bool {
	for k := s.Tok0; k < s.Tok1; k++ {
		switch f.Tokens[k].Fold {
		case "she", "he", "her", "his", "they", "their":
			return true
		}
		if x.personNoun(f, k) {
			return true
		}
	}
	return false
}
