package e2e

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/model"
	"github.com/authgen/authgen/internal/render"
)

// demoLogin and demoPassword are the demo user every example starts with
// (AUTH_DEMO_PASSWORD).
const (
	demoLogin    = "demo@example.com"
	demoPassword = "e2e correct horse battery staple"
)

// The variants under test: their answers and go.sum come from golden/.
const (
	sessionVariant = "session-memory"
	hybridVariant  = "hybrid-memory-eddsa"
)

// stepTimeout bounds one browser step; a whole test is a few of them.
const stepTimeout = 20 * time.Second

var (
	workDir string // temporary: modules, binaries, certificate, profile

	certOnce sync.Once
	certPEM  []byte
	keyPEM   []byte
	certSPKI string // base64 SHA-256 of the certificate's public key
	tlsCert  tls.Certificate
	certErr  error

	buildMu  sync.Mutex
	rendered = map[string]string{} // variant -> its package folder in the module (m.PkgDir)
	built    = map[string]string{} // variant + "/" + command folder -> binary

	browserOnce   sync.Once
	browserCtx    context.Context
	browserErr    error
	browserCancel = func() {}
)

func TestMain(m *testing.M) {
	d, err := os.MkdirTemp("", "authgen-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	workDir = d
	code := m.Run()
	browserCancel()
	os.RemoveAll(workDir)
	os.Exit(code)
}

// chromePath finds Chromium. Without one the test fails in CI and skips
// elsewhere.
func chromePath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("E2E_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium on PATH (apt-get install chromium; scripts/test.sh does it): browser tests never skip in CI")
	}
	t.Skip("no Chromium on PATH: apt-get install chromium, or set E2E_CHROME")
	return ""
}

// testCert makes one self-signed certificate for 127.0.0.1 and localhost.
// The browser trusts exactly its key (--ignore-certificate-errors-spki-list),
// so the pages are a secure context with valid TLS as far as cookies go.
func testCert(t *testing.T) {
	t.Helper()
	certOnce.Do(func() {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			certErr = err
			return
		}
		tmpl := &x509.Certificate{
			SerialNumber:          big.NewInt(time.Now().UnixNano()),
			Subject:               pkix.Name{CommonName: "authgen e2e"},
			NotBefore:             time.Now().Add(-time.Hour),
			NotAfter:              time.Now().Add(24 * time.Hour),
			KeyUsage:              x509.KeyUsageDigitalSignature,
			ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
			BasicConstraintsValid: true,
			IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
			DNSNames:              []string{"localhost"},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
		if err != nil {
			certErr = err
			return
		}
		leaf, err := x509.ParseCertificate(der)
		if err != nil {
			certErr = err
			return
		}
		sum := sha256.Sum256(leaf.RawSubjectPublicKeyInfo)
		certSPKI = base64.StdEncoding.EncodeToString(sum[:])
		kder, err := x509.MarshalPKCS8PrivateKey(key)
		if err != nil {
			certErr = err
			return
		}
		certPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
		keyPEM = pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder})
		tlsCert, certErr = tls.X509KeyPair(certPEM, keyPEM)
		if certErr == nil {
			certErr = os.WriteFile(filepath.Join(workDir, "cert.pem"), certPEM, 0o600)
		}
		if certErr == nil {
			certErr = os.WriteFile(filepath.Join(workDir, "key.pem"), keyPEM, 0o600)
		}
	})
	if certErr != nil {
		t.Fatal(certErr)
	}
}

// exampleBinary renders the variant from the current templates into a
// module of its own (go.mod and go.sum from golden/), builds its example,
// and returns the binary. Each variant builds once per test run.
func exampleBinary(t *testing.T, variant string) string {
	t.Helper()
	return exampleBinaryAt(t, variant, "example")
}

// exampleBinaryAt builds the command in folder cmd of the variant's package
// (e.g. "example/issuer"), once per test run.
func exampleBinaryAt(t *testing.T, variant, cmd string) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	key := variant + "/" + cmd
	if bin, ok := built[key]; ok {
		return bin
	}
	pkgDir := renderVariant(t, variant)
	bin := filepath.Join(workDir, variant+"-"+strings.ReplaceAll(cmd, "/", "-"))
	build := exec.Command("go", "build", "-o", bin, "./"+pkgDir+"/"+cmd)
	build.Dir = filepath.Join(workDir, variant)
	// A template change may need a requirement golden/ lacks yet: let the
	// go command add it (through the module proxy) rather than fail here.
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the %s %s: %v\n%s", variant, cmd, err, out)
	}
	built[key] = bin
	return bin
}

