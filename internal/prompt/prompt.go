// Package prompt asks the user questions. Prompter hides the prompt
// library (survey/v2, archived upstream) so that it can be swapped, and so
// that tests can answer from a script.
package prompt

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/term"
)

// Option is one choice of a Select or MultiSelect.
type Option struct {
	Value string
	Help  string // shown beside the value
}

// Prompter asks questions. Every method returns ErrInterrupted when the user
// aborts (Ctrl-C).
type Prompter interface {
	Select(question string, options []Option, def string) (string, error)
	MultiSelect(question string, options []Option, defs []string) ([]string, error)
	Input(question, def string, validate func(string) error) (string, error)
	Confirm(question string, def bool) (bool, error)
	// Println shows text between questions.
	Println(text string)
}

// ErrInterrupted is returned when the user aborts a prompt.
var ErrInterrupted = errors.New("interrupted")

// Survey is the survey/v2 Prompter. In, Out and Err must be the terminal.
type Survey struct {
	In  terminal.FileReader
	Out terminal.FileWriter
	Err io.Writer
}

// NewSurvey returns a Survey on the given streams, or false when in and out
// are not both terminals-capable files (then the caller must not prompt).
func NewSurvey(in io.Reader, out, errw io.Writer) (*Survey, bool) {
	fin, ok1 := in.(terminal.FileReader)
	fout, ok2 := out.(terminal.FileWriter)
	if !ok1 || !ok2 {
		return nil, false
	}
	return &Survey{In: fin, Out: fout, Err: errw}, true
}

func (s *Survey) opts() survey.AskOpt { return survey.WithStdio(s.In, s.Out, s.Err) }

func label(o Option) string {
	if o.Help == "" {
		return o.Value
	}
	return o.Value + " — " + o.Help
}

func wrap(err error) error {
	if errors.Is(err, terminal.InterruptErr) {
		return ErrInterrupted
	}
	return err
}

// Select asks for one of options.
func (s *Survey) Select(q string, options []Option, def string) (string, error) {
	labels := make([]string, len(options))
	defLabel := ""
	for i, o := range options {
		labels[i] = label(o)
		if o.Value == def {
			defLabel = labels[i]
		}
	}
	p := &survey.Select{Message: q, Options: labels}
	if defLabel != "" {
		p.Default = defLabel
	}
	var got int
	if err := survey.AskOne(p, &got, s.opts()); err != nil {
		return "", wrap(err)
	}
	return options[got].Value, nil
}

// MultiSelect asks for a non-empty subset of options.
func (s *Survey) MultiSelect(q string, options []Option, defs []string) ([]string, error) {
	labels := make([]string, len(options))
	var defLabels []string
	for i, o := range options {
		labels[i] = label(o)
		if slices.Contains(defs, o.Value) {
			defLabels = append(defLabels, labels[i])
		}
	}
	p := &survey.MultiSelect{Message: q, Options: labels, Default: defLabels}
	var got []int
	if err := survey.AskOne(p, &got, s.opts(), survey.WithValidator(survey.MinItems(1))); err != nil {
		return nil, wrap(err)
	}
	out := make([]string, len(got))
	for i, g := range got {
		out[i] = options[g].Value
	}
	return out, nil
}

// Input asks for free text.
func (s *Survey) Input(q, def string, validate func(string) error) (string, error) {
	var got string
	v := func(ans any) error {
		if validate == nil {
			return nil
		}
		return validate(fmt.Sprint(ans))
	}
	if err := survey.AskOne(&survey.Input{Message: q, Default: def}, &got, s.opts(), survey.WithValidator(v)); err != nil {
		return "", wrap(err)
	}
	return got, nil
}

// Confirm asks a yes/no question.
func (s *Survey) Confirm(q string, def bool) (bool, error) {
	var got bool
	if err := survey.AskOne(&survey.Confirm{Message: q, Default: def}, &got, s.opts()); err != nil {
		return false, wrap(err)
	}
	return got, nil
}

// Println writes text to the terminal.
func (s *Survey) Println(text string) { fmt.Fprintln(s.Out, text) }

// IsTerminal reports whether r is a terminal (not a pipe, file or /dev/null).
func IsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
