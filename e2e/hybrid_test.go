package e2e

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The hybrid example's refresh cookie (SECURITY.md H-7: __Secure-,
// HttpOnly, Secure, SameSite=Strict, Path=/auth/refresh).
const refreshCookie = "__Secure-rt"

// openSPA loads the single-page app and waits until it has settled on
// state ("login" or "app").
func openSPA(t *testing.T, tb *tab, a *app, state string) {
	t.Helper()
	tb.navigate("open the app", chromedp.Navigate(a.URL+"/"))
	tb.waitSPA(state)
}

func (tb *tab) waitSPA(state string) {
	tb.t.Helper()
	tb.waitFor("the app in state "+state, `document.body.dataset.state === "`+state+`"`)
}

// loginSPA logs in through the SPA's form (fetch, no page load).
func loginSPA(t *testing.T, tb *tab, a *app) {
	t.Helper()
	openSPA(t, tb, a, "login")
	tb.fillLogin(demoPassword)
	tb.do("submit the login form", chromedp.Click(chromedp.CSS("#login-button")))
	tb.waitSPA("app")
	if who := tb.text("#whoami"); !strings.Contains(who, "demo") {
		t.Fatalf("%s: the app says %q after login", tb.name, who)
	}
}

// TestHybridSPASurvivesReload: after a login through the SPA, a reload
// (which wipes the in-memory access token) still shows the app, because the
// page refreshes through the HttpOnly __Secure-rt cookie. JavaScript never
// sees the refresh token: not in document.cookie, not in web storage, and
// not in any JSON body the page reads (login and refresh answers carry the
// access token only).
func TestHybridSPASurvivesReload(t *testing.T) {
	a := startApp(t, hybridVariant)
	tb := newTab(t, "browser")
	rec := tb.recordResponses("/auth/", "/api/")

	loginSPA(t, tb, a)
	tb.screenshot("logged-in")
	rt, ok := tb.cookies(a.URL + "/auth/refresh")[refreshCookie]
	if !ok {
		t.Fatalf("no %s cookie after the login", refreshCookie)
	}
	if !rt.HTTPOnly || !rt.Secure || rt.SameSite != network.CookieSameSiteStrict || rt.Path != "/auth/refresh" {
		t.Errorf("refresh cookie attributes: HttpOnly=%v Secure=%v SameSite=%q Path=%q; want true, true, Strict, /auth/refresh",
			rt.HTTPOnly, rt.Secure, rt.SameSite, rt.Path)
	}
	// The browser sends it to the refresh endpoint and to logout under it,
	// and nowhere else: not to the app, not to the other auth routes.
	if _, ok := tb.cookies(a.URL + "/auth/refresh/logout")[refreshCookie]; !ok {
		t.Errorf("the refresh cookie is not sent to /auth/refresh/logout: its path is %q", rt.Path)
	}
	for _, p := range []string{"/", "/api/me", "/auth/login", "/auth/password", "/auth/devices", "/auth/refresh-other"} {
		if _, ok := tb.cookies(a.URL + p)[refreshCookie]; ok {
			t.Errorf("the refresh cookie is sent to %s too: its path is %q", p, rt.Path)
		}
	}

	// Bodies are gone once the page unloads: read the login's now.
	rec.bodies(tb)

	tb.navigate("reload", chromedp.Reload())
	tb.waitSPA("app")
	tb.screenshot("after-reload")
	rt2, ok := tb.cookies(a.URL + "/auth/refresh")[refreshCookie]
	if !ok || rt2.Value == rt.Value {
		t.Fatal("the reload did not rotate the refresh token")
	}

	// What JavaScript can see.
	seen := evalIn[string](tb, `document.cookie + "|" + JSON.stringify(localStorage) + "|" + JSON.stringify(sessionStorage) + "|" + document.documentElement.outerHTML`)
	for _, v := range []string{rt.Value, rt2.Value, refreshCookie} {
		if strings.Contains(seen, v) {
			t.Fatalf("JavaScript can read %q (document.cookie, web storage or the DOM)", v)
		}
	}
	if js := evalIn[string](tb, "document.cookie"); js != "" {
		t.Errorf("document.cookie = %q, want empty", js)
	}

	// What the page read: every auth and API answer, bodies included.
	var logins, refreshes int
	for _, r := range rec.bodies(tb) {
		if bytes.Contains(r.Body, []byte(rt.Value)) || bytes.Contains(r.Body, []byte(rt2.Value)) {
			t.Errorf("%s answered a body with the refresh token in it", r.URL)
		}
		if bytes.Contains(r.Body, []byte("refresh_token")) {
			t.Errorf("%s answered a body with a refresh_token field: %s", r.URL, r.Body)
		}
		switch {
		case strings.HasSuffix(r.URL, "/auth/login") && r.Status == http.StatusOK:
			logins++
		case strings.HasSuffix(r.URL, "/auth/refresh") && r.Status == http.StatusOK:
			refreshes++
			var tok struct {
				AccessToken string `json:"access_token"`
			}
			if err := json.Unmarshal(r.Body, &tok); err != nil || tok.AccessToken == "" {
				t.Errorf("a refresh answer without an access token: %s", r.Body)
			}
		}
	}
	if logins != 1 || refreshes != 1 {
		t.Errorf("the page made %d successful logins and %d refreshes, want 1 and 1 (the reload)", logins, refreshes)
	}
}

