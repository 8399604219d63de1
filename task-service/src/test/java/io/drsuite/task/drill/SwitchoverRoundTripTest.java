package io.drsuite.task.drill;

import static io.drsuite.task.dr.DrFixture.awaitSucceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.task.dr.DrFixture;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Switchover round trips against real PostgreSQL: production and a DR cluster built by {@code dr.start}. The canary
 * commits through a session that follows the primary while production moves to the DR cluster and back; every
 * acknowledged commit is found on the final primary, each direction's outage is measured, the new primaries are
 * checked, and the canary's rows are gone. A DR side that cannot catch up makes the outward leg put production back.
 */
@QuarkusTest
class SwitchoverRoundTripTest {

    private static final TypeReference<List<CheckOutcome>> CHECKS = new TypeReference<>() {
    };

    @Inject
    RegistryFixture registry;

    @Test
    void aRoundTripMeasuresBothOutagesLosesNoAcknowledgedCommitAndEndsWhereItStarted() throws Exception {
        DrFixture fixture = new DrFixture(registry);
        try (PostgresInstance prod = PostgresInstance.primary("rt-prod");
                PostgresInstance dr = PostgresInstance.primary("rt-dr")) {
            prod.execute("create table orders (id int primary key)",
                    "insert into orders select generate_series(1, 500)");
            fixture.register("rt-prod", prod);
            fixture.register("rt-dr", dr);
            awaitSucceeded(fixture.request(DrTasks.START, "rel-rt", "rt-prod", "rt-dr", Map.of()));
            UUID drill = UUID.randomUUID();

            JsonPath task = awaitSucceeded(fixture.request(DrillTasks.SWITCHOVER_ROUND_TRIP, "rel-rt", "rt-prod",
                    "rt-dr", Map.of(DrillTasks.DRILL_ID, drill.toString(), DrillTasks.USER_CHECKS,
                            registry.json().writeValueAsString(List.of(
                                    check("orders_kept", "select count(*) from orders", "500"),
                                    check("orders_doubled", "select count(*) from orders", "1000"))))));

            assertThat(prod.inRecovery()).as("production is primary again").isFalse();
            assertThat(dr.inRecovery()).isTrue();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> prod.streamingStandbys().containsKey("drsuite_rel_rt"));
            Map<String, Object> verified = artifacts(task, "verify-canary");
            long commits = Long.parseLong(verified.get(DrillTasks.CANARY_COMMITS).toString());
            assertThat(commits).as("acknowledged canary commits").isGreaterThan(20);
            assertThat(verified.get(DrillTasks.CANARY_LOST_COMMITS)).hasToString("0");
            double there = Double.parseDouble(artifacts(task, "there-check-new-primary")
                    .get(DrillTasks.OUTAGE_THERE_SECONDS).toString());
            double back = Double.parseDouble(artifacts(task, "back-check-new-primary")
                    .get(DrillTasks.OUTAGE_BACK_SECONDS).toString());
            assertThat(there).as("outward write outage, s").isPositive().isLessThan(60);
            assertThat(back).as("return write outage, s").isPositive().isLessThan(60);

            List<CheckOutcome> checks = registry.json().readValue(verified.get(DrillTasks.CHECKS).toString(),
                    CHECKS);
            assertThat(checks).extracting(CheckOutcome::name).contains("there: accepts-writes",
                    "there: dr-streams", "there: orders_kept", "back: accepts-writes", "back: dr-streams",
                    "back: orders_doubled", "canary");
            assertThat(checks).filteredOn(check -> !check.name().endsWith("orders_doubled"))
                    .allMatch(CheckOutcome::passed);
            assertThat(checks).filteredOn(check -> check.name().endsWith("orders_doubled"))
                    .noneMatch(CheckOutcome::passed);
            assertThat(query(prod, "select count(*) from drsuite_drill.canary")).as("the canary's rows are removed")
                    .isEqualTo("0");
        }
    }

    @Test
    void aDrSideThatCannotCatchUpPutsProductionBackAndRemovesTheCanary() throws Exception {
        DrFixture fixture = new DrFixture(registry);
        try (PostgresInstance prod = PostgresInstance.primary("rb-prod");
                PostgresInstance dr = PostgresInstance.primary("rb-dr")) {
            prod.execute("create table t (id int)");
            fixture.register("rb-prod", prod);
            fixture.register("rb-dr", dr);
            awaitSucceeded(fixture.request(DrTasks.START, "rel-rb", "rb-prod", "rb-dr", Map.of()));
            dr.execute("select pg_wal_replay_pause()");
            UUID drill = UUID.randomUUID();

            UUID roundTrip = fixture.request(DrillTasks.SWITCHOVER_ROUND_TRIP, "rel-rb", "rb-prod", "rb-dr",
                    Map.of(DrillTasks.DRILL_ID, drill.toString()), 30);
            JsonPath task = DrFixture.awaitDone(roundTrip, Duration.ofMinutes(2));

            assertThat(task.getString("state")).isEqualTo("failed");
            assertThat(task.getString("failedStep")).isEqualTo("there-verify-caught-up");
            assertThat(task.getBoolean("rolledBack")).isTrue();
            assertThat(prod.inRecovery()).as("production is primary again").isFalse();
            prod.execute("insert into t values (1)");
            assertThat(dr.inRecovery()).isTrue();
            assertThat(query(prod, "select count(*) from drsuite_drill.canary")).as("the canary's rows are removed")
                    .isEqualTo("0");
            dr.execute("select pg_wal_replay_resume()");
        }
    }

    private static Map<String, String> check(String name, String sql, String expected) {
        return Map.of("name", name, "sql", sql, "expected", expected);
    }

    private static Map<String, Object> artifacts(JsonPath task, String step) {
        return task.getMap("steps.find { it.name == '" + step + "' }.artifacts");
    }

    private static String query(PostgresInstance instance, String sql) throws Exception {
        try (Connection connection = instance.connect("postgres"); Statement statement =
                connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