// renderVariant writes the variant, rendered from the current templates,
// into workDir/<variant> with go.mod and go.sum from golden/, once per test
// run, and returns its package folder. Callers hold buildMu.
func renderVariant(t *testing.T, variant string) string {
	t.Helper()
	if pkgDir, ok := rendered[variant]; ok {
		return pkgDir
	}
	golden := filepath.Join("..", "golden", variant)
	data, err := os.ReadFile(filepath.Join(golden, answers.FileName))
	if err != nil {
		t.Fatal(err)
	}
	f, err := answers.ParseFile(answers.FileName, data)
	if err != nil {
		t.Fatal(err)
	}
	a := f.Answers.Fill()
	m, err := model.FromAnswers("example.com/"+variant, a, "e2e")
	if err != nil {
		t.Fatal(err)
	}
	files, err := render.Render(m)
	if err != nil {
		t.Fatal(err)
	}
	mod := filepath.Join(workDir, variant)
	for _, p := range files.Paths() {
		dst := filepath.Join(mod, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, files[p], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(golden, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rendered[variant] = m.PkgDir
	return m.PkgDir
}

// app is one running example server.
type app struct {
	URL    string // https://127.0.0.1:port
	stderr *lockedBuffer
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var listenLine = regexp.MustCompile(`^listening on (https://127\.0\.0\.1:\d+)`)

// startApp starts the variant's example over HTTPS on a free loopback port
// with the demo user, and stops it when the test ends. Its audit log is
// printed when the test fails.
func startApp(t *testing.T, variant string) *app {
	t.Helper()
	chromePath(t) // fail (CI) or skip before the build when there is no browser
	testCert(t)
	bin := exampleBinary(t, variant)
	cmd := exec.Command(bin, "-demo", "-addr", "127.0.0.1:0",
		"-cert", filepath.Join(workDir, "cert.pem"), "-key", filepath.Join(workDir, "key.pem"))
	cmd.Env = append(os.Environ(), "AUTH_DEMO_PASSWORD="+demoPassword)
	return startServer(t, variant+" example", cmd, listenLine, 30*time.Second)
}

// startServer starts cmd, a server that prints its address in a line that
// listen matches (the address is the first group), and stops it when the
// test ends. Its standard error is printed when the test fails; a server
// that exits or stays silent for wait fails the test.
func startServer(t *testing.T, name string, cmd *exec.Cmd, listen *regexp.Regexp, wait time.Duration) *app {
	t.Helper()
	a := &app{stderr: &lockedBuffer{}}
	cmd.Stderr = a.stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			t.Logf("%s log:\n%s", name, a.stderr.String())
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := listen.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		io.Copy(io.Discard, stdout)
		cmd.Wait()
		close(exited)
	}()
	select {
	case a.URL = <-found:
	case <-exited:
		t.Fatalf("%s exited before listening:\n%s", name, a.stderr.String())
	case <-time.After(wait):
		t.Fatalf("%s did not start:\n%s", name, a.stderr.String())
	}
	return a
}

// otherOrigin serves html on another port of 127.0.0.1 over HTTPS with the
// same certificate: same site, different origin.
func otherOrigin(t *testing.T, html string) string {
	t.Helper()
	testCert(t)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, html)
	}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{tlsCert}}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv.URL
}

// browser returns the shared headless Chromium, started on first use.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := chromePath(t)
	testCert(t)
	browserOnce.Do(func() {
		profile := filepath.Join(workDir, "profile")
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(exe),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.UserDataDir(profile),
			chromedp.WindowSize(1000, 700),
			chromedp.Flag("disable-gpu", true),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.Flag("disable-extensions", true),
			chromedp.Flag("disable-default-apps", true),
			chromedp.Flag("password-store", "basic"),
			// Trust the test certificate's key, and nothing else.
			chromedp.Flag("ignore-certificate-errors-spki-list", certSPKI),
		}
		allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(allocCtx)
		browserCancel = func() { cancelCtx(); cancelAlloc() }
		// The first Run starts the browser, bound to ctx (no timeout).
		browserErr = chromedp.Do(ctx)
		browserCtx = ctx
	})
	if browserErr != nil {
		t.Fatalf("starting Chromium: %v", browserErr)
	}
	return browserCtx
}

// tab is a tab in a browser context of its own: its own cookie jar, like a
// separate browser profile.
type tab struct {
	t    *testing.T
	ctx  context.Context
	name string
}

var (
	shotsMu sync.Mutex
	shots   = map[string]int{} // test -> screenshots so far
)

func newTab(t *testing.T, name string) *tab {
	t.Helper()
	parent := browser(t)
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{})
		return err
	})); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return &tab{t: t, ctx: ctx, name: name}
}

// do runs the steps with a timeout, failing the test on error.
func (tb *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.screenshot("failed-" + what)
		tb.t.Fatalf("%s: %s: %v", tb.name, what, err)
	}
}

// navigate runs the steps, which must cause one page load, and returns the
// HTTP status of the new document.
func (tb *tab) navigate(what string, steps ...chromedp.Action[chromedp.Void]) int64 {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		tb.screenshot("failed-" + what)
		tb.t.Fatalf("%s: %s: %v", tb.name, what, err)
	}
	return resp.Status
}

func evalIn[T any](tb *tab, expr string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("%s: evaluating %s: %v", tb.name, expr, err)
	}
	return v
}

