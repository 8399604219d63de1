package io.drsuite.platform.node;

import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.platform.validation.Names;
import io.drsuite.platform.validation.NetworkHost;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * How to reach a node's host for file operations: {@code local} needs the OS user owning the data directory,
 * {@code ssh} needs host, port, user and the name of a private key in the suite's key store.
 */
public record HostAccessRegistration(
        @NotNull HostAccessKind kind,
        @Pattern(regexp = Names.OS_USER, message = Names.OS_USER_RULE) String osUser,
        @NetworkHost String sshHost,
        @Min(1) @Max(65535) Integer sshPort,
        @Pattern(regexp = Names.OS_USER, message = Names.OS_USER_RULE) String sshUser,
        @Pattern(regexp = Names.KEY_REF, message = "must be a key name: letters, digits, '.', '_' or '-'")
        String sshKeyRef) {

    @AssertTrue(message = "local access needs osUser; ssh access needs sshHost, sshPort, sshUser and sshKeyRef")
    public boolean isComplete() {
        if (kind == null) {
            return true;
        }
        return switch (kind) {
            case LOCAL -> osUser != null;
            case SSH -> sshHost != null && sshPort != null && sshUser != null && sshKeyRef != null;
        };
    }

    public HostAccess hostAccess() {
        return new HostAccess(kind, osUser, sshHost, sshPort, sshUser, sshKeyRef);
    }
}
