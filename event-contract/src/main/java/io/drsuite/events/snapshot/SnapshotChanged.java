package io.drsuite.events.snapshot;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A snapshot as it is after the change.
 *
 * @param kind {@code physical} or {@code logical}
 * @param database the database of a logical snapshot, else null
 * @param tables the tables of a logical snapshot limited to some, else empty
 * @param phase e.g. {@code running}, {@code completed}, {@code failed}, {@code corrupt}, {@code deleted}
 * @param storage the name of the storage location holding it
 * @param sizeBytes bytes stored, once completed
 * @param sha256 hex SHA-256 of the stored object, recorded while it was written
 * @param policyId the policy that scheduled it, or null when a user asked
 * @param error why it failed or is corrupt, else null
 */
@RegisterForReflection
public record SnapshotChanged(
        UUID snapshotId,
        String cluster,
        String kind,
        String database,
        List<String> tables,
        String phase,
        String storage,
        Long sizeBytes,
        String sha256,
        UUID policyId,
        UUID taskId,
        String error,
        Instant at) {

    public SnapshotChanged {
        present(snapshotId, "snapshotId");
        text(cluster, "cluster");
        text(kind, "kind");
        tables = tables == null ? List.of() : List.copyOf(tables);
        text(phase, "phase");
        text(storage, "storage");
        present(at, "at");
    }
}
