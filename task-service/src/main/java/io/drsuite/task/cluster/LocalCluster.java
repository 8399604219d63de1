package io.drsuite.task.cluster;

import io.drsuite.events.relationship.SyncMode;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.DrTasks;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.engine.StepContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cluster an in-cluster operation acts on and, when it is the production side of a DR relationship, that
 * relationship's DR side, whose main standby must follow the cluster's primary.
 *
 * @param cluster the cluster as registered; its {@code main()} is the primary before the operation
 */
public record LocalCluster(ManagedCluster cluster, Optional<DrLink> dr) {

    /**
     * The DR relationship the cluster is the production side of.
     *
     * @param relationshipName names the slot and {@code application_name} the DR main standby streams under
     * @param drCluster the DR cluster, whose main node streams from this cluster's primary
     * @param sync whether commits wait for the DR main standby
     */
    public record DrLink(String relationshipName, ManagedCluster drCluster, boolean sync) {

        /** The slot on the primary and the DR main standby's {@code application_name}. */
        public String slotName() {
            return DrTasks.slotName(relationshipName);
        }
    }

    static LocalCluster of(StepContext context, ManagedClusters clusters) {
        Map<String, String> parameters = context.parameters();
        List<String> named = Stream.of(ClusterTasks.TO_NODE, ClusterTasks.NODE).map(parameters::get)
                .filter(Objects::nonNull).toList();
        ManagedCluster cluster = clusters.load(context.parameter(ClusterTasks.CLUSTER), parameters, named);
        String relationship = parameters.get(DrTasks.RELATIONSHIP_NAME);
        String drCluster = parameters.get(DrTasks.DR_CLUSTER);
        Optional<DrLink> dr = relationship == null || drCluster == null ? Optional.empty()
                : Optional.of(new DrLink(relationship, clusters.load(drCluster, parameters, List.of()),
                        SyncMode.fromWire(context.parameters().getOrDefault(DrTasks.SYNC_MODE, "async"))
                                == SyncMode.SYNC));
        return new LocalCluster(cluster, dr);
    }

    /** The registered node of that name; a request naming another node is refused. */
    public ManagedNode node(String name) {
        return cluster.nodes().stream().filter(node -> node.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalStateException("cluster " + cluster.name() + " has no node " + name));
    }

    /**
     * The node registered as primary when the operation was requested ({@link ClusterTasks#mainNodeParameter}),
     * whatever the registry says since (the operation's own promotion moves it).
     */
    public ManagedNode registeredPrimary() {
        return cluster.main();
    }

    @Override
    public String toString() {
        return cluster.name();
    }
}
