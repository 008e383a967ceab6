package plan

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/authgen/authgen/internal/lock"
	"github.com/authgen/authgen/internal/merge"
)

// Operations that only regenerate plans.
const (
	Merged  Op = "merge"   // your edits and authgen's changes combined cleanly
	Keep    Op = "keep"    // left as you have it (your edits, or an append-only migration)
	Deleted Op = "deleted" // you deleted it; not brought back
)

// Regen is the input of a regenerate plan.
type Regen struct {
	Disk fs.FS
	// Lock is what authgen wrote last time: the merge base.
	Lock lock.Lock
	// Files are the newly rendered generated files (not authgen.yaml or
	// the lock itself).
	Files map[string][]byte
	// RestoreDeleted brings back generated files the user deleted.
	RestoreDeleted bool
}

// Regenerate plans a regeneration file by file against the lock's base and
// returns the plan and the files the new lock must record.
func Regenerate(in Regen) (Plan, map[string][]byte, error) {
	var p Plan
	locked := map[string][]byte{}
	paths := map[string]bool{}
	for q := range in.Files {
		paths[q] = true
	}
	for _, q := range in.Lock.Paths() {
		paths[q] = true
	}
	for _, q := range sortedKeys(paths) {
		newB, produced := in.Files[q]
		entry, wasLocked := in.Lock.Files[q]
		base := []byte(entry.Content)
		disk, err := read(in.Disk, q)
		if err != nil {
			return Plan{}, nil, err
		}
		a := Action{Path: q, Old: disk}
		switch {
		case isMigration(q) && wasLocked:
			// Migrations are append-only: one already written may have
			// been applied to a database, so it is never rewritten or
			// removed. A schema change is a new migration file.
			locked[q] = base
			a.Op = Keep
			switch {
			case disk == nil:
				a.Op, a.Note = Deleted, "you deleted this migration; migrations are append-only, so it is not restored"
			case !produced:
				a.Note = "no longer produced, kept: migrations are append-only"
			case !bytes.Equal(newB, base):
				a.Note = "authgen's version changed, kept as written: migrations are append-only"
			default:
				a.Op = Same
			}
		case !produced:
			// Stale: authgen no longer produces it.
			switch {
			case disk == nil:
				continue
			case bytes.Equal(disk, base):
				a.Op, a.Note = Remove, "no longer produced"
			default:
				a.Op, a.Note = Keep, "no longer produced; kept because you edited it (it is yours now)"
			}
		case disk == nil && wasLocked && !in.RestoreDeleted:
			locked[q] = newB
			a.Op, a.Note = Deleted, "you deleted it; not brought back (--restore-deleted restores it)"
		case disk == nil:
			locked[q] = newB
			a.Op, a.New = Create, newB
			if wasLocked {
				a.Note = "restored (--restore-deleted)"
			}
		case bytes.Equal(disk, newB):
			locked[q] = newB
			a.Op = Same
		case wasLocked && bytes.Equal(disk, base):
			locked[q] = newB
			a.Op, a.New = Update, newB
		case wasLocked && bytes.Equal(newB, base):
			locked[q] = newB
			a.Op, a.Note = Keep, "your edits; authgen's version did not change"
		default:
			// Edited by the user (or written by the user before authgen
			// ever produced it: the base is then empty) and changed by
			// authgen: three-way merge.
			locked[q] = newB
			r := merge.Three(string(base), string(disk), string(newB))
			a.New = []byte(r.Text)
			if r.Conflicts > 0 {
				a.Op, a.Note = Conflict, fmt.Sprintf("%d conflicting region(s) marked: keep what you want, delete the markers", r.Conflicts)
			} else {
				a.Op, a.Note = Merged, "your edits kept"
			}
			if bytes.Equal(a.New, disk) {
				a.Op, a.New, a.Note = Keep, nil, "your edits already hold authgen's changes"
			}
		}
		p.Actions = append(p.Actions, a)
	}
	return p, locked, nil
}

// MergeConflicts returns the paths written with conflict markers.
func (p Plan) MergeConflicts() []string {
	var out []string
	for _, a := range p.Actions {
		if a.Op == Conflict && a.New != nil {
			out = append(out, a.Path)
		}
	}
	return out
}

func isMigration(p string) bool {
	return path.Base(path.Dir(p)) == "migrations" && strings.HasSuffix(p, ".sql")
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
