package bench

import "strings"

// The benchmarks of the generated code, written into each rendered package
// of the child module (package PKG is replaced by the package's name). They
// use the package's API and its generated test helpers.

// childCPU is written into every child package: zzCPU(b) starts counting
// the process's CPU time and returns the function that reports it per
// operation ("cpu-ns/op"). On a shared machine CPU time is steadier than
// wall time (the report takes ratios on it when both sides have it).
const childCPU = `package PKG

import (
	"os"
	"strconv"
	"syscall"
	"testing"
)

// zzRounds is how many times each benchmark runs its sub-benchmarks, one
// round after the other (floor, authgen, floor, authgen, ...), so that a
// change in the machine's load hits both sides of a ratio alike.
func zzRounds() int {
	n, _ := strconv.Atoi(os.Getenv("AUTH_BENCH_ROUNDS"))
	return max(n, 1)
}

func zzProcessCPU() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func zzCPU(b *testing.B) func() {
	t0 := zzProcessCPU()
	return func() { b.ReportMetric(float64(zzProcessCPU()-t0)/float64(b.N), "cpu-ns/op") }
}
`

// childCommon is shared by the session variants.
const childCommon = `
type zzDiscard struct{ h http.Header }

func (d *zzDiscard) Header() http.Header         { return d.h }
func (d *zzDiscard) Write(p []byte) (int, error) { return len(p), nil }
func (d *zzDiscard) WriteHeader(int)             {}

// zzServe runs h on r b.N times, the way BenchmarkMiddleware does.
func zzServe(b *testing.B, h http.Handler, r *http.Request) {
	w := &zzDiscard{h: http.Header{}}
	b.ReportAllocs()
	b.ResetTimer()
	defer zzCPU(b)()
	for b.Loop() {
		clear(w.h)
		h.ServeHTTP(w, r)
	}
}

// zzSession stores one live session for user u-bench in store and returns
// its token.
func zzSession(b testing.TB, store Store) string {
	tok := NewToken()
	now := time.Now()
	if err := store.Create(context.Background(), SessionRecord{
		Hash: HashToken(tok), UserID: "u-bench", AuthTime: now, LastSeen: now,
		ExpiresAt: now.Add(30 * time.Minute), AbsoluteAt: now.Add(8 * time.Hour),
	}); err != nil {
		b.Fatal(err)
	}
	return tok
}

// zzAuth is the session middleware over store with the production clock,
// in front of a handler that needs the user.
func zzAuth(b testing.TB, store Store) http.Handler {
	cfg := testConfig(newTestClock(), &syncBuffer{})
	cfg.Now = time.Now
	a, err := New(cfg, newTestUsers(), store)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { a.Close() })
	return a.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := CurrentUser(r.Context()); !ok {
			panic("no user")
		}
		w.WriteHeader(http.StatusNoContent)
	}))
}

func zzRequest(tok string) *http.Request {
	r := httptest.NewRequest("GET", "/me", nil)
	r.Header.Set("Cookie", CookieName+"="+tok)
	return r
}
`

const sessionImports = `package PKG

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)
`

var sessionMemoryChild = sessionImports + childCommon + `
// BenchmarkSessionMemory: bare is the handler alone (it reads the cookie so
// that it does the same header work); authgen is the session middleware
// over the memory store.
func BenchmarkSessionMemory(b *testing.B) {
	store := NewMemoryStore()
	tok := zzSession(b, store)
	for range zzRounds() {
		b.Run("bare", func(b *testing.B) {
			zzServe(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if c, err := r.Cookie(CookieName); err != nil || c.Value == "" {
					panic("no cookie")
				}
				w.WriteHeader(http.StatusNoContent)
			}), zzRequest(tok))
		})
		b.Run("authgen", func(b *testing.B) { zzServe(b, zzAuth(b, store), zzRequest(tok)) })
	}
}
`

