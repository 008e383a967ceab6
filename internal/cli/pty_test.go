package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/AlecAivazis/survey/v2/core"
	expect "github.com/Netflix/go-expect"
	"github.com/hinshun/vt10x"
	"golang.org/x/term"
)

// lateWriter forwards to a writer set after construction: the terminal
// emulator answers the program's cursor queries through the console, which
// is created after the emulator.
type lateWriter struct {
	mu sync.Mutex
	w  interface{ Write([]byte) (int, error) }
}

func (l *lateWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.w == nil {
		return len(b), nil
	}
	return l.w.Write(b)
}

// TestInitThroughRealPrompts drives the real survey prompts through a
// pseudo-terminal for a whole init: it answers every question by keys, as
// a person would, and checks what was written.
func TestInitThroughRealPrompts(t *testing.T) {
	core.DisableColor = true
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/app\n\ngo 1.25.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var screen bytes.Buffer
	answerer := &lateWriter{}
	vt := vt10x.New(vt10x.WithWriter(answerer), vt10x.WithSize(160, 50))
	c, err := expect.NewConsole(expect.WithStdout(vt, &screen), expect.WithDefaultTimeout(20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	answerer.mu.Lock()
	answerer.w = c
	answerer.mu.Unlock()

	// A terminal emulator replies to cursor queries at once; put the
	// pseudo-terminal in raw mode, as survey does while it reads, so that
	// the replies reach the program without waiting for a newline.
	if _, err := term.MakeRaw(int(c.Tty().Fd())); err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	go func() {
		done <- Main([]string{"init", "--no-deps", "--dir", dir}, c.Tty(), c.Tty(), c.Tty())
	}()
	const down = "\x1b[B"
	step := func(want, keys string) {
		t.Helper()
		if _, err := c.ExpectString(want); err != nil {
			s := screen.String()
			t.Fatalf("waiting for %q: %v\nscreen tail: %q", want, err, s[max(0, len(s)-600):])
		}
		if _, err := c.Send(keys); err != nil {
			t.Fatal(err)
		}
	}
	step("How is the application built?", down+down+"\r")             // mobile
	step("Which clients call it?", "\r")                              // keep the defaults: spa, mobile
	step("How many backends verify", "\r")                            // one
	step("How fast must a logout", down+"\r")                         // minutes
	step("Strategy (accept the recommendation or override it)", "\r") // accept: hybrid
	step("Where are sessions and refresh tokens stored?", down+"\r")  // sqlite
	step("JWT signing algorithm?", down+"\r")                         // ES256
	// Input prompts ask the terminal where the cursor is, and survey drops
	// whatever else it read along with the reply. A person types after the
	// reply; here the keys may race it, so type again until the answer
	// shows, as a person would after a lost keystroke.
	answer := func(question, keys, shown string) {
		t.Helper()
		step(question, "")
		for try := 0; ; try++ {
			if _, err := c.Send(keys); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Expect(expect.String(shown), expect.WithTimeout(2*time.Second)); err == nil {
				return
			}
			if try == 5 {
				s := screen.String()
				t.Fatalf("answer to %q never showed %q; screen tail: %q", question, shown, s[max(0, len(s)-600):])
			}
		}
	}
	answer("Token issuer (iss)", "https://id.example.org\r", "? Token issuer (iss) https://id.example.org")
	answer("Token audience (aud)", "\r", "? Token audience (aud) of this service api")
	answer("Package directory", "\r", "? Package directory internal/auth")
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d\n%s", code, screen.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("init did not finish\n%s", screen.String())
	}
	got, err := os.ReadFile(filepath.Join(dir, "authgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"arch: mobile", "- spa", "- mobile", "backends: one", "revocation: minutes", "store: sqlite", "alg: ES256", "issuer: https://id.example.org", "audience: api", "pkg: internal/auth"} {
		if !strings.Contains(string(got), want+"\n") {
			t.Errorf("authgen.yaml lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(string(got), "strategy:") {
		t.Errorf("accepting the recommendation must not record an override:\n%s", got)
	}
	if !strings.Contains(screen.String(), "hybrid (recommended)") {
		t.Errorf("the side-by-side table was not shown:\n%s", screen.String())
	}
}
