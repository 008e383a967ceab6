// Package recommend turns answers into a strategy, with the reasons that
// decided it and the costs of every alternative. It is a pure function of
// its input, driven by the rules table below.
package recommend

import (
	"fmt"
	"strings"

	"github.com/authgen/authgen/internal/answers"
)

// facts are the properties of a set of answers that the rules look at.
type facts struct {
	a         answers.Answers
	browser   bool // server-rendered pages
	spa       bool
	mobile    bool
	machines  bool // service or cli clients
	people    bool // browser, spa or mobile
	backends  answers.Backends
	immediate bool
}

func factsOf(a answers.Answers) facts {
	f := facts{
		a:         a,
		browser:   a.Has(answers.Browser),
		spa:       a.Has(answers.SPA),
		mobile:    a.Has(answers.MobileC),
		machines:  a.Has(answers.Service) || a.Has(answers.CLI),
		backends:  a.Backends,
		immediate: a.Revocation == answers.Immediate,
	}
	f.people = f.browser || f.spa || f.mobile
	return f
}

// rule is one row of the decision table: the first rule whose When holds
// decides the strategy, and its Why explains the decision in terms of the
// trade-off that settled it.
type rule struct {
	Name     string
	When     func(facts) bool
	Strategy answers.Strategy
	Why      func(facts) []string
}

// rules is the decision table, in order.
var rules = []rule{
	{
		Name:     "machines only",
		When:     func(f facts) bool { return f.machines && !f.people },
		Strategy: answers.JWT,
		Why: func(f facts) []string {
			r := []string{
				"Client kinds: only services and command-line programs call the API. They send a bearer token in the Authorization header and keep no cookie jar, so there is no cookie for CSRF to ride on and no browser storage for XSS to read.",
			}
			switch f.backends {
			case answers.Many:
				r = append(r, "Number of verifiers: many independent backends verify requests. A signed JWT is checked with the issuer's public key alone (published as a JWKS), with no shared state and no round trip per request.")
			case answers.Shared:
				r = append(r, "Shared state: the backends share a database, but a signed JWT still spares every request a store round trip; each backend needs only the issuer's public key.")
			default:
				r = append(r, "Scaling: a signed JWT needs no server-side state, so instances can be added without a shared session store.")
			}
			if f.immediate {
				r = append(r, "Revocation speed: you asked for immediate revocation. A JWT stays valid until it expires, so authgen keeps access tokens short (5 minutes) and renders an optional jti denylist for the verifiers that must cut off sooner.")
			} else {
				r = append(r, "Revocation speed: a few minutes of exposure after revocation is acceptable, which is exactly what a 5-minute access token gives without any lookup.")
			}
			return r
		},
	},
	{
		Name:     "mobile apps",
		When:     func(f facts) bool { return f.mobile },
		Strategy: answers.Hybrid,
		Why: func(f facts) []string {
			r := []string{
				"Client kinds: native mobile apps keep credentials in the Keychain or Keystore, not in a cookie jar. A long-lived opaque refresh token fits there, and a short access token is all that travels on each API call.",
				"Revocation speed vs state: refresh tokens are stored server-side and rotate on every use, so logout, log-out-everywhere and reuse of a stolen refresh token are detected and revoked at the next refresh; access tokens expire within 5 minutes.",
			}
			if f.spa || f.browser {
				r = append(r, "XSS/CSRF exposure: browser clients get the refresh token only in an HttpOnly, SameSite=Strict cookie limited to the refresh path (nothing for XSS to read), and keep the access token in memory, never in localStorage; the cookie endpoints are CSRF-protected.")
			}
			if f.backends != answers.One {
				r = append(r, "Number of verifiers: the backends verify access tokens with the issuer's public key only; just the refresh endpoint touches the store.")
			}
			return r
		},
	},
	{
		Name:     "many verifiers with browsers",
		When:     func(f facts) bool { return f.people && f.backends == answers.Many },
		Strategy: answers.Hybrid,
		Why: func(f facts) []string {
			return []string{
				"Number of verifiers: many independent backends must verify requests without a shared session store, so access tokens are signed JWTs checked with a public key.",
				"XSS/CSRF exposure: a long-lived JWT in a browser would sit where XSS can read it; the hybrid keeps the long-lived credential as an opaque refresh token in an HttpOnly, SameSite=Strict cookie, and the 5-minute access token in memory.",
				"Revocation speed: refresh tokens are revocable and rotate with reuse detection; a logout bites at the next refresh, within the 5-minute access-token lifetime.",
			}
		},
	},
	{
		Name:     "browsers and machines",
		When:     func(f facts) bool { return f.people && f.machines },
		Strategy: answers.Hybrid,
		Why: func(f facts) []string {
			return []string{
				"Client kinds: browsers and programs both call the API. Programs need bearer tokens; browsers need a credential that JavaScript cannot read. The hybrid serves both: one access-token format for every client, the refresh token in an HttpOnly cookie for browsers and in the response body for programs.",
				"Revocation speed: refresh tokens are stored and rotated, so revocation reaches every client at its next refresh; access tokens expire within 5 minutes.",
			}
		},
	},
	{
		Name:     "browsers on one backend or a shared store",
		When:     func(f facts) bool { return f.people },
		Strategy: answers.Session,
		Why: func(f facts) []string {
			r := []string{
				"XSS exposure: the browser holds only an opaque session ID in an HttpOnly, Secure, SameSite=Lax __Host- cookie; there is no token for injected JavaScript to steal, and the cookie endpoints are CSRF-protected with Go's CrossOriginProtection.",
			}
			if f.immediate {
				r = append(r, "Revocation speed: you need a logout to bite at once. Deleting the session record ends it on the very next request; a JWT would stay valid until it expires.")
			} else {
				r = append(r, "Revocation speed: deleting the session record ends it on the next request, at no extra cost over the minutes you allow.")
			}
			if f.backends == answers.Shared {
				r = append(r, "Shared state: your backends already share a database, so they share the session store too; checking a session is one indexed read.")
			} else {
				r = append(r, "State and scaling: one backend (or a few instances of it) can keep sessions in its own store; there is no other verifier that would need a stateless token.")
			}
			if f.spa {
				r = append(r, "Client kinds: a single-page app served from the same site sends the session cookie with fetch like any page; it needs no token handling at all.")
			}
			return r
		},
	},
}

