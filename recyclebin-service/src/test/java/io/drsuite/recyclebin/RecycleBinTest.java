package io.drsuite.recyclebin;

import static io.drsuite.recyclebin.BinFixture.drop;
import static io.drsuite.recyclebin.BinFixture.restore;
import static io.drsuite.recyclebin.BinFixture.value;
import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.recyclebin.RecycleBinEvents;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PagedList;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SampleData;
import io.drsuite.testing.RegistryFixture;
import io.drsuite.testing.SignedIn;
import io.drsuite.testing.TrapListener;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The recycle bin against a real PostgreSQL 15 server, the real Kafka and the service's real database. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecycleBinTest {

    private static final Comparator<Map<String, Object>> LATEST_DROPPED_FIRST = Comparator
            .comparing((Map<String, Object> entry) -> Instant.parse((String) entry.get("droppedAt")))
            .thenComparing(entry -> (String) entry.get("id")).reversed();

    @Inject
    RegistryFixture registry;

    BinFixture fixture;
    PostgresInstance server;

    @BeforeAll
    void startServer() {
        server = PostgresInstance.primary("bin-prod");
        SampleData.shop(server, 2000);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @BeforeEach
    void register() {
        fixture = new BinFixture(registry);
        fixture.register("bin-prod", server);
    }

    @Test
    void aTableComesBackWithItsRowsIndexForeignKeyAndSequencePosition() throws Exception {
        Map<String, String> before = server.tableChecksums("shop");
        String sequenceBefore = value(server, "shop", "select last_value from orders_id_seq");

        // Who dropped it comes from the token; a name in the body is not taken.
        JsonPath entry = drop(Map.of("cluster", "bin-prod", "database", "shop", "table", "orders",
                "requestedBy", "alice")).statusCode(201).body("kind", equalTo("table"))
                .body("droppedBy", equalTo(SignedIn.ADMIN)).extract().jsonPath();
        String id = entry.getString("id");
        assertThat(entry.getLong("sizeBytes")).isPositive();
        assertThat(value(server, "shop", "select to_regclass('public.orders')")).isNull();
        assertThatThrownBy(() -> server.executeIn("shop", "insert into orders (customer_id, amount) values (1, 1)"))
                .hasMessageContaining("does not exist");
        assertThat(value(server, "shop", "select count(*) from drsuite_recyclebin.entries where id = '" + id + "'"))
                .isEqualTo("1");
        given().get("/api/v1/recyclebin?cluster=bin-prod&kind=table").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(id));

        restore(id, Map.of()).statusCode(200).body("state", equalTo("restored"));

        assertThat(server.tableChecksums("shop")).isEqualTo(before);
        assertThat(value(server, "shop", "select last_value from orders_id_seq")).isEqualTo(sequenceBefore);
        assertThat(value(server, "shop", "select indexname from pg_indexes where schemaname = 'public' "
                + "and tablename = 'orders' and indexname = 'orders_by_customer'")).isEqualTo("orders_by_customer");
        assertThat(value(server, "shop", "select count(*) from pg_constraint where conrelid = 'public.orders'::regclass "
                + "and contype = 'f' and confrelid = 'public.customers'::regclass")).isEqualTo("1");
        server.executeIn("shop", "insert into orders (customer_id, amount) values (1, 1)");
        assertThat(Long.parseLong(value(server, "shop", "select max(id) from orders")))
                .isEqualTo(Long.parseLong(sequenceBefore) + 1);
        assertThatThrownBy(() -> server.executeIn("shop", "insert into orders (customer_id, amount) values (99999, 1)"))
                .hasMessageContaining("foreign key");
        assertThat(value(server, "shop", "select count(*) from drsuite_recyclebin.entries where id = '" + id + "'"))
                .isEqualTo("0");
        assertThat(KafkaProbe.readAll(RecycleBinEvents.TOPIC, record -> id.equals(record.key()),
                Duration.ofSeconds(2), Duration.ofSeconds(20)))
                .extracting(record -> KafkaProbe.header(record, CloudEventHeaders.TYPE))
                .containsExactly(RecycleBinEvents.RECYCLED.type(), RecycleBinEvents.RESTORED.type());
    }

    @Test
    void aRestoreUnderATakenNameIsRefusedAndUnderANewNameWorks() throws Exception {
        server.executeIn("shop", "create table notes (id int primary key, body text)",
                "insert into notes values (1, 'first'), (2, 'second')");
        String id = drop(Map.of("cluster", "bin-prod", "database", "shop", "table", "notes")).statusCode(201)
                .extract().jsonPath().getString("id");
        server.executeIn("shop", "create table notes (id int primary key, body text)",
                "insert into notes values (3, 'newer')");

        restore(id, Map.of()).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("exists"));
        assertThat(value(server, "shop", "select string_agg(body, ',') from notes")).isEqualTo("newer");
        given().get("/api/v1/recyclebin/{id}", id).then().body("state", equalTo("recycled"));

        restore(id, Map.of("as", "notes_before")).statusCode(200).body("restoredAs", equalTo("notes_before"));
        assertThat(value(server, "shop", "select string_agg(body, ',' order by id) from notes_before"))
                .isEqualTo("first,second");
        restore(id, Map.of()).statusCode(409).body("type", containsString("entry-ended"));
    }

    @Test
    void schemasAndDatabasesGoIntoTheBinAndComeBack() throws Exception {
        server.executeIn("shop", "create schema archive", "create table archive.old_orders as select * from orders");
        String schemaEntry = drop(Map.of("cluster", "bin-prod", "database", "shop", "schema", "archive"))
                .statusCode(201).body("kind", equalTo("schema")).extract().jsonPath().getString("id");
        assertThat(value(server, "shop", "select count(*) from pg_namespace where nspname = 'archive'"))
                .isEqualTo("0");
        restore(schemaEntry, Map.of()).statusCode(200);
        assertThat(value(server, "shop", "select count(*) from archive.old_orders")).isNotEqualTo("0");

        server.execute("create database scratch");
        server.executeIn("scratch", "create table t (id int)", "insert into t values (42)");
        JsonPath database = drop(Map.of("cluster", "bin-prod", "database", "scratch")).statusCode(201)
                .body("kind", equalTo("database")).extract().jsonPath();
        assertThat(value(server, "postgres", "select count(*) from pg_database where datname = 'scratch'"))
                .isEqualTo("0");
        assertThat(value(server, "postgres", "select datallowconn from pg_database where datname = '"
                + database.getString("binName") + "'")).isEqualTo("f");
        restore(database.getString("id"), Map.of()).statusCode(200);
        assertThat(value(server, "scratch", "select id from t")).isEqualTo("42");
    }

    /**
     * The bin read page by page: the latest dropped first (the id breaking ties), each entry once, with the cluster,
     * database, kind and state filters kept from page to page.
     */
    @Test
    void theBinIsReadPageByPageLatestDroppedFirst() throws Exception {
        server.executeIn("shop", "create table page_a (id int)", "create table page_b (id int)",
                "create table page_c (id int)");
        List<String> latestFirst = new ArrayList<>();
        for (String table : List.of("page_a", "page_b", "page_c")) {
            latestFirst.addFirst(drop(Map.of("cluster", "bin-prod", "database", "shop", "table", table))
                    .statusCode(201).extract().jsonPath().getString("id"));
        }
        List<Map<String, Object>> tables = PagedList.items("/api/v1/recyclebin?cluster=bin-prod&database=shop"
                + "&kind=table", 1);
        assertThat(ids(tables)).doesNotHaveDuplicates().startsWith(latestFirst.toArray(String[]::new));
        assertThat(tables).allMatch(entry -> "table".equals(entry.get("kind")) && "recycled".equals(entry.get("state")))
                .isSortedAccordingTo(LATEST_DROPPED_FIRST);

        restore(latestFirst.get(1), Map.of()).statusCode(200);
        assertThat(ids(PagedList.items("/api/v1/recyclebin?cluster=bin-prod", 2)))
                .contains(latestFirst.getFirst(), latestFirst.getLast()).doesNotContain(latestFirst.get(1));
        assertThat(ids(PagedList.items("/api/v1/recyclebin?cluster=bin-prod&state=restored", 1)))
                .contains(latestFirst.get(1)).doesNotContain(latestFirst.getFirst(), latestFirst.getLast());
        List<Map<String, Object>> all = PagedList.items("/api/v1/recyclebin?state=all", 2);
        assertThat(ids(all)).doesNotHaveDuplicates().containsSubsequence(latestFirst);
        assertThat(all).isSortedAccordingTo(LATEST_DROPPED_FIRST);
        PagedList.refusesBadLimitAndCursor("/api/v1/recyclebin");
    }

    private static List<String> ids(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> (String) entry.get("id")).toList();
    }

    @Test
    void refusalsAreProblemsAndChangeNothing() throws Exception {
        fixture.register("bin-dr");
        fixture.relationship("bin-rel", "active", "bin-other", "bin-dr");
        drop(Map.of("cluster", "bin-prod", "database", "shop", "table", "ghost")).statusCode(422)
                .body("type", containsString("unknown-object"));
        drop(Map.of("cluster", "bin-prod", "database", "nowhere", "table", "orders")).statusCode(422)
                .body("type", containsString("unknown-database"));
        drop(Map.of("cluster", "bin-prod", "database", "shop", "schema", "pg_catalog", "table", "pg_class"))
                .statusCode(422).body("type", containsString("system-object"));
        drop(Map.of("cluster", "bin-prod", "database", "postgres")).statusCode(422)
                .body("type", containsString("system-object"));
        drop(Map.of("cluster", "bin-prod", "database", "shop", "table", "customers")).statusCode(409)
                .body("detail", containsString("foreign key"));
        drop(Map.of("cluster", "bin-prod", "database", "shop", "table", "orders; drop table x")).statusCode(400)
                .contentType("application/problem+json");
        drop(Map.of("cluster", "nowhere", "database", "shop", "table", "orders")).statusCode(422)
                .body("type", containsString("unknown-cluster"));
        drop(Map.of("cluster", "bin-dr", "database", "shop", "table", "orders")).statusCode(409)
                .body("type", containsString("dr-cluster")).body("detail", containsString("bin-rel"));
        given().delete("/api/v1/recyclebin?cluster=bin-prod&confirm=bin-prod").then().statusCode(400)
                .body("field", equalTo("reason"));
        given().delete("/api/v1/recyclebin?cluster=bin-prod&confirm=yes&reason=test").then().statusCode(400)
                .body("detail", containsString("confirm"));
        given().get("/api/v1/recyclebin?kind=index").then().statusCode(400).contentType("application/problem+json");
        assertThat(value(server, "shop", "select count(*) from customers")).isEqualTo("200");
        assertThat(value(server, "shop", "select to_regclass('public.orders')")).isEqualTo("orders");
    }

    @Test
    void aPurgeRefusesToDropWhatWasPutInOrOnTheBinAfterTheRecycle() throws Exception {
        server.executeIn("shop", "create table memos (id int primary key, body text)",
                "insert into memos values (1, 'kept')");
        JsonPath table = drop(Map.of("cluster", "bin-prod", "database", "shop", "table", "memos")).statusCode(201)
                .extract().jsonPath();
        String tableBin = table.getString("binName");
        server.executeIn("shop", "create view public.memo_view as select * from " + tableBin + ".memos",
                "create table " + tableBin + ".late_note (id int)");

        given().delete("/api/v1/recyclebin/{id}", table.getString("id")).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("memo_view"))
                .body("detail", containsString("late_note"));
        assertThat(value(server, "shop", "select count(*) from " + tableBin + ".memos")).isEqualTo("1");
        assertThat(value(server, "shop", "select to_regclass('public.memo_view')")).isEqualTo("memo_view");
        assertThat(value(server, "shop", "select to_regclass('" + tableBin + ".late_note')")).isNotNull();
        given().get("/api/v1/recyclebin/{id}", table.getString("id")).then().body("state", equalTo("recycled"));

        server.executeIn("shop", "create schema ledger", "create table ledger.lines (id int primary key)",
                "create view ledger.recent as select * from ledger.lines");
        JsonPath schema = drop(Map.of("cluster", "bin-prod", "database", "shop", "schema", "ledger"))
                .statusCode(201).extract().jsonPath();
        String schemaBin = schema.getString("binName");
        server.executeIn("shop", "create view public.ledger_peek as select * from " + schemaBin + ".lines",
                "create table " + schemaBin + ".added_later (id int)");
        given().delete("/api/v1/recyclebin/{id}", schema.getString("id")).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("ledger_peek"))
                .body("detail", containsString("added_later"));
        assertThat(value(server, "shop", "select to_regclass('public.ledger_peek')")).isEqualTo("ledger_peek");
        assertThat(value(server, "shop", "select to_regclass('" + schemaBin + ".recent')")).isNotNull();

        server.executeIn("shop", "drop view public.memo_view", "drop table " + tableBin + ".late_note",
                "drop view public.ledger_peek", "drop table " + schemaBin + ".added_later");
        given().delete("/api/v1/recyclebin/{id}", table.getString("id")).then().statusCode(200)
                .body("state", equalTo("purged"));
        given().delete("/api/v1/recyclebin/{id}", schema.getString("id")).then().statusCode(200)
                .body("state", equalTo("purged"));
        assertThat(value(server, "shop", "select count(*) from pg_namespace where nspname in ('" + tableBin
                + "', '" + schemaBin + "')")).isEqualTo("0");
    }

    @Test
    void aRoleRecyclesOnlyItsOwnTablesAndCannotWriteTheBinsRecord() throws Exception {
        server.executeIn("shop", "create role mallory login password 'mallory-pw'",
                "create schema mallory_things authorization mallory", "create table not_mallorys (id int)");
        given().contentType(ContentType.JSON).body(Map.of("cluster", "bin-prod", "database", "shop",
                "guardSchemas", List.of("guarded_elsewhere"))).post("/api/v1/recyclebin/sql-functions").then()
                .statusCode(200);
        try (Connection mallory = server.connect("shop", "mallory", "mallory-pw");
                Statement sql = mallory.createStatement()) {
            sql.execute("create table mallory_things.scratch (id int)");
            sql.execute("create table mallory_things.junk (id int)");
            String entryId;
            try (ResultSet row = sql.executeQuery(
                    "select drsuite_recyclebin.recycle_table('mallory_things.scratch')")) {
                row.next();
                entryId = row.getString(1);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/recyclebin/{id}",
                    entryId).then().statusCode(200).body("droppedBy", equalTo("mallory")));
            assertThatThrownBy(() -> sql.executeQuery("select drsuite_recyclebin.recycle_table('public.not_mallorys')"))
                    .hasMessageContaining("owner");
            assertThatThrownBy(() -> sql.executeUpdate("update drsuite_recyclebin.entries set bin_name = 'public', "
                    + "expires_at = now()")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.executeUpdate("insert into drsuite_recyclebin.entries (id, kind, "
                    + "database_name, original_name, bin_name, dropped_at, expires_at, dropped_by, size_bytes) values "
                    + "(gen_random_uuid(), 'schema', 'shop', 'public', 'public', now(), now(), 'mallory', 0)"))
                    .hasMessageContaining("permission denied");
            sql.execute("drop table mallory_things.junk");
        } finally {
            given().delete("/api/v1/recyclebin/sql-functions?cluster=bin-prod&database=shop").then().statusCode(204);
        }
        assertThat(value(server, "shop", "select to_regclass('public.not_mallorys')")).isEqualTo("not_mallorys");
        assertThat(value(server, "shop", "select count(*) from drsuite_recyclebin.entries where bin_name = 'public'"))
                .isEqualTo("0");
    }

    @Test
    void psqlUsersRecycleWithAFunctionAndTheGuardNamesIt() throws Exception {
        server.executeIn("shop", "create table drafts (id int)", "create table temp_stuff (id int)",
                "create table kept (id int)");
        given().contentType(ContentType.JSON).body(Map.of("cluster", "bin-prod", "database", "shop",
                "guardSchemas", List.of("public"))).post("/api/v1/recyclebin/sql-functions").then().statusCode(200);

        String entryId = server.psql("shop", "select drsuite_recyclebin.recycle_table('public.drafts')").lines()
                .map(String::strip).filter(line -> line.matches("[0-9a-f-]{36}")).findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/recyclebin/{id}", entryId)
                .then().statusCode(200).body("originalName", equalTo("drafts"))
                .body("droppedBy", equalTo("postgres")));
        assertThatThrownBy(() -> server.psql("shop", "drop table public.temp_stuff"))
                .hasMessageContaining("drsuite_recyclebin.recycle_table('public.temp_stuff')");
        assertThat(value(server, "shop", "select to_regclass('public.temp_stuff')")).isEqualTo("temp_stuff");

        restore(entryId, Map.of()).statusCode(200);
        assertThat(value(server, "shop", "select to_regclass('public.drafts')")).isEqualTo("drafts");

        given().delete("/api/v1/recyclebin/sql-functions?cluster=bin-prod&database=shop").then().statusCode(204);
        server.psql("shop", "drop table public.temp_stuff");
        assertThat(value(server, "shop", "select to_regclass('public.temp_stuff')")).isNull();
    }

    @Test
    void theSyncReadsADatabaseWhoseNameIsConnectionSyntaxAndConnectsNowhereElse() throws Exception {
        try (TrapListener trap = new TrapListener(); PostgresInstance names = PostgresInstance.primary("bin-names")) {
            String database = trap.hostileDatabaseName();
            names.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            names.executeIn(database, resource("/sql/bin-schema.sql"), resource("/sql/sql-functions.sql"),
                    "insert into drsuite_recyclebin.settings (retention) values (interval '1 day')",
                    "create table drafts (id int)");
            String entryId = value(names, database, "select drsuite_recyclebin.recycle_table('public.drafts')");
            fixture.register("bin-names", names);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/recyclebin/{id}", entryId)
                    .then().statusCode(200).body("database", equalTo(database))
                    .body("originalName", equalTo("drafts")));
            assertThat(trap.connections()).as("connections to where the database name pointed").isZero();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RecycleBinTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
