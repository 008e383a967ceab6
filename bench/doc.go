// Package bench measures authgen's generated code next to the floor (the
// bare handler, the raw signature check, the raw store round trip) and next
// to what a Go developer would otherwise use (scs, gorilla/sessions,
// golang-jwt, jwx), in one run:
//
//	go test ./bench -run '^$' -bench . -benchmem
//
// The generated packages cannot be imported from here (they are rendered
// into a module of their own, under internal/), so the harness renders the
// variants it needs into a temporary module, writes the benchmarks of the
// generated code beside them, runs them in a child "go test -bench" before
// any benchmark of this package, and reports the child's figures under
// the same names (Benchmark<Family>/<impl>). scripts/bench.sh turns the
// output into docs/bench.md and docs/bench.svg (see ./report).
package bench
