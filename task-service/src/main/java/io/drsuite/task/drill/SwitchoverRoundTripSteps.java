package io.drsuite.task.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.task.dr.DrRoles;
import io.drsuite.task.dr.DrSwitchoverSteps;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.dr.Waits;
import io.drsuite.task.engine.StepAction;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.routing.DnsRouting;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps of a switchover round trip ({@link SwitchoverRoundTripTask}): the relationship's own switchover, run
 * outward and back ({@link SwitchoverLeg}), while a canary writer commits through a session that follows the primary.
 * After each leg the new primary is checked and the leg's write outage measured from the canary's acknowledgements;
 * at the end every acknowledged canary commit must be on the final primary.
 */
@ApplicationScoped
public class SwitchoverRoundTripSteps {

    /** Artifact (per leg): when the leg began to stop production, the start of its outage window. */
    private static final String LEG_STARTED_AT = "startedAt";
    /** Artifact (per leg): the leg's check outcomes, JSON. */
    private static final String LEG_CHECKS = "checks";
    private static final int CANARY_COMMITS_TO_START = 10;
    private static final Duration CANARY_WAIT = Duration.ofSeconds(60);
    private static final Duration READY_WAIT = Duration.ofSeconds(60);

    private final ManagedClusters clusters;
    private final DrSwitchoverSteps switchover;
    private final DnsRouting dns;
    private final Canaries canaries;
    private final ObjectMapper json;

    SwitchoverRoundTripSteps(ManagedClusters clusters, DrSwitchoverSteps switchover, DnsRouting dns,
            Canaries canaries, ObjectMapper json) {
        this.clusters = clusters;
        this.switchover = switchover;
        this.dns = dns;
        this.canaries = canaries;
        this.json = json;
    }

    /** The outward switchover may start; production gets the canary table. */
    public void checkReady(StepContext context) throws Exception {
        switchover.checkReady(SwitchoverLeg.there(context));
        DrRoles roles = roles(SwitchoverLeg.there(context));
        try (NodeSession primary = clusters.connector().open(roles.primary().main().endpoint(),
                roles.primary().admin())) {
            Canaries.prepareTable(primary);
        }
    }

    /** The canary commits on production before anything moves. */
    public void startCanary(StepContext context) throws Exception {
        CanaryWriter writer = canary(context);
        Waits.until(context, "the canary commits " + CANARY_COMMITS_TO_START + " times", CANARY_WAIT,
                () -> writer.ledger().acknowledgedCount() >= CANARY_COMMITS_TO_START);
        canaries.recordRanges(context, writer);
    }

    /** A step of one direction of the round trip, with the canary running and its ranges recorded after it. */
    public StepAction leg(String direction, LegAction step) {
        return context -> {
            CanaryWriter writer = canary(context);
            SwitchoverLeg leg = legOf(context, direction);
            if (leg.artifact(LEG_STARTED_AT).isEmpty()) {
                leg.recordNow(LEG_STARTED_AT, Instant.now().toString());
            }
            step.execute(leg);
            canaries.recordRanges(context, writer);
        };
    }

    /** Waits until the standby that is to be promoted back is ready, as a switchover requires. */
    public void checkReadyToReturn(StepContext context) throws Exception {
        SwitchoverLeg back = SwitchoverLeg.back(context);
        Waits.until(context, "the DR side is ready to switch back", READY_WAIT, () -> {
            try {
                switchover.checkReady(back);
                return true;
            } catch (IllegalStateException notYet) {
                back.log(notYet.getMessage());
                return false;
            }
        });
        canaries.recordRanges(context, canary(context));
    }

    public void prepareNewPrimary(StepContext leg) throws Exception {
        switchover.prepareNewPrimary(leg);
    }

    public void stopPrimary(StepContext leg) {
        switchover.stopPrimary(leg);
    }

    public void verifyCaughtUp(StepContext leg) throws Exception {
        switchover.verifyCaughtUp(leg);
    }

    public void promote(StepContext leg) throws Exception {
        switchover.promote(leg);
    }

    public void demoteOldPrimary(StepContext leg) throws Exception {
        switchover.demoteOldPrimary(leg);
    }

    public void moveReplicationSettings(StepContext leg) throws Exception {
        switchover.moveReplicationSettings(leg);
    }

