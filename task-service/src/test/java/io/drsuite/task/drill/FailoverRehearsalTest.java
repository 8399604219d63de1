package io.drsuite.task.drill;

import static io.drsuite.task.dr.DrFixture.awaitDone;
import static io.drsuite.task.dr.DrFixture.awaitSucceeded;
import static io.drsuite.task.drill.SandboxFixture.artifacts;
import static io.drsuite.task.drill.SandboxFixture.assertNothingLeft;
import static io.drsuite.task.drill.SandboxFixture.check;
import static io.drsuite.task.drill.SandboxFixture.outcome;
import static io.drsuite.task.drill.SandboxFixture.sandboxNode;
import static io.drsuite.task.pitr.WalArchiveFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.task.dr.DrFixture;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Failover rehearsals against real PostgreSQL: production with a DR cluster streaming from it, a writer committing
 * on production throughout. The copy is made on a sandbox node, promoted and checked (tables of two databases, a
 * passing and a failing user check), then destroyed: nothing is left on the sandbox or the DR main standby, whose
 * replication never stopped. A sandbox place that is taken fails the drill before anything is touched.
 */
@QuarkusTest
class FailoverRehearsalTest {

    @Inject
    RegistryFixture registry;

    @Test
    void aRehearsalMeasuresChecksAndLeavesNothingBehindWhileProductionWrites() throws Exception {
        DrFixture fixture = new DrFixture(registry);
        try (PostgresInstance prod = PostgresInstance.primary("dl-prod");
                PostgresInstance dr = prod.standby("dl-dr");
                PostgresInstance sandbox = PostgresInstance.unbuilt("dl-copy")) {
            prod.execute("create table orders (id bigint primary key, note text)",
                    "insert into orders select g, 'order ' || g from generate_series(1, 2000) g",
                    "create database shop");
            prod.executeIn("shop", "create table items (sku text primary key, price numeric)",
                    "insert into items select 'sku-' || g, g * 1.5 from generate_series(1, 300) g");
            fixture.register("dl-prod", prod);
            fixture.register("dl-dr", dr);

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger commits = new AtomicInteger();
            AtomicReference<Exception> writeFailure = new AtomicReference<>();
            Thread writer = Thread.ofVirtual().start(() -> {
                try (Connection connection = prod.connect("postgres"); Statement statement =
                        connection.createStatement()) {
                    for (long id = 1_000_000; writing.get(); id++) {
                        statement.execute("insert into orders values (" + id + ", 'during the drill')");
                        commits.incrementAndGet();
                        Thread.sleep(5);
                    }
                } catch (Exception e) {
                    writeFailure.set(e);
                }
            });
            UUID drill = UUID.randomUUID();
            JsonPath task;
            try {
                task = awaitSucceeded(request(fixture, drill, sandbox.port(), sandbox.dataDirectory(), List.of(
                        check("orders_present", "postgres", "select count(*) >= 2000 from orders", "true"),
                        check("items_priced", "shop", "select max(price)::text from items", "450.0"),
                        check("nothing_lost", "postgres", "select count(*) = 0 from orders", "true"))));
            } finally {
                writing.set(false);
                writer.join();
            }
            assertThat(writeFailure.get()).as("production accepted every write during the drill").isNull();
            assertThat(commits.get()).isPositive();

            Map<String, Object> declared = artifacts(task, "declare-disaster");
            assertThat(Double.parseDouble(declared.get(DrillTasks.RTO_SECONDS).toString())).isPositive()
                    .isLessThan(60);
            assertThat(Long.parseLong(declared.get(DrillTasks.RPO_BYTES).toString())).isNotNegative();
            assertThat(Instant.parse(declared.get(DrillTasks.DECLARED_AT).toString())).isBefore(Instant.now());
            assertThat(artifacts(task, "mark-data-point")).containsKeys(DrillTasks.DATA_POINT_LSN,
                    DrillTasks.SOURCE_PAUSE_SECONDS);

            List<CheckOutcome> checks = registry.json().readValue(artifacts(task, "run-checks")
                    .get(DrillTasks.CHECKS).toString(), new TypeReference<List<CheckOutcome>>() { });
            assertThat(checks).filteredOn(check -> check.kind().equals("table")).extracting(CheckOutcome::name)
                    .contains("postgres.public.orders", "shop.public.items");
            assertThat(checks).filteredOn(check -> !check.kind().equals("user")).allMatch(CheckOutcome::passed);
            CheckOutcome orders = checks.stream().filter(check -> check.name().equals("postgres.public.orders"))
                    .findFirst().orElseThrow();
            assertThat(orders.detail()).containsPattern("^\\d+ rows, checksum equal");
            assertThat(outcome(checks, "pg_amcheck").passed()).isTrue();
            assertThat(outcome(checks, "orders_present").passed()).isTrue();
            assertThat(outcome(checks, "items_priced").passed()).isTrue();
            CheckOutcome failing = outcome(checks, "nothing_lost");
            assertThat(failing.passed()).isFalse();
            assertThat(failing.detail()).isEqualTo("expected true, got false");

            assertNothingLeft(sandbox);
            assertThat(query(dr, "select count(*) from pg_replication_slots where slot_name like 'drsuite_drill_%'"))
                    .isEqualTo("0");
            assertThat(query(dr, "select pg_is_wal_replay_paused()")).isEqualTo("f");
            assertThat(query(dr, "select status from pg_stat_wal_receiver")).isEqualTo("streaming");
            assertThat(query(prod, "select count(*) from pg_replication_slots where slot_name like "
                    + "'drsuite_drill_%'")).isEqualTo("0");
            assertThat(prod.streamingStandbys()).hasSize(1);
            assertThat(dr.count("orders where note = 'during the drill'")).isPositive();
        }
    }

