package io.drsuite.task.snapshot;

import static io.drsuite.task.dr.DrFixture.awaitDone;
import static io.drsuite.task.dr.DrFixture.awaitSucceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.task.dr.DrFixture;
import io.drsuite.task.model.Task;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SampleData;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snapshot tasks against real PostgreSQL 15 servers and both kinds of storage: a folder and a bucket on a real
 * S3-compatible server (S3Proxy). Every storage kind runs the same cases.
 */
@QuarkusTest
class SnapshotTasksTest {

    @Inject
    RegistryFixture registry;

    @Inject
    BackupSlotSweep sweep;

    DrFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DrFixture(registry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "s3"})
    void logicalSnapshotRestoresToANewDatabaseAsItWasAtTheSnapshotAndReplacesNamedTables(String storage)
            throws Exception {
        String cluster = "logical-" + storage;
        try (PostgresInstance prod = PostgresInstance.primary(cluster)) {
            SampleData.shop(prod, 20000);
            fixture.register(cluster, prod);
            Map<String, String> atSnapshot = prod.tableChecksums("shop");

            String key = cluster + "/logical/shop.dump";
            JsonPath backup = awaitSucceeded(request(SnapshotTasks.LOGICAL_BACKUP, cluster, Map.of(
                    SnapshotTasks.DATABASE, "shop", SnapshotTasks.STORAGE, storage, SnapshotTasks.OBJECT_KEY, key)));
            Map<String, String> artifacts = backup.getMap("steps[0].artifacts");
            assertThat(artifacts.get(SnapshotTasks.SHA256)).matches("[0-9a-f]{64}");
            assertThat(Long.parseLong(artifacts.get(SnapshotTasks.SIZE_BYTES))).isPositive();

            prod.executeIn("shop", "update customers set name = 'changed'", "delete from orders where id % 3 = 0",
                    "insert into orders (customer_id, amount) values (1, 999)");
            Map<String, String> changed = prod.tableChecksums("shop");
            assertThat(changed).isNotEqualTo(atSnapshot);

            Map<String, String> restore = restoreParameters(storage, key, artifacts, cluster, "shop_restored");
            awaitSucceeded(request(SnapshotTasks.LOGICAL_RESTORE, cluster, restore));
            assertThat(prod.tableChecksums("shop_restored")).isEqualTo(atSnapshot);
            assertThat(prod.tableChecksums("shop")).isEqualTo(changed);

            JsonPath refused = awaitDone(request(SnapshotTasks.LOGICAL_RESTORE, cluster, restore),
                    Duration.ofMinutes(2));
            assertThat(refused.getString("state")).isEqualTo("failed");
            assertThat(refused.getString("error")).contains("shop_restored exists");
            assertThat(prod.tableChecksums("shop_restored")).isEqualTo(atSnapshot);

            Map<String, String> tables = restoreParameters(storage, key, artifacts, cluster, "shop");
            tables.put(SnapshotTasks.TABLES, "public.orders");
            tables.put(SnapshotTasks.REPLACE, "true");
            awaitSucceeded(request(SnapshotTasks.LOGICAL_RESTORE, cluster, tables));
            Map<String, String> afterTables = prod.tableChecksums("shop");
            assertThat(afterTables.get("public.orders")).isEqualTo(atSnapshot.get("public.orders"));
            assertThat(afterTables.get("public.customers")).isEqualTo(changed.get("public.customers"));
            prod.executeIn("shop", "insert into orders (customer_id, amount) values (2, 1)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "s3"})
    void physicalSnapshotRestoredOntoAFreshNodeStartsAndServesTheSameData(String storage) throws Exception {
        String source = "physical-" + storage;
        String target = "fresh-" + storage;
        try (PostgresInstance prod = PostgresInstance.primary(source);
                PostgresInstance fresh = PostgresInstance.primary(target)) {
            SampleData.shop(prod, 20000);
            fixture.register(source, prod);
            fixture.register(target, fresh);
            Map<String, String> atSnapshot = prod.tableChecksums("shop");

            String key = source + "/physical/base.tar.gz";
            JsonPath backup = awaitSucceeded(request(SnapshotTasks.PHYSICAL_BACKUP, source, Map.of(
                    SnapshotTasks.STORAGE, storage, SnapshotTasks.OBJECT_KEY, key)));
            Map<String, String> artifacts = backup.getMap("steps[0].artifacts");
            assertThat(artifacts.get(SnapshotTasks.START_LSN)).matches("[0-9A-F]+/[0-9A-F]+");
            try (var session = prod.connect("postgres"); var statement = session.createStatement();
                    var slots = statement.executeQuery("select count(*) from pg_replication_slots")) {
                slots.next();
                assertThat(slots.getInt(1)).as("the backup's WAL slot is dropped").isZero();
            }
            prod.executeIn("shop", "delete from orders");

            JsonPath verified = awaitSucceeded(request(SnapshotTasks.VERIFY, source, verifyParameters(storage, key,
                    artifacts, "physical")));
            assertThat(verified.getString("steps[0].artifacts.verdict")).isEqualTo("ok");

            Map<String, String> restore = restoreParameters(storage, key, artifacts, target, null);
            restore.put(SnapshotTasks.TARGET_NODE, target);
            awaitSucceeded(request(SnapshotTasks.PHYSICAL_RESTORE, target, restore));

            assertThat(fresh.inRecovery()).isFalse();
            assertThat(fresh.tableChecksums("shop")).isEqualTo(atSnapshot);
            fresh.executeIn("shop", "insert into orders (customer_id, amount) values (1, 5)");
            assertThat(Files.exists(Path.of(fresh.dataDirectory() + ".drsuite-pre-restore"))).isFalse();
            assertThat(Files.readString(fresh.dataDirectory().resolve("instance.conf")))
                    .contains("port = " + fresh.port());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "s3"})
    void verifyFindsFlippedBytes(String storage) throws Exception {
        String cluster = "verify-" + storage;
        try (PostgresInstance prod = PostgresInstance.primary(cluster)) {
            SampleData.shop(prod, 20000);
            fixture.register(cluster, prod);
            String key = cluster + "/logical/shop.dump";
            JsonPath backup = awaitSucceeded(request(SnapshotTasks.LOGICAL_BACKUP, cluster, Map.of(
                    SnapshotTasks.DATABASE, "shop", SnapshotTasks.STORAGE, storage, SnapshotTasks.OBJECT_KEY, key)));
            Map<String, String> artifacts = backup.getMap("steps[0].artifacts");
            Map<String, String> verify = verifyParameters(storage, key, artifacts, "logical");
            assertThat(awaitSucceeded(request(SnapshotTasks.VERIFY, cluster, verify))
                    .getString("steps[0].artifacts.verdict")).isEqualTo("ok");

            SampleData.flipMiddleByte("local".equals(storage) ? LocalInfrastructure.snapshotFolder().resolve(key)
                    : LocalInfrastructure.s3ObjectFile(key));

            JsonPath corrupt = awaitSucceeded(request(SnapshotTasks.VERIFY, cluster, verify));
            assertThat(corrupt.getString("steps[0].artifacts.verdict")).isEqualTo("corrupt");
            assertThat(corrupt.getString("steps[0].artifacts.verdictDetail")).contains("SHA-256");

            Map<String, String> restore = restoreParameters(storage, key, artifacts, cluster, "never_created");
            JsonPath refused = awaitDone(request(SnapshotTasks.LOGICAL_RESTORE, cluster, restore),
                    Duration.ofMinutes(2));
            assertThat(refused.getString("state")).isEqualTo("failed");
            assertThat(refused.getString("error")).contains("corrupt");
            try (var session = prod.connect("postgres"); var statement = session.createStatement();
                    var rows = statement.executeQuery("select count(*) from pg_database where datname = "
                            + "'never_created'")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aPhysicalBackupResumedPastItsDeadlineAfterACrashLeavesNoSlotBehind() throws Exception {
        String cluster = "slot-leak";
        try (PostgresInstance prod = PostgresInstance.primary(cluster)) {
            fixture.register(cluster, prod);
            String snapshotId = UUID.randomUUID().toString();
            prod.execute("select pg_create_physical_replication_slot('drsuite_backup_" + snapshotId.replace("-", "")
                    + "', true)");
            UUID blocker = request(SnapshotTasks.PHYSICAL_BACKUP, cluster, Map.of(SnapshotTasks.CLUSTER,
                    "never-registered", SnapshotTasks.STORAGE, "local", SnapshotTasks.OBJECT_KEY, "never/base.tar.gz"));
            UUID resumed = request(SnapshotTasks.PHYSICAL_BACKUP, cluster, Map.of(SnapshotTasks.SNAPSHOT_ID,
                    snapshotId, SnapshotTasks.STORAGE, "local", SnapshotTasks.OBJECT_KEY, cluster + "/base.tar.gz"));
            await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                    Task.update("deadline = ?1 where id = ?2 and attempts = 0", Instant.now().minusSeconds(1),
                            resumed)) == 1);

            awaitDone(blocker, Duration.ofMinutes(1));
            JsonPath ended = awaitDone(resumed, Duration.ofMinutes(1));

            assertThat(ended.getString("state")).isEqualTo("failed");
            assertThat(ended.getString("error")).contains("deadline");
            assertThat(backupSlots(prod)).as("the slot of the crashed run is dropped when the task ends").isEmpty();
        }
    }

    @Test
    void theSlotSweepDropsBackupSlotsWhoseTaskIsNotRunningAndNoOtherSlot() throws Exception {
        String cluster = "slot-sweep";
        try (PostgresInstance prod = PostgresInstance.primary(cluster)) {
            fixture.register(cluster, prod);
            String orphan = BackupSlot.nameFor(UUID.randomUUID().toString());
            prod.execute("select pg_create_physical_replication_slot('" + orphan + "', true)",
                    "select pg_create_physical_replication_slot('drsuite_backup_of_the_dba', true)");

            await().atMost(Duration.ofSeconds(20)).until(() -> sweep.sweep().contains(orphan));

            assertThat(backupSlots(prod)).containsExactly("drsuite_backup_of_the_dba");
        }
    }

    private static List<String> backupSlots(PostgresInstance node) throws Exception {
        List<String> slots = new java.util.ArrayList<>();
        try (var session = node.connect("postgres"); var statement = session.createStatement();
                var rows = statement.executeQuery(
                        "select slot_name from pg_replication_slots where slot_name like 'drsuite\\_backup\\_%'")) {
            while (rows.next()) {
                slots.add(rows.getString(1));
            }
        }
        return slots;
    }

    private UUID request(String type, String cluster, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.putIfAbsent(SnapshotTasks.SNAPSHOT_ID, UUID.randomUUID().toString());
        all.putIfAbsent(SnapshotTasks.CLUSTER, cluster);
        TaskRequested request = new TaskRequested(UUID.randomUUID(), type, all.get(SnapshotTasks.SNAPSHOT_ID),
                List.of(SnapshotTasks.backupLock(cluster)), all, 600, Instant.now());
        fixture.send(request);
        return request.taskId();
    }

    private static Map<String, String> verifyParameters(String storage, String key, Map<String, String> artifacts,
            String kind) {
        return new HashMap<>(Map.of(SnapshotTasks.STORAGE, storage, SnapshotTasks.OBJECT_KEY, key,
                SnapshotTasks.EXPECTED_SHA256, artifacts.get(SnapshotTasks.SHA256), SnapshotTasks.KIND, kind,
                SnapshotTasks.MAJOR_VERSION, "15"));
    }

    private static Map<String, String> restoreParameters(String storage, String key, Map<String, String> artifacts,
            String targetCluster, String targetDatabase) {
        Map<String, String> parameters = verifyParameters(storage, key, artifacts,
                targetDatabase == null ? "physical" : "logical");
        parameters.put(SnapshotTasks.TARGET_CLUSTER, targetCluster);
        if (targetDatabase != null) {
            parameters.put(SnapshotTasks.TARGET_DATABASE, targetDatabase);
        }
        return parameters;
    }

}
