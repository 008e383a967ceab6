package main

import (
	"os"
	"os/exec"
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
