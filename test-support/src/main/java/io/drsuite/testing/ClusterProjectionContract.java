package io.drsuite.testing;

import static io.drsuite.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.DeadLetters;
import io.drsuite.events.EventType;
import io.drsuite.events.cluster.ClusterChanged;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.cluster.ClusterRemoved;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A service's cluster projection, fed over the real broker: registered clusters appear, removed ones go, an
 * event delivered twice is applied once, a late registration under a name a newer cluster holds is skipped, and
 * records that cannot be read are dead-lettered while the consumer goes on.
 */
public abstract class ClusterProjectionContract {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    ClusterCatalog catalog;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Test
    void registeredClusterAppearsAndRemovedClusterGoes() throws Exception {
        ClusterRegistered registered = ClusterEventFixtures.registered("proj-" + shortId());
        publish(ClusterEvents.REGISTERED, registered.clusterId(), UUID.randomUUID(), registered);
        await().atMost(WITHIN).until(() -> known(registered.name()).isPresent());
        KnownCluster known = known(registered.name()).orElseThrow();
        assertEquals(registered.clusterId(), known.id);
        assertEquals("n1", known.nodes.get(0).name());
        assertEquals(registered.adminLogin(), known.adminLogin);

        publish(ClusterEvents.REMOVED, registered.clusterId(), UUID.randomUUID(),
                new ClusterRemoved(registered.clusterId(), registered.name(), Instant.now()));
        await().atMost(WITHIN).until(() -> known(registered.name()).isEmpty());
    }

    @Test
    void aChangeReplacesTheNodesAndMovesTheMainNode() throws Exception {
        ClusterRegistered registered = ClusterEventFixtures.registered("moved-" + shortId());
        publish(ClusterEvents.REGISTERED, registered.clusterId(), UUID.randomUUID(), registered);
        await().atMost(WITHIN).until(() -> known(registered.name()).isPresent());
        ClusterNode main = registered.nodes().get(0);
        ClusterNode promoted = new ClusterNode("n2", main.host(), main.port() + 1, main.dataDirectory() + "-2",
                NodeRole.PRIMARY, main.access());
        ClusterNode demoted = new ClusterNode(main.name(), main.host(), main.port(), main.dataDirectory(),
                NodeRole.STANDBY, main.access());

        publish(ClusterEvents.CHANGED, registered.clusterId(), UUID.randomUUID(),
                new ClusterChanged(registered.clusterId(), registered.name(), List.of(demoted, promoted),
                        Instant.now()));
        await().atMost(WITHIN).until(() -> known(registered.name()).map(cluster -> cluster.nodes.size() == 2)
                .orElse(false));
        assertEquals("n2", known(registered.name()).orElseThrow().mainNode().name());
    }

    @Test
    void redeliveredEventIsAppliedOnce() throws Exception {
        ClusterRegistered registered = ClusterEventFixtures.registered("dup-" + shortId());
        UUID registeredEventId = UUID.randomUUID();
        publish(ClusterEvents.REGISTERED, registered.clusterId(), registeredEventId,
                registered);
        await().atMost(WITHIN).until(() -> known(registered.name()).isPresent());
        publish(ClusterEvents.REMOVED, registered.clusterId(), UUID.randomUUID(),
                new ClusterRemoved(registered.clusterId(), registered.name(), Instant.now()));
        await().atMost(WITHIN).until(() -> known(registered.name()).isEmpty());
        double duplicatesBefore = duplicates();

        // The same registration again: applied twice, it would bring the removed cluster back.
        publish(ClusterEvents.REGISTERED, registered.clusterId(), registeredEventId,
                registered);
        await().atMost(WITHIN).until(() -> duplicates() > duplicatesBefore);
        Optional<KnownCluster> after = known(registered.name());
        assertTrue(after.isEmpty(), "a redelivered event was applied again");
        assertEquals(duplicatesBefore + 1, duplicates());
    }

    @Test
    void anOlderRegistrationArrivingLateDoesNotReplaceTheNewerOne() throws Exception {
        String name = "late-" + shortId();
        ClusterRegistered newer = ClusterEventFixtures.registered(name);
        ClusterRegistered older = new ClusterRegistered(UUID.randomUUID(), name, newer.serverVersion(),
                newer.majorVersion(), newer.nodes(), newer.adminLogin(), newer.replicationLogin(),
                newer.registeredAt().minusSeconds(60));
        publish(ClusterEvents.REGISTERED, newer.clusterId(), UUID.randomUUID(), newer);
        await().atMost(WITHIN).until(() -> known(name).isPresent());
        double appliedBefore = applied();

        publish(ClusterEvents.REGISTERED, older.clusterId(), UUID.randomUUID(), older);
        await().atMost(WITHIN).until(() -> applied() > appliedBefore);
        assertEquals(newer.clusterId(), known(name).orElseThrow().id);
        ClusterRegistered next = ClusterEventFixtures.registered("next-" + shortId());
        publish(ClusterEvents.REGISTERED, next.clusterId(), UUID.randomUUID(), next);
        await().atMost(WITHIN).until(() -> known(next.name()).isPresent());
    }