func (tb *tab) location() string {
	tb.t.Helper()
	return evalIn[string](tb, "document.location.href")
}

func (tb *tab) text(sel string) string {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		tb.screenshot("failed-text")
		tb.t.Fatalf("%s: text of %s: %v", tb.name, sel, err)
	}
	return s
}

// cookies returns the browser's cookies for url, HttpOnly ones included:
// what the cookie jar holds, not what JavaScript sees.
func (tb *tab) cookies(url string) map[string]*network.Cookie {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (network.GetCookiesResult, error) {
		return cdp.Call(ctx, tg, network.GetCookies, network.GetCookiesParams{URLs: []string{url}})
	})
	if err != nil {
		tb.t.Fatalf("%s: reading cookies: %v", tb.name, err)
	}
	out := map[string]*network.Cookie{}
	for _, c := range res.Cookies {
		out[c.Name] = c
	}
	return out
}

// screenshot writes the current viewport as a PNG test artifact.
func (tb *tab) screenshot(step string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Logf("%s: screenshot %s: %v", tb.name, step, err)
		return
	}
	dir := os.Getenv("E2E_ARTIFACTS")
	if dir == "" {
		dir = "artifacts"
	}
	dir = filepath.Join(dir, tb.t.Name())
	shotsMu.Lock()
	n, ok := shots[tb.t.Name()]
	if !ok {
		os.RemoveAll(dir) // the shots of an earlier run
	}
	n++
	shots[tb.t.Name()] = n
	shotsMu.Unlock()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Logf("screenshot: %v", err)
		return
	}
	file := filepath.Join(dir, fmt.Sprintf("%02d-%s-%s.png", n, tb.name, step))
	if err := os.WriteFile(file, png, 0o644); err != nil {
		tb.t.Logf("screenshot: %v", err)
		return
	}
	abs, _ := filepath.Abs(file)
	tb.t.Logf("screenshot: %s", abs)
}

// fillLogin types the demo user into a login form: the session example's page or
// the hybrid SPA's, which share the field IDs.
func (tb *tab) fillLogin(password string) {
	tb.t.Helper()
	tb.do("fill the login form",
		chromedp.WaitVisible(chromedp.CSS("#login")),
		chromedp.SendKeys(chromedp.CSS("#login"), demoLogin),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
	)
}

// responses records the responses of the tab whose URL path starts with
// one of the prefixes, with their bodies, from now on.
type responses struct {
	mu   sync.Mutex
	seen []recorded
	ids  map[network.RequestID]int
}

type recorded struct {
	URL    string
	Status int64
	Body   []byte
	done   bool
}

func (tb *tab) recordResponses(prefixes ...string) *responses {
	tb.t.Helper()
	r := &responses{ids: map[network.RequestID]int{}}
	err := chromedp.Listen(tb.ctx, func(ev any) {
		switch e := ev.(type) {
		case *network.EventResponseReceived:
			for _, p := range prefixes {
				if u := e.Response.URL; strings.Contains(u, p) {
					r.mu.Lock()
					r.ids[e.RequestID] = len(r.seen)
					r.seen = append(r.seen, recorded{URL: u, Status: e.Response.Status})
					r.mu.Unlock()
					return
				}
			}
		case *network.EventLoadingFinished:
			r.mu.Lock()
			if i, ok := r.ids[e.RequestID]; ok {
				r.seen[i].done = true
			}
			r.mu.Unlock()
		}
	})
	if err != nil {
		tb.t.Fatal(err)
	}
	return r
}

// bodies fetches the bodies of the finished responses recorded so far.
func (r *responses) bodies(tb *tab) []recorded {
	tb.t.Helper()
	r.mu.Lock()
	ids := map[network.RequestID]int{}
	for id, i := range r.ids {
		if r.seen[i].done && r.seen[i].Body == nil {
			ids[id] = i
		}
	}
	r.mu.Unlock()
	for id, i := range ids {
		ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
		res, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (network.GetResponseBodyResult, error) {
			return cdp.Call(ctx, tg, network.GetResponseBody, network.GetResponseBodyParams{RequestID: id})
		})
		cancel()
		if err != nil {
			tb.t.Fatalf("reading a response body: %v", err)
		}
		r.mu.Lock()
		r.seen[i].Body = res.Body
		if r.seen[i].Body == nil {
			r.seen[i].Body = []byte{}
		}
		r.mu.Unlock()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]recorded(nil), r.seen...)
}

// waitFor polls the JavaScript condition until it holds.
func (tb *tab) waitFor(what, cond string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		tb.screenshot("failed-" + strings.ReplaceAll(what, " ", "-"))
		if errors.Is(err, context.DeadlineExceeded) {
			tb.t.Fatalf("%s: waiting for %s: timed out; page at %s", tb.name, what, tb.location())
		}
		tb.t.Fatalf("%s: waiting for %s: %v", tb.name, what, err)
	}
}
