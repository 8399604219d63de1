package io.drsuite.recyclebin.bin;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code drsuite_recyclebin.entries} in a managed database: what was recycled, where it is kept and
 * until when.
 *
 * @param databaseName the database holding the object; for a recycled database, its original name
 * @param binName the bin schema of a table, the reserved name of a schema or a database
 */
public record BinRecord(UUID id, String kind, String databaseName, String originalSchema, String originalName,
        String binName, Instant droppedAt, Instant expiresAt, String droppedBy, long sizeBytes) {
}
