#!/usr/bin/env bash
# The five DR Suite services and the web console as local JVM processes, built from this checkout.
#
# Usage: services.sh start|stop|status
#   start   builds the services and the console (mvnw package), starts each service that is not running, waits until
#           every one is ready (/q/health/ready = UP), then does the same for the console (port 8080), which calls
#           them. Logs: $DRSUITE_RUN_DIR/logs/<service>.log and console.log
#   stop    the console first, then the services: SIGTERM, then SIGKILL after 30 s
#
# The suite's secret key (cluster passwords are sealed with it) is generated once into
# $DRSUITE_RUN_DIR/secrets/suite.key (mode 600) and handed to the services in DRSUITE_SECRETS_KEY. The console's
# session secret (it encrypts the session cookies) is generated once, 48 characters, into
# $DRSUITE_RUN_DIR/secrets/console-session.secret (mode 600) and handed to the console in
# DRSUITE_CONSOLE_SESSION_SECRET.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

SERVICES=(relationship-service:8081 task-service:8082 monitor-service:8083 snapshot-service:8084
  recyclebin-service:8085)
CONSOLE=console:8080
PID_DIR="$DRSUITE_RUN_DIR/services"
KEY_FILE="$DRSUITE_RUN_DIR/secrets/suite.key"
SESSION_SECRET_FILE="$DRSUITE_RUN_DIR/secrets/console-session.secret"
READY_TIMEOUT="${DRSUITE_READY_TIMEOUT:-180}"

service_name() { printf '%s' "${1%%:*}"; }
service_port() { printf '%s' "${1##*:}"; }
pid_of() { cat "$PID_DIR/$1.pid" 2>/dev/null || true; }

running() {
  local pid
  pid="$(pid_of "$1")"
  [[ -n "$pid" ]] && drsuite_pid_alive "$pid"
}

ensure_key() {
  if [[ ! -s "$KEY_FILE" ]]; then
    mkdir -p "$(dirname "$KEY_FILE")"
    chmod 700 "$(dirname "$KEY_FILE")"
    (umask 077 && head -c 32 /dev/urandom | base64 >"$KEY_FILE")
    info "generated the suite secret key in $KEY_FILE"
  fi
}

ensure_session_secret() {
  if [[ ! -s "$SESSION_SECRET_FILE" ]]; then
    mkdir -p "$(dirname "$SESSION_SECRET_FILE")"
    chmod 700 "$(dirname "$SESSION_SECRET_FILE")"
    # 36 random bytes are 48 base64 characters.
    (umask 077 && head -c 36 /dev/urandom | base64 -w0 >"$SESSION_SECRET_FILE")
    info "generated the console's session secret in $SESSION_SECRET_FILE"
  fi
}

build() {
  info "building the services and the console (mvnw package, tests skipped; ./drsuite test runs them)"
  JAVA_HOME="$JAVA_HOME" "$DRSUITE_ROOT/mvnw" -B -q -f "$DRSUITE_ROOT/pom.xml" package -DskipTests \
    >"$DRSUITE_LOG_DIR/build.log" 2>&1 || die "build failed, see $DRSUITE_LOG_DIR/build.log"
}

start_one() {
  local name="$1" port="$2" jar="$DRSUITE_ROOT/$1/target/quarkus-app/quarkus-run.jar"
  if running "$name"; then
    info "$name already running (pid $(pid_of "$name"))"
    return 0
  fi
  drsuite_port_in_use "$port" && die "port $port is taken by another process; $name cannot start"
  [[ -f "$jar" ]] || die "$jar is missing; the build did not produce it"
  # In a subshell that becomes the JVM; SIGHUP ignored, as nohup would.
  (
    trap '' HUP
    DRSUITE_SECRETS_KEY="$(cat "$KEY_FILE")" drsuite_exec_service "$(dirname "$jar")" drsuite "$port" \
      -Xmx256m -XX:+UseSerialGC
  ) >>"$DRSUITE_LOG_DIR/$name.log" 2>&1 </dev/null &
  echo "$!" >"$PID_DIR/$name.pid"
  info "$name starting on http://127.0.0.1:$port (pid $!)"
}

start_console() {
  local name port jar
  name="$(service_name "$CONSOLE")"
  port="$(service_port "$CONSOLE")"
  jar="$DRSUITE_ROOT/$name/target/quarkus-app/quarkus-run.jar"
  if running "$name"; then
    info "$name already running (pid $(pid_of "$name"))"
    return 0
  fi
  drsuite_port_in_use "$port" && die "port $port is taken by another process; the $name cannot start"
  [[ -f "$jar" ]] || die "$jar is missing; the build did not produce it"
  (
    trap '' HUP
    DRSUITE_CONSOLE_SESSION_SECRET="$(cat "$SESSION_SECRET_FILE")" drsuite_exec_console "$(dirname "$jar")" "$port" \
      -Xmx256m -XX:+UseSerialGC
  ) >>"$DRSUITE_LOG_DIR/$name.log" 2>&1 </dev/null &
  echo "$!" >"$PID_DIR/$name.pid"
  info "$name starting on http://127.0.0.1:$port (pid $!)"
}

wait_ready() {
  local name="$1" port="$2" deadline=$((SECONDS + READY_TIMEOUT))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    running "$name" || die "$name exited; see $DRSUITE_LOG_DIR/$name.log"
    ((SECONDS < deadline)) || die "$name not ready after ${READY_TIMEOUT}s; see $DRSUITE_LOG_DIR/$name.log"
    sleep 0.5
  done
  info "$name ready"
}

stop_one() {
  local name="$1" pid
  pid="$(pid_of "$name")"
  if [[ -n "$pid" ]] && drsuite_pid_alive "$pid"; then
    drsuite_terminate "$pid" "$name"
    info "$name stopped"
  fi
  rm -f "$PID_DIR/$name.pid"
}

main() {
  case "${1:-}" in
    start)
      JAVA_HOME="$(drsuite_java_home)"
      drsuite_prepare_run_dir
      mkdir -p "$PID_DIR"
      ensure_key
      ensure_session_secret
      local svc began=$SECONDS
      build
      info "built in $((SECONDS - began)) s"
      began=$SECONDS
      for svc in "${SERVICES[@]}"; do start_one "$(service_name "$svc")" "$(service_port "$svc")"; done
      for svc in "${SERVICES[@]}"; do wait_ready "$(service_name "$svc")" "$(service_port "$svc")"; done
      info "all five services ready $((SECONDS - began)) s after start"
      start_console
      wait_ready "$(service_name "$CONSOLE")" "$(service_port "$CONSOLE")"
      ;;
    stop)
      local svc
      for svc in "$CONSOLE" "${SERVICES[@]}"; do stop_one "$(service_name "$svc")"; done
      ;;
    status)
      local svc rc=0
      for svc in "${SERVICES[@]}" "$CONSOLE"; do
        if running "$(service_name "$svc")"; then
          echo "$(service_name "$svc"): running (pid $(pid_of "$(service_name "$svc")"), port $(service_port "$svc"))"
        else
          echo "$(service_name "$svc"): stopped"
          rc=3
        fi
      done
      exit "$rc"
      ;;
    *)
      echo "usage: $0 start|stop|status" >&2
      exit 2
      ;;
  esac
}

main "$@"
