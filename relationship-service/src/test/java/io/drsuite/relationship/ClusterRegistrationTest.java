package io.drsuite.relationship;

import static io.drsuite.testing.SignedIn.given;
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
import io.drsuite.platform.secrets.SealedSecretRefusedException;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.relationship.service.LoginResealing;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PackagedServiceInfrastructure;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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

    @Inject
    SecretSealer sealer;

    @Inject
    LoginResealing resealing;

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
        assertTrue(event.value().contains("\"sealedPassword\":\"v2:1:"));
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
            given().when().delete("/api/v1/clusters/" + name + "?reason=test clean-up").then().statusCode(204);
            given().when().get("/api/v1/clusters/" + name).then().statusCode(404)
                    .contentType("application/problem+json");
            given().when().delete("/api/v1/clusters/" + name + "?reason=test clean-up").then().statusCode(404);
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
            given().when().delete("/api/v1/clusters/" + name + "?reason=test clean-up").then().statusCode(204);
        } finally {
            lone.close();
        }
    }

    /**
     * A registry as it looks before bound values: every stored password sealed unbound ({@code v1:}). The first
     * start after the upgrade re-seals each one bound to its own row and announces the cluster again; an unbound
     * value written into a row after that is not re-sealed, and opening it is refused.
     */
    @Test
    void theUpgradeReSealsUnboundPasswordsBoundToTheirRowAndRefusesLaterUnboundOnes() throws Exception {
        String name = "legacy-" + shortId();
        String clusterId = given().contentType(ContentType.JSON).body(Registrations.cluster(name, primary, standby))
                .when().post("/api/v1/clusters").then().statusCode(201).extract().path("id");
        List<String[]> rows = storedPasswords();
        for (String[] row : rows) {
            UUID id = UUID.fromString(row[0]);
            setStoredPasswords(id, legacyV1(openOrPlaceholder(row[1], SecretBinding.adminPassword(id))),
                    legacyV1(openOrPlaceholder(row[2], SecretBinding.replicationPassword(id))));
        }

        assertEquals(rows.size(), resealing.resealStale());
        for (String[] row : storedPasswords()) {
            assertTrue(row[1].startsWith("v2:1:") && row[2].startsWith("v2:1:"), "not re-sealed: " + row[0]);
        }
        String[] ours = storedPasswords(clusterId);
        UUID id = UUID.fromString(clusterId);
        assertEquals(PostgresInstance.SUPERUSER_PASSWORD, sealer.open(ours[1], SecretBinding.adminPassword(id)));
        assertEquals(Registrations.REPLICATION_PASSWORD,
                sealer.open(ours[2], SecretBinding.replicationPassword(id)));
        List<ConsumerRecord<String, String>> events = eventsOf(clusterId);
        assertEquals(2, events.size(), "the re-sealed cluster is announced again");
        assertTrue(events.get(1).value().contains("\"sealedPassword\":\"" + ours[1] + "\""));

        String lateUnbound = legacyV1(PostgresInstance.SUPERUSER_PASSWORD);
        setStoredPasswords(id, lateUnbound, ours[2]);
        assertEquals(0, resealing.resealStale());
        assertEquals(lateUnbound, storedPasswords(clusterId)[1]);
        given().delete("/api/v1/clusters/" + name + "?reason=test clean-up").then().statusCode(204);
    }

    private String openOrPlaceholder(String sealed, SecretBinding binding) {
        try {
            return sealer.open(sealed, binding);
        } catch (SealedSecretRefusedException alreadyRefused) {
            return "refused-before-the-upgrade";
        }
    }

    /** A value as the sealer of before key ids and binding wrote it, under the tests' key. */
    private static String legacyV1(String secret) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(
                Base64.getDecoder().decode(PackagedServiceInfrastructure.TEST_SECRETS_KEY), "AES"),
                new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "v1:" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    }

    /** Every registry row: id, sealed admin password, sealed replication password. */
    private static List<String[]> storedPasswords() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(
                "select id, admin_password_sealed, replication_password_sealed from relationship.cluster");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(new String[] {row.getString(1), row.getString(2), row.getString(3)});
            }
        }
        return rows;
    }

    private static String[] storedPasswords(String clusterId) throws Exception {
        return storedPasswords().stream().filter(row -> row[0].equals(clusterId)).findFirst().orElseThrow();
    }

    private static void setStoredPasswords(UUID clusterId, String admin, String replication) throws Exception {
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(
                "update relationship.cluster set admin_password_sealed = ?, replication_password_sealed = ?"
                        + " where id = ?")) {
            statement.setString(1, admin);
            statement.setString(2, replication);
            statement.setObject(3, clusterId);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static Connection controlPlane() throws Exception {
        return DriverManager.getConnection(LocalInfrastructure.jdbcUrl(), LocalInfrastructure.DB_USER,
                LocalInfrastructure.DB_PASSWORD);
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String clusterId) {
        return KafkaProbe.readAll(ClusterEvents.TOPIC, record -> clusterId.equals(record.key()),
                Duration.ofSeconds(3), Duration.ofSeconds(60));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
