package io.drsuite.snapshot;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.testing.BrokerRegistry;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PackagedServiceInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.ServiceBasicsContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (target/quarkus-app, production profile) against the real servers: the basics every service
 * owes, its storage locations, and a snapshot of a real cluster registered on the broker, which becomes one task
 * request without secrets. Its run also trains the AOT cache.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedServiceInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PackagedSnapshotServiceIT extends ServiceBasicsContract {

    @Test
    void listsTheConfiguredStorageLocations() {
        assertThat(given().get("/api/v1/storage").then().statusCode(200).extract().jsonPath().getList("name"))
                .contains("local", "s3");
    }

    @Test
    void requestsOneTaskForASnapshotOfARealCluster() {
        try (PostgresInstance source = PostgresInstance.primary("packaged-snapshot")) {
            source.execute("create database shop");
            String cluster = "packaged-" + UUID.randomUUID().toString().substring(0, 8);
            BrokerRegistry.register(cluster, source);

            JsonPath accepted = given().contentType(ContentType.JSON)
                    .body(Map.of("cluster", cluster, "kind", "logical", "database", "shop"))
                    .post("/api/v1/snapshots").then().statusCode(202).extract().jsonPath();
            String taskId = accepted.getString("taskId");
            var requests = KafkaProbe.readAll(TaskEvents.TOPIC, record -> taskId.equals(record.key())
                    && TaskEvents.REQUESTED.type().equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)),
                    Duration.ofSeconds(2), Duration.ofSeconds(20));
            assertThat(requests).hasSize(1);
            assertThat(requests.getFirst().value()).contains(SnapshotTasks.LOGICAL_BACKUP, "backup:" + cluster)
                    .doesNotContain(PostgresInstance.SUPERUSER_PASSWORD);
            given().get("/api/v1/snapshots/{id}", accepted.getString("snapshot.id")).then().statusCode(200);
        }
    }
}
