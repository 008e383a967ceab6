// Package plan decides, file by file, what writing a rendered file set
// would do to the module on disk. It reads the disk but never writes it;
// internal/apply carries a plan out.
package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/authgen/authgen/internal/diff"
)

// Op is what happens to one file.
type Op string

// The operations.
const (
	Create Op = "create" // the file does not exist yet
	Update Op = "update" // replace: the user has not edited the file
	Same   Op = "same"   // the file already has exactly this content
	// Conflict: on init, the file exists with other content and is not
	// written (New is nil); on regenerate, it is written with conflict
	// markers where both sides changed the same lines.
	Conflict Op = "conflict"
	Remove   Op = "remove" // no longer produced, untouched by the user
)

// Action is one file's part of a plan.
type Action struct {
	Path string // slash path relative to the module root
	Op   Op
	Old  []byte // content on disk; nil when absent
	New  []byte // content to write; nil for Remove and Conflict
	Note string // why, for the user
}

// Writes reports whether the action changes the disk.
func (a Action) Writes() bool {
	switch a.Op {
	case Create, Update, Remove, Merged:
		return true
	case Conflict:
		return a.New != nil // a regenerate conflict is written with markers
	}
	return false
}

// Plan is the list of actions, sorted by path.
type Plan struct {
	Actions []Action
}

// Conflicts returns the paths of conflicts that are not written.
func (p Plan) Conflicts() []string {
	var out []string
	for _, a := range p.Actions {
		if a.Op == Conflict && a.New == nil {
			out = append(out, a.Path)
		}
	}
	return out
}

// Changes returns the actions that change the disk.
func (p Plan) Changes() []Action {
	var out []Action
	for _, a := range p.Actions {
		if a.Writes() {
			out = append(out, a)
		}
	}
	return out
}

// read returns the file's content, or nil if it does not exist.
func read(disk fs.FS, p string) ([]byte, error) {
	b, err := fs.ReadFile(disk, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	if b == nil {
		b = []byte{}
	}
	return b, nil
}

// Init plans writing files into a module for the first time: new files are
// created, identical ones left alone, and a file that exists with other
// content is a conflict unless force is set, when it is replaced.
func Init(disk fs.FS, files map[string][]byte, force bool) (Plan, error) {
	var p Plan
	paths := make([]string, 0, len(files))
	for path := range files {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		want := files[path]
		old, err := read(disk, path)
		if err != nil {
			return Plan{}, err
		}
		a := Action{Path: path, Old: old, New: want}
		switch {
		case old == nil:
			a.Op = Create
		case bytes.Equal(old, want):
			a.Op, a.New = Same, nil
		case force:
			a.Op, a.Note = Update, "replaced (--force)"
		default:
			a.Op, a.New, a.Note = Conflict, nil, "exists with other content; not overwritten (use --force to replace it)"
		}
		p.Actions = append(p.Actions, a)
	}
	return p, nil
}

// Summary prints one line per action that is not Same, a count of the
// unchanged files, and with diffs set, a unified diff of every change.
func (p Plan) Summary(diffs bool) string {
	var b strings.Builder
	same := 0
	for _, a := range p.Actions {
		if a.Op == Same {
			same++
			continue
		}
		fmt.Fprintf(&b, "%-8s %s", a.Op, a.Path)
		if a.Note != "" {
			fmt.Fprintf(&b, "  (%s)", a.Note)
		}
		b.WriteString("\n")
	}
	if same > 0 {
		fmt.Fprintf(&b, "(%d file(s) unchanged)\n", same)
	}
	if diffs {
		for _, a := range p.Actions {
			if !a.Writes() {
				continue
			}
			from, to := "a/"+a.Path, "b/"+a.Path
			if a.Old == nil {
				from = "/dev/null"
			}
			if a.Op == Remove {
				to = "/dev/null"
			}
			b.WriteString(diff.Unified(from, to, string(a.Old), string(a.New)))
		}
	}
	return b.String()
}
