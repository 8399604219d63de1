# shellcheck shell=bash
# Shared helpers for the deploy/local/*.sh scripts. Source it, do not run it.
#
# Everything these scripts start listens on 127.0.0.1 only and keeps its state
# under $DRSUITE_RUN_DIR (default: <repo>/.run, git-ignored).

DRSUITE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DRSUITE_PG_USER=postgres

drsuite_is_root() { [[ "$(id -u)" -eq 0 ]]; }

# True when every folder from / down to $1 lets other users through (o+x), as the PostgreSQL OS user needs.
# Decided from permission bits, so the answer is the same before and after that user exists.
drsuite_world_traversable() {
  local dir="$1" mode
  while [[ "$dir" != / ]]; do
    mode="$(stat -c %A "$dir")"
    [[ "${mode: -1}" == [xt] ]] || return 1
    dir="$(dirname "$dir")"
  done
}

# The state folder: .run in the checkout, unless we are root and the checkout is below a folder other users
# cannot enter (a clone in a private folder); then a folder under /var/tmp named after the checkout's path.
drsuite_default_state_dir() {
  if drsuite_is_root && ! drsuite_world_traversable "$DRSUITE_ROOT"; then
    printf '/var/tmp/drsuite-%s\n' "$(printf '%s' "$DRSUITE_ROOT" | md5sum | cut -c1-12)"
  else
    printf '%s/.run\n' "$DRSUITE_ROOT"
  fi
}
DRSUITE_STATE_DIR="${DRSUITE_STATE_DIR:-$(drsuite_default_state_dir)}"
DRSUITE_RUN_DIR="${DRSUITE_RUN_DIR:-$DRSUITE_STATE_DIR}"
# Made absolute: PostgreSQL commands run from / (see drsuite_as_pg_user).
[[ "$DRSUITE_RUN_DIR" == /* ]] || DRSUITE_RUN_DIR="$PWD/$DRSUITE_RUN_DIR"
DRSUITE_LOG_DIR="$DRSUITE_RUN_DIR/logs"
DRSUITE_PG_VERSION=15
export DRSUITE_ROOT DRSUITE_STATE_DIR DRSUITE_RUN_DIR DRSUITE_LOG_DIR

# ---------------------------------------------------------------- logging

info() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "$(basename "$0" .sh)" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "$(basename "$0" .sh)" "$*" >&2
  exit 1
}

# Runs cmd_start, cmd_stop or cmd_status, defined by the calling script.
drsuite_dispatch() {
  case "${1:-}" in
    start | stop | status) "cmd_$1" ;;
    *)
      echo "usage: $0 start|stop|status" >&2
      exit 2
      ;;
  esac
}

# Creates the run and log directories. They are made world-traversable on
# purpose: PostgreSQL runs as another OS user when we are root and has to
# reach its data, socket and log files below them.
drsuite_prepare_run_dir() {
  mkdir -p "$DRSUITE_RUN_DIR" "$DRSUITE_LOG_DIR"
  chmod 755 "$DRSUITE_RUN_DIR" "$DRSUITE_LOG_DIR"
}

# ---------------------------------------------------------------- java

# Prints the major version of the JDK at $1 (e.g. 25, 17, 8) or nothing.
drsuite_jdk_major() {
  local home="$1" version
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  if [[ -r "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")"
  fi
  if [[ -z "${version:-}" ]]; then
    version="$("$home/bin/java" -version 2>&1 | sed -n '1s/.* version "\([^"]*\)".*/\1/p')"
  fi
  version="${version#1.}" # 1.8.0 -> 8.0
  version="${version%%[!0-9]*}"
  printf '%s' "$version"
}

# Prints a JDK home with major version >= 21: $JAVA_HOME if it qualifies,
# else the highest version found under /usr/lib/jvm.
drsuite_java_home() {
  local home major best="" best_major=0
  if [[ -n "${JAVA_HOME:-}" ]]; then
    major="$(drsuite_jdk_major "$JAVA_HOME")"
    if [[ -n "$major" && "$major" -ge 21 ]]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
  fi
  for home in /usr/lib/jvm/*; do
    major="$(drsuite_jdk_major "$home")"
    if [[ -n "$major" && "$major" -gt "$best_major" ]]; then
      best="$home"
      best_major="$major"
    fi
  done
  if [[ "$best_major" -ge 21 ]]; then
    printf '%s\n' "$best"
    return 0
  fi
  echo "ERROR: a JDK 21 or newer is needed (e.g. Temurin 25); set JAVA_HOME" \
    "or install one under /usr/lib/jvm." >&2
  return 1
}

# ---------------------------------------------------------------- processes

# True when process $1 exists and is not a zombie. A process killed with -9
# stays a zombie until init reaps it (pg_ctl would count it as running).
drsuite_pid_alive() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != Z* ]]
}

# drsuite_terminate PID NAME: SIGTERM, then SIGKILL if PID is still alive after 30 s.
drsuite_terminate() {
  local pid="$1" name="$2" deadline=$((SECONDS + 30))
  kill -TERM "$pid" 2>/dev/null || true
  while drsuite_pid_alive "$pid" && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if drsuite_pid_alive "$pid"; then
    warn "$name did not stop within 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
}

# drsuite_wait_pid_gone PID TIMEOUT_S: waits until PID has fully vanished.
# Used after a crash: the main thread of a killed multi-threaded process is
# a zombie while its other threads may still hold ports and files.
drsuite_wait_pid_gone() {
  local pid="$1" deadline=$((SECONDS + $2))
  while ps -p "$pid" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# ---------------------------------------------------------------- network

# drsuite_wait_port HOST PORT TIMEOUT_S: waits until HOST:PORT accepts TCP.
drsuite_wait_port() {
  local host="$1" port="$2" timeout="$3"
  local deadline=$((SECONDS + timeout))
  until (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# True when something already listens on 127.0.0.1:PORT.
drsuite_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# ---------------------------------------------------------------- sign-in

# The issuer of the local Keycloak's drsuite realm (deploy/local/keycloak.sh).
drsuite_oidc_issuer() {
  printf '%s\n' "${DRSUITE_OIDC_ISSUER:-http://127.0.0.1:${DRSUITE_KEYCLOAK_PORT:-18180}/realms/drsuite}"
}

# drsuite_access_token USER: an access token of a demo user (viewer, operator, admin) from the local Keycloak,
# by the direct grant of the drsuite-cli client. The password goes to curl on its standard input, never as an
# argument.
drsuite_access_token() {
  local user="$1" secrets="$DRSUITE_RUN_DIR/secrets/keycloak.env" key password response
  key="DRSUITE_DEMO_${user^^}_PASSWORD"
  password="$(grep -m1 "^$key=" "$secrets" 2>/dev/null | cut -d= -f2-)"
  [[ -n "$password" ]] || die "$key missing from $secrets: start Keycloak first (keycloak.sh start)"
  response="$(printf 'grant_type=password&client_id=drsuite-cli&username=%s&password=%s' "$user" "$password" |
    curl -fsS --data-binary @- -H 'Content-Type: application/x-www-form-urlencoded' \
      "$(drsuite_oidc_issuer)/protocol/openid-connect/token")" || die "Keycloak refused the sign-in of $user"
  sed -E 's/.*"access_token":"([^"]+)".*/\1/' <<<"$response"
}

# ---------------------------------------------------------------- s3

# The local S3-compatible server's keys: from the environment, else the
# access key "drsuite" and a secret generated once (mode 600) in the run dir.
# Replaces the calling (sub)shell with a packaged service: `drsuite_exec_service <quarkus-app folder> <database>
# <http port> [JVM option...]`. It gets the settings it needs on this machine's servers: the control-plane database
# <database>, Kafka, and snapshot storage "local" (the run dir's snapshots folder) and "s3" (a bucket on S3Proxy;
# a location's name is a map key, so it is given as a system property), and task-service's WAL staging folder (the
# run dir's wal-staging). The secrets key comes from
# DRSUITE_SECRETS_KEY, which the caller sets.
drsuite_exec_service() {
  local app="$1" database="$2" port="$3"
  shift 3
  DRSUITE_DB_URL="jdbc:postgresql://127.0.0.1:${DRSUITE_DB_PORT:-15432}/$database" \
    DRSUITE_KAFKA_BOOTSTRAP="127.0.0.1:${DRSUITE_KAFKA_PORT:-19092}" \
    DRSUITE_STORAGE_PATH="$DRSUITE_RUN_DIR/snapshots" \
    DRSUITE_WAL_STAGING_DIR="$DRSUITE_RUN_DIR/wal-staging" \
    DRSUITE_S3_ENDPOINT="http://127.0.0.1:${DRSUITE_S3_PORT:-19000}" \
    QUARKUS_S3_AWS_CREDENTIALS_TYPE=static \
    QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID="$(drsuite_s3_access_key)" \
    QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY="$(drsuite_s3_secret_key)" \
    QUARKUS_HTTP_PORT="$port" \
    DRSUITE_OIDC_ISSUER="$(drsuite_oidc_issuer)" \
    exec "$JAVA_HOME/bin/java" "$@" \
    -Ddrsuite.storage.locations.s3.type=s3 -Ddrsuite.storage.locations.s3.bucket="${DRSUITE_S3_BUCKET:-drsuite-snapshots}" \
    -jar "$app/quarkus-run.jar"
}

# Replaces the calling (sub)shell with the packaged web console: `drsuite_exec_console <quarkus-app folder> <http port>
# [JVM option...]`. It gets the local identity provider's realm, Kafka and the five services' URLs (ports 8081-8085
# of services.sh); its session secret comes from DRSUITE_CONSOLE_SESSION_SECRET, which the caller sets.
drsuite_exec_console() {
  local app="$1" port="$2"
  shift 2
  DRSUITE_KAFKA_BOOTSTRAP="127.0.0.1:${DRSUITE_KAFKA_PORT:-19092}" \
    DRSUITE_OIDC_ISSUER="$(drsuite_oidc_issuer)" \
    DRSUITE_RELATIONSHIP_URL=http://127.0.0.1:8081 \
    DRSUITE_TASK_URL=http://127.0.0.1:8082 \
    DRSUITE_MONITOR_URL=http://127.0.0.1:8083 \
    DRSUITE_SNAPSHOT_URL=http://127.0.0.1:8084 \
    DRSUITE_RECYCLEBIN_URL=http://127.0.0.1:8085 \
    QUARKUS_HTTP_PORT="$port" \
    exec "$JAVA_HOME/bin/java" "$@" -jar "$app/quarkus-run.jar"
}

drsuite_s3_access_key() { printf '%s\n' "${DRSUITE_S3_ACCESS_KEY:-drsuite}"; }

drsuite_s3_secret_key() {
  if [[ -n "${DRSUITE_S3_SECRET_KEY:-}" ]]; then
    printf '%s\n' "$DRSUITE_S3_SECRET_KEY"
    return 0
  fi
  local file="$DRSUITE_RUN_DIR/secrets/s3.secret"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$(dirname "$file")"
    chmod 700 "$(dirname "$file")"
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$file")
  fi
  cat "$file"
}

# ---------------------------------------------------------------- ssh

# Prints the OpenSSH server's path, installing Debian's openssh-server first
# when it is missing and we are root. Only the tests need it: they start
# their own sshd on a loopback port (test-support's SshServer) to exercise
# the SSH host executor; ./drsuite run does not.
drsuite_sshd_bin() {
  local sshd=/usr/sbin/sshd
  if [[ ! -x "$sshd" ]]; then
    drsuite_is_root ||
      die "the OpenSSH server is not installed ($sshd missing);" \
        "run as root or: apt-get install openssh-server"
    info "installing openssh-server from apt" >&2
    # The package lists may be stale or missing: refresh them only when needed.
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends openssh-server >&2; then
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends openssh-server >&2
    fi
    # The package enables (and may start) a system sshd on port 22 of every
    # interface. Nothing used one before, as it was not installed, and the
    # tests start their own: switch the system one off again.
    if [[ -d /run/systemd/system ]]; then
      systemctl disable --now ssh.service ssh.socket >/dev/null 2>&1 || true
    else
      invoke-rc.d ssh stop >/dev/null 2>&1 || true
      update-rc.d ssh disable >/dev/null 2>&1 || true
    fi
    [[ -x "$sshd" ]] || die "apt did not install $sshd"
  fi
  printf '%s\n' "$sshd"
}

# ---------------------------------------------------------------- routing peers

# Installs Debian's HAProxy and BIND 9 when missing and we are root. Only the
# tests need them: they start their own haproxy and named on loopback ports to
# check that clients follow the primary (health checks, RFC 2136 updates).
# The packages' system services are switched off again: nothing here uses them.
drsuite_routing_peers() {
  if [[ -x /usr/sbin/haproxy && -x /usr/sbin/named ]]; then
    return
  fi
  drsuite_is_root ||
    die "HAProxy and BIND 9 are not installed;" \
      "run as root or: apt-get install haproxy bind9 bind9-utils"
  info "installing haproxy and bind9 from apt" >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends haproxy bind9 bind9-utils >&2; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends haproxy bind9 bind9-utils >&2
  fi
  local service
  for service in haproxy named bind9; do
    if [[ -d /run/systemd/system ]]; then
      systemctl disable --now "$service.service" >/dev/null 2>&1 || true
    else
      invoke-rc.d "$service" stop >/dev/null 2>&1 || true
      update-rc.d "$service" disable >/dev/null 2>&1 || true
    fi
  done
  [[ -x /usr/sbin/haproxy && -x /usr/sbin/named ]] || die "apt did not install haproxy and named"
}

# ---------------------------------------------------------------- browser

# Prints Chromium's path, installing Debian's chromium package first when it is missing and we are root. Only the
# tests need it: the web console's browser tests drive it headless through Playwright, which is told never to download
# a browser of its own (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD).
drsuite_chromium_bin() {
  local chromium=/usr/bin/chromium
  if [[ ! -x "$chromium" ]]; then
    drsuite_is_root ||
      die "Chromium is not installed ($chromium missing);" \
        "run as root or: apt-get install --no-install-recommends chromium"
    info "installing chromium from apt" >&2
    # The package lists may be stale or missing: refresh them only when needed.
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends chromium >/dev/null 2>&1; then
      apt-get update -qq >&2 || die "apt-get update failed: Chromium cannot be installed"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends chromium >&2 || die "apt-get could not install chromium"
    fi
    [[ -x "$chromium" ]] || die "apt did not install $chromium"
  fi
  printf '%s\n' "$chromium"
}

# ---------------------------------------------------------------- postgres

# Prints the PostgreSQL binary directory, installing the Debian packages
# first when they are missing and we are root.
drsuite_pg_bin() {
  local bin="/usr/lib/postgresql/$DRSUITE_PG_VERSION/bin"
  if [[ ! -x "$bin/initdb" ]]; then
    drsuite_is_root ||
      die "PostgreSQL $DRSUITE_PG_VERSION is not installed ($bin/initdb missing);" \
        "run as root or: apt-get install postgresql-$DRSUITE_PG_VERSION postgresql-contrib"
    info "installing postgresql-$DRSUITE_PG_VERSION from apt" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      "postgresql-$DRSUITE_PG_VERSION" postgresql-contrib >&2
    # The package may create and start a default cluster on 5432; we never
    # use it, so make sure it does not keep running.
    pg_ctlcluster "$DRSUITE_PG_VERSION" main stop >/dev/null 2>&1 || true
    [[ -x "$bin/initdb" ]] || die "apt did not install $bin/initdb"
  fi
  printf '%s\n' "$bin"
}

# Runs a command as the PostgreSQL OS user (postgres when root, else self).
# It runs from / because the caller's directory may be unreadable for that user.
drsuite_as_pg_user() {
  if drsuite_is_root; then
    (cd / && runuser -u "$DRSUITE_PG_USER" -- "$@")
  else
    (cd / && "$@")
  fi
}

# drsuite_pg_dir DIR: creates DIR owned by the PostgreSQL OS user and checks
# that this user can reach it (every parent directory must be traversable).
drsuite_pg_dir() {
  local dir="$1"
  mkdir -p "$dir"
  if drsuite_is_root; then
    chown "$DRSUITE_PG_USER:$DRSUITE_PG_USER" "$dir"
  fi
  drsuite_as_pg_user test -w "$dir" ||
    die "user $DRSUITE_PG_USER cannot write $dir: a parent directory is not" \
      "traversable (needs o+x), e.g. chmod 755 on each parent"
}

# Creates (or keeps) a file that the PostgreSQL OS user may append to.
drsuite_pg_file() {
  local file="$1"
  touch "$file"
  if drsuite_is_root; then
    chown "$DRSUITE_PG_USER:$DRSUITE_PG_USER" "$file"
  fi
}

# Private unix socket directory of one cluster. Unix sockets stay on (pg_ctl
# and our admin psql use them with trust auth) but live in a 0700 directory
# so that only the PostgreSQL OS user (and root) can connect through them.
drsuite_pg_socket_dir() {
  printf '%s\n' "$DRSUITE_RUN_DIR/sockets/$1"
}

# First initialisation of an empty data directory.
drsuite_pg_init() {
  local bin="$1" datadir="$2"
  drsuite_as_pg_user "$bin/initdb" -D "$datadir" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  drsuite_pg_file "$datadir/pg_hba.conf"
  cat >"$datadir/pg_hba.conf" <<'EOF'
# Written by deploy/local/lib.sh. Unix sockets live in a private 0700 dir.
# TYPE  DATABASE     USER  ADDRESS       METHOD
local   all          all                 trust
local   replication  all                 trust
host    all          all   127.0.0.1/32  scram-sha-256
host    all          all   ::1/128       scram-sha-256
host    replication  all   127.0.0.1/32  scram-sha-256
host    replication  all   ::1/128       scram-sha-256
EOF
  echo "include_if_exists = 'drsuite.conf'" >>"$datadir/postgresql.conf"
}

# (Re)writes the settings we own on every start, so a changed port applies.
drsuite_pg_write_conf() {
  local name="$1" datadir="$2" port="$3" socket_dir="$4"
  drsuite_pg_file "$datadir/drsuite.conf"
  cat >"$datadir/drsuite.conf" <<EOF
# Written by deploy/local/lib.sh on every start; local edits are lost.
cluster_name = '$name'
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket_dir'
password_encryption = scram-sha-256
wal_level = replica
wal_log_hints = on
max_wal_senders = 10
max_replication_slots = 10
hot_standby = on
wal_keep_size = 256MB
shared_buffers = 32MB
logging_collector = off
EOF
}

# Prints the pid recorded in DATADIR/postmaster.pid, if any.
drsuite_pg_pidfile_pid() {
  head -n1 "$1/postmaster.pid" 2>/dev/null || true
}

# drsuite_pg_status DATADIR: prints "running (pid N)" or "stopped";
# returns 0 when running, 3 otherwise.
drsuite_pg_status() {
  local datadir="$1" bin pid
  bin="$(drsuite_pg_bin)"
  pid="$(drsuite_pg_pidfile_pid "$datadir")"
  if [[ -n "$pid" ]] && drsuite_pid_alive "$pid" &&
    drsuite_as_pg_user "$bin/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
    echo "running (pid $pid)"
    return 0
  fi
  echo "stopped"
  return 3
}

# After a crash, waits (up to 20 s) until the dead postmaster is reaped;
# while it or its backends linger a new postmaster refuses to start.
drsuite_pg_wait_stale() {
  local pid
  pid="$(drsuite_pg_pidfile_pid "$1")"
  [[ -z "$pid" ]] || drsuite_wait_pid_gone "$pid" 20
}

# drsuite_pg_start NAME DATADIR PORT: initialises DATADIR when empty and
# starts the server; a no-op when it already runs.
drsuite_pg_start() {
  local name="$1" datadir="$2" port="$3" bin socket_dir log attempt
  bin="$(drsuite_pg_bin)"
  drsuite_prepare_run_dir
  if drsuite_pg_status "$datadir" >/dev/null; then
    info "$name already running on 127.0.0.1:$port"
    return 0
  fi
  drsuite_port_in_use "$port" &&
    die "port 127.0.0.1:$port is already in use by another process"

  socket_dir="$(drsuite_pg_socket_dir "$name")"
  # A unix socket path is limited to 107 bytes.
  ((${#socket_dir} + 16 <= 107)) ||
    die "socket path too long: $socket_dir (use a shorter DRSUITE_RUN_DIR)"
  mkdir -p "$DRSUITE_RUN_DIR/sockets"
  chmod 755 "$DRSUITE_RUN_DIR/sockets"
  drsuite_pg_dir "$socket_dir"
  chmod 700 "$socket_dir"

  drsuite_pg_dir "$datadir"
  if [[ ! -f "$datadir/PG_VERSION" ]]; then
    [[ -z "$(ls -A "$datadir")" ]] ||
      die "$datadir is neither empty nor a PostgreSQL data directory"
    info "initialising $name in $datadir"
    drsuite_pg_init "$bin" "$datadir"
  fi
  drsuite_pg_write_conf "$name" "$datadir" "$port" "$socket_dir"

  log="$DRSUITE_LOG_DIR/$name.log"
  drsuite_pg_file "$log"
  info "starting $name on 127.0.0.1:$port (log: $log)"
  # pg_ctl copes with a stale postmaster.pid left by a crash (kill -9), but
  # backends of the dead postmaster may hold its shared memory for a moment
  # longer: retry a few times.
  drsuite_pg_wait_stale "$datadir"
  for attempt in 1 2 3 4 5; do
    if drsuite_as_pg_user "$bin/pg_ctl" -D "$datadir" -l "$log" -t 120 -w start \
      >/dev/null 2>&1; then
      return 0
    fi
    sleep "$attempt"
  done
  die "$name did not start; see $log"
}

# drsuite_pg_stop DATADIR [NAME]: fast shutdown; fine when already stopped.
drsuite_pg_stop() {
  local datadir="$1" name="${2:-$(basename "$1")}" bin
  bin="$(drsuite_pg_bin)"
  if ! drsuite_pg_status "$datadir" >/dev/null; then
    info "$name is not running"
    return 0
  fi
  info "stopping $name"
  drsuite_as_pg_user "$bin/pg_ctl" -D "$datadir" -m fast -t 60 -w stop >/dev/null
}

# drsuite_psql NAME PORT [psql args...]: superuser psql over the private
# unix socket of cluster NAME, stopping at the first error.
drsuite_psql() {
  local name="$1" port="$2" bin
  shift 2
  bin="$(drsuite_pg_bin)"
  drsuite_as_pg_user "$bin/psql" -X -q -v ON_ERROR_STOP=1 \
    -h "$(drsuite_pg_socket_dir "$name")" -p "$port" -U postgres "$@"
}
