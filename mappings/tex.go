package mappings

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TeXToUnicode turns the TeX markup that BibTeX exports carry into plain
// Unicode text: accents ({\"u}, \"{u}, \'e, \c{c}, \v{s}), named letters
// ({\ss}, \o, \ae), escaped specials (\&, \%), dashes (-- and ---), math
// ($5\times10^{9}$ → 5×10⁹), \textsuperscript{7} → ⁷, and group braces,
// which are dropped. Unknown commands are dropped but their arguments
// are kept, so no word of the source disappears. White space is
// collapsed.
func TeXToUnicode(s string) string {
	if !strings.ContainsAny(s, "\\{}$~-`'^_") {
		return CleanText(s)
	}
	c := texConv{src: []rune(s), out: new(strings.Builder)}
	c.group(false, false)
	return CleanText(norm.NFC.String(c.out.String()))
}

type texConv struct {
	src   []rune
	i     int
	out   *strings.Builder
	depth int // nesting of groups, bounded so hostile input cannot exhaust the stack
}

const maxTeXDepth = 200

// combining maps TeX accent commands to Unicode combining marks.
var combining = map[string]rune{
	"`": '\u0300', "'": '\u0301', "^": '\u0302', "~": '\u0303', "=": '\u0304',
	"u": '\u0306', ".": '\u0307', "\"": '\u0308', "r": '\u030A', "H": '\u030B',
	"v": '\u030C', "d": '\u0323', "c": '\u0327', "k": '\u0328', "b": '\u0331',
}

// texLetters are commands that stand for a letter; TeX swallows the
// spaces after them ("\ss e" is "ße").
var texLetters = map[string]string{
	"ss": "ß", "SS": "SS", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
	"o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
	"th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
	// Logos and biblatex's \hyphen (a hyphen that allows a line break)
	// are words or parts of words too: "The \TeX book" is "The TeXbook",
	// "methodology\hyphen independent" is "methodology-independent".
	"TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX", "XeTeX": "XeTeX",
	"LuaTeX": "LuaTeX", "ConTeXt": "ConTeXt", "hyphen": "-", "hyphenation": "",
}

// texSymbols are commands that stand for a symbol, in text or math.
var texSymbols = map[string]string{
	"times": "×", "pm": "±", "mp": "∓", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
	"ne": "≠", "neq": "≠", "approx": "≈", "sim": "~", "cdot": "·", "div": "÷",
	"lt": "<", "gt": ">", "circ": "°", "degree": "°", "textdegree": "°",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
	"kappa": "κ", "lambda": "λ", "mu": "μ", "textmu": "μ", "pi": "π", "sigma": "σ", "tau": "τ",
	"chi": "χ", "omega": "ω", "theta": "θ", "phi": "φ", "rho": "ρ", "eta": "η", "zeta": "ζ",
	"Delta": "Δ", "Gamma": "Γ", "Sigma": "Σ", "Omega": "Ω",
	"infty": "∞", "rightarrow": "→", "to": "→", "leftarrow": "←", "uparrow": "↑", "downarrow": "↓",
	"textregistered": "®", "texttrademark": "™", "copyright": "©", "textcopyright": "©",
	"S": "§", "P": "¶", "dag": "†", "ddag": "‡", "textendash": "–", "textemdash": "—",
	"ldots": "…", "dots": "…", "textellipsis": "…", "textquoteright": "’", "textquoteleft": "‘",
	"textless": "<", "textgreater": ">", "textbackslash": "\\", "textasciitilde": "~",
	"textpercent": "%", "textperthousand": "‰", "euro": "€", "pounds": "£",
	"quad": " ", "qquad": " ", "space": " ", "newline": " ", "par": " ",
}

// texIgnored are commands that only style or size their argument or
// the text after them.
var texIgnored = map[string]bool{
	"left": true, "right": true, "big": true, "Big": true, "displaystyle": true,
	"bf": true, "it": true, "em": true, "rm": true, "sc": true, "tt": true, "sf": true,
	"relax": true, "protect": true, "noopsort": true, "nocase": true,
}

var texSuperscripts = map[rune]rune{
	'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
	'+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', 'n': 'ⁿ', 'i': 'ⁱ',
}

var texSubscripts = map[rune]rune{
	'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
	'+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
}

// texSuper writes s in Unicode superscript characters ("9" → "⁹",
// "-1" → "⁻¹"); ok is false, and s comes back unchanged, when some
// character has no superscript form.
func texSuper(s string) (string, bool) { return mapRunes(s, texSuperscripts) }

// texSub is texSuper for texSubscripts.
func texSub(s string) (string, bool) { return mapRunes(s, texSubscripts) }

func mapRunes(s string, table map[rune]rune) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return s, false
	}
	var b strings.Builder
	for _, r := range s {
		m, ok := table[r]
		if !ok {
			return s, false
		}
		b.WriteRune(m)
	}
	return b.String(), true
}

func (c *texConv) peek() rune {
	if c.i < len(c.src) {
		return c.src[c.i]
	}
	return -1
}

