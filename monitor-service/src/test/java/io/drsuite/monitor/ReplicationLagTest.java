package io.drsuite.monitor;

import static io.drsuite.monitor.PrometheusText.metric;
import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.EventType;
import io.drsuite.events.alert.AlertEvents;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.health.RelationshipHealthSampled;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.monitor.model.Alert;
import io.drsuite.monitor.model.RelationshipSample;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PagedList;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Polling real PostgreSQL servers: a primary and a streaming standby registered as a relationship's two clusters.
 * With replay paused on the standby and writes on the primary the lag rises in the API and the metrics, and falls
 * back to zero after replay resumes, raising and resolving a lag alert on the relationship's own threshold; a
 * standby whose postmaster is killed shows as down and the link as broken, each alert raised once and resolved
 * once after it is started again; an RPO objective is breached (alert and metric) while the standby receives nothing
 * and met again after. The figures are announced on drsuite.health while they change and every heartbeat.
 * The history and the alerts are read page by page.
 */
@QuarkusTest
class ReplicationLagTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    @Inject
    SecretSealer sealer;

    @Test
    void lagRisesWhileReplayIsPausedAndFallsAfterItResumes() throws Exception {
        long started = System.currentTimeMillis();
        try (PostgresInstance primary = PostgresInstance.primary("mon-prod");
                PostgresInstance standby = primary.standby("mon-dr")) {
            primary.execute("create table t (id int, filler text)");
            register("mon-prod", primary);
            register("mon-dr", standby);
            UUID relationship = UUID.randomUUID();
            publish(RelationshipEvents.CHANGED, relationship, new RelationshipChanged(relationship, "mon-rel",
                    "active", "mon-prod", "mon-dr", "async", "archive", "recovery", Instant.now()));

            await().atMost(WITHIN).until(() -> lagBytes(relationship) != null && lagBytes(relationship) < 100_000);
            given().contentType("application/json").body("{\"lagBytes\": 1000000}")
                    .put("/api/v1/health/relationships/{id}/thresholds", relationship).then().statusCode(200);
            assertThat(health(relationship).getString("latest.primaryState")).isEqualTo("archive");
            assertThat(health(relationship).getString("latest.drState")).isEqualTo("recovery");

            standby.execute("select pg_wal_replay_pause()");
            primary.execute("insert into t select g, repeat('x', 500) from generate_series(1, 20000) g");
            await().atMost(WITHIN).until(() -> lagBytes(relationship) > 5_000_000);
            await().atMost(WITHIN).until(() -> metric("drsuite_replication_lag_bytes", "relationship=\"mon-rel\"")
                    > 5_000_000);
            assertThat(health(relationship).getList("samples")).isNotEmpty();
            await().atMost(WITHIN).until(() -> alertState("lag_bytes", "mon-rel").equals("firing"));

            standby.execute("select pg_wal_replay_resume()");
            await().atMost(WITHIN).until(() -> lagBytes(relationship) < 100_000);
            await().atMost(WITHIN).until(() -> alertState("lag_bytes", "mon-rel").equals("resolved"));
            await().atMost(WITHIN).until(() -> metric("drsuite_replication_lag_seconds",
                    "relationship=\"mon-rel\"") == 0.0);

            // An RPO objective, as relationship-service announces it: met while the DR side receives everything,
            // breached (alert and metric) while it receives nothing and the primary commits, met again after.
            publish(RelationshipEvents.CHANGED, relationship, new RelationshipChanged(relationship, "mon-rel",
                    "active", "mon-prod", "mon-dr", "async", "archive", "recovery", Instant.now(), 2, 60));
            await().atMost(WITHIN).until(() -> metric("drsuite_rpo_objective_seconds", "relationship=\"mon-rel\"")
                    == 2.0);
            await().atMost(WITHIN).until(() -> metric("drsuite_rpo_objective_breached",
                    "relationship=\"mon-rel\"") == 0.0);
            try (AutoCloseable frozen = standby.freezeWalReceiver()) {
                primary.execute("insert into t values (0, 'not received')");
                await().atMost(WITHIN).until(() -> alertState("rpo_objective_breached", "mon-rel").equals("firing"));
                assertThat(metric("drsuite_rpo_objective_breached", "relationship=\"mon-rel\"")).isEqualTo(1.0);
                assertThat(health(relationship).getDouble("latest.rpoEstimateSeconds")).isGreaterThan(2.0);
            }
            await().atMost(WITHIN).until(() -> alertState("rpo_objective_breached", "mon-rel").equals("resolved"));
            assertThat(metric("drsuite_rpo_objective_breached", "relationship=\"mon-rel\"")).isEqualTo(0.0);

            standby.killPostmaster();
            await().atMost(WITHIN).until(() -> metric("drsuite_node_up", "node=\"mon-dr\"") == 0.0);
            await().atMost(WITHIN).until(() -> "recovery_fail".equals(health(relationship)
                    .getString("latest.drState")));
            JsonPath cluster = given().get("/api/v1/health/clusters/mon-dr").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(cluster.getBoolean("nodes[0].reachable")).isFalse();
            await().atMost(WITHIN).until(() -> alertState("node_down", "mon-dr/mon-dr").equals("firing")
                    && alertState("dr_link_broken", "mon-rel").equals("firing"));
            assertThat(metric("drsuite_alerts_firing", "rule=\"node_down\"")).isGreaterThanOrEqualTo(1.0);
            standby.start();
            await().atMost(WITHIN).until(() -> metric("drsuite_node_up", "node=\"mon-dr\"") == 1.0);
            await().atMost(WITHIN).until(() -> given().get("/api/v1/health/clusters/mon-prod").jsonPath()
                    .getList("nodes[0].standbys.state").contains("streaming"));
            await().atMost(WITHIN).until(() -> alertState("node_down", "mon-dr/mon-dr").equals("resolved")
                    && alertState("dr_link_broken", "mon-rel").equals("resolved"));

            List<String> announced = KafkaProbe.readAll(AlertEvents.TOPIC,
                    record -> record.timestamp() >= started // the broker keeps earlier runs' alerts on this node
                            && record.value().contains("\"subject\":\"mon-dr/mon-dr\""), Duration.ofMillis(500),
                    WITHIN).stream().map(record -> KafkaProbe.header(record, "ce_type")).toList();
            assertThat(announced).containsExactly(AlertEvents.RAISED.type(), AlertEvents.RESOLVED.type());
            assertThat(KafkaProbe.readAll(HealthEvents.TOPIC, record -> relationship.toString().equals(record.key()),
                    Duration.ofMillis(500), WITHIN).stream().map(record -> record.value()
                            .replaceAll(".*\"drState\":\"([a-z_]+)\".*", "$1")).toList())
                    .containsSubsequence("recovery", "recovery_fail", "recovery");
        }
    }

    /**
     * Every poll in which a relationship's figures change announces them (relationship-sampled on drsuite.health), the
     * same as the sample stored: while replay is paused its lag in seconds grows, one event per poll. While they hold
     * still only the heartbeat (5 s in the tests) announces them.
     */
    @Test
    void samplesAreAnnouncedWhileTheyChangeAndEveryHeartbeatWhileTheyHoldStill() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("smp-prod");
                PostgresInstance standby = primary.standby("smp-dr")) {
            primary.execute("create table t (id int, filler text)");
            register("smp-prod", primary);
            register("smp-dr", standby);
            UUID relationship = UUID.randomUUID();
            publish(RelationshipEvents.CHANGED, relationship, new RelationshipChanged(relationship, "smp-rel",
                    "active", "smp-prod", "smp-dr", "async", "archive", "recovery", Instant.now()));

            await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1))
                    .until(() -> sampled(relationship).stream().anyMatch(sample -> sample.lagBytes() != null));
            RelationshipHealthSampled linked = sampled(relationship).stream()
                    .filter(sample -> sample.lagBytes() != null).toList().getLast();
            assertThat(linked.name()).isEqualTo("smp-rel");
            assertThat(linked.primaryState()).isEqualTo("archive");
            assertThat(linked.drState()).isEqualTo("recovery");
            assertThat(linked.lagBytes()).isGreaterThanOrEqualTo(0);
            assertThat(linked.lagSeconds()).isGreaterThanOrEqualTo(0.0);
            assertThat(linked.rpoEstimateSeconds()).isGreaterThanOrEqualTo(0.0);

            Instant stillFrom = Instant.now();
            Thread.sleep(9_000);
            Instant stillTo = Instant.now();
            List<RelationshipSample> polls = stored(relationship, stillFrom, stillTo);
            assertThat(polls).hasSizeGreaterThanOrEqualTo(6);
            await().atMost(WITHIN).untilAsserted(() -> assertThat(sampledBetween(relationship, stillFrom, stillTo))
                    .as("the heartbeat, not one per poll").isNotEmpty().hasSizeLessThanOrEqualTo(polls.size() / 2));

            standby.execute("select pg_wal_replay_pause()");
            primary.execute("insert into t select g, repeat('x', 500) from generate_series(1, 5000) g");
            await().atMost(WITHIN).until(() -> lagBytes(relationship) > 1_000_000);
            Instant movingFrom = Instant.now();
            Thread.sleep(4_000);
            Instant movingTo = Instant.now();
            List<Long> storedLag = stored(relationship, movingFrom, movingTo).stream()
                    .map(sample -> sample.lagBytes).toList();
            assertThat(storedLag).hasSizeGreaterThanOrEqualTo(3).allMatch(lag -> lag > 1_000_000);
            await().atMost(WITHIN).untilAsserted(() -> assertThat(sampledBetween(relationship, movingFrom,
                    movingTo)).as("one per poll while the lag grows").extracting(RelationshipHealthSampled::lagBytes)
                    .isEqualTo(storedLag));
            standby.execute("select pg_wal_replay_resume()");
        }
    }

    @Test
    void samplesPastTheRawRetentionFoldIntoMinutes() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("fold-prod");
                PostgresInstance standby = primary.standby("fold-dr")) {
            register("fold-prod", primary);
            register("fold-dr", standby);
            UUID relationship = UUID.randomUUID();
            publish(RelationshipEvents.CHANGED, relationship, new RelationshipChanged(relationship, "fold-rel",
                    "active", "fold-prod", "fold-dr", "async", "archive", "recovery", Instant.now()));

            // the test profile keeps raw samples 15 s and applies retention every 3 s
            await().atMost(Duration.ofSeconds(60)).until(() -> lagBytes(relationship) != null
                    && !health(relationship).getList("minutes").isEmpty());
            JsonPath history = health(relationship);
            assertThat(history.getInt("minutes[0].samples")).isPositive();
            assertThat(history.getLong("minutes[0].maxLagBytes")).isGreaterThanOrEqualTo(0);
            Instant oldestRaw = Instant.parse(history.getString("samples[0].at"));
            assertThat(oldestRaw).isAfter(Instant.now().minusSeconds(15 + 3 + 5));

            historyIsReadPageByPage(relationship);
        }
    }

    /**
     * The history read page by page, oldest first: the per-minute rows, then the raw samples, a page counting both.
     * Five per-minute rows from before the relationship existed are written straight into the table: a window of
     * only them comes back each once and in order, and every next link keeps the window of the first page.
     */
    private static void historyIsReadPageByPage(UUID relationship) {
        Instant firstMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(50));
        List<Instant> written = IntStream.range(0, 5).mapToObj(i -> firstMinute.plus(Duration.ofMinutes(i))).toList();
        QuarkusTransaction.requiringNew().run(() -> written.forEach(minute -> RelationshipSample.getEntityManager()
                .createNativeQuery("insert into relationship_sample_minute (relationship_id, minute, samples, "
                        + "max_lag_bytes, max_lag_seconds, max_rpo_estimate_seconds, broken_samples) "
                        + "values (:id, :minute, 1, 0, 0, 0, 0)")
                .setParameter("id", relationship).setParameter("minute", minute).executeUpdate()));
        String path = "/api/v1/health/relationships/" + relationship;

        String from = firstMinute.minus(Duration.ofMinutes(5)).toString();
        String to = firstMinute.plus(Duration.ofMinutes(10)).toString();
        List<Response> window = PagedList.pages(path + "?from=" + from + "&to=" + to, 2);
        assertThat(window).hasSize(3);
        assertThat(window.stream().flatMap(page -> page.jsonPath().getList("minutes.minute", String.class).stream())
                .map(Instant::parse).toList()).isEqualTo(written);
        assertThat(window).allSatisfy(page -> {
            assertThat(page.jsonPath().getList("samples")).isEmpty();
            assertThat(page.jsonPath().getString("from")).isEqualTo(from);
            assertThat(page.jsonPath().getString("to")).isEqualTo(to);
        });
        assertThat(window.getFirst().jsonPath().getMap("minutes[0]")).containsOnlyKeys("minute", "samples",
                "maxLagBytes", "maxLagSeconds", "maxRpoEstimateSeconds", "brokenSamples");

        List<Response> lastHour = PagedList.pages(path, 3);
        assertThat(lastHour.size()).isGreaterThan(2);
        List<Instant> minutes = new ArrayList<>();
        List<Instant> timeline = new ArrayList<>();
        for (Response response : lastHour) {
            JsonPath page = response.jsonPath();
            assertThat(page.getString("from")).as("the window of the first page")
                    .isEqualTo(lastHour.getFirst().jsonPath().getString("from"));
            assertThat(page.getString("to")).isEqualTo(lastHour.getFirst().jsonPath().getString("to"));
            List<Instant> points = new ArrayList<>();
            page.getList("minutes.minute", String.class).forEach(minute -> points.add(Instant.parse(minute)));
            minutes.addAll(points);
            page.getList("samples.at", String.class).forEach(at -> points.add(Instant.parse(at)));
            assertThat(points).as("a page counts minutes and samples").hasSizeBetween(1, 3);
            if (response != lastHour.getLast()) {
                assertThat(points).as("a page followed by another is full").hasSize(3);
            }
            timeline.addAll(points);
        }
        assertThat(minutes.subList(0, written.size())).isEqualTo(written);
        assertThat(timeline).as("minutes, then samples, each once").doesNotHaveDuplicates().isSorted()
                .hasSizeGreaterThan(minutes.size());
        PagedList.refusesBadLimitAndCursor(path);
    }

    /**
     * Alerts read page by page: newest first, alerts raised in the same instant in the order of their ids, each once,
     * with the state filter kept. Written straight into the table, resolved and long ago, so no rule touches them.
     */
    @Test
    void alertsAreReadPageByPageNewestFirst() {
        String subject = "paging-" + UUID.randomUUID();
        Instant sameInstant = Instant.parse("2001-01-01T00:00:00Z");
        List<String> expected = new ArrayList<>(Stream.generate(() -> storeResolvedAlert(subject, sameInstant))
                .limit(3).map(UUID::toString).sorted(Comparator.reverseOrder()).toList());
        expected.add(storeResolvedAlert(subject, sameInstant.minusSeconds(60)).toString());
        try {
            for (String path : List.of("/api/v1/alerts", "/api/v1/alerts?state=resolved")) {
                List<Map<String, Object>> alerts = PagedList.items(path, 2);
                List<String> ids = alerts.stream().map(alert -> (String) alert.get("id")).toList();
                assertThat(ids).as(path).doesNotHaveDuplicates().endsWith(expected.toArray(String[]::new));
                assertThat(alerts).as(path).isSortedAccordingTo(Comparator
                        .comparing((Map<String, Object> alert) -> Instant.parse((String) alert.get("raisedAt")))
                        .thenComparing(alert -> (String) alert.get("id")).reversed());
            }
            assertThat(PagedList.items("/api/v1/alerts?state=firing", 1)).allMatch(alert ->
                    "firing".equals(alert.get("state")));
            PagedList.refusesBadLimitAndCursor("/api/v1/alerts");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Alert.delete("subject", subject));
        }
    }

    private static UUID storeResolvedAlert(String subject, Instant raisedAt) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.rule = "paging";
        alert.subject = subject;
        alert.state = Alert.State.RESOLVED;
        alert.detail = "written by the test";
        alert.raisedAt = raisedAt;
        alert.resolvedAt = raisedAt.plusSeconds(1);
        QuarkusTransaction.requiringNew().run(alert::persist);
        return alert.id;
    }

    @Test
    void aSlotPastItsWalCapAlertsAndItsRelationshipSaysDrMustBeRebuilt() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("cap-prod");
                PostgresInstance standby = primary.standby("cap-dr")) {
            primary.execute("create table t (id int, filler text)",
                    "select pg_create_physical_replication_slot('drsuite_cap_rel', true)",
                    "alter system set max_slot_wal_keep_size = '1MB'", "alter system set wal_keep_size = 0",
                    "select pg_reload_conf()");
            register("cap-prod", primary);
            register("cap-dr", standby);
            UUID relationship = UUID.randomUUID();
            publish(RelationshipEvents.CHANGED, relationship, new RelationshipChanged(relationship, "cap-rel",
                    "active", "cap-prod", "cap-dr", "async", "archive", "recovery", Instant.now()));
            await().atMost(WITHIN).until(() -> lagBytes(relationship) != null);

            await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
                primary.execute("insert into t select g, repeat('x', 200) from generate_series(1, 2000) g",
                        "select pg_switch_wal()", "checkpoint");
                return "lost".equals(walStatus(primary, "drsuite_cap_rel"));
            });

            await().atMost(WITHIN).until(() -> metric("drsuite_slot_safe_wal_bytes", "slot=\"drsuite_cap_rel\"")
                    == 0.0);
            await().atMost(WITHIN).until(() -> alertState("slot_wal_at_risk", "cap-prod/cap-prod/drsuite_cap_rel")
                    .equals("firing"));
            await().atMost(WITHIN).until(() -> "archive_fail".equals(health(relationship)
                    .getString("latest.primaryState")));
            assertThat(health(relationship).getString("latest.reason")).isEqualTo("replication slot lost: DR must be"
                    + " rebuilt");
            assertThat(KafkaProbe.readAll(HealthEvents.TOPIC, record -> relationship.toString().equals(record.key())
                    && record.value().contains("replication slot lost"), Duration.ofMillis(500), WITHIN)).isNotEmpty();
        }
    }

    private static String walStatus(PostgresInstance node, String slot) throws Exception {
        try (var connection = node.connect("postgres"); var statement = connection.prepareStatement(
                "select wal_status from pg_replication_slots where slot_name = ?")) {
            statement.setString(1, slot);
            try (var row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Test
    void badHistoryBoundsAreRefused() {
        given().get("/api/v1/health/relationships/{id}?from=yesterday", UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/health/relationships/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private void register(String name, PostgresInstance node) {
        ClusterRegistered registered = ClusterEventFixtures.registered(name, sealer, node);
        publish(ClusterEvents.REGISTERED, registered.clusterId(), registered);
    }

    private <P> void publish(EventType<P> type, UUID key, P payload) {
        ClusterEventFixtures.publish(type, key, payload, json);
    }

    /** The relationship-sampled events of the relationship, in the order sent. */
    private List<RelationshipHealthSampled> sampled(UUID relationship) {
        return KafkaProbe.readAll(HealthEvents.TOPIC, record -> relationship.toString().equals(record.key())
                && HealthEvents.RELATIONSHIP_SAMPLED.type().equals(KafkaProbe.header(record, "ce_type")),
                Duration.ofMillis(500), WITHIN).stream().map(record -> {
                    try {
                        return json.readValue(record.value(), RelationshipHealthSampled.class);
                    } catch (IOException e) {
                        throw new AssertionError("not a relationship-sampled payload: " + record.value(), e);
                    }
                }).toList();
    }

    private List<RelationshipHealthSampled> sampledBetween(UUID relationship, Instant from, Instant to) {
        return sampled(relationship).stream().filter(sample -> !sample.sampledAt().isBefore(from)
                && sample.sampledAt().isBefore(to)).toList();
    }

    /** The samples the polls stored for the relationship, oldest first. */
    private static List<RelationshipSample> stored(UUID relationship, Instant from, Instant to) {
        return QuarkusTransaction.requiringNew().call(() -> RelationshipSample.<RelationshipSample>list(
                "relationshipId = ?1 and sampledAt >= ?2 and sampledAt < ?3 order by sampledAt", relationship, from,
                to));
    }

    private static JsonPath health(UUID relationship) {
        return given().get("/api/v1/health/relationships/{id}", relationship).then().extract().jsonPath();
    }

    private static Long lagBytes(UUID relationship) {
        var response = given().get("/api/v1/health/relationships/{id}", relationship);
        if (response.statusCode() != 200) {
            return null;
        }
        Number bytes = response.jsonPath().get("latest.lagBytes");
        return bytes == null ? null : bytes.longValue();
    }

    /** The state of the newest alert for the rule and subject, or "none". */
    private static String alertState(String rule, String subject) {
        List<java.util.Map<String, Object>> alerts = given().get("/api/v1/alerts").then().statusCode(200)
                .extract().jsonPath().getList("");
        return alerts.stream().filter(a -> rule.equals(a.get("rule")) && subject.equals(a.get("subject")))
                .map(a -> (String) a.get("state")).findFirst().orElse("none");
    }

}
