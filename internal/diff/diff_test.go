package diff

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// apply replays an edit script on a and must yield b.
func apply(a, b []string, s []Edit) []string {
	var out []string
	for _, e := range s {
		switch e.Kind {
		case Equal:
			if a[e.A] != b[e.B] {
				panic("equal edit on different lines")
			}
			out = append(out, a[e.A])
		case Insert:
			out = append(out, b[e.B])
		}
	}
	return out
}

func TestScriptRoundTripsRandomEdits(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"a\n", "b\n", "c\n", "d\n", "e\n"}
	for range 2000 {
		a := make([]string, r.IntN(12))
		for i := range a {
			a[i] = words[r.IntN(len(words))]
		}
		b := make([]string, r.IntN(12))
		for i := range b {
			b[i] = words[r.IntN(len(words))]
		}
		s := Script(a, b)
		got := apply(a, b, s)
		if strings.Join(got, "") != strings.Join(b, "") {
			t.Fatalf("script does not turn %q into %q: %q", a, b, got)
		}
	}
}

func TestUnified(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"
	b := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n"
	want := `--- a
+++ b
@@ -2,9 +2,10 @@
 2
 3
 4
-5
+five
 6
 7
 8
 9
 10
+11
`
	if got := Unified("a", "b", a, b); got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := Unified("a", "b", a, a); got != "" {
		t.Fatalf("equal inputs gave %q", got)
	}
	if got := Unified("a", "b", "", "x\n"); got != "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n" {
		t.Fatalf("creation diff: %q", got)
	}
}
