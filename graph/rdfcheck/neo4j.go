package rdfcheck

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Neo4jFolder is what Neo4jCSV read from a folder of import files.
type Neo4jFolder struct {
	Nodes map[string]int // rows per :LABEL value
	Rels  map[string]int // rows per :TYPE value
	IDs   map[string]string
}

// The header grammar of `neo4j-admin database import` (Neo4j 5's
// operations manual, "Import header format"): each field is
// <name>:<field_type>, a property type being one of the scalar types,
// optionally an array ("[]"), and a field without ":" a string property.
// Spatial and temporal types are left out: the writer makes none.
var (
	neo4jPropField = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)(?::(int|long|float|double|boolean|byte|short|char|string)(\[\])?)?$`)
	neo4jIDField   = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)?:ID$`)
)

// Neo4jCSV checks a folder written for `neo4j-admin database import
// full` without Neo4j, which cannot be installed here: every nodes-*.csv
// and rels-*.csv parses as RFC 4180 CSV with one field per header
// column; the header fields follow the grammar above, start with an
// :ID and a :LABEL (nodes) or :START_ID, :END_ID and :TYPE
// (relationships) and name each property once; every value parses as
// its column's type (each element of an array, split on ';'); ids are
// unique across node files and every relationship's ends are among
// them; and import.sh names exactly the CSV files of the folder.
func Neo4jCSV(t testing.TB, dir string) *Neo4jFolder {
	t.Helper()
	f, err := readNeo4jFolder(dir)
	if err != nil {
		t.Fatalf("neo4j folder %s: %v", dir, err)
	}
	return f
}

func readNeo4jFolder(dir string) (*Neo4jFolder, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := &Neo4jFolder{Nodes: map[string]int{}, Rels: map[string]int{}, IDs: map[string]string{}}
	var nodeFiles, relFiles []string
	for _, e := range entries {
		switch n := e.Name(); {
		case strings.HasPrefix(n, "nodes-") && strings.HasSuffix(n, ".csv"):
			nodeFiles = append(nodeFiles, n)
		case strings.HasPrefix(n, "rels-") && strings.HasSuffix(n, ".csv"):
			relFiles = append(relFiles, n)
		case n == "import.sh" || n == "load.cypher":
		default:
			return nil, fmt.Errorf("unexpected file %s", n)
		}
	}
	if len(nodeFiles) == 0 {
		return nil, errors.New("no nodes-*.csv file")
	}
	for _, n := range nodeFiles {
		err := eachRow(filepath.Join(dir, n), []string{"ID", "LABEL"}, func(row []string) error {
			if prev, dup := out.IDs[row[0]]; dup {
				return fmt.Errorf("id %s also in %s", row[0], prev)
			}
			if row[1] == "" {
				return errors.New("empty :LABEL")
			}
			out.IDs[row[0]] = n
			out.Nodes[row[1]]++
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
	}
	for _, n := range relFiles {
		err := eachRow(filepath.Join(dir, n), []string{"START_ID", "END_ID", "TYPE"}, func(row []string) error {
			for _, id := range row[:2] {
				if _, ok := out.IDs[id]; !ok {
					return fmt.Errorf("no node has the id %s", id)
				}
			}
			if row[2] == "" {
				return errors.New("empty :TYPE")
			}
			out.Rels[row[2]]++
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
	}
	script, err := os.ReadFile(filepath.Join(dir, "import.sh"))
	if err != nil {
		return nil, err
	}
	var named []string
	for _, m := range regexp.MustCompile(`--(?:nodes|relationships)=(\S+)`).FindAllSubmatch(script, -1) {
		named = append(named, string(m[1]))
	}
	slices.Sort(named)
	all := slices.Sorted(slices.Values(append(slices.Clone(nodeFiles), relFiles...)))
	if !slices.Equal(named, all) {
		return nil, fmt.Errorf("import.sh names %v, the folder holds %v", named, all)
	}
	return out, nil
}

// eachRow reads a CSV file, checks its header (which must begin with the
// special fields lead, in order) and the type of every value, and hands
// each row to fn.
func eachRow(path string, lead []string, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("header: %w", err)
	}
	types := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		if i < len(lead) {
			ok := h == ":"+lead[i]
			if lead[i] == "ID" {
				ok = neo4jIDField.MatchString(h)
			}
			if !ok {
				return fmt.Errorf("header field %d is %q, want :%s", i+1, h, lead[i])
			}
			types[i] = "string"
			continue
		}
		m := neo4jPropField.FindStringSubmatch(h)
		if m == nil {
			return fmt.Errorf("header field %q is not name:type", h)
		}
		if seen[m[1]] {
			return fmt.Errorf("property %s has two columns", m[1])
		}
		seen[m[1]] = true
		types[i] = cmpOr(m[2], "string") + m[3]
	}
	if id := strings.TrimSuffix(header[0], ":ID"); lead[0] == "ID" && seen[id] {
		return fmt.Errorf("property %s is also the id", id)
	}
	for {
		row, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		line, _ := r.FieldPos(0)
		for i, v := range row {
			if err := checkValue(types[i], v); err != nil {
				return fmt.Errorf("line %d, column %s: %w", line, header[i], err)
			}
		}
		if row[0] == "" {
			return fmt.Errorf("line %d: empty %s", line, header[0])
		}
		if err := fn(row); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
}

// checkValue checks a CSV value (empty: no property) against a column type.
func checkValue(typ, v string) error {
	if v == "" {
		return nil
	}
	elems := []string{v}
	if base, ok := strings.CutSuffix(typ, "[]"); ok {
		typ, elems = base, strings.Split(v, ";")
	}
	for _, e := range elems {
		var err error
		switch typ {
		case "int", "long", "short", "byte":
			_, err = strconv.ParseInt(e, 10, 64)
		case "float", "double":
			_, err = strconv.ParseFloat(e, 64)
		case "boolean":
			if e != "true" && e != "false" {
				err = errors.New("not true or false") // Neo4j reads anything else as false
			}
		}
		if err != nil {
			return fmt.Errorf("%q is not a %s: %w", e, typ, err)
		}
	}
	return nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
