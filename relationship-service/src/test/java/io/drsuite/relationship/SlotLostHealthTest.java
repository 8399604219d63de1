package io.drsuite.relationship;

import static io.drsuite.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.EventType;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.RelationshipHealthChanged;
import io.drsuite.events.health.RelationshipHealthSampled;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskResult;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.PostgresInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * monitor-service reports that an active relationship's replication slot was invalidated (it passed
 * {@code max_slot_wal_keep_size}): the relationship shows the broken link and says DR must be rebuilt. Its
 * relationship-sampled events (lag figures for live views) are skipped: neither folded into the relationship nor
 * recorded in the inbox, nor dead-lettered.
 */
@QuarkusTest
class SlotLostHealthTest {

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Test
    void aLostSlotShowsAsArchiveFailWithTheReason() {
        try (PostgresInstance prod = PostgresInstance.primary("sl-prod");
                PostgresInstance dr = PostgresInstance.primary("sl-dr")) {
            register(Registrations.cluster("sl-prod", prod));
            register(Registrations.cluster("sl-dr", dr));
            var accepted = given().contentType(ContentType.JSON).body(Map.of("name", "sl-rel", "primaryCluster",
                    "sl-prod", "drCluster", "sl-dr", "syncMode", "async", "confirmOverwrite", "sl-dr"))
                    .post("/api/v1/relationships").then().statusCode(202).extract().jsonPath();
            UUID id = UUID.fromString(accepted.getString("relationship.id"));
            UUID taskId = UUID.fromString(accepted.getString("taskId"));
            ClusterEventFixtures.publish(TaskEvents.FINISHED, taskId, new TaskFinished(taskId, DrTasks.START,
                    id.toString(), TaskResult.SUCCEEDED, null, null, false, Map.of(), Instant.now()), json);
            await().atMost(Duration.ofSeconds(20)).until(() -> "active".equals(given()
                    .get("/api/v1/relationships/{id}", id).jsonPath().getString("phase")));

            ClusterEventFixtures.publish(HealthEvents.RELATIONSHIP_HEALTH_CHANGED, id, new RelationshipHealthChanged(
                    id, "archive_fail", "recovery_fail", null, Instant.now(), RelationshipHealthChanged.SLOT_LOST),
                    json);

            await().atMost(Duration.ofSeconds(20)).until(() -> RelationshipHealthChanged.SLOT_LOST.equals(given()
                    .get("/api/v1/relationships/{id}", id).jsonPath().getString("lastError")));
            given().get("/api/v1/relationships/{id}", id).then().statusCode(200)
                    .body("clusters[0].state", equalTo("archive_fail"))
                    .body("clusters[1].state", equalTo("recovery_fail"))
                    .body("lastError", equalTo("replication slot lost: DR must be rebuilt"));

            double applied = consumed(HealthEvents.RELATIONSHIP_HEALTH_CHANGED, "applied");
            double deadLettered = deadLettered();
            ClusterEventFixtures.publish(HealthEvents.RELATIONSHIP_SAMPLED, id, new RelationshipHealthSampled(id,
                    "sl-rel", "archive", "recovery", 0L, 0.0, 0.0, Instant.now()), json);
            // The same words again, behind the sample on its partition: once this is applied, the sample was read.
            ClusterEventFixtures.publish(HealthEvents.RELATIONSHIP_HEALTH_CHANGED, id, new RelationshipHealthChanged(
                    id, "archive_fail", "recovery_fail", null, Instant.now(), RelationshipHealthChanged.SLOT_LOST),
                    json);
            await().atMost(Duration.ofSeconds(20)).until(() -> consumed(HealthEvents.RELATIONSHIP_HEALTH_CHANGED,
                    "applied") > applied);
            given().get("/api/v1/relationships/{id}", id).then().statusCode(200)
                    .body("clusters[0].state", equalTo("archive_fail"))
                    .body("clusters[1].state", equalTo("recovery_fail"));
            assertEquals(0.0, consumed(HealthEvents.RELATIONSHIP_SAMPLED, "applied")
                    + consumed(HealthEvents.RELATIONSHIP_SAMPLED, "duplicate"));
            assertEquals(deadLettered, deadLettered());
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    private double consumed(EventType<?> type, String outcome) {
        return metrics.find("drsuite.events.consumed").tag("type", type.type()).tag("outcome", outcome).counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    private double deadLettered() {
        return metrics.find("drsuite.events.dead.lettered").tag("topic", HealthEvents.TOPIC).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static void register(Map<String, Object> cluster) {
        given().contentType(ContentType.JSON).body(cluster).post("/api/v1/clusters").then().statusCode(201);
    }
}
