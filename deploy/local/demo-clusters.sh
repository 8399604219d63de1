#!/usr/bin/env bash
# The demo pair of PostgreSQL clusters that DR Suite protects, on 127.0.0.1:
# prod (with demo database "shop"), a primary and its streaming standby
# prod-2, so node operations (switchover, failover, rebuild) have a standby to
# act on; and dr, a standalone primary that a DR relationship overwrites.
#
# Usage: demo-clusters.sh start|stop|status
#   DRSUITE_DEMO_PROD_PORT   port of prod's first node (default 15433)
#   DRSUITE_DEMO_PROD2_PORT  port of prod's standby prod-2 (default 15435)
#   DRSUITE_DEMO_DR_PORT     port of dr   (default 15434)
# Logins on both clusters: drsuite_admin (superuser) and drsuite_repl
# (replication); their passwords are generated once into
# $DRSUITE_RUN_DIR/secrets/demo-clusters.env.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PROD_PORT="${DRSUITE_DEMO_PROD_PORT:-15433}"
PROD2_PORT="${DRSUITE_DEMO_PROD2_PORT:-15435}"
DR_PORT="${DRSUITE_DEMO_DR_PORT:-15434}"
DEMO_DIR="$DRSUITE_RUN_DIR/demo"
SECRETS_DIR="$DRSUITE_RUN_DIR/secrets"
SECRETS_FILE="$SECRETS_DIR/demo-clusters.env"
# The SQL the compose demo nodes run too; read by this shell and fed to psql (the postgres OS user may not reach
# the checkout).
DEMO_SQL="$DRSUITE_ROOT/deploy/demo"

# Short name (prod|prod-2|dr) -> name of the PostgreSQL instance (socket, log).
pg_name() { echo "demo-$1"; }

# Short name -> port.
cluster_port() {
  case "$1" in
    prod) echo "$PROD_PORT" ;;
    prod-2) echo "$PROD2_PORT" ;;
    dr) echo "$DR_PORT" ;;
    *) die "unknown demo cluster: $1" ;;
  esac
}

# Generates the passwords on first use (hex, so safe in any quoting).
ensure_secrets() {
  [[ -s "$SECRETS_FILE" ]] && return 0
  mkdir -p "$SECRETS_DIR"
  chmod 700 "$SECRETS_DIR"
  (
    umask 077
    {
      echo "DEMO_ADMIN_PASSWORD=$(openssl rand -hex 16)"
      echo "DEMO_REPLICATION_PASSWORD=$(openssl rand -hex 16)"
    } >"$SECRETS_FILE.tmp"
  )
  mv "$SECRETS_FILE.tmp" "$SECRETS_FILE"
  info "generated demo passwords in $SECRETS_FILE"
}

# Reads KEY from the secrets file without sourcing (executing) it.
secret() {
  sed -n "s/^$1=//p" "$SECRETS_FILE" | tail -n1
}

# Creates or updates the two logins. Passwords travel through the
# environment and psql's \getenv, never through argv or string splicing.
ensure_roles() {
  local name="$1"
  DEMO_ADMIN_PASSWORD="$(secret DEMO_ADMIN_PASSWORD)" \
    DEMO_REPLICATION_PASSWORD="$(secret DEMO_REPLICATION_PASSWORD)" \
    drsuite_psql "$(pg_name "$name")" "$(cluster_port "$name")" -d postgres \
    -v admin=drsuite_admin -v repl=drsuite_repl <"$DEMO_SQL/logins.sql"
}

# The demo database on prod: created and filled only once.
ensure_shop() {
  local name port
  name="$(pg_name prod)"
  port="$(cluster_port prod)"
  drsuite_psql "$name" "$port" -d postgres -v db=shop -v owner=drsuite_admin <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  drsuite_psql "$name" "$port" -d shop <"$DEMO_SQL/shop.sql"
}

# True when the demo cluster accepts writes; a DR relationship may have made either one a standby.
is_primary() {
  local name="$1"
  [[ "$(drsuite_psql "$(pg_name "$name")" "$(cluster_port "$name")" -d postgres -A -t \
    -c 'select pg_is_in_recovery()')" == "f" ]]
}

