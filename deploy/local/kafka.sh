#!/usr/bin/env bash
# Single-node Apache Kafka (KRaft, combined broker+controller) on 127.0.0.1,
# run from the Maven Central jars listed in deploy/local/kafka/pom.xml.
#
# Usage: kafka.sh start|stop|status
#   DRSUITE_KAFKA_PORT             broker port (default 19092)
#   DRSUITE_KAFKA_CONTROLLER_PORT  controller port (default 19093)
#   DRSUITE_KAFKA_START_TIMEOUT    seconds to wait for readiness (default 120)
#   DRSUITE_KAFKA_NAME             which broker of the run directory (default kafka): a second one, as the test
#                                  command runs for its second lane, keeps its data, settings and log under its own
#                                  name; the jars are shared
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${DRSUITE_KAFKA_PORT:-19092}"
CONTROLLER_PORT="${DRSUITE_KAFKA_CONTROLLER_PORT:-19093}"
START_TIMEOUT="${DRSUITE_KAFKA_START_TIMEOUT:-120}"
POM="$DRSUITE_ROOT/deploy/local/kafka/pom.xml"
NAME="${DRSUITE_KAFKA_NAME:-kafka}"
[[ "$NAME" =~ ^[a-z][a-z0-9-]*$ ]] || die "DRSUITE_KAFKA_NAME must be lowercase letters, digits and '-'"
KAFKA_DIR="$DRSUITE_RUN_DIR/$NAME"
LIB_DIR="$DRSUITE_RUN_DIR/kafka/lib"
LIB_MARKER="$LIB_DIR/.complete"
DATA_DIR="$KAFKA_DIR/data"
CONFIG="$KAFKA_DIR/server.properties"
CLUSTER_ID_FILE="$KAFKA_DIR/cluster.id"
PID_FILE="$KAFKA_DIR/kafka.pid"
LOG="$DRSUITE_LOG_DIR/$NAME.log"

java_bin() {
  local home
  home="$(drsuite_java_home)"
  printf '%s\n' "$home/bin/java"
}

# Copies the jars once. The marker holds the pom's checksum, so editing the
# pom (e.g. another Kafka version) triggers a fresh copy.
ensure_jars() {
  local sum
  sum="$(sha256sum "$POM" | cut -d' ' -f1)"
  if [[ -f "$LIB_MARKER" && "$(cat "$LIB_MARKER")" == "$sum" ]]; then
    return 0
  fi
  info "copying Kafka jars from Maven into $LIB_DIR"
  rm -rf "$LIB_DIR"
  mkdir -p "$LIB_DIR"
  local java_home
  java_home="$(drsuite_java_home)"
  JAVA_HOME="$java_home" "$DRSUITE_ROOT/mvnw" -q -B -f "$POM" \
    dependency:copy-dependencies -DoutputDirectory="$LIB_DIR" ||
    die "could not copy the Kafka jars with Maven"
  echo "$sum" >"$LIB_MARKER"
}

# Rewritten on every start so that changed ports apply.
write_config() {
  cat >"$CONFIG" <<EOF
# Written by deploy/local/kafka.sh on every start; local edits are lost.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA_DIR
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
# A single broker: every internal topic has one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# After a crash the restarted broker cannot register until the controller
# expires its previous session (default 9 s); shorter for a local broker.
broker.heartbeat.interval.ms=1000
broker.session.timeout.ms=4000
EOF
}

# Formats the log directory once; the cluster id is kept so that a wiped
# data directory can be formatted again with the same id.
format_storage() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  local java cluster_id
  java="$(java_bin)"
  if [[ ! -s "$CLUSTER_ID_FILE" ]]; then
    "$java" -cp "$LIB_DIR/*" kafka.tools.StorageTool random-uuid 2>>"$LOG" |
      tail -n1 >"$CLUSTER_ID_FILE"
  fi
  cluster_id="$(cat "$CLUSTER_ID_FILE")"
  [[ -n "$cluster_id" ]] || die "could not generate a Kafka cluster id"
  info "formatting $DATA_DIR (cluster id $cluster_id)"
  "$java" -cp "$LIB_DIR/*" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$CONFIG" >>"$LOG" 2>&1 ||
    die "kafka storage format failed; see $LOG"
}

