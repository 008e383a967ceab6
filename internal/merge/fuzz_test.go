package merge

import (
	"strings"
	"testing"
)

// FuzzThree: merging never panics; an unchanged side gives the other side
// exactly; the same change on both sides merges without conflict; and a
// result without conflicts holds no markers.
func FuzzThree(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nB\nc\n", "a\nb\nC\n")
	f.Add("a\nb", "a\nx", "a\ny")
	f.Add("", "x\n", "y\n")
	f.Fuzz(func(t *testing.T, base, yours, theirs string) {
		if r := Three(base, yours, base); r.Text != yours || r.Conflicts != 0 {
			t.Fatalf("theirs unchanged: got %q, want yours %q", r.Text, yours)
		}
		if r := Three(base, base, theirs); r.Text != theirs || r.Conflicts != 0 {
			t.Fatalf("yours unchanged: got %q, want theirs %q", r.Text, theirs)
		}
		if r := Three(base, yours, yours); r.Text != yours || r.Conflicts != 0 {
			t.Fatalf("same change: got %q", r.Text)
		}
		r := Three(base, yours, theirs)
		if r.Conflicts == 0 && strings.Contains(r.Text, "\n"+markerEnd+"\n") && !strings.Contains(base+yours+theirs, markerEnd) {
			t.Fatalf("markers without a conflict: %q", r.Text)
		}
	})
}
