package ontology

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/rdfcheck"
)

const shapesDir = "testdata/shapes"

// TestTurtleFilesAreValid hands the ontology, the shapes and every fixture
// to Jena riot (strict) and Raptor: our own parser shares our blind spots.
func TestTurtleFilesAreValid(t *testing.T) {
	fixtures, err := filepath.Glob(filepath.Join(shapesDir, "*.ttl"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures in %s (%v)", shapesDir, err)
	}
	rdfcheck.Rapper(t, "msckg.ttl", "turtle")
	rdfcheck.Rapper(t, "shapes.ttl", "turtle")
	rdfcheck.Riot(t, append([]string{"msckg.ttl", "shapes.ttl"}, fixtures...)...)
}

func TestConformingFixture(t *testing.T) {
	rdfcheck.SHACL(t, filepath.Join(shapesDir, "conforming.ttl"), "shapes.ttl")
}

// shapeViolation is one result of `shacl validate --text`.
type shapeViolation struct {
	Node, Path, Message string
}

// TestNonConformingFixtures checks that each bad-*.ttl fixture breaks the
// shapes once, on the intended node and path, for the intended reason. The
// fixtures use disjoint IRIs, so one Jena run validates them all: a
// violation is attributed to its fixture by the focus node's IRI.
func TestNonConformingFixtures(t *testing.T) {
	const base = "https://example.org/msckg-fixture/"
	tests := map[string]shapeViolation{
		"paper-two-titles":      {"paper", DCTitle, "maxCount[1]"},
		"paper-doi-upper-case":  {"paper", BIBODOI, "A DOI is lower-case"},
		"paper-issued-datetime": {"paper", DCIssued, "Or at focusNode"},
		"paper-without-source":  {"paper", "", "Or at focusNode"}, // no record, not cited, reports no trial

		"author-without-name":         {"author", FOAFName, "minCount[1]"},
		"authorship-position-zero":    {"authorship", Position, "not greater than or equal to 1"},
		"journal-issn-without-hyphen": {"journal", BIBOISSN, "Pattern["},
		"source-short-sha256":         {"src", SHA256, "Pattern["},
		"trial-without-identifier":    {"trial", DCIdentifier, "minCount[1]"},

		"cohort-size-zero":                  {"cohort", Size, "not greater than or equal to 1"},
		"cohort-without-evidence":           {"cohort", EvidenceProp, "minCount[1]"},
		"intervention-two-agents":           {"intervention", Agent, "maxCount[1]"},
		"outcome-more-patients-than-cohort": {"outcome", Patients, "counts more patients (5) than its cohort"},
		"outcome-without-type":              {"outcome", OutcomeType, "minCount[1]"},
		"outcome-more-patients-than-total":  {"outcome", Patients, "than its denominator mkg:total (20)"},
		"subgroup-without-parent":           {"sub", SubgroupOf, "minCount[1]"},
		"arm-two-roles":                     {"arm", ArmRole, "maxCount[1]"},
		"outcome-negative-patients":         {"outcome", Patients, "not greater than or equal to 0"},

		"quantity-min-above-max":        {"q", SchemaMinValue, "LessThanOrEquals["},
		"quantity-integer-value":        {"q", SchemaValue, "DatatypeConstraint[xsd:decimal]"},
		"quantity-without-unit":         {"q", SchemaUnitCode, "minCount[1]"},
		"quantity-without-value":        {"q", "", "has a value, a minimum, a maximum or a median"},
		"evidence-start-not-before-end": {"ev", OAStart, "LessThan["},
		"evidence-without-source":       {"ev", OAHasSource, "minCount[1]"},
		"stated-value-without-fact":     {"sv", StatedFor, "minCount[1]"},
	}

	files, err := filepath.Glob(filepath.Join(shapesDir, "bad-*.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "bad-"), ".ttl")
		if _, ok := tests[name]; !ok {
			t.Errorf("%s has no expected violation in this test", f)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Turtle lets a later @prefix redefine ':', so the files concatenate.
		all.Write(data)
		all.WriteString("\n")
	}
	for name := range tests {
		if _, err := os.Stat(filepath.Join(shapesDir, "bad-"+name+".ttl")); err != nil {
			t.Errorf("expected fixture missing: %v", err)
		}
	}
	merged := filepath.Join(t.TempDir(), "bad.ttl")
	if err := os.WriteFile(merged, all.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	got := make(map[string][]shapeViolation)
	for _, v := range shaclViolations(t, merged, "shapes.ttl") {
		name, local, ok := strings.Cut(strings.TrimPrefix(v.Node, base), "/")
		if !ok || !strings.HasPrefix(v.Node, base) {
			t.Errorf("violation on a node of no fixture: %+v", v)
			continue
		}
		v.Node = local
		got[name] = append(got[name], v)
	}
	for name, want := range tests {
		vs := got[name]
		if len(vs) != 1 {
			t.Errorf("bad-%s.ttl: %d violations, want exactly 1: %+v", name, len(vs), vs)
			continue
		}
		v := vs[0]
		if v.Node != want.Node || v.Path != want.Path || !strings.Contains(v.Message, want.Message) {
			t.Errorf("bad-%s.ttl: violation %+v, want node %q path %q message containing %q",
				name, v, want.Node, want.Path, want.Message)
		}
	}
}

// shaclViolations runs Jena's `shacl validate --text` and parses its
// report: blocks that start with "Node=<iri>", then indented "Path=<iri>",
// "Value: ..." and "Message: ..." lines. rdfcheck.SHACL only says whether
// data conforms, so this looks the tool up the same way it does.
func shaclViolations(t *testing.T, data, shapes string) []shapeViolation {
	t.Helper()
	bin := shaclTool(t)
	cmd := exec.Command(bin, "validate", "--text", "--shapes", shapes, "--data", data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || strings.TrimSpace(stderr.String()) != "" {
		t.Fatalf("shacl validate: %v\n%s", err, stderr.String())
	}
	if strings.TrimSpace(string(out)) == "Conforms" {
		t.Fatal("shacl validate: the non-conforming fixtures conform")
	}
	var vs []shapeViolation
	for line := range strings.Lines(string(out)) {
		line = strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "Node="):
			vs = append(vs, shapeViolation{Node: strings.Trim(strings.TrimPrefix(line, "Node="), "<>")})
		case len(vs) == 0:
			if trimmed != "" {
				t.Fatalf("shacl validate: unexpected report line %q", line)
			}
		case strings.HasPrefix(trimmed, "Path="):
			vs[len(vs)-1].Path = strings.Trim(strings.TrimPrefix(trimmed, "Path="), "<>")
		case strings.HasPrefix(trimmed, "Message:"):
			vs[len(vs)-1].Message = strings.TrimSpace(strings.TrimPrefix(trimmed, "Message:"))
		}
	}
	return vs
}

// shaclTool finds Jena's shacl wrapper in $MSCKG_JENA_BIN, then on $PATH;
// when it is missing the test is skipped, or failed under
// $MSCKG_REQUIRE_CHECKERS=1, as rdfcheck does.
func shaclTool(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv(rdfcheck.EnvBin); dir != "" {
		p := filepath.Join(dir, "shacl")
		if fi, err := os.Stat(p); err == nil && fi.Mode()&0o111 != 0 {
			return p
		}
	}
	p, err := exec.LookPath("shacl")
	if err == nil {
		return p
	}
	if !errors.Is(err, exec.ErrNotFound) {
		t.Fatal(err)
	}
	msg := "Jena shacl not found in $" + rdfcheck.EnvBin + " or $PATH (bash .ci/jena-setup.sh DIR)"
	if os.Getenv(rdfcheck.EnvRequire) == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}
