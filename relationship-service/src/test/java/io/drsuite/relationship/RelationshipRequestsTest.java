package io.drsuite.relationship;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PagedList;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Creating relationships and asking for operations, against real PostgreSQL instances: what is accepted starts a
 * task through drsuite.tasks; every refusal is a problem+json naming the reason and changes nothing. (task-service
 * does not run here, so an accepted start stays in flight; the system tests run both services together.)
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationshipRequestsTest {

    PostgresInstance prod;
    PostgresInstance dr;
    PostgresInstance other;

    /** Once per class, but after Quarkus has started (REST Assured knows its port only then). */
    @BeforeEach
    void startClusters() {
        if (prod != null) {
            return;
        }
        prod = PostgresInstance.primary("rq-prod");
        dr = PostgresInstance.primary("rq-dr");
        other = PostgresInstance.primary("rq-other");
        register(Registrations.cluster("rq-prod", prod));
        register(Registrations.cluster("rq-dr", dr));
        register(Registrations.cluster("rq-other", other));
    }

    @AfterAll
    void stopClusters() {
        for (PostgresInstance instance : new PostgresInstance[] {prod, dr, other}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void aStartIsAcceptedAndRequestsATaskThenOtherOperationsWaitForIt() throws Exception {
        var accepted = create("rq-main", "rq-prod", "rq-dr", "sync").statusCode(202)
                .header("Location", containsString("/api/v1/relationships/"))
                .body("relationship.phase", equalTo("starting"))
                .body("relationship.clusters[0].name", equalTo("rq-prod"))
                .body("relationship.clusters[0].role", equalTo("primary"))
                .body("relationship.clusters[0].state", equalTo("full_backup"))
                .body("relationship.clusters[1].role", equalTo("disaster_standby"))
                .body("relationship.clusters[1].state", equalTo("restore"))
                .extract().jsonPath();
        String id = accepted.getString("relationship.id");
        String taskId = accepted.getString("taskId");

        List<ConsumerRecord<String, String>> requests = KafkaProbe.readAll(TaskEvents.TOPIC,
                record -> taskId.equals(record.key()), Duration.ofMillis(500), Duration.ofSeconds(20));
        assertThat(requests).hasSize(1);
        assertThat(KafkaProbe.header(requests.getFirst(), "ce_type")).isEqualTo(TaskEvents.REQUESTED.type());
        assertThat(requests.getFirst().value()).contains("\"type\":\"" + DrTasks.START + "\"")
                .contains("\"primaryCluster\":\"rq-prod\"").contains("\"syncMode\":\"sync\"")
                .doesNotContain(PostgresInstance.SUPERUSER_PASSWORD).doesNotContain(Registrations.REPLICATION_PASSWORD);

        given().get("/api/v1/relationships/{id}", id).then().statusCode(200)
                .body("currentTask.id", equalTo(taskId))
                .body("currentTask.type", equalTo(DrTasks.START));
        for (String operation : List.of("switchover", "failover", "reprotect", "stop")) {
            given().contentType(ContentType.JSON).body(Map.of("reason", "test"))
                    .post("/api/v1/relationships/{id}/" + operation, id)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString(taskId));
        }
        create("rq-second", "rq-other", "rq-dr", "async").statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("cluster-in-relationship"))
                .body("detail", containsString("rq-main"));
        given().delete("/api/v1/clusters/rq-prod?reason=test").then().statusCode(409)
                .body("detail", containsString("stop the relationship"));
        assertThat(relationshipCount("rq-second")).isZero();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> given().get("/q/metrics")
                .asString().contains("drsuite_relationships{phase=\"starting\"} 1.0"));
    }

    @Test
    void creatingWithoutConfirmingTheOverwriteOfTheDrClusterIsRefusedAndChangesNothing() throws Exception {
        other.execute("create table if not exists precious (id int)", "insert into precious values (1)");
        long before = other.count("precious");
        Map<String, Object> request = new java.util.HashMap<>(Map.of("name", "rq-unconfirmed",
                "primaryCluster", "rq-prod", "drCluster", "rq-other", "syncMode", "async"));

        create(request).statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("confirmOverwrite")).body("detail", containsString("rq-other"));
        request.put("confirmOverwrite", "rq-prod");
        create(request).statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("confirmOverwrite")).body("detail", containsString("rq-other"));

        assertThat(relationshipCount("rq-unconfirmed")).isZero();
        assertThat(membershipCount("rq-other")).isZero();
        assertThat(other.count("precious")).isEqualTo(before);
        assertThat(other.inRecovery()).isFalse();
    }

    @Test
    void refusalsNameTheReasonAndChangeNothing() throws Exception {
        expectRefusal(create("rq-x", "rq-nowhere", "rq-other", "async"), 422, "unknown-cluster", "rq-nowhere");
        expectRefusal(create("rq-x", "rq-other", "rq-other", "async"), 422, "same-cluster", "rq-other");
        expectRefusal(create("Bad Name", "rq-other", "rq-dr", "async"), 400, "invalid-request", "name");
        expectRefusal(create("rq-x", "rq-other", "rq-dr", "semi"), 400, "unreadable-body", "[sync, async]");

        try (PostgresInstance older = PostgresInstance.primary("rq-older");
                PostgresInstance locked = PostgresInstance.primary("rq-locked");
                PostgresInstance stranger = PostgresInstance.primary("rq-stranger");
                PostgresInstance gone = PostgresInstance.primary("rq-gone")) {
            register(Registrations.cluster("rq-older", older));
            setMajorVersion("rq-older", 14);
            expectRefusal(create("rq-x", "rq-other", "rq-older", "async"), 422, "version-mismatch", "14");

            Map<String, Object> lockedOut = Registrations.cluster("rq-locked", locked);
            Registrations.nodes(lockedOut).getFirst().put("access", Map.of("kind", "local", "osUser", "nobody"));
            register(lockedOut);
            expectRefusal(create("rq-x", "rq-other", "rq-locked", "async"), 422, "host-unreachable", "rq-locked");

            stranger.execute("create role other_admin superuser login password 'another-password'");
            Map<String, Object> otherLogins = Registrations.cluster("rq-stranger", stranger);
            otherLogins.put("adminLogin", Map.of("username", "other_admin", "password", "another-password"));
            register(otherLogins);
            expectRefusal(create("rq-x", "rq-other", "rq-stranger", "async"), 422, "logins-differ", "same admin");

            register(Registrations.cluster("rq-gone", gone));
            gone.stop();
            expectRefusal(create("rq-x", "rq-other", "rq-gone", "async"), 422, "node-unreachable", "rq-gone");
        }
        assertThat(relationshipCount("rq-x")).isZero();
        assertThat(membershipCount("rq-other")).isZero();
    }

    /**
     * Someone who can write the control-plane database but has not the suite key copies one cluster's sealed admin
     * password (and its user name) into another cluster's row. Unbound, the suite would open it and send the first
     * cluster's superuser password to the second cluster's host; bound to its cluster, it is refused.
     */
    @Test
    void aSealedPasswordMovedFromAnotherClusterIsRefused() throws Exception {
        try (PostgresInstance moved = PostgresInstance.primary("rq-moved")) {
            moved.execute("create role moved_admin superuser login password 'moved-password'");
            Map<String, Object> ownLogins = Registrations.cluster("rq-moved", moved);
            ownLogins.put("adminLogin", Map.of("username", "moved_admin", "password", "moved-password"));
            register(ownLogins);
            try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(
                    "update relationship.cluster target set admin_username = source.admin_username,"
                            + " admin_password_sealed = source.admin_password_sealed"
                            + " from relationship.cluster source where source.name = ? and target.name = ?")) {
                statement.setString(1, "rq-other");
                statement.setString(2, "rq-moved");
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }

            expectRefusal(create("rq-moved-pair", "rq-other", "rq-moved", "async"), 422, "sealed-secret-refused",
                    "rq-moved");
            assertThat(relationshipCount("rq-moved-pair")).isZero();
            assertThat(membershipCount("rq-moved")).isZero();
            given().delete("/api/v1/clusters/rq-moved?reason=test").then().statusCode(204);
        }
    }

    /**
     * Clusters and relationships are read page by page in name order, each once. Three stopped relationships are
     * written straight into the table: through the API each would need two more PostgreSQL servers.
     */
    @Test
    void clustersAndRelationshipsAreReadPageByPageInNameOrder() throws Exception {
        List<String> clusters = names(PagedList.items("/api/v1/clusters", 1));
        assertThat(clusters).doesNotHaveDuplicates().contains("rq-dr", "rq-other", "rq-prod")
                .isEqualTo(names(given().get("/api/v1/clusters?limit=500").then().statusCode(200).extract()
                        .jsonPath().getList("$")));
        assertThat(clusters.indexOf("rq-dr")).isLessThan(clusters.indexOf("rq-other"));
        assertThat(clusters.indexOf("rq-other")).isLessThan(clusters.indexOf("rq-prod"));
        PagedList.refusesBadLimitAndCursor("/api/v1/clusters");

        for (String name : List.of("rq-page-c", "rq-page-a", "rq-page-b")) {
            storeStoppedRelationship(name);
        }
        List<String> relationships = names(PagedList.items("/api/v1/relationships", 2));
        assertThat(relationships).doesNotHaveDuplicates()
                .containsSubsequence("rq-page-a", "rq-page-b", "rq-page-c")
                .isEqualTo(names(given().get("/api/v1/relationships?limit=500").then().statusCode(200).extract()
                        .jsonPath().getList("$")));
        PagedList.refusesBadLimitAndCursor("/api/v1/relationships");
    }

    @Test
    void recoveryObjectivesAreSetByAnAdminAndAnnouncedAndBadOnesChangeNothing() throws Exception {
        storeStoppedRelationship("rq-objectives");
        String id = given().get("/api/v1/relationships?limit=500").then().statusCode(200).extract().jsonPath()
                .getString("find { it.name == 'rq-objectives' }.id");
        given().get("/api/v1/relationships/{id}/objectives", id).then().statusCode(200)
                .body("rpoObjectiveSeconds", equalTo(null)).body("rtoObjectiveSeconds", equalTo(null));

        long before = System.currentTimeMillis();
        given().contentType(ContentType.JSON).body(Map.of("rpoObjectiveSeconds", 30, "rtoObjectiveSeconds", 300))
                .put("/api/v1/relationships/{id}/objectives", id).then().statusCode(200)
                .body("objectives.rpoObjectiveSeconds", equalTo(30))
                .body("objectives.rtoObjectiveSeconds", equalTo(300));
        List<ConsumerRecord<String, String>> announced = KafkaProbe.readAll(
                io.drsuite.events.relationship.RelationshipEvents.TOPIC,
                record -> id.equals(record.key()) && record.timestamp() >= before, Duration.ofMillis(500),
                Duration.ofSeconds(20));
        assertThat(announced).isNotEmpty();
        assertThat(announced.getLast().value()).contains("\"rpoObjectiveSeconds\":30")
                .contains("\"rtoObjectiveSeconds\":300");

        for (Map<String, Object> bad : List.of(Map.<String, Object>of("rpoObjectiveSeconds", 0),
                Map.<String, Object>of("rtoObjectiveSeconds", 604_801), Map.<String, Object>of("rpoObjectiveSeconds",
                        "soon"))) {
            given().contentType(ContentType.JSON).body(bad).put("/api/v1/relationships/{id}/objectives", id)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        io.drsuite.testing.SignedIn.as(io.drsuite.testing.SignedIn.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("rpoObjectiveSeconds", 1)).put("/api/v1/relationships/{id}/objectives", id)
                .then().statusCode(403);
        given().get("/api/v1/relationships/{id}", id).then().statusCode(200)
                .body("objectives.rpoObjectiveSeconds", equalTo(30))
                .body("objectives.rtoObjectiveSeconds", equalTo(300));
        given().contentType(ContentType.JSON).body(Map.of("rpoObjectiveSeconds", 10))
                .put("/api/v1/relationships/{id}/objectives", java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");

        given().contentType(ContentType.JSON).body(Map.of("rpoObjectiveSeconds", 10))
                .put("/api/v1/relationships/{id}/objectives", id).then().statusCode(200);
        given().get("/api/v1/relationships/{id}/objectives", id).then().statusCode(200)
                .body("rpoObjectiveSeconds", equalTo(10)).body("rtoObjectiveSeconds", equalTo(null));
    }

    private static List<String> names(List<Map<String, Object>> items) {
        return items.stream().map(item -> (String) item.get("name")).toList();
    }

    private static void storeStoppedRelationship(String name) throws Exception {
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(
                "insert into relationship.relationship (id, name, primary_cluster, dr_cluster, sync_mode,"
                        + " timeout_seconds, phase, primary_state, dr_state, created_at, updated_at)"
                        + " values (gen_random_uuid(), ?, ?, ?, 'ASYNC', 1200, 'STOPPED', 'normal', 'normal', now(),"
                        + " now())")) {
            statement.setString(1, name);
            statement.setString(2, name + "-prod");
            statement.setString(3, name + "-dr");
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static void expectRefusal(ValidatableResponse response, int status, String type, String detail) {
        response.statusCode(status).contentType("application/problem+json")
                .body("type", containsString(type))
                .body("detail", containsString(detail));
    }

    private static ValidatableResponse create(String name, String primary, String drCluster, String syncMode) {
        return create(Map.of("name", name, "primaryCluster", primary, "drCluster", drCluster, "syncMode", syncMode,
                "confirmOverwrite", drCluster));
    }

    private static ValidatableResponse create(Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request).post("/api/v1/relationships").then();
    }

    private static void register(Map<String, Object> cluster) {
        given().contentType(ContentType.JSON).body(cluster).post("/api/v1/clusters").then().statusCode(201);
    }

    private static void setMajorVersion(String cluster, int major) throws Exception {
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(
                "update relationship.cluster set major_version = ? where name = ?")) {
            statement.setInt(1, major);
            statement.setString(2, cluster);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static long relationshipCount(String name) throws Exception {
        return count("select count(*) from relationship.relationship where name = ?", name);
    }

    private static long membershipCount(String cluster) throws Exception {
        return count("select count(*) from relationship.relationship_cluster where cluster_name = ?", cluster);
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection controlPlane() throws Exception {
        return DriverManager.getConnection(LocalInfrastructure.jdbcUrl(), LocalInfrastructure.DB_USER,
                LocalInfrastructure.DB_PASSWORD);
    }
}
