package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.testing.FreePorts;
import io.drsuite.testing.PostgresInstance;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * task-service killed with SIGKILL right after the full build of a start: after a restart the task resumes at its
 * first unfinished step and the build is not repeated. Then killed again in the middle of a drill, once the copy of
 * the DR main standby is made: after a restart the drill ends and its copy, slot and folder are gone.
 */
@Isolated
@Order(100)
class TaskCrashRecoverySystemTest {

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void aStartResumesAfterACrashWithoutRepeatingTheFullBuildAndADrillCleansUpAfterOne() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("crash-prod");
                PostgresInstance dr = PostgresInstance.primary("crash-dr")) {
            prod.execute("create table t (id int, filler text)",
                    "insert into t select g, repeat('x', 200) from generate_series(1, 100000) g");
            api.register("crash-prod", prod);
            api.register("crash-dr", dr);

            String[] created = api.create("crash", "crash-prod", "crash-dr", "async");
            String taskId = created[1];
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> "succeeded".equals(stepState(taskId, "full-build-main-standby")));
            suite.tasks.kill();
            Path marker = dr.dataDirectory().resolve("built-before-the-crash");
            Files.writeString(marker, "this file survives unless the data directory is rebuilt");

            suite.tasks.start();
            api.awaitPhase(created[0], "active", taskId);

            JsonPath task = api.task(taskId);
            assertThat(task.getString("state")).isEqualTo("succeeded");
            assertThat(task.getInt("attempts")).as("claimed again after the crash").isEqualTo(2);
            assertThat(step(task, "full-build-main-standby").get("attempts")).isEqualTo(1);
            assertThat(Files.exists(marker)).as("the DR data directory was not rebuilt").isTrue();
            assertThat(dr.count("t")).isEqualTo(100000);
            assertThat(dr.inRecovery()).isTrue();
            assertThat(task.getList("log.message", String.class))
                    .filteredOn(line -> line.contains("full build of") && line.contains("pg_basebackup"))
                    .hasSize(1);

            Path root = PostgresInstance.emptyFolderForPostgres("crash-box");
            int port = FreePorts.next();
            given().baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON)
                    .body(Map.of("name", "crash-box", "host", "127.0.0.1", "access", DrApi.localAccess(dr),
                            "dataRoot", root.toString(), "portFrom", port, "portTo", port))
                    .post("/api/v1/sandboxes").then().statusCode(201);
            JsonPath drill = given().baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON)
                    .body(Map.of("relationship", "crash", "sandbox", "crash-box")).post("/api/v1/drills").then()
                    .statusCode(202).extract().jsonPath();
            String drillTask = drill.getString("taskId");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> "succeeded".equals(stepState(drillTask, "copy-standby")));
            suite.tasks.kill();
            try (var entries = Files.list(root)) {
                assertThat(entries.toList()).as("the copy exists when task-service dies").hasSize(1);
            }
            suite.tasks.start();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> !"running"
                    .equals(given().baseUri(suite.relationships.baseUrl()).get("/api/v1/drills/{id}",
                            drill.getString("id")).then().extract().jsonPath().getString("state")));
            assertThat(api.task(drillTask).getInt("attempts")).as("claimed again after the crash").isEqualTo(2);
            DrillSystemTest.assertNothingLeft(root, port, dr);
            assertThat(api.listed(created[0], "phase")).isEqualTo("active");
        }
    }

    private String stepState(String taskId, String step) {
        JsonPath task = api.task(taskId);
        List<Map<String, Object>> steps = task.getList("steps");
        return steps == null ? null : (String) step(task, step).get("state");
    }

    private static Map<String, Object> step(JsonPath task, String name) {
        return task.getMap("steps.find { it.name == '" + name + "' }");
    }
}
