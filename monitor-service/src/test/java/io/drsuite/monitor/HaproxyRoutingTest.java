package io.drsuite.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.FreePorts;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Debian's HAProxy in front of a real cluster, checking each server with the routing check as the docs configure it
 * (the server's name is the node's, {@code uri-lf} puts it in the check's path): clients reach the primary, and after
 * the primary stops and the standby is promoted they reach the new primary within a poll and a check.
 */
@QuarkusTest
class HaproxyRoutingTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    @Inject
    SecretSealer sealer;

    @Test
    void clientsThroughHaproxyReachThePrimaryAndFollowAPromotion() throws Exception {
        try (PostgresInstance first = PostgresInstance.primary("hx-a");
                PostgresInstance second = first.standby("hx-b")) {
            ClusterRegistered registered = ClusterEventFixtures.registered("hx", sealer, first, second);
            ClusterEventFixtures.publish(ClusterEvents.REGISTERED, registered.clusterId(), registered, json);
            await().atMost(WITHIN).until(() -> check("hx-a") == 200 && check("hx-b") == 503);
            int front = FreePorts.next();
            Process haproxy = haproxy(front, first, second);
            try {
                // HAProxy 2.6 takes a server for up until its first check says otherwise.
                await().atMost(WITHIN).pollDelay(Duration.ofMillis(1500))
                        .until(() -> writablePortBehind(front) == first.port());

                first.stop();
                second.execute("select pg_promote()");
                Instant promoted = Instant.now();
                await().atMost(WITHIN).pollInterval(Duration.ofMillis(100))
                        .until(() -> writablePortBehind(front) == second.port());
                assertThat(Duration.between(promoted, Instant.now()))
                        .as("a poll (1 s) and a check (0.5 s) after the promotion").isLessThan(Duration.ofSeconds(4));
            } finally {
                haproxy.destroy();
                haproxy.waitFor();
            }
        }
    }

    private static int check(String node) {
        return RestAssured.given().get("/api/v1/routing/clusters/hx/nodes/{node}/primary", node).statusCode();
    }

    /** The port of the server HAProxy connected us to, if it is writable; -1 when there is none or it is not. */
    private static int writablePortBehind(int front) {
        Properties properties = new Properties();
        properties.setProperty("PGHOST", "127.0.0.1");
        properties.setProperty("PGPORT", String.valueOf(front));
        properties.setProperty("PGDBNAME", "postgres");
        properties.setProperty("user", PostgresInstance.SUPERUSER);
        properties.setProperty("password", PostgresInstance.SUPERUSER_PASSWORD);
        properties.setProperty("connectTimeout", "2");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://", properties);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select pg_is_in_recovery(), current_setting('port')::int")) {
            row.next();
            assertThat(row.getBoolean(1)).as("HAProxy sent a client to a standby").isFalse();
            return row.getInt(2);
        } catch (SQLException noServer) {
            return -1;
        }
    }

    private static Process haproxy(int front, PostgresInstance... nodes) throws IOException {
        StringBuilder config = new StringBuilder("""
                defaults
                  mode tcp
                  timeout connect 1s
                  timeout client 30s
                  timeout server 30s
                listen hx
                  bind 127.0.0.1:%d
                  option httpchk
                  http-check send meth GET uri-lf /api/v1/routing/clusters/hx/nodes/%%[srv_name]/primary ver HTTP/1.1 hdr Host monitor
                  http-check expect status 200
                  default-server inter 500ms fall 1 rise 1 on-marked-down shutdown-sessions
                """.formatted(front));
        for (PostgresInstance node : nodes) {
            config.append("  server %s 127.0.0.1:%d check port %d%n".formatted(node.name(), node.port(),
                    RestAssured.port));
        }
        Path file = Files.createTempFile("haproxy-", ".cfg");
        Files.writeString(file, config);
        return new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(file.resolveSibling(file.getFileName() + ".log").toFile())
                .start();
    }
}
