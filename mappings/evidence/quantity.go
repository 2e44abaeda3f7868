package evidence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindQuantities returns every quantity written in text, in order: counts
// ("Four patients", "Both children"), durations and ages ("12 months",
// "a 41-year-old"), percentages, doses and counts with powers of ten
// ("60 × 10⁶ cells/day", "5×10(7) to 1×10(8)", "> 150 × 10 9 /L"), ranges,
// comparators and medians with their ranges ("12.5 days (range, 7–16)").
// Each carries its span in code points; Span.Field is field, and UnitText
// is the quantity exactly as written.
//
// Precision comes first: a notation that cannot be read with certainty
// ("2 × 10 mm", "5,65", "3-fold", a flattened "5x107" outside a dose
// sentence) is left out rather than guessed. Numbers that are labels, not
// amounts ("Case 1", "day +25", "type 2", "P < 0.05"), and numbers inside
// dates, DOIs, URLs, trial ids and other tokens ("COVID-19", "CD34") are
// never quantities.
func FindQuantities(text, field string) []Quantity {
	s := newQtyScanner(text, field)
	s.mask(text)
	var out []Quantity
	for i := 0; i < len(s.r); {
		if s.masked[i] || !s.startOK(i) {
			i++
			continue
		}
		if e := s.dateAt(i); e > i {
			i = e
			continue
		}
		if s.doiAt(i) {
			i = s.skipChunk(i)
			continue
		}
		qs, end := s.quantityAt(i)
		out = append(out, qs...)
		i = max(end, i+1)
	}
	return out
}

// Dates and DOIs are recognised where a number starts (dateAt, doiAt) and
// URLs by qFindURLs: cheaper than regular expressions over the whole text.
var (
	qChangeVerbs  = wordSet("increased", "decreased", "rose", "risen", "fell", "fallen", "dropped", "declined", "improved", "reduced", "elevated", "went", "changed", "climbed", "recovered", "raised", "increasing", "decreasing", "rising", "falling")
	qLinkWords    = wordSet("was", "were", "is", "are", "of", "at", "been", "be", "reached", "approximately", "about", "around", "nearly", "totalled", "totaled")
	qStatWords    = wordSet("median", "mean", "average")
	qLabelWords   = wordSet("case", "patient", "subject", "participant", "figure", "fig", "table", "grade", "stage", "phase", "type", "group", "arm", "cohort", "day", "days", "week", "weeks", "month", "year", "cycle", "course", "session", "visit", "version", "p", "pmid", "pmcid", "issn", "isbn", "vol", "volume", "no", "issue", "chapter", "section", "step", "level", "class", "item", "line", "ref", "reference", "model", "trial", "study", "experiment", "appendix", "supplementary", "eq", "equation", "d")
	qCompareWords = []struct{ words, sym string }{{"more than", ">"}, {"greater than", ">"}, {"higher than", ">"}, {"over", ">"}, {"above", ">"}, {"at least", "≥"}, {"no less than", "≥"}, {"not less than", "≥"}, {"less than", "<"}, {"fewer than", "<"}, {"lower than", "<"}, {"below", "<"}, {"under", "<"}, {"at most", "≤"}, {"up to", "≤"}, {"no more than", "≤"}, {"not more than", "≤"}}
	qCompareFirst = func() map[string]bool {
		m := map[string]bool{}
		for _, c := range qCompareWords {
			first, _, _ := strings.Cut(c.words, " ")
			m[first] = true
		}
		return m
	}()
	qCompareSyms  = []struct{ text, sym string }{{">/=", "≥"}, {"</=", "≤"}, {">=", "≥"}, {"=>", "≥"}, {"<=", "≤"}, {"=<", "≤"}, {"≥", "≥"}, {"⩾", "≥"}, {"≧", "≥"}, {"≤", "≤"}, {"⩽", "≤"}, {"≦", "≤"}, {">", ">"}, {"<", "<"}}
	qTailKeywords = []struct{ text, kind string }{{"interquartile range", "iqr"}, {"IQR", "iqr"}, {"ranging from", "range"}, {"ranged from", "range"}, {"ranging", "range"}, {"range", "range"}}
)

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// mask marks the code points that belong to dates, DOIs, URLs and trial
// ids, so no number inside them is read as a quantity.
func (s *qtyScanner) mask(text string) {
	s.masked = make([]bool, len(s.r))
	set := func(a, b int) {
		for k := a; k < b && k < len(s.masked); k++ {
			s.masked[k] = true
		}
	}
	// URLs come in text order: count code points from the previous one,
	// not from the start of the text each time.
	b, a := 0, 0
	for _, m := range qFindURLs(text) {
		a += utf8.RuneCountInString(text[b:m[0]])
		n := utf8.RuneCountInString(text[m[0]:m[1]])
		set(a, a+n)
		b, a = m[1], a+n
	}
	for _, t := range FindTrialIDs(text, "") {
		set(t.Span.Start, t.Span.End)
	}
}

