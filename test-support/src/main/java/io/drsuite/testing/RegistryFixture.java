package io.drsuite.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.platform.secrets.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
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
