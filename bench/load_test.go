//go:build load

package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alexedwards/scs/goredisstore"
	"github.com/redis/go-redis/v9"
)

// The load test (kept out of the default run by the load build tag):
//
//	source scripts/services.sh
//	go test -tags load -run '^TestLoad$' -v ./bench
//
// Two servers on loopback, each in its own process, serve GET /me behind a
// session check with a Redis store: the generated session middleware
// (rendered into a temporary module, as the benchmarks do) and scs with
// goredisstore and the same settings. A bounded Go load generator in this
// process sends LOAD_REQUESTS requests (default 20000) with
// LOAD_CONCURRENCY connections (default 16), stopping after 60 s whatever
// the count, and reports requests/s, p50/p99 latency and the server's CPU
// time per request (read from the server, so the generator's CPU is not
// counted).

// loadChildServer is written into the child's sessredis package.
const loadChildServer = `//go:build load

package sessredis

import (
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

func TestLoadServer(t *testing.T) {
	if os.Getenv("AUTHGEN_LOAD_SERVER") == "" {
		t.Skip("started by the load test of authgen's bench package")
	}
	rt := newRedisTest(t)
	opts := *rt.opts
	opts.PoolSize = 64
	rdb := redis.NewClient(&opts)
	t.Cleanup(func() { rdb.Close() })
	store := NewRedisStore(rdb, rt.prefix, time.Now)
	tok := zzSession(t, store)
	loadServe(t, zzAuth(t, store), CookieName+"="+tok)
}
`

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

