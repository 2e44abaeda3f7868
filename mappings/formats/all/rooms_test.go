package all

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
)

// formatRoom is what the source of one format package says about itself.
type formatRoom struct {
	dir     string   // folder, relative to the repository root
	pkg     string   // package name
	names   []string // Name of each format it registers
	imports []string // import paths of its non-test files
}

// readRoom parses the non-test files of a format package.
func readRoom(t *testing.T, root, importPath string) formatRoom {
	t.Helper()
	room := formatRoom{dir: strings.TrimPrefix(importPath, module+"/")}
	files, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(room.dir), "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		room.pkg = f.Name.Name
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			room.imports = append(room.imports, p)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if sel, ok := lit.Type.(*ast.SelectorExpr); !ok || sel.Sel.Name != "Format" {
				return true
			}
			for _, e := range lit.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if key, _ := kv.Key.(*ast.Ident); !ok || key == nil || key.Name != "Name" {
					continue
				}
				if v, ok := kv.Value.(*ast.BasicLit); ok && v.Kind == token.STRING {
					name, _ := strconv.Unquote(v.Value)
					room.names = append(room.names, name)
				} else {
					t.Errorf("%s: a format's Name must be a string literal, so that this check can read it", fset.Position(kv.Pos()))
				}
			}
			return true
		})
	}
	return room
}

// roomProblems lists what breaks the one-room rule in the format package
// importPath (see TestFormatRooms); pkgs are all format packages.
func roomProblems(room formatRoom, importPath string, pkgs []string) []string {
	var out []string
	for _, name := range room.names {
		if !strings.HasPrefix(strings.ReplaceAll(name, "-", ""), room.pkg) {
			out = append(out, fmt.Sprintf("%s: package %s registers format %q: the name must start with the package name", room.dir, room.pkg, name))
		}
	}
	for _, imp := range room.imports {
		if imp != importPath && imp != module+"/mappings" && slices.Contains(pkgs, imp) {
			out = append(out, fmt.Sprintf("%s imports the format package %s: shared code belongs in mappings", room.dir, imp))
		}
	}
	return out
}

// TestFormatRooms: each format package below mappings/ is one room. Its
// package name is the start of every format name it registers (hyphens
// aside: package csljson registers "csl-json"), so the folder a reader
// lives in is found from the name --from takes and the other way round;
// and it imports no other format package, so adding, changing or
// removing a format touches its own folder only (plus all.go, which is
// generated).
func TestFormatRooms(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	pkgs, err := formatPackages(root)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, p := range pkgs {
		if p == module+"/mappings" {
			t.Errorf("mappings itself registers a format: a format is a package of its own below mappings/")
			continue
		}
		room := readRoom(t, root, p)
		seen++
		if len(room.names) == 0 {
			t.Errorf("%s: calls mappings.Register but no mappings.Format{Name: ...} was found", room.dir)
		}
		for _, problem := range roomProblems(room, p, pkgs) {
			t.Error(problem)
		}
		for _, name := range room.names {
			if _, ok := mappings.Lookup(name); !ok {
				t.Errorf("%s: format %q is not registered when all is linked in", room.dir, name)
			}
		}
	}
	if seen < 5 {
		t.Fatalf("found only %d format packages: the search is broken", seen)
	}
}

// TestRoomChecks: the checks above fail on a package whose name and
// registration disagree, and on one format package importing another.
func TestRoomChecks(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, src string) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("mappings/ris/ris.go", "package ris\nimport \"github.com/msckg/msckg/mappings\"\nfunc init() { mappings.Register(mappings.Format{Name: \"nbib\"}) }\n")
	write("mappings/nbib/nbib.go", "package nbib\nimport (\n\"github.com/msckg/msckg/mappings\"\n_ \"github.com/msckg/msckg/mappings/ris\"\n)\nfunc init() { mappings.Register(mappings.Format{Name: \"nbib\"}) }\n")
	pkgs := []string{module + "/mappings", module + "/mappings/nbib", module + "/mappings/ris"}
	ris := readRoom(t, dir, module+"/mappings/ris")
	if ris.pkg != "ris" || !slices.Equal(ris.names, []string{"nbib"}) {
		t.Fatalf("read %+v", ris)
	}
	if got := roomProblems(ris, module+"/mappings/ris", pkgs); len(got) != 1 || !strings.Contains(got[0], `package ris registers format "nbib"`) {
		t.Errorf("name check: %q", got)
	}
	nbib := readRoom(t, dir, module+"/mappings/nbib")
	if got := roomProblems(nbib, module+"/mappings/nbib", pkgs); len(got) != 1 || !strings.Contains(got[0], "imports the format package "+module+"/mappings/ris") {
		t.Errorf("import check: %q", got)
	}
}
