package io.drsuite.cli.commands.node;

import io.drsuite.cli.CliFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How the suite reaches a node's host for its files ({@code pg_ctl}, {@code pg_basebackup}, {@code pg_rewind}):
 * {@code local} as an OS user on the suite's own host, or {@code ssh} with a key from the suite's key store. The
 * API's {@code access} object.
 */
public final class NodeAccessOptions {

    /** The two ways in. */
    public enum Kind { local, ssh }

    @Option(names = "--access", paramLabel = "KIND", description = "local (the node is on the suite's host) or ssh. "
            + "Default: local")
    Kind kind = Kind.local;

    @Option(names = "--os-user", paramLabel = "USER", description = "local: the OS user owning the data directory. "
            + "Default: postgres")
    String osUser = "postgres";

    @Option(names = "--ssh-host", paramLabel = "HOST", description = "ssh: the host to reach (default: --host)")
    String sshHost;

    @Option(names = "--ssh-port", paramLabel = "PORT", description = "ssh: the port. Default: 22")
    int sshPort = 22;

    @Option(names = "--ssh-user", paramLabel = "USER", description = "ssh: the user. Default: postgres")
    String sshUser = "postgres";

    @Option(names = "--ssh-key", paramLabel = "NAME", description = "ssh: the name of the private key in the "
            + "suite's key store (never a key itself)")
    String sshKeyRef;

    /** The {@code access} object of a node registration. */
    public Map<String, Object> toRequest(String host) {
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("kind", kind.name());
        if (kind == Kind.local) {
            access.put("osUser", osUser);
            return access;
        }
        if (sshKeyRef == null) {
            throw CliFailure.usage("--access ssh needs --ssh-key NAME (a key in the suite's key store)");
        }
        access.put("sshHost", sshHost == null ? host : sshHost);
        access.put("sshPort", sshPort);
        access.put("sshUser", sshUser);
        access.put("sshKeyRef", sshKeyRef);
        return access;
    }
}
