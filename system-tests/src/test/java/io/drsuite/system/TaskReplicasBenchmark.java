package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RepositoryRoot;
import io.drsuite.testing.SampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Task throughput with one and with three task-service processes on the same control-plane database and Kafka,
 * each with the same cap on the operations it runs at once ({@code drsuite.tasks.max-concurrent}, 2 here): many
 * logical snapshots (pg_dump of a small database into the filesystem storage location), requested through
 * snapshot-service and spread round-robin over several clusters (backups of one cluster run one at a time). Every
 * task must succeed and run once: claimed once, each step started once, no lease lost, and the replicas' finished
 * counters add up to the number of tasks. The suite's own task-service is stopped meanwhile, so only the measured
 * replicas claim.
 * <p>
 * snapshot-service takes in a request in about half a second (it inspects the cluster), slower than the tasks run,
 * so the requests are queued first: a gate, an older task row holding the clusters' backup locks under a lease no
 * replica has, keeps every snapshot task waiting (one writer per cluster) until all are taken in; throughput is
 * counted from the gate's release to the last task's end. Not part of the test command:
 * {@code ./drsuite benchmark tasks}. Results go to stdout and {@code system-tests/target/task-replicas-benchmark.md}.
 */
@Isolated
@Tag("benchmark")
class TaskReplicasBenchmark {

    private static final int TASKS = Integer.getInteger("drsuite.benchmark.tasks", 60);
    private static final int CAP = Integer.getInteger("drsuite.benchmark.task-cap", 2);
    private static final int CLUSTERS = Integer.getInteger("drsuite.benchmark.task-clusters", 8);
    /**
     * One-way latency between the services and the clusters (0: reached directly), as to clusters in other sites: it
     * makes a task wait on its cluster rather than on this machine's two cores, as replicas on their own hosts do.
     */
    private static final Duration LATENCY = Duration.ofMillis(Integer.getInteger("drsuite.benchmark.task-latency-ms",
            10));
    private static final String TYPE = "snapshot.logical";

    private final Suite suite = Suite.get();
    private final DrApi dr = new DrApi(suite);
    private final SnapshotApi snapshots = new SnapshotApi(suite);

    @Test
    void throughputGrowsWithReplicasAndNoTaskRunsTwice() throws Exception {
        List<PostgresInstance> clusters = new ArrayList<>();
        List<WanLink> links = new ArrayList<>();
        List<ServiceProcess> replicas = new ArrayList<>();
        suite.tasks.close();
        try {
            for (int i = 0; i < CLUSTERS; i++) {
                PostgresInstance node = PostgresInstance.primary("bench-tasks-" + i);
                clusters.add(node);
                SampleData.shop(node, 2000);
                if (LATENCY.isZero()) {
                    dr.register(node.name(), node);
                } else {
                    WanLink link = WanLink.to(node.port(), LATENCY);
                    links.add(link);
                    dr.register(node.name(), DrApi::localAccess, reached -> link.port(), node);
                }
            }
            replicas.add(replica(1));
            Phase one = run(replicas);
            replicas.add(replica(2));
            replicas.add(replica(3));
            replicas.subList(1, 3).forEach(ServiceProcess::awaitReady);
            // The task requests' consumer group hands partitions to the new members; let that settle first.
            Thread.sleep(Duration.ofSeconds(10));
            Phase three = run(replicas);
            report(one, three);
            assertThat(three.finishedBy()).as("every replica ran tasks").allSatisfy(count ->
                    assertThat(count).isPositive());
        } finally {
            replicas.forEach(ServiceProcess::close);
            links.forEach(WanLink::close);
            clusters.forEach(PostgresInstance::close);
            suite.tasks.start();
        }
    }

    /** A further task-service process with the benchmark's cap, on its own port. */
    private ServiceProcess replica(int number) {
        Map<String, String> environment = Map.of(
                "DRSUITE_TASKS_MAX_CONCURRENT", String.valueOf(CAP),
                "DRSUITE_WAL_STAGING_DIR", RepositoryRoot.testRunDir().resolve("wal-staging-" + number).toString());
        ServiceProcess replica = ServiceProcess.launch("task-service", "task-replica-" + number, environment,
                LocalInfrastructure.storageConfig());
        if (number == 1) {
            replica.awaitReady();
        }
        return replica;
    }

