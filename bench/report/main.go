// Command report turns the output of
//
//	go test ./bench -run '^$' -bench . -benchmem
//
// (read from standard input) into one Markdown table with the ratios to
// the floor and to the usual alternative, the targets of issue 8 with
// whether each is met, and an SVG bar chart of the ratios (written by
// hand, no external tool). scripts/bench.sh runs it.
//
//	go run ./bench/report -md docs/bench.md -svg docs/bench.svg -machine "..." < bench.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// result is one benchmark line; a name that appears several times (-count)
// keeps the median of each metric.
type result struct {
	family, impl string
	metrics      map[string][]float64 // unit -> values
}

func (r *result) get(unit string) (float64, bool) {
	v := slices.Clone(r.metrics[unit])
	if len(v) == 0 {
		return 0, false
	}
	slices.Sort(v)
	return v[len(v)/2], true
}

// pairedImpl names the rows that time the floor and authgen in
// alternating blocks and report the median ratio of the pairs (unit
// "authgen/raw"). They are no implementation of their own: they stay out of
// the table and the chart and give the JWT targets their ratio.
const pairedImpl = "paired"

var line = regexp.MustCompile(`^Benchmark([^/\s]+)/(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

func parse(r io.Reader) (order []string, res map[string]*result, cpu string) {
	res = map[string]*result{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		t := sc.Text()
		if c, ok := strings.CutPrefix(t, "cpu: "); ok {
			cpu = c
		}
		m := line.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		key := m[1] + "/" + m[2]
		x, ok := res[key]
		if !ok {
			x = &result{family: m[1], impl: m[2], metrics: map[string][]float64{}}
			res[key] = x
			if m[2] != pairedImpl {
				order = append(order, key)
			}
		}
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				x.metrics[f[i+1]] = append(x.metrics[f[i+1]], v)
			}
		}
	}
	return order, res, cpu
}

// floorOf and altOf name, per family, the floor and the alternative the
// ratios are taken to.
func floorOf(family string) string {
	switch {
	case family == "SessionMemory":
		return "bare"
	case family == "Generate":
		return "gofmt"
	default:
		return "raw"
	}
}

func altOf(family string) string {
	switch {
	case strings.HasPrefix(family, "Session"):
		return "scs"
	case strings.HasPrefix(family, "JWTVerify"):
		return "golangjwt"
	}
	return ""
}

// ratioUnit is the metric ratios are taken on: CPU time per operation
// where the work is on this machine's CPU (steadier than wall time on a
// shared machine), wall time where it is mostly a wait (a round trip to
// Redis or PostgreSQL, a process) or where a side has no CPU figure.
func ratioUnit(family string, a, b *result) string {
	if family == "SessionRedis" || family == "SessionPostgres" || family == "Generate" ||
		strings.HasPrefix(family, "HybridRefreshRedis") || strings.HasPrefix(family, "HybridRefreshPostgres") {
		return "ns/op"
	}
	if _, ok := a.get("cpu-ns/op"); !ok {
		return "ns/op"
	}
	if _, ok := b.get("cpu-ns/op"); !ok {
		return "ns/op"
	}
	return "cpu-ns/op"
}

func fmtNS(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	default:
		return fmt.Sprintf("%.0f ns", ns)
	}
}

func main() {
	mdPath := flag.String("md", "", "write the Markdown report here (default: standard output)")
	svgPath := flag.String("svg", "", "write the SVG chart here")
	machine := flag.String("machine", "", "machine description for the report")
	notes := flag.String("notes", "", "comma-separated Markdown files appended to the report")
	taken := flag.String("date", "", "when the benchmarks ran (default: now)")
	flag.Parse()
	order, res, cpu := parse(os.Stdin)
	if len(order) == 0 {
		fmt.Fprintln(os.Stderr, "report: no benchmark lines on standard input")
		os.Exit(1)
	}
	date := *taken
	if date == "" {
		date = time.Now().UTC().Format("2006-01-02 15:04 MST")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# authgen benchmarks\n\nTaken %s on %s (cpu: %s). Made by `scripts/bench.sh`; each figure is the median of the runs.\n\n", date, *machine, cpu)
	b.WriteString("Ratios are taken on CPU time per operation (the process's user + system time over the loop), which a busy shared machine inflates far less than wall time, except for the Redis/PostgreSQL round trips and the generator, where wall time is the figure that matters. ")
	b.WriteString("The JWT verify targets use a paired measure as well: the raw check and the middleware run in alternating blocks of 8 calls, and the figure is the median over the pairs of the middleware's block time over the raw block's, so that load changing between two separate benchmarks cannot tilt the ratio.\n\n")
	b.WriteString("| Benchmark | impl | wall ns/op | CPU ns/op | allocs/op | × floor | × alternative |\n|---|---|---:|---:|---:|---:|---:|\n")
	ratio := func(family, impl, to string) (float64, bool) {
		a, okA := res[family+"/"+impl]
		f, okF := res[family+"/"+to]
		if !okA || !okF || to == "" {
			return 0, false
		}
		unit := ratioUnit(family, a, f)
		x, _ := a.get(unit)
		y, _ := f.get(unit)
		if y == 0 {
			return 0, false
		}
		return x / y, true
	}
	for _, k := range order {
		r := res[k]
		ns, _ := r.get("ns/op")
		allocs := "–"
		if v, ok := r.get("allocs/op"); ok {
			allocs = strconv.FormatFloat(v, 'f', -1, 64)
		}
		cell := func(to string) string {
			if to == r.impl {
				return "1 (" + to + ")"
			}
			if x, ok := ratio(r.family, r.impl, to); ok {
				return fmt.Sprintf("%.2f", x)
			}
			return ""
		}
		extra := ""
		if v, ok := r.get("median-ms"); ok {
			extra = fmt.Sprintf(" (median %.1f ms", v)
			if c, ok := r.get("cpu-ms"); ok {
				extra += fmt.Sprintf(", CPU %.1f ms", c)
			}
			extra += ")"
		}
		cpuCell := ""
		if c, ok := r.get("cpu-ns/op"); ok {
			cpuCell = fmtNS(c)
		}
		fmt.Fprintf(&b, "| %s | %s | %s%s | %s | %s | %s | %s |\n", r.family, r.impl, fmtNS(ns), extra, cpuCell, allocs, cell(floorOf(r.family)), cell(altOf(r.family)))
	}
	b.WriteString("\n## Targets\n\n| Target | Measured | Met |\n|---|---|---|\n")
	get := func(k, unit string) (float64, bool) {
		r, ok := res[k]
		if !ok {
			return 0, false
		}
		return r.get(unit)
	}
	target := func(name, measured string, met bool) {
		m := "**no**"
		if met {
			m = "yes"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", name, measured, m)
	}
	memUnit := "ns/op"
	if a, ok := res["SessionMemory/authgen"]; ok {
		if f, ok := res["SessionMemory/bare"]; ok {
			memUnit = ratioUnit("SessionMemory", a, f)
		}
	}
	if bare, ok := get("SessionMemory/bare", memUnit); ok {
		ag, _ := get("SessionMemory/authgen", memUnit)
		over := ag - bare
		target("Session (memory) overhead over the bare handler ≤ 1 µs", fmtNS(over), over <= 1000)
		if sc, ok := get("SessionMemory/scs", memUnit); ok {
			x := over / (sc - bare)
			target("Session (memory) overhead ≤ 0.1× scs's overhead", fmt.Sprintf("%.3f× (scs adds %s)", x, fmtNS(sc-bare)), x <= 0.1)
		}
	}
	for _, alg := range []string{"EdDSA", "ES256", "RS256"} {
		family := "JWTVerify" + alg
		sep, okSep := ratio(family, "authgen", "raw")
		if x, ok := get(family+"/"+pairedImpl, "authgen/raw"); ok {
			measured := fmt.Sprintf("%.2f× paired", x)
			if okSep {
				measured += fmt.Sprintf(" (%.2f× from the separate CPU-time medians)", sep)
			}
			target("JWT verify "+alg+" ≤ 1.15× raw", measured, x <= 1.15)
		} else if okSep {
			target("JWT verify "+alg+" ≤ 1.15× raw", fmt.Sprintf("%.2f×", sep), sep <= 1.15)
		}
	}
	for _, st := range []string{"Redis", "Postgres"} {
		if x, ok := ratio("Session"+st, "authgen", "raw"); ok {
			target("Session check ("+st+") ≤ 1.2× raw round trip", fmt.Sprintf("%.2f×", x), x <= 1.2)
		}
	}
	if med, ok := get("Generate/authgen", "median-ms"); ok {
		target("authgen init (largest variant) median ≤ 50 ms", fmt.Sprintf("%.1f ms", med), med <= 50)
		if g, ok := get("Generate/gofmt", "ns/op"); ok {
			x := med * 1e6 / g
			target("authgen init ≤ 2× gofmt over the same files", fmt.Sprintf("%.2f× (gofmt %s)", x, fmtNS(g)), x <= 2)
		}
		if x, ok := ratio("Generate", "render", "gofmt"); ok {
			target("render alone (in process) vs gofmt", fmt.Sprintf("%.2f×", x), x <= 2)
		}
	}
	for _, f := range strings.Split(*notes, ",") {
		if f == "" {
			continue
		}
		n, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		b.WriteString("\n")
		b.Write(n)
	}
	if *mdPath == "" {
		fmt.Print(b.String())
	} else if err := os.WriteFile(*mdPath, []byte(b.String()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *svgPath != "" {
		if err := os.WriteFile(*svgPath, []byte(chart(order, res, date, *machine)), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// chart draws, per family, one bar per implementation: its time as a
// multiple of the family's floor, on a log2 axis from 1× to the largest.
func chart(order []string, res map[string]*result, date, machine string) string {
	const (
		left, barH, gap, famGap, width = 200.0, 16.0, 4.0, 14.0, 1000.0
		plotW                          = width - left - 130
	)
	type bar struct {
		label string
		ratio float64
		ns    float64
		floor bool
		impl  string
	}
	type group struct {
		name string
		bars []bar
	}
	var groups []group
	maxRatio := 2.0
	for _, k := range order {
		r := res[k]
		fl, ok := res[r.family+"/"+floorOf(r.family)]
		if !ok {
			continue
		}
		unit := ratioUnit(r.family, r, fl)
		ns, _ := r.get(unit)
		if v, ok := r.get("median-ms"); ok && unit == "ns/op" {
			ns = v * 1e6
		}
		fns, _ := fl.get(unit)
		if fns == 0 {
			continue
		}
		x := ns / fns
		maxRatio = math.Max(maxRatio, x)
		if len(groups) == 0 || groups[len(groups)-1].name != r.family {
			groups = append(groups, group{name: r.family})
		}
		g := &groups[len(groups)-1]
		g.bars = append(g.bars, bar{label: r.impl, ratio: x, ns: ns, floor: r.impl == floorOf(r.family), impl: r.impl})
	}
	top := 84.0
	height := top + 40
	for _, g := range groups {
		height += famGap + 18 + float64(len(g.bars))*(barH+gap)
	}
	axisMax := math.Ceil(math.Log2(maxRatio))
	xOf := func(ratio float64) float64 {
		if ratio < 1 {
			ratio = 1
		}
		return left + plotW*math.Log2(ratio)/axisMax
	}
	color := func(impl string, floor bool) string {
		switch {
		case floor:
			return "#9e9e9e"
		case impl == "authgen":
			return "#1565c0"
		case impl == "render":
			return "#64b5f6"
		default:
			return "#ef6c00"
		}
	}
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&s, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&s, `<text x="10" y="22" font-size="16" font-weight="bold">authgen: time per operation as a multiple of the floor (log scale; shorter is better)</text>`+"\n")
	fmt.Fprintf(&s, `<text x="10" y="42" fill="#555">%s — %s</text>`+"\n", html.EscapeString(date), html.EscapeString(machine))
	fmt.Fprintf(&s, `<text x="10" y="58" fill="#555">Grey: floor (bare handler, raw signature check or store call, gofmt); blue: authgen; orange: scs, gorilla, golang-jwt, jwx.</text>`+"\n")
	for i := 0.0; i <= axisMax; i++ {
		x := left + plotW*i/axisMax
		fmt.Fprintf(&s, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#e0e0e0"/>`+"\n", x, top-6, x, height-30)
		fmt.Fprintf(&s, `<text x="%.1f" y="%.0f" text-anchor="middle" fill="#555">%g×</text>`+"\n", x, height-14, math.Exp2(i))
	}
	y := top
	for _, g := range groups {
		y += famGap
		fmt.Fprintf(&s, `<text x="10" y="%.0f" font-weight="bold">%s</text>`+"\n", y+4, html.EscapeString(g.name))
		y += 10
		for _, bb := range g.bars {
			x := xOf(bb.ratio)
			w := math.Max(x-left, 2)
			fmt.Fprintf(&s, `<text x="%.0f" y="%.0f" text-anchor="end">%s</text>`+"\n", left-8, y+barH-4, html.EscapeString(bb.label))
			fmt.Fprintf(&s, `<rect x="%.0f" y="%.0f" width="%.1f" height="%.0f" fill="%s"/>`+"\n", left, y, w, barH, color(bb.impl, bb.floor))
			fmt.Fprintf(&s, `<text x="%.1f" y="%.0f" fill="#333">%.2f× · %s</text>`+"\n", left+w+6, y+barH-4, bb.ratio, html.EscapeString(fmtNS(bb.ns)))
			y += barH + gap
		}
	}
	s.WriteString("</svg>\n")
	return s.String()
}
