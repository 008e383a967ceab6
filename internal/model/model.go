// Package model defines Model, the one typed value every template is
// executed with. Derived facts are methods, so that branching lives in Go
// and templates stay readable: {{if .UsesCookies}}.
package model

import (
	"fmt"
	"path"
	"strings"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/recommend"
)

// Model is handed to every template.
type Model struct {
	// Module is the user's module path from go.mod, e.g. "example.com/app".
	Module string
	// PkgDir is the generated package's directory relative to the module
	// root, slash-separated, e.g. "internal/auth" (validated by answers.ValidatePkg).
	PkgDir string
	// Answers are the filled, validated answers.
	Answers answers.Answers
	// Rec is the recommendation and the strategy actually chosen.
	Rec recommend.Recommendation
	// Version is authgen's version, as recorded in authgen.yaml.
	Version string
}

// FromAnswers decides the strategy for filled answers and builds the Model.
func FromAnswers(module string, a answers.Answers, version string) (Model, error) {
	return New(module, a, recommend.Decide(a), version)
}

// New builds a Model and validates it.
func New(module string, a answers.Answers, rec recommend.Recommendation, version string) (Model, error) {
	m := Model{Module: module, PkgDir: a.Pkg, Answers: a, Rec: rec, Version: version}
	return m, m.Validate()
}

// Validate checks the model's invariants.
func (m Model) Validate() error {
	if m.Module == "" {
		return fmt.Errorf("model: empty module path")
	}
	if err := m.Answers.Validate(); err != nil {
		return fmt.Errorf("model: %w", err)
	}
	if m.PkgDir != m.Answers.Pkg {
		return fmt.Errorf("model: package dir %q differs from answers %q", m.PkgDir, m.Answers.Pkg)
	}
	switch m.Rec.Chosen {
	case answers.Session, answers.JWT, answers.Hybrid:
	default:
		return fmt.Errorf("model: no strategy chosen")
	}
	return answers.CheckStore(m.Rec.Chosen, m.Answers.Store)
}

// PkgName is the generated package's name: the last element of PkgDir.
func (m Model) PkgName() string { return path.Base(m.PkgDir) }

// ImportPath is the generated package's import path.
func (m Model) ImportPath() string { return m.Module + "/" + m.PkgDir }

// Strategy is the strategy being rendered.
func (m Model) Strategy() answers.Strategy { return m.Rec.Chosen }

// Store is the store for server-side state.
func (m Model) Store() answers.Store { return m.Answers.Store }

// Alg is the JWT signing algorithm.
func (m Model) Alg() answers.Alg { return m.Answers.Alg }

// Issuer is the token issuer (free text: templates must quote it).
func (m Model) Issuer() string { return m.Answers.Issuer }

// Audience is the token audience (free text: templates must quote it).
func (m Model) Audience() string { return m.Answers.Audience }

// IsSession, IsJWT and IsHybrid report the chosen strategy.
func (m Model) IsSession() bool { return m.Rec.Chosen == answers.Session }

// IsJWT reports whether the JWT strategy is chosen.
func (m Model) IsJWT() bool { return m.Rec.Chosen == answers.JWT }

// IsHybrid reports whether the hybrid strategy is chosen.
func (m Model) IsHybrid() bool { return m.Rec.Chosen == answers.Hybrid }

// UsesCookies reports whether the package authenticates with cookies and so
// needs CSRF protection (session cookie, or hybrid refresh cookie).
func (m Model) UsesCookies() bool { return m.IsSession() || m.IsHybrid() }

// UsesJWT reports whether the package signs or verifies JWT access tokens.
func (m Model) UsesJWT() bool { return m.IsJWT() || m.IsHybrid() }

// UsesRefreshTokens reports whether the package issues rotating refresh tokens.
func (m Model) UsesRefreshTokens() bool { return m.IsHybrid() }

// HasStore reports whether the package keeps server-side state in a Store.
func (m Model) HasStore() bool { return m.IsSession() || m.IsHybrid() }

// StoreMemory and friends report the chosen store.
func (m Model) StoreMemory() bool { return m.HasStore() && m.Answers.Store == answers.Memory }

// StoreSQLite reports whether the SQLite store is rendered.
func (m Model) StoreSQLite() bool { return m.HasStore() && m.Answers.Store == answers.SQLite }

// StorePostgres reports whether the PostgreSQL store is rendered.
func (m Model) StorePostgres() bool { return m.HasStore() && m.Answers.Store == answers.Postgres }

// StoreRedis reports whether the Redis store is rendered.
func (m Model) StoreRedis() bool { return m.HasStore() && m.Answers.Store == answers.Redis }

// UsesSQL reports whether the store is an SQL database (migrations are rendered).
func (m Model) UsesSQL() bool { return m.StoreSQLite() || m.StorePostgres() }

// AlgEdDSA and friends report the chosen signing algorithm.
func (m Model) AlgEdDSA() bool { return m.UsesJWT() && m.Answers.Alg == answers.EdDSA }

// AlgES256 reports whether ES256 is the signing algorithm.
func (m Model) AlgES256() bool { return m.UsesJWT() && m.Answers.Alg == answers.ES256 }

// AlgRS256 reports whether RS256 is the signing algorithm.
func (m Model) AlgRS256() bool { return m.UsesJWT() && m.Answers.Alg == answers.RS256 }

// HasBrowser reports whether browsers (server-rendered or SPA) are clients.
func (m Model) HasBrowser() bool {
	return m.Answers.Has(answers.Browser) || m.Answers.Has(answers.SPA)
}

// HasSPA reports whether a single-page app is a client.
func (m Model) HasSPA() bool { return m.Answers.Has(answers.SPA) }

// HasMobile reports whether native mobile apps are clients.
func (m Model) HasMobile() bool { return m.Answers.Has(answers.MobileC) }

// HasServices reports whether other services (or CLIs) are clients.
func (m Model) HasServices() bool {
	return m.Answers.Has(answers.Service) || m.Answers.Has(answers.CLI)
}

// Reasons are the reasons for the recommended strategy.
func (m Model) Reasons() []string { return m.Rec.Reasons }

// Warnings are the caveats of the chosen strategy, and the costs of an override.
func (m Model) Warnings() []string { return m.Rec.Warnings }

// ComparisonTable is the side-by-side comparison of the three strategies
// for these answers, as a Markdown table.
func (m Model) ComparisonTable() string {
	var b strings.Builder
	b.WriteString("|  |")
	for _, s := range answers.Strategies {
		name := string(s)
		if s == m.Rec.Strategy {
			name += " (recommended)"
		}
		b.WriteString(" " + name + " |")
	}
	b.WriteString("\n|---|---|---|---|\n")
	for _, r := range recommend.Compare(m.Answers) {
		b.WriteString("| " + r.Aspect + " |")
		for _, s := range answers.Strategies {
			b.WriteString(" " + r.Values[s] + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}