// qFindURLs returns the byte ranges of "http://…", "https://…" and
// "www.…" up to the next white space, quote or angle bracket.
func qFindURLs(text string) [][2]int {
	var out [][2]int
	for b := 0; b < len(text); b++ {
		c := text[b] | 0x20 // ASCII lower case
		if c != 'h' && c != 'w' {
			continue
		}
		if b > 0 && qIsASCIIAlnum(text[b-1]) {
			continue
		}
		n := 0
		for _, p := range []string{"https://", "http://", "www."} {
			if len(text)-b >= len(p) && strings.EqualFold(text[b:b+len(p)], p) {
				n = len(p)
				break
			}
		}
		if n == 0 {
			continue
		}
		e := b + n
		for e < len(text) {
			r, size := utf8.DecodeRuneInString(text[e:])
			if qIsSpace(r) || r == '<' || r == '>' || r == '"' {
				break
			}
			e += size
		}
		out = append(out, [2]int{b, e})
		b = e
	}
	return out
}

func qIsASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// dateAt returns the end of a date starting at i — year first
// ("2017-05-30", "2017/05/30", "2017.05.30", "2017-05") or day first with
// a four-digit year ("30/05/2017") — or -1.
func (s *qtyScanner) dateAt(i int) int {
	part := func(j, minLen, maxLen, lo, hi int) (int, bool) {
		e := s.skipDigits(j)
		if e-j < minLen || e-j > maxLen {
			return e, false
		}
		n := qAtoi(s.r[j:e])
		return e, n >= lo && n <= hi
	}
	isSep := func(r rune) bool { return r == '-' || r == '/' || r == '.' }
	if e, ok := part(i, 4, 4, 1800, 2099); ok && isSep(s.at(e)) {
		sep := s.at(e)
		if e2, ok := part(e+1, 1, 2, 1, 12); ok {
			if s.at(e2) == sep {
				if e3, ok := part(e2+1, 1, 2, 1, 31); ok && !qIsAlnum(s.at(e3)) {
					return e3
				}
			}
			if sep != '.' && !qIsAlnum(s.at(e2)) && !(isSep(s.at(e2)) && qIsDigit(s.at(e2+1))) {
				return e2
			}
		}
	}
	if e, ok := part(i, 1, 2, 1, 31); ok && isSep(s.at(e)) {
		sep := s.at(e)
		if e2, ok := part(e+1, 1, 2, 1, 12); ok && s.at(e2) == sep {
			if e3, ok := part(e2+1, 4, 4, 1800, 2099); ok && !qIsAlnum(s.at(e3)) {
				return e3
			}
		}
	}
	return -1
}

// doiAt reports a DOI starting at i: "10." and four to nine digits, "/".
func (s *qtyScanner) doiAt(i int) bool {
	if s.at(i) != '1' || s.at(i+1) != '0' || s.at(i+2) != '.' {
		return false
	}
	e := s.skipDigits(i + 3)
	return e-(i+3) >= 4 && e-(i+3) <= 9 && s.at(e) == '/'
}