# prod-2: built once from prod with pg_basebackup through its own slot, then a standby streaming under the name
# DR Suite gives a local standby (drsuite_node_prod_2). The replication password reaches pg_basebackup through a
# password file and the standby through its postgresql.auto.conf (as pg_basebackup -R writes it), never argv.
ensure_prod_standby() {
  local datadir="$DEMO_DIR/prod-2" bin passfile
  if [[ ! -f "$datadir/PG_VERSION" ]]; then
    bin="$(drsuite_pg_bin)"
    drsuite_pg_dir "$datadir"
    [[ -z "$(ls -A "$datadir")" ]] || die "$datadir is neither empty nor a PostgreSQL data directory"
    info "building prod-2, a standby of prod, with pg_basebackup"
    passfile="$DEMO_DIR/.prod-2.pgpass"
    drsuite_pg_file "$passfile"
    chmod 600 "$passfile"
    printf '127.0.0.1:%s:*:drsuite_repl:%s\n' "$PROD_PORT" "$(secret DEMO_REPLICATION_PASSWORD)" >"$passfile"
    if ! drsuite_as_pg_user env PGPASSFILE="$passfile" "$bin/pg_basebackup" -h 127.0.0.1 -p "$PROD_PORT" \
      -U drsuite_repl -D "$datadir" -X stream -c fast -C -S drsuite_node_prod_2 >/dev/null; then
      rm -f "$passfile"
      die "pg_basebackup of prod into $datadir failed"
    fi
    rm -f "$passfile"
    # pg_basebackup keeps the permissions of the folder it writes into; the server insists on 0700 (or 0750).
    chmod 700 "$datadir"
    drsuite_pg_file "$datadir/standby.signal"
    {
      printf "primary_conninfo = 'host=127.0.0.1 port=%s user=drsuite_repl password=%s" \
        "$PROD_PORT" "$(secret DEMO_REPLICATION_PASSWORD)"
      printf " application_name=drsuite_node_prod_2'\n"
      printf "primary_slot_name = 'drsuite_node_prod_2'\n"
      printf "recovery_target_timeline = 'latest'\n"
    } >>"$datadir/postgresql.auto.conf"
  fi
  drsuite_pg_start "$(pg_name prod-2)" "$datadir" "$PROD2_PORT"
}

cmd_start() {
  local name
  ensure_secrets
  # The clusters' OS user owns the folder around their data directories: a DR build keeps the previous data
  # directory next to the new one.
  drsuite_pg_dir "$DEMO_DIR"
  # Where drills make their throwaway copies (the sandbox register-demo.sh registers).
  drsuite_pg_dir "$DEMO_DIR/sandbox"
  for name in prod dr; do
    drsuite_pg_start "$(pg_name "$name")" "$DEMO_DIR/$name" "$(cluster_port "$name")"
    # A standby gets its roles (and the demo rows) from its primary.
    if is_primary "$name"; then
      ensure_roles "$name"
    fi
  done
  if is_primary prod; then
    ensure_shop
  fi
  ensure_prod_standby
  info "ready: prod 127.0.0.1:$PROD_PORT (db shop) with standby prod-2 127.0.0.1:$PROD2_PORT," \
    "dr 127.0.0.1:$DR_PORT; passwords in $SECRETS_FILE"
}

cmd_stop() {
  local name
  for name in dr prod-2 prod; do
    drsuite_pg_stop "$DEMO_DIR/$name" "$(pg_name "$name")"
  done
}

cmd_status() {
  local name state rc=0 one
  for name in prod prod-2 dr; do
    one=0
    state="$(drsuite_pg_status "$DEMO_DIR/$name")" || one=$?
    echo "$(pg_name "$name"): $state (127.0.0.1:$(cluster_port "$name"))"
    ((one == 0)) || rc=3
  done
  return "$rc"
}

drsuite_dispatch "$@"
