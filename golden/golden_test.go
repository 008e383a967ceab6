// Package golden holds one folder per generated variant: its answers
// (authgen.yaml), its go.mod and go.sum, and the exact files authgen renders
// for it. Each folder is a module of its own, so the parent module's ./...
// skips it, and anyone can cd into it and run the generated tests.
//
// Rewrite every scenario after a deliberate template change, then read the
// diff before committing it:
//
//	go test ./golden -run TestGolden -update
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/diff"
	"github.com/authgen/authgen/internal/gomod"
	"github.com/authgen/authgen/internal/model"
	"github.com/authgen/authgen/internal/render"
)

var update = flag.Bool("update", false, "rewrite the golden scenarios from the templates")

// version is the authgen version golden files are rendered with, so that a
// version bump does not touch them.
const version = "golden"

type scenario struct {
	name, dir, module string
	answers           answers.Answers
}

// scenarios reads every folder here that holds an authgen.yaml. With
// -update, it first creates the folders of combinations that lack one.
func scenarios(t *testing.T) []scenario {
	t.Helper()
	if *update {
		for _, c := range model.Combinations() {
			if _, err := os.Stat(filepath.Join(c.Name, answers.FileName)); err == nil {
				continue
			}
			if err := os.MkdirAll(c.Name, 0o755); err != nil {
				t.Fatal(err)
			}
			f := answers.File{Authgen: version, Answers: c.Answers}
			if err := os.WriteFile(filepath.Join(c.Name, answers.FileName), f.Marshal(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var out []scenario
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(e.Name(), answers.FileName))
		if !e.IsDir() || err != nil {
			continue
		}
		f, err := answers.ParseFile(filepath.Join(e.Name(), answers.FileName), data)
		if err != nil {
			t.Fatal(err)
		}
		a := f.Answers.Fill()
		if err := a.Validate(); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		out = append(out, scenario{name: e.Name(), dir: e.Name(), module: "example.com/" + e.Name(), answers: a})
	}
	return out
}

func renderScenario(t *testing.T, s scenario) (model.Model, render.FileSet) {
	t.Helper()
	m, err := model.FromAnswers(s.module, s.answers, version)
	if err != nil {
		t.Fatal(err)
	}
	files, err := render.Render(m)
	if err != nil {
		t.Fatal(err)
	}
	return m, files
}

// TestGolden compares every scenario's rendered files with the folder,
// reporting missing, unexpected and different files.
func TestGolden(t *testing.T) {
	for _, s := range scenarios(t) {
		t.Run(s.name, func(t *testing.T) {
			m, files := renderScenario(t, s)
			pkgDir := filepath.Join(s.dir, filepath.FromSlash(m.PkgDir))
			onDisk := map[string][]byte{}
			filepath.WalkDir(pkgDir, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return nil
				}
				rel, _ := filepath.Rel(s.dir, p)
				b, _ := os.ReadFile(p)
				onDisk[filepath.ToSlash(rel)] = b
				return nil
			})
			if *update {
				writeScenario(t, s, files, onDisk)
				return
			}
			var missing, unexpected []string
			for _, p := range files.Paths() {
				got, ok := onDisk[p]
				if !ok {
					missing = append(missing, p)
					continue
				}
				if !bytes.Equal(got, files[p]) {
					t.Errorf("%s differs (-golden +rendered):\n%s", p, diff.Unified("golden/"+p, "rendered/"+p, string(got), string(files[p])))
				}
			}
			for p := range onDisk {
				if _, ok := files[p]; !ok {
					unexpected = append(unexpected, p)
				}
			}
			slices.Sort(unexpected)
			if len(missing) > 0 {
				t.Errorf("missing from golden (rendered but not on disk): %s", strings.Join(missing, ", "))
			}
			if len(unexpected) > 0 {
				t.Errorf("unexpected in golden (on disk but no longer rendered): %s", strings.Join(unexpected, ", "))
			}
			if t.Failed() {
				t.Log("if the change is deliberate: go test ./golden -run TestGolden -update, then review git diff golden/")
			}
		})
	}
}

func writeScenario(t *testing.T, s scenario, files render.FileSet, onDisk map[string][]byte) {
	t.Helper()
	for p := range onDisk {
		if _, ok := files[p]; !ok {
			if err := os.Remove(filepath.Join(s.dir, filepath.FromSlash(p))); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, p := range files.Paths() {
		dst := filepath.Join(s.dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, files[p], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The scenario's go.mod requires exactly the pins; go mod tidy fills
	// in go.sum and the indirect requirements.
	var gm strings.Builder
	fmt.Fprintf(&gm, "module %s\n\ngo 1.25.0\n", s.module)
	if err := os.WriteFile(filepath.Join(s.dir, "go.mod"), []byte(gm.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(s.dir, "go.sum"))
	mod, err := gomod.Find(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := mod.Get(mod.Needed(files.Imports())); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(s.dir, "go.mod")); !bytes.Contains(b, []byte("\ngo 1.25.0\n")) {
		t.Fatalf("%s/go.mod: the go directive moved off 1.25.0: a pin needs a newer Go", s.dir)
	}
}

// TestGoldenCoversEveryCombination fails when a variant has no scenario.
func TestGoldenCoversEveryCombination(t *testing.T) {
	have := map[string]bool{}
	for _, s := range scenarios(t) {
		have[s.name] = true
	}
	for _, c := range model.Combinations() {
		if !have[c.Name] {
			t.Errorf("no golden scenario %s: run go test ./golden -run TestGolden -update", c.Name)
		}
	}
}

// TestGoldenModulesBuildVetAndPass builds, vets and runs the generated
// tests (with -race) of every scenario, in one go command over a workspace
// of all scenario modules, so that the build cache and both cores are
// shared. It is the slow test; -short skips it.
func TestGoldenModulesBuildVetAndPass(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not compiling the generated modules")
	}
	ss := scenarios(t)
	if len(ss) == 0 {
		t.Fatal("no golden scenarios")
	}
	work := filepath.Join(t.TempDir(), "go.work")
	var wf strings.Builder
	wf.WriteString("go 1.25.0\n\nuse (\n")
	var pkgs []string
	for _, s := range ss {
		abs, _ := filepath.Abs(s.dir)
		fmt.Fprintf(&wf, "\t%s\n", abs)
		pkgs = append(pkgs, s.module+"/...")
	}
	wf.WriteString(")\n")
	if err := os.WriteFile(work, []byte(wf.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	goCmd := func(args ...string) {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Env = append(os.Environ(), "GOWORK="+work, "GOFLAGS=-mod=readonly")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		t.Logf("go %s: ok\n%s", strings.Join(args, " "), lastLines(out, 40))
	}
	goCmd(append([]string{"build"}, pkgs...)...)
	goCmd(append([]string{"vet"}, pkgs...)...)
	race := []string{"test", "-count=1", "-race", "-timeout=20m", "-p", fmt.Sprint(runtime.NumCPU())}
	goCmd(append(race, pkgs...)...)
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
