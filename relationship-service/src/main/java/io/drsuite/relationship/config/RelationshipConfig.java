package io.drsuite.relationship.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * relationship-service settings.
 */
@ConfigMapping(prefix = "drsuite.relationship")
public interface RelationshipConfig {

    /** How registration and relationship checks probe a node. */
    Probe probe();

    /** How the service reaches a node's host to check it can do file operations there. */
    Hosts hosts();

    /** Timeout of a relationship's operations when the request names none ({@code gs_ddr --time-out}). */
    @WithDefault("1200")
    int defaultTimeoutSeconds();

    /** Most WAL bytes the DR side may lag behind for a switchover to start. */
    @WithDefault("16777216")
    long switchoverMaxLagBytes();

    /** How queries and the check before an automatic failover read the managed clusters live. */
    LiveReads liveReads();

    /**
     * Oldest automatic failover request (monitor-service's {@code FailoverRequested}) still acted on; an older one
     * (replayed, or held back while Kafka was down) is refused.
     */
    @WithDefault("60s")
    Duration failoverRequestMaxAge();

    interface LiveReads {

        /** Longest wait for a managed node to accept a connection and a login. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest wait for a query on a managed node. */
        @WithDefault("2s")
        Duration queryTimeout();

        /** Longest a relationship query waits for its lag reading; after it the lag is shown as unknown. */
        @WithDefault("3s")
        Duration answerWithin();

        /** Most lag readings at once (and as many more waiting); further queries show the lag as unknown. */
        @WithDefault("4")
        int concurrency();
    }

    interface Probe {

        /** Longest wait for a node to accept a connection. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest wait for a status query on a node. */
        @WithDefault("10s")
        Duration queryTimeout();
    }

    interface Hosts {

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
}
