package io.drsuite.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.drsuite.testing.ConsoleSignIn;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SampleData;
import io.drsuite.testing.SignedIn;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's snapshots, recycle-bin, alerts and audit pages against the real services and one real cluster: what
 * an operator does through the console's forms happens on the cluster, and the pages show it.
 */
class ConsoleBackupAndAuditSystemTest {

    private static final String CLUSTER = "sys-console-backup";
    private static final Pattern SNAPSHOT_ROW = Pattern.compile(
            "<tr data-snapshot=\"([0-9a-f-]{36})\" data-phase=\"([a-z_]+)\">");

    private static final Suite suite = Suite.get();
    private static PostgresInstance prod;
    private static Map<String, String> operator;

    @BeforeAll
    static void oneClusterWithAShop() throws Exception {
        prod = PostgresInstance.primary(CLUSTER);
        SampleData.shop(prod, 2000);
        new DrApi(suite).register(CLUSTER, prod);
        operator = ConsoleSignIn.as(suite.console.baseUrl(), SignedIn.OPERATOR);
    }

    @AfterAll
    static void stopTheCluster() {
        if (prod != null) {
            prod.close();
        }
    }

    @Test
    void aSnapshotTakenFromTheConsoleIsListedWithItsSizeAndStateAndItsRequestIsAuditedWithItsTask() {
        console().formParam("cluster", CLUSTER).formParam("kind", "logical").formParam("database", "shop")
                .formParam("label", "console system test")
                .when().post("/snapshots")
                .then().statusCode(303).header("Location", containsString("/snapshots?cluster=" + CLUSTER));

        String page = console().when().get("/snapshots?cluster={c}", CLUSTER).then().statusCode(200).extract()
                .asString();
        Matcher row = SNAPSHOT_ROW.matcher(page);
        assertThat(row.find()).as("a snapshot row on the page").isTrue();
        String snapshotId = row.group(1);
        JsonPath completed = new SnapshotApi(suite).awaitCompleted(snapshotId);

        String listed = console().when().get("/fragments/snapshots/catalog?cluster={c}", CLUSTER)
                .then().statusCode(200).extract().asString();
        assertThat(listed).contains("<tr data-snapshot=\"" + snapshotId + "\" data-phase=\"completed\">")
                .contains("console system test").contains("last good backup")
                .containsPattern("<td class=\"size\">[0-9.]+ (B|KiB|MiB)</td>");
        assertThat(listed).doesNotContain("no good backup");

        String taskId = completed.getString("taskId");
        console().when().get("/audit?operation={op}&target={t}", "POST /api/v1/snapshots", "snapshots/" + snapshotId)
                .then().statusCode(200)
                .body(containsString("<td class=\"actor\">operator"))
                .body(containsString("href=\"/tasks/" + taskId + "\""))
                .body(containsString("data-service=\"snapshot-service\" data-intact=\"true\""));
    }

    @Test
    void aTableDroppedIntoTheBinIsListedWithSizeAndExpiryAndTheConsoleBringsItBack() throws Exception {
        String entryId = SignedIn.as(SignedIn.OPERATOR).baseUri(suite.recyclebin.baseUrl())
                .contentType(ContentType.JSON)
                .body(Map.of("cluster", CLUSTER, "database", "shop", "table", "orders"))
                .post("/api/v1/recyclebin/drops").then().statusCode(201).extract().jsonPath().getString("id");
        assertThat(prod.tableChecksums("shop")).doesNotContainKey("public.orders");

        String entryRow = "<tr data-entry=\"" + entryId + "\" data-object=\"public.orders\">";
        console().when().get("/bin?cluster={c}", CLUSTER).then().statusCode(200)
                .body(containsString(entryRow))
                .body(matchesPattern("(?s).*" + Pattern.quote(entryRow)
                        + "\\s*<td class=\"object\">public.orders</td>.*?<td class=\"size\">[0-9.]+ (B|KiB|MiB)</td>"
                        + ".*?<td class=\"expires\"><time datetime=\"20[0-9-]+T.*"))
                .body(containsString("id=\"bin-purge-" + entryId + "\""));

        console().formParam("as", "").formParam("cluster", CLUSTER)
                .when().post("/bin/{id}/restore", entryId)
                .then().statusCode(303);
        assertThat(prod.tableChecksums("shop")).containsKey("public.orders");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> console().when().get("/bin?cluster={c}", CLUSTER)
                .then().body(org.hamcrest.Matchers.not(containsString(entryRow))));
    }

    @Test
    void theAlertsPageRendersFilteredAndBookmarkable() {
        console().when().get("/alerts?state=resolved&rule=replication_broken")
                .then().statusCode(200)
                .body(containsString("<option value=\"resolved\" selected>"))
                .body(containsString("<option value=\"replication_broken\" selected>"))
                .body(containsString("hx-get=\"/fragments/alerts/list?state=resolved&amp;rule=replication_broken"));
    }

    private static io.restassured.specification.RequestSpecification console() {
        return given().baseUri(suite.console.baseUrl()).cookies(operator).redirects().follow(false);
    }
}
