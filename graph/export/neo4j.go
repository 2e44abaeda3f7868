package export

import (
	"bufio"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/msckg/msckg/graph/propgraph"
)

// Neo4jDir writes the property graph of opt.View (package propgraph) as
// a folder Neo4j loads, replacing dir as a whole (see writeDirAtomic):
//
//   - nodes-LABEL.csv, one per node type, and rels-START-TYPE-END.csv,
//     one per relationship type and pair of end labels, with the header
//     row `neo4j-admin database import full` reads: id:ID (the IRI),
//     :LABEL, name (the label drawn), then typed properties
//     (title:string, year:long, dose_min:double, refractory:boolean);
//     relationships :START_ID, :END_ID, :TYPE, predicate, symmetric and
//     their properties. An attribute a node states several times is an
//     array (sources:string[], elements separated by ';'), and an edge's
//     named graphs are graphs:string[]. Strings are always quoted, so an
//     empty string stays one; a missing value is an empty field.
//   - import.sh, the neo4j-admin command that loads those files;
//   - load.cypher, MERGE statements for small loads with cypher-shell,
//     which also suit Cypher engines that cannot read Neo4j's CSV headers.
//
// Splitting relationships by their ends' labels changes nothing for
// Neo4j and lets engines with typed relationship tables (Kùzu) copy each
// file as it is.
func Neo4jDir(dir string, st *Store, opt Options) error {
	g, err := propGraph(st, opt)
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	if err := writeDirAtomic(dir, neo4jFiles(g), isNeo4jFile); err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	return nil
}

// isNeo4jFile tells the files Neo4jDir writes, so that it replaces a
// folder it wrote before and refuses one that holds anything else.
func isNeo4jFile(name string) bool {
	return name == "import.sh" || name == "load.cypher" ||
		(strings.HasPrefix(name, "nodes-") || strings.HasPrefix(name, "rels-")) && strings.HasSuffix(name, ".csv")
}

// neo4jArrayDelimiter separates array elements in a CSV cell and labels
// in :LABEL, as neo4j-admin's --array-delimiter default.
const neo4jArrayDelimiter = ";"

// column is one property column of a CSV file.
type column struct {
	name, typ string // typ: a propgraph type
	array     bool
}

// header is the column's Neo4j header field: name:type or name:type[].
func (c column) header() string {
	h := c.name + ":" + neo4jType(c.typ)
	if c.array {
		h += "[]"
	}
	return h
}

func neo4jType(t string) string {
	switch t {
	case propgraph.TypeLong, propgraph.TypeDouble, propgraph.TypeBoolean:
		return t
	}
	return "string"
}

// values gives the elements of an array column or the one value of a
// scalar, and whether the attribute is there at all.
func (c column) values(attrs map[string]string, lists map[string][]string) ([]string, bool) {
	v, ok := attrs[c.name]
	if !ok {
		return nil, false
	}
	if c.array {
		if l, ok := lists[c.name]; ok {
			return l, true
		}
		if c.name == propgraph.AttrGraphs {
			return strings.Split(v, " "), true
		}
	}
	return []string{v}, true
}

// columnsOf lists, sorted by name, the attributes that any of attrs
// holds, with the graph's type for each. An attribute is an array when
// one of them holds several values (or, for an edge's graphs, always),
// unless an element holds the array delimiter: neo4j-admin would split
// it, so that column stays a string of the values joined with "; ".
func columnsOf(n int, attrs func(int) (map[string]string, map[string][]string), keyType func(string) string) []column {
	byName := map[string]*column{}
	bad := map[string]bool{}
	for i := range n {
		a, lists := attrs(i)
		for name, v := range a {
			c := byName[name]
			if c == nil {
				c = &column{name: name, typ: keyType(name), array: name == propgraph.AttrGraphs}
				byName[name] = c
			}
			l, several := lists[name]
			if several {
				c.array = true
			} else if name == propgraph.AttrGraphs {
				l = strings.Split(v, " ")
			} else {
				l = []string{v}
			}
			for _, e := range l {
				if strings.Contains(e, neo4jArrayDelimiter) {
					bad[name] = true
				}
			}
		}
	}
	cols := make([]column, 0, len(byName))
	for name, c := range byName {
		if bad[name] {
			c.array = false
		}
		if c.array {
			c.typ = propgraph.TypeString // several values of one key are written as their lexical forms
		}
		cols = append(cols, *c)
	}
	slices.SortFunc(cols, func(a, b column) int { return strings.Compare(a.name, b.name) })
	return cols
}

