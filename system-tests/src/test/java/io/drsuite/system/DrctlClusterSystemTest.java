package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.events.task.ClusterTasks;
import io.drsuite.testing.PostgresInstance;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The operations inside one cluster through the real drctl, signed in as admin, on a throwaway two-node cluster:
 * {@code cluster switchover}, {@code routing check} and {@code routing show}, {@code node rebuild},
 * {@code node sync}, {@code node add} and {@code node remove}, and {@code cluster failover} after the primary is stopped; and the bad input a user types: a
 * switchover to a node the cluster does not have, a failover not confirmed.
 */
@Order(6)
class DrctlClusterSystemTest {

    private static final String CLUSTER = "dc";

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void switchoverRoutingRebuildAndFailoverInsideAClusterWithDrctl() throws Exception {
        try (PostgresInstance one = PostgresInstance.primary("dc-node1");
                PostgresInstance two = one.standby("dc-node2");
                PostgresInstance three = PostgresInstance.unbuilt("dc-node3")) {
            api.register(CLUSTER, one, two);
            DrctlProcess drctl = DrctlProcess.signedInAs(suite, "admin");

            DrctlProcess.Result unknown = drctl.run("cluster", "switchover", CLUSTER, "--to", "dc-node9");
            assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(3);
            assertThat(unknown.stderr().strip().lines().toList()).as(unknown.toString()).hasSize(1)
                    .allSatisfy(line -> assertThat(line).startsWith("drctl: refused: ").contains("dc-node9"));
            assertThat(two.inRecovery()).isTrue();

            DrctlProcess.Result switched = drctl.run("cluster", "switchover", CLUSTER, "--to", "dc-node2");
            System.out.println("drctl cluster switchover:\n" + switched.stdout());
            assertThat(switched.exitCode()).as(switched.toString()).isZero();
            assertThat(switched.stdout()).contains("Done: cluster.switchover of", "succeeded",
                    "dc-node2 is now the primary of dc (was dc-node1)");
            assertThat(two.inRecovery()).as("the promoted standby").isFalse();
            assertThat(one.inRecovery()).as("the old primary, restarted as a standby").isTrue();

            AtomicReference<DrctlProcess.Result> check = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                check.set(drctl.run("routing", "check", CLUSTER, "-o", "json"));
                return check.get().exitCode() == 0;
            });
            JsonPath routes = check.get().json();
            assertThat(routes.getString("cluster")).isEqualTo(CLUSTER);
            assertThat(routes.getBoolean("healthy")).isTrue();
            assertThat(routes.getList("primaries")).containsExactly("dc-node2");
            assertThat(routes.getInt("nodes.find { it.name == 'dc-node2' }.primary.status")).isEqualTo(200);
            assertThat(routes.getString("nodes.find { it.name == 'dc-node1' }.primary.answer")).isEqualTo("standby");
            DrctlProcess.Result table = drctl.run("routing", "check", CLUSTER);
            assertThat(table.exitCode()).as(table.toString()).isZero();
            assertThat(table.stdout()).contains("dc-node2 answers as the primary of dc");
            DrctlProcess.Result routing = drctl.run("routing", "show", CLUSTER, "-o", "json");
            assertThat(routing.exitCode()).as(routing.toString()).isZero();
            assertThat(routing.json().getString("routing.owner.name")).isEqualTo(CLUSTER);
            assertThat(routing.json().getList("relationships")).isEmpty();
            System.out.println("drctl routing check:\n" + table.stdout() + "drctl routing show:\n"
                    + drctl.run("routing", "show", CLUSTER).stdout());

            DrctlProcess.Result rebuilt = drctl.run("node", "rebuild", CLUSTER, "dc-node1");
            assertThat(rebuilt.exitCode()).as(rebuilt.toString()).isZero();
            assertThat(rebuilt.stdout()).contains("Done: cluster.rebuild-node of");
            await().atMost(Duration.ofSeconds(30)).until(() -> two.streamingStandbys()
                    .containsKey(ClusterTasks.standbyName("dc-node1")));

            DrctlProcess.Result sync = drctl.run("node", "sync", CLUSTER, "--count", "1", "-o", "json");
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
            assertThat(sync.json().getInt("synchronousStandbys.count")).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> "quorum".equals(two.streamingStandbys()
                    .get(ClusterTasks.standbyName("dc-node1"))));
            assertThat(drctl.run("node", "sync", CLUSTER, "--count", "0").exitCode()).isZero();

            DrctlProcess.Result added = drctl.run("node", "add", CLUSTER, "--name", "dc-node3", "--host", "127.0.0.1",
                    "--port", String.valueOf(three.port()), "--data-directory", three.dataDirectory().toString());
            assertThat(added.exitCode()).as(added.toString()).isZero();
            assertThat(added.stdout()).contains("Done: cluster.add-node of");
            await().atMost(Duration.ofSeconds(30)).until(() -> two.streamingStandbys()
                    .containsKey(ClusterTasks.standbyName("dc-node3")));
            DrctlProcess.Result removed = drctl.run("node", "remove", CLUSTER, "dc-node3", "--reason",
                    "system test: done with it", "--yes", "-o", "json");
            assertThat(removed.exitCode()).as(removed.toString()).isZero();
            assertThat(removed.json().getList("nodes.name")).containsExactlyInAnyOrder("dc-node1", "dc-node2");

            String lastTask = lastOperationTask();
            DrctlProcess.Result unconfirmed = drctl.runWithInput("not-dc\n", "cluster", "failover", CLUSTER,
                    "--reason", "system test");
            assertThat(unconfirmed.exitCode()).as(unconfirmed.toString()).isEqualTo(2);
            assertThat(unconfirmed.stderr()).contains("not confirmed; nothing was done");
            assertThat(lastOperationTask()).as("no failover was requested").isEqualTo(lastTask);
            assertThat(two.inRecovery()).isFalse();

            two.stop();
            DrctlProcess.Result failedOver = drctl.run("cluster", "failover", CLUSTER, "--reason",
                    "system test: dc-node2 stopped", "--yes");
            System.out.println("drctl cluster failover:\n" + failedOver.stdout());
            assertThat(failedOver.exitCode()).as(failedOver.toString()).isZero();
            assertThat(failedOver.stdout()).contains("Done: cluster.failover of", "estimated data loss: ",
                    "dc-node1 is now the primary of dc (was dc-node2)");
            assertThat(one.inRecovery()).as("the standby, promoted").isFalse();
        }
    }

    /** The task of the cluster's last operation, as relationship-service shows it. */
    private String lastOperationTask() {
        JsonPath view = given().baseUri(suite.relationships.baseUrl()).get("/api/v1/clusters/{name}", CLUSTER)
                .then().statusCode(200).extract().jsonPath();
        assertThat(view.getMap("operation")).isNull();
        return view.getString("lastOperation.taskId");
    }
}