// group converts until the end of input or, when closing, the brace
// that ends the current group.
func (c *texConv) group(math, closing bool) {
	for c.i < len(c.src) {
		r := c.src[c.i]
		c.i++
		switch r {
		case '}':
			if closing {
				return
			}
		case '{':
			c.sub(math)
		case '$':
			if c.peek() == '$' {
				c.i++
			}
			math = !math
		case '\\':
			c.command(math)
		case '~':
			c.out.WriteByte(' ')
		case '-':
			n := 1
			for c.peek() == '-' {
				n++
				c.i++
			}
			switch n {
			case 1:
				c.out.WriteByte('-')
			case 2:
				c.out.WriteRune('–')
			default:
				c.out.WriteRune('—')
			}
		case '`', '\'':
			if c.peek() == r {
				c.i++
				if r == '`' {
					c.out.WriteRune('“')
				} else {
					c.out.WriteRune('”')
				}
			} else {
				c.out.WriteRune(r)
			}
		case '^', '_':
			if !math {
				c.out.WriteRune(r)
				continue
			}
			arg := c.arg(math)
			conv, ok := texSuper(arg)
			if r == '_' {
				conv, ok = texSub(arg)
			}
			if !ok && strings.TrimSpace(arg) == "°" {
				conv, ok = "°", true
			}
			if !ok {
				c.out.WriteRune(r)
			}
			c.out.WriteString(conv)
		default:
			c.out.WriteRune(r)
		}
	}
}

// sub converts a brace group (its "{" already read) into the output.
func (c *texConv) sub(math bool) {
	if c.depth >= maxTeXDepth {
		// Too deep to be real markup: keep the rest as it is, minus braces.
		for c.i < len(c.src) {
			if r := c.src[c.i]; r != '{' && r != '}' {
				c.out.WriteRune(r)
			}
			c.i++
		}
		return
	}
	c.depth++
	c.group(math, true)
	c.depth--
}

// arg reads one macro argument, a brace group or a single character
// after optional spaces, and returns it converted.
func (c *texConv) arg(math bool) string {
	for c.i < len(c.src) && c.src[c.i] == ' ' {
		c.i++
	}
	saved := c.out
	c.out = new(strings.Builder)
	switch r := c.peek(); {
	case r == '{':
		c.i++
		c.sub(math)
	case r == '\\':
		c.i++
		c.command(math)
	case r >= 0:
		c.i++
		c.out.WriteRune(r)
	}
	s := c.out.String()
	c.out = saved
	return s
}

// command converts one control sequence (its "\" already read).
func (c *texConv) command(math bool) {
	start := c.i
	for c.i < len(c.src) && isASCIILetter(c.src[c.i]) {
		c.i++
	}
	if c.i == start { // a control symbol: \& \" \, and so on
		if c.i >= len(c.src) {
			return
		}
		r := c.src[c.i]
		c.i++
		name := string(r)
		if mark, ok := combining[name]; ok {
			c.accent(mark, math)
			return
		}
		switch r {
		case ',', ';', ':', '!', ' ', '\n', '\t', '/':
			c.out.WriteByte(' ')
		case '\\':
			c.out.WriteByte(' ')
		case '-': // a discretionary hyphen
		default:
			c.out.WriteRune(r) // \& \% \$ \# \_ \{ \}
		}
		return
	}
	name := string(c.src[start:c.i])
	if mark, ok := combining[name]; ok {
		c.accent(mark, math)
		return
	}
	if s, ok := texLetters[name]; ok {
		c.skipSpaces()
		if c.peek() == '{' && c.i+1 < len(c.src) && c.src[c.i+1] == '}' {
			c.i += 2 // \ss{}
		}
		c.out.WriteString(s)
		return
	}
	if s, ok := texSymbols[name]; ok {
		// Spaces after a symbol are kept ("5 \times 10" reads "5 × 10");
		// an empty group after it ("\ldots{}") is dropped.
		if c.peek() == '{' && c.i+1 < len(c.src) && c.src[c.i+1] == '}' {
			c.i += 2
		}
		c.out.WriteString(s)
		return
	}
	switch name {
	case "textsuperscript", "textsubscript":
		arg := c.arg(math)
		conv, ok := texSuper(arg)
		if name == "textsubscript" {
			conv, ok = texSub(arg)
		}
		if !ok {
			conv = arg
		}
		c.out.WriteString(conv)
		return
	case "url", "path", "verb":
		c.skipSpaces()
		if c.peek() == '{' {
			c.i++
			for c.i < len(c.src) && c.src[c.i] != '}' {
				c.out.WriteRune(c.src[c.i])
				c.i++
			}
			c.i++
		}
		return
	}
	if texIgnored[name] {
		c.skipSpaces()
		return
	}
	// Any other command (\emph, \textit, \mathrm, ...): drop the name,
	// keep what follows, its argument included.
	c.skipSpaces()
}

// accent applies a combining mark to the first letter of the argument.
func (c *texConv) accent(mark rune, math bool) {
	arg := c.arg(math)
	r, n := utf8.DecodeRuneInString(arg)
	if n == 0 {
		c.out.WriteRune(mark)
		return
	}
	switch r { // dotless i and j take the accent as i and j
	case 'ı':
		r = 'i'
	case 'ȷ':
		r = 'j'
	}
	c.out.WriteRune(r)
	c.out.WriteRune(mark)
	c.out.WriteString(arg[n:])
}

func (c *texConv) skipSpaces() {
	for c.i < len(c.src) && unicode.IsSpace(c.src[c.i]) {
		c.i++
	}
}

func isASCIILetter(r rune) bool { return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') }
