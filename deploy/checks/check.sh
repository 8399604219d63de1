#!/usr/bin/env bash
# Deploy checks of DR Suite, run by ./drsuite test before the Java tests so that a broken Dockerfile, compose file or
# Kubernetes manifest fails the build:
#   1. yamllint (.yamllint.yaml at the repository root) over deploy/;
#   2. kubectl kustomize, with no warnings, of deploy/kubernetes/base, of every deploy/kubernetes/overlays/*, of the
#      production overlay with each deploy/kubernetes/components/* (rendered as production+<component>; no overlay
#      uses them) and of deploy/kubernetes/infrastructure-policies (applied on its own);
#   3. check-self-test.mjs: check.mjs catches the broken inputs it is fed, so it cannot pass everything;
#   4. check.mjs over the Dockerfiles, deploy/compose/compose.yaml and the renderings of step 2;
#   5. links-self-test.mjs, then links.mjs: every relative link and #anchor in the Markdown files resolves.
# Installs what is missing: yamllint from apt (as root), the npm packages of deploy/checks from its package-lock.json.
# Needs kubectl with kustomize v5. Prints one line per check and a summary; exits 1 when any check fails.
#
#   deploy/checks/check.sh
set -euo pipefail

REPOSITORY="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CHECKS="$REPOSITORY/deploy/checks"
KUBERNETES="$REPOSITORY/deploy/kubernetes"
cd "$REPOSITORY"

passed=0
failed=0
pass() { printf 'ok    %s\n' "$1"; passed=$((passed + 1)); }
fail() { printf 'FAIL  %s\n' "$1"; failed=$((failed + 1)); }
die() { printf 'deploy checks: %s\n' "$*" >&2; exit 1; }

ensure_yamllint() {
  command -v yamllint >/dev/null && return 0
  [[ "$(id -u)" -eq 0 ]] \
    || die "yamllint is missing, and only root can install it here: apt-get install yamllint (or pipx install yamllint)"
  echo "deploy checks: installing yamllint (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq yamllint >/dev/null
  command -v yamllint >/dev/null || die "yamllint is still missing after apt-get install yamllint"
}

# shellcheck source=deploy/checks/node-packages.sh
source "$CHECKS/node-packages.sh"

require_kubectl() {
  command -v kubectl >/dev/null \
    || die "kubectl is missing: the manifests are rendered with kubectl kustomize (kubectl 1.27 or later: kustomize v5)"
  local version
  version="$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\{0,1\}\([0-9]*\).*/\1/p')"
  [[ -n "$version" && "$version" -ge 5 ]] \
    || die "kubectl has no kustomize v5 (its Kustomize Version: ${version:-none}); kubectl 1.27 or later has it"
}

lint_yaml() {
  local output
  if output="$(yamllint --strict -f parsable -c "$REPOSITORY/.yamllint.yaml" deploy/ 2>&1)"; then
    pass "yamllint deploy/"
  else
    printf '%s\n' "$output"
    fail "yamllint deploy/"
  fi
}

# Renders one kustomization to $RENDERED/<name>.yaml; check.mjs names the rendering after the file.
render() {
  local directory="$1" name="$2" description="${3:-${1#"$REPOSITORY"/}}"
  local command=(kubectl kustomize "$directory")
  local output="$RENDERED/$name.yaml" errors="$RENDERED/$name.err"
  if ! "${command[@]}" >"$output" 2>"$errors"; then
    cat "$errors"
    fail "kubectl kustomize $description"
    return 0
  fi
  if grep -qi 'warning' "$errors"; then
    cat "$errors"
    fail "kubectl kustomize $description: warnings (fix the kustomization)"
    return 0
  fi
  pass "kubectl kustomize $description"
  RENDERINGS+=("$output")
}

# Renders a component on top of the production overlay, through a kustomization written under $RENDERED (kustomize
# refuses absolute paths in one, hence the relative ones).
render_component() {
  local component="$1" name directory
  name="$(basename "$component")"
  directory="$RENDERED/production+$name.kustomization"
  mkdir -p "$directory"
  cat >"$directory/kustomization.yaml" <<EOF
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - $(realpath --relative-to="$directory" "$KUBERNETES/overlays/production")
components:
  - $(realpath --relative-to="$directory" "$component")
EOF
  render "$directory" "production+$name" "deploy/kubernetes/overlays/production with components/$name"
}

render_manifests() {
  if [[ ! -d "$KUBERNETES/base" ]]; then
    fail "deploy/kubernetes/base: missing"
    return 0
  fi
  render "$KUBERNETES/base" base
  local overlay
  for overlay in "$KUBERNETES"/overlays/*/; do
    [[ -d "$overlay" ]] || continue
    render "${overlay%/}" "$(basename "$overlay")"
  done
  [[ -d "$KUBERNETES/overlays/production" ]] || fail "deploy/kubernetes/overlays/production: missing"
  local component
  for component in "$KUBERNETES"/components/*/; do
    [[ -d "$component" && -d "$KUBERNETES/overlays/production" ]] || continue
    render_component "${component%/}"
  done
  if [[ -d "$KUBERNETES/infrastructure-policies" ]]; then
    render "$KUBERNETES/infrastructure-policies" infrastructure-policies
  fi
}

# Runs one Node script of deploy/checks, echoes its lines and adds the checks it counted (its last line:
# "# counts PASSED FAILED").
run_checker() {
  local description="$1" script="$2"
  shift 2
  local output status=0 counted_failures=0
  output="$(node "$CHECKS/$script" --no-summary "$@" 2>&1)" || status=$?
  grep -v '^# counts ' <<<"$output" || true
  if [[ "$(grep '^# counts ' <<<"$output" | tail -n 1 || true)" =~ ^#\ counts\ ([0-9]+)\ ([0-9]+)$ ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    counted_failures=${BASH_REMATCH[2]}
    failed=$((failed + counted_failures))
  fi
  if [[ "$status" -ne 0 && "$counted_failures" -eq 0 ]]; then
    fail "$description: $script exited with $status"
  fi
}

ensure_yamllint
ensure_node_packages
require_kubectl

RENDERED="$(mktemp -d)"
trap 'rm -rf -- "$RENDERED"' EXIT
RENDERINGS=()

lint_yaml
render_manifests
run_checker "self-test" check-self-test.mjs
run_checker "checks" check.mjs "${RENDERINGS[@]}"
run_checker "links self-test" links-self-test.mjs
run_checker "links" links.mjs

printf 'deploy checks: %d passed, %d failed\n' "$passed" "$failed"
[[ "$failed" -eq 0 ]]
