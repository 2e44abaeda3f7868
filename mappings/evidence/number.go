package evidence

import (
	"math/big"
	"strings"
)

// Number words abstracts use for counts and durations ("Four patients",
// "a two-year follow-up"). Ordinals ("first", "second") are not numbers.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"both": 2,
}

// NumberWord reads a number word, case-insensitively: "one" to "twenty",
// the tens up to "ninety", compounds such as "twenty-one", and "both" (2).
// The articles "a" and "an" are not numbers here; callers that know an
// article counts ("a 41-year-old woman" is one patient) use
// NumberWordOrArticle.
func NumberWord(s string) (int, bool) {
	w := strings.ToLower(s)
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	// "twenty-one": a tens word, a hyphen, a units word.
	for i, r := range w {
		if !qIsGlueHyphen(r) {
			continue
		}
		tens, units := w[:i], w[i+len(string(r)):]
		t, ok1 := numberWords[tens]
		u, ok2 := numberWords[units]
		if ok1 && ok2 && t >= 20 && t%10 == 0 && u >= 1 && u <= 9 && units != "both" {
			return t + u, true
		}
		return 0, false
	}
	return 0, false
}

// NumberWordOrArticle is NumberWord that also reads "a" and "an" as 1, for
// the places where the caller knows the article counts something.
func NumberWordOrArticle(s string) (int, bool) {
	switch strings.ToLower(s) {
	case "a", "an":
		return 1, true
	}
	return NumberWord(s)
}

// ParseNumber reads one number written on its own: digits ("1,000",
// "12.5", "5·65"), a number word ("Four"), or a power of ten written in
// any of the notations FindQuantities knows ("5×10(7)", "60 × 10⁶",
// "5.65 × 10 7", "10^9", "1.5e6"). It returns the value as a canonical
// decimal string, computed exactly. The flattened form "5x107" is not read
// here: without the sentence around it, it is not known to be a power.
func ParseNumber(s string) (decimal string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	sc := newQtyScanner(s, "")
	sc.alone = true
	n, end, ok := sc.number(0, false)
	if !ok || end != len(sc.r) {
		return "", false
	}
	return n.v.String(), true
}

// qdec is an exact decimal: m × 10^-scale. Values are never floats, so
// "5.65 × 10 7" is 56500000 and not 56499999.99999999.
type qdec struct {
	m     *big.Int
	scale int
}

func qdecInt(n int) qdec { return qdec{m: big.NewInt(int64(n))} }

// times10 returns d × 10^exp.
func (d qdec) times10(exp int) qdec {
	return qdec{m: d.m, scale: d.scale - exp}
}

func (d qdec) rat() *big.Rat {
	r := new(big.Rat).SetInt(d.m)
	if d.scale == 0 {
		return r
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(qabs(d.scale))), nil)
	f := new(big.Rat).SetInt(p)
	if d.scale > 0 {
		return r.Quo(r, f)
	}
	return r.Mul(r, f)
}

func (d qdec) cmp(o qdec) int { return d.rat().Cmp(o.rat()) }

// String is the canonical decimal form: no exponent, no leading zeros, no
// trailing fractional zeros ("12.50" → "12.5", "5×10⁷" → "50000000").
func (d qdec) String() string {
	if d.m == nil {
		return ""
	}
	neg := d.m.Sign() < 0
	digits := new(big.Int).Abs(d.m).String()
	scale := d.scale
	if scale <= 0 {
		if digits != "0" {
			digits += strings.Repeat("0", -scale)
		}
	} else {
		if len(digits) <= scale {
			digits = strings.Repeat("0", scale-len(digits)+1) + digits
		}
		intPart, frac := digits[:len(digits)-scale], strings.TrimRight(digits[len(digits)-scale:], "0")
		digits = intPart
		if frac != "" {
			digits += "." + frac
		}
	}
	if neg && digits != "0" {
		return "-" + digits
	}
	return digits
}

func qabs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
