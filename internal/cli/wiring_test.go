package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strings"
	"testing"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/model"
	"github.com/authgen/authgen/internal/render"
)

// TestWiringNamesExist keeps the next-steps snippet true: every pkg.Name
// and a.Method it uses must be declared by the generated package.
func TestWiringNamesExist(t *testing.T) {
	for _, s := range answers.Strategies {
		a := answers.Answers{Strategy: s, Pkg: "internal/authx"}.Fill()
		m, err := model.FromAnswers("example.com/app", a, "test")
		if err != nil {
			t.Fatal(err)
		}
		files, err := render.Render(m)
		if err != nil {
			t.Fatal(err)
		}
		declared := map[string]bool{}
		for _, p := range files.Paths() {
			if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || strings.Contains(p, "/example/") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), p, files[p], 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					declared[d.Name.Name] = true
				case *ast.GenDecl:
					for _, sp := range d.Specs {
						switch sp := sp.(type) {
						case *ast.TypeSpec:
							declared[sp.Name.Name] = true
						case *ast.ValueSpec:
							for _, n := range sp.Names {
								declared[n.Name] = true
							}
						}
					}
				}
			}
		}
		w := wiring(s, "authx")
		if strings.Contains(w, "auth.") {
			t.Errorf("%s: the snippet does not use the package name", s)
		}
		for _, m := range regexp.MustCompile(`\b(?:authx|a)\.([A-Z]\w*)`).FindAllStringSubmatch(w, -1) {
			if !declared[m[1]] {
				t.Errorf("%s: the wiring snippet uses %s, which the generated package does not declare", s, m[0])
			}
		}
	}
}
