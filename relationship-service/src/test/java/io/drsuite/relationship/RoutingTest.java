package io.drsuite.relationship;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.drsuite.events.task.DnsRoute;
import io.drsuite.events.task.DnsRoutes;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.events.task.TaskResult;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.relationship.model.Relationship;
import io.drsuite.relationship.model.RelationshipOperation;
import io.drsuite.relationship.routing.ClusterRouting;
import io.drsuite.relationship.routing.RoleChange;
import io.drsuite.relationship.routing.WebhookDelivery;
import io.drsuite.relationship.routing.WebhookSignature;
import io.drsuite.relationship.service.RelationshipTasks;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PagedList;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SignedIn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Routing per cluster and relationship: the configuration is checked, its keys sealed and never shown; a role change
 * calls the webhooks through the outbox, signed, retried until a real HTTP receiver answers 2xx; a DR switchover
 * carries the DNS routes to task-service and, folded in, calls the relationship's webhook.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingTest {

    private static final String TSIG_KEY = Base64.getEncoder().encodeToString(
            "a tsig key of thirty-two bytes!!".getBytes());
    private static final String WEBHOOK_SECRET = "webhook-signing-secret-42";

    @Inject
    ClusterRouting routing;

    @Inject
    RelationshipTasks tasks;

    @Inject
    SecretSealer sealer;

    @Inject
    ObjectMapper json;

    PostgresInstance prod;
    PostgresInstance dr;
    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

    record Received(String path, Map<String, String> headers, byte[] body) {

        JsonNode json(ObjectMapper mapper) throws Exception {
            return mapper.readTree(body);
        }
    }

    @BeforeEach
    void start() throws Exception {
        if (prod != null) {
            return;
        }
        prod = PostgresInstance.primary("rt-prod");
        dr = PostgresInstance.primary("rt-dr");
        register(Registrations.cluster("rt-prod", prod));
        register(Registrations.cluster("rt-dr", dr));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            received.add(new Received(exchange.getRequestURI().getPath(), headers,
                    exchange.getRequestBody().readAllBytes()));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
        for (PostgresInstance instance : new PostgresInstance[] {prod, dr}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void routingIsCheckedStoredSealedAndNeverShown() throws Exception {
        Map<String, Object> body = routingBody("rt-prod-rw.db.example.", hook("/prod"));

        String stored = put("/api/v1/clusters/rt-prod/routing", body).statusCode(200)
                .body("owner.kind", equalTo("cluster"))
                .body("dns.name", equalTo("rt-prod-rw.db.example."))
                .body("dns.port", equalTo(53))
                .body("dns.ttl", equalTo(30))
                .body("dns.algorithm", equalTo("hmac-sha256"))
                .body("dns.secretSet", equalTo(true))
                .body("webhooks[0].secretSet", equalTo(true))
                .extract().asString();
        String shown = SignedIn.as(SignedIn.VIEWER).get("/api/v1/clusters/rt-prod/routing").then().statusCode(200)
                .body("dns.keyName", equalTo("drsuite-update")).extract().asString();
        for (String answer : List.of(stored, shown)) {
            assertThat(answer).doesNotContain(TSIG_KEY).doesNotContain(WEBHOOK_SECRET).doesNotContain("v2:")
                    .doesNotContain("\"secret\"");
        }
        String sealedKey = column("select dns_secret_sealed from relationship.routing r join relationship.cluster c"
                + " on c.id = r.cluster_id where c.name = ?", "rt-prod");
        assertThat(sealedKey).startsWith("v2:").doesNotContain(TSIG_KEY);

        List<DnsRoute> routes = routing.dnsRoutesForCluster("rt-prod");
        assertThat(routes).singleElement().satisfies(route -> {
            assertThat(route.name()).isEqualTo("rt-prod-rw.db.example.");
            assertThat(route.server()).isEqualTo("127.0.0.1");
            assertThat(sealer.open(route.sealedSecret(), SecretBinding.dnsTsigKey(route.secretOwner())))
                    .isEqualTo(TSIG_KEY);
        });

        Map<String, Object> withoutSecrets = routingBody("rt-prod-rw.db.example.", hook("/prod"));
        dns(withoutSecrets).remove("secret");
        webhooks(withoutSecrets).getFirst().remove("secret");
        dns(withoutSecrets).put("ttl", 5);
        put("/api/v1/clusters/rt-prod/routing", withoutSecrets).statusCode(200)
                .body("dns.ttl", equalTo(5)).body("dns.secretSet", equalTo(true));
        assertThat(column("select dns_secret_sealed from relationship.routing r join relationship.cluster c"
                + " on c.id = r.cluster_id where c.name = ?", "rt-prod")).as("kept when left out").isEqualTo(sealedKey);

        String before = given().get("/api/v1/clusters/rt-prod/routing").then().extract().asString();
        refused(change(body, b -> dns(b).put("name", "shop.other.example.")), "dns.name", "not inside the zone");
        refused(change(body, b -> dns(b).put("zone", "db.example")), "zone", "absolute");
        refused(change(body, b -> dns(b).put("secret", "not base64 !")), "dns.secret", "base64");
        refused(change(body, b -> dns(b).put("algorithm", "hmac-md5")), "algorithm", "hmac-sha256");
        refused(change(body, b -> dns(b).put("port", 70000)), "port", "65535");
        refused(change(body, b -> dns(b).put("server", "bad host!")), "server", "host");
        refused(change(body, b -> webhooks(b).getFirst().put("url", "ftp://hooks.example/x")), "webhooks[0].url",
                "http or https");
        refused(change(body, b -> webhooks(b).getFirst().put("url", "https://user:pw@hooks.example/x")),
                "webhooks[0].url", "credentials");
        refused(change(body, b -> webhooks(b).add(hook("/prod"))), "webhooks[1].url", "twice");
        refused(change(body, b -> webhooks(b).add(new LinkedHashMap<>(Map.of("url", url("/new"))))),
                "webhooks[1].secret", "needs a secret");
        assertThat(given().get("/api/v1/clusters/rt-prod/routing").then().extract().asString())
                .as("refusals change nothing").isEqualTo(before);

        given().get("/api/v1/clusters/rt-nowhere/routing").then().statusCode(404)
                .contentType("application/problem+json");
        put("/api/v1/clusters/rt-nowhere/routing", body).statusCode(404);
        given().get("/api/v1/relationships/{id}/routing", UUID.randomUUID()).then().statusCode(404);
        SignedIn.as(SignedIn.OPERATOR).contentType(ContentType.JSON).body(body)
                .put("/api/v1/clusters/rt-prod/routing").then().statusCode(403);

        given().delete("/api/v1/clusters/rt-prod/routing").then().statusCode(204);
        given().get("/api/v1/clusters/rt-prod/routing").then().statusCode(200).body("dns", nullValue())
                .body("webhooks.size()", equalTo(0));
        assertThat(routing.dnsRoutesForCluster("rt-prod")).isEmpty();
    }

    @Test
    void aRoleChangeIsPostedSignedAndRetriedUntilTheReceiverTakesIt() throws Exception {
        put("/api/v1/clusters/rt-dr/routing", Map.of("webhooks", List.of(hook("/dr-retry")))).statusCode(200);
        UUID taskId = UUID.randomUUID();
        answers.addAll(List.of(500, 500, 200));

        QuarkusTransaction.requiringNew().run(() -> routing.roleChanged(new RoleChange(null, "rt-dr",
                dr.name(), dr.name(), taskId, "cluster.switchover", Instant.now())));

        await().atMost(Duration.ofSeconds(30)).until(() -> calls("/dr-retry").size() == 3);
        for (Received call : calls("/dr-retry")) {
            assertThat(call.headers().get("x-drsuite-signature"))
                    .isEqualTo(WebhookSignature.of(call.body(), WEBHOOK_SECRET));
            assertThat(call.headers().get("content-type")).isEqualTo("application/json");
            assertThat(call.headers().get("x-drsuite-timestamp")).matches("\\d+");
            JsonNode payload = call.json(json);
            assertThat(payload.get("event").asText()).isEqualTo("role-changed");
            assertThat(payload.get("cluster").asText()).isEqualTo("rt-dr");
            assertThat(payload.get("newPrimary").asText()).isEqualTo(dr.name());
            assertThat(payload.get("newPrimaryHost").asText()).isEqualTo("127.0.0.1");
            assertThat(payload.get("newPrimaryPort").asInt()).isEqualTo(dr.port());
            assertThat(payload.get("taskId").asText()).isEqualTo(taskId.toString());
            assertThat(payload.get("operation").asText()).isEqualTo("cluster.switchover");
            assertThat(payload.get("relationship").isNull()).isTrue();
            assertThat(payload.get("deliveryId").asText()).isEqualTo(call.headers().get("x-drsuite-delivery"));
        }
        assertThat(calls("/dr-retry")).extracting(call -> new String(call.body())).as("the same body on every attempt")
                .containsOnly(new String(calls("/dr-retry").getFirst().body()));
        String deliveryId = calls("/dr-retry").getFirst().headers().get("x-drsuite-delivery");

        // The same task's change folded again (a switchover resumed after failing past its promotion): no new call.
        QuarkusTransaction.requiringNew().run(() -> routing.roleChanged(new RoleChange(null, "rt-dr",
                dr.name(), dr.name(), taskId, "cluster.switchover", Instant.now())));
        assertThat(QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.count("taskId", taskId)))
                .as("one delivery per webhook and task").isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> SignedIn.as(SignedIn.VIEWER)
                .get("/api/v1/webhook-deliveries/{id}", deliveryId).then().statusCode(200)
                .body("state", equalTo("delivered")).body("attempts", equalTo(3)).body("lastStatus", equalTo(200))
                .body("change.taskId", equalTo(taskId.toString())));
        String listed = SignedIn.as(SignedIn.VIEWER).get("/api/v1/webhook-deliveries?cluster=rt-dr").then()
                .statusCode(200).body("[0].id", equalTo(Integer.parseInt(deliveryId)))
                .body("[0].owner.name", equalTo("rt-dr")).body("[0].state", equalTo("delivered"))
                .extract().asString();
        assertThat(listed).doesNotContain(WEBHOOK_SECRET).doesNotContain("v2:");
        given().get("/api/v1/webhook-deliveries?relationship=not-an-id").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("relationship"));
        given().get("/api/v1/webhook-deliveries/{id}", Long.MAX_VALUE).then().statusCode(404);
        assertThat(Files.readString(Path.of("target/test-service.log"))).as("no key is ever logged")
                .doesNotContain(WEBHOOK_SECRET).doesNotContain(TSIG_KEY);
        List<Object> ids = PagedList.items("/api/v1/webhook-deliveries", 1).stream().map(item -> item.get("id"))
                .toList();
        assertThat(ids).doesNotHaveDuplicates().contains(Integer.parseInt(deliveryId));
        assertThat(ids).isSortedAccordingTo((a, b) -> Integer.compare((Integer) b, (Integer) a));
        PagedList.refusesBadLimitAndCursor("/api/v1/webhook-deliveries");
    }

    @Test
    void aDrSwitchoverCarriesTheDnsRoutesAndItsOutcomeCallsTheRelationshipWebhook() throws Exception {
        UUID relationshipId = storeActiveRelationship("rt-rel", "rt-prod", "rt-dr");
        put("/api/v1/relationships/{id}/routing", routingBody("rt-rw.db.example.", hook("/rel")), relationshipId)
                .statusCode(200).body("owner.kind", equalTo("relationship")).body("owner.name", equalTo("rt-rel"));
        put("/api/v1/clusters/rt-dr/routing", routingBody("rt-dr-rw.db.example.", hook("/dr"))).statusCode(200);

        UUID taskId = QuarkusTransaction.requiringNew().call(() -> tasks.request(
                Relationship.<Relationship>findById(relationshipId), RelationshipOperation.SWITCHOVER, Map.of()));

        List<ConsumerRecord<String, String>> requests = KafkaProbe.readAll(TaskEvents.TOPIC,
                record -> taskId.toString().equals(record.key()), Duration.ofMillis(500), Duration.ofSeconds(20));
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().value()).doesNotContain(TSIG_KEY).doesNotContain(WEBHOOK_SECRET);
        TaskRequested request = json.readValue(requests.getFirst().value(), TaskRequested.class);
        assertThat(DnsRoutes.read(request.parameters())).extracting(DnsRoute::name)
                .containsExactly("rt-rw.db.example.", "rt-dr-rw.db.example.");
        assertThat(DnsRoutes.read(request.parameters())).allSatisfy(route -> assertThat(
                sealer.open(route.sealedSecret(), SecretBinding.dnsTsigKey(route.secretOwner()))).isEqualTo(TSIG_KEY));

        ClusterEventFixtures.publish(TaskEvents.FINISHED, taskId, new TaskFinished(taskId, DrTasks.SWITCHOVER,
                relationshipId.toString(), TaskResult.SUCCEEDED, null, null, false, Map.of(), Instant.now()), json);

        await().atMost(Duration.ofSeconds(30)).until(() -> !calls("/rel").isEmpty() && calls("/dr").stream()
                .anyMatch(call -> new String(call.body()).contains(taskId.toString())));
        JsonNode payload = calls("/rel").getFirst().json(json);
        assertThat(calls("/rel").getFirst().headers().get("x-drsuite-signature"))
                .isEqualTo(WebhookSignature.of(calls("/rel").getFirst().body(), WEBHOOK_SECRET));
        assertThat(payload.get("relationship").asText()).isEqualTo("rt-rel");
        assertThat(payload.get("cluster").asText()).isEqualTo("rt-dr");
        assertThat(payload.get("oldPrimary").asText()).isEqualTo(prod.name());
        assertThat(payload.get("newPrimary").asText()).isEqualTo(dr.name());
        assertThat(payload.get("operation").asText()).isEqualTo(DrTasks.SWITCHOVER);
        assertThat(payload.get("taskId").asText()).isEqualTo(taskId.toString());
        given().get("/api/v1/relationships/{id}", relationshipId).then().statusCode(200)
                .body("clusters[0].name", equalTo("rt-dr"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .get("/api/v1/webhook-deliveries?relationship=" + relationshipId).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].state", equalTo("delivered"))
                .body("[0].owner.kind", equalTo("relationship")));
    }

    private List<Received> calls(String path) {
        return received.stream().filter(call -> call.path().equals(path)).toList();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private Map<String, Object> hook(String path) {
        return new LinkedHashMap<>(Map.of("url", url(path), "secret", WEBHOOK_SECRET));
    }

    private static Map<String, Object> routingBody(String name, Map<String, Object> webhook) {
        Map<String, Object> dns = new LinkedHashMap<>(Map.of("server", "127.0.0.1", "zone", "db.example.",
                "name", name, "keyName", "drsuite-update", "secret", TSIG_KEY));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dns", dns);
        body.put("webhooks", new ArrayList<>(List.of(webhook)));
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dns(Map<String, Object> body) {
        return (Map<String, Object>) body.get("dns");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> webhooks(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("webhooks");
    }

    /** A deep copy of the body with one change. */
    private Map<String, Object> change(Map<String, Object> body, java.util.function.Consumer<Map<String, Object>> edit)
            throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = json.readValue(json.writeValueAsString(body), Map.class);
        edit.accept(copy);
        return copy;
    }

    private static void refused(Map<String, Object> body, String field, String detail) {
        put("/api/v1/clusters/rt-prod/routing", body).statusCode(400).contentType("application/problem+json")
                .body("field", containsString(field)).body("detail", containsString(detail));
    }

    private static ValidatableResponse put(String path, Object body, Object... pathParams) {
        return given().contentType(ContentType.JSON).body(body).put(path, pathParams).then();
    }

    private static void register(Map<String, Object> cluster) {
        given().contentType(ContentType.JSON).body(cluster).post("/api/v1/clusters").then().statusCode(201);
    }

    private static UUID storeActiveRelationship(String name, String primary, String drCluster) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(
                "insert into relationship.relationship (id, name, primary_cluster, dr_cluster, sync_mode,"
                        + " timeout_seconds, phase, primary_state, dr_state, created_at, updated_at)"
                        + " values (?, ?, ?, ?, 'ASYNC', 1200, 'ACTIVE', 'archive', 'recovery', now(), now())")) {
            statement.setObject(1, id);
            statement.setString(2, name);
            statement.setString(3, primary);
            statement.setString(4, drCluster);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
        return id;
    }

    private static String column(String sql, String parameter) throws Exception {
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static Connection controlPlane() throws Exception {
        return DriverManager.getConnection(LocalInfrastructure.jdbcUrl(), LocalInfrastructure.DB_USER,
                LocalInfrastructure.DB_PASSWORD);
    }
}
