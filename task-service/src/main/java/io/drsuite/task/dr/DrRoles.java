package io.drsuite.task.dr;

import io.drsuite.clusterclient.files.HbaBlock;
import io.drsuite.events.relationship.SyncMode;
import io.drsuite.events.task.DrTasks;
import io.drsuite.task.engine.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The two clusters of a relationship as one task sees them (which is primary, which is DR), and the names the
 * relationship owns on them: its replication slot, the main standby's {@code application_name}, its pg_hba block.
 */
public record DrRoles(String relationshipName, ManagedCluster primary, ManagedCluster dr, boolean sync) {

    public static DrRoles of(StepContext context, ManagedClusters clusters) {
        return new DrRoles(context.parameter(DrTasks.RELATIONSHIP_NAME),
                clusters.load(context.parameter(DrTasks.PRIMARY_CLUSTER), context.parameters(), List.of()),
                clusters.load(context.parameter(DrTasks.DR_CLUSTER), context.parameters(), List.of()),
                SyncMode.fromWire(context.parameters().get(DrTasks.SYNC_MODE)) == SyncMode.SYNC);
    }

    /** Physical slot on the primary's main node that the main standby streams through. */
    public String slotName() {
        return DrTasks.slotName(relationshipName);
    }

    /** The main standby's {@code application_name}, which {@code synchronous_standby_names} refers to. */
    public String mainStandbyApplicationName() {
        return slotName();
    }

    public String cascadedApplicationName(ManagedNode node) {
        return (slotName() + "_" + node.name().replace('-', '_')).toLowerCase();
    }

    /**
     * The pg_hba lines every node of both clusters carries while the relationship exists: replication and database
     * access (pg_rewind) for both clusters' logins from every node of both clusters, so either side can be primary.
     */
    public HbaBlock hbaBlock() {
        List<String> lines = new ArrayList<>();
        for (ManagedCluster cluster : List.of(primary, dr)) {
            for (ManagedNode from : allNodes()) {
                lines.add(HbaBlock.replicationLine(cluster.replication().username(), from.host()));
                lines.add(HbaBlock.databaseLine(cluster.admin().username(), from.host()));
            }
        }
        return new HbaBlock("relationship-" + relationshipName, lines.stream().distinct().toList());
    }

    public List<ManagedNode> allNodes() {
        List<ManagedNode> nodes = new ArrayList<>(primary.nodes());
        nodes.addAll(dr.nodes());
        return nodes;
    }
}
