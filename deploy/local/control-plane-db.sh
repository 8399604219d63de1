#!/usr/bin/env bash
# The DR Suite's own PostgreSQL (control-plane database) on 127.0.0.1.
#
# Usage: control-plane-db.sh start|stop|status
#   DRSUITE_DB_PORT      port (default 15432)
#   DRSUITE_DB_PASSWORD  password of login role drsuite (default drsuite)
# After start, role drsuite owns the databases drsuite and drsuite_test.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=control-plane-db
DATADIR="$DRSUITE_RUN_DIR/control-plane-db"
PORT="${DRSUITE_DB_PORT:-15432}"
export DRSUITE_DB_PASSWORD="${DRSUITE_DB_PASSWORD:-drsuite}"

# Creates role drsuite and its databases when missing and (re)sets the
# password. Values reach SQL only through psql variables quoted by
# format(%I/%L); the password comes from the environment, not argv.
ensure_role_and_databases() {
  drsuite_psql "$NAME" "$PORT" -d postgres -v role=drsuite <<'SQL'
\getenv password DRSUITE_DB_PASSWORD
SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'role', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, :'role')
  FROM unnest(ARRAY['drsuite', 'drsuite_test']) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', d, :'role')
  FROM unnest(ARRAY['drsuite', 'drsuite_test']) AS d \gexec
SQL
}

cmd_start() {
  drsuite_pg_start "$NAME" "$DATADIR" "$PORT"
  ensure_role_and_databases
  info "ready: postgresql://drsuite@127.0.0.1:$PORT/drsuite (and drsuite_test)"
}

cmd_stop() {
  drsuite_pg_stop "$DATADIR" "$NAME"
}

cmd_status() {
  local state rc=0
  state="$(drsuite_pg_status "$DATADIR")" || rc=$?
  echo "$NAME: $state (127.0.0.1:$PORT)"
  return "$rc"
}

drsuite_dispatch "$@"
