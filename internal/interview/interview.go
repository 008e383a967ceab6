// Package interview asks the questions that flags and the answers file
// left open, shows the recommendation with its reasons and the side-by-side
// comparison, and lets the user accept or override it.
package interview

import (
	"fmt"
	"strings"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/prompt"
	"github.com/authgen/authgen/internal/recommend"
)

// Run asks for every field that given leaves empty and returns the
// answers. Fields already set (by flags or a file) are not asked. A field
// set in prefill is offered as the default answer (regenerate --interactive
// prefills the saved answers).
func Run(p prompt.Prompter, given, prefill answers.Answers) (answers.Answers, error) {
	a := given
	var err error
	def := func(saved, fallback string) string {
		if saved != "" {
			return saved
		}
		return fallback
	}
	if a.Arch == "" {
		var v string
		v, err = p.Select("How is the application built?", []prompt.Option{
			opt(answers.Monolith, "one server-rendered web app"),
			opt(answers.Microservices, "many services calling each other"),
			opt(answers.Mobile, "a backend for mobile apps (and maybe an SPA)"),
			opt(answers.API, "a public API used by other programs"),
		}, def(string(prefill.Arch), string(answers.DefaultArch)))
		if err != nil {
			return a, err
		}
		a.Arch = answers.Arch(v)
	}
	if len(a.Clients) == 0 {
		defs := toStrings(answers.DefaultClients(a.Arch))
		if len(prefill.Clients) > 0 {
			defs = toStrings(prefill.Clients)
		}
		vs, err := p.MultiSelect("Which clients call it?", []prompt.Option{
			opt(answers.Browser, "server-rendered pages in a browser"),
			opt(answers.SPA, "a single-page app in a browser"),
			opt(answers.MobileC, "native mobile apps"),
			opt(answers.Service, "other backend services"),
			opt(answers.CLI, "command-line programs"),
		}, defs)
		if err != nil {
			return a, err
		}
		for _, v := range vs {
			a.Clients = append(a.Clients, answers.Client(v))
		}
	}
	filled := a.Fill()
	if a.Backends == "" {
		v, err := p.Select("How many backends verify a user's credentials?", []prompt.Option{
			opt(answers.One, "one backend (or instances of it)"),
			opt(answers.Shared, "several, sharing one database or cache"),
			opt(answers.Many, "many independent backends"),
		}, def(string(prefill.Backends), string(filled.Backends)))
		if err != nil {
			return a, err
		}
		a.Backends = answers.Backends(v)
	}
	if a.Revocation == "" {
		v, err := p.Select("How fast must a logout or ban take effect?", []prompt.Option{
			opt(answers.Immediate, "on the very next request"),
			opt(answers.Minutes, "within a few minutes is fine"),
		}, def(string(prefill.Revocation), string(filled.Revocation)))
		if err != nil {
			return a, err
		}
		a.Revocation = answers.Revocation(v)
	}
	if a.Strategy == "" {
		rec := recommend.Decide(a.Fill())
		p.Println(Explain(rec))
		p.Println(recommend.Table(a.Fill(), rec.Strategy))
		opts := []prompt.Option{}
		for _, s := range answers.Strategies {
			help := "recommended"
			if s != rec.Strategy {
				costs := recommend.Costs(a.Fill(), s)
				help = "costs: " + strings.Join(costs, "; ")
				if len(costs) == 0 {
					help = "no extra cost for your answers"
				}
			}
			opts = append(opts, prompt.Option{Value: string(s), Help: help})
		}
		v, err := p.Select("Strategy (accept the recommendation or override it)", opts, def(string(prefill.Strategy), string(rec.Strategy)))
		if err != nil {
			return a, err
		}
		if answers.Strategy(v) != rec.Strategy {
			a.Strategy = answers.Strategy(v)
		}
	}
	chosen := recommend.Decide(a.Fill()).Chosen
	if a.Store == "" && chosen != answers.JWT {
		var opts []prompt.Option
		for _, s := range answers.StoresFor(chosen) {
			opts = append(opts, prompt.Option{Value: string(s), Help: storeHelp[s]})
		}
		v, err := p.Select("Where are sessions and refresh tokens stored?", opts, def(string(prefill.Store), string(answers.DefaultStore)))
		if err != nil {
			return a, err
		}
		a.Store = answers.Store(v)
	}
	if chosen != answers.Session {
		if a.Alg == "" {
			v, err := p.Select("JWT signing algorithm?", []prompt.Option{
				opt(answers.EdDSA, "Ed25519: small, fast, recommended"),
				opt(answers.ES256, "ECDSA P-256: widely supported"),
				opt(answers.RS256, "RSA 3072: for verifiers that only know RSA"),
			}, def(string(prefill.Alg), string(answers.DefaultAlg)))
			if err != nil {
				return a, err
			}
			a.Alg = answers.Alg(v)
		}
		if a.Issuer == "" {
			v, err := p.Input("Token issuer (iss)", def(prefill.Issuer, answers.DefaultIssuer), textValidator("issuer"))
			if err != nil {
				return a, err
			}
			a.Issuer = v
		}
		if a.Audience == "" {
			v, err := p.Input("Token audience (aud) of this service", def(prefill.Audience, answers.DefaultAudience), textValidator("audience"))
			if err != nil {
				return a, err
			}
			a.Audience = v
		}
	}
	if a.Pkg == "" {
		v, err := p.Input("Package directory", def(prefill.Pkg, answers.DefaultPkg), answers.ValidatePkg)
		if err != nil {
			return a, err
		}
		a.Pkg = v
	}
	return a, nil
}

var storeHelp = map[answers.Store]string{
	answers.Memory:   "in-process: one instance, tests",
	answers.SQLite:   "embedded database file: one machine, survives restarts",
	answers.Postgres: "shared PostgreSQL: several instances",
	answers.Redis:    "shared Redis: several instances, TTLs",
}

func textValidator(flag string) func(string) error {
	return func(s string) error {
		a := answers.Answers{}.Fill()
		if flag == "issuer" {
			a.Issuer = s
		} else {
			a.Audience = s
		}
		return a.Validate()
	}
}

func toStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// Explain renders a recommendation as text: the strategy, a bullet per
// reason and per warning.
func Explain(rec recommend.Recommendation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Recommended: %s\n", rec.Strategy)
	for _, r := range rec.Reasons {
		fmt.Fprintf(&b, "  - %s\n", r)
	}
	if rec.Overridden {
		fmt.Fprintf(&b, "Chosen: %s (override)\n", rec.Chosen)
	}
	for _, w := range rec.Warnings {
		fmt.Fprintf(&b, "  ! %s\n", w)
	}
	return b.String()
}

func opt[T ~string](v T, help string) prompt.Option {
	return prompt.Option{Value: string(v), Help: help}
}
