package render

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/model"
	"github.com/authgen/authgen/templates"
)

const testModule = "example.com/app"

func mustModel(t *testing.T, a answers.Answers) model.Model {
	t.Helper()
	m, err := model.FromAnswers(testModule, a.Fill(), "test")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestQuote(t *testing.T) {
	q := Funcs()["quote"].(func(string) string)
	for _, s := range []string{"", "plain", `x"; panic(1) //`, "back`tick", "new\nline", "*/ {{ }}", "ünïcødé"} {
		got := q(s)
		back, err := strconv.Unquote(got)
		if err != nil || back != s {
			t.Errorf("quote(%q) = %s, unquotes to %q, %v", s, got, back, err)
		}
	}
}

func TestMDCode(t *testing.T) {
	cases := map[string]string{
		"api":       "`api`",
		"a`b":       "``a`b``",
		"`x`":       "`` `x` ``",
		"a``b":      "```a``b```",
		"https://x": "`https://x`",
	}
	for in, want := range cases {
		if got := MDCode(in); got != want {
			t.Errorf("MDCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJoin(t *testing.T) {
	j := Funcs()["join"].(func(string, any) (string, error))
	if got, err := j(", ", []answers.Client{answers.Browser, answers.SPA}); err != nil || got != "browser, spa" {
		t.Errorf("join clients = %q, %v", got, err)
	}
	if got, err := j("|", []string{"a", "b"}); err != nil || got != "a|b" {
		t.Errorf("join strings = %q, %v", got, err)
	}
	if _, err := j(",", 3); err == nil {
		t.Error("join of an int: no error")
	}
}

func TestLowerUpper(t *testing.T) {
	f := Funcs()
	if got := f["lower"].(func(string) string)("EdDSA"); got != "eddsa" {
		t.Errorf("lower = %q", got)
	}
	if got := f["upper"].(func(string) string)("es256"); got != "ES256" {
		t.Errorf("upper = %q", got)
	}
}

func TestFuncsIsFresh(t *testing.T) {
	a, b := Funcs(), Funcs()
	a["quote"] = nil
	if b["quote"] == nil {
		t.Fatal("Funcs returns a shared map")
	}
}

func TestEveryTemplateDeclaresItsType(t *testing.T) {
	const gotype = "{{/* gotype: github.com/authgen/authgen/internal/model.Model */"
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.HasSuffix(p, ".tmpl") {
			t.Errorf("%s: template files end in .tmpl", p)
			return nil
		}
		b, _ := fs.ReadFile(templates.FS, p)
		if !bytes.HasPrefix(b, []byte(gotype)) {
			t.Errorf("%s does not start with %s", p, gotype)
		}
		if _, err := template.New(p).Funcs(Funcs()).Parse(string(b)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRegistryMatchesTemplates(t *testing.T) {
	used := map[string]bool{}
	for _, f := range templates.Registry() {
		if _, err := fs.Stat(templates.FS, f.Tmpl); err != nil {
			t.Errorf("registry row %s: %v", f.Tmpl, err)
		}
		if len(f.For) == 0 {
			t.Errorf("registry row %s: produced by no strategy", f.Tmpl)
		}
		used[f.Tmpl] = true
	}
	fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !used[p] && !strings.HasSuffix(p, "README.md") {
			t.Errorf("template %s has no registry row", p)
		}
		return nil
	})
}

// TestEveryCombinationRenders renders every variant twice: the output must
// be identical (no time, no map order), every Go file must parse and carry
// the header, and none may claim "DO NOT EDIT".
func TestEveryCombinationRenders(t *testing.T) {
	for _, c := range model.Combinations() {
		t.Run(c.Name, func(t *testing.T) {
			m := mustModel(t, c.Answers)
			first, err := Render(m)
			if err != nil {
				t.Fatal(err)
			}
			second, err := Render(m)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(first.Paths(), second.Paths()) {
				t.Fatalf("paths differ between runs")
			}
			for _, p := range first.Paths() {
				if !bytes.Equal(first[p], second[p]) {
					t.Errorf("%s differs between two renders", p)
				}
				if !strings.HasPrefix(p, m.PkgDir+"/") {
					t.Errorf("%s is outside the package directory %s", p, m.PkgDir)
				}
				if !strings.HasSuffix(p, ".go") {
					continue
				}
				if !bytes.HasPrefix(first[p], []byte(Header)) {
					t.Errorf("%s lacks the header", p)
				}
				if bytes.Contains(first[p], []byte("DO NOT EDIT")) {
					t.Errorf("%s says DO NOT EDIT, but the user owns it", p)
				}
				if _, err := parser.ParseFile(token.NewFileSet(), p, first[p], parser.AllErrors); err != nil {
					t.Errorf("%s does not parse: %v", p, err)
				}
			}
		})
	}
}

// TestFreeTextCannotInjectCode renders every JWT-using variant with an
// issuer and audience built to break out of a string literal. The output
// must parse, and hold the exact text as a string literal.
func TestFreeTextCannotInjectCode(t *testing.T) {
	hostile := []string{`x"; panic(1) //`, "x`+panic(1)+`", `*/ panic(1) /*`, `{{.Module}}`, `ünï "cødé" \n`}
	for _, c := range model.Combinations() {
		if c.Answers.Strategy == answers.Session {
			continue
		}
		for _, h := range hostile {
			a := c.Answers
			a.Issuer, a.Audience = h, h+"-aud"
			m := mustModel(t, a)
			files, err := Render(m)
			if err != nil {
				t.Fatalf("%s with %q: %v", c.Name, h, err)
			}
			var sawIss, sawAud bool
			for _, p := range files.Paths() {
				if !strings.HasSuffix(p, ".go") {
					continue
				}
				f, err := parser.ParseFile(token.NewFileSet(), p, files[p], 0)
				if err != nil {
					t.Fatalf("%s with issuer %q: %s does not parse: %v", c.Name, h, p, err)
				}
				ast.Inspect(f, func(n ast.Node) bool {
					if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						v, _ := strconv.Unquote(lit.Value)
						sawIss = sawIss || v == h
						sawAud = sawAud || v == h+"-aud"
					}
					if call, ok := n.(*ast.CallExpr); ok {
						if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" && len(call.Args) == 1 {
							if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Value == "1" {
								t.Errorf("%s: %s: injected panic(1) with issuer %q", c.Name, p, h)
							}
						}
					}
					return true
				})
			}
			if !sawIss || !sawAud {
				t.Errorf("%s: issuer %q (seen %v) or audience (seen %v) is not a string literal in the Go output", c.Name, h, sawIss, sawAud)
			}
		}
	}
}

// TestFormatGoNeverAddsImports: a use without its import is refused with
// the package named, instead of goimports adding whatever this machine has.
func TestFormatGoNeverAddsImports(t *testing.T) {
	src := []byte("package p\n\nfunc f() string { return strings.ToUpper(\"x\") }\n")
	if _, err := FormatGo("p.go", src); err == nil || !strings.Contains(err.Error(), `uses package "strings" without importing it`) {
		t.Fatalf("err = %v, want a refusal naming the package", err)
	}
	// A selector on a name declared elsewhere in the package is not an import.
	src = []byte("package p\n\nfunc f() string { return cfg.Name }\n")
	out, err := FormatGo("p.go", src)
	if err != nil || strings.Contains(string(out), "import") {
		t.Fatalf("out = %s, err = %v", out, err)
	}
}

// TestFormatGoOutputImportsAreTheTemplates: for every variant, the imports
// of each formatted file are a subset of what its template listed.
func TestFormatGoOutputImportsAreTheTemplates(t *testing.T) {
	for _, c := range model.Combinations() {
		m := mustModel(t, c.Answers)
		for _, row := range templates.For(m) {
			if !strings.HasSuffix(row.Out, ".go") {
				continue
			}
			raw, err := execute(row.Tmpl, m)
			if err != nil {
				t.Fatal(err)
			}
			before, err := importSet(row.Out, raw)
			if err != nil {
				t.Fatalf("%s: %v", row.Tmpl, err)
			}
			out, err := FormatGo(row.Out, raw)
			if err != nil {
				t.Fatalf("%s: %v", row.Tmpl, err)
			}
			after, _ := importSet(row.Out, out)
			for p := range after {
				if !before[p] {
					t.Errorf("%s (%s): import %q was added", row.Tmpl, c.Name, p)
				}
			}
		}
	}
}

func TestAssumedName(t *testing.T) {
	cases := map[string]string{
		"github.com/golang-jwt/jwt/v5":      "jwt",
		"github.com/redis/go-redis/v9":      "redis",
		"github.com/lestrrat-go/jwx/v3/jwk": "jwk",
		"modernc.org/sqlite":                "sqlite",
		"golang.org/x/crypto/argon2":        "argon2",
		"net/http":                          "http",
		"gopkg.in/yaml.v3":                  "yaml",
	}
	for in, want := range cases {
		if got := assumedName(in); got != want {
			t.Errorf("assumedName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatGoPrunesAndSorts(t *testing.T) {
	src := []byte("package p\n\nimport (\n\t\"strings\"\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc f() { fmt.Println(strings.ToUpper(\"x\")) }\n")
	out, err := FormatGo("p.go", src)
	if err != nil {
		t.Fatal(err)
	}
	want := "package p\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc f() { fmt.Println(strings.ToUpper(\"x\")) }\n"
	if string(out) != want {
		t.Fatalf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestRenderNamesTheFailingFile(t *testing.T) {
	_, err := FormatGo("internal/auth/x.go", []byte("package p\nfunc {"))
	if err == nil || !strings.Contains(err.Error(), "internal/auth/x.go") {
		t.Fatalf("err = %v, want it to name the file", err)
	}
}

// TestFormatGoFastPathMatchesGoimports renders every combination and checks
// that FormatGo's fast path (one parse, one print when the imports are
// already canonical) gives exactly what the goimports path gives.
func TestFormatGoFastPathMatchesGoimports(t *testing.T) {
	fastHits, total := 0, 0
	seen := map[string]bool{} // many combinations render the same file
	for _, c := range model.Combinations() {
		m, err := model.FromAnswers("example.com/app", c.Answers, "test")
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range templates.For(m) {
			dst := path.Join(m.PkgDir, row.Out)
			if !strings.HasSuffix(dst, ".go") {
				continue
			}
			b, err := execute(row.Tmpl, m)
			if err != nil {
				t.Fatal(err)
			}
			src := append([]byte(Header), b...)
			if seen[dst+"\x00"+string(src)] {
				continue
			}
			seen[dst+"\x00"+string(src)] = true
			fast, err := formatGo(dst, src, true)
			if err != nil {
				t.Fatalf("%s %s: %v", c.Name, dst, err)
			}
			slow, err := formatGo(dst, src, false)
			if err != nil {
				t.Fatalf("%s %s: %v", c.Name, dst, err)
			}
			total++
			if !bytes.Equal(fast, slow) {
				t.Errorf("%s %s: the fast path differs from goimports", c.Name, dst)
			}
			fset := token.NewFileSet()
			if f, err := parser.ParseFile(fset, dst, slow, parser.ParseComments); err == nil && importsCanonical(fset, f) {
				fastHits++
			}
		}
	}
	t.Logf("%d of %d distinct files have canonical imports", fastHits, total)
}
