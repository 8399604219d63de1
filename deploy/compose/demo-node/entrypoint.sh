#!/usr/bin/env bash
# Main process of a demo node (prod or dr) of the compose deployment, run as the postgres OS user:
#   1. starts sshd with the node's host key (from the volume the ssh-keys service wrote); sshd runs as postgres
#      too, and so admits only logins as postgres;
#   2. on the first start, initialises the data directory;
#   3. starts PostgreSQL with pg_ctl;
#   4. on a primary, creates or updates the logins drsuite_admin (superuser) and drsuite_repl (replication), and
#      with DEMO_SEED=shop the demo database shop;
#   5. waits on sshd. SIGTERM stops PostgreSQL cleanly, then sshd.
# PostgreSQL is not the container's main process because task-service stops, starts and rebuilds it over SSH; the
# container keeps running meanwhile. Servers the suite starts write their log to <data directory>.log.
#
# Environment:
#   DEMO_NODE_NAME             the node's name, used as cluster_name (default: the container's host name)
#   DEMO_ADMIN_PASSWORD        password of drsuite_admin (required)
#   DEMO_REPLICATION_PASSWORD  password of drsuite_repl (required)
#   DEMO_SEED                  "shop": create the demo database shop (customers, orders); empty: nothing
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
# The data directory sits one level below the volume's mount point: a full build by the suite writes
# <data directory>.drsuite-build next to it and renames it into place, which needs both on one file system.
DATA_ROOT=/var/lib/postgresql/data
DATA_DIR="$DATA_ROOT/pgdata"
SOCKET_DIR=/var/run/postgresql
HOST_KEY_DIR=/etc/drsuite/ssh-host
SSHD_CONFIG=/etc/ssh/drsuite_sshd_config
NODE_NAME="${DEMO_NODE_NAME:-$(hostname)}"
SSHD_PID=""

info() { printf '[demo-node %s] %s\n' "$NODE_NAME" "$*"; }
warn() { printf '[demo-node %s] WARNING: %s\n' "$NODE_NAME" "$*" >&2; }
die() {
  printf '[demo-node %s] ERROR: %s\n' "$NODE_NAME" "$*" >&2
  exit 1
}

# Superuser psql over the unix socket (peer authentication), stopping at the first error.
node_psql() {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p 5432 -U postgres "$@"
}

check_environment() {
  [[ "$(id -un)" == postgres ]] || die "run this as the postgres OS user, not $(id -un)"
  [[ "$NODE_NAME" =~ ^[a-z0-9][a-z0-9-]{0,62}$ ]] || die "DEMO_NODE_NAME must match [a-z0-9][a-z0-9-]{0,62}"
  [[ -n "${DEMO_ADMIN_PASSWORD:-}" ]] || die "DEMO_ADMIN_PASSWORD is not set"
  [[ -n "${DEMO_REPLICATION_PASSWORD:-}" ]] || die "DEMO_REPLICATION_PASSWORD is not set"
  case "${DEMO_SEED:-}" in
    "" | shop) ;;
    *) die "DEMO_SEED must be empty or \"shop\", not \"$DEMO_SEED\"" ;;
  esac
}

start_sshd() {
  [[ -s "$HOST_KEY_DIR/ssh_host_ed25519_key" && -s "$HOST_KEY_DIR/authorized_keys" ]] ||
    die "no host key or authorized_keys in $HOST_KEY_DIR: the ssh-keys service writes them"
  /usr/sbin/sshd -t -f "$SSHD_CONFIG"
  /usr/sbin/sshd -D -e -f "$SSHD_CONFIG" &
  SSHD_PID=$!
  info "sshd started (pid $SSHD_PID)"
}

# True while a full build or a rewind by the suite is unfinished: its task resumes it, and the node must then be
# left as it is (no initdb over a data directory that was moved aside, no start of a half-built copy).
build_in_progress() {
  [[ -e "$DATA_DIR.drsuite-build" || -e "$DATA_DIR.drsuite-settings" ]] ||
    { [[ ! -e "$DATA_DIR" ]] && compgen -G "$DATA_DIR.drsuite-replaced-*" >/dev/null; }
}

