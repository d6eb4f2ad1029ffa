#!/usr/bin/env bash
# The whole test suite: lint, typecheck, then jest on the embedded database and on PostgreSQL.
# PostgreSQL: WENDBAAR_TEST_PG_URL if set (an admin connection string); otherwise a throwaway
# cluster is started from the local PostgreSQL binaries (Debian: apt-get install postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== lint"; npm run --silent lint
echo "== typecheck"; npm run --silent typecheck

echo "== jest on the embedded database (PGlite)"
WENDBAAR_TEST_DB=pglite npm run --silent test:jest -- "$@"

pg_cleanup() { :; }
if [ -z "${WENDBAAR_TEST_PG_URL:-}" ]; then
  initdb_bin=$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$initdb_bin" ]; then
    if [ "${CI:-}" = "true" ]; then echo "PostgreSQL binaries not found; CI must test on PostgreSQL" >&2; exit 1; fi
    echo "== PostgreSQL suite SKIPPED: no initdb found and WENDBAAR_TEST_PG_URL not set (apt-get install postgresql)"
    exit 0
  fi
  bindir=$(dirname "$initdb_bin")
  pgdir=$(mktemp -d /tmp/wendbaar-pg.XXXXXX)
  port=$(( 20000 + RANDOM % 20000 ))
  run_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" = "0" ] && chown postgres "$pgdir"
  run_pg "$bindir/initdb" -D "$pgdir/data" -A trust -U postgres >/dev/null
  run_pg "$bindir/pg_ctl" -D "$pgdir/data" -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" -l "$pgdir/log" -w start >/dev/null
  pg_cleanup() { run_pg "$bindir/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
  trap pg_cleanup EXIT
  export WENDBAAR_TEST_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
fi

echo "== jest on PostgreSQL"
WENDBAAR_TEST_DB=postgres npm run --silent test:jest -- "$@"
