package io.drsuite.task.drill;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.dr.Waits;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The steps of a failover rehearsal ({@link FailoverRehearsalTask}). Production and the DR replication go on
 * throughout: the drill reads production, pauses the DR main standby's replay only while its checksums are read,
 * and works on its own copy.
 */
@ApplicationScoped
public class FailoverRehearsalSteps {

    /** Artifact: the DR main standby's checksums at the data point, for the checks on the copy. */
    private static final String SOURCE_CHECKSUMS = "sourceChecksums";
    private static final int PROMOTE_WAIT_SECONDS = 60;
    private static final Duration WRITABLE_WAIT = Duration.ofSeconds(60);

    private final ManagedClusters clusters;
    private final SandboxCopy copy;
    private final DataPoint dataPoint;
    private final ObjectMapper json;

    FailoverRehearsalSteps(ManagedClusters clusters, SandboxCopy copy, DataPoint dataPoint, ObjectMapper json) {
        this.clusters = clusters;
        this.copy = copy;
        this.dataPoint = dataPoint;
        this.json = json;
    }

    /** The sandbox place is free, the DR main standby is a standby and production's main node a primary. */
    public void checkSandbox(StepContext context) throws SQLException {
        ManagedCluster dr = dr(context);
        ManagedCluster production = production(context);
        try (NodeSession source = clusters.connector().open(dr.main().endpoint(), dr.admin());
                NodeSession primary = clusters.connector().open(production.main().endpoint(), production.admin())) {
            if (!source.inRecovery()) {
                throw new IllegalStateException(dr.main() + " is not in recovery: the DR cluster's main node is no "
                        + "standby, so there is nothing to rehearse a failover to");
            }
            if (primary.inRecovery()) {
                throw new IllegalStateException(production.main() + " is in recovery: production's main node is no "
                        + "primary");
            }
            if (!source.systemIdentifier().equals(primary.systemIdentifier())) {
                throw new IllegalStateException(dr.main() + " and " + production.main() + " have different system "
                        + "identifiers: the DR cluster is no copy of production");
            }
        }
        copy.requireFreePlace(context, dr);
    }

    public void copyStandby(StepContext context) throws SQLException {
        copy.make(context, dr(context));
    }

    public void markDataPoint(StepContext context) throws Exception {
        ManagedCluster dr = dr(context);
        List<TableChecksum> tables = dataPoint.mark(context, dr, checksums(context));
        context.record(SOURCE_CHECKSUMS, json.writeValueAsString(tables));
        dataPoint.markProduction(context, production(context));
    }

    public void startCopy(StepContext context) throws Exception {
        copy.startAt(context, dr(context), context.artifact(DrillTasks.DATA_POINT_LSN).orElseThrow());
    }

    /**
     * Measures what production had written and the DR main standby had not received, declares the disaster at that
     * instant, promotes the copy and measures until it accepts a write. A rerun after a crash cannot measure again
     * (the copy may be promoted already): the drill fails instead.
     */
    public void declareDisaster(StepContext context) throws Exception {
        if (context.artifact(DrillTasks.DECLARED_AT).isPresent()) {
            throw new IllegalStateException("the drill was interrupted after the disaster was declared; its RTO "
                    + "cannot be measured, run the drill again");
        }
        ManagedCluster dr = dr(context);
        ManagedCluster production = production(context);
        long unreceived;
        double rpoSeconds;
        try (NodeSession primary = clusters.connector().open(production.main().endpoint(), production.admin());
                NodeSession source = clusters.connector().open(dr.main().endpoint(), dr.admin())) {
            Lsn written = primary.currentLsn();
            Lsn received = source.receiveLsn().orElse(source.replayLsn().orElseThrow());
            Instant lastReplayed = source.lastReplayTimestamp().orElse(null);
            unreceived = Math.max(0, written.bytesAfter(received));
            rpoSeconds = unreceived == 0 || lastReplayed == null ? 0.0
                    : Math.max(0, Duration.between(lastReplayed, Instant.now()).toMillis() / 1000.0);
        }
        Instant declared = Instant.now();
        context.recordNow(DrillTasks.DECLARED_AT, declared.toString());
        context.log("disaster declared at " + declared + ": the DR side had not received " + unreceived
                + " bytes of production's WAL (" + seconds(rpoSeconds) + " s)");
        NodeControl node = copy.node(context, dr);
        try (NodeSession session = node.session(dr.admin())) {
            if (!session.promote(PROMOTE_WAIT_SECONDS)) {
                throw new IllegalStateException(node.node() + " did not promote within " + PROMOTE_WAIT_SECONDS
                        + " s");
            }
        }
        Waits.until(context, node.node() + " accepts a write", WRITABLE_WAIT, () -> acceptsWrite(node, dr));
        double rto = Duration.between(declared, Instant.now()).toMillis() / 1000.0;
        context.record(DrillTasks.RPO_BYTES, String.valueOf(unreceived));
        context.record(DrillTasks.RPO_SECONDS, seconds(rpoSeconds));
        context.record(DrillTasks.RTO_SECONDS, seconds(rto));
        context.log(node.node() + " accepted a write " + seconds(rto) + " s after the disaster was declared");
    }

    public void runChecks(StepContext context) throws Exception {
        ManagedCluster dr = dr(context);
        List<TableChecksum> source = json.readValue(context.artifact(SOURCE_CHECKSUMS).orElseThrow(),
                new TypeReference<List<TableChecksum>>() { });
        NodeControl node = copy.node(context, dr);
        List<CheckOutcome> outcomes = new ArrayList<>(new DrillChecks(clusters.connector()).run(node.node()
                .endpoint(), dr.admin(), checksums(context), source, UserCheck.listOf(context.parameters(), json)));
        outcomes.add(CorruptionCheck.run(node, dr.admin(), context.remaining()));
        long failed = outcomes.stream().filter(outcome -> !outcome.passed()).count();
        context.record(DrillTasks.CHECKS, json.writeValueAsString(outcomes));
        context.log(outcomes.size() + " checks run on the copy, " + failed + " failed");
    }

    /** Nothing to do (and no cluster to load) when the drill ended before it paused or copied anything. */
    public void destroyCopy(StepContext context) throws Exception {
        if (context.artifact(SandboxCopy.CREATED).isEmpty() && context.artifact(DataPoint.SOURCE_PAUSED).isEmpty()) {
            return;
        }
        ManagedCluster dr = dr(context);
        dataPoint.resumeIfLeftPaused(context, dr);
        copy.destroy(context, dr);
    }

    private static boolean acceptsWrite(NodeControl node, ManagedCluster dr) throws SQLException {
        try (NodeSession session = node.session(dr.admin()); Statement statement = session.connection()
                .createStatement(); ResultSet row = statement.executeQuery("select txid_current()")) {
            return row.next();
        }
    }

    private TableChecksums checksums(StepContext context) {
        return new TableChecksums(clusters.connector(), new TableChecksums.Sampling(
                Long.parseLong(context.parameters().getOrDefault(DrillTasks.SAMPLE_ABOVE_PAGES, "12800")),
                Double.parseDouble(context.parameters().getOrDefault(DrillTasks.SAMPLE_PERCENT, "10"))));
    }

    private ManagedCluster dr(StepContext context) {
        return clusters.load(context.parameter(DrillTasks.DR_CLUSTER));
    }

    private ManagedCluster production(StepContext context) {
        return clusters.load(context.parameter(DrillTasks.PRIMARY_CLUSTER));
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
