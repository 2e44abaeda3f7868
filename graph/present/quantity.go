package present

import (
	"cmp"
	"strconv"
	"strings"
)

// Number writes a decimal as the graph states it, for a reader: trailing
// zeros dropped ("12.0" → "12"), and whole numbers of a million or more
// ending in at least four zeros as a power of ten ("50000000.0" →
// "5×10⁷"), the way cell doses are printed. It works on the digits, never
// through a float, so no value is rounded.
func Number(lex string) string {
	sign, s := "", lex
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = strings.TrimPrefix(s[:1], "+"), s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	if strings.ContainsAny(s, "eE") || whole == "" && frac == "" {
		return lex // a double's form or something else: as written
	}
	frac = strings.TrimRight(frac, "0")
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if frac != "" {
		return sign + whole + "." + frac
	}
	zeros := len(whole) - len(strings.TrimRight(whole, "0"))
	if len(whole) >= 7 && zeros >= 4 {
		mant := strings.TrimRight(whole[1:], "0")
		if mant != "" {
			mant = "." + mant
		}
		return sign + whole[:1] + mant + "×10" + superscript(len(whole)-1)
	}
	return sign + whole
}

var superDigits = []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")

func superscript(n int) string {
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteRune(superDigits[d-'0'])
	}
	return b.String()
}

// unit writes a UCUM code for a reader, with the space it needs before
// it: "{cells}/kg" → " cells/kg", "10*9/L" → "×10⁹/L", "%" → "%",
// "a" → " y".
func unit(code string) string {
	switch code {
	case "":
		return ""
	case "%":
		return "%"
	case "a":
		return " y"
	}
	if rest, ok := strings.CutPrefix(code, "10*"); ok {
		digits := strings.TrimLeft(rest, "0123456789")
		n := 0
		for _, c := range rest[:len(rest)-len(digits)] {
			n = n*10 + int(c-'0')
		}
		if len(rest) > len(digits) {
			return "×10" + superscript(n) + strings.NewReplacer("{", "", "}", "").Replace(digits)
		}
	}
	r := strings.NewReplacer("{", "", "}", "", "[iU]", "IU", "ug", "µg", "m2", "m²")
	return " " + r.Replace(code)
}

// Quantity is a number, range or summary statistic with its UCUM unit,
// each number a canonical decimal string as the graph or the extractor
// states it ("50000000", "12.5"); empty means absent.
type Quantity struct {
	Value      string `json:"value,omitempty"`
	Min        string `json:"min,omitempty"`
	Max        string `json:"max,omitempty"`
	Median     string `json:"median,omitempty"`
	Comparator string `json:"comparator,omitempty"` // ">", "≥", "<", "≤" on the one side given
	Unit       string `json:"unit,omitempty"`       // UCUM code: "10*9/L", "{cells}/kg", "mo"
	UnitText   string `json:"as_written,omitempty"` // the quantity as written in the text
}

// IsZero reports a quantity with no number.
func (q Quantity) IsZero() bool { return q.Value == "" && q.Min == "" && q.Max == "" && q.Median == "" }

// String writes a quantity from its numbers and unit code: "5×10⁷–1×10⁸
// cells", "median 17 (13–24) mo", "12.5 d", "≥150×10⁹/L".
func (q Quantity) String() string {
	u := unit(q.Unit)
	rng := ""
	switch {
	case q.Min != "" && q.Max != "":
		rng = Number(q.Min) + "–" + Number(q.Max)
	case q.Min != "":
		rng = cmp.Or(q.Comparator, "min ") + Number(q.Min)
	case q.Max != "":
		rng = cmp.Or(q.Comparator, "max ") + Number(q.Max)
	}
	var parts []string
	if q.Median != "" {
		parts = append(parts, "median "+Number(q.Median))
	}
	if q.Value != "" {
		v := Number(q.Value)
		if q.Min == "" && q.Max == "" {
			v = q.Comparator + v
		}
		parts = append(parts, v)
	}
	head := strings.Join(parts, ", ")
	switch {
	case head == "":
		return rng + u
	case rng == "":
		return head + u
	default:
		return head + " (" + rng + ")" + u
	}
}
