package io.drsuite.relationship.rest;

import static io.drsuite.events.relationship.ClusterState.ARCHIVE;
import static io.drsuite.events.relationship.ClusterState.ARCHIVE_FAIL;
import static io.drsuite.events.relationship.ClusterState.RECOVERY_FAIL;

import io.drsuite.events.relationship.ClusterState;
import io.drsuite.relationship.api.RecoveryObjectives;
import io.drsuite.relationship.model.Relationship;
import io.drsuite.relationship.service.ReplicationLag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A relationship as {@code gs_ddr -t query} would show it: phase, each cluster's role and state, switchover and
 * failover progress, the task in flight and, in the single-relationship view, the lag read live from the clusters.
 */
public record RelationshipView(
        UUID id,
        String name,
        String phase,
        String syncMode,
        int timeoutSeconds,
        List<ClusterRole> clusters,
        Integer switchoverPercent,
        Integer failoverPercent,
        CurrentTask currentTask,
        ReplicationLag lag,
        Long estimatedDataLossBytes,
        RecoveryObjectives objectives,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {

    /** One cluster's part in the relationship. */
    public record ClusterRole(String name, String role, String state) {
    }

    /** The task in flight. */
    public record CurrentTask(UUID id, String type, String step, int percent) {
    }

    public static RelationshipView of(Relationship relationship) {
        return of(relationship, null);
    }

    /**
     * With a live lag reading, an active relationship whose DR side does not stream shows {@code archive_fail} /
     * {@code recovery_fail}, whatever the last task said.
     */
    public static RelationshipView of(Relationship relationship, ReplicationLag lag) {
        ClusterState primaryState = relationship.primaryState;
        ClusterState drState = relationship.drState;
        if (lag != null && relationship.phase.isSteady() && !lag.drStreaming() && primaryState == ARCHIVE) {
            primaryState = ARCHIVE_FAIL;
            drState = RECOVERY_FAIL;
        }
        CurrentTask task = relationship.currentTaskId == null ? null : new CurrentTask(relationship.currentTaskId,
                relationship.currentTaskType, relationship.currentStep, relationship.taskPercent);
        return new RelationshipView(relationship.id, relationship.name, relationship.phase.wireName(),
                relationship.syncMode.wireName(), relationship.timeoutSeconds,
                List.of(new ClusterRole(relationship.primaryCluster, "primary", primaryState.wireName()),
                        new ClusterRole(relationship.drCluster, "disaster_standby", drState.wireName())),
                relationship.switchoverPercent, relationship.failoverPercent, task, lag,
                relationship.estimatedDataLossBytes, new RecoveryObjectives(relationship.rpoObjectiveSeconds,
                        relationship.rtoObjectiveSeconds), relationship.lastError, relationship.createdAt,
                relationship.updatedAt);
    }
}
