package io.drsuite.task.dr;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.host.CommandFailedException;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.clusterclient.sql.ReplicationConnection;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.RebuildMethod;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.engine.StepDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The steps that establish DR (start) and re-establish it after a failover (reprotect): check, prepare the primary,
 * stop and build the DR side, start it, wait for streaming, turn on sync mode, clean up.
 */
@ApplicationScoped
public class DrBuildSteps {

    static final long MIN_WAL_KEEP_MB = 512;
    /** How long a fenced former primary's postmaster may take to be reaped before a rebuild refuses to touch it. */
    private static final Duration FENCED_EXIT_WAIT = Duration.ofSeconds(15);

    private final ManagedClusters clusters;
    private final SlotWalCap slotWalCap;
    private final ReplacedDataSweep replacedData;

    DrBuildSteps(ManagedClusters clusters, SlotWalCap slotWalCap, ReplacedDataSweep replacedData) {
        this.clusters = clusters;
        this.slotWalCap = slotWalCap;
        this.replacedData = replacedData;
    }

    /**
     * The steps that establish DR, start and reprotect alike; only how the main standby is built differs (a full
     * build, or a rewind of a former primary). Before the DR side is touched the task may be cancelled.
     */
    List<StepDefinition> establishing(StepDefinition buildMainStandby) {
        return List.of(
                step("check-clusters", 5, RESUME, this::checkClusters).cancellableBefore(),
                step("prepare-primary", 10, RESUME, this::preparePrimary).cancellableBefore(),
                step("stop-dr-cluster", 15, RESUME, this::stopDrCluster).cancellableBefore(),
                buildMainStandby,
                step("start-main-standby", 70, RESUME, this::startMainStandby),
                step("build-cascaded-standbys", 85, RESUME, this::buildCascadedStandbys),
                step("wait-for-streaming", 92, RESUME, this::waitForStreaming),
                step("enable-sync", 97, RESUME, this::enableSync),
                step("clean-up", 100, RESUME, this::cleanUp));
    }

    DrRoles roles(StepContext context) {
        return DrRoles.of(context, clusters);
    }

    NodeControl control(ManagedNode node) {
        return new NodeControl(node, clusters.connector());
    }

    /**
     * The primary answers as a primary, and every DR node's registered data directory is its own (see
     * {@link #verifyDrDataDirectories}); records the primary's system identifier as the relationship's, which a
     * failover later holds the DR side to.
     */
    public void checkClusters(StepContext context) throws Exception {
        DrRoles roles = roles(context);
        if (roles.primary().majorVersion() != roles.dr().majorVersion()) {
            throw new IllegalStateException("PostgreSQL major versions differ: " + roles.primary() + " runs "
                    + roles.primary().majorVersion() + ", " + roles.dr() + " runs " + roles.dr().majorVersion());
        }
        String primaryIdentifier;
        try (NodeSession primary = control(roles.primary().main()).session(roles.primary().admin())) {
            if (primary.inRecovery()) {
                throw new IllegalStateException(roles.primary().main() + " is in recovery, not a primary");
            }
            primaryIdentifier = primary.systemIdentifier();
        }
        verifyDrDataDirectories(roles, primaryIdentifier);
        context.record("primarySystemIdentifier", primaryIdentifier);
        RelationshipIdentity.remember(context.parameter(DrTasks.RELATIONSHIP_ID), primaryIdentifier);
        context.log("checked " + roles.primary() + " (primary) and " + roles.dr() + " (DR)");
    }

