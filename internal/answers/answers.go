// Package answers holds what the user told authgen about the application:
// the typed, validated answers to its questions, their defaults, and the
// authgen.yaml file that saves them between runs.
package answers

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Arch is how the application is built.
type Arch string

// The accepted architectures.
const (
	Monolith      Arch = "monolith"      // one server-rendered app
	Microservices Arch = "microservices" // many services calling each other
	Mobile        Arch = "mobile"        // a backend for mobile apps (and often an SPA)
	API           Arch = "api"           // a public API used by third-party programs
)

// Client is a kind of program that calls the application.
type Client string

// The accepted client kinds.
const (
	Browser Client = "browser" // server-rendered pages in a browser
	SPA     Client = "spa"     // a single-page app in a browser
	MobileC Client = "mobile"  // a native mobile app
	Service Client = "service" // another backend service
	CLI     Client = "cli"     // a command-line program
)

// Backends is how many backends verify a user's credentials.
type Backends string

// The accepted backend counts.
const (
	One    Backends = "one"    // one backend (possibly several instances of it)
	Shared Backends = "shared" // several backends that share one database or cache
	Many   Backends = "many"   // many independent backends, no shared state
)

// Revocation is how fast a logout or ban must take effect.
type Revocation string

// The accepted revocation speeds.
const (
	Immediate Revocation = "immediate" // the next request must fail
	Minutes   Revocation = "minutes"   // a few minutes of exposure is acceptable
)

// Strategy is the authentication design authgen renders.
type Strategy string

// The strategies.
const (
	Session Strategy = "session" // server-side sessions, opaque cookie
	JWT     Strategy = "jwt"     // signed access tokens verified statelessly
	Hybrid  Strategy = "hybrid"  // short JWT access tokens + rotating refresh tokens
)

// Store is where server-side state (sessions, refresh tokens) lives.
type Store string

// The stores.
const (
	Memory   Store = "memory"   // in-process; one instance, tests
	SQLite   Store = "sqlite"   // embedded file database; one machine
	Postgres Store = "postgres" // shared PostgreSQL
	Redis    Store = "redis"    // shared Redis
)

// Alg is the JWT signing algorithm.
type Alg string

// The algorithms.
const (
	EdDSA Alg = "EdDSA" // Ed25519
	ES256 Alg = "ES256" // ECDSA P-256 with SHA-256
	RS256 Alg = "RS256" // RSA PKCS#1 v1.5 with SHA-256, 3072-bit keys
)

// Accepted values, in the order they are offered. Tests enumerate these.
var (
	Archs       = []Arch{Monolith, Microservices, Mobile, API}
	Clients     = []Client{Browser, SPA, MobileC, Service, CLI}
	BackendsAll = []Backends{One, Shared, Many}
	Revocations = []Revocation{Immediate, Minutes}
	Strategies  = []Strategy{Session, JWT, Hybrid}
	Stores      = []Store{Memory, SQLite, Postgres, Redis}
	Algs        = []Alg{EdDSA, ES256, RS256}
)

// storesFor lists, per strategy that keeps server-side state, the stores
// this version of authgen renders. The JWT strategy keeps none: its store
// answer is recorded but not used.
var storesFor = map[Strategy][]Store{
	Session: {Memory, SQLite, Postgres, Redis},
	Hybrid:  {Memory, SQLite, Postgres, Redis},
}

// StoresFor returns the stores rendered for strategy s, in the order of
// Stores; nil for a strategy without server-side state.
func StoresFor(s Strategy) []Store { return storesFor[s] }

// Available reports whether some strategy renders the store.
func (s Store) Available() bool {
	for _, ss := range storesFor {
		if slices.Contains(ss, s) {
			return true
		}
	}
	return false
}

// CheckStore reports whether strategy s can use store st, naming what is
// accepted when it cannot.
func CheckStore(s Strategy, st Store) error {
	ok := storesFor[s]
	if ok == nil || slices.Contains(ok, st) {
		return nil
	}
	return &Error{Flag: "store", Value: string(st), Accepted: join(ok) + " (for " + string(s) + ")",
		Reason: "the " + string(s) + " strategy has no " + string(st) + " store in this version of authgen yet"}
}

// Defaults used when a question is not answered (--yes, or no terminal).
const (
	DefaultArch       = Monolith
	DefaultBackends   = One
	DefaultRevocation = Immediate
	DefaultStore      = Memory
	DefaultAlg        = EdDSA
	DefaultPkg        = "internal/auth"
	DefaultIssuer     = "https://auth.example.com"
	DefaultAudience   = "api"
)

