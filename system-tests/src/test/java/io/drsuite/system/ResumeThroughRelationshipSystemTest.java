package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SignedIn;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A relationship's failed task is resumed through the relationship, which follows it to its end; task-service
 * refuses to resume it directly (that run would escape the relationship's state machine). With relationship- and
 * task-service as processes and real clusters: a stop fails while the DR node is down, the direct resume is refused
 * and changes nothing, the resume through the relationship finishes the stop.
 */
class ResumeThroughRelationshipSystemTest {

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void aFailedStopIsResumedThroughTheRelationshipAndItsOutcomeIsFolded() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("res-prod");
                PostgresInstance dr = PostgresInstance.primary("res-dr")) {
            prod.execute("create table t (id int)", "insert into t select generate_series(1, 100)");
            api.register("res-prod", prod);
            api.register("res-dr", dr);
            String[] created = api.create("res", "res-prod", "res-dr", "async");
            String id = created[0];
            api.awaitPhase(id, "active", created[1]);

            dr.killPostmaster();
            await().atMost(Duration.ofSeconds(30)).until(() -> !dr.answers());
            String stop = api.operate(id, "stop", Map.of("promoteDr", false)).statusCode(202)
                    .extract().jsonPath().getString("taskId");
            JsonPath failed = api.awaitPhase(id, "error", stop);
            assertThat(failed.getString("lastError")).isNotBlank();
            assertThat(api.task(stop).getString("state")).isEqualTo("failed");
            assertThat(api.task(stop).getString("failedStep")).isEqualTo("detach-dr");

            given().baseUri(suite.tasks.baseUrl()).post("/api/v1/tasks/{id}/resume", stop).then()
                    .statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("/api/v1/relationships/" + id + "/resume"));
            assertThat(api.task(stop).getInt("attempts")).as("the direct resume changed nothing").isEqualTo(1);
            assertThat(api.task(stop).getString("state")).isEqualTo("failed");
            assertThat(api.query(id).getString("phase")).isEqualTo("error");

            // A failed stop goes on only as an admin's decision, as starting one is.
            SignedIn.as(SignedIn.OPERATOR).baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON)
                    .body(Map.of()).post("/api/v1/relationships/{id}/resume", id).then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("admin role"));
            assertThat(api.task(stop).getInt("attempts")).as("the operator's resume changed nothing").isEqualTo(1);
            assertThat(api.query(id).getString("phase")).isEqualTo("error");

            dr.start();
            api.operate(id, "resume", Map.of()).statusCode(202)
                    .body("taskId", equalTo(stop))
                    .body("relationship.phase", equalTo("stopping"))
                    .body("relationship.currentTask.id", equalTo(stop));
            JsonPath stopped = api.awaitPhase(id, "stopped", stop);
            assertThat(stopped.getString("clusters[0].state")).isEqualTo("normal");
            assertThat(api.task(stop).getInt("attempts")).isEqualTo(2);
            assertThat(api.task(stop).getString("state")).isEqualTo("succeeded");
            assertThat(prod.count("pg_replication_slots")).isZero();
            assertThat(dr.inRecovery()).as("left as a detached read-only copy").isTrue();
            api.operate(id, "resume", Map.of()).statusCode(409).body("type", containsString("nothing-to-resume"));
        }
    }
}
