#!/usr/bin/env bash
# Starts a throw-away PostgreSQL and Redis on loopback, on free ports, in a
# temporary directory, installing them with apt-get where missing. Source
# it: it exports AUTH_TEST_POSTGRES_URL and AUTH_TEST_REDIS_URL, and stops
# both servers and removes their data when the sourcing shell exits.
#
#   source scripts/services.sh
#
# A server that cannot start is an error, never a skip.

services_die() { echo "services.sh: $*" >&2; exit 1; }

services_apt() {
  [ "$(id -u)" = 0 ] || services_die "cannot install $* without root; install it and run again"
  if [ -z "${SERVICES_APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null || services_die "apt-get update failed"
    SERVICES_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || services_die "apt-get install $* failed"
}

# A port nothing listens on, from a range above the usual services.
services_free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  services_die "no free port found"
}

command -v redis-server >/dev/null || services_apt redis-server
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
  services_apt postgresql
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
[ -x "$pg_bin/initdb" ] || services_die "no initdb under /usr/lib/postgresql"

SERVICES_DIR=$(mktemp -d /tmp/authgen-services.XXXXXX)
chmod 755 "$SERVICES_DIR"

services_stop() {
  if [ -n "${SERVICES_PG_DIR:-}" ] && [ -f "$SERVICES_PG_DIR/postmaster.pid" ]; then
    services_as_pg "$pg_bin/pg_ctl" -D "$SERVICES_PG_DIR" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -f "$SERVICES_DIR/redis.pid" ]; then kill "$(cat "$SERVICES_DIR/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$SERVICES_DIR"
}
trap services_stop EXIT

# PostgreSQL refuses to run as root: run it as the postgres user then.
services_as_pg() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Redis: no persistence, loopback only.
redis_port=$(services_free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
  --dir "$SERVICES_DIR" --pidfile "$SERVICES_DIR/redis.pid" --daemonize yes \
  --logfile "$SERVICES_DIR/redis.log" >/dev/null || services_die "redis-server did not start"
for _ in $(seq 1 50); do
  redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
  sleep 0.1
done
redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG || services_die "redis-server is not answering: $(cat "$SERVICES_DIR/redis.log")"

# PostgreSQL: a fresh cluster, trust auth on loopback only.
SERVICES_PG_DIR="$SERVICES_DIR/pg"
pg_port=$(services_free_port)
mkdir -p "$SERVICES_PG_DIR"
[ "$(id -u)" = 0 ] && chown -R postgres "$SERVICES_DIR"
services_as_pg "$pg_bin/initdb" -D "$SERVICES_PG_DIR" -U postgres --auth=trust -E UTF8 >/dev/null \
  || services_die "initdb failed"
services_as_pg "$pg_bin/pg_ctl" -D "$SERVICES_PG_DIR" -l "$SERVICES_DIR/pg.log" -w -t 60 \
  -o "-p $pg_port -k $SERVICES_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || services_die "PostgreSQL did not start: $(cat "$SERVICES_DIR/pg.log")"

export AUTH_TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"
export AUTH_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$pg_port/postgres?sslmode=disable"
# Generated store tests fail instead of skipping when a server is missing.
export AUTH_TEST_REQUIRE_SERVERS=1
echo "services: Redis on $AUTH_TEST_REDIS_URL, PostgreSQL on $AUTH_TEST_POSTGRES_URL"
