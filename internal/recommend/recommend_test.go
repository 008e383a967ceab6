package recommend

import (
	"regexp"
	"strings"
	"testing"

	"github.com/authgen/authgen/internal/answers"
)

// tradeOff matches the names of the trade-offs a reason must cite.
var tradeOff = regexp.MustCompile(`^(Revocation speed|XSS|XSS/CSRF exposure|Shared state|State and scaling|Scaling|Number of verifiers|Client kinds)`)

// allAnswers enumerates every combination of the answers that affect the
// recommendation: architecture, every non-empty set of clients, backends,
// revocation and the strategy override.
func allAnswers() []answers.Answers {
	var out []answers.Answers
	n := len(answers.Clients)
	for _, arch := range answers.Archs {
		for mask := 1; mask < 1<<n; mask++ {
			var cs []answers.Client
			for i, c := range answers.Clients {
				if mask&(1<<i) != 0 {
					cs = append(cs, c)
				}
			}
			for _, b := range answers.BackendsAll {
				for _, r := range answers.Revocations {
					for _, s := range append([]answers.Strategy{""}, answers.Strategies...) {
						out = append(out, answers.Answers{Arch: arch, Clients: cs, Backends: b, Revocation: r, Strategy: s}.Fill())
					}
				}
			}
		}
	}
	return out
}

func TestEveryCombinationHasStrategyAndReasons(t *testing.T) {
	combos := allAnswers()
	if want := 4 * 31 * 3 * 2 * 4; len(combos) != want {
		t.Fatalf("enumerated %d combinations, want %d", len(combos), want)
	}
	seen := map[answers.Strategy]int{}
	for _, a := range combos {
		rec := Decide(a)
		if _, err := answers.ParseStrategy(string(rec.Strategy)); err != nil {
			t.Fatalf("%+v: no valid strategy: %v", a, err)
		}
		if len(rec.Reasons) == 0 {
			t.Fatalf("%+v: no reasons", a)
		}
		for _, r := range rec.Reasons {
			if !tradeOff.MatchString(r) {
				t.Errorf("%+v: reason does not name its trade-off: %q", a, r)
			}
		}
		want := rec.Strategy
		if a.Strategy != "" {
			want = a.Strategy
		}
		if rec.Chosen != want {
			t.Fatalf("%+v: chosen %s, want %s", a, rec.Chosen, want)
		}
		if rec.Overridden != (a.Strategy != "" && a.Strategy != rec.Strategy) {
			t.Fatalf("%+v: overridden = %v", a, rec.Overridden)
		}
		if rec.Overridden && !hasPrefix(rec.Warnings, "--strategy "+string(a.Strategy)+" overrides") {
			t.Fatalf("%+v: override without a cost warning: %q", a, rec.Warnings)
		}
		seen[rec.Strategy]++
	}
	for _, s := range answers.Strategies {
		if seen[s] == 0 {
			t.Errorf("no combination recommends %s", s)
		}
	}
}

func hasPrefix(ws []string, p string) bool {
	for _, w := range ws {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

func TestArchetypes(t *testing.T) {
	cases := []struct {
		name string
		a    answers.Answers
		want answers.Strategy
	}{
		{"server-rendered monolith", answers.Answers{Arch: answers.Monolith, Clients: []answers.Client{answers.Browser}, Backends: answers.One}, answers.Session},
		{"microservices", answers.Answers{Arch: answers.Microservices, Clients: []answers.Client{answers.Service}, Backends: answers.Many}, answers.JWT},
		{"mobile backend", answers.Answers{Arch: answers.Mobile, Clients: []answers.Client{answers.MobileC, answers.SPA}}, answers.Hybrid},
		{"public API", answers.Answers{Arch: answers.API, Clients: []answers.Client{answers.Service}, Backends: answers.Many}, answers.JWT},
	}
	for _, c := range cases {
		for _, r := range answers.Revocations {
			a := c.a
			a.Revocation = r
			if got := Decide(a.Fill()).Strategy; got != c.want {
				t.Errorf("%s (revocation %s): got %s, want %s", c.name, r, got, c.want)
			}
		}
	}
}

func TestOverrideCostsNameTheTradeOff(t *testing.T) {
	a := answers.Answers{Arch: answers.Monolith, Clients: []answers.Client{answers.Browser}, Backends: answers.One, Revocation: answers.Immediate, Strategy: answers.JWT}.Fill()
	rec := Decide(a)
	if !rec.Overridden || rec.Chosen != answers.JWT || rec.Strategy != answers.Session {
		t.Fatalf("got %+v", rec)
	}
	joined := strings.Join(rec.Warnings, "\n")
	for _, want := range []string{"JavaScript", "expires"} {
		if !strings.Contains(joined, want) {
			t.Errorf("override warnings miss %q:\n%s", want, joined)
		}
	}
}

func TestDecideIsPure(t *testing.T) {
	a := answers.Answers{Arch: answers.Mobile}.Fill()
	first := Decide(a)
	for range 3 {
		again := Decide(a)
		if strings.Join(again.Reasons, "|") != strings.Join(first.Reasons, "|") || again.Strategy != first.Strategy {
			t.Fatal("Decide is not deterministic")
		}
	}
}

func TestTableMarksRecommended(t *testing.T) {
	a := answers.Answers{Arch: answers.Monolith}.Fill()
	tab := Table(a, answers.Session)
	lines := strings.Split(strings.TrimSpace(tab), "\n")
	if len(lines) != 7 {
		t.Fatalf("want header + 6 rows, got %d:\n%s", len(lines), tab)
	}
	if !strings.Contains(lines[0], "session (recommended)") {
		t.Errorf("header does not mark the recommendation: %q", lines[0])
	}
	if !strings.Contains(tab, "costs for your answers") {
		t.Errorf("no costs row:\n%s", tab)
	}
}
