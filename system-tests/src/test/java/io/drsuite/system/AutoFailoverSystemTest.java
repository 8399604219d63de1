package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.testing.PostgresInstance;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * With the automatic failover policy on, killing the primary's postmaster leads, without any user call, to a
 * failover: the relationship ends failed_over and the DR cluster accepts writes.
 */
@Order(3)
class AutoFailoverSystemTest {

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void killingThePrimaryFailsOverOnItsOwnWhenThePolicyIsOn() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("auto-prod");
                PostgresInstance dr = PostgresInstance.primary("auto-dr")) {
            prod.execute("create table t (id int)", "insert into t select generate_series(1, 100)");
            api.register("auto-prod", prod);
            api.register("auto-dr", dr);
            String[] created = api.create("auto", "auto-prod", "auto-dr", "async");
            api.awaitPhase(created[0], "active", created[1]);
            given().baseUri(suite.monitor.baseUrl()).contentType("application/json")
                    .body(Map.of("enabled", true, "primaryDownSeconds", 2, "maxDataLossBytes", 16_000_000))
                    .put("/api/v1/policies/auto-failover/{id}", created[0]).then().statusCode(200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                    given().baseUri(suite.monitor.baseUrl()).get("/api/v1/health/relationships/{id}", created[0])
                            .statusCode() == 200);

            prod.killPostmaster();

            JsonPath failedOver = api.awaitPhase(created[0], "failed_over", "the automatic failover");
            assertThat(failedOver.getString("clusters[0].name")).isEqualTo("auto-dr");
            dr.execute("insert into t values (101)");
            assertThat(dr.count("t")).isEqualTo(101);

            JsonPath audit = given().baseUri(suite.relationships.baseUrl())
                    .queryParam("target", "relationships/" + created[0]).queryParam("operation", "automatic failover")
                    .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            assertThat(audit.getString("[0].actor.name")).isEqualTo("drsuite");
            assertThat(audit.getString("[0].outcome")).isEqualTo("accepted");
            assertThat(audit.getString("[0].reason")).isNotBlank();
            JsonPath task = api.task(audit.getString("[0].taskId"));
            assertThat(task.getString("correlationId")).isEqualTo(audit.getString("[0].correlationId"));
            assertThat(task.getString("requestedBy")).isEqualTo("drsuite");
        }
    }
}
