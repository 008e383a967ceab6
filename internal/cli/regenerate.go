package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/apply"
	"github.com/authgen/authgen/internal/gomod"
	"github.com/authgen/authgen/internal/interview"
	"github.com/authgen/authgen/internal/lock"
	"github.com/authgen/authgen/internal/merge"
	"github.com/authgen/authgen/internal/model"
	"github.com/authgen/authgen/internal/plan"
	"github.com/authgen/authgen/internal/recommend"
	"github.com/authgen/authgen/internal/render"
)

type regenerateOptions struct {
	flags          answerFlags
	interactive    bool
	dryRun         bool
	noDeps         bool
	restoreDeleted bool
	dir            string
}

func newRegenerate(e env) *cobra.Command {
	var o regenerateOptions
	cmd := &cobra.Command{
		Use:   "regenerate",
		Short: "Render again from authgen.yaml and changed answers, keeping your edits",
		Long: `regenerate renders the package again from authgen.yaml, with any answer
flags applied on top (or, with --interactive, the questions prefilled with
the saved answers), and updates the module file by file against what
authgen wrote last time (.authgen/lock.json):

  untouched by you          replaced
  edited by you             three-way merge; conflict markers only where you
                            and authgen changed the same lines (exit 2)
  no longer produced        removed if untouched, else kept and reported
  deleted by you            not brought back (--restore-deleted restores it)
  SQL migrations            never rewritten or removed: append-only

Everything is planned in memory first; every write is atomic, and an error
leaves every file as it was. Running it twice changes nothing the second time.`,
		Example: `  # The app now has mobile clients: see what would change
  authgen regenerate --arch mobile --clients mobile,spa --dry-run

  # Apply it
  authgen regenerate --arch mobile --clients mobile,spa

  # Walk through the questions again, starting from the saved answers
  authgen regenerate --interactive`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runRegenerate(e, cmd, o) },
	}
	o.flags.register(cmd.Flags())
	cmd.Flags().BoolVar(&o.interactive, "interactive", false, "ask the questions again, prefilled with the saved answers")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "print the plan and the diffs; write nothing")
	cmd.Flags().BoolVar(&o.noDeps, "no-deps", false, "do not add new requirements to go.mod")
	cmd.Flags().BoolVar(&o.restoreDeleted, "restore-deleted", false, "bring back generated files you deleted")
	cmd.Flags().StringVar(&o.dir, "dir", ".", "directory inside the Go module")
	return cmd
}