init_data_directory() {
  # The suite needs the folder around the data directory writable by postgres. A new volume takes the image's
  # folder, which postgres owns.
  [[ -w "$DATA_ROOT" ]] || die "$DATA_ROOT is not writable by postgres"
  chmod 0750 "$DATA_ROOT"
  [[ -f "$DATA_DIR/PG_VERSION" ]] && return 0
  if [[ -d "$DATA_DIR" && -n "$(ls -A "$DATA_DIR")" ]]; then
    die "$DATA_DIR is neither empty nor a PostgreSQL data directory"
  fi
  info "initialising $DATA_DIR"
  "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres -E UTF8 --locale=C \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  # samenet: every address of the networks this container is on, i.e. the compose network. The suite adds its own
  # blocks at the top of this file for the nodes of the other cluster in a relationship.
  cat >"$DATA_DIR/pg_hba.conf" <<'EOF'
# Written by the demo node's entrypoint when the data directory was created.
# TYPE  DATABASE     USER      ADDRESS       METHOD
local   all          postgres                peer
local   replication  postgres                peer
host    all          all       127.0.0.1/32  scram-sha-256
host    replication  all       127.0.0.1/32  scram-sha-256
host    all          all       samenet       scram-sha-256
host    replication  all       samenet       scram-sha-256
EOF
  echo "include_if_exists = 'demo-node.conf'" >>"$DATA_DIR/postgresql.conf"
}

# The settings the demo needs, rewritten on every start. A full build by the suite keeps the node's own *.conf
# files, this one included.
write_settings() {
  cat >"$DATA_DIR/demo-node.conf" <<EOF
# Written by the demo node's entrypoint on every start; local edits are lost.
cluster_name = '$NODE_NAME'
listen_addresses = '*'
port = 5432
unix_socket_directories = '$SOCKET_DIR'
password_encryption = scram-sha-256
wal_level = replica
wal_log_hints = on
max_wal_senders = 10
max_replication_slots = 10
hot_standby = on
wal_keep_size = 256MB
EOF
}

# Starts PostgreSQL; returns non-zero when it does not come up (the container stays up for the suite to repair
# the node over SSH).
start_postgres() {
  info "starting PostgreSQL 15 on port 5432"
  "$PG_BIN/pg_ctl" -D "$DATA_DIR" -w -t 120 start
}

# shellcheck disable=SC2317 # called from the EXIT trap
postgres_running() {
  [[ -f "$DATA_DIR/postmaster.pid" ]] && "$PG_BIN/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

# shellcheck disable=SC2317 # called from the EXIT trap
stop_postgres() {
  if postgres_running; then
    info "stopping PostgreSQL"
    "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m fast -w -t 60 stop || warn "PostgreSQL did not stop cleanly"
  fi
}

# True when the server accepts writes; a DR relationship may have made this node a standby.
is_primary() {
  [[ "$(node_psql -d postgres -A -t -c 'select pg_is_in_recovery()')" == "f" ]]
}

# Creates or updates the suite's logins. The passwords travel through the environment and psql's \getenv, never
# through argv or string splicing; the server quotes them (%L).
ensure_roles() {
  node_psql -d postgres -v admin=drsuite_admin -v repl=drsuite_repl -f /usr/local/share/drsuite/logins.sql
}

# The demo database: created and filled once.
ensure_shop() {
  node_psql -d postgres -v db=shop -v owner=drsuite_admin <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  node_psql -d shop -f /usr/local/share/drsuite/shop.sql
}

# On any exit (SIGTERM, SIGINT, an error, sshd gone): PostgreSQL is stopped cleanly, then sshd, before the
# container ends and takes every process left with it.
# shellcheck disable=SC2317 # the EXIT trap
cleanup() {
  local status=$?
  trap - EXIT
  info "stopping"
  stop_postgres
  if [[ -n "$SSHD_PID" ]]; then
    kill -TERM "$SSHD_PID" 2>/dev/null || true
    wait "$SSHD_PID" 2>/dev/null || true
  fi
  exit "$status"
}

main() {
  check_environment
  # This container has just started, so no postmaster of this data directory runs: a postmaster.pid is left from
  # a container that was killed, and its pid may now belong to another process here (PostgreSQL would refuse to
  # start, and pg_ctl stop would signal that process).
  rm -f "$DATA_DIR/postmaster.pid"
  trap cleanup EXIT
  trap 'exit 0' TERM INT
  start_sshd
  if build_in_progress; then
    warn "a build of $DATA_DIR by the suite is unfinished; PostgreSQL is left stopped for its task to resume"
  else
    init_data_directory
    write_settings
    if ! start_postgres; then
      warn "PostgreSQL did not start; see the log above. The node stays reachable over SSH."
    elif is_primary; then
      # A standby gets its logins (and the demo rows) from its primary.
      ensure_roles
      if [[ "${DEMO_SEED:-}" == shop ]]; then
        ensure_shop
      fi
      info "ready: primary, logins drsuite_admin and drsuite_repl${DEMO_SEED:+, database shop}"
    else
      info "ready: standby"
    fi
  fi
  # Signals are handled while waiting: wait returns at once when one arrives and its trap runs.
  local status=0
  wait "$SSHD_PID" || status=$?
  SSHD_PID=""
  warn "sshd exited with status $status"
  exit 1
}

main "$@"
