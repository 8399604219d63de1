package io.drsuite.task.wal;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.events.snapshot.WalEvents;
import io.drsuite.events.snapshot.WalSegmentArchived;
import io.drsuite.events.task.WalTasks;
import io.drsuite.storage.ObjectUpload;
import io.drsuite.storage.StorageLocation;
import io.drsuite.storage.StoredObject;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.wal.WalFile.Kind;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jboss.logging.Logger;

/**
 * Moves the files pg_receivewal completed from an archive's folder into its storage location, gzip-compressed, and
 * announces each one ({@code WalSegmentArchived}). A partial segment goes only once its timeline has ended. A file
 * leaves the folder once stored and announced, except the newest complete segment (pg_receivewal starts again
 * right after it) and the history files (they tell where each timeline ended); those are remembered as archived in
 * the step's artifact {@value #KEPT}, so they are not announced again.
 */
@ApplicationScoped
class SegmentUploads {

    /** Artifact: the files archived but kept in the folder, one per line. */
    static final String KEPT = "archivedAndKept";

    private static final Logger LOG = Logger.getLogger(SegmentUploads.class);
    private static final int BUFFER = 1 << 16;

    private final MeterRegistry metrics;

    SegmentUploads(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Stores and announces every completed file not archived yet; returns how many. */
    int archiveCompleted(WalStream stream, StorageLocation location, ArchiveFolder folder, long segmentBytes,
            StepContext context) throws IOException {
        List<WalFile> files = folder.walFiles();
        Set<String> kept = new TreeSet<>(WalTasks.splitLines(context.artifact(KEPT).orElse(null)));
        Set<String> keptBefore = Set.copyOf(kept);
        int newestTimeline = files.stream().mapToInt(WalFile::timeline).max().orElse(0);
        Optional<WalFile> newestSegment = files.stream().filter(file -> file.kind() == Kind.SEGMENT)
                .max(WalFile.ARCHIVE_ORDER);
        List<WalFile> ready = files.stream().filter(file -> !kept.contains(file.name()))
                .filter(file -> file.kind() != Kind.PARTIAL || file.timeline() < newestTimeline)
                .sorted(WalFile.ARCHIVE_ORDER).toList();
        for (WalFile file : ready) {
            context.remaining();
            archive(stream, location, folder, file, switchPoint(folder, files, file), segmentBytes, context);
            if (file.kind() == Kind.HISTORY || newestSegment.filter(file::equals).isPresent()) {
                kept.add(file.name());
            } else {
                Files.delete(folder.file(file));
            }
        }
        for (WalFile file : files) {
            if (file.kind() == Kind.SEGMENT && kept.contains(file.name())
                    && newestSegment.filter(file::equals).isEmpty()) {
                Files.delete(folder.file(file));
                kept.remove(file.name());
            }
        }
        kept.retainAll(files.stream().map(WalFile::name).toList());
        if (!kept.equals(keptBefore)) {
            context.recordNow(KEPT, WalTasks.joinLines(List.copyOf(kept)));
        }
        return ready.size();
    }

    private void archive(WalStream stream, StorageLocation location, ArchiveFolder folder, WalFile file,
            Lsn partialEnd, long segmentBytes, StepContext context) throws IOException {
        Path path = folder.file(file);
        Instant closedAt = Files.getLastModifiedTime(path).toInstant();
        String key = WalTasks.objectKey(stream.keyPrefix(), file.name());
        StoredObject stored;
        try (ObjectUpload upload = location.upload(key)) {
            try (OutputStream gzip = new FastGzip(new KeptOpen(upload))) {
                Files.copy(path, gzip);
            }
            stored = upload.commit();
        }
        String start = null;
        String end = null;
        if (file.kind() != Kind.HISTORY) {
            start = file.startLsn(segmentBytes).toString();
            end = file.kind() == Kind.SEGMENT ? file.endLsn(segmentBytes).toString()
                    : partialEnd == null ? null : partialEnd.toString();
        }
        context.announce(WalEvents.SEGMENT_ARCHIVED, stream.archiveId().toString(), new WalSegmentArchived(
                stream.archiveId(), stream.cluster(), file.name(), file.kind().wireName(), file.timeline(), start, end,
                stream.storage(), key, stored.sizeBytes(), stored.sha256(), closedAt, Instant.now()));
        metrics.counter("drsuite.wal.files.archived", "cluster", stream.cluster()).increment();
        LOG.debugf("Archive %s: stored %s as %s (%d bytes)", stream.archiveId(), file.name(), key,
                stored.sizeBytes());
    }

    /**
     * Where the timeline of a partial segment ended, from a later timeline's history file (its line for that
     * timeline); null when no history file here names it.
     */
    private static Lsn switchPoint(ArchiveFolder folder, List<WalFile> files, WalFile partial) throws IOException {
        if (partial.kind() != Kind.PARTIAL) {
            return null;
        }
        List<WalFile> histories = files.stream().filter(file -> file.kind() == Kind.HISTORY
                && file.timeline() > partial.timeline()).sorted(WalFile.ARCHIVE_ORDER).toList();
        for (WalFile history : histories) {
            for (String line : Files.readAllLines(folder.file(history))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 2 && fields[0].matches("\\d+")
                        && Integer.parseInt(fields[0]) == partial.timeline()) {
                    return Lsn.parse(fields[1]);
                }
            }
        }
        return null;
    }

    /** Lets the gzip stream finish without closing the upload, which must be committed after it. */
    private static final class KeptOpen extends FilterOutputStream {

        KeptOpen(OutputStream upload) {
            super(upload);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /**
     * gzip at level 1, as physical snapshots are: the default level 6 halved the archive's throughput on two cores
     * (measured with {@code ./drsuite benchmark pitr}) for a few percent less stored; WAL compresses well either way.
     */
    private static final class FastGzip extends GZIPOutputStream {

        FastGzip(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
