package io.drsuite.events.recyclebin;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A recycle-bin entry as it is after the change.
 *
 * @param kind {@code table}, {@code schema} or {@code database}
 * @param database the database holding the object; for a database, its original name
 * @param originalSchema the table's schema, else null
 * @param originalName the table's, schema's or database's name before it was recycled
 * @param binName where it is kept: the bin schema of a table, the reserved name of a schema or database
 * @param state {@code recycled}, {@code restored} or {@code purged}
 * @param restoredAs the name it was restored under, when restored
 */
@RegisterForReflection
public record BinEntryChanged(
        UUID entryId,
        String cluster,
        String database,
        String kind,
        String originalSchema,
        String originalName,
        String binName,
        String state,
        String restoredAs,
        long sizeBytes,
        String droppedBy,
        Instant expiresAt,
        Instant at) {

    public BinEntryChanged {
        present(entryId, "entryId");
        text(cluster, "cluster");
        text(kind, "kind");
        text(originalName, "originalName");
        text(state, "state");
        present(at, "at");
    }
}
