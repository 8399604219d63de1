package io.drsuite.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SampleData;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A backup policy on the packaged services: its cron schedule fires, its snapshots are real, and its retention
 * deletes the oldest. A class of its own because it waits for two cron minutes, while the other classes run.
 */
@Order(1)
class SnapshotPolicySystemTest {

    private final Suite suite = Suite.get();
    private final DrApi dr = new DrApi(suite);
    private final SnapshotApi snapshots = new SnapshotApi(suite);

    @Test
    void aPolicyEveryMinuteTakesSnapshotsAndRetentionDeletesTheOldest() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("sys-policy")) {
            SampleData.shop(prod, 5000);
            dr.register("sys-policy", prod);
            String policyId = snapshots.post("/api/v1/policies", Map.of("name", "every-minute",
                    "cluster", "sys-policy", "kind", "logical", "database", "shop", "schedule", "* * * * *",
                    "retention", Map.of("keepLast", 1))).statusCode(201).extract().jsonPath().getString("id");

            String first = awaitPolicySnapshot(policyId, null);
            snapshots.awaitCompleted(first);
            String second = awaitPolicySnapshot(policyId, first);
            snapshots.awaitCompleted(second);
            await().atMost(Duration.ofSeconds(90)).until(() -> snapshots.status("/api/v1/snapshots/{id}", first)
                    == 404);
            assertThat(snapshots.status("/api/v1/snapshots/{id}", second)).isEqualTo(200);
            JsonPath policy = snapshots.get("/api/v1/policies/{id}", policyId);
            assertThat(policy.getString("lastRunAt")).isNotNull();
            assertThat(policy.getString("nextRunAt")).isNotNull();
        }
    }

    private String awaitPolicySnapshot(String policyId, String after) {
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<Map<String, Object>> ofPolicy = snapshots.get("/api/v1/snapshots?cluster=sys-policy")
                    .getList("findAll { it.policyId == '" + policyId + "' }");
            for (Map<String, Object> snapshot : ofPolicy) {
                if (!snapshot.get("id").equals(after)) {
                    found[0] = (String) snapshot.get("id");
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
