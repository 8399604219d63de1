package io.drsuite.clusterclient.host;

import io.drsuite.events.cluster.HostAccess;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the executor a node's registered {@link HostAccess} asks for.
 *
 * @param keyDirectory the suite's SSH key store: a folder holding one private key file per {@code sshKeyRef}
 * @param knownHosts the known-hosts file SSH host keys are checked against
 */
public record HostExecutors(Path keyDirectory, Path knownHosts, Duration connectTimeout) {

    public HostExecutor forAccess(HostAccess access) {
        return switch (access.kind()) {
            case LOCAL -> new LocalHostExecutor(access.osUser());
            case SSH -> new SshHostExecutor(new SshHostExecutor.SshTarget(access.sshHost(), access.sshPort(),
                    access.sshUser(), keyDirectory.resolve(access.sshKeyRef()), knownHosts, access.osUser(),
                    connectTimeout));
        };
    }
}