// nodeFile is the nodes of one label; relFile the edges of one type
// between two labels.
type nodeFile struct {
	label string
	nodes []int
	cols  []column
	name  string
}

type relFile struct {
	typ, start, end string
	edges           []int
	cols            []column
	name            string
}

// dirFile is one file of a folder output: its name and how to write it.
type dirFile struct {
	name  string
	write func(*bufio.Writer)
}

func neo4jFiles(g *propgraph.Graph) []dirFile {
	nodes, rels := neo4jPlan(g)
	var files []dirFile
	for _, f := range nodes {
		files = append(files, dirFile{f.name, func(w *bufio.Writer) { writeNodeCSV(w, g, f) }})
	}
	for _, f := range rels {
		files = append(files, dirFile{f.name, func(w *bufio.Writer) { writeRelCSV(w, g, f) }})
	}
	files = append(files,
		dirFile{"import.sh", func(w *bufio.Writer) { writeImportScript(w, nodes, rels) }},
		dirFile{"load.cypher", func(w *bufio.Writer) { writeCypher(w, g, nodes, rels) }})
	return files
}

// neo4jPlan groups nodes by label and edges by type and end labels, each
// group sorted, and names the files.
func neo4jPlan(g *propgraph.Graph) ([]*nodeFile, []*relFile) {
	byLabel := map[string]*nodeFile{}
	for i, n := range g.Nodes {
		f := byLabel[n.Type]
		if f == nil {
			f = &nodeFile{label: n.Type}
			byLabel[n.Type] = f
		}
		f.nodes = append(f.nodes, i)
	}
	nodes := slices.SortedFunc(mapValues(byLabel), func(a, b *nodeFile) int { return strings.Compare(a.label, b.label) })
	taken := map[string]bool{}
	for _, f := range nodes {
		f.name = uniqueName(taken, "nodes-"+fileSafe(f.label), ".csv")
		f.cols = columnsOf(len(f.nodes), func(i int) (map[string]string, map[string][]string) {
			n := &g.Nodes[f.nodes[i]]
			return n.Attrs, n.Lists
		}, g.NodeKeyType)
	}

	type relKey struct{ typ, start, end string }
	byKey := map[relKey]*relFile{}
	for i, e := range g.Edges {
		k := relKey{e.Type, g.Nodes[e.Source].Type, g.Nodes[e.Target].Type}
		f := byKey[k]
		if f == nil {
			f = &relFile{typ: k.typ, start: k.start, end: k.end}
			byKey[k] = f
		}
		f.edges = append(f.edges, i)
	}
	rels := slices.SortedFunc(mapValues(byKey), func(a, b *relFile) int {
		return cmp.Or(strings.Compare(a.start, b.start), strings.Compare(a.typ, b.typ), strings.Compare(a.end, b.end))
	})
	for _, f := range rels {
		f.name = uniqueName(taken, "rels-"+fileSafe(f.start)+"-"+fileSafe(f.typ)+"-"+fileSafe(f.end), ".csv")
		f.cols = columnsOf(len(f.edges), func(i int) (map[string]string, map[string][]string) {
			e := &g.Edges[f.edges[i]]
			return e.Attrs, e.Lists
		}, g.EdgeKeyType)
	}
	return nodes, rels
}

func mapValues[K comparable, V any](m map[K]V) func(func(V) bool) {
	return func(yield func(V) bool) {
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	}
}

// fileSafe keeps a label or type to letters, digits, '_' and '.', so a
// file name needs no quoting in a shell or a Cypher string.
func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, s)
}

