package io.drsuite.relationship;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.relationship.drill.DrillPlanScheduler;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PagedList;
import io.drsuite.testing.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Drill plans against the real control-plane database and Kafka: the API with each refusal, and the scheduler
 * (running every second here, and called by hand) starting a due plan's drill once per due time, whose task request
 * appears on drsuite.tasks. Due times are made by setting next_run_at in the database. Relationships are stored as
 * rows in the phase a case needs; no cluster is touched.
 */
@QuarkusTest
class DrillPlansTest {

    private static final String FAR_HOST = "10.99.0.2";
    private static final String PLANS = "/api/v1/drill-plans";

    @Inject
    DrillPlanScheduler scheduler;

    @Test
    void plansAreCreatedReadReplacedAndDeletedAndEveryRefusalChangesNothing() throws Exception {
        storeRelationship("dp-crud", "ACTIVE");
        registerSandbox("dp-crud-box", 7700);
        Instant before = Instant.now();
        create(plan("dp-crud-nightly", "dp-crud", "dp-crud-box", "0 3 * * *", List.of(check("one", "select 1",
                "1")))).statusCode(201).header("Location", containsString(PLANS + "/dp-crud-nightly"))
                .body("schedule", equalTo("0 3 * * *")).body("suspended", equalTo(false))
                .body("checks[0].name", equalTo("one")).body("nextRunAt", equalTo(nextDaily(before, 3, 0)))
                .body("lastRunAt", nullValue()).body("lastDrillId", nullValue()).body("lastError", nullValue());
        SignedIn.as(SignedIn.VIEWER).get(PLANS + "/dp-crud-nightly").then().statusCode(200)
                .body("relationship", equalTo("dp-crud")).body("sandbox", equalTo("dp-crud-box"));
        assertThat(SignedIn.as(SignedIn.VIEWER).get(PLANS + "?limit=500").then().statusCode(200).extract()
                .jsonPath().getList("name", String.class)).contains("dp-crud-nightly");
        PagedList.refusesBadLimitAndCursor(PLANS);

        expectRefusal(create(plan("Bad Name", "dp-crud", "dp-crud-box", "0 3 * * *", List.of())), 400,
                "invalid-request", "name");
        expectRefusal(create(plan(null, "dp-crud", "dp-crud-box", "0 3 * * *", List.of())), 400, "invalid-request",
                "name");
        for (String cron : List.of("61 * * * *", "* * *", "every day", "0 3 * * * *", "")) {
            create(plan("dp-crud-bad", "dp-crud", "dp-crud-box", cron, List.of())).statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("schedule"));
        }
        expectRefusal(create(plan("dp-crud-bad", "dp-crud", "dp-crud-box", "0 3 * * *", List.of(check("same",
                "select 1", "1"), check("same", "select 2", "2")))), 400, "invalid-request", "given twice");
        expectRefusal(create(plan("dp-crud-bad", "dp-nowhere", "dp-crud-box", "0 3 * * *", List.of())), 422,
                "unknown-relationship", "dp-nowhere");
        expectRefusal(create(plan("dp-crud-bad", "dp-crud", "dp-nobox", "0 3 * * *", List.of())), 422,
                "unknown-sandbox", "dp-nobox");
        expectRefusal(create(plan("dp-crud-nightly", "dp-crud", "dp-crud-box", "0 4 * * *", List.of())), 409,
                "drill-plan-exists", "dp-crud-nightly");
        SignedIn.as(SignedIn.OPERATOR).contentType(ContentType.JSON).body(plan("dp-crud-bad", "dp-crud",
                "dp-crud-box", "0 3 * * *", List.of())).post(PLANS).then().statusCode(403);
        assertThat(count("select count(*) from relationship.drill_plan where name like ?", "dp-crud-bad%")).isZero();

