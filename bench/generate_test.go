package bench

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/model"
	"github.com/authgen/authgen/internal/render"
)

// largestModel is the largest variant: hybrid with SQLite and RS256.
func largestModel(tb testing.TB) model.Model {
	tb.Helper()
	for _, c := range model.Combinations() {
		if c.Answers.Strategy == answers.Hybrid && c.Answers.Store == answers.SQLite && c.Answers.Alg == answers.RS256 {
			m, err := model.FromAnswers("example.com/app", c.Answers, "bench")
			if err != nil {
				tb.Fatal(err)
			}
			return m
		}
	}
	tb.Fatal("no hybrid/sqlite/RS256 combination")
	return model.Model{}
}

var largestFlags = []string{"init", "--yes", "--no-deps", "--arch", "mobile", "--clients", "spa,mobile",
	"--strategy", "hybrid", "--store", "sqlite", "--alg", "RS256"}

// BenchmarkGenerate: authgen is the command "authgen init --yes --no-deps"
// for the largest variant, a process per run, in a fresh module (the
// figure a user waits for; it reports the median too); render is
// render.Render alone, in process; gofmt is go/format.Source over the same
// output files, one after the other (parse + print: the floor). cpu-ms is
// the median CPU time (user + system) of the authgen process, which a busy
// machine inflates less than the wall time.
func BenchmarkGenerate(b *testing.B) {
	m := largestModel(b)
	b.Run("authgen", func(b *testing.B) {
		bin := filepath.Join(b.TempDir(), "authgen")
		build := exec.Command("go", "build", "-o", bin, "./cmd/authgen")
		build.Dir = repoRoot()
		if out, err := build.CombinedOutput(); err != nil {
			b.Fatalf("go build: %v\n%s", err, out)
		}
		root := b.TempDir()
		var runs, cpus []time.Duration
		i := 0
		b.ResetTimer()
		for b.Loop() {
			b.StopTimer()
			i++
			dir := filepath.Join(root, "m"+strconv.Itoa(i))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/app\n\ngo 1.25.0\n"), 0o644); err != nil {
				b.Fatal(err)
			}
			cmd := exec.Command(bin, largestFlags...)
			cmd.Dir = dir
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			b.StartTimer()
			start := time.Now()
			err := cmd.Run()
			runs = append(runs, time.Since(start))
			if cmd.ProcessState != nil {
				cpus = append(cpus, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
			}
			if err != nil {
				b.Fatalf("authgen init: %v\n%s", err, out.String())
			}
		}
		b.StopTimer()
		slices.Sort(runs)
		slices.Sort(cpus)
		b.ReportMetric(float64(runs[len(runs)/2].Nanoseconds())/1e6, "median-ms")
		b.ReportMetric(float64(cpus[len(cpus)/2].Nanoseconds())/1e6, "cpu-ms")
	})
	b.Run("render", func(b *testing.B) {
		b.ReportAllocs()
		defer cpuPerOp(b)()
		for b.Loop() {
			if _, err := render.Render(m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gofmt", func(b *testing.B) {
		files, err := render.Render(m)
		if err != nil {
			b.Fatal(err)
		}
		var srcs [][]byte
		for _, p := range files.Paths() {
			if strings.HasSuffix(p, ".go") {
				srcs = append(srcs, files[p])
			}
		}
		b.ReportAllocs()
		b.ResetTimer()
		defer cpuPerOp(b)()
		for b.Loop() {
			for _, s := range srcs {
				if _, err := format.Source(s); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// TestRenderNeverScansModuleCache renders the largest variant twice: as
// usual, then with the module cache and GOPATH pointing at empty
// directories, the network proxy off and -mod=mod; the output must be
// byte-for-byte the same (FormatGo never resolves an import against the
// machine's modules).
func TestRenderNeverScansModuleCache(t *testing.T) {
	m := largestModel(t)
	want, err := render.Render(m)
	if err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	t.Setenv("GOMODCACHE", filepath.Join(empty, "modcache"))
	t.Setenv("GOPATH", filepath.Join(empty, "gopath"))
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOWORK", "off")
	got, err := render.Render(m)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Paths(), want.Paths()) {
		t.Fatalf("paths differ:\n%v\n%v", got.Paths(), want.Paths())
	}
	for _, p := range want.Paths() {
		if !bytes.Equal(got[p], want[p]) {
			t.Errorf("%s differs when the module cache is empty", p)
		}
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("render created %d entries under the empty GOMODCACHE/GOPATH", len(entries))
	}
}
