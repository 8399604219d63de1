package io.drsuite.events.snapshot;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A file of a cluster's WAL is stored in its archive's storage location. Announced again, with the same content,
 * when the streaming stores it again after a restart; readers keep one row per file name.
 *
 * @param fileName the PostgreSQL file name: a segment, a {@code .history} file, or a segment with {@code .partial}
 * @param kind {@code segment}, {@code history} or {@code partial}
 * @param timeline the file's timeline
 * @param startLsn where a segment (or partial segment) begins; null for a history file
 * @param endLsn where a segment ends (the next one's start); for a partial segment, how far it holds WAL; null for a
 *        history file
 * @param sizeBytes bytes stored (compressed)
 * @param sha256 hex SHA-256 of the bytes stored
 * @param closedAt when the file was complete on the streaming side
 */
@RegisterForReflection
public record WalSegmentArchived(
        UUID archiveId,
        String cluster,
        String fileName,
        String kind,
        int timeline,
        String startLsn,
        String endLsn,
        String storage,
        String objectKey,
        long sizeBytes,
        String sha256,
        Instant closedAt,
        Instant archivedAt) {

    public static final String SEGMENT = "segment";
    public static final String HISTORY = "history";
    public static final String PARTIAL = "partial";

    public WalSegmentArchived {
        present(archiveId, "archiveId");
        text(cluster, "cluster");
        text(fileName, "fileName");
        text(kind, "kind");
        text(storage, "storage");
        text(objectKey, "objectKey");
        text(sha256, "sha256");
        present(closedAt, "closedAt");
        present(archivedAt, "archivedAt");
    }
}
