#!/usr/bin/env bash
# An S3-compatible server on 127.0.0.1: S3Proxy with a filesystem backend, run
# from the Maven Central jar named in deploy/local/s3proxy/pom.xml. Snapshots
# go to its bucket when a request or policy names the storage location "s3".
#
# Usage: s3.sh start|stop|status
#   DRSUITE_S3_PORT           port (default 19000)
#   DRSUITE_S3_BUCKET         bucket created at start (default drsuite-snapshots)
#   DRSUITE_S3_ACCESS_KEY     access key (default drsuite)
#   DRSUITE_S3_SECRET_KEY     secret key (default: generated once into
#                             $DRSUITE_RUN_DIR/secrets/s3.secret, mode 600)
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${DRSUITE_S3_PORT:-19000}"
BUCKET="${DRSUITE_S3_BUCKET:-drsuite-snapshots}"
POM="$DRSUITE_ROOT/deploy/local/s3proxy/pom.xml"
S3_DIR="$DRSUITE_RUN_DIR/s3"
LIB_DIR="$S3_DIR/lib"
LIB_MARKER="$LIB_DIR/.complete"
DATA_DIR="$S3_DIR/data"
CONFIG="$S3_DIR/s3proxy.conf"
PID_FILE="$S3_DIR/s3proxy.pid"
LOG="$DRSUITE_LOG_DIR/s3proxy.log"

ensure_jar() {
  local sum
  sum="$(sha256sum "$POM" | cut -d' ' -f1)"
  if [[ -f "$LIB_MARKER" && "$(cat "$LIB_MARKER")" == "$sum" ]]; then
    return 0
  fi
  info "copying the S3Proxy jar from Maven into $LIB_DIR"
  rm -rf "$LIB_DIR"
  mkdir -p "$LIB_DIR"
  JAVA_HOME="$(drsuite_java_home)" "$DRSUITE_ROOT/mvnw" -q -B -f "$POM" \
    dependency:copy-dependencies -DexcludeTransitive=true -DoutputDirectory="$LIB_DIR" ||
    die "could not copy the S3Proxy jar with Maven"
  echo "$sum" >"$LIB_MARKER"
}

# Rewritten on every start (mode 600: it holds the secret key).
write_config() {
  (umask 077 && cat >"$CONFIG" <<CONF
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$(drsuite_s3_access_key)
s3proxy.credential=$(drsuite_s3_secret_key)
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$DATA_DIR
CONF
  )
}

running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || return 1
  drsuite_pid_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "--properties $CONFIG" || return 1
  printf '%s\n' "$pid"
}

cmd_start() {
  local pid
  if pid="$(running_pid)"; then
    info "S3Proxy already running (pid $pid) on 127.0.0.1:$PORT"
    return 0
  fi
  drsuite_port_in_use "$PORT" && die "port 127.0.0.1:$PORT is already in use by another process"
  drsuite_prepare_run_dir
  # A bucket of the filesystem backend is a folder.
  mkdir -p "$S3_DIR" "$DATA_DIR/$BUCKET"
  ensure_jar
  write_config
  info "starting S3Proxy on 127.0.0.1:$PORT (bucket $BUCKET, log: $LOG)"
  setsid nohup "$(drsuite_java_home)/bin/java" -Xmx192m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
    -jar "$(ls "$LIB_DIR"/s3proxy-*.jar)" --properties "$CONFIG" >>"$LOG" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  drsuite_wait_port 127.0.0.1 "$PORT" 60 || die "S3Proxy not listening on 127.0.0.1:$PORT; see $LOG"
  info "S3Proxy ready (pid $pid): http://127.0.0.1:$PORT"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    info "S3Proxy is not running"
    rm -f "$PID_FILE"
    return 0
  fi
  info "stopping S3Proxy (pid $pid)"
  drsuite_terminate "$pid" S3Proxy
  rm -f "$PID_FILE"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    echo "s3proxy: running (pid $pid) (127.0.0.1:$PORT)"
    return 0
  fi
  echo "s3proxy: stopped (127.0.0.1:$PORT)"
  return 3
}

drsuite_dispatch "$@"