        // PUT replaces; bad ones change nothing.
        expectRefusal(replace("dp-crud-nightly", plan(null, "dp-crud", "dp-crud-box", "3 * *", List.of())), 400,
                "invalid-request", "cron");
        expectRefusal(replace("dp-crud-nightly", plan("dp-other", "dp-crud", "dp-crud-box", "0 4 * * *",
                List.of())), 400, "invalid-request", "renamed");
        expectRefusal(replace("dp-crud-nightly", plan(null, "dp-nowhere", "dp-crud-box", "0 4 * * *", List.of())),
                422, "unknown-relationship", "dp-nowhere");
        expectRefusal(replace("dp-crud-none", plan(null, "dp-crud", "dp-crud-box", "0 4 * * *", List.of())), 404,
                "drill-plan-not-found", "dp-crud-none");
        SignedIn.as(SignedIn.OPERATOR).contentType(ContentType.JSON).body(plan(null, "dp-crud", "dp-crud-box",
                "0 4 * * *", List.of())).put(PLANS + "/dp-crud-nightly").then().statusCode(403);
        given().get(PLANS + "/dp-crud-nightly").then().statusCode(200).body("schedule", equalTo("0 3 * * *"))
                .body("checks", hasSize(1));

        Map<String, Object> suspended = plan("dp-crud-nightly", "dp-crud", "dp-crud-box", "30 4 * * *", List.of());
        suspended.put("suspended", true);
        replace("dp-crud-nightly", suspended).statusCode(200).body("suspended", equalTo(true))
                .body("nextRunAt", nullValue()).body("schedule", equalTo("30 4 * * *"))
                .body("checks", empty());
        Instant resumed = Instant.now();
        replace("dp-crud-nightly", plan(null, "dp-crud", "dp-crud-box", "30 4 * * *", List.of())).statusCode(200)
                .body("suspended", equalTo(false)).body("nextRunAt", equalTo(nextDaily(resumed, 4, 30)));

