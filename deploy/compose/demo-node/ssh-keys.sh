#!/usr/bin/env bash
# One-shot set-up of the compose deployment (service ssh-keys), run as root before the services and the demo
# nodes start. It creates once, and leaves alone on later runs:
#   /init/ssh/keys/demo, keys/demo.pub   the suite's SSH client key, named "demo" in a registration's sshKeyRef;
#                                        owned by uid 185 (the services' user), the private key mode 0400
#   /init/<node>-ssh/ssh_host_ed25519_key, .pub
#                                        the host key of each demo node (prod, dr), owned by postgres, whose sshd
#                                        runs as that user
# and writes on every run:
#   /init/ssh/known_hosts                the nodes' host keys under the host names "prod" and "dr", which the suite
#                                        checks strictly (no trust on first use)
#   /init/<node>-ssh/authorized_keys     the client key, the only key the node's sshd admits (for user postgres)
# and makes the snapshot storage /init/snapshots and task-service's WAL staging folder /init/wal-staging writable by
# uid 185.
#
# The volumes are mounted so that the services see only /init/ssh (read-only) and each node only its own
# /init/<node>-ssh (read-only).
set -euo pipefail

SERVICE_UID=185
NODE_USER=postgres
CLIENT_DIR=/init/ssh
SNAPSHOTS_DIR=/init/snapshots
WAL_STAGING_DIR=/init/wal-staging
NODES=(prod dr)

info() { printf '[ssh-keys] %s\n' "$*"; }
die() {
  printf '[ssh-keys] ERROR: %s\n' "$*" >&2
  exit 1
}

# keygen FILE COMMENT: an ed25519 key pair without passphrase at FILE and FILE.pub, unless both exist.
keygen() {
  local file="$1" comment="$2"
  if [[ -s "$file" && -s "$file.pub" ]]; then
    info "keeping $file"
    return 0
  fi
  rm -f "$file" "$file.pub" "$file.tmp" "$file.tmp.pub"
  ssh-keygen -q -t ed25519 -N '' -C "$comment" -f "$file.tmp"
  mv "$file.tmp.pub" "$file.pub"
  mv "$file.tmp" "$file"
  info "created $file"
}

# The key type and base64 of a public key file, without its comment.
public_key() { cut -d ' ' -f 1,2 "$1"; }

# write_file FILE OWNER MODE: standard input to FILE, replaced in one step.
write_file() {
  local file="$1" owner="$2" mode="$3"
  cat >"$file.tmp"
  chown "$owner" "$file.tmp"
  chmod "$mode" "$file.tmp"
  mv "$file.tmp" "$file"
}

client_key() {
  install -d -o root -g root -m 0755 "$CLIENT_DIR"
  install -d -o "$SERVICE_UID" -g 0 -m 0700 "$CLIENT_DIR/keys"
  keygen "$CLIENT_DIR/keys/demo" drsuite-demo
  chown "$SERVICE_UID:0" "$CLIENT_DIR/keys/demo" "$CLIENT_DIR/keys/demo.pub"
  chmod 0400 "$CLIENT_DIR/keys/demo"
  chmod 0444 "$CLIENT_DIR/keys/demo.pub"
}

node_keys() {
  local node dir known_hosts=""
  for node in "${NODES[@]}"; do
    dir="/init/$node-ssh"
    [[ -d "$dir" ]] || die "$dir is not mounted"
    # sshd (StrictModes) wants the folders above authorized_keys writable by root only.
    chown root:root "$dir"
    chmod 0755 "$dir"
    keygen "$dir/ssh_host_ed25519_key" "$node"
    chown "$NODE_USER:$NODE_USER" "$dir/ssh_host_ed25519_key" "$dir/ssh_host_ed25519_key.pub"
    chmod 0600 "$dir/ssh_host_ed25519_key"
    chmod 0644 "$dir/ssh_host_ed25519_key.pub"
    # restrict: commands only, no forwarding, no terminal.
    printf 'restrict %s drsuite-demo\n' "$(public_key "$CLIENT_DIR/keys/demo.pub")" |
      write_file "$dir/authorized_keys" root:root 0644
    known_hosts+="$node $(public_key "$dir/ssh_host_ed25519_key.pub")"$'\n'
  done
  printf '%s' "$known_hosts" | write_file "$CLIENT_DIR/known_hosts" "$SERVICE_UID:0" 0444
  info "wrote $CLIENT_DIR/known_hosts for ${NODES[*]}"
}

snapshot_storage() {
  [[ -d "$SNAPSHOTS_DIR" ]] || die "$SNAPSHOTS_DIR is not mounted"
  chown "$SERVICE_UID:0" "$SNAPSHOTS_DIR"
  chmod 0770 "$SNAPSHOTS_DIR"
  info "snapshot storage writable by uid $SERVICE_UID"
  [[ -d "$WAL_STAGING_DIR" ]] || die "$WAL_STAGING_DIR is not mounted"
  chown "$SERVICE_UID:0" "$WAL_STAGING_DIR"
  chmod 0770 "$WAL_STAGING_DIR"
  info "WAL staging folder writable by uid $SERVICE_UID"
}

[[ "$(id -u)" -eq 0 ]] || die "run this as root (compose.yaml: user: root)"
[[ -d "$CLIENT_DIR" ]] || die "$CLIENT_DIR is not mounted"
client_key
node_keys
snapshot_storage
