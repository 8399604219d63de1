package io.drsuite.monitor;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.EventType;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The automatic failover policy against real servers whose primary is killed: it asks for a failover when the DR
 * side lost the primary too and the last lag was within the allowed loss; with the lag above it, it does not, and
 * an alert says why.
 */
@QuarkusTest
class AutoFailoverPolicyTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    @Inject
    SecretSealer sealer;

    @Test
    void asksForAFailoverWhenThePrimaryIsGoneAndTheLossIsWithinTheLimit() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("af-prod");
                PostgresInstance standby = primary.standby("af-dr")) {
            UUID relationship = protect("af", primary, standby);
            policy(relationship, 16_000_000);
            awaitLagKnown(relationship);

            primary.killPostmaster();

            assertThat(KafkaProbe.readAll(HealthEvents.TOPIC, record -> relationship.toString().equals(record.key())
                    && HealthEvents.FAILOVER_REQUESTED.type().equals(KafkaProbe.header(record, "ce_type")),
                    Duration.ofMillis(500), WITHIN)).hasSize(1);
            await().atMost(WITHIN).until(() -> given().get("/api/v1/policies/auto-failover/{id}", relationship)
                    .jsonPath().get("lastRequestedAt") != null);
        }
    }

    @Test
    void holdsBackWhenTheLastLagIsAboveTheAllowedLossAndSaysWhy() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("ah-prod");
                PostgresInstance standby = primary.standby("ah-dr")) {
            primary.execute("create table t (id int, filler text)");
            UUID relationship = protect("ah", primary, standby);
            policy(relationship, 1000);
            standby.execute("select pg_wal_replay_pause()");
            primary.execute("insert into t select g, repeat('x', 200) from generate_series(1, 5000) g");
            await().atMost(WITHIN).until(() -> lag(relationship) > 100_000);

            primary.killPostmaster();

            await().atMost(WITHIN).until(() -> heldAlert("ah").contains("above the allowed 1000 bytes"));
            assertThat(KafkaProbe.readAll(HealthEvents.TOPIC, record -> relationship.toString().equals(record.key())
                    && HealthEvents.FAILOVER_REQUESTED.type().equals(KafkaProbe.header(record, "ce_type")),
                    Duration.ofSeconds(2), Duration.ofSeconds(4))).isEmpty();
        }
    }

    private UUID protect(String name, PostgresInstance primary, PostgresInstance standby) throws Exception {
        register(name + "-prod", primary);
        register(name + "-dr", standby);
        UUID relationship = UUID.randomUUID();
        publish(RelationshipEvents.CHANGED, relationship, new RelationshipChanged(relationship, name, "active",
                name + "-prod", name + "-dr", "async", "archive", "recovery", Instant.now()));
        return relationship;
    }

    private static void policy(UUID relationship, long maxDataLossBytes) {
        given().contentType("application/json")
                .body(Map.of("enabled", true, "primaryDownSeconds", 1, "maxDataLossBytes", maxDataLossBytes))
                .put("/api/v1/policies/auto-failover/{id}", relationship).then().statusCode(200);
    }

    private static void awaitLagKnown(UUID relationship) {
        await().atMost(WITHIN).until(() -> lag(relationship) >= 0);
    }

    private static long lag(UUID relationship) {
        var response = given().get("/api/v1/health/relationships/{id}", relationship);
        Number bytes = response.statusCode() == 200 ? response.jsonPath().get("latest.lagBytes") : null;
        return bytes == null ? -1 : bytes.longValue();
    }

    private static String heldAlert(String relationshipName) {
        List<Map<String, Object>> alerts = given().get("/api/v1/alerts?state=firing").jsonPath().getList("");
        return alerts.stream().filter(a -> "auto_failover_held".equals(a.get("rule"))
                && relationshipName.equals(a.get("subject"))).map(a -> (String) a.get("detail")).findFirst()
                .orElse("");
    }

    private void register(String name, PostgresInstance node) {
        ClusterRegistered registered = ClusterEventFixtures.registered(name, sealer, node);
        publish(ClusterEvents.REGISTERED, registered.clusterId(), registered);
    }

    private <P> void publish(EventType<P> type, UUID key, P payload) {
        ClusterEventFixtures.publish(type, key, payload, json);
    }
}
