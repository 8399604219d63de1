#!/usr/bin/env bash
# Registers the demo clusters (prod with its standby prod-2, and dr, from demo-clusters.sh) in relationship-service,
# once, and the sandbox "local" where drills make their throwaway copies (ports 15440-15449 unless
# DRSUITE_DEMO_SANDBOX_PORT_FROM / _TO say otherwise).
# Passwords are read from $DRSUITE_RUN_DIR/secrets/demo-clusters.env and sent on curl's standard input, never
# on a command line.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

API="${DRSUITE_RELATIONSHIP_URL:-http://127.0.0.1:8081}/api/v1/clusters"
SANDBOXES="${DRSUITE_RELATIONSHIP_URL:-http://127.0.0.1:8081}/api/v1/sandboxes"
SECRETS="$DRSUITE_RUN_DIR/secrets/demo-clusters.env"

secret() { sed -n "s/^$1=//p" "$SECRETS"; }

# Escapes a value for a JSON string.
json_string() {
  local value="$1"
  value="${value//\\/\\\\}"
  value="${value//\"/\\\"}"
  printf '"%s"' "$value"
}

os_user() { if drsuite_is_root; then printf '%s' "$DRSUITE_PG_USER"; else id -un; fi; }

# One node's entry: name, port, data directory.
node_json() {
  cat <<JSON
{"name": $(json_string "$1"), "host": "127.0.0.1", "port": $2, "dataDirectory": $(json_string "$3"),
 "access": {"kind": "local", "osUser": $(json_string "$(os_user)")}}
JSON
}

# register NAME NODE_JSON...
register() {
  local name="$1"
  shift
  local status token nodes
  nodes="$(IFS=,; printf '%s' "$*")"
  # Registering a cluster is an admin's operation: as the demo admin. The token reaches curl as a header file.
  token="$(drsuite_access_token admin)"
  status="$(curl -s -o /dev/null -w '%{http_code}' -H @<(printf 'Authorization: Bearer %s' "$token") "$API/$name")"
  if [[ "$status" == 200 ]]; then
    info "cluster $name already registered"
    return 0
  fi
  cat <<JSON | curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
    -H @<(printf 'Authorization: Bearer %s' "$token") --data-binary @- "$API" ||
{
  "name": $(json_string "$name"),
  "nodes": [$nodes],
  "adminLogin": {"username": "drsuite_admin", "password": $(json_string "$(secret DEMO_ADMIN_PASSWORD)")},
  "replicationLogin": {"username": "drsuite_repl", "password": $(json_string "$(secret DEMO_REPLICATION_PASSWORD)")}
}
JSON
    die "registering $name failed; see $DRSUITE_LOG_DIR/relationship-service.log"
  info "cluster $name registered"
}

[[ -r "$SECRETS" ]] || die "$SECRETS is missing: start the demo clusters first (demo-clusters.sh start)"
register prod "$(node_json prod-1 "${DRSUITE_DEMO_PROD_PORT:-15433}" "$DRSUITE_RUN_DIR/demo/prod")" \
  "$(node_json prod-2 "${DRSUITE_DEMO_PROD2_PORT:-15435}" "$DRSUITE_RUN_DIR/demo/prod-2")"
register dr "$(node_json dr-1 "${DRSUITE_DEMO_DR_PORT:-15434}" "$DRSUITE_RUN_DIR/demo/dr")"

# register_sandbox NAME DATA_ROOT PORT_FROM PORT_TO
register_sandbox() {
  local token status
  token="$(drsuite_access_token admin)"
  status="$(curl -s -o /dev/null -w '%{http_code}' -H @<(printf 'Authorization: Bearer %s' "$token") \
    "$SANDBOXES/$1")"
  if [[ "$status" == 200 ]]; then
    info "sandbox $1 already registered"
    return 0
  fi
  cat <<JSON | curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
    -H @<(printf 'Authorization: Bearer %s' "$token") --data-binary @- "$SANDBOXES" ||
{"name": $(json_string "$1"), "host": "127.0.0.1", "access": {"kind": "local", "osUser": $(json_string "$(os_user)")},
 "dataRoot": $(json_string "$2"), "portFrom": $3, "portTo": $4}
JSON
    die "registering sandbox $1 failed; see $DRSUITE_LOG_DIR/relationship-service.log"
  info "sandbox $1 registered: drills copy into $2, ports $3-$4"
}

register_sandbox local "$DRSUITE_RUN_DIR/demo/sandbox" "${DRSUITE_DEMO_SANDBOX_PORT_FROM:-15440}" \
  "${DRSUITE_DEMO_SANDBOX_PORT_TO:-15449}"