# Topics get 3 partitions when first used (num.partitions), but replicas of monitor- and recyclebin-service divide
# the clusters by the partitions of drsuite.clusters, so that one has 12 from the start: an even split for up to
# 3 or 4 replicas. More partitions on every topic slowed every Kafka-using test class.
ensure_cluster_topic() {
  "$(java_bin)" -cp "$LIB_DIR/*" "$DRSUITE_ROOT/deploy/local/kafka/EnsureTopic.java" \
    "127.0.0.1:$PORT" drsuite.clusters 12 >>"$LOG" 2>&1 ||
    die "could not give drsuite.clusters its 12 partitions; see $LOG"
}

# Prints the pid of our running Kafka, if any. The pid file alone is not
# trusted: after a crash the pid may be reused by an unrelated process.
running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || return 1
  drsuite_pid_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "kafka.Kafka $CONFIG" ||
    return 1
  printf '%s\n' "$pid"
}

# Kafka logs a lot at INFO: keep one previous log once it passes 50 MB.
rotate_log() {
  if [[ -f "$LOG" ]] && (($(stat -c %s "$LOG") > 50 * 1024 * 1024)); then
    mv -f "$LOG" "$LOG.1"
  fi
  touch "$LOG"
}

# Waits until the broker port accepts connections and the log, from byte
# offset $2 on (this start only), reports the server as started.
wait_ready() {
  local pid="$1" offset="$2" deadline=$((SECONDS + START_TIMEOUT))
  until tail -c +"$((offset + 1))" "$LOG" | grep -q 'Kafka Server started'; do
    drsuite_pid_alive "$pid" || die "Kafka exited during start; see $LOG"
    ((SECONDS < deadline)) || die "Kafka not ready after ${START_TIMEOUT}s; see $LOG"
    sleep 0.2
  done
  drsuite_wait_port 127.0.0.1 "$PORT" 10 ||
    die "Kafka logged a start but 127.0.0.1:$PORT refuses connections"
}

cmd_start() {
  local pid java offset port
  if pid="$(running_pid)"; then
    info "Kafka already running (pid $pid) on 127.0.0.1:$PORT"
    return 0
  fi
  # After a crash, let the old process vanish so that it frees the ports.
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ -z "$pid" ]] || drsuite_wait_pid_gone "$pid" 20 || true
  for port in "$PORT" "$CONTROLLER_PORT"; do
    if drsuite_port_in_use "$port"; then
      die "port 127.0.0.1:$port is already in use by another process"
    fi
  done
  drsuite_prepare_run_dir
  mkdir -p "$KAFKA_DIR" "$DATA_DIR" "$LIB_DIR"
  rotate_log
  ensure_jars
  write_config
  format_storage
  java="$(java_bin)"
  offset="$(stat -c %s "$LOG")"

  info "starting Kafka on 127.0.0.1:$PORT (log: $LOG)"
  # setsid+nohup detach Kafka from this shell's session and process group.
  setsid nohup "$java" -Xms256m -Xmx512m -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true \
    -Dorg.slf4j.simpleLogger.showDateTime=true \
    -Dorg.slf4j.simpleLogger.dateTimeFormat="yyyy-MM-dd HH:mm:ss.SSS" \
    -cp "$LIB_DIR/*" kafka.Kafka "$CONFIG" >>"$LOG" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  wait_ready "$pid" "$offset"
  ensure_cluster_topic
  info "Kafka ready (pid $pid): bootstrap 127.0.0.1:$PORT"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    info "Kafka is not running"
    rm -f "$PID_FILE"
    return 0
  fi
  info "stopping Kafka (pid $pid)"
  drsuite_terminate "$pid" Kafka
  rm -f "$PID_FILE"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    echo "$NAME: running (pid $pid) (127.0.0.1:$PORT)"
    return 0
  fi
  echo "$NAME: stopped (127.0.0.1:$PORT)"
  return 3
}

drsuite_dispatch "$@"
