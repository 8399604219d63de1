package io.drsuite.relationship.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.task.DnsRoute;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterNodeEntity;
import io.drsuite.relationship.model.Relationship;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * How clients are routed to a cluster's or a relationship's primary: the DNS names a switchover or failover points
 * at the new primary, and the webhooks told of every role change.
 */
@ApplicationScoped
public class ClusterRouting {

    private static final Logger LOG = Logger.getLogger(ClusterRouting.class);

    private final ObjectMapper json;

    ClusterRouting(ObjectMapper json) {
        this.json = json;
    }

    /** The DNS names configured on the cluster, which follow its primary. */
    @Transactional
    public List<DnsRoute> dnsRoutesForCluster(String clusterName) {
        return Cluster.findByName(clusterName).flatMap(cluster -> RoutingSettings.forOwner(cluster.id))
                .flatMap(RoutingSettings::dnsRoute).stream().toList();
    }

    /** The DNS names configured on the relationship, which follow its production primary. */
    @Transactional
    public List<DnsRoute> dnsRoutesForRelationship(UUID relationshipId) {
        return RoutingSettings.forOwner(relationshipId).flatMap(RoutingSettings::dnsRoute).stream().toList();
    }

    /**
     * The names a DR switchover or failover of the relationship points at the DR cluster's main node, which becomes
     * the primary: the relationship's and the DR cluster's.
     */
    @Transactional
    public List<DnsRoute> dnsRoutesFollowingPromotionOf(Relationship relationship) {
        List<DnsRoute> routes = new ArrayList<>(dnsRoutesForRelationship(relationship.id));
        routes.addAll(dnsRoutesForCluster(relationship.drCluster));
        return routes;
    }

    /** The names that follow production back to the primary cluster: a round trip's return leg carries them. */
    public List<DnsRoute> dnsRoutesFollowingReturnOf(Relationship relationship) {
        List<DnsRoute> routes = new ArrayList<>(dnsRoutesForRelationship(relationship.id));
        routes.addAll(dnsRoutesForCluster(relationship.primaryCluster));
        return routes;
    }

    /** Records a delivery for every webhook of the cluster and of its relationship, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void roleChanged(RoleChange change) {
        Optional<Cluster> cluster = Cluster.findByName(change.cluster());
        Optional<ClusterNodeEntity> node = cluster.flatMap(known -> known.nodes.stream()
                .filter(candidate -> candidate.name.equals(change.newPrimary())).findFirst());
        String payload = payload(new RoleChangedCall(RoleChangedCall.EVENT, change.relationship(), change.cluster(),
                change.oldPrimary(), change.newPrimary(), node.map(found -> found.host).orElse(null),
                node.map(found -> found.port).orElse(null), change.taskId(), change.operation(),
                change.at() == null ? Instant.now() : change.at()));
        Instant now = Instant.now();
        int recorded = 0;
        if (cluster.isPresent()) {
            recorded += record(OwnerKind.CLUSTER, cluster.get().id, cluster.get().name, change.taskId(), payload,
                    now);
        }
        if (change.relationship() != null) {
            Optional<Relationship> relationship = Relationship.findByName(change.relationship());
            if (relationship.isPresent()) {
                recorded += record(OwnerKind.RELATIONSHIP, relationship.get().id, relationship.get().name,
                        change.taskId(), payload, now);
            }
        }
        if (recorded > 0) {
            LOG.infof("Role change of %s (%s -> %s, task %s): %d webhook call(s) due", change.cluster(),
                    change.oldPrimary(), change.newPrimary(), change.taskId(), recorded);
        }
    }

    /**
     * A DR switchover or failover promoted the DR side: the relationship's roles are already swapped, so its primary
     * cluster's main node is the new primary and its DR cluster's main node the old one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void drPromoted(Relationship relationship, UUID taskId, String operation) {
        roleChanged(new RoleChange(relationship.name, relationship.primaryCluster,
                mainNode(relationship.drCluster), mainNode(relationship.primaryCluster), taskId, operation,
                Instant.now()));
    }

    private static String mainNode(String clusterName) {
        return Cluster.findByName(clusterName).flatMap(cluster -> cluster.nodes.stream()
                .filter(node -> node.role == NodeRole.PRIMARY).findFirst())
                .map(node -> node.name).orElse(null);
    }

    /** One delivery per webhook of the owner, except to a webhook already told of this task's change. */
    private static int record(OwnerKind kind, UUID ownerId, String ownerName, UUID taskId, String payload,
            Instant now) {
        Optional<RoutingSettings> settings = RoutingSettings.forOwner(ownerId);
        if (settings.isEmpty()) {
            return 0;
        }
        int recorded = 0;
        for (Webhook webhook : settings.get().webhooks) {
            if (!WebhookDelivery.announced(ownerId, webhook.url, taskId)) {
                WebhookDelivery.due(kind, ownerId, ownerName, webhook, taskId, payload, now).persist();
                recorded++;
            }
        }
        return recorded;
    }

    private String payload(RoleChangedCall call) {
        try {
            return json.writeValueAsString(call);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a role change cannot be written as JSON", e);
        }
    }
}
