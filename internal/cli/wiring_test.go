package cli

import (
	"strings"
	"testing"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/model"
	"github.com/authgen/authgen/internal/render"
)

// TestWiringComesFromTheExamples: every strategy's examples mark the lines
// that wire the package into main, and the next steps print them.
func TestWiringComesFromTheExamples(t *testing.T) {
	for _, s := range answers.Strategies {
		a := answers.Answers{Strategy: s, Pkg: "internal/authx"}.Fill()
		m, err := model.FromAnswers("example.com/app", a, "test")
		if err != nil {
			t.Fatal(err)
		}
		files, err := render.Render(m)
		if err != nil {
			t.Fatal(err)
		}
		w := wiring(files, a.Pkg)
		if strings.Count(w, "\n") < 2 {
			t.Errorf("%s: no wiring lines marked in the examples: %q", s, w)
			continue
		}
		if strings.Contains(w, "authgen:wiring") {
			t.Errorf("%s: a marker leaked into the snippet:\n%s", s, w)
		}
		if strings.HasPrefix(w, "\t") || strings.HasPrefix(w, " ") {
			t.Errorf("%s: snippet not dedented:\n%s", s, w)
		}
		steps := nextSteps(a, s, w, false)
		if !strings.Contains(steps, strings.SplitN(w, "\n", 2)[0]) {
			t.Errorf("%s: next steps do not show the wiring:\n%s", s, steps)
		}
	}
}

func TestDedent(t *testing.T) {
	got := dedent([]string{"\t\ta := 1", "", "\t\t\tb(a)", "\t\tc()"})
	if got != "a := 1\n\n\tb(a)\nc()\n" {
		t.Fatalf("got %q", got)
	}
}
