package io.drsuite.recyclebin;

import static io.drsuite.recyclebin.BinFixture.drop;
import static io.drsuite.recyclebin.BinFixture.value;
import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.recyclebin.RecycleBinEvents;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SampleData;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention purging for good, and a primary's bin showing in its DR replica's bin through replication. */
@QuarkusTest
class BinExpiryAndReplicationTest {

    @Inject
    RegistryFixture registry;

    BinFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new BinFixture(registry);
    }

    @Test
    void withRetentionInSecondsTheExpiryJobPurgesTheObjectForGood() throws Exception {
        try (PostgresInstance server = PostgresInstance.primary("bin-expiry")) {
            SampleData.shop(server, 100);
            fixture.register("bin-expiry", server);
            given().contentType(ContentType.JSON).body(Map.of("retention", "PT2S"))
                    .put("/api/v1/recyclebin/retention/{cluster}", "bin-expiry").then().statusCode(200)
                    .body("retention", equalTo("PT2S"));
            JsonPath entry = drop(Map.of("cluster", "bin-expiry", "database", "shop", "table", "orders"))
                    .statusCode(201).extract().jsonPath();
            String id = entry.getString("id");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/recyclebin/{id}", id)
                    .then().body("state", equalTo("purged")));
            assertThat(value(server, "shop", "select count(*) from pg_namespace where nspname = '"
                    + entry.getString("binName") + "'")).isEqualTo("0");
            assertThat(value(server, "shop", "select count(*) from pg_class where relname = 'orders'"))
                    .isEqualTo("0");
            assertThat(KafkaProbe.readAll(RecycleBinEvents.TOPIC, record -> id.equals(record.key()),
                    Duration.ofSeconds(2), Duration.ofSeconds(20)))
                    .extracting(record -> KafkaProbe.header(record, CloudEventHeaders.TYPE))
                    .containsExactly(RecycleBinEvents.RECYCLED.type(), RecycleBinEvents.PURGED.type());
        }
    }

    @Test
    void aTamperedRecordExpiresWithoutDroppingAnythingOutsideTheBin() throws Exception {
        try (PostgresInstance server = PostgresInstance.primary("bin-tamper")) {
            SampleData.shop(server, 100);
            fixture.register("bin-tamper", server);
            JsonPath kept = drop(Map.of("cluster", "bin-tamper", "database", "shop", "table", "orders"))
                    .statusCode(201).extract().jsonPath();
            String customers = value(server, "shop", "select count(*) from public.customers");
            String forged = UUID.randomUUID().toString();
            server.executeIn("shop", "insert into drsuite_recyclebin.entries (id, kind, database_name, "
                    + "original_schema, original_name, bin_name, dropped_at, expires_at, dropped_by, size_bytes) "
                    + "values ('" + forged + "', 'table', 'shop', 'public', 'customers', 'public', "
                    + "now() - interval '2 days', now() - interval '1 day', 'mallory', 0)");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/recyclebin/{id}", forged)
                    .then().statusCode(200).body("state", equalTo("purged")));
            assertThat(value(server, "shop", "select count(*) from pg_namespace where nspname = 'public'"))
                    .isEqualTo("1");
            assertThat(value(server, "shop", "select count(*) from public.customers")).isEqualTo(customers);
            assertThat(value(server, "shop", "select count(*) from drsuite_recyclebin.entries where id = '"
                    + forged + "'")).isEqualTo("0");
            given().get("/api/v1/recyclebin/{id}", kept.getString("id")).then().body("state", equalTo("recycled"));
            assertThat(value(server, "shop", "select count(*) from " + kept.getString("binName") + ".orders"))
                    .isEqualTo("100");
        }
    }

    @Test
    void aTableRecycledOnThePrimaryShowsInTheBinOfItsDrCopy() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("bin-rep-prod")) {
            SampleData.shop(primary, 100);
            try (PostgresInstance standby = primary.standby("bin-rep-dr")) {
                fixture.register("bin-rep-prod", primary);
                fixture.register("bin-rep-dr", standby);
                fixture.relationship("bin-rep", "active", "bin-rep-prod", "bin-rep-dr");

                String entryId = drop(Map.of("cluster", "bin-rep-prod", "database", "shop", "table", "orders"))
                        .statusCode(201).extract().jsonPath().getString("entryId");

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                        .get("/api/v1/recyclebin?cluster=bin-rep-dr").then().statusCode(200)
                        .body("entryId", org.hamcrest.Matchers.hasItem(entryId)));
                assertThat(value(standby, "shop", "select original_name from drsuite_recyclebin.entries where id = '"
                        + entryId + "'")).isEqualTo("orders");
                drop(Map.of("cluster", "bin-rep-dr", "database", "shop", "table", "customers")).statusCode(409)
                        .body("detail", containsString("bin-rep"));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then()
                        .body(containsString("drsuite_recyclebin_entries{cluster=\"bin-rep-dr\"} 1.0")));

                List<Map<String, Object>> onPrimary = given().get("/api/v1/recyclebin?cluster=bin-rep-prod").then()
                        .extract().jsonPath().getList("$");
                given().contentType(ContentType.JSON).body(Map.of())
                        .post("/api/v1/recyclebin/{id}/restore", onPrimary.getFirst().get("id")).then()
                        .statusCode(200);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                        .get("/api/v1/recyclebin?cluster=bin-rep-dr&state=restored").then()
                        .body("entryId", org.hamcrest.Matchers.hasItem(entryId)));
            }
        }
    }
}
