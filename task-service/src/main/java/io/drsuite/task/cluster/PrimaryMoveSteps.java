package io.drsuite.task.cluster;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.task.dr.LocalSynchronousStandbys;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.routing.DnsRouting;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * The steps a switchover and a failover share once a standby is promoted: every other local standby and the DR main
 * standby stream from the new primary, the new primary's synchronous standbys are named, and the DNS names point at
 * it. Each step reads the new primary from the {@link ClusterTasks#NEW_PRIMARY} artifact, so it resumes after a
 * crash.
 */
@ApplicationScoped
public class PrimaryMoveSteps {

    /** Artifact, failover: the furthest WAL the promoted standby had; a standby with more must be rewound. */
    static final String FORK_LSN = "forkLsn";

    private final ManagedClusters clusters;
    private final StandbyFollow follow;
    private final DnsRouting dns;

    PrimaryMoveSteps(ManagedClusters clusters, StandbyFollow follow, DnsRouting dns) {
        this.clusters = clusters;
        this.follow = follow;
        this.dns = dns;
    }

    LocalCluster cluster(StepContext context) {
        return LocalCluster.of(context, clusters);
    }

    NodeControl control(ManagedNode node) {
        return new NodeControl(node, clusters.connector());
    }

    /** The node promoted by this task, as its promotion step recorded it. */
    ManagedNode newPrimary(StepContext context, LocalCluster cluster) {
        return cluster.node(context.artifact(ClusterTasks.NEW_PRIMARY).orElseThrow(() -> new IllegalStateException(
                "no new primary is recorded; the promotion step has not run")));
    }

    /**
     * Every local standby but the ones already handled (the old primary in a switchover) streams from the new
     * primary. A node that does not answer, or does not answer in recovery, is left as it is and named in the log
     * and the artifacts ({@code repoint.<node>}): a fenced or lost node returns with {@code cluster.rebuild-node}.
     */
    public void repointStandbys(StepContext context, Set<String> handled) throws Exception {
        LocalCluster cluster = cluster(context);
        ManagedNode newPrimary = newPrimary(context, cluster);
        NodeControl primary = control(newPrimary);
        Upstream upstream = Upstream.of(cluster.cluster(), newPrimary);
        Optional<Lsn> forkLsn = context.artifact(FORK_LSN).map(Lsn::parse);
        for (ManagedNode node : cluster.cluster().nodes()) {
            if (node == newPrimary || handled.contains(node.name())) {
                continue;
            }
            NodeControl standby = control(node);
            if (!answersInRecovery(standby, cluster)) {
                context.recordNow("repoint." + node.name(), "skipped");
                context.log(node + " does not answer as a standby; left as it is (rebuild it to bring it back)");
                continue;
            }
            StandbyFollow.Outcome outcome = follow.follow(context, cluster.cluster(), standby,
                    cluster.cluster().admin(), primary, upstream, ClusterTasks.standbyName(node.name()), forkLsn);
            context.recordNow("repoint." + node.name(), outcome.wireName());
        }
    }

    private static boolean answersInRecovery(NodeControl node, LocalCluster cluster) {
        try (NodeSession session = node.session(cluster.cluster().admin())) {
            return session.inRecovery();
        } catch (SQLException noAnswer) {
            return false;
        }
    }

    /**
     * When the cluster is the production side of a DR relationship, the DR main standby streams from the new primary
     * through the relationship's slot: re-pointed, or rewound when it received WAL the new primary does not have.
     */
    public void repointDr(StepContext context) throws Exception {
        LocalCluster cluster = cluster(context);
        if (cluster.dr().isEmpty()) {
            context.log(cluster + " is in no DR relationship; nothing to re-point");
            return;
        }
        LocalCluster.DrLink dr = cluster.dr().get();
        ManagedNode newPrimary = newPrimary(context, cluster);
        ManagedNode drMain = dr.drCluster().main();
        StandbyFollow.Outcome outcome = follow.follow(context, dr.drCluster(), control(drMain),
                dr.drCluster().admin(), control(newPrimary), Upstream.of(cluster.cluster(), newPrimary),
                dr.slotName(), context.artifact(FORK_LSN).map(Lsn::parse));
        context.record("repoint." + drMain.name(), outcome.wireName());
        context.log(drMain + " of " + dr.drCluster() + " streams from " + newPrimary + " (" + outcome.wireName()
                + ")");
    }

    /**
     * On the new primary: no upstream any more, and {@code synchronous_standby_names} from the cluster's local
     * synchronous standbys ({@link ClusterTasks#SYNC_STANDBY_COUNT} of {@link ClusterTasks#SYNC_STANDBY_NODES}, the
     * new primary left out) and, in a sync DR relationship, the DR main standby.
     */
    public void syncSettings(StepContext context) throws Exception {
        LocalCluster cluster = cluster(context);
        ManagedNode newPrimary = newPrimary(context, cluster);
        Optional<String> drStandby = cluster.dr().filter(LocalCluster.DrLink::sync).map(LocalCluster.DrLink::slotName);
        Optional<String> names = LocalSynchronousStandbys.value(context, newPrimary.name(), drStandby);
        try (NodeSession session = control(newPrimary).session(cluster.cluster().admin())) {
            session.resetSystem("primary_conninfo");
            session.resetSystem("primary_slot_name");
            if (names.isPresent()) {
                session.alterSystem("synchronous_standby_names", names.get());
            } else {
                session.resetSystem("synchronous_standby_names");
            }
            session.reloadConfiguration();
        }
        context.record("synchronousStandbyNames", names.orElse(""));
        context.log(names.map(value -> "commits on " + newPrimary + " wait for " + value)
                .orElse("commits on " + newPrimary + " wait for no standby"));
    }

    /** The DNS names the task carries resolve to the new primary. */
    public void pointDns(StepContext context) throws Exception {
        LocalCluster cluster = cluster(context);
        dns.pointNamesAt(context, newPrimary(context, cluster));
    }
}
