package bench

import (
	"bufio"
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"

	"github.com/authgen/authgen/internal/model"
	"github.com/authgen/authgen/internal/render"
)

// A childVariant is a generated package rendered into the child module,
// with the benchmark file the harness writes beside it.
type childVariant struct {
	combo  string // model.Combinations name, e.g. "session-memory"
	pkg    string // package directory under internal/ in the child module
	family string // the benchmark it defines: Benchmark<family>/...
	bench  string // benchmark source; "PKG" stands for the package name
}

var childVariants = []childVariant{
	{"session-memory", "sessmem", "SessionMemory", sessionMemoryChild},
	{"session-redis", "sessredis", "SessionRedis", sessionRedisChild},
	{"session-postgres", "sesspg", "SessionPostgres", sessionPostgresChild},
	{"jwt-eddsa", "jwteddsa", "JWTVerifyEdDSA", jwtChild("EdDSA")},
	{"jwt-es256", "jwtes256", "JWTVerifyES256", jwtChild("ES256")},
	{"jwt-rs256", "jwtrs256", "JWTVerifyRS256", jwtChild("RS256")},
	{"hybrid-memory-eddsa", "hybmem", "HybridRefreshMemory", hybridChild("HybridRefreshMemory", "memory")},
	{"hybrid-postgres-eddsa", "hybpg", "HybridRefreshPostgres", hybridChild("HybridRefreshPostgres", "postgres")},
	{"hybrid-redis-eddsa", "hybredis", "HybridRefreshRedis", hybridChild("HybridRefreshRedis", "redis")},
}

// childResult is one benchmark line of the child run: unit -> value
// (ns/op, B/op, allocs/op, cpu-ns/op).
type childResult map[string]float64

var (
	childResults = map[string][]childResult{} // "SessionMemory/authgen" -> figures (one per -count)
	childSkips   = map[string]string{}        // family -> why the child skipped it
	childErr     error                        // set when the child run failed
	childRan     bool
)

func TestMain(m *testing.M) {
	flag.Parse()
	if pat := flag.Lookup("test.bench").Value.String(); pat != "" {
		// The child runs first and alone, so that the figures of the
		// generated code are not taken while this process benchmarks.
		childRan = true
		childErr = runChild(pat, flag.Lookup("test.benchtime").Value.String(), flag.Lookup("test.count").Value.String())
	}
	os.Exit(m.Run())
}

// fromChild reports the child's figures for the running sub-benchmark
// (named like the child's) in place of its own.
func fromChild(b *testing.B) {
	name := strings.TrimPrefix(b.Name(), "Benchmark")
	if !childRan {
		b.Skip("the child benchmarks run only under -bench")
	}
	if childErr != nil {
		b.Fatalf("benchmarks of the generated code: %v", childErr)
	}
	rs, ok := childResults[name]
	if !ok {
		family, _, _ := strings.Cut(name, "/")
		if why, skipped := childSkips[family]; skipped {
			b.Skip(why)
		}
		b.Fatalf("the child run reported no %s", name)
	}
	// The median run of the child (with -count n the child ran n times):
	// by ns/op, or by the ratio a paired benchmark reports.
	key := "ns/op"
	if _, paired := rs[0]["authgen/raw"]; paired {
		key = "authgen/raw"
	}
	slices.SortFunc(rs, func(x, y childResult) int { return cmp.Compare(x[key], y[key]) })
	r := rs[len(rs)/2]
	for range b.N {
	}
	for unit, v := range r {
		b.ReportMetric(v, unit)
	}
}

// repoRoot is the authgen module root (go test runs in bench/).
func repoRoot() string {
	abs, _ := filepath.Abs("..")
	return abs
}

// runChild renders the variants into a temporary module and runs their
// benchmarks that match pattern.
func runChild(pattern, benchtime, count string) error {
	dir, err := os.MkdirTemp("", "authgen-bench-")
	if err != nil {
		return err
	}
	if os.Getenv("AUTH_BENCH_KEEP") == "" {
		defer os.RemoveAll(dir)
	} else {
		fmt.Fprintf(os.Stderr, "bench: child module kept in %s\n", dir)
	}
	// Only the variants whose benchmark the pattern selects (its first
	// slash-separated element is matched against the top-level name, as
	// go test does).
	first, rest, hasRest := strings.Cut(pattern, "/")
	re, err := regexp.Compile(first)
	if err != nil {
		return err
	}
	var pkgs, families []string
	for _, v := range childVariants {
		if !re.MatchString("Benchmark" + v.family) {
			continue
		}
		if !comboExists(v.combo) {
			childSkips[v.family] = fmt.Sprintf("authgen does not render %s yet (internal/answers storesFor)", v.combo)
			continue
		}
		if err := writeVariant(dir, v); err != nil {
			return fmt.Errorf("%s: %w", v.combo, err)
		}
		pkgs = append(pkgs, "./internal/"+v.pkg)
		families = append(families, v.family)
	}
	if len(pkgs) == 0 {
		return nil
	}
	if err := writeChildGoMod(dir); err != nil {
		return err
	}
	// Only the harness's benchmarks, not those the generated package has.
	childPattern := "^Benchmark(" + strings.Join(families, "|") + ")$"
	if hasRest {
		childPattern += "/" + rest
	}
	args := []string{"test", "-v", "-run", "^$", "-bench", childPattern, "-benchmem", "-count", "1", "-timeout", "30m"}
	if benchtime != "" {
		args = append(args, "-benchtime", benchtime)
	}
	if v := os.Getenv("AUTH_BENCH_CPU"); v != "" {
		args = append(args, "-cpu", v)
	}
	cmd := exec.Command("go", append(args, pkgs...)...)
	cmd.Dir = dir
	// The child module's go.sum comes from the golden modules; -mod=mod
	// lets go fill in a line a new template requirement needs.
	// -count n becomes n interleaved rounds in the child (see zzRounds).
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "AUTH_BENCH_ROUNDS="+count)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err = cmd.Run()
	if testing.Verbose() || err != nil {
		fmt.Fprintf(os.Stderr, "bench: child go test (%v):\n%s", time.Since(start).Round(time.Millisecond), out.String())
	}
	parseChild(out.Bytes())
	if err != nil {
		return fmt.Errorf("go test in the child module: %v", err)
	}
	return nil
}

