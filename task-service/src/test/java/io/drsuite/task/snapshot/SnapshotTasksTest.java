package io.drsuite.task.snapshot;

import static io.drsuite.task.dr.DrFixture.awaitDone;
import static io.drsuite.task.dr.DrFixture.awaitSucceeded;
import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.clusterclient.sql.Lsn;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
            assertThat(artifacts.get(SnapshotTasks.END_LSN)).matches("[0-9A-F]+/[0-9A-F]+");
            assertThat(Lsn.parse(artifacts.get(SnapshotTasks.END_LSN)))
                    .isGreaterThan(Lsn.parse(artifacts.get(SnapshotTasks.START_LSN)));
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
    /**
     * Storage damaged between the task's check of the snapshot and its restore: the first run stops before the
     * restore (the table is missing then), the object is damaged, the table comes back and the task is resumed.
     * Garbage appended to the object lets every row through and only the final checksum fails; a flipped byte in
     * the middle makes pg_restore fail after the first rows. Either way the tables keep exactly their rows.
     */
    @Test
    void aFailedTablesRestoreWithReplaceLeavesTheTablesExactlyAsTheyWere() throws Exception {
        String cluster = "tables-damaged";
        try (PostgresInstance prod = PostgresInstance.primary(cluster)) {
            SampleData.shop(prod, 20000);
            fixture.register(cluster, prod);
            String key = cluster + "/logical/shop.dump";
            Map<String, String> artifacts = awaitSucceeded(request(SnapshotTasks.LOGICAL_BACKUP, cluster, Map.of(
                    SnapshotTasks.DATABASE, "shop", SnapshotTasks.STORAGE, "local", SnapshotTasks.OBJECT_KEY, key)))
                    .getMap("steps[0].artifacts");
            prod.executeIn("shop", "update customers set name = 'changed'", "delete from orders where id % 3 = 0",
                    "insert into orders (customer_id, amount) values (1, 999)");
            Map<String, String> before = prod.tableChecksums("shop");
            Path stored = LocalInfrastructure.snapshotFolder().resolve(key);
            byte[] intact = Files.readAllBytes(stored);

            Map<String, String> tables = restoreParameters("local", key, artifacts, cluster, "shop");
            tables.put(SnapshotTasks.TABLES, "public.customers\npublic.orders");
            tables.put(SnapshotTasks.REPLACE, "true");
            for (Runnable damage : List.<Runnable>of(() -> append(stored, "trailing garbage"),
                    () -> SampleData.flipMiddleByte(stored))) {
                prod.executeIn("shop", "alter table orders rename to orders_away");
                UUID task = request(SnapshotTasks.LOGICAL_RESTORE, cluster, tables);
                JsonPath stopped = awaitDone(task, Duration.ofMinutes(2));
                assertThat(stopped.getString("failedStep")).isEqualTo("prepare-target");
                prod.executeIn("shop", "alter table orders_away rename to orders");
                damage.run();

                given().post("/api/v1/tasks/{id}/resume", task).then().statusCode(202);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                        .until(() -> DrFixture.task(task).getInt("attempts") == 2
                                && "failed".equals(DrFixture.task(task).getString("state")));
                assertThat(DrFixture.task(task).getString("failedStep")).isEqualTo("restore");
                assertThat(prod.tableChecksums("shop")).isEqualTo(before);
                Files.write(stored, intact);
            }
        }
    }

    /**
     * A whole-database restore with replace restores under a temporary name and swaps it in only once it is
     * complete: a restore of a damaged archive (its checksum recorded after the damage, so only pg_restore notices)
     * leaves the original with all its rows; a good one ends with the snapshot's rows under the original name, the
     * sessions of the original ended, and no other database left behind.
     */
    @Test
    void aFailedDatabaseReplaceKeepsTheOriginalAndASuccessfulOneSwapsTheRestoredDatabaseIn() throws Exception {
        String cluster = "replace-database";
        try (PostgresInstance prod = PostgresInstance.primary(cluster)) {
            SampleData.shop(prod, 20000);
            fixture.register(cluster, prod);
            Map<String, String> atSnapshot = prod.tableChecksums("shop");
            String key = cluster + "/logical/shop.dump";
            Map<String, String> artifacts = awaitSucceeded(request(SnapshotTasks.LOGICAL_BACKUP, cluster, Map.of(
                    SnapshotTasks.DATABASE, "shop", SnapshotTasks.STORAGE, "local", SnapshotTasks.OBJECT_KEY, key)))
                    .getMap("steps[0].artifacts");
            prod.executeIn("shop", "update customers set name = 'changed'", "delete from orders where id % 3 = 0");
            Map<String, String> before = prod.tableChecksums("shop");

            String damagedKey = cluster + "/logical/shop-damaged.dump";
            Path damaged = LocalInfrastructure.snapshotFolder().resolve(damagedKey);
            Files.copy(LocalInfrastructure.snapshotFolder().resolve(key), damaged,
                    StandardCopyOption.REPLACE_EXISTING);
            SampleData.flipMiddleByte(damaged);
            Map<String, String> failing = restoreParameters("local", damagedKey,
                    Map.of(SnapshotTasks.SHA256, sha256(damaged)), cluster, "shop");
            failing.put(SnapshotTasks.REPLACE, "true");
            JsonPath failed = awaitDone(request(SnapshotTasks.LOGICAL_RESTORE, cluster, failing),
                    Duration.ofMinutes(2));
            assertThat(failed.getString("state")).isEqualTo("failed");
            assertThat(prod.tableChecksums("shop")).isEqualTo(before);
            assertThat(databases(prod)).containsExactlyInAnyOrder("postgres", "shop");

            Map<String, String> replace = restoreParameters("local", key, artifacts, cluster, "shop");
            replace.put(SnapshotTasks.REPLACE, "true");
            try (Connection open = prod.connect("shop")) {
                awaitSucceeded(request(SnapshotTasks.LOGICAL_RESTORE, cluster, replace));
                assertThat(open.isValid(2)).as("the session on the replaced database was ended").isFalse();
            }
            assertThat(prod.tableChecksums("shop")).isEqualTo(atSnapshot);
            assertThat(databases(prod)).containsExactlyInAnyOrder("postgres", "shop");
        }
    }

    /**
     * A folder left by an earlier restore under the old fixed set-aside name ({@code <data>.drsuite-pre-restore},
     * holding an older copy of the node) is neither taken for this restore's copy of the live data nor touched: a
     * failing restore (a damaged archive whose checksum was recorded after the damage) puts the live data back, a
     * good one serves the snapshot, and the stale folder is as it was.
     */
    @Test
    void aLeftoverSetAsideFolderIsNeitherRestoredNorRemovedByAPhysicalRestore() throws Exception {
        String source = "physical-leftover";
        String target = "leftover-target";
        try (PostgresInstance prod = PostgresInstance.primary(source);
                PostgresInstance node = PostgresInstance.primary(target)) {
            SampleData.shop(prod, 2000);
            fixture.register(source, prod);
            fixture.register(target, node);
            Map<String, String> atSnapshot = prod.tableChecksums("shop");
            String key = source + "/physical/base.tar.gz";
            Map<String, String> artifacts = awaitSucceeded(request(SnapshotTasks.PHYSICAL_BACKUP, source, Map.of(
                    SnapshotTasks.STORAGE, "local", SnapshotTasks.OBJECT_KEY, key))).getMap("steps[0].artifacts");

            node.execute("create table marks (v text)", "insert into marks values ('older')");
            node.stop();
            Path stale = Path.of(node.dataDirectory() + ".drsuite-pre-restore");
            asPostgresUser("cp", "-a", node.dataDirectory().toString(), stale.toString());
            asPostgresUser("touch", stale.resolve("left-by-an-earlier-restore").toString());
            node.start();
            node.execute("update marks set v = 'live'");
            try {
                String damagedKey = source + "/physical/base-damaged.tar.gz";
                Path damaged = LocalInfrastructure.snapshotFolder().resolve(damagedKey);
                Files.copy(LocalInfrastructure.snapshotFolder().resolve(key), damaged,
                        StandardCopyOption.REPLACE_EXISTING);
                SampleData.flipMiddleByte(damaged);
                Map<String, String> failing = restoreParameters("local", damagedKey,
                        Map.of(SnapshotTasks.SHA256, sha256(damaged)), target, null);
                failing.put(SnapshotTasks.TARGET_NODE, target);
                JsonPath failed = awaitDone(request(SnapshotTasks.PHYSICAL_RESTORE, target, failing),
                        Duration.ofMinutes(3));
                assertThat(failed.getString("state")).isEqualTo("failed");
                assertThat(node.psql("postgres", "select v from marks")).contains("live").doesNotContain("older");
                assertThat(stale.resolve("left-by-an-earlier-restore")).exists();

                Map<String, String> restore = restoreParameters("local", key, artifacts, target, null);
                restore.put(SnapshotTasks.TARGET_NODE, target);
                awaitSucceeded(request(SnapshotTasks.PHYSICAL_RESTORE, target, restore));
                assertThat(node.tableChecksums("shop")).isEqualTo(atSnapshot);
                assertThat(stale.resolve("left-by-an-earlier-restore")).exists();
                try (var siblings = Files.list(node.dataDirectory().getParent())) {
                    assertThat(siblings.map(path -> path.getFileName().toString())
                            .filter(name -> name.startsWith(node.dataDirectory().getFileName() + ".drsuite-pre")))
                            .containsExactly(stale.getFileName().toString());
                }
            } finally {
                asPostgresUser("rm", "-rf", stale.toString());
            }
        }
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

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<String> databases(PostgresInstance server) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection session = server.connect("postgres"); var statement = session.createStatement();
                var rows = statement.executeQuery("select datname from pg_database where datistemplate = false")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** Runs a command as the PostgreSQL OS user (whose files the servers' data directories are). */
    private static void asPostgresUser(String... command) throws Exception {
        List<String> argv = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            argv.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        argv.addAll(List.of(command));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(argv + ": " + output).isZero();
    }
}
