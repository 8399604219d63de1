package io.drsuite.task.dr;

import java.time.Duration;
import java.util.List;

/**
 * A node's own configuration files: every {@code *.conf} at the top of its data directory ({@code postgresql.conf},
 * {@code pg_hba.conf}, {@code pg_ident.conf}, {@code postgresql.auto.conf} and files they include). A copy of
 * another server's data directory brings that server's, which name its port and addresses.
 */
public final class ConfigurationFiles {

    private ConfigurationFiles() {
    }

    /** Names of the {@code *.conf} files at the top of a folder on the node's host. */
    public static List<String> list(ManagedNode node, String folder) {
        String listing = node.executor().run(List.of("find", folder, "-maxdepth", "1", "-type", "f", "-name",
                "*.conf", "-printf", "%f\n"), Duration.ofSeconds(30)).orThrow().stdout();
        return listing.lines().filter(name -> !name.isBlank()).toList();
    }
}
