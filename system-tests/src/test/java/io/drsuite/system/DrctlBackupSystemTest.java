package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.system.DrctlProcess.Result;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SampleData;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real drctl program, signed in as the demo admin, taking care of one throwaway cluster's data: a snapshot taken,
 * listed, verified, restored over changed data and deleted; a table dropped into the recycle bin, restored, dropped
 * again and purged; then the tasks, alerts and audit records those operations left. Exit codes, the json output and
 * the cluster's own tables are what is asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrctlBackupSystemTest {

    private static final String CLUSTER = "sys-drctl-ops";

    private final Suite suite = Suite.get();
    private PostgresInstance prod;
    private DrctlProcess drctl;
    private String snapshotTaskId;
    private String snapshotId;
    private String restoreTaskId;
    private String restoredEntryId;
    private String purgedEntryId;

    @BeforeAll
    void oneClusterWithAShop() {
        prod = PostgresInstance.primary(CLUSTER);
        SampleData.shop(prod, 2000);
        new DrApi(suite).register(CLUSTER, prod);
        drctl = DrctlProcess.signedInAs(suite, "admin");
    }

    @AfterAll
    void closeTheCluster() {
        if (prod != null) {
            prod.close();
        }
    }

    @Test
    @Order(1)
    void aSnapshotIsTakenListedVerifiedRestoredOverChangedDataAndDeleted() throws Exception {
        Map<String, String> atSnapshot = prod.tableChecksums("shop");

        Result created = drctl.run("snapshot", "create", CLUSTER, "--database", "shop", "--label", "drctl", "-o",
                "json");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.json().getString("type")).isEqualTo("snapshot.logical");
        assertThat(created.json().getString("state")).isEqualTo("succeeded");
        snapshotTaskId = created.json().getString("id");
        snapshotId = created.json().getString("parameters.snapshotId");

        Result listed = drctl.run("snapshot", "list", "--cluster", CLUSTER, "-o", "json");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.json().getList("id")).containsExactly(snapshotId);
        assertThat(listed.json().getString("[0].phase")).isEqualTo("completed");
        assertThat(listed.json().getString("[0].label")).isEqualTo("drctl");

        Result verified = drctl.run("snapshot", "verify", snapshotId);
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.stdout()).contains("Done: snapshot.verify").contains("verification: ok");
        assertThat(snapshot(snapshotId).getString("verification.state")).isEqualTo("ok");

        prod.executeIn("shop", "delete from orders where id <= 500", "update customers set name = upper(name)");
        assertThat(prod.tableChecksums("shop")).isNotEqualTo(atSnapshot);

        Result restored = drctl.run("snapshot", "restore", snapshotId, "--replace", "--reason",
                "drctl system test: put the shop back", "--yes", "-o", "json");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.json().getString("type")).isEqualTo("snapshot.restore-logical");
        assertThat(restored.json().getString("state")).isEqualTo("succeeded");
        restoreTaskId = restored.json().getString("id");
        assertThat(prod.tableChecksums("shop")).isEqualTo(atSnapshot);

        Result withoutReason = drctl.run("snapshot", "restore", snapshotId, "--replace", "--yes");
        assertThat(withoutReason.exitCode()).as(withoutReason.toString()).isEqualTo(2);
        assertThat(withoutReason.stderr()).contains("--reason");

        Result forPeople = drctl.run("snapshot", "list", "--cluster", CLUSTER);
        assertThat(forPeople.stdout()).contains("ID", "PHASE", snapshotId, "completed", "shop", "ok");

        Result deleted = drctl.run("snapshot", "delete", snapshotId, "--yes");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(given().baseUri(suite.snapshots.baseUrl()).get("/api/v1/snapshots/{id}", snapshotId)
                .statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aDroppedTableComesBackFromTheBinAndAPurgedOneIsGone() throws Exception {
        String orders = prod.tableChecksums("shop").get("public.orders");

        Result dropped = drctl.run("bin", "drop", "orders", "--cluster", CLUSTER, "--database", "shop", "-o", "json");
        assertThat(dropped.exitCode()).as(dropped.toString()).isZero();
        assertThat(dropped.json().getString("state")).isEqualTo("recycled");
        assertThat(dropped.json().getString("originalName")).isEqualTo("orders");
        restoredEntryId = dropped.json().getString("id");
        assertThat(prod.tableChecksums("shop")).doesNotContainKey("public.orders");

        Result listed = drctl.run("bin", "list", "--cluster", CLUSTER, "-o", "json");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.json().getList("id")).containsExactly(restoredEntryId);

        Result restored = drctl.run("bin", "restore", "orders", "--cluster", CLUSTER, "--database", "shop", "-o",
                "json");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.json().getString("id")).isEqualTo(restoredEntryId);
        assertThat(restored.json().getString("state")).isEqualTo("restored");
        assertThat(prod.tableChecksums("shop")).containsEntry("public.orders", orders);

        Result droppedAgain = drctl.run("bin", "drop", "public.orders", "--cluster", CLUSTER, "--database", "shop",
                "-o", "json");
        assertThat(droppedAgain.exitCode()).as(droppedAgain.toString()).isZero();
        purgedEntryId = droppedAgain.json().getString("id");
        assertThat(prod.tableChecksums("shop")).doesNotContainKey("public.orders").containsValue(orders);

        Result notConfirmed = drctl.runWithInput("customers\n", "bin", "purge", "orders", "--cluster", CLUSTER);
        assertThat(notConfirmed.exitCode()).as(notConfirmed.toString()).isEqualTo(2);
        assertThat(notConfirmed.stderr()).contains("Type the name 'orders'").contains("not confirmed");
        assertThat(binEntry(purgedEntryId).getString("state")).isEqualTo("recycled");

        Result purged = drctl.run("bin", "purge", "orders", "--cluster", CLUSTER, "--yes", "-o", "json");
        assertThat(purged.exitCode()).as(purged.toString()).isZero();
        assertThat(purged.json().getString("state")).isEqualTo("purged");
        assertThat(binEntry(purgedEntryId).getString("state")).isEqualTo("purged");
        assertThat(prod.tableChecksums("shop")).doesNotContainKey("public.orders").doesNotContainValue(orders);
        Result empty = drctl.run("bin", "list", "--cluster", CLUSTER, "-o", "json");
        assertThat(empty.json().getList("id")).isEmpty();

        assertThat(drctl.run("bin", "drop", "customers", "--cluster", CLUSTER, "--database", "shop").exitCode())
                .isZero();
        Result wholeBin = drctl.run("bin", "purge", "--all", "--cluster", CLUSTER, "--reason",
                "drctl system test: empty the bin", "--yes", "-o", "json");
        assertThat(wholeBin.exitCode()).as(wholeBin.toString()).isZero();
        assertThat(wholeBin.json().getInt("purged")).isEqualTo(1);
        assertThat(prod.tableChecksums("shop")).doesNotContainKey("public.customers");
        assertThat(drctl.run("bin", "list", "--cluster", CLUSTER, "-o", "json").json().getList("id")).isEmpty();
    }

    @Test
    @Order(3)
    void theTasksAlertsAndAuditRecordsOfThoseOperationsShow() {
        Result tasks = drctl.run("task", "list", "--limit", "100", "-o", "json");
        assertThat(tasks.exitCode()).as(tasks.toString()).isZero();
        assertThat(tasks.json().getList("id")).contains(snapshotTaskId, restoreTaskId);

        Result shown = drctl.run("task", "show", restoreTaskId, "-o", "json");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.json().getList("steps.name")).contains("restore", "swap-in-restored-database");
        assertThat(shown.json().getList("steps.state")).containsOnly("succeeded");
        assertThat(shown.json().getList("log")).isNotEmpty();
        Result forPeople = drctl.run("task", "show", restoreTaskId);
        assertThat(forPeople.exitCode()).as(forPeople.toString()).isZero();
        assertThat(forPeople.stdout()).contains("Steps", "swap-in-restored-database", "Log");

        Result watched = drctl.run("task", "watch", snapshotTaskId, "-o", "json");
        assertThat(watched.exitCode()).as(watched.toString()).isZero();
        assertThat(watched.json().getString("state")).isEqualTo("succeeded");

        Result alerts = drctl.run("alerts", "-o", "json");
        assertThat(alerts.exitCode()).as(alerts.toString()).isZero();
        assertThat(alerts.stdout().strip()).startsWith("[").endsWith("]");
        assertThat(alerts.json().getList("$")).isNotNull();

        // Asked about each object: other test classes running meanwhile write hundreds of records of their own.
        List<String> operations = new ArrayList<>();
        for (String target : List.of("snapshots/" + snapshotId, "recyclebin/" + restoredEntryId,
                "recyclebin/" + purgedEntryId, "clusters/" + CLUSTER)) {
            Result about = drctl.run("audit", "--target", target, "--actor", "admin", "-o", "json");
            assertThat(about.exitCode()).as(about.toString()).isZero();
            operations.addAll(about.json().getList("collect { it.service + ' ' + it.operation + ' ' + it.target }"));
        }
        assertThat(operations).contains(
                "snapshot-service POST /api/v1/snapshots snapshots/" + snapshotId,
                "snapshot-service POST /api/v1/snapshots/{id}/verify snapshots/" + snapshotId,
                "snapshot-service POST /api/v1/snapshots/{id}/restore snapshots/" + snapshotId,
                "snapshot-service DELETE /api/v1/snapshots/{id} snapshots/" + snapshotId,
                "recyclebin-service POST /api/v1/recyclebin/drops recyclebin/" + restoredEntryId,
                "recyclebin-service POST /api/v1/recyclebin/{id}/restore recyclebin/" + restoredEntryId,
                "recyclebin-service DELETE /api/v1/recyclebin/{id} recyclebin/" + purgedEntryId,
                "relationship-service POST /api/v1/clusters clusters/" + CLUSTER);
        Result audit = drctl.run("audit", "--limit", "200", "-o", "json");
        assertThat(audit.exitCode()).as(audit.toString()).isZero();
        List<String> recordedAt = audit.json().getList("recordedAt");
        assertThat(recordedAt).isSortedAccordingTo((a, b) -> java.time.Instant.parse(b)
                .compareTo(java.time.Instant.parse(a)));

        Result binOnly = drctl.run("audit", "--service", "recyclebin", "--target", "recyclebin/" + purgedEntryId,
                "-o", "json");
        assertThat(binOnly.exitCode()).as(binOnly.toString()).isZero();
        assertThat(binOnly.json().getList("service")).isNotEmpty().containsOnly("recyclebin-service");
        assertThat(binOnly.json().getList("operation")).contains("POST /api/v1/recyclebin/drops",
                "DELETE /api/v1/recyclebin/{id}");
    }

    @Test
    @Order(4)
    void aBackupPolicyIsSetChangedShownAndDeletedByName() {
        Result created = drctl.run("policy", "set", "sys-drctl-nightly", "--cluster", CLUSTER, "--schedule",
                "0 2 * * *", "--keep-last", "7", "-o", "json");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.json().getString("kind")).isEqualTo("physical");
        assertThat(created.json().getInt("retention.keepLast")).isEqualTo(7);
        assertThat(created.json().getString("nextRunAt")).isNotBlank();

        Result suspended = drctl.run("policy", "set", "sys-drctl-nightly", "--suspended", "--max-age", "P7D", "-o",
                "json");
        assertThat(suspended.exitCode()).as(suspended.toString()).isZero();
        assertThat(suspended.json().getBoolean("suspended")).isTrue();
        assertThat(suspended.json().getInt("retention.keepLast")).isEqualTo(7);
        assertThat(suspended.json().getString("retention.maxAge")).isEqualTo("PT168H");
        assertThat(suspended.json().getString("schedule")).isEqualTo("0 2 * * *");
        assertThat(suspended.json().getString("id")).isEqualTo(created.json().getString("id"));

        Result shown = drctl.run("policy", "show", "sys-drctl-nightly");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.stdout()).contains("sys-drctl-nightly", "0 2 * * * (UTC)", "last 7");

        Result deleted = drctl.run("policy", "delete", "sys-drctl-nightly");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(drctl.run("policy", "list", "-o", "json").json().getList("name"))
                .doesNotContain("sys-drctl-nightly");
    }

    @Test
    @Order(5)
    void unknownNamesAndFinishedTasksAreRefusedInOneLine() {
        Result noRelationship = drctl.run("policy", "auto-failover", "show", "no-such-relationship");
        assertThat(noRelationship.exitCode()).as(noRelationship.toString()).isEqualTo(3);
        assertThat(noRelationship.stderr()).contains("no-such-relationship");

        Result finished = drctl.run("task", "cancel", snapshotTaskId);
        assertThat(finished.exitCode()).as(finished.toString()).isEqualTo(3);
        assertThat(finished.stderr().strip()).doesNotContain("\n").contains("cannot be cancelled");
    }

    @Test
    @Order(6)
    void anUnknownSnapshotIsRefusedInOneLine() {
        Result unknown = drctl.run("snapshot", "restore", "00000000-0000-4000-8000-000000000000", "--yes");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(3);
        assertThat(unknown.stderr().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("00000000-0000-4000-8000-000000000000");
    }

    private JsonPath snapshot(String id) {
        return given().baseUri(suite.snapshots.baseUrl()).get("/api/v1/snapshots/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    private JsonPath binEntry(String id) {
        return given().baseUri(suite.recyclebin.baseUrl()).get("/api/v1/recyclebin/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }
}
