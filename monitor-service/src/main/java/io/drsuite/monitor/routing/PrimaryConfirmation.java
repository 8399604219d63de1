package io.drsuite.monitor.routing;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.ClusterClients;
import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.SealedLogin;
import io.drsuite.monitor.config.MonitorConfig;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Confirms, on the node itself, what the latest poll says: that a node still takes writes. A planned switchover
 * stops the primary and starts it again as a standby within a second or two, which can fall between two polls; a
 * {@code /primary} answer of 200 is therefore given only after the node answered {@code pg_is_in_recovery() = false}
 * within the last {@link MonitorConfig.Routing#primaryConfirmReuse()}. Only nodes the poll takes for the primary are
 * asked, one at a time per node, so a cluster costs at most a few short sessions a second however many load
 * balancers check it.
 */
@ApplicationScoped
public class PrimaryConfirmation {

    /** How to reach a node, from the poll's view of the registry (the login stays sealed until it is needed). */
    record NodeAddress(NodeEndpoint endpoint, UUID clusterId, SealedLogin admin) {
    }

    private record Confirmed(Instant at, RouteStatus status) {
    }

    private final SecretSealer sealer;
    private final NodeConnector connector;
    private final Duration reuse;
    private volatile Map<String, NodeAddress> addresses = Map.of();
    private final Map<String, Confirmed> confirmed = new ConcurrentHashMap<>();

    PrimaryConfirmation(SecretSealer sealer, ClusterClients clients, MonitorConfig config) {
        this.sealer = sealer;
        this.connector = clients.liveReadConnector();
        this.reuse = config.routing().primaryConfirmReuse();
    }

    /** The registry as the poll that just ended saw it. */
    void update(List<KnownCluster> clusters) {
        Map<String, NodeAddress> latest = new HashMap<>();
        for (KnownCluster cluster : clusters) {
            for (ClusterNode node : cluster.nodes) {
                latest.put(key(cluster.name, node.name()), new NodeAddress(new NodeEndpoint(node.name(), node.host(),
                        node.port()), cluster.id, cluster.adminLogin));
            }
        }
        addresses = Map.copyOf(latest);
        confirmed.keySet().retainAll(latest.keySet());
    }

    /** {@link RouteStatus#PRIMARY} if the node takes writes now, else why not. */
    RouteStatus confirm(String cluster, String node) {
        String key = key(cluster, node);
        NodeAddress address = addresses.get(key);
        if (address == null) {
            return RouteStatus.UNKNOWN_NODE;
        }
        return confirmed.compute(key, (ignored, last) -> last != null && last.at().plus(reuse).isAfter(Instant.now())
                ? last : new Confirmed(Instant.now(), ask(address))).status();
    }

    private RouteStatus ask(NodeAddress address) {
        Login admin;
        try {
            admin = new Login(address.admin().username(), sealer.open(address.admin().sealedPassword(),
                    SecretBinding.adminPassword(address.clusterId())));
        } catch (RuntimeException unopenable) {
            return RouteStatus.UNREACHABLE;
        }
        try (NodeSession session = connector.open(address.endpoint(), admin)) {
            return session.inRecovery() ? RouteStatus.STANDBY : RouteStatus.PRIMARY;
        } catch (SQLException unreachable) {
            return RouteStatus.UNREACHABLE;
        }
    }

    private static String key(String cluster, String node) {
        return cluster + "/" + node;
    }
}
