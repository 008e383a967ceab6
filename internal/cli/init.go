package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/apply"
	"github.com/authgen/authgen/internal/gomod"
	"github.com/authgen/authgen/internal/interview"
	"github.com/authgen/authgen/internal/lock"
	"github.com/authgen/authgen/internal/model"
	"github.com/authgen/authgen/internal/plan"
	"github.com/authgen/authgen/internal/render"
)

type initOptions struct {
	flags       answerFlags
	yes         bool
	answersFile string
	dryRun      bool
	noDeps      bool
	force       bool
	dir         string
}

func newInit(e env) *cobra.Command {
	var o initOptions
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Ask about the application, recommend a strategy and write the auth package",
		Long: `init asks how the application is built (flags answer the questions; prompts
fill the gaps when standard input is a terminal), recommends a strategy with
its reasons, and writes the auth package, authgen.yaml (the answers, never a
secret) and .authgen/lock.json (what authgen wrote: the base for regenerate).

Nothing is written until everything has been rendered and planned; every
file is written to a temporary file and renamed into place. An existing file
with other content is never overwritten unless --force is given.`,
		Example: `  # Ask interactively
  authgen init

  # A server-rendered monolith, no questions
  authgen init --yes --arch monolith --clients browser --backends one

  # A mobile backend with an SPA, SQLite store, ES256 tokens; show the plan only
  authgen init --yes --arch mobile --clients mobile,spa --store sqlite --alg ES256 --dry-run`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runInit(e, cmd, o) },
	}
	o.flags.register(cmd.Flags())
	cmd.Flags().BoolVarP(&o.yes, "yes", "y", false, "never prompt: unanswered questions take their defaults")
	cmd.Flags().StringVar(&o.answersFile, "answers", "", "read answers from this file (the authgen.yaml format)")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "print the plan and the diffs; write nothing")
	cmd.Flags().BoolVar(&o.noDeps, "no-deps", false, "do not add the package's requirements to go.mod")
	cmd.Flags().BoolVar(&o.force, "force", false, "replace existing files that have other content")
	cmd.Flags().StringVar(&o.dir, "dir", ".", "directory inside the Go module")
	return cmd
}

func runInit(e env, cmd *cobra.Command, o initOptions) error {
	mod, err := gomod.Find(o.dir)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(mod.Root, answers.FileName)); err == nil && !o.force {
		return fmt.Errorf("%s already exists in %s: this module is initialized; change the architecture with \"authgen regenerate\" (or pass --force to start over)", answers.FileName, mod.Root)
	}
	base, err := readAnswersFile(o.answersFile)
	if err != nil {
		return err
	}
	a, err := gather(e, cmd, &o.flags, base, o.yes)
	if err != nil {
		return err
	}
	m, files, err := renderAll(mod.Path, a)
	if err != nil {
		return err
	}
	out := e.stdout
	fmt.Fprint(out, interview.Explain(m.Rec))
	p, err := plan.Init(os.DirFS(mod.Root), files, o.force)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\nPlan (%s):\n%s", mod.Root, p.Summary(o.dryRun))
	if c := p.Conflicts(); len(c) > 0 {
		return fmt.Errorf("%d file(s) exist with other content and would be overwritten: %s; nothing was written (move them away, or pass --force to replace them)", len(c), strings.Join(c, ", "))
	}
	if o.dryRun {
		fmt.Fprintln(out, "\nDry run: nothing was written.")
		return nil
	}
	if err := apply.Apply(mod.Root, p); err != nil {
		return err
	}
	if !o.noDeps {
		pins := mod.Needed(files.Imports())
		if err := mod.Get(pins); err != nil {
			return fmt.Errorf("the package was written, but adding its requirements to go.mod failed: %w", err)
		}
	}
	fmt.Fprint(out, nextSteps(a, m.Strategy(), wiring(files, a.Pkg), o.noDeps))
	return nil
}

// renderAll renders the package and adds authgen.yaml and the lock.
func renderAll(module string, a answers.Answers) (model.Model, render.FileSet, error) {
	m, err := model.FromAnswers(module, a, Version)
	if err != nil {
		return m, nil, err
	}
	files, err := render.Render(m)
	if err != nil {
		return m, nil, err
	}
	l := lock.New(Version, files)
	files[answers.FileName] = answers.File{Authgen: Version, Answers: a}.Marshal()
	files[lock.Path] = l.Marshal()
	return m, files, nil
}

func nextSteps(a answers.Answers, s answers.Strategy, wire string, noDeps bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\nWrote the %s package to %s.\n\nNext steps:\n", s, a.Pkg)
	n := 1
	if noDeps {
		fmt.Fprintf(&b, "  %d. Add the requirements: go mod tidy\n", n)
		n++
	}
	fmt.Fprintf(&b, "  %d. Build and test it: go build ./... && go test ./%s/...\n", n, a.Pkg)
	n++
	fmt.Fprintf(&b, "  %d. Wire it into main; the lines below come from %s/example, which builds and runs:\n\n%s\n", n, a.Pkg, indent(wire, "       "))
	n++
	fmt.Fprintf(&b, "  %d. Commit %s and %s with the package; change the architecture later with \"authgen regenerate\".\n", n, answers.FileName, lock.Path)
	return b.String()
}

func indent(s, pre string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = pre + l
	}
	return strings.Join(lines, "\n") + "\n"
}

// Markers around the lines of a generated example that wire the package
// into main. The next steps print those lines, so they are always code
// that the golden tests compile.
const (
	wiringBegin = "// authgen:wiring begin"
	wiringEnd   = "// authgen:wiring end"
)

// wiring returns the marked lines of the generated examples, each block
// dedented, blocks separated by a "...".
func wiring(files render.FileSet, pkgDir string) string {
	var blocks []string
	for _, p := range files.Paths() {
		if !strings.HasPrefix(p, pkgDir+"/example/") || !strings.HasSuffix(p, ".go") {
			continue
		}
		var cur []string
		in := false
		for _, line := range strings.Split(string(files[p]), "\n") {
			switch strings.TrimSpace(line) {
			case wiringBegin:
				in, cur = true, nil
				continue
			case wiringEnd:
				in = false
				blocks = append(blocks, dedent(cur))
				continue
			}
			if in {
				cur = append(cur, line)
			}
		}
	}
	return strings.Join(blocks, "...\n")
}

func dedent(lines []string) string {
	prefix := ""
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ws := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if i == 0 || len(ws) < len(prefix) || prefix == "" {
			prefix = ws
		}
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.TrimPrefix(l, prefix))
		b.WriteString("\n")
	}
	return b.String()
}
