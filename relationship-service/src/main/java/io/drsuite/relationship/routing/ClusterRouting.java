package io.drsuite.relationship.routing;

import io.drsuite.events.task.DnsRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * How clients are routed to a cluster's or a relationship's primary: the DNS names a switchover or failover points
 * at the new primary, and the webhooks told of every role change.
 */
@ApplicationScoped
public class ClusterRouting {

    /** The DNS names configured on the cluster, which follow its primary. */
    public List<DnsRoute> dnsRoutesForCluster(String clusterName) {
        return List.of();
    }

    /** The DNS names configured on the relationship, which follow its production primary. */
    public List<DnsRoute> dnsRoutesForRelationship(UUID relationshipId) {
        return List.of();
    }

    /** Records a delivery for every webhook of the cluster and of its relationship, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void roleChanged(RoleChange change) {
    }
}
