package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.drsuite.testing.ConsoleSignIn;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SignedIn;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Point-in-time recovery against the real suite, S3Proxy and PostgreSQL, driven with drctl: a two-node cluster's WAL
 * archive is switched on, a physical snapshot taken, and a writer commits steadily while the primary moves to the
 * other node (a new timeline after the base backup) and task-service is killed with SIGKILL and started again. A
 * restore point, an LSN and a moment are taken, each in a pause of the writer, half the rows are deleted, and then a
 * spare node is restored to each of them: each time it holds exactly the rows that
 * were committed at that point, none after; the latest archived WAL goes onto a new node, in no cluster, created by
 * the restore. The archive stays continuous throughout; a target before the recovery
 * window is refused with 422. The console's Recovery page shows the archive, its window and the restore point.
 */
class PointInTimeRecoverySystemTest {

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);
    private final SnapshotApi snapshots = new SnapshotApi(suite);

    @Test
    void restoresToARestorePointAnLsnATimeAndTheLatestAcrossASwitchoverAndAKilledTaskService() throws Exception {
        try (PostgresInstance one = PostgresInstance.primary("pitr-1");
                PostgresInstance two = one.standby("pitr-2");
                PostgresInstance spare = PostgresInstance.primary("pitr-spare");
                PostgresInstance fresh = PostgresInstance.unbuilt("pitr-new")) {
            one.execute(LedgerWriter.TABLE);
            api.register("pitr-prod", one, two);
            api.register("pitr-spare", spare);
            DrctlProcess drctl = DrctlProcess.signedInAs(suite, "admin");

            DrctlProcess.Result on = drctl.run("wal-archive", "on", "pitr-prod", "--storage", "s3", "-o", "json");
            assertThat(on.exitCode()).as(on.toString()).isZero();
            String archiveId = on.json().getString("archive.id");
            await().atMost(Duration.ofSeconds(60)).until(() -> "streaming".equals(archive(archiveId)
                    .getString("state")));

            Instant beforeBackup = Instant.now();
            String atRestorePoint;
            String lsn;
            String atLsn;
            String time;
            String atTime;
            try (LedgerWriter writer = new LedgerWriter(List.of(one, two))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> writer.committed() > 200);
                String snapshotId = snapshots.take(Map.of("cluster", "pitr-prod", "kind", "physical",
                        "storage", "s3"));
                snapshots.awaitCompleted(snapshotId);
                long afterBackup = writer.committed();
                await().atMost(Duration.ofSeconds(30)).until(() -> writer.committed() > afterBackup + 200);

                // The primary moves to the other node: the archive follows it onto the new timeline.
                String switchover = given().baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON)
                        .body(Map.of("toNode", "pitr-2")).post("/api/v1/clusters/pitr-prod/switchover")
                        .then().statusCode(202).extract().jsonPath().getString("taskId");
                awaitTaskSucceeded(switchover);
                long afterSwitchover = writer.committed();
                await().atMost(Duration.ofSeconds(60)).until(() -> writer.committed() > afterSwitchover + 200);

                // task-service dies with SIGKILL under load and comes back: the stream resumes without a gap.
                suite.tasks.kill();
                long atKill = writer.committed();
                await().atMost(Duration.ofSeconds(30)).until(() -> writer.committed() > atKill + 300);
                suite.tasks.start();

                writer.pause();
                DrctlProcess.Result point = drctl.run("restore-point", "create", "pitr-prod", "before-cleanup");
                assertThat(point.exitCode()).as(point.toString()).isZero();
                atRestorePoint = LedgerWriter.contents(writer.primary());
                writer.resume();
                long afterPoint = writer.committed();
                await().atMost(Duration.ofSeconds(30)).until(() -> writer.committed() > afterPoint + 200);

                writer.pause();
                lsn = query(writer.primary(), "select pg_current_wal_lsn()::text");
                atLsn = LedgerWriter.contents(writer.primary());
                writer.resume();
                long afterLsn = writer.committed();
                await().atMost(Duration.ofSeconds(30)).until(() -> writer.committed() > afterLsn + 200);

                writer.pause();
                Thread.sleep(200);
                time = query(writer.primary(), "select to_char(clock_timestamp() at time zone 'UTC', "
                        + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')");
                atTime = LedgerWriter.contents(writer.primary());
                Thread.sleep(200);
                writer.resume();
                long afterTime = writer.committed();
                await().atMost(Duration.ofSeconds(30)).until(() -> writer.committed() > afterTime + 200);

                writer.pause();
                writer.primary().execute("delete from ledger where id % 2 = 0");
            }
            PostgresInstance primary = two;
            assertThat(primary.inRecovery()).as("pitr-2 is the primary after the switchover").isFalse();
            String latest = LedgerWriter.contents(primary);
            String lastSegment = query(primary, "select pg_walfile_name(pg_current_wal_lsn())");
            primary.execute("select pg_switch_wal()");
            await().atMost(Duration.ofSeconds(60)).until(() -> lastSegment.substring(8).compareTo(
                    archive(archiveId).getString("lastSegment").substring(8)) <= 0);

            JsonPath archived = archive(archiveId);
            assertThat(archived.getList("gaps")).as("the archive is continuous").isEmpty();
            assertThat(archived.getString("recoveryWindow.start")).isNotNull();
            System.out.println("WAL archive: " + archived.getInt("segments") + " files, " + archived.getLong("bytes")
                    + " bytes, window " + archived.getString("recoveryWindow.start") + " to "
                    + archived.getString("recoveryWindow.end"));

            // The console's Recovery page shows the same archive, its restore point and window, to a viewer.
            io.restassured.RestAssured.given().baseUri(suite.console.baseUrl())
                    .cookies(ConsoleSignIn.as(suite.console.baseUrl(), SignedIn.VIEWER)).redirects().follow(false)
                    .when().get("/recovery?cluster=pitr-prod").then().statusCode(200)
                    .body(containsString("data-archive=\"" + archiveId + "\""))
                    .body(containsString("data-state=\"streaming\""))
                    .body(containsString("data-continuous=\"true\""))
                    .body(containsString("data-restore-point=\"before-cleanup\""));

            snapshots.post("/api/v1/restores", Map.of("cluster", "pitr-prod", "target", Map.of("time",
                    beforeBackup.minusSeconds(3600).toString()), "onto", Map.of("cluster", "pitr-spare"),
                    "replace", true, "reason", "system test: before the window"))
                    .statusCode(422).body("detail", containsString("window"));

            Map<String, String[]> targets = new LinkedHashMap<>();
            targets.put("restore point", new String[] {"--restore-point", "before-cleanup", atRestorePoint});
            targets.put("LSN", new String[] {"--lsn", lsn, atLsn});
            targets.put("time", new String[] {"--time", time, atTime});
            for (Map.Entry<String, String[]> target : targets.entrySet()) {
                String[] how = target.getValue();
                List<String> command = new java.util.ArrayList<>(List.of("pitr", "pitr-prod", how[0]));
                if (how[1] != null) {
                    command.add(how[1]);
                }
                command.addAll(List.of("--onto-cluster", "pitr-spare", "--reason", "system test: " + target.getKey(),
                        "--yes"));
                long started = System.nanoTime();
                DrctlProcess.Result restored = drctl.run(command.toArray(String[]::new));
                assertThat(restored.exitCode()).as(target.getKey() + ": " + restored).isZero();
                System.out.printf("point-in-time restore to the %s: %.1f s: %s%n", target.getKey(),
                        (System.nanoTime() - started) / 1e9, restored.stdout().strip());
                assertThat(spare.inRecovery()).as(target.getKey()).isFalse();
                assertThat(LedgerWriter.contents(spare)).as("the spare restored to the " + target.getKey())
                        .isEqualTo(how[2]);
            }

            // The latest archived WAL onto a new node, in no cluster: created where nothing was, on its own port.
            DrctlProcess.Result created = drctl.run("pitr", "pitr-prod", "--latest", "--new-node", fresh.name(),
                    "--host", "127.0.0.1", "--port", String.valueOf(fresh.port()), "--data-directory",
                    fresh.dataDirectory().toString(), "--reason", "system test: latest onto a new node");
            assertThat(created.exitCode()).as(created.toString()).isZero();
            assertThat(created.stdout()).contains("new node pitr-new");
            assertThat(fresh.inRecovery()).isFalse();
            assertThat(LedgerWriter.contents(fresh)).as("the new node restored to the latest").isEqualTo(latest);
        }
    }

    private JsonPath archive(String id) {
        return snapshots.get("/api/v1/wal-archives/{id}", id);
    }

    private void awaitTaskSucceeded(String taskId) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
            String state = api.task(taskId).getString("state");
            return "succeeded".equals(state) || "failed".equals(state) || "cancelled".equals(state);
        });
        assertThat(api.task(taskId).getString("state")).isEqualTo("succeeded");
    }

    private static String query(PostgresInstance node, String sql) throws Exception {
        try (Connection connection = node.connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
