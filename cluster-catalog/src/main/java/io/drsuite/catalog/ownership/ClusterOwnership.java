package io.drsuite.catalog.ownership;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which registered clusters this replica watches, so that replicas of a service divide the fleet instead of each
 * repeating all of it. The division is Kafka's: replicas join one consumer group on the cluster topic, which is keyed
 * by cluster id, and a replica owns the clusters whose key falls in a partition assigned to it. When a replica joins,
 * leaves or stops heart-beating for a session timeout, the group coordinator moves its partitions, and with them its
 * clusters, to the others; nothing in the suite decides it. The holder of partition 0 leads: it does the fleet-wide
 * work that must happen once (alerts, failover decisions).
 *
 * <p>Lazy: the group is joined when a service first asks, so services that never ask never join.
 */
@ApplicationScoped
public class ClusterOwnership {

    private final OwnershipGroup group;

    ClusterOwnership(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String application,
            OwnershipSettings settings) {
        this.group = OwnershipGroup.join(bootstrapServers, application + settings.groupSuffix(), settings);
    }

    /** Whether this replica watches the cluster now. */
    public boolean owns(UUID clusterId) {
        return group.assignment().owns(clusterId);
    }

    /** Whether this replica does the fleet-wide work now. */
    public boolean leads() {
        return group.assignment().holds(0);
    }

    /** The cluster topic's partitions assigned to this replica now. */
    public Set<Integer> partitions() {
        return group.assignment().partitions();
    }

    @PreDestroy
    void leave() {
        group.leave();
    }
}