var sessionRedisChild = strings.Replace(sessionImports, "\t\"context\"\n", "\t\"context\"\n\t\"github.com/redis/go-redis/v9\"\n", 1) + childCommon + `
// BenchmarkSessionRedis: raw is one go-redis GET of the session's key;
// authgen is the session middleware over the Redis store (one GET, then
// decoding and the checks).
func BenchmarkSessionRedis(b *testing.B) {
	rt := newRedisTest(b)
	opts := *rt.opts
	rdb := redis.NewClient(&opts)
	b.Cleanup(func() { rdb.Close() })
	store := NewRedisStore(rdb, rt.prefix, time.Now)
	tok := zzSession(b, store)
	key := store.key(HashToken(tok))
	ctx := context.Background()
	for range zzRounds() {
		b.Run("raw", func(b *testing.B) {
			b.ReportAllocs()
			defer zzCPU(b)()
			for b.Loop() {
				if v, err := rdb.Get(ctx, key).Result(); err != nil || v == "" {
					b.Fatal(err)
				}
			}
		})
		b.Run("authgen", func(b *testing.B) { zzServe(b, zzAuth(b, store), zzRequest(tok)) })
	}
}
`

var sessionPostgresChild = strings.Replace(sessionImports, "\t\"context\"\n", "\t\"context\"\n\t\"github.com/jackc/pgx/v5/pgxpool\"\n", 1) + childCommon + `
// BenchmarkSessionPostgres: raw is one pgx SELECT by primary key of the
// session's row (the same columns); authgen is the session middleware over
// the PostgreSQL store.
func BenchmarkSessionPostgres(b *testing.B) {
	db := newPGTestDB(b)
	cfg, err := pgxpool.ParseConfig(db.url)
	if err != nil {
		b.Fatal(err)
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = db.schema
	cfg.MaxConns = 4
	ctx := context.Background()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(pool.Close)
	if err := Migrate(ctx, pool); err != nil {
		b.Fatal(err)
	}
	store := NewPostgresStore(pool)
	tok := zzSession(b, store)
	h := HashToken(tok)
	for range zzRounds() {
		b.Run("raw", func(b *testing.B) {
			b.ReportAllocs()
			defer zzCPU(b)()
			for b.Loop() {
				var rec SessionRecord
				var hash []byte
				err := pool.QueryRow(ctx, "SELECT "+pgSessionColumns+" FROM sessions WHERE token_hash = $1", h[:]).Scan(
					&hash, &rec.UserID, &rec.AuthTime, &rec.LastSeen, &rec.ExpiresAt, &rec.AbsoluteAt,
					&rec.IP, &rec.UserAgent, &rec.Persistent)
				if err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("authgen", func(b *testing.B) { zzServe(b, zzAuth(b, store), zzRequest(tok)) })
	}
}
`

// jwtChild benchmarks the generated verifier of one algorithm: raw is the
// bare signature check of the token's signing input; authgen is the
// verify middleware (bearer header, format and header checks, kid lookup,
// signature, claims, claims put in the request's context).
func jwtChild(alg string) string {
	raw := map[string]string{
		"EdDSA": `ok := ed25519.Verify(pub.(ed25519.PublicKey), input, sig)`,
		"ES256": `d := sha256.Sum256(input)
		ok := ecdsa.Verify(pub.(*ecdsa.PublicKey), d[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:]))`,
		"RS256": `d := sha256.Sum256(input)
		ok := rsa.VerifyPKCS1v15(pub.(*rsa.PublicKey), crypto.SHA256, d[:], sig) == nil`,
	}[alg]
	imports := map[string]string{
		"EdDSA": "\t\"crypto/ed25519\"\n",
		"ES256": "\t\"crypto/ecdsa\"\n\t\"crypto/sha256\"\n\t\"math/big\"\n",
		"RS256": "\t\"crypto\"\n\t\"crypto/rsa\"\n\t\"crypto/sha256\"\n",
	}[alg]
	return `package PKG

import (
	"encoding/base64"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
` + imports + `)

func BenchmarkJWTVerify` + alg + `(b *testing.B) {
	// The production key size (the test helpers use 2048-bit RSA keys).
	key, err := GenerateSigningKey()
	if err != nil {
		b.Fatal(err)
	}
	e := newTTEnvKey(b, key)
	tok := e.sign(b)
	i := strings.LastIndexByte(tok, '.')
	input := []byte(tok[:i])
	sig, err := base64.RawURLEncoding.DecodeString(tok[i+1:])
	if err != nil {
		b.Fatal(err)
	}
	var pub any = tokenPublicOf(e.ring.Active().Key)
	v, err := NewVerifier(VerifierConfig{Issuer: ttIssuer, Audience: ttAudience, Keys: e.ring, Now: e.clock.Now,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	called := false
	h := v.Middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { called = true }))
	r := httptest.NewRequest(http.MethodGet, "/api", nil)
	r.Header.Set("Authorization", "Bearer "+tok)
	w := ttDiscardWriter{h: http.Header{}}
	raw := func() error {
		` + raw + `
		if !ok {
			return errors.New("raw verify failed")
		}
		return nil
	}
	authgen := func() error {
		called = false
		h.ServeHTTP(w, r)
		if !called {
			return errors.New("the middleware refused the token")
		}
		return nil
	}
	for range zzRounds() {
		for _, bm := range []struct {
			name string
			fn   func() error
		}{{"raw", raw}, {"authgen", authgen}} {
			b.Run(bm.name, func(b *testing.B) {
				b.ReportAllocs()
				defer zzCPU(b)()
				for b.Loop() {
					if err := bm.fn(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		// The generated package's paired timing (token_bench_test.go):
		// the target's ratio, steady under a changing load.
		b.Run("paired", func(b *testing.B) {
			ttPaired(b, raw, map[string]func() error{"authgen": authgen})
		})
	}
}
`
}