    /**
     * Each DR node's registered data directory belongs to the server at the node's address: the system identifier
     * in its control file ({@code pg_controldata} through the host executor) is the one the server reports over SQL.
     * A wrong {@code dataDirectory} or a swapped host is refused here, before anything is stopped or moved. A node
     * that does not answer SQL (a fenced former primary being reprotected) passes only if its files are of the
     * primary's system and no server runs on them.
     */
    private void verifyDrDataDirectories(DrRoles roles, String primaryIdentifier) {
        for (ManagedNode node : roles.dr().nodes()) {
            NodeControl control = control(node);
            String onDisk = control.controlFileSystemIdentifier();
            Optional<String> reported = reportedSystemIdentifier(control, roles.dr().admin());
            if (reported.isPresent() && !reported.get().equals(onDisk)) {
                throw new IllegalStateException("the data directory registered for " + node + " of " + roles.dr()
                        + " (" + node.dataDirectory() + ") holds system identifier " + onDisk + ", but the server at "
                        + "that address reports " + reported.get() + ": the registered data directory or host belongs "
                        + "to another server; refusing to touch either");
            }
            if (reported.isEmpty() && (!onDisk.equals(primaryIdentifier)
                    || !control.awaitPostmasterExit(FENCED_EXIT_WAIT).stopped())) {
                throw new IllegalStateException(node + " of " + roles.dr() + " does not answer SQL, so it cannot be "
                        + "confirmed that " + node.dataDirectory() + " (system identifier " + onDisk + ") is its data "
                        + "directory; start it, or fix its registration");
            }
        }
    }

    private static Optional<String> reportedSystemIdentifier(NodeControl node, Login admin) {
        try (NodeSession session = node.session(admin)) {
            return Optional.of(session.systemIdentifier());
        } catch (SQLException noAnswer) {
            return Optional.empty();
        }
    }

    /**
     * On the primary: the replication login may replicate, the relationship's slot exists, enough WAL is kept for a
     * later pg_rewind, wal_log_hints is on (pg_rewind needs it), and every node admits the other cluster's nodes.
     */
    public void preparePrimary(StepContext context) throws Exception {
        DrRoles roles = roles(context);
        NodeControl main = control(roles.primary().main());
        try (NodeSession primary = main.session(roles.primary().admin())) {
            if ("minimal".equals(primary.setting("wal_level"))) {
                throw new IllegalStateException("wal_level is minimal on " + main.node() + "; streaming needs replica");
            }
            String replicationLogin = primary.ensureReplicationLogin(roles.primary().replication());
            if (replicationLogin != null) {
                context.log(replicationLogin);
            }
            if (primary.ensurePhysicalSlot(roles.slotName())) {
                context.log("created replication slot " + roles.slotName() + " on " + main.node());
            }
            capSlotWal(context, primary, main.node());
            long keepMb = Long.parseLong(primary.setting("wal_keep_size").replaceAll("[^0-9]", ""));
            if (keepMb < MIN_WAL_KEEP_MB) {
                primary.alterSystem("wal_keep_size", MIN_WAL_KEEP_MB + "MB");
                context.log("raised wal_keep_size to " + MIN_WAL_KEEP_MB + "MB so a former primary can be rewound");
            }
            if ("off".equals(primary.setting("wal_log_hints")) && "off".equals(primary.setting("data_checksums"))) {
                primary.alterSystem("wal_log_hints", "on");
                context.log("set wal_log_hints = on for pg_rewind; it takes effect at the primary's next restart");
            }
            primary.reloadConfiguration();
        }
        for (ManagedNode node : roles.primary().nodes()) {
            control(node).applyHba(roles.hbaBlock(), roles.primary().admin());
            reloadIfRunning(roles, node);
        }
        context.log("pg_hba.conf of " + roles.primary() + " admits the nodes of " + roles.dr());
    }

    /** Caps the WAL the primary's slots may hold back ({@link SlotWalCap}); a DR site past it must be rebuilt. */
    void capSlotWal(StepContext context, NodeSession primary, ManagedNode node) throws SQLException {
        slotWalCap.apply(context, primary, node);
    }

    /** Stops every DR node, cascaded standbys first. */
    public void stopDrCluster(StepContext context) {
        DrRoles roles = roles(context);
        for (ManagedNode node : roles.dr().others()) {
            control(node).stop("fast");
        }
        control(roles.dr().main()).stop("fast");
        context.log("stopped the nodes of " + roles.dr());
    }

