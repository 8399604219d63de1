package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;

import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RepositoryRoot;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The WAL archive and point-in-time restore on this machine. First raw {@code pg_receivewal} (own slot, local
 * folder, uncompressed) while {@code drsuite.benchmark.wal-mb} (1024) MB of WAL are written as fast as the primary
 * can, then the suite's archive (storage {@code local}, gzip) while the same amount is written again after a physical
 * snapshot: each timed from the first write to the moment the segment the primary was on at the end is archived.
 * Then a spare cluster is restored to a restore point taken after that WAL, timed from the API call to the restore's
 * {@code completed}, with the restore task's steps and the WAL it staged. Not part of the test command:
 * {@code ./drsuite benchmark pitr}. Results go to stdout and {@code system-tests/target/pitr-benchmark.md}.
 */
@Isolated
@Tag("benchmark")
class WalArchiveBenchmark {

    private static final long WAL_BYTES = Long.getLong("drsuite.benchmark.wal-mb", 1024) * 1_048_576L;
    /** Rows per insert: about 150 MB of WAL, so each transaction is big and the write loop checks rarely. */
    private static final long BATCH_ROWS = 700_000;
    private static final String RESTORE_POINT = "bench-after-wal";
    private static final Pattern STAGED = Pattern.compile("staged (\\d+) archived WAL files \\((\\d+) bytes\\)");

    private final Suite suite = Suite.get();
    private final DrApi dr = new DrApi(suite);
    private final SnapshotApi snapshots = new SnapshotApi(suite);

    @Test
    void archiveThroughputAgainstRawPgReceivewalAndRestoreTimeOverTheArchivedWal() throws Exception {
        List<String> rows = new ArrayList<>();
        try (PostgresInstance primary = PostgresInstance.primary("bench-pitr");
                PostgresInstance spare = PostgresInstance.primary("bench-pitr-spare")) {
            primary.execute("create table filler (id bigint, payload text)");
            dr.register("bench-pitr", primary);
            dr.register("bench-pitr-spare", spare);

            Written raw;
            try (RawWalReceiver receiver = RawWalReceiver.start(primary)) {
                raw = writeWalUntil(primary, receiver::completed);
            }
            primary.execute("truncate filler", "checkpoint");

            String archiveId = snapshots.post("/api/v1/wal-archives", Map.of("cluster", "bench-pitr", "storage",
                    "local")).statusCode(202).extract().jsonPath().getString("archive.id");
            await().atMost(Duration.ofSeconds(60)).until(() -> "streaming".equals(archive(archiveId)
                    .getString("state")));
            String snapshotId = snapshots.take(Map.of("cluster", "bench-pitr", "kind", "physical",
                    "storage", "local"));
            snapshots.awaitCompleted(snapshotId);
            Written archived = writeWalUntil(primary, segment -> archivedUpTo(archiveId, segment), () ->
                    snapshots.post("/api/v1/restore-points", Map.of("cluster", "bench-pitr", "name",
                            RESTORE_POINT)).statusCode(201));
            JsonPath archive = archive(archiveId);

            rows.add(row("raw pg_receivewal into a local folder (own slot, uncompressed)", raw, raw));
            rows.add(row("suite WAL archive, storage local (gzip)", archived, raw));
            rows.addAll(restore(archived));
            rows.add(String.format(Locale.ROOT, "| archive after the run: %d files, %.0f MB stored (compressed) "
                    + "| | | | |", archive.getInt("segments"), archive.getLong("bytes") / 1_048_576.0));

            report(rows);

            given().baseUri(suite.snapshots.baseUrl()).delete("/api/v1/wal-archives/{id}", archiveId).then()
                    .statusCode(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> "stopped".equals(archive(archiveId)
                    .getString("state")));
            given().baseUri(suite.snapshots.baseUrl()).delete("/api/v1/snapshots/{id}", snapshotId).then()
                    .statusCode(204);
            // The archived WAL stays after switching off (retention would remove it); the benchmark's cluster goes.
            Path clusterFolder = Path.of(archive.getString("keyPrefix")).getName(0);
            deleteTree(LocalInfrastructure.snapshotFolder().resolve(clusterFolder));
        }
    }

    /** What one run wrote and how long it took to get it all received. */
    private record Written(long walBytes, double writeSeconds, double receivedSeconds) {

        double megabytesPerSecond() {
            return walBytes / 1_048_576.0 / receivedSeconds;
        }
    }

    private interface SegmentCheck {
        boolean has(String walFileName);
    }

    private static Written writeWalUntil(PostgresInstance primary, SegmentCheck received) throws Exception {
        return writeWalUntil(primary, received, () -> { });
    }