        SignedIn.as(SignedIn.OPERATOR).delete(PLANS + "/dp-crud-nightly").then().statusCode(403);
        given().delete(PLANS + "/dp-crud-nightly").then().statusCode(204);
        given().get(PLANS + "/dp-crud-nightly").then().statusCode(404).contentType("application/problem+json");
        given().delete(PLANS + "/dp-crud-nightly").then().statusCode(404);
    }

    @Test
    void aDuePlanStartsOneDrillAsThePlanWithItsChecksAndMovesToItsNextTime() throws Exception {
        storeRelationship("dp-due", "ACTIVE");
        registerSandbox("dp-due-box", 7710);
        Instant created = Instant.now();
        JsonPath plan = create(plan("dp-due-minutely", "dp-due", "dp-due-box", "* * * * *", List.of(
                Map.of("name", "orders_recent", "database", "shop", "sql", "select count(*) > 0 from orders",
                        "expected", "true")))).statusCode(201).extract().jsonPath();
        Instant firstRun = Instant.parse(plan.getString("nextRunAt"));
        assertThat(firstRun).isAfter(created).isBeforeOrEqualTo(created.plusSeconds(60));
        assertThat(firstRun.getEpochSecond() % 60).isZero();

        makeDue("dp-due-minutely");
        JsonPath ran = awaitPlan("dp-due-minutely", found -> found.getString("lastDrillId") != null);
        List<Map<String, Object>> drills = given().get("/api/v1/drills?relationship=dp-due").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(drills).hasSize(1);
        String drillId = (String) drills.getFirst().get("id");
        String taskId = (String) drills.getFirst().get("taskId");
        assertThat(ran.getString("lastDrillId")).isEqualTo(drillId);
        assertThat(drills.getFirst()).containsEntry("requestedBy", "plan:dp-due-minutely")
                .containsEntry("plan", "dp-due-minutely").containsEntry("state", "running");
        Instant lastRun = Instant.parse(ran.getString("lastRunAt"));
        Instant nextRun = Instant.parse(ran.getString("nextRunAt"));
        assertThat(nextRun).isAfter(lastRun).isBeforeOrEqualTo(lastRun.plusSeconds(120));
        assertThat(nextRun.getEpochSecond() % 60).isZero();
        if (ran.getString("lastError") != null) {
            // A minute went by meanwhile: that due time was refused because this drill runs, and started nothing.
            assertThat(ran.getString("lastError")).contains(drillId);
        }

        List<ConsumerRecord<String, String>> requests = KafkaProbe.readAll(TaskEvents.TOPIC,
                record -> taskId.equals(record.key()), Duration.ofMillis(500), Duration.ofSeconds(20));
        assertThat(requests).hasSize(1);
        assertThat(KafkaProbe.header(requests.getFirst(), "ce_type")).isEqualTo(TaskEvents.REQUESTED.type());
        JsonPath task = JsonPath.from(requests.getFirst().value());
        assertThat(task.getString("type")).isEqualTo(DrillTasks.FAILOVER_REHEARSAL);
        assertThat(task.getString("target")).isEqualTo(drillId);
        JsonPath checks = JsonPath.from(task.getMap("parameters", String.class, String.class)
                .get(DrillTasks.USER_CHECKS));
        assertThat(checks.getList("name", String.class)).containsExactly("orders_recent");
        assertThat(checks.getString("[0].database")).isEqualTo("shop");
        assertThat(checks.getString("[0].expected")).isEqualTo("true");

        given().accept(ContentType.JSON).get("/api/v1/drills/{id}/report", drillId).then().statusCode(200)
                .body("requestedBy", equalTo("plan:dp-due-minutely")).body("plan", equalTo("dp-due-minutely"));
        assertThat(given().accept("text/html").get("/api/v1/drills/{id}/report", drillId).then().statusCode(200)
                .extract().asString()).contains("Drill plan").contains("plan:dp-due-minutely");

        // More passes start nothing more for that due time.
        scheduler.runDuePlans();
        Thread.sleep(3000);
        assertThat(count("select count(*) from relationship.drill where plan = ?", "dp-due-minutely")).isOne();
        suspend("dp-due-minutely");
    }

    @Test
    void aSuspendedPlanStartsNothing() throws Exception {
        storeRelationship("dp-held", "ACTIVE");
        registerSandbox("dp-held-box", 7720);
        Map<String, Object> body = plan("dp-held-plan", "dp-held", "dp-held-box", "* * * * *", List.of());
        body.put("suspended", true);
        create(body).statusCode(201).body("suspended", equalTo(true)).body("nextRunAt", nullValue());
        makeDue("dp-held-plan");

        scheduler.runDuePlans();
        Thread.sleep(3000);
        assertThat(count("select count(*) from relationship.drill where relationship_name = ?", "dp-held")).isZero();
        given().get(PLANS + "/dp-held-plan").then().statusCode(200).body("lastRunAt", nullValue())
                .body("lastDrillId", nullValue());
    }

    @Test
    void aRefusedDrillIsRecordedAndWaitsForTheNextDueTime() throws Exception {
        storeRelationship("dp-stopped", "STOPPED");
        registerSandbox("dp-stopped-box", 7730);
        create(plan("dp-stopped-nightly", "dp-stopped", "dp-stopped-box", "0 3 * * *", List.of())).statusCode(201);
        makeDue("dp-stopped-nightly");

        Instant due = Instant.now();
        JsonPath refused = awaitPlan("dp-stopped-nightly", found -> found.getString("lastError") != null);
        assertThat(refused.getString("lastError")).contains("dp-stopped").contains("active");
        assertThat(refused.getString("lastDrillId")).isNull();
        assertThat(refused.getString("nextRunAt")).isEqualTo(nextDaily(due, 3, 0));
        String lastRun = refused.getString("lastRunAt");

        // No retry before the next due time.
        scheduler.runDuePlans();
        Thread.sleep(3000);
        given().get(PLANS + "/dp-stopped-nightly").then().statusCode(200).body("lastRunAt", equalTo(lastRun));
        assertThat(count("select count(*) from relationship.drill where relationship_name = ?", "dp-stopped"))
                .isZero();
    }

    @Test
    void twoSchedulersRacingForOneDueTimeStartOneDrill() throws Exception {
        storeRelationship("dp-race", "ACTIVE");
        registerSandbox("dp-race-box", 7740);
        create(plan("dp-race-nightly", "dp-race", "dp-race-box", "0 3 * * *", List.of(check("one", "select 1",
                "1")))).statusCode(201);

        for (int round = 0; round < 3; round++) {
            makeDue("dp-race-nightly");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> taken = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    taken.add(threads.submit(() -> {
                        start.await();
                        return scheduler.runDuePlans();
                    }));
                }
                start.countDown();
                for (Future<Integer> each : taken) {
                    each.get();
                }
            } finally {
                threads.shutdown();
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given().get(PLANS + "/dp-race-nightly")
                    .then().extract().jsonPath().getString("lastRunAt") != null);
        }
        // The first round started the drill; the later ones were refused because it runs.
        assertThat(count("select count(*) from relationship.drill where relationship_name = ?", "dp-race")).isOne();
        JsonPath plan = given().get(PLANS + "/dp-race-nightly").then().statusCode(200).extract().jsonPath();
        assertThat(plan.getString("lastError")).contains("is running");
        assertThat(Instant.parse(plan.getString("nextRunAt"))).isAfter(Instant.now());
    }

    private static JsonPath awaitPlan(String name, Predicate<JsonPath> until) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            last[0] = given().get(PLANS + "/{name}", name).then().statusCode(200).extract().jsonPath();
            return until.test(last[0]);
        });
        return last[0];
    }

    private static void suspend(String name) {
        JsonPath plan = given().get(PLANS + "/{name}", name).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = plan(null, plan.getString("relationship"), plan.getString("sandbox"),
                plan.getString("schedule"), plan.getList("checks"));
        body.put("suspended", true);
        replace(name, body).statusCode(200);
    }

    /** The next hh:mm UTC after {@code after}, as the API writes it. */
    private static String nextDaily(Instant after, int hour, int minute) {
        ZonedDateTime at = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withHour(hour)
                .withMinute(minute);
        if (!at.toInstant().isAfter(after)) {
            at = at.plusDays(1);
        }
        return at.toInstant().toString();
    }

    private static Map<String, Object> plan(String name, String relationship, String sandbox, String schedule,
            List<?> checks) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        body.put("relationship", relationship);
        body.put("sandbox", sandbox);
        body.put("schedule", schedule);
        body.put("checks", checks);
        return body;
    }

    private static Map<String, Object> check(String name, String sql, String expected) {
        return Map.of("name", name, "sql", sql, "expected", expected);
    }

    private static ValidatableResponse create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(PLANS).then();
    }

    private static ValidatableResponse replace(String name, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).put(PLANS + "/{name}", name).then();
    }

    private static void registerSandbox(String name, int port) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("host", FAR_HOST);
        body.put("access", Map.of("kind", "local", "osUser", "postgres"));
        body.put("dataRoot", "/srv/" + name);
        body.put("portFrom", port);
        body.put("portTo", port + 1);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/sandboxes").then().statusCode(201);
    }

    private static void expectRefusal(ValidatableResponse response, int status, String type, String detail) {
        response.statusCode(status).contentType("application/problem+json")
                .body("type", containsString(type))
                .body("detail", containsString(detail));
    }

    /** The plan is due now, as if its next run had come (what a minute of waiting would do). */
    private static void makeDue(String plan) throws Exception {
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(
                "update relationship.drill_plan set next_run_at = now() - interval '1 second' where name = ?")) {
            statement.setString(1, plan);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static void storeRelationship(String name, String phase) throws Exception {
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(
                "insert into relationship.relationship (id, name, primary_cluster, dr_cluster, sync_mode,"
                        + " timeout_seconds, phase, primary_state, dr_state, created_at, updated_at)"
                        + " values (?, ?, ?, ?, 'ASYNC', 1200, ?, 'archive', 'recovery', now(), now())")) {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, name);
            statement.setString(3, name + "-prod");
            statement.setString(4, name + "-dr");
            statement.setString(5, phase);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
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
