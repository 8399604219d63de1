package io.drsuite.recyclebin.bin;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code drsuite_recyclebin.entries} in a managed database: what was recycled, where it is kept and
 * until when.
 *
 * @param databaseName the database holding the object; for a recycled database, its original name
 * @param binName the bin schema of a table, the reserved name of a schema or a database, as the record says
 */
public record BinRecord(UUID id, ObjectKind kind, String databaseName, String originalSchema, String originalName,
        String binName, Instant droppedAt, Instant expiresAt, String droppedBy, long sizeBytes) {

    /**
     * The bin object the suite names after this entry ({@code drsuite_rb_<id>}): what restores and purges act on.
     * {@link #binName()} is only what the record says, and a record is input (whoever may write it could name any
     * schema), so nothing is ever dropped or renamed by it.
     */
    public String bin() {
        return BinNames.binName(id);
    }

    /** The database holding the object when this record was read from the ledger of {@code ledgerDatabase}. */
    public String objectDatabase(String ledgerDatabase) {
        return kind.objectDatabase(ledgerDatabase, originalName);
    }
}
