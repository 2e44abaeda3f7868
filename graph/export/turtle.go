package export

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"
)

func init() {
	Register(Format{
		Name:       "turtle",
		Title:      "Turtle: the union of all graphs, grouped by subject for people to read",
		Extensions: []string{".ttl"},
		Write: func(w io.Writer, st *Store, opt Options) error {
			return writeTurtle(w, st, opt.Prefixes)
		},
	})
}

// Turtle writes the union of the graphs (graph names dropped, duplicate
// triples removed) as Turtle a person can read: the prefixes it uses,
// then one block per subject, sorted, with rdf:type ("a") first, then
// rdfs:label, then the other predicates in IRI order, objects sorted.
//
// knakk/rdf's Turtle encoder is not used: it writes unsafe local names,
// unescaped typed literals and bare numbers that read back with another
// datatype (TOOLS-NOTES.md). Only its string escaping is reused.
func Turtle(w io.Writer, quads []rdf.Quad, prefixes map[string]string) error {
	return withStore(quads, "turtle", func(st *Store) error { return writeTurtle(w, st, prefixes) })
}

func writeTurtle(w io.Writer, st *Store, prefixes map[string]string) error {
	ns, err := newNamespaces(prefixes)
	if err != nil {
		return fmt.Errorf("turtle: %w", err)
	}
	// The body is rendered first, to a buffer: only then is it known
	// which prefixes are used.
	body, err := st.bodyBuffer()
	if err != nil {
		return fmt.Errorf("turtle: %w", err)
	}
	defer body.close()
	var block []stmt
	first := true
	flush := func() {
		if len(block) == 0 {
			return
		}
		// rdf:type, then rdfs:label, then the rest in (predicate,
		// object) order, which the stable sort keeps.
		slices.SortStableFunc(block, func(a, b stmt) int { return predRank(a.p) - predRank(b.p) })
		writeSubject(body.w, ns, block, first)
		first = false
		block = block[:0]
	}
	err = st.eachTriple(func(s stmt) error {
		if len(block) > 0 && block[0].s != s.s {
			flush()
		}
		block = append(block, s)
		return nil
	})
	if err != nil {
		return fmt.Errorf("turtle: %w", err)
	}
	flush()

	bw := bufio.NewWriterSize(w, 1<<16)
	ns.writeHeader(bw)
	if err := body.copyTo(bw); err != nil {
		return fmt.Errorf("turtle: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("turtle: %w", err)
	}
	return nil
}

// predRank puts rdf:type first and rdfs:label second; the stable sort
// keeps the rest in IRI order.
func predRank(p term) int {
	switch p.value {
	case rdfType:
		return 0
	case rdfsLabel:
		return 1
	}
	return 2
}

// objectsPerLine is how long a ", "-joined object list may get before
// each object goes on its own line.
const objectsPerLine = 100

// writeSubject writes one subject block; st holds its triples, sorted.
// Blocks after the first are set off by an empty line. Terms are
// rendered into ns's scratch buffer, not into a string each.
func writeSubject(b *bufio.Writer, ns *namespaces, st []stmt, first bool) {
	if !first {
		b.WriteByte('\n')
	}
	ns.objs = ns.appendNode(ns.objs[:0], st[0].s)
	b.Write(ns.objs)
	for i := 0; i < len(st); {
		j := i + 1
		for j < len(st) && st[j].p == st[i].p {
			j++
		}
		if i > 0 {
			b.WriteString(" ;")
		}
		b.WriteString("\n    ")
		if st[i].p.value == rdfType {
			b.WriteString("a")
		} else {
			b.WriteString(ns.iri(st[i].p.value))
		}
		// The objects of one predicate, side by side in ns.objs.
		ns.objs, ns.ends = ns.objs[:0], ns.ends[:0]
		for _, s := range st[i:j] {
			ns.objs = ns.appendNode(ns.objs, s.o)
			ns.ends = append(ns.ends, len(ns.objs))
		}
		sep := " , "
		if width := len(ns.objs) + 3*len(ns.ends); width > objectsPerLine && len(ns.ends) > 1 {
			sep = " ,\n        "
		}
		b.WriteByte(' ')
		from := 0
		for k, end := range ns.ends {
			if k > 0 {
				b.WriteString(sep)
			}
			b.Write(ns.objs[from:end])
			from = end
		}
		i = j
	}
	b.WriteString(" .\n")
}

// namespaces abbreviates IRIs with the caller's prefixes and records
// which ones were used.
type namespaces struct {
	byLen []prefix // longest namespace first, then by prefix name
	iriOf map[string]string
	used  map[string]bool
	cache map[string]string

	objs []byte // scratch: rendered terms
	ends []int  // where each rendered object ends in objs
}

type prefix struct{ name, iri string }

// pnPrefix is a conservative PN_PREFIX (or the empty prefix).
var pnPrefix = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]*)?$`)

func newNamespaces(prefixes map[string]string) (*namespaces, error) {
	ns := &namespaces{iriOf: prefixes, used: map[string]bool{}, cache: map[string]string{}}
	for name, iri := range prefixes {
		if !pnPrefix.MatchString(name) {
			return nil, fmt.Errorf("invalid prefix name %q", name)
		}
		if err := checkIRI(iri); err != nil {
			return nil, fmt.Errorf("prefix %q: %w", name, err)
		}
		ns.byLen = append(ns.byLen, prefix{name, iri})
	}
	slices.SortFunc(ns.byLen, func(a, b prefix) int {
		return cmp.Or(len(b.iri)-len(a.iri), strings.Compare(a.name, b.name))
	})
	return ns, nil
}

// safeLocal is the subset of PN_LOCAL written without escapes: ASCII
// letters, digits, '_' and '-', not starting with '-'. Anything else
// (dots, parentheses, quotes, commas, '%', non-ASCII) makes the IRI be
// written in full, which every parser reads the same way.
var safeLocal = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_-]*$`)

