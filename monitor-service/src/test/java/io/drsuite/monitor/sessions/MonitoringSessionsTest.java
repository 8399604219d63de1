package io.drsuite.monitor.sessions;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.cluster.ClusterRemoved;
import io.drsuite.events.cluster.SealedLogin;
import io.drsuite.monitor.model.MonitorLogin;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The kept monitoring sessions against real PostgreSQL 15 servers (the test profile polls every second, backs off at
 * most 8 s and looks at the role again every 5 s): one session per node for many polls, as {@code drsuite_monitor}
 * (a member of pg_monitor and nothing more), every field of the poll filled on a primary, its standby and a DR copy
 * under that role; a stopped node costs one connect attempt per poll at most and fewer as it stays down, and is read
 * again once started, and its session is closed once its cluster is removed; a hung session is skipped and counted
 * while another cluster's node is read every poll; a node that accepts connections and never answers gets no pile-up
 * of connects; a cluster whose admin login may not make roles, or where a role of the name has more rights, is polled
 * with its admin login, said once.
 */
@QuarkusTest
class MonitoringSessionsTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    @Inject
    SecretSealer sealer;

    @Test
    void everyNodeKeepsOneSessionAsTheMonitoringRoleAndItsPollIsComplete() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("ses-a");
                PostgresInstance standby = primary.standby("ses-b", "ses_b");
                PostgresInstance drCopy = primary.standby("ses-dr")) {
            ClusterRegistered cluster = ClusterEventFixtures.registered("ses", sealer, primary, standby);
            register(cluster);
            register(ClusterEventFixtures.registered("ses-dr", sealer, drCopy));

            await().atMost(WITHIN).until(() -> polledAsMonitor("ses", "ses-a") && polledAsMonitor("ses", "ses-b")
                    && polledAsMonitor("ses-dr", "ses-dr"));

            try (Connection connection = primary.connect("template1"); Statement statement =
                    connection.createStatement(); ResultSet role = statement.executeQuery("""
                    select rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,
                           pg_has_role('drsuite_monitor', 'pg_monitor', 'member'),
                           (select array_agg(g.rolname::text) from pg_auth_members m join pg_roles g on g.oid = m.roleid
                             where m.member = r.oid)
                      from pg_roles r where rolname = 'drsuite_monitor'""")) {
                assertThat(role.next()).as("the role exists").isTrue();
                assertThat(role.getBoolean(1)).as("LOGIN").isTrue();
                for (int column = 2; column <= 6; column++) {
                    assertThat(role.getBoolean(column)).as("no superuser, createrole, createdb, replication or "
                            + "bypassrls (column %d)", column).isFalse();
                }
                assertThat(role.getBoolean(7)).as("a member of pg_monitor").isTrue();
                assertThat((String[]) role.getArray(8).getArray()).containsExactly("pg_monitor");
            }
            for (PostgresInstance node : List.of(primary, standby, drCopy)) {
                assertThat(monitorSessions(node)).as("one kept session on " + node.name() + ", as the role")
                        .containsExactly("drsuite_monitor");
            }

            Map<String, Object> onPrimary = node("ses", "ses-a");
            assertThat(onPrimary.get("inRecovery")).isEqualTo(false);
            assertThat(onPrimary.get("timeline")).isEqualTo(1);
            assertThat(onPrimary.get("currentLsn")).isNotNull();
            assertThat(onPrimary.get("slotRetainedBytes")).isNotNull();
            await().atMost(WITHIN).untilAsserted(() -> {
                Map<String, Object> fresh = node("ses", "ses-a");
                assertThat(column(fresh, "standbys", "state")).contains("streaming");
                assertThat(column(fresh, "standbys", "applicationName")).contains("ses_b");
                assertThat(column(fresh, "slots", "name")).containsExactly("ses_b");
                assertThat(column(fresh, "slots", "walStatus")).doesNotContainNull();
            });
            for (String[] standbyNode : List.of(new String[] {"ses", "ses-b"}, new String[] {"ses-dr", "ses-dr"})) {
                Map<String, Object> read = node(standbyNode[0], standbyNode[1]);
                assertThat(read.get("inRecovery")).isEqualTo(true);
                assertThat(read.get("timeline")).isEqualTo(1);
                assertThat(read.get("receiveLsn")).isNotNull();
                assertThat(read.get("replayLsn")).isNotNull();
                assertThat(read.get("walReceiver")).isEqualTo("streaming");
                assertThat((String) read.get("upstream")).isEqualTo("127.0.0.1:" + primary.port());
            }

            MonitorLogin stored = QuarkusTransaction.requiringNew().call(() -> MonitorLogin.findById(
                    cluster.clusterId()));
            assertThat(stored.username).isEqualTo("drsuite_monitor");
            assertThat(stored.sealedPassword).startsWith("v2:");
            String password = sealer.open(stored.sealedPassword, SecretBinding.monitorPassword(cluster.clusterId()));
            try (Connection asRole = standby.connect("postgres", "drsuite_monitor", password)) {
                assertThat(asRole.isValid(2)).as("the role's password reached the standby by replication").isTrue();
            }

            Map<String, Long> before = sessionsOpened(primary, standby, drCopy);
            Instant from = Instant.now();
            Thread.sleep(10_000);
            Map<String, Long> after = sessionsOpened(primary, standby, drCopy);
            double minutes = Duration.between(from, Instant.now()).toMillis() / 60_000.0;
            for (String name : before.keySet()) {
                long opened = after.get(name) - before.get(name);
                System.out.printf("sessions opened on %s in %.2f min of 1 s polls: %d (%.2f per minute)%n", name,
                        minutes, opened, opened / minutes);
                assertThat(opened).as("sessions opened on " + name + " over 10 polls").isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aStoppedNodeCostsOneConnectAttemptPerPollAtMostAndBacksOffUntilItIsBack() throws Exception {
        try (PostgresInstance node = PostgresInstance.primary("bo-a")) {
            ClusterRegistered registered = ClusterEventFixtures.registered("bo", sealer, node);
            register(registered);
            await().atMost(WITHIN).until(() -> polledAsMonitor("bo", "bo-a"));

            node.stop();
            List<Instant> attempts = new ArrayList<>();
            double seen = connects("bo");
            Instant stopped = Instant.now();
            while (Duration.between(stopped, Instant.now()).toSeconds() < 15) {
                double now = connects("bo");
                for (int i = 0; i < (int) (now - seen); i++) {
                    attempts.add(Instant.now());
                }
                seen = now;
                Thread.sleep(100);
            }
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < attempts.size(); i++) {
                gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)).toMillis());
            }
            System.out.printf("connect attempts to the stopped node in 15 polls: %d, gaps %s ms%n", attempts.size(),
                    gaps);
            assertThat(attempts).as("1 s polls, backing off 1, 2, 4, 8 polls").hasSizeBetween(3, 6);
            assertThat(gaps).as("never two attempts in one poll").allMatch(gap -> gap >= 700);
            assertThat(gaps.getLast()).as("the gap grew to several polls").isGreaterThanOrEqualTo(3_500);
            assertThat(node("bo", "bo-a").get("reachable")).isEqualTo(false);

            node.start();
            Instant started = Instant.now();
            await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(node("bo", "bo-a")
                    .get("reachable")));
            System.out.printf("read again %d ms after the node started%n",
                    Duration.between(started, Instant.now()).toMillis());
            assertThat(monitorSessions(node)).containsExactly("drsuite_monitor");

            ClusterEventFixtures.publish(ClusterEvents.REMOVED, registered.clusterId(), new ClusterRemoved(
                    registered.clusterId(), "bo", Instant.now()), json);
            await().atMost(WITHIN).untilAsserted(() -> assertThat(monitorSessions(node))
                    .as("the session of a node no longer watched is closed").isEmpty());
        }
    }

    @Test
    void aHungSessionIsSkippedAndCountedWhileOtherNodesAreReadEveryPoll() throws Exception {
        try (PostgresInstance hung = PostgresInstance.primary("hang-a");
                PostgresInstance other = PostgresInstance.primary("hang-b")) {
            register(ClusterEventFixtures.registered("hang", sealer, hung));
            register(ClusterEventFixtures.registered("hang-other", sealer, other));
            await().atMost(WITHIN).until(() -> polledAsMonitor("hang", "hang-a")
                    && polledAsMonitor("hang-other", "hang-b"));
            double skippedBefore = metric("drsuite_monitor_polls_skipped_total", "cluster=\"hang\"");

            String backend = monitorBackendPid(hung);
            signal("-STOP", backend);
            try {
                Instant from = Instant.now();
                List<Instant> otherSamples = new ArrayList<>();
                while (Duration.between(from, Instant.now()).toSeconds() < 5) {
                    Instant sampled = Instant.parse((String) node("hang-other", "hang-b").get("sampledAt"));
                    if (otherSamples.isEmpty() || !otherSamples.getLast().equals(sampled)) {
                        otherSamples.add(sampled);
                    }
                    Thread.sleep(200);
                }
                assertThat(otherSamples).as("the other node is read every poll while one hangs")
                        .hasSizeGreaterThanOrEqualTo(4);
                assertThat(Double.isNaN(skippedBefore) ? 0 : skippedBefore)
                        .isLessThan(metric("drsuite_monitor_polls_skipped_total", "cluster=\"hang\""));
            } finally {
                signal("-CONT", backend);
            }
            await().atMost(WITHIN).until(() -> Boolean.TRUE.equals(node("hang", "hang-a").get("reachable"))
                    && Instant.parse((String) node("hang", "hang-a").get("sampledAt"))
                            .isAfter(Instant.now().minusSeconds(3)));
            assertThat(metric("drsuite_monitor_node_read_seconds", "quantile=\"0.99\"")).isPositive();
            assertThat(metric("drsuite_monitor_node_read_seconds", "quantile=\"0.5\"")).isNotNaN();
        }
    }

    @Test
    void aNodeThatNeverAnswersGetsNoPileUpOfConnects() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpen = new AtomicInteger();
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        Socket socket = silent.accept();
                        accepted.incrementAndGet();
                        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                        held.add(socket);
                        Thread.ofVirtual().start(() -> {
                            try {
                                while (socket.getInputStream().read() >= 0) {
                                    // read what the client sends and never answer
                                }
                            } catch (IOException ended) {
                                // the client gave up
                            } finally {
                                open.decrementAndGet();
                            }
                        });
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            ClusterRegistered registered = ClusterEventFixtures.registered("silent");
            register(new ClusterRegistered(registered.clusterId(), "silent", "15", 15,
                    List.of(new io.drsuite.events.cluster.ClusterNode("silent-a", "127.0.0.1", silent.getLocalPort(),
                            "/nowhere", io.drsuite.events.cluster.NodeRole.PRIMARY,
                            registered.nodes().getFirst().access())),
                    new SealedLogin("postgres", sealer.seal("x", SecretBinding.adminPassword(
                            registered.clusterId()))), registered.replicationLogin(), Instant.now()));
            await().atMost(WITHIN).until(() -> accepted.get() > 0);
            Thread.sleep(20_000);
            System.out.printf("a silent node: %d connects in 20 s of 1 s polls, at most %d open at once%n",
                    accepted.get(), mostOpen.get());
            assertThat(mostOpen.get()).as("never a pile-up of pending connects").isEqualTo(1);
            assertThat(accepted.get()).as("one per poll at most, backing off").isBetween(2, 10);
            assertThat(metric("drsuite_monitor_polls_skipped_total", "cluster=\"silent\""))
                    .as("polls that came while a connect still waited were skipped and counted").isPositive();
            assertThat(node("silent", "silent-a").get("reachable")).isEqualTo(false);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /**
     * Two clusters the suite does not make the role on, each said once: one whose admin login may not make roles,
     * one where a role of the name already exists with more rights than pg_monitor (left alone, its rights and
     * password as they were).
     */
    @Test
    void aClusterWhereTheRoleCannotOrMayNotBeMadeIsPolledWithItsAdminLoginSaidOnce() throws Exception {
        try (PostgresInstance node = PostgresInstance.primary("fb-a");
                PostgresInstance owned = PostgresInstance.primary("own-a")) {
            node.execute("create role fb_admin login password 'fb-admin-pw'", "grant pg_monitor to fb_admin");
            owned.execute("create role drsuite_monitor login createdb password 'dba-chosen-pw'");
            ClusterRegistered registered = ClusterEventFixtures.registered("fb", sealer, node);
            register(new ClusterRegistered(registered.clusterId(), "fb", "15", 15, registered.nodes(),
                    new SealedLogin("fb_admin", sealer.seal("fb-admin-pw",
                            SecretBinding.adminPassword(registered.clusterId()))),
                    registered.replicationLogin(), Instant.now()));
            ClusterRegistered ownedCluster = ClusterEventFixtures.registered("own", sealer, owned);
            register(ownedCluster);
            String ownedAdmin = ownedCluster.adminLogin().username();

            await().atMost(WITHIN).until(() -> node("fb", "fb-a") != null
                    && "fb_admin".equals(node("fb", "fb-a").get("sessionLogin"))
                    && metric("drsuite_monitor_admin_sessions", "cluster=\"fb\"") == 1.0
                    && node("own", "own-a") != null && ownedAdmin.equals(node("own", "own-a").get("sessionLogin")));
            Map<String, Object> read = node("fb", "fb-a");
            assertThat(read.get("reachable")).isEqualTo(true);
            assertThat(read.get("currentLsn")).isNotNull();
            Thread.sleep(6_000); // one more look at the role (every 5 s in the tests): nothing new to say
            assertThat(monitorSessions(node)).containsExactly("fb_admin");
            assertThat(node.count("pg_roles where rolname = 'drsuite_monitor'")).isZero();
            assertThat(monitorSessions(owned)).containsExactly(ownedAdmin);
            assertThat(owned.count("pg_roles where rolname = 'drsuite_monitor' and rolcreatedb")).as("left alone")
                    .isEqualTo(1);
            assertThat(owned.count("pg_auth_members m join pg_roles r on r.oid = m.member "
                    + "where r.rolname = 'drsuite_monitor'")).as("not made a member of pg_monitor").isZero();
            try (Connection asRole = owned.connect("postgres", "drsuite_monitor", "dba-chosen-pw")) {
                assertThat(asRole.isValid(2)).as("its password unchanged").isTrue();
            }
            MonitorLogin storedForOwned = QuarkusTransaction.requiringNew().call(() -> MonitorLogin.findById(
                    ownedCluster.clusterId()));
            assertThat(storedForOwned).as("no login stored for it").isNull();
            String log = Files.readString(Path.of("target/test-service.log"));
            assertThat(Pattern.compile("Cluster fb is polled with its admin login fb_admin, not the monitoring role "
                    + "drsuite_monitor: the admin login fb_admin is neither a superuser nor may it create roles")
                    .matcher(log).results().count()).as("said once").isEqualTo(1);
            assertThat(Pattern.compile("Cluster own is polled with its admin login " + ownedAdmin + ", not the "
                    + "monitoring role drsuite_monitor: a role drsuite_monitor exists with more rights than "
                    + "pg_monitor; the suite leaves it alone").matcher(log).results().count())
                    .as("said once").isEqualTo(1);
        }
    }

    private void register(ClusterRegistered registered) {
        ClusterEventFixtures.publish(ClusterEvents.REGISTERED, registered.clusterId(), registered, json);
    }

    private static boolean polledAsMonitor(String cluster, String node) {
        Map<String, Object> read = node(cluster, node);
        return read != null && Boolean.TRUE.equals(read.get("reachable"))
                && "drsuite_monitor".equals(read.get("sessionLogin"));
    }

    /** The node's latest health from the API; null while the cluster or the node is not known yet. */
    private static Map<String, Object> node(String cluster, String node) {
        var response = given().get("/api/v1/health/clusters/{name}", cluster);
        if (response.statusCode() != 200) {
            return null;
        }
        List<Map<String, Object>> nodes = response.jsonPath().getList("nodes");
        return nodes.stream().filter(read -> node.equals(read.get("node"))).findFirst().orElse(null);
    }

    /** One field of each row of a list in a node's health, e.g. the state of each standby. */
    @SuppressWarnings("unchecked")
    private static List<Object> column(Map<String, Object> node, String list, String field) {
        return ((List<Map<String, Object>>) node.get(list)).stream().map(row -> row.get(field)).toList();
    }

    /** The logins of the monitoring sessions connected to the node. */
    private static List<String> monitorSessions(PostgresInstance node) throws SQLException {
        List<String> logins = new ArrayList<>();
        try (Connection connection = node.connect("template1"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select usename from pg_stat_activity "
                        + "where application_name like 'drsuite-monitor/%'")) {
            while (row.next()) {
                logins.add(row.getString(1));
            }
        }
        return logins;
    }

    private static String monitorBackendPid(PostgresInstance node) throws SQLException {
        try (Connection connection = node.connect("template1"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pid from pg_stat_activity "
                        + "where application_name like 'drsuite-monitor/%'")) {
            assertThat(row.next()).isTrue();
            return Long.toString(row.getLong(1));
        }
    }

    /** Sessions ever opened in database postgres (pg_stat_database.sessions), read from another database. */
    private static Map<String, Long> sessionsOpened(PostgresInstance... nodes) throws SQLException {
        Map<String, Long> opened = new java.util.LinkedHashMap<>();
        for (PostgresInstance node : nodes) {
            try (Connection connection = node.connect("template1"); Statement statement =
                    connection.createStatement(); ResultSet row = statement.executeQuery(
                            "select sessions from pg_stat_database where datname = 'postgres'")) {
                row.next();
                opened.put(node.name(), row.getLong(1));
            }
        }
        return opened;
    }

    private static void signal(String signal, String pid) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", signal, pid).inheritIO().start().waitFor()).isZero();
    }

    private static double connects(String cluster) {
        double value = metric("drsuite_monitor_node_connects_total", "cluster=\"" + cluster + "\"");
        return Double.isNaN(value) ? 0 : value;
    }

    private static double metric(String name, String label) {
        String text = given().get("/q/metrics").asString();
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} (\\S+)$")
                .matcher(text);
        return line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
    }
}