// startOK reports whether a quantity may start at i: at a digit, a letter
// or a comparator that does not continue a token ("COVID-19", "CD34",
// "p<0.05", "+25", "−2.3": a sign is not kept, so signed numbers are left
// out).
func (s *qtyScanner) startOK(i int) bool {
	r := s.r[i]
	if !qIsDigit(r) && !unicode.IsLetter(r) && !strings.ContainsRune("<>≥≤⩾⩽≧≦=", r) {
		return false
	}
	prev := s.at(i - 1)
	if i == 0 {
		return true
	}
	if qIsAlnum(prev) || strings.ContainsRune(".,/+^#@&_'’±", prev) {
		return false
	}
	if r == '=' && prev != ' ' {
		return false
	}
	if qIsGlueHyphen(prev) || prev == '\u2212' {
		pp := s.at(i - 2)
		if qIsAlnum(pp) || (qIsDigit(r) && (i < 2 || qIsSpace(pp) || pp == '(')) {
			return false
		}
	}
	if qIsRangeDash(prev) && qIsDigit(s.at(i-2)) {
		return false
	}
	return true
}

// quantityAt reads the quantity starting at i, and returns what it read
// and where scanning resumes (past anything it refused to read).
func (s *qtyScanner) quantityAt(i int) ([]Quantity, int) {
	var p qParse
	j := i
	if unicode.IsLetter(s.at(i)) {
		w, wend := s.word(i)
		lw := strings.ToLower(w)
		switch {
		case qStatWords[lw]:
			k := wend
			if c := s.at(k); c == ',' || c == ':' {
				k++
			}
			k = s.space(k)
			if e, ok := s.lit(k, "of"); ok {
				k = s.space(e)
			}
			if !qIsDigit(s.at(k)) {
				return nil, wend
			}
			p.stat, j = lw, k
		case lw == "between":
			p.between, j = true, s.space(wend)
		default:
			if sym, e, ok := s.compareWords(i, lw); ok {
				p.cmp, j = sym, s.space(e)
			} else if _, ok := NumberWord(w); !ok {
				return nil, wend
			}
		}
	} else if sym, e, ok := s.compareSym(i); ok {
		p.cmp, j = sym, s.space(e)
	}
	if j != i && !qIsDigit(s.at(j)) && !(p.between && unicode.IsLetter(s.at(j))) {
		return nil, j
	}
	// Checked only now: ordinary words never reach here, and this is
	// the costly test.
	if s.afterLabel(i) {
		return nil, s.skipChunk(i)
	}
	p.change = s.changeBefore(i)
	m, end, ok := s.measure(j, p.between, p.change)
	if !ok {
		if p.between || p.cmp != "" || p.stat != "" {
			return nil, j // the number may still stand alone
		}
		return nil, max(end, s.skipChunk(i))
	}
	if p.between && !m.isRange {
		return nil, j
	}
	if p.cmp != "" && m.isRange {
		return nil, end
	}
	if m.flat && !s.doseContext(i, end) {
		return nil, end
	}
	// "95% CI" is a confidence level, not a measured proportion.
	if m.unit == "%" {
		if w, _ := s.word(s.space(end)); w == "CI" || strings.EqualFold(w, "confidence") {
			return nil, end
		}
	}
	q := Quantity{Unit: m.unit, Comparator: p.cmp}
	switch {
	case m.isRange:
		q.Min, q.Max = m.lo, m.hi
	case p.cmp == ">" || p.cmp == "≥":
		q.Min = m.lo
	case p.cmp != "":
		q.Max = m.lo
	case m.num != "":
		q.Numerator, q.Denominator = m.num, m.den
		q.Value = m.lo
	default:
		q.Value = m.lo
	}
	q.Spread = m.spread
	if q.Unit == "%" && m.num == "" && q.Value != "" {
		end = s.percentFraction(end, m.lo, &q)
	}
	hasTail := false
	if !m.isRange && p.cmp == "" && m.num == "" {
		end, hasTail = s.statTail(end, m.unit, &q)
	}
	if p.stat == "" && q.Value != "" && (m.unit != "" || hasTail) && !m.word {
		p.stat = s.statBefore(i)
	}
	switch p.stat {
	case "median":
		q.Median, q.Value = q.Value, ""
	case "mean", "average":
		q.Mean, q.Value = q.Value, ""
	}
	q.Span = s.span(i, end)
	q.UnitText = q.Span.Text
	out := []Quantity{q}
	if p.change && q.Unit == "" {
		s.inheritUnit(end, &out[0])
	}
	return out, end
}