// iri writes an IRI as prefix:local when that is safe, else in full.
func (ns *namespaces) iri(s string) string {
	if out, ok := ns.cache[s]; ok {
		return out
	}
	if len(ns.cache) >= maxCheckedIRIs {
		clear(ns.cache) // bounded: a large graph has millions of IRIs
	}
	out := "<" + s + ">"
	for _, p := range ns.byLen {
		if local, ok := strings.CutPrefix(s, p.iri); ok && safeLocal.MatchString(local) {
			out = p.name + ":" + local
			ns.used[p.name] = true
			break
		}
	}
	ns.cache[s] = out
	return out
}

func (ns *namespaces) node(t term) string { return string(ns.appendNode(nil, t)) }

// appendNode appends a term as Turtle writes it.
func (ns *namespaces) appendNode(b []byte, t term) []byte {
	switch t.kind {
	case kindIRI:
		return append(b, ns.iri(t.value)...)
	case kindBlank:
		return append(append(b, "_:"...), t.value...)
	}
	return ns.appendLiteral(b, t)
}

var (
	canonicalInteger = regexp.MustCompile(`^(0|-?[1-9][0-9]*)$`)
	bareDecimal      = regexp.MustCompile(`^[+-]?[0-9]+\.[0-9]+$`)
)

// literal writes a literal so that it reads back with the same lexical
// form and datatype. Numbers and booleans go bare only when the Turtle
// shorthand gives back exactly that datatype and form: "5"^^xsd:decimal
// bare would read as an integer, "3.0"^^xsd:double as a decimal, "NaN"
// would not parse at all.
func (ns *namespaces) literal(t term) string { return string(ns.appendLiteral(nil, t)) }

func (ns *namespaces) appendLiteral(b []byte, t term) []byte {
	switch {
	case t.lang != "":
		return append(append(appendQuoted(b, t.value), '@'), t.lang...)
	case t.datatype == xsdString:
		return appendQuoted(b, t.value)
	case t.datatype == xsdInteger && canonicalInteger.MatchString(t.value),
		t.datatype == xsdDecimal && bareDecimal.MatchString(t.value),
		t.datatype == xsdBoolean && (t.value == "true" || t.value == "false"):
		return append(b, t.value...)
	}
	return append(append(appendQuoted(b, t.value), "^^"...), ns.iri(t.datatype)...)
}

func (ns *namespaces) writeHeader(w *bufio.Writer) {
	width := 0
	for name := range ns.used {
		width = max(width, len(name))
	}
	names := slices.Sorted(maps.Keys(ns.used))
	for _, name := range names {
		fmt.Fprintf(w, "@prefix %s:%s <%s> .\n", name, strings.Repeat(" ", width-len(name)), ns.iriOf[name])
	}
	if len(names) > 0 {
		w.WriteByte('\n')
	}
}

// quote writes a Turtle string in double quotes, escaping what Turtle
// requires (quote, backslash, CR, LF), as knakk/rdf did; tabs and other
// control characters are legal raw but invisible and fragile in a file
// meant for people, so they are escaped too.
func quote(s string) string { return string(appendQuoted(nil, s)) }

// appendQuoted appends s as quote writes it. Text is copied in runs: a
// title or an abstract has few characters to escape, and building a
// string per literal was most of what writing Turtle allocated.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	from := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F && c != '"' && c != '\\' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			// Kept raw (valid UTF-8 but for the characters escaped below;
			// a stray byte becomes U+FFFD, as it always did).
			if r != utf8.RuneError && !needsUCHAR(r) || r == utf8.RuneError && size == 3 {
				i += size
				continue
			}
		}
		b = append(b, s[from:i]...)
		switch r {
		case '"':
			b = append(b, `\"`...)
		case '\\':
			b = append(b, `\\`...)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			if needsUCHAR(r) {
				const hex = "0123456789ABCDEF"
				b = append(b, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
			} else {
				b = utf8.AppendRune(b, r) // U+FFFD for a stray byte
			}
		}
		i += size
		from = i
	}
	return append(append(b, s[from:]...), '"')
}

// needsOwnEscape reports the characters knakk/rdf leaves raw that we
// escape: tab, and the rest of needsUCHAR.
func needsOwnEscape(r rune) bool { return r == '\t' || needsUCHAR(r) }

// needsUCHAR reports control characters other than tab, LF and CR, and
// the Unicode line and paragraph separators.
func needsUCHAR(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' ||
		r >= 0x7F && r <= 0x9F || r == '\u2028' || r == '\u2029'
}
