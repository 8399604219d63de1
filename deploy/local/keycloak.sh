#!/usr/bin/env bash
# Keycloak, the identity provider the suite signs in with locally and in tests, on 127.0.0.1 only: the server
# distribution from Maven Central (deploy/local/keycloak/pom.xml), built once for its on-disk database, with the
# `drsuite` realm imported from deploy/local/keycloak/drsuite-realm.json (roles viewer < operator < admin, the
# clients drsuite-cli, drsuite-console, drsuite-swagger and drsuite-automation, one demo user per role).
#
# Passwords and the automation client's secret are generated once into $DRSUITE_RUN_DIR/secrets/keycloak.env
# (mode 600) and reach Keycloak as environment variables that the realm file names; the repository holds none.
#
# Usage: keycloak.sh start|stop|status
#   DRSUITE_KEYCLOAK_PORT            HTTP port (default 18180)
#   DRSUITE_KEYCLOAK_START_TIMEOUT   seconds to wait for the realm to answer (default 180)
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${DRSUITE_KEYCLOAK_PORT:-18180}"
START_TIMEOUT="${DRSUITE_KEYCLOAK_START_TIMEOUT:-180}"
POM="$DRSUITE_ROOT/deploy/local/keycloak/pom.xml"
REALM_FILE="$DRSUITE_ROOT/deploy/local/keycloak/drsuite-realm.json"
KEYCLOAK_DIR="$DRSUITE_RUN_DIR/keycloak"
DIST_DIR="$KEYCLOAK_DIR/dist"
DIST_MARKER="$DIST_DIR/.complete"
PID_FILE="$KEYCLOAK_DIR/keycloak.pid"
SECRETS_FILE="$DRSUITE_RUN_DIR/secrets/keycloak.env"
LOG="$DRSUITE_LOG_DIR/keycloak.log"
ISSUER="http://127.0.0.1:$PORT/realms/drsuite"

home() { printf '%s\n' "$DIST_DIR"/keycloak-*; }

# Unpacks and builds the distribution once; the marker holds the pom's checksum, so another Keycloak version in the
# pom triggers a fresh copy. The build fixes the on-disk database, so later starts skip it (start --optimized).
ensure_dist() {
  local sum java_home
  sum="$(sha256sum "$POM" | cut -d' ' -f1)"
  if [[ -f "$DIST_MARKER" && "$(cat "$DIST_MARKER")" == "$sum" ]]; then
    return 0
  fi
  info "unpacking Keycloak from Maven into $DIST_DIR"
  rm -rf "$DIST_DIR"
  mkdir -p "$DIST_DIR"
  java_home="$(drsuite_java_home)"
  JAVA_HOME="$java_home" "$DRSUITE_ROOT/mvnw" -q -B -f "$POM" dependency:unpack -DoutputDirectory="$DIST_DIR" ||
    die "could not unpack the Keycloak distribution with Maven"
  info "building Keycloak for its on-disk database (once; log: $LOG)"
  JAVA_HOME="$java_home" "$(home)/bin/kc.sh" build --db=dev-file >>"$LOG" 2>&1 ||
    die "kc.sh build failed; see $LOG"
  echo "$sum" >"$DIST_MARKER"
}

# Generates the passwords and the client secret on first use (hex, so safe in any quoting).
ensure_secrets() {
  [[ -s "$SECRETS_FILE" ]] && return 0
  mkdir -p "$(dirname "$SECRETS_FILE")"
  chmod 700 "$(dirname "$SECRETS_FILE")"
  (
    umask 077
    {
      echo "KEYCLOAK_BOOTSTRAP_ADMIN_PASSWORD=$(openssl rand -hex 16)"
      echo "DRSUITE_DEMO_VIEWER_PASSWORD=$(openssl rand -hex 12)"
      echo "DRSUITE_DEMO_OPERATOR_PASSWORD=$(openssl rand -hex 12)"
      echo "DRSUITE_DEMO_ADMIN_PASSWORD=$(openssl rand -hex 12)"
      echo "DRSUITE_AUTOMATION_CLIENT_SECRET=$(openssl rand -hex 24)"
    } >"$SECRETS_FILE.tmp"
  )
  mv "$SECRETS_FILE.tmp" "$SECRETS_FILE"
  info "generated the Keycloak admin and demo users' passwords in $SECRETS_FILE"
}

# Reads KEY from the secrets file without sourcing (executing) it.
secret() {
  local value
  value="$(grep -m1 "^$1=" "$SECRETS_FILE" | cut -d= -f2-)"
  [[ -n "$value" ]] || die "$1 missing from $SECRETS_FILE"
  printf '%s\n' "$value"
}

# Prints the pid of our running Keycloak, if any (the pid file alone is not trusted: the pid may be reused).
running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || return 1
  drsuite_pid_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$DIST_DIR" || return 1
  printf '%s\n' "$pid"
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  until curl -fs -o /dev/null "$ISSUER/.well-known/openid-configuration"; do
    drsuite_pid_alive "$pid" || die "Keycloak exited during start; see $LOG"
    ((SECONDS < deadline)) || die "Keycloak's drsuite realm not answering after ${START_TIMEOUT}s; see $LOG"
    sleep 0.5
  done
}

