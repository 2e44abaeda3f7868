package corpus

import (
	"strings"
)

// powerStyle renders a marked power of ten the way one export does it.
type powerStyle func(b *strings.Builder, mantissa, exp string)

var (
	// supStyle is PubMed XML's markup: 1×10<sup>6</sup>.
	supStyle powerStyle = func(b *strings.Builder, m, e string) {
		b.WriteString(m + "×10<sup>" + e + "</sup>")
	}
	// parenStyle is MEDLINE's flattening: 1x10(6).
	parenStyle powerStyle = func(b *strings.Builder, m, e string) {
		b.WriteString(m + "x10(" + e + ")")
	}
	// flatStyle is what exports that lose superscripts write: 5x107.
	flatStyle powerStyle = func(b *strings.Builder, m, e string) {
		b.WriteString(m + "x10" + e)
	}
)

// render replaces the power markers in s by style and passes the plain
// text between them through esc (XML escaping, or nothing).
func render(s string, style powerStyle, esc func(string) string) string {
	if esc == nil {
		esc = func(t string) string { return t }
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, powStart)
		if i < 0 {
			b.WriteString(esc(s))
			return b.String()
		}
		b.WriteString(esc(s[:i]))
		rest := s[i+1:]
		sep := strings.IndexByte(rest, powSep)
		end := strings.IndexByte(rest, powEnd)
		style(&b, esc(rest[:sep]), rest[sep+1:end])
		s = rest[end+1:]
	}
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func xmlText(s string) string { return xmlEscaper.Replace(s) }
