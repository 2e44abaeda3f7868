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

// tableCase edits a copy of a frame's rule table and names the error the
// check must give for it.
type tableCase[Run any] struct {
	name string
	edit func([]frameRule[Run]) []frameRule[Run]
	want string
}

// checkTableCases runs each case on the table *table points at and puts
// the table back.
func checkTableCases[Run any](t *testing.T, r *rules, table *[]frameRule[Run], cases []tableCase[Run]) {
	t.Helper()
	saved := *table
	defer func() { *table = saved }()
	for _, c := range cases {
		*table = c.edit(append([]frameRule[Run](nil), saved...))
		if err := checkRuleTables(r); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

// TestRuleTablesChecked: a rule naming a category patterns.tsv lacks, or
// needing a rule that runs after it, or listed twice, fails when the rules
// load, in every frame's table.
func TestRuleTablesChecked(t *testing.T) {
	r := mustRules(t)
	if err := checkRuleTables(r); err != nil {
		t.Fatalf("embedded rules: %v", err)
	}
	checkTableCases(t, r, &outcomeRules, []tableCase[func(*extraction, *outcomeSentence)]{
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
	})
	checkTableCases(t, r, &cohortRules, []tableCase[func(*extraction, *Cohort)]{
		{"category typo", func(rs []cohortRule) []cohortRule {
			rs[4].categories = []string{"refractroy"}
			return rs
		}, `cohort rule refractory reads pattern category "refractroy"`},
		{"dependency after", func(rs []cohortRule) []cohortRule {
			return append([]cohortRule{rs[1]}, rs...)
		}, "cohort rule age-and-sex needs size, which does not run before it"},
	})
	checkTableCases(t, r, &interventionRules, []tableCase[func(*extraction, *Intervention, *ontology.LexiconEntry, bool)]{
		{"category typo", func(rs []interventionRule) []interventionRule {
			rs[2].categories = []string{"course-nuon"}
			return rs
		}, `intervention rule courses reads pattern category "course-nuon"`},
	})
}

// TestCohortFrameRunsItsTable: the cohort frame is what its table lists;
// without the size rule no size is read.
func TestCohortFrameRunsItsTable(t *testing.T) {
	saved := cohortRules
	defer func() { cohortRules = saved }()
	const text = "Twelve patients with chronic ITP received MSCs."
	if f := Extract(Input{Abstract: text}); len(f.Cohorts) == 0 || f.Cohorts[0].Size != 12 {
		t.Fatalf("with the table as it is: %+v", f.Cohorts)
	}
	cohortRules = nil
	for _, rule := range saved {
		if rule.name != "size" && rule.name != "age-and-sex" {
			cohortRules = append(cohortRules, rule)
		}
	}
	if f := Extract(Input{Abstract: text}); len(f.Cohorts) > 0 && f.Cohorts[0].Size != 0 {
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
