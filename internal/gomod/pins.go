package gomod

// Pin is a module requirement of the generated code at a fixed version.
// Every version keeps the generated module on the Go 1.25 floor (see
// SECURITY.md §10.1); the compile tests build against exactly these.
type Pin struct {
	Path    string
	Version string
}

// Pins lists every module the generated packages may import.
var Pins = []Pin{
	{"github.com/golang-jwt/jwt/v5", "v5.3.1"},
	{"github.com/jackc/pgx/v5", "v5.12.0"},
	{"github.com/lestrrat-go/httprc/v3", "v3.0.6"},
	{"github.com/lestrrat-go/jwx/v3", "v3.3.0"},
	{"github.com/redis/go-redis/v9", "v9.22.0"},
	{"golang.org/x/crypto", "v0.55.0"},
	{"golang.org/x/sys", "v0.47.0"},
	{"golang.org/x/time", "v0.15.0"},
	{"modernc.org/sqlite", "v1.59.0"},
}
