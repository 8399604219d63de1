package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;

import io.drsuite.testing.BindServer;
import io.drsuite.testing.PostgresInstance;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Measures node operations inside one cluster of three nodes on this machine:
 * <ul>
 *   <li>local switchover: the longest time no node accepted a commit, for a client that commits continuously and
 *       reconnects to whichever node is primary;</li>
 *   <li>local failover: from the failover call (primary's postmaster already killed) to the first commit accepted by
 *       the promoted standby;</li>
 *   <li>the DNS step: how long pointing a name at the new primary (an RFC 2136 update to BIND 9 and the check that
 *       it answers) adds to a switchover;</li>
 * </ul>
 * the first two through the suite's API and by hand ({@code pg_ctl stop -m fast} + {@code pg_promote()}, on a fresh
 * pair, as {@link DrTimingsBenchmark} runs them). Not part of the test command; run with
 * {@code ./drsuite benchmark local}. Results go to stdout and {@code system-tests/target/local-timings.md}.
 */
@Isolated
@Tag("benchmark")
class LocalTimingsBenchmark {

    private static final int RUNS = Integer.getInteger("drsuite.benchmark.runs", 5);

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void localSwitchoverFailoverAndDnsTimings() throws Exception {
        List<Double> suiteSwitchover = new ArrayList<>();
        List<Double> suiteFailover = new ArrayList<>();
        List<Double> handSwitchover = new ArrayList<>();
        List<Double> handFailover = new ArrayList<>();
        List<Double> dnsStep = new ArrayList<>();
        try (PostgresInstance one = PostgresInstance.primary("lb-1");
                PostgresInstance two = one.standby("lb-2");
                PostgresInstance three = one.standby("lb-3")) {
            one.execute("create table write_probe (id bigint, at timestamptz)");
            api.register("lb", one, two, three);
            List<PostgresInstance> nodes = List.of(one, two, three);
            int primary = 0;
            try (BindServer dns = BindServer.start("db.example.", Map.of("lb-rw.db.example.", "10.0.0.1"))) {
                configureDns("lb", dns);
                try (WriteProbe probe = new WriteProbe(one, two, three)) {
                    for (int run = 0; run < RUNS; run++) {
                        awaitCommits(probe, System.nanoTime());
                        int next = (primary + 1) % nodes.size();
                        long start = System.nanoTime();
                        JsonPath task = awaitSucceeded(accepted("lb", "/switchover",
                                Map.of("toNode", nodes.get(next).name())));
                        awaitCommits(probe, start);
                        suiteSwitchover.add(probe.longestGapSeconds(start));
                        dnsStep.add(stepSeconds(task, "point-dns"));
                        primary = next;
                        awaitOperationDone("lb");
                    }
                }
                // The failovers below measure the promotion without the DNS step; its server goes away with this block.
                given().baseUri(suite.relationships.baseUrl()).delete("/api/v1/clusters/{name}/routing", "lb").then()
                        .statusCode(204);
            }
            for (int run = 0; run < RUNS; run++) {
                PostgresInstance lost = nodes.get(primary);
                int next = (primary + 1) % nodes.size();
                List<PostgresInstance> others = nodes.stream().filter(node -> node != lost).toList();
                try (WriteProbe probe = new WriteProbe(others.toArray(PostgresInstance[]::new))) {
                    lost.killPostmaster();
                    long start = System.nanoTime();
                    String failover = accepted("lb", "/failover", Map.of("toNode", nodes.get(next).name(),
                            "reason", "benchmark"));
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                            .until(() -> probe.commitsAfter(start) > 0);
                    suiteFailover.add(probe.firstCommitAfterSeconds(start));
                    awaitSucceeded(failover);
                }
                awaitOperationDone("lb");
                awaitSucceeded(accepted("lb", "/nodes/" + lost.name() + "/rebuild", Map.of("mode", "auto")));
                awaitOperationDone("lb");
                primary = next;
            }
        }
        for (int run = 0; run < RUNS; run++) {
            handSwitchover.add(DrTimingsBenchmark.handRun(false));
            handFailover.add(DrTimingsBenchmark.handRun(true));
        }
        report(suiteSwitchover, handSwitchover, suiteFailover, handFailover, dnsStep);
    }

    private void configureDns(String cluster, BindServer dns) {
        given().baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("dns", Map.of("server", "127.0.0.1", "port", dns.port(), "zone", dns.zone(),
                        "name", "lb-rw." + dns.zone(), "keyName", BindServer.KEY_NAME,
                        "algorithm", BindServer.ALGORITHM, "secret", dns.keySecret())))
                .put("/api/v1/clusters/{name}/routing", cluster).then().statusCode(200);
    }

    private String accepted(String cluster, String path, Map<String, Object> body) {
        return given().baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/clusters/" + cluster + path).then().statusCode(202).extract().jsonPath()
                .getString("taskId");
    }

    /** A task the service does not know yet (its request still on the way) has no state. */
    private static boolean finished(String state) {
        return state != null && List.of("succeeded", "failed", "cancelled").contains(state);
    }

    private JsonPath awaitSucceeded(String taskId) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100)).until(() ->
                finished(api.task(taskId).getString("state")));
        JsonPath task = api.task(taskId);
        if (!"succeeded".equals(task.getString("state"))) {
            throw new AssertionError("task " + taskId + " " + task.getString("state") + " at "
                    + task.getString("failedStep") + ": " + task.getString("error") + "\n" + task.getList("log"));
        }
        return task;
    }

    private void awaitOperationDone(String cluster) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(suite.relationships.baseUrl())
                .get("/api/v1/clusters/{name}", cluster).then().extract().jsonPath().get("operation") == null);
    }

    private static double stepSeconds(JsonPath task, String step) {
        String started = task.getString("steps.find { it.name == '" + step + "' }.startedAt");
        String finished = task.getString("steps.find { it.name == '" + step + "' }.finishedAt");
        return Duration.between(Instant.parse(started), Instant.parse(finished)).toNanos() / 1e9;
    }

    private static void awaitCommits(WriteProbe probe, long after) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> probe.commitsAfter(after) > 20);
    }

    private static void report(List<Double> suiteSwitchover, List<Double> handSwitchover,
            List<Double> suiteFailover, List<Double> handFailover, List<Double> dnsStep) throws Exception {
        new TimingTable(RUNS).add("local switchover write outage, suite API (3 nodes)", suiteSwitchover)
                .add("switchover write outage, by hand (pg_ctl stop + pg_promote)", handSwitchover)
                .add("local failover call to first commit, suite API", suiteFailover)
                .add("failover to first commit, by hand (pg_promote)", handFailover)
                .add("DNS step of a local switchover, added to its duration (update + answer checked)", dnsStep)
                .report("Local node operation timings on this machine", "local-timings.md");
    }
}
