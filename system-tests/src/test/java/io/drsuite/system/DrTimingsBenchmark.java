package io.drsuite.system;

import static org.awaitility.Awaitility.await;

import io.drsuite.testing.PostgresInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Measures, on this machine, what a user of a protected cluster sees:
 * <ul>
 *   <li>switchover: the longest time no server accepted a commit, for a client that commits continuously and
 *       reconnects to whichever server is primary;</li>
 *   <li>failover: from the failover call (primary's postmaster already killed) to the first commit accepted by the
 *       DR cluster;</li>
 * </ul>
 * each through the suite's API and by hand ({@code pg_ctl stop -m fast} + {@code pg_promote()}) on the same pair.
 * Not part of the test command; run with {@code ./drsuite benchmark}. Results go to stdout and
 * {@code system-tests/target/dr-timings.md}.
 */
@Isolated
@Tag("benchmark")
class DrTimingsBenchmark {

    private static final int RUNS = Integer.getInteger("drsuite.benchmark.runs", 5);

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void switchoverAndFailoverTimings() throws Exception {
        List<Double> suiteSwitchover = new ArrayList<>();
        List<Double> suiteFailover = new ArrayList<>();
        List<Double> handSwitchover = new ArrayList<>();
        List<Double> handFailover = new ArrayList<>();
        try (PostgresInstance a = PostgresInstance.primary("bench-a");
                PostgresInstance b = PostgresInstance.primary("bench-b")) {
            a.execute("create table write_probe (id bigint, at timestamptz)");
            api.register("bench-a", a);
            api.register("bench-b", b);
            String[] created = api.create("bench", "bench-a", "bench-b", "async");
            String id = created[0];
            api.awaitPhase(id, "active", created[1]);
            try (WriteProbe probe = new WriteProbe(a, b)) {
                for (int run = 0; run < RUNS; run++) {
                    awaitCommits(probe);
                    long start = System.nanoTime();
                    api.awaitPhase(id, "active", api.accepted(id, "switchover"));
                    awaitCommits(probe, start);
                    suiteSwitchover.add(probe.longestGapSeconds(start));
                }
            }
            PostgresInstance primary = RUNS % 2 == 0 ? a : b;
            PostgresInstance standby = primary == a ? b : a;
            for (int run = 0; run < RUNS; run++) {
                try (WriteProbe probe = new WriteProbe(standby)) {
                    primary.killPostmaster();
                    long start = System.nanoTime();
                    api.accepted(id, "failover");
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                            .until(() -> probe.commitsAfter(start) > 0);
                    suiteFailover.add(probe.firstCommitAfterSeconds(start));
                }
                api.awaitPhase(id, "failed_over", api.query(id).getString("currentTask.id"));
                api.awaitPhase(id, "active", api.accepted(id, "reprotect"));
                PostgresInstance promoted = standby;
                standby = primary;
                primary = promoted;
            }
            api.awaitPhase(id, "stopped", api.operate(id, "stop", Map.of("promoteDr", true)).statusCode(202)
                    .extract().jsonPath().getString("taskId"));
        }
        for (int run = 0; run < RUNS; run++) {
            handSwitchover.add(handRun(false));
            handFailover.add(handRun(true));
        }
        report(suiteSwitchover, handSwitchover, suiteFailover, handFailover);
    }

    /**
     * A fresh primary and standby, switched over (clean stop) or failed over (kill -9) by hand. For the failover
     * the probe writes to the standby only: backends of a killed postmaster may still commit for a moment.
     */
    static double handRun(boolean crash) throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("hand-primary")) {
            primary.execute("create table write_probe (id bigint, at timestamptz)");
            try (PostgresInstance standby = primary.standby("hand-standby")) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> primary.streamingStandbys().containsKey("walreceiver"));
                if (crash) {
                    try (WriteProbe probe = new WriteProbe(standby)) {
                        primary.killPostmaster();
                        long start = System.nanoTime();
                        standby.execute("select pg_promote(true, 60)");
                        awaitCommits(probe, start);
                        return probe.firstCommitAfterSeconds(start);
                    }
                }
                try (WriteProbe probe = new WriteProbe(primary, standby)) {
                    awaitCommits(probe);
                    long start = System.nanoTime();
                    primary.stop();
                    standby.execute("select pg_promote(true, 60)");
                    awaitCommits(probe, start);
                    return probe.longestGapSeconds(start);
                }
            }
        }
    }

    private static void awaitCommits(WriteProbe probe) {
        awaitCommits(probe, System.nanoTime());
    }

    private static void awaitCommits(WriteProbe probe, long after) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> probe.commitsAfter(after) > 20);
    }

    private static void report(List<Double> suiteSwitchover, List<Double> handSwitchover,
            List<Double> suiteFailover, List<Double> handFailover) throws Exception {
        new TimingTable(RUNS).add("switchover write outage, suite API", suiteSwitchover)
                .add("switchover write outage, by hand (pg_ctl stop + pg_promote)", handSwitchover)
                .add("failover call to first commit on DR, suite API", suiteFailover)
                .add("failover to first commit on DR, by hand (pg_promote)", handFailover)
                .report("DR timings on this machine", "dr-timings.md");
    }
}
