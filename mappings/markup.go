package mappings

import (
	"encoding/xml"
	"io"
	"strings"
)

// PubMed titles and abstracts carry inline markup (<sup>, <sub>, <i>,
// <b>, <u>, MathML). Dropping the tags would turn "30×10<sup>9</sup>/L"
// into "30×109/L", a platelet count off by seven orders of magnitude, so
// superscripts and subscripts are rewritten in Unicode instead.

var superscripts = map[rune]rune{
	'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶',
	'7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '–': '⁻',
	'=': '⁼', '(': '⁽', ')': '⁾', 'n': 'ⁿ', 'i': 'ⁱ',
	'⁰': '⁰', '¹': '¹', '²': '²', '³': '³', '⁴': '⁴', '⁵': '⁵', '⁶': '⁶',
	'⁷': '⁷', '⁸': '⁸', '⁹': '⁹', '⁺': '⁺', '⁻': '⁻',
}

var subscripts = map[rune]rune{
	'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆',
	'7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '−': '₋',
	'=': '₌', '(': '₍', ')': '₎',
}

// toScript maps every rune of s through table, or reports false when
// one of them has no form there.
func toScript(s string, table map[rune]rune) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		m, ok := table[r]
		if !ok {
			return "", false
		}
		b.WriteRune(m)
	}
	return b.String(), true
}

// superscript writes a raised run: in Unicode superscripts when they
// exist ("9" → "⁹", "2+" → "²⁺"), otherwise marked with a caret so the
// exponent still cannot merge with its base ("10^x", "10^(a b)").
// Marks that are raised already (®, ™, ‡) stay as they are.
func superscript(s string) string {
	s = CleanText(s)
	if s == "" {
		return ""
	}
	if t, ok := toScript(s, superscripts); ok {
		return t
	}
	if strings.Trim(s, "®™*†‡§¶#°") == "" {
		return s
	}
	if strings.ContainsAny(s, " ") {
		return "^(" + s + ")"
	}
	return "^" + s
}

// subscript writes a lowered run: Unicode subscripts for digits and
// signs ("IC<sub>50</sub>" → "IC₅₀"), plain text otherwise ("CD4<sub>high</sub>").
func subscript(s string) string {
	s = CleanText(s)
	if t, ok := toScript(s, subscripts); ok {
		return t
	}
	return s
}

// inlineText turns the inner XML of a PubMed text element into plain
// text with sub- and superscripts in Unicode and white space collapsed.
// Markup it cannot parse is stripped, leaving a space where each tag was.
func inlineText(inner string) string {
	if !strings.ContainsAny(inner, "<&") {
		return CleanText(inner)
	}
	dec := xml.NewDecoder(strings.NewReader("<x>" + inner + "</x>"))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var out strings.Builder
	// Each open <sup>/<sub> collects its text, converted when it closes.
	type frame struct {
		kind string // "sup", "sub" or "" for other markup
		text strings.Builder
	}
	var stack []*frame
	sink := func() *strings.Builder {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].kind != "" {
				return &stack[i].text
			}
		}
		return &out
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return HTMLText(inner)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			switch name {
			case "x":
				continue
			case "math":
				n, err := readMath(dec, t)
				if err != nil {
					return HTMLText(inner)
				}
				sink().WriteString(n.render())
				continue
			case "sup", "sub":
			default:
				name = ""
			}
			stack = append(stack, &frame{kind: name})
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch f.kind {
			case "sup":
				sink().WriteString(superscript(f.text.String()))
			case "sub":
				sink().WriteString(subscript(f.text.String()))
			}
		case xml.CharData:
			sink().Write(t)
		}
	}
	return CleanText(out.String())
}

// mathNode is a MathML element with its children, or a run of text.
type mathNode struct {
	name string
	text string
	kids []*mathNode
}

// readMath reads the MathML element that start opened.
func readMath(dec *xml.Decoder, start xml.StartElement) (*mathNode, error) {
	n := &mathNode{name: strings.ToLower(start.Name.Local)}
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			k, err := readMath(dec, t)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, k)
		case xml.EndElement:
			return n, nil
		case xml.CharData:
			if s := strings.TrimSpace(string(t)); s != "" {
				n.kids = append(n.kids, &mathNode{text: s})
			}
		}
	}
}

// render writes MathML as linear text: msup → superscript, msub →
// subscript, mfrac → a/b, msqrt → √(x); annotations are skipped.
func (n *mathNode) render() string {
	if n.name == "" {
		return n.text
	}
	kid := func(i int) string {
		if i < len(n.kids) {
			return n.kids[i].render()
		}
		return ""
	}
	switch n.name {
	case "annotation", "annotation-xml":
		return ""
	case "msup":
		return kid(0) + superscript(kid(1))
	case "msub":
		return kid(0) + subscript(kid(1))
	case "msubsup":
		return kid(0) + subscript(kid(1)) + superscript(kid(2))
	case "mfrac":
		return kid(0) + "/" + kid(1)
	case "msqrt":
		return "√(" + n.concat() + ")"
	case "mfenced":
		parts := make([]string, len(n.kids))
		for i := range n.kids {
			parts[i] = kid(i)
		}
		return "(" + strings.Join(parts, ",") + ")"
	case "mspace":
		return " "
	}
	return n.concat()
}

func (n *mathNode) concat() string {
	var b strings.Builder
	for _, k := range n.kids {
		b.WriteString(k.render())
	}
	return b.String()
}
