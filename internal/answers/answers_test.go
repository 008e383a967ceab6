package answers

import (
	"errors"
	"strings"
	"testing"
)

func TestFillDefaults(t *testing.T) {
	a := Answers{}.Fill()
	if a.Arch != Monolith || a.Backends != One || a.Revocation != Immediate || a.Store != Memory || a.Alg != EdDSA || a.Pkg != DefaultPkg {
		t.Fatalf("defaults: %+v", a)
	}
	if len(a.Clients) != 1 || a.Clients[0] != Browser {
		t.Fatalf("default clients: %v", a.Clients)
	}
	ms := Answers{Arch: Microservices}.Fill()
	if ms.Backends != Many || ms.Revocation != Minutes || ms.Clients[0] != Service {
		t.Fatalf("microservices defaults: %+v", ms)
	}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestFillNormalizesClients(t *testing.T) {
	a := Answers{Clients: []Client{SPA, MobileC, SPA, Browser}}.Fill()
	if got := join(a.Clients); got != "browser, spa, mobile" {
		t.Fatalf("clients = %s", got)
	}
}

func TestParseErrorsNameFlagAndAccepted(t *testing.T) {
	_, err := ParseArch("big")
	var e *Error
	if !errors.As(err, &e) || e.Flag != "arch" {
		t.Fatalf("err = %v", err)
	}
	if got := err.Error(); got != `--arch: invalid value "big"; accepted: monolith, microservices, mobile, api` {
		t.Fatalf("message = %q", got)
	}
	if _, err := ParseAlg("es256"); err == nil {
		t.Fatal("alg matching must be exact, as in a JWT header")
	}
	if _, err := ParseClients("browser,,spa"); err == nil {
		t.Fatal("an empty client in the list was accepted")
	}
	if _, err := ParseStore("mysql"); err == nil || !strings.Contains(err.Error(), "accepted: memory, sqlite, postgres, redis") {
		t.Fatalf("mysql: %v", err)
	}
}

func TestValidatePkg(t *testing.T) {
	good := []string{"internal/auth", "auth", "pkg/v2auth", "internal/platform/auth_v1"}
	for _, p := range good {
		if err := ValidatePkg(p); err != nil {
			t.Errorf("%q: %v", p, err)
		}
	}
	bad := map[string]string{
		"":               "empty",
		"/abs/auth":      "absolute",
		`C:\auth`:        "separator",
		"C:/auth":        "absolute",
		`internal\auth`:  "separator",
		"../auth":        "leaves the module",
		"internal/../x":  "not a clean path",
		"internal//auth": "not a clean path",
		"internal/auth/": "not a clean path",
		"./auth":         "not a clean path",
		"my auth":        "not a valid Go package name",
		"internal/Auth":  "not a valid Go package name",
		"internal/func":  "keyword",
		"internal/1auth": "not a valid Go package name",
		"testdata/auth":  "ignores directories",
		"_auth":          "ignores directories",
		"cmd/main":       `"main" cannot be imported`,
		"ünï":            "not a valid Go package name",
	}
	for p, want := range bad {
		err := ValidatePkg(p)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want it to say %q", p, err, want)
		}
	}
}

func TestValidateText(t *testing.T) {
	for _, s := range []string{"https://auth.example.com", `x"; panic(1) //`, "back`tick", "{{.X}}", "ünïcødé", "*/"} {
		if err := ValidateText("issuer", s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	for _, s := range []string{"", "a\nb", "tab\there", strings.Repeat("x", 257), "\xff"} {
		if err := ValidateText("issuer", s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestFileRoundTrip(t *testing.T) {
	in := File{Authgen: "1.2.3", Answers: Answers{Arch: Mobile, Clients: []Client{MobileC, SPA}, Strategy: Hybrid, Issuer: `q"uote`}.Fill()}
	data := in.Marshal()
	if !strings.HasPrefix(string(data), "# authgen answers.") {
		t.Fatalf("no explanatory comment:\n%s", data)
	}
	out, err := ParseFile("authgen.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if out.Authgen != in.Authgen || join(out.Clients) != join(in.Clients) || out.Issuer != in.Issuer || out.Strategy != Hybrid {
		t.Fatalf("round trip: %+v != %+v", out, in)
	}
	if string(out.Marshal()) != string(data) {
		t.Fatal("marshal is not stable")
	}
}

func TestParseFileIsStrict(t *testing.T) {
	cases := map[string]string{
		"colour: blue\n":            `line 1: unknown key "colour"`,
		"clients: {a: b}\n":         "cannot unmarshal",
		"arch: big\n":               `--arch: invalid value "big"`,
		"pkg: ../x\n":               `--pkg: invalid value "../x"`,
		"arch: [x\n":                "x.yaml: ",
		"arch: mobile\n---\nx: 1\n": "more than one YAML document",
		"clients: [fax]\n":          `--clients: invalid value "fax"`,
		"issuer: \"a\\nb\"\n":       "control character",
	}
	for in, want := range cases {
		_, err := ParseFile("x.yaml", []byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", in, err, want)
		}
	}
	if f, err := ParseFile("x.yaml", nil); err != nil || f.Arch != "" {
		t.Errorf("empty file: %+v, %v", f, err)
	}
}

func TestMergeLaterWins(t *testing.T) {
	a := Answers{Arch: Mobile, Store: SQLite, Alg: ES256}
	b := Answers{Alg: RS256, Issuer: "i"}
	m := a.Merge(b)
	if m.Arch != Mobile || m.Store != SQLite || m.Alg != RS256 || m.Issuer != "i" {
		t.Fatalf("merge: %+v", m)
	}
}