    /** Takes {@link #TASKS} logical snapshots and waits for their tasks; checks each ran once and succeeded. */
    private Phase run(List<ServiceProcess> replicas) throws Exception {
        List<Map<String, Double>> before = replicas.stream().map(TaskReplicasBenchmark::counters).toList();
        UUID gate = closeGate();
        long start = System.nanoTime();
        List<String> snapshotIds = new ArrayList<>();
        Instant released;
        try {
            for (int i = 0; i < TASKS; i++) {
                snapshotIds.add(snapshots.take(Map.of("cluster", "bench-tasks-" + (i % CLUSTERS), "kind",
                        "logical", "database", "shop", "storage", "local")));
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> tasks(snapshotIds).size() == TASKS);
            assertThat(tasks(snapshotIds)).as("nothing ran behind the gate")
                    .allSatisfy(task -> assertThat(task.claims()).isZero());
        } finally {
            released = openGate(gate);
        }
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> tasks(snapshotIds).stream().filter(TaskRow::ended).count() == TASKS);
        List<TaskRow> tasks = tasks(snapshotIds);
        assertThat(tasks).hasSize(TASKS).allSatisfy(task -> {
            assertThat(task.state()).as("task %s", task.id()).isEqualTo("SUCCEEDED");
            assertThat(task.claims()).as("task %s claimed once", task.id()).isOne();
            assertThat(task.stepStarts()).as("task %s: each step started once", task.id()).isOne();
            assertThat(task.startLogLines()).as("task %s: one start in its log", task.id()).isOne();
        });
        for (String id : snapshotIds) {
            assertThat(snapshots.get("/api/v1/snapshots/{id}", id).getString("phase")).isEqualTo("completed");
        }
        List<Double> finishedBy = new ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
            Map<String, Double> after = counters(replicas.get(i));
            assertThat(after.get("lost") - before.get(i).get("lost")).as("leases lost").isZero();
            finishedBy.add(after.get("finished") - before.get(i).get("finished"));
        }
        assertThat(finishedBy.stream().mapToDouble(Double::doubleValue).sum())
                .as("the replicas' finished counters add up to the tasks: none ended twice").isEqualTo(TASKS);
        int mostAtOnce = mostOverlapping(tasks);
        assertThat(mostAtOnce).as("never more than the replicas' caps at once").isLessThanOrEqualTo(
                replicas.size() * CAP);
        Instant lastEnd = tasks.stream().map(TaskRow::finished).max(Instant::compareTo).orElseThrow();
        double runSeconds = Duration.between(released, lastEnd).toMillis() / 1000.0;
        List<Double> stepSeconds = tasks.stream()
                .map(task -> Duration.between(task.started(), task.finished()).toMillis() / 1000.0).sorted().toList();
        return new Phase(replicas.size(), submitSeconds, runSeconds, mostAtOnce,
                stepSeconds.get(stepSeconds.size() / 2), finishedBy.stream().map(Double::longValue).toList());
    }

    private record Phase(int replicas, double submitSeconds, double runSeconds, int mostAtOnce,
            double medianTaskSeconds, List<Long> finishedBy) {

        double tasksPerMinute() {
            return TASKS * 60 / runSeconds;
        }
    }

    private record TaskRow(UUID id, String state, int claims, Instant started, Instant finished, int stepStarts,
            int startLogLines) {

        boolean ended() {
            return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state);
        }
    }

    /**
     * An older unfinished task holding every benchmark cluster's backup lock, leased far ahead to no replica: until
     * it goes, no snapshot task of those clusters is runnable.
     */
    private static UUID closeGate() throws SQLException {
        UUID gate = UUID.randomUUID();
        List<String> locks = new ArrayList<>();
        for (int i = 0; i < CLUSTERS; i++) {
            locks.add(SnapshotTasks.backupLock("bench-tasks-" + i));
        }
        try (Connection connection = controlPlane();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into task.task (id, type, target, clusters, parameters, state, timeout_seconds,
                                               created_at, started_at, attempts, lease_owner, lease_expires_at)
                        values (?, 'benchmark.gate', 'task-replicas-benchmark', ?, '{}', 'RUNNING', 3600,
                                now() - interval '1 hour', now(), 1, 'task-replicas-benchmark',
                                now() + interval '1 hour')""")) {
            insert.setObject(1, gate);
            insert.setArray(2, connection.createArrayOf("text", locks.toArray()));
            insert.executeUpdate();
        }
        return gate;
    }

    /** Removes the gate; returns when (the database's clock, as the task rows use). */
    private static Instant openGate(UUID gate) throws SQLException {
        try (Connection connection = controlPlane();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from task.task where id = ? returning clock_timestamp()")) {
            delete.setObject(1, gate);
            try (ResultSet result = delete.executeQuery()) {
                result.next();
                return result.getTimestamp(1).toInstant();
            }
        }
    }

    private static Connection controlPlane() throws SQLException {
        return DriverManager.getConnection(LocalInfrastructure.jdbcUrl(), LocalInfrastructure.DB_USER,
                LocalInfrastructure.DB_PASSWORD);
    }

    /** The tasks of the snapshots (a snapshot task's target is the snapshot id), read from task-service's rows. */
    private static List<TaskRow> tasks(List<String> snapshotIds) throws SQLException {
        try (Connection connection = controlPlane();
                PreparedStatement query = connection.prepareStatement("""
                        select t.id, t.state, t.attempts, t.started_at, t.finished_at,
                               (select coalesce(sum(s.attempts), 0) from task.task_step s where s.task_id = t.id),
                               (select count(*) from task.task_log l
                                 where l.task_id = t.id and l.message like 'step % started%')
                          from task.task t
                         where t.type = ? and t.target = any (?)""")) {
            query.setString(1, TYPE);
            query.setArray(2, connection.createArrayOf("text", snapshotIds.toArray()));
            List<TaskRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new TaskRow(result.getObject(1, UUID.class), result.getString(2), result.getInt(3),
                            instant(result, 4), instant(result, 5), result.getInt(6), result.getInt(7)));
                }
            }
            return rows;
        }
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        java.sql.Timestamp at = result.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** The largest number of tasks running at one moment, from their start and finish times. */
    private static int mostOverlapping(List<TaskRow> tasks) {
        int most = 0;
        for (TaskRow task : tasks) {
            Instant at = task.started();
            int running = (int) tasks.stream()
                    .filter(other -> !other.started().isAfter(at) && other.finished().isAfter(at)).count();
            most = Math.max(most, running);
        }
        return most;
    }

    /** This replica's snapshot.logical tasks finished ({@code finished}) and leases lost ({@code lost}) so far. */
    private static Map<String, Double> counters(ServiceProcess replica) {
        String metrics = given().baseUri(replica.baseUrl()).accept("text/plain").get("/q/metrics").then()
                .statusCode(200).extract().asString();
        Map<String, Double> counters = new HashMap<>(Map.of("finished", 0.0, "lost", 0.0));
        for (String line : metrics.lines().toList()) {
            if (line.startsWith("drsuite_tasks_finished_total{") && line.contains("type=\"" + TYPE + "\"")) {
                counters.merge("finished", value(line), Double::sum);
            } else if (line.startsWith("drsuite_tasks_lease_lost_total{")) {
                counters.merge("lost", value(line), Double::sum);
            }
        }
        return counters;
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static void report(Phase one, Phase three) throws Exception {
        String table = String.join("\n",
                String.format(Locale.ROOT, "%d logical snapshots (pg_dump of a small database to filesystem "
                        + "storage) over %d clusters reached with %d ms one-way latency, cap %d operations per replica "
                        + "(drsuite.tasks.max-concurrent), %d cores:", TASKS, CLUSTERS, LATENCY.toMillis(), CAP,
                        Runtime.getRuntime().availableProcessors()),
                "",
                "| replicas | tasks/min (gate released to last end) | run time s | most at once | median task s "
                        + "| tasks finished per replica | requests taken in within s |",
                "| --- | --- | --- | --- | --- | --- | --- |",
                row(one), row(three),
                "",
                String.format(Locale.ROOT, "3 replicas / 1 replica: %.2fx. Every task succeeded, was claimed "
                        + "once and started each step once; no lease was lost.",
                        three.tasksPerMinute() / one.tasksPerMinute()),
                "");
        System.out.println("\nTask throughput by replicas on this machine\n" + table);
        Path out = RepositoryRoot.find().resolve("system-tests/target/task-replicas-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    private static String row(Phase phase) {
        return String.format(Locale.ROOT, "| %d | %.1f | %.1f | %d | %.2f | %s | %.1f |", phase.replicas(),
                phase.tasksPerMinute(), phase.runSeconds(), phase.mostAtOnce(),
                phase.medianTaskSeconds(), phase.finishedBy(), phase.submitSeconds());
    }
}
