package io.drsuite.clusterclient.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How every service reaches managed clusters ({@code drsuite.clusters.*}): SQL timeouts, the PostgreSQL programs on
 * a node's host and the SSH key store. The top-level timeouts are for long work (the task engine's steps, a snapshot's
 * or a recycle bin's request); the named groups are the uses that must answer sooner, each with its own defaults.
 */
@ConfigMapping(prefix = "drsuite.clusters")
public interface ClustersConfig {

    /** Longest wait for a node to accept a connection and a login (an SSH connection too). */
    @WithDefault("3s")
    Duration connectTimeout();

    /** Longest a statement may run on a node. */
    @WithDefault("30s")
    Duration statementTimeout();

    /** relationship-service's registration and relationship checks, and the lag read before a switchover. */
    Probe probe();

    /** relationship-service's live lag readings for queries and before an automatic failover. */
    LiveReads liveReads();

    /** monitor-service's polls of every node: a dead node costs at most the connect timeout per poll. */
    Poll poll();

    /** Where a node's PostgreSQL programs are; {major} is replaced by the cluster's major version. */
    @WithDefault("/usr/lib/postgresql/{major}/bin")
    String binTemplate();

    /** The SSH key store: one private key file per sshKeyRef. */
    @WithDefault("/etc/drsuite/ssh/keys")
    String sshKeyDirectory();

    /** Known-hosts file SSH host keys are checked against. */
    @WithDefault("/etc/drsuite/ssh/known_hosts")
    String sshKnownHosts();

    interface Probe {

        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration statementTimeout();
    }

    interface LiveReads {

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("2s")
        Duration statementTimeout();
    }

    interface Poll {

        @WithDefault("1s")
        Duration connectTimeout();

        @WithDefault("2s")
        Duration statementTimeout();
    }
}
