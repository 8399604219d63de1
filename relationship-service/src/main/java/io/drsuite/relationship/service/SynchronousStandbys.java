package io.drsuite.relationship.service;

import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.clusterclient.sql.SynchronousStandbyNames;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterNodeEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
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
        if (count > nodes.size()) {
            throw ProblemException.badRequest("count", "count " + count + " is more than the " + nodes.size()
                    + " node(s) listed");
        }
        if (new HashSet<>(nodes).size() != nodes.size()) {
            throw ProblemException.badRequest("nodes", "a node is listed twice");
        }
        for (String name : nodes) {
            admission.standby(name, "nodes");
        }
        cluster.setSynchronousStandbys(count, nodes);
        Optional<String> value = SynchronousStandbyNames.of(count,
                nodes.stream().map(ClusterTasks::standbyName).toList(), admission.drSynchronousStandby());
        apply(cluster, cluster.mainNode(), value);
        LOG.infof("Cluster %s: synchronous_standby_names = %s", cluster.name, value.orElse("(reset)"));
        return cluster;
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