    /** Full build of the DR main standby from the primary, through the relationship's slot. */
    public void fullBuildMainStandby(StepContext context) {
        DrRoles roles = roles(context);
        NodeControl standby = control(roles.dr().main());
        standby.stop("fast");
        fullBuild(context, roles, standby, roles.primary().main().endpoint(), roles.slotName());
        configureMainStandby(roles, standby);
    }

    /** A full build of a DR node; the data it replaces is recorded and kept for the configured retention. */
    private void fullBuild(StepContext context, DrRoles roles, NodeControl standby, NodeEndpoint source, String slot) {
        StandbyBuilder.fullBuild(context, standby, source, roles.primary().replication(), slot,
                path -> replacedData.keep(context, roles.dr(), standby.node(), path));
    }

    /**
     * Incremental build of the DR main standby (a former primary) with pg_rewind; a full build when rewinding is
     * not possible.
     */
    public void rewindMainStandby(StepContext context) {
        DrRoles roles = roles(context);
        NodeControl standby = control(roles.dr().main());
        standby.stop("fast");
        try {
            StandbyBuilder.rewind(context, standby, roles.primary().main().endpoint(), roles.primary().admin());
            context.record(DrTasks.REBUILD_METHOD, RebuildMethod.REWIND.wireName());
        } catch (CommandFailedException e) {
            context.log("pg_rewind failed (" + e.getMessage() + "); falling back to a full build");
            standby.files().remove(standby.node().dataDirectory() + ".drsuite-settings");
            fullBuild(context, roles, standby, roles.primary().main().endpoint(), roles.slotName());
            context.record(DrTasks.REBUILD_METHOD, RebuildMethod.FULL.wireName());
        }
        configureMainStandby(roles, standby);
    }

    private void configureMainStandby(DrRoles roles, NodeControl standby) {
        standby.writeAutoConf(StandbyConfig.apply(standby.autoConf(), roles.primary().main().endpoint(),
                roles.primary().replication(), roles.mainStandbyApplicationName(), roles.slotName()));
        standby.markAsStandby();
        standby.applyHba(roles.hbaBlock(), roles.primary().admin());
    }

    public void startMainStandby(StepContext context) throws Exception {
        DrRoles roles = roles(context);
        NodeControl standby = control(roles.dr().main());
        try {
            standby.start();
        } catch (CommandFailedException e) {
            if (context.artifact(DrTasks.REBUILD_METHOD).map(RebuildMethod::fromWire).orElse(null)
                    != RebuildMethod.REWIND) {
                throw e;
            }
            // A rewound node can still fail to start (e.g. its history and the new primary's do not line up);
            // the full build is the fallback the incremental build promises.
            context.log(standby.node() + " did not start after pg_rewind (" + e.getMessage()
                    + "); falling back to a full build");
            standby.stop("immediate");
            fullBuild(context, roles, standby, roles.primary().main().endpoint(), roles.slotName());
            configureMainStandby(roles, standby);
            context.recordNow(DrTasks.REBUILD_METHOD, RebuildMethod.FULL.wireName());
            standby.start();
        }
        Waits.until(context, standby.node() + " accepts connections in recovery", Duration.ofSeconds(120), () -> {
            try (NodeSession session = standby.session(roles.primary().admin())) {
                return session.inRecovery();
            }
        });
        context.log("started " + standby.node() + " as main standby of " + roles.primary().main());
    }

