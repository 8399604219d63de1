package io.drsuite.relationship;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registration against a real PostgreSQL primary and a streaming standby started by the test.
 */
@QuarkusTest
class ClusterRegistrationTest {

    private static PostgresInstance primary;
    private static PostgresInstance standby;

    @BeforeAll
    static void startCluster() {
        primary = PostgresInstance.primary("reg-primary");
        primary.execute("create role " + Registrations.REPLICATION_USER + " with login replication password '"
                + Registrations.REPLICATION_PASSWORD + "'");
        standby = primary.standby("reg-standby");
    }

    @AfterAll
    static void stopCluster() {
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void registersPrimaryAndStandbyWithDiscoveredRolesAndNoSecretsShown() throws Exception {
        String name = "orders-" + shortId();
        String clusterId = given().contentType(ContentType.JSON).body(Registrations.cluster(name, primary, standby))
                .when().post("/api/v1/clusters")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/clusters/" + name))
                .body("name", equalTo(name))
                .body("serverVersion", startsWith("15."))
                .body("majorVersion", equalTo(15))
                .body("nodes[0].role", equalTo("primary"))
                .body("nodes[1].role", equalTo("standby"))
                .body("nodes[1].access.kind", equalTo("local"))
                .body("adminLogin.username", equalTo("postgres"))
                .body(not(containsString(PostgresInstance.SUPERUSER_PASSWORD)))
                .body(not(containsString(Registrations.REPLICATION_PASSWORD)))
                .extract().path("id");

        given().when().get("/api/v1/clusters").then().statusCode(200).body("name", hasItem(name));
        given().when().get("/api/v1/clusters/" + name).then().statusCode(200).body("id", equalTo(clusterId));

        List<ConsumerRecord<String, String>> events = eventsOf(clusterId);
        assertEquals(1, events.size());
        ConsumerRecord<String, String> event = events.get(0);
        assertEquals(ClusterEvents.REGISTERED.type(), KafkaProbe.header(event, CloudEventHeaders.TYPE));
        assertEquals("relationship-service", KafkaProbe.header(event, CloudEventHeaders.SOURCE));
        assertTrue(event.value().contains("\"sealedPassword\":\"v1:"));
        assertFalse(event.value().contains(PostgresInstance.SUPERUSER_PASSWORD));
        assertFalse(event.value().contains(Registrations.REPLICATION_PASSWORD));

        String log = Files.readString(Path.of("target/test-service.log"));
        assertTrue(log.contains("Registered cluster " + name), "the registration is logged");
        assertFalse(log.contains(PostgresInstance.SUPERUSER_PASSWORD), "a password was logged");
        assertFalse(log.contains(Registrations.REPLICATION_PASSWORD), "a password was logged");
    }

    @Test
    void removingAClusterAnnouncesIt() {
        PostgresInstance lone = PostgresInstance.primary("reg-lone");
        try {
            String name = "gone-" + shortId();
            String clusterId = given().contentType(ContentType.JSON).body(Registrations.cluster(name, lone))
                    .when().post("/api/v1/clusters").then().statusCode(201).extract().path("id");
            given().when().delete("/api/v1/clusters/" + name).then().statusCode(204);
            given().when().get("/api/v1/clusters/" + name).then().statusCode(404)
                    .contentType("application/problem+json");
            given().when().delete("/api/v1/clusters/" + name).then().statusCode(404);
            List<String> types = eventsOf(clusterId).stream()
                    .map(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE)).toList();
            assertEquals(List.of(ClusterEvents.REGISTERED.type(), ClusterEvents.REMOVED.type()), types);
        } finally {
            lone.close();
        }
    }

