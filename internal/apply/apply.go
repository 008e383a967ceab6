// Package apply carries out a plan: every write goes to a temporary file
// beside its target and is renamed into place only when all of them were
// written, so that an error leaves the disk as it was.
package apply

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/authgen/authgen/internal/plan"
)

// Apply writes the plan's changes below root.
func Apply(root string, p plan.Plan) (err error) {
	changes := p.Changes()
	var (
		createdDirs []string
		temps       = map[string]string{} // target -> temp file
	)
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
		for _, d := range slices.Backward(createdDirs) {
			os.Remove(d) // only succeeds if still empty
		}
	}
	// Stage 1: write every new content to a temp file.
	for _, a := range changes {
		if a.Op == plan.Remove {
			continue
		}
		target := filepath.Join(root, filepath.FromSlash(a.Path))
		dirs, err := mkdirAll(filepath.Dir(target))
		createdDirs = append(createdDirs, dirs...)
		if err != nil {
			cleanup()
			return fmt.Errorf("create directory for %s: %w", a.Path, err)
		}
		mode := fs.FileMode(0o644)
		if st, err := os.Stat(target); err == nil {
			mode = st.Mode().Perm()
		}
		tmp, err := writeTemp(filepath.Dir(target), a.New, mode)
		if err != nil {
			cleanup()
			return fmt.Errorf("write %s: %w", a.Path, err)
		}
		temps[target] = tmp
	}
	// Stage 2: rename into place; on failure, restore what was replaced.
	var done []plan.Action
	rollback := func() {
		for _, a := range slices.Backward(done) {
			target := filepath.Join(root, filepath.FromSlash(a.Path))
			if a.Old == nil {
				os.Remove(target)
				continue
			}
			if tmp, err := writeTemp(filepath.Dir(target), a.Old, 0o644); err == nil {
				os.Rename(tmp, target)
			}
		}
		cleanup()
	}
	for _, a := range changes {
		target := filepath.Join(root, filepath.FromSlash(a.Path))
		var err error
		if a.Op == plan.Remove {
			err = os.Remove(target)
			if errors.Is(err, fs.ErrNotExist) {
				err = nil
			}
		} else {
			err = os.Rename(temps[target], target)
			if err == nil {
				delete(temps, target)
			}
		}
		if err != nil {
			rollback()
			return fmt.Errorf("%s %s: %w (no file was changed)", a.Op, a.Path, err)
		}
		done = append(done, a)
	}
	return nil
}

// mkdirAll creates dir and its missing parents and returns the directories
// it created, outermost first.
func mkdirAll(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	slices.Reverse(missing)
	var created []string
	for _, d := range missing {
		if err := os.Mkdir(d, 0o755); err != nil {
			return created, err
		}
		created = append(created, d)
	}
	return created, nil
}

func writeTemp(dir string, b []byte, mode fs.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, ".authgen-*.tmp")
	if err != nil {
		return "", err
	}
	name := f.Name()
	_, werr := f.Write(b)
	if werr == nil {
		werr = f.Chmod(mode)
	}
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}
