package merge

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestThree(t *testing.T) {
	base := "a\nb\nc\nd\ne\n"
	cases := []struct {
		name, yours, theirs, want string
		conflicts                 int
	}{
		{"only yours", "a\nB\nc\nd\ne\n", base, "a\nB\nc\nd\ne\n", 0},
		{"only theirs", base, "a\nb\nc\nD\ne\n", "a\nb\nc\nD\ne\n", 0},
		{"both, apart", "a\nB\nc\nd\ne\n", "a\nb\nc\nD\ne\n", "a\nB\nc\nD\ne\n", 0},
		{"both, same change", "a\nX\nc\nd\ne\n", "a\nX\nc\nd\ne\n", "a\nX\nc\nd\ne\n", 0},
		{"yours adds at end, theirs at start", base + "f\n", "0\n" + base, "0\n" + base + "f\n", 0},
		{"yours deletes, theirs edits elsewhere", "a\nc\nd\ne\n", "a\nb\nc\nd\nE\n", "a\nc\nd\nE\n", 0},
		{"conflict", "a\nYOURS\nc\nd\ne\n", "a\nNEW\nc\nd\ne\n",
			"a\n<<<<<<< yours\nYOURS\n||||||| authgen previous\nb\n=======\nNEW\n>>>>>>> authgen new\nc\nd\ne\n", 1},
	}
	for _, c := range cases {
		got := Three(base, c.yours, c.theirs)
		if got.Text != c.want || got.Conflicts != c.conflicts {
			t.Errorf("%s: got %d conflicts:\n%s\nwant %d:\n%s", c.name, got.Conflicts, got.Text, c.conflicts, c.want)
		}
	}
}

func TestThreeNoNewlineAtEnd(t *testing.T) {
	got := Three("a\nb", "a\nyours", "a\nnew")
	if got.Conflicts != 1 || !strings.Contains(got.Text, "yours\n||||||| authgen previous\nb\n=======\nnew\n>>>>>>> authgen new\n") {
		t.Fatalf("markers glued to a line without newline:\n%q", got.Text)
	}
}

// TestThreeKeepsEveryEdit checks the property regenerate relies on: when
// the two sides change disjoint lines, the merge holds both changes, and
// whichever side is unchanged, the merge is the other side exactly.
func TestThreeKeepsEveryEdit(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	for n := range 500 {
		var base []string
		for i := range 30 {
			base = append(base, "line "+string(rune('a'+i%26))+"\n")
		}
		yours := append([]string(nil), base...)
		theirs := append([]string(nil), base...)
		yi := r.IntN(10)
		ti := 15 + r.IntN(10)
		yours[yi] = "your edit\n"
		theirs[ti] = "new edit\n"
		got := Three(strings.Join(base, ""), strings.Join(yours, ""), strings.Join(theirs, ""))
		if got.Conflicts != 0 || !strings.Contains(got.Text, "your edit\n") || !strings.Contains(got.Text, "new edit\n") {
			t.Fatalf("case %d: %+v", n, got)
		}
		if g := Three(strings.Join(base, ""), strings.Join(yours, ""), strings.Join(base, "")); g.Text != strings.Join(yours, "") {
			t.Fatalf("case %d: unchanged theirs did not give yours", n)
		}
		if g := Three(strings.Join(base, ""), strings.Join(base, ""), strings.Join(theirs, "")); g.Text != strings.Join(theirs, "") {
			t.Fatalf("case %d: unchanged yours did not give theirs", n)
		}
	}
}

func TestHasMarkers(t *testing.T) {
	if HasMarkers("x\n=======\ny\n") {
		t.Error("a bare ======= line is Markdown, not a marker")
	}
	if !HasMarkers("x\n<<<<<<< yours\n") || !HasMarkers(">>>>>>> authgen new") {
		t.Error("markers not found")
	}
}