    @Test
    void unreachableNodeIsRefusedByName() {
        String name = "dead-" + shortId();
        Map<String, Object> body = Registrations.cluster(name, primary);
        Registrations.nodes(body).add(Registrations.node("ghost", "127.0.0.1", 1, "/srv/ghost"));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/clusters")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/node-unreachable"))
                .body("detail", containsString("node 'ghost' (127.0.0.1:1) cannot be reached: unreachable"));
        given().when().get("/api/v1/clusters/" + name).then().statusCode(404);
    }

    @Test
    void aNodeThatDoesNotAnswerGetsAFixedReasonNeverTheDriversMessage() throws Exception {
        try (ServerSocket silent = listener(null);
                ServerSocket garbage = listener("HTTP/1.1 400 Bad Request\r\n\r\n")) {
            String name = "odd-" + shortId();
            Map<String, Object> body = Registrations.cluster(name, primary);
            Registrations.nodes(body).add(Registrations.node("closed", "127.0.0.1", 1, "/srv/closed"));
            Registrations.nodes(body).add(Registrations.node("silent", "127.0.0.1", silent.getLocalPort(), "/srv/s"));
            Registrations.nodes(body).add(Registrations.node("garbage", "127.0.0.1", garbage.getLocalPort(), "/srv/g"));
            String detail = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/clusters")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", endsWith("/node-unreachable"))
                    .body("detail", containsString("node 'closed' (127.0.0.1:1) cannot be reached: unreachable"))
                    .body("detail", containsString("node 'silent' (127.0.0.1:" + silent.getLocalPort()
                            + ") cannot be reached: timeout"))
                    .body("detail", containsString("node 'garbage' (127.0.0.1:" + garbage.getLocalPort()
                            + ") cannot be reached: not PostgreSQL"))
                    .extract().asString();
            assertDriverTextAbsent(detail);
        }

        Map<String, Object> wrongPassword = Registrations.cluster("locked-" + shortId(), primary);
        wrongPassword.put("adminLogin", Map.of("username", PostgresInstance.SUPERUSER, "password", "not-the-one"));
        String detail = given().contentType(ContentType.JSON).body(wrongPassword).when().post("/api/v1/clusters")
                .then().statusCode(422)
                .body("detail", containsString("(127.0.0.1:" + primary.port() + ") cannot be reached: "
                        + "authentication failed"))
                .extract().asString();
        assertDriverTextAbsent(detail);
    }

    private static void assertDriverTextAbsent(String body) {
        for (String driverText : List.of("Connection refused", "Connection to", "refused", "timed out", "SSL",
                "password authentication", "FATAL", "HTTP")) {
            assertFalse(body.contains(driverText), "the driver's message leaked: " + body);
        }
    }

    /** A listener that accepts and then says {@code answer} (or nothing, keeping the connection open). */
    private static ServerSocket listener(String answer) throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> open = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket client = socket.accept();
                    open.add(client);
                    if (answer != null) {
                        client.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                    }
                }
            } catch (IOException closed) {
                open.forEach(ClusterRegistrationTest::closeQuietly);
            }
        });
        return socket;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the test is over
        }
    }

    @Test
    void clusterWithoutPrimaryIsRefused() {
        given().contentType(ContentType.JSON).body(Registrations.cluster("standby-only-" + shortId(), standby))
                .when().post("/api/v1/clusters")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/no-primary"))
                .body("detail", containsString("reg-standby"));
    }

    @Test
    void twoPrimariesAreRefused() {
        PostgresInstance promoted = primary.standby("reg-promoted");
        try {
            promoted.execute("select pg_promote(true, 30)");
            given().contentType(ContentType.JSON)
                    .body(Registrations.cluster("split-" + shortId(), primary, promoted))
                    .when().post("/api/v1/clusters")
                    .then().statusCode(422)
                    .body("type", endsWith("/several-primaries"))
                    .body("detail", containsString("'reg-promoted'"));
        } finally {
            promoted.close();
        }
    }

    @Test
    void nodesOfDifferentClustersAreRefused() {
        PostgresInstance stranger = PostgresInstance.primary("reg-stranger");
        try {
            given().contentType(ContentType.JSON)
                    .body(Registrations.cluster("mixed-" + shortId(), primary, stranger))
                    .when().post("/api/v1/clusters")
                    .then().statusCode(422)
                    .body("type", endsWith("/mixed-clusters"));
        } finally {
            stranger.close();
        }
    }

    @Test
    void nameAndNodesCanBeRegisteredOnlyOnce() {
        PostgresInstance lone = PostgresInstance.primary("reg-once");
        try {
            String name = "once-" + shortId();
            given().contentType(ContentType.JSON).body(Registrations.cluster(name, lone))
                    .when().post("/api/v1/clusters").then().statusCode(201);
            given().contentType(ContentType.JSON).body(Registrations.cluster(name, lone))
                    .when().post("/api/v1/clusters").then().statusCode(409)
                    .body("type", endsWith("/cluster-exists"));
            given().contentType(ContentType.JSON).body(Registrations.cluster("other-" + shortId(), lone))
                    .when().post("/api/v1/clusters").then().statusCode(409)
                    .body("type", endsWith("/node-registered"))
                    .body("detail", containsString("cluster '" + name + "'"));
            given().when().delete("/api/v1/clusters/" + name).then().statusCode(204);
        } finally {
            lone.close();
        }
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String clusterId) {
        return KafkaProbe.readAll(ClusterEvents.TOPIC, record -> clusterId.equals(record.key()),
                Duration.ofSeconds(3), Duration.ofSeconds(60));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