    /**
     * Records that cannot be read, followed by a valid registration on the same key (so the same partition, in
     * order): each bad record lands on the dead-letter topic with its reason and origin and is counted once, the
     * registration after them is applied, and the service stays ready.
     */
    @Test
    void recordsThatCannotBeReadAreDeadLetteredAndTheNextOneIsApplied() throws Exception {
        ClusterRegistered barrier = ClusterEventFixtures.registered("dlq-first-" + shortId());
        publish(ClusterEvents.REGISTERED, barrier.clusterId(), UUID.randomUUID(), barrier);
        await().atMost(WITHIN).until(() -> known(barrier.name()).isPresent());
        ClusterRegistered next = ClusterEventFixtures.registered("dlq-next-" + shortId());
        String key = next.clusterId().toString();
        Map<String, Double> before = Map.of("not-a-cloud-event", deadLettered("not-a-cloud-event"),
                "unsupported-version", deadLettered("unsupported-version"), "bad-payload", deadLettered("bad-payload"));

        KafkaProbe.send(ClusterEvents.TOPIC, key, "{\"no\":\"headers\"}", Map.of());
        Map<String, String> futureVersion = new HashMap<>(ClusterEventFixtures.headers(ClusterEvents.REGISTERED,
                UUID.randomUUID()));
        futureVersion.put(CloudEventHeaders.TYPE, "io.drsuite.cluster.registered.v9");
        KafkaProbe.send(ClusterEvents.TOPIC, key, json.writeValueAsString(next), futureVersion);
        KafkaProbe.send(ClusterEvents.TOPIC, key, "{not json",
                ClusterEventFixtures.headers(ClusterEvents.REGISTERED, UUID.randomUUID()));
        publish(ClusterEvents.REGISTERED, next.clusterId(), UUID.randomUUID(), next);

        await().atMost(WITHIN).until(() -> known(next.name()).isPresent());
        String service = service();
        List<ConsumerRecord<String, String>> letters = KafkaProbe.readAll(DeadLetters.TOPIC, record ->
                key.equals(record.key()) && service.equals(KafkaProbe.header(record, DeadLetters.CONSUMER)),
                Duration.ofMillis(500), WITHIN);
        assertEquals(List.of("not-a-cloud-event", "unsupported-version", "bad-payload"),
                letters.stream().map(record -> KafkaProbe.header(record, DeadLetters.REASON)).toList());
        ConsumerRecord<String, String> badJson = letters.get(2);
        assertEquals("{not json", badJson.value());
        assertEquals(ClusterEvents.TOPIC, KafkaProbe.header(badJson, DeadLetters.SOURCE_TOPIC));
        assertTrue(KafkaProbe.header(badJson, DeadLetters.SOURCE_OFFSET).matches("[0-9]+"));
        assertTrue(KafkaProbe.header(badJson, DeadLetters.DETAIL).contains("does not match the contract"));
        before.forEach((reason, count) -> assertEquals(count + 1, deadLettered(reason), reason));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private Optional<KnownCluster> known(String name) {
        return QuarkusTransaction.requiringNew().call(() -> catalog.cluster(name));
    }

    private double applied() {
        return metrics.find("drsuite.events.consumed").tag("type", "io.drsuite.cluster.registered.v1")
                .tag("outcome", "applied").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double duplicates() {
        return metrics.find("drsuite.events.consumed").tag("type", "io.drsuite.cluster.registered.v1")
                .tag("outcome", "duplicate").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double deadLettered(String reason) {
        return metrics.find("drsuite.events.dead.lettered").tag("topic", ClusterEvents.TOPIC).tag("reason", reason)
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static String service() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    private <P> void publish(EventType<P> type, UUID clusterId, UUID eventId, P payload)
            throws Exception {
        KafkaProbe.send(type.topic(), clusterId.toString(), json.writeValueAsString(payload),
                ClusterEventFixtures.headers(type, eventId));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
