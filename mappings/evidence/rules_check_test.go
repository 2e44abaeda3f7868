package evidence

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/msckg/msckg/ontology"
)

// TestRuleTablesChecked: a rule naming a category patterns.tsv lacks, or
// needing a rule that runs after it, fails when the rules load.
func TestRuleTablesChecked(t *testing.T) {
	r := mustRules(t)
	if err := checkRuleTables(r); err != nil {
		t.Fatalf("embedded rules: %v", err)
	}
	saved := outcomeRules
	defer func() { outcomeRules = saved }()
	for _, c := range []struct {
		name string
		edit func([]outcomeRule) []outcomeRule
		want string
	}{
		{"category typo", func(rs []outcomeRule) []outcomeRule {
			rs[0].categories = []string{"cohort-nuon"}
			return rs
		}, `outcome rule arm-outcomes reads pattern category "cohort-nuon"`},
		{"dependency after", func(rs []outcomeRule) []outcomeRule {
			return append([]outcomeRule{rs[3]}, rs...)
		}, "outcome rule responses needs arm-outcomes, which does not run before it"},
		{"listed twice", func(rs []outcomeRule) []outcomeRule {
			return append(rs, rs[2])
		}, "outcome rule adverse-events-negated listed twice"},
	} {
		outcomeRules = c.edit(append([]outcomeRule(nil), saved...))
		if err := checkRuleTables(r); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

// TestCohortRuleTableChecked: the cohort frame's table is checked the same
// way, and its rules run in the table's order.
func TestCohortRuleTableChecked(t *testing.T) {
	r := mustRules(t)
	saved := cohortRules
	defer func() { cohortRules = saved }()
	for _, c := range []struct {
		name string
		edit func([]cohortRule) []cohortRule
		want string
	}{
		{"category typo", func(rs []cohortRule) []cohortRule {
			rs[4].categories = []string{"refractroy"}
			return rs
		}, `cohort rule refractory reads pattern category "refractroy"`},
		{"dependency after", func(rs []cohortRule) []cohortRule {
			return append([]cohortRule{rs[1]}, rs...)
		}, "cohort rule age-and-sex needs size, which does not run before it"},
		{"listed twice", func(rs []cohortRule) []cohortRule {
			return append(rs, rs[0])
		}, "cohort rule size listed twice"},
	} {
		cohortRules = c.edit(append([]cohortRule(nil), saved...))
		if err := checkRuleTables(r); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	// Without its size rule the cohort frame reads no size: the table is
	// what runs.
	cohortRules = nil
	for _, rule := range saved {
		if rule.name != "size" && rule.name != "age-and-sex" {
			cohortRules = append(cohortRules, rule)
		}
	}
	if f := Extract(Input{Abstract: "Twelve patients with chronic ITP received MSCs."}); len(f.Cohorts) > 0 && f.Cohorts[0].Size != 0 {
		t.Errorf("size read without the size rule: %d", f.Cohorts[0].Size)
	}
}

// TestCategoryNamesInCode: every category name the Go code passes to
// pattern, find or has is a category patterns.tsv may hold, so a typo in
// the code cannot silently empty a rule either.
func TestCategoryNamesInCode(t *testing.T) {
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	seen := 0
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			arg := -1
			switch sel.Sel.Name {
			case "pattern":
				arg = 0
			case "find", "has":
				arg = 1
			}
			if arg < 0 || len(call.Args) <= arg {
				return true
			}
			lit, ok := call.Args[arg].(*ast.BasicLit)
			if !ok || lit.Kind != gotoken.STRING {
				return true
			}
			cat, _ := strconv.Unquote(lit.Value)
			seen++
			if _, known := ontology.PatternCategories[cat]; !known {
				t.Errorf("%s: category %q is not in ontology.PatternCategories", fset.Position(lit.Pos()), cat)
			}
			return true
		})
	}
	if seen < 10 {
		t.Errorf("only %d category names found in the code: the test no longer sees the calls", seen)
	}
}
