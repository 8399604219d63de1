package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SampleData;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The recycle bin with a real DR relationship started by relationship-service: a table recycled on the primary
 * through recyclebin-service's API shows in the bin of the DR cluster (its record reached the DR copy by streaming
 * replication), and its restore on the primary shows there too.
 */
class RecycleBinSystemTest {

    private final Suite suite = Suite.get();
    private final DrApi dr = new DrApi(suite);

    /** The shop's own tables, without the bin's record tables that the first recycle creates. */
    private static Map<String, String> userTables(PostgresInstance server) throws Exception {
        Map<String, String> tables = new TreeMap<>(server.tableChecksums("shop"));
        tables.keySet().removeIf(table -> !table.startsWith("public."));
        return tables;
    }

    @Test
    void aTableRecycledOnThePrimaryShowsInTheDrClustersBinAndComesBack() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("sys-bin-prod");
                PostgresInstance drNode = PostgresInstance.primary("sys-bin-dr")) {
            SampleData.shop(prod, 1000);
            Map<String, String> before = userTables(prod);
            dr.register("sys-bin-prod", prod);
            dr.register("sys-bin-dr", drNode);
            String[] created = dr.create("sys-bin", "sys-bin-prod", "sys-bin-dr", "async");
            dr.awaitPhase(created[0], "active", created[1]);

            String entryId = given().baseUri(suite.recyclebin.baseUrl()).contentType(ContentType.JSON)
                    .body(Map.of("cluster", "sys-bin-prod", "database", "shop", "table", "orders"))
                    .post("/api/v1/recyclebin/drops").then().statusCode(201).extract().jsonPath().getString("entryId");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(suite.recyclebin.baseUrl())
                    .get("/api/v1/recyclebin?cluster=sys-bin-dr").then().statusCode(200)
                    .body("entryId", hasItem(entryId)));
            given().baseUri(suite.recyclebin.baseUrl()).contentType(ContentType.JSON).body(Map.of())
                    .post("/api/v1/recyclebin/{id}/restore", entryId).then().statusCode(200);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(suite.recyclebin.baseUrl())
                    .get("/api/v1/recyclebin?cluster=sys-bin-dr&state=restored").then()
                    .body("entryId", hasItem(entryId)));
            assertThat(userTables(prod)).isEqualTo(before);
            await().atMost(Duration.ofSeconds(30)).until(() -> userTables(drNode).equals(before));
        }
    }
}
