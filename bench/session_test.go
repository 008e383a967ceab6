package bench

import (
	"context"
	"crypto/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/alexedwards/scs/goredisstore"
	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"
	"github.com/alexedwards/scs/v2/memstore"
	"github.com/gorilla/sessions"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

// discardWriter keeps nothing, so that a benchmark measures the middleware,
// not a recorder (the child uses the same writer).
type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (d *discardWriter) WriteHeader(int)             {}

func serve(b *testing.B, h http.Handler, r *http.Request) {
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	b.ResetTimer()
	defer cpuPerOp(b)()
	for b.Loop() {
		clear(w.h)
		h.ServeHTTP(w, r)
	}
}

// newSCS is scs configured with the security settings authgen uses:
// hashed tokens at rest, Secure/HttpOnly/SameSite=Lax non-persistent
// cookie, 30 min idle and 8 h absolute timeouts.
func newSCS(store scs.Store) *scs.SessionManager {
	sm := scs.New()
	sm.Store = store
	sm.IdleTimeout = 30 * time.Minute
	sm.Lifetime = 8 * time.Hour
	sm.HashTokenInStore = true
	sm.Cookie.Name = "__Host-session"
	sm.Cookie.Path = "/"
	sm.Cookie.Secure = true
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Persist = false
	return sm
}

// scsHandler logs user u-bench in through sm and returns the middleware
// over a handler that needs the user, and a request carrying the cookie.
func scsHandler(b *testing.B, sm *scs.SessionManager) (http.Handler, *http.Request) {
	login := sm.LoadAndSave(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := sm.RenewToken(r.Context()); err != nil {
			b.Fatal(err)
		}
		sm.Put(r.Context(), "user_id", "u-bench")
		sm.Put(r.Context(), "auth_time", time.Now().Unix())
	}))
	rec := httptest.NewRecorder()
	login.ServeHTTP(rec, httptest.NewRequest("POST", "/login", nil))
	cookies := rec.Result().Cookies()
	if len(cookies) != 1 {
		b.Fatalf("scs login set %d cookies", len(cookies))
	}
	r := httptest.NewRequest("GET", "/me", nil)
	r.Header.Set("Cookie", cookies[0].Name+"="+cookies[0].Value)
	h := sm.LoadAndSave(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if sm.GetString(r.Context(), "user_id") == "" {
			panic("no user")
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	return h, r
}

func BenchmarkSessionMemory(b *testing.B) {
	b.Run("bare", fromChild)
	b.Run("authgen", fromChild)
	b.Run("scs", func(b *testing.B) {
		store := memstore.NewWithCleanupInterval(0)
		h, r := scsHandler(b, newSCS(store))
		serve(b, h, r)
	})
	b.Run("gorilla", func(b *testing.B) {
		// An encrypted, signed cookie store (the client holds the session);
		// Get decodes it on every request.
		hashKey, blockKey := make([]byte, 32), make([]byte, 32)
		rand.Read(hashKey)
		rand.Read(blockKey)
		store := sessions.NewCookieStore(hashKey, blockKey)
		store.Options = &sessions.Options{Path: "/", MaxAge: 0, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
		const name = "__Host-session"
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/login", nil)
		s, _ := store.Get(req, name)
		s.Values["user_id"] = "u-bench"
		s.Values["auth_time"] = time.Now().Unix()
		if err := s.Save(req, rec); err != nil {
			b.Fatal(err)
		}
		c := rec.Result().Cookies()[0]
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			// gorilla caches the session in the request's context; a fresh
			// copy of the request stands for a new request each time.
			rr := *r
			s, err := store.Get(&rr, name)
			if err != nil || s.Values["user_id"] != "u-bench" {
				panic("no user")
			}
			w.WriteHeader(http.StatusNoContent)
		})
		r := httptest.NewRequest("GET", "/me", nil)
		r.Header.Set("Cookie", c.Name+"="+c.Value)
		serve(b, h, r)
	})
}

// serverEnv returns the server URL in env, or skips with how to get one.
func serverEnv(b *testing.B, env string) string {
	u := os.Getenv(env)
	if u == "" {
		b.Skipf("%s is not set: run `source scripts/services.sh` first (scripts/bench.sh does)", env)
	}
	return u
}

func BenchmarkSessionRedis(b *testing.B) {
	b.Run("raw", fromChild)
	b.Run("authgen", fromChild)
	b.Run("scs", func(b *testing.B) {
		opts, err := redis.ParseURL(serverEnv(b, "AUTH_TEST_REDIS_URL"))
		if err != nil {
			b.Fatal(err)
		}
		rdb := redis.NewClient(opts)
		defer rdb.Close()
		prefix := "authbench:scs:" + strconv.FormatInt(time.Now().UnixNano(), 36) + ":"
		defer func() {
			ctx := context.Background()
			if keys, err := rdb.Keys(ctx, prefix+"*").Result(); err == nil && len(keys) > 0 {
				rdb.Del(ctx, keys...)
			}
		}()
		h, r := scsHandler(b, newSCS(goredisstore.NewWithPrefix(rdb, prefix)))
		serve(b, h, r)
	})
}

func BenchmarkSessionPostgres(b *testing.B) {
	b.Run("raw", fromChild)
	b.Run("authgen", fromChild)
	b.Run("scs", func(b *testing.B) {
		url := serverEnv(b, "AUTH_TEST_POSTGRES_URL")
		ctx := context.Background()
		admin, err := pgx.Connect(ctx, url)
		if err != nil {
			b.Fatal(err)
		}
		defer admin.Close(ctx)
		schema := "authbench_scs_" + strconv.FormatInt(time.Now().UnixNano(), 36)
		if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
			b.Fatal(err)
		}
		defer admin.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
		cfg, err := pgxpool.ParseConfig(url)
		if err != nil {
			b.Fatal(err)
		}
		cfg.ConnConfig.RuntimeParams["search_path"] = schema
		cfg.MaxConns = 4
		pool, err := pgxpool.NewWithConfig(ctx, cfg)
		if err != nil {
			b.Fatal(err)
		}
		defer pool.Close()
		// The table and index of scs's pgxstore README.
		if _, err := pool.Exec(ctx, `CREATE TABLE sessions (token TEXT PRIMARY KEY, data BYTEA NOT NULL, expiry TIMESTAMPTZ NOT NULL);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);`); err != nil {
			b.Fatal(err)
		}
		h, r := scsHandler(b, newSCS(pgxstore.NewWithCleanupInterval(pool, 0)))
		serve(b, h, r)
	})
}

// processCPU is this process's CPU time (user + system).
func processCPU() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// cpuPerOp starts counting CPU time and returns the function that reports
// it per operation ("cpu-ns/op"), as the child does.
func cpuPerOp(b *testing.B) func() {
	t0 := processCPU()
	return func() { b.ReportMetric(float64(processCPU()-t0)/float64(b.N), "cpu-ns/op") }
}
