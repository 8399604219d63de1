package io.drsuite.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.snapshot.SnapshotEvents;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SampleData;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snapshots end to end through the API of the packaged services: snapshot-service records and schedules, task-service
 * runs pg_basebackup / pg_dump / pg_restore against real PostgreSQL servers and writes to a real folder or a real
 * S3-compatible server; relationship-service's events drive the DR rules.
 */
@Order(2)
class SnapshotSystemTest {

    private final Suite suite = Suite.get();
    private final DrApi dr = new DrApi(suite);
    private final SnapshotApi snapshots = new SnapshotApi(suite);

    @ParameterizedTest
    @ValueSource(strings = {"local", "s3"})
    void aLogicalSnapshotRestoredToANewDatabaseHoldsTheDataOfTheSnapshotMoment(String storage) throws Exception {
        String cluster = "sys-logical-" + storage;
        try (PostgresInstance prod = PostgresInstance.primary(cluster)) {
            SampleData.shop(prod, 5000);
            dr.register(cluster, prod);
            Map<String, String> atSnapshot = prod.tableChecksums("shop");

            String id = snapshots.take(Map.of("cluster", cluster, "kind", "logical", "database", "shop",
                    "storage", storage));
            JsonPath completed = snapshots.awaitCompleted(id);
            assertThat(completed.getString("sha256")).matches("[0-9a-f]{64}");
            assertThat(completed.getLong("sizeBytes")).isPositive();

            prod.executeIn("shop", "update customers set name = upper(name)", "delete from orders where id < 500",
                    "insert into orders (customer_id, amount) values (3, 42)");
            Map<String, String> changed = prod.tableChecksums("shop");

            JsonPath restore = snapshots.restore(id, Map.of());
            String restoredDatabase = restore.getString("targetDatabase");
            assertThat(restoredDatabase).startsWith("shop_");
            assertThat(prod.tableChecksums(restoredDatabase)).isEqualTo(atSnapshot);
            assertThat(prod.tableChecksums("shop")).isEqualTo(changed);

            snapshots.post("/api/v1/snapshots/{id}/restore", Map.of("targetDatabase", restoredDatabase), id)
                    .statusCode(409).body("detail", containsString("replace"));
        }
    }

    @Test
    void aPhysicalSnapshotRestoredOntoAFreshNodeStartsAndServesTheSameData() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("sys-physical");
                PostgresInstance fresh = PostgresInstance.primary("sys-fresh")) {
            SampleData.shop(prod, 5000);
            dr.register("sys-physical", prod);
            dr.register("sys-fresh", fresh);
            Map<String, String> atSnapshot = prod.tableChecksums("shop");

            String id = snapshots.take(Map.of("cluster", "sys-physical", "kind", "physical", "storage", "s3"));
            JsonPath completed = snapshots.awaitCompleted(id);
            assertThat(completed.getString("startLsn")).isNotBlank();
            assertThat(snapshots.verify(id).getString("verification.state")).isEqualTo("ok");

            snapshots.post("/api/v1/snapshots/{id}/restore", Map.of("targetCluster", "sys-fresh"), id)
                    .statusCode(409).body("detail", containsString("replace: true"));
            snapshots.restore(id, Map.of("targetCluster", "sys-fresh", "replace", true, "reason",
                    "system test: rebuild sys-fresh"));

            assertThat(fresh.inRecovery()).isFalse();
            assertThat(fresh.tableChecksums("shop")).isEqualTo(atSnapshot);
            fresh.executeIn("shop", "insert into customers values (100000, 'new after restore')");
        }
    }

    @Test
    void flippedBytesInStorageMakeVerificationReportCorrupt() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("sys-corrupt")) {
            SampleData.shop(prod, 5000);
            dr.register("sys-corrupt", prod);
            String id = snapshots.take(Map.of("cluster", "sys-corrupt", "kind", "logical", "database", "shop",
                    "storage", "s3"));
            snapshots.awaitCompleted(id);
            assertThat(snapshots.verify(id).getString("verification.state")).isEqualTo("ok");

            SampleData.flipMiddleByte(LocalInfrastructure.s3ObjectFile("sys-corrupt/logical/" + id + "/shop.dump"));

            JsonPath corrupt = snapshots.verify(id);
            assertThat(corrupt.getString("verification.state")).isEqualTo("corrupt");
            assertThat(corrupt.getString("phase")).isEqualTo("corrupt");
            assertThat(corrupt.getString("verification.detail")).contains("SHA-256");
            assertThat(KafkaProbe.readAll(SnapshotEvents.TOPIC, record -> id.equals(record.key()),
                    Duration.ofSeconds(2), Duration.ofSeconds(20)))
                    .extracting(record -> KafkaProbe.header(record, CloudEventHeaders.TYPE))
                    .contains(SnapshotEvents.CORRUPT.type());
            snapshots.post("/api/v1/snapshots/{id}/restore", Map.of(), id).statusCode(409)
                    .body("detail", containsString("corrupt"));
        }
    }

    @Test
    void aRealDrRelationshipRefusesSnapshotsOfItsDrClusterAndRestoresIntoEither() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("sys-rule-prod");
                PostgresInstance drNode = PostgresInstance.primary("sys-rule-dr")) {
            SampleData.shop(prod, 5000);
            dr.register("sys-rule-prod", prod);
            dr.register("sys-rule-dr", drNode);
            String id = snapshots.take(Map.of("cluster", "sys-rule-prod", "kind", "logical", "database", "shop"));
            snapshots.awaitCompleted(id);

            String[] created = dr.create("sys-rule", "sys-rule-prod", "sys-rule-dr", "async");
            dr.awaitPhase(created[0], "active", created[1]);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> snapshots.post("/api/v1/snapshots",
                    Map.of("cluster", "sys-rule-dr", "kind", "physical")).statusCode(409)
                    .body("detail", containsString("sys-rule")));
            for (String target : List.of("sys-rule-prod", "sys-rule-dr")) {
                snapshots.post("/api/v1/snapshots/{id}/restore", Map.of("targetCluster", target), id).statusCode(409)
                        .body("type", containsString("cluster-in-relationship"));
            }
            snapshots.post("/api/v1/snapshots", Map.of("cluster", "sys-rule-prod", "kind", "physical"))
                    .statusCode(202);
        }
    }
}