// uniqueName is base+ext, or base-2+ext, ... when two labels make the
// same file name ("foaf:Person" and "foaf_Person"); groups come sorted,
// so the numbers are the same on every run.
func uniqueName(taken map[string]bool, base, ext string) string {
	name := base + ext
	for i := 2; taken[name]; i++ {
		name = base + "-" + strconv.Itoa(i) + ext
	}
	taken[name] = true
	return name
}

func writeNodeCSV(w *bufio.Writer, g *propgraph.Graph, f *nodeFile) {
	writeHeader(w, "id:ID,:LABEL,name:string", f.cols)
	for _, i := range f.nodes {
		n := &g.Nodes[i]
		csvQuoted(w, n.IRI)
		w.WriteByte(',')
		csvQuoted(w, n.Type)
		w.WriteByte(',')
		csvQuoted(w, n.Label)
		writeCells(w, f.cols, n.Attrs, n.Lists)
		w.WriteByte('\n')
	}
}

func writeRelCSV(w *bufio.Writer, g *propgraph.Graph, f *relFile) {
	writeHeader(w, ":START_ID,:END_ID,:TYPE,predicate:string,symmetric:boolean", f.cols)
	for _, i := range f.edges {
		e := &g.Edges[i]
		csvQuoted(w, g.Nodes[e.Source].IRI)
		w.WriteByte(',')
		csvQuoted(w, g.Nodes[e.Target].IRI)
		w.WriteByte(',')
		csvQuoted(w, e.Type)
		w.WriteByte(',')
		csvQuoted(w, e.Predicate)
		w.WriteString("," + strconv.FormatBool(e.Symmetric))
		writeCells(w, f.cols, e.Attrs, e.Lists)
		w.WriteByte('\n')
	}
}

func writeHeader(w *bufio.Writer, lead string, cols []column) {
	w.WriteString(lead)
	for _, c := range cols {
		w.WriteString("," + c.header())
	}
	w.WriteByte('\n')
}

// writeCells writes one row's property cells: strings and arrays quoted,
// numbers and booleans bare, a missing value as an empty field.
func writeCells(w *bufio.Writer, cols []column, attrs map[string]string, lists map[string][]string) {
	for _, c := range cols {
		w.WriteByte(',')
		vs, ok := c.values(attrs, lists)
		if !ok {
			continue
		}
		if !c.array && c.typ != propgraph.TypeString {
			w.WriteString(vs[0])
			continue
		}
		csvQuoted(w, strings.Join(vs, neo4jArrayDelimiter))
	}
}

// csvQuoted writes s as a quoted CSV field, quotes doubled (RFC 4180,
// and neo4j-admin without --legacy-style-quoting). Line breaks stay as
// they are: import.sh passes --multiline-fields=true.
func csvQuoted(w *bufio.Writer, s string) {
	w.WriteByte('"')
	w.WriteString(strings.ReplaceAll(s, `"`, `""`))
	w.WriteByte('"')
}

func writeImportScript(w *bufio.Writer, nodes []*nodeFile, rels []*relFile) {
	w.WriteString(`#!/bin/sh
# Written by msckg. Imports this folder into a new Neo4j 5 database:
#   sh import.sh [DATABASE]      (default neo4j; stop the database first)
# then, in cypher-shell: CREATE DATABASE name (or restart for neo4j).
# Set NEO4J_ADMIN to the neo4j-admin to use. For a small graph in a
# running database, cypher-shell -f load.cypher does the same.
set -e
cd "$(dirname "$0")"
exec "${NEO4J_ADMIN:-neo4j-admin}" database import full \
  --multiline-fields=true --array-delimiter=';' --id-type=string \
`)
	for _, f := range nodes {
		w.WriteString("  --nodes=" + f.name + " \\\n")
	}
	for _, f := range rels {
		w.WriteString("  --relationships=" + f.name + " \\\n")
	}
	w.WriteString("  \"${1:-neo4j}\"\n")
}

