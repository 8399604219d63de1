package io.drsuite.recyclebin.rest;

import io.drsuite.recyclebin.model.BinEntry;
import java.time.Instant;
import java.util.UUID;

/**
 * A recycle-bin entry.
 *
 * @param entryId the record's id inside the managed database (the same on a primary and its DR replica)
 * @param binName where the object is kept while in the bin
 */
public record BinEntryView(UUID id, UUID entryId, String cluster, String database, String kind,
        String originalSchema, String originalName, String binName, Instant droppedAt, Instant expiresAt,
        String droppedBy, long sizeBytes, String state, String restoredAs, Instant endedAt) {

    public static BinEntryView of(BinEntry entry) {
        return new BinEntryView(entry.id, entry.entryId, entry.cluster, entry.database, entry.kind.wireName(),
                entry.originalSchema, entry.originalName, entry.binName, entry.droppedAt, entry.expiresAt,
                entry.droppedBy, entry.sizeBytes, entry.state.wireName(), entry.restoredAs, entry.endedAt);
    }
}
