package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
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
		Write: func(w io.Writer, st *Store, opt Options) error {
			return writeJSONLD(w, st, opt.Prefixes)
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
	return withStore(quads, "json-ld", func(st *Store) error { return writeJSONLD(w, st, prefixes) })
}

// writeJSONLD streams the document node by node, writing the layout
// encoding/json's indenting encoder would give for the whole document
// (two spaces per level, keys sorted: "@graph" before "@id"), so that a
// graph of millions of statements is never held in memory.
func writeJSONLD(w io.Writer, st *Store, prefixes map[string]string) error {
	if prefixes == nil {
		prefixes = ontology.Prefixes
	}
	ns, err := newNamespaces(prefixes)
	if err != nil {
		return fmt.Errorf("json-ld: %w", err)
	}
	context := make(map[string]string, len(prefixes))
	for name, iri := range prefixes {
		if name != "" { // JSON-LD has no empty prefix
			context[name] = iri
		}
	}

	bw := bufio.NewWriterSize(w, 1<<16)
	j := &jsonldStream{w: bw, ns: ns}
	bw.WriteString("{\n  \"@context\": ")
	j.encode(context, "  ")
	bw.WriteString(",\n  \"@graph\": [")
	err = st.eachQuad(func(s stmt) error {
		j.add(s)
		return nil
	})
	if err != nil {
		return fmt.Errorf("json-ld: %w", err)
	}
	j.flushNode()
	j.closeGraph()
	if j.top > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	if err := errors.Join(j.err, bw.Flush()); err != nil {
		return fmt.Errorf("json-ld: %w", err)
	}
	return nil
}

// jsonldStream turns quads sorted by graph and subject into the
// top-level @graph array: the default graph's nodes, then one object
// per named graph.
type jsonldStream struct {
	w       *bufio.Writer
	ns      *namespaces
	err     error
	top     int    // elements written to the top-level array
	block   []stmt // the statements of the current subject
	started bool   // a graph is current
	graph   term   // the current graph
	inNamed int    // nodes written in the current named graph
}

func (j *jsonldStream) add(s stmt) {
	if len(j.block) > 0 && (s.g != j.block[0].g || s.s != j.block[0].s) {
		j.flushNode()
	}
	if !j.started || s.g != j.graph {
		j.closeGraph()
		j.started, j.graph = true, s.g
		if s.g.kind != kindNone {
			j.startElement()
			j.w.WriteString("{\n      \"@graph\": [")
			j.inNamed = 0
		}
	}
	j.block = append(j.block, s)
}

func (j *jsonldStream) startElement() {
	if j.top > 0 {
		j.w.WriteByte(',')
	}
	j.w.WriteString("\n    ")
	j.top++
}

func (j *jsonldStream) flushNode() {
	if len(j.block) == 0 {
		return
	}
	node := jsonldNode(j.block, j.ns)
	if j.block[0].g.kind == kindNone {
		j.startElement()
		j.encode(node, "    ")
	} else {
		if j.inNamed > 0 {
			j.w.WriteByte(',')
		}
		j.w.WriteString("\n        ")
		j.encode(node, "        ")
		j.inNamed++
	}
	j.block = j.block[:0]
}

func (j *jsonldStream) closeGraph() {
	if !j.started || j.graph.kind == kindNone {
		return
	}
	j.w.WriteString("\n      ],\n      \"@id\": ")
	j.encode(graphName(j.graph), "      ")
	j.w.WriteString("\n    }")
	j.started = false
}

// encode writes v as indented JSON whose continuation lines start with
// prefix, without the encoder's final newline.
func (j *jsonldStream) encode(v any, prefix string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil && j.err == nil {
		j.err = err
	}
	j.w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// jsonldNode turns the statements of one subject in one graph, sorted
// by predicate and object, into a node object. encoding/json sorts map
// keys: "@id" and "@type" come first, then the properties.
func jsonldNode(st []stmt, ns *namespaces) map[string]any {
	n := map[string]any{"@id": jsonldID(st[0].s)}
	var types []string
	for _, s := range st {
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
	return n
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
