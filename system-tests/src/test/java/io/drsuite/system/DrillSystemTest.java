package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.drsuite.testing.ConsoleSignIn;
import io.drsuite.testing.FreePorts;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SignedIn;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A failover rehearsal through the API, under load: production takes writes throughout, the relationship stays
 * active and its DR side streaming (checked every second), the drill passes with RTO and RPO figures and a report,
 * and nothing is left on the sandbox or the DR main standby. A second drill, run with drctl, fails on a user check
 * with the query's result in its reasons; a plan on a cron schedule runs a third by itself. drctl, the console's
 * Drills page and the metrics show them. Then a switchover round trip through drctl: production moves to the DR
 * cluster and back while the canary writes, loses no acknowledged commit, and is primary again. Last, a restore test
 * of production's newest snapshot on the sandbox, which marks the snapshot restore-tested.
 */
class DrillSystemTest {

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void aRehearsalUnderLoadPassesLeavesNothingBehindAndAFailingCheckFailsTheNext() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("drill-prod");
                PostgresInstance dr = PostgresInstance.primary("drill-dr")) {
            prod.execute("create database shop");
            prod.executeIn("shop", "create table orders (id bigint primary key, created_at timestamptz not null "
                    + "default now())", "insert into orders (id) select generate_series(1, 5000)");
            api.register("drill-prod", prod);
            api.register("drill-dr", dr);
            String[] created = api.create("drl", "drill-prod", "drill-dr", "async");
            api.awaitPhase(created[0], "active", created[1]);
            given().baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON)
                    .body(Map.of("rpoObjectiveSeconds", 60, "rtoObjectiveSeconds", 120))
                    .put("/api/v1/relationships/{id}/objectives", created[0]).then().statusCode(200);
            Path root = PostgresInstance.emptyFolderForPostgres("drl-box");
            int port = FreePorts.next();
            given().baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON)
                    .body(Map.of("name", "drl-box", "host", "127.0.0.1", "access", DrApi.localAccess(prod),
                            "dataRoot", root.toString(), "portFrom", port, "portTo", port))
                    .post("/api/v1/sandboxes").then().statusCode(201);

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger commits = new AtomicInteger();
            List<String> problems = new CopyOnWriteArrayList<>();
            Thread writer = Thread.ofVirtual().start(() -> write(prod, running, commits, problems));
            Thread watcher = Thread.ofVirtual().start(() -> watch(created[0], dr, running, problems));
            JsonPath drill;
            try {
                String id = SignedIn.as(SignedIn.OPERATOR).baseUri(suite.relationships.baseUrl())
                        .contentType(ContentType.JSON).body(Map.of("relationship", "drl", "sandbox", "drl-box",
                                "checks", List.of(Map.of("name", "orders_today", "database", "shop",
                                        "sql", "select count(*) >= 5000 from orders where created_at > now() - "
                                                + "interval '1 day'", "expected", "true"))))
                        .post("/api/v1/drills").then().statusCode(202).extract().jsonPath().getString("id");
                drill = awaitDrill(id);
            } finally {
                running.set(false);
                writer.join();
                watcher.join();
            }
            assertThat(problems).as("production wrote and the DR side streamed throughout").isEmpty();
            assertThat(commits.get()).isPositive();
            assertThat(drill.getString("state")).as(drill.prettify()).isEqualTo("passed");
            assertThat(drill.getDouble("figures.rtoSeconds")).isPositive().isLessThan(120);
            assertThat(drill.getLong("figures.rpoBytes")).isNotNegative();
            assertThat(drill.getList("reasons")).isEmpty();

            String drillId = drill.getString("id");
            JsonPath report = given().baseUri(suite.relationships.baseUrl()).accept(ContentType.JSON)
                    .get("/api/v1/drills/{id}/report", drillId).then().statusCode(200).extract().jsonPath();
            assertThat(report.getString("requestedBy")).isEqualTo(SignedIn.OPERATOR);
            assertThat(report.getInt("objectives.rtoObjectiveSeconds")).isEqualTo(120);
            assertThat(report.getList("checks.findAll { it.kind == 'table' }.name"))
                    .contains("shop.public.orders");
            assertThat(report.getList("checks.passed", Boolean.class)).containsOnly(true);
            assertThat(report.getList("checks.kind")).contains("connect", "table", "amcheck", "user");
            assertThat(report.getList("timeline.step")).contains("copy-standby", "declare-disaster",
                    "destroy-copy");
            String html = given().baseUri(suite.relationships.baseUrl()).accept(ContentType.HTML)
                    .get("/api/v1/drills/{id}/report", drillId).then().statusCode(200).extract().asString();
            assertThat(html).contains("drl", "orders_today", "shop.public.orders").doesNotContain("<script src");

            assertNothingLeft(root, port, dr);

            DrctlProcess operator = DrctlProcess.signedInAs(suite, SignedIn.OPERATOR);
            DrctlProcess.Result failing = operator.run("drill", "run", "drl", "--sandbox", "drl-box", "--database",
                    "shop", "--check", "nothing_sold|true|select count(*) = 0 from orders");
            assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(1);
            assertThat(failing.stdout()).contains("FAILED", "nothing_sold", "expected true, got false");
            assertNothingLeft(root, port, dr);
            DrctlProcess.Result listed = operator.run("drill", "list", "--relationship", "drl", "-o", "json");
            assertThat(listed.json().getList("state")).containsExactly("failed", "passed");
            Path saved = root.resolveSibling("drl-report.html");
            assertThat(operator.run("drill", "report", drillId, "--html", saved.toString()).exitCode()).isZero();
            assertThat(Files.readString(saved)).contains("orders_today");
            Map<String, String> session = ConsoleSignIn.as(suite.console.baseUrl(), SignedIn.VIEWER);
            String failedId = listed.json().getString("[0].id");
            io.restassured.RestAssured.given().baseUri(suite.console.baseUrl()).cookies(session).redirects()
                    .follow(false).get("/drills?relationship=drl").then().statusCode(200)
                    .body(containsString("data-drill=\"" + drillId + "\" data-state=\"passed\""))
                    .body(containsString("data-drill=\"" + failedId + "\" data-state=\"failed\""));
            io.restassured.RestAssured.given().baseUri(suite.console.baseUrl()).cookies(session).redirects()
                    .follow(false).get("/drills/" + failedId).then().statusCode(200)
                    .body(containsString("expected true, got false"))
                    .body(containsString("data-check=\"shop.public.orders\" data-passed=\"true\""))
                    .body(containsString("data-check=\"nothing_sold\" data-passed=\"false\""));
            io.restassured.RestAssured.given().baseUri(suite.console.baseUrl()).cookies(session).redirects()
                    .follow(false).get("/drills/" + drillId + "/report").then().statusCode(200)
                    .contentType(containsString("text/html")).body(containsString("orders_today"));
            // The relationship's page shows the objectives; an admin changes them there (empty: not set).
            io.restassured.RestAssured.given().baseUri(suite.console.baseUrl()).cookies(session).redirects()
                    .follow(false).get("/relationships/" + created[0]).then().statusCode(200)
                    .body(containsString("data-rpo-objective=\"60\" data-rto-objective=\"120\""));
            io.restassured.RestAssured.given().baseUri(suite.console.baseUrl())
                    .cookies(ConsoleSignIn.as(suite.console.baseUrl(), SignedIn.ADMIN)).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded").formParam("rpoObjectiveSeconds", "45")
                    .formParam("rtoObjectiveSeconds", "").post("/relationships/" + created[0] + "/objectives")
                    .then().statusCode(303);
            JsonPath objectives = given().baseUri(suite.relationships.baseUrl())
                    .get("/api/v1/relationships/{id}/objectives", created[0]).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(objectives.getInt("rpoObjectiveSeconds")).isEqualTo(45);
            assertThat((Object) objectives.get("rtoObjectiveSeconds")).isNull();

            // A plan with a cron schedule: its drill starts at the next minute, by itself.
            DrctlProcess admin = DrctlProcess.signedInAs(suite, SignedIn.ADMIN);
            DrctlProcess.Result planned = admin.run("drill", "plan", "set", "drl-every-minute", "--relationship",
                    "drl", "--sandbox", "drl-box", "--schedule", "* * * * *");
            assertThat(planned.exitCode()).as(planned.toString()).isZero();
            String scheduledId;
            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> given()
                        .baseUri(suite.relationships.baseUrl()).get("/api/v1/drills?relationship=drl").then()
                        .extract().jsonPath().getList("findAll { it.plan == 'drl-every-minute' }").size() == 1);
                scheduledId = given().baseUri(suite.relationships.baseUrl()).get("/api/v1/drills?relationship=drl")
                        .then().extract().jsonPath().getString("find { it.plan == 'drl-every-minute' }.id");
            } finally {
                assertThat(admin.run("drill", "plan", "delete", "drl-every-minute").exitCode()).isZero();
            }
            JsonPath scheduled = awaitDrill(scheduledId);
            assertThat(scheduled.getString("state")).as(scheduled.prettify()).isEqualTo("passed");
            assertThat(scheduled.getString("requestedBy")).isEqualTo("plan:drl-every-minute");
            assertNothingLeft(root, port, dr);
            assertThat(operator.run("drill", "list", "--relationship", "drl").stdout())
                    .contains(scheduledId, "plan:drl-every-minute");
            io.restassured.RestAssured.given().baseUri(suite.console.baseUrl()).cookies(session).redirects()
                    .follow(false).get("/drills?relationship=drl").then().statusCode(200)
                    .body(containsString("data-drill=\"" + scheduledId + "\" data-state=\"passed\""));
            String metrics = given().baseUri(suite.relationships.baseUrl()).get("/q/metrics").asString();
            assertThat(metrics).containsPattern("drsuite_drill_rto_seconds\\{[^}]*relationship=\"drl\"")
                    .containsPattern("drsuite_drill_last_success_age_seconds\\{[^}]*relationship=\"drl\"");

            // A switchover round trip: production moves to the DR cluster and back while the canary writes.
            DrctlProcess.Result trip = operator.run("drill", "run", "drl", "--kind", "switchover_round_trip",
                    "--database", "shop", "--check", "orders_kept|true|select count(*) >= 5000 from orders");
            assertThat(trip.exitCode()).as(trip.toString()).isZero();
            assertThat(trip.stdout()).contains("PASSED", "Write outage to DR", " lost");
            JsonPath tripped = operator.run("drill", "list", "--relationship", "drl", "-o", "json").json();
            String tripId = tripped.getString("find { it.kind == 'switchover_round_trip' }.id");
            JsonPath roundTrip = awaitDrill(tripId);
            assertThat(roundTrip.getLong("figures.canaryLostCommits")).isZero();
            assertThat(roundTrip.getLong("figures.canaryCommits")).isGreaterThan(20);
            assertThat(roundTrip.getDouble("figures.outageThereSeconds")).isPositive().isLessThan(60);
            assertThat(roundTrip.getDouble("figures.outageBackSeconds")).isPositive().isLessThan(60);
            System.out.printf("switchover round trip: outage to DR %.3f s, back %.3f s, %d canary commits, %d lost%n",
                    roundTrip.getDouble("figures.outageThereSeconds"),
                    roundTrip.getDouble("figures.outageBackSeconds"), roundTrip.getLong("figures.canaryCommits"),
                    roundTrip.getLong("figures.canaryLostCommits"));
            api.awaitPhase(created[0], "active", roundTrip.getString("taskId"));
            assertThat(prod.inRecovery()).as("production is primary again").isFalse();
            assertThat(dr.inRecovery()).isTrue();
            given().baseUri(suite.relationships.baseUrl()).get("/api/v1/relationships/{id}", created[0]).then()
                    .statusCode(200).body("clusters.find { it.role == 'primary' }.name",
                            org.hamcrest.Matchers.equalTo("drill-prod"));
            assertThat(prod.count("drsuite_drill.canary")).as("the canary's rows are removed").isZero();
            io.restassured.RestAssured.given().baseUri(suite.console.baseUrl()).cookies(session).redirects()
                    .follow(false).get("/drills/" + tripId).then().statusCode(200)
                    .body(containsString("Switchover round trip of drl"))
                    .body(containsString("data-check=\"back: orders_kept\" data-passed=\"true\""));

            // A restore test: production's newest physical snapshot restored on the sandbox, checked, removed.
            DrctlProcess.Result snapshot = operator.run("snapshot", "create", "drill-prod", "-o", "json");
            assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
            String snapshotId = snapshot.json().getString("parameters.snapshotId");
            DrctlProcess.Result restoreTest = operator.run("drill", "run", "drl", "--kind", "restore_test",
                    "--sandbox", "drl-box", "--database", "shop", "--check",
                    "orders_kept|true|select count(*) >= 5000 from orders");
            assertThat(restoreTest.exitCode()).as(restoreTest.toString()).isZero();
            assertThat(restoreTest.stdout()).contains("PASSED", "Restore time", snapshotId);
            String restoreTestId = operator.run("drill", "list", "--relationship", "drl", "-o", "json").json()
                    .getString("find { it.kind == 'restore_test' }.id");
            JsonPath restored = awaitDrill(restoreTestId);
            assertThat(restored.getString("cluster")).isEqualTo("drill-prod");
            assertThat(restored.getDouble("figures.restoreSeconds")).isPositive().isLessThan(240);
            System.out.printf("restore test: snapshot %s restored in %.3f s%n", snapshotId,
                    restored.getDouble("figures.restoreSeconds"));
            assertNothingLeft(root, port, dr);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(given().baseUri(suite.snapshots.baseUrl()).get("/api/v1/snapshots/{id}", snapshotId)
                        .then().statusCode(200).extract().jsonPath().getString("restoreTestedAt"))
                        .as("the snapshot is marked restore-tested").isNotNull();
                assertThat(given().baseUri(suite.snapshots.baseUrl()).get("/q/metrics").asString())
                        .containsPattern("drsuite_restore_test_seconds\\{[^}]*cluster=\"drill-prod\"");
            });
        }
    }

    private JsonPath awaitDrill(String id) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> !"running".equals(
                given().baseUri(suite.relationships.baseUrl()).get("/api/v1/drills/{id}", id).then().extract()
                        .jsonPath().getString("state")));
        return given().baseUri(suite.relationships.baseUrl()).get("/api/v1/drills/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void write(PostgresInstance prod, AtomicBoolean running, AtomicInteger commits,
            List<String> problems) {
        try (Connection connection = prod.connect("shop"); Statement statement = connection.createStatement()) {
            for (long id = 1_000_000; running.get(); id++) {
                statement.execute("insert into orders (id) values (" + id + ")");
                commits.incrementAndGet();
                Thread.sleep(10);
            }
        } catch (Exception e) {
            problems.add("a write on production failed: " + e);
        }
    }

    /** Every second: the relationship is active and the DR main standby streams from production. */
    private void watch(String relationshipId, PostgresInstance dr, AtomicBoolean running, List<String> problems) {
        while (running.get()) {
            try {
                String phase = api.listed(relationshipId, "phase");
                if (!"active".equals(phase)) {
                    problems.add("the relationship was " + phase);
                }
                if (!"streaming".equals(query(dr, "select status from pg_stat_wal_receiver"))) {
                    problems.add("the DR main standby did not stream");
                }
                Thread.sleep(1_000);
            } catch (Exception e) {
                problems.add("watching failed: " + e);
            }
        }
    }

    static void assertNothingLeft(Path root, int port, PostgresInstance dr) throws Exception {
        try (var entries = Files.list(root)) {
            assertThat(entries.toList()).as("the sandbox root is empty").isEmpty();
        }
        assertThat(listening(port)).as("nothing listens on the sandbox port").isFalse();
        assertThat(query(dr, "select count(*) from pg_replication_slots where slot_name like 'drsuite_drill_%'"))
                .isEqualTo("0");
        assertThat(query(dr, "select pg_is_wal_replay_paused()")).isEqualTo("f");
    }

    static String query(PostgresInstance instance, String sql) throws Exception {
        try (Connection connection = instance.connect("postgres"); Statement statement =
                connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
