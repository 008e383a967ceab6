package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The session example's cookie (SECURITY.md S-1: __Host-, HttpOnly, Secure,
// SameSite=Lax, Path=/).
const sessionCookie = "__Host-session"

// loginSession logs the tab in through the example's HTML form and checks
// that it lands on the protected account page.
func loginSession(t *testing.T, tb *tab, a *app) {
	t.Helper()
	tb.navigate("open the app", chromedp.Navigate(a.URL+"/"))
	if loc := tb.location(); loc != a.URL+"/login" {
		t.Fatalf("%s: an anonymous visit to / ended at %s, want %s/login", tb.name, loc, a.URL)
	}
	tb.fillLogin(demoPassword)
	if status := tb.navigate("submit the login form", chromedp.Click(chromedp.CSS("#login-button"))); status != http.StatusOK {
		t.Fatalf("%s: the page after logging in answered %d", tb.name, status)
	}
	if loc := tb.location(); loc != a.URL+"/account" {
		t.Fatalf("%s: after logging in the browser is at %s, want %s/account", tb.name, loc, a.URL)
	}
	if who := tb.text("#whoami"); !strings.Contains(who, demoLogin) {
		t.Fatalf("%s: the account page says %q", tb.name, who)
	}
}

// TestSessionLoginForm: an anonymous visit to the protected page goes to
// the login form; the demo user's password, typed into the form and
// submitted, lands on the protected page with a session cookie. A wrong
// password in another browser brings the form back with the one generic
// message and sets no cookie.
func TestSessionLoginForm(t *testing.T) {
	a := startApp(t, sessionVariant)
	tb := newTab(t, "browser")

	tb.navigate("open the protected page", chromedp.Navigate(a.URL+"/account"))
	if loc := tb.location(); loc != a.URL+"/login" {
		t.Fatalf("an anonymous visit to /account ended at %s, want the login page", loc)
	}
	tb.screenshot("login-form")

	loginSession(t, tb, a)
	tb.screenshot("logged-in")
	if _, ok := tb.cookies(a.URL)[sessionCookie]; !ok {
		t.Fatalf("no %s cookie after logging in: %v", sessionCookie, tb.cookies(a.URL))
	}

	// The wrong password comes second: a failure slows the account's next
	// attempt down, a success does not.
	other := newTab(t, "other")
	other.navigate("open the login page", chromedp.Navigate(a.URL+"/login"))
	other.fillLogin("not the password")
	other.navigate("submit a wrong password", chromedp.Click(chromedp.CSS("#login-button")))
	if got := other.text("#error"); got != "Invalid login or password." {
		t.Fatalf("a wrong password shows %q", got)
	}
	if loc := other.location(); loc != a.URL+"/login?error=invalid" {
		t.Fatalf("a wrong password ended at %s", loc)
	}
	if _, ok := other.cookies(a.URL)[sessionCookie]; ok {
		t.Fatal("a failed login set a session cookie")
	}
	other.screenshot("wrong-password")
}

// TestSessionCookieInvisibleToJavaScript: the browser holds the session
// cookie with HttpOnly, Secure, SameSite=Lax, Path=/ and no Domain (the
// __Host- prefix is accepted only so), and document.cookie does not show it.
func TestSessionCookieInvisibleToJavaScript(t *testing.T) {
	a := startApp(t, sessionVariant)
	tb := newTab(t, "browser")
	loginSession(t, tb, a)

	c, ok := tb.cookies(a.URL)[sessionCookie]
	if !ok {
		t.Fatalf("no %s cookie in the browser", sessionCookie)
	}
	if !c.HTTPOnly || !c.Secure || c.SameSite != network.CookieSameSiteLax || c.Path != "/" || c.Domain != "127.0.0.1" {
		t.Errorf("cookie attributes: HttpOnly=%v Secure=%v SameSite=%q Path=%q Domain=%q; want true, true, Lax, /, host-only 127.0.0.1",
			c.HTTPOnly, c.Secure, c.SameSite, c.Path, c.Domain)
	}
	if len(c.Value) < 32 {
		t.Errorf("session token of %d characters", len(c.Value))
	}
	jsCookies := evalIn[string](tb, "document.cookie")
	if strings.Contains(jsCookies, sessionCookie) || strings.Contains(jsCookies, c.Value) {
		t.Fatalf("document.cookie shows the session cookie: %q", jsCookies)
	}
	// Nor does the page or any storage JavaScript can read.
	leak := evalIn[bool](tb, `(function (v) {
		var all = document.documentElement.outerHTML + JSON.stringify(localStorage) + JSON.stringify(sessionStorage);
		return all.indexOf(v) >= 0;
	})(`+jsString(c.Value)+`)`)
	if leak {
		t.Fatal("the session token is readable from the page or web storage")
	}
	tb.do("show document.cookie", chromedp.Evaluate[chromedp.Void](
		`document.body.insertAdjacentHTML("beforeend", "<pre id=js-cookies></pre>"); document.getElementById("js-cookies").textContent = "document.cookie = " + JSON.stringify(document.cookie);`))
	tb.screenshot("document-cookie")
}