var (
	benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:#\d+)?(?:-\d+)?\s+\d+\s+(.*)$`)
)

func parseChild(out []byte) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	lastMsg := "" // go test -v prints a skip's message before its "--- SKIP" line
	for sc.Scan() {
		line := sc.Text()
		if m := benchLine.FindStringSubmatch(line); m != nil {
			r := childResult{}
			f := strings.Fields(m[2])
			for i := 0; i+1 < len(f); i += 2 {
				if v, err := strconv.ParseFloat(f[i], 64); err == nil {
					r[f[i+1]] = v
				}
			}
			childResults[m[1]] = append(childResults[m[1]], r)
			continue
		}
		trimmed := strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(trimmed, "--- SKIP: Benchmark"); ok {
			name, _, _ := strings.Cut(rest, " ")
			family, _, _ := strings.Cut(name, "/")
			if _, done := childSkips[family]; !done {
				childSkips[family] = lastMsg
			}
			lastMsg = ""
			continue
		}
		switch {
		case !strings.HasPrefix(line, "    ") || strings.HasPrefix(trimmed, "---"):
			lastMsg = ""
		case lastMsg == "":
			lastMsg = trimmed // the first line of the message
		}
	}
}

func comboExists(name string) bool {
	for _, c := range model.Combinations() {
		if c.Name == name {
			return true
		}
	}
	return false
}

// writeVariant renders combination v.combo with its package at
// internal/<v.pkg> and adds the harness's benchmark file.
func writeVariant(dir string, v childVariant) error {
	var found bool
	var c model.Combination
	for _, cc := range model.Combinations() {
		if cc.Name == v.combo {
			c, found = cc, true
		}
	}
	if !found {
		return fmt.Errorf("no combination %q in this version of authgen", v.combo)
	}
	a := c.Answers
	a.Pkg = "internal/" + v.pkg
	m, err := model.FromAnswers("example.com/app", a, "bench")
	if err != nil {
		return err
	}
	files, err := render.Render(m)
	if err != nil {
		return err
	}
	for p, b := range files {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
	}
	cpu := strings.Replace(childCPU, "package PKG", "package "+v.pkg, 1)
	if err := os.WriteFile(filepath.Join(dir, "internal", v.pkg, "zz_cpu_test.go"), []byte(cpu), 0o644); err != nil {
		return err
	}
	src := strings.Replace(v.bench, "package PKG", "package "+v.pkg, 1)
	return os.WriteFile(filepath.Join(dir, "internal", v.pkg, "zz_authgen_bench_test.go"), []byte(src), 0o644)
}

// writeChildGoMod writes a go.mod requiring what the golden modules
// require and a go.sum made of theirs.
func writeChildGoMod(dir string) error {
	mods, _ := filepath.Glob(filepath.Join(repoRoot(), "golden", "*", "go.mod"))
	req := map[string]string{}
	var sum []string
	for _, gm := range mods {
		data, err := os.ReadFile(gm)
		if err != nil {
			return err
		}
		f, err := modfile.ParseLax(gm, data, nil)
		if err != nil {
			return err
		}
		for _, r := range f.Require {
			if cur, ok := req[r.Mod.Path]; !ok || semverLess(cur, r.Mod.Version) {
				req[r.Mod.Path] = r.Mod.Version
			}
		}
		if s, err := os.ReadFile(filepath.Join(filepath.Dir(gm), "go.sum")); err == nil {
			sum = append(sum, strings.Split(strings.TrimSpace(string(s)), "\n")...)
		}
	}
	var gm strings.Builder
	gm.WriteString("module example.com/app\n\ngo 1.25.0\n\nrequire (\n")
	paths := make([]string, 0, len(req))
	for p := range req {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		fmt.Fprintf(&gm, "\t%s %s\n", p, req[p])
	}
	gm.WriteString(")\n")
	slices.Sort(sum)
	sum = slices.Compact(sum)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gm.String()), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.sum"), []byte(strings.Join(sum, "\n")+"\n"), 0o644)
}

func semverLess(a, b string) bool { return semver.Compare(a, b) < 0 }
