// Package cli wires authgen's cobra commands. Commands are thin: they parse
// flags, call the internal packages, and print. Main is the entry point
// that both cmd/authgen and the tests call.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/authgen/authgen/internal/prompt"
)

// Version is authgen's version. It is written to authgen.yaml and the lock,
// so golden files pin it: change it on purpose.
const Version = "0.1.0"

// Exit codes, part of the command-line contract.
const (
	ExitOK        = 0
	ExitError     = 1 // nothing written
	ExitConflicts = 2 // done, but conflicts left
	ExitDrift     = 3 // check found drift
)

// exitError carries an exit code other than 1.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// env is what a command may touch besides its flags.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// prompter, when non-nil, replaces the survey prompter (tests).
	prompter prompt.Prompter
}

// Main runs authgen with args (without the program name) and returns the
// exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(env{stdin: stdin, stdout: stdout, stderr: stderr}, args)
}

func run(e env, args []string) int {
	root := newRoot(e)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.code != ExitConflicts && ee.code != ExitDrift {
			fmt.Fprintf(e.stderr, "authgen: %v\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(e.stderr, "authgen: %v\n", err)
	return ExitError
}

func newRoot(e env) *cobra.Command {
	root := &cobra.Command{
		Use:   "authgen",
		Short: "Give a Go service the right authentication, written well, in one command",
		Long: `authgen asks how your Go application is built, recommends server-side
sessions, JWT or a hybrid (short JWT access tokens + rotating refresh
tokens), explains why, and writes a ready-to-build auth package into your
module. authgen regenerate renders again when the architecture changes and
keeps your edits.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newInit(e), newRecommend(e), newRegenerate(e), newCheck(e), newVersion(e))
	return root
}

func newVersion(e env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print authgen's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "authgen %s\n", Version)
			return nil
		},
	}
}