    /** The names the leg carries follow its new primary, as after a switchover. */
    public void pointDns(StepContext leg) throws Exception {
        if (DnsRouting.carriesRoutes(leg)) {
            dns.pointNamesAt(leg, roles(leg).dr().main());
        }
    }

    /**
     * The leg's new primary takes the canary's commits (the leg's outage: the longest time without an acknowledged
     * commit since the leg began), accepts connections as a primary, has the old primary streaming from it, and
     * passes the user checks.
     */
    public void checkNewPrimary(SwitchoverLeg leg) throws Exception {
        DrRoles roles = roles(leg);
        ManagedNode newPrimary = roles.dr().main();
        Optional<Instant> promoted = leg.artifact(DrTasks.PROMOTED_AT).map(Instant::parse);
        CanaryWriter writer = canaries.of(leg).orElseThrow();
        String server = CanaryWriter.server(newPrimary.endpoint());
        Instant since = promoted.orElse(Instant.EPOCH);
        Waits.until(leg, "the canary commits on " + newPrimary, CANARY_WAIT,
                () -> writer.ledger().firstBy(server, since).isPresent());
        Instant started = leg.artifact(LEG_STARTED_AT).map(Instant::parse).orElseThrow();
        Instant back = writer.ledger().firstBy(server, since).orElseThrow().at();
        if (writer.ledger().heardBefore(started)) {
            Duration outage = writer.ledger().longestGap(started, back);
            leg.task().record(outageArtifact(leg), seconds(outage));
            leg.log("the canary could not commit for " + seconds(outage) + " s at most; it commits on "
                    + newPrimary + " since " + back);
        } else {
            leg.log("the outage is not measured: the canary was restarted during the switchover");
        }
        List<CheckOutcome> outcomes = new ArrayList<>(new DrillChecks(clusters.connector()).onPrimary(
                newPrimary.endpoint(), roles.dr().admin(), UserCheck.listOf(leg.parameters(), json)));
        outcomes.add(oldPrimaryStreams(roles, newPrimary));
        List<CheckOutcome> labelled = outcomes.stream().map(outcome -> new CheckOutcome(leg.name() + ": "
                + outcome.name(), outcome.kind(), outcome.passed(), outcome.detail())).toList();
        leg.record(LEG_CHECKS, json.writeValueAsString(labelled));
        leg.log(labelled.size() + " checks on " + newPrimary + ", "
                + labelled.stream().filter(outcome -> !outcome.passed()).count() + " failed");
    }

    /**
     * Stops the canary and counts its acknowledged commits missing on the final primary; the drill's canary rows
     * are removed. The checks of both legs become the drill's.
     */
    public void verifyCanary(StepContext context) throws Exception {
        List<CanaryLedger.Range> ranges = canaries.stop(context).map(writer -> writer.ledger().ranges())
                .orElseGet(() -> canaries.recordedRanges(context));
        long acknowledged = ranges.stream().mapToLong(CanaryLedger.Range::count).sum();
        long lost = 0;
        try (NodeSession primary = clusters.connector().openPrimaryOf(mains(context), canaryLogin(context),
                "postgres")) {
            for (CanaryLedger.Range range : ranges) {
                lost += range.count() - rowsBetween(primary, drillId(context), range);
            }
            deleteRows(primary, drillId(context));
        }
        context.record(DrillTasks.CANARY_COMMITS, String.valueOf(acknowledged));
        context.record(DrillTasks.CANARY_LOST_COMMITS, String.valueOf(lost));
        List<CheckOutcome> checks = new ArrayList<>();
        checks.addAll(legChecks(SwitchoverLeg.there(context)));
        checks.addAll(legChecks(SwitchoverLeg.back(context)));
        checks.add(lost == 0
                ? CheckOutcome.passed("canary", "canary", "all " + acknowledged
                        + " acknowledged canary commits are on the final primary")
                : CheckOutcome.failed("canary", "canary", lost + " of " + acknowledged
                        + " acknowledged canary commits are missing on the final primary"));
        context.record(DrillTasks.CHECKS, json.writeValueAsString(checks));
        context.log("canary: " + acknowledged + " commits acknowledged, " + lost + " missing on the final primary");
    }

    /**
     * At every ending the canary stops. Its rows stay: a failed round trip is resumed through the relationship, and
     * its last step must still find every acknowledged commit; {@link #verifyCanary} and {@link #rollback} remove
     * them.
     */
    public void release(StepContext context) throws Exception {
        canaries.stop(context);
    }