// Decide returns the recommendation for filled answers. The user's
// override (answers.Strategy) becomes Chosen, and its costs are added to
// the warnings.
func Decide(a answers.Answers) Recommendation {
	f := factsOf(a)
	var rec Recommendation
	for _, r := range rules {
		if r.When(f) {
			rec.Strategy = r.Strategy
			rec.Reasons = r.Why(f)
			break
		}
	}
	if rec.Strategy == "" { // unreachable while the last rule covers people and the first machines
		rec.Strategy = answers.Session
		rec.Reasons = []string{"No client kind was given; sessions are the safest default for a single backend."}
	}
	rec.Warnings = append(rec.Warnings, warnings(f, rec.Strategy)...)
	rec.Chosen = rec.Strategy
	if a.Strategy != "" && a.Strategy != rec.Strategy {
		rec.Chosen = a.Strategy
		rec.Overridden = true
		costs := Costs(a, a.Strategy)
		if len(costs) == 0 {
			costs = []string{"no cost for these answers beyond those of the recommended strategy"}
		}
		for _, c := range costs {
			rec.Warnings = append(rec.Warnings, fmt.Sprintf("--strategy %s overrides the recommended %s: %s", a.Strategy, rec.Strategy, c))
		}
	}
	return rec
}

// warnings are the caveats of a strategy for these answers that the
// generated package handles, but the user should know.
func warnings(f facts, s answers.Strategy) []string {
	var w []string
	if s != answers.Session && f.immediate {
		w = append(w, "Immediate revocation: an access token already issued stays valid until it expires (5 minutes by default, 15 at most). Keep the lifetime short; first-party verifiers can also check the jti denylist or the per-user tokens-valid-after cutoff.")
	}
	if s == answers.Session && f.backends == answers.Many {
		w = append(w, "Many backends: every backend that checks sessions must reach the one session store.")
	}
	if s == answers.Session && f.a.Store == answers.Memory {
		w = append(w, "Memory store: sessions live in one process and are lost on restart; use --store sqlite for one machine, or a shared store for several instances.")
	}
	if f.a.Arch == answers.Monolith && f.backends == answers.Many {
		w = append(w, "You described a monolith with many backends; the recommendation follows the backends answer.")
	}
	return w
}

