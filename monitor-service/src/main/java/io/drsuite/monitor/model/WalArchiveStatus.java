package io.drsuite.monitor.model;

import io.drsuite.events.snapshot.WalArchiveChanged;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A WAL archive as snapshot-service last announced it. */
@Entity
@Table(name = "wal_archive_status")
public class WalArchiveStatus extends PanacheEntityBase {

    /** The states in which the archive's streaming should be connected to its cluster. */
    private static final Set<String> STREAMING_STATES = Set.of("starting", "streaming");

    @Id
    @Column(name = "archive_id")
    public UUID archiveId;

    public String cluster;

    public String state;

    @Column(name = "last_segment")
    public String lastSegment;

    @Column(name = "last_segment_closed_at")
    public Instant lastSegmentClosedAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] gaps;

    /** When the announcement was made; an older one arriving later changes nothing. */
    @Column(name = "announced_at")
    public Instant announcedAt;

    /** Folds an announcement in, unless a newer one already was. */
    public static void apply(WalArchiveChanged changed) {
        WalArchiveStatus status = findById(changed.archiveId());
        if (status == null) {
            status = new WalArchiveStatus();
            status.archiveId = changed.archiveId();
        } else if (!changed.at().isAfter(status.announcedAt)) {
            return;
        }
        status.cluster = changed.cluster();
        status.state = changed.state();
        status.lastSegment = changed.lastSegment();
        status.lastSegmentClosedAt = changed.lastSegmentClosedAt();
        status.gaps = changed.gaps().toArray(String[]::new);
        status.announcedAt = changed.at();
        status.persist();
    }

    public boolean shouldStream() {
        return STREAMING_STATES.contains(state);
    }

    public List<String> gapList() {
        return List.of(gaps);
    }
}
