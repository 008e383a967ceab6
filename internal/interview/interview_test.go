package interview

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/prompt"
)

// script is a Prompter that answers from a list and records what it was
// asked and which default it offered.
type script struct {
	answers []string
	asked   []string
	defs    []string
	said    []string
}

func (s *script) next(q, def string) (string, error) {
	s.asked = append(s.asked, q)
	s.defs = append(s.defs, def)
	if len(s.answers) == 0 {
		return "", fmt.Errorf("unexpected question %q", q)
	}
	a := s.answers[0]
	s.answers = s.answers[1:]
	if a == "" {
		a = def
	}
	return a, nil
}

func (s *script) Select(q string, opts []prompt.Option, def string) (string, error) {
	return s.next(q, def)
}
func (s *script) MultiSelect(q string, opts []prompt.Option, defs []string) ([]string, error) {
	a, err := s.next(q, strings.Join(defs, ","))
	return strings.Split(a, ","), err
}
func (s *script) Input(q, def string, v func(string) error) (string, error) {
	a, err := s.next(q, def)
	if err == nil && v != nil {
		err = v(a)
	}
	return a, err
}
func (s *script) Confirm(q string, def bool) (bool, error) { return false, nil }
func (s *script) Println(text string)                      { s.said = append(s.said, text) }

func TestRunAsksOnlyWhatIsOpen(t *testing.T) {
	p := &script{answers: []string{"browser,service", "", "", "", "", "", "", ""}}
	a, err := Run(p, answers.Answers{Arch: answers.API, Store: answers.SQLite}, answers.Answers{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range p.asked {
		if strings.Contains(q, "How is the application built") || strings.Contains(q, "stored") {
			t.Errorf("asked %q although a flag answered it", q)
		}
	}
	if a.Arch != answers.API || a.Store != answers.SQLite || !slices.Equal(a.Clients, []answers.Client{answers.Browser, answers.Service}) {
		t.Fatalf("answers: %+v", a)
	}
	if len(p.said) < 2 || !strings.Contains(p.said[0], "Recommended: hybrid") || !strings.Contains(p.said[1], "hybrid (recommended)") {
		t.Fatalf("the recommendation and the table were not shown first: %q", p.said)
	}
	if a.Strategy != "" {
		t.Errorf("accepting the recommendation recorded an override: %s", a.Strategy)
	}
}

func TestRunOffersSavedAnswersAsDefaults(t *testing.T) {
	saved := answers.Answers{Arch: answers.Mobile, Clients: []answers.Client{answers.MobileC}, Backends: answers.Shared,
		Revocation: answers.Minutes, Store: answers.SQLite, Alg: answers.RS256, Issuer: "https://id.example", Audience: "svc", Pkg: "internal/id"}
	p := &script{answers: []string{"", "", "", "", "", "", "", "", "", ""}}
	a, err := Run(p, answers.Answers{}, saved)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Fill(); got.Arch != saved.Arch || got.Backends != saved.Backends || got.Alg != saved.Alg || got.Issuer != saved.Issuer || got.Pkg != saved.Pkg || got.Store != saved.Store {
		t.Fatalf("defaults were not the saved answers: %+v\noffered: %q", got, p.defs)
	}
}

func TestRunOverride(t *testing.T) {
	p := &script{answers: []string{"", "", "", "", "jwt", "", "", "", ""}}
	a, err := Run(p, answers.Answers{}, answers.Answers{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Strategy != answers.JWT {
		t.Fatalf("override lost: %+v", a)
	}
	if slices.ContainsFunc(p.asked, func(q string) bool { return strings.Contains(q, "stored") }) {
		t.Error("asked for a store although JWT keeps none")
	}
}
