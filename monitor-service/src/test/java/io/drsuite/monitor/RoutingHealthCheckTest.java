package io.drsuite.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.EventType;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The load balancers' health checks against real servers, asked without a token as HAProxy does: a production
 * cluster's primary answers 200 on /primary and 503 on /replica, its streaming standby the opposite; the DR cluster's
 * node answers 503 on /primary even once promoted; a node name two clusters share must be asked by cluster; and the
 * stopped primary answers 503 within a poll.
 */
@QuarkusTest
class RoutingHealthCheckTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** The test profile polls every second; a stopped node refuses connections at once. */
    private static final Duration ONE_POLL = Duration.ofMillis(2500);

    @Inject
    ObjectMapper json;

    @Inject
    SecretSealer sealer;

    @Test
    void primaryAndReplicaChecksFollowTheNodesAndTheirClustersSide() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("rt-a");
                PostgresInstance standby = primary.standby("rt-b");
                PostgresInstance drNode = primary.standby("rt-b")) {
            register("rt", primary, standby);
            register("rt-dr", drNode);
            UUID relationship = UUID.randomUUID();
            ClusterEventFixtures.publish(RelationshipEvents.CHANGED, relationship, new RelationshipChanged(
                    relationship, "rt-rel", "active", "rt", "rt-dr", "async", "archive", "recovery", Instant.now()),
                    json);

            await().atMost(WITHIN).until(() -> check("/nodes/rt-a/primary").statusCode() == 200);
            assertAnswer("/nodes/rt-a/primary", 200, "primary");
            assertAnswer("/clusters/rt/nodes/rt-a/primary", 200, "primary");
            assertThat(asHaproxyAsks("/clusters/rt/nodes/rt-a/primary", "HTTP/1.1", "Host: monitor\r\n"))
                    .as("HTTP/1.1 with a Host, no token").matches("(?s)HTTP/1\\.1 200 .*\r\n\r\nprimary\n");
            assertThat(asHaproxyAsks("/clusters/rt/nodes/rt-a/primary", "HTTP/1.0", ""))
                    .as("HAProxy's default check: HTTP/1.0 without a Host")
                    .matches("(?s)HTTP/1\\.[01] 200 .*\r\n\r\nprimary\n");
            assertAnswer("/nodes/rt-a/replica", 503, "primary");
            await().atMost(WITHIN).until(() -> check("/clusters/rt/nodes/rt-b/replica").statusCode() == 200);
            assertAnswer("/clusters/rt/nodes/rt-b/replica", 200, "replica");
            assertAnswer("/clusters/rt/nodes/rt-b/replica?maxLagBytes=104857600", 200, "replica");
            assertAnswer("/clusters/rt/nodes/rt-b/primary", 503, "standby");
            // rt-dr's node has the same name; it is ambiguous once a poll has read both clusters
            await().atMost(WITHIN).until(() -> check("/clusters/rt-dr/nodes/rt-b/replica").statusCode() == 200);
            assertAnswer("/nodes/rt-b/primary", 503, "ambiguous-node");
            assertAnswer("/nodes/no-such-node/primary", 503, "unknown-node");
            assertAnswer("/clusters/no-such-cluster/nodes/rt-a/primary", 503, "unknown-node");
            check("/nodes/rt-a/replica?maxLagBytes=lots").then().statusCode(400)
                    .contentType("application/problem+json");

            drNode.execute("select pg_promote()");
            await().atMost(WITHIN).until(() -> check("/clusters/rt-dr/nodes/rt-b/primary").asString().strip()
                    .equals("dr-side"));
            assertAnswer("/clusters/rt-dr/nodes/rt-b/primary", 503, "dr-side");
            assertAnswer("/nodes/rt-a/primary", 200, "primary");

            primary.stop();
            Instant stopped = Instant.now();
            await().atMost(ONE_POLL).pollInterval(Duration.ofMillis(100))
                    .until(() -> check("/nodes/rt-a/primary").statusCode() == 503);
            assertThat(Duration.between(stopped, Instant.now())).isLessThan(ONE_POLL);
            assertAnswer("/nodes/rt-a/primary", 503, "unreachable");
        }
    }

    private static Response check(String path) {
        return RestAssured.given().get("/api/v1/routing" + path);
    }

    /**
     * A check request as HAProxy sends it: with {@code http-check send meth GET uri ... ver HTTP/1.1 hdr Host monitor},
     * or by default as HTTP/1.0 without a Host header.
     */
    private static String asHaproxyAsks(String path, String version, String hostHeader) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /api/v1/routing" + path + " " + version + "\r\n" + hostHeader
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static void assertAnswer(String path, int status, String word) {
        Response response = check(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.asString().strip()).as(path).isEqualTo(word);
    }

    private void register(String name, PostgresInstance... nodes) {
        ClusterRegistered registered = ClusterEventFixtures.registered(name, sealer, nodes);
        publish(ClusterEvents.REGISTERED, registered.clusterId(), registered);
    }

    private <P> void publish(EventType<P> type, UUID key, P payload) {
        ClusterEventFixtures.publish(type, key, payload, json);
    }
}
