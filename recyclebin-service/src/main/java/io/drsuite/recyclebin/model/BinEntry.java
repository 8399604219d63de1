package io.drsuite.recyclebin.model;

import io.drsuite.platform.paging.Keyset;
import io.drsuite.platform.paging.KeysetQuery;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.recyclebin.bin.BinRecord;
import io.drsuite.recyclebin.bin.ObjectKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A recycle-bin entry as this service knows it. {@code entryId} is the record's id inside the managed database;
 * the same record seen in a DR cluster's replica is a second entry (of that cluster) with the same entry id.
 */
@Entity
@Table(name = "bin_entry")
public class BinEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "entry_id", nullable = false)
    public UUID entryId;

    @Column(nullable = false)
    public String cluster;

    @Column(nullable = false)
    public String database;

    @Convert(converter = ObjectKindConverter.class)
    @Column(nullable = false)
    public ObjectKind kind;

    @Column(name = "original_schema")
    public String originalSchema;

    @Column(name = "original_name", nullable = false)
    public String originalName;

    @Column(name = "bin_name", nullable = false)
    public String binName;

    @Column(name = "dropped_at", nullable = false)
    public Instant droppedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "dropped_by", nullable = false)
    public String droppedBy;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Convert(converter = EntryStateConverter.class)
    @Column(nullable = false)
    public EntryState state;

    @Column(name = "restored_as")
    public String restoredAs;

    @Column(name = "ended_at")
    public Instant endedAt;

    /**
     * The entry for a record found in a cluster's database. On the cluster that recycled it the API id is the
     * record's id; on another (a DR replica) it is derived from cluster and record id, so both can be listed.
     */
    public static BinEntry of(String cluster, String database, BinRecord record, boolean recordedHere) {
        BinEntry entry = new BinEntry();
        entry.id = recordedHere ? record.id()
                : UUID.nameUUIDFromBytes((cluster + "/" + record.id()).getBytes(StandardCharsets.UTF_8));
        entry.entryId = record.id();
        entry.cluster = cluster;
        entry.database = database;
        entry.kind = record.kind();
        entry.originalSchema = record.originalSchema();
        entry.originalName = record.originalName();
        entry.binName = record.bin();
        entry.droppedAt = record.droppedAt();
        entry.expiresAt = record.expiresAt();
        entry.droppedBy = record.droppedBy();
        entry.sizeBytes = record.sizeBytes();
        entry.state = EntryState.RECYCLED;
        return entry;
    }

    /** The record as it is kept inside the managed database. */
    public BinRecord record() {
        return new BinRecord(entryId, kind, kind.objectDatabase(database, originalName), originalSchema,
                originalName, binName, droppedAt, expiresAt, droppedBy, sizeBytes);
    }

    /** The database whose bin holds the record: the object's own, or {@code postgres} for a database. */
    public String recordDatabase() {
        return kind.ledgerDatabase(database);
    }

    public boolean isRecycled() {
        return state.isInBin();
    }

    /** @param as the name it is back under; null when it was restored on another cluster (its primary) */
    public void setAsRestored(String as) {
        state = EntryState.RESTORED;
        restoredAs = as;
        endedAt = Instant.now();
    }

    public void setAsPurged() {
        state = EntryState.PURGED;
        endedAt = Instant.now();
    }

    /** The entry locked for a change of state, so two ways of ending it (a purge, a sync) announce it once. */
    public static Optional<BinEntry> lockedIfRecycled(UUID id) {
        BinEntry entry = findById(id, LockModeType.PESSIMISTIC_WRITE);
        return entry != null && entry.isRecycled() ? Optional.of(entry) : Optional.empty();
    }

    public static Optional<BinEntry> find(String cluster, UUID entryId) {
        return find("cluster = ?1 and entryId = ?2", cluster, entryId).firstResultOptional();
    }

    /**
     * A page of entries, the latest dropped first (the id breaks ties), of one cluster, database, kind and state for
     * each of them that is given.
     */
    public static Page<BinEntry> newestFirst(String cluster, String database, ObjectKind kind, StateFilter states,
            PageRequest page) {
        KeysetQuery query = KeysetQuery.newestFirst("droppedAt", "id").whereEqual("cluster", cluster)
                .whereEqual("database", database).whereEqual("kind", kind).whereEqual("state", states.state())
                .after(Keyset.after(page, UUID::fromString));
        return Page.of(BinEntry.<BinEntry>find(query.jpql(), query.parameters()).page(0, page.limit() + 1).list(),
                page, entry -> Keyset.key(entry.droppedAt, entry.id));
    }

    public static List<BinEntry> recycledIn(String cluster) {
        return list("cluster = ?1 and state = ?2", cluster, EntryState.RECYCLED);
    }

    public static List<BinEntry> expired(Instant now) {
        return list("state = ?1 and expiresAt < ?2 order by expiresAt", EntryState.RECYCLED, now);
    }

    /** Whether the record was restored through another cluster's entry (a DR replica's follows its primary's). */
    public static boolean restoredAnywhere(UUID entryId) {
        return count("entryId = ?1 and state = ?2", entryId, EntryState.RESTORED) > 0;
    }

    /** Entries and bytes in the bin per cluster: rows of (cluster, count, bytes). */
    public static List<Object[]> heldPerCluster() {
        return getEntityManager().createQuery("select e.cluster, count(e), sum(e.sizeBytes) from BinEntry e "
                + "where e.state = :state group by e.cluster", Object[].class)
                .setParameter("state", EntryState.RECYCLED).getResultList();
    }
}
