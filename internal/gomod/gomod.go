// Package gomod reads the user's go.mod and adds the generated package's
// requirements at the pinned versions.
package gomod

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"
)

// ErrNoModule is returned when no go.mod is found.
var ErrNoModule = errors.New("no go.mod found in this directory or any parent: run \"go mod init <module path>\" first")

// Module is the user's module.
type Module struct {
	Root string // directory holding go.mod
	Path string // module path
	File *modfile.File
}

// Find looks for go.mod in dir and its parents.
func Find(dir string) (Module, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return Module{}, err
	}
	for d := dir; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			f, err := modfile.Parse(filepath.Join(d, "go.mod"), data, nil)
			if err != nil {
				return Module{}, fmt.Errorf("read go.mod: %w", err)
			}
			if f.Module == nil || f.Module.Mod.Path == "" {
				return Module{}, fmt.Errorf("%s has no module line", filepath.Join(d, "go.mod"))
			}
			return Module{Root: d, Path: f.Module.Mod.Path, File: f}, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return Module{}, fmt.Errorf("read go.mod: %w", err)
		}
		if filepath.Dir(d) == d {
			return Module{}, ErrNoModule
		}
	}
}

// Needed returns the pins that the given import paths need and that the
// module does not already require at that version or newer. A newer
// version the user already has is kept: authgen never downgrades.
func (m Module) Needed(importPaths []string) []Pin {
	var out []Pin
	for _, pin := range Pins {
		used := slices.ContainsFunc(importPaths, func(ip string) bool {
			return ip == pin.Path || strings.HasPrefix(ip, pin.Path+"/")
		})
		if !used {
			continue
		}
		if have := m.required(pin.Path); have != "" && semver.Compare(have, pin.Version) >= 0 {
			continue
		}
		out = append(out, pin)
	}
	return out
}

func (m Module) required(path string) string {
	for _, r := range m.File.Require {
		if r.Mod.Path == path {
			return r.Mod.Version
		}
	}
	return ""
}

// Get runs "go get" for the pins, then "go mod tidy", in the module root,
// so that go.mod and go.sum hold everything the generated package needs.
func (m Module) Get(pins []Pin) error {
	if _, err := exec.LookPath("go"); err != nil {
		return fmt.Errorf("the go command is not on PATH: add the requirements yourself with: go get %s", args(pins))
	}
	if len(pins) > 0 {
		if err := m.run(append([]string{"get"}, strings.Fields(args(pins))...)...); err != nil {
			return err
		}
	}
	return m.run("mod", "tidy")
}

func (m Module) run(a ...string) error {
	cmd := exec.Command("go", a...)
	cmd.Dir = m.Root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s: %w\n%s", strings.Join(a, " "), err, strings.TrimSpace(out.String()))
	}
	return nil
}

func args(pins []Pin) string {
	s := make([]string, len(pins))
	for i, p := range pins {
		s[i] = p.Path + "@" + p.Version
	}
	return strings.Join(s, " ")
}