// hybridChild: raw is one Rotate of the store registered as store in the
// generated tests' hybridStores (the child's hash derived from a counter,
// no randomness); authgen is Auth.Refresh without the access token's
// signature (a no-op signer, as BenchmarkRefresh/memory does), which adds
// the format check, hashing, a fresh random token and the audit event.
func hybridChild(family, store string) string {
	return strings.NewReplacer("FAMILY", family, "STORE", store).Replace(`package PKG

import (
	"context"
	"encoding/binary"
	"io"
	"log/slog"
	"strconv"
	"testing"
)

func BenchmarkFAMILY(b *testing.B) {
	quiet := func(c *Config) {
		c.Logger = slog.New(NewAuditHandler(io.Discard, slog.LevelInfo)) // the event is written, then discarded
		c.Signer = hybridNopSigner{}
	}
	var open func(testing.TB) RefreshStore
	for _, s := range hybridStores {
		if s.name == "STORE" {
			open = s.open
		}
	}
	if open == nil {
		b.Fatal("no STORE refresh store registered")
	}
	ctx := context.Background()
	for range zzRounds() {
		b.Run("raw", func(b *testing.B) {
			store := open(b)
			e := newHybridEnv(b, store, quiet)
			tk, err := e.a.StartFamily(ctx, nil, hybridTestUserID, ClientMobile, "bench")
			if err != nil {
				b.Fatal(err)
			}
			h := HashToken(tk.RefreshToken)
			now := e.a.cfg.Now()
			cutoff := e.a.idleCutoff(now)
			n := uint64(0)
			b.ReportAllocs()
			defer zzCPU(b)()
			for b.Loop() {
				n++
				var next TokenHash
				binary.LittleEndian.PutUint64(next[:], n)
				_, _, ok, err := store.Rotate(ctx, h, ClientMobile, now, cutoff, RefreshRecord{ID: "bench-" + strconv.FormatUint(n, 10), TokenHash: next})
				if err != nil || !ok {
					b.Fatal("rotate failed", err)
				}
				h = next
			}
		})
		b.Run("authgen", func(b *testing.B) {
			e := newHybridEnv(b, open(b), quiet)
			tk, err := e.a.StartFamily(ctx, nil, hybridTestUserID, ClientMobile, "bench")
			if err != nil {
				b.Fatal(err)
			}
			tok := tk.RefreshToken
			b.ReportAllocs()
			defer zzCPU(b)()
			for b.Loop() {
				tk, err := e.a.Refresh(ctx, nil, tok, ClientMobile, "")
				if err != nil {
					b.Fatal(err)
				}
				tok = tk.RefreshToken
			}
		})
	}
}
`)
}