// DefaultClients returns the client kinds assumed for an architecture when
// the user does not say.
func DefaultClients(a Arch) []Client {
	switch a {
	case Microservices, API:
		return []Client{Service}
	case Mobile:
		return []Client{MobileC, SPA}
	default:
		return []Client{Browser}
	}
}

// Answers is the full set of answers. The zero value of an optional field
// means "not answered"; Fill replaces those with defaults.
type Answers struct {
	Arch       Arch       `yaml:"arch" json:"arch"`
	Clients    []Client   `yaml:"clients" json:"clients"`
	Backends   Backends   `yaml:"backends" json:"backends"`
	Revocation Revocation `yaml:"revocation" json:"revocation"`
	// Strategy is empty when the user accepts the recommendation.
	Strategy Strategy `yaml:"strategy,omitempty" json:"strategy,omitempty"`
	Store    Store    `yaml:"store" json:"store"`
	Alg      Alg      `yaml:"alg" json:"alg"`
	Pkg      string   `yaml:"pkg" json:"pkg"`
	Issuer   string   `yaml:"issuer" json:"issuer"`
	Audience string   `yaml:"audience" json:"audience"`
}

// Fill returns a copy with every unanswered field set to its default.
func (a Answers) Fill() Answers {
	if a.Arch == "" {
		a.Arch = DefaultArch
	}
	if len(a.Clients) == 0 {
		a.Clients = DefaultClients(a.Arch)
	}
	if a.Backends == "" {
		a.Backends = DefaultBackends
		if a.Arch == Microservices || a.Arch == API {
			a.Backends = Many
		}
	}
	if a.Revocation == "" {
		a.Revocation = DefaultRevocation
		if a.Arch == Microservices || a.Arch == API {
			a.Revocation = Minutes
		}
	}
	if a.Store == "" {
		a.Store = DefaultStore
	}
	if a.Alg == "" {
		a.Alg = DefaultAlg
	}
	if a.Pkg == "" {
		a.Pkg = DefaultPkg
	}
	if a.Issuer == "" {
		a.Issuer = DefaultIssuer
	}
	if a.Audience == "" {
		a.Audience = DefaultAudience
	}
	a.Clients = normalizeClients(a.Clients)
	return a
}

// normalizeClients sorts clients into the order of Clients and drops
// duplicates, so that equal answers render equal output.
func normalizeClients(cs []Client) []Client {
	out := make([]Client, 0, len(cs))
	for _, c := range Clients {
		if slices.Contains(cs, c) {
			out = append(out, c)
		}
	}
	return out
}

// Has reports whether c is among the answered clients.
func (a Answers) Has(c Client) bool { return slices.Contains(a.Clients, c) }

// Error is a validation error naming the flag (or answers-file key) that was
// wrong and the values it accepts.
type Error struct {
	Flag     string // "arch", "clients", ...; printed as --arch
	Value    string
	Accepted string // e.g. "monolith, microservices, mobile, api"
	Reason   string // optional extra explanation
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("--%s: invalid value %q", e.Flag, e.Value)
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	if e.Accepted != "" {
		msg += "; accepted: " + e.Accepted
	}
	return msg
}

