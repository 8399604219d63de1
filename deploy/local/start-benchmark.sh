#!/usr/bin/env bash
# Start-time benchmark of the five services, run by `./drsuite benchmark start` on the test servers (after the build
# that trains each service's AOT cache). Not a test: it measures and reports.
#
# For each service and each way of starting it, RUNS times (default 5), alternating the ways:
#   jvm     java <flags> -jar quarkus-run.jar
#   aot     java <flags> -XX:AOTCache=app.aot -jar quarkus-run.jar        (the cache the integration tests trained)
#   aot-c1  the same with -XX:TieredStopAtLevel=1 (C1 only: less compiling at start, slower peak code)
# it takes the time from process start to /q/health/ready answering UP (polled every 10 ms, so ±10 ms), then makes
# one API request and reads the process's resident memory (VmRSS). <flags> are those ./drsuite run starts the
# services with: -Xmx256m -XX:+UseSerialGC. Prints, and writes to $DRSUITE_RUN_DIR/benchmarks/start-time.md, the
# median, minimum and maximum of each.
#
# `start-benchmark.sh report` prints the table of the last run's samples again.
# Environment: the test servers' ports (set by ./drsuite), JAVA_HOME, RUNS.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

RUNS="${RUNS:-5}"
PORT=18180
SERVICES=(relationship-service task-service monitor-service snapshot-service recyclebin-service)
MODES=(jvm aot aot-c1)
FLAGS=(-Xmx256m -XX:+UseSerialGC)
TEST_SECRETS_KEY="lX2YmFjONkcqZT2JfJkqgkg/sV4mWAv9K+TlJBMXglc="
REPORT_DIR="$DRSUITE_RUN_DIR/benchmarks"
SAMPLES="$REPORT_DIR/start-samples.tsv"

# Service -> an API request its first caller would make.
first_request() {
  case "$1" in
    relationship-service) echo /api/v1/clusters ;;
    task-service) echo /api/v1/tasks ;;
    monitor-service) echo /api/v1/health/clusters ;;
    snapshot-service) echo /api/v1/snapshots ;;
    recyclebin-service) echo /api/v1/recyclebin ;;
  esac
}

# Sets MODE_FLAGS to the JVM options of a way of starting.
set_mode_flags() {
  local app="$1" mode="$2"
  case "$mode" in
    jvm) MODE_FLAGS=() ;;
    aot) MODE_FLAGS=("-XX:AOTCache=$app/app.aot") ;;
    aot-c1) MODE_FLAGS=("-XX:AOTCache=$app/app.aot" -XX:TieredStopAtLevel=1) ;;
  esac
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Starts one service, waits for ready, makes the first request; prints "<ms to ready> <RSS kB>".
measure_once() {
  local service="$1" mode="$2" app="$DRSUITE_ROOT/$1/target/quarkus-app"
  local log="$REPORT_DIR/$service-$mode.log" started ready pid rss
  drsuite_port_in_use "$PORT" && die "port $PORT is taken; the benchmark needs it"
  set_mode_flags "$app" "$mode"
  # The API needs sign-in; a fresh token per start (they live 5 minutes), fetched before the clock starts.
  TOKEN="$(drsuite_access_token viewer)"
  started="$(now_ms)"
  (DRSUITE_SECRETS_KEY="$TEST_SECRETS_KEY" drsuite_exec_service "$app" drsuite_test "$PORT" \
    "${FLAGS[@]}" "${MODE_FLAGS[@]}") >"$log" 2>&1 </dev/null &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null | grep -q '"status": "UP"'; do
    kill -0 "$pid" 2>/dev/null || die "$service ($mode) exited before ready; see $log"
    (($(now_ms) - started < 120000)) || die "$service ($mode) not ready after 120 s; see $log"
    sleep 0.01
  done
  ready="$(now_ms)"
  curl -fs -o /dev/null -H @<(printf 'Authorization: Bearer %s' "$TOKEN") \
    "http://127.0.0.1:$PORT$(first_request "$service")" \
    || die "$service ($mode): the first request failed; see $log"
  rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$((ready - started)) $rss"
}

# Median, minimum and maximum of the numbers on standard input.
summary() {
  sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%s (%s–%s)", m, v[1], v[NR] }'
}

report() {
  local service mode column header="| service |" rule="| --- |"
  for mode in "${MODES[@]}"; do
    header+=" $mode: ms to ready | $mode: MB resident |"
    rule+=" --- | --- |"
  done
  echo "$header"
  echo "$rule"
  for service in "${SERVICES[@]}"; do
    printf '| %s |' "$service"
    for mode in "${MODES[@]}"; do
      column="$(awk -v s="$service" -v m="$mode" '$1 == s && $2 == m { print $3 }' "$SAMPLES" | summary)"
      printf ' %s |' "$column"
      column="$(awk -v s="$service" -v m="$mode" '$1 == s && $2 == m { printf "%d\n", $4 / 1024 }' "$SAMPLES" \
        | summary)"
      printf ' %s |' "$column"
    done
    echo
  done
}

write_report() {
  {
    echo "Start to /q/health/ready = UP, and resident memory after the first request: median (min–max) of $RUNS"
    echo "runs each, $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p), flags ${FLAGS[*]}."
    echo
    report
  } | tee "$REPORT_DIR/start-time.md"
}

main() {
  local service mode run ready_ms rss_kb
  if [[ "${1:-}" == report ]]; then
    write_report
    return
  fi
  mkdir -p "$REPORT_DIR"
  : >"$SAMPLES"
  for service in "${SERVICES[@]}"; do
    [[ -f "$DRSUITE_ROOT/$service/target/quarkus-app/app.aot" ]] \
      || die "$service has no AOT cache; build it with its integration tests first (./drsuite benchmark start does)"
    # One start to warm the page cache and the database schemas; not counted.
    measure_once "$service" jvm >/dev/null
    for ((run = 1; run <= RUNS; run++)); do
      for mode in "${MODES[@]}"; do
        read -r ready_ms rss_kb <<<"$(measure_once "$service" "$mode")"
        [[ -n "$rss_kb" ]] || die "$service ($mode) was not measured"
        info "$service $mode run $run: $ready_ms ms to ready, $((rss_kb / 1024)) MB resident"
        printf '%s\t%s\t%s\t%s\n' "$service" "$mode" "$ready_ms" "$rss_kb" >>"$SAMPLES"
      done
    done
  done
  write_report
}

main "$@"