    /** Every other DR node becomes a cascaded standby of the main standby, each built once even across a crash. */
    public void buildCascadedStandbys(StepContext context) throws Exception {
        DrRoles roles = roles(context);
        ManagedNode upstream = roles.dr().main();
        for (ManagedNode node : roles.dr().others()) {
            String done = "cascaded." + node.name();
            if (context.artifact(done).isPresent()) {
                continue;
            }
            NodeControl standby = control(node);
            standby.stop("fast");
            fullBuild(context, roles, standby, upstream.endpoint(), null);
            standby.writeAutoConf(StandbyConfig.apply(standby.autoConf(), upstream.endpoint(),
                    roles.primary().replication(), roles.cascadedApplicationName(node), null));
            standby.markAsStandby();
            standby.applyHba(roles.hbaBlock(), roles.primary().admin());
            standby.start();
            context.recordNow(done, "built");
            context.log("started " + node + " as cascaded standby of " + upstream);
        }
    }

    /** The main standby streams from the primary, the cascaded ones from the main standby. */
    public void waitForStreaming(StepContext context) throws Exception {
        DrRoles roles = roles(context);
        NodeControl primary = control(roles.primary().main());
        awaitStreaming(context, roles, primary, roles.mainStandbyApplicationName());
        NodeControl main = control(roles.dr().main());
        for (ManagedNode node : roles.dr().others()) {
            awaitStreaming(context, roles, main, roles.cascadedApplicationName(node));
        }
        context.log(roles.dr() + " is streaming from " + roles.primary());
    }

    private void awaitStreaming(StepContext context, DrRoles roles, NodeControl upstream, String applicationName)
            throws Exception {
        Waits.until(context, applicationName + " streams from " + upstream.node(), Duration.ofSeconds(180), () -> {
            try (NodeSession session = upstream.session(roles.primary().admin())) {
                return session.replicationConnection(applicationName).map(c -> c.streaming()).orElse(false);
            }
        });
    }

    /** In sync mode, names the main standby synchronous once it has caught up, so commits never stall on a backlog. */
    public void enableSync(StepContext context) throws Exception {
        DrRoles roles = roles(context);
        if (!roles.sync()) {
            return;
        }
        NodeControl primary = control(roles.primary().main());
        NodeControl standby = control(roles.dr().main());
        Lsn target;
        try (NodeSession session = primary.session(roles.primary().admin())) {
            target = session.currentLsn();
        }
        Waits.until(context, standby.node() + " has replayed " + target, Duration.ofSeconds(600), () -> {
            try (NodeSession session = standby.session(roles.primary().admin())) {
                Optional<Lsn> replayed = session.replayLsn();
                return replayed.isPresent() && replayed.get().isAtLeast(target);
            }
        });
        try (NodeSession session = primary.session(roles.primary().admin())) {
            session.alterSystem("synchronous_standby_names", LocalSynchronousStandbys.value(context,
                    roles.primary().main().name(), Optional.of(roles.mainStandbyApplicationName())).orElseThrow());
            session.reloadConfiguration();
        }
        Waits.until(context, standby.node() + " is the synchronous standby", Duration.ofSeconds(60), () -> {
            try (NodeSession session = primary.session(roles.primary().admin())) {
                return session.replicationConnection(roles.mainStandbyApplicationName())
                        .map(ReplicationConnection::synchronous).orElse(false);
            }
        });
        context.log("commits on " + roles.primary() + " now wait for " + standby.node());
    }

    /**
     * Names the data directories this task's builds replaced ({@code replaced.<node>}). They are not deleted here:
     * {@link ReplacedDataSweep} deletes each once the configured retention has passed.
     */
    public void cleanUp(StepContext context) {
        DrRoles roles = roles(context);
        for (ManagedNode node : roles.dr().nodes()) {
            String kept = StandbyBuilder.replacedDirectory(node, context.taskId());
            if (control(node).files().exists(kept)) {
                context.record("replaced." + node.name(), kept);
                context.log("the previous data of " + node + " is kept in " + kept + replacedData.deleteAfter(kept)
                        .map(due -> " until " + due).orElse(""));
            }
        }
    }

    void reloadIfRunning(DrRoles roles, ManagedNode node) {
        try (NodeSession session = control(node).session(roles.primary().admin())) {
            session.reloadConfiguration();
        } catch (java.sql.SQLException e) {
            // a stopped node reads its files when it starts
        }
    }
}