    @Test
    void aTakenSandboxPlaceFailsTheDrillBeforeAnythingIsTouched() throws Exception {
        DrFixture fixture = new DrFixture(registry);
        try (PostgresInstance prod = PostgresInstance.primary("dt-prod");
                PostgresInstance dr = prod.standby("dt-dr");
                PostgresInstance sandbox = PostgresInstance.unbuilt("dt-copy")) {
            fixture.register("dt-prod", prod);
            fixture.register("dt-dr", dr);
            Path taken = prod.siblingFolder("someone-elses");
            Files.createDirectories(taken);
            Files.writeString(taken.resolve("keep.txt"), "not the drill's");
            try {
                JsonPath task = awaitDone(request(fixture, "dt-prod", "dt-dr", UUID.randomUUID(), sandbox.port(),
                        taken, List.of()), Duration.ofMinutes(2));
                assertThat(task.getString("state")).isEqualTo("failed");
                assertThat(task.getString("failedStep")).isEqualTo("check-sandbox");
                assertThat(task.getString("error")).contains("exists");
                assertThat(Files.readString(taken.resolve("keep.txt"))).isEqualTo("not the drill's");
                assertThat(query(dr, "select count(*) from pg_replication_slots")).isEqualTo("0");
            } finally {
                try (var files = Files.walk(taken)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private UUID request(DrFixture fixture, UUID drill, int port, Path dataDirectory, List<Map<String, String>> checks)
            throws Exception {
        return request(fixture, "dl-prod", "dl-dr", drill, port, dataDirectory, checks);
    }

    private UUID request(DrFixture fixture, String primary, String dr, UUID drill, int port, Path dataDirectory,
            List<Map<String, String>> checks) throws Exception {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(DrillTasks.DRILL_ID, drill.toString());
        parameters.put(DrillTasks.PRIMARY_CLUSTER, primary);
        parameters.put(DrillTasks.DR_CLUSTER, dr);
        parameters.put(DrillTasks.SANDBOX_NODE, sandboxNode(registry.json(), "drill-" + drill.toString()
                .substring(0, 8), port, dataDirectory));
        parameters.put(DrillTasks.USER_CHECKS, registry.json().writeValueAsString(checks));
        parameters.put(DrillTasks.SAMPLE_ABOVE_PAGES, "5");
        parameters.put(DrillTasks.SAMPLE_PERCENT, "50");
        TaskRequested request = new TaskRequested(UUID.randomUUID(), DrillTasks.FAILOVER_REHEARSAL, drill.toString(),
                List.of("drill:" + drill), parameters, 600, Instant.now());
        fixture.send(request);
        return request.taskId();
    }
}
