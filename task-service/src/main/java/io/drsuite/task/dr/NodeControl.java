package io.drsuite.task.dr;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.files.AutoConf;
import io.drsuite.clusterclient.files.HbaBlock;
import io.drsuite.clusterclient.host.CommandResult;
import io.drsuite.clusterclient.host.NodeFiles;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.task.engine.TaskLease;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * File-level control of one node through its host executor: start, stop, status, control data, and the
 * configuration files the suite edits while the server is down.
 */
public final class NodeControl {

    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final int START_WAIT_SECONDS = 120;
    private static final int STOP_WAIT_SECONDS = 120;

    private final ManagedNode node;
    private final NodeConnector connector;

    public NodeControl(ManagedNode node, NodeConnector connector) {
        this.node = node;
        this.connector = connector;
    }

    public ManagedNode node() {
        return node;
    }

    public NodeSession session(Login login) throws SQLException {
        TaskLease.checkRunning();
        return connector.open(node.endpoint(), login);
    }

    public boolean answers(Login login) {
        TaskLease.checkRunning();
        return connector.answers(node.endpoint(), login);
    }

    /** Whether a postmaster runs on the data directory ({@code pg_ctl status}); an unclear answer counts as no. */
    public boolean isRunning() {
        return postmasterStatus() == PostmasterStatus.RUNNING;
    }

    /** What {@code pg_ctl status} says, keeping "cannot tell" apart from "not running". */
    public PostmasterStatus postmasterStatus() {
        return PostmasterStatus.of(node.executor().run(node.tools().status(node.dataDirectory()), QUICK));
    }

    /**
     * Waits up to {@code within} for {@code pg_ctl status} to say no server runs: a postmaster that was killed or
     * just stopped may linger as a zombie until its parent reaps it, and pg_ctl still sees it running meanwhile.
     */
    public PostmasterStatus awaitPostmasterExit(Duration within) {
        long giveUp = System.nanoTime() + within.toNanos();
        PostmasterStatus status = postmasterStatus();
        while (!status.stopped() && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = postmasterStatus();
        }
        return status;
    }

    public void start() {
        if (!isRunning()) {
            node.executor().run(node.tools().start(node.dataDirectory(), node.logFile(), START_WAIT_SECONDS),
                    Duration.ofSeconds(START_WAIT_SECONDS + 10)).orThrow();
        }
    }

    /**
     * Stops the server; {@code fast} disconnects clients and writes a shutdown checkpoint. A postmaster that died
     * without removing its pid file makes {@code pg_ctl stop} fail although nothing runs: that counts as stopped
     * once {@code pg_ctl status} agrees (a crashed postmaster may linger as a zombie for a moment).
     */
    public void stop(String mode) {
        if (!isRunning()) {
            return;
        }
        CommandResult result = node.executor().run(node.tools().stop(node.dataDirectory(), mode, STOP_WAIT_SECONDS),
                Duration.ofSeconds(STOP_WAIT_SECONDS + 10));
        if (result.succeeded()) {
            return;
        }
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < giveUp) {
            if (!isRunning()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        result.orThrow();
    }

    /**
     * Runs {@code pg_ctl stop} and waits for the server to exit, whatever {@code pg_ctl status} said before; the
     * result is the caller's to judge (a fence confirms it, see {@link ProductionFence}).
     */
    public CommandResult tryStop(String mode) {
        return node.executor().run(node.tools().stop(node.dataDirectory(), mode, STOP_WAIT_SECONDS),
                Duration.ofSeconds(STOP_WAIT_SECONDS + 10));
    }

    /** Sends the stop signal without waiting for the server to exit. */
    public CommandResult requestStop(String mode) {
        return node.executor().run(node.tools().requestStop(node.dataDirectory(), mode), QUICK);
    }

    /** The system identifier in the data directory's control file, which names the cluster the files belong to. */
    public String controlFileSystemIdentifier() {
        String identifier = controlData().get("Database system identifier");
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalStateException("pg_controldata shows no system identifier for " + node.dataDirectory()
                    + " of " + node);
        }
        return identifier;
    }

    /** {@code pg_controldata}, as name → value. */
    public Map<String, String> controlData() {
        String output = node.executor().run(node.tools().controlData(node.dataDirectory()), QUICK).orThrow().stdout();
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return values;
    }

    /** The last checkpoint's position, which after a clean stop is the shutdown checkpoint. */
    public Lsn latestCheckpoint() {
        return Lsn.parse(controlData().get("Latest checkpoint location"));
    }

    public boolean shutDownCleanly() {
        return "shut down".equals(controlData().get("Database cluster state"));
    }

    public NodeFiles files() {
        return node.files();
    }

    public String path(String fileInDataDirectory) {
        return node.dataDirectory() + "/" + fileInDataDirectory;
    }

    public AutoConf autoConf() {
        String path = path("postgresql.auto.conf");
        return AutoConf.parse(files().exists(path) ? files().read(path) : "");
    }

    public void writeAutoConf(AutoConf conf) {
        files().write(path("postgresql.auto.conf"), conf.render());
    }

    /**
     * A copy of another server's data directory brings its {@code postgresql.conf}, which names that server's port:
     * the node's registered port goes last in it (later lines win, included files too), so it stays the node's own
     * through later rebuilds.
     */
    public void keepOwnPort() {
        String path = path("postgresql.conf");
        String current = files().exists(path) ? files().read(path) : "";
        files().write(path, current + (current.isEmpty() || current.endsWith("\n") ? "" : "\n")
                + "# this node's own port, set when DR Suite built it as a new node\nport = " + node.endpoint().port()
                + "\n");
    }

    /** Marks the data directory as a standby's: the server starts in recovery and streams from its upstream. */
    public void markAsStandby() {
        files().write(path("standby.signal"), "");
    }

    public void unmarkAsStandby() {
        files().remove(path("standby.signal"));
    }

    /**
     * Puts the suite's block first in the node's {@code pg_hba.conf} (the file {@link #hbaFile} names); a running
     * server must then reload.
     */
    public void applyHba(HbaBlock block, Login admin) {
        String path = hbaFile(admin);
        files().write(path, block.applyTo(files().read(path)));
    }

    public void removeHba(HbaBlock block, Login admin) {
        String path = hbaFile(admin);
        files().write(path, block.removeFrom(files().read(path)));
    }

    /**
     * The client authentication file the server uses, which need not be in the data directory: {@code SHOW hba_file}
     * when the server answers, else what the server would use when started ({@code postgres -C hba_file}).
     */
    public String hbaFile(Login admin) {
        try (NodeSession session = session(admin)) {
            return session.setting("hba_file");
        } catch (SQLException notRunning) {
            return node.executor().run(node.tools().showSetting(node.dataDirectory(), "hba_file"), QUICK).orThrow()
                    .stdout().strip();
        }
    }
}
