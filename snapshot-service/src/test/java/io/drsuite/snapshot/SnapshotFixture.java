package io.drsuite.snapshot;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.events.EventType;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.relationships.KnownRelationship;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What the rest of the suite would publish: registrations (relationship-service), relationship changes
 * (relationship-service) and task outcomes (task-service), sent through the real Kafka.
 */
final class SnapshotFixture {

    private final ObjectMapper json;
    private final SecretSealer sealer;
    private final ClusterCatalog catalog;

    SnapshotFixture(ObjectMapper json, SecretSealer sealer, ClusterCatalog catalog) {
        this.json = json;
        this.sealer = sealer;
        this.catalog = catalog;
    }

    void register(String name, PostgresInstance... nodes) {
        ClusterRegistered event = nodes.length == 0 ? ClusterEventFixtures.registered(name)
                : ClusterEventFixtures.registered(name, sealer, nodes);
        ClusterEventFixtures.publish(ClusterEvents.REGISTERED, event.clusterId(), event, json);
        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.cluster(name)
                .filter(cluster -> cluster.id.equals(event.clusterId())).isPresent());
    }

    /** A relationship in the given phase, and waits until this service knows it. */
    void relationship(UUID id, String name, String phase, String primary, String dr) {
        RelationshipChanged changed = new RelationshipChanged(id, name, phase, primary, dr, "async", "archive",
                "recovery", Instant.now());
        ClusterEventFixtures.publish(RelationshipEvents.CHANGED, id, changed, json);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            KnownRelationship known = KnownRelationship.findById(id);
            return known != null && known.phase.equals(phase);
        }));
    }

    /** A task outcome as task-service publishes it, with the given CloudEvents id (to deliver one twice). */
    void finished(UUID eventId, UUID taskId, String type, String target, String state, String error,
            Map<String, String> artifacts) {
        TaskFinished finished = new TaskFinished(taskId, type, target, state, state.equals("failed") ? "step" : null,
                error, false, artifacts, Instant.now());
        send(TaskEvents.FINISHED, eventId, taskId, finished);
    }

    <P> void send(EventType<P> type, UUID eventId, UUID key, P payload) {
        try {
            KafkaProbe.send(type.topic(), key.toString(), json.writeValueAsString(payload),
                    ClusterEventFixtures.headers(type, eventId));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
