package io.drsuite.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.EventType;
import io.drsuite.events.snapshot.WalEvents;
import io.drsuite.events.snapshot.WalSegmentArchived;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskResult;
import io.drsuite.events.task.WalTasks;
import io.drsuite.relationships.KnownRelationship;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the rest of the suite would publish: registrations (relationship-service), relationship changes
 * (relationship-service) and task outcomes (task-service), sent through the real Kafka.
 */
final class SnapshotFixture {

    private static final long SEGMENT = 0x1000000L;

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

    /** Segment {@code number} of timeline 1 (16 MB WAL) archived, as task-service's streaming announces it. */
    void segment(UUID eventId, UUID archiveId, String cluster, int number, Instant closedAt) {
        long start = SEGMENT * number;
        String name = String.format("%08X%08X%08X", 1, 0, number);
        send(WalEvents.SEGMENT_ARCHIVED, eventId, archiveId, new WalSegmentArchived(archiveId, cluster, name,
                WalSegmentArchived.SEGMENT, 1, lsnText(start), lsnText(start + SEGMENT), "local",
                WalTasks.objectKey(cluster + "/wal/" + archiveId, name), 1000, "cd".repeat(32), closedAt,
                closedAt.plusSeconds(1)));
    }

    /** The one event of the given type this service published for the task. */
    static ConsumerRecord<String, String> taskEvent(String taskId, String type) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.readAll(TaskEvents.TOPIC,
                record -> taskId.equals(record.key()) && type.equals(KafkaProbe.header(record,
                        CloudEventHeaders.TYPE)), Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    private static String lsnText(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
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
