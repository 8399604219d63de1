package io.drsuite.task.drill;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.Waits;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The drill's data point: the WAL position where the copy's contents are compared with the DR main standby's. Its
 * replay (never its receiving: it keeps streaming, and what it has received is what a failover would keep) is
 * paused while its checksums are read, then resumed. A named restore point on production then gives the copy a
 * record past the data point to stop at, even when production is idle.
 */
@ApplicationScoped
public class DataPoint {

    /** Artifact: set before the drill pauses the DR main standby's replay; whoever ends the task resumes it. */
    static final String SOURCE_PAUSED = "sourceReplayPaused";
    /** Artifact: set once the drill resumed it. */
    static final String SOURCE_RESUMED = "sourceReplayResumed";
    private static final Duration PAUSE_WAIT = Duration.ofSeconds(30);

    private final ManagedClusters clusters;

    DataPoint(ManagedClusters clusters) {
        this.clusters = clusters;
    }

    /** Pauses the DR main standby's replay, reads its checksums at the data point, resumes it. */
    List<TableChecksum> mark(StepContext context, ManagedCluster dr, TableChecksums checksums) throws Exception {
        try (NodeSession source = clusters.connector().open(dr.main().endpoint(), dr.admin())) {
            if (!source.inRecovery()) {
                throw new IllegalStateException(dr.main() + ", the DR main standby, is not in recovery; a drill "
                        + "copies a standby");
            }
            if (context.artifact(SOURCE_PAUSED).isEmpty() && isPaused(source)) {
                throw new IllegalStateException("replay on " + dr.main() + " is paused by someone else; the drill "
                        + "leaves it alone (resume it with pg_wal_replay_resume() and run the drill again)");
            }
            context.recordNow(SOURCE_PAUSED, "true");
            Instant paused = Instant.now();
            execute(source, "select pg_wal_replay_pause()");
            try {
                Waits.until(context, "replay on " + dr.main() + " is paused", PAUSE_WAIT, () -> isPaused(source)
                        && "paused".equals(pauseState(source)));
                Lsn point = source.replayLsn().orElseThrow(() -> new IllegalStateException(dr.main()
                        + " reports no replay position"));
                List<TableChecksum> tables = checksums.read(dr.main().endpoint(), dr.admin());
                context.record(DrillTasks.DATA_POINT_LSN, point.toString());
                context.log("data point " + point + " on " + dr.main() + ": " + tables.size() + " tables read");
                return tables;
            } finally {
                execute(source, "select pg_wal_replay_resume()");
                context.recordNow(SOURCE_RESUMED, "true");
                double seconds = Duration.between(paused, Instant.now()).toMillis() / 1000.0;
                context.record(DrillTasks.SOURCE_PAUSE_SECONDS, String.format(Locale.ROOT, "%.3f", seconds));
                context.log("replay on " + dr.main() + " resumed after " + String.format(Locale.ROOT, "%.3f", seconds)
                        + " s (it kept receiving WAL throughout)");
            }
        }
    }

    /** A named restore point on production: a WAL record past the data point, and a mark an auditor can find. */
    void markProduction(StepContext context, ManagedCluster production) throws SQLException {
        String name = "drsuite-drill-" + context.parameter(DrillTasks.DRILL_ID);
        try (NodeSession primary = clusters.connector().open(production.main().endpoint(), production.admin())) {
            if (primary.inRecovery()) {
                throw new IllegalStateException(production.main() + " is in recovery; the drill expected "
                        + "production's primary");
            }
            try (PreparedStatement statement = primary.connection()
                    .prepareStatement("select pg_create_restore_point(?)")) {
                statement.setString(1, name);
                statement.execute();
            }
        }
        context.log("restore point " + name + " created on " + production.main());
    }

    /** Resumes the DR main standby's replay if the drill paused it and did not resume it (a crash in between). */
    void resumeIfLeftPaused(StepContext context, ManagedCluster dr) throws SQLException {
        if (context.artifact(SOURCE_PAUSED).isEmpty() || context.artifact(SOURCE_RESUMED).isPresent()) {
            return;
        }
        try (NodeSession source = clusters.connector().open(dr.main().endpoint(), dr.admin())) {
            if (source.inRecovery() && isPaused(source)) {
                execute(source, "select pg_wal_replay_resume()");
                context.log("resumed replay on " + dr.main() + ", which the interrupted drill had paused");
            }
        }
    }

    private static boolean isPaused(NodeSession session) throws SQLException {
        try (Statement statement = session.connection().createStatement();
                ResultSet row = statement.executeQuery("select pg_is_wal_replay_paused()")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static String pauseState(NodeSession session) throws SQLException {
        try (Statement statement = session.connection().createStatement();
                ResultSet row = statement.executeQuery("select pg_get_wal_replay_pause_state()")) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(NodeSession session, String sql) throws SQLException {
        try (Statement statement = session.connection().createStatement()) {
            statement.execute(sql);
        }
    }
}