// TestSessionCrossOriginLogoutForbidden: a page on another origin (another
// port: same site, so the Lax cookie goes along) submits a form to
// /auth/logout. CrossOriginProtection answers 403, and the session lives on.
func TestSessionCrossOriginLogoutForbidden(t *testing.T) {
	a := startApp(t, sessionVariant)
	tb := newTab(t, "browser")
	loginSession(t, tb, a)
	before := tb.cookies(a.URL)[sessionCookie]

	evil := otherOrigin(t, `<!doctype html><title>Another origin</title>
<h1>Another origin</h1>
<form method="post" action="`+a.URL+`/auth/logout"><button id="attack">Win a prize</button></form>`)
	tb.navigate("open the other origin", chromedp.Navigate(evil))
	tb.screenshot("other-origin")

	sent := tb.cookieSentTo("/auth/logout", sessionCookie)
	status := tb.navigate("submit the cross-origin form", chromedp.Click(chromedp.CSS("#attack")))
	tb.screenshot("cross-origin-refused")
	if status != http.StatusForbidden {
		t.Fatalf("a cross-origin form post to /auth/logout got %d, want 403", status)
	}
	if !sent() {
		t.Error("the browser did not send the session cookie with the cross-origin post: the 403 proves less than it should")
	}

	after, ok := tb.cookies(a.URL)[sessionCookie]
	if !ok || after.Value != before.Value {
		t.Fatal("the session cookie is gone or changed after the refused cross-origin post")
	}
	tb.navigate("reopen the account page", chromedp.Navigate(a.URL+"/account"))
	if loc := tb.location(); loc != a.URL+"/account" {
		t.Fatalf("after the refused post /account sent the browser to %s: the session did not survive", loc)
	}
	tb.screenshot("session-survived")
}

// cookieSentTo watches the requests whose URL contains path from now on,
// and reports whether the cookie named name went with one of them.
func (tb *tab) cookieSentTo(path, name string) func() bool {
	tb.t.Helper()
	var mu sync.Mutex
	matching := map[network.RequestID]bool{}   // requests to path
	withCookie := map[network.RequestID]bool{} // requests that carried the cookie
	ctx, cancel := context.WithCancel(tb.ctx)
	tb.t.Cleanup(cancel)
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if strings.Contains(e.Request.URL, path) {
				matching[e.RequestID] = true
			}
		case *network.EventRequestWillBeSentExtraInfo:
			for _, c := range e.AssociatedCookies {
				if c.Cookie != nil && c.Cookie.Name == name && len(c.BlockedReasons) == 0 {
					withCookie[e.RequestID] = true
				}
			}
		}
	})
	if err != nil {
		tb.t.Fatal(err)
	}
	return func() bool {
		mu.Lock()
		defer mu.Unlock()
		for id := range matching {
			if withCookie[id] {
				return true
			}
		}
		return false
	}
}

// TestSessionLogoutSendsToLogin: the logout button ends the session, the
// cookie is deleted, and the protected page then sends the browser to the
// login form; the browser's back button shows no logged-in page either.
func TestSessionLogoutSendsToLogin(t *testing.T) {
	a := startApp(t, sessionVariant)
	tb := newTab(t, "browser")
	loginSession(t, tb, a)
	tb.screenshot("logged-in")

	tb.navigate("log out", chromedp.Click(chromedp.CSS("#logout")))
	if loc := tb.location(); loc != a.URL+"/login?done=logout" {
		t.Fatalf("after logging out the browser is at %s", loc)
	}
	tb.screenshot("logged-out")
	if _, ok := tb.cookies(a.URL)[sessionCookie]; ok {
		t.Fatal("the session cookie survived the logout")
	}

	tb.navigate("reopen the account page", chromedp.Navigate(a.URL+"/account"))
	if loc := tb.location(); loc != a.URL+"/login" {
		t.Fatalf("after logout /account ended at %s, want the login page", loc)
	}
	tb.screenshot("account-sends-to-login")
}

// TestSessionLogoutEverywhere: the same user logged in from two browser
// contexts (two devices); "Log out everywhere" on one ends the other's
// session too.
func TestSessionLogoutEverywhere(t *testing.T) {
	a := startApp(t, sessionVariant)
	laptop := newTab(t, "laptop")
	phone := newTab(t, "phone")
	loginSession(t, laptop, a)
	loginSession(t, phone, a)

	laptop.navigate("open my sessions", chromedp.Click(chromedp.CSS("#sessions-link")))
	laptop.waitFor("the session list", `document.getElementById("sessions").dataset.loaded === "2"`)
	if n := evalIn[int](laptop, `document.querySelectorAll("#sessions li").length`); n != 2 {
		t.Fatalf("my sessions lists %d sessions, want 2", n)
	}
	laptop.screenshot("two-sessions")

	laptop.navigate("log out everywhere", chromedp.Click(chromedp.CSS("#logout-all")))
	if loc := laptop.location(); loc != a.URL+"/login?done=logout" {
		t.Fatalf("after logging out everywhere the laptop is at %s", loc)
	}
	laptop.screenshot("logged-out-everywhere")

	phone.navigate("reload the account page", chromedp.Reload())
	if loc := phone.location(); loc != a.URL+"/login" {
		t.Fatalf("the other context is still logged in (at %s) after log-out-everywhere", loc)
	}
	phone.screenshot("other-context-logged-out")
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
