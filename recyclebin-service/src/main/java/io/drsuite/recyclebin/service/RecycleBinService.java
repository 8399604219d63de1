package io.drsuite.recyclebin.service;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.recyclebin.api.DropRequest;
import io.drsuite.recyclebin.bin.BinMover;
import io.drsuite.recyclebin.bin.BinNames;
import io.drsuite.recyclebin.bin.BinRecord;
import io.drsuite.recyclebin.bin.ObjectKind;
import io.drsuite.recyclebin.model.BinEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Recycles, restores and purges objects. The managed database changes first, with the bin's record, in one
 * transaction of its own; then this service records the entry and its event. Should this service fail in between,
 * the record in the managed database is still there and {@link BinSync} picks it up.
 */
@ApplicationScoped
public class RecycleBinService {

    private static final Logger LOG = Logger.getLogger(RecycleBinService.class);

    private final BinClusters clusters;
    private final BinMover mover;
    private final BinAnnouncer announcer;
    private final BinRetentions retentions;

    RecycleBinService(BinClusters clusters, BinMover mover, BinAnnouncer announcer, BinRetentions retentions) {
        this.clusters = clusters;
        this.mover = mover;
        this.announcer = announcer;
        this.retentions = retentions;
    }

    public BinEntry drop(DropRequest request) {
        KnownCluster cluster = clusters.writable(request.cluster());
        String droppedBy = Objects.requireNonNullElse(ChangeOrigins.current().requestedBy(), "api");
        UUID entryId = UUID.randomUUID();
        Duration retention = retentions.retention(cluster.name);
        String schema = request.schema() == null && request.table() != null ? "public" : request.schema();
        if (schema != null && BinNames.isSystemSchema(schema)) {
            throw ProblemException.unprocessable("system-object", "System object", "schema '" + schema
                    + "' belongs to the system or to the recycle bin itself");
        }
        ObjectKind kind = request.table() != null ? ObjectKind.TABLE
                : schema != null ? ObjectKind.SCHEMA : ObjectKind.DATABASE;
        if (kind == ObjectKind.DATABASE && BinNames.isSystemDatabase(request.database())) {
            throw ProblemException.unprocessable("system-object", "System object", "database '" + request.database()
                    + "' belongs to the system or to the recycle bin itself");
        }
        BinRecord record = clusters.withSession(cluster, kind.ledgerDatabase(request.database()),
                session -> switch (kind) {
                    case TABLE -> mover.recycleTable(session, schema, request.table(), entryId, retention, droppedBy);
                    case SCHEMA -> mover.recycleSchema(session, schema, entryId, retention, droppedBy);
                    case DATABASE -> mover.recycleDatabase(session, request.database(), entryId, retention,
                            droppedBy);
                });
        LOG.infof("Recycled %s %s of %s/%s as %s", record.kind().wireName(), record.originalName(), cluster.name,
                request.database(), record.binName());
        return recorded(cluster.name, request.database(), record);
    }

    /**
     * The service's entry for a record just committed in the managed database. The sync may find that record
     * first and record the entry itself (it announces it then); the entry is there either way.
     */
    private BinEntry recorded(String cluster, String database, BinRecord record) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> BinEntry.<BinEntry>findByIdOptional(record.id())
                    .orElseGet(() -> {
                        BinEntry entry = BinEntry.of(cluster, database, record, true);
                        entry.persist();
                        announcer.announce(entry);
                        return entry;
                    }));
        } catch (RuntimeException raced) {
            return QuarkusTransaction.requiringNew().call(() -> BinEntry.<BinEntry>findByIdOptional(record.id()))
                    .orElseThrow(() -> raced);
        }
    }

    /** Puts the object back under its name, or {@code as}; a name in use is a 409 and changes nothing. */
    public BinEntry restore(UUID id, String as) {
        KnownCluster cluster = clusters.writable(recycled(id).cluster);
        return ending(id, entry -> {
            String name = as == null ? entry.originalName : as;
            clusters.useSession(cluster, entry.recordDatabase(),
                    session -> mover.restore(session, entry.record(), name));
            entry.setAsRestored(name);
            LOG.infof("Restored %s %s of %s as %s", entry.kind.wireName(), entry.originalName, entry.cluster, name);
        });
    }

    /** Destroys the object for good. */
    public BinEntry purge(UUID id) {
        KnownCluster cluster = clusters.writable(recycled(id).cluster);
        return ending(id, entry -> {
            clusters.useSession(cluster, entry.recordDatabase(), session -> mover.purge(session, entry.record()));
            entry.setAsPurged();
        });
    }

    /** Purges every entry of the cluster; {@code confirm} must repeat the cluster's name. */
    public int purgeAll(String clusterName, String confirm) {
        if (!clusterName.equals(confirm)) {
            throw ProblemException.badRequest("confirm", "purging a cluster's whole bin destroys its objects for "
                    + "good; repeat the cluster's name in confirm");
        }
        clusters.writable(clusterName);
        List<BinEntry> entries = QuarkusTransaction.requiringNew().call(() -> BinEntry.recycledIn(clusterName));
        entries.forEach(entry -> purge(entry.id));
        return entries.size();
    }

    /** Retention purges what expired, except on a DR replica, which follows its primary's purge by replication. */
    public void purgeExpired(BinEntry entry) {
        if (clusters.drRelationship(entry.cluster).isPresent()) {
            return;
        }
        purge(entry.id);
        LOG.infof("Purged expired %s %s of %s/%s", entry.kind.wireName(), entry.originalName, entry.cluster,
                entry.database);
    }

    private BinEntry recycled(UUID id) {
        BinEntry entry = QuarkusTransaction.requiringNew().call(() -> BinEntry.<BinEntry>findByIdOptional(id))
                .orElseThrow(() -> ProblemException.notFound("entry", "no recycle-bin entry " + id));
        if (!entry.isRecycled()) {
            throw ProblemException.conflict("entry-ended", "entry " + id + " was " + entry.state.wireName()
                    + (entry.restoredAs == null ? "" : " as " + entry.restoredAs));
        }
        return entry;
    }

    /**
     * Ends an entry: the managed database's change and the entry's new state and event happen while the entry's row
     * is locked, so the sync (which locks it too before ending an entry whose record it no longer finds) waits and
     * then leaves it alone. A refusal rolls everything back.
     */
    private BinEntry ending(UUID id, Consumer<BinEntry> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BinEntry entry = BinEntry.lockedIfRecycled(id).orElseThrow(() -> ProblemException.conflict("entry-ended",
                    "entry " + id + " is no longer in the bin"));
            change.accept(entry);
            announcer.announce(entry);
            return entry;
        });
    }
}
