package io.drsuite.events.snapshot;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A restore of a snapshot ended.
 *
 * @param kind {@code physical} or {@code logical}
 * @param targetCluster the cluster restored into; null for a point-in-time restore onto a new node
 * @param targetDatabase the database restored into (logical), else null
 * @param targetNode the node whose data directory was replaced or created (physical), else null
 * @param tables the tables whose contents were replaced, empty for a whole database or cluster
 * @param phase {@code completed} or {@code failed}
 * @param error why it failed, else null
 */
@RegisterForReflection
public record RestoreChanged(
        UUID restoreId,
        UUID snapshotId,
        String kind,
        String targetCluster,
        String targetDatabase,
        String targetNode,
        List<String> tables,
        String phase,
        UUID taskId,
        String error,
        Instant at) {

    public RestoreChanged {
        present(restoreId, "restoreId");
        present(snapshotId, "snapshotId");
        text(kind, "kind");
        tables = tables == null ? List.of() : List.copyOf(tables);
        text(phase, "phase");
        present(at, "at");
    }
}
