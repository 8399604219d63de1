package io.drsuite.snapshot.wal;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.events.snapshot.WalSegmentArchived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The files of WAL archives ({@code wal_file}): one row per archive and file name, however often a file is
 * announced.
 */
@ApplicationScoped
public class ArchivedWalFiles {

    private final EntityManager entities;

    ArchivedWalFiles(EntityManager entities) {
        this.entities = entities;
    }

    /** @return whether the file is new to the catalog */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(WalSegmentArchived file) {
        return entities.createNativeQuery("insert into wal_file (archive_id, file_name, kind, timeline, start_lsn, "
                + "end_lsn, object_key, size_bytes, sha256, closed_at, archived_at) values (?1, ?2, ?3, ?4, ?5, ?6, "
                + "?7, ?8, ?9, ?10, ?11) on conflict (archive_id, file_name) do nothing")
                .setParameter(1, file.archiveId()).setParameter(2, file.fileName()).setParameter(3, file.kind())
                .setParameter(4, file.timeline()).setParameter(5, lsn(file.startLsn()))
                .setParameter(6, lsn(file.endLsn())).setParameter(7, file.objectKey())
                .setParameter(8, file.sizeBytes()).setParameter(9, file.sha256())
                .setParameter(10, Timestamp.from(file.closedAt())).setParameter(11, Timestamp.from(file.archivedAt()))
                .executeUpdate() == 1;
    }

    /** The archive's complete segments (not history files, not partial segments). */
    @SuppressWarnings("unchecked")
    public List<ArchivedSegment> segments(UUID archiveId) {
        List<Object[]> rows = entities.createNativeQuery("select file_name, timeline, start_lsn, end_lsn, closed_at, "
                + "size_bytes from wal_file where archive_id = ?1 and kind = 'segment' and start_lsn is not null "
                + "and end_lsn is not null order by timeline, start_lsn").setParameter(1, archiveId).getResultList();
        return rows.stream().map(row -> new ArchivedSegment((String) row[0], ((Number) row[1]).intValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), instant(row[4]),
                ((Number) row[5]).longValue())).toList();
    }

    /** The archive's timeline history files, by name. */
    @SuppressWarnings("unchecked")
    public List<String> historyFiles(UUID archiveId) {
        return entities.createNativeQuery("select file_name from wal_file where archive_id = ?1 and kind = 'history' "
                + "order by file_name").setParameter(1, archiveId).getResultList();
    }

    /** Files of the archive that lie wholly before {@code lsn}, oldest first: what retention may delete. */
    @SuppressWarnings("unchecked")
    public List<String> objectKeysBefore(UUID archiveId, long lsn) {
        return entities.createNativeQuery("select object_key from wal_file where archive_id = ?1 "
                + "and kind in ('segment', 'partial') and end_lsn is not null and end_lsn <= ?2 order by start_lsn")
                .setParameter(1, archiveId).setParameter(2, lsn).getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID archiveId, String objectKey) {
        entities.createNativeQuery("delete from wal_file where archive_id = ?1 and object_key = ?2")
                .setParameter(1, archiveId).setParameter(2, objectKey).executeUpdate();
    }

    private static Long lsn(String text) {
        return text == null ? null : Lsn.parse(text).value();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
        };
    }
}