# A realm imported from an older realm file lacks what was added to the file since (a new client, say). Keycloak's
# partial import adds what is missing and skips what exists, so changes made in the admin console stay. Runs once per
# version of the realm file; secrets reach perl and curl through the environment and stdin, never argv.
add_missing_realm_parts() {
  local kc_home="$1" applied wanted token
  applied="$kc_home/data/import/.applied-sha256"
  wanted="$(sha256sum "$REALM_FILE" | cut -d' ' -f1)"
  [[ "$(cat "$applied" 2>/dev/null || true)" != "$wanted" ]] || return 0
  token="$(printf 'grant_type=password&client_id=admin-cli&username=admin&password=%s' \
    "$(secret KEYCLOAK_BOOTSTRAP_ADMIN_PASSWORD)" |
    curl -fsS --data-binary @- "http://127.0.0.1:$PORT/realms/master/protocol/openid-connect/token" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/')" || die "cannot sign in to Keycloak as its admin; see $LOG"
  DRSUITE_DEMO_VIEWER_PASSWORD="$(secret DRSUITE_DEMO_VIEWER_PASSWORD)" \
    DRSUITE_DEMO_OPERATOR_PASSWORD="$(secret DRSUITE_DEMO_OPERATOR_PASSWORD)" \
    DRSUITE_DEMO_ADMIN_PASSWORD="$(secret DRSUITE_DEMO_ADMIN_PASSWORD)" \
    DRSUITE_AUTOMATION_CLIENT_SECRET="$(secret DRSUITE_AUTOMATION_CLIENT_SECRET)" \
    perl -0pe 's/\$\{(DRSUITE_[A-Z_]+)\}/$ENV{$1}/g; s/^\{/{"ifResourceExists": "SKIP",/' "$REALM_FILE" |
    curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
      -H @<(printf 'Authorization: Bearer %s\n' "$token") --data-binary @- \
      "http://127.0.0.1:$PORT/admin/realms/drsuite/partialImport" ||
    die "adding the realm file's new parts to the drsuite realm failed; see $LOG"
  echo "$wanted" >"$applied"
}

cmd_start() {
  local pid kc_home
  mkdir -p "$KEYCLOAK_DIR"
  # One start at a time: a second caller (the test command starts Keycloak in the background while the first tests
  # may ask for it) waits here, then finds it running and waits until it answers.
  exec 9>"$KEYCLOAK_DIR/.start.lock"
  flock 9
  if pid="$(running_pid)"; then
    wait_ready "$pid"
    info "Keycloak already running (pid $pid): issuer $ISSUER"
    return 0
  fi
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ -z "$pid" ]] || drsuite_wait_pid_gone "$pid" 20 || true
  drsuite_port_in_use "$PORT" && die "port 127.0.0.1:$PORT is already in use by another process"
  drsuite_prepare_run_dir
  mkdir -p "$KEYCLOAK_DIR"
  touch "$LOG"
  ensure_dist
  ensure_secrets
  kc_home="$(home)"
  # Imported at start when the realm does not exist yet; an existing realm (and what was changed in it) is kept, and
  # gets what the realm file added since (add_missing_realm_parts).
  mkdir -p "$kc_home/data/import"
  cp "$REALM_FILE" "$kc_home/data/import/drsuite-realm.json"

  info "starting Keycloak on http://127.0.0.1:$PORT (log: $LOG)"
  # Brute-force protection stays on, but a user's concurrent sign-ins are allowed: since Keycloak 26 it refuses every
  # sign-in of a user while another is in progress ("Invalid user credentials"), and the suite's users (drctl, the
  # console and scripts as the same operator) legitimately sign in at the same moment.
  # setsid+nohup detach Keycloak from this shell's session; the environment carries the secrets the realm names. It
  # does not inherit the start lock (fd 9), or the lock would be held for as long as Keycloak runs.
  JAVA_HOME="$(drsuite_java_home)" \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$(secret KEYCLOAK_BOOTSTRAP_ADMIN_PASSWORD)" \
    DRSUITE_DEMO_VIEWER_PASSWORD="$(secret DRSUITE_DEMO_VIEWER_PASSWORD)" \
    DRSUITE_DEMO_OPERATOR_PASSWORD="$(secret DRSUITE_DEMO_OPERATOR_PASSWORD)" \
    DRSUITE_DEMO_ADMIN_PASSWORD="$(secret DRSUITE_DEMO_ADMIN_PASSWORD)" \
    DRSUITE_AUTOMATION_CLIENT_SECRET="$(secret DRSUITE_AUTOMATION_CLIENT_SECRET)" \
    setsid nohup "$kc_home/bin/kc.sh" start --optimized --import-realm \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$PORT" \
    --hostname="http://127.0.0.1:$PORT" \
    --spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true >>"$LOG" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  wait_ready "$pid"
  add_missing_realm_parts "$kc_home"
  info "Keycloak ready (pid $pid): issuer $ISSUER"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    info "Keycloak is not running"
    rm -f "$PID_FILE"
    return 0
  fi
  info "stopping Keycloak (pid $pid)"
  drsuite_terminate "$pid" Keycloak
  rm -f "$PID_FILE"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    echo "keycloak: running (pid $pid) (issuer $ISSUER)"
    return 0
  fi
  echo "keycloak: stopped (http://127.0.0.1:$PORT)"
  return 3
}

drsuite_dispatch "$@"
