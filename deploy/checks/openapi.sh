#!/usr/bin/env bash
# Spectral's OpenAPI ruleset (spectral:oas, .spectral.yaml) over the OpenAPI document of each of the five services, as
# the service serves it: ServiceBasicsContract's publishesOpenApi keeps what GET /q/openapi answered, run-time filters
# included, in <service>/target/openapi/served.json. ./drsuite test runs this after the Maven build; any warning or
# error fails it, and so does a missing document, unless --present-only (for a run narrowed with Maven arguments,
# which may not have started every service).
#
#   deploy/checks/openapi.sh [--present-only]
set -euo pipefail

REPOSITORY="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CHECKS="$REPOSITORY/deploy/checks"
# The five services only: the web console (console/) serves pages, not an API, and has no OpenAPI document.
SERVICES=(relationship-service task-service monitor-service snapshot-service recyclebin-service)
# shellcheck source=deploy/checks/node-packages.sh
source "$CHECKS/node-packages.sh"

present_only=false
[[ "${1:-}" == --present-only ]] && present_only=true

documents=()
missing=()
for service in "${SERVICES[@]}"; do
  document="$REPOSITORY/$service/target/openapi/served.json"
  if [[ -f "$document" ]]; then
    documents+=("$document")
  else
    missing+=("$service")
  fi
done
if [[ ${#missing[@]} -gt 0 ]]; then
  if ! "$present_only"; then
    echo "OpenAPI check: no served document of ${missing[*]} (written by its ServiceBasicsContract test)" >&2
    exit 1
  fi
  echo "OpenAPI check: not run for ${missing[*]} (no served document: its tests did not run)"
fi
[[ ${#documents[@]} -gt 0 ]] || exit 0

ensure_node_packages
if "$CHECKS/node_modules/.bin/spectral" lint --ruleset "$CHECKS/.spectral.yaml" --fail-severity warn \
    --format stylish "${documents[@]}"; then
  echo "OpenAPI check: spectral:oas reports no warning or error on ${#documents[@]} documents"
else
  echo "OpenAPI check: spectral:oas reports the problems above (deploy/checks/.spectral.yaml)" >&2
  exit 1
fi
