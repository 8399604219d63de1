package io.drsuite.cli.commands.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.cli.CliFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrillPlanChangeTest {

    private static final String EXISTING = """
            {"name": "shop-weekly", "relationship": "shop", "sandbox": "local", "schedule": "0 3 * * 0",
             "checks": [{"name": "orders", "database": "shop", "sql": "select count(*) > 0 from orders",
                         "expected": "true"},
                        {"name": "one", "sql": "select 1", "expected": "1"}],
             "suspended": true, "nextRunAt": null, "lastError": "relationship 'shop' is stopped"}""";

    @Test
    void aNewPlanIsMadeOfTheOptionsWithItsChecksInTheirDatabase() {
        Map<String, Object> body = new DrillPlanChange("shop-weekly", "shop", null, "local", null, "0 3 * * 0",
                List.of("orders|true|select count(*) > 0 from orders"), "shop", null).request(null);

        assertThat(body).containsEntry("name", "shop-weekly").containsEntry("relationship", "shop")
                .containsEntry("sandbox", "local").containsEntry("schedule", "0 3 * * 0")
                .containsEntry("suspended", false);
        assertThat(body.get("checks")).isEqualTo(List.of(Map.of("name", "orders", "database", "shop", "sql",
                "select count(*) > 0 from orders", "expected", "true")));
        assertThat(new DrillPlanChange("p", "shop", null, "local", null, "* * * * *", null, null, true)
                .request(null)).containsEntry("checks", List.of()).containsEntry("suspended", true);
    }

    @Test
    void aNewPlanWithoutRelationshipSandboxOrScheduleIsAUsageError() {
        assertThatThrownBy(() -> new DrillPlanChange("p", null, null, "local", null, null, null, null, null)
                .request(null)).isInstanceOf(CliFailure.class).hasMessageContaining("--relationship")
                .hasMessageContaining("--schedule").hasMessageNotContaining("--sandbox");
    }

    @Test
    void aRoundTripPlanNeedsNoSandbox() {
        assertThat(new DrillPlanChange("trip", "shop", "switchover_round_trip", null, null, "0 4 1 * *", null, null,
                null).request(null)).containsEntry("kind", "switchover_round_trip").containsEntry("sandbox", null);
        assertThatThrownBy(() -> new DrillPlanChange("p", "shop", "restore_test", null, "shop-prod", "* * * * *",
                null, null, null).request(null)).isInstanceOf(CliFailure.class).hasMessageContaining("--sandbox");
    }

    @Test
    void aDatabaseWithoutChecksIsAUsageError() throws Exception {
        assertThatThrownBy(() -> new DrillPlanChange("shop-weekly", null, null, null, null, null, null, "shop", null)
                .request(existing())).isInstanceOf(CliFailure.class).hasMessageContaining("--check");
    }

    @Test
    void aChangeKeepsEveryFieldNotGivenAndGivenChecksReplaceAll() throws Exception {
        Map<String, Object> kept = new DrillPlanChange("shop-weekly", null, null, null, null, "0 3 * * *", null,
                null, false)
                .request(existing());

        assertThat(kept).containsEntry("relationship", "shop").containsEntry("sandbox", "local")
                .containsEntry("schedule", "0 3 * * *").containsEntry("suspended", false)
                .doesNotContainKeys("nextRunAt", "lastError");
        assertThat(kept.get("checks")).isEqualTo(List.of(Map.of("name", "orders", "database", "shop", "sql",
                "select count(*) > 0 from orders", "expected", "true"), Map.of("name", "one", "sql", "select 1",
                "expected", "1")));
        assertThat(new DrillPlanChange("shop-weekly", null, null, null, null, null, null, null, null)
                .request(existing()))
                .containsEntry("suspended", true).containsEntry("schedule", "0 3 * * 0");

        Map<String, Object> replaced = new DrillPlanChange("shop-weekly", null, null, "far", null, null,
                List.of("two|2|select 2"), null, null).request(existing());
        assertThat(replaced).containsEntry("sandbox", "far");
        assertThat(replaced.get("checks")).isEqualTo(List.of(Map.of("name", "two", "sql", "select 2",
                "expected", "2")));
    }

    @Test
    void aBadCheckIsAUsageError() {
        assertThatThrownBy(() -> new DrillPlanChange("p", "shop", null, "local", null, "* * * * *",
                List.of("only-a-name"), null,
                null).request(null)).isInstanceOf(CliFailure.class).hasMessageContaining("NAME|EXPECTED|SQL");
    }

    private static JsonNode existing() throws Exception {
        return new ObjectMapper().readTree(EXISTING);
    }
}
