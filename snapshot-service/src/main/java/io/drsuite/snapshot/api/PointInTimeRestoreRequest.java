package io.drsuite.snapshot.api;

import io.drsuite.platform.node.NodeRegistration;
import io.drsuite.platform.validation.Names;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Restore a cluster to a point in time: the suite picks the base snapshot and the archived WAL itself.
 *
 * @param cluster the cluster whose past state is restored (its snapshots and WAL archive are read)
 * @param target where recovery stops: exactly one of its fields
 * @param onto the node whose data directory is replaced (the source cluster's main node when absent), or a new node
 * @param replace must be true when a registered node's data directory is replaced
 * @param pauseAtTarget pause at the target instead of promoting, so a DBA can look first
 * @param reason why, kept in the audit log with the caller's name
 */
public record PointInTimeRestoreRequest(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
        @NotNull @Valid Target target,
        @Valid Onto onto,
        Boolean replace,
        Boolean pauseAtTarget,
        String reason) {

    /**
     * Where recovery stops: a moment, a WAL position, a named restore point, or the end of the archive.
     *
     * @param lsn a WAL position such as {@code 0/3000060}
     */
    public record Target(
            Instant time,
            @Pattern(regexp = "[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}", message = "must be an LSN such as 0/3000060")
            String lsn,
            @Size(min = 1, max = 63) String restorePoint,
            Boolean latest) {

        public int given() {
            return (time == null ? 0 : 1) + (lsn == null ? 0 : 1) + (restorePoint == null ? 0 : 1)
                    + (Boolean.TRUE.equals(latest) ? 1 : 0);
        }
    }

    /**
     * The node to restore onto: a registered one, named by its cluster (the source cluster when absent) and node, or
     * a new one, made by the restore where nothing is yet.
     *
     * @param newNode a node in no cluster: its host, port, data directory (which must not exist) and host access;
     *        it ends as a server of its own, which can then be registered as a cluster
     */
    public record Onto(
            @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
            @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String node,
            @Valid NodeRegistration newNode) {
    }

    public boolean replaces() {
        return Boolean.TRUE.equals(replace);
    }

    public String ontoCluster() {
        return onto == null || onto.cluster() == null ? cluster : onto.cluster();
    }

    public String ontoNode() {
        return onto == null ? null : onto.node();
    }

    public NodeRegistration ontoNewNode() {
        return onto == null ? null : onto.newNode();
    }
}
