package io.drsuite.relationship.service;

import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.clusterclient.sql.SynchronousStandbyNames;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterNodeEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import io.drsuite.clusterclient.host.Conninfo;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A cluster's local synchronous standbys: stored on the cluster (the node tasks write them again on every new
 * primary) and applied at once on the primary as {@code synchronous_standby_names}, together with the DR main
 * standby when the cluster is the production side of a synchronous relationship ({@link SynchronousStandbyNames}).
 */
@ApplicationScoped
public class SynchronousStandbys {

    private static final Logger LOG = Logger.getLogger(SynchronousStandbys.class);

    private final ClusterAccess access;

    SynchronousStandbys(ClusterAccess access) {
        this.access = access;
    }

    /**
     * Validates, stores and applies the setting in one transaction, the cluster locked: if the primary cannot be
     * reached or refuses, nothing is stored (422).
     */
    @Transactional
    public Cluster set(String clusterName, int count, List<String> nodes) {
        ClusterAdmission admission = ClusterAdmission.of(clusterName);
        Cluster cluster = admission.cluster();
        if (new HashSet<>(nodes).size() != nodes.size()) {
            throw ProblemException.badRequest("nodes", "a node is listed twice");
        }
        for (String name : nodes) {
            admission.member(name, "nodes");
        }
        ClusterNodeEntity primary = cluster.mainNode();
        List<String> standbys = nodes.stream().filter(name -> !name.equals(primary.name)).toList();
        if (count > standbys.size()) {
            throw ProblemException.badRequest("count", "count " + count + " is more than the " + standbys.size()
                    + " standby(s) listed (the primary, " + primary.name + ", waits for none of its own)");
        }
        cluster.setSynchronousStandbys(count, nodes);
        Optional<String> value = SynchronousStandbyNames.of(count,
                standbys.stream().map(ClusterTasks::standbyName).toList(), admission.drSynchronousStandby());
        apply(cluster, primary, value);
        LOG.infof("Cluster %s: synchronous_standby_names = %s", cluster.name, value.orElse("(reset)"));
        if (count > 0) {
            standbys.forEach(name -> nameReplicationConnection(cluster, cluster.node(name).orElseThrow()));
        }
        return cluster;
    }

    /**
     * A standby streams under the name {@code synchronous_standby_names} lists for it ({@link
     * ClusterTasks#standbyName}): the suite's node operations give it that name whenever they point it at a primary,
     * and a standby built by other means gets it here, by {@code application_name} appended to its own
     * {@code primary_conninfo} (the last value of a keyword wins) and a reload. The statement carries the
     * replication password the connection string may hold, so the session does not log it. A standby that cannot be
     * reached is left as it is: it is named when an operation next points it at a primary.
     */
    private void nameReplicationConnection(Cluster cluster, ClusterNodeEntity standby) {
        String name = ClusterTasks.standbyName(standby.name);
        try (NodeSession session = access.connector().open(ClusterAccess.endpoint(standby), access.admin(cluster))) {
            if (!session.inRecovery()) {
                return;
            }
            String conninfo = session.setting("primary_conninfo");
            String naming = Conninfo.of(Map.of("application_name", name));
            if (conninfo.isBlank() || conninfo.endsWith(naming)) {
                return;
            }
            try (Statement statement = session.connection().createStatement()) {
                statement.execute("set log_statement = 'none'");
                statement.execute("set log_min_error_statement = 'panic'");
                statement.execute("set log_min_duration_statement = -1");
            }
            session.alterSystem("primary_conninfo", conninfo + " " + naming);
            session.reloadConfiguration();
            LOG.infof("Cluster %s: standby %s now streams as %s", cluster.name, standby.name, name);
        } catch (SQLException e) {
            LOG.warnf("Cluster %s: standby %s could not be named %s (%s); it is named when an operation next "
                    + "points it at a primary", cluster.name, standby.name, name, e.getSQLState());
        }
    }

    private void apply(Cluster cluster, ClusterNodeEntity primary, Optional<String> value) {
        try (NodeSession session = access.connector().open(ClusterAccess.endpoint(primary), access.admin(cluster))) {
            if (session.inRecovery()) {
                throw ProblemException.unprocessable("primary-in-recovery", "Primary not writable", "node '"
                        + primary.name + "', registered as the primary of cluster '" + cluster.name + "', is in "
                        + "recovery; the setting was not changed");
            }
            if (value.isPresent()) {
                session.alterSystem("synchronous_standby_names", value.get());
            } else {
                session.resetSystem("synchronous_standby_names");
            }
            session.reloadConfiguration();
        } catch (SQLException e) {
            throw ProblemException.unprocessable("node-unreachable", "Primary unreachable", "the setting could not "
                    + "be applied on node '" + primary.name + "' of cluster '" + cluster.name + "': "
                    + e.getMessage());
        }
    }
}
