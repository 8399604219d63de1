package io.drsuite.relationship;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.health.FailoverRequested;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.RelationshipHealthChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskResult;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Failover requests that must not be acted on, and a failover that must not wait for page refreshes, against real
 * PostgreSQL and Kafka. task-service does not run here: a relationship becomes active when the test publishes the
 * finished event of its start task, as task-service would.
 */
@QuarkusTest
class FailoverSafetyTest {

    @Inject
    ObjectMapper json;

    /** A FailoverRequested delivered again (lost offsets, replay) after the relationship is active again. */
    @Test
    void aReplayedFailoverRequestStartsNoSecondFailover() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("fs-replay-prod");
                PostgresInstance dr = PostgresInstance.primary("fs-replay-dr")) {
            UUID id = activeRelationship("fs-replay", prod, dr);
            prod.stop();
            UUID requestId = UUID.randomUUID();
            FailoverRequested request = new FailoverRequested(id, "primary unreachable", 0L, Instant.now());
            publish(HealthEvents.FAILOVER_REQUESTED, id, request, requestId);
            JsonPath failingOver = awaitListed(id, now -> "failing_over".equals(now.getString("phase")));
            String failoverTask = failingOver.getString("currentTask.id");
            assertThat(failingOver.getString("currentTask.type")).isEqualTo(DrTasks.FAILOVER);

            // The failover was cancelled before it touched anything: the relationship is active again.
            finishTask(id, UUID.fromString(failoverTask), DrTasks.FAILOVER, "cancelled");
            awaitListed(id, now -> "active".equals(now.getString("phase")) && now.get("currentTask") == null);

            publish(HealthEvents.FAILOVER_REQUESTED, id, request, requestId);
            awaitHealthMarker(id, "archive_fail", "recovery_fail");
            assertThat(failoverRequests(id)).as("dr.failover task requests for the relationship").hasSize(1);
        }
    }

    /** A request older than the window (made while Kafka was down, or replayed) is refused, visibly. */
    @Test
    void aStaleRequestAndARequestWhosePrimaryIsUpAgainAreRefused() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("fs-stale-prod");
                PostgresInstance dr = PostgresInstance.primary("fs-stale-dr")) {
            UUID id = activeRelationship("fs-stale", prod, dr);
            prod.stop();
            publish(HealthEvents.FAILOVER_REQUESTED, id, new FailoverRequested(id, "primary unreachable", 0L,
                    Instant.now().minus(Duration.ofMinutes(10))), UUID.randomUUID());
            JsonPath afterStale = awaitHealthMarker(id, "archive_fail", "recovery");
            assertThat(afterStale.getString("phase")).isEqualTo("active");
            assertThat(afterStale.getString("clusters[1].state")).isEqualTo("recovery");
            assertThat(refusals(id)).anySatisfy(refusal -> assertThat(refusal).contains("older than"));

            prod.start();
            publish(HealthEvents.FAILOVER_REQUESTED, id, new FailoverRequested(id, "primary unreachable", 0L,
                    Instant.now()), UUID.randomUUID());
            JsonPath afterUp = awaitHealthMarker(id, "archive", "recovery");
            assertThat(afterUp.getString("phase")).isEqualTo("active");
            assertThat(refusals(id)).anySatisfy(refusal -> assertThat(refusal).contains("answers as a primary"));
            assertThat(failoverRequests(id)).isEmpty();
            assertThat(prod.inRecovery()).isFalse();
        }
    }

    /**
     * Page refreshes against a primary that accepts connections and never answers: the failover is accepted at once
     * and each query answers, with the lag unknown. (Before, every query held a control-plane connection for the
     * whole read, up to 5 s connect + 10 s query, and the pool has 8.)
     */
    @Test
    void queriesAgainstAHangingPrimaryDoNotDelayAFailover() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("fs-hang-prod");
                PostgresInstance dr = PostgresInstance.primary("fs-hang-dr");
                Blackhole blackhole = new Blackhole()) {
            UUID id = activeRelationship("fs-hang", prod, dr);
            pointMainNodeAt("fs-hang-prod", blackhole.port());
            ExecutorService browsers = Executors.newFixedThreadPool(20);
            try {
                List<Future<JsonPath>> queries = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    queries.add(browsers.submit(() -> given().get("/api/v1/relationships/{id}", id).then()
                            .statusCode(200).extract().jsonPath()));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> blackhole.accepted() >= 2);

                long started = System.nanoTime();
                given().contentType(ContentType.JSON).body(Map.of("reason", "test"))
                        .post("/api/v1/relationships/{id}/failover", id)
                        .then().statusCode(202);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as("POST failover while 20 queries wait on a hanging primary")
                        .isLessThan(Duration.ofSeconds(3));

                for (Future<JsonPath> query : queries) {
                    JsonPath view = query.get(30, TimeUnit.SECONDS);
                    assertThat(view.getString("lag.error")).isNotNull();
                    assertThat(view.getString("lag.bytes")).isNull();
                }
            } finally {
                browsers.shutdownNow();
            }
        }
    }

    private UUID activeRelationship(String name, PostgresInstance prod, PostgresInstance dr) {
        given().contentType(ContentType.JSON).body(Registrations.cluster(name + "-prod", prod))
                .post("/api/v1/clusters").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Registrations.cluster(name + "-dr", dr))
                .post("/api/v1/clusters").then().statusCode(201);
        JsonPath accepted = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "primaryCluster", name + "-prod", "drCluster", name + "-dr",
                        "confirmOverwrite", name + "-dr"))
                .post("/api/v1/relationships").then().statusCode(202).extract().jsonPath();
        UUID id = UUID.fromString(accepted.getString("relationship.id"));
        finishTask(id, UUID.fromString(accepted.getString("taskId")), DrTasks.START, "succeeded");
        awaitListed(id, now -> "active".equals(now.getString("phase")));
        return id;
    }

    private void finishTask(UUID relationship, UUID task, String type, String state) {
        publish(TaskEvents.FINISHED, task, new TaskFinished(task, type, relationship.toString(),
                TaskResult.valueOf(state.toUpperCase(Locale.ROOT)), null, null,
                false, Map.of(), Instant.now()), UUID.randomUUID());
    }

    /**
     * Publishes monitor-service's health words after everything published before for the relationship (same key,
     * same partition) and waits until they show: every earlier health event has then been handled.
     */
    private JsonPath awaitHealthMarker(UUID id, String primaryState, String drState) {
        publish(HealthEvents.RELATIONSHIP_HEALTH_CHANGED, id, new RelationshipHealthChanged(id, primaryState,
                drState, 0L, Instant.now()), UUID.randomUUID());
        return awaitListed(id, now -> primaryState.equals(now.getString("clusters[0].state"))
                && drState.equals(now.getString("clusters[1].state")));
    }

    private static JsonPath awaitListed(UUID id, java.util.function.Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> all = given().get("/api/v1/relationships").then().statusCode(200)
                    .extract().jsonPath().getList("findAll { it.id == '" + id + "' }");
            last[0] = JsonPath.from(new ObjectMapper().writeValueAsString(all.getFirst()));
            return condition.test(last[0]);
        });
        return last[0];
    }

    private <P> void publish(io.drsuite.events.EventType<P> type, UUID key, P payload, UUID eventId) {
        try {
            KafkaProbe.send(type.topic(), key.toString(), json.writeValueAsString(payload),
                    ClusterEventFixtures.headers(type, eventId));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, String>> failoverRequests(UUID relationship) {
        return KafkaProbe.readAll(TaskEvents.TOPIC, record -> TaskEvents.REQUESTED.type().equals(
                KafkaProbe.header(record, "ce_type")) && record.value().contains("\"type\":\"" + DrTasks.FAILOVER
                        + "\"") && record.value().contains("\"target\":\"" + relationship + "\""),
                Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    private static List<String> refusals(UUID relationship) {
        return KafkaProbe.readAll(RelationshipEvents.TOPIC, record -> relationship.toString().equals(record.key())
                && "io.drsuite.relationship.failover-refused.v1".equals(KafkaProbe.header(record, "ce_type")),
                Duration.ofMillis(500), Duration.ofSeconds(10)).stream().map(ConsumerRecord::value).toList();
    }

    private static void pointMainNodeAt(String cluster, int port) throws Exception {
        try (Connection connection = DriverManager.getConnection(LocalInfrastructure.jdbcUrl(),
                LocalInfrastructure.DB_USER, LocalInfrastructure.DB_PASSWORD);
                PreparedStatement statement = connection.prepareStatement("update relationship.cluster_node n "
                        + "set port = ? from relationship.cluster c where n.cluster_id = c.id and c.name = ?")) {
            statement.setInt(1, port);
            statement.setString(2, cluster);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    /** A listener that accepts connections and never answers, like a host whose PostgreSQL hangs. */
    private static final class Blackhole implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        Blackhole() throws IOException {
            server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
