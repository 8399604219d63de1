#!/usr/bin/env bash
# How fast drctl starts: the median wall time (launch to exit, so an upper bound of the time to its first output) of
# N runs (default 10) of `drctl --help` and `drctl query`, each with the JDK AOT cache and without it (DRCTL_AOT=off).
# `drctl query` runs as your environment has it: signed in (drctl login) against a running suite measures a real
# answer; otherwise it measures the failure it reports, and the exit code printed says which (0 answered, 4 not
# signed in, 5 suite unreachable).
#   cli/src/bench/startup.sh [RUNS]          after ./mvnw -pl cli package
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
DRCTL="$ROOT/cli/target/drctl/bin/drctl"
RUNS="${1:-10}"
[[ -x "$DRCTL" ]] || { echo "no $DRCTL: build it first (./mvnw -pl cli package)" >&2; exit 2; }

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# measure LABEL AOT(on|off) ARGS...: prints the label, the median in ms, the fastest and slowest, the exit code
measure() {
  local label="$1" aot="$2" times code=0 start end
  shift 2
  times="$(mktemp)"
  DRCTL_AOT="$aot" "$DRCTL" "$@" >/dev/null 2>&1 || true   # warm the file cache
  for _ in $(seq "$RUNS"); do
    start="$(date +%s%N)"
    DRCTL_AOT="$aot" "$DRCTL" "$@" >/dev/null 2>&1 && code=0 || code=$?
    end="$(date +%s%N)"
    echo $(((end - start) / 1000000)) >>"$times"
  done
  printf '%-28s median %5s ms   (min %s, max %s; exit %s)\n' "$label" "$(median <"$times")" \
    "$(sort -n "$times" | head -1)" "$(sort -n "$times" | tail -1)" "$code"
  rm -f "$times"
}

[[ -r "$ROOT/cli/target/drctl/drctl.aot" ]] || echo "(no AOT cache at cli/target/drctl/drctl.aot: needs a JDK 25)"
echo "drctl start time, $RUNS runs each, on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg))"
measure "drctl --help  (AOT cache)" on --help
measure "drctl --help  (no cache)" off --help
measure "drctl query   (AOT cache)" on query
measure "drctl query   (no cache)" off query
