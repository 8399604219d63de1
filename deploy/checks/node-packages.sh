# The npm packages of deploy/checks (its package-lock.json), installed when missing or when the lock changed; sourced
# by check.sh and openapi.sh. npm ci writes node_modules/.package-lock.json, older than package-lock.json when the lock
# changed since.
ensure_node_packages() {
  local checks
  checks="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "deploy checks: node and npm are needed (Node.js 20.17 or later)" >&2
    exit 1
  fi
  local installed="$checks/node_modules/.package-lock.json"
  if [[ ! -f "$installed" || "$checks/package-lock.json" -nt "$installed" ]]; then
    echo "deploy checks: installing the npm packages of deploy/checks (npm ci)"
    npm ci --prefix "$checks" --no-audit --no-fund --loglevel=error >/dev/null
  fi
}