// TestHybridCrossOriginLogoutForbidden: a form on another origin (another
// port of the same host) posting to /auth/refresh/logout gets 403 from
// CrossOriginProtection; the refresh family survives, so a reload of the
// app still logs in silently.
func TestHybridCrossOriginLogoutForbidden(t *testing.T) {
	a := startApp(t, hybridVariant)
	tb := newTab(t, "browser")
	loginSPA(t, tb, a)
	before := tb.cookies(a.URL + "/auth/refresh")[refreshCookie]

	evil := otherOrigin(t, `<!doctype html><title>Another origin</title>
<h1>Another origin</h1>
<form method="post" action="`+a.URL+`/auth/refresh/logout"><button id="attack">Win a prize</button></form>`)
	tb.navigate("open the other origin", chromedp.Navigate(evil))
	sent := tb.cookieSentTo("/auth/refresh/logout", refreshCookie)
	status := tb.navigate("submit the cross-origin form", chromedp.Click(chromedp.CSS("#attack")))
	tb.screenshot("cross-origin-refused")
	if status != http.StatusForbidden {
		t.Fatalf("a cross-origin form post to /auth/refresh/logout got %d, want 403", status)
	}
	if !sent() {
		t.Error("the browser did not send the refresh cookie with the cross-origin post (same site, so SameSite=Strict allows it): the 403 proves less than it should")
	}
	if after, ok := tb.cookies(a.URL + "/auth/refresh")[refreshCookie]; !ok || after.Value != before.Value {
		t.Fatal("the refresh cookie is gone or changed after the refused cross-origin post")
	}
	openSPA(t, tb, a, "app")
	tb.screenshot("still-logged-in")
}

// TestHybridLogout: "Log out" revokes the family and clears the cookie; a
// reload then shows the login form, as the refresh fails.
func TestHybridLogout(t *testing.T) {
	a := startApp(t, hybridVariant)
	tb := newTab(t, "browser")
	loginSPA(t, tb, a)

	tb.do("log out", chromedp.Click(chromedp.CSS("#logout")))
	tb.waitSPA("login")
	tb.screenshot("logged-out")
	if _, ok := tb.cookies(a.URL + "/auth/refresh")[refreshCookie]; ok {
		t.Fatal("the refresh cookie survived the logout")
	}
	tb.navigate("reload", chromedp.Reload())
	tb.waitSPA("login")
	tb.screenshot("reload-shows-login")
}

// TestHybridLogoutEverywhere: the same user in two browser contexts; "Log
// out everywhere" in one revokes every refresh family, so the other, once
// its in-memory access token is gone (a reload), is back at the login form.
func TestHybridLogoutEverywhere(t *testing.T) {
	a := startApp(t, hybridVariant)
	laptop := newTab(t, "laptop")
	phone := newTab(t, "phone")
	loginSPA(t, laptop, a)
	loginSPA(t, phone, a)

	laptop.navigate("reload the device list", chromedp.Reload())
	laptop.waitSPA("app")
	if n := evalIn[int](laptop, `document.querySelectorAll("#devices li").length`); n != 2 {
		t.Fatalf("my devices lists %d devices, want 2", n)
	}
	laptop.screenshot("two-devices")

	laptop.do("log out everywhere", chromedp.Click(chromedp.CSS("#logout-all")))
	laptop.waitSPA("login")
	laptop.screenshot("logged-out-everywhere")

	phone.navigate("reload", chromedp.Reload())
	phone.waitSPA("login")
	phone.screenshot("other-context-logged-out")
}
