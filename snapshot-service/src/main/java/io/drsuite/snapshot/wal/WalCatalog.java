package io.drsuite.snapshot.wal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.events.snapshot.WalArchiveChanged;
import io.drsuite.events.snapshot.WalEvents;
import io.drsuite.events.snapshot.WalSegmentArchived;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.WalArchive;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The catalog of archived WAL: records each file task-service stored once, and keeps every archive's summary (last
 * segment, gaps, recovery window) current, announcing it in the same transaction whenever it changes. A recorded
 * file only marks the summary stale: recomputing it reads all of the archive's segments, so {@link WalSummaries}
 * does it once for every file that arrived since its last pass, not once per file.
 */
@ApplicationScoped
public class WalCatalog {

    private static final Logger LOG = Logger.getLogger(WalCatalog.class);

    private final EventInbox inbox;
    private final ArchivedWalFiles files;
    private final EventOutbox outbox;
    private final ObjectMapper json;

    WalCatalog(EventInbox inbox, ArchivedWalFiles files, EventOutbox outbox, ObjectMapper json) {
        this.inbox = inbox;
        this.files = files;
        this.outbox = outbox;
        this.json = json;
    }

    /** A file stored by an archive's streaming; other events of the topic (our own announcements) pass by. */
    @Transactional
    public void apply(IncomingEvent event) {
        if (!event.is(WalEvents.SEGMENT_ARCHIVED) || !inbox.firstDelivery(event)) {
            return;
        }
        WalSegmentArchived file = event.payload(WalEvents.SEGMENT_ARCHIVED, json);
        WalArchive archive = WalArchive.locked(file.archiveId());
        if (archive == null) {
            LOG.warnf("WAL file %s of unknown archive %s ignored", file.fileName(), file.archiveId());
            return;
        }
        if (files.record(file)) {
            archive.summaryStale = true;
        }
    }

    /** Recomputes the archive's summary; announces it when it changed. The archive is locked by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void summarize(WalArchive archive) {
        archive.summaryStale = false;
        WalContinuity continuity = continuity(archive.id);
        RecoveryWindow window = window(archive, continuity);
        ArchivedSegment newest = continuity.newest().orElse(null);
        boolean changed = archive.summarize(newest == null ? null : newest.fileName(),
                newest == null ? null : newest.closedAt(), continuity.gaps(), window.start(), window.end());
        if (changed) {
            announce(archive);
        }
    }

    /** The cluster's physical snapshots changed: its archives' recovery windows may have. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void snapshotsChanged(String cluster) {
        for (WalArchive archive : WalArchive.ofCluster(cluster)) {
            summarize(WalArchive.locked(archive.id));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(WalArchive archive) {
        outbox.record(WalEvents.ARCHIVE_CHANGED, archive.id.toString(), new WalArchiveChanged(archive.id,
                archive.cluster, archive.storage, archive.state.wireName(), archive.lastSegment,
                archive.lastSegmentClosedAt, archive.gapList(), archive.windowStart, archive.windowEnd,
                Instant.now()));
    }

    public WalContinuity continuity(UUID archiveId) {
        return WalContinuity.of(files.segments(archiveId));
    }

    public List<String> historyFiles(UUID archiveId) {
        return files.historyFiles(archiveId);
    }

    /** The archived WAL a restore from {@code base} replays: from the base's start to the newest segment. */
    public WalToReplay fromBase(WalArchive archive, WalContinuity continuity, Snapshot base) {
        return new WalToReplay(archive, continuity.runsFrom(base.timeline, Lsn.parse(base.startLsn).value()).stream()
                .map(WalStretch::run).toList(), historyFiles(archive.id));
    }

    /** The recovery window and the snapshots a restore can start from, newest first. */
    public RecoveryWindow window(WalArchive archive, WalContinuity continuity) {
        List<Snapshot> bases = Snapshot.restorableBasesOf(archive.cluster).stream()
                .filter(snapshot -> usableBase(snapshot, continuity)).toList();
        if (bases.isEmpty() || continuity.latest().isEmpty()) {
            return RecoveryWindow.NONE;
        }
        return new RecoveryWindow(bases.getLast().consistentAt, continuity.latest().orElseThrow(), bases);
    }

    private static boolean usableBase(Snapshot snapshot, WalContinuity continuity) {
        return continuity.continuousFrom(snapshot.timeline, Lsn.parse(snapshot.startLsn).value())
                && (snapshot.endLsn == null || continuity.reaches(Lsn.parse(snapshot.endLsn).value()));
    }
}
