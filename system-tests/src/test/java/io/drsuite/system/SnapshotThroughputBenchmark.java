package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;

import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RepositoryRoot;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Physical backup throughput on this machine: the suite's physical snapshot (pg_basebackup streamed through
 * task-service into a storage location, SHA-256 on the way) against a raw {@code pg_basebackup -F tar -X fetch} of
 * the same cluster into a local folder, same compression ({@code gzip:1}, the suite's default), alternating, the
 * median of {@code drsuite.benchmark.runs} (3) runs each. Throughput is the size of the cluster's databases divided
 * by the time of the backup itself (the task's backup step); the end-to-end time from the API call to a completed
 * snapshot is reported beside it. Not part of the test command: {@code ./drsuite benchmark snapshots}. Results go
 * to stdout and {@code system-tests/target/snapshot-throughput.md}.
 */
@Isolated
@Tag("benchmark")
class SnapshotThroughputBenchmark {

    private static final int RUNS = Integer.getInteger("drsuite.benchmark.runs", 3);
    private static final int SIZE_MB = Integer.getInteger("drsuite.benchmark.snapshot-mb", 1024);

    private final Suite suite = Suite.get();
    private final DrApi dr = new DrApi(suite);
    private final SnapshotApi snapshots = new SnapshotApi(suite);

    @Test
    void physicalBackupThroughputAgainstRawPgBasebackup() throws Exception {
        List<Double> raw = new ArrayList<>();
        List<Double> local = new ArrayList<>();
        List<Double> localEndToEnd = new ArrayList<>();
        List<Double> s3 = new ArrayList<>();
        try (PostgresInstance source = PostgresInstance.primary("bench-snapshots")) {
            fill(source);
            dr.register("bench-snapshots", source);
            double megabytes = source.databasesSize() / 1_048_576.0;
            for (int run = 0; run < RUNS; run++) {
                raw.add(megabytes / rawSeconds(source, run));
                double[] suiteLocal = suiteSeconds("local");
                local.add(megabytes / suiteLocal[0]);
                localEndToEnd.add(megabytes / suiteLocal[1]);
                s3.add(megabytes / suiteSeconds("s3")[0]);
            }
            report(megabytes, raw, local, localEndToEnd, s3);
        }
    }

    /** Rows of random-looking text (compressing about 2:1, like much real data) up to the size asked for. */
    private static void fill(PostgresInstance source) {
        long rows = SIZE_MB * 1_048_576L / 200;
        source.execute("create table filler (id bigint, payload text)",
                "insert into filler select g, md5(g::text) || md5((g * 7)::text) || md5((g * 13)::text) "
                        + "|| md5((g * 17)::text) from generate_series(1, " + rows + ") g",
                "checkpoint");
    }

    private static double rawSeconds(PostgresInstance source, int run) throws Exception {
        Path folder = source.siblingFolder("raw-backup-" + run);
        long start = System.nanoTime();
        source.baseBackupTar(folder, "gzip:1");
        double seconds = (System.nanoTime() - start) / 1e9;
        deleteTree(folder);
        return seconds;
    }

    /** {backup step seconds, API call to completed seconds}; the snapshot is deleted afterwards. */
    private double[] suiteSeconds(String storage) {
        long start = System.nanoTime();
        String id = snapshots.take(Map.of("cluster", "bench-snapshots", "kind", "physical", "storage", storage));
        JsonPath completed = snapshots.awaitCompleted(id);
        double endToEnd = (System.nanoTime() - start) / 1e9;
        JsonPath task = given().baseUri(suite.tasks.baseUrl()).get("/api/v1/tasks/{id}", completed.getString("taskId"))
                .then().statusCode(200).extract().jsonPath();
        double step = Duration.between(Instant.parse(task.getString("steps[0].startedAt")),
                Instant.parse(task.getString("steps[0].finishedAt"))).toMillis() / 1000.0;
        given().baseUri(suite.snapshots.baseUrl()).delete("/api/v1/snapshots/{id}", id).then().statusCode(204);
        return new double[] {step, endToEnd};
    }

    private static void report(double megabytes, List<Double> raw, List<Double> local, List<Double> localEndToEnd,
            List<Double> s3) throws Exception {
        double rawMedian = median(raw);
        String table = String.join("\n",
                String.format(Locale.ROOT, "Cluster of %.0f MB, gzip:1, %d runs each, MB/s (median, min, max):",
                        megabytes, RUNS),
                "",
                "| backup | median MB/s | min | max | vs raw |",
                "| --- | --- | --- | --- | --- |",
                row("raw pg_basebackup -F tar -X fetch into a local folder", raw, rawMedian),
                row("suite physical snapshot to filesystem storage (backup step)", local, rawMedian),
                row("suite physical snapshot to filesystem storage (API call to completed)", localEndToEnd, rawMedian),
                row("suite physical snapshot to S3 (S3Proxy on this machine, backup step)", s3, rawMedian), "");
        System.out.println("\nSnapshot throughput on this machine\n" + table);
        Path out = RepositoryRoot.find().resolve("system-tests/target/snapshot-throughput.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    private static String row(String what, List<Double> values, double rawMedian) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2fx |", what, median(values),
                sorted.getFirst(), sorted.getLast(), median(values) / rawMedian);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
