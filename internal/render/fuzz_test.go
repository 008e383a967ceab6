package render

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/model"
)

// FuzzRenderFreeText renders the JWT strategy with arbitrary issuer and
// audience text: authgen either refuses the text with an error naming the
// flag, or renders Go that parses and holds the text exactly, as a string
// literal.
func FuzzRenderFreeText(f *testing.F) {
	for _, s := range []string{"https://auth.example.com", `x"; panic(1) //`, "x`+panic(1)+`", "*/ /*", "{{.Module}}", "ünï\u202ecødé", "a\nb", "\x00", `\`} {
		f.Add(s, "api")
	}
	f.Fuzz(func(t *testing.T, issuer, audience string) {
		a := answers.Answers{Arch: answers.Microservices, Strategy: answers.JWT, Issuer: issuer, Audience: audience}.Fill()
		if issuer == "" || audience == "" {
			return // empty means "not answered": the default is used
		}
		if err := a.Validate(); err != nil {
			if !strings.Contains(err.Error(), "--issuer") && !strings.Contains(err.Error(), "--audience") {
				t.Fatalf("refusal does not name the flag: %v", err)
			}
			return
		}
		m, err := model.FromAnswers("example.com/app", a, "fuzz")
		if err != nil {
			t.Fatal(err)
		}
		files, err := Render(m)
		if err != nil {
			t.Fatalf("valid text %q broke render: %v", issuer, err)
		}
		found := false
		for _, p := range files.Paths() {
			if !strings.HasSuffix(p, ".go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), p, files[p], 0)
			if err != nil {
				t.Fatalf("%s does not parse with issuer %q: %v", p, issuer, err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if v, _ := strconv.Unquote(lit.Value); v == issuer {
						found = true
					}
				}
				return true
			})
		}
		if !found {
			t.Fatalf("issuer %q is not a string literal of the output", issuer)
		}
	})
}
