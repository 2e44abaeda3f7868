package graph

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/mappings"
	"github.com/msckg/msckg/ontology"
)

// Literal constructors. Lexical forms are always canonical so that the
// Turtle writer can print numbers bare and parsers read back the same
// datatype (TOOLS-NOTES: "3.0" as a double reads back as an integer).

func str(s string) rdf.Literal { return rdf.NewTypedLiteral(s, xsd(ontology.XSDString)) }

// english is a label in English, as msckg.ttl gives its terms' labels.
func english(s string) rdf.Literal {
	l, err := rdf.NewLangLiteral(s, "en")
	if err != nil {
		panic(err) // "en" is a valid tag: unreachable
	}
	return l
}

func integer(n int) rdf.Literal {
	return rdf.NewTypedLiteral(strconv.Itoa(n), xsd(ontology.XSDInteger))
}

func boolean(b bool) rdf.Literal {
	return rdf.NewTypedLiteral(strconv.FormatBool(b), xsd(ontology.XSDBoolean))
}

// decimal makes an xsd:decimal from a canonical decimal string such as
// "12.5" or "50000000"; integers get ".0" so they keep their datatype in
// every syntax. It reports false for anything that is not a plain decimal.
func decimal(s string) (rdf.Literal, bool) {
	s = strings.TrimSpace(s)
	if !isDecimal(s) {
		return rdf.Literal{}, false
	}
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return rdf.NewTypedLiteral(s, xsd(ontology.XSDDecimal)), true
}

func isDecimal(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '-' || s[0] == '+' {
		s = s[1:]
	}
	digits, dots := 0, 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' && dots == 0 && i > 0 && i < len(s)-1:
			dots++
		default:
			return false
		}
	}
	return digits > 0
}

// dateLiteral types a date by its precision: xsd:date, xsd:gYearMonth or xsd:gYear.
func dateLiteral(d mappings.Date) (rdf.Literal, bool) {
	switch {
	case d.Year < 1000 || d.Year > 9999:
		return rdf.Literal{}, false
	case d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= 31:
		return rdf.NewTypedLiteral(fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day), xsd(ontology.XSDDate)), true
	case d.Month >= 1 && d.Month <= 12:
		return rdf.NewTypedLiteral(fmt.Sprintf("%04d-%02d", d.Year, d.Month), xsd(ontology.XSDGYearMonth)), true
	default:
		return rdf.NewTypedLiteral(fmt.Sprintf("%04d", d.Year), xsd(ontology.XSDGYear)), true
	}
}

func xsd(s string) rdf.IRI {
	v, _ := rdf.NewIRI(s) // constants from package ontology, always valid
	return v
}
