package io.drsuite.task.pitr;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.dr.Waits;
import io.drsuite.task.engine.StepContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts the restored node and waits until it has recovered to its target: promoted, or paused there when asked.
 * Progress is the share of the WAL between the backup's start and the end of the staged WAL replayed so far.
 * <p>
 * When the server stops instead, what it wrote to its log since the start says why. PostgreSQL 15 stops with
 * {@link #TARGET_NOT_REACHED} when a time or restore point target lies past the end of the archived WAL (no commit
 * after it, or no such restore point in it); {@link PointInTimeRestoreSteps} decides what follows.
 */
final class RecoveryRun {

    /** PostgreSQL's FATAL when the WAL ends before the configured target. */
    static final String TARGET_NOT_REACHED = "recovery ended before configured recovery target was reached";

    private final StepContext context;
    private final NodeControl node;
    private final Login admin;
    private final boolean untilPaused;
    private final Lsn from;
    private final Lsn to;

    RecoveryRun(StepContext context, NodeControl node, Login admin, boolean untilPaused, Lsn from, Lsn to) {
        this.context = context;
        this.node = node;
        this.admin = admin;
        this.untilPaused = untilPaused;
        this.from = from;
        this.to = to;
    }

    /** Empty once the node is where it should be; else the server's last words (its FATAL lines) as it stopped. */
    Optional<String> startAndAwait() throws Exception {
        long logOffset = logSize();
        try {
            node.start();
        } catch (RuntimeException startFailed) {
            if (!node.awaitPostmasterExit(Duration.ofSeconds(10)).stopped()) {
                throw startFailed;
            }
            return Optional.of(lastWords(logOffset, startFailed.getMessage()));
        }
        String[] stopped = new String[1];
        Waits.until(context, node.node() + (untilPaused ? " pauses at its recovery target" : " promotes"),
                context.remaining(), () -> {
                    try (NodeSession session = node.session(admin)) {
                        return reached(session);
                    } catch (SQLException notAnswering) {
                        if (node.isRunning()) {
                            throw notAnswering;
                        }
                        stopped[0] = lastWords(logOffset, notAnswering.getMessage());
                        return true;
                    }
                });
        return Optional.ofNullable(stopped[0]);
    }

    private boolean reached(NodeSession session) throws SQLException {
        if (!session.inRecovery()) {
            if (untilPaused) {
                throw new IllegalStateException(node.node() + " promoted although it was to pause at its target");
            }
            return true;
        }
        session.replayLsn().ifPresent(replayed -> context.progress(
                (int) Math.min(99, replayed.bytesAfter(from) * 100 / Math.max(1, to.bytesAfter(from)))));
        return untilPaused && "paused".equals(pauseState(session));
    }

    private static String pauseState(NodeSession session) throws SQLException {
        try (PreparedStatement statement = session.connection()
                .prepareStatement("select pg_get_wal_replay_pause_state()");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private long logSize() {
        var size = node.node().executor().run(List.of("stat", "-c", "%s", "--", node.node().logFile()),
                Duration.ofSeconds(30));
        return size.succeeded() ? Long.parseLong(size.stdout().strip()) : 0;
    }

    /**
     * What the server logged since {@code offset} up to its first FATAL or PANIC, with the lines just before it
     * (a configuration error names the setting there); its last lines when there is none.
     */
    private String lastWords(long offset, String fallback) {
        var tail = node.node().executor().run(List.of("tail", "-c", "+" + (offset + 1), "--", node.node().logFile()),
                Duration.ofSeconds(30));
        if (!tail.succeeded()) {
            return fallback;
        }
        List<String> lines = tail.stdout().lines().toList();
        int fatal = 0;
        while (fatal < lines.size() && !lines.get(fatal).contains("FATAL:") && !lines.get(fatal).contains("PANIC:")) {
            fatal++;
        }
        int end = Math.min(lines.size(), fatal + 1);
        List<String> words = lines.subList(Math.max(0, end - 4), end);
        return words.isEmpty() ? fallback : String.join("\n", words);
    }
}
