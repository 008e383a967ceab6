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

# Debian's chromium for the browser tests in e2e/ (they fail, never skip,
# in CI without it); services_apt runs apt-get update first.
echo "== Chromium (for the browser tests in e2e/)"
command -v chromium >/dev/null || services_apt chromium

echo "== go test -race (authgen, golden, generated variants, browser tests)"
go test -race -count=1 -timeout=45m ./...

# One short pass over the side-by-side benchmarks, only to prove they run
# (figures: scripts/bench.sh, docs/bench.md).
echo "== benchmarks (bench/, -benchtime 20x)"
go test ./bench -run '^$' -bench . -benchmem -benchtime 20x -count 1 -timeout 15m

# Each fuzz target for a bounded time; FUZZTIME=1m for a longer hunt.
echo "== fuzzing (${FUZZTIME:=10s} per target)"
for target in internal/answers:FuzzParseFile internal/recommend:FuzzDecide internal/merge:FuzzThree internal/render:FuzzRenderFreeText; do
  go test -run '^$' -fuzz "^${target#*:}\$" -fuzztime "$FUZZTIME" "./${target%%:*}"
done

# The generated packages' fuzz targets, in one golden variant per strategy
# (their seeds run in every variant with the generated tests above).
echo "== fuzzing the generated packages (${GEN_FUZZTIME:=8s} per target)"
for target in \
  session-memory:FuzzSessionCookie session-memory:FuzzValidTokenFormat session-memory:FuzzParsePHC \
  session-memory:FuzzVerifyBcryptCost \
  jwt-es256:FuzzTokenVerifyMutated jwt-eddsa:FuzzTokenFastPathMatchesParser \
  hybrid-memory-eddsa:FuzzHybridRefreshRequest; do
  variant=${target%%:*} fuzz=${target#*:}
  if ! grep -qs "^func $fuzz(" golden/"$variant"/internal/auth/*_fuzz_test.go; then
    echo "golden/$variant has no $fuzz yet (go test ./golden -run TestGolden -update): skipped"
    continue
  fi
  (cd "golden/$variant" && GOWORK=off go test -run '^$' -fuzz "^$fuzz\$" -fuzztime "$GEN_FUZZTIME" ./internal/auth)
done

echo "== staticcheck and gosec (authgen, generated variants)"
bash scripts/lint.sh