// qParse is what was read before the number.
type qParse struct {
	stat    string // "median", "mean", "average" right before the number
	cmp     string // comparator symbol
	between bool
	change  bool // "increased from X to Y": two values, not a range
}

// qMeasure is a number or range with its unit, values already final.
type qMeasure struct {
	lo, hi   string
	isRange  bool
	unit     string
	spread   string
	num, den string // a fraction "4/7"
	flat     bool
	word     bool
}

// measure reads a number or a range and its unit at j. allowAnd accepts
// "41 and 94" (after "between"); noRange stops after the first number.
func (s *qtyScanner) measure(j int, allowAnd, noRange bool) (qMeasure, int, bool) {
	n1, e, ok := s.number(j, true)
	if !ok {
		return qMeasure{}, e, false
	}
	m := qMeasure{word: n1.word, flat: n1.flat}
	// A fraction "4/7", possibly with its percentage "4/7 (57.1%)".
	if !n1.hasExp && !n1.word && n1.v.scale == 0 && s.at(e) == '/' && qIsDigit(s.at(e+1)) {
		return s.fraction(n1, e)
	}
	var spread *qnum
	if k := s.space(e); s.at(k) == '±' || s.hasLit(k, "+/-") || s.hasLit(k, "+/−") {
		step := 1
		if s.at(k) != '±' {
			step = 3
		}
		sp, e2, ok := s.number(s.space(k+step), false)
		if !ok || sp.word {
			return qMeasure{}, e2, false
		}
		if n1.hasExp && !sp.hasExp {
			sp.v, sp.exp, sp.hasExp = sp.mant.times10(n1.exp), n1.exp, true
		}
		spread, e = &sp, e2
	}
	cellsOK := func(n qnum) bool { return n.hasExp || n.v.cmp(qdecInt(1000)) >= 0 }
	lo, hi, isRange := n1, qnum{}, false
	if !noRange && spread == nil {
		// "7–16 days", or "7 days to 16 days" with the unit on both ends.
		if n2, e2, ok := s.rangeEnd(e, allowAnd); ok {
			hi, e, isRange = n2, e2, true
		} else if code1, ue, ok := s.unit(e, n1.word, cellsOK(n1)); ok {
			if n2, e2, ok := s.rangeEnd(ue, allowAnd); ok {
				if code2, _, ok := s.unit(e2, n2.word, cellsOK(n2)); ok && code2 == code1 {
					hi, e, isRange = n2, e2, true
				}
			}
		}
	}
	if isRange {
		// One power of ten written after both ends applies to both
		// ("5.48 to 5.98 × 10 7 /L", "41-94 × 10⁹/L").
		if hi.hasExp && !lo.hasExp {
			if lo.word {
				return qMeasure{}, e, false
			}
			lo.v, lo.exp, lo.hasExp = lo.mant.times10(hi.exp), hi.exp, true
		}
		if lo.hasExp && !hi.hasExp {
			return qMeasure{}, e, false
		}
		if lo.v.cmp(hi.v) > 0 {
			return qMeasure{}, e, false
		}
		m.flat = lo.flat || hi.flat
		m.word = lo.word && hi.word
	}
	code, ue, ok := s.unit(e, lo.word || hi.word, cellsOK(lo))
	if ok {
		e = ue
	}
	if !s.cleanEnd(e) {
		return qMeasure{}, e, false
	}
	// A count per litre after a power of ten: ×10⁹/L keeps the power in
	// the unit, the one platelet counts are compared in (54 × 10⁹/L is 54
	// "10*9/L"); any other power is folded into the value as cells per
	// litre (5.65 × 10⁷/L is 56500000 "{cells}/L").
	if code == "/L" && lo.hasExp {
		if lo.exp == 9 && (!isRange || hi.exp == 9) {
			code = "10*9/L"
			lo.v, hi.v = lo.mant, hi.mant
			if spread != nil {
				spread.v = spread.mant
			}
		} else {
			code = "{cells}/L"
		}
	}
	m.unit, m.lo, m.isRange = code, lo.v.String(), isRange
	if isRange {
		m.hi = hi.v.String()
	}
	if spread != nil {
		m.spread = spread.v.String()
	}
	return m, e, true
}

