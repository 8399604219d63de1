package io.drsuite.task.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the service reaches managed clusters ({@code drsuite.clusters.*}). */
@ConfigMapping(prefix = "drsuite.clusters")
public interface ClusterAccessConfig {

    @WithDefault("3s")
    Duration connectTimeout();

    @WithDefault("30s")
    Duration statementTimeout();

    /** How long a task waits for the registration of a cluster it names to reach this service's catalog. */
    @WithDefault("30s")
    Duration catalogWait();

    /** Where a node's PostgreSQL programs are; {major} is replaced by the cluster's major version. */
    @WithDefault("/usr/lib/postgresql/{major}/bin")
    String binTemplate();

    /** The SSH key store: one private key file per sshKeyRef. */
    @WithDefault("/etc/drsuite/ssh/keys")
    String sshKeyDirectory();

    /** Known-hosts file SSH host keys are checked against. */
    @WithDefault("/etc/drsuite/ssh/known_hosts")
    String sshKnownHosts();
}