func TestLoad(t *testing.T) {
	if os.Getenv("AUTH_TEST_REDIS_URL") == "" {
		t.Skip("AUTH_TEST_REDIS_URL is not set: source scripts/services.sh first")
	}
	n, conc := envInt("LOAD_REQUESTS", 20000), envInt("LOAD_CONCURRENCY", 16)
	const limit = 60 * time.Second

	dir := t.TempDir()
	var v childVariant
	for _, c := range childVariants {
		if c.pkg == "sessredis" {
			v = c
		}
	}
	if err := writeVariant(dir, v); err != nil {
		t.Fatal(err)
	}
	serve, err := os.ReadFile("loadserve_test.go")
	if err != nil {
		t.Fatal(err)
	}
	pkgDir := filepath.Join(dir, "internal", "sessredis")
	if err := os.WriteFile(filepath.Join(pkgDir, "zz_loadserve_test.go"), []byte(strings.Replace(string(serve), "package bench", "package sessredis", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkgDir, "zz_load_test.go"), []byte(loadChildServer), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeChildGoMod(dir); err != nil {
		t.Fatal(err)
	}
	authgen := exec.Command("go", "test", "-tags", "load", "-count", "1", "-v", "-run", "^TestLoadServer$", "./internal/sessredis")
	authgen.Dir = dir
	authgen.Env = append(os.Environ(), "AUTHGEN_LOAD_SERVER=1", "GOWORK=off", "GOFLAGS=-mod=mod")
	scsCmd := exec.Command(os.Args[0], "-test.run", "^TestLoadSCSServer$", "-test.v")
	scsCmd.Env = append(os.Environ(), "AUTHGEN_LOAD_SERVER=scs")

	var rows []string
	for _, s := range []struct {
		name string
		cmd  *exec.Cmd
	}{{"authgen (generated middleware + RedisStore)", authgen}, {"scs v2.9.0 + goredisstore", scsCmd}} {
		addr, cookie := startLoadServer(t, s.cmd)
		r := drive(t, addr, cookie, n, conc, limit)
		rows = append(rows, fmt.Sprintf("| %s | %d | %.0f | %s | %s | %s | %d |", s.name, r.done, r.rps,
			fmtDur(r.p50), fmtDur(r.p99), fmtDur(r.cpuPerReq), r.errors))
	}
	fmt.Printf("LOAD| | server | requests | requests/s | p50 | p99 | server CPU / request | errors |\n")
	fmt.Printf("LOAD| |---|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Printf("LOAD| %s\n", r)
	}
	fmt.Printf("LOAD|\nLOAD| %d concurrent keep-alive connections from a Go load generator in another process, loopback only.\n", conc)
}

func fmtDur(d time.Duration) string {
	if d >= time.Millisecond {
		return fmt.Sprintf("%.2f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.1f µs", float64(d)/1e3)
}

// startLoadServer starts cmd (which prints LOADSERVER <addr> <cookie>) and
// stops it, through GET /quit, when the test ends.
func startLoadServer(t *testing.T, cmd *exec.Cmd) (addr, cookie string) {
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	found := make(chan [2]string, 1)
	go func() {
		sent := false
		for lines.Scan() {
			if f := strings.Fields(lines.Text()); !sent && len(f) == 3 && f[0] == "LOADSERVER" {
				found <- [2]string{f[1], f[2]}
				sent = true
			} else if testing.Verbose() {
				fmt.Fprintln(os.Stderr, "server:", lines.Text())
			}
		}
		close(found)
	}()
	var got [2]string
	var ok bool
	select {
	case got, ok = <-found:
	case <-time.After(5 * time.Minute):
	}
	if !ok {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the load server did not start")
	}
	t.Cleanup(func() {
		if resp, err := http.Get("http://" + got[0] + "/quit"); err == nil {
			resp.Body.Close()
		}
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(time.Minute):
			cmd.Process.Kill()
		}
	})
	return got[0], got[1]
}

type loadResult struct {
	done, errors        int
	rps                 float64
	p50, p99, cpuPerReq time.Duration
}

func serverCPU(t *testing.T, c *http.Client, addr string) time.Duration {
	resp, err := c.Get("http://" + addr + "/cpu")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	ns, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		t.Fatalf("/cpu: %q", b)
	}
	return time.Duration(ns)
}

// drive sends n authenticated GET /me requests over conc connections
// (after a warm-up of 1000), stopping at limit whatever the count.
func drive(t *testing.T, addr, cookie string, n, conc int, limit time.Duration) loadResult {
	tr := &http.Transport{MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc, DisableCompression: true}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	url := "http://" + addr + "/me"
	run := func(total int, lat []time.Duration) (done, errs int, elapsed time.Duration) {
		var next, ok, bad atomic.Int64
		start := time.Now()
		deadline := start.Add(limit)
		var wg sync.WaitGroup
		for range conc {
			wg.Go(func() {
				for {
					i := next.Add(1) - 1
					if i >= int64(total) || time.Now().After(deadline) {
						return
					}
					req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
					req.Header.Set("Cookie", cookie)
					t0 := time.Now()
					resp, err := c.Do(req)
					if err == nil {
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
					}
					d := time.Since(t0)
					if err != nil || resp.StatusCode != http.StatusNoContent {
						bad.Add(1)
						continue
					}
					if lat != nil {
						lat[i] = d
					}
					ok.Add(1)
				}
			})
		}
		wg.Wait()
		return int(ok.Load()), int(bad.Load()), time.Since(start)
	}
	if done, errs, _ := run(1000, nil); done == 0 {
		t.Fatalf("warm-up: every request failed (%d errors)", errs)
	}
	lat := make([]time.Duration, n)
	cpu0 := serverCPU(t, c, addr)
	done, errs, elapsed := run(n, lat)
	cpu1 := serverCPU(t, c, addr)
	lat = slices.DeleteFunc(lat, func(d time.Duration) bool { return d == 0 })
	slices.Sort(lat)
	r := loadResult{done: done, errors: errs, rps: float64(done) / elapsed.Seconds()}
	if len(lat) > 0 {
		r.p50 = lat[len(lat)/2]
		r.p99 = lat[len(lat)*99/100]
	}
	if done > 0 {
		r.cpuPerReq = (cpu1 - cpu0) / time.Duration(done)
	}
	return r
}

// TestLoadSCSServer is the scs server of the load test (started by it as
// a separate process).
func TestLoadSCSServer(t *testing.T) {
	if os.Getenv("AUTHGEN_LOAD_SERVER") != "scs" {
		t.Skip("started by TestLoad")
	}
	opts, err := redis.ParseURL(os.Getenv("AUTH_TEST_REDIS_URL"))
	if err != nil {
		t.Fatal(err)
	}
	opts.PoolSize = 64
	rdb := redis.NewClient(opts)
	defer rdb.Close()
	prefix := "authload:scs:" + strconv.FormatInt(time.Now().UnixNano(), 36) + ":"
	defer func() {
		ctx := context.Background()
		if keys, err := rdb.Keys(ctx, prefix+"*").Result(); err == nil && len(keys) > 0 {
			rdb.Del(ctx, keys...)
		}
	}()
	sm := newSCS(goredisstore.NewWithPrefix(rdb, prefix))
	login := sm.LoadAndSave(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sm.RenewToken(r.Context())
		sm.Put(r.Context(), "user_id", "u-bench")
		sm.Put(r.Context(), "auth_time", time.Now().Unix())
	}))
	rec := httptest.NewRecorder()
	login.ServeHTTP(rec, httptest.NewRequest("POST", "/login", nil))
	ck := rec.Result().Cookies()[0]
	h := sm.LoadAndSave(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if sm.GetString(r.Context(), "user_id") == "" {
			http.Error(w, "no user", http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	loadServe(t, h, ck.Name+"="+ck.Value)
}
