package io.drsuite.system;

import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.SshServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The five services as processes, started once for all system tests, on empty schemas, with an SSH server whose key
 * they know (for clusters registered with SSH access) and the tests' storage locations (a folder and a bucket on
 * S3Proxy).
 */
final class Suite {

    private static Suite running;

    final SshServer ssh;
    final ServiceProcess relationships;
    final ServiceProcess tasks;
    final ServiceProcess monitor;
    final ServiceProcess snapshots;
    final ServiceProcess recyclebin;

    private Suite() {
        new LocalInfrastructure().start();
        dropSchemas("relationship", "task", "monitor", "snapshot", "recyclebin");
        ssh = SshServer.start();
        Map<String, String> sshAccess = Map.of(
                "DRSUITE_SSH_KEY_DIRECTORY", ssh.keyDirectory().toString(),
                "DRSUITE_SSH_KNOWN_HOSTS", ssh.knownHosts().toString());
        relationships = ServiceProcess.start("relationship-service", sshAccess);
        tasks = ServiceProcess.start("task-service", sshAccess, LocalInfrastructure.storageConfig());
        monitor = ServiceProcess.start("monitor-service", Map.of());
        snapshots = ServiceProcess.start("snapshot-service", Map.of(), LocalInfrastructure.storageConfig());
        recyclebin = ServiceProcess.start("recyclebin-service", Map.of("DRSUITE_RECYCLEBIN_SYNC_INTERVAL", "2s"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-system-under-test"));
    }

    static synchronized Suite get() {
        if (running == null) {
            running = new Suite();
        }
        return running;
    }

    private void stop() {
        recyclebin.close();
        snapshots.close();
        monitor.close();
        tasks.close();
        relationships.close();
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
