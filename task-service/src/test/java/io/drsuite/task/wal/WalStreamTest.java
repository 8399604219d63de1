package io.drsuite.task.wal;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.snapshot.WalEvents;
import io.drsuite.events.task.TaskCancelRequested;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.events.task.WalTasks;
import io.drsuite.task.config.WalConfig;
import io.drsuite.task.dr.DrFixture;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A {@code wal.stream} task against a real PostgreSQL 15 primary, storing into a real folder location: every segment
 * the primary switches away from arrives byte for byte and is announced; a pg_receivewal killed with SIGKILL is
 * started again and the archive has no gap; a cancel request by event stops the stream and drops its slot.
 */
@QuarkusTest
class WalStreamTest {

    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(30);

    @Inject
    RegistryFixture registry;

    @Inject
    WalConfig config;

    @Inject
    ObjectMapper json;

    @Test
    void streamsEverySegmentWithoutAGapThroughAKilledReceiverAndStopsOnCancel() throws Exception {
        String cluster = "wal-stream";
        try (PostgresInstance primary = PostgresInstance.primary(cluster)) {
            DrFixture fixture = new DrFixture(registry);
            fixture.register(cluster, primary);
            UUID archiveId = UUID.randomUUID();
            String prefix = cluster + "/wal/" + archiveId;
            String slot = WalTasks.slotFor(archiveId);
            Path folder = Path.of(config.stagingDir()).toAbsolutePath().normalize().resolve(archiveId.toString());
            UUID taskId = UUID.randomUUID();
            fixture.send(new TaskRequested(taskId, WalTasks.STREAM, archiveId.toString(),
                    List.of(WalTasks.streamLock(cluster)), Map.of(WalTasks.ARCHIVE_ID, archiveId.toString(),
                            WalTasks.CLUSTER, cluster, WalTasks.STORAGE, "local", WalTasks.KEY_PREFIX, prefix,
                            WalTasks.SLOT, slot, WalTasks.SYNCHRONOUS, "false"), 30 * 24 * 3600, Instant.now()));
            try {
                streamAndCancel(primary, taskId, archiveId, prefix, slot, folder);
            } finally {
                // A failed assertion must not leave the stream running (and holding a task slot) for later tests.
                cancel(taskId, archiveId);
            }
        }
    }

    private void streamAndCancel(PostgresInstance primary, UUID taskId, UUID archiveId,
            String prefix, String slot, Path folder) throws Exception {
        await().atMost(ARRIVES_WITHIN).until(() -> slotActive(primary, slot));
        assertThat(primary.psql("postgres", "show max_slot_wal_keep_size"))
                .as("a stalled archive's slot cannot fill the primary's disk").contains("10GB");
        primary.execute("create table readings (id bigserial primary key, at timestamptz default now(), "
                + "value text)");

        List<String> switched = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            switched.add(writeAndSwitch(primary));
        }
        for (String segment : switched) {
            assertArchivedExactly(primary, prefix, segment);
        }

