package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.events.task.ClusterTasks;
import io.drsuite.testing.ConsoleSignIn;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SignedIn;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The console's clusters, cluster and tasks pages on a real two-node cluster, at the HTTP level as a browser's htmx
 * asks them: the cluster is listed, its page shows its nodes with their roles and monitor-service's lag, a viewer
 * sees the operations disabled with the reason, a wrong typed name changes nothing, and an operator's switchover
 * started as the dialog starts it really moves the primary and shows its steps and log on the task pages.
 */
@Order(7)
class ConsoleClustersAndTasksSystemTest {

    private static final String CLUSTER = "cct";
    private static final Pattern TASK_PANEL = Pattern.compile("id=\"task-panel-([0-9a-f-]{36})\"");

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void aSwitchoverStartedFromTheConsoleMovesThePrimaryAndItsTaskShowsItsSteps() throws Exception {
        try (PostgresInstance one = PostgresInstance.primary("cct-1");
                PostgresInstance two = one.standby("cct-2")) {
            api.register(CLUSTER, one, two);
            String console = suite.console.baseUrl();
            Map<String, String> viewer = ConsoleSignIn.as(console, SignedIn.VIEWER);
            Map<String, String> operator = ConsoleSignIn.as(console, SignedIn.OPERATOR);

            String clusters = page(viewer, console + "/clusters");
            assertThat(row(clusters, "data-cluster=\"" + CLUSTER + "\"")).contains("class=\"nodes-count\">2<")
                    .contains("class=\"primary-node\">cct-1<");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    row(page(viewer, console + "/clusters/" + CLUSTER), "data-node=\"cct-2\"")
                            .matches("(?s).*class=\"node-lag\">\\d[^<]*B<.*"));
            String clusterPage = page(viewer, console + "/clusters/" + CLUSTER);
            assertThat(row(clusterPage, "data-node=\"cct-1\"")).contains("data-role=\"primary\"")
                    .contains("class=\"node-reachable\">yes<");
            assertThat(row(clusterPage, "data-node=\"cct-2\"")).contains("data-role=\"standby\"")
                    .contains("disabled aria-describedby=\"why-switchover-cct-2\"")
                    .contains("needs the operator role; you are signed in as viewer");
            assertThat(clusterPage).contains("id=\"why-failover\">needs the admin role; you are signed in as viewer<")
                    .contains("cct-1 (127.0.0.1:" + one.port() + ") will be stopped cleanly and cct-2 (127.0.0.1:"
                            + two.port() + ") promoted");
            assertThat(row(page(operator, console + "/fragments/clusters/" + CLUSTER + "/state"),
                    "data-node=\"cct-2\"")).contains("data-dialog=\"switchover-cct-2\" >")
                    .doesNotContain("why-switchover-cct-2");

            RestAssured.given().cookies(operator).header("HX-Request", "true").redirects().follow(false)
                    .formParam("toNode", "cct-2").formParam("confirm", "cct-2")
                    .post(console + "/clusters/{name}/switchover", CLUSTER)
                    .then().statusCode(400);
            assertThat(cluster().getString("nodes.find { it.role == 'primary' }.name")).isEqualTo("cct-1");
            assertThat(cluster().getMap("operation")).isNull();
            assertThat(two.inRecovery()).as("a wrong name changed nothing").isTrue();

            String panel = RestAssured.given().cookies(operator).header("HX-Request", "true").redirects()
                    .follow(false).formParam("toNode", "cct-2").formParam("confirm", CLUSTER)
                    .post(console + "/clusters/{name}/switchover", CLUSTER)
                    .then().statusCode(200).extract().asString();
            Matcher started = TASK_PANEL.matcher(panel);
            assertThat(started.find()).as(panel).isTrue();
            String taskId = started.group(1);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() ->
                    finished(api.task(taskId).getString("state")));
            assertThat(api.task(taskId).getString("state")).as(api.task(taskId).prettify()).isEqualTo("succeeded");
            await().atMost(Duration.ofSeconds(30)).until(() -> "cct-2".equals(
                    cluster().getString("nodes.find { it.role == 'primary' }.name")) && cluster().get("operation") == null);
            assertThat(two.inRecovery()).as("the node promoted from the console").isFalse();

            String taskPage = page(viewer, console + "/tasks/" + taskId);
            assertThat(row(taskPage, "data-step=\"" + ClusterTasks.PROMOTE_STEP + "\""))
                    .contains("data-state=\"succeeded\"");
            assertThat(taskPage).contains("data-state=\"succeeded\"").contains("class=\"log-message\"")
                    .doesNotContain("data-dialog=\"cancel-" + taskId);
            String tasks = page(viewer, console + "/tasks?state=succeeded&type=" + ClusterTasks.SWITCHOVER);
            assertThat(row(tasks, "data-task=\"" + taskId + "\"")).contains("data-state=\"succeeded\"")
                    .contains("href=\"/clusters/cct\"");
            assertThat(page(viewer, console + "/tasks?state=failed")).doesNotContain(taskId);

            assertThat(page(viewer, console + "/clusters/" + CLUSTER)).contains("data-result=\"succeeded\"");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    row(page(viewer, console + "/fragments/clusters/" + CLUSTER + "/routing"),
                            "data-node=\"cct-2\" data-check=\"primary\"").contains("200 primary"));
            assertThat(page(viewer, console + "/fragments/clusters/" + CLUSTER + "/routing"))
                    .contains("/api/v1/routing/clusters/cct/nodes/cct-1/replica")
                    .contains("No webhook is called when this cluster");
        }
    }

    /** A task the service does not know yet (its request still on the way) has no state. */
    private static boolean finished(String state) {
        return state != null && List.of("succeeded", "failed", "cancelled").contains(state);
    }

    private JsonPath cluster() {
        return given().baseUri(suite.relationships.baseUrl()).get("/api/v1/clusters/{name}", CLUSTER).then()
                .statusCode(200).extract().jsonPath();
    }

    private static String page(Map<String, String> session, String url) {
        return RestAssured.given().cookies(session).redirects().follow(false).get(url).then().statusCode(200)
                .extract().asString();
    }

    /** The element that opens with {@code marker} up to the end of its table row (or the next 4000 characters). */
    private static String row(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as("%s in the page", marker).isNotNegative();
        int end = html.indexOf("</tr>", start);
        return html.substring(start, end < 0 ? Math.min(html.length(), start + 4000) : end);
    }
}
