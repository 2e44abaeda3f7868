package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// study is the clinical content behind one abstract: one design, one
// cohort, one dose, and outcome counts that never exceed the cohort, so
// every number in the text is consistent with the others.
type study struct {
	design   string // "case", "series", "single-arm", "randomized"
	n        int    // patients given MSCs
	control  int    // patients in the control arm (randomized only)
	source   string // "umbilical cord-derived", ...
	abbrev   string // "hUC-MSCs", ...
	disease  string
	dose     string
	age      int
	female   bool
	respond  int
	complete int
	phase    int
}

var (
	sources = []struct{ words, abbrev string }{
		{"human umbilical cord-derived mesenchymal stem cells", "hUC-MSCs"},
		{"bone marrow-derived mesenchymal stromal cells", "BM-MSCs"},
		{"adipose-derived mesenchymal stem cells", "AD-MSCs"},
		{"umbilical cord mesenchymal stromal cells", "UC-MSCs"},
		{"mesenchymal stem cells", "MSCs"},
	}
	diseases   = []string{"chronic refractory immune thrombocytopenia", "persistent immune thrombocytopenia", "newly diagnosed immune thrombocytopenia", "primary immune thrombocytopenia", "refractory immune thrombocytopenic purpura"}
	numberWord = []string{"", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"}
	adverse    = []string{"transient fever", "headache", "fatigue", "mild chills", "a transient rash"}
)

func newStudy(rng *rand.Rand) *study {
	s := &study{}
	src := sources[rng.IntN(len(sources))]
	s.source, s.abbrev = src.words, src.abbrev
	s.disease = pick(rng, diseases)
	switch d := rng.IntN(10); {
	case d < 2:
		s.design, s.n = "case", 1
		s.age = 6 + rng.IntN(70)
		s.female = rng.IntN(2) == 0
	case d < 5:
		s.design, s.n = "series", 2+rng.IntN(11)
	case d < 8:
		s.design, s.n, s.phase = "single-arm", 10+rng.IntN(51), 1+rng.IntN(2)
	default:
		s.design, s.n, s.phase = "randomized", 20+rng.IntN(61), 2
		s.control = s.n - rng.IntN(5)
	}
	s.dose = doseText(rng)
	s.respond = rng.IntN(s.n + 1)
	s.complete = rng.IntN(s.respond + 1)
	return s
}

// doseText is a dose the way abstracts write it, with powers marked.
func doseText(rng *rand.Rand) string {
	switch rng.IntN(5) {
	case 0:
		return pick(rng, []string{"0.5", "1", "2", "5"}) + pow("", 6) + " cells/kg"
	case 1:
		return pow("5", 7) + " to " + pow("1", 8) + " cells"
	case 2:
		return pow("1", 6) + fmt.Sprintf(" cells/kg once weekly for %d weeks", 2+rng.IntN(3))
	case 3:
		return "60" + pow("", 6) + " cells/day"
	default:
		return pick(rng, []string{"1", "2"}) + pow("", 6) + " cells/kg on days 1 and 8"
	}
}

func (s *study) title(rng *rand.Rand) string {
	cells := s.source
	switch s.design {
	case "case":
		return fmt.Sprintf("%s for %s: a case report", capitalise(cells), s.disease)
	case "series":
		return fmt.Sprintf("%s transplantation in %d patients with %s", capitalise(cells), s.n, s.disease)
	case "single-arm":
		return fmt.Sprintf("Safety and efficacy of %s in %s: a phase %d single-arm trial", cells, s.disease, s.phase)
	}
	return fmt.Sprintf("%s plus %s versus %s alone for %s: a randomized %s trial",
		capitalise(cells), pick(rng, []string{"low-dose dexamethasone", "eltrombopag", "rituximab"}), "standard therapy", s.disease, "phase 2")
}

func capitalise(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func (s *study) pubTypes() []string {
	switch s.design {
	case "case":
		return []string{"Case Reports", "Journal Article"}
	case "randomized":
		return []string{"Clinical Trial, Phase II", "Journal Article", "Randomized Controlled Trial"}
	case "single-arm":
		return []string{"Clinical Trial", "Journal Article"}
	}
	return []string{"Journal Article"}
}

// count writes a patient count the way abstracts do: a word at the start
// of a sentence when small, digits otherwise.
func count(n int, rng *rand.Rand) string {
	if n < len(numberWord) && n > 0 && rng.IntN(2) == 0 {
		return numberWord[n]
	}
	return fmt.Sprint(n)
}

func pct(k, n int) string { return fmt.Sprintf("%.1f%%", 100*float64(k)/float64(n)) }

func (s *study) abstract(rng *rand.Rand, trialID string) []section {
	bg := pick(rng, []string{
		"Immune thrombocytopenia (ITP) is an autoimmune disorder characterised by isolated thrombocytopenia and bleeding risk.",
		"First-line therapy with corticosteroids or intravenous immunoglobulin fails in about one third of patients with ITP.",
		"Mesenchymal stem cells (MSCs) modulate T-cell responses and may restore immune tolerance in ITP.",
	})
	bg += " " + pick(rng, []string{
		"Patients refractory to thrombopoietin receptor agonists and rituximab have few options.",
		"Evidence on cell therapy in this setting is limited.",
		"We report our experience with " + s.source + " (" + s.abbrev + ").",
	})
	var m, r []string
	switch s.design {
	case "case":
		sex := map[[2]bool]string{{false, false}: "man", {false, true}: "woman", {true, false}: "boy", {true, true}: "girl"}[[2]bool{s.age < 18, s.female}]
		m = append(m, fmt.Sprintf("A %d-year-old %s with %s and a platelet count of %d%s/L received %s (%s) at %s.",
			s.age, sex, s.disease, 3+rng.IntN(25), pow("", 9), s.source, s.abbrev, s.dose))
		if s.respond == 1 {
			r = append(r, fmt.Sprintf("The platelet count rose to %d%s/L within %d days and remained above %d%s/L at %d months.",
				60+rng.IntN(200), pow("", 9), 5+rng.IntN(25), 30+rng.IntN(50), pow("", 9), 3+rng.IntN(24)))
		} else {
			r = append(r, "The platelet count did not rise after infusion.")
		}
	case "series", "single-arm":
		lead := count(s.n, rng)
		if s.design == "single-arm" {
			m = append(m, fmt.Sprintf("In this open-label phase %d trial, %d adults with %s were enrolled (median age %d years; range, %d–%d).",
				s.phase, s.n, s.disease, 30+rng.IntN(25), 18+rng.IntN(5), 60+rng.IntN(20)))
			m = append(m, fmt.Sprintf("All patients received %s (%s).", s.source, s.abbrev))
		} else {
			m = append(m, fmt.Sprintf("%s patients with %s received %s (%s).", lead, s.disease, s.source, s.abbrev))
		}
		m = append(m, fmt.Sprintf("The %s dose was %s.", s.abbrev, s.dose))
		r = append(r, s.responses(rng)...)
	default:
		m = append(m, fmt.Sprintf("Adults with a platelet count below 30%s/L were randomized to standard therapy alone (n = %d) or with %s at %s (n = %d).",
			pow("", 9), s.control, s.abbrev, s.dose, s.n))
		r = append(r, fmt.Sprintf("A platelet count of at least 100%s/L was reached by %d of %d patients with %s and %d of %d controls.",
			pow("", 9), s.respond, s.n, s.abbrev, rng.IntN(s.control/2+1), s.control))
	}
	r = append(r, s.adverse(rng))
	if s.design != "case" && rng.IntN(2) == 0 {
		r = append(r, fmt.Sprintf("During follow-up (median, %d months; range, %d–%d) %d patients relapsed.",
			12+rng.IntN(12), 3+rng.IntN(9), 24+rng.IntN(24), rng.IntN(s.respond+1)))
	}
	concl := pick(rng, []string{
		s.abbrev + " transplantation is a reasonable salvage treatment in " + s.disease + ".",
		"Prospective randomized trials are needed to confirm the efficacy of " + s.abbrev + ".",
		"Infusion of " + s.abbrev + " was safe and may benefit patients with " + s.disease + ".",
	})
	out := []section{
		{"Background", bg},
		{"Methods", strings.Join(m, " ")},
		{"Results", strings.Join(r, " ")},
		{"Conclusions", concl},
	}
	if trialID != "" {
		out = append(out, section{"Trial registration", "ClinicalTrials.gov, " + trialID + "."})
	}
	return out
}

func (s *study) responses(rng *rand.Rand) []string {
	out := []string{fmt.Sprintf("Overall response was achieved in %d of %d patients (%s), including complete response (CR) in %d.",
		s.respond, s.n, pct(s.respond, s.n), s.complete)}
	if s.respond > 0 {
		lo := 5 + rng.IntN(10)
		out = append(out, fmt.Sprintf("The median time to response was %d days (range, %d–%d).", lo+rng.IntN(10), lo, lo+10+rng.IntN(20)))
		out = append(out, fmt.Sprintf("The median platelet count increased from %d%s/L to %d%s/L.",
			5+rng.IntN(20), pow("", 9), 50+rng.IntN(100), pow("", 9)))
	}
	return out
}

func (s *study) adverse(rng *rand.Rand) string {
	if rng.IntN(2) == 0 {
		return pick(rng, []string{
			"No infusion-related adverse events were observed.",
			"There were no severe adverse events during and after transplantation.",
		})
	}
	k := 1 + rng.IntN(s.n)
	if s.n == 1 {
		return fmt.Sprintf("The patient had %s after the infusion, which resolved without treatment.", pick(rng, adverse))
	}
	return fmt.Sprintf("Grade %d %s occurred in %d patients (%s).", 1+rng.IntN(2), pick(rng, adverse), k, pct(k, s.n))
}
