package golden

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/authgen/authgen/internal/answers"
)

// mustsFile lists the MUST requirements of SECURITY.md by ID.
const (
	mustsFile    = "../docs/security-musts.txt"
	coverageFile = "../docs/requirements-coverage.md"
	securityMD   = "../../shared/SECURITY.md" // beside the repository, where present
)

// applies says which requirement families each strategy must meet, and
// which single IDs beyond them (the JWT strategy takes C-1, C-4 and C-11).
var applies = map[answers.Strategy]struct {
	families string
	extra    []string
}{
	answers.Session: {families: "CSXPRL"},
	answers.JWT:     {families: "JL", extra: []string{"C-1", "C-4", "C-11"}},
	answers.Hybrid:  {families: "CHXPRLJ"},
}

type must struct{ id, title string }

func readMusts(t *testing.T) []must {
	t.Helper()
	f, err := os.Open(mustsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []must
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("%s: malformed line %q", mustsFile, line)
		}
		out = append(out, must{id: parts[0], title: parts[2]})
	}
	return out
}

// TestMustListMatchesSecurityMD keeps docs/security-musts.txt in step with
// SECURITY.md when the latter is beside the repository.
func TestMustListMatchesSecurityMD(t *testing.T) {
	data, err := os.ReadFile(securityMD)
	if err != nil {
		t.Skipf("no %s beside the repository: the committed list is used as is", securityMD)
	}
	re := regexp.MustCompile(`(?m)^\*\*([A-Z]-\d+) [^*]*\((MUST[^)]*)\)\.\*\*`)
	var want []string
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		want = append(want, m[1])
	}
	var have []string
	for _, m := range readMusts(t) {
		have = append(have, m.id)
	}
	if !slices.Equal(want, have) {
		t.Fatalf("%s is out of date with SECURITY.md:\nSECURITY.md: %v\nlist:        %v", mustsFile, want, have)
	}
}

var idRe = regexp.MustCompile(`\b([CSJHXPRL])-?(\d{1,2})\b`)

// testIDs maps each requirement ID named in the package's tests (in a test
// function's name, its doc comment, or the comments and strings inside it)
// to those tests' names.
func testIDs(t *testing.T, dir string) map[string][]string {
	t.Helper()
	fset := token.NewFileSet()
	files, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	out := map[string][]string{}
	add := func(text, fn string) {
		for _, m := range idRe.FindAllStringSubmatch(text, -1) {
			id := m[1] + "-" + m[2]
			if !slices.Contains(out[id], fn) {
				out[id] = append(out[id], fn)
			}
		}
	}
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || !(strings.HasPrefix(fd.Name.Name, "Test") || strings.HasPrefix(fd.Name.Name, "Benchmark") || strings.HasPrefix(fd.Name.Name, "Fuzz")) {
				continue
			}
			fn := fd.Name.Name
			// An ID in the name: TestLoginRenewsSessionID_S3.
			if i := strings.LastIndex(fn, "_"); i > 0 {
				add(fn[i+1:], fn)
			}
			if fd.Doc != nil {
				add(fd.Doc.Text(), fn)
			}
			for _, cg := range f.Comments {
				if cg.Pos() >= fd.Body.Pos() && cg.End() <= fd.Body.End() {
					add(cg.Text(), fn)
				}
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					add(lit.Value, fn)
				}
				return true
			})
		}
	}
	return out
}

// TestEveryMustHasANamedTest fails when a MUST requirement that applies to
// a strategy is named by no test of that strategy's generated package, and
// writes the ID -> tests table to docs/ with -update.
func TestEveryMustHasANamedTest(t *testing.T) {
	musts := readMusts(t)
	var report strings.Builder
	report.WriteString("# Requirement coverage\n\n")
	report.WriteString("Which generated tests name each MUST of the security requirements, per strategy.\n")
	report.WriteString("Written by `go test ./golden -run TestEveryMustHasANamedTest -update`; checked by the same test.\n")
	seen := map[answers.Strategy]bool{}
	for _, s := range scenarios(t) {
		strategy := s.answers.Strategy
		if seen[strategy] {
			continue // one scenario per strategy: the tests are the same across stores and algorithms
		}
		seen[strategy] = true
		rule := applies[strategy]
		ids := testIDs(t, filepath.Join(s.dir, filepath.FromSlash(s.answers.Pkg)))
		fmt.Fprintf(&report, "\n## %s (scenario %s)\n\n| ID | requirement | tests |\n|---|---|---|\n", strategy, s.name)
		for _, m := range musts {
			if !strings.Contains(rule.families, m.id[:1]) && !slices.Contains(rule.extra, m.id) {
				continue
			}
			tests := ids[m.id]
			slices.Sort(tests)
			if len(tests) == 0 {
				t.Errorf("%s: MUST %s (%s) is named by no generated test", strategy, m.id, m.title)
			}
			fmt.Fprintf(&report, "| %s | %s | %s |\n", m.id, m.title, strings.Join(tests, ", "))
		}
	}
	if *update {
		if err := os.WriteFile(coverageFile, []byte(report.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if have, _ := os.ReadFile(coverageFile); string(have) != report.String() {
		t.Errorf("%s is out of date: go test ./golden -run TestEveryMustHasANamedTest -update", coverageFile)
	}
}
