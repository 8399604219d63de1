package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.events.task.ClusterTasks;
import io.drsuite.testing.PostgresInstance;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A production cluster of three nodes, whose commits wait for one of its two standbys ({@code ANY 1}), protected by a
 * one-node DR cluster, with HAProxy in front of production checking monitor-service's {@code /primary} answer for each node. A
 * client that knows only HAProxy's address commits through a local switchover, a local failover after kill -9 of the
 * primary and a rebuild of the lost node: it loses no acknowledged commit in the switchover, writes again shortly
 * after each operation, and never reaches a standby for writing; the DR side streams from whichever node is primary.
 */
@Order(5)
class LocalOperationsSystemTest {

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void switchoverFailoverAndRebuildInsideProductionWithHaproxyInFront() throws Exception {
        try (PostgresInstance one = PostgresInstance.primary("lo-prod-1");
                PostgresInstance two = one.standby("lo-prod-2");
                PostgresInstance three = one.standby("lo-prod-3");
                PostgresInstance dr = PostgresInstance.primary("lo-dr-1")) {
            one.execute("create table ledger (id bigint primary key)");
            api.register("lo-prod", one, two, three);
            api.register("lo-dr", dr);
            String[] created = api.create("lo", "lo-prod", "lo-dr", "async");
            api.awaitPhase(created[0], "active", created[1]);
            clusterCall("lo-prod", "put", "/synchronous-standbys",
                    Map.of("count", 1, "nodes", List.of("lo-prod-1", "lo-prod-2", "lo-prod-3"))).statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> "quorum".equals(
                    one.streamingStandbys().get(ClusterTasks.standbyName("lo-prod-2"))));

            try (HaproxyFront haproxy = HaproxyFront.primaryOf(suite.monitor.hostPort(), "lo-prod",
                    List.of(one, two, three));
                    RoutedWriter writer = new RoutedWriter(haproxy.port(), "ledger")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> writer.commitsAfter(0) > 100);

                long switchStart = System.nanoTime();
                String switchover = accepted(clusterCall("lo-prod", "post", "/switchover",
                        Map.of("toNode", "lo-prod-2")));
                awaitSucceeded(switchover);
                long switched = System.nanoTime();
                awaitMainNode("lo-prod", "lo-prod-2");
                awaitWrites(writer, haproxy);
                double switchoverOutage = writer.longestGapSeconds(switchStart);
                double afterSwitchover = writer.firstCommitAfterSeconds(switched);
                System.out.printf("local switchover: longest write gap through HAProxy %.3f s, first write %.3f s "
                        + "after the task ended%n", switchoverOutage, afterSwitchover);
                assertThat(afterSwitchover).as("writes through HAProxy resume at most a check interval (%s) after "
                        + "the switchover, with room for a loaded machine", HaproxyFront.CHECK_INTERVAL)
                        .isLessThan(5.0);
                assertThat(two.inRecovery()).isFalse();
                assertThat(one.inRecovery()).as("the old primary restarted as a standby, not rebuilt").isTrue();
                await().atMost(Duration.ofSeconds(30)).until(() -> two.streamingStandbys().keySet().containsAll(
                        List.of(ClusterTasks.standbyName("lo-prod-1"), ClusterTasks.standbyName("lo-prod-3"),
                                "drsuite_lo")));
                assertThat(acknowledgedMissingOn(two, writer)).as("acknowledged commits lost in the switchover")
                        .isZero();

                three.execute("alter system set primary_conninfo = ''", "select pg_reload_conf()");
                two.execute("insert into ledger select -g from generate_series(1, 1000) g");
                two.killPostmaster();
                long failStart = System.nanoTime();
                String failover = accepted(clusterCall("lo-prod", "post", "/failover",
                        Map.of("reason", "system test: lo-prod-2 is lost")));
                JsonPath failed = awaitSucceeded(failover);
                long failedOver = System.nanoTime();
                assertThat(failed.getString("steps.find { it.name == '" + ClusterTasks.PROMOTE_STEP
                        + "' }.artifacts." + ClusterTasks.NEW_PRIMARY))
                        .as("the standby that had received the most WAL").isEqualTo("lo-prod-1");
                awaitMainNode("lo-prod", "lo-prod-1");
                awaitWrites(writer, haproxy);
                double afterFailover = writer.firstCommitAfterSeconds(failedOver);
                System.out.printf("local failover: longest write gap through HAProxy %.3f s, first write %.3f s "
                        + "after the task ended%n", writer.longestGapSeconds(failStart), afterFailover);
                assertThat(afterFailover).isLessThan(5.0);
                assertThat(one.inRecovery()).isFalse();
                assertThat(one.count("ledger where id < 0")).as("the synchronous standby had every commit")
                        .isEqualTo(1000);
                await().atMost(Duration.ofSeconds(60)).until(() -> one.streamingStandbys().keySet().containsAll(
                        List.of(ClusterTasks.standbyName("lo-prod-3"), "drsuite_lo")));

                String rebuild = accepted(clusterCall("lo-prod", "post", "/nodes/lo-prod-2/rebuild",
                        Map.of("mode", "auto")));
                JsonPath rebuilt = awaitSucceeded(rebuild);
                assertThat(rebuilt.getString("steps.find { it.name == 'rebuild-node' }.artifacts.rebuildMethod"))
                        .isEqualTo("rewind");
                await().atMost(Duration.ofSeconds(30)).until(() -> one.streamingStandbys()
                        .containsKey(ClusterTasks.standbyName("lo-prod-2")));
                assertThat(writer.readOnlyRefusals()).as("writes that reached a standby through HAProxy").isZero();
                long before = dr.count("ledger");
                await().atMost(Duration.ofSeconds(30)).until(() -> dr.count("ledger") > before);
            }
        }
    }

    private io.restassured.response.ValidatableResponse clusterCall(String cluster, String method, String path,
            Map<String, Object> body) {
        var request = given().baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON).body(body);
        String url = "/api/v1/clusters/" + cluster + path;
        return ("put".equals(method) ? request.put(url) : request.post(url)).then();
    }

    private static String accepted(io.restassured.response.ValidatableResponse response) {
        return response.statusCode(202).extract().jsonPath().getString("taskId");
    }

    /** A task the service does not know yet (its request still on the way) has no state. */
    private static boolean finished(String state) {
        return state != null && List.of("succeeded", "failed", "cancelled").contains(state);
    }

    private JsonPath awaitSucceeded(String taskId) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() ->
                finished(api.task(taskId).getString("state")));
        JsonPath task = api.task(taskId);
        if (!"succeeded".equals(task.getString("state"))) {
            throw new AssertionError("task " + taskId + " " + task.getString("state") + " at "
                    + task.getString("failedStep") + ": " + task.getString("error") + "\n" + task.getList("log"));
        }
        return task;
    }

    private void awaitMainNode(String cluster, String node) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath view = given().baseUri(suite.relationships.baseUrl()).get("/api/v1/clusters/{name}", cluster)
                    .then().statusCode(200).extract().jsonPath();
            return node.equals(view.getString("nodes.find { it.role == 'primary' }.name"))
                    && view.get("operation") == null;
        });
    }

    private static void awaitWrites(RoutedWriter writer, HaproxyFront haproxy) {
        long now = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.commitsAfter(now) > 20);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no writes through HAProxy; its log:\n" + haproxy.log(), e);
        }
    }

    private static long acknowledgedMissingOn(PostgresInstance node, RoutedWriter writer) throws Exception {
        Long[] ids = writer.acknowledged().toArray(Long[]::new);
        try (java.sql.Connection connection = node.connect("postgres");
                java.sql.PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from unnest(?::bigint[]) as acked(id) where not exists "
                                + "(select 1 from ledger where ledger.id = acked.id)")) {
            statement.setArray(1, connection.createArrayOf("bigint", ids));
            try (java.sql.ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
