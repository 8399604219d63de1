package io.drsuite.clusterclient;

import io.drsuite.clusterclient.config.ClustersConfig;
import io.drsuite.clusterclient.host.HostExecutors;
import io.drsuite.clusterclient.host.PostgresTools;
import io.drsuite.clusterclient.sql.NodeConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place the means to reach a managed cluster are built from {@code drsuite.clusters.*}: SQL connectors with
 * the timeouts of each use, host executors with the suite's SSH key store, and a cluster's PostgreSQL programs.
 * Connectors show {@code drsuite-<application>} in {@code pg_stat_activity}.
 */
@ApplicationScoped
public class ClusterClients {

    private final ClustersConfig config;
    private final String applicationName;

    ClusterClients(ClustersConfig config, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.config = config;
        this.applicationName = "drsuite-" + application;
    }

    /** For long work: the task engine's steps, a snapshot's or a recycle bin's request. */
    public NodeConnector connector() {
        return connector(config.connectTimeout(), config.statementTimeout());
    }

    /** For registration and relationship checks ({@code drsuite.clusters.probe.*}). */
    public NodeConnector probeConnector() {
        return connector(config.probe().connectTimeout(), config.probe().statementTimeout());
    }

    /** For live readings a caller waits on ({@code drsuite.clusters.live-reads.*}). */
    public NodeConnector liveReadConnector() {
        return connector(config.liveReads().connectTimeout(), config.liveReads().statementTimeout());
    }

    /** For the monitor's polls ({@code drsuite.clusters.poll.*}). */
    public NodeConnector pollConnector() {
        return connector(config.poll().connectTimeout(), config.poll().statementTimeout());
    }

    /** Host executors whose SSH connections wait as long as {@link #connector()}'s. */
    public HostExecutors hostExecutors() {
        return hostExecutors(config.connectTimeout());
    }

    /** Host executors whose SSH connections wait as long as {@link #probeConnector()}'s. */
    public HostExecutors probeHostExecutors() {
        return hostExecutors(config.probe().connectTimeout());
    }

    /** The PostgreSQL programs of a cluster of this major version. */
    public PostgresTools tools(int majorVersion) {
        return PostgresTools.forMajorVersion(config.binTemplate(), majorVersion);
    }

    private NodeConnector connector(Duration connect, Duration statement) {
        return new NodeConnector(connect, statement, applicationName);
    }

    private HostExecutors hostExecutors(Duration connect) {
        return new HostExecutors(Path.of(config.sshKeyDirectory()), Path.of(config.sshKnownHosts()), connect);
    }
}