// Costs lists what choosing strategy s costs for answers a: the trade-offs
// that argue against it. It is used for overrides and the side-by-side table.
func Costs(a answers.Answers, s answers.Strategy) []string {
	f := factsOf(a)
	var c []string
	switch s {
	case answers.Session:
		if f.mobile || f.machines {
			c = append(c, "mobile apps and services must keep and send a cookie, which their HTTP clients do not do by default")
		}
		if f.backends == answers.Many {
			c = append(c, "every backend must reach one shared session store: a round trip per request and a shared dependency")
		}
	case answers.JWT:
		if f.browser || f.spa {
			c = append(c, "browsers would hold a bearer token readable by JavaScript (XSS can steal it) and there are no refresh tokens, so users sign in again when it expires")
		}
		if f.immediate {
			c = append(c, "a logout or ban takes effect only when the access token expires (up to its lifetime), unless every verifier checks a denylist")
		}
		if f.mobile {
			c = append(c, "mobile apps get no refresh token: a short token means frequent sign-ins, a long one means a long exposure")
		}
	case answers.Hybrid:
		if !f.mobile && !f.machines && f.backends != answers.Many {
			c = append(c, "two token kinds and a refresh endpoint where one session cookie gives instant revocation with less code")
		}
		if f.machines && !f.people {
			c = append(c, "refresh tokens and cookies serve no purpose for services, which can request a new access token with their credentials")
		}
	}
	return c
}

// Row is one line of the side-by-side comparison.
type Row struct {
	Aspect string
	Values map[answers.Strategy]string
}

// Compare returns the side-by-side comparison of the three strategies for
// these answers: the fixed trade-offs plus the costs for these answers.
func Compare(a answers.Answers) []Row {
	rows := []Row{
		{"logout takes effect", map[answers.Strategy]string{
			answers.Session: "next request",
			answers.JWT:     "when the token expires (5 min)",
			answers.Hybrid:  "next refresh (≤ 5 min)",
		}},
		{"state per request", map[answers.Strategy]string{
			answers.Session: "one store read",
			answers.JWT:     "none",
			answers.Hybrid:  "none (store on refresh)",
		}},
		{"who can verify", map[answers.Strategy]string{
			answers.Session: "backends reaching the store",
			answers.JWT:     "anyone with the public key",
			answers.Hybrid:  "anyone with the public key",
		}},
		{"XSS exposure", map[answers.Strategy]string{
			answers.Session: "none: HttpOnly cookie",
			answers.JWT:     "token readable by scripts",
			answers.Hybrid:  "5-min token in memory",
		}},
		{"CSRF exposure", map[answers.Strategy]string{
			answers.Session: "cookie: protected",
			answers.JWT:     "none: bearer header",
			answers.Hybrid:  "refresh cookie: protected",
		}},
	}
	fit := Row{Aspect: "costs for your answers", Values: map[answers.Strategy]string{}}
	for _, s := range answers.Strategies {
		n := len(Costs(a, s))
		switch n {
		case 0:
			fit.Values[s] = "none"
		case 1:
			fit.Values[s] = "1 cost"
		default:
			fit.Values[s] = fmt.Sprintf("%d costs", n)
		}
	}
	return append(rows, fit)
}

// Table renders Compare as an aligned plain-text table, marking the
// recommended strategy.
func Table(a answers.Answers, recommended answers.Strategy) string {
	rows := Compare(a)
	header := []string{""}
	for _, s := range answers.Strategies {
		h := string(s)
		if s == recommended {
			h += " (recommended)"
		}
		header = append(header, h)
	}
	lines := [][]string{header}
	for _, r := range rows {
		l := []string{r.Aspect}
		for _, s := range answers.Strategies {
			l = append(l, r.Values[s])
		}
		lines = append(lines, l)
	}
	width := make([]int, len(header))
	for _, l := range lines {
		for i, cell := range l {
			width[i] = max(width[i], len([]rune(cell)))
		}
	}
	var b strings.Builder
	for _, l := range lines {
		for i, cell := range l {
			b.WriteString(cell)
			if i < len(l)-1 {
				b.WriteString(strings.Repeat(" ", width[i]-len([]rune(cell))+2))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
