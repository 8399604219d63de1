package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.alert.AlertEvents;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PagedList;
import io.drsuite.testing.PostgresInstance;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Two monitor-service processes share the clusters: the suite's and a second one beside it, on the same control-plane
 * database and Kafka. Each cluster is watched by exactly one of them (its node carries the monitoring session of one
 * replica, and the two watched-nodes gauges add up to every known node, each above zero). The second one killed
 * with SIGKILL, the suite's takes all its clusters over within 30 s, and a node stopped during the handover raises
 * its node_down alert exactly once. Isolated: while the second replica lives, it, not the suite's, watches some of
 * the other tests' clusters.
 */
@Isolated
@Order(102)
class MonitorReplicasSystemTest {

    /**
     * A dozen clusters, so that the second replica owning none of them is all but impossible: 1 in 4,096 with the
     * cluster topic's partitions split evenly between the two.
     */
    private static final int CLUSTERS = 12;
    private static final String SECOND = "second-monitor";
    private static final Duration DIVIDED_WITHIN = Duration.ofSeconds(30);
    private static final Duration TAKEN_OVER_WITHIN = Duration.ofSeconds(30);
    /** Polls (one a second) after the alert in which a second one, or its resolution, would show. */
    private static final Duration ALERT_SETTLES = Duration.ofSeconds(5);

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void eachClusterIsWatchedByOneReplicaAndAKilledOnesAreTakenOverWithOneAlertForANodeDownMeanwhile()
            throws Exception {
        MonitorReplica second = MonitorReplica.launch(SECOND, "1s");
        try (second; ThrowawayFleet fleet = ThrowawayFleet.start("replicas", CLUSTERS);
                NodeSessions sessions = NodeSessions.open(fleet.nodes())) {
            second.awaitReady();
            try {
                fleet.register(api);
                await().atMost(DIVIDED_WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    assertThat(sessions.monitorInstances()).as("monitor-service instances with a session on each node")
                            .hasSize(CLUSTERS).allSatisfy((node, instances) -> assertThat(instances.keySet())
                                    .as(node).hasSize(1).isSubsetOf(Suite.MONITOR_INSTANCE_ID, SECOND));
                    double first = watchedNodes(suite.monitor);
                    double other = second.metrics().value(MonitorReplica.WATCHED_NODES);
                    assertThat(first).as("nodes the suite's replica watches").isPositive();
                    assertThat(other).as("nodes the second replica watches").isPositive();
                    assertThat(first + other).as("nodes both watch").isEqualTo(knownNodes());
                });
                Map<String, Map<String, Integer>> division = sessions.monitorInstances();
                PostgresInstance down = fleet.nodes().stream()
                        .filter(node -> division.get(node.name()).containsKey(SECOND)).findFirst()
                        .orElseThrow(() -> new AssertionError("the second replica watches none of the clusters: "
                                + division));

                Instant killedAt = Instant.now();
                second.kill();
                down.stop();

                await().atMost(TAKEN_OVER_WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    assertThat(sessions.monitorInstances()).as("monitor-service instances on each node still up")
                            .hasSize(CLUSTERS - 1).allSatisfy((node, instances) -> assertThat(instances.keySet())
                                    .as(node).containsExactly(Suite.MONITOR_INSTANCE_ID));
                    assertThat(watchedNodes(suite.monitor)).as("nodes the suite's replica watches")
                            .isEqualTo(knownNodes());
                    JsonPath health = given().baseUri(suite.monitor.baseUrl())
                            .get("/api/v1/health/clusters/{name}", down.name()).then().statusCode(200).extract()
                            .jsonPath();
                    assertThat(Instant.parse(health.getString("nodes[0].sampledAt"))).as("polled after the kill")
                            .isAfter(killedAt);
                    assertThat(health.getBoolean("nodes[0].reachable")).as("the stopped node answers").isFalse();
                });
                String subject = down.name() + "/" + down.name();
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                        .until(() -> !nodeDownAlerts(subject).isEmpty());
                Thread.sleep(ALERT_SETTLES.toMillis());
                assertThat(nodeDownAlerts(subject)).as("node_down alerts of " + subject).singleElement()
                        .satisfies(alert -> assertThat(alert.get("state")).isEqualTo("firing"));
                assertThat(KafkaProbe.readAll(AlertEvents.TOPIC, record -> AlertEvents.RAISED.type()
                        .equals(KafkaProbe.header(record, CloudEventHeaders.TYPE))
                        && subject.equals(JsonPath.from(record.value()).getString("subject")),
                        Duration.ofSeconds(2), Duration.ofSeconds(20))).as("alerts raised on " + AlertEvents.TOPIC)
                        .hasSize(1);
            } finally {
                fleet.deregister(api);
            }
        }
    }

    private static double watchedNodes(ServiceProcess monitor) {
        return MonitorReplica.metrics(monitor.baseUrl()).value(MonitorReplica.WATCHED_NODES);
    }

    /** The nodes of every cluster monitor-service knows, the other tests' included. */
    private int knownNodes() {
        return PagedList.items(suite.monitor.baseUrl() + "/api/v1/clusters", 500).stream()
                .mapToInt(cluster -> ((List<?>) cluster.get("nodes")).size()).sum();
    }

    private List<Map<String, Object>> nodeDownAlerts(String subject) {
        return PagedList.items(suite.monitor.baseUrl() + "/api/v1/alerts", 500).stream()
                .filter(alert -> "node_down".equals(alert.get("rule")) && subject.equals(alert.get("subject")))
                .toList();
    }
}
