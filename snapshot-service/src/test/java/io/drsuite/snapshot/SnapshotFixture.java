package io.drsuite.snapshot;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.drsuite.events.EventType;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskResult;
import io.drsuite.relationships.KnownRelationship;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the rest of the suite would publish: registrations (relationship-service), relationship changes
 * (relationship-service) and task outcomes (task-service), sent through the real Kafka.
 */
final class SnapshotFixture {

    private final RegistryFixture registry;

    SnapshotFixture(RegistryFixture registry) {
        this.registry = registry;
    }

    void register(String name, PostgresInstance... nodes) {
        registry.register(name, nodes);
    }

    /** A relationship in the given phase, and waits until this service knows it. */
    void relationship(UUID id, String name, String phase, String primary, String dr) {
        registry.publishRelationship(id, name, phase, primary, dr);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            KnownRelationship known = KnownRelationship.findById(id);
            return known != null && known.phase.equals(phase);
        }));
    }

    /** A task outcome as task-service publishes it, with the given CloudEvents id (to deliver one twice). */
    void finished(UUID eventId, UUID taskId, String type, String target, String state, String error,
            Map<String, String> artifacts) {
        TaskResult result = TaskResult.valueOf(state.toUpperCase(Locale.ROOT));
        TaskFinished finished = new TaskFinished(taskId, type, target, result,
                result == TaskResult.FAILED ? "step" : null, error, false, artifacts, Instant.now());
        send(TaskEvents.FINISHED, eventId, taskId, finished);
    }

    <P> void send(EventType<P> type, UUID eventId, UUID key, P payload) {
        try {
            KafkaProbe.send(type.topic(), key.toString(), registry.json().writeValueAsString(payload),
                    ClusterEventFixtures.headers(type, eventId));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
