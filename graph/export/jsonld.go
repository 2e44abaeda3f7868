package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/ontology"
)

func init() {
	Register(Format{
		Name:       "jsonld",
		Title:      "JSON-LD: every statement with its named graph, for web and JavaScript tools",
		Extensions: []string{".jsonld"},
		Write: func(w io.Writer, q []rdf.Quad, opt Options) error {
			return JSONLD(w, q, opt.Prefixes)
		},
	})
}

// JSONLD writes the dataset as one JSON-LD document: an @context of the
// prefixes (the project's own when prefixes is nil), then a top-level
// @graph holding the default graph's nodes followed by one object per
// named graph, {"@id": graph, "@graph": [...]}, so graph names survive.
//
// Property keys are compact IRIs where a prefix fits; every value is
// written in full so that no context can change it: IRIs as {"@id"},
// blank nodes as {"@id": "_:label"} (cayley writes them as relative
// IRIs), typed literals with their full datatype IRI, language-tagged
// literals with @language. rdf:type objects that are resources go in
// @type. Nodes and values are sorted, so the same quads give the same
// bytes.
func JSONLD(w io.Writer, quads []rdf.Quad, prefixes map[string]string) error {
	if prefixes == nil {
		prefixes = ontology.Prefixes
	}
	ns, err := newNamespaces(prefixes)
	if err != nil {
		return fmt.Errorf("json-ld: %w", err)
	}
	st, err := prepare(quads)
	if err != nil {
		return fmt.Errorf("json-ld: %w", err)
	}
	st = sortedQuads(st)

	var top []any
	for i := 0; i < len(st); {
		j := i + 1
		for j < len(st) && st[j].g == st[i].g {
			j++
		}
		nodes := jsonldNodes(st[i:j], ns)
		if st[i].g.kind == kindNone {
			top = append(top, nodes...)
		} else {
			top = append(top, map[string]any{"@id": graphName(st[i].g), "@graph": nodes})
		}
		i = j
	}
	if top == nil {
		top = []any{}
	}
	context := make(map[string]string, len(prefixes))
	for name, iri := range prefixes {
		if name != "" { // JSON-LD has no empty prefix
			context[name] = iri
		}
	}

	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]any{"@context": context, "@graph": top}); err != nil {
		return fmt.Errorf("json-ld: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("json-ld: %w", err)
	}
	return nil
}

// jsonldNodes turns the statements of one graph, sorted by subject,
// predicate and object, into node objects. encoding/json sorts map
// keys: "@id" and "@type" come first, then the properties.
func jsonldNodes(st []stmt, ns *namespaces) []any {
	var nodes []any
	for i := 0; i < len(st); {
		j := i + 1
		for j < len(st) && st[j].s == st[i].s {
			j++
		}
		n := map[string]any{"@id": jsonldID(st[i].s)}
		var types []string
		for _, s := range st[i:j] {
			if s.p.value == rdfType && s.o.kind != kindLiteral {
				types = append(types, jsonldID(s.o))
				continue
			}
			key := jsonldKey(s.p.value, ns)
			vals, _ := n[key].([]any)
			n[key] = append(vals, jsonldValue(s.o))
		}
		if len(types) > 0 {
			n["@type"] = types
		}
		nodes = append(nodes, n)
		i = j
	}
	if nodes == nil {
		nodes = []any{}
	}
	return nodes
}

func jsonldID(t term) string {
	if t.kind == kindBlank {
		return "_:" + t.value
	}
	return t.value
}

// jsonldKey compacts a property IRI with a prefix when the result cannot
// be read as anything else: JSON-LD takes "p://x" as an absolute IRI and
// a key starting with "@" as a keyword.
func jsonldKey(iri string, ns *namespaces) string {
	for _, p := range ns.byLen {
		if local, ok := strings.CutPrefix(iri, p.iri); ok && p.name != "" && local != "" &&
			!strings.HasPrefix(local, "//") {
			return p.name + ":" + local
		}
	}
	return iri
}

func jsonldValue(t term) map[string]string {
	switch {
	case t.kind != kindLiteral:
		return map[string]string{"@id": jsonldID(t)}
	case t.lang != "":
		return map[string]string{"@value": t.value, "@language": t.lang}
	case t.datatype == xsdString:
		return map[string]string{"@value": t.value}
	}
	return map[string]string{"@value": t.value, "@type": t.datatype}
}