func newCheck(e env) *cobra.Command {
	var dir string
	var allowEdits bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Exit 3 if the module differs from what authgen.yaml renders (CI drift check)",
		Long: `check renders the package from authgen.yaml and compares it with the module
without writing anything. It exits 3 and lists the files when any generated
file differs from what the saved answers render (you edited it, or
authgen.yaml was changed without regenerating), when regenerate would
change anything, or when the lock was written by another version of
authgen; it exits 0 otherwise. With --allow-edits, your own edits (which
regenerate keeps) and generated files you deleted are not drift.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runCheck(e, dir, allowEdits) },
	}
	cmd.Flags().StringVar(&dir, "dir", ".", "directory inside the Go module")
	cmd.Flags().BoolVar(&allowEdits, "allow-edits", false, "do not count your own edits of generated files as drift")
	return cmd
}

// state is an initialized module: its answers and its lock.
type state struct {
	mod   gomod.Module
	saved answers.File
	lock  lock.Lock
}

func loadState(dir string) (state, error) {
	mod, err := gomod.Find(dir)
	if err != nil {
		return state{}, err
	}
	yamlPath := filepath.Join(mod.Root, answers.FileName)
	data, err := os.ReadFile(yamlPath)
	if errors.Is(err, fs.ErrNotExist) {
		return state{}, fmt.Errorf("no %s in %s: run \"authgen init\" first", answers.FileName, mod.Root)
	}
	if err != nil {
		return state{}, err
	}
	saved, err := answers.ParseFile(answers.FileName, data)
	if err != nil {
		return state{}, err
	}
	ldata, err := os.ReadFile(filepath.Join(mod.Root, filepath.FromSlash(lock.Path)))
	if errors.Is(err, fs.ErrNotExist) {
		return state{}, fmt.Errorf("no %s in %s: it records what authgen wrote and is needed to keep your edits; restore it from version control", lock.Path, mod.Root)
	}
	if err != nil {
		return state{}, err
	}
	l, err := lock.Parse(ldata)
	if err != nil {
		return state{}, err
	}
	return state{mod: mod, saved: saved, lock: l}, nil
}

// markers lists the generated files that still hold conflict markers.
func (s state) markers() []string {
	var out []string
	for _, p := range s.lock.Paths() {
		b, err := os.ReadFile(filepath.Join(s.mod.Root, filepath.FromSlash(p)))
		if err == nil && merge.HasMarkers(string(b)) {
			out = append(out, p)
		}
	}
	return out
}

// planFor renders a and plans the regeneration of s's module, including
// authgen.yaml and the lock.
func (s state) planFor(a answers.Answers, restoreDeleted bool) (model.Model, plan.Plan, render.FileSet, error) {
	m, err := model.FromAnswers(s.mod.Path, a, Version)
	if err != nil {
		return m, plan.Plan{}, nil, err
	}
	files, err := render.Render(m)
	if err != nil {
		return m, plan.Plan{}, nil, err
	}
	disk := os.DirFS(s.mod.Root)
	p, locked, err := plan.Regenerate(plan.Regen{Disk: disk, Lock: s.lock, Files: files, RestoreDeleted: restoreDeleted})
	if err != nil {
		return m, plan.Plan{}, nil, err
	}
	meta := map[string][]byte{
		answers.FileName: answers.File{Authgen: Version, Answers: a}.Marshal(),
		lock.Path:        lock.New(Version, locked).Marshal(),
	}
	mp, err := plan.Init(disk, meta, true)
	if err != nil {
		return m, plan.Plan{}, nil, err
	}
	for _, a := range mp.Actions {
		a.Note = "" // authgen's own files: always rewritten
		p.Actions = append(p.Actions, a)
	}
	return m, p, files, nil
}

func runRegenerate(e env, cmd *cobra.Command, o regenerateOptions) error {
	s, err := loadState(o.dir)
	if err != nil {
		return err
	}
	if left := s.markers(); len(left) > 0 {
		return fmt.Errorf("conflict markers from an earlier regenerate remain in %s: resolve them (keep what you want, delete the <<<<<<< ||||||| ======= >>>>>>> lines), then run regenerate again; nothing was written", strings.Join(left, ", "))
	}
	fromFlags, err := o.flags.parse(cmd.Flags())
	if err != nil {
		return err
	}
	a := s.saved.Answers.Merge(fromFlags)
	if o.interactive {
		p, ok := e.interactive(false)
		if !ok {
			return fmt.Errorf("--interactive needs a terminal on standard input; pass answer flags instead")
		}
		if a, err = interview.Run(p, fromFlags, s.saved.Answers); err != nil {
			return err
		}
	}
	a = a.Fill()
	if err := a.Validate(); err != nil {
		return err
	}
	old := recommend.Decide(s.saved.Answers.Fill())
	m, p, files, err := s.planFor(a, o.restoreDeleted)
	if err != nil {
		return err
	}
	out := e.stdout
	if old.Chosen != m.Strategy() {
		fmt.Fprintf(out, "Strategy: %s -> %s\n", old.Chosen, m.Strategy())
	} else {
		fmt.Fprintf(out, "Strategy: %s (unchanged)\n", m.Strategy())
	}
	if old.Strategy != m.Rec.Strategy {
		fmt.Fprintf(out, "The recommendation changed from %s to %s.\n", old.Strategy, m.Rec.Strategy)
	}
	fmt.Fprint(out, interview.Explain(m.Rec))
	fmt.Fprintf(out, "\nPlan (%s):\n%s", s.mod.Root, p.Summary(o.dryRun))
	if len(p.Changes()) == 0 {
		fmt.Fprintln(out, "\nNothing to change.")
		return nil
	}
	if o.dryRun {
		fmt.Fprintln(out, "\nDry run: nothing was written.")
		return nil
	}
	if err := apply.Apply(s.mod.Root, p); err != nil {
		return err
	}
	if !o.noDeps {
		if err := s.mod.Get(s.mod.Needed(files.Imports())); err != nil {
			return fmt.Errorf("the files were written, but adding requirements to go.mod failed: %w", err)
		}
	}
	if c := p.MergeConflicts(); len(c) > 0 {
		fmt.Fprintf(e.stderr, "authgen: regenerate left conflicts in %d file(s); resolve the marked regions, then run \"authgen regenerate\" again:\n", len(c))
		for _, f := range c {
			fmt.Fprintf(e.stderr, "  %s\n", f)
		}
		return &exitError{code: ExitConflicts}
	}
	fmt.Fprintln(out, "\nDone.")
	return nil
}

func runCheck(e env, dir string, allowEdits bool) error {
	s, err := loadState(dir)
	if err != nil {
		return err
	}
	var drift []string
	if left := s.markers(); len(left) > 0 {
		for _, f := range left {
			drift = append(drift, f+": conflict markers left by regenerate")
		}
	}
	if s.lock.Authgen != Version {
		drift = append(drift, fmt.Sprintf("%s: written by authgen %s, this is %s: run authgen regenerate", lock.Path, s.lock.Authgen, Version))
	}
	a := s.saved.Answers.Fill()
	if err := a.Validate(); err != nil {
		return err
	}
	_, p, _, err := s.planFor(a, false)
	if err != nil {
		return err
	}
	for _, act := range p.Actions {
		if act.Path == lock.Path || act.Path == answers.FileName {
			continue // covered by the version check; a rewrite in canonical form is not drift
		}
		switch {
		case act.Writes():
			drift = append(drift, fmt.Sprintf("%s: regenerate would %s it", act.Path, act.Op))
		case allowEdits:
		case act.Op == plan.Keep:
			drift = append(drift, fmt.Sprintf("%s: edited (regenerate keeps your edits; --allow-edits accepts them)", act.Path))
		case act.Op == plan.Deleted:
			drift = append(drift, fmt.Sprintf("%s: deleted (regenerate leaves it deleted; --allow-edits accepts that)", act.Path))
		}
	}
	if len(drift) == 0 {
		fmt.Fprintln(e.stdout, "authgen check: up to date")
		return nil
	}
	fmt.Fprintln(e.stdout, "authgen check: the module differs from what authgen.yaml renders:")
	for _, d := range drift {
		fmt.Fprintf(e.stdout, "  %s\n", d)
	}
	return &exitError{code: ExitDrift}
}
