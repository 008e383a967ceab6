// Package diff computes line diffs (Myers' algorithm) and prints them in
// unified format.
package diff

import (
	"fmt"
	"strings"
)

// OpKind says what an edit does to a line.
type OpKind int

// Edit kinds.
const (
	Equal OpKind = iota
	Delete
	Insert
)

// Edit is one line of an edit script: A and B are the line's index in a and
// b (-1 where it does not exist there).
type Edit struct {
	Kind OpKind
	A, B int
}

// Lines splits text into lines, each keeping its "\n".
func Lines(s string) []string {
	if s == "" {
		return nil
	}
	ls := strings.SplitAfter(s, "\n")
	if ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// Script returns a shortest edit script turning a into b.
func Script(a, b []string) []Edit {
	n, m := len(a), len(b)
	maxD := n + m
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	var d int
outer:
	for d = 0; d <= maxD; d++ {
		snap := make([]int, len(v))
		copy(snap, v)
		trace = append(trace, snap)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				break outer
			}
		}
	}
	// Walk back through the trace.
	var rev []Edit
	x, y := n, m
	for ; d > 0; d-- {
		vd := trace[d]
		k := x - y
		var prevK int
		if k == -d || (k != d && vd[off+k-1] < vd[off+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := vd[off+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x--
			y--
			rev = append(rev, Edit{Equal, x, y})
		}
		if x == prevX {
			y--
			rev = append(rev, Edit{Insert, -1, y})
		} else {
			x--
			rev = append(rev, Edit{Delete, x, -1})
		}
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, Edit{Equal, x, y})
	}
	out := make([]Edit, len(rev))
	for i, e := range rev {
		out[len(rev)-1-i] = e
	}
	return out
}

// Unified returns a unified diff of a and b with three lines of context, or
// "" when they are equal.
func Unified(aName, bName, a, b string) string {
	al, bl := Lines(a), Lines(b)
	script := Script(al, bl)
	const ctx = 3
	var out strings.Builder
	i := 0
	for i < len(script) {
		if script[i].Kind == Equal {
			i++
			continue
		}
		// A hunk: from ctx lines before the change to ctx lines after the
		// last change that is within 2*ctx of the previous one.
		start := max(i-ctx, 0)
		end := i
		for end < len(script) {
			if script[end].Kind != Equal {
				end++
				continue
			}
			run := end
			for run < len(script) && script[run].Kind == Equal {
				run++
			}
			if run == len(script) || run-end > 2*ctx {
				end = min(end+ctx, len(script))
				break
			}
			end = run
		}
		if out.Len() == 0 {
			fmt.Fprintf(&out, "--- %s\n+++ %s\n", aName, bName)
		}
		aStart, bStart, aLen, bLen := -1, -1, 0, 0
		var body strings.Builder
		for _, e := range script[start:end] {
			switch e.Kind {
			case Equal:
				if aStart < 0 {
					aStart = e.A
				}
				if bStart < 0 {
					bStart = e.B
				}
				aLen++
				bLen++
				writeLine(&body, " ", al[e.A])
			case Delete:
				if aStart < 0 {
					aStart = e.A
				}
				aLen++
				writeLine(&body, "-", al[e.A])
			case Insert:
				if bStart < 0 {
					bStart = e.B
				}
				bLen++
				writeLine(&body, "+", bl[e.B])
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", rangeOf(aStart, aLen), rangeOf(bStart, bLen))
		out.WriteString(body.String())
		i = end
	}
	return out.String()
}

func writeLine(b *strings.Builder, prefix, line string) {
	b.WriteString(prefix)
	b.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		b.WriteString("\n\\ No newline at end of file\n")
	}
}

// rangeOf prints a unified-diff range. A hunk with context always holds a
// line of both sides unless one side is an empty file: that is "0,0".
func rangeOf(start, n int) string {
	switch {
	case start < 0:
		return "0,0"
	case n == 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
