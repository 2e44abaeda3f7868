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
// Blocks after the first are set off by an empty line.
func writeSubject(b *bufio.Writer, ns *namespaces, st []stmt, first bool) {
	if !first {
		b.WriteByte('\n')
	}
	b.WriteString(ns.node(st[0].s))
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
			b.WriteString(ns.node(st[i].p))
		}
		objs := make([]string, 0, j-i)
		width := 0
		for _, s := range st[i:j] {
			o := ns.node(s.o)
			objs = append(objs, o)
			width += len(o) + 3
		}
		sep := " , "
		if width > objectsPerLine && len(objs) > 1 {
			sep = " ,\n        "
		}
		b.WriteByte(' ')
		b.WriteString(strings.Join(objs, sep))
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

func (ns *namespaces) node(t term) string {
	switch t.kind {
	case kindIRI:
		return ns.iri(t.value)
	case kindBlank:
		return "_:" + t.value
	}
	return ns.literal(t)
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
func (ns *namespaces) literal(t term) string {
	switch {
	case t.lang != "":
		return quote(t.value) + "@" + t.lang
	case t.datatype == xsdString:
		return quote(t.value)
	case t.datatype == xsdInteger && canonicalInteger.MatchString(t.value),
		t.datatype == xsdDecimal && bareDecimal.MatchString(t.value),
		t.datatype == xsdBoolean && (t.value == "true" || t.value == "false"):
		return t.value
	}
	return quote(t.value) + "^^" + ns.iri(t.datatype)
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

// quote writes a Turtle string in double quotes. knakk/rdf escapes the
// characters Turtle requires (quote, backslash, CR, LF); tabs and other
// control characters are legal raw but invisible and fragile in a file
// meant for people, so strings holding one are escaped here instead.
func quote(s string) string {
	if strings.IndexFunc(s, needsOwnEscape) < 0 {
		lit, _ := rdf.NewLiteral(s) // a Go string always makes a literal
		return lit.Serialize(rdf.Turtle)
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if needsUCHAR(r) {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
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
