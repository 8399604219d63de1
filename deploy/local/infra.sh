#!/usr/bin/env bash
# Convenience wrapper: the control-plane database, Kafka, the S3-compatible
# server and the identity provider (Keycloak) together (the demo clusters are
# separate: demo-clusters.sh).
#
# Usage: infra.sh start|stop|status
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

case "${1:-}" in
  start)
    "$HERE/control-plane-db.sh" start
    "$HERE/kafka.sh" start
    "$HERE/s3.sh" start
    "$HERE/keycloak.sh" start
    ;;
  stop)
    # Stop all of them even if one fails.
    rc=0
    "$HERE/keycloak.sh" stop || rc=$?
    "$HERE/s3.sh" stop || rc=$?
    "$HERE/kafka.sh" stop || rc=$?
    "$HERE/control-plane-db.sh" stop || rc=$?
    exit "$rc"
    ;;
  status)
    rc=0
    "$HERE/control-plane-db.sh" status || rc=3
    "$HERE/kafka.sh" status || rc=3
    "$HERE/s3.sh" status || rc=3
    "$HERE/keycloak.sh" status || rc=3
    exit "$rc"
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
