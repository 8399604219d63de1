package io.drsuite.cli.commands.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.cli.CliFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyChangeTest {

    @Test
    void aNewPolicyIsMadeOfTheOptionsWithTheKindFollowingTheDatabase() {
        Map<String, Object> body = new PolicyChange("shop-hourly", "prod", null, "shop", null, "0 * * * *", null,
                "P2D", null, null, null).request(null);

        assertThat(body).containsEntry("name", "shop-hourly").containsEntry("cluster", "prod")
                .containsEntry("kind", "logical").containsEntry("database", "shop")
                .containsEntry("schedule", "0 * * * *").containsEntry("suspended", false);
        assertThat(retention(body)).containsEntry("maxAge", "P2D").containsEntry("keepLast", null);
    }

    @Test
    void aNewPolicyWithoutScheduleOrRetentionIsAUsageError() {
        assertThatThrownBy(() -> new PolicyChange("p", "prod", null, null, null, null, null, null, null, null, null)
                .request(null)).isInstanceOf(CliFailure.class).hasMessageContaining("--schedule")
                .hasMessageContaining("--keep-last or --max-age");
    }

    @Test
    void aChangeKeepsEveryFieldNotGiven() throws Exception {
        JsonNode existing = new ObjectMapper().readTree("""
                {"id": "p1", "name": "prod-nightly", "cluster": "prod", "kind": "physical", "database": null,
                 "tables": [], "schedule": "0 2 * * *", "retention": {"keepLast": 7, "maxAge": "P7D"},
                 "storage": "s3", "suspended": false}""");

        Map<String, Object> body = new PolicyChange("prod-nightly", null, null, null, null, null, 14, null, "P3D",
                null, true).request(existing);

        assertThat(body).containsEntry("cluster", "prod").containsEntry("kind", "physical")
                .containsEntry("schedule", "0 2 * * *").containsEntry("storage", "s3")
                .containsEntry("suspended", true).containsEntry("tables", null);
        assertThat(retention(body)).containsEntry("keepLast", 14).containsEntry("maxAge", "P7D")
                .containsEntry("recoveryWindow", "P3D");
        assertThat(new PolicyChange("prod-nightly", null, null, null, List.of("public.orders"), null, null, null,
                null, null, null).request(existing)).containsEntry("tables", List.of("public.orders"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> retention(Map<String, Object> body) {
        return (Map<String, Object>) body.get("retention");
    }
}
