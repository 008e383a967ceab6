package model

import (
	"strings"
	"testing"

	"github.com/authgen/authgen/internal/answers"
)

func TestFromAnswersValidates(t *testing.T) {
	a := answers.Answers{Arch: answers.Mobile}.Fill()
	m, err := FromAnswers("example.com/app", a, "v")
	if err != nil {
		t.Fatal(err)
	}
	if m.Strategy() != answers.Hybrid || !m.UsesJWT() || !m.UsesCookies() || !m.UsesRefreshTokens() || m.IsSession() {
		t.Fatalf("hybrid model facts wrong: %+v", m.Rec)
	}
	if m.PkgName() != "auth" || m.ImportPath() != "example.com/app/internal/auth" {
		t.Fatalf("names: %s %s", m.PkgName(), m.ImportPath())
	}
	if !m.HasMobile() || !m.HasSPA() || !m.HasBrowser() || m.HasServices() {
		t.Fatal("client facts wrong")
	}
	if _, err := FromAnswers("", a, "v"); err == nil {
		t.Fatal("empty module accepted")
	}
	bad := a
	bad.Pkg = "../x"
	if _, err := FromAnswers("example.com/app", bad, "v"); err == nil {
		t.Fatal("invalid answers accepted")
	}
}

func TestStoreAndAlgFactsFollowTheStrategy(t *testing.T) {
	jwt := answers.Answers{Arch: answers.Microservices, Store: answers.SQLite, Alg: answers.ES256}.Fill()
	m, err := FromAnswers("example.com/app", jwt, "v")
	if err != nil {
		t.Fatal(err)
	}
	if m.HasStore() || m.StoreSQLite() || m.UsesSQL() {
		t.Error("the JWT strategy keeps no server-side state, whatever the store answer")
	}
	if !m.AlgES256() || m.AlgEdDSA() {
		t.Error("alg facts wrong")
	}
	s := answers.Answers{Arch: answers.Monolith, Store: answers.SQLite, Alg: answers.ES256}.Fill()
	m, _ = FromAnswers("example.com/app", s, "v")
	if !m.StoreSQLite() || !m.UsesSQL() || m.AlgES256() {
		t.Error("session facts wrong: a session package signs no tokens")
	}
}

func TestCombinationsAreDistinctAndValid(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Combinations() {
		if seen[c.Name] {
			t.Fatalf("duplicate %s", c.Name)
		}
		seen[c.Name] = true
		m, err := FromAnswers("example.com/app", c.Answers, "v")
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if !strings.HasPrefix(c.Name, string(m.Strategy())+"-") {
			t.Errorf("%s renders %s", c.Name, m.Strategy())
		}
	}
	want := len(answers.StoresFor(answers.Session)) + len(answers.Algs) + len(answers.StoresFor(answers.Hybrid))*len(answers.Algs)
	if len(seen) != want {
		t.Errorf("%d combinations, want %d", len(seen), want)
	}
}

func TestComparisonTable(t *testing.T) {
	m, _ := FromAnswers("example.com/app", answers.Answers{}.Fill(), "v")
	tab := m.ComparisonTable()
	if !strings.Contains(tab, "| session (recommended) |") || strings.Count(tab, "\n") != 8 {
		t.Fatalf("table:\n%s", tab)
	}
}
