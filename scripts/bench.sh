#!/usr/bin/env bash
# Runs authgen's side-by-side benchmarks (bench/: the generated code against
# the floor and against scs, gorilla/sessions, golang-jwt and jwx; the
# generator against gofmt) and the bounded loopback load test, then writes
# docs/bench.md (one table, the targets, the load figures, the notes in
# docs/bench.notes.md) and docs/bench.svg (the chart README shows).
#
#   bash scripts/bench.sh
#
# The raw outputs are kept in docs/bench.txt and docs/bench.load.md;
# REPORT_ONLY=1 rebuilds docs/bench.md and docs/bench.svg from them.
#
# Environment: BENCHTIME (default 1s), COUNT (default 5; figures are
# medians), BENCH (a -bench pattern, default .), LOAD=0 to skip the load
# test, LOAD_REQUESTS / LOAD_CONCURRENCY (default 20000 / 16).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v go >/dev/null || { echo "scripts/bench.sh: the go command is not on PATH" >&2; exit 1; }
export GOFLAGS="${GOFLAGS:--mod=readonly}"

if [ "${REPORT_ONLY:-0}" != 1 ]; then
  echo "== PostgreSQL and Redis on loopback"
  source scripts/services.sh

  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  machine="$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(uname -sm), $(go version | awk '{print $3}'), load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

  echo "== go test ./bench -bench ${BENCH:-.} -benchtime ${BENCHTIME:-1s} -count ${COUNT:-5}"
  go test ./bench -run '^$' -bench "${BENCH:-.}" -benchmem -benchtime "${BENCHTIME:-1s}" -count "${COUNT:-5}" -timeout 60m | tee "$tmp/bench.txt"
  { echo "machine: $machine"; echo "taken: $(date -u '+%Y-%m-%d %H:%M UTC')"; cat "$tmp/bench.txt"; } > docs/bench.txt

  if [ "${LOAD:-1}" != 0 ]; then
    echo "== load test (loopback, bounded)"
    go test -tags load -run '^TestLoad$' -count 1 -v -timeout 20m ./bench | tee "$tmp/load.txt"
    { echo "## Load (Redis store, loopback)"; echo; sed -n 's/^LOAD| \{0,1\}//p' "$tmp/load.txt"; echo; } > docs/bench.load.md
  fi
fi

notes=()
[ -f docs/bench.load.md ] && notes+=(docs/bench.load.md)
[ -f docs/bench.notes.md ] && notes+=(docs/bench.notes.md)
machine=$(sed -n 's/^machine: //p' docs/bench.txt)
taken=$(sed -n 's/^taken: //p' docs/bench.txt)
go run ./bench/report -md docs/bench.md -svg docs/bench.svg -machine "$machine" -date "$taken" \
  -notes "$(IFS=,; echo "${notes[*]}")" < docs/bench.txt
echo "== wrote docs/bench.md and docs/bench.svg"
cat docs/bench.md
