package io.drsuite.console.projection;

import io.drsuite.events.relationship.RelationshipPhase;
import java.time.Instant;
import java.util.UUID;

/**
 * What the overview shows of one relationship, as the console last heard it: the relationship itself (from
 * relationship-service), its health figures (from monitor-service) and the operation running on it (from
 * task-service). Each part carries the time it was true, so an older event never overwrites a newer reading.
 */
public record RelationshipCard(
        UUID id,
        String name,
        String phase,
        String syncMode,
        String primaryCluster,
        String primaryState,
        String drCluster,
        String drState,
        Instant changedAt,
        Health health,
        Operation operation) {

    /** monitor-service's latest figures; any of them may be unknown (null) before the first poll. */
    public record Health(Long lagBytes, Double lagSeconds, Double rpoEstimateSeconds, String primaryState,
            String drState, Instant sampledAt) {
    }

    /** The task running on the relationship: type (switchover, failover, ...), its current step and percent. */
    public record Operation(UUID taskId, String type, String step, int percent, Instant at) {
    }

    /**
     * The colour of the card: critical, busy, idle or healthy. A planned operation is busy even while its own steps
     * break the stream for a moment; a broken stream with nothing running is critical.
     */
    public String condition() {
        RelationshipPhase current = RelationshipPhase.fromWire(phase);
        if (current == RelationshipPhase.ERROR) {
            return "critical";
        }
        if (operation != null || !current.isSteady()) {
            return current.holdsClusters() ? "busy" : "idle";
        }
        String primary = health != null ? health.primaryState() : primaryState;
        String dr = health != null ? health.drState() : drState;
        return isFail(primary) || isFail(dr) ? "critical" : "healthy";
    }

    /** The gs_ddr state word of the production side: monitor-service's reading while the relationship is steady. */
    public String primaryWord() {
        return health != null && "active".equals(phase) ? health.primaryState() : primaryState;
    }

    public String drWord() {
        return health != null && "active".equals(phase) ? health.drState() : drState;
    }

    public RelationshipCard withRelationship(String name, String phase, String syncMode, String primaryCluster,
            String primaryState, String drCluster, String drState, Instant changedAt) {
        return new RelationshipCard(id, name, phase, syncMode, primaryCluster, primaryState, drCluster, drState,
                changedAt, health, operation);
    }

    public RelationshipCard withHealth(Health newer) {
        return new RelationshipCard(id, name, phase, syncMode, primaryCluster, primaryState, drCluster, drState,
                changedAt, newer, operation);
    }

    public RelationshipCard withOperation(Operation newer) {
        return new RelationshipCard(id, name, phase, syncMode, primaryCluster, primaryState, drCluster, drState,
                changedAt, health, newer);
    }

    private static boolean isFail(String state) {
        return state != null && state.endsWith("_fail");
    }
}
