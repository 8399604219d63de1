package io.drsuite.relationship.service;

import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.cluster.ClusterRemoved;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.cluster.SealedLogin;
import io.drsuite.platform.node.HostAccessRegistration;
import io.drsuite.platform.node.NodeRegistration;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.relationship.api.ClusterRegistration;
import io.drsuite.relationship.drill.Sandboxes;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterNodeEntity;
import io.drsuite.relationship.model.RelationshipCluster;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * The cluster registry: registers a cluster after probing its nodes, removes it, and announces both on
 * {@code drsuite.clusters} through the outbox.
 */
@ApplicationScoped
public class ClusterRegistry {

    private static final Logger LOG = Logger.getLogger(ClusterRegistry.class);

    private final NodeProbe probe;
    private final SecretSealer sealer;
    private final EventOutbox outbox;
    private final AtomicLong registered = new AtomicLong();

    ClusterRegistry(NodeProbe probe, SecretSealer sealer, EventOutbox outbox, MeterRegistry registry) {
        this.probe = probe;
        this.sealer = sealer;
        this.outbox = outbox;
        Gauge.builder("drsuite.clusters.registered", registered, AtomicLong::get)
                .description("Clusters in the registry").register(registry);
    }

    void countOnStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> registered.set(Cluster.count()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Cluster> clusters(PageRequest page) {
        return Cluster.pageByName(page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Cluster> cluster(String name) {
        return Cluster.findByName(name);
    }

    /**
     * Probes the nodes outside any transaction (it may take a connect timeout), then stores the cluster and its
     * event in one transaction.
     */
    public Cluster register(ClusterRegistration request) {
        requireDistinctNodes(request.nodes());
        QuarkusTransaction.requiringNew().run(() -> requireUnused(request));
        List<NodeProbe.Target> targets = request.nodes().stream()
                .map(node -> new NodeProbe.Target(node.name(), node.host(), node.port()))
                .toList();
        ClusterTopology topology = ClusterTopology.verify(
                probe.probeAll(targets, request.adminLogin().username(), request.adminLogin().password()));
        Cluster cluster = QuarkusTransaction.requiringNew().call(() -> store(request, topology));
        registered.incrementAndGet();
        LOG.infof("Registered cluster %s (%s), PostgreSQL %s, %d node(s)", cluster.name, cluster.id,
                cluster.serverVersion, cluster.nodes.size());
        return cluster;
    }

    @Transactional
    public void remove(String name) {
        Cluster cluster = Cluster.findByName(name)
                .orElseThrow(() -> ProblemException.notFound("cluster", "no cluster named '" + name + "'"));
        RelationshipCluster.of(name).ifPresent(member -> {
            throw ProblemException.conflict("cluster-in-relationship", "cluster '" + name + "' is in DR relationship "
                    + member.relationshipId + "; stop the relationship before removing the cluster");
        });
        if (cluster.hasOperationRunning()) {
            throw ProblemException.conflict("operation-in-progress", "cluster '" + name + "' is running task "
                    + cluster.operationTaskId + " (" + cluster.operationType + "); wait for it to end");
        }
        cluster.delete();
        outbox.record(ClusterEvents.REMOVED, cluster.id.toString(),
                new ClusterRemoved(cluster.id, cluster.name, Instant.now()));
        registered.decrementAndGet();
        LOG.infof("Removed cluster %s (%s)", cluster.name, cluster.id);
    }

    private Cluster store(ClusterRegistration request, ClusterTopology topology) {
        requireUnused(request);
        Cluster cluster = new Cluster();
        cluster.id = UUID.randomUUID();
        cluster.name = request.name();
        cluster.serverVersion = topology.primary().serverVersion();
        cluster.majorVersion = topology.primary().majorVersion();
        cluster.systemIdentifier = topology.primary().systemIdentifier();
        cluster.adminUsername = request.adminLogin().username();
        cluster.adminPasswordSealed = sealer.seal(request.adminLogin().password(),
                SecretBinding.adminPassword(cluster.id));
        cluster.replicationUsername = request.replicationLogin().username();
        cluster.replicationPasswordSealed = sealer.seal(request.replicationLogin().password(),
                SecretBinding.replicationPassword(cluster.id));
        cluster.registeredAt = Instant.now();
        for (NodeRegistration node : request.nodes()) {
            cluster.addNode(node(node, topology.isPrimary(node.name()) ? NodeRole.PRIMARY : NodeRole.STANDBY));
        }
        try {
            cluster.persistAndFlush();
        } catch (ConstraintViolationException raced) {
            throw ProblemException.conflict("cluster-exists",
                    "cluster '" + request.name() + "' or one of its nodes was registered at the same time");
        }
        outbox.record(ClusterEvents.REGISTERED, cluster.id.toString(), registeredEvent(cluster));
        return cluster;
    }

    static ClusterNodeEntity node(NodeRegistration request, NodeRole role) {
        ClusterNodeEntity node = new ClusterNodeEntity();
        node.id = UUID.randomUUID();
        node.name = request.name();
        node.host = request.host();
        node.port = request.port();
        node.dataDirectory = request.dataDirectory();
        node.role = role;
        HostAccessRegistration access = request.access();
        node.accessKind = access.kind();
        node.osUser = access.osUser();
        node.sshHost = access.sshHost();
        node.sshPort = access.sshPort();
        node.sshUser = access.sshUser();
        node.sshKeyRef = access.sshKeyRef();
        return node;
    }

    static List<ClusterNode> eventNodes(Cluster cluster) {
        return cluster.nodes.stream()
                .map(node -> new ClusterNode(node.name, node.host, node.port, node.dataDirectory, node.role,
                        node.access()))
                .toList();
    }

    static ClusterRegistered registeredEvent(Cluster cluster) {
        return new ClusterRegistered(cluster.id, cluster.name, cluster.serverVersion, cluster.majorVersion,
                eventNodes(cluster),
                new SealedLogin(cluster.adminUsername, cluster.adminPasswordSealed),
                new SealedLogin(cluster.replicationUsername, cluster.replicationPasswordSealed),
                cluster.registeredAt);
    }

    /**
     * 409 when a node at this address is registered, in any cluster, or when the node lies inside a sandbox (a port
     * of its range on its host, or data inside its data root): drills create and remove instances there.
     */
    static void requireUnusedAddress(NodeRegistration node) {
        ClusterNodeEntity.findByAddress(node.host(), node.port()).ifPresent(existing -> {
            throw ProblemException.conflict("node-registered", "node " + node.address()
                    + " is already registered as node '" + existing.name + "' of cluster '"
                    + existing.cluster.name + "'");
        });
        Sandboxes.requireOutsideSandboxes(node.name(), node.host(), node.port(), node.dataDirectory());
    }

    private static void requireDistinctNodes(List<NodeRegistration> nodes) {
        Set<String> names = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeRegistration node = nodes.get(i);
            if (!names.add(node.name())) {
                throw ProblemException.badRequest("nodes[" + i + "].name", "node name '" + node.name()
                        + "' is given twice");
            }
            if (!addresses.add(node.address())) {
                throw ProblemException.badRequest("nodes[" + i + "].port", "node address " + node.address()
                        + " is given twice");
            }
        }
    }

    private static void requireUnused(ClusterRegistration request) {
        if (Cluster.findByName(request.name()).isPresent()) {
            throw ProblemException.conflict("cluster-exists", "a cluster named '" + request.name()
                    + "' is already registered");
        }
        for (NodeRegistration node : request.nodes()) {
            requireUnusedAddress(node);
        }
    }
}
