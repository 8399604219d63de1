package io.drsuite.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.events.cluster.ClusterChanged;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.platform.secrets.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * For a service's {@code @QuarkusTest}s: registers real test servers as relationship-service would (a registration
 * event on the real broker, logins sealed with the service's key) and waits until the service's catalog knows the
 * cluster; publishes relationship changes as relationship-service does.
 */
@ApplicationScoped
public class RegistryFixture {

    private final ObjectMapper json;
    private final SecretSealer sealer;
    /** Looked up when used: relationship-service has no cluster catalog, and this bean is on its test classpath. */
    private final Instance<ClusterCatalog> catalog;

    RegistryFixture(ObjectMapper json, SecretSealer sealer, Instance<ClusterCatalog> catalog) {
        this.json = json;
        this.sealer = sealer;
        this.catalog = catalog;
    }

    /** The servers as one cluster, the first its main node; none: a placeholder at 127.0.0.1:5432. */
    public void register(String name, PostgresInstance... nodes) {
        register(nodes.length == 0 ? ClusterEventFixtures.registered(name)
                : ClusterEventFixtures.registered(name, sealer, nodes));
    }

    /** Publishes a registration (e.g. one built from real servers and then altered) and waits for the catalog. */
    public void register(ClusterRegistered event) {
        ClusterEventFixtures.publish(ClusterEvents.REGISTERED, event.clusterId(), event, json);
        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.get().cluster(event.name())
                .filter(cluster -> cluster.id.equals(event.clusterId())).isPresent());
    }

    /**
     * Publishes the cluster's node list as relationship-service does after a node switchover, failover or a node
     * added: {@code primary} becomes the PRIMARY (main) node, every other node a STANDBY; {@code added} nodes
     * (real servers or {@link PostgresInstance#unbuilt} ones) join the list. Waits until the catalog has it.
     */
    public void changeNodes(String cluster, String primary, PostgresInstance... added) {
        ClusterCatalog known = catalog.get();
        KnownCluster current = known.cluster(cluster).orElseThrow();
        List<ClusterNode> nodes = new ArrayList<>(current.nodes);
        HostAccess access = nodes.getFirst().access();
        for (PostgresInstance node : added) {
            nodes.add(new ClusterNode(node.name(), "127.0.0.1", node.port(), node.dataDirectory().toString(),
                    NodeRole.STANDBY, access));
        }
        List<ClusterNode> changed = nodes.stream().map(node -> new ClusterNode(node.name(), node.host(),
                node.port(), node.dataDirectory(), node.name().equals(primary) ? NodeRole.PRIMARY : NodeRole.STANDBY,
                node.access())).toList();
        ClusterEventFixtures.publish(ClusterEvents.CHANGED, current.id, new ClusterChanged(current.id, cluster,
                changed, Instant.now()), json);
        await().atMost(Duration.ofSeconds(30)).until(() -> known.cluster(cluster).map(c -> c.nodes.size()
                == changed.size() && c.mainNode().name().equals(primary)).orElse(false));
    }

    /** The key the service seals logins with, for building registrations by hand. */
    public SecretSealer sealer() {
        return sealer;
    }

    /** Publishes a relationship in the given phase; the caller waits until its service has folded it. */
    public void publishRelationship(UUID id, String name, String phase, String primary, String dr) {
        ClusterEventFixtures.publish(RelationshipEvents.CHANGED, id, new RelationshipChanged(id, name, phase, primary,
                dr, "async", "archive", "recovery", Instant.now()), json);
    }

    public ObjectMapper json() {
        return json;
    }
}
