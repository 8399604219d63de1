package io.drsuite.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.testing.PostgresInstance;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DR relationship's whole life driven by the real drctl program, signed in as admin: both clusters registered
 * (one from --node flags with passwords in files, one from a YAML file with passwords in environment variables),
 * start, query, a switchover followed in a pseudo-terminal, a failover, reprotect, stop, and the clusters removed;
 * with the refusals a user meets on the way (unknown relationship, an unconfirmed failover, a viewer's switchover).
 */
@Order(6)
class DrctlLifecycleSystemTest {

    private final Suite suite = Suite.get();

    @Test
    void registerStartQuerySwitchoverFailoverReprotectStop(@TempDir Path folder) throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("cli-prod");
                PostgresInstance dr = PostgresInstance.primary("cli-dr")) {
            prod.execute("create table orders (id int primary key, amount numeric)",
                    "insert into orders select g, g * 2.5 from generate_series(1, 5000) g");
            DrctlProcess admin = DrctlProcess.signedInAs(suite, "admin");

            Path adminPassword = Files.writeString(folder.resolve("admin-password"),
                    PostgresInstance.SUPERUSER_PASSWORD + "\n");
            Path replicationPassword = Files.writeString(folder.resolve("replication-password"),
                    DrApi.REPLICATION_PASSWORD + "\n");
            DrctlProcess.Result fromFlags = admin.run("cluster", "register", "cli-prod",
                    "--node", "name=cli-prod,host=127.0.0.1,port=" + prod.port() + ",data-directory="
                            + prod.dataDirectory() + ",access=local,os-user=postgres",
                    "--admin-user", PostgresInstance.SUPERUSER, "--admin-password-file", adminPassword.toString(),
                    "--replication-user", DrApi.REPLICATION_USER,
                    "--replication-password-file", replicationPassword.toString(), "-o", "json");
            assertThat(fromFlags.exitCode()).as(fromFlags.toString()).isZero();
            assertThat(fromFlags.json().getString("nodes[0].role")).isEqualTo("primary");

            Path yaml = Files.writeString(folder.resolve("cli-dr.yaml"), """
                    name: cli-dr
                    nodes:
                      - name: cli-dr
                        host: 127.0.0.1
                        port: %d
                        dataDirectory: %s
                        access: {kind: local, osUser: postgres}
                    adminLogin: {username: %s}
                    replicationLogin: {username: %s}
                    """.formatted(dr.port(), dr.dataDirectory(), PostgresInstance.SUPERUSER, DrApi.REPLICATION_USER));
            admin.with("CLI_ADMIN_PASSWORD", PostgresInstance.SUPERUSER_PASSWORD)
                    .with("CLI_REPLICATION_PASSWORD", DrApi.REPLICATION_PASSWORD);
            DrctlProcess.Result fromFile = admin.run("cluster", "register", "--file", yaml.toString(),
                    "--admin-password-env", "CLI_ADMIN_PASSWORD",
                    "--replication-password-env", "CLI_REPLICATION_PASSWORD");
            assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
            assertThat(fromFile.stdout()).contains("Registered cluster cli-dr", "cli-dr  primary  127.0.0.1:"
                    + dr.port());

            DrctlProcess.Result clusters = admin.run("cluster", "list", "-o", "json");
            assertThat(clusters.exitCode()).isZero();
            assertThat(clusters.json().getList("name", String.class)).contains("cli-prod", "cli-dr");
            assertThat(clusters.stdout()).doesNotContain(PostgresInstance.SUPERUSER_PASSWORD,
                    DrApi.REPLICATION_PASSWORD);

            DrctlProcess.Result notAgreed = admin.run("start", "--name", "cli", "--primary", "cli-prod", "--dr",
                    "cli-dr");
            assertThat(notAgreed.exitCode()).as(notAgreed.toString()).isEqualTo(2);
            assertThat(notAgreed.stderr()).contains("replaces ALL data of cluster 'cli-dr'", "nothing was done");
            DrctlProcess.Result start = admin.run("start", "--name", "cli", "--primary", "cli-prod", "--dr", "cli-dr",
                    "--confirm-overwrite", "cli-dr");
            assertThat(start.exitCode()).as(start.toString()).isZero();
            assertThat(start.stdout()).contains("Successfully", "Done: ", "succeeded");
            assertThat(dr.count("orders")).isEqualTo(5000);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> admin.run("query", "cli", "-o", "json").json().get("health.lagBytes") != null);
            JsonPath query = admin.run("query", "cli", "-o", "json").json();
            assertThat(query.getString("relationship.phase")).isEqualTo("active");
            assertThat(query.getString("relationship.clusters[0].name")).isEqualTo("cli-prod");
            assertThat(query.getString("relationship.clusters[0].role")).isEqualTo("primary");
            assertThat(query.getString("relationship.clusters[0].state")).isEqualTo("archive");
            assertThat(query.getString("relationship.clusters[1].role")).isEqualTo("disaster_standby");
            assertThat(query.getString("relationship.clusters[1].state")).isEqualTo("recovery");
            assertThat(query.getBoolean("relationship.lag.drStreaming")).isTrue();
            assertThat(query.getLong("relationship.lag.bytes")).isGreaterThanOrEqualTo(0);
            assertThat(query.getDouble("health.rpoEstimateSeconds")).isGreaterThanOrEqualTo(0);
            assertThat(query.getString("health.drState")).isEqualTo("recovery");
            assertThat((Object) query.get("task")).isNull();
            JsonPath all = admin.run("query", "-o", "json").json();
            assertThat(all.getString("find { it.relationship.name == 'cli' }.relationship.phase")).isEqualTo("active");
            DrctlProcess.Result objectives = admin.run("objectives", "cli", "--rpo", "30", "--rto", "300");
            assertThat(objectives.stdout()).as(objectives.toString())
                    .contains("RPO objective 30 s, RTO objective 300 s");
            assertThat(admin.run("objectives", "cli", "--rto", "none").stdout())
                    .contains("RPO objective 30 s, RTO objective not set");
            assertThat(admin.run("objectives", "cli", "--rpo", "soon").exitCode()).isEqualTo(2);
            assertThat(DrctlProcess.signedInAs(suite, "operator").run("objectives", "cli", "--rpo", "5").exitCode())
                    .isEqualTo(4);
            DrctlProcess.Result forPeople = admin.run("query", "cli");
            assertThat(forPeople.stdout()).contains("Relationship cli  phase active", "cli-prod", "disaster_standby",
                    "recovery", "Lag:", "bytes", "RPO estimate:", "Objectives:   RPO 30 s, RTO not set");

            DrctlProcess.Result watched = admin.inTerminal("query", "cli", "--watch", "--interval", "0.5", "--count",
                    "2");
            assertThat(watched.exitCode()).as(watched.toString()).isZero();
            assertThat(watched.stdout().split("\u001b\\[H\u001b\\[2J", -1)).as("redrawn in place twice").hasSize(3);
            assertThat(watched.stdout()).contains("Every 0.5 s: drctl query cli", "(Ctrl-C to stop)", "cli-dr");

            DrctlProcess.Result unknown = admin.run("switchover", "no-such-relationship");
            assertThat(unknown.exitCode()).isEqualTo(3);
            assertThat(unknown.stderr().strip()).contains("no relationship named no-such-relationship")
                    .doesNotContain("\n", "Exception");
            DrctlProcess.Result asViewer = DrctlProcess.signedInAs(suite, "viewer").run("switchover", "cli");
            assertThat(asViewer.exitCode()).as(asViewer.toString()).isEqualTo(4);
            assertThat(asViewer.stderr()).contains("forbidden").doesNotContain("Exception");

            prod.execute("insert into orders select g, 1 from generate_series(5001, 5100) g");
            DrctlProcess.Result switchover = admin.inTerminal("switchover", "cli");
            assertThat(switchover.exitCode()).as(switchover.toString()).isZero();
            String screen = switchover.stdout().replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
            assertThat(screen).contains("Task ", "dr.switchover", "Successfully ", "stopped cli-prod",
                    "Done: dr.switchover", "succeeded in ", "writes paused about ");
            assertThat(screen).as("the progress bar").containsPattern("\\[#+\\.*\\] +\\d+%  ");
            assertThat(switchover.stdout()).as("colours on a terminal").contains("\u001b[32mSuccessfully ");
            assertThat(dr.inRecovery()).as("cli-dr is the primary after the switchover").isFalse();
            assertThat(prod.inRecovery()).isTrue();
            assertThat(dr.count("orders")).isEqualTo(5100);

            DrctlProcess.Result unconfirmed = admin.runWithInput("cli-typo\n", "failover", "cli",
                    "--reason", "system test: drctl");
            assertThat(unconfirmed.exitCode()).as(unconfirmed.toString()).isEqualTo(2);
            assertThat(unconfirmed.stderr()).contains("Type the name 'cli'", "not confirmed; nothing was done");
            assertThat(admin.run("query", "cli", "-o", "json").json().getString("relationship.phase"))
                    .isEqualTo("active");
            assertThat(prod.inRecovery()).as("nothing was done").isTrue();

            DrctlProcess.Result failover = admin.run("failover", "cli", "--reason", "system test: drctl", "--yes");
            assertThat(failover.exitCode()).as(failover.toString()).isZero();
            assertThat(failover.stdout()).contains("estimated data loss");
            assertThat(prod.inRecovery()).as("the DR cluster cli-prod is the primary now").isFalse();
            JsonPath failedOver = admin.run("query", "cli", "-o", "json").json();
            assertThat(failedOver.getString("relationship.phase")).isEqualTo("failed_over");
            assertThat(failedOver.getString("relationship.clusters[0].name")).isEqualTo("cli-prod");
            assertThat(prod.count("orders")).isEqualTo(5100);

            DrctlProcess.Result reprotect = admin.run("reprotect", "cli");
            assertThat(reprotect.exitCode()).as(reprotect.toString()).isZero();
            assertThat(dr.inRecovery()).as("the former primary is the DR copy").isTrue();
            assertThat(admin.run("query", "cli", "-o", "json").json().getString("relationship.phase"))
                    .isEqualTo("active");

            assertThat(admin.run("stop", "cli", "--promote-dr").exitCode()).as("--promote-dr needs --reason")
                    .isEqualTo(2);
            DrctlProcess.Result notPromoted = admin.runWithInput("\n", "stop", "cli", "--promote-dr", "--reason",
                    "system test: drctl");
            assertThat(notPromoted.exitCode()).as(notPromoted.toString()).isEqualTo(2);
            assertThat(notPromoted.stderr()).contains("promotes the DR cluster 'cli-dr'");
            DrctlProcess.Result stop = admin.run("stop", "cli", "-o", "json");
            assertThat(stop.exitCode()).as(stop.toString()).isZero();
            assertThat(stop.json().getString("state")).isEqualTo("succeeded");
            assertThat(admin.run("query", "cli", "-o", "json").json().getString("relationship.phase"))
                    .isEqualTo("stopped");

            DrctlProcess.Result removed = admin.runWithInput("cli-dr\n", "cluster", "remove", "cli-dr",
                    "--reason", "system test: drctl");
            assertThat(removed.exitCode()).as(removed.toString()).isZero();
            assertThat(admin.run("cluster", "remove", "cli-prod", "--reason", "system test: drctl", "--yes")
                    .exitCode()).isZero();
            DrctlProcess.Result gone = admin.run("cluster", "show", "cli-dr");
            assertThat(gone.exitCode()).isEqualTo(3);
            assertThat(gone.stderr()).contains("no cluster named 'cli-dr'");
        }
    }
}