// rangeEnd reads the separator and the upper end of a range at e.
func (s *qtyScanner) rangeEnd(e int, allowAnd bool) (qnum, int, bool) {
	k := s.space(e)
	switch r := s.at(k); {
	case qIsRangeDash(r) && !(qIsGlueHyphen(r) && unicode.IsLetter(s.at(k+1))):
		k++
	default:
		if k2, ok := s.lit(k, "to"); ok && k2 != k {
			k = k2
		} else if k2, ok := s.lit(k, "and"); ok && allowAnd {
			k = k2
		} else {
			return qnum{}, e, false
		}
	}
	n2, e2, ok := s.number(s.space(k), true)
	if !ok {
		return qnum{}, e, false
	}
	return n2, e2, true
}

// fraction reads "4/7" (n1 is the numerator, e the slash) and an optional
// percentage in brackets after it.
func (s *qtyScanner) fraction(n1 qnum, e int) (qMeasure, int, bool) {
	d, e2, ok := s.digits(e + 1)
	if !ok || d.scale != 0 || d.m.Sign() == 0 || n1.v.cmp(d) > 0 || !s.cleanEnd(e2) {
		return qMeasure{}, e2, false
	}
	m := qMeasure{num: n1.v.String(), den: d.String()}
	k := s.space(e2)
	if s.at(k) == '(' {
		if pct, pe, ok := s.digits(s.space(k + 1)); ok {
			pe = s.space(pe)
			if s.at(pe) == '%' && s.at(s.space(pe+1)) == ')' && qFractionMatches(n1.v, d, pct) {
				m.lo, m.unit = pct.String(), "%"
				return m, s.space(pe+1) + 1, true
			}
		}
	}
	return m, e2, true
}

// percentFraction reads "(4/7)" or "(4 of 7)" after a percentage ending at
// end, when the fraction agrees with the percentage to within one point.
func (s *qtyScanner) percentFraction(end int, pct string, q *Quantity) int {
	k := s.space(end)
	if s.at(k) != '(' {
		return end
	}
	n, e, ok := s.digits(s.space(k + 1))
	if !ok || n.scale != 0 {
		return end
	}
	switch e2 := s.space(e); {
	case s.at(e2) == '/':
		e = s.space(e2 + 1)
	default:
		k2, ok := s.lit(e2, "of")
		if !ok || k2 == e2 {
			return end
		}
		e = s.space(k2)
	}
	d, e3, ok := s.digits(e)
	if !ok || d.scale != 0 || d.m.Sign() == 0 {
		return end
	}
	close := s.space(e3)
	p, _, ok := newQtyScanner(pct, "").digits(0)
	if s.at(close) != ')' || !ok || !qFractionMatches(n, d, p) {
		return end
	}
	q.Numerator, q.Denominator = n.String(), d.String()
	return close + 1
}

