// Package merge is a three-way line merge (diff3): the changes from a base
// to "yours" and from the base to "new" are combined; where both changed
// the same lines differently, the result holds diff3 conflict markers.
package merge

import (
	"slices"
	"strings"

	"github.com/authgen/authgen/internal/diff"
)

// Labels of the conflict markers.
const (
	Yours    = "yours"
	Previous = "authgen previous"
	New      = "authgen new"
)

// Marker lines, as they start a line of a conflicted file.
var (
	markerStart = "<<<<<<< " + Yours
	markerBase  = "||||||| " + Previous
	markerSep   = "======="
	markerEnd   = ">>>>>>> " + New
)

// Result is a merged text and the number of conflicting regions in it.
type Result struct {
	Text      string
	Conflicts int
}

// Three merges yours and theirs (authgen's new output) against base
// (authgen's previous output).
func Three(base, yours, theirs string) Result {
	b, y, t := diff.Lines(base), diff.Lines(yours), diff.Lines(theirs)
	my, mt := matches(b, y), matches(b, t)
	var out strings.Builder
	conflicts := 0
	i, j, k := 0, 0, 0
	for {
		// Lines unchanged on both sides.
		for i < len(b) && my[i] == j && mt[i] == k {
			out.WriteString(b[i])
			i, j, k = i+1, j+1, k+1
		}
		if i == len(b) && j == len(y) && k == len(t) {
			break
		}
		// The next base line kept by both sides ends this chunk.
		i2, j2, k2 := len(b), len(y), len(t)
		for n := i; n < len(b); n++ {
			if my[n] >= j && mt[n] >= k {
				i2, j2, k2 = n, my[n], mt[n]
				break
			}
		}
		bc, yc, tc := b[i:i2], y[j:j2], t[k:k2]
		switch {
		case slices.Equal(yc, bc):
			writeAll(&out, tc)
		case slices.Equal(tc, bc), slices.Equal(yc, tc):
			writeAll(&out, yc)
		default:
			conflicts++
			out.WriteString(markerStart + "\n")
			writeTerminated(&out, yc)
			out.WriteString(markerBase + "\n")
			writeTerminated(&out, bc)
			out.WriteString(markerSep + "\n")
			writeTerminated(&out, tc)
			out.WriteString(markerEnd + "\n")
		}
		i, j, k = i2, j2, k2
	}
	return Result{Text: out.String(), Conflicts: conflicts}
}

// matches maps each line of a to the index of the line of b it is matched
// with in a shortest edit script, or -1.
func matches(a, b []string) []int {
	m := make([]int, len(a))
	for i := range m {
		m[i] = -1
	}
	for _, e := range diff.Script(a, b) {
		if e.Kind == diff.Equal {
			m[e.A] = e.B
		}
	}
	return m
}

func writeAll(b *strings.Builder, lines []string) {
	for _, l := range lines {
		b.WriteString(l)
	}
}

// writeTerminated writes lines, ending the last with a newline so that a
// marker never shares its line.
func writeTerminated(b *strings.Builder, lines []string) {
	for _, l := range lines {
		b.WriteString(l)
		if !strings.HasSuffix(l, "\n") {
			b.WriteString("\n")
		}
	}
}

// HasMarkers reports whether text still holds conflict markers from a
// merge: a line starting with the opening, base or closing marker.
func HasMarkers(text string) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, markerStart) || strings.HasPrefix(l, markerBase) || strings.HasPrefix(l, markerEnd) {
			return true
		}
	}
	return false
}
