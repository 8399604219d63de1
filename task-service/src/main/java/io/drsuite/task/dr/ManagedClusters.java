package io.drsuite.task.dr;

import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.ClusterClients;
import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.host.HostExecutors;
import io.drsuite.clusterclient.host.PostgresTools;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.SealedLogin;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.task.config.TaskConfig;
import io.drsuite.task.engine.TaskLease;
import jakarta.enterprise.context.ApplicationScoped;
import io.drsuite.events.task.ClusterTasks;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;

/** Loads registered clusters from this service's catalog and opens their sealed logins. */
@ApplicationScoped
public class ManagedClusters {

    private final ClusterCatalog catalog;
    private final SecretSealer sealer;
    private final TaskConfig config;
    private final ClusterClients clients;
    private final HostExecutors executors;
    private final NodeConnector connector;

    ManagedClusters(ClusterCatalog catalog, SecretSealer sealer, TaskConfig config, ClusterClients clients) {
        this.catalog = catalog;
        this.sealer = sealer;
        this.config = config;
        this.clients = clients;
        this.executors = clients.hostExecutors();
        this.connector = clients.connector();
    }

    /**
     * The cluster as the catalog knows it. Registry events and task requests travel on different topics, so a task
     * may arrive before the registration of its cluster: wait a little for it before giving up.
     */
    public ManagedCluster load(String name) {
        return managed(awaitRegistration(name));
    }

    /**
     * The cluster with every node the task names ({@code nodes}) and, when the task names it
     * ({@link ClusterTasks#mainNodeParameter}), the main node the requester saw; waits a little for the catalog to
     * catch up with registry changes that travelled separately from the request.
     */
    public ManagedCluster load(String name, Map<String, String> parameters, Collection<String> nodes) {
        Optional<String> main = Optional.ofNullable(parameters.get(ClusterTasks.mainNodeParameter(name)));
        KnownCluster cluster = catalog.awaitCluster(name, known -> knows(known, main, nodes), config.catalogWait())
                .orElseThrow(() -> notRegistered(name));
        if (!knows(cluster, main, nodes)) {
            throw new IllegalStateException("task-service's view of cluster " + name + " has not caught up with the "
                    + "request within " + config.catalogWait().toSeconds() + " s: it has main node "
                    + cluster.mainNode().name() + " and nodes " + cluster.nodes.stream().map(ClusterNode::name)
                    .toList() + "; the request named main node " + main.orElse("(any)") + " and nodes " + nodes);
        }
        ManagedCluster managed = managed(cluster);
        return main.map(managed::withMain).orElse(managed);
    }

    private static boolean knows(KnownCluster cluster, Optional<String> main, Collection<String> nodes) {
        Set<String> names = cluster.nodes.stream().map(ClusterNode::name).collect(Collectors.toSet());
        return names.containsAll(nodes) && main.map(names::contains).orElse(true);
    }

    /** The cluster if the catalog knows it now, without waiting (for background work such as the sweep). */
    public Optional<ManagedCluster> find(String name) {
        return catalog.cluster(name).map(this::managed);
    }

    private ManagedCluster managed(KnownCluster cluster) {
        PostgresTools tools = clients.tools(cluster.majorVersion);
        List<ManagedNode> nodes = cluster.nodes.stream().map(node -> managed(node, tools)).toList();
        ManagedNode main = nodes.get(cluster.nodes.indexOf(cluster.mainNode()));
        return new ManagedCluster(cluster.name, cluster.majorVersion, nodes, main,
                open(cluster.adminLogin, SecretBinding.adminPassword(cluster.id)),
                open(cluster.replicationLogin, SecretBinding.replicationPassword(cluster.id)));
    }

    /** A node in no registered cluster (one a restore creates), reached through its own host access. */
    public ManagedNode unregistered(ClusterNode node, int majorVersion) {
        return managed(node, clients.tools(majorVersion));
    }

    private ManagedNode managed(ClusterNode node, PostgresTools tools) {
        return new ManagedNode(node, new NodeEndpoint(node.name(), node.host(), node.port()),
                new FencedHostExecutor(executors.forAccess(node.access())), tools);
    }

    private KnownCluster awaitRegistration(String name) {
        return catalog.awaitCluster(name, config.catalogWait()).orElseThrow(() -> notRegistered(name));
    }

    private IllegalStateException notRegistered(String name) {
        return new IllegalStateException("cluster " + name + " is not registered (task-service has not heard of it "
                + "within " + config.catalogWait().toSeconds() + " s)");
    }

    /** The names of every registered cluster. */
    public List<String> registeredNames() {
        return catalog.clusters().stream().map(cluster -> cluster.name).toList();
    }

    /** JDBC sessions with the service's timeouts; refused once the running task's lease no longer holds. */
    public NodeConnector connector() {
        TaskLease.checkRunning();
        return connector;
    }

    private Login open(SealedLogin login, SecretBinding binding) {
        return new Login(login.username(), sealer.open(login.sealedPassword(), binding));
    }
}