// qFractionMatches: 100·n/d is within one percentage point of pct.
func qFractionMatches(n, d, pct qdec) bool {
	if d.m.Sign() == 0 || n.cmp(d) > 0 {
		return false
	}
	r := n.rat()
	r.Quo(r, d.rat())
	r.Mul(r, qdecInt(100).rat())
	r.Sub(r, pct.rat())
	return r.Abs(r).Cmp(qdecInt(1).rat()) <= 0
}

// statTail reads a range or IQR given after a value: "(range, 7–16)",
// "; range, 13–24", ", ranging from 5.48 to 5.98 × 10 7 /L", "(IQR 8–14)".
// Its unit must agree with the value's. It reports whether it read one.
func (s *qtyScanner) statTail(end int, unit string, q *Quantity) (int, bool) {
	k := s.space(end)
	open := s.at(k) == '('
	if !open && s.at(k) != ',' && s.at(k) != ';' {
		return end, false
	}
	k = s.space(k + 1)
	var found Quantity
	read := false
	for item := 0; item < 2; item++ {
		kind, k2 := "", k
		for _, kw := range qTailKeywords {
			if e, ok := s.lit(k, kw.text); ok {
				kind, k2 = kw.kind, e
				break
			}
		}
		if kind == "" {
			return end, false
		}
		k2 = s.space(k2)
		if c := s.at(k2); c == ',' || c == ':' || c == '=' {
			k2 = s.space(k2 + 1)
		}
		if e, ok := s.lit(k2, "from"); ok && e != k2 {
			k2 = s.space(e)
		}
		m, e, ok := s.measure(k2, false, false)
		if !ok || !m.isRange || m.flat || (m.unit != "" && m.unit != unit) {
			return end, false
		}
		if kind == "iqr" {
			found.Q1, found.Q3 = m.lo, m.hi
		} else {
			found.Min, found.Max = m.lo, m.hi
		}
		read = true
		if !open {
			k = e
			break
		}
		c := s.space(e)
		if s.at(c) == ')' {
			k = c + 1
			break
		}
		if (s.at(c) == ';' || s.at(c) == ',') && item == 0 {
			k = s.space(c + 1)
			continue
		}
		return end, false
	}
	if !read || (open && s.at(k-1) != ')') {
		return end, false
	}
	if found.Min != "" {
		q.Min, q.Max = found.Min, found.Max
	}
	if found.Q1 != "" {
		q.Q1, q.Q3 = found.Q1, found.Q3
	}
	return k, true
}

// statBefore finds "median"/"mean" earlier in the clause, for "The median
// time between transplantation and response was 12.5 days": the word right
// before the number must link it ("was", "of", "="), and no other number,
// bracket or clause end may come between.
func (s *qtyScanner) statBefore(start int) string {
	k := start - 1
	for k >= 0 && qIsSpace(s.r[k]) {
		k--
	}
	if k < 0 {
		return ""
	}
	if s.r[k] == '=' || s.r[k] == ':' {
		k--
	} else {
		w, a := s.wordBefore(k + 1)
		if !qLinkWords[strings.ToLower(w)] {
			return s.statJustBefore(k + 1)
		}
		k = a - 1
	}
	for words := 0; k >= 0 && words < 15; {
		r := s.r[k]
		switch {
		case unicode.IsLetter(r):
			w, a := s.wordBefore(k + 1)
			if lw := strings.ToLower(w); qStatWords[lw] {
				return lw
			}
			words++
			k = a - 1
		case qIsDigit(r) || strings.ContainsRune(".;()[]!?%\n", r):
			return ""
		default:
			k--
		}
	}
	return ""
}

// statJustBefore finds "median age 45", "mean follow-up 17 months": the
// statistic one or two words before the number, with nothing but spaces
// and hyphens between.
func (s *qtyScanner) statJustBefore(end int) string {
	k := end
	for n := 0; n < 3; n++ {
		w, a := s.wordBefore(k)
		if w == "" {
			return ""
		}
		if lw := strings.ToLower(w); qStatWords[lw] {
			return lw
		}
		k = a
		for k > 0 && (s.r[k-1] == ' ' || qIsGlueHyphen(s.r[k-1])) {
			k--
		}
	}
	return ""
}