        long killed = Long.parseLong(Files.readString(folder.resolve("pg_receivewal.pid")).trim());
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        List<String> afterKill = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            afterKill.add(writeAndSwitch(primary));
        }
        for (String segment : afterKill) {
            assertArchivedExactly(primary, prefix, segment);
        }
        assertThat(Long.parseLong(Files.readString(folder.resolve("pg_receivewal.pid")).trim()))
                .as("a new pg_receivewal streams").isNotEqualTo(killed);
        given().get("/q/metrics").then().body(matchesPattern("(?s).*drsuite_wal_receiver_restarts_total\\{"
                + "cluster=\"wal-stream\"[^}]*} [1-9].*"));

        List<String> segments = archivedSegments(prefix);
        assertThat(segments).containsAll(switched).containsAll(afterKill);
        for (int i = 1; i < segments.size(); i++) {
            assertThat(Long.parseLong(segments.get(i).substring(8), 16))
                    .as("segment after %s", segments.get(i - 1))
                    .isEqualTo(Long.parseLong(segments.get(i - 1).substring(8), 16) + 1);
        }
        Map<String, JsonNode> announced = announced(archiveId, segments.size());
        assertThat(announced.keySet()).containsAll(segments);
        JsonNode first = announced.get(switched.getFirst());
        assertThat(first.get("kind").asText()).isEqualTo("segment");
        assertThat(first.get("timeline").asInt()).isEqualTo(1);
        assertThat(first.get("objectKey").asText()).isEqualTo(WalTasks.objectKey(prefix, switched.getFirst()));
        assertThat(first.get("sha256").asText()).isEqualTo(sha256(stored(prefix, switched.getFirst())));
        long segmentStart = Long.parseLong(switched.getFirst().substring(16), 16) * 16 * 1024 * 1024;
        assertThat(first.get("startLsn").asText()).isEqualTo("0/" + Long.toHexString(segmentStart).toUpperCase());
        assertThat(first.get("endLsn").asText())
                .isEqualTo("0/" + Long.toHexString(segmentStart + 16 * 1024 * 1024).toUpperCase());

        cancel(taskId, archiveId);
        JsonPath ended = DrFixture.awaitDone(taskId, Duration.ofSeconds(60));
        assertThat(ended.getString("state")).as("log: %s", ended.getList("log.message")).isEqualTo("cancelled");
        assertThat(ended.getList("log.message", String.class))
                .anyMatch(line -> line.contains("cancel requested by snapshot-service"))
                .anyMatch(line -> line.contains("dropped slot " + slot));
        assertThat(ProcessHandle.allProcesses().map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains(folder.toString()))).as("pg_receivewal of the archive")
                .isEmpty();
        assertThat(slotExists(primary, slot)).isFalse();
        assertThat(folder).doesNotExist();
    }

    /**
     * A failover: the primary stops, its standby is promoted and becomes the cluster's main node. The stream follows
     * it onto timeline 2: the history file, the old timeline's last (partial) segment up to the switch point, and the
     * new timeline's segments all arrive; the slot on the old primary, which is down, is left with a log line.
     */
    @Test
    void followsTheMainNodeToAPromotedStandbyOntoItsNewTimeline() throws Exception {
        String cluster = "wal-failover";
        try (PostgresInstance primary = PostgresInstance.primary(cluster);
                PostgresInstance standby = primary.standby(cluster + "-standby")) {
            DrFixture fixture = new DrFixture(registry);
            fixture.register(cluster, primary, standby);
            UUID archiveId = UUID.randomUUID();
            String prefix = cluster + "/wal/" + archiveId;
            String slot = WalTasks.slotFor(archiveId);
            UUID taskId = UUID.randomUUID();
            fixture.send(new TaskRequested(taskId, WalTasks.STREAM, archiveId.toString(),
                    List.of(WalTasks.streamLock(cluster)), Map.of(WalTasks.ARCHIVE_ID, archiveId.toString(),
                            WalTasks.CLUSTER, cluster, WalTasks.STORAGE, "local", WalTasks.KEY_PREFIX, prefix),
                    30 * 24 * 3600, Instant.now()));
            try {
                await().atMost(ARRIVES_WITHIN).until(() -> slotActive(primary, slot));
                primary.execute("create table readings (id bigserial primary key, value text)");
                assertArchivedExactly(primary, prefix, writeAndSwitch(primary));
                primary.execute("insert into readings (value) select md5(g::text) from generate_series(1, 500) g");
                await().atMost(ARRIVES_WITHIN).until(() -> standby.count("readings") == primary.count("readings"));

                primary.stop();
                standby.execute("select pg_promote(true, 60)");
                registry.changeNodes(cluster, standby.name());

                String history = "00000002.history";
                await().atMost(ARRIVES_WITHIN).until(() -> Files.exists(stored(prefix, history)));
                String historyText = readFile(standby, "pg_wal/" + history);
                String switchPoint = historyText.trim().split("\\s+")[1];
                String onNewTimeline = writeAndSwitch(standby);
                assertThat(onNewTimeline).startsWith("00000002");
                assertArchivedExactly(standby, prefix, onNewTimeline);

                Map<String, JsonNode> announced = announced(archiveId, 4);
                JsonNode partial = announced.values().stream()
                        .filter(file -> "partial".equals(file.get("kind").asText())).findFirst().orElseThrow();
                assertThat(partial.get("timeline").asInt()).isEqualTo(1);
                assertThat(partial.get("endLsn").asText()).isEqualTo(switchPoint);
                assertThat(announced.get(history).get("kind").asText()).isEqualTo("history");
                assertThat(announced.get(history).get("timeline").asInt()).isEqualTo(2);
                assertThat(DrFixture.task(taskId).getList("log.message", String.class))
                        .anyMatch(line -> line.contains("is " + standby.name()) && line.contains("streaming from it"))
                        .anyMatch(line -> line.contains("could not drop slot " + slot + " on " + primary.name()));

                cancel(taskId, archiveId);
                assertThat(DrFixture.awaitDone(taskId, Duration.ofSeconds(60)).getString("state"))
                        .isEqualTo("cancelled");
                assertThat(slotExists(standby, slot)).isFalse();
            } finally {
                cancel(taskId, archiveId);
            }
        }
    }

    /**
     * Synchronous archiving: with the archive's application name in {@code synchronous_standby_names} the stream is
     * the primary's synchronous standby, so a commit returns only once pg_receivewal --synchronous flushed its WAL
     * (without --synchronous it would confirm the WAL only at the segment's end, and the commit would wait for good).
     */
    @Test
    void aSynchronousArchiveIsTheSynchronousStandbyItsApplicationNameIsListedAs() throws Exception {
        String cluster = "wal-sync";
        try (PostgresInstance primary = PostgresInstance.primary(cluster)) {
            DrFixture fixture = new DrFixture(registry);
            fixture.register(cluster, primary);
            UUID archiveId = UUID.randomUUID();
            String slot = WalTasks.slotFor(archiveId);
            String applicationName = "archive_" + cluster.replace('-', '_');
            UUID taskId = UUID.randomUUID();
            fixture.send(new TaskRequested(taskId, WalTasks.STREAM, archiveId.toString(),
                    List.of(WalTasks.streamLock(cluster)), Map.of(WalTasks.ARCHIVE_ID, archiveId.toString(),
                            WalTasks.CLUSTER, cluster, WalTasks.STORAGE, "local", WalTasks.KEY_PREFIX,
                            cluster + "/wal/" + archiveId, WalTasks.SLOT, slot, WalTasks.SYNCHRONOUS, "true",
                            WalTasks.APPLICATION_NAME, applicationName), 30 * 24 * 3600, Instant.now()));
            try {
                await().atMost(ARRIVES_WITHIN).until(() -> slotActive(primary, slot));
                primary.execute("create table orders (id int)");
                primary.execute("alter system set synchronous_standby_names = '\"" + applicationName + "\"'",
                        "select pg_reload_conf()");
                await().atMost(ARRIVES_WITHIN).until(() -> "sync".equals(
                        primary.streamingStandbys().get(applicationName)));
                CompletableFuture.runAsync(() -> primary.execute("insert into orders values (1)"))
                        .get(20, TimeUnit.SECONDS);
                assertThat(primary.count("orders")).as("a commit the synchronous archive acknowledged").isEqualTo(1);
            } finally {
                primary.execute("alter system reset synchronous_standby_names", "select pg_reload_conf()");
                cancel(taskId, archiveId);
            }
            assertThat(DrFixture.awaitDone(taskId, Duration.ofSeconds(60)).getString("state")).isEqualTo("cancelled");
        }
    }

    private static String readFile(PostgresInstance node, String path) throws Exception {
        try (Connection connection = node.connect("postgres");
                PreparedStatement statement = connection.prepareStatement("select pg_read_file(?)")) {
            statement.setString(1, path);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private void cancel(UUID taskId, UUID archiveId) {
        ClusterEventFixtures.publish(TaskEvents.CANCEL_REQUESTED, taskId, new TaskCancelRequested(taskId,
                archiveId.toString(), "snapshot-service", Instant.now()), registry.json());
    }

    /** Writes rows, switches to a new segment and returns the name of the one it switched away from. */
    private static String writeAndSwitch(PostgresInstance primary) throws Exception {
        primary.execute("insert into readings (value) select md5(g::text) from generate_series(1, 2000) g");
        try (Connection connection = primary.connect("postgres");
                var statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
            row.next();
            return row.getString(1);
        }
    }

    private static void assertArchivedExactly(PostgresInstance primary, String prefix, String segment)
            throws Exception {
        Path object = LocalInfrastructure.snapshotFolder().resolve(WalTasks.objectKey(prefix, segment));
        await().atMost(ARRIVES_WITHIN).until(() -> Files.exists(object));
        byte[] onPrimary;
        try (Connection connection = primary.connect("postgres");
                PreparedStatement statement = connection.prepareStatement("select pg_read_binary_file(?)")) {
            statement.setString(1, "pg_wal/" + segment);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                onPrimary = row.getBytes(1);
            }
        }
        try (InputStream archived = new GZIPInputStream(Files.newInputStream(object))) {
            assertThat(archived.readAllBytes()).as(segment).isEqualTo(onPrimary);
        }
    }

    private static Path stored(String prefix, String fileName) {
        return LocalInfrastructure.snapshotFolder().resolve(WalTasks.objectKey(prefix, fileName));
    }

    /** The segment names stored under the prefix, in WAL order. */
    private static List<String> archivedSegments(String prefix) throws IOException {
        try (var files = Files.list(LocalInfrastructure.snapshotFolder().resolve(prefix))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.matches("[0-9A-F]{24}\\.gz"))
                    .map(name -> name.substring(0, 24)).sorted().toList();
        }
    }

    private Map<String, JsonNode> announced(UUID archiveId, int atLeast) {
        Map<String, JsonNode> byFile = new HashMap<>();
        await().atMost(ARRIVES_WITHIN).until(() -> {
            for (ConsumerRecord<String, String> record : KafkaProbe.readAll(WalEvents.TOPIC,
                    candidate -> archiveId.toString().equals(candidate.key())
                            && WalEvents.SEGMENT_ARCHIVED.type().equals(KafkaProbe.header(candidate, "ce_type")),
                    Duration.ofMillis(500), Duration.ofSeconds(10))) {
                JsonNode payload = json.readTree(record.value());
                byFile.put(payload.get("fileName").asText(), payload);
            }
            return byFile.size() >= atLeast;
        });
        return byFile;
    }

    private static boolean slotActive(PostgresInstance node, String slot) throws Exception {
        return Boolean.TRUE.equals(slotState(node, slot));
    }

    private static boolean slotExists(PostgresInstance node, String slot) throws Exception {
        return slotState(node, slot) != null;
    }

    private static Boolean slotState(PostgresInstance node, String slot) throws Exception {
        try (Connection connection = node.connect("postgres"); PreparedStatement statement =
                connection.prepareStatement("select active from pg_replication_slots where slot_name = ?")) {
            statement.setString(1, slot);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getBoolean(1) : null;
            }
        }
    }

    private static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
