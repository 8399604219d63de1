package io.drsuite.system;

import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.RepositoryRoot;
import io.drsuite.testing.SignedIn;
import io.drsuite.testing.SshServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The five services and the console as processes, started once for all system tests, on empty schemas, with an SSH server whose key
 * they know (for clusters registered with SSH access) and the tests' storage locations (a folder and a bucket on
 * S3Proxy).
 */
final class Suite {

    /** The instance id of the suite's monitor-service ({@code drsuite.monitor.instance-id}). */
    static final String MONITOR_INSTANCE_ID = "suite-monitor";

    private static Suite running;
    private static RuntimeException failedToStart;

    final SshServer ssh;
    final ServiceProcess relationships;
    final ServiceProcess tasks;
    final ServiceProcess monitor;
    final ServiceProcess snapshots;
    final ServiceProcess recyclebin;
    final ServiceProcess console;

    private Suite() {
        new LocalInfrastructure().start();
        dropSchemas("relationship", "task", "monitor", "snapshot", "recyclebin");
        ssh = SshServer.start();
        Map<String, String> sshAccess = Map.of(
                "DRSUITE_SSH_KEY_DIRECTORY", ssh.keyDirectory().toString(),
                "DRSUITE_SSH_KNOWN_HOSTS", ssh.knownHosts().toString());
        relationships = launch("relationship-service", sshAccess, Map.of());
        Map<String, String> taskAccess = new java.util.HashMap<>(sshAccess);
        // The WAL archives' staging folder, kept across a restart of task-service (a killed stream resumes from it).
        taskAccess.put("DRSUITE_WAL_STAGING_DIR", RepositoryRoot.testRunDir().resolve("wal-staging").toString());
        tasks = launch("task-service", taskAccess, LocalInfrastructure.storageConfig());
        // Polls every second, so load balancers checking its routing answers follow a switchover quickly. Its
        // monitoring sessions carry its instance id, so tests can tell it from another replica on a node.
        monitor = launch("monitor-service", Map.of("DRSUITE_MONITOR_POLL_INTERVAL", "1s",
                "DRSUITE_MONITOR_INSTANCE_ID", MONITOR_INSTANCE_ID), Map.of());
        // Policies' retention and schedule changes are looked at every 2 s rather than every minute.
        snapshots = launch("snapshot-service", Map.of("DRSUITE_SNAPSHOTS_RETENTION_INTERVAL", "2s",
                "DRSUITE_SNAPSHOTS_SCHEDULE_SYNC_INTERVAL", "2s"), LocalInfrastructure.storageConfig());
        recyclebin = launch("recyclebin-service", Map.of("DRSUITE_RECYCLEBIN_SYNC_INTERVAL", "2s"), Map.of());
        console = ServiceProcess.launch("console", "console", this::consoleSettings, Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-system-under-test"));
        processes().forEach(ServiceProcess::awaitReady);
    }

    private static ServiceProcess launch(String module, Map<String, String> environment,
            Map<String, String> systemProperties) {
        return ServiceProcess.launch(module, module, environment, systemProperties);
    }

    /** The five services, each once. */
    List<ServiceProcess> services() {
        return List.of(relationships, tasks, monitor, snapshots, recyclebin);
    }

    /** The services and the console. */
    private List<ServiceProcess> processes() {
        return List.of(relationships, tasks, monitor, snapshots, recyclebin, console);
    }

    /** The console calls the five services of the run, and signs in as a realm client for its own port. */
    private Map<String, String> consoleSettings(String consoleUrl) {
        return Map.of(
                "DRSUITE_RELATIONSHIP_URL", relationships.baseUrl(),
                "DRSUITE_TASK_URL", tasks.baseUrl(),
                "DRSUITE_MONITOR_URL", monitor.baseUrl(),
                "DRSUITE_SNAPSHOT_URL", snapshots.baseUrl(),
                "DRSUITE_RECYCLEBIN_URL", recyclebin.baseUrl(),
                "DRSUITE_CONSOLE_SESSION_SECRET", "system-tests-console-session-secret-0123456789",
                "DRSUITE_CONSOLE_CLIENT_ID", SignedIn.consoleClient(consoleUrl));
    }

    /** The one suite of the run; if it could not start, every test class fails with that same cause. */
    static synchronized Suite get() {
        if (failedToStart != null) {
            throw new IllegalStateException("the suite did not start", failedToStart);
        }
        if (running == null) {
            try {
                running = new Suite();
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
        }
        return running;
    }

    /** All at once: each may take seconds to drain its work, and the test JVM must exit within surefire's limit. */
    private void stop() {
        List<Thread> stopping = processes().stream().map(service -> Thread.ofVirtual().start(service::close))
                .toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ssh.close();
    }

    /** Services migrate their schema at start; dropping it gives this run a clean slate. */
    private static void dropSchemas(String... schemas) {
        try (Connection connection = DriverManager.getConnection(LocalInfrastructure.jdbcUrl(),
                LocalInfrastructure.DB_USER, LocalInfrastructure.DB_PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the control-plane schemas", e);
        }
    }
}
