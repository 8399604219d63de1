package io.drsuite.monitor.health;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.ClusterClients;
import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.clusterclient.sql.WalReceiver;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads every node of every known cluster in parallel, each with short connect and statement timeouts, so one
 * dead node never delays the others.
 */
@ApplicationScoped
public class NodeHealthReader {

    private final SecretSealer sealer;
    private final NodeConnector connector;

    NodeHealthReader(SecretSealer sealer, ClusterClients clients) {
        this.sealer = sealer;
        this.connector = clients.pollConnector();
    }

    public List<NodeHealth> readAll(List<KnownCluster> clusters) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<NodeHealth>> reads = new ArrayList<>();
            for (KnownCluster cluster : clusters) {
                Login admin = admin(cluster);
                for (ClusterNode node : cluster.nodes) {
                    reads.add(admin == null
                            ? CompletableFuture.completedFuture(NodeHealth.unreachable(cluster.name, node.name(),
                                    "the admin login cannot be opened with this service's key"))
                            : executor.submit(() -> read(cluster.name, node, admin)));
                }
            }
            List<NodeHealth> health = new ArrayList<>();
            for (Future<NodeHealth> read : reads) {
                health.add(await(read));
            }
            return health;
        }
    }

    private Login admin(KnownCluster cluster) {
        try {
            return new Login(cluster.adminLogin.username(), sealer.open(cluster.adminLogin.sealedPassword(),
                    SecretBinding.adminPassword(cluster.id)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    NodeHealth read(String cluster, ClusterNode node, Login admin) {
        NodeEndpoint endpoint = new NodeEndpoint(node.name(), node.host(), node.port());
        try (NodeSession session = connector.open(endpoint, admin)) {
            boolean inRecovery = session.inRecovery();
            WalReceiver receiver = inRecovery ? session.walReceiver() : WalReceiver.NONE;
            return new NodeHealth(cluster, node.name(), Instant.now(), true, null, inRecovery, session.timeline(),
                    inRecovery ? null : session.currentLsn(),
                    inRecovery ? session.receiveLsn().orElse(null) : null,
                    inRecovery ? session.replayLsn().orElse(null) : null,
                    inRecovery ? session.lastReplayTimestamp().orElse(null) : null,
                    inRecovery ? receiver.status() : null,
                    session.slotRetainedBytes().orElse(null),
                    session.inactiveSlots(),
                    session.replicationConnections(),
                    session.slots(),
                    session.slotWalCapBytes().orElse(null),
                    upstream(receiver));
        } catch (SQLException e) {
            return NodeHealth.unreachable(cluster, node.name(), e.getMessage());
        }
    }

    private static String upstream(WalReceiver receiver) {
        return receiver.senderHost() == null || receiver.senderPort() == null ? null
                : receiver.senderHost() + ":" + receiver.senderPort();
    }

    private static NodeHealth await(Future<NodeHealth> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("node read failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