// wordBefore returns the letters ending just before end, and their start.
func (s *qtyScanner) wordBefore(end int) (string, int) {
	a := end
	for a > 0 && unicode.IsLetter(s.r[a-1]) {
		a--
	}
	return string(s.r[a:end]), a
}

// afterLabel reports a number that names rather than counts: "Case 1",
// "day +25", "Fig. 2", "type 2", "P = 0.03", "No. 5".
func (s *qtyScanner) afterLabel(i int) bool {
	k := i
	for n := 0; n < 3 && k > 0 && strings.ContainsRune(" \u00a0#.:=<>≤≥", s.r[k-1]); n++ {
		k--
	}
	if k == i || k == 0 || !unicode.IsLetter(s.r[k-1]) {
		return false
	}
	w, _ := s.wordBefore(k)
	return qLabelWords[strings.ToLower(w)]
}

// changeBefore reports "increased from", "rose gradually from": what
// follows is a before and an after, not a range.
func (s *qtyScanner) changeBefore(i int) bool {
	k := i
	for k > 0 && qIsSpace(s.r[k-1]) {
		k--
	}
	w, a := s.wordBefore(k)
	if !strings.EqualFold(w, "from") {
		return false
	}
	for n := 0; n < 2; n++ {
		for a > 0 && qIsSpace(s.r[a-1]) {
			a--
		}
		w, a = s.wordBefore(a)
		if w == "" {
			return false
		}
		if qChangeVerbs[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// inheritUnit gives "from 20" the unit of "to 80 × 10⁹/L" that follows,
// when the second value carries no power of ten the first would lack.
func (s *qtyScanner) inheritUnit(end int, q *Quantity) {
	k := s.space(end)
	e, ok := s.lit(k, "to")
	if !ok || e == k {
		return
	}
	j := s.space(e)
	n, _, ok := s.number(j, false)
	if !ok {
		return
	}
	m, _, ok := s.measure(j, false, true)
	if ok && m.unit != "" && (!n.hasExp || m.unit == "10*9/L") {
		q.Unit = m.unit
	}
}

// compareWords reads "more than", "at least", "up to" ... at i, whose
// first word (lower case) is first.
func (s *qtyScanner) compareWords(i int, first string) (string, int, bool) {
	if !qCompareFirst[first] {
		return "", i, false
	}
	for _, c := range qCompareWords {
		if e, ok := s.lit(i, c.words); ok && e != i {
			return c.sym, e, true
		}
	}
	return "", i, false
}

// compareSym reads ">", "≥", ">=", ">/=" ... at i.
func (s *qtyScanner) compareSym(i int) (string, int, bool) {
	for _, c := range qCompareSyms {
		if e, ok := s.lit(i, c.text); ok && e != i {
			return c.sym, e, true
		}
	}
	return "", i, false
}

func (s *qtyScanner) hasLit(i int, lit string) bool {
	_, ok := s.lit(i, lit)
	return ok && lit != ""
}

// cleanEnd reports whether a quantity may end at i: not inside a longer
// token ("5,65", "1.2.3", "10:30", "3-fold", "37°C", "3rd").
func (s *qtyScanner) cleanEnd(i int) bool {
	r, next := s.at(i), s.at(i+1)
	switch {
	case qIsAlnum(r):
		return false
	case strings.ContainsRune(".,:/^", r) && qIsDigit(next):
		return false
	case r == '°' || r == '℃':
		return false
	case qIsGlueHyphen(r) && qIsAlnum(next):
		return false
	}
	return true
}

// skipChunk moves past the rest of a token that was refused.
func (s *qtyScanner) skipChunk(i int) int {
	for i < len(s.r) && !qIsSpace(s.r[i]) {
		i++
	}
	return i
}

func (s *qtyScanner) span(a, b int) Span {
	return Span{Field: s.field, Start: a, End: b, Text: string(s.r[a:b])}
}
