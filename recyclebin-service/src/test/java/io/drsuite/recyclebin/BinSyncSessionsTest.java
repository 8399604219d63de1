package io.drsuite.recyclebin;

import static io.drsuite.recyclebin.BinFixture.value;
import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.cluster.ClusterRemoved;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.drsuite.testing.SampleData;
import io.drsuite.testing.TrapListener;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a pass of the bin's sync costs a managed cluster: the sessions it opens per database
 * ({@code pg_stat_database.sessions}, the backends in {@code pg_stat_activity}), the connection attempts a dead node
 * gets, and the time of a pass; with the bin still in step with what is done in the databases.
 */
@QuarkusTest
class BinSyncSessionsTest {

    private static final Logger LOG = Logger.getLogger(BinSyncSessionsTest.class);
    private static final String SYNC_APPLICATION = "drsuite-recyclebin-service";
    private static final Pattern PASSES = Pattern.compile(
            "(?m)^drsuite_recyclebin_sync_duration_seconds_(count|sum)(?:\\{[^}]*})? (\\S+)$");

    @Inject
    RegistryFixture registry;

    BinFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new BinFixture(registry);
    }

    @Test
    void passAfterPassTheBinIsReadOverTheSameSessionAndStillFollowsTheDatabase() throws Exception {
        try (PostgresInstance server = PostgresInstance.primary("bin-kept")) {
            SampleData.shop(server, 10);
            fixture.register("bin-kept", server);
            given().contentType(ContentType.JSON).body(Map.of("cluster", "bin-kept", "database", "shop"))
                    .post("/api/v1/recyclebin/sql-functions").then().statusCode(200);
            try (Connection shop = server.connect("shop")) {
                flushOwnStatistics(shop);
                List<Integer> first = awaitSyncBackends(server, "shop");
                double passesBefore = passes()[0];
                long sessionsBefore = sessions(server, "shop");

                execute(shop, "create table drafts (id int)");
                String entryId = single(shop, "select drsuite_recyclebin.recycle_table('public.drafts')");
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                        .get("/api/v1/recyclebin/{id}", entryId).then().statusCode(200)
                        .body("state", equalTo("recycled")).body("originalName", equalTo("drafts")));
                // a purge done in the database itself: the bin object and its record go, the entry ends
                String bin = single(shop, "select bin_name from drsuite_recyclebin.entries where id = '" + entryId
                        + "'");
                execute(shop, "delete from drsuite_recyclebin.entries where id = '" + entryId + "'",
                        "drop schema " + bin + " cascade");
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                        .get("/api/v1/recyclebin/{id}", entryId).then().body("state", equalTo("purged")));
                await().atMost(Duration.ofSeconds(30)).until(() -> passes()[0] >= passesBefore + 5);

                assertThat(sessions(server, "shop") - sessionsBefore)
                        .as("new sessions in database shop over %s passes", passes()[0] - passesBefore)
                        .isLessThanOrEqualTo(1);
                assertThat(syncBackends(server, "shop")).as("the sync's session in shop").isEqualTo(first);
            }
        }
    }

    @Test
    void aDatabaseThatGoesAwayHasItsSessionClosedAndTheOthersStillSync() throws Exception {
        try (PostgresInstance server = PostgresInstance.primary("bin-gone")) {
            SampleData.shop(server, 10);
            server.execute("create database scratch", "create database doomed");
            fixture.register("bin-gone", server);
            awaitSyncBackends(server, "scratch");
            awaitSyncBackends(server, "doomed");

            server.execute("alter database scratch with allow_connections false");
            await().atMost(Duration.ofSeconds(20)).until(() -> syncBackends(server, "scratch").isEmpty());
            server.execute("drop database scratch");
            server.execute("drop database doomed with (force)");

            server.executeIn("shop", resource("/sql/bin-schema.sql"), resource("/sql/sql-functions.sql"),
                    "create table drafts (id int)");
            String entryId = value(server, "shop", "select drsuite_recyclebin.recycle_table('public.drafts')");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/recyclebin/{id}", entryId)
                    .then().statusCode(200).body("state", equalTo("recycled")));
            assertThat(syncBackends(server, "shop")).hasSize(1);
        }
    }

    @Test
    void theSessionsFollowTheMainNodeAndCloseWhenTheClusterIsRemoved() throws Exception {
        try (PostgresInstance first = PostgresInstance.primary("bin-move");
                PostgresInstance second = first.standby("bin-move-2")) {
            fixture.register("bin-move", first, second);
            awaitSyncBackends(first, "postgres");

            registry.changeNodes("bin-move", second.name());
            awaitSyncBackends(second, "postgres");
            await().atMost(Duration.ofSeconds(20)).until(() -> syncBackends(first, "postgres").isEmpty());

            UUID id = QuarkusTransaction.requiringNew().call(() -> KnownCluster.findByName("bin-move")
                    .orElseThrow().id);
            ClusterEventFixtures.publish(ClusterEvents.REMOVED, id, new ClusterRemoved(id, "bin-move",
                    Instant.now()), registry.json());
            await().atMost(Duration.ofSeconds(20)).until(() -> syncBackends(second, "postgres").isEmpty());
        }
    }

    @Test
    void aDeadNodeGetsAtMostOneConnectionAttemptPerPass() {
        try (TrapListener deadNode = new TrapListener();
                PostgresInstance never = PostgresInstance.unbuilt("bin-dead")) {
            ClusterRegistered real = ClusterEventFixtures.registered("bin-dead", registry.sealer(), never);
            ClusterNode node = real.nodes().getFirst();
            registry.register(new ClusterRegistered(real.clusterId(), real.name(), real.serverVersion(),
                    real.majorVersion(), List.of(new ClusterNode(node.name(), "127.0.0.1", deadNode.port(),
                            node.dataDirectory(), node.role(), node.access())),
                    real.adminLogin(), real.replicationLogin(), real.registeredAt()));
            await().atMost(Duration.ofSeconds(20)).until(() -> deadNode.connections() > 0);
            double passesBefore = passes()[0];
            int attemptsBefore = deadNode.connections();

            await().atMost(Duration.ofSeconds(60)).until(() -> passes()[0] >= passesBefore + 10);
            double passed = passes()[0] - passesBefore;
            int attempts = deadNode.connections() - attemptsBefore;
            LOG.infof("A dead node over %.0f passes: %d connection attempts", passed, attempts);
            assertThat((double) attempts).as("attempts over %s passes", passed).isLessThanOrEqualTo(passed / 2);
        }
    }

    @Test
    void aStoppedNodeIsReadAgainOnceItIsBack() throws Exception {
        try (PostgresInstance server = PostgresInstance.primary("bin-restart")) {
            SampleData.shop(server, 10);
            server.executeIn("shop", resource("/sql/bin-schema.sql"), resource("/sql/sql-functions.sql"),
                    "create table drafts (id int)", "create table notes (id int)");
            fixture.register("bin-restart", server);
            String first = value(server, "shop", "select drsuite_recyclebin.recycle_table('public.drafts')");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/recyclebin/{id}", first)
                    .then().statusCode(200));

            server.stop();
            double passesBefore = passes()[0];
            await().atMost(Duration.ofSeconds(30)).until(() -> passes()[0] >= passesBefore + 4);
            server.start();

            String second = value(server, "shop", "select drsuite_recyclebin.recycle_table('public.notes')");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/recyclebin/{id}", second)
                    .then().statusCode(200).body("originalName", equalTo("notes")));
            given().get("/api/v1/recyclebin/{id}", first).then().body("state", equalTo("recycled"));
        }
    }

    /**
     * Twenty databases with a bin record each: the new sessions per database and the time of a pass, logged as the
     * figures for the documentation.
     */
    @Test
    void twentyDatabasesCostNoNewSessionPerPass() throws Exception {
        try (PostgresInstance server = PostgresInstance.primary("bin-twenty")) {
            List<String> databases = new ArrayList<>();
            List<String> entries = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                String database = "db" + i;
                databases.add(database);
                server.execute("create database " + database);
                server.executeIn(database, resource("/sql/bin-schema.sql"), resource("/sql/sql-functions.sql"),
                        "create table drafts (id int)");
                entries.add(value(server, database, "select drsuite_recyclebin.recycle_table('public.drafts')"));
            }
            fixture.register("bin-twenty", server);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String entry : entries) {
                    given().get("/api/v1/recyclebin/{id}", entry).then().statusCode(200);
                }
            });
            Thread.sleep(3000);

            double[] before = passes();
            long[] sessionsBefore = sessions(server, databases);
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).until(() -> passes()[0] >= before[0] + 10);
            double[] after = passes();
            long[] sessionsAfter = sessions(server, databases);
            double minutes = (System.nanoTime() - started) / 60e9;
            double passed = after[0] - before[0];

            long grown = 0;
            long mostGrown = 0;
            for (int i = 0; i < databases.size(); i++) {
                grown += sessionsAfter[i] - sessionsBefore[i];
                mostGrown = Math.max(mostGrown, sessionsAfter[i] - sessionsBefore[i]);
            }
            LOG.infof("20 databases over %.0f passes (%.2f min): %.2f new sessions per database per pass, %.1f per "
                    + "database per minute; %.1f ms per pass", passed, minutes, grown / 20.0 / passed,
                    grown / 20.0 / minutes, (after[1] - before[1]) / passed * 1000);
            assertThat(mostGrown).as("new sessions of one database over %s passes", passed).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aClusterWithManyDatabasesKeepsAtMostThirtyTwoSessionsAndStillReadsEveryBin() throws Exception {
        try (PostgresInstance server = PostgresInstance.primary("bin-many")) {
            for (int i = 1; i <= 33; i++) {
                server.execute("create database many" + i);
            }
            server.executeIn("many33", resource("/sql/bin-schema.sql"), resource("/sql/sql-functions.sql"),
                    "create table drafts (id int)");
            fixture.register("bin-many", server);
            String entryId = value(server, "many33", "select drsuite_recyclebin.recycle_table('public.drafts')");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/recyclebin/{id}", entryId)
                    .then().statusCode(200).body("database", equalTo("many33")));
            double passesBefore = passes()[0];
            await().atMost(Duration.ofSeconds(30)).until(() -> passes()[0] >= passesBefore + 3);
            // a session opened for one pass only lives for a moment
            assertThat(value(server, "postgres", "select count(*) from pg_stat_activity where application_name = '"
                    + SYNC_APPLICATION + "' and backend_start < now() - interval '2 seconds'")).isEqualTo("32");
        }
    }

    /** The count and total seconds of the sync's passes so far, from the service's metrics. */
    private static double[] passes() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double[] countAndSum = new double[2];
        Matcher line = PASSES.matcher(metrics);
        while (line.find()) {
            countAndSum["count".equals(line.group(1)) ? 0 : 1] = Double.parseDouble(line.group(2));
        }
        return countAndSum;
    }

    /** Pids of the sync's sessions in the database, once it has one that has been there a few seconds. */
    private static List<Integer> awaitSyncBackends(PostgresInstance server, String database)
            throws SQLException {
        await().atMost(Duration.ofSeconds(30)).until(() -> !syncBackends(server, database, Duration.ofSeconds(3))
                .isEmpty());
        return syncBackends(server, database);
    }

    private static List<Integer> syncBackends(PostgresInstance server, String database) throws SQLException {
        return syncBackends(server, database, Duration.ZERO);
    }

    /**
     * Older than a few seconds, a session's own start is counted in {@code pg_stat_database}: a backend reports its
     * statistics at least every 10 s, and every second while it works.
     */
    private static List<Integer> syncBackends(PostgresInstance server, String database, Duration olderThan)
            throws SQLException {
        try (Connection connection = server.connect("postgres"); PreparedStatement query = connection.prepareStatement(
                "select pid from pg_stat_activity where datname = ? and application_name = ? "
                        + "and backend_start < now() - make_interval(secs => ?) order by pid")) {
            query.setString(1, database);
            query.setString(2, SYNC_APPLICATION);
            query.setLong(3, olderThan.toSeconds());
            List<Integer> pids = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    pids.add(row.getInt(1));
                }
            }
            return pids;
        }
    }

    private static long sessions(PostgresInstance server, String database) throws SQLException {
        return sessions(server, List.of(database))[0];
    }

    /** {@code pg_stat_database.sessions}: the sessions ever opened to each database. */
    private static long[] sessions(PostgresInstance server, List<String> databases) throws SQLException {
        long[] sessions = new long[databases.size()];
        try (Connection connection = server.connect("postgres"); PreparedStatement query = connection.prepareStatement(
                "select sessions from pg_stat_database where datname = ?")) {
            for (int i = 0; i < databases.size(); i++) {
                query.setString(1, databases.get(i));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    sessions[i] = row.getLong(1);
                }
            }
        }
        return sessions;
    }

    /** The test's own session is counted at once, not whenever it next reports. */
    private static void flushOwnStatistics(Connection connection) throws SQLException {
        execute(connection, "select pg_stat_force_next_flush()");
        execute(connection, "select 1");
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BinSyncSessionsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