// writeCypher writes load.cypher: a uniqueness constraint on id per label
// (which also indexes the lookups), then one MERGE per node on its id and
// one per relationship on its ends, type and predicate, so that running
// the script twice changes nothing.
func writeCypher(w *bufio.Writer, g *propgraph.Graph, nodes []*nodeFile, rels []*relFile) {
	w.WriteString("// Written by msckg: nodes merged on id (the IRI), relationships on their ends,\n" +
		"// type and predicate. Load with: cypher-shell -f load.cypher\n")
	for _, f := range nodes {
		fmt.Fprintf(w, "CREATE CONSTRAINT %s IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE;\n",
			cypherName("msckg_"+f.label+"_id"), cypherName(f.label))
	}
	for _, f := range nodes {
		for _, i := range f.nodes {
			n := &g.Nodes[i]
			w.WriteString("MERGE (n:" + cypherName(n.Type) + " {id: ")
			cypherString(w, n.IRI)
			w.WriteString("}) SET n.name = ")
			cypherString(w, n.Label)
			cypherSets(w, "n", f.cols, n.Attrs, n.Lists)
			w.WriteString(";\n")
		}
	}
	for _, f := range rels {
		for _, i := range f.edges {
			e := &g.Edges[i]
			w.WriteString("MATCH (a:" + cypherName(f.start) + " {id: ")
			cypherString(w, g.Nodes[e.Source].IRI)
			w.WriteString("}), (b:" + cypherName(f.end) + " {id: ")
			cypherString(w, g.Nodes[e.Target].IRI)
			w.WriteString("}) MERGE (a)-[r:" + cypherName(e.Type) + " {predicate: ")
			cypherString(w, e.Predicate)
			w.WriteString("}]->(b) SET r.symmetric = " + strconv.FormatBool(e.Symmetric))
			cypherSets(w, "r", f.cols, e.Attrs, e.Lists)
			w.WriteString(";\n")
		}
	}
}

func cypherSets(w *bufio.Writer, v string, cols []column, attrs map[string]string, lists map[string][]string) {
	for _, c := range cols {
		vs, ok := c.values(attrs, lists)
		if !ok {
			continue
		}
		w.WriteString(", " + v + "." + cypherName(c.name) + " = ")
		if c.array {
			w.WriteByte('[')
			for i, e := range vs {
				if i > 0 {
					w.WriteString(", ")
				}
				cypherString(w, e)
			}
			w.WriteByte(']')
			continue
		}
		cypherValue(w, c.typ, vs[0])
	}
}

// cypherValue writes a value as a Cypher literal of its type. A double
// always has a point or an exponent (else Cypher reads an integer), and
// its exponent no '+' (which the grammar does not allow).
func cypherValue(w *bufio.Writer, typ, v string) {
	switch typ {
	case propgraph.TypeLong:
		if _, err := strconv.ParseInt(v, 10, 64); err == nil {
			w.WriteString(v)
			return
		}
	case propgraph.TypeDouble:
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			s := strings.Replace(strconv.FormatFloat(f, 'g', -1, 64), "e+", "e", 1)
			if !strings.ContainsAny(s, ".e") {
				s += ".0"
			}
			w.WriteString(s)
			return
		}
	case propgraph.TypeBoolean:
		if v == "true" || v == "false" {
			w.WriteString(v)
			return
		}
	}
	cypherString(w, v)
}

// cypherString writes s as a double-quoted Cypher string: backslash and
// quote escaped, line breaks and tabs as \n, \r, \t, other control
// characters as \uXXXX.
func cypherString(w *bufio.Writer, s string) {
	w.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\':
			w.WriteString(`\\`)
		case r == '"':
			w.WriteString(`\"`)
		case r == '\n':
			w.WriteString(`\n`)
		case r == '\r':
			w.WriteString(`\r`)
		case r == '\t':
			w.WriteString(`\t`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(w, `\u%04X`, r)
		default:
			w.WriteRune(r)
		}
	}
	w.WriteByte('"')
}

// cypherName quotes a label, type or property name with backticks, so
// that any name (a keyword such as end, a prefixed name such as
// foaf:Person) is read as written.
func cypherName(s string) string {
	return "`" + strings.ReplaceAll(s, "`", "``") + "`"
}
