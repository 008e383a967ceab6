package e2e

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// jwtVariant is the JWT strategy's variant under test: its issuer and
// resource examples, run together as its README says.
const jwtVariant = "jwt-eddsa"

// jwtStepTimeout bounds one command or HTTP call of the JWT test.
const jwtStepTimeout = 30 * time.Second

var httpListenLine = regexp.MustCompile(`^listening on (http://127\.0\.0\.1:\d+)`)

// runExample runs a one-shot command of an example (-genkey, -newclient)
// and returns its standard output.
func runExample(t *testing.T, bin string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), jwtStepTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(bin), strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// startHTTPExample starts an example server that prints "listening on
// http://127.0.0.1:port" and stops it when the test ends; its log is
// printed when the test fails.
func startHTTPExample(t *testing.T, name, bin string, env []string, args ...string) *app {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	return startServer(t, "the "+name+" example", cmd, httpListenLine, jwtStepTimeout)
}

// TestJWTExamplesIssuerAndResource_J16 runs the JWT strategy's two examples
// as its README says, built from the current templates, on loopback: the
// issuer (plain HTTP) and the resource, which reads the issuer's JWKS over
// http only because -dev-loopback-http is given. A token obtained with
// client credentials opens the resource's GET /hello (200); no token, a
// token with a changed claim and one with a changed signature get 401.
// Without the flag, or for a host other than loopback, the resource refuses
// an http:// JWKS URL and does not start. It needs no browser, so it runs
// (never skips) wherever go test does.
func TestJWTExamplesIssuerAndResource_J16(t *testing.T) {
	issuerBin := exampleBinaryAt(t, jwtVariant, "example/issuer")
	resourceBin := exampleBinaryAt(t, jwtVariant, "example/resource")
	dir := t.TempDir()

	// The issuer's setup, as in its README: a key, a client, a log key.
	keyFile := filepath.Join(dir, "signing.pem")
	runExample(t, issuerBin, "-genkey", keyFile)
	out := runExample(t, issuerBin, "-newclient", "billing")
	secret := regexp.MustCompile(`give the client:\s+billing / (\S+)`).FindStringSubmatch(out)
	entry := regexp.MustCompile(`store \(AUTH_CLIENTS\): (billing:[0-9a-f]{64})`).FindStringSubmatch(out)
	if secret == nil || entry == nil {
		t.Fatalf("-newclient printed no secret or AUTH_CLIENTS entry:\n%s", out)
	}
	logKey := make([]byte, 32)
	rand.Read(logKey)
	issuer := startHTTPExample(t, "issuer", issuerBin, []string{
		"AUTH_SIGNING_KEY_FILE=" + keyFile,
		"AUTH_LOG_KEY=" + base64.StdEncoding.EncodeToString(logKey),
		"AUTH_CLIENTS=" + entry[1],
	}, "-addr", "127.0.0.1:0")
	jwksURL := issuer.URL + "/.well-known/jwks.json"

	// Production settings stay closed: http:// is refused without the
	// flag, and with it for any host but loopback.
	for _, c := range []struct {
		url  string
		args []string
	}{
		{jwksURL, nil},
		{"http://192.0.2.1/.well-known/jwks.json", []string{"-dev-loopback-http"}},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), jwtStepTimeout)
		cmd := exec.CommandContext(ctx, resourceBin, append([]string{"-addr", "127.0.0.1:0"}, c.args...)...)
		cmd.Env = append(os.Environ(), "AUTH_JWKS_URL="+c.url)
		got, err := cmd.CombinedOutput()
		timedOut := ctx.Err() != nil
		cancel()
		if err == nil || timedOut || !strings.Contains(string(got), "only https") {
			t.Fatalf("resource %v with AUTH_JWKS_URL=%s: err %v, want it to refuse the URL (only https):\n%s", c.args, c.url, err, got)
		}
	}

	resource := startHTTPExample(t, "resource", resourceBin, []string{"AUTH_JWKS_URL=" + jwksURL},
		"-addr", "127.0.0.1:0", "-dev-loopback-http")

	client := &http.Client{Timeout: jwtStepTimeout}
	form := url.Values{"grant_type": {"client_credentials"}}
	req, err := http.NewRequest(http.MethodPost, issuer.URL+"/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth("billing", secret[1])
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
		TokenType   string `json:"token_type"`
	}
	if res.StatusCode != http.StatusOK || json.Unmarshal(body, &tok) != nil || tok.AccessToken == "" {
		t.Fatalf("POST /token: %d %s", res.StatusCode, body)
	}

	hello := func(authorization string) (int, string, string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, resource.URL+"/hello", nil)
		if err != nil {
			t.Fatal(err)
		}
		if authorization != "" {
			req.Header.Set("Authorization", authorization)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b), res.Header.Get("WWW-Authenticate")
	}

	if status, body, _ := hello("Bearer " + tok.AccessToken); status != http.StatusOK || body != "hello billing\n" {
		t.Fatalf("GET /hello with the issuer's token: %d %q, want 200 \"hello billing\"", status, body)
	}

	parts := strings.Split(tok.AccessToken, ".")
	if len(parts) != 3 {
		t.Fatalf("not a compact JWS: %q", tok.AccessToken)
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var claims map[string]any
	if err := json.Unmarshal(payload, &claims); err != nil {
		t.Fatal(err)
	}
	claims["sub"] = "mallory"
	forged, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	sig := []byte(parts[2])
	mid := len(sig) / 2 // a middle character: all six of its bits are signature bits
	if sig[mid] == 'A' {
		sig[mid] = 'B'
	} else {
		sig[mid] = 'A'
	}
	for name, authorization := range map[string]string{
		"no token":          "",
		"changed claim":     "Bearer " + parts[0] + "." + base64.RawURLEncoding.EncodeToString(forged) + "." + parts[2],
		"changed signature": "Bearer " + parts[0] + "." + parts[1] + "." + string(sig),
	} {
		status, body, challenge := hello(authorization)
		if status != http.StatusUnauthorized || !strings.HasPrefix(challenge, "Bearer") {
			t.Errorf("GET /hello with %s: %d (WWW-Authenticate %q) %q, want 401 with a Bearer challenge", name, status, challenge, body)
		}
	}
}