    /**
     * A leg that failed while stopping its primary or checking the standby caught up puts its old primary back, as a
     * switchover's rollback does. Before that (the readiness checks, the canary's start) nothing was changed. A
     * rolled-back round trip is over: its canary rows go.
     */
    public void rollback(StepContext context, String failedStep) throws Exception {
        canaries.stop(context);
        if (failedStep.endsWith("-stop-primary") || failedStep.endsWith("-verify-caught-up")) {
            switchover.rollback(failedStep.startsWith(SwitchoverLeg.BACK + "-") ? SwitchoverLeg.back(context)
                    : SwitchoverLeg.there(context));
        }
        try (NodeSession primary = clusters.connector().openPrimaryOf(mains(context), canaryLogin(context),
                "postgres")) {
            deleteRows(primary, drillId(context));
        } catch (SQLException e) {
            context.log("the canary's rows were left on the primary: " + e.getMessage());
        }
    }

    /** The work of a step within one direction. */
    @FunctionalInterface
    public interface LegAction {

        void execute(SwitchoverLeg leg) throws Exception;
    }

    private CanaryWriter canary(StepContext context) throws SQLException {
        return canaries.ensureRunning(context, clusters.connector(), mains(context), canaryLogin(context),
                drillId(context));
    }

    private CheckOutcome oldPrimaryStreams(DrRoles roles, ManagedNode newPrimary) {
        try (NodeSession session = clusters.connector().open(newPrimary.endpoint(), roles.dr().admin())) {
            boolean streaming = session.replicationConnection(roles.mainStandbyApplicationName())
                    .map(connection -> connection.streaming()).orElse(false);
            return streaming
                    ? CheckOutcome.passed("dr-streams", "connect", roles.primary().main() + " streams from "
                            + newPrimary)
                    : CheckOutcome.failed("dr-streams", "connect", roles.primary().main() + " does not stream from "
                            + newPrimary);
        } catch (SQLException e) {
            return CheckOutcome.failed("dr-streams", "connect", "cannot read " + newPrimary
                    + "'s replication: " + e.getMessage());
        }
    }

    private List<CheckOutcome> legChecks(SwitchoverLeg leg) throws JsonProcessingException {
        Optional<String> recorded = leg.artifact(LEG_CHECKS);
        if (recorded.isEmpty()) {
            return List.of();
        }
        return json.readValue(recorded.get(), new TypeReference<List<CheckOutcome>>() { });
    }

    private static long rowsBetween(NodeSession primary, UUID drill, CanaryLedger.Range range) throws SQLException {
        try (PreparedStatement count = primary.connection().prepareStatement("select count(*) from "
                + CanaryWriter.TABLE + " where drill_id = ? and n between ? and ?")) {
            count.setObject(1, drill);
            count.setLong(2, range.from());
            count.setLong(3, range.to());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void deleteRows(NodeSession primary, UUID drill) throws SQLException {
        try (PreparedStatement delete = primary.connection().prepareStatement("delete from " + CanaryWriter.TABLE
                + " where drill_id = ?")) {
            delete.setObject(1, drill);
            delete.executeUpdate();
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** Both clusters' main nodes: the canary's session goes to whichever is primary. */
    private List<NodeEndpoint> mains(StepContext context) {
        DrRoles roles = roles(SwitchoverLeg.there(context));
        return List.of(roles.primary().main().endpoint(), roles.dr().main().endpoint());
    }

    /** Production's admin login, valid on the DR side too, which is a physical copy of production. */
    private Login canaryLogin(StepContext context) {
        return roles(SwitchoverLeg.there(context)).primary().admin();
    }

    private DrRoles roles(StepContext leg) {
        return DrRoles.of(leg, clusters);
    }

    private static SwitchoverLeg legOf(StepContext context, String direction) {
        return SwitchoverLeg.THERE.equals(direction) ? SwitchoverLeg.there(context) : SwitchoverLeg.back(context);
    }

    private static UUID drillId(StepContext context) {
        return UUID.fromString(context.parameter(DrillTasks.DRILL_ID));
    }

    private static String outageArtifact(SwitchoverLeg leg) {
        return SwitchoverLeg.BACK.equals(leg.name()) ? DrillTasks.OUTAGE_BACK_SECONDS
                : DrillTasks.OUTAGE_THERE_SECONDS;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