    /**
     * Writes {@link #WAL_BYTES} of WAL in big inserts, runs {@code afterWriting}, switches to a new segment and waits
     * until {@code received} has the segment the primary was on at the end.
     */
    private static Written writeWalUntil(PostgresInstance primary, SegmentCheck received, Runnable afterWriting)
            throws Exception {
        String start = query(primary, "select pg_current_wal_lsn()::text");
        long started = System.nanoTime();
        long id = 0;
        while (walSince(primary, start) < WAL_BYTES) {
            primary.execute("insert into filler select g, md5(g::text) || md5((g * 7)::text) || md5((g * 13)::text) "
                    + "|| md5((g * 17)::text) from generate_series(" + (id + 1) + ", " + (id + BATCH_ROWS) + ") g");
            id += BATCH_ROWS;
        }
        afterWriting.run();
        long walBytes = walSince(primary, start);
        String lastSegment = query(primary, "select pg_walfile_name(pg_current_wal_lsn())");
        primary.execute("select pg_switch_wal()");
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> received.has(lastSegment));
        return new Written(walBytes, writeSeconds, (System.nanoTime() - started) / 1e9);
    }

    private boolean archivedUpTo(String archiveId, String walFileName) {
        String last = archive(archiveId).getString("lastSegment");
        return last != null && walFileName.substring(8).compareTo(last.substring(8)) <= 0;
    }

    /** Restores the spare to the restore point after the archived WAL; one row per figure. */
    private List<String> restore(Written archived) {
        long started = System.nanoTime();
        JsonPath accepted = snapshots.post("/api/v1/restores", Map.of("cluster", "bench-pitr",
                "target", Map.of("restorePoint", RESTORE_POINT), "onto", Map.of("cluster", "bench-pitr-spare"),
                "replace", true, "reason", "WAL archive benchmark")).statusCode(202).extract().jsonPath();
        String restoreId = accepted.getString("restore.id");
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> !"running".equals(snapshots.get("/api/v1/restores/{id}", restoreId).getString("phase")));
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonPath restore = snapshots.get("/api/v1/restores/{id}", restoreId);
        if (!"completed".equals(restore.getString("phase"))) {
            throw new AssertionError("restore " + restoreId + " " + restore.getString("phase") + ": "
                    + restore.getString("error"));
        }
        JsonPath task = given().baseUri(suite.tasks.baseUrl()).get("/api/v1/tasks/{id}", accepted.getString("taskId"))
                .then().statusCode(200).extract().jsonPath();
        double megabytes = archived.walBytes() / 1_048_576.0;
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "| point-in-time restore to a restore point %.0f MB of WAL after the "
                + "base backup (API call to completed, reached %s on timeline %s) | | %.1f s | %.1f | |", megabytes,
                restore.getString("pointInTime.reachedLsn"), restore.getString("pointInTime.reachedTimeline"),
                seconds, megabytes / seconds));
        for (Map<String, Object> step : task.<Map<String, Object>>getList("steps")) {
            Object from = step.get("startedAt");
            Object to = step.get("finishedAt");
            if (from != null && to != null) {
                rows.add(String.format(Locale.ROOT, "| - step %s | | %.1f s | | |", step.get("name"),
                        Duration.between(Instant.parse(from.toString()), Instant.parse(to.toString())).toMillis()
                                / 1000.0));
            }
        }
        for (String line : task.<String>getList("log.message")) {
            Matcher staged = STAGED.matcher(line);
            if (staged.find()) {
                rows.add(String.format(Locale.ROOT, "| - WAL staged for the node: %s files, %.0f MB | | | | |",
                        staged.group(1), Long.parseLong(staged.group(2)) / 1_048_576.0));
            }
        }
        return rows;
    }

    private JsonPath archive(String id) {
        return snapshots.get("/api/v1/wal-archives/{id}", id);
    }

    private static String row(String what, Written run, Written raw) {
        return String.format(Locale.ROOT, "| %s | %.0f MB | %.1f s (writing %.1f s, behind after it %.1f s) | "
                + "%.1f | %.2fx |", what, run.walBytes() / 1_048_576.0, run.receivedSeconds(), run.writeSeconds(),
                run.receivedSeconds() - run.writeSeconds(), run.megabytesPerSecond(),
                run.megabytesPerSecond() / raw.megabytesPerSecond());
    }

    private static void report(List<String> rows) throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "WAL written as fast as the primary can (big inserts); time from the first write until the segment "
                        + "the primary was on at the end is received:",
                "",
                "| measure | WAL | time | MB/s | vs raw |",
                "| --- | --- | --- | --- | --- |"));
        lines.addAll(rows);
        String table = String.join("\n", lines) + "\n";
        System.out.println("\nWAL archive and point-in-time restore on this machine\n" + table);
        Path out = RepositoryRoot.find().resolve("system-tests/target/pitr-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    private static long walSince(PostgresInstance primary, String start) throws Exception {
        try (Connection connection = primary.connect("postgres");
                PreparedStatement statement = connection.prepareStatement(
                        "select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint")) {
            statement.setString(1, start);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String query(PostgresInstance node, String sql) throws Exception {
        try (Connection connection = node.connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
