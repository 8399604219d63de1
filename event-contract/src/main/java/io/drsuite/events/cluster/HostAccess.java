package io.drsuite.events.cluster;

import static io.drsuite.events.Require.present;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How the suite reaches a node's host for file-level work ({@code pg_ctl}, {@code pg_basebackup}, {@code pg_rewind}).
 *
 * @param kind local (same host, run as {@code osUser}) or ssh
 * @param osUser the OS user owning the data directory
 * @param sshHost SSH host, for kind ssh
 * @param sshPort SSH port, for kind ssh
 * @param sshUser SSH login, for kind ssh
 * @param sshKeyRef name of the private key in the suite's key store (a reference, never the key itself)
 */
@RegisterForReflection
public record HostAccess(HostAccessKind kind, String osUser, String sshHost, Integer sshPort, String sshUser,
        String sshKeyRef) {

    public HostAccess {
        present(kind, "access.kind");
    }
}
