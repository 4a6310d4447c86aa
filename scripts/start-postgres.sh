#!/usr/bin/env bash
# Start a local PostgreSQL server for the store tests; installs nothing.
#
# Uses the server from Debian's `postgresql` package (see .ci/run), listening on
# 127.0.0.1:5432, with role `sitrep` (password `sitrep`) owning database `sitrep_test`:
#
#   bash scripts/start-postgres.sh
#   export SITREP_TEST_POSTGRES_URL=postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_test
#
# Idempotent: a server already accepting connections is left running, and an
# existing role or database is kept.  Starts Debian's own cluster when there is
# one (pg_ctlcluster), otherwise initialises a private one in $SITREP_PG_DATA.
set -euo pipefail

PORT=5432
SOCKET_DIR=/var/run/postgresql
DATA=${SITREP_PG_DATA:-/var/tmp/sitrep-postgres}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  echo "start-postgres: no PostgreSQL under /usr/lib/postgresql. Install it: apt-get install -y postgresql" >&2
  exit 1
fi
version=$(basename "$(dirname "$bindir")")

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_server() {
  if command -v pg_lsclusters >/dev/null && pg_lsclusters -h 2>/dev/null | awk '{print $1, $2, $3}' | grep -q "^$version main $PORT$"; then
    pg_ctlcluster "$version" main start
    return
  fi
  mkdir -p "$DATA" "$SOCKET_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA" "$SOCKET_DIR"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_postgres "$bindir/initdb" -D "$DATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  fi
  as_postgres "$bindir/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCKET_DIR" start >/dev/null
}

if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  echo "start-postgres: a server is already running on 127.0.0.1:$PORT"
else
  start_server
  for _ in $(seq 1 30); do
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PORT" && break
    sleep 1
  done
fi

psql_admin() {
  as_postgres "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" -d postgres "$@"
}
psql_admin -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sitrep') THEN
    CREATE ROLE sitrep LOGIN PASSWORD 'sitrep';
  END IF;
END \$\$;"
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = 'sitrep_test'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE sitrep_test OWNER sitrep"
fi
echo "start-postgres: ready at postgresql://sitrep:sitrep@127.0.0.1:$PORT/sitrep_test"
