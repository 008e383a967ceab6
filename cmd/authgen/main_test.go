package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/authgen/authgen/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"authgen": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the real
// command in a fresh directory, its exit code, output and files.
func TestScripts(t *testing.T) {
	goEnv := hostGoEnv(t)
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			// Share the host's module and build caches (and proxy settings),
			// so that scripts that build generated code need no download.
			e.Vars = append(e.Vars, goEnv...)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"treehash":  cmdTreehash,
			"keepyours": cmdKeepYours,
			"edit":      cmdEdit,
		},
		Condition: func(cond string) (bool, error) {
			if cond == "short" {
				return testing.Short(), nil
			}
			return false, nil
		},
	})
}

func hostGoEnv(t *testing.T) []string {
	out, err := exec.Command("go", "env", "GOMODCACHE", "GOCACHE", "GOPROXY", "GOPATH", "GONOSUMDB", "GOFLAGS", "GOTOOLCHAIN").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	names := []string{"GOMODCACHE", "GOCACHE", "GOPROXY", "GOPATH", "GONOSUMDB", "GOFLAGS", "GOTOOLCHAIN"}
	vals := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	var env []string
	for i, n := range names {
		if i < len(vals) {
			env = append(env, n+"="+vals[i])
		}
	}
	return env
}

// cmdTreehash: "treehash NAME" stores a hash of every file below the work
// directory (paths, modes and contents) in $NAME; "treehash NAME same" (or
// "! treehash NAME same") compares the tree with that hash.
func cmdTreehash(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: treehash NAME [same]")
	}
	h := sha256.New()
	root := ts.MkAbs(".")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			if rel == ".gocache" || rel == ".tmp" {
				return filepath.SkipDir
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %v %d\n", rel, info.Mode(), len(b))
		h.Write(b)
		return nil
	})
	ts.Check(err)
	sum := hex.EncodeToString(h.Sum(nil))
	if len(args) == 1 {
		ts.Setenv(args[0], sum)
		return
	}
	same := ts.Getenv(args[0]) == sum
	if same == neg {
		ts.Fatalf("tree hash %s: same=%v", args[0], same)
	}
}

// cmdKeepYours resolves every conflict in a file the way a user keeping
// their own side would: "keepyours FILE".
func cmdKeepYours(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: keepyours FILE")
	}
	b, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	var out []string
	state := 0 // 0 outside, 1 in yours, 2 in base or new
	for _, l := range strings.SplitAfter(string(b), "\n") {
		switch {
		case strings.HasPrefix(l, "<<<<<<< "):
			state = 1
		case strings.HasPrefix(l, "||||||| ") && state == 1:
			state = 2
		case strings.HasPrefix(l, ">>>>>>> ") && state == 2:
			state = 0
		case state == 0 || state == 1:
			out = append(out, l)
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.Join(out, "")), 0o644))
}

// cmdEdit edits a file as a user would: "edit FILE OLD NEW" replaces the
// first OLD with NEW (each may hold \n), and fails if OLD is not there.
func cmdEdit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: edit FILE OLD NEW")
	}
	name := ts.MkAbs(args[0])
	b, err := os.ReadFile(name)
	ts.Check(err)
	unescape := func(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }
	old, repl := unescape(args[1]), unescape(args[2])
	if !strings.Contains(string(b), old) {
		ts.Fatalf("edit: %q not found in %s", old, args[0])
	}
	ts.Check(os.WriteFile(name, []byte(strings.Replace(string(b), old, repl, 1)), 0o644))
}
