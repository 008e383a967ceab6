#!/usr/bin/env bash
# The whole test suite of authgen: unit tests, golden files, end-to-end CLI
# scripts, the pseudo-terminal test of the real prompts, and the compile
# test that builds, vets and runs (with -race) the generated package of
# every strategy x store x algorithm variant.
#
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

command -v go >/dev/null || { echo "scripts/test.sh: the go command is not on PATH" >&2; exit 1; }

# One build cache for every go command below and in the tests they start.
export GOCACHE="${GOCACHE:-$(go env GOCACHE)}"
export GOFLAGS="${GOFLAGS:--mod=readonly}"

echo "== go vet (authgen)"
go vet ./...

echo "== gofmt (authgen)"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './golden/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "== PostgreSQL and Redis on loopback (for the generated stores' tests)"
source scripts/services.sh

echo "== go test -race (authgen, golden, generated variants)"
go test -race -count=1 -timeout=45m ./...

# Each fuzz target for a bounded time; FUZZTIME=1m for a longer hunt.
echo "== fuzzing (${FUZZTIME:=10s} per target)"
for target in internal/answers:FuzzParseFile internal/recommend:FuzzDecide internal/merge:FuzzThree internal/render:FuzzRenderFreeText; do
  go test -run '^$' -fuzz "^${target#*:}\$" -fuzztime "$FUZZTIME" "./${target%%:*}"
done