func join[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// ParseArch and friends turn a flag value into a typed answer.
func ParseArch(s string) (Arch, error) { return parseEnum("arch", s, Archs) }

// ParseBackends parses --backends.
func ParseBackends(s string) (Backends, error) { return parseEnum("backends", s, BackendsAll) }

// ParseRevocation parses --revocation.
func ParseRevocation(s string) (Revocation, error) {
	return parseEnum("revocation", s, Revocations)
}

// ParseStrategy parses --strategy.
func ParseStrategy(s string) (Strategy, error) { return parseEnum("strategy", s, Strategies) }

// ParseStore parses --store.
func ParseStore(s string) (Store, error) {
	st, err := parseEnum("store", s, Stores)
	if err != nil {
		return "", err
	}
	if !st.Available() {
		var avail []Store
		for _, x := range Stores {
			if x.Available() {
				avail = append(avail, x)
			}
		}
		return "", &Error{Flag: "store", Value: s, Accepted: join(avail),
			Reason: "the " + s + " store is not available in this version of authgen yet"}
	}
	return st, nil
}

// ParseAlg parses --alg. Matching is exact: "es256" is not "ES256", as in a
// JWT header.
func ParseAlg(s string) (Alg, error) { return parseEnum("alg", s, Algs) }

// ParseClients parses a comma-separated --clients list.
func ParseClients(s string) ([]Client, error) {
	var out []Client
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		c, err := parseEnum("clients", part, Clients)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return normalizeClients(out), nil
}

func parseEnum[T ~string](flag, s string, accepted []T) (T, error) {
	for _, v := range accepted {
		if string(v) == s {
			return v, nil
		}
	}
	return "", &Error{Flag: flag, Value: s, Accepted: join(accepted)}
}

// Validate checks every field of filled answers. It returns the first
// problem as an *Error.
func (a Answers) Validate() error {
	if _, err := ParseArch(string(a.Arch)); err != nil {
		return err
	}
	if len(a.Clients) == 0 {
		return &Error{Flag: "clients", Value: "", Accepted: join(Clients), Reason: "at least one client kind is needed"}
	}
	for _, c := range a.Clients {
		if _, err := parseEnum("clients", string(c), Clients); err != nil {
			return err
		}
	}
	if _, err := ParseBackends(string(a.Backends)); err != nil {
		return err
	}
	if _, err := ParseRevocation(string(a.Revocation)); err != nil {
		return err
	}
	if a.Strategy != "" {
		if _, err := ParseStrategy(string(a.Strategy)); err != nil {
			return err
		}
	}
	if _, err := ParseStore(string(a.Store)); err != nil {
		return err
	}
	if _, err := ParseAlg(string(a.Alg)); err != nil {
		return err
	}
	if err := ValidatePkg(a.Pkg); err != nil {
		return err
	}
	if err := ValidateText("issuer", a.Issuer); err != nil {
		return err
	}
	return ValidateText("audience", a.Audience)
}

// ValidatePkg checks --pkg: a slash-separated relative path inside the
// module whose last element is a valid Go package name.
func ValidatePkg(p string) error {
	const accepted = "a relative path inside the module, such as internal/auth, whose elements are lower-case Go identifiers"
	bad := func(reason string) error {
		return &Error{Flag: "pkg", Value: p, Accepted: accepted, Reason: reason}
	}
	switch {
	case p == "":
		return bad("it is empty")
	case strings.Contains(p, `\`):
		return bad(`it uses \ as a separator; write it with /`)
	case strings.HasPrefix(p, "/") || (len(p) > 1 && p[1] == ':'):
		return bad("it is an absolute path")
	case path.Clean(p) != p:
		return bad("it is not a clean path (no .., ., trailing or double slashes)")
	}
	for _, el := range strings.Split(p, "/") {
		if el == ".." || el == "." {
			return bad("it leaves the module")
		}
		if !isIdent(el) {
			return bad(fmt.Sprintf("%q is not a valid Go package name", el))
		}
		if isKeyword(el) {
			return bad(fmt.Sprintf("%q is a Go keyword", el))
		}
		if el == "testdata" || el == "vendor" || strings.HasPrefix(el, "_") {
			return bad(fmt.Sprintf("the go command ignores directories named %q", el))
		}
	}
	if last := path.Base(p); last == "main" {
		return bad(`a package named "main" cannot be imported`)
	}
	return nil
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || (r >= 'a' && r <= 'z'):
		case i > 0 && r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return true
}

func isKeyword(s string) bool {
	switch s {
	case "break", "case", "chan", "const", "continue", "default", "defer", "else",
		"fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
		"map", "package", "range", "return", "select", "struct", "switch", "type", "var":
		return true
	}
	return false
}

// ValidateText accepts any printable UTF-8 text of reasonable length; the
// templates quote it, so quotes, backticks and braces are safe.
func ValidateText(flag, s string) error {
	accepted := "1 to 256 characters of printable UTF-8 text, no line breaks or control characters"
	switch {
	case s == "":
		return &Error{Flag: flag, Value: s, Accepted: accepted, Reason: "it is empty"}
	case len(s) > 256:
		return &Error{Flag: flag, Value: s[:32] + "...", Accepted: accepted, Reason: "it is too long"}
	case !utf8.ValidString(s):
		return &Error{Flag: flag, Value: s, Accepted: accepted, Reason: "it is not valid UTF-8"}
	}
	for _, r := range s {
		if !unicode.IsPrint(r) && r != ' ' {
			return &Error{Flag: flag, Value: s, Accepted: accepted, Reason: fmt.Sprintf("it contains the control character %U", r)}
		}
	}
	return nil
}
