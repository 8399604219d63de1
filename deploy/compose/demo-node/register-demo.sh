#!/usr/bin/env bash
# One-shot registration of the demo clusters prod and dr in relationship-service (service register-demo). Each
# cluster is one node reached over SSH as postgres with the key "demo". A cluster that is already registered
# (GET answers 200) is left as it is. The passwords come from the environment and go to curl on its standard
# input, never on a command line.
#
# Environment:
#   DRSUITE_RELATIONSHIP_URL   relationship-service (default http://relationship-service:8081)
#   DEMO_ADMIN_PASSWORD        password of drsuite_admin on the nodes (required)
#   DEMO_REPLICATION_PASSWORD  password of drsuite_repl on the nodes (required)
#   DRSUITE_DEMO_ADMIN_PASSWORD   password of the realm's demo user "admin": registering is an admin's operation
#   DRSUITE_OIDC_TOKEN_URL     Keycloak's token endpoint (default http://keycloak:8180/realms/drsuite/...)
set -euo pipefail

API="${DRSUITE_RELATIONSHIP_URL:-http://relationship-service:8081}/api/v1/clusters"
DATA_DIRECTORY=/var/lib/postgresql/data/pgdata
TOKEN_URL="${DRSUITE_OIDC_TOKEN_URL:-http://keycloak:8180/realms/drsuite/protocol/openid-connect/token}"
RESPONSE="$(mktemp)"
AUTHORIZATION="$(mktemp)"
trap 'rm -f "$RESPONSE" "$AUTHORIZATION"' EXIT

info() { printf '[register-demo] %s\n' "$*"; }
die() {
  printf '[register-demo] ERROR: %s\n' "$*" >&2
  exit 1
}

# A value as a JSON string (values with control characters are refused before).
json_string() {
  local value="$1"
  value="${value//\\/\\\\}"
  value="${value//\"/\\\"}"
  printf '"%s"' "$value"
}

# Signs in as the demo admin (direct grant of drsuite-cli); the header goes to curl as a file, never as an argument.
sign_in() {
  local token
  token="$(printf 'grant_type=password&client_id=drsuite-cli&username=admin&password=%s' \
    "$DRSUITE_DEMO_ADMIN_PASSWORD" | curl -fsS --data-binary @- "$TOKEN_URL" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/')" || die "Keycloak refused the sign-in of the demo admin"
  printf 'Authorization: Bearer %s' "$token" >"$AUTHORIZATION"
}

# register NAME: one cluster with one node, host NAME, port 5432, reached over SSH.
register() {
  local name="$1" status
  status="$(curl -sS -o /dev/null -w '%{http_code}' -H @"$AUTHORIZATION" "$API/$name")"
  case "$status" in
    200)
      info "cluster $name already registered"
      return 0
      ;;
    404) ;;
    *) die "GET $API/$name answered $status" ;;
  esac
  status="$(curl -sS -o "$RESPONSE" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    -H @"$AUTHORIZATION" --data-binary @- "$API" <<JSON
{
  "name": $(json_string "$name"),
  "nodes": [{
    "name": $(json_string "$name-1"),
    "host": $(json_string "$name"),
    "port": 5432,
    "dataDirectory": $(json_string "$DATA_DIRECTORY"),
    "access": {"kind": "ssh", "sshHost": $(json_string "$name"), "sshPort": 22, "sshUser": "postgres",
               "sshKeyRef": "demo"}
  }],
  "adminLogin": {"username": "drsuite_admin", "password": $(json_string "$DEMO_ADMIN_PASSWORD")},
  "replicationLogin": {"username": "drsuite_repl", "password": $(json_string "$DEMO_REPLICATION_PASSWORD")}
}
JSON
  )"
  if [[ "$status" != 201 ]]; then
    # A problem+json naming the node and the reason; it never holds a password.
    cat "$RESPONSE" >&2 || true
    echo >&2
    die "registering $name answered $status"
  fi
  info "cluster $name registered"
}

for variable in DEMO_ADMIN_PASSWORD DEMO_REPLICATION_PASSWORD DRSUITE_DEMO_ADMIN_PASSWORD; do
  [[ -n "${!variable:-}" ]] || die "$variable is not set"
  [[ "${!variable}" != *[[:cntrl:]]* ]] || die "$variable holds a control character"
done
sign_in
register prod
register dr
