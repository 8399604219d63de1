package io.drsuite.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.task.dr.DrFixture;
import io.drsuite.testing.BrokerRegistry;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PackagedServiceInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SampleData;
import io.drsuite.testing.ServiceBasicsContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (target/quarkus-app, production profile) against the real servers: the basics every service
 * owes, and a logical snapshot of a real cluster requested on the broker and written to the folder location. Its
 * run also trains the AOT cache.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedServiceInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PackagedTaskServiceIT extends ServiceBasicsContract {

    @Test
    void runsALogicalSnapshotOfARealCluster() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("packaged-task")) {
            SampleData.shop(primary, 100);
            String cluster = "packaged-" + UUID.randomUUID().toString().substring(0, 8);
            BrokerRegistry.register(cluster, primary);
            String key = "packaged-it/" + cluster + ".dump";
            String snapshotId = UUID.randomUUID().toString();
            TaskRequested request = new TaskRequested(UUID.randomUUID(), SnapshotTasks.LOGICAL_BACKUP, snapshotId,
                    List.of(SnapshotTasks.backupLock(cluster)),
                    Map.of(SnapshotTasks.SNAPSHOT_ID, snapshotId, SnapshotTasks.CLUSTER, cluster,
                            SnapshotTasks.DATABASE, "shop", SnapshotTasks.STORAGE, "local",
                            SnapshotTasks.OBJECT_KEY, key),
                    600, Instant.now());
            BrokerRegistry.publish(TaskEvents.REQUESTED, request.taskId(), request);

            JsonPath task = DrFixture.awaitDone(request.taskId(), Duration.ofMinutes(2));
            assertThat(task.getString("state")).as("task %s", task.prettify()).isEqualTo("succeeded");
            Path stored = LocalInfrastructure.snapshotFolder().resolve(key);
            Map<String, String> artifacts = task.getMap("steps[0].artifacts");
            assertThat(Files.size(stored)).isPositive()
                    .isEqualTo(Long.parseLong(artifacts.get(SnapshotTasks.SIZE_BYTES)));
        }
    }
}
